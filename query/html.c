/* html.c - escaped HTML; see html.h. */
#include "html.h"
#include "sprinter.h"

#include <string.h>

void
html_escape(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            if (*p >= 0x20 || *p == '\t' || *p == '\n')
                fputc(*p, out);
        }
    }
}

void
html_diff(FILE *out, const json_t *diff)
{
    size_t i;
    const json_t *run;
    json_array_foreach(diff, i, run)
    {
        const char *op = sp_get_string(run, "op"), *t = sp_get_string(run, "text");
        if (!op || !t || strcmp(op, "equal") == 0) {
            html_escape(out, t);
            continue;
        }
        if (*t == ' ') {
            fputc(' ', out);
            t++;
        }
        int ins = strcmp(op, "insert") == 0;
        fputs(ins ? "<ins>" : "<del>", out);
        html_escape(out, t);
        fputs(ins ? "</ins>" : "</del>", out);
    }
}
