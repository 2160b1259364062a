#!/bin/sh
# The error contract of include/resdex.h, call by call, through the shared
# library (tests/libapi/lasterror.c): after a success the handle's last
# error is "", after a failure it is a message.
. "$top_srcdir/tests/lib.sh"
"$top_builddir/tests/libapi/lasterror" "$top_srcdir/include/resdex.h" "$top_srcdir/corpus" "$T"
