#!/bin/sh
# Checks the rename: TextWrap.lines exists, nothing calls wrap any more, and everything still compiles.
set -e
grep -q 'public static List<String> lines(String text, int width)' src/TextWrap.java
if grep -n 'wrap(' src/*.java test/*.java; then
    echo "wrap( is still used" >&2
    exit 1
fi
rm -rf build/rename
mkdir -p build/rename
javac -d build/rename src/*.java test/*.java
