# readers-lib.sh - shared by tests/readers/*.sh: the Python that has the
# Debian modules (python3-cairo), whatever python3 comes first on PATH.
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=python3; fi
