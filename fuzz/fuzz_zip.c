/* fuzz_zip.c - libFuzzer target: the zip reader (libzip in memory, with the
 * limits of lib/zipr.h) through resdex_parse_buffer, and the member walk
 * of resdex_archive_foreach: every member handed over is either bytes or a
 * reason. Seeds: zips of AKN files and Word files made by fuzz/run. The
 * same target serves Word files (FUZZ_DOCX, fuzz_docx), whose seeds are
 * the Word files of tests/readers/mkdocx.py. */
#include "fuzz-common.h"

#include <stdlib.h>
#include <string.h>

#ifndef FUZZ_DOCX
static int
member(void *ctx, const char *name, resdex_status_t st, const char *data, size_t len,
       const char *message)
{
    (void)ctx;
    if (!name || (st == RESDEX_STATUS_SUCCESS) != (data != NULL) ||
        (st != RESDEX_STATUS_SUCCESS && (!message || !*message)) ||
        (data && (data[len] != '\0' || len > RESDEX_MAX_INPUT_BYTES)))
        abort();
    return 0;
}
#endif

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FUZZ_DOCX
    const char *name = "fuzz.docx";
#else
    const char *name = "fuzz.zip";
    char *msg = NULL;
    resdex_status_t st = resdex_archive_foreach(name, data, size, member, NULL, &msg);
    if (st != RESDEX_STATUS_SUCCESS && (!msg || !*msg))
        abort();
    free(msg);
#endif
    fuzz_parse(name, data, size);
    return 0;
}
