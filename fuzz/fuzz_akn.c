/* fuzz_akn.c - libFuzzer target: the AKN4UN (Akoma Ntoso) XML reader,
 * through resdex_parse_buffer. Seeds: ../shared/corpus/akn, fuzz/seeds/akn.
 *
 * The reader only takes content that looks like XML; an input that does not
 * start like XML is given an XML declaration, so that the mutations are
 * spent inside the XML reader rather than in the text parser. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_parse_prefixed("fuzz.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                        size > 0 && data[0] == '<', data, size);
    return 0;
}
