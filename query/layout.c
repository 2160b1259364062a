/* layout.c - colour and wrapping of resdex's text output; see layout.h. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

void
layout_init(layout_t *l)
{
    const char *no_color = getenv("NO_COLOR");
    int tty = isatty(STDOUT_FILENO);
    int colour = tty && !(no_color && *no_color);
    l->bold = colour ? "\033[1m" : "";
    l->dim = colour ? "\033[2m" : "";
    l->hl_on = colour ? "\033[1;33m" : "";
    l->hl_off = colour ? "\033[0m" : "";
    l->reset = colour ? "\033[0m" : "";
    l->mark_on = colour ? "\033[1;33m" : "[";
    l->mark_off = colour ? "\033[0m" : "]";
    l->width = 0;
    if (!tty)
        return;
    const char *cols = getenv("COLUMNS");
    if (cols && *cols) {
        long w = strtol(cols, NULL, 10);
        if (w > 0 && w < 10000)
            l->width = (int)w;
    }
    struct winsize ws;
    if (!l->width && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        l->width = ws.ws_col;
    if (!l->width)
        l->width = 80;
    if (l->width < 30)
        l->width = 30;
}

/* The code point at s (UTF-8, already validated by the library; a stray
 * byte counts as one column) and its length in bytes. */
static unsigned
decode(const unsigned char *s, size_t *len)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) {
            n = 1;
            break;
        }
    *len = n;
    if (n == 1)
        return c;
    unsigned cp = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++)
        cp = (cp << 6) | (s[i] & 0x3F);
    return cp;
}

/* Columns a code point takes: 2 for East Asian wide characters. */
static int
columns(unsigned cp)
{
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Length of an escape sequence (CSI ... letter) at s, 0 if none. */
static size_t
escape_len(const char *s)
{
    if (s[0] != '\033' || s[1] != '[')
        return 0;
    size_t i = 2;
    while (s[i] && !((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
        i++;
    return s[i] ? i + 1 : i;
}

/* Display width of the n bytes at s. */
static int
width_of(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n;) {
        size_t e = escape_len(s + i);
        if (e) {
            i += e;
            continue;
        }
        size_t len;
        w += columns(decode((const unsigned char *)s + i, &len));
        i += len;
    }
    return w;
}

static void
newline_indent(FILE *out, int indent)
{
    fputc('\n', out);
    fprintf(out, "%*s", indent, "");
}

void
layout_wrap(const layout_t *l, FILE *out, const char *text, int indent)
{
    if (l->width <= 0) {
        fputs(text, out);
        fputc('\n', out);
        return;
    }
    int room = l->width - indent;
    if (room < 20)
        room = 20;
    int col = 0; /* columns used on this line after the indent */
    const char *p = text;
    while (*p) {
        size_t sp = strspn(p, " ");
        p += sp;
        if (!*p)
            break;
        size_t wl = strcspn(p, " ");
        int w = width_of(p, wl);
        if (col > 0 && col + 1 + w > room) {
            newline_indent(out, indent);
            col = 0;
        } else if (col > 0) {
            fputc(' ', out);
            col++;
        }
        if (w <= room - col) {
            fwrite(p, 1, wl, out);
            col += w;
            p += wl;
            continue;
        }
        /* A word longer than the line: cut it between characters. */
        for (size_t i = 0; i < wl;) {
            size_t e = escape_len(p + i);
            if (e) {
                fwrite(p + i, 1, e, out);
                i += e;
                continue;
            }
            size_t len;
            int cw = columns(decode((const unsigned char *)p + i, &len));
            if (col + cw > room) {
                newline_indent(out, indent);
                col = 0;
            }
            fwrite(p + i, 1, len, out);
            col += cw;
            i += len;
        }
        p += wl;
    }
    fputc('\n', out);
}
