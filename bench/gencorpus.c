/* gencorpus.c - a synthetic corpus of UN resolutions for the benchmarks.
 *
 *   gencorpus [--paragraphs N] [--seed S] [--per-file K] [--unique-symbols] DIR
 *
 * --unique-symbols: every file its own resolution symbol, numbers 1-999 over
 * the years 1990-2024, so at most 34,965 files (2M paragraphs: --per-file 60);
 * by default numbers repeat, as copies of one resolution do, which resdexd
 * then settles.
 *
 * Writes resolution files shaped like the sample corpus (ECOSOC 2017/19,
 * 2021/23): heading furniture (body, "Distr.: General", session, agenda item,
 * "Resolution adopted by ..."), a symbol line "2017/19. Title", preambular
 * paragraphs ("Recalling ...", "Bearing in mind ..."), numbered operative
 * paragraphs with italic verbs ("1. *Encourages* Member States ...;"),
 * Unicode superscript footnote marks and footnote blocks where a "page"
 * ends (sometimes in the middle of a paragraph, as PDF conversions do), and
 * the meeting line at the end.
 *
 * The words follow a Zipf law over a vocabulary whose head is the real
 * vocabulary of the samples (vocab.h, most frequent first) and whose long
 * tail is made of synthetic words (syllable strings, one per rank), so that
 * a bigger corpus meets ever rarer words, as a real collection does.
 *
 * Everything comes from one seeded PRNG (splitmix64): the same arguments give
 * the same bytes on every machine. About N paragraphs are written in total
 * (operative and preambular, footnotes not counted), K per file on average,
 * into DIR/NNNN/ subfolders of 1,000 files each. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vocab.h"

/* ------------------------------------------------------------------------ */
/* Randomness                                                               */
/* ------------------------------------------------------------------------ */

static uint64_t rng_state;
static int unique_symbols;
/* --unique-symbols: numbers 1-999 (a reader takes no longer resolution
 * number), in the years 1990-2024: at most 34,965 files. */
#define UNIQUE_NUMBERS    999u
#define UNIQUE_FIRST_YEAR 1990u
#define UNIQUE_MAX_FILES  (UNIQUE_NUMBERS * 35u)

static uint64_t
rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static unsigned
rng_below(unsigned n)
{
    return (unsigned)(rng_next() % n);
}

/* Uniform in [lo, hi]. */
static unsigned
rng_range(unsigned lo, unsigned hi)
{
    return lo + rng_below(hi - lo + 1);
}

static double
rng_unit(void)
{
    return (double)(rng_next() >> 11) / 9007199254740992.0;
}

#define PICK(arr) ((arr)[rng_below(sizeof(arr) / sizeof((arr)[0]))])

/* ------------------------------------------------------------------------ */
/* The Zipf vocabulary                                                      */
/* ------------------------------------------------------------------------ */

/* Ranks 0 .. N_HEAD-1 are the sample words; beyond, synthetic words. A word
 * is drawn from the head (Zipf over the head's ranks) with probability
 * 1 - TAIL_SHARE, else from the tail (Zipf over TAIL_SIZE synthetic ranks):
 * real text is mostly common words with a trickle of rare ones, and the
 * trickle's distinct words keep growing with the corpus. */
#define N_HEAD     ((unsigned)(sizeof head_words / sizeof head_words[0]))
#define TAIL_SIZE  2000000u
#define TAIL_SHARE 0.08
#define ZIPF_S     1.0

static double *head_cdf, *tail_cdf;

static double *
zipf_table(unsigned n)
{
    double *cdf = malloc(n * sizeof *cdf);
    if (!cdf)
        return NULL;
    double sum = 0;
    for (unsigned r = 0; r < n; r++) {
        sum += 1.0 / pow((double)r + 1.0, ZIPF_S);
        cdf[r] = sum;
    }
    for (unsigned r = 0; r < n; r++)
        cdf[r] /= sum;
    return cdf;
}

static int
zipf_init(void)
{
    head_cdf = zipf_table(N_HEAD);
    tail_cdf = zipf_table(TAIL_SIZE);
    return head_cdf && tail_cdf ? 0 : -1;
}

static unsigned
zipf_draw(const double *cdf, unsigned n)
{
    double u = rng_unit();
    unsigned lo = 0, hi = n - 1;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static unsigned
zipf_rank(void)
{
    if (rng_unit() < TAIL_SHARE)
        return N_HEAD + zipf_draw(tail_cdf, TAIL_SIZE);
    return zipf_draw(head_cdf, N_HEAD);
}

/* The synthetic word of a rank beyond the head: its rank written in a base of
 * consonant-vowel syllables, so that every rank has its own word. */
static void
synthetic_word(unsigned rank, char *buf)
{
    static const char cons[] = "bdfgklmnprstvz";
    static const char vow[] = "aeiou";
    unsigned n = rank - N_HEAD + 1000; /* at least three syllables */
    size_t len = 0;
    while (n > 0 && len < 24) {
        unsigned syl = n % 70;
        n /= 70;
        buf[len++] = cons[syl % 14];
        buf[len++] = vow[syl / 14];
    }
    buf[len++] = "nsrlt"[rank % 5];
    buf[len] = '\0';
}

static const char *
word_of_rank(unsigned rank, char *buf)
{
    if (rank < N_HEAD)
        return head_words[rank];
    synthetic_word(rank, buf);
    return buf;
}

/* ------------------------------------------------------------------------ */
/* Output                                                                   */
/* ------------------------------------------------------------------------ */

/* One file's text is built in memory, then written at once. */
struct buf {
    char *p;
    size_t len, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            fprintf(stderr, "gencorpus: out of memory\n");
            exit(2);
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void
buf_puts(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ------------------------------------------------------------------------ */
/* The shape of a resolution                                                */
/* ------------------------------------------------------------------------ */

static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

static const char *const preamble_verbs[] = {
    "Recalling",
    "Recalling also",
    "Recalling further",
    "Reaffirming",
    "Reaffirming also",
    "Bearing in mind",
    "Bearing in mind also",
    "Noting",
    "Noting also",
    "Noting with concern",
    "Mindful of",
    "Taking note of",
    "Recognizing",
    "Recognizing also",
    "Concerned about",
    "Welcoming",
    "Stressing",
    "Emphasizing",
    "Acknowledging",
    "Convinced",
    "Deeply concerned",
    "Considering",
    "Expressing its appreciation for",
};

static const char *const operative_verbs[] = {
    "Encourages",
    "Also encourages",
    "Further encourages",
    "Requests",
    "Also requests",
    "Invites",
    "Calls upon",
    "Urges",
    "Recommends",
    "Also recommends",
    "Stresses",
    "Recognizes",
    "Welcomes",
    "Decides",
    "Emphasizes",
    "Reaffirms",
    "Takes note of",
    "Notes with appreciation",
    "Expresses its appreciation to",
    "Acknowledges",
};

static const char *const operative_subjects[] = {
    "Member States to",
    "Member States, as appropriate, to",
    "the United Nations Office on Drugs and Crime to",
    "the Secretary-General to",
    "the Commission on Crime Prevention and Criminal Justice to",
    "Member States and other donors to",
    "the institutes of the United Nations crime prevention and criminal justice programme "
    "network to",
    "that Member States",
    "the importance of",
    "the efforts of",
};

static const char *const title_verbs[] = {"Strengthening", "Promoting", "Preventing",
                                          "Countering",    "Improving", "Reducing"};

static const char *const superscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

static void
add_mark(struct buf *b, unsigned n)
{
    char digits[12];
    snprintf(digits, sizeof digits, "%u", n);
    for (const char *d = digits; *d; d++)
        buf_puts(b, superscripts[*d - '0']);
}

/* The doc state: footnotes used and not yet printed in a block. */
struct resolution_state {
    unsigned next_mark; /* the next footnote number */
    unsigned first_unprinted;
    unsigned paragraphs_on_page;
};

/* The text of a footnote: a citation, as most footnotes are. */
static void
footnote_text(struct buf *b)
{
    unsigned session = rng_range(40, 78), number = rng_range(1, 260);
    switch (rng_below(6)) {
    case 0:
        buf_printf(b, "General Assembly resolution %u/%u, annex.", session, number);
        break;
    case 1:
        buf_printf(b, "See General Assembly resolution %u/%u.", session, number);
        break;
    case 2:
        buf_printf(b, "Resolution %u/%u, annex.", session, number);
        break;
    case 3:
        buf_printf(b, "Economic and Social Council resolution 20%02u/%u.", session % 25, number);
        break;
    case 4:
        buf_printf(b, "United Nations, *Treaty Series*, vol. %u, No. %u.", session * 31, number);
        break;
    default:
        buf_printf(b, "General Assembly resolution [%u/%u](#), annex.", session, number);
    }
}

static void
footnote_block(struct buf *b, struct resolution_state *st)
{
    if (st->first_unprinted >= st->next_mark)
        return;
    for (unsigned m = st->first_unprinted; m < st->next_mark; m++) {
        buf_puts(b, "\n\n");
        add_mark(b, m);
        buf_puts(b, " ");
        footnote_text(b);
    }
    st->first_unprinted = st->next_mark;
    buf_puts(b, "\n\n\n\n");
}

/* `n` Zipf words with commas, footnote marks and, rarely, a page break (a
 * footnote block in mid-sentence, as the PDF conversions have). */
static void
add_words(struct buf *b, struct resolution_state *st, unsigned n, int may_break)
{
    char wbuf[64];
    unsigned break_at = may_break && rng_below(8) == 0 ? rng_range(1, n) : 0;
    for (unsigned i = 0; i < n; i++) {
        buf_puts(b, word_of_rank(zipf_rank(), wbuf));
        if (i + 1 == n)
            break;
        unsigned r = rng_below(1000);
        if (r < 7) {
            buf_puts(b, ",");
            add_mark(b, st->next_mark++);
        } else if (r < 77) {
            buf_puts(b, ",");
        }
        if (i + 1 == break_at && st->next_mark > st->first_unprinted) {
            /* The page ends here: the footnote block cuts the paragraph. */
            buf_puts(b, "\n");
            footnote_block(b, st);
            st->paragraphs_on_page = 0;
        } else {
            buf_puts(b, " ");
        }
    }
}

static unsigned
paragraph_length(void)
{
    /* Mostly 25-70 words, now and then a long one. */
    return rng_below(10) == 0 ? rng_range(80, 160) : rng_range(25, 70);
}

static void
end_of_paragraph(struct buf *b, struct resolution_state *st)
{
    buf_puts(b, "\n\n");
    if (++st->paragraphs_on_page >= 5 && st->next_mark > st->first_unprinted) {
        footnote_block(b, st);
        st->paragraphs_on_page = 0;
    }
}

/* One resolution file with about n_paragraphs paragraphs. */
static void
resolution(struct buf *b, unsigned serial, unsigned n_paragraphs)
{
    struct resolution_state st = {1, 1, 0};
    unsigned year = rng_range(2000, 2024);
    unsigned number = unique_symbols ? serial % UNIQUE_NUMBERS + 1 : serial % 60 + 1;
    if (unique_symbols) /* a year for each run of numbers: (year, number) is unique */
        year = UNIQUE_FIRST_YEAR + serial / UNIQUE_NUMBERS;
    unsigned day = rng_range(1, 28), month = rng_below(12);
    int ga = rng_below(4) == 0;
    unsigned n_pre = n_paragraphs / 3 + 1;
    unsigned n_op = n_paragraphs > n_pre ? n_paragraphs - n_pre : 1;
    char wbuf[64];

    buf_puts(b, "\n\n\n\n");
    if (ga) {
        unsigned session = year - 1945;
        buf_printf(b,
                   "General Assembly\n\nDistr.: General\n%u %s %u\n\nSession %u\n\n"
                   "Agenda item %u\n\nResolution adopted by the General Assembly on %u %s %u\n\n"
                   "[on the report of the Third Committee (A/%u/%u)]\n\n%u/%u. ",
                   day, months[month], year, session, rng_range(90, 120), day, months[month], year,
                   session, rng_range(400, 600), session,
                   unique_symbols ? number : rng_range(100, 300) + serial % 97);
    } else {
        buf_printf(b,
                   "Economic and Social Council\n\nDistr.: General\n%u %s %u\n\n%u session\n\n"
                   "Agenda item 19 (c)\n\nResolution adopted by the Economic and Social "
                   "Council on %u %s %u\n\n[on the recommendation of the Commission on Crime "
                   "Prevention\nand Criminal Justice (E/%u/30)]\n\n%u/%u. ",
                   day, months[month], year, year, day, months[month], year, year, year, number);
    }
    /* The title: a capitalised verb-ing phrase of Zipf words. */
    buf_puts(b, PICK(title_verbs));
    unsigned tw = rng_range(4, 12);
    for (unsigned i = 0; i < tw; i++) {
        buf_puts(b, " ");
        buf_puts(b, word_of_rank(zipf_rank(), wbuf));
    }
    buf_puts(b, ga ? "\n\nThe General Assembly,\n\n" : "\n\nThe Economic and Social Council,\n\n");

    for (unsigned i = 0; i < n_pre; i++) {
        if (rng_below(6) == 0)
            buf_printf(b, "- *%s* ", PICK(preamble_verbs));
        else
            buf_printf(b, "%s ", PICK(preamble_verbs));
        buf_puts(b, "the ");
        add_words(b, &st, paragraph_length(), 1);
        buf_puts(b, ",");
        end_of_paragraph(b, &st);
    }
    for (unsigned i = 0; i < n_op; i++) {
        buf_printf(b, "%u. *%s* %s ", i + 1, PICK(operative_verbs), PICK(operative_subjects));
        add_words(b, &st, paragraph_length(), 1);
        buf_puts(b, i + 1 == n_op ? "." : ";");
        end_of_paragraph(b, &st);
    }
    footnote_block(b, &st);
    buf_printf(b, "*%uth plenary meeting\n%u %s %u*\n", rng_range(10, 60), day, months[month],
               year);
}

/* ------------------------------------------------------------------------ */

static void
usage(void)
{
    fprintf(stderr,
            "usage: gencorpus [--paragraphs N] [--seed S] [--per-file K] [--unique-symbols] DIR\n");
    exit(2);
}

static int
make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 0;
    fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
    return -1;
}

int
main(int argc, char **argv)
{
    unsigned long total = 50000, per_file = 30;
    uint64_t seed = 1;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--paragraphs") && i + 1 < argc)
            total = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--per-file") && i + 1 < argc)
            per_file = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--unique-symbols"))
            unique_symbols = 1;
        else if (argv[i][0] == '-' || dir)
            usage();
        else
            dir = argv[i];
    }
    if (!dir || total == 0 || per_file < 2)
        usage();
    rng_state = seed;
    if (zipf_init() != 0 || make_dir(dir) != 0)
        return 2;

    struct buf b = {0};
    unsigned long written = 0;
    unsigned serial = 0;
    while (written < total) {
        unsigned long left = total - written;
        unsigned n = rng_range((unsigned)per_file / 2, (unsigned)per_file * 3 / 2);
        if (n > left)
            n = (unsigned)left;
        if (n < 2)
            n = 2;
        if (unique_symbols && serial >= UNIQUE_MAX_FILES) {
            fprintf(stderr,
                    "gencorpus: --unique-symbols gives at most %u files: give a larger "
                    "--per-file (%lu paragraphs in %u files so far)\n",
                    UNIQUE_MAX_FILES, written, serial);
            return 2;
        }
        b.len = 0;
        resolution(&b, serial, n);
        char path[4096];
        snprintf(path, sizeof path, "%s/%04u", dir, serial / 1000);
        if (serial % 1000 == 0 && make_dir(path) != 0)
            return 2;
        snprintf(path, sizeof path, "%s/%04u/res-%06u.txt", dir, serial / 1000, serial);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(b.p, 1, b.len, f) != b.len || fclose(f) != 0) {
            fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
            return 2;
        }
        written += n;
        serial++;
    }
    fprintf(stderr, "gencorpus: %lu paragraphs in %u files under %s\n", written, serial, dir);
    free(b.p);
    free(head_cdf);
    free(tail_cdf);
    return 0;
}
