# gen-corpus.awk - small generated resolutions for the crash tests:
#   awk -v n=300 -v dir=DIR -v seed=S [-v from=1] -f gen-corpus.awk
# writes DIR/dK/gen-F.txt for F = from .. from+n-1 (K = F mod 6): a
# resolution of 4 preambular and 8 operative paragraphs whose wording
# depends on the seed, so that a new seed rewrites the files.
BEGIN {
    srand(seed)
    nw = split("prison justice drugs crime victims children women health police courts " \
               "trafficking corruption cooperation evidence training data", w, " ")
    nv = split("Encourages|Requests|Invites|Urges|Calls upon|Decides|Also requests|Welcomes", v, "|")
    if (!from)
        from = 1
    for (f = from; f < from + n; f++) {
        file = dir "/d" (f % 6) "/gen-" f ".txt"
        printf "Resolution %d/%d. Generated resolution %d on %s\n\n", 40 + f % 30, f, f,
            w[f % nw + 1] > file
        for (p = 1; p <= 4; p++)
            printf "Recalling its resolution %d/%d on %s and %s,\n\n", 30 + p, f + p,
                w[int(rand() * nw) + 1], w[int(rand() * nw) + 1] > file
        for (p = 1; p <= 8; p++)
            printf "%d. %s Member States to address %s, %s and %s (seed %d);\n\n", p,
                v[int(rand() * nv) + 1], w[int(rand() * nw) + 1], w[int(rand() * nw) + 1],
                w[int(rand() * nw) + 1], seed > file
        close(file)
    }
}
