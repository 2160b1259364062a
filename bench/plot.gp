# bench/plot.gp - each figure of summary.tsv against corpus size, resdex
# beside bare Xapian and SQLite FTS5. Run in the results folder (bench/run
# does): writes <figure>.svg and <figure>.png, and ratios.svg/.png.
set datafile separator "\t"
set datafile missing "NaN"
set key top left
set grid
set logscale x
set xlabel "paragraphs"
set format x "%.0s%c"
set style data linespoints

# Columns of summary.tsv: 1 paragraphs, then for each figure resdex, bare, fts5.
fig(i) = 2 + 3 * i
figures = "build_s build_rss_kb index_bytes q_mean_us q_p99_us oneshot_mean_ms"
titles = "'index build time (s)' 'index build peak RSS (MiB)' 'index size on disk (MiB)' \
'query mean, batch (ms)' 'query p99, batch (ms)' 'one-shot CLI (ms)'"
scales = "1 1024 1048576 1000 1000 1"

do for [i = 0:5] {
    name = word(figures, i + 1)
    scale = real(word(scales, i + 1))
    c = fig(i)
    do for [term = 1:2] {
        if (term == 1) { set terminal svg size 640,420 dynamic; set output name . ".svg" }
        else { set terminal png size 640,420; set output name . ".png" }
        set title word(titles, i + 1)
        set ylabel ""
        plot "summary.tsv" using 1:(column(c) / scale) title "resdex" lw 2, \
             "" using 1:(column(c + 1) / scale) title "bare Xapian", \
             "" using 1:(column(c + 2) / scale) title "SQLite FTS5"
        unset output
    }
}

# Ratios: resdex over each competitor (1 = even; below 1 resdex is ahead).
do for [term = 1:2] {
    if (term == 1) { set terminal svg size 640,420 dynamic; set output "ratios.svg" }
    else { set terminal png size 640,420; set output "ratios.png" }
    set key bottom left
    set title "resdex / competitor (below 1: resdex ahead)"
    set ylabel "ratio"
    plot "summary.tsv" using 1:(column(fig(0)) / column(fig(0) + 1)) title "build time / bare", \
         "" using 1:(column(fig(3)) / column(fig(3) + 1)) title "query mean / bare", \
         "" using 1:(column(fig(3)) / column(fig(3) + 2)) title "query mean / FTS5", \
         "" using 1:(column(fig(2)) / column(fig(2) + 1)) title "index size / bare", \
         1 notitle lc "black" dt 2 with lines
    unset output
}
