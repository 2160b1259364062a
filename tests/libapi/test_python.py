"""The Python bindings (bindings/python) against the CLI: each call returns
what `resdex ... --json` prints for the same request. Run by python.sh with
RESDEX (the CLI), RESDEX_TEST_DB (an index of corpus/) and RESDEX_HEADER."""

import ctypes
import json
import os
import re
import subprocess
import unittest

import resdex
from resdex import _capi

CLI = os.environ["RESDEX"]
DB = os.environ["RESDEX_TEST_DB"]


def cli(*args):
    out = subprocess.run([CLI, "--db", DB] + list(args), stdout=subprocess.PIPE, check=False)
    return [json.loads(line) for line in out.stdout.decode().splitlines() if line.strip()]


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
        self.assertEqual(hits.lang, "en")

    def test_show(self):
        for target in ["E/RES/2017/19", "2017/19", "E/RES/2017/19#1", "E/RES/2017/19#pp2"]:
            with self.subTest(target=target):
                self.assertEqual([self.db.show(target)], cli("show", "--json", target))
        self.assertEqual(self.db.show("E/RES/2017/19")["paragraphs"][0]["id"], "E/RES/2017/19#x1")

    def test_similar(self):
        got = self.db.similar(paragraph="E/RES/2017/19#1", limit=5)
        self.assertGreater(len(got), 0)
        self.assertEqual(got, cli("similar", "--json", "--limit", "5", "E/RES/2017/19#1"))
        text = "Encourages Member States to promote alternatives to imprisonment"
        self.assertEqual(self.db.similar(text=text, min_similarity=0),
                         cli("similar", "--json", "--min", "0", "--text", text))

    def test_stats(self):
        got = self.db.stats()
        self.assertEqual(got["files"], 5)
        self.assertEqual([got], cli("stats", "--json"))

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

        def calls(db, n):
            for _ in range(n):
                db.search("prison", limit=20)
                db.show("E/RES/2017/19")
                db.similar(paragraph="E/RES/2017/19#1")
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
