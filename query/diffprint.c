/* diffprint.c - a word-level diff in the text layout; see diffprint.h. */
#include "diffprint.h"
#include "sprinter.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const diff_style_t plain_style = {"[+", "+]", "[-", "-]", "", ""};
static const diff_style_t colour_style = {"\033[32;1m", "\033[0m", "\033[31;9m",
                                          "\033[0m",    "\033[2m", "\033[0m"};

const diff_style_t *
diff_style_for_stdout(int json)
{
    const char *no_color = getenv("NO_COLOR");
    return !json && isatty(STDOUT_FILENO) && !(no_color && *no_color) ? &colour_style
                                                                      : &plain_style;
}

void
print_diff(const json_t *diff, const diff_style_t *st, FILE *out)
{
    fputs("   ", out);
    size_t i;
    const json_t *run;
    json_array_foreach(diff, i, run)
    {
        const char *op = sp_get_string(run, "op"), *t = sp_get_string(run, "text");
        if (!op || !t || strcmp(op, "equal") == 0) {
            fputs(t ? t : "", out);
            continue;
        }
        /* The separating space goes outside the mark. */
        if (*t == ' ') {
            fputc(' ', out);
            t++;
        }
        if (strcmp(op, "insert") == 0)
            fprintf(out, "%s%s%s", st->ins_on, t, st->ins_off);
        else
            fprintf(out, "%s%s%s", st->del_on, t, st->del_off);
    }
    fputc('\n', out);
}

int
diff_changed(const json_t *diff)
{
    size_t i;
    const json_t *run;
    json_array_foreach(diff, i, run)
    {
        const char *op = sp_get_string(run, "op");
        if (op && strcmp(op, "equal") != 0)
            return 1;
    }
    return 0;
}
