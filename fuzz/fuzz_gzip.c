/* fuzz_gzip.c - libFuzzer target: the gzip reader (resdex_read_buffer), and
 * the parser behind it when the stream inflates. Seeds: gzip copies of
 * ../shared/seeds made by fuzz/run, and fuzz/seeds/text. */
#include "fuzz-common.h"

#include <stdlib.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *out = NULL, *msg = NULL;
    size_t len = 0;
    resdex_status_t st = resdex_read_buffer("fuzz.gz", data, size, &out, &len, &msg);
    if (st == RESDEX_STATUS_SUCCESS) {
        /* A NUL-terminated buffer of len bytes, within the cap. */
        if (!out || out[len] != '\0' || len > RESDEX_MAX_INPUT_BYTES)
            abort();
        /* Parse what inflated (only small outputs: the parser has its own target). */
        if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b && len < 256 * 1024)
            fuzz_parse("fuzz.gz", (const uint8_t *)out, len);
    } else if (out || len || !msg || !*msg) {
        abort();
    }
    free(out);
    free(msg);
    return 0;
}
