/* cmd_parse.c - resdex parse [--json] FILE...: the parsed structure of
 * files, no index needed. */
#include "commands.h"
#include "json.h"
#include "resdex.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
print_text(const resdex_resolution_t *res, FILE *out)
{
    fprintf(out, "%s", res->symbol);
    if (res->body)
        fprintf(out, "  %s", res->body);
    if (res->date)
        fprintf(out, "  %s", res->date);
    if (res->lang)
        fprintf(out, "  [%s]", res->lang);
    fputc('\n', out);
    if (res->title)
        fprintf(out, "  %s\n", res->title);
    for (size_t i = 0; i < res->n_paragraphs; i++) {
        const resdex_paragraph_t *p = &res->paragraphs[i];
        char anchor[64];
        resdex_paragraph_anchor(res, i, anchor, sizeof anchor);
        fprintf(out, "  %-6s %-10s %s", anchor, resdex_kind_to_string(p->kind),
                p->verb ? p->verb : "-");
        for (size_t k = 0; k < p->n_marks; k++)
            fprintf(out, "%s%s", k ? "," : "  notes ", p->marks[k]);
        fputc('\n', out);
        fprintf(out, "         %.*s%s\n", 100, p->text, strlen(p->text) > 100 ? "..." : "");
    }
    for (size_t i = 0; i < res->n_footnotes; i++)
        fprintf(out, "  [%s] %s\n", res->footnotes[i].mark, res->footnotes[i].text);
}

int
cmd_parse(const global_options_t *g, int argc, char **argv)
{
    (void)g;
    int json = 0;
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+jh", longopts, NULL)) != -1) {
        switch (c) {
        case 'j':
            json = 1;
            break;
        case 'h':
            printf("usage: resdex parse [--json] FILE...\n");
            return EXIT_FOUND;
        default:
            return EXIT_ERROR;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "resdex parse: no file given (usage: resdex parse [--json] FILE...)\n");
        return EXIT_ERROR;
    }
    int status = EXIT_FOUND;
    for (int i = optind; i < argc; i++) {
        resdex_doc_t *doc = NULL;
        char *msg = NULL;
        resdex_status_t st = resdex_parse_file(argv[i], &doc, &msg);
        if (st != RESDEX_STATUS_SUCCESS) {
            fprintf(stderr, "resdex: %s\n", msg ? msg : resdex_status_to_string(st));
            free(msg);
            status = EXIT_ERROR;
            continue;
        }
        for (size_t r = 0; r < resdex_doc_count(doc); r++) {
            const resdex_resolution_t *res = resdex_doc_get(doc, r);
            if (json) {
                json_t *o = json_parsed_resolution(res);
                if (json_print_line(o, stdout) != 0)
                    status = EXIT_ERROR;
                json_decref(o);
            } else {
                print_text(res, stdout);
            }
        }
        resdex_doc_destroy(doc);
    }
    if (fflush(stdout) != 0) {
        perror("resdex: stdout");
        return EXIT_ERROR;
    }
    return status;
}
