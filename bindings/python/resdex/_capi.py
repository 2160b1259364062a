"""The C interface of libresdex (include/resdex.h) as ctypes sees it.

The structures mirror the header's, every field in the header's order: the
library reads and writes them whole (an option structure shorter than the
header's would have the library read past it).
Strings are c_char_p (bytes or None); pointers the caller owns are c_void_p
so that ctypes does not copy and lose them before they are freed.
"""

import ctypes
import ctypes.util
import os

c_char_pp = ctypes.POINTER(ctypes.c_char_p)


class Footnote(ctypes.Structure):
    _fields_ = [("mark", ctypes.c_char_p), ("text", ctypes.c_char_p),
                ("resolved", ctypes.c_char_p)]


class Paragraph(ctypes.Structure):
    _fields_ = [
        ("kind", ctypes.c_int),
        ("number", ctypes.c_int),
        ("item", ctypes.c_char_p),
        ("verb", ctypes.c_char_p),
        ("text", ctypes.c_char_p),
        ("n_marks", ctypes.c_size_t),
        ("marks", c_char_pp),
        ("n_tags", ctypes.c_size_t),
        ("tags", c_char_pp),
        ("n_cites", ctypes.c_size_t),
        ("cites", c_char_pp),
        ("line_first", ctypes.c_uint),
        ("line_last", ctypes.c_uint),
        ("lead_in", ctypes.c_char_p),
        ("cite", ctypes.c_char_p),
        ("article", ctypes.c_int),
    ]


class Voter(ctypes.Structure):
    _fields_ = [("state", ctypes.c_char_p), ("vote", ctypes.c_int)]


class Adoption(ctypes.Structure):
    _fields_ = [
        ("method", ctypes.c_int),
        ("in_favour", ctypes.c_int),
        ("against", ctypes.c_int),
        ("abstaining", ctypes.c_int),
        ("draft", ctypes.c_char_p),
        ("n_sponsors", ctypes.c_size_t),
        ("sponsors", c_char_pp),
        ("n_additional_sponsors", ctypes.c_size_t),
        ("additional_sponsors", c_char_pp),
        ("n_sdgs", ctypes.c_size_t),
        ("sdgs", ctypes.POINTER(ctypes.c_int)),
        ("n_subjects", ctypes.c_size_t),
        ("subjects", c_char_pp),
        ("n_voters", ctypes.c_size_t),
        ("voters", ctypes.POINTER(Voter)),
        ("n_warnings", ctypes.c_size_t),
        ("warnings", c_char_pp),
        ("from", ctypes.c_char_p),
    ]


CONTEXT_STRINGS = ("symbol", "number", "body", "doc_type", "title", "date", "session",
                   "agenda_item", "meeting", "recommended_by", "recommends_to", "lang",
                   "source")


class Resolution(ctypes.Structure):
    _fields_ = [(name, ctypes.c_char_p) for name in CONTEXT_STRINGS] + [
        ("n_paragraphs", ctypes.c_size_t),
        ("paragraphs", ctypes.POINTER(Paragraph)),
        ("n_footnotes", ctypes.c_size_t),
        ("footnotes", ctypes.POINTER(Footnote)),
        ("line_first", ctypes.c_uint),
        ("line_last", ctypes.c_uint),
        ("tracked_changes", ctypes.c_int),
        ("adoption", ctypes.POINTER(Adoption)),
    ]


class Also(ctypes.Structure):
    _fields_ = [("id", ctypes.c_char_p), ("cite", ctypes.c_char_p)]


class Hit(ctypes.Structure):
    _fields_ = [
        ("rank", ctypes.c_uint),
        ("score", ctypes.c_double),
        ("id", ctypes.c_char_p),
        ("resolution", ctypes.POINTER(Resolution)),
        ("paragraph", ctypes.POINTER(Paragraph)),
        ("n_footnotes", ctypes.c_size_t),
        ("footnotes", ctypes.POINTER(Footnote)),
        ("snippet", ctypes.c_char_p),
        ("similarity", ctypes.c_double),
        ("n_also", ctypes.c_size_t),
        ("also", ctypes.POINTER(Also)),
        ("cited_by", ctypes.c_uint),
        ("containment", ctypes.c_double),
        ("newer", ctypes.c_int),
    ]


class SearchOptions(ctypes.Structure):
    _fields_ = [
        ("query", ctypes.c_char_p),
        ("offset", ctypes.c_uint),
        ("limit", ctypes.c_uint),
        ("all_kinds", ctypes.c_int),
        ("sort", ctypes.c_int),
        ("facets", ctypes.c_int),
        ("snippets", ctypes.c_int),
        ("hl_start", ctypes.c_char_p),
        ("hl_end", ctypes.c_char_p),
        ("snippet_bytes", ctypes.c_uint),
        ("group_by_resolution", ctypes.c_int),
        ("exact_total", ctypes.c_int),
        ("no_fold", ctypes.c_int),
    ]


class SimilarOptions(ctypes.Structure):
    _fields_ = [
        ("text", ctypes.c_char_p),
        ("paragraph", ctypes.c_char_p),
        ("exclude_id", ctypes.c_char_p),
        ("filters", ctypes.c_char_p),
        ("limit", ctypes.c_uint),
        ("min_similarity", ctypes.c_double),
    ]


class DiffOp(ctypes.Structure):
    _fields_ = [("op", ctypes.c_int), ("text", ctypes.c_char_p)]


class CheckOptions(ctypes.Structure):
    _fields_ = [("filters", ctypes.c_char_p), ("min_similarity", ctypes.c_double)]


class CheckItem(ctypes.Structure):
    _fields_ = [
        ("n", ctypes.c_size_t),
        ("resolution", ctypes.POINTER(Resolution)),
        ("paragraph", ctypes.POINTER(Paragraph)),
        ("status", ctypes.c_int),
        ("results", ctypes.c_void_p),  # borrowed from the check
        ("precedent", ctypes.c_size_t),
        ("verb_from", ctypes.c_char_p),
        ("verb_to", ctypes.c_char_p),
        ("verb_change", ctypes.c_int),
        ("n_added", ctypes.c_size_t),
        ("n_dropped", ctypes.c_size_t),
        ("added", c_char_pp),
        ("dropped", c_char_pp),
    ]


# The status codes, in the order of resdex_status_t (tests/libapi/python.sh
# checks them against the header).
STATUS_NAMES = (
    "SUCCESS", "OUT_OF_MEMORY", "FILE_ERROR", "BINARY_INPUT", "BAD_UTF8", "TOO_LARGE",
    "BAD_GZIP", "BAD_XML", "NO_RESOLUTION", "DB_OPENING", "DB_LOCKED", "DB_MODIFIED",
    "DB_CORRUPT", "XAPIAN_ERROR", "CORRUPT_RECORD", "BAD_QUERY", "BAD_ARGUMENT", "NOT_FOUND",
    "INTERNAL_ERROR", "DB_READ_ONLY", "BAD_DOCUMENT",
)
SORTS = {"relevance": 0, "date": 1}
CHECK_AGREED, CHECK_MODIFIED, CHECK_NEW = 0, 1, 2
JSON_FOLD, JSON_SIMILARITY, JSON_VOTES = 1, 2, 4  # resdex_json_flags_t

db_p = ctypes.c_void_p
results_p = ctypes.c_void_p
doc_p = ctypes.c_void_p
check_p = ctypes.c_void_p
status = ctypes.c_int

# name: (restype, argtypes)
PROTOTYPES = {
    "resdex_version": (ctypes.c_char_p, []),
    "resdex_status_to_string": (ctypes.c_char_p, [status]),
    "resdex_kind_to_string": (ctypes.c_char_p, [ctypes.c_int]),
    "resdex_diff_kind_to_string": (ctypes.c_char_p, [ctypes.c_int]),
    "resdex_adoption_method_to_string": (ctypes.c_char_p, [ctypes.c_int]),
    "resdex_vote_to_string": (ctypes.c_char_p, [ctypes.c_int]),
    "resdex_check_status_to_string": (ctypes.c_char_p, [ctypes.c_int]),
    "resdex_verb_change_to_string": (ctypes.c_char_p, [ctypes.c_int]),
    "resdex_cite": (ctypes.c_size_t, [ctypes.POINTER(Resolution), ctypes.POINTER(Paragraph),
                                      ctypes.c_uint, ctypes.c_char_p, ctypes.c_size_t]),
    "resdex_read_file": (status, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p),
                                  ctypes.POINTER(ctypes.c_size_t),
                                  ctypes.POINTER(ctypes.c_void_p)]),
    "resdex_parse_draft": (status, [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t,
                                    ctypes.POINTER(doc_p), ctypes.POINTER(ctypes.c_void_p)]),
    "resdex_doc_destroy": (None, [doc_p]),
    "resdex_db_default_path": (ctypes.c_void_p, []),
    "resdex_db_open": (status, [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(db_p)]),
    "resdex_db_close": (None, [db_p]),
    "resdex_db_last_error": (ctypes.c_char_p, [db_p]),
    "resdex_db_shards_down": (ctypes.c_uint, [db_p]),
    "resdex_db_shard_down": (ctypes.c_char_p, [db_p, ctypes.c_uint]),
    "resdex_db_search": (status, [db_p, ctypes.POINTER(SearchOptions),
                                  ctypes.POINTER(results_p)]),
    "resdex_db_find_resolution": (status, [db_p, ctypes.c_char_p, ctypes.c_char_p,
                                          ctypes.POINTER(results_p)]),
    "resdex_db_similar": (status, [db_p, ctypes.POINTER(SimilarOptions),
                                   ctypes.POINTER(results_p)]),
    "resdex_db_lineage": (status, [db_p, ctypes.c_char_p, ctypes.c_char_p,
                                   ctypes.POINTER(results_p)]),
    "resdex_results_count": (ctypes.c_size_t, [results_p]),
    "resdex_results_total": (ctypes.c_uint64, [results_p]),
    "resdex_results_total_is_exact": (ctypes.c_int, [results_p]),
    "resdex_results_paragraphs": (ctypes.c_uint64, [results_p]),
    "resdex_results_best_rejected": (ctypes.c_char_p, [results_p,
                                                       ctypes.POINTER(ctypes.c_double)]),
    "resdex_results_lang": (ctypes.c_char_p, [results_p]),
    "resdex_results_get": (ctypes.POINTER(Hit), [results_p, ctypes.c_size_t]),
    "resdex_results_destroy": (None, [results_p]),
    "resdex_hit_diff": (ctypes.c_size_t, [results_p, ctypes.c_size_t,
                                          ctypes.POINTER(ctypes.POINTER(DiffOp))]),
    "resdex_hit_adopted_as": (ctypes.c_char_p, [results_p, ctypes.c_size_t]),
    "resdex_hit_from": (ctypes.c_size_t, [results_p, ctypes.c_size_t,
                                          ctypes.POINTER(c_char_pp)]),
    "resdex_db_find_citing": (status, [db_p, ctypes.POINTER(Resolution), ctypes.c_uint,
                                       ctypes.POINTER(results_p)]),
    "resdex_results_hit_json": (status, [results_p, ctypes.c_size_t, ctypes.c_uint,
                                         ctypes.POINTER(ctypes.c_void_p)]),
    "resdex_results_resolution_json": (status, [results_p, results_p, results_p, ctypes.c_uint,
                                                ctypes.POINTER(ctypes.c_void_p)]),
    "resdex_check_item_json": (status, [ctypes.POINTER(CheckItem),
                                        ctypes.POINTER(ctypes.c_void_p)]),
    "resdex_db_check": (status, [db_p, doc_p, ctypes.POINTER(CheckOptions),
                                 ctypes.POINTER(check_p)]),
    "resdex_check_count": (ctypes.c_size_t, [check_p]),
    "resdex_check_get": (ctypes.POINTER(CheckItem), [check_p, ctypes.c_size_t]),
    "resdex_check_count_status": (ctypes.c_size_t, [check_p, ctypes.c_int]),
    "resdex_check_destroy": (None, [check_p]),
    "resdex_db_stats_json": (status, [db_p, ctypes.POINTER(ctypes.c_void_p)]),
}


def _load():
    """libresdex: $RESDEX_LIBRARY (a path), else the installed libresdex.so.0
    as the dynamic linker finds it (LD_LIBRARY_PATH, then ldconfig's cache)."""
    path = os.environ.get("RESDEX_LIBRARY")
    names = [path] if path else ["libresdex.so.0", ctypes.util.find_library("resdex")]
    error = None
    for name in names:
        if not name:
            continue
        try:
            return ctypes.CDLL(name)
        except OSError as e:
            error = e
    raise ImportError("libresdex not found (install resdex, or set RESDEX_LIBRARY to "
                      "the path of libresdex.so): %s" % error)


lib = _load()
for _name, (_res, _args) in PROTOTYPES.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args

# What the library hands over is malloc()ed: freed with the C library's free.
libc = ctypes.CDLL(None)
libc.free.restype = None
libc.free.argtypes = [ctypes.c_void_p]
