/* fuzz_pdf.c - libFuzzer target: the PDF reader (poppler, then the page
 * layout: furniture, footnotes, paragraphs) through resdex_parse_buffer.
 * Seeds: PDFs printed by tests/readers/mkpdf.py, made by fuzz/run. An input
 * that does not start like a PDF is given the header, so that mutations
 * are spent inside the PDF reader. */
#include "fuzz-common.h"

#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_parse_prefixed("fuzz.pdf", "%PDF-1.5\n", size >= 5 && memcmp(data, "%PDF-", 5) == 0, data,
                        size);
    return 0;
}
