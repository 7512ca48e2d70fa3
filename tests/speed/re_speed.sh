#!/bin/sh
# Runs re_speed.py under CPython 3.12 and apython (release build) side by side.
# Usage: tests/speed/re_speed.sh [path/to/apython]
here=$(dirname "$0")
apy=${1:-$here/../../target/release/apython}
py=${APYTHON_PYTHON:-$(ls -d ~/.pyenv/versions/3.12.*/bin/python3.12 2>/dev/null | head -1)}
echo "== CPython ($py)"
"$py" "$here/re_speed.py"
echo "== apython ($apy)"
"$apy" "$here/re_speed.py"
