/* fuzz_text.c - libFuzzer target: the text parser (resdex_parse_buffer on
 * text converted from the UN's PDFs, reports, database extracts). Seeds:
 * ../shared/seeds and fuzz/seeds/text. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_parse("fuzz.txt", data, size);
    return 0;
}
