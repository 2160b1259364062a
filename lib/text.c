/* text.c - the reader for resolution text (converted PDFs, extracts).
 * PLACEHOLDER until the text parser lands (issue 3): finds nothing. */
#include "readers.h"
#include "util.h"

resdex_status_t
text_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len, char **message)
{
    (void)doc;
    (void)data;
    (void)len;
    return util_fail(message, RESDEX_STATUS_NO_RESOLUTION, "%s: no resolution or decision found",
                     name);
}
