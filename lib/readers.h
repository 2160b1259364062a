/* readers.h - the format readers behind resdex_parse_buffer() (private).
 *
 * Each reader receives valid UTF-8 without NUL bytes (parse.c checks), adds
 * one resolution or more to `doc`, and returns SUCCESS, or an error status
 * with a message that names `name` (and the line where it helps). A reader
 * that finds no resolution returns RESDEX_STATUS_NO_RESOLUTION. On error the
 * caller destroys the document; a reader need not clean up what it added. */
#ifndef RESDEX_READERS_H
#define RESDEX_READERS_H

#include "resdex.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Text converted from the UN's PDFs, markdown-ish extracts, plain text. */
resdex_status_t text_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len,
                           char **message);

/* AKN4UN (Akoma Ntoso) XML, any of the six official languages. */
resdex_status_t akn_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len,
                          char **message);

/* Is this XML (after an optional BOM and white space)? */
int akn_looks_like_xml(const char *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif
