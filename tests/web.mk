# resdex serve: the JSON API against a running server (curl), many clients
# at once, the limits on slow and greedy clients, and the page in a real
# browser (Debian's chromium driven by puppeteer-core: tests/web/
# package.json, installed by scripts/install-deps --web).
WEB_TESTS = tests/web/api.sh tests/web/concurrency.sh tests/web/limits.sh tests/web/browser.sh
TESTS += $(WEB_TESTS)
EXTRA_DIST += $(WEB_TESTS) tests/web/serve-lib.sh tests/web/package.json tests/web/package-lock.json tests/web/browser.mjs \
	tests/web/slowclient.py
