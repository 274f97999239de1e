#!/bin/sh
# Compiles src/ and test/ and runs the tests; exits non-zero when a test fails.
set -e
rm -rf build
mkdir -p build
javac -d build src/*.java test/*.java
java -ea -cp build WrapTest
