/* cmd_show.c - resdex show SYMBOL[#ANCHOR]: a whole resolution in document
 * order (preambular, operative, other paragraphs, then its footnotes), or
 * one paragraph with its context; --lang picks one or more languages, so
 * that the versions of a paragraph can be read one under the other. */
#include "commands.h"
#include "hitprint.h"
#include "json.h"
#include "layout.h"
#include "resdex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char usage_text[] =
    "usage: resdex [--db DIR] show [--json] [--lang xx[,yy...]|all] SYMBOL[#ANCHOR]...\n"
    "\n"
    "A resolution in document order, or one paragraph with its context.\n"
    "  SYMBOL    E/RES/2017/19, or its number as printed: 2017/19, 26/1\n"
    "  ANCHOR    5 (operative 5), 5(a) (its item a), (b) (a lettered item), pp3 (third\n"
    "            preambular paragraph), x2 (second other paragraph), o1 (first operative\n"
    "            paragraph without a number); as in a hit's id\n"
    "  --lang    the language(s) to show: en, fr, es, ru, ar, zh, a list (en,fr) or all;\n"
    "            default English when indexed, else the first language indexed\n"
    "  --json    a resolution: one object (as resdex parse --json, with each paragraph's\n"
    "            id); a paragraph: one hit object (as resdex search --json)\n"
    "exit status: 0 found, 1 no such resolution or paragraph, 2 error\n";

static const char *const all_langs[] = {"en", "fr", "es", "ru", "ar", "zh", NULL};

/* The part of a hit's id after '#'. */
static const char *
anchor_of(const resdex_hit_t *h)
{
    const char *p = strrchr(h->id, '#');
    return p ? p + 1 : "";
}

/* Footnotes of a whole resolution: every hit's, once each, in order. */
static size_t
collect_footnotes(const resdex_results_t *r, const resdex_footnote_t ***out)
{
    size_t n = 0, cap = 0;
    const resdex_footnote_t **v = NULL;
    for (size_t i = 0; i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        for (size_t k = 0; k < h->n_footnotes; k++) {
            const resdex_footnote_t *f = &h->footnotes[k];
            int seen = 0;
            for (size_t j = 0; j < n && !seen; j++)
                seen = strcmp(v[j]->mark, f->mark) == 0 && strcmp(v[j]->text, f->text) == 0;
            if (seen)
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                const resdex_footnote_t **p = realloc(v, cap * sizeof *v);
                if (!p)
                    break;
                v = p;
            }
            v[n++] = f;
        }
    }
    *out = v;
    return n;
}

static void
print_header(const resdex_resolution_t *res, const layout_t *l, FILE *out)
{
    print_id_adoption(res->symbol, res, l, 0, out);
    if (res->title) {
        fputs(l->bold, out);
        layout_wrap(l, out, res->title, 0);
        fputs(l->reset, out);
    }
    const char *parts[4] = {res->session, res->agenda_item, res->meeting, res->source};
    const char *names[4] = {"", "agenda item ", "", "from "};
    const char *sep = "";
    fputs(l->dim, out);
    for (int i = 0; i < 4; i++)
        if (parts[i]) {
            fprintf(out, "%s%s%s", sep, names[i], parts[i]);
            sep = " · ";
        }
    fprintf(out, "%s%s", l->reset, *sep ? "\n" : "");
}

/* One paragraph in the resolution's layout: its anchor in a gutter, its
 * text, the marks of its footnotes. */
static void
print_in_gutter(const resdex_hit_t *h, const layout_t *l, FILE *out)
{
    const resdex_paragraph_t *p = h->paragraph;
    fprintf(out, "%s%6s%s  ", l->dim, anchor_of(h), l->reset);
    size_t len = strlen(p->text) + 64 + strlen(l->dim) + strlen(l->reset);
    for (size_t k = 0; k < p->n_marks; k++)
        len += strlen(p->marks[k]) + 2;
    char *buf = malloc(len);
    if (!buf) {
        layout_wrap(l, out, p->text, 8);
        return;
    }
    size_t at = (size_t)snprintf(buf, len, "%s", p->text);
    if (p->n_marks) {
        at += (size_t)snprintf(buf + at, len - at, " %s[", l->dim);
        for (size_t k = 0; k < p->n_marks; k++)
            at += (size_t)snprintf(buf + at, len - at, "%s%s", k ? "," : "", p->marks[k]);
        snprintf(buf + at, len - at, "]%s", l->reset);
    }
    layout_wrap(l, out, buf, 8);
    free(buf);
}

static int
show_resolution_text(const resdex_results_t *r, const layout_t *l, FILE *out)
{
    const resdex_hit_t *first = resdex_results_get(r, 0);
    print_header(first->resolution, l, out);
    fputc('\n', out);
    for (size_t i = 0; i < resdex_results_count(r); i++)
        print_in_gutter(resdex_results_get(r, i), l, out);
    const resdex_footnote_t **notes = NULL;
    size_t n = collect_footnotes(r, &notes);
    if (n)
        fprintf(out, "\n%sFootnotes%s\n", l->bold, l->reset);
    for (size_t i = 0; i < n; i++)
        print_footnotes(notes[i], 1, l, 0, out);
    free(notes);
    return ferror(out) ? -1 : 0;
}

static int
show_resolution_json(const resdex_results_t *r, FILE *out)
{
    const resdex_hit_t *first = resdex_results_get(r, 0);
    json_t *o = json_resolution_context(first->resolution);
    json_t *pars = json_array();
    for (size_t i = 0; o && pars && i < resdex_results_count(r); i++) {
        const resdex_hit_t *h = resdex_results_get(r, i);
        const resdex_paragraph_t *p = h->paragraph;
        json_t *jp = json_paragraph(p);
        if (!jp)
            continue;
        json_object_set_new(jp, "id", json_string(h->id));
        json_object_set_new(jp, "footnotes", json_strings(p->marks, p->n_marks));
        json_object_set_new(jp, "tags", json_strings(p->tags, p->n_tags));
        json_object_set_new(jp, "cites", json_strings(p->cites, p->n_cites));
        json_array_append_new(pars, jp);
    }
    const resdex_footnote_t **notes = NULL;
    size_t n = collect_footnotes(r, &notes);
    json_t *jn = json_array();
    for (size_t i = 0; jn && i < n; i++)
        json_array_append_new(
            jn, json_pack("{s:s, s:s}", "mark", notes[i]->mark, "text", notes[i]->text));
    free(notes);
    json_object_set_new(o, "paragraphs", pars);
    json_object_set_new(o, "footnotes", jn);
    int rc = json_print_line(o, out);
    json_decref(o);
    return rc;
}

static int
show_paragraph(const resdex_hit_t *h, int json, const layout_t *l, FILE *out)
{
    if (json) {
        json_t *o = json_hit(h);
        int rc = json_print_line(o, out);
        json_decref(o);
        return rc;
    }
    print_header(h->resolution, l, out);
    fputc('\n', out);
    fprintf(out, "%s%s%s  ", l->bold, h->id, l->reset);
    print_paragraph_label(h->paragraph, l, out);
    fputc('\n', out);
    print_in_gutter(h, l, out);
    if (h->n_footnotes)
        fputc('\n', out);
    print_footnotes(h->footnotes, h->n_footnotes, l, 0, out);
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

/* Show one target in one language. Returns EXIT_FOUND, EXIT_NOTHING (with a
 * message) or EXIT_ERROR (with a message). */
static int
show_one(resdex_db_t *db, const char *target, const char *lang, int json, int quiet_missing,
         const layout_t *l, int *printed)
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
    resdex_status_t st = resdex_db_get_resolution(db, symbol, lang, &r);
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
    int rc = 0;
    if (anchor) {
        const resdex_hit_t *found = NULL;
        for (size_t i = 0; i < resdex_results_count(r) && !found; i++)
            if (strcasecmp(anchor_of(resdex_results_get(r, i)), anchor) == 0)
                found = resdex_results_get(r, i);
        if (!found) {
            const resdex_hit_t *first = resdex_results_get(r, 0);
            fprintf(stderr,
                    "resdex show: %s has no paragraph %s (it has: ", first->resolution->symbol,
                    anchor);
            list_anchors(r, stderr);
            fputs(")\n", stderr);
            status = EXIT_NOTHING;
            goto DONE;
        }
        if (*printed && !json)
            fputc('\n', stdout);
        rc = show_paragraph(found, json, l, stdout);
    } else {
        if (*printed && !json)
            fputc('\n', stdout);
        rc = json ? show_resolution_json(r, stdout) : show_resolution_text(r, l, stdout);
    }
    if (rc != 0) {
        fprintf(stderr, "resdex show: cannot write the output\n");
        goto DONE;
    }
    (*printed)++;
    status = EXIT_FOUND;
DONE:
    resdex_results_destroy(r);
    free(symbol);
    return status;
}

int
cmd_show(const global_options_t *g, int argc, char **argv)
{
    int json = 0;
    const char *lang_opt = NULL;
    const char **targets = calloc((size_t)argc, sizeof *targets);
    size_t n_targets = 0;
    int status = EXIT_ERROR;
    resdex_db_t *db = NULL;
    char *langs_buf = NULL;
    layout_t l;
    layout_init(&l);
    if (!targets) {
        fprintf(stderr, "resdex show: out of memory\n");
        return EXIT_ERROR;
    }
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!strcmp(s, "--json")) {
            json = 1;
        } else if (!strcmp(s, "--lang") || !strncmp(s, "--lang=", 7)) {
            if (s[6] == '=')
                lang_opt = s + 7;
            else if (i + 1 < argc)
                lang_opt = argv[++i];
            else {
                fprintf(stderr, "resdex show: --lang needs a language (en, fr, es, ru, ar, zh, "
                                "a list, or all)\n");
                goto DONE;
            }
        } else if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
            fputs(usage_text, stdout);
            status = EXIT_FOUND;
            goto DONE;
        } else if (s[0] == '-' && s[1]) {
            fprintf(stderr, "resdex show: unknown option '%s' (see resdex show --help)\n", s);
            goto DONE;
        } else {
            targets[n_targets++] = s;
        }
    }
    if (!n_targets) {
        fprintf(stderr, "resdex show: what to show? (usage: resdex show SYMBOL[#ANCHOR])\n");
        goto DONE;
    }
    /* The languages: NULL (the default), a list, or all six. */
    const char *langs[8] = {NULL};
    size_t n_langs = 1;
    int explicit_all = 0;
    if (lang_opt) {
        if (!strcmp(lang_opt, "all")) {
            explicit_all = 1;
            for (n_langs = 0; all_langs[n_langs]; n_langs++)
                langs[n_langs] = all_langs[n_langs];
        } else {
            langs_buf = strdup(lang_opt);
            n_langs = 0;
            for (char *save = NULL, *t = strtok_r(langs_buf, ",", &save); t;
                 t = strtok_r(NULL, ",", &save)) {
                int ok = 0;
                for (size_t k = 0; all_langs[k]; k++)
                    ok |= !strcasecmp(t, all_langs[k]);
                if (!ok || n_langs >= 6) {
                    fprintf(stderr,
                            "resdex show: --lang wants en, fr, es, ru, ar or zh (a list, or "
                            "all), not '%s'\n",
                            t);
                    goto DONE;
                }
                langs[n_langs++] = t;
            }
            if (!n_langs) {
                fprintf(stderr, "resdex show: --lang is empty\n");
                goto DONE;
            }
        }
    }
    if (!(db = open_index(g, "show")))
        goto DONE;
    int printed = 0;
    status = EXIT_FOUND;
    for (size_t t = 0; t < n_targets; t++) {
        int found_any = 0;
        for (size_t k = 0; k < n_langs; k++) {
            int rc = show_one(db, targets[t], langs[k], json, explicit_all, &l, &printed);
            if (rc == EXIT_ERROR) {
                status = EXIT_ERROR;
                goto DONE;
            }
            found_any |= rc == EXIT_FOUND;
        }
        if (!found_any && explicit_all)
            fprintf(stderr, "resdex show: no resolution %s in the index\n", targets[t]);
        if (!found_any)
            status = EXIT_NOTHING;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "resdex show: cannot write the output\n");
        status = EXIT_ERROR;
    }
DONE:
    resdex_db_close(db);
    free(langs_buf);
    free(targets);
    return status;
}
