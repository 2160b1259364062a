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
#include "zipr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* TOO_LARGE for `len` bytes of text past RESDEX_MAX_INPUT_BYTES: the one
 * message of reader.c (resdex_read_file) and parse.c (resdexd's reads). */
resdex_status_t reader_text_too_large(char **message, const char *name, size_t len);

/* Text converted from the UN's PDFs, markdown-ish extracts, plain text. */
resdex_status_t text_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len,
                           char **message);

/* AKN4UN (Akoma Ntoso) XML, any of the six official languages. */
resdex_status_t akn_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len,
                          char **message);

/* Is this XML (after an optional BOM and white space)? */
int akn_looks_like_xml(const char *data, size_t len);

/* The UN's metadata extract (extract.c): JSON Lines or a JSON array of
 * objects with a "symbol" and an adoption field. Its resolutions have no
 * paragraphs, only adoption metadata (doc/data-extract.md). */
int extract_looks_like(const char *data, size_t len);
resdex_status_t extract_parse(resdex_doc_t *doc, const char *name, const char *data, size_t len,
                              char **message);

/* Text extracted from a PDF or Word file (valid UTF-8 or not, checked
 * here): empty, binary and UTF-8 checks, then text_parse(). */
resdex_status_t reader_parse_text(resdex_doc_t *doc, const char *name, const char *text, size_t len,
                                  char **message);

/* PDF (pdf.c): does the buffer start like one ("%PDF-" in the first KiB)? */
int pdf_looks_like_pdf(const void *data, size_t len);
/* The text layer of a PDF, page furniture dropped, then the text parser.
 * BAD_DOCUMENT for a damaged or encrypted PDF or one without text,
 * TOO_LARGE past PDF_MAX_PAGES pages or RESDEX_MAX_INPUT_BYTES of text. */
resdex_status_t pdf_parse(resdex_doc_t *doc, const char *name, const void *data, size_t len,
                          char **message);

/* Word (docx.c): is the open zip a Word package (word/document.xml)? */
int docx_is_word(zipr_t *z);
/* Paragraphs, numbering, footnotes and accepted tracked changes of a Word
 * file, then the text parser; marks the resolutions tracked_changes. */
resdex_status_t docx_parse(resdex_doc_t *doc, const char *name, zipr_t *z, char **message);

/* A draft a reader marked inside a resolution (model_mark_draft) becomes a
 * resolution of its own, right after it (embedded.c). parse.c calls it on
 * every file read. */
void embedded_split_drafts(resdex_doc_t *doc);
#ifdef __cplusplus
}
#endif

#endif
