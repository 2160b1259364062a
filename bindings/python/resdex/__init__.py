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
import math
import os

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


def _strings(arr, n):
    return [_s(arr[i]) for i in range(n)]


def _context(res):
    """describe_context_fields: the optional keys only when known, then the
    adoption's when the source says how it was adopted."""
    d = {k: _s(getattr(res, k)) for k in
         ("symbol", "number", "body", "title", "date", "lang", "source")}
    for k in ("doc_type", "session", "agenda_item", "meeting", "recommended_by",
              "recommends_to"):
        v = getattr(res, k)
        if v is not None:
            d[k] = _s(v)
    if res.adoption:
        d.update(_adoption(res.adoption.contents))
    return d


def _count(n):
    return n if n >= 0 else None


def _adoption(ad):
    """describe_adoption_fields: "adoption" {method, counts, from, warnings},
    then the draft, its sponsors, the SDGs and the subjects."""
    adoption = {
        "method": _s(lib.resdex_adoption_method_to_string(ad.method)),
        "in_favour": _count(ad.in_favour),
        "against": _count(ad.against),
        "abstaining": _count(ad.abstaining),
    }
    where = getattr(ad, "from")
    if where is not None:
        adoption["from"] = _s(where)
    if ad.n_warnings:
        adoption["warnings"] = _strings(ad.warnings, ad.n_warnings)
    return {
        "adoption": adoption,
        "draft": _s(ad.draft),
        "sponsors": _strings(ad.sponsors, ad.n_sponsors),
        "additional_sponsors": _strings(ad.additional_sponsors, ad.n_additional_sponsors),
        "sdgs": [ad.sdgs[i] for i in range(ad.n_sdgs)],
        "subjects": _strings(ad.subjects, ad.n_subjects),
    }


def _votes(res):
    """describe_votes: how each State voted ([] unless a recorded vote)."""
    if not res.adoption:
        return []
    ad = res.adoption.contents
    return [{"state": _s(ad.voters[i].state),
             "vote": lib.resdex_vote_to_string(ad.voters[i].vote).decode()}
            for i in range(ad.n_voters)]


def _paragraph(par):
    d = {
        "kind": lib.resdex_kind_to_string(par.kind).decode(),
        "number": par.number if par.number > 0 else None,
        "item": _s(par.item),
        "verb": _s(par.verb),
        "text": _s(par.text),
    }
    if par.article > 0:  # an annexed convention's article
        d["article"] = par.article
    return d


def _footnotes(notes, n):
    out = []
    for i in range(n):
        f = {"mark": _s(notes[i].mark), "text": _s(notes[i].text)}
        if notes[i].resolved is not None:
            f["resolved"] = _s(notes[i].resolved)
        out.append(f)
    return out


def _cite(res, par):
    """How the paragraph is cited: as stored, else (a record of an older
    index) as resdex_cite makes it from the resolution and the number."""
    if par.contents.cite is not None:
        return _s(par.contents.cite)
    buf = ctypes.create_string_buffer(512)
    lib.resdex_cite(res, par, 0, buf, len(buf))
    return _s(buf.value)


def _real(x):
    """A number as the CLI's JSON prints it (six significant digits)."""
    return float("%.6g" % x)


def _score(x):
    """describe_score to three decimals: only the exact reuse is 1."""
    r = math.floor(x * 1000.0 + 0.5) / 1000.0
    if x < 1.0 and r >= 1.0:
        r = 0.999
    return _real(r)


def _provenance(results, i):
    """describe_provenance_fields: the resolution adopted from a draft, and
    the drafts a resolution was adopted from."""
    drafts = _capi.c_char_pp()
    n = lib.resdex_hit_from(results, i, ctypes.byref(drafts))
    return {"adopted_as": _s(lib.resdex_hit_adopted_as(results, i)),
            "from": _strings(drafts, n)}


def _hit_fields(results, i, rank=None):
    """describe_hit_fields: hit i of results (rank: its own unless given)."""
    h = lib.resdex_results_get(results, i).contents
    par = h.paragraph.contents
    resolution = _context(h.resolution.contents)
    resolution.update(_provenance(results, i))
    paragraph = _paragraph(par)
    paragraph["snippet"] = _s(h.snippet)
    paragraph["lead_in"] = _s(par.lead_in)
    return {
        "rank": h.rank if rank is None else rank,
        "score": _real(h.score),
        "id": _s(h.id),
        "resolution": resolution,
        "paragraph": paragraph,
        "footnotes": _footnotes(h.footnotes, h.n_footnotes),
        "tags": _strings(par.tags, par.n_tags),
        "cites": _strings(par.cites, par.n_cites),
        "cite": _cite(h.resolution, h.paragraph),
    }


def _fold_fields(h):
    """describe_fold_fields: the paragraphs folded into the hit, and how
    many resolutions cite its resolution."""
    return {"also": [{"id": _s(h.also[k].id), "cite": _s(h.also[k].cite)}
                     for k in range(h.n_also)],
            "cited_by": h.cited_by}


def _hit(results, i):
    """describe_hit: a search's hit."""
    d = _hit_fields(results, i)
    d.update(_fold_fields(lib.resdex_results_get(results, i).contents))
    return d


def _diff(results, i):
    ops = ctypes.POINTER(_capi.DiffOp)()
    n = lib.resdex_hit_diff(results, i, ctypes.byref(ops))
    return [{"op": lib.resdex_diff_kind_to_string(ops[k].op).decode(),
             "text": _s(ops[k].text)} for k in range(n)]


def _similar_hit(results, i, next_id=None):
    """describe_similar_hit: a precedent, with its similarity, containment,
    "newer" (only when true), diff and (lineage) the next version's id."""
    h = lib.resdex_results_get(results, i).contents
    d = _hit_fields(results, i)
    d["similarity"] = _score(h.similarity)
    d["containment"] = _score(h.containment)
    if h.newer:
        d["newer"] = True
    d["diff"] = _diff(results, i)
    if next_id is not None:
        d["next"] = next_id
    return d


def _check_item(it):
    """describe_check_item: one paragraph of a draft, checked."""
    par = it.paragraph.contents
    r = it.results
    hit = lib.resdex_results_get(r, it.precedent)
    found = it.status != _capi.CHECK_NEW and bool(hit)
    also = []
    if found and it.status == _capi.CHECK_AGREED:
        for k in range(lib.resdex_results_count(r)):
            h = lib.resdex_results_get(r, k).contents
            if k != it.precedent and h.similarity >= 1.0:
                also.append(_s(h.id))
    verb = None
    if it.verb_from is not None or it.verb_to is not None:
        verb = {"from": _s(it.verb_from), "to": _s(it.verb_to),
                "change": (lib.resdex_verb_change_to_string(it.verb_change).decode()
                           if found else None)}
    closest = None
    if not found:
        best = ctypes.c_double(0)
        cid = lib.resdex_results_best_rejected(r, ctypes.byref(best))
        if cid is not None:
            closest = {"id": _s(cid), "similarity": _score(best.value)}
    return {
        "n": it.n,
        "kind": lib.resdex_kind_to_string(par.kind).decode(),
        "number": par.number if par.number > 0 else None,
        "item": _s(par.item),
        "text": _s(par.text),
        "status": lib.resdex_check_status_to_string(it.status).decode(),
        "precedent": _hit(r, it.precedent) if found else None,
        "also": also,
        "similarity": _score(hit.contents.similarity) if found else None,
        "containment": _score(hit.contents.containment) if found else None,
        "diff": _diff(r, it.precedent) if found else [],
        "verb": verb,
        "qualifiers": {"added": _strings(it.added, it.n_added),
                       "dropped": _strings(it.dropped, it.n_dropped)},
        "closest": closest,
    }


def _enc(s):
    return None if s is None else s.encode()


def _taken(msg):
    """A message the library handed over (malloc()ed, or NULL): its text,
    freed."""
    if not msg.value:
        return None
    try:
        return ctypes.string_at(msg).decode("utf-8", "replace")
    finally:
        _capi.libc.free(msg)


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

    def _citing(self, res):
        """Who cites res: their number and the newest few, a paragraph each
        (find_citing and describe_citing of the CLI)."""
        query = "cites:%s -symbol:%s lang:%s" % (_s(res.symbol), _s(res.symbol),
                                                 _s(res.lang) or "en")
        o = _capi.SearchOptions(query=_enc(query), limit=self.CITING_SHOWN, all_kinds=1,
                                sort=_capi.SORTS["date"], snippets=1, group_by_resolution=1,
                                exact_total=1)
        r = self._search(o)
        try:
            citing = []
            for h in self._hits(r):
                citing.append({"id": _s(h.id),
                               "text": _s(h.snippet if h.snippet is not None
                                          else h.paragraph.contents.text)})
            return {"cited_by": lib.resdex_results_total(r), "citing": citing}
        finally:
            lib.resdex_results_destroy(r)

    def _carried(self, res):
        """The draft res carries for another body and what it became:
        {"symbol","adopted_as"}, or None (find_carried of the CLI)."""
        if not res.recommends_to:
            return None
        r = _capi.results_p()
        symbol = _s(res.symbol) + "/DR"
        if lib.resdex_db_find_resolution(self._handle(), _enc(symbol), res.lang,
                                         ctypes.byref(r)) != 0:
            lib.resdex_results_destroy(r)
            return None
        try:
            if not lib.resdex_results_count(r):
                return None
            return {"symbol": _s(lib.resdex_results_get(r, 0).contents.resolution.contents.symbol),
                    "adopted_as": _s(lib.resdex_hit_adopted_as(r, 0))}
        finally:
            lib.resdex_results_destroy(r)

    def show(self, target, lang=None, votes=False):
        """`resdex show --json TARGET`: for a SYMBOL (or number) the whole
        resolution (its context, "paragraphs" each with its "id", its
        "footnotes", who cites it: "cited_by", "citing", and the draft it
        carries for another body: "carries"); for
        SYMBOL#ANCHOR that paragraph as a hit. lang: the language (None:
        English when indexed, else the first). votes: add "votes", how each
        State voted (--votes)."""
        symbol, _, anchor = target.partition("#")
        r = self._results(lambda out: lib.resdex_db_find_resolution(
            self._handle(), _enc(symbol), _enc(lang), out))
        try:
            hits = self._hits(r)
            res = hits[0].resolution.contents
            if anchor:
                for i, h in enumerate(hits):
                    if _s(h.id).rpartition("#")[2].lower() == anchor.lower():
                        d = _hit_fields(r, i)
                        d.update(_fold_fields(h))
                        if votes:
                            d["votes"] = _votes(h.resolution.contents)
                        return d
                raise ResdexError(_capi.STATUS_NAMES.index("NOT_FOUND"), "%s has no paragraph %s"
                                  % (_s(res.symbol), anchor))
            d = _context(res)
            d.update(_provenance(r, 0))
            if votes:
                d["votes"] = _votes(res)
            d["paragraphs"] = []
            notes = []
            for h in hits:
                par = h.paragraph.contents
                p = _paragraph(par)
                p["id"] = _s(h.id)
                p["footnotes"] = _strings(par.marks, par.n_marks)
                p["tags"] = _strings(par.tags, par.n_tags)
                p["cites"] = _strings(par.cites, par.n_cites)
                p["cite"] = _cite(h.resolution, h.paragraph)
                p["lead_in"] = _s(par.lead_in)
                d["paragraphs"].append(p)
                for f in _footnotes(h.footnotes, h.n_footnotes):
                    # Once each (by mark and text), as the CLI collects them.
                    if not any(f["mark"] == g["mark"] and f["text"] == g["text"]
                               for g in notes):
                        notes.append(f)
            d["footnotes"] = notes
            d.update(self._citing(res))
            d["carries"] = self._carried(res)
            return d
        finally:
            lib.resdex_results_destroy(r)

    def similar(self, text=None, paragraph=None, filters=None, limit=10, min_similarity=None,
                exclude_id=None):
        """`resdex similar --json`: the precedents of `text`, or of the
        indexed `paragraph` (an id, "E/RES/2021/23#5"), each hit with its
        "similarity", "containment", "newer" (when true) and word-level
        "diff". min_similarity None: the library's default (0.5); 0: every
        candidate."""
        o = _capi.SimilarOptions(text=_enc(text), paragraph=_enc(paragraph),
                                 exclude_id=_enc(exclude_id), filters=_enc(filters),
                                 limit=limit,
                                 min_similarity=(0.0 if min_similarity is None
                                                 else min_similarity or 1e-9))
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
        """describe_lineage_end: the paragraph asked about, ranked n + 1."""
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
                    d = _hit_fields(r, i, rank=n + 1)
                    d["lineage"] = "this paragraph"
                    return d
            return None
        finally:
            lib.resdex_results_destroy(r)

    def check(self, draft, filters=None, min_similarity=0):
        """`resdex check --json`: a whole draft against the agreed language,
        one dict per paragraph checked ("n", "kind", "number", "item",
        "text", "status" agreed/modified/new, "precedent" (a search hit or
        None), "also", "similarity", "containment", "diff", "verb",
        "qualifiers", "closest"). draft: bytes (read as `resdex check -`
        reads standard input: named "standard input") or a path (str or
        os.PathLike: read as `resdex check FILE`, gzip undone; text, Word or
        PDF). filters: in the search syntax ("year:..2020 body:ga").
        min_similarity as resdex_check_options_t: 0 is the library's default
        (0.5); a precedent counts from this similarity or containment on."""
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
            o = _capi.CheckOptions(filters=_enc(filters), min_similarity=min_similarity)
            c = _capi.check_p()
            st = lib.resdex_db_check(self._handle(), doc, ctypes.byref(o), ctypes.byref(c))
            try:
                if st != 0:
                    self._raise(st)
                return [_check_item(lib.resdex_check_get(c, i).contents)
                        for i in range(lib.resdex_check_count(c))]
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
        shadowed = []

        def add_shadowed(c, _ctx):
            c = c.contents
            shadowed.append({"symbol": _s(c.symbol), "lang": _s(c.lang),
                             "file": _s(c.shadowed), "kept": _s(c.kept)})
            return 0
        fn_shadowed = _capi.COPY_FN(add_shadowed)
        self._check(lib.resdex_db_list_shadowed(db, fn_shadowed, None))
        d["shadowed"] = shadowed
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
