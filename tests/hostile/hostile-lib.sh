# hostile-lib.sh - helpers for the hostile-input tests. Source it after
# tests/lib.sh and tests/daemon/daemon-lib.sh.
#
# Big inputs are generated at test time in $T (never committed).

# gen_footnotes FILE KIND: a resolution whose operative paragraph carries
# 200,000 footnote markers: "same" (one mark, ¹, 200,000 times, over 200
# lines: valid, indexed), "distinct" (marks 1 to 200,000 with their
# footnotes: over resdex's limits, rejected).
gen_footnotes() {
    awk -v kind="$2" 'BEGIN {
        split("⁰ ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹", sup, " ")
        print "Resolution 55/12. Footnotes without end\n"
        print "Recalling its resolution 54/1,\n"
        print "1. Encourages Member States"
        for (l = 0; l < 200; l++) {
            line = ""
            for (i = 1; i <= 1000; i++) {
                if (kind == "same") m = "¹"
                else { n = l * 1000 + i; m = ""; while (n > 0) { m = sup[n % 10 + 1] m; n = int(n / 10) } }
                line = line " w" m
            }
            print line
        }
        print ";\n\n¹ The one footnote.\n"
        if (kind != "same")
            for (i = 2; i <= 200000; i++) {
                n = i; m = ""; while (n > 0) { m = sup[n % 10 + 1] m; n = int(n / 10) }
                print m " Footnote " i ".\n"
            }
    }' >"$1"
}

# rejected FILE [REASON]: the --once run logged a warning naming FILE (and
# REASON, a grep -E pattern), and the index records the rejection.
rejected() {
    local f="$1" why="${2:-}"
    grep -qE "^resdexd: warning: ${f}[:].*$why" "$T/err" || {
        echo "no warning naming $f${why:+ ($why)} in: $(grep warning "$T/err" | head -c 600)" >&2
        return 1
    }
    has_meta "rejected:$f"
}

# samples_indexed: every sample file is indexed with exactly its paragraphs.
samples_indexed() {
    local f b
    for f in "$SAMPLES"/*.txt; do
        b=$(basename "$f")
        same_as "$b" "$b" || { echo "sample $b not indexed as in a clean build" >&2; return 1; }
    done
}

# no_signal STATUS: the status is not a death by signal (> 128), nor
# timeout's 124.
no_signal() { [ "$1" -le 2 ]; }

# parse_refuses DIR FILE...: `resdex parse` of each file exits 2 with one
# line on stderr naming it (never a signal, never a hang).
parse_refuses() {
    local dir="$1" f st
    shift
    for f in "$@"; do
        timeout 60 "$RESDEX" parse "$dir/$f" >/dev/null 2>"$T/p.err"
        st=$?
        check "parse $f: exit 2" test "$st" -eq 2
        check "parse $f: one line naming it" sh -c \
            "[ \$(wc -l <\"$T/p.err\") -eq 1 ] && grep -q '$f' \"$T/p.err\""
    done
}
