#!/bin/sh
# Checks the center feature: compiles src/ with checks/CenterCheck.java and runs it.
set -e
rm -rf build/center
mkdir -p build/center
javac -d build/center src/*.java checks/CenterCheck.java
java -ea -cp build/center CenterCheck
