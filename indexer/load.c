/* load.c - reading, hashing, parsing and preparing one corpus file. */
#include "load.h"
#include "log.h"
#include "shard.h"
#include "walk.h"

#include <stdlib.h>
#include <string.h>

static void
member_rejected(void *ctx, resdex_status_t st, const char *message)
{
    (void)ctx;
    (void)st;
    log_warning("%s (the other members are indexed)", message);
}

void
load_file(const char *corpus, const char *rel, const old_state_t *old, loaded_t *out)
{
    char *data = NULL;
    size_t len = 0;
    resdex_doc_t *doc = NULL;
    memset(out, 0, sizeof *out);
    out->parsed = RESDEX_STATUS_OUT_OF_MEMORY;
    out->prepared_st = RESDEX_STATUS_OUT_OF_MEMORY;
    char *abs = path_join(corpus, rel);
    if (!abs) {
        out->read = READ_BAD;
        out->reason = strdup("out of memory");
        return;
    }
    /* The library's reader, as resdex parse reads: the same limits and the
     * same reasons, named by the corpus-relative path. */
    resdex_status_t st = resdex_read_file_raw(abs, rel, &data, &len, &out->st, &out->reason);
    free(abs);
    out->read = st == RESDEX_STATUS_SUCCESS     ? READ_OK
                : st == RESDEX_STATUS_NOT_FOUND ? READ_GONE
                                                : READ_BAD;
    if (out->read != READ_OK)
        return;
    out->hash = content_hash(data, len);
    if (old && old->valid && old->hash == out->hash && old->size == out->st.size) {
        out->same = 1; /* touched, not changed */
    } else if (old && resdex_is_archive(data, len)) {
        out->archive = 1;
        out->parsed = RESDEX_STATUS_SUCCESS;
        out->prepared_st = RESDEX_STATUS_SUCCESS;
        out->data = data;
        out->len = len;
        data = NULL;
    } else {
        /* An archive: each member that is a document, a bad one left out. */
        out->parsed =
            resdex_is_archive(data, len)
                ? resdex_parse_archive(rel, data, len, member_rejected, NULL, &doc, &out->message)
                : resdex_parse_buffer(rel, data, len, &doc, &out->message);
        if (out->parsed == RESDEX_STATUS_SUCCESS) {
            shard_keep(doc); /* --shard: this shard's resolutions */
            out->prepared_st = resdex_prepare_doc(rel, doc, &out->prepared);
        }
    }
    resdex_doc_destroy(doc);
    free(data);
}

int
loaded_ready(const loaded_t *l)
{
    return l->read == READ_OK && !l->same && l->parsed == RESDEX_STATUS_SUCCESS &&
           l->prepared_st == RESDEX_STATUS_SUCCESS;
}

file_state_t
loaded_state(const loaded_t *l, uint64_t paragraphs)
{
    file_state_t fs = {
        .size = l->st.size,
        .mtime_ns = l->st.mtime_ns,
        .hash = l->hash,
        .paragraphs = paragraphs,
    };
    return fs;
}

void
loaded_free(loaded_t *l)
{
    free(l->reason);
    free(l->message);
    free(l->data);
    resdex_prepared_destroy(l->prepared);
    memset(l, 0, sizeof *l);
}
