/* text-context.c - the symbol and body of each resolution, completed when
 * the whole file is read (pass 2); see text-reader.h. */
#include "text-reader.h"
#include "text-meta.h"
#include "bodies.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
basename_of(ctx_t *c, const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    /* Drop the extensions: "E-2017-30-chapter-I.txt.gz" */
    for (int k = 0; k < 2; k++) {
        const char *dot = NULL;
        for (size_t i = n; i > 0; i--)
            if (b[i - 1] == '.') {
                dot = b + i - 1;
                break;
            }
        if (dot && (size_t)(b + n - dot) <= 5 && dot > b)
            n = (size_t)(dot - b);
    }
    return strn(c, b, n);
}

/* The symbol of the report carrying drafts: printed in the text; else
 * derived from the Commission and its session, as the UN numbers them: the
 * CCPCJ's report on its Nth session is E/(1991+N)/30 (first session 1992),
 * the CND's is E/(1957+N)/28 (55th session: 2012); else, when neither is
 * known, the source file's name stands in for it (not a UN symbol, but
 * stable and unique per file). */
static const char *
report_symbol(ctx_t *c)
{
    if (c->report_symbol)
        return c->report_symbol;
    char buf[32];
    if (c->commission && c->session_no) {
        if (strcmp(c->commission, "CCPCJ") == 0)
            snprintf(buf, sizeof buf, "E/%u/30", 1991 + c->session_no);
        else
            snprintf(buf, sizeof buf, "E/%u/28", 1957 + c->session_no);
        c->report_symbol = str(c, buf);
    } else {
        c->report_symbol = basename_of(c, c->name);
    }
    return c->report_symbol;
}

/* A Commission's resolution printed without any body line (a database
 * extract: "Resolution 55/12. ..."): the file name may say ("cnd-55-12");
 * otherwise the subject decides, drugs for the CND, else the CCPCJ. */
static const char *
guess_commission(ctx_t *c, const char *data, size_t len)
{
    const char *b = basename_of(c, c->name);
    if (b && (strstr(b, "cnd") || strstr(b, "CND")))
        return "CND";
    if (b && (strstr(b, "ccpcj") || strstr(b, "CCPCJ")))
        return "CCPCJ";
    size_t n = len < 65536 ? len : 65536, drug = 0, crime = 0;
    for (size_t i = 0; i + 16 <= n; i++) {
        if (memcmp(data + i, "drug", 4) == 0)
            drug++;
        else if (memcmp(data + i, "criminal justice", 16) == 0)
            crime++;
    }
    return drug > crime ? "CND" : "CCPCJ";
}

void
tx_complete_context(ctx_t *c, size_t i, const char *data, size_t len)
{
    resdex_resolution_t *r = (resdex_resolution_t *)resdex_doc_get(c->doc, i);
    resinfo_t *info = info_of(c, i);
    const char *num = r->number ? r->number : "";
    size_t nl = tx_res_number(num);
    int year_number = nl && num[4] == '/'; /* 2017/19: ECOSOC numbers by year */
    if (!r->body) {
        if (year_number)
            r->body = "ECOSOC";
        else if (info->in_report && c->commission)
            r->body = c->commission;
        else if (nl)
            r->body = guess_commission(c, data, len);
    }
    if (info->in_report && info->draft && !r->recommended_by)
        r->recommended_by = c->commission;
    if (info->in_report && !info->draft && nl && c->session_no &&
        (unsigned)atoi(num) == c->session_no)
        r->session = c->session;
    char buf[128];
    const char *series = schema_body_series(r->body);
    if (info->symbol) {
        r->symbol = info->symbol;
    } else if (info->draft) {
        const char *kind = strstr(r->doc_type, "decision") ? "DD" : "DR";
        if (info->section)
            snprintf(buf, sizeof buf, "%.80s/%s.%c.%.16s", report_symbol(c), kind, info->section,
                     num);
        else
            snprintf(buf, sizeof buf, "%.80s/%s.%.16s", report_symbol(c), kind, num);
        r->symbol = str(c, buf);
    } else if (r->body && strcmp(r->body, "SC") == 0 && strchr(num, '(')) {
        /* "638 (1989)" -> S/RES/638(1989), as citations of it read. */
        const char *paren = strchr(num, '(');
        snprintf(buf, sizeof buf, "S/RES/%.*s%.8s", (int)strcspn(num, " "), num, paren);
        r->symbol = str(c, buf);
    } else if (series && nl && num[nl] == ' ') {
        /* A part, "75/101 B": A/RES/75/101B, as citations of it read. */
        snprintf(buf, sizeof buf, "%s/%s/%.*s%.4s", series, is_decision(r) ? "DEC" : "RES", (int)nl,
                 num, num + nl + 1);
        r->symbol = str(c, buf);
    } else if (series && nl) {
        snprintf(buf, sizeof buf, "%s/%s/%s", series, is_decision(r) ? "DEC" : "RES", num);
        r->symbol = str(c, buf);
    } else {
        /* Nothing to build a UN symbol from: the file name and the number. */
        snprintf(buf, sizeof buf, "%.80s%s%.16s", basename_of(c, c->name), *num ? "/" : "", num);
        r->symbol = str(c, buf);
    }
    if (r->body)
        r->body = str(c, r->body);
    if (r->recommended_by)
        r->recommended_by = str(c, r->recommended_by);
    if (r->recommends_to)
        r->recommends_to = str(c, r->recommends_to);
}
