/* cmd_show.c - resdex show SYMBOL[#ANCHOR]: a whole resolution in document
 * order (preambular, operative, other paragraphs, then its footnotes), or
 * one paragraph with its context; --lang picks one or more languages, so
 * that the versions of a paragraph can be read one under the other. */
#include "commands.h"
#include "describe.h"
#include "hitprint.h"
#include "layout.h"
#include "opts.h"
#include "resdex.h"
#include "sprinter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The part of a paragraph's id after '#'. */
static const char *
anchor_of_id(const char *id)
{
    const char *p = id ? strrchr(id, '#') : NULL;
    return p ? p + 1 : "";
}

static const char *
anchor_of(const resdex_hit_t *h)
{
    return anchor_of_id(h->id);
}

static int votes_opt;

/* How many of the resolutions citing a resolution `show` lists. */
#define CITING_SHOWN 5

/* The text layouts; ctx is a show_text_t. */
typedef struct show_text {
    const layout_t *l;
    int printed; /* values printed so far (a blank line between them) */
} show_text_t;

static void
print_header(const json_t *res, const layout_t *l, FILE *out)
{
    const char *title = sp_get_string(res, "title");
    print_id_adoption(sp_get_string(res, "symbol"), res, l, 0, out);
    if (title) {
        fputs(l->bold, out);
        layout_wrap(l, out, title, 0);
        fputs(l->reset, out);
    }
    static const char *const keys[4] = {"session", "agenda_item", "meeting", "source"};
    static const char *const names[4] = {"", "agenda item ", "", "from "};
    const char *sep = "";
    fputs(l->dim, out);
    for (int i = 0; i < 4; i++) {
        const char *v = sp_get_string(res, keys[i]);
        if (v) {
            fprintf(out, "%s%s%s", sep, names[i], v);
            sep = " · ";
        }
    }
    fprintf(out, "%s%s", l->reset, *sep ? "\n" : "");
    print_chain(res, l, out);
    print_sponsorship(res, l, out);
}

/* "In favour (139): ALGERIA, ..." for each kind of vote (--votes). */
static void
print_votes(const json_t *votes, const json_t *res, const layout_t *l, FILE *out)
{
    if (!votes)
        return;
    fputc('\n', out);
    if (!json_array_size(votes)) {
        const char *m = sp_get_string(json_object_get(res, "adoption"), "method");
        fprintf(out, "%sNo recorded vote%s%s%s\n", l->bold, l->reset,
                m ? ": adopted " : " is known", m ? m : "");
        return;
    }
    static const char *const kinds[3][2] = {
        {"in_favour", "In favour"}, {"against", "Against"}, {"abstaining", "Abstaining"}};
    for (int k = 0; k < 3; k++) {
        char *buf = NULL;
        size_t len = 0, n = 0;
        FILE *m = open_memstream(&buf, &len);
        if (!m)
            return;
        size_t i;
        const json_t *v;
        json_array_foreach(votes, i, v)
        {
            if (strcmp(sp_get_string(v, "vote"), kinds[k][0]) != 0)
                continue;
            fprintf(m, "%s%s", n++ ? ", " : "", sp_get_string(v, "state"));
        }
        if (fclose(m) == 0) {
            fprintf(out, "%s%s (%zu):%s ", l->bold, kinds[k][1], n, l->reset);
            layout_wrap(l, out, n ? buf : "none", 0);
        }
        free(buf);
    }
}
/* One paragraph in the resolution's layout: its anchor in a gutter, its
 * text, the marks of its footnotes (a list of marks, or of footnotes). */
static void
print_in_gutter(const char *id, const char *text, const json_t *marks, const layout_t *l, FILE *out)
{
    fprintf(out, "%s%6s%s  ", l->dim, anchor_of_id(id), l->reset);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) {
        layout_wrap(l, out, text, 8);
        return;
    }
    fputs(text, m);
    size_t k;
    const json_t *mark;
    json_array_foreach(marks, k, mark)
    {
        if (json_is_object(mark))
            mark = json_object_get(mark, "mark");
        if (k == 0)
            fprintf(m, " %s[", l->dim);
        fprintf(m, "%s%s", k ? "," : "", json_string_value(mark));
    }
    if (json_array_size(marks))
        fprintf(m, "]%s", l->reset);
    if (fclose(m) == 0)
        layout_wrap(l, out, buf, 8);
    else
        layout_wrap(l, out, text, 8);
    free(buf);
}

static int
resolution_layout(const json_t *o, void *ctx, FILE *out)
{
    show_text_t *t = ctx;
    const layout_t *l = t->l;
    if (t->printed++)
        fputc('\n', out);
    print_header(o, l, out);
    print_votes(json_object_get(o, "votes"), o, l, out);
    fputc('\n', out);
    size_t i;
    const json_t *p;
    json_array_foreach(json_object_get(o, "paragraphs"), i, p)
    {
        print_in_gutter(sp_get_string(p, "id"), sp_get_string(p, "text"),
                        json_object_get(p, "footnotes"), l, out);
    }
    const json_t *notes = json_object_get(o, "footnotes");
    if (json_array_size(notes))
        fprintf(out, "\n%sFootnotes%s\n", l->bold, l->reset);
    print_footnotes(notes, l, 0, out);
    long long cited = sp_get_int(o, "cited_by");
    const json_t *citing = json_object_get(o, "citing");
    if (cited > 0) {
        fprintf(out, "\n%sCited by %lld resolution%s%s%s\n", l->bold, cited, cited == 1 ? "" : "s",
                (long long)json_array_size(citing) < cited ? " (the newest)" : "", l->reset);
        json_array_foreach(citing, i, p)
        {
            fprintf(out, "  %s%s%s\n    ", l->bold, sp_get_string(p, "id"), l->reset);
            layout_wrap(l, out, sp_get_string(p, "text"), 4);
        }
    }
    return ferror(out) ? -1 : 0;
}

static int
paragraph_layout(const json_t *h, void *ctx, FILE *out)
{
    show_text_t *t = ctx;
    const layout_t *l = t->l;
    const json_t *par = json_object_get(h, "paragraph");
    const json_t *notes = json_object_get(h, "footnotes");
    const char *id = sp_get_string(h, "id");
    if (t->printed++)
        fputc('\n', out);
    print_header(json_object_get(h, "resolution"), l, out);
    print_votes(json_object_get(h, "votes"), json_object_get(h, "resolution"), l, out);
    fputc('\n', out);
    fprintf(out, "%s%s%s  ", l->bold, id, l->reset);
    print_paragraph_label(par, l, out);
    fputc('\n', out);
    print_lead_in(par, l, 8, out);
    print_in_gutter(id, sp_get_string(par, "text"), notes, l, out);
    if (json_array_size(notes))
        fputc('\n', out);
    print_footnotes(notes, l, 0, out);
    print_cite(h, l, 0, out);
    return ferror(out) ? -1 : 0;
}

/* The anchors of a resolution, for the message when one is not there. */
static void
list_anchors(const resdex_results_t *r, FILE *out)
{
    size_t n = resdex_results_count(r);
    for (size_t i = 0; i < n && i < 40; i++)
        fprintf(out, "%s%s", i ? " " : "", anchor_of(resdex_results_get(r, i)));
    if (n > 40)
        fputs(" ...", out);
}

/* A whole resolution, with who cites it. 0, or -1 (with a message). */
static int
show_whole(resdex_db_t *db, sprinter_t *sp, const resdex_results_t *r)
{
    const resdex_resolution_t *res = resdex_results_get(r, 0)->resolution;
    resdex_results_t *citing = find_citing(db, res, CITING_SHOWN);
    if (!citing) {
        fprintf(stderr, "resdex show: who cites %s: %s\n", res->symbol, resdex_db_last_error(db));
        return -1;
    }
    resdex_results_t *carried = find_carried(db, res);
    describe_resolution(sp, r, citing, carried, votes_opt);
    resdex_results_destroy(carried);
    resdex_results_destroy(citing);
    return 0;
}

/* The index of r's paragraph with this anchor (case aside), or NO_ANCHOR. */
#define NO_ANCHOR ((size_t)-1)
static size_t
find_anchor(const resdex_results_t *r, const char *anchor)
{
    for (size_t i = 0; i < resdex_results_count(r); i++)
        if (strcasecmp(anchor_of(resdex_results_get(r, i)), anchor) == 0)
            return i;
    return NO_ANCHOR;
}

/* Show one target in one language. Returns EXIT_FOUND, EXIT_NOTHING (with a
 * message) or EXIT_ERROR (with a message). */
/* A resolution (it has "paragraphs") or one paragraph (a hit). */
static int
show_layout(const json_t *o, void *ctx, FILE *out)
{
    return json_object_get(o, "paragraphs") ? resolution_layout(o, ctx, out)
                                            : paragraph_layout(o, ctx, out);
}

static int
show_one(resdex_db_t *db, const char *target, const char *lang, int quiet_missing, sprinter_t *sp)
{
    char *symbol = strdup(target);
    if (!symbol) {
        fprintf(stderr, "resdex show: out of memory\n");
        return EXIT_ERROR;
    }
    char *hash = strchr(symbol, '#');
    const char *anchor = NULL;
    if (hash) {
        *hash = '\0';
        anchor = hash + 1;
    }
    int status = EXIT_ERROR;
    resdex_results_t *r = NULL;
    if (!*symbol || (anchor && !*anchor)) {
        fprintf(stderr, "resdex show: '%s' is not SYMBOL or SYMBOL#ANCHOR\n", target);
        goto DONE;
    }
    resdex_status_t st = resdex_db_find_resolution(db, symbol, lang, &r);
    if (st == RESDEX_STATUS_NOT_FOUND) {
        if (!quiet_missing)
            fprintf(stderr, "resdex show: %s\n", resdex_db_last_error(db));
        status = EXIT_NOTHING;
        goto DONE;
    }
    if (st != RESDEX_STATUS_SUCCESS) {
        const char *m = resdex_db_last_error(db);
        fprintf(stderr, "resdex show: %s\n", m && *m ? m : resdex_status_to_string(st));
        goto DONE;
    }
    warn_adoption(resdex_results_get(r, 0)->resolution, "show");
    /* Asked for the whole of a multi-part resolution (75/101), the index
     * answered with its part A: the other parts follow, B, C, ... */
    const resdex_resolution_t *res = resdex_results_get(r, 0)->resolution;
    size_t nn = res->number ? strlen(res->number) : 0, ns = res->symbol ? strlen(res->symbol) : 0;
    int whole = nn > 2 && res->number[nn - 2] == ' ' && res->number[nn - 1] == 'A' && ns > 1 &&
                res->symbol[ns - 1] == 'A' && strcasecmp(res->number, symbol) != 0 &&
                strcasecmp(res->symbol, symbol) != 0;
    char *part = whole ? strdup(res->symbol) : NULL;
    if (whole && !part) {
        fprintf(stderr, "resdex show: out of memory\n");
        goto DONE;
    }
    size_t at = anchor ? find_anchor(r, anchor) : NO_ANCHOR;
    int found = at != NO_ANCHOR;
    if (!anchor && show_whole(db, sp, r) != 0) {
        free(part);
        goto DONE;
    }
    for (char letter = 'B'; part && letter <= 'Z' && !found; letter++) {
        part[ns - 1] = letter;
        resdex_results_t *next = NULL;
        st = resdex_db_find_resolution(db, part, lang, &next);
        if (st == RESDEX_STATUS_NOT_FOUND)
            break; /* no more parts */
        if (st != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "resdex show: %s\n", resdex_db_last_error(db));
            free(part);
            goto DONE;
        }
        if (!anchor) {
            if (show_whole(db, sp, next) != 0) {
                resdex_results_destroy(next);
                free(part);
                goto DONE;
            }
        } else if ((found = (at = find_anchor(next, anchor)) != NO_ANCHOR)) {
            resdex_results_destroy(r);
            r = next;
            next = NULL;
        }
        resdex_results_destroy(next);
    }
    free(part);
    if (anchor && !found) {
        const resdex_hit_t *first = resdex_results_get(r, 0);
        if (whole)
            fprintf(stderr, "resdex show: %s has no paragraph %s (%s has: ", symbol, anchor,
                    first->resolution->symbol);
        else
            fprintf(stderr,
                    "resdex show: %s has no paragraph %s (it has: ", first->resolution->symbol,
                    anchor);
        list_anchors(r, stderr);
        fputs(")\n", stderr);
        status = EXIT_NOTHING;
        goto DONE;
    }
    if (found) {
        describe_hit_with(sp, r, at, RESDEX_JSON_FOLD | (votes_opt ? RESDEX_JSON_VOTES : 0));
    }
    if (sprinter_failed(sp)) {
        fprintf(stderr, "resdex show: cannot write the output\n");
        goto DONE;
    }
    status = EXIT_FOUND;
DONE:
    resdex_results_destroy(r);
    free(symbol);
    return status;
}

static const char *lang_opt;

static const opt_desc_t show_options[] = {
    {.name = "lang",
     .string = &lang_opt,
     .metavar = "LANGS",
     .missing = "a language (a code as lang: takes, a list, or all)",
     .help = "the language(s) to show: a code as lang: takes (en, fr,\n"
             "...; resdex search --help lists them), a list (en,fr) or\n"
             "all; default English when indexed, else the first\n"
             "language indexed"},
    {.name = "votes",
     .flag = &votes_opt,
     .help = "how each State voted, when the text was adopted by a recorded\n"
             "vote (JSON: \"votes\": [{\"state\",\"vote\"}])"},
    {.name = NULL},
};

static int
run_show(const global_options_t *g, char **targets, int n_targets)
{
    int status = EXIT_ERROR;
    resdex_db_t *db = NULL;
    char *langs_buf = NULL;
    const char **langs = NULL;
    sprinter_t *sp = NULL;
    layout_t l;
    layout_init(&l);
    if (!n_targets) {
        fprintf(stderr, "resdex show: what to show? (usage: resdex show SYMBOL[#ANCHOR])\n");
        goto DONE;
    }
    /* The languages: NULL (the default), a list, or every one resdex knows. */
    size_t n_known = 0;
    while (resdex_language_at(n_known))
        n_known++;
    if (!(langs = calloc(n_known + 1, sizeof *langs))) {
        fprintf(stderr, "resdex show: out of memory\n");
        goto DONE;
    }
    size_t n_langs = 1;
    int explicit_all = 0;
    if (lang_opt) {
        if (!strcmp(lang_opt, "all")) {
            explicit_all = 1;
            for (n_langs = 0; n_langs < n_known; n_langs++)
                langs[n_langs] = resdex_language_at(n_langs)->code;
        } else if (!(langs_buf = strdup(lang_opt))) {
            fprintf(stderr, "resdex show: out of memory\n");
            goto DONE;
        } else {
            n_langs = 0;
            for (char *save = NULL, *t = strtok_r(langs_buf, ",", &save); t;
                 t = strtok_r(NULL, ",", &save)) {
                const char *known = NULL;
                for (size_t k = 0; k < n_known && !known; k++)
                    if (!strcasecmp(t, resdex_language_at(k)->code))
                        known = resdex_language_at(k)->code;
                if (!known) {
                    fprintf(stderr, "resdex show: --lang wants");
                    for (size_t k = 0; k < n_known; k++)
                        fprintf(stderr, "%s %s", k ? "," : "", resdex_language_at(k)->code);
                    fprintf(stderr, " (a list, or all), not '%s'\n", t);
                    goto DONE;
                }
                int again = 0;
                for (size_t k = 0; k < n_langs; k++)
                    again |= langs[k] == known;
                if (!again)
                    langs[n_langs++] = known;
            }
            if (!n_langs) {
                fprintf(stderr, "resdex show: --lang is empty\n");
                goto DONE;
            }
        }
    }
    if (!(db = open_index(g, "show")))
        goto DONE;
    show_text_t text = {&l, 0};
    if (!(sp = sprinter_new(stdout, g->json ? NULL : show_layout, &text))) {
        fprintf(stderr, "resdex show: out of memory\n");
        goto DONE;
    }
    status = EXIT_FOUND;
    for (int t = 0; t < n_targets; t++) {
        int found_any = 0;
        for (size_t k = 0; k < n_langs; k++) {
            int rc = show_one(db, targets[t], langs[k], explicit_all, sp);
            if (rc == EXIT_ERROR) {
                status = EXIT_ERROR;
                goto DONE;
            }
            found_any |= rc == EXIT_FOUND;
        }
        if (!found_any && explicit_all)
            fprintf(stderr, "resdex show: no resolution %s in the index%s\n", targets[t],
                    resdex_db_shards_down(db) ? " (perhaps on a shard left out)" : "");
        if (!found_any)
            status = EXIT_NOTHING;
    }
    describe_warn_partial("show", !g->json);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "resdex show: cannot write the output\n");
        status = EXIT_ERROR;
    }
DONE:
    sprinter_destroy(sp);
    resdex_db_close(db);
    free(langs_buf);
    free((void *)langs);
    return status;
}

const opts_command_t command_show = {
    .name = "show",
    .synopsis = "resdex [--db DIR] show [--json] [--lang xx[,yy...]|all] [--votes]\n"
                "       SYMBOL[#ANCHOR]...",
    .summary = "A resolution in document order, or one paragraph with its context.\n"
               "  SYMBOL    E/RES/2017/19, or its number as printed: 2017/19, 26/1\n"
               "  ANCHOR    5 (operative 5), 5(a) (its item a), (b) (a lettered item),\n"
               "            pp3 (third preambular paragraph), x2 (second other paragraph),\n"
               "            o1 (first operative paragraph without a number); as in a hit's id",
    .json_help = "a resolution: one object (as resdex parse --json, with\n"
                 "each paragraph's id); a paragraph: one hit object (as\n"
                 "resdex search --json)",
    .notes = "exit status: 0 found, 1 no such resolution or paragraph, 2 error\n",
    .options = show_options,
    .run = run_show,
};
