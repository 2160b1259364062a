/* akn.c - the reader for AKN4UN XML.
 * PLACEHOLDER until the AKN reader lands (issue 4): refuses XML. */
#include "readers.h"
#include "util.h"

#include <string.h>

int
akn_looks_like_xml(const char *data, size_t len)
{
    size_t i = strspn(data, " \t\r\n");
    return i < len && data[i] == '<';
}

resdex_status_t
akn_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len, char **message)
{
    (void)doc;
    (void)data;
    (void)len;
    return util_fail(message, RESDEX_STATUS_BAD_XML, "%s: AKN4UN XML is not supported yet", name);
}
