#!/bin/sh
# resdex serve's page in a real browser: Debian's chromium, headless, driven
# by puppeteer-core (tests/web/browser.mjs), against a server on a free
# loopback port over the samples, a hostile document (markup in its text)
# and A/RES/80/229 in the six languages from the shared corpus. Skipped (77)
# when the browser or puppeteer-core is missing, except in CI
# (RESDEX_REQUIRE_SHARED=1, set by .ci/run), where that is a failure.
# puppeteer-core is looked for in RESDEX_NODE_MODULES (configure's; by
# default the source tree's tests/web/node_modules, which make distcheck
# passes on to the unpacked tarball, which has none).
# RESDEX_SCREENSHOTS=DIR: also write the page's screenshots there (doc/).
. "$top_srcdir/tests/lib.sh"
shared_or_skip
QUERY_NO_SAMPLES=1
. "$top_srcdir/tests/query/query-lib.sh"
. "$top_srcdir/tests/web/serve-lib.sh"

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
NODE_MODULES=${RESDEX_NODE_MODULES:-$top_srcdir/tests/web/node_modules}
missing=
[ -n "$CHROMIUM" ] || missing="chromium"
command -v node >/dev/null || missing="$missing node"
[ -d "$NODE_MODULES/puppeteer-core" ] || missing="$missing puppeteer-core (in $NODE_MODULES)"
if [ -n "$missing" ]; then
    if [ "${RESDEX_REQUIRE_SHARED:-0}" = 1 ]; then
        echo "FAIL: missing for the browser tests:$missing (scripts/install-deps --web)" >&2
        exit 1
    fi
    echo "SKIP: missing:$missing (scripts/install-deps --web installs them)" >&2
    exit 77
fi

mkdir "$T/c"
cp "$top_srcdir"/corpus/*.txt "$T/c/"
for l in English French Spanish Russian Arabic Chinese; do
    cp "$SHARED"/corpus/akn/ga/80session/$l/A_RES_80_229*.xml "$T/c/" || { echo "FAIL: no A/RES/80/229 in $l" >&2; exit 1; }
done
# A document whose text is markup: it must be shown as text, never run.
cat >"$T/c/hostile.txt" <<'DOC'
Resolution 55/12. Hostile markup in a document

Recalling that <b>bold</b> is not markup here,

1. Encourages Member States to read <script>window.pwned=1</script> and <img src=x onerror="window.pwned=2"> as plain text &amp; nothing else;

2. Decides to remain seized of the matter.
DOC
chmod u+w "$T"/c/*
build_index "$T/c" "$T/db"
start_server "$T/db"
rc=0
# An ES module finds its imports in the node_modules beside it (NODE_PATH
# is for require()): the script is run from a copy with those modules beside.
mkdir "$T/web"
cp "$top_srcdir/tests/web/browser.mjs" "$T/web/"
ln -s "$NODE_MODULES" "$T/web/node_modules"
CHROMIUM="$CHROMIUM" URL="$URL" timeout 300 node "$T/web/browser.mjs" || rc=$?
check "SIGTERM: exit 0" stop_server
[ "$rc" -eq 0 ] || fail "browser.mjs exited $rc"
finish
