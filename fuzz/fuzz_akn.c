/* fuzz_akn.c - libFuzzer target: the AKN4UN (Akoma Ntoso) XML reader,
 * through resdex_parse_buffer. Seeds: ../shared/corpus/akn, fuzz/seeds/akn.
 *
 * The reader only takes content that looks like XML; an input that does not
 * start like XML is given an XML declaration, so that the mutations are
 * spent inside the XML reader rather than in the text parser. */
#include "fuzz-common.h"

#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (size > 0 && data[0] == '<') {
        fuzz_parse("fuzz.xml", data, size);
        return 0;
    }
    uint8_t *buf = malloc(sizeof decl - 1 + size);
    if (!buf)
        return 0;
    memcpy(buf, decl, sizeof decl - 1);
    if (size)
        memcpy(buf + sizeof decl - 1, data, size);
    fuzz_parse("fuzz.xml", buf, sizeof decl - 1 + size);
    free(buf);
    return 0;
}
