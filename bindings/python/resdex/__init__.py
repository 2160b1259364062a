"""resdex: search UN crime-prevention resolutions from Python, over libresdex.

    import resdex
    db = resdex.Database()                 # the default index, as resdex(1) finds it
    for hit in db.search("prison", limit=3):
        print(hit["id"], hit["paragraph"]["text"][:60])

Each call returns plain dicts and lists with the fields `resdex ... --json`
prints (DESIGN.md, resdex(1)); tests/libapi/python.sh compares them with the
command's output. A failure raises ResdexError, which carries the library's
status (its number and name) and message. Whatever the C library hands over
is freed before the call returns; close the Database (or use it in a `with`)
to release the index at once.
"""

import ctypes

from . import _capi
from ._capi import lib

__all__ = ["Database", "ResdexError", "version"]


def version():
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return lib.resdex_version().decode()


class ResdexError(Exception):
    """A call of libresdex that failed: status (the resdex_status_t number),
    status_name ("DB_OPENING", "BAD_QUERY", ... as in resdex.h without the
    RESDEX_STATUS_ prefix) and message (the library's, naming what failed)."""

    def __init__(self, status, message):
        self.status = status
        self.status_name = (_capi.STATUS_NAMES[status]
                            if 0 <= status < len(_capi.STATUS_NAMES) else str(status))
        self.message = message or lib.resdex_status_to_string(status).decode()
        super().__init__("%s (%s)" % (self.message, self.status_name))


class Hits(list):
    """The hits of a search, a list of dicts, with how many matched in all:
    total (exact, or Xapian's estimate when total_is_exact is False) and lang
    (the language searched)."""

    total = 0
    total_is_exact = True
    lang = None


def _s(b):
    return None if b is None else b.decode("utf-8", "replace")


def _strings(arr, n):
    return [_s(arr[i]) for i in range(n)]


def _context(res):
    """describe_context_fields: the optional keys only when known."""
    d = {k: _s(getattr(res, k)) for k in
         ("symbol", "number", "body", "title", "date", "lang", "source")}
    for k in ("doc_type", "session", "agenda_item", "meeting", "recommended_by",
              "recommends_to"):
        v = getattr(res, k)
        if v is not None:
            d[k] = _s(v)
    return d


def _paragraph(par):
    return {
        "kind": lib.resdex_kind_to_string(par.kind).decode(),
        "number": par.number if par.number > 0 else None,
        "item": _s(par.item),
        "verb": _s(par.verb),
        "text": _s(par.text),
    }


def _footnotes(notes, n):
    return [{"mark": _s(notes[i].mark), "text": _s(notes[i].text)} for i in range(n)]


def _real(x):
    """A number as the CLI's JSON prints it (six significant digits)."""
    return float("%.6g" % x)


def _hit(h):
    par = h.paragraph.contents
    paragraph = _paragraph(par)
    paragraph["snippet"] = _s(h.snippet)
    return {
        "rank": h.rank,
        "score": _real(h.score),
        "id": _s(h.id),
        "resolution": _context(h.resolution.contents),
        "paragraph": paragraph,
        "footnotes": _footnotes(h.footnotes, h.n_footnotes),
        "tags": _strings(par.tags, par.n_tags),
        "cites": _strings(par.cites, par.n_cites),
    }


def _similar_hit(results, i, h, next_id=None):
    d = _hit(h)
    d["similarity"] = int(h.similarity * 1000.0) / 1000.0
    ops = ctypes.POINTER(_capi.DiffOp)()
    n = lib.resdex_hit_diff(results, i, ctypes.byref(ops))
    d["diff"] = [{"op": lib.resdex_diff_kind_to_string(ops[k].op).decode(),
                  "text": _s(ops[k].text)} for k in range(n)]
    if next_id is not None:
        d["next"] = next_id
    return d


def _enc(s):
    return None if s is None else s.encode()


class Database:
    """An index, opened read-only. path None: the default index ($RESDEX_DB,
    else $XDG_DATA_HOME/resdex, else ~/.local/share/resdex)."""

    def __init__(self, path=None):
        self._db = None
        if path is None:
            p = lib.resdex_db_default_path()
            if not p:
                raise ResdexError(_capi.STATUS_NAMES.index("BAD_ARGUMENT"),
                                  "no index named and none by default (set RESDEX_DB or HOME)")
            try:
                path = ctypes.string_at(p).decode("utf-8", "surrogateescape")
            finally:
                _capi.libc.free(p)
        self.path = path
        db = _capi.db_p()
        st = lib.resdex_db_open(str(path).encode("utf-8", "surrogateescape"), 0,
                                ctypes.byref(db))
        self._db = db  # set even when opening failed: it holds the message
        if st != 0:
            self._raise(st)

    def close(self):
        """Release the index (further calls raise ValueError)."""
        if self._db is not None:
            lib.resdex_db_close(self._db)
            self._db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def _handle(self):
        if self._db is None:
            raise ValueError("the resdex Database is closed")
        return self._db

    def _raise(self, st):
        m = lib.resdex_db_last_error(self._db) if self._db else None
        err = ResdexError(st, _s(m))
        if st != 0 and self._db is not None and not self._db.value:
            self._db = None
        raise err

    def _results(self, call):
        """Run call(byref(results)), raise on failure; the results pointer,
        which the caller destroys (resdex_results_destroy)."""
        r = _capi.results_p()
        st = call(ctypes.byref(r))
        if st != 0:
            lib.resdex_results_destroy(r)
            self._raise(st)
        return r

    @staticmethod
    def _hits(r):
        return [lib.resdex_results_get(r, i).contents
                for i in range(lib.resdex_results_count(r))]

    def search(self, query, limit=10, offset=0, all_kinds=False, sort="relevance",
               group_by_resolution=False, exact_total=False, full=False):
        """The hits of `query` (the syntax of resdex(1)), as `resdex search
        --json` prints them: a Hits list of dicts, with .total."""
        o = _capi.SearchOptions(query=_enc(query), offset=offset, limit=limit,
                                all_kinds=int(bool(all_kinds)), sort=_capi.SORTS[sort],
                                snippets=1, hl_start=b"[", hl_end=b"]",
                                snippet_bytes=1000000 if full else 0,
                                group_by_resolution=int(bool(group_by_resolution)),
                                exact_total=int(bool(exact_total)))
        r = self._results(lambda out: lib.resdex_db_search(self._handle(), ctypes.byref(o), out))
        try:
            hits = Hits(_hit(h) for h in self._hits(r))
            hits.total = lib.resdex_results_total(r)
            hits.total_is_exact = bool(lib.resdex_results_total_is_exact(r))
            hits.lang = _s(lib.resdex_results_lang(r))
            return hits
        finally:
            lib.resdex_results_destroy(r)

    def show(self, target, lang=None):
        """`resdex show --json TARGET`: for a SYMBOL (or number) the whole
        resolution (its context, "paragraphs" each with its "id", and
        "footnotes"); for SYMBOL#ANCHOR that paragraph as a hit. lang: the
        language (None: English when indexed, else the first)."""
        symbol, _, anchor = target.partition("#")
        r = self._results(lambda out: lib.resdex_db_find_resolution(
            self._handle(), _enc(symbol), _enc(lang), out))
        try:
            hits = self._hits(r)
            if anchor:
                for h in hits:
                    if _s(h.id).rpartition("#")[2].lower() == anchor.lower():
                        return _hit(h)
                raise ResdexError(_capi.STATUS_NAMES.index("NOT_FOUND"), "%s has no paragraph %s"
                                  % (_s(hits[0].resolution.contents.symbol), anchor))
            d = _context(hits[0].resolution.contents)
            d["paragraphs"] = []
            notes = []
            for h in hits:
                par = h.paragraph.contents
                p = _paragraph(par)
                p["id"] = _s(h.id)
                p["footnotes"] = _strings(par.marks, par.n_marks)
                p["tags"] = _strings(par.tags, par.n_tags)
                p["cites"] = _strings(par.cites, par.n_cites)
                d["paragraphs"].append(p)
                for f in _footnotes(h.footnotes, h.n_footnotes):
                    if f not in notes:
                        notes.append(f)
            d["footnotes"] = notes
            return d
        finally:
            lib.resdex_results_destroy(r)

    def similar(self, text=None, paragraph=None, filters=None, limit=10, min_similarity=None,
                exclude_id=None):
        """`resdex similar --json`: the precedents of `text`, or of the
        indexed `paragraph` (an id, "E/RES/2021/23#5"), each hit with its
        "similarity" and word-level "diff". min_similarity None: the
        library's default (0.5); 0: every candidate."""
        o = _capi.SimilarOptions(text=_enc(text), paragraph=_enc(paragraph),
                                 exclude_id=_enc(exclude_id), filters=_enc(filters),
                                 limit=limit,
                                 min_similarity=(0.0 if min_similarity is None
                                                 else min_similarity or 1e-9))
        r = self._results(lambda out: lib.resdex_db_similar(self._handle(), ctypes.byref(o),
                                                            out))
        try:
            return [_similar_hit(r, i, h) for i, h in enumerate(self._hits(r))]
        finally:
            lib.resdex_results_destroy(r)

    def lineage(self, paragraph, filters=None):
        """`resdex similar --lineage --json ID`: the earlier versions of an
        indexed paragraph, oldest first, each with "next" (the version after)."""
        r = self._results(lambda out: lib.resdex_db_lineage(self._handle(), _enc(paragraph),
                                                            _enc(filters), out))
        try:
            hits = self._hits(r)
            return [_similar_hit(r, i, h, _s(hits[i + 1].id) if i + 1 < len(hits) else paragraph)
                    for i, h in enumerate(hits)]
        finally:
            lib.resdex_results_destroy(r)

    def _metadata(self, key):
        v = ctypes.c_void_p()
        st = lib.resdex_db_read_metadata(self._handle(), key.encode(), ctypes.byref(v))
        if st == _capi.STATUS_NAMES.index("NOT_FOUND"):
            return None
        if st != 0:
            self._raise(st)
        try:
            return ctypes.string_at(v).decode("utf-8", "replace")
        finally:
            _capi.libc.free(v)

    def _check(self, st):
        if st != 0:
            self._raise(st)

    def stats(self):
        """`resdex stats --json`: the index's counts, its facets, the files
        resdexd rejected, and the progress of a reconcile running now."""
        db = self._handle()
        counts = _capi.Counts()
        self._check(lib.resdex_db_get_counts(db, ctypes.byref(counts)))
        by = {}
        for facet in ("kind", "lang", "body"):
            values = {}

            def add(value, n, _ctx, values=values, facet=facet):
                name = value.decode("utf-8", "replace")
                values[name.upper() if facet == "body" else name] = n
                return 0
            fn = _capi.COUNT_FN(add)
            self._check(lib.resdex_db_facet_counts(db, facet.encode(), fn, None))
            by["by_" + facet] = values
        files = []
        rejected = []

        def count_file(_e, _ctx):
            files.append(1)
            return 0

        def add_rejected(e, _ctx):
            e = e.contents
            rejected.append({"file": _s(e.path), "since": _s(e.since),
                             "reason": _s(e.reason) or ""})
            return 0
        fn_files, fn_rejected = _capi.FILE_FN(count_file), _capi.FILE_FN(add_rejected)
        self._check(lib.resdex_db_list_files(db, _capi.FILE_INDEXED, None, fn_files, None))
        self._check(lib.resdex_db_list_files(db, _capi.FILE_REJECTED, None, fn_rejected, None))
        size = ctypes.c_uint64(0)
        if lib.resdex_db_disk_bytes(db, ctypes.byref(size)) != 0:
            size.value = 0
        d = {
            "index": str(self.path),
            "corpus": self._metadata("resdex:corpus"),
            "last_update": self._metadata("resdex:last-update"),
            "index_bytes": size.value,
            "files": len(files),
            "resolutions": counts.resolutions,
            "paragraphs": counts.paragraphs,
        }
        d.update(by)
        d["rejected"] = rejected
        p = _capi.Progress()
        if lib.resdex_db_get_progress(db, ctypes.byref(p)) == 0:
            d["progress"] = {
                "state": "building" if p.building else "reconciling",
                "files_done": p.files_done,
                "files_total": p.files_total,
                "paragraphs": p.paragraphs,
                "eta_seconds": p.eta_seconds if p.eta_seconds >= 0 else None,
            }
        return d
