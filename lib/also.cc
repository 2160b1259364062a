/* also.cc - how a folded paragraph is listed in another hit's `also`
 * (also.hh). */
#include "also.hh"

#include <cstring>

bool
also_is_draft(const resdex_resolution_t *res)
{
    return res->doc_type && std::strncmp(res->doc_type, "draft", 5) == 0;
}

std::string
also_cite(const resdex_resolution_t *res, const resdex_paragraph_t *par, const char *id)
{
    const char *hash = id ? std::strrchr(id, '#') : nullptr;
    std::string anchor = hash ? hash + 1 : "";
    bool draft = also_is_draft(res);
    size_t len = std::strlen(res->symbol);
    bool carried = draft && len > 3 && std::strcmp(res->symbol + len - 3, "/DR") == 0 &&
                   std::strstr(res->symbol, "/RES/");
    std::string doc;
    if (res->number && !draft) {
        doc = res->number;
    } else {
        doc = res->symbol;
        size_t slash = doc.rfind('/');
        if (draft && !carried && slash != std::string::npos)
            doc[slash] = ' ';
    }
    /* The annex's place as the cite says it: "..., annex, para. 36". */
    const char *cite = par ? par->cite : nullptr;
    const char *annex = cite ? std::strstr(cite, ", annex, ") : nullptr;
    if (annex) {
        std::string where = annex + std::strlen(", annex, ");
        if (where.compare(0, 6, "para. ") == 0)
            where = "¶" + where.substr(6);
        return doc + " annex " + where;
    }
    return anchor.empty() ? doc : doc + " ¶" + anchor;
}

std::string
also_value(const resdex_resolution_t *res, const resdex_paragraph_t *par, const char *id)
{
    return std::string(also_is_draft(res) ? "d" : "a") + id + '\x1f' + also_cite(res, par, id);
}

bool
also_parse(const std::string &value, AlsoEntry *out)
{
    size_t sep = value.find('\x1f');
    if (value.size() < 2 || (value[0] != 'd' && value[0] != 'a') || sep == std::string::npos ||
        sep == 1)
        return false;
    out->draft = value[0] == 'd';
    out->id = value.substr(1, sep - 1);
    out->cite = value.substr(sep + 1);
    return true;
}
