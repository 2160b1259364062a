"""The Python bindings (bindings/python) against the CLI: each call returns
what `resdex ... --json` prints for the same request. Run by python.sh with
RESDEX (the CLI), RESDEX_TEST_DB (an index of corpus/), RESDEX_PARTS_DB (an
index of a resolution in two parts, A/RES/75/101 A-B) and RESDEX_HEADER."""

import ctypes
import json
import os
import re
import subprocess
import tempfile
import unittest

import resdex
from resdex import _capi

CLI = os.environ["RESDEX"]
DB = os.environ["RESDEX_TEST_DB"]


def cli(*args, stdin=None):
    out = subprocess.run([CLI, "--db", DB] + list(args), stdout=subprocess.PIPE, check=False,
                         input=stdin)
    return [json.loads(line) for line in out.stdout.decode().splitlines() if line.strip()]


def draft_from(db):
    """A draft made of indexed text: a preambular paragraph of E/RES/2017/19
    as adopted, its first operative paragraph with a stronger verb and a
    qualifier added, and a paragraph said nowhere."""
    res = db.show("E/RES/2017/19")
    pp3 = next(p for p in res["paragraphs"] if p["id"].endswith("#pp3"))
    op1 = next(p for p in res["paragraphs"] if p["id"].endswith("#1"))
    self_text = op1["text"]
    verb = op1["verb"]
    assert verb and self_text.startswith(verb), op1
    changed = "Urges" + self_text[len(verb):].rstrip(";.") + ", as appropriate;"
    return ("Draft resolution\n\n%s\n\n1. %s\n\n2. Decides to hold a festival of "
            "quinces, marmalade and kites in every capital on the equinox;\n"
            % (pp3["text"], changed)).encode()


class SameAsCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.db = resdex.Database(DB)

    @classmethod
    def tearDownClass(cls):
        cls.db.close()

    def test_search(self):
        for query, kw, args in [
            ("prison", {}, []),
            ("prison", {"limit": 3, "offset": 2}, ["--limit", "3", "--offset", "2"]),
            ("trafficking body:ga", {"all_kinds": True}, ["--all"]),
            ("\"alternatives to imprisonment\"", {"sort": "date", "limit": 20},
             ["--sort", "date", "--limit", "20"]),
        ]:
            with self.subTest(query=query, kw=kw):
                hits = self.db.search(query, **kw)
                self.assertGreater(len(hits), 0)
                self.assertEqual(hits, cli("search", "--json", *args, query))
        hits = self.db.search("prison", limit=1)
        self.assertGreater(hits.total, 1)
        self.assertGreaterEqual(hits.paragraphs, hits.total)
        self.assertEqual(hits.lang, "en")

    def test_search_fields_of_the_merges(self):
        """A folded hit's "also", the adoption of an AKN resolution, a
        draft's "adopted_as", a convention article, a resolved "Ibid."."""
        hits = self.db.search("prison", limit=50)
        folded = [h for h in hits if h["also"]]
        self.assertTrue(folded)
        self.assertTrue(all(a["id"] and a["cite"] for h in folded for a in h["also"]))
        self.assertTrue(all(h["cite"] for h in hits))
        for query, kw, args in [
            ("prison", {"limit": 50}, ["--limit", "50"]),
            ("prison", {"limit": 50, "no_fold": True}, ["--limit", "50", "--no-fold"]),
            ("voted:japan=in_favour", {"limit": 5}, ["--limit", "5"]),
            ("symbol:E/2017/30/DR.B.II", {"all_kinds": True}, ["--all"]),
            ("kind:annex symbol:79/243", {"limit": 5}, ["--limit", "5"]),
            ("symbol:78/229", {"all_kinds": True, "limit": 40}, ["--all", "--limit", "40"]),
        ]:
            with self.subTest(query=query, kw=kw):
                hits = self.db.search(query, **kw)
                self.assertGreater(len(hits), 0)
                self.assertEqual(hits, cli("search", "--json", *args, query))
        unfolded = self.db.search("prison", limit=50, no_fold=True)
        self.assertTrue(all(h["also"] == [] for h in unfolded))
        voted = self.db.search("voted:japan=in_favour", limit=1)[0]["resolution"]
        self.assertEqual(voted["adoption"]["method"], "recorded vote")
        self.assertGreater(voted["adoption"]["in_favour"], 0)
        draft = self.db.search("symbol:E/2017/30/DR.B.II", all_kinds=True)[0]["resolution"]
        self.assertEqual(draft["adopted_as"], "E/RES/2017/19")
        self.assertIn("article", self.db.search("kind:annex symbol:79/243")[0]["paragraph"])
        notes = [f for h in self.db.search("symbol:78/229", all_kinds=True, limit=40)
                 for f in h["footnotes"]]
        self.assertTrue(any("resolved" in f for f in notes))

    def test_show(self):
        for target in ["E/RES/2017/19", "2017/19", "E/RES/2017/19#1", "E/RES/2017/19#pp2"]:
            with self.subTest(target=target):
                self.assertEqual([self.db.show(target)], cli("show", "--json", target))
        self.assertEqual(self.db.show("E/RES/2017/19")["paragraphs"][0]["id"], "E/RES/2017/19#x1")
        for target in ["E/2017/30/DR.B.II", "A/RES/80/228", "A/RES/80/228#1", "A/RES/79/243",
                       "E/RES/2024/11"]:
            with self.subTest(target=target):
                self.assertEqual([self.db.show(target)], cli("show", "--json", target))
                self.assertEqual([self.db.show(target, votes=True)],
                                 cli("show", "--json", "--votes", target))
        whole = self.db.show("E/RES/2017/19")
        self.assertEqual(whole["from"], ["E/2017/30/DR.B.II"])
        self.assertEqual(self.db.show("E/2017/30/DR.B.II")["adopted_as"], "E/RES/2017/19")
        self.assertEqual(self.db.show("E/RES/2024/11")["carries"],
                         {"symbol": "E/RES/2024/11/DR", "adopted_as": "A/RES/79/188"})
        self.assertIsNone(self.db.show("A/RES/79/243")["carries"])
        votes = self.db.show("A/RES/80/228", votes=True)["votes"]
        self.assertIn({"state": "JAPAN", "vote": "in_favour"}, votes)

    def test_show_parts(self):
        """75/101 names the two parts of A/RES/75/101 A-B: the whole is
        both in turn, as the CLI's two lines; an anchor is looked for in
        each part in turn (#1 is part B's)."""
        parts = os.environ["RESDEX_PARTS_DB"]
        with resdex.Database(parts) as db:
            def cli_parts(*args):
                out = subprocess.run([CLI, "--db", parts, "show", "--json"] + list(args),
                                     stdout=subprocess.PIPE, check=False).stdout.decode()
                return [json.loads(line) for line in out.splitlines()]
            both = db.show("75/101")
            self.assertEqual([p["symbol"] for p in both], ["A/RES/75/101A", "A/RES/75/101B"])
            self.assertEqual(both, cli_parts("75/101"))
            self.assertEqual([db.show("75/101#1")], cli_parts("75/101#1"))
            self.assertEqual(db.show("75/101#1")["id"], "A/RES/75/101B#1")
            self.assertEqual([db.show("75/101#pp1")], cli_parts("75/101#pp1"))
            self.assertEqual([db.show("A/RES/75/101A")], cli_parts("A/RES/75/101A"))
            self.assertEqual([db.show("A/RES/75/101B")], cli_parts("A/RES/75/101B"))
            with self.assertRaises(resdex.ResdexError) as c:
                db.show("75/101#99")
            self.assertEqual(c.exception.status_name, "NOT_FOUND")
            self.assertIn("75/101 has no paragraph 99", c.exception.message)

    def test_similar(self):
        got = self.db.similar(paragraph="E/RES/2017/19#1", limit=5)
        self.assertGreater(len(got), 0)
        self.assertEqual(got, cli("similar", "--json", "--limit", "5", "E/RES/2017/19#1"))
        text = "Encourages Member States to promote alternatives to imprisonment"
        self.assertEqual(self.db.similar(text=text, min_similarity=0),
                         cli("similar", "--json", "--min", "0", "--text", text))
        self.assertTrue(all("containment" in h for h in got))

    def test_lineage(self):
        got = self.db.lineage("E/RES/2017/19#1")
        self.assertGreater(len(got), 1)
        self.assertEqual(got[-1]["id"], "E/RES/2017/19#1")
        self.assertEqual(got[-1]["lineage"], "this paragraph")
        self.assertEqual(got, cli("similar", "--lineage", "--json", "E/RES/2017/19#1"))

    def test_check(self):
        draft = draft_from(self.db)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "draft.txt")
            with open(path, "wb") as f:
                f.write(draft)
            got = self.db.check(path)
            self.assertEqual(got, cli("check", "--json", path))
            self.assertEqual(self.db.check(path, filters="year:..2016", min_similarity=0.3),
                             cli("check", "--json", "--min", "0.3", "year:..2016", path))
        self.assertEqual([it["status"] for it in got], ["agreed", "modified", "new"])
        self.assertEqual([it["n"] for it in got], [1, 2, 3])
        self.assertTrue(got[0]["precedent"]["id"])
        self.assertEqual(got[0]["similarity"], 1.0)
        self.assertEqual(got[1]["verb"]["to"], "Urges")
        self.assertEqual(got[1]["verb"]["change"], "stronger")
        self.assertIn("as appropriate", got[1]["qualifiers"]["added"])
        self.assertTrue(any(op["op"] == "insert" for op in got[1]["diff"]))
        self.assertIsNone(got[2]["precedent"])
        self.assertEqual(got[2]["diff"], [])
        self.assertEqual(self.db.check(draft), cli("check", "--json", "-", stdin=draft))

    def test_min_similarity_as_the_cli(self):
        """check's min_similarity is similar()'s and the CLI's --min: None
        the default (0.5), 0 every candidate (the festival of quinces finds
        a distant precedent, not "new")."""
        draft = draft_from(self.db)
        default = self.db.check(draft)
        self.assertEqual(default, self.db.check(draft, min_similarity=None))
        self.assertEqual(default, self.db.check(draft, min_similarity=0.5))
        every = self.db.check(draft, min_similarity=0)
        self.assertEqual(every, cli("check", "--json", "--min", "0", "-", stdin=draft))
        self.assertEqual(default[2]["status"], "new")
        self.assertNotEqual(every[2]["status"], "new")
        text = "Encourages Member States to promote alternatives to imprisonment"
        self.assertEqual(self.db.similar(text=text, min_similarity=None),
                         cli("similar", "--json", "--text", text))

    def test_library_json_is_the_cli_line(self):
        """The text resdex_results_hit_json gives is the line resdex search
        --json prints, byte for byte (the CLI prints the library's JSON)."""
        out = subprocess.run([CLI, "--db", DB, "search", "--json", "--limit", "3", "prison"],
                             stdout=subprocess.PIPE, check=True).stdout.splitlines()
        o = _capi.SearchOptions(query=b"prison", limit=3, snippets=1, hl_start=b"[",
                                hl_end=b"]")
        r = _capi.results_p()
        self.assertEqual(_capi.lib.resdex_db_search(self.db._handle(), ctypes.byref(o),
                                                    ctypes.byref(r)), 0)
        try:
            lines = []
            for i in range(_capi.lib.resdex_results_count(r)):
                text = ctypes.c_void_p()
                self.assertEqual(_capi.lib.resdex_results_hit_json(r, i, _capi.JSON_FOLD,
                                                                   ctypes.byref(text)), 0)
                lines.append(ctypes.string_at(text))
                _capi.libc.free(text)
            # Out of range: BAD_ARGUMENT, and nothing handed over.
            text = ctypes.c_void_p(1)
            self.assertEqual(_capi.lib.resdex_results_hit_json(r, 99, 0, ctypes.byref(text)),
                             _capi.STATUS_NAMES.index("BAD_ARGUMENT"))
            self.assertIsNone(text.value)
        finally:
            _capi.lib.resdex_results_destroy(r)
        self.assertEqual(len(lines), 3)
        self.assertEqual(lines, out)

    def test_stats(self):
        got = self.db.stats()
        self.assertGreaterEqual(got["files"], 5)  # the text samples and corpus/akn's
        # The sample's text of 2021/23 beside its AKN XML: the text shadowed.
        self.assertIn({"symbol": "E/RES/2021/23", "lang": "en", "file": "ecosoc-2021-23.txt",
                       "kept": "akn/ecosoc/2021/English/E_RES_2021_23-2110318E.xml.gz"},
                      got["shadowed"])
        self.assertEqual([got], cli("stats", "--json"))

    def test_partial_stub(self):
        """A stub of the test index and a shard that is not there: refused
        read-only, answered with partial=True, the shard named."""
        with tempfile.TemporaryDirectory() as tmp:
            stub = os.path.join(tmp, "half.stub")
            with open(stub, "w") as f:
                f.write("auto %s\nauto %s\n" % (os.path.abspath(DB), os.path.join(tmp, "gone")))
            with self.assertRaises(resdex.ResdexError):
                resdex.Database(stub)
            with resdex.Database(stub, partial=True) as db:
                self.assertEqual(db.shards_down, ["%s/gone" % tmp])
                self.assertEqual(db.stats()["paragraphs"], self.db.stats()["paragraphs"])
        self.assertEqual(self.db.shards_down, [])

    def test_stats_of_rejected_files(self):
        """An index with a file rejected under a name that is not UTF-8:
        stats() is resdex stats --json, byte for byte the library's line
        (resdex_db_stats_json), the name escaped as the CLI escapes it."""
        path = os.environ["RESDEX_REJECTED_DB"]
        line = subprocess.run([CLI, "--db", path, "stats", "--json"], stdout=subprocess.PIPE,
                              check=True).stdout
        with resdex.Database(path) as db:
            got = db.stats()
            out = ctypes.c_void_p()
            self.assertEqual(_capi.lib.resdex_db_stats_json(db._handle(), ctypes.byref(out)), 0)
            try:
                self.assertEqual(ctypes.string_at(out) + b"\n", line)
            finally:
                _capi.libc.free(out)
        out = ctypes.c_void_p(1)
        self.assertEqual(_capi.lib.resdex_db_stats_json(None, ctypes.byref(out)),
                         _capi.STATUS_NAMES.index("BAD_ARGUMENT"))
        self.assertIsNone(out.value)
        self.assertEqual(got, json.loads(line))
        self.assertEqual(got["index"], path)
        self.assertEqual(got["files"], 5)
        self.assertEqual([(r["file"], r["reason"][:16]) for r in got["rejected"]],
                         [("bad\\xfe.txt", "binary data, not")])
        self.assertTrue(got["rejected"][0]["since"])
        self.assertEqual(sorted(got["by_body"]), ["CCPCJ", "CND", "ECOSOC", "GA"])
        self.assertEqual(sum(got["by_kind"].values()), got["paragraphs"])

    def test_default_index(self):
        env = os.environ.get("RESDEX_DB")
        os.environ["RESDEX_DB"] = DB
        try:
            with resdex.Database() as db:
                self.assertEqual(db.path, DB)
                self.assertEqual(db.search("prison", limit=2), self.db.search("prison", limit=2))
        finally:
            if env is None:
                del os.environ["RESDEX_DB"]
            else:
                os.environ["RESDEX_DB"] = env


class Errors(unittest.TestCase):
    def test_missing_index(self):
        with self.assertRaises(resdex.ResdexError) as c:
            resdex.Database(DB + "-missing")
        self.assertEqual(c.exception.status_name, "DB_OPENING")
        self.assertIn(DB + "-missing", c.exception.message)

    def test_bad_query(self):
        with resdex.Database(DB) as db:
            with self.assertRaises(resdex.ResdexError) as c:
                db.search("year:abc")
            self.assertEqual(c.exception.status_name, "BAD_QUERY")
            self.assertEqual(c.exception.status, 15)
            self.assertIn("year:abc", c.exception.message)
            with self.assertRaises(resdex.ResdexError) as c:
                db.show("E/RES/1900/1")
            self.assertEqual(c.exception.status_name, "NOT_FOUND")
            with self.assertRaises(resdex.ResdexError) as c:
                db.show("E/RES/2017/19#99")
            self.assertEqual(c.exception.status_name, "NOT_FOUND")
            with self.assertRaises(resdex.ResdexError) as c:
                db.similar()
            self.assertEqual(c.exception.status_name, "BAD_ARGUMENT")
            with self.assertRaises(resdex.ResdexError) as c:
                db.check(DB + "-no-such-draft.txt")
            self.assertEqual(c.exception.status_name, "FILE_ERROR")
            self.assertIn(DB + "-no-such-draft.txt", c.exception.message)
            with self.assertRaises(resdex.ResdexError) as c:
                db.check(b"Encourages Member States to act;\n", filters="year:abc")
            self.assertEqual(c.exception.status_name, "BAD_QUERY")
            # The handle still works after a failure.
            self.assertGreater(len(db.search("prison")), 0)

    def test_closed(self):
        db = resdex.Database(DB)
        db.close()
        with self.assertRaises(ValueError):
            db.search("prison")

    def test_status_names_follow_the_header(self):
        with open(os.environ["RESDEX_HEADER"]) as f:
            names = re.findall(r"^\s*RESDEX_STATUS_([A-Z0-9_]+)", f.read(), re.M)
        self.assertEqual(list(_capi.STATUS_NAMES), [n for n in names if n != "LAST_STATUS"])
        for i, name in enumerate(_capi.STATUS_NAMES):
            self.assertTrue(_capi.lib.resdex_status_to_string(i))


class NoLeak(unittest.TestCase):
    """What the library hands over is freed: the C heap in use (glibc's
    mallinfo2) does not grow with the number of calls."""

    def test_calls_free_what_they_get(self):
        try:
            mallinfo2 = _capi.libc.mallinfo2
        except AttributeError:
            self.skipTest("no mallinfo2 in this C library")

        class Mallinfo2(ctypes.Structure):
            _fields_ = [(n, ctypes.c_size_t) for n in
                        ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                         "fsmblks", "uordblks", "fordblks", "keepcost")]
        mallinfo2.restype = Mallinfo2

        def in_use():
            m = mallinfo2()
            return m.uordblks + m.hblkhd
        if in_use() == 0:
            self.skipTest("the allocator does not report (a sanitizer's)")

        with resdex.Database(DB) as db:
            draft = draft_from(db)

        def calls(db, n):
            for _ in range(n):
                db.search("prison", limit=20)
                db.show("E/RES/2017/19")
                db.similar(paragraph="E/RES/2017/19#1")
                db.check(draft)
                db.stats()
                try:
                    db.search("year:abc")
                except resdex.ResdexError:
                    pass
        with resdex.Database(DB) as db:
            calls(db, 20)
            before = in_use()
            calls(db, 100)
            grown = in_use() - before
        # One search's results alone are tens of kilobytes: 100 leaked
        # would be megabytes.
        self.assertLess(grown, 512 * 1024)


# Held open at the interpreter's exit: a Database in a global, one in a
# reference cycle, one kept by the resdex module itself (torn down last),
# one whose opening failed, and the results of calls; and one collected
# after the modules' globals are gone. Each handle is closed (the wrapped
# resdex_db_close writes a line), and nothing is said.
AT_EXIT = r"""
import os, sys
import resdex
from resdex import _capi
close = _capi.lib.resdex_db_close
def closing(db):
    close(db)
    os.write(1, b"closed\n")
_capi.lib.resdex_db_close = closing
db = resdex.Database(sys.argv[1])
hits = db.search("prison", limit=3)
res = db.show("E/RES/2017/19")
stats = db.stats()
cycle = resdex.Database(sys.argv[1])
cycle.me = cycle
cycle.hits = cycle.search("prison")
resdex.kept = resdex.Database(sys.argv[1])
try:
    resdex.Database(os.path.join(sys.argv[1], "no-such-index"))
except resdex.ResdexError as e:
    failed = e
del cycle
# What the interpreter's teardown does to the modules, done here, where it
# can be seen: their globals gone, then a Database collected.
doomed = resdex.Database(sys.argv[1])
resdex.lib = resdex._capi = _capi.lib = _capi.libc = None
del doomed
"""


class Teardown(unittest.TestCase):
    def test_open_at_exit(self):
        for flags in ([], ["-X", "dev"]):
            with self.subTest(flags=flags):
                out = subprocess.run([os.environ.get("PYTHON") or "python3"] + flags +
                                     ["-c", AT_EXIT, DB], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, check=False)
                self.assertEqual(out.stderr.decode(), "")
                self.assertEqual(out.returncode, 0)
                # Four opened, one failed to open (its handle closed too).
                self.assertEqual(out.stdout.decode().count("closed"), 5)


if __name__ == "__main__":
    unittest.main(verbosity=2)
