#!/bin/bash
# The tarball ships what the repository holds (issue 18): `make distdir`
# (the folder `make dist` packs) into a scratch folder has every file that
# `git ls-files` lists, executable where git has it executable, except
# those of the repository alone, named in NOT_SHIPPED below. A file added to
# git but to no _SOURCES, EXTRA_DIST or _DATA list fails here, not in the
# build of a user who unpacked the tarball. From a tarball (no git
# checkout): skipped.
. "$top_srcdir/tests/lib.sh"
# Files that are git's own, not the build's (an extended regular
# expression matching the whole path).
NOT_SHIPPED='(.*/)?\.gitignore'
toplevel=$(git -C "$top_srcdir" rev-parse --show-toplevel 2>/dev/null)
if [ -z "$toplevel" ] || [ "$(cd "$toplevel" && pwd -P)" != "$(cd "$top_srcdir" && pwd -P)" ]; then
    echo "SKIP: $top_srcdir is not a git checkout (a tarball's)" >&2
    exit 77
fi
git -C "$top_srcdir" ls-files -s | awk '{ print $1, $4 }' | grep -Ev "^[0-9]+ ($NOT_SHIPPED)\$" >"$T/tracked"
check "git tracks files" test "$(wc -l <"$T/tracked")" -gt 100
check "make distdir: $(tail -5 "$T/make.out" 2>/dev/null)" \
    ${MAKE:-make} -s -C "$top_builddir" distdir distdir="$T/dist" >"$T/make.out" 2>&1
: >"$T/missing"
: >"$T/not-executable"
while read -r mode file; do
    if [ ! -e "$T/dist/$file" ]; then
        echo "$file" >>"$T/missing"
    elif [ "$mode" = 100755 ] && [ ! -x "$T/dist/$file" ]; then
        echo "$file" >>"$T/not-executable"
    fi
done <"$T/tracked"
check "every tracked file is in the tarball (add it to an EXTRA_DIST): $(tr '\n' ' ' <"$T/missing")" \
    test ! -s "$T/missing"
check "the tracked scripts stay executable: $(tr '\n' ' ' <"$T/not-executable")" \
    test ! -s "$T/not-executable"
finish
