#!/bin/sh
# resdex serve's JSON API against a running server on a free loopback port
# (curl): the hits of /api/search are resdex search --json's for the same
# query and options, byte for byte; show, similar and stats as the CLI's;
# the errors as JSON with their status (400 with the position of a bad
# query, 404, 405, 413, 414, 503 until the index exists and then the
# index seen without a restart); the page's files and their headers (CSP);
# no path from a URL reaches the file system; the access log; SIGTERM.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/query/query-lib.sh"
. "$top_srcdir/tests/web/serve-lib.sh"
command -v curl >/dev/null || { echo "SKIP: no curl (scripts/install-deps installs it)" >&2; exit 77; }

start_server "$T/db" --access-log "$T/access.log"

# The same hits as the command line, for several option sets.
same_hits() { # DESCRIPTION API_ARGS CLI_ARGS...
    d=$1 a=$2
    shift 2
    rs search --json "$@" >"$T/cli.json"
    get "/api/search?$a"
    check "$d: 200" status_is 200
    check "$d: hits as search --json" hits_equal "$T/cli.json"
}
same_hits "prison" "q=prison" prison
same_hits "phrase, limit 3 offset 2" "q=%22alternatives+to+imprisonment%22&limit=3&offset=2" \
    --limit 3 --offset 2 '"alternatives to imprisonment"'
same_hits "every kind, by date" "q=tokyo+rules&all=1&sort=date" --all --sort date tokyo rules
same_hits "grouped" "q=encourages&group=1&limit=5" --group --limit 5 encourages
same_hits "filters" "q=body:ecosoc+year:2017+restorative" body:ecosoc year:2017 restorative
same_hits "lang=en is lang:en" "q=prison&lang=en&full=1" --full prison lang:en
get "/api/search?q=prison&limit=2"
check "the answer's query, total, lang" subset '{"query":"prison","total":34,"total_exact":true,"lang":"en","offset":0}' "$T/out"
check "JSON" header_has 'Content-Type: application/json'
check "not cached" header_has 'Cache-Control: no-store'
get "/api/search?q=tokyo+rules&facets=1&limit=0"
check "facets: body, year, verb counted over every match (3 operative paragraphs)" \
    subset '{"total":3,"hits":[],"facets":{"body":{"CCPCJ":1,"GA":2},"year":{"2017":2,"2021":1}}}' "$T/out"
# kind and language over the matches without their default filter: the
# eight preambular paragraphs that name the Tokyo Rules (in 2017/30, its
# drafts A.II pp9, B.II pp4 and pp12 and CCPCJ 26/2 pp3; 2017/19 pp4 and
# pp12, whose "such as the Tokyo Rules" ends it; 2021/23 pp5; 2023/24 pp7)
# beside the three operative ones; every sample is English.
check "facets: kind of every kind, lang" \
    subset '{"facets":{"kind":{"preambular":8,"operative":3},"lang":{"en":3}}}' "$T/out"
get "/api/search?q=tokyo+rules&facets=1&limit=0&all=1"
check "facets with all=1: the same kinds, every one in English" \
    subset '{"facets":{"kind":{"preambular":8,"operative":3},"lang":{"en":11}}}' "$T/out"
get "/api/search?q=tokyo+rules+kind:preambular&facets=1&limit=0"
check "facets with kind:preambular: that kind only" \
    subset '{"facets":{"kind":{"preambular":8},"lang":{"en":8}}}' "$T/out"
get "/api/search?q=zzzxqy"
check "nothing found: 200, no hits" subset '{"total":0,"hits":[]}' "$T/out"

# show: a paragraph, a resolution, as resdex show --json.
rs show --json 'E/RES/2017/19#1' >"$T/cli.json"
get "/api/show?id=E/RES/2017/19%231"
check "show a paragraph: 200" status_is 200
check "show a paragraph: as show --json" cmp -s "$T/out" "$T/cli.json"
rs show --json '2017/19' >"$T/cli.json"
get "/api/show?id=2017/19"
check "show a resolution: as show --json" cmp -s "$T/out" "$T/cli.json"
check "show: its paragraphs in order" has "$T/out" '"paragraphs":[{"kind":"other","number":null'
get "/api/show?id=E/RES/2017/19%2399"
check "show: no such paragraph: 404" status_is 404
check "show: which" subset '{"error":"E/RES/2017/19 has no paragraph 99"}' "$T/out"
get "/api/show?id=E/RES/1900/1"
check "show: no such resolution: 404" status_is 404
get "/api/show"
check "show: no id: 400" status_is 400
get "/api/show?id=2017/19&lang=e%22n"
check "show: a bad lang: 400" status_is 400

# similar: a text in the body, a paragraph by id, its lineage.
TEXT='Also encourages Member States to build or enhance the capacity of criminal justice officials and practitioners, including through specialized training to promote better understanding and recognition of specific needs and conditions of offenders, while considering the risks to victims and society;'
rs similar --json --text "$TEXT" >"$T/cli.json"
get "/api/similar" -X POST --data-binary "$TEXT" -H 'Content-Type: text/plain'
check "similar: 200" status_is 200
check "similar: hits as similar --json" hits_equal "$T/cli.json"
check "similar: exact reuse first" has "$T/out" '"hits":[{"rank":1,"score":'
check "similar: E/RES/2017/19#5 at 1.0" grep -q '"id":"E/RES/2017/19#5".*"similarity":1.0' "$T/out"
rs similar --json --lineage 'E/RES/2017/19#1' >"$T/cli.json"
get "/api/similar?id=E/RES/2017/19%231&lineage=1" -X POST
check "lineage: as similar --lineage --json" hits_equal "$T/cli.json"
get "/api/similar" -X POST
check "similar: no text: 400" status_is 400
get "/api/similar?min=2" -X POST --data-binary "$TEXT"
check "similar: min out of range: 400" status_is 400

get "/api/fields"
check "fields: 200" status_is 200
check "fields: the query language from the schema" has "$T/out" '{"name":"year","values":null,"example":"year:2015..2023"'
check "fields: body with its values" grep -q '{"name":"body","values":"[^"]*ecosoc' "$T/out"
rs stats --json >"$T/cli.json"
get "/api/stats"
check "stats: as stats --json" cmp -s "$T/out" "$T/cli.json"

# Errors.
get "/api/search?q=%22alternatives+to"
check "bad query: 400" status_is 400
check "bad query: message and position" \
    subset '{"error":"unbalanced quote: the phrase opened (at position 1) is not closed","position":1}' "$T/out"
get "/api/search?q=prison+year:20x7"
check "bad filter: its position" subset '{"position":8}' "$T/out"
get "/api/search"
check "no query: 400" status_is 400
get "/api/search?q=prison&limit=101"
check "limit over 100: 400" status_is 400
get "/api/search?q=prison&sort=size"
check "bad sort: 400" status_is 400
long=$(head -c 9000 /dev/zero | tr '\0' 'a')
get "/api/search?q=$long"
check "query over 8192 bytes: 414" status_is 414
get "/api/search?q=x" -X POST
check "POST on a GET path: 405" status_is 405
check "405 says what is allowed" header_has 'Allow: GET, HEAD'
get "/api/similar"
check "GET on a POST path: 405" status_is 405
head -c 1100000 /dev/zero | tr '\0' 'a' >"$T/big"
get "/api/similar" -X POST --data-binary "@$T/big"
check "a body over 1 MiB: 413" status_is 413
check "413 as JSON" has "$T/out" '"error":"the request'"'"'s body is larger than 1 MiB"'
get "/api/similar" -X POST -H 'Transfer-Encoding: chunked' --data-binary "@$T/big"
check "a chunked body over 1 MiB: 413" status_is 413
# The draft check: the paragraphs as resdex check --json prints them.
printf '%s\n\nDecides to establish a working group of zoologists on penguins kept in penitentiary aquariums;\n' \
    "$TEXT" >"$T/draft.txt"
"$RESDEX" --db "$T/db" check --json "$T/draft.txt" >"$T/cli.json" 2>/dev/null
get "/api/check" -X POST --data-binary "@$T/draft.txt"
check "check: 200" status_is 200
check "check: the summary" subset '{"summary":{"agreed":1,"modified":0,"new":1}}' "$T/out"
check "check: paragraphs as check --json" \
    grep -qF -- "\"paragraphs\":[$(paste -sd, "$T/cli.json")]" "$T/out"
get "/api/check" -X POST
check "check: no draft: 400" status_is 400
i=0
while [ $i -lt 501 ]; do printf '%s. Decides to remain seized of the matter number %s;\n\n' $((i + 1)) $i; i=$((i + 1)); done >"$T/big-draft.txt"
get "/api/check" -X POST --data-binary "@$T/big-draft.txt"
check "check: a draft of 501 paragraphs: 413" status_is 413
check "check: 413 says the limit" has "$T/out" 'at most 500'
get "/api/search?q=prison&offset=10001"
check "search: an offset past 10000: 400" status_is 400
get "/api/check?min=2" -X POST --data-binary "@$T/draft.txt"
check "check: a bad min: 400" status_is 400
get "/api/nothing"
check "unknown API: 404" status_is 404
check "unknown API: the message lists every API, /api/fields too" has "$T/out" '/api/stats, /api/fields'

# The page: a fixed table of files; nothing else, whatever the path.
get "/"
check "/: 200" status_is 200
check "/: HTML" header_has 'Content-Type: text/html'
check "/: a Content-Security-Policy without inline script" header_has "Content-Security-Policy: default-src 'none'; script-src 'self';"
check "/: the script is a file" has "$T/out" '<script src="/app.js" defer></script>'
check "/: no inline script" sh -c "! grep -q '<script>' '$T/out'"
get "/app.js"
check "/app.js: JavaScript" header_has 'Content-Type: text/javascript'
check "/app.js: the file of web/" cmp -s "$T/out" "$top_srcdir/web/app.js"
get "/app.css"
check "/app.css: CSS" header_has 'Content-Type: text/css'
for p in /../../etc/passwd /etc/passwd /index.html/.. '/%2e%2e/%2e%2e/etc/passwd' /web/app.js /app.js.bak; do
    get "$p"
    check "$p: 404" status_is 404
    check "$p: nothing of the file system" hasnt "$T/out" 'root:'
done
get "/" -X DELETE
check "DELETE /: 405" status_is 405
get "/api/stats" -I
check "HEAD /api/stats: 200" status_is 200

# SIGTERM stops it cleanly (exit 0); the access log has a line per request.
check "SIGTERM: exit 0" stop_server
check "access log: the common format" \
    grep -qE '^127\.0\.0\.1 - - \[[0-9]{2}/[A-Z][a-z]{2}/[0-9]{4}:[0-9:]{8} [+-][0-9]{4}\] "GET /api/search\?q=prison HTTP/1\.1" 200 [0-9]+$' "$T/access.log"
check "access log: the 413" grep -q '"POST /api/similar HTTP/1.1" 413 ' "$T/access.log"

# 503 while the index cannot be opened; then resdexd builds it, and the
# same server answers from it, and sees a file added later.
start_server "$T/db2"
get "/api/search?q=prison"
check "no index: 503" status_is 503
check "no index: why, as JSON" has "$T/out" '"error":"the index cannot be opened: '
get "/"
check "no index: the page still loads" status_is 200
mkdir "$T/c2"
cp "$top_srcdir/corpus/ecosoc-2017-19.txt" "$T/c2/"
"$RESDEXD" --once --db "$T/db2" --corpus "$T/c2" 2>/dev/null
get "/api/search?q=restorative"
check "index built: 200 without a restart" status_is 200
check "index built: its hits" has "$T/out" '"id":"E/RES/2017/19#2"'
get "/api/search?q=symbol:2021/23"
check "before: no 2021/23" subset '{"total":0}' "$T/out"
cp "$top_srcdir/corpus/ecosoc-2021-23.txt" "$T/c2/"
"$RESDEXD" --once --db "$T/db2" --corpus "$T/c2" 2>/dev/null
get "/api/search?q=symbol:2021/23&all=1"
check "a commit of resdexd seen at the next request" has "$T/out" '"symbol":"E/RES/2021/23"'
check "SIGTERM: exit 0 (second server)" stop_server

# Only an address that parses; a port in use is an error, not a hang.
expect_status 2 "--listen without a port" "$RESDEX" --db "$T/db" serve --listen 127.0.0.1
check "--listen: the message" has "$T/err" "--listen '127.0.0.1' is not HOST:PORT"
expect_status 2 "serve takes no words" "$RESDEX" --db "$T/db" serve extra
finish
