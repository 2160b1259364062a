/* cmd_parse.c - resdex parse FILE...: the parsed structure of files, no
 * index needed. */
#include "commands.h"
#include "describe.h"
#include "opts.h"
#include "resdex.h"
#include "sprinter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text layout of describe_parsed_resolution's map; ctx is the
 * resolution itself, for the paragraphs' anchors (pp3, x2), which the map
 * does not carry. */
static int
parsed_layout(const json_t *o, void *ctx, FILE *out)
{
    const resdex_resolution_t *res = ctx;
    const char *body = sp_get_string(o, "body"), *date = sp_get_string(o, "date");
    const char *lang = sp_get_string(o, "lang"), *title = sp_get_string(o, "title");
    fprintf(out, "%s", sp_get_string(o, "symbol"));
    if (body)
        fprintf(out, "  %s", body);
    if (date)
        fprintf(out, "  %s", date);
    if (lang)
        fprintf(out, "  [%s]", lang);
    fputc('\n', out);
    if (title)
        fprintf(out, "  %s\n", title);
    size_t i;
    const json_t *p;
    json_array_foreach(json_object_get(o, "paragraphs"), i, p)
    {
        char anchor[64];
        resdex_paragraph_anchor(res, i, anchor, sizeof anchor);
        const char *verb = sp_get_string(p, "verb"), *text = sp_get_string(p, "text");
        fprintf(out, "  %-6s %-10s %s", anchor, sp_get_string(p, "kind"), verb ? verb : "-");
        size_t k;
        const json_t *mark;
        json_array_foreach(json_object_get(p, "footnotes"), k, mark)
        {
            fprintf(out, "%s%s", k ? "," : "  notes ", json_string_value(mark));
        }
        fputc('\n', out);
        fprintf(out, "         %.*s%s\n", 100, text, strlen(text) > 100 ? "..." : "");
    }
    const json_t *f;
    json_array_foreach(json_object_get(o, "footnotes"), i, f)
    {
        fprintf(out, "  [%s] %s\n", sp_get_string(f, "mark"), sp_get_string(f, "text"));
    }
    return ferror(out) ? -1 : 0;
}

static int
run_parse(const global_options_t *g, char **words, int n_words)
{
    if (n_words == 0) {
        fprintf(stderr, "resdex parse: no file given (usage: resdex parse [--json] FILE...)\n");
        return EXIT_ERROR;
    }
    int status = EXIT_FOUND;
    for (int i = 0; i < n_words; i++) {
        resdex_doc_t *doc = NULL;
        char *msg = NULL, *data = NULL;
        size_t len = 0;
        /* Read as check reads a draft: a text without a heading is one
         * draft resolution, not refused (resdexd still refuses it). */
        resdex_status_t st = resdex_read_file(words[i], &data, &len, &msg);
        if (st == RESDEX_STATUS_SUCCESS) {
            free(msg);
            msg = NULL;
            st = resdex_parse_draft(words[i], data, len, &doc, &msg);
        }
        free(data);
        if (st != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "resdex: %s\n", msg ? msg : resdex_status_to_string(st));
            free(msg);
            status = EXIT_ERROR;
            continue;
        }
        for (size_t r = 0; r < resdex_doc_count(doc); r++) {
            const resdex_resolution_t *res = resdex_doc_get(doc, r);
            warn_adoption(res, "parse");
            sprinter_t *sp = sprinter_new(stdout, g->json ? NULL : parsed_layout, (void *)res);
            if (sp)
                describe_parsed_resolution(sp, res);
            if (sprinter_failed(sp))
                status = EXIT_ERROR;
            sprinter_destroy(sp);
        }
        resdex_doc_destroy(doc);
    }
    if (fflush(stdout) != 0) {
        perror("resdex: stdout");
        return EXIT_ERROR;
    }
    return status;
}

const opts_command_t command_parse = {
    .name = "parse",
    .synopsis = "resdex parse [--json] FILE...",
    .summary = "How files are parsed: each resolution, its paragraphs and footnotes (no index\n"
               "needed).",
    .json_help = "one object per resolution, with its \"paragraphs\" and\n"
                 "\"footnotes\"",
    .notes = "exit status: 0, or 2 when a file cannot be parsed\n",
    .options = (const opt_desc_t[]){{.name = NULL}},
    .run = run_parse,
};
