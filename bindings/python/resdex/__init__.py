"""resdex: search UN crime-prevention resolutions from Python, over libresdex.

    import resdex
    db = resdex.Database()                 # the default index, as resdex(1) finds it
    for hit in db.search("prison", limit=3):
        print(hit["id"], hit["paragraph"]["text"][:60])

Each call returns plain dicts and lists with the fields `resdex ... --json`
prints (DESIGN.md, resdex(1)): the library describes a hit, a resolution, a
checked paragraph and the index's statistics as JSON (resdex_*_json in
resdex.h), which the command
prints and this module parses; tests/libapi/python.sh compares them with the
command's output. A failure raises ResdexError, which carries the library's
status (its number and name) and message. Whatever the C library hands over
is freed before the call returns; close the Database (or use it in a `with`)
to release the index at once.
"""

import ctypes
import json
import os
import weakref

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
    total (exact, or Xapian's estimate when total_is_exact is False; folded
    hits, or resolutions when grouped), paragraphs (the matching paragraphs
    before folding or grouping) and lang (the language searched)."""

    total = 0
    total_is_exact = True
    paragraphs = 0
    lang = None


def _s(b):
    return None if b is None else b.decode("utf-8", "replace")


def _json(call):
    """Run call(byref(json)), one of the library's resdex_*_json: the object
    it describes (parsed; the text freed), as `resdex ... --json` prints it."""
    out = ctypes.c_void_p()
    st = call(ctypes.byref(out))
    if st != 0:
        _capi.libc.free(out)
        raise ResdexError(st, None)
    try:
        return json.loads(ctypes.string_at(out).decode("utf-8"))
    finally:
        _capi.libc.free(out)


def _hit(results, i, flags=_capi.JSON_FOLD):
    """Hit i of results: a search's (its keys and the folded ones) unless
    flags say otherwise (resdex_json_flags_t)."""
    return _json(lambda out: lib.resdex_results_hit_json(results, i, flags, out))


def _similar_hit(results, i, next_id=None):
    """A precedent, with its similarity, containment, "newer" (only when
    true), diff and (lineage) the next version's id."""
    d = _hit(results, i, _capi.JSON_SIMILARITY)
    if next_id is not None:
        d["next"] = next_id
    return d


def _enc(s):
    return None if s is None else s.encode()


def _min(min_similarity):
    """A min_similarity as the options take it (their 0 is the default):
    None the default, 0 every candidate (as `--min 0` of the CLI)."""
    if min_similarity is None:
        return 0.0
    return min_similarity or 1e-9


def _taken(msg):
    """A message the library handed over (malloc()ed, or NULL): its text,
    freed."""
    if not msg.value:
        return None
    try:
        return ctypes.string_at(msg).decode("utf-8", "replace")
    finally:
        _capi.libc.free(msg)


class _Parts:
    """The parts B, C, ... of a resolution (Database._parts): iterating
    finds each in turn until one is not indexed. shared: there may be."""

    def __init__(self, db, stem, lang):
        self.db, self.stem, self.lang, self.shared = db, stem, lang, stem is not None

    def __iter__(self):
        for letter in ("BCDEFGHIJKLMNOPQRSTUVWXYZ" if self.shared else ""):
            try:
                yield self.db._find(self.stem + letter, self.lang)
            except ResdexError as e:
                if e.status_name == "NOT_FOUND":
                    return
                raise


class Database:
    """An index, opened read-only. path None: the default index ($RESDEX_DB,
    else $XDG_DATA_HOME/resdex, else ~/.local/share/resdex). partial: over a
    stub of shards, answer from the shards that answer (RESDEX_DB_READ_PARTIAL;
    shards_down names those left out)."""

    def __init__(self, path=None, partial=False):
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
        st = lib.resdex_db_open(str(path).encode("utf-8", "surrogateescape"),
                                3 if partial else 0, ctypes.byref(db))
        self._db = db  # set even when opening failed: it holds the message
        # The handle is closed once: by close(), else when the Database is
        # collected, else at the interpreter's exit, before the modules
        # (ctypes, this one) are torn down. The finalizer holds what it
        # needs (the function and the handle), not the Database nor a
        # module global: a __del__ run during the teardown would find
        # those gone.
        self._finalizer = weakref.finalize(self, lib.resdex_db_close, db)
        if st != 0:
            self._raise(st)

    @property
    def shards_down(self):
        """The shards left out so far (partial=True), by name: [] when none."""
        db = self._handle()
        return [lib.resdex_db_shard_down(db, i).decode("utf-8", "surrogateescape")
                for i in range(lib.resdex_db_shards_down(db))]

    def close(self):
        """Release the index (further calls raise ValueError)."""
        self._db = None
        finalizer = getattr(self, "_finalizer", None)
        if finalizer is not None:
            finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
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

    def _search(self, o):
        return self._results(lambda out: lib.resdex_db_search(self._handle(), ctypes.byref(o),
                                                              out))

    def search(self, query, limit=10, offset=0, all_kinds=False, sort="relevance",
               group_by_resolution=False, exact_total=False, full=False, no_fold=False):
        """The hits of `query` (the syntax of resdex(1)), as `resdex search
        --json` prints them: a Hits list of dicts, with .total. no_fold:
        every matching paragraph its own hit (--no-fold), not the paragraphs
        of the same text folded into one hit's "also"."""
        o = _capi.SearchOptions(query=_enc(query), offset=offset, limit=limit,
                                all_kinds=int(bool(all_kinds)), sort=_capi.SORTS[sort],
                                snippets=1, hl_start=b"[", hl_end=b"]",
                                snippet_bytes=1000000 if full else 0,
                                group_by_resolution=int(bool(group_by_resolution)),
                                exact_total=int(bool(exact_total)),
                                no_fold=int(bool(no_fold)))
        r = self._search(o)
        try:
            hits = Hits(_hit(r, i) for i in range(lib.resdex_results_count(r)))
            hits.total = lib.resdex_results_total(r)
            hits.total_is_exact = bool(lib.resdex_results_total_is_exact(r))
            hits.paragraphs = lib.resdex_results_paragraphs(r)
            hits.lang = _s(lib.resdex_results_lang(r))
            return hits
        finally:
            lib.resdex_results_destroy(r)

    # How many of the resolutions citing a resolution show lists (the CLI's).
    CITING_SHOWN = 5

    def _carried(self, res):
        """The draft res carries for another body (find_carried of the CLI):
        resdex_db_find_resolution's results for SYMBOL/DR, or None. The
        caller destroys them."""
        if not res.recommends_to:
            return None
        r = _capi.results_p()
        symbol = _s(res.symbol) + "/DR"
        if lib.resdex_db_find_resolution(self._handle(), _enc(symbol), res.lang,
                                         ctypes.byref(r)) != 0:
            lib.resdex_results_destroy(r)
            return None
        return r

    def show(self, target, lang=None, votes=False):
        """`resdex show --json TARGET`: for a SYMBOL (or number) the whole
        resolution (its context, "paragraphs" each with its "id", its
        "footnotes", who cites it: "cited_by", "citing", and the draft it
        carries for another body: "carries"); for
        SYMBOL#ANCHOR that paragraph as a hit. lang: the language (None:
        English when indexed, else the first). votes: add "votes", how each
        State voted (--votes). A number shared by the parts of a resolution
        (75/101: A/RES/75/101 A and B) names them all, as in the CLI: the
        whole gives a list of the parts, A, B, ... in turn (one dict per
        line the CLI prints); with an ANCHOR, the first part that has it."""
        symbol, _, anchor = target.partition("#")
        flags = _capi.JSON_VOTES if votes else 0
        r = self._find(symbol, lang)
        try:
            res = lib.resdex_results_get(r, 0).contents.resolution.contents
            parts = self._parts(res, symbol, lang)
            if not anchor:
                wholes = [self._whole(r, flags)]
                for part in parts:
                    try:
                        wholes.append(self._whole(part, flags))
                    finally:
                        lib.resdex_results_destroy(part)
                return wholes[0] if len(wholes) == 1 else wholes
            found = self._anchor(r, anchor, flags)
            for part in parts if found is None else ():
                try:
                    found = self._anchor(part, anchor, flags)
                finally:
                    lib.resdex_results_destroy(part)
                if found is not None:
                    break
            if found is None:
                raise ResdexError(_capi.STATUS_NAMES.index("NOT_FOUND"), "%s has no paragraph %s"
                                  % (symbol if parts.shared else _s(res.symbol), anchor))
            return found
        finally:
            lib.resdex_results_destroy(r)

    def _find(self, symbol, lang):
        return self._results(lambda out: lib.resdex_db_find_resolution(
            self._handle(), _enc(symbol), _enc(lang), out))

    def _anchor(self, r, anchor, flags):
        """The paragraph of r with this anchor (case aside) as a hit, or None."""
        for i, h in enumerate(self._hits(r)):
            if _s(h.id).rpartition("#")[2].lower() == anchor.lower():
                return _hit(r, i, _capi.JSON_FOLD | flags)
        return None

    def _parts(self, res, asked, lang):
        """The parts after res (the index's answer to `asked`) when asked
        names a resolution of several parts by what they share (75/101, the
        index answering with 75/101 A): an iterator of each next part's
        results (B, C, ... while indexed), which the caller destroys."""
        number, symbol = _s(res.number) or "", _s(res.symbol) or ""
        shared = (number.endswith(" A") and len(number) > 2 and symbol.endswith("A")
                  and len(symbol) > 1 and asked.lower() not in (number.lower(), symbol.lower()))
        return _Parts(self, symbol[:-1] if shared else None, lang)

    def _whole(self, r, flags):
        """A whole resolution (r: resdex_db_find_resolution's results) with
        who cites it."""
        res = lib.resdex_results_get(r, 0).contents.resolution
        citing = self._results(lambda out: lib.resdex_db_find_citing(
            self._handle(), res, self.CITING_SHOWN, out))
        carried = self._carried(res.contents)
        try:
            return _json(lambda out: lib.resdex_results_resolution_json(r, citing, carried, flags,
                                                                        out))
        finally:
            lib.resdex_results_destroy(citing)
            if carried is not None:
                lib.resdex_results_destroy(carried)

    def similar(self, text=None, paragraph=None, filters=None, limit=10, min_similarity=None,
                exclude_id=None):
        """`resdex similar --json`: the precedents of `text`, or of the
        indexed `paragraph` (an id, "E/RES/2021/23#5"), each hit with its
        "similarity", "containment", "newer" (when true) and word-level
        "diff". min_similarity None: the library's default (0.5); 0: every
        candidate."""
        o = _capi.SimilarOptions(text=_enc(text), paragraph=_enc(paragraph),
                                 exclude_id=_enc(exclude_id), filters=_enc(filters),
                                 limit=limit, min_similarity=_min(min_similarity))
        r = self._results(lambda out: lib.resdex_db_similar(self._handle(), ctypes.byref(o),
                                                            out))
        try:
            return [_similar_hit(r, i) for i in range(lib.resdex_results_count(r))]
        finally:
            lib.resdex_results_destroy(r)

    def lineage(self, paragraph, filters=None):
        """`resdex similar --lineage --json ID`: the earlier versions of an
        indexed paragraph, oldest first, each with "next" (the version after),
        then (when there is any) the paragraph itself, as a hit ranked after
        them with "lineage": "this paragraph"."""
        r = self._results(lambda out: lib.resdex_db_lineage(self._handle(), _enc(paragraph),
                                                            _enc(filters), out))
        try:
            hits = self._hits(r)
            steps = [_similar_hit(r, i, _s(hits[i + 1].id) if i + 1 < len(hits) else paragraph)
                     for i in range(len(hits))]
        finally:
            lib.resdex_results_destroy(r)
        if steps:
            end = self._lineage_end(paragraph, len(steps))
            if end is not None:
                steps.append(end)
        return steps

    def _lineage_end(self, paragraph, n):
        """The paragraph asked about, ranked n + 1 (as the CLI ends a lineage)."""
        symbol, hash_, anchor = paragraph.rpartition("#")
        if not hash_:
            return None
        r = _capi.results_p()
        if lib.resdex_db_find_resolution(self._handle(), _enc(symbol), None,
                                         ctypes.byref(r)) != 0:
            lib.resdex_results_destroy(r)
            return None
        try:
            for i, h in enumerate(self._hits(r)):
                if _s(h.id).rpartition("#")[2] == anchor:
                    d = _hit(r, i, 0)
                    d["rank"] = n + 1
                    d["lineage"] = "this paragraph"
                    return d
            return None
        finally:
            lib.resdex_results_destroy(r)

    def check(self, draft, filters=None, min_similarity=None):
        """`resdex check --json`: a whole draft against the agreed language,
        one dict per paragraph checked ("n", "kind", "number", "item",
        "text", "status" agreed/modified/new, "precedent" (a search hit or
        None), "also", "similarity", "containment", "diff", "verb",
        "qualifiers", "closest"). draft: bytes (read as `resdex check -`
        reads standard input: named "standard input") or a path (str or
        os.PathLike: read as `resdex check FILE`, gzip undone; text, Word or
        PDF). filters: in the search syntax ("year:..2020 body:ga").
        min_similarity as similar()'s and `check --min`: a precedent counts
        from this similarity or containment on; None: the library's default
        (0.5); 0: every candidate."""
        if isinstance(draft, (bytes, bytearray, memoryview)):
            name, data = b"standard input", bytes(draft)
            doc = self._parse_draft(name, data, len(data))
        else:
            name = os.fsencode(draft)
            buf, n, msg = ctypes.c_void_p(), ctypes.c_size_t(0), ctypes.c_void_p()
            st = lib.resdex_read_file(name, ctypes.byref(buf), ctypes.byref(n), ctypes.byref(msg))
            try:
                if st != 0:
                    raise ResdexError(st, _taken(msg))
                doc = self._parse_draft(name, buf, n.value)
            finally:
                _capi.libc.free(buf)
        try:
            o = _capi.CheckOptions(filters=_enc(filters), min_similarity=_min(min_similarity))
            c = _capi.check_p()
            st = lib.resdex_db_check(self._handle(), doc, ctypes.byref(o), ctypes.byref(c))
            try:
                if st != 0:
                    self._raise(st)
                return [_json(lambda out, i=i: lib.resdex_check_item_json(
                    lib.resdex_check_get(c, i), out)) for i in range(lib.resdex_check_count(c))]
            finally:
                lib.resdex_check_destroy(c)
        finally:
            lib.resdex_doc_destroy(doc)

    @staticmethod
    def _parse_draft(name, data, n):
        """resdex_parse_draft: the document, which the caller destroys."""
        doc, msg = _capi.doc_p(), ctypes.c_void_p()
        st = lib.resdex_parse_draft(name, data, n, ctypes.byref(doc), ctypes.byref(msg))
        message = _taken(msg)
        if st != 0:
            lib.resdex_doc_destroy(doc)
            raise ResdexError(st, message)
        return doc

    def stats(self):
        """`resdex stats --json`: the index's counts, its facets, the files
        resdexd rejected, the copies shadowed, and the progress of a
        reconcile running now (resdex_db_stats_json: the library gathers
        them, the command prints the same)."""
        out = ctypes.c_void_p()
        st = lib.resdex_db_stats_json(self._handle(), ctypes.byref(out))
        try:
            if st != 0:
                self._raise(st)
            return json.loads(ctypes.string_at(out).decode("utf-8"))
        finally:
            _capi.libc.free(out)
