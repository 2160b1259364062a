/* resdex.h - the public interface of libresdex.
 *
 * resdex is a paragraph-level full-text search engine over United Nations
 * crime-prevention resolutions. This header is the only public interface of
 * its core library, installed as libresdex.so (`pkg-config --cflags --libs
 * resdex`), which exports these functions and nothing else. The indexing
 * daemon (resdexd) and the query tool (resdex) call nothing else of it
 * (tests/libapi/symbols.sh checks both); the unit tests and some benchmarks
 * also test the library's internals, through its private headers in lib/.
 *
 * Conventions, for every function below:
 *
 *  - Functions that can fail return a resdex_status_t; RESDEX_STATUS_SUCCESS
 *    is 0. Output parameters are marked OUT and are set to NULL (or 0) on
 *    failure, so that a caller never frees garbage. A NULL where a handle,
 *    an option structure or an OUT parameter is required is BAD_ARGUMENT.
 *
 *  - Every function that takes a resdex_db_t can also fail, besides the
 *    statuses its comment names, with OUT_OF_MEMORY, DB_MODIFIED (the
 *    revision it read was discarded by the writer: resdex_db_reopen() and
 *    call again; the searches below do so themselves), DB_CORRUPT,
 *    XAPIAN_ERROR (any other error of Xapian, its text in the message) and
 *    INTERNAL_ERROR (an exception resdex did not expect). No exception ever
 *    leaves the library.
 *
 *  - Writing: a function marked "writable db only" fails with BAD_ARGUMENT
 *    on a handle opened RESDEX_DB_READ_ONLY, and with DB_OPENING when the
 *    handle lost its index in a failed swap (resdex_db_merge_parts,
 *    resdex_db_compact: close it).
 *
 *  - Memory: the objects these hand over (OUT) are the caller's, released
 *    with the matching function: resdex_db_open (resdex_db_close),
 *    resdex_parse_* (resdex_doc_destroy), resdex_prepare_doc
 *    (resdex_prepared_destroy), resdex_db_search, resdex_db_find_*,
 *    resdex_db_similar and resdex_db_lineage (resdex_results_destroy),
 *    resdex_db_check (resdex_check_destroy). Text handed over is malloc()ed
 *    and the caller frees it with free(): the *_json functions',
 *    resdex_read_*'s data, resdex_db_read_metadata's value, `message` OUT
 *    parameters, resdex_db_default_path, resdex_name_escape and
 *    resdex_utf8_lossy. Every other returned pointer is borrowed: it belongs
 *    to the object it was obtained from and stays valid until that object is
 *    destroyed (or until the call the comment names). Destroy and close
 *    functions accept NULL and do nothing.
 *
 *  - Messages: functions that work on a database keep a human-readable
 *    message on the handle (resdex_db_last_error) until the next call on it:
 *    after a failure a message (at least the status's description), after a
 *    success "" (tests/libapi/lasterror.c checks every call).
 *    Functions without a handle return a message through a `char **message`
 *    OUT parameter, allocated with malloc(), which the caller frees; pass NULL
 *    when not interested.
 *
 *  - Text is UTF-8 everywhere. Nothing here prints or exits.
 *
 *  - Threads: a handle may be used by one thread at a time. Different handles
 *    may be used concurrently.
 */
#ifndef RESDEX_H
#define RESDEX_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RESDEX_VERSION_MAJOR 0
#define RESDEX_VERSION_MINOR 1
#define RESDEX_VERSION_PATCH 0

/* The library's version as "MAJOR.MINOR.PATCH" (static storage). */
const char *resdex_version(void);

/* ------------------------------------------------------------------------ */
/* Status codes                                                             */
/* ------------------------------------------------------------------------ */

typedef enum resdex_status {
    RESDEX_STATUS_SUCCESS = 0,
    /* Memory allocation failed (also std::bad_alloc inside Xapian). */
    RESDEX_STATUS_OUT_OF_MEMORY,
    /* A file could not be opened, read, or vanished while being read. */
    RESDEX_STATUS_FILE_ERROR,
    /* The input is not text: NUL bytes or other binary content. */
    RESDEX_STATUS_BINARY_INPUT,
    /* The input is not valid UTF-8 (the message names the line). */
    RESDEX_STATUS_BAD_UTF8,
    /* The input is larger than resdex accepts (file size or line length). */
    RESDEX_STATUS_TOO_LARGE,
    /* A gzip stream is truncated or corrupt. */
    RESDEX_STATUS_BAD_GZIP,
    /* XML that is not well-formed, or not AKN4UN (the message names the line). */
    RESDEX_STATUS_BAD_XML,
    /* The input holds no resolution or decision resdex can recognise. */
    RESDEX_STATUS_NO_RESOLUTION,
    /* The database does not exist or cannot be opened (Xapian DatabaseOpeningError). */
    RESDEX_STATUS_DB_OPENING,
    /* Another writer holds the database lock (Xapian DatabaseLockError). */
    RESDEX_STATUS_DB_LOCKED,
    /* A reader met a revision that the writer has since discarded
     * (Xapian DatabaseModifiedError); resdex_db_reopen() and retry. */
    RESDEX_STATUS_DB_MODIFIED,
    /* The database files are damaged (Xapian DatabaseCorruptError). */
    RESDEX_STATUS_DB_CORRUPT,
    /* Any other Xapian error (the message has Xapian's text). */
    RESDEX_STATUS_XAPIAN_ERROR,
    /* A stored paragraph record does not decompress or decode. */
    RESDEX_STATUS_CORRUPT_RECORD,
    /* The query is malformed (QueryParserError, bad filter value, too long).
     * The message says where. */
    RESDEX_STATUS_BAD_QUERY,
    /* A caller passed an argument the function does not accept. */
    RESDEX_STATUS_BAD_ARGUMENT,
    /* The thing asked for (symbol, paragraph, metadata key) is not there. */
    RESDEX_STATUS_NOT_FOUND,
    /* An exception resdex did not expect; the message says what it was. */
    RESDEX_STATUS_INTERNAL_ERROR,
    /* The index cannot be written: a read-only file system, or no write
     * permission (opening for writing only; the message says which). Not
     * DB_LOCKED: no other writer is involved. */
    RESDEX_STATUS_DB_READ_ONLY,
    /* A PDF, Word (DOCX) file or zip archive that cannot be read: damaged,
     * truncated, encrypted, a member with an unsafe name or a suspicious
     * compression ratio, or a PDF without a text layer. The message names
     * the file (and the member) and the reason. */
    RESDEX_STATUS_BAD_DOCUMENT,
    RESDEX_STATUS_LAST_STATUS
} resdex_status_t;

/* A short English description of a status (static storage, never NULL). */
const char *resdex_status_to_string(resdex_status_t status);

/* ------------------------------------------------------------------------ */
/* Reading files                                                            */
/* ------------------------------------------------------------------------ */

/* The one size policy of resdex parse and resdexd alike (doc/guarantees.md):
 * a file on disk of at most RESDEX_MAX_FILE_BYTES (128 MiB: room for the
 * compressed formats: gzip, zip, PDF), and at most RESDEX_MAX_INPUT_BYTES
 * (64 MiB) of text or XML for one document: a plain file, a gzip's content,
 * one zip member, the text drawn from a PDF or Word file. */
#define RESDEX_MAX_INPUT_BYTES (64u * 1024u * 1024u)
#define RESDEX_MAX_FILE_BYTES  (2u * RESDEX_MAX_INPUT_BYTES)

/* Read a whole file into memory, decompressing it when it is gzip (decided by
 * its magic bytes, not its name). At most RESDEX_MAX_FILE_BYTES on disk; a
 * gzip's content and a plain text file at most RESDEX_MAX_INPUT_BYTES (a PDF
 * or zip is returned as it is, up to RESDEX_MAX_FILE_BYTES).
 *
 * On success *data (OUT) is a malloc()ed buffer of *len (OUT) bytes with a
 * terminating NUL not counted in *len; the caller frees it.
 * Errors: those of resdex_read_file_raw (NOT_FOUND reported as FILE_ERROR),
 * BAD_GZIP (truncated or corrupt stream), TOO_LARGE ("too large: N bytes of
 * text (the limit is 64 MiB)"), OUT_OF_MEMORY. Every message names the file. */
resdex_status_t resdex_read_file(const char *path, char **data, size_t *len, char **message);

/* A file as resdex_read_file_raw found it before reading it. */
typedef struct resdex_file_info {
    uint64_t size;    /* bytes on disk */
    int64_t mtime_ns; /* modification time, ns since the epoch */
} resdex_file_info_t;

/* The reader under resdex_read_file, and resdexd's: the regular file `path`
 * read whole as it is on disk (nothing decompressed), at most
 * RESDEX_MAX_FILE_BYTES, without ever blocking on a FIFO or a device. A
 * file that changes while being read is read again (three tries). `name`
 * (NULL: path) opens every message, "NAME: reason". On success *data
 * (OUT, malloc()ed, NUL-terminated, *len bytes; the caller frees it) and
 * *info (OUT, may be NULL: size and time before the read). Errors:
 * NOT_FOUND (nothing there, or a folder now: "cannot open: No such file or
 * directory", "a directory, not a regular file"), FILE_ERROR ("broken
 * symbolic link", "symbolic link loop", "cannot open: ...", "a FIFO, not a
 * regular file", "read error: ...", "kept changing while being read"),
 * TOO_LARGE ("too large: N bytes (the limit is 128 MiB)"), OUT_OF_MEMORY. */
resdex_status_t resdex_read_file_raw(const char *path, const char *name, char **data, size_t *len,
                                     resdex_file_info_t *info, char **message);

/* "a FIFO", "a socket", "a character device", "a block device", "a
 * directory" (for a stat st_mode), else "not a regular file": for messages. */
const char *resdex_file_type_name(unsigned int mode);

/* The same for a buffer already in memory: when it is gzip, *data (OUT) is
 * the decompressed copy; otherwise a copy of the input; malloc()ed, with a
 * NUL not counted in *len (OUT), and the caller frees it. `in` stays the
 * caller's. `name` is used in messages only. Errors: BAD_ARGUMENT (a NULL
 * name, data or len, or in NULL with in_len > 0), BAD_GZIP, TOO_LARGE
 * (more than RESDEX_MAX_INPUT_BYTES of text), OUT_OF_MEMORY. */
resdex_status_t resdex_read_buffer(const char *name, const void *in, size_t in_len, char **data,
                                   size_t *len, char **message);

/* ------------------------------------------------------------------------ */
/* The document model                                                       */
/* ------------------------------------------------------------------------ */
/* A parsed source file (resdex_doc_t) holds one or more resolutions. The
 * structures below are read-only views: every pointer in them belongs to the
 * resdex_doc_t (or resdex_results_t) they came from and lives as long as it.
 * Optional strings are NULL when the source does not give them. */

typedef enum resdex_kind {
    RESDEX_KIND_PREAMBULAR = 0, /* "Recalling ...", "Bearing in mind ..." */
    RESDEX_KIND_OPERATIVE = 1,  /* "1. Encourages ...", "(a) Takes note ..." */
    RESDEX_KIND_OTHER = 2,      /* headings, report paragraphs, agenda lists, annex text */
    /* A numbered paragraph or lettered item of an annex (AKN4UN XML): the
     * agreed text of an annexed declaration, plan of action or convention. */
    RESDEX_KIND_ANNEX = 3
} resdex_kind_t;

/* "preambular", "operative", "other" or "annex" (static storage). */
const char *resdex_kind_to_string(resdex_kind_t kind);

typedef struct resdex_footnote {
    const char *mark; /* "1", "23", "a" - as printed, superscripts made ASCII */
    const char *text; /* the footnote's text, markup removed */
    /* For a footnote that reads "Ibid." or "Ibid., vol. 993, No. 14537.": the
     * reference it repeats, made whole from the footnote before it ("United
     * Nations, Treaty Series, vol. 993, No. 14537."); NULL otherwise. */
    const char *resolved;
} resdex_footnote_t;

typedef struct resdex_paragraph {
    resdex_kind_t kind;
    /* The operative paragraph's number as printed (1, 2, ...); 0 when the
     * paragraph has none (preambular paragraphs, lettered decision items). */
    int number;
    /* The sub-item letter or numeral ("a", "b", "iv"); NULL when none. A
     * sub-item of operative paragraph 3 has number 3 and item "a". */
    const char *item;
    /* The leading verb phrase as printed ("Also encourages", "Recalling
     * further", "Expresses its appreciation"); NULL when none. */
    const char *verb;
    /* Plain text: markup, footnote marks and page furniture removed, lines
     * joined, white space collapsed. Never NULL. */
    const char *text;
    size_t n_marks; /* the footnote marks this paragraph carries, in order */
    const char *const *marks;
    size_t n_tags; /* topic tags given by the source (database extracts) */
    const char *const *tags;
    size_t n_cites; /* cited documents, normalised: "A/RES/70/174", "E/CN.15/2023/13" */
    const char *const *cites;
    /* Where it came from: 1-based first and last line of a text file, or
     * of the XML element. 0 when unknown. */
    unsigned line_first, line_last;
    /* For a lettered item: the text of the paragraph its items continue
     * ("Requests the working group to ... by:"), the same string as that
     * paragraph's text; NULL otherwise. */
    const char *lead_in;
    /* How a delegate cites it (resdex_cite): "General Assembly resolution
     * 80/229, para. 5". Set by the readers and stored in the index; NULL in
     * a record of an older index. */
    const char *cite;
    /* An annex paragraph of a convention: the number of the article it
     * stands in ("Article 2"); 0 otherwise. */
    int article;
} resdex_paragraph_t;

/* How a text was adopted: by consensus (without a vote), by a recorded
 * vote, or not known (the source does not say, or says something resdex
 * does not recognise). */
typedef enum resdex_adoption_method {
    RESDEX_ADOPTION_UNKNOWN = 0,
    RESDEX_ADOPTION_CONSENSUS = 1, /* "adopted without a vote" */
    RESDEX_ADOPTION_VOTE = 2       /* "recorded vote" */
} resdex_adoption_method_t;

/* "without a vote", "recorded vote" (static storage); NULL for UNKNOWN. */
const char *resdex_adoption_method_to_string(resdex_adoption_method_t method);

/* How one State voted in a recorded vote. */
typedef enum resdex_vote {
    RESDEX_VOTE_IN_FAVOUR = 0,
    RESDEX_VOTE_AGAINST = 1,
    RESDEX_VOTE_ABSTAINING = 2
} resdex_vote_t;

/* "in_favour", "against", "abstaining" (static storage). */
const char *resdex_vote_to_string(resdex_vote_t vote);

typedef struct resdex_voter {
    const char *state; /* as printed in the source: "JAPAN" */
    resdex_vote_t vote;
} resdex_voter_t;

/* What the source says about how a resolution was adopted (AKN4UN's
 * <analysis><parliamentary><voting>, <workflow> and <classification>, or
 * the UN's metadata extract). Every pointer belongs to what the resolution
 * belongs to. Lists are empty (n 0, pointer NULL) when not given. */
typedef struct resdex_adoption {
    resdex_adoption_method_t method;
    /* The counts as printed; -1 when not given. For a recorded vote whose
     * list of voters disagrees with its count, the count as printed (and a
     * warning). */
    int in_favour, against, abstaining;
    const char *draft; /* the draft's symbol: "A/C.3/80/L.4/Rev.1"; NULL when not given */
    size_t n_sponsors; /* the draft's sponsors, as printed ("Russian Federation") */
    const char *const *sponsors;
    size_t n_additional_sponsors; /* those who joined later */
    const char *const *additional_sponsors;
    size_t n_sdgs; /* Sustainable Development Goals, 1..17, in the source's order */
    const int *sdgs;
    size_t n_subjects; /* UNBIS thesaurus labels as printed: "TRAFFICKING IN PERSONS" */
    const char *const *subjects;
    size_t n_voters; /* a recorded vote: each State and its vote, in the source's order */
    const resdex_voter_t *voters;
    /* What was wrong with the metadata ("NAME: line 94: <count
     * refersTo=\"inFavour\"> says 139 but lists 138 voters"): the file is
     * read all the same. */
    size_t n_warnings;
    const char *const *warnings;
    /* Where it was read: "akn" (the resolution's own file), "akn:en" (the
     * English file of the same symbol, for a language whose file gives
     * none), "extract" (the UN's metadata_data_extract.jsonl). */
    const char *from;
} resdex_adoption_t;

typedef struct resdex_resolution {
    /* Canonical symbol: "E/RES/2017/19", "A/RES/70/174"; for the Commissions
     * "E/CN.15/RES/26/1" (CCPCJ), "E/CN.7/RES/55/12" (CND); for drafts carried
     * in a report: the report's symbol and the draft, e.g.
     * "E/2017/30/DR.A.I" (chapter I, section A, draft resolution I),
     * "E/2017/30/DD.C.II" (section C, draft decision II); the Security
     * Council's "S/RES/638(1989)"; a part of a multi-part resolution
     * "A/RES/75/101B". Never NULL. */
    const char *symbol;
    const char *number;         /* as printed: "2017/19", "26/1", "I" for a draft */
    const char *body;           /* adopting body: "GA", "ECOSOC", "CCPCJ", "CND", "SC" */
    const char *doc_type;       /* "resolution", "decision", "draft resolution", "draft decision" */
    const char *title;          /* without the number */
    const char *date;           /* adoption date, ISO 8601 "2017-07-06" */
    const char *session;        /* "2017 session", "72nd session", "twenty-sixth session" */
    const char *agenda_item;    /* "19 (c)" */
    const char *meeting;        /* "40th plenary meeting" */
    const char *recommended_by; /* the body that recommended it: "CCPCJ" */
    const char *recommends_to;  /* when it carries a draft for another body: "GA" */
    const char *lang;           /* two-letter code: "en", "fr", "es", "ru", "ar", "zh", "de" */
    const char *source;         /* the source file name as given to the parser */
    size_t n_paragraphs;        /* in document order */
    const resdex_paragraph_t *paragraphs;
    size_t n_footnotes; /* in order of their marks */
    const resdex_footnote_t *footnotes;
    unsigned line_first, line_last;
    /* 1 when read from a Word file with tracked changes, taken as accepted
     * (insertions kept, deletions dropped); 0 otherwise. Not stored in the
     * index: `resdex parse` reports it. */
    int tracked_changes;
    /* How it was adopted; NULL when the source says nothing about it (text
     * files, an index built before resdex read it). On hits and
     * resdex_db_find_resolution's results it comes from the index's store
     * of adoption metadata (see resdex_adoption_t.from). */
    const resdex_adoption_t *adoption;
} resdex_resolution_t;

/* How `res` was adopted: consensus, vote or unknown (NULL res, or no
 * adoption metadata: UNKNOWN). For the callers that prefer agreed
 * language adopted by consensus as precedent (resdex check, folding). */
resdex_adoption_method_t resdex_resolution_adoption_method(const resdex_resolution_t *res);

typedef struct resdex_doc resdex_doc_t;

/* Parse a file: read it (gzip or plain, resdex_read_file), choose the reader
 * by content (AKN4UN XML or text), and build the document model. On success
 * *doc (OUT) holds at least one resolution; destroy it with resdex_doc_destroy.
 * Errors: those of resdex_read_file, BINARY_INPUT, BAD_UTF8 (names the line),
 * TOO_LARGE (a line over RESDEX_MAX_LINE_BYTES), BAD_XML (names the line),
 * NO_RESOLUTION. The message names the file. */
resdex_status_t resdex_parse_file(const char *path, resdex_doc_t **doc, char **message);

/* The same for bytes in memory. `name` is recorded as the resolutions'
 * source and used in messages. The reader is chosen by content: PDF
 * ("%PDF-"), zip ("PK": a Word file when it holds word/document.xml, else an
 * archive whose document members are all parsed, each with the source
 * "NAME!MEMBER"), gzip, AKN XML, text. Further errors: BAD_DOCUMENT (a
 * damaged, truncated or encrypted PDF, Word file or zip; an unsafe member
 * name; a zip bomb; a PDF without a text layer), TOO_LARGE (past the limits
 * of doc/guarantees.md: pages of a PDF, members or inflated bytes of a zip). */
resdex_status_t resdex_parse_buffer(const char *name, const char *data, size_t len,
                                    resdex_doc_t **doc, char **message);

/* resdex_parse_buffer for a draft (resdex check): text (also a Word file's or
 * a PDF's) with no heading of a resolution ("Draft resolution I",
 * "2017/19. Title") is read as one draft resolution whose paragraphs start
 * at the first line, rather than refused with NO_RESOLUTION. Its symbol is
 * made from `name`; doc_type "draft resolution". Ownership and errors as
 * resdex_parse_buffer. */
resdex_status_t resdex_parse_draft(const char *name, const char *data, size_t len,
                                   resdex_doc_t **doc, char **message);

/* A member of an archive that cannot be read or parsed (resdex_parse_archive):
 * its status and message, which names the archive and the member (borrowed,
 * valid during the call only). */
typedef void (*resdex_error_fn)(void *ctx, resdex_status_t st, const char *message);

/* resdex_parse_buffer for a zip archive of documents (resdex_is_archive),
 * lenient as resdexd needs it: a member that cannot be read or parsed is
 * left out and reported to on_error (required), and the others are kept.
 * SUCCESS when at least one member holds a resolution (each resolution's
 * source is "NAME!MEMBER"); else NO_RESOLUTION, or the archive's own error
 * (damaged, too many members), OUT_OF_MEMORY or TOO_LARGE. */
resdex_status_t resdex_parse_archive(const char *name, const char *data, size_t len,
                                     resdex_error_fn on_error, void *ctx, resdex_doc_t **doc,
                                     char **message);

/* Is data[0..len) a zip archive of documents (a zip that is not a Word
 * file)? A damaged zip counts as an archive. */
int resdex_is_archive(const void *data, size_t len);

/* Called for each member of an archive that is a document (folders, hidden
 * files and binary members such as pictures are passed over), in the
 * archive's order. `member` is the name within the archive. On st SUCCESS
 * data[0..len) is the member's content (NUL-terminated; valid during the
 * call only); otherwise it is NULL and `message` says why the member cannot
 * be read (it names the archive and the member). Return 0 to go on,
 * nonzero to stop. */
typedef int (*resdex_member_fn)(void *ctx, const char *member, resdex_status_t st, const char *data,
                                size_t len, const char *message);

/* Read the zip archive data[0..len) (`name` for messages) member by member,
 * in memory only: a member name never reaches the file system, and one that
 * is absolute or has a ".." part is refused. Errors of the archive as a
 * whole: BAD_DOCUMENT (damaged or truncated), TOO_LARGE (too many members),
 * INTERNAL_ERROR (fn stopped the walk); a member's errors go to fn. */
resdex_status_t resdex_archive_foreach(const char *name, const void *data, size_t len,
                                       resdex_member_fn fn, void *ctx, char **message);

/* The same for the archive's entries from..to-1 only (entries in the
 * archive's order, folders and passed-over members included, as counted by
 * resdex_archive_entries): a cold build shares one archive's members out
 * between threads. The limit on the inflated bytes of all members
 * (doc/guarantees.md) holds per call. */
resdex_status_t resdex_archive_foreach_range(const char *name, const void *data, size_t len,
                                             size_t from, size_t to, resdex_member_fn fn, void *ctx,
                                             char **message);

/* How many entries the zip archive data[0..len) holds (*n, OUT). Errors: as
 * resdex_archive_foreach for the archive as a whole. */
resdex_status_t resdex_archive_entries(const char *name, const void *data, size_t len, size_t *n,
                                       char **message);

/* Longest line the text reader accepts (1 MiB). */
#define RESDEX_MAX_LINE_BYTES (1024u * 1024u)

/* How many resolutions doc holds (0 for NULL). */
size_t resdex_doc_count(const resdex_doc_t *doc);
/* The i-th resolution (0-based, in document order); NULL when out of range.
 * Borrowed: it and every pointer in it live as long as doc. */
const resdex_resolution_t *resdex_doc_get(const resdex_doc_t *doc, size_t i);
/* Free doc and everything borrowed from it. NULL is a no-op. */
void resdex_doc_destroy(resdex_doc_t *doc);
/* Keep in doc only the resolutions for which keep(res, ctx) is nonzero, in
 * their order (resdexd --shard K/N keeps its shard's symbols); the others
 * are dropped from doc, their memory freed with it. Returns how many are
 * kept (possibly 0: a doc then indexes as nothing). NULL keep keeps all. */
size_t resdex_doc_keep(resdex_doc_t *doc, int (*keep)(const resdex_resolution_t *res, void *ctx),
                       void *ctx);

/* The footnote of `res` with this mark, or NULL. Borrowed from res. */
const resdex_footnote_t *resdex_resolution_footnote(const resdex_resolution_t *res,
                                                    const char *mark);

/* A stable anchor naming a paragraph inside its resolution, written into buf
 * (at least 16 bytes): "5" (operative 5), "5(a)" (its item a), "(b)" (a
 * lettered item with no number), "pp3" (third preambular paragraph), "x2"
 * (second other paragraph), "an12" (twelfth annex paragraph; its citable
 * place, "annex, art. 2 (c)", is in its cite). Paragraph ids are "SYMBOL#ANCHOR". */
void resdex_paragraph_anchor(const resdex_resolution_t *res, size_t index, char *buf, size_t size);

/* How a delegate cites a paragraph, in English, written into buf (cut to
 * size, always NUL-terminated): "General Assembly resolution 80/229, para. 5",
 * "..., para. 3 (a)", "..., preambular para. 4", "..., preambular para. 6
 * (a)", "E/2017/30, chap. I, sect. B, draft resolution II, para. 3" (a draft
 * in a session report: chapter I, where a Commission's report carries its
 * drafts); the resolution alone for other text. `preambular` is the place of
 * a preambular paragraph (or of the one its item continues) among the
 * resolution's preambular paragraphs, items not counted; 0 when unknown (then
 * the resolution alone). Returns the length of the whole citation (as
 * snprintf). */
size_t resdex_cite(const resdex_resolution_t *res, const resdex_paragraph_t *par,
                   unsigned preambular, char *buf, size_t size);

/* ------------------------------------------------------------------------ */
/* The database                                                             */
/* ------------------------------------------------------------------------ */

typedef struct resdex_db resdex_db_t;

typedef enum resdex_db_mode {
    RESDEX_DB_READ_ONLY = 0,
    /* Create the database when missing; take the single-writer lock. */
    RESDEX_DB_READ_WRITE = 1,
    /* As READ_WRITE, for a part of a new index (resdex_db_merge_parts):
     * commits are not synced to disk, so a crash may lose or damage the
     * part, which the build then makes again. */
    RESDEX_DB_PART = 2,
    /* As READ_ONLY; over a stub of shards (doc/shards.md), a shard that
     * cannot be opened, or stops answering during a call (the call is then
     * run again over the others), is left out instead of failing the call:
     * the answers are partial, and resdex_db_shards_down() says so. Opening
     * still fails when no shard answers. On an index folder, READ_ONLY. */
    RESDEX_DB_READ_PARTIAL = 3,
    /* As READ_WRITE; but an index of an older format, which this resdex
     * can neither read nor update, is replaced (under the writer's lock, by
     * the swap a merge uses) by an empty index of this format that keeps
     * what the index is for: RESDEX_META_CORPUS, RESDEX_META_SHARD and
     * RESDEX_META_SHARD_BY. The caller indexes it again;
     * resdex_db_replaced_format() says that it must. An index of a newer
     * format is refused (DB_OPENING), never replaced. resdexd opens its
     * index so. */
    RESDEX_DB_REBUILD_OLDER = 4
} resdex_db_mode_t;

/* The index when none is named: $RESDEX_DB, else $XDG_DATA_HOME/resdex,
 * else ~/.local/share/resdex. malloc()ed (the caller frees it); NULL when
 * none of these is set, or out of memory. */
char *resdex_db_default_path(void);

/* The corpus resdexd indexes when none is named: $RESDEX_CORPUS, else the
 * sample corpus installed with resdex, else (programs run from their build
 * tree) the samples of the source tree. NULL when none of these exists.
 * Static or the environment's string: do not free it. */
const char *resdex_default_corpus(void);

/* Open the index at `path`. *db (OUT) is set even when opening fails, so
 * that resdex_db_last_error() can say why; close it in every case.
 * Errors: DB_OPENING (missing, unreadable or not an index: the message says
 * which), DB_LOCKED (another writer holds the lock: the message names its
 * pid when it can be found), DB_READ_ONLY (for writing, on a read-only file
 * system or without write permission), DB_CORRUPT, XAPIAN_ERROR,
 * OUT_OF_MEMORY. */
resdex_status_t resdex_db_open(const char *path, resdex_db_mode_t mode, resdex_db_t **db);

/* Release the handle. Changes not yet committed with resdex_db_commit() are
 * discarded, never half-published. NULL is a no-op. */
void resdex_db_close(resdex_db_t *db);

/* The message of the last failed call on db (or "" after success). Borrowed
 * from db: valid until the next call on db. "no database handle" for NULL. */
const char *resdex_db_last_error(const resdex_db_t *db);

/* The path db was opened on, as given to resdex_db_open (a folder, or a
 * stub file joining shards). Borrowed from db: valid until it is closed.
 * NULL for NULL. */
const char *resdex_db_path(const resdex_db_t *db);

/* Opened RESDEX_DB_READ_PARTIAL: how many shards of the stub are left out so
 * far (at opening, or since, when one stopped answering); every answer given
 * while it is above 0 is partial, from the other shards only. A shard left
 * out stays out until the handle is closed (open it again to retry). 0 for
 * NULL, for an index folder, and for a handle opened READ_ONLY (which fails
 * instead). */
unsigned resdex_db_shards_down(const resdex_db_t *db);

/* Opened RESDEX_DB_REBUILD_OLDER: the format of the index that opening
 * replaced by an empty one ("4"), or NULL when it replaced none (and for
 * NULL). Borrowed from db: valid until it is closed. */
const char *resdex_db_replaced_format(const resdex_db_t *db);

/* The i-th shard left out (0 <= i < resdex_db_shards_down()), named as the
 * stub's line names it ("127.0.0.1:9002", a path), in the order they went.
 * Borrowed from db: valid until it is closed. NULL when i is out of range. */
const char *resdex_db_shard_down(const resdex_db_t *db, unsigned i);

/* Move a reader to the latest committed revision (after DB_MODIFIED).
 * Errors: BAD_ARGUMENT (NULL), those of any call on a database. */
resdex_status_t resdex_db_reopen(resdex_db_t *db);

/* Replace everything indexed from `source` (a corpus-relative file name) by
 * the paragraphs of `doc`, one Xapian document per paragraph, stemmed with
 * the stemmer of each resolution's language. Not visible to readers until
 * resdex_db_commit(). `doc` may be NULL to only remove; it stays the
 * caller's. Writable db only. Errors: BAD_ARGUMENT (a NULL or empty
 * source), OUT_OF_MEMORY, XAPIAN_ERROR (a disk full, ...). */
resdex_status_t resdex_db_index_doc(resdex_db_t *db, const char *source, const resdex_doc_t *doc);

/* resdex_db_index_doc in two halves, so that the costlier one can run on
 * another thread while the index takes the previous file (resdexd does so
 * during a reconcile). resdex_prepare_doc makes the Xapian documents of the
 * paragraphs of `doc` (terms, values, stored records) without an index; it
 * may be called from any thread, and a prepared set belongs to one thread at
 * a time. `doc` may be NULL (nothing to add) and may be destroyed once
 * prepared. *prepared (OUT): destroy it with resdex_prepared_destroy.
 * Errors: BAD_ARGUMENT, OUT_OF_MEMORY, INTERNAL_ERROR. */
typedef struct resdex_prepared resdex_prepared_t;
resdex_status_t resdex_prepare_doc(const char *source, const resdex_doc_t *doc,
                                   resdex_prepared_t **prepared);

/* Replace everything indexed from the prepared set's source by its
 * paragraphs: the same as resdex_db_index_doc(db, source, doc). The set is
 * not consumed (it stays the caller's: destroy it after); its paragraphs
 * take the index's word pairs (below), so index a set into one index only.
 * Writable db only. Errors: as resdex_db_index_doc. */
resdex_status_t resdex_db_index_prepared(resdex_db_t *db, const resdex_prepared_t *prepared);

/* How many paragraphs a prepared set holds (0 for NULL). */
size_t resdex_prepared_paragraphs(const resdex_prepared_t *prepared);
/* Free a prepared set. NULL is a no-op. */
void resdex_prepared_destroy(resdex_prepared_t *prepared);

/* Word pairs. A phrase search finds the paragraphs that have the phrase
 * through terms for two adjacent words (instead of reading every position
 * of its words), which an index writes only for its "pair words": frequent
 * words, whose pairs save the most. By default these are the most frequent
 * words of the UN's resolutions, built in. An index can have its own,
 * learnt from a sample of the documents it will hold, for a corpus whose
 * frequent words are others; resdexd does so for every new index. Which
 * words an index has decides only how fast a phrase is found, never what
 * is found. */
typedef struct resdex_pair_words resdex_pair_words_t;

/* A sample of what an index will hold, to learn its pair words from:
 * the words of prepared sets counted as they are added (a set may be
 * destroyed once added: a sample keeps counts, not paragraphs). *sample
 * (OUT): destroy it with resdex_pair_sample_destroy. Errors: BAD_ARGUMENT,
 * OUT_OF_MEMORY. */
typedef struct resdex_pair_sample resdex_pair_sample_t;
resdex_status_t resdex_pair_sample_new(resdex_pair_sample_t **sample);
resdex_status_t resdex_pair_sample_add(resdex_pair_sample_t *sample,
                                       const resdex_prepared_t *prepared);
/* Free a sample. NULL is a no-op. */
void resdex_pair_sample_destroy(resdex_pair_sample_t *sample);

/* The pair words of a sample: in each language but Chinese, the 300 words
 * in the most of its paragraphs (and in two at least), with their accented
 * forms. The words may be given to several indexes (the parts of one),
 * from any thread. *words (OUT): destroy it with resdex_pair_words_destroy.
 * Errors: BAD_ARGUMENT, OUT_OF_MEMORY. */
resdex_status_t resdex_pair_words_learn(const resdex_pair_sample_t *sample,
                                        resdex_pair_words_t **words);
/* How many words (0 for NULL; a sample without paragraphs learns none). */
size_t resdex_pair_words_count(const resdex_pair_words_t *words);
/* Free pair words. NULL is a no-op. */
void resdex_pair_words_destroy(resdex_pair_words_t *words);

/* Make `words` the pair words of an index that holds no paragraph yet (the
 * choice is the index's for its life: its paragraphs' pairs are written
 * by it), with the next commit. Writable db only. Errors: BAD_ARGUMENT (no
 * words, or the index holds paragraphs: nothing changes), XAPIAN_ERROR. */
resdex_status_t resdex_db_set_pair_words(resdex_db_t *db, const resdex_pair_words_t *words);

/* Fill an empty index with the content of other indexes, merged: how
 * resdexd builds a new index on several threads (one part each, each part
 * written through this library by its own handle, committed and closed).
 * The parts are merged in the order given, each part's paragraphs after the
 * previous part's, as if one writer had added them all in that order, into
 * a new compact index at `scratch` (a path that must not exist, on the same
 * file system as db's index); that one then takes the index's place in a
 * single rename, and db is reopened on it. Afterwards `scratch` holds the
 * former (empty) index and the parts are left as they were: the caller
 * removes both. Metadata: a key in several parts keeps the first part's
 * value; db's own keys are kept where no part has them.
 * db must be writable, hold no paragraphs and have no uncommitted changes.
 * The writer's lock is held throughout, also during the swap (a second
 * writer opening the index at any moment gets DB_LOCKED). When the swap itself
 * fails the handle keeps the empty index; if reopening fails after it,
 * the handle is unusable (close it).
 * Errors: BAD_ARGUMENT (the conditions above), DB_OPENING (a part cannot be
 * opened, or the index not reopened), FILE_ERROR (the merged index cannot
 * be moved into place), XAPIAN_ERROR (a disk full, ...). */
resdex_status_t resdex_db_merge_parts(resdex_db_t *db, const char *const *parts, size_t n_parts,
                                      const char *scratch);

/* Rewrite the index compactly (Xapian's compactor: full blocks, no free
 * space left by deletions and updates) into `scratch` (a path that must not
 * exist, on the index's file system), which then takes the index's place in
 * one rename, as in resdex_db_merge_parts, the writer's lock held
 * throughout; db is reopened on it. The same paragraphs, numbers and
 * metadata. Readers keep the revision they have open and see the compact
 * index at their next reopen. Afterwards `scratch` holds the former index:
 * the caller removes it, at once if it likes (a reader opening the index
 * meanwhile, its folder going under it, opens the one at the path). db
 * must be writable with no uncommitted changes. Errors: BAD_ARGUMENT,
 * XAPIAN_ERROR (a disk full: the index is unchanged), DB_OPENING (not
 * reopened after the swap: close the handle). */
resdex_status_t resdex_db_compact(resdex_db_t *db, const char *scratch);

/* *bytes (OUT): the size of the index's files on disk (0 on failure).
 * Errors: BAD_ARGUMENT, DB_OPENING (the index's folder cannot be read). */
resdex_status_t resdex_db_disk_bytes(resdex_db_t *db, uint64_t *bytes);

/* How far the writer is in a long reconcile (a new index built in parts
 * stays empty until its last step: this is how readers see it coming). */
typedef struct resdex_progress {
    int building;             /* 1: a new index; 0: reconciling an existing one */
    uint64_t files_done;      /* files looked at so far */
    uint64_t files_total;     /* files found in the corpus */
    uint64_t paragraphs;      /* paragraphs indexed so far */
    int64_t eta_seconds;      /* expected time left, -1 when not known yet */
    int64_t started, updated; /* seconds since the epoch */
} resdex_progress_t;

/* Publish (p) or withdraw (NULL) the writer's progress, at once visible to
 * every reader, without a commit. *p stays the caller's (copied).
 * Writable db only. Errors: XAPIAN_ERROR (the progress file beside the
 * index cannot be written or removed; the message has the OS's reason). */
resdex_status_t resdex_db_set_progress(resdex_db_t *db, const resdex_progress_t *p);
/* *p (OUT): the progress of the reconcile running now. NOT_FOUND when none
 * runs (or its writer died). */
resdex_status_t resdex_db_get_progress(resdex_db_t *db, resdex_progress_t *p);

/* Remove every paragraph indexed from `source` (nothing there: success),
 * visible at the next resdex_db_commit. Writable db only. Errors:
 * BAD_ARGUMENT (NULL or empty source). */
resdex_status_t resdex_db_remove_source(resdex_db_t *db, const char *source);

/* One resolution per symbol and language. Two files may hold the same
 * resolution (a text rendering beside the UN's AKN4UN XML, a copy in
 * another folder): each is indexed, but only one copy is searched and
 * shown, the others are shadowed (kept aside in the index, found by no
 * search, show or count). Which one: the AKN4UN file (a name ending in
 * .xml or .xml.gz) over any other, then the newer file (the modification
 * time resdexd recorded, RESDEX_META_FILE_PREFIX), then the path first in
 * byte order. The choice is made from the sources the index holds now, so
 * any order of adds and removes (and a build in parts) ends the same way;
 * when the copy searched goes, the next one in that order is searched
 * again. */
typedef struct resdex_copy {
    const char *symbol;   /* "E/RES/2021/23" */
    const char *lang;     /* "en" */
    const char *kept;     /* the source whose copy is searched */
    const char *shadowed; /* the source whose copy is not; NULL: `kept` is searched again */
} resdex_copy_t;

/* Make the choice above for every resolution held by more than one source,
 * in the writer's pending changes (resdexd calls it before each commit).
 * fn (may be NULL) is told of each change: a copy newly shadowed, or one
 * searched again (shadowed NULL); it returns nonzero to stop telling (the
 * choice is made all the same). The strings are borrowed, valid during the
 * call only.
 *
 * The work is committed as it goes, every RESDEX_SETTLE_BATCH paragraphs
 * shadowed or brought back (with whatever else is pending: call it with
 * whole changes only); the last part is left pending, for the caller's
 * resdex_db_commit. Between two copies, stop (may be NULL) is asked whether
 * to stop; when it says so, the settle ends there, still SUCCESS, and the
 * index keeps RESDEX_META_UNSETTLED ("1") until a later settle finishes.
 * At every commit, and when stopped, a resolution not reached is as it was
 * before the settle, one reached has the copy the choice wants searched
 * (it comes back before the others are shadowed), its other copies
 * shadowed or, stopped half-way, still searched. Writable db only. Errors:
 * BAD_ARGUMENT, XAPIAN_ERROR. */
resdex_status_t resdex_db_settle_copies(resdex_db_t *db,
                                        int (*fn)(const resdex_copy_t *c, void *ctx), void *ctx,
                                        int (*stop)(void *ctx), void *stop_ctx);
#define RESDEX_SETTLE_BATCH   2000
#define RESDEX_META_UNSETTLED "resdex:unsettled"
/* Call fn for every shadowed copy, by symbol, language and source; fn
 * returns nonzero to stop (still SUCCESS). Borrowed strings, valid during
 * the call. Errors: BAD_ARGUMENT. */
resdex_status_t resdex_db_list_shadowed(resdex_db_t *db,
                                        int (*fn)(const resdex_copy_t *c, void *ctx), void *ctx);

/* User metadata (the daemon keeps file states here), written with the same
 * commit as the paragraphs. An empty value deletes the key. Both strings
 * stay the caller's (copied). Writable db only. Errors: BAD_ARGUMENT (an
 * empty key). */
resdex_status_t resdex_db_set_metadata(resdex_db_t *db, const char *key, const char *value);
/* The value of a metadata key: *value (OUT) is malloc()ed and the caller
 * frees it; NULL on failure. Errors: NOT_FOUND (no such key, or an empty
 * value), BAD_ARGUMENT, OUT_OF_MEMORY. */
resdex_status_t resdex_db_read_metadata(resdex_db_t *db, const char *key, char **value);
/* Call fn for every metadata key starting with prefix, in key order; fn
 * returns nonzero to stop early (still SUCCESS). The strings are borrowed,
 * valid during the call only. Errors: BAD_ARGUMENT (NULL db or fn). */
resdex_status_t resdex_db_list_metadata(resdex_db_t *db, const char *prefix,
                                        int (*fn)(const char *key, const char *value, void *ctx),
                                        void *ctx);

/* What resdexd recorded about each corpus file, in the metadata (keys
 * "file:PATH" and "rejected:PATH", see resdexd(8)). */
#define RESDEX_META_FILE_PREFIX     "file:"
#define RESDEX_META_REJECTED_PREFIX "rejected:"
/* A PATH too long for a key of its own (prefix and path over
 * RESDEX_META_KEY_PLAIN_MAX bytes) is cut in its key, which ends in "#" and
 * 16 hex digits of a hash of the whole path (RESDEX_META_KEY_HASH_BYTES) and
 * is at most RESDEX_META_KEY_LONG bytes; its value then opens with
 * "@<length>:<path>". resdex_db_list_files gives the whole path. */
#define RESDEX_META_KEY_PLAIN_MAX  240
#define RESDEX_META_KEY_LONG       250
#define RESDEX_META_KEY_HASH_BYTES 17
/* The time (ISO 8601 UTC) of resdexd's last commit, and the corpus folder
 * (absolute) the index follows: read them with resdex_db_read_metadata. */
#define RESDEX_META_LAST_UPDATE "resdex:last-update"
#define RESDEX_META_CORPUS      "resdex:corpus"
/* An index built as shard K of N (resdexd --shard): "K/N", and how the
 * corpus is divided ("symbol"; a shard without it was divided by file path,
 * by an earlier resdexd, and must be rebuilt). */
#define RESDEX_META_SHARD    "resdex:shard"
#define RESDEX_META_SHARD_BY "resdex:shard-by"

typedef enum resdex_file_kind {
    RESDEX_FILE_INDEXED = 0, /* its paragraphs are in the index */
    RESDEX_FILE_REJECTED = 1 /* it failed; its last good version (if any) stays */
} resdex_file_kind_t;

typedef struct resdex_file_entry {
    const char *path; /* corpus-relative */
    resdex_file_kind_t kind;
    int valid; /* the recorded value is well formed */
    /* INDEXED: the file as it was indexed. */
    uint64_t size;    /* bytes on disk */
    int64_t mtime_ns; /* modification time, ns since the epoch */
    uint64_t hash;    /* 64-bit FNV-1a of its bytes on disk */
    uint64_t paragraphs;
    /* REJECTED: since when (ISO 8601 UTC; NULL when not recorded), and why. */
    const char *since;
    const char *reason;
} resdex_file_entry_t;

/* Call fn for every file of that kind at or below the corpus-relative
 * folder `under` (NULL or "": all), in path order; fn returns nonzero to
 * stop (still SUCCESS). The entry and its strings are borrowed, valid
 * during the call only; a value that is not well formed is reported with
 * valid 0. Errors: BAD_ARGUMENT (NULL db or fn). */
resdex_status_t resdex_db_list_files(resdex_db_t *db, resdex_file_kind_t kind, const char *under,
                                     int (*fn)(const resdex_file_entry_t *e, void *ctx), void *ctx);

/* Parse a file state value ("SIZE MTIME_NS HASH PARAGRAPHS") into e's
 * INDEXED fields. 0, or -1 when it is not well formed (e unchanged). */
int resdex_file_state_parse(const char *value, resdex_file_entry_t *e);

/* The inverse: e's INDEXED fields as "SIZE MTIME_NS HASH PARAGRAPHS" (hash
 * in 16 hex digits) in buf[0..size), cut to fit. RESDEX_FILE_STATE_MAX
 * bytes always suffice. */
#define RESDEX_FILE_STATE_MAX 80
void resdex_file_state_format(const resdex_file_entry_t *e, char *buf, size_t size);

/* The state of each member of a zip archive in the corpus, keyed
 * "member:ARCHIVE!MEMBER" (the file-state format; the hash is of the
 * member's inflated bytes). */
#define RESDEX_META_MEMBER_PREFIX "member:"

/* The metadata keyed by a corpus path, as resdexd writes it: the key is
 * prefix + path (RESDEX_META_FILE_PREFIX, RESDEX_META_REJECTED_PREFIX or
 * RESDEX_META_MEMBER_PREFIX), or, for a path too long for a key of its own,
 * the long form above. Set `value` ("" deletes it) in db's pending commit.
 * Writable db only. Errors: BAD_ARGUMENT (a NULL or empty prefix or path),
 * OUT_OF_MEMORY, and those of resdex_db_set_metadata. */
resdex_status_t resdex_db_set_path_metadata(resdex_db_t *db, const char *prefix, const char *path,
                                            const char *value);

/* Called with each path and its value, decoded (borrowed, valid during the
 * call only); nonzero stops. */
typedef int (*resdex_path_meta_fn)(const char *path, const char *value, void *ctx);

/* Call fn, in key order, for every path with `prefix` at or below the
 * folder `under` (NULL or "": all; for RESDEX_META_MEMBER_PREFIX, the
 * members of the archive `under`). With `migrated` (a writable db only),
 * plain keys an older resdexd wrote too long for today's plain form are
 * moved to the long form in the pending commit, and *migrated counts them.
 * Errors: BAD_ARGUMENT, OUT_OF_MEMORY, those of the metadata calls. */
resdex_status_t resdex_db_list_path_metadata(resdex_db_t *db, const char *prefix, const char *under,
                                             resdex_path_meta_fn fn, void *ctx, size_t *migrated);

/* Make every change since the last commit durable and visible, atomically.
 * Writable db only. Errors: XAPIAN_ERROR (a disk full, ...: the index keeps
 * its last commit). */
resdex_status_t resdex_db_commit(resdex_db_t *db);
/* Drop every change since the last commit. Writable db only. */
resdex_status_t resdex_db_cancel(resdex_db_t *db);

/* Statistics. */
typedef struct resdex_db_counts {
    uint64_t paragraphs;
    uint64_t resolutions; /* distinct (symbol, language) pairs */
    uint64_t sources;     /* distinct source files with paragraphs */
} resdex_db_counts_t;
/* *counts (OUT, the caller's structure) filled in. Errors: BAD_ARGUMENT. */
resdex_status_t resdex_db_get_counts(resdex_db_t *db, resdex_db_counts_t *counts);

/* For a facet of the index ("kind", "lang", "body", "year", "verb",
 * "adopted", "sdg", "subject", "sponsor", "voted": any filter field of
 * resdex_query_field_at), call fn with each value and how many paragraphs
 * have it, in the byte order of the values; fn returns nonzero to stop
 * (still SUCCESS). The value is borrowed, valid during the call only. The
 * names of subject, sponsor and voted come folded ("trafficking in
 * persons", "japan=in_favour"), bodies in lower case ("ga"). Errors:
 * BAD_ARGUMENT (NULL db, facet or fn; a name that is not a filter field:
 * the message names it). */
resdex_status_t resdex_db_facet_counts(resdex_db_t *db, const char *facet,
                                       int (*fn)(const char *value, uint64_t count, void *ctx),
                                       void *ctx);

/* What `resdex stats --json` prints about the index, gathered by the
 * calls above: *json (OUT) is one line of compact JSON, as the other
 * resdex_*_json below (malloc()ed, the caller frees it; NULL on failure):
 * {"index" (resdex_db_path), "corpus" and "last_update" (the metadata
 * RESDEX_META_CORPUS and RESDEX_META_LAST_UPDATE; null when not recorded),
 * "index_bytes" (resdex_db_disk_bytes; 0 when unknown), "files" (the files
 * indexed), "resolutions", "paragraphs" (resdex_db_get_counts), "by_kind",
 * "by_lang", "by_body" ({value: paragraphs} of resdex_db_facet_counts, in
 * its order; bodies in capitals, "GA"), "rejected": [{"file","since",
 * "reason"}] (resdex_db_list_files), "shadowed": [{"symbol","lang","file",
 * "kept"}] (resdex_db_list_shadowed), and while a reconcile runs
 * (resdex_db_get_progress) "progress": {"state" ("building" or
 * "reconciling"), "files_done","files_total","paragraphs","eta_seconds"
 * (null while unknown)}}; paths and file names escaped as
 * resdex_name_escape says. Errors: BAD_ARGUMENT (NULL db or json), those of
 * the listing calls (the message on db), OUT_OF_MEMORY, BAD_UTF8 (a value
 * recorded in the metadata that is not UTF-8). */
resdex_status_t resdex_db_stats_json(resdex_db_t *db, char **json);

/* ------------------------------------------------------------------------ */
/* Searching                                                                */
/* ------------------------------------------------------------------------ */

typedef enum resdex_sort {
    RESDEX_SORT_RELEVANCE = 0, /* BM25, ties by date (newest first) */
    RESDEX_SORT_DATE = 1       /* newest first, ties by relevance */
} resdex_sort_t;

/* The fields of the query language, for help texts: name ("year"), the
 * values it takes (space-separated, "" when any), an example, one line of
 * help, and the facet it is counted under (NULL when none). */
typedef struct resdex_query_field {
    const char *name;
    const char *values;
    const char *example;
    const char *help;
    const char *facet;
} resdex_query_field_t;

/* The i-th field (from 0), NULL past the last. Static storage. */
const resdex_query_field_t *resdex_query_field_at(size_t i);

/* The languages resdex reads and searches: the two-letter code ("fr", as
 * lang: and show --lang take it) and the English name ("French"). */
typedef struct resdex_language {
    const char *code;
    const char *name;
} resdex_language_t;

/* The i-th language (from 0), NULL past the last. Static storage. */
const resdex_language_t *resdex_language_at(size_t i);

/* Longest query accepted, in bytes. */
#define RESDEX_MAX_QUERY_BYTES 8192u

typedef struct resdex_search_options {
    const char *query; /* the query text, syntax in resdex(1) */
    unsigned offset;   /* hits to skip */
    unsigned limit;    /* hits to return (0: none, only counts, then exact) */
    int all_kinds;     /* nonzero: every kind, not only operative paragraphs */
    resdex_sort_t sort;
    /* Nonzero: count body, year, verb, adopted, sdg, subject, sponsor and
     * voted over all matches,
     * and kind and lang over the matches without their default filter
     * (operative and annex paragraphs; the language searched): of every
     * kind, and of every language as the query was parsed. */
    int facets;
    int snippets;                  /* nonzero: compute a highlighted snippet per hit */
    const char *hl_start, *hl_end; /* snippet highlight markers ("[", "]" if NULL) */
    /* Snippet length, in bytes of text (0: 300). A paragraph shorter than this
     * comes back whole, highlighted. */
    unsigned snippet_bytes;
    /* Nonzero: one hit per resolution (per language), its best paragraph;
     * the total then counts resolutions. */
    int group_by_resolution;
    /* Nonzero: count every match, so that the total is exact. Otherwise the
     * total is exact when the matches are few (or limit is 0, or facets are
     * asked for) and an estimate when they are many: counting them all
     * makes a search 1.5-2x slower (bench/RESULTS.md).
     * resdex_results_total_is_exact() says which. */
    int exact_total;
    /* Nonzero: every matching paragraph its own hit. Zero (the default): a
     * search folds the paragraphs whose texts are the same once normalised
     * (case, white space, quotation marks, footnote marks and the closing
     * ";"/"." ignored), and those whose words are the same and only their
     * punctuation differs (each marked in its also), into one hit,
     * shown as the preferred text (resdex(1) "Folding"), the
     * others in its `also`; the total then counts folded hits and
     * resdex_results_paragraphs the paragraphs. Not with
     * group_by_resolution, nor on an index built before folding existed. */
    int no_fold;
} resdex_search_options_t;

/* Another paragraph folded into a hit: its id ("A/RES/78/229#67"), how
 * to cite it ("78/229 ¶67"), and whether its punctuation differs from the
 * hit's text (1: the same words, a comma more or less; 0: the same text).
 * Strings owned by the results. */
typedef struct resdex_also {
    const char *id;
    const char *cite;
    int punctuation_differs;
} resdex_also_t;

typedef struct resdex_hit {
    unsigned rank;  /* 1-based, counting the offset */
    double score;   /* Xapian's BM25 weight; 0 for boolean-only queries */
    const char *id; /* "E/RES/2017/19#1" */
    /* The resolution's context; its paragraphs and footnotes arrays are empty. */
    const resdex_resolution_t *resolution;
    const resdex_paragraph_t *paragraph;
    /* The footnotes this paragraph carries, with their text. */
    size_t n_footnotes;
    const resdex_footnote_t *footnotes;
    const char *snippet; /* NULL unless asked for */
    /* similar only: word-level similarity in [0,1]; otherwise 0. */
    double similarity;
    /* A folded search: the other matching paragraphs with the same text,
     * newest adopted first (the order of resdex(1) "Folding"); none
     * otherwise. Owned by the results. */
    size_t n_also;
    const resdex_also_t *also;
    /* Search and show: how many resolutions in the hit's language cite its
     * resolution (a cites: term of theirs names its symbol). */
    unsigned cited_by;
    /* similar only: the share of the input's words this paragraph holds in
     * the same order, in [0,1] (1.0: the input is a fragment of it). */
    double containment;
    /* similar by paragraph id only: 1 when this hit is newer than the
     * paragraph asked about (adopted later), so that its diff runs from that
     * paragraph to the hit; 0 otherwise. */
    int newer;
} resdex_hit_t;

typedef struct resdex_results resdex_results_t;

/* Run a search. *results (OUT) is owned by the caller (destroy it with
 * resdex_results_destroy); NULL on failure. options and its strings stay the
 * caller's. When the writer discards the revision being read, the search
 * reopens the database and starts again, up to 3 times; then DB_MODIFIED.
 * Errors: BAD_QUERY (message with the position or the filter at fault;
 * also a query over RESDEX_MAX_QUERY_BYTES), BAD_ARGUMENT, CORRUPT_RECORD,
 * DB_MODIFIED, DB_CORRUPT, XAPIAN_ERROR, OUT_OF_MEMORY. */
resdex_status_t resdex_db_search(resdex_db_t *db, const resdex_search_options_t *options,
                                 resdex_results_t **results);

/* Every paragraph of a resolution, in document order, as hits. `symbol` is
 * a full symbol ("E/RES/2017/19") or a number ("2017/19"); `lang` picks a
 * language (NULL: English when present, else the first indexed).
 * *results (OUT) is owned by the caller (resdex_results_destroy); NULL on
 * failure. Each hit's rank is the paragraph's position (from 1), its score
 * 0. Reopens as resdex_db_search does. Errors: NOT_FOUND (no such
 * resolution, or not in that language: the message says which),
 * BAD_ARGUMENT, CORRUPT_RECORD, those of any call on a database. */
resdex_status_t resdex_db_find_resolution(resdex_db_t *db, const char *symbol, const char *lang,
                                          resdex_results_t **results);

/* Who cites res (a hit's resolution, or one of a document): the
 * resolutions in res's language (English when it has none) other than res
 * whose paragraphs cite its symbol (a cites: term), grouped by resolution,
 * newest first, at most `limit` of them (0: the default of a search, 10),
 * each as its best paragraph with a snippet; resdex_results_total is
 * exactly how many resolutions cite it. *results (OUT) is owned by the
 * caller (resdex_results_destroy); NULL on failure. res stays the
 * caller's. Errors: BAD_ARGUMENT (NULL, or no symbol), those of
 * resdex_db_search. */
resdex_status_t resdex_db_find_citing(resdex_db_t *db, const resdex_resolution_t *res,
                                      unsigned limit, resdex_results_t **results);

size_t resdex_results_count(const resdex_results_t *results); /* hits held (0 for NULL) */
/* Matches in the whole index (for a search grouped by resolution: the
 * resolutions): exact, or Xapian's estimate when resdex_results_total_is_exact
 * says so. resdex_db_similar's total is an upper bound (see there). */
uint64_t resdex_results_total(const resdex_results_t *results);
/* 1 when resdex_results_total is exact, 0 when it is an estimate (a search
 * with many matches, without options.exact_total). */
int resdex_results_total_is_exact(const resdex_results_t *results);
/* A search: the matching paragraphs, before folding or grouping (exact or
 * estimated as resdex_results_total is); resdex_results_total otherwise. */
uint64_t resdex_results_paragraphs(const resdex_results_t *results);
/* The language a search searched: its lang: filter, else the one the query
 * is written in (its script, then which language's vocabulary in the index
 * its words belong to). Borrowed ("en"), valid as long as `results`; NULL
 * for results that are not a search's. */
const char *resdex_results_lang(const resdex_results_t *results);
/* The i-th hit, NULL when out of range. Borrowed: the hit and every
 * pointer in it live as long as results. */
const resdex_hit_t *resdex_results_get(const resdex_results_t *results, size_t i);

/* With options.facets: call fn for each value of a facet ("body", "year",
 * "verb", "adopted", "kind", "lang", "sdg", "subject", "sponsor", "voted";
 * see the option) among the matches, most frequent first (subjects,
 * sponsors and votes in the folded form their filters take:
 * "russian federation", "japan=in_favour"); fn returns nonzero to
 * stop. The value is borrowed, valid during the call only. Nothing is
 * called for results without facets or an unknown facet. */
void resdex_results_facets(const resdex_results_t *results, const char *facet,
                           int (*fn)(const char *value, uint64_t count, void *ctx), void *ctx);

/* Free results and everything borrowed from it (hits, diffs, facets).
 * NULL is a no-op. */
void resdex_results_destroy(resdex_results_t *results);

/* ------------------------------------------------------------------------ */
/* Precedents                                                               */
/* ------------------------------------------------------------------------ */
/* Where was this wording used before, and what changed? resdex_db_similar
 * finds the indexed paragraphs that say the same or nearly the same as a
 * text (a draft paragraph, or an indexed paragraph named by its id), ranked
 * for near-duplicates rather than keyword relevance: exact reuse first, then
 * edited reuse, by word-level similarity. Each hit carries that similarity
 * (resdex_hit_t.similarity) and a word-level diff (resdex_hit_diff).
 *
 * Words are compared after normalisation: case, footnote markers
 * (superscript digits), quote styles (curly or straight), dashes and hyphens
 * ("multi-sectoral" = "multisectoral", a word hyphenated across a line
 * break), and white space do not count as differences. */

/* Longest input text accepted by resdex_db_similar, in bytes. */
#define RESDEX_MAX_SIMILAR_BYTES (64u * 1024u)

/* Hits below this similarity are left out unless options say otherwise. */
#define RESDEX_SIMILAR_DEFAULT_MIN 0.5

typedef struct resdex_similar_options {
    /* The text to find precedents of. NULL when `paragraph` is given. */
    const char *text;
    /* Or an indexed paragraph, by id ("E/RES/2021/23#5"): its text is the
     * input and it is never returned (in any language). Its language is
     * searched unless `filters` has lang:. */
    const char *paragraph;
    /* With `text`: the id of a paragraph never to return (NULL: none). */
    const char *exclude_id;
    /* Filters only, in the search syntax: "year:1990..2020 body:ga -symbol:70/174".
     * NULL or "" for none. Without lang:, the language of `paragraph`, else
     * the script of `text` (English for Latin script). Every kind of
     * paragraph is searched unless kind: says otherwise. */
    const char *filters;
    unsigned limit;        /* hits to return; 0 means 10 */
    double min_similarity; /* hits below are left out; 0 means RESDEX_SIMILAR_DEFAULT_MIN */
} resdex_similar_options_t;

/* Find the precedents of a text. *results (OUT) is owned by the caller
 * (resdex_results_destroy; NULL on failure); options stays the caller's;
 * hits are ranked by the greater of their similarity and their containment
 * (weighted as below; exact reuse first), ties to the higher similarity, then to adopted
 * resolutions before drafts carried in reports, then newest first. Each
 * hit's score is its candidate weight (BM25), its similarity the word-level
 * similarity to the input: 2 * common words / (words of both), blended with
 * the overlap of their word sets, so that a reordered list still scores high;
 * its containment the share of the input's words it holds in order, so that a
 * pasted fragment (half a paragraph, one clause) finds its paragraph. A hit is
 * kept when its rank reaches min_similarity: the greater of its similarity
 * and 0.9 x its containment (x words / 12 for an input under 12 words, which
 * many paragraphs hold by chance).
 * resdex_results_total() is how many candidates may reach min_similarity:
 * an upper bound (their word overlap does), like search's estimate.
 * Errors: BAD_ARGUMENT (neither or both of text and paragraph), BAD_QUERY
 * (empty text, no word to search by, a bad filter or a word that is not a
 * filter; the message says which), TOO_LARGE (text over
 * RESDEX_MAX_SIMILAR_BYTES), NOT_FOUND (no such paragraph), CORRUPT_RECORD,
 * DB_*, XAPIAN_ERROR, OUT_OF_MEMORY. */
resdex_status_t resdex_db_similar(resdex_db_t *db, const resdex_similar_options_t *options,
                                  resdex_results_t **results);

/* After resdex_db_similar: the paragraph that came closest without reaching
 * min_similarity, when no hit did and some candidate was compared: its id
 * (borrowed, valid as long as `results`) and, through `similarity` (may be
 * NULL), the greater of its similarity and containment. NULL otherwise. */
const char *resdex_results_best_rejected(const resdex_results_t *results, double *similarity);

/* The earlier versions of an indexed paragraph: its closest precedent in an
 * earlier resolution (by adoption date), that one's own, and so on, as long
 * as each step keeps most of the wording (similarity >= 0.5). *results (OUT)
 * is owned by the caller and holds the chain OLDEST FIRST, without the
 * paragraph itself; the diff and similarity of hit i compare it with the next
 * newer version: hit i + 1, or for the last hit the paragraph itself.
 * `filters` as in resdex_similar_options_t (NULL for none). An empty chain
 * is success with no hits. Both reopen as resdex_db_search does.
 * Errors: as resdex_db_similar. */
resdex_status_t resdex_db_lineage(resdex_db_t *db, const char *paragraph, const char *filters,
                                  resdex_results_t **results);

typedef enum resdex_diff_kind {
    RESDEX_DIFF_EQUAL = 0,  /* words in both */
    RESDEX_DIFF_INSERT = 1, /* words the newer text adds */
    RESDEX_DIFF_DELETE = 2  /* words of the older text it drops */
} resdex_diff_kind_t;

/* "equal", "insert" or "delete" (static storage). */
const char *resdex_diff_kind_to_string(resdex_diff_kind_t kind);

/* One run of a word-level diff. `text` is the run's words as printed (an
 * EQUAL run as the older text prints them), starting with the space that
 * separates it from the run before when all runs are shown in order: the
 * EQUAL and DELETE runs concatenated give the older text, the EQUAL and
 * INSERT runs the newer, with white space collapsed (and a leading space to
 * trim). Never NULL, never empty. */
typedef struct resdex_diff_op {
    resdex_diff_kind_t op;
    const char *text;
} resdex_diff_op_t;

/* The diff of hit i of a resdex_db_similar or resdex_db_lineage result, from
 * the older text to the newer: for similar by text, from the hit (the
 * precedent) to the input (a draft), so INSERT runs are what the input adds
 * to the agreed language; for similar by paragraph id, from whichever of the
 * two was adopted first (resdex_hit_t.newer says which); for lineage, from
 * hit i to the next newer version. Returns the number of
 * runs and sets *ops (OUT) to them (borrowed: valid as long as `results`).
 * 0 and *ops = NULL for other results, or when i is out of range. */
size_t resdex_hit_diff(const resdex_results_t *results, size_t i, const resdex_diff_op_t **ops);

/* ------------------------------------------------------------------------ */
/* Provenance: drafts and the resolutions adopted from them                 */
/* ------------------------------------------------------------------------ */
/* A draft carried in a session report ("E/2017/30/DR.B.II") or inside an
 * ECOSOC resolution ("E/RES/2024/11/DR") is linked to the resolution
 * adopted from it (E/RES/2017/19, A/RES/79/188) when, in one language, all
 * of these hold: the adopting body is the draft's; the titles are the same
 * (case, punctuation and white space aside); the adoption year is the
 * draft's year or the next; and at least half of the draft's operative
 * paragraphs (at least one) are in the adopted text word for word (case,
 * punctuation, quotes, dashes and white space aside). A title alone never
 * links. Every paragraph stores its resolution's keys when it is indexed
 * (body and title, the text of each operative paragraph); the links are
 * resolved from those keys when results are made, so they are right
 * whatever order the two files were indexed or removed in, and across
 * several databases. Search, show, similar and lineage results carry them. */

/* The symbol of the resolution adopted from hit i's resolution when that is
 * a draft ("E/RES/2017/19"), else NULL (no link, or not a draft). Borrowed:
 * valid as long as `results`. */
const char *resdex_hit_adopted_as(const resdex_results_t *results, size_t i);

/* The drafts hit i's resolution was adopted from, oldest report first
 * ("E/2017/30/DR.B.II"): their number, and *drafts (OUT, borrowed: valid as
 * long as `results`) set to their symbols; 0 and NULL when none. */
size_t resdex_hit_from(const resdex_results_t *results, size_t i, const char *const **drafts);

/* ------------------------------------------------------------------------ */
/* The drafter's check                                                      */
/* ------------------------------------------------------------------------ */
/* A whole draft against all agreed language: for each of its paragraphs,
 * whether the same text was adopted before (agreed), a close precedent
 * exists (modified: its diff, its lead verb against the draft's, the
 * qualifiers added and dropped) or none does (new). resdex check prints it;
 * the library function is for any other front end. */

typedef enum resdex_check_status {
    RESDEX_CHECK_AGREED = 0,   /* the same text (normalised as the diff compares) exists */
    RESDEX_CHECK_MODIFIED = 1, /* a precedent at or above the threshold */
    RESDEX_CHECK_NEW = 2       /* no precedent at or above the threshold */
} resdex_check_status_t;

/* "agreed", "modified", "new" (static storage). */
const char *resdex_check_status_to_string(resdex_check_status_t status);

/* The lead verb from the precedent to the draft, on the scale of resdex(1)
 * (Decides > Demands > Urges > Calls upon > Requests > Recommends >
 * Encourages > Invites > Takes note; Reaffirming > Stressing > Recognizing >
 * Recalling > Noting). */
typedef enum resdex_verb_change {
    RESDEX_VERB_SAME = 0,     /* the same step, or the same verb off the scale */
    RESDEX_VERB_WEAKER = 1,   /* the draft asks less */
    RESDEX_VERB_STRONGER = 2, /* the draft asks more */
    RESDEX_VERB_OTHER = 3     /* another verb off the scale, or one side has none */
} resdex_verb_change_t;

/* "same", "weaker", "stronger", "other" (static storage). */
const char *resdex_verb_change_to_string(resdex_verb_change_t change);

typedef struct resdex_check_options {
    /* Filters on the precedents, in the search syntax ("year:..2020
     * body:ga"); NULL or "" for none. */
    const char *filters;
    /* Precedents below this (similarity or containment, as
     * resdex_db_similar) do not count: 0 means RESDEX_SIMILAR_DEFAULT_MIN. */
    double min_similarity;
} resdex_check_options_t;

/* One paragraph of the draft, checked. Every pointer is borrowed: the
 * resolution and paragraph from the draft (valid as long as the
 * resdex_doc_t), the rest from the resdex_check_t. */
typedef struct resdex_check_item {
    size_t n; /* 1-based, among the paragraphs checked, in document order */
    const resdex_resolution_t *resolution;
    const resdex_paragraph_t *paragraph;
    resdex_check_status_t status;
    /* The precedent: hit `precedent` of `results` (its diff through
     * resdex_hit_diff, from the precedent to the draft). For a new paragraph
     * results holds no hit, and resdex_results_best_rejected says how close
     * the best came. For an agreed paragraph the other hits of results with
     * similarity 1 are the other places the text was adopted. */
    const resdex_results_t *results;
    size_t precedent;
    /* The lead verbs, precedent (from) and draft (to), as printed; NULL
     * when that text has none known (from: also when the paragraph is new).
     * change is meaningful when both are. */
    const char *verb_from, *verb_to;
    resdex_verb_change_t verb_change;
    /* Qualifiers ("as appropriate", "without delay", ...; the lists of
     * resdex(1)) the draft holds more often than the precedent (added) and
     * less often (dropped). */
    size_t n_added, n_dropped;
    const char *const *added;
    const char *const *dropped;
} resdex_check_item_t;

typedef struct resdex_check resdex_check_t;

/* Check every preambular and operative paragraph of every resolution in
 * `draft` (read with resdex_parse_draft), and every other paragraph of at
 * least eight words (annex text; headings are left out), against the index.
 * Each paragraph's precedents are those of resdex_db_similar with the
 * options' filters and threshold; the precedent cited is the first by
 * check's order (exact first, then adopted resolutions before drafts in
 * reports, then the ranking of similar). *check (OUT) is owned by the caller
 * (resdex_check_destroy), and borrows `draft`, which must outlive it.
 * Errors: BAD_ARGUMENT, BAD_QUERY (a bad filter), the errors of
 * resdex_db_similar, OUT_OF_MEMORY. */
resdex_status_t resdex_db_check(resdex_db_t *db, const resdex_doc_t *draft,
                                const resdex_check_options_t *options, resdex_check_t **check);

size_t resdex_check_count(const resdex_check_t *check); /* paragraphs checked */
/* Item i (0-based), NULL when out of range; borrowed from `check`. */
const resdex_check_item_t *resdex_check_get(const resdex_check_t *check, size_t i);
/* How many paragraphs have this status. */
size_t resdex_check_count_status(const resdex_check_t *check, resdex_check_status_t status);
/* Free check and everything borrowed from it (its items and their results;
 * the draft stays the caller's). NULL is a no-op. */
void resdex_check_destroy(resdex_check_t *check);

/* ------------------------------------------------------------------------ */
/* JSON: the objects resdex prints                                          */
/* ------------------------------------------------------------------------ */
/* The JSON of a hit, a resolution and a checked paragraph, exactly as
 * `resdex ... --json` prints them (one object; the fields of resdex(1) and
 * DESIGN.md), described once here for every front end: resdex, resdex serve
 * and the Python bindings print or parse these. Each call sets *json (OUT)
 * to one line of compact UTF-8 JSON without a newline, keys in the order
 * of resdex(1), real numbers to six significant digits, file names escaped
 * as resdex_name_escape says; malloc()ed, the caller frees it with free().
 * On failure *json is NULL. The objects described stay the caller's.
 * Errors: BAD_ARGUMENT (json or the object NULL, i out of range),
 * OUT_OF_MEMORY, BAD_UTF8 (a text of the object is not UTF-8: never for
 * what the library made). */

/* What resdex_results_hit_json adds to a hit's own keys ("rank", "score",
 * "id", "resolution" {context, "adopted_as", "from"}, "paragraph" {...,
 * "snippet", "lead_in"}, "footnotes", "tags", "cites", "cite"), in this
 * order; 0 for none of them. */
typedef enum resdex_json_flags {
    /* "also": [{"id","cite"}] (the paragraphs folded into the hit) and
     * "cited_by": a search's or show's hit. */
    RESDEX_JSON_FOLD = 1 << 0,
    /* "similarity", "containment" (rounded as resdex_score_round to three
     * decimals), "newer" (only when true) and "diff": [{"op","text"}] (from
     * the older text to the newer): a hit of resdex_db_similar or
     * resdex_db_lineage. */
    RESDEX_JSON_SIMILARITY = 1 << 1,
    /* "votes": [{"state","vote"}], how each State voted (empty unless a
     * recorded vote): show --votes. Also for resdex_results_resolution_json. */
    RESDEX_JSON_VOTES = 1 << 2
} resdex_json_flags_t;

/* Hit i of any results (search, find_resolution, similar, lineage, a check
 * item's) with the keys `flags` (resdex_json_flags_t, or-ed) adds. A
 * search's hit is RESDEX_JSON_FOLD; a similar one RESDEX_JSON_SIMILARITY. */
resdex_status_t resdex_results_hit_json(const resdex_results_t *results, size_t i, unsigned flags,
                                        char **json);

/* A whole resolution, from the results of resdex_db_find_resolution (its
 * paragraphs in order; at least one, else BAD_ARGUMENT), as resdex show
 * --json prints it: its context, "adopted_as" and "from", "votes" with
 * RESDEX_JSON_VOTES, "paragraphs" (each with its "id", its footnotes'
 * marks, "tags", "cites", "cite" and "lead_in"), "footnotes" (each once, in
 * order); then, when citing is not NULL (resdex_db_find_citing's results),
 * "cited_by" (its total) and "citing": [{"id","text"}]; last "carries":
 * {"symbol","adopted_as"} of the first hit of carried (the results of
 * resdex_db_find_resolution for SYMBOL/DR, the draft a resolution such as
 * E/RES/2024/11 carries for the GA), null when carried is NULL or empty.
 * The results are only read. */
resdex_status_t resdex_results_resolution_json(const resdex_results_t *results,
                                               const resdex_results_t *citing,
                                               const resdex_results_t *carried, unsigned flags,
                                               char **json);

/* A parsed resolution (resdex_doc_get), as resdex parse --json prints it:
 * its context, "paragraphs" [{kind, number, item, verb, text, footnotes:
 * [marks], tags, cites}], "footnotes" [{mark, text}], and
 * "tracked_changes": true for a Word file with tracked changes. */
resdex_status_t resdex_resolution_json(const resdex_resolution_t *res, char **json);

/* One checked paragraph (resdex_check_get), as resdex check --json prints
 * it: {"n","kind","number","item","text","status", "precedent": a search
 * hit | null, "also": [ids], "similarity", "containment", "diff", "verb":
 * {"from","to","change"} | null, "qualifiers": {"added","dropped"},
 * "closest": {"id","similarity"} | null}. */
resdex_status_t resdex_check_item_json(const resdex_check_item_t *item, char **json);

/* A similarity or containment in [0,1] rounded to `decimals` (2, or else
 * 3), never rounded up to 1 unless it is 1: as the JSON and resdex's text
 * show them. */
double resdex_score_round(double score, int decimals);

/* Bytes that may not be UTF-8 made printable: file names and lines of
 * input. A file name on Linux is bytes; resdex prints it as it is where it
 * is valid UTF-8, with three exceptions, in text and JSON alike: a byte that
 * is not part of a valid UTF-8 sequence is written \xNN (two lower-case hex
 * digits), so is a control character (bytes 0x01 to 0x1f, and 0x7f), and a
 * backslash is doubled. So every name prints as valid UTF-8 without
 * terminal controls, and the exact bytes come back by reading \\ as one
 * backslash and \xNN as the byte NN (nothing else follows a backslash).
 * resdex_name_escape returns the name so escaped; resdex_utf8_lossy a copy
 * of s[0..len) with each byte that is not part of valid UTF-8 replaced by
 * U+FFFD. Both malloc()ed (the caller frees them with free()), NULL when
 * out of memory. Valid UTF-8 here has no overlong form, no surrogate,
 * nothing above U+10FFFF and no NUL byte. */
char *resdex_name_escape(const char *name);
char *resdex_utf8_lossy(const char *s, size_t len);
/* The 1-based position of the first byte of s[0..len) that is not part of
 * valid UTF-8 (as above), 0 when all of it is valid. */
size_t resdex_utf8_first_invalid(const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* RESDEX_H */
