/* test_errors.cc - the C/C++ seam broken on purpose: allocations that fail
 * (C++'s operator new, the C allocations inside a C++ entry point), a
 * damaged index, a locked one. Every public call answers with a status and
 * a message, and no exception ever comes out of the library.
 *
 * C++ only to replace the global operator new (the test's, Xapian's and the
 * library's allocations go through it); the library is called through its
 * C API, as the programs call it. */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <execinfo.h>
#include <fcntl.h>
#include <functional>
#include <new>
#include <set>
#include <string>
#include <unistd.h>

extern "C" {
#include "testutil.h"
}
#include "model.h"
#include "resdex.h"

/* ---- Allocation failure on demand ---- */

/* When armed, the n-th allocation from now fails (once); or the first after
 * it that Xapian does not make. Xapian 1.4 is not safe against allocations
 * failing inside it: its matcher was seen to crash (Enquire::get_mset) after
 * one. The library's own code, and its calls into C, are what is tested. */
static long countdown = 0;
static bool fired = false;

/* Is an allocation being made from inside libxapian? */
static bool
inside_xapian(void)
{
    void *frames[64];
    int n = backtrace(frames, 64);
    for (int i = 1; i < n; i++) {
        Dl_info info;
        if (dladdr(frames[i], &info) && info.dli_fname && strstr(info.dli_fname, "libxapian"))
            return true;
    }
    return false;
}

static void
arm(long n)
{
    fired = false;
    countdown = n;
}

static void
disarm(void)
{
    countdown = 0;
}

static void *
allocate(std::size_t size, bool nothrow)
{
    if (countdown > 0 && --countdown == 0) {
        if (inside_xapian()) {
            countdown = 1; /* the next one, then */
        } else {
            fired = true;
            if (nothrow)
                return nullptr;
            throw std::bad_alloc();
        }
    }
    void *p = std::malloc(size ? size : 1);
    if (!p && !nothrow)
        throw std::bad_alloc();
    return p;
}

void *
operator new(std::size_t size)
{
    return allocate(size, false);
}
void *
operator new[](std::size_t size)
{
    return allocate(size, false);
}
void *
operator new(std::size_t size, const std::nothrow_t &) noexcept
{
    return allocate(size, true);
}
void *
operator new[](std::size_t size, const std::nothrow_t &) noexcept
{
    return allocate(size, true);
}
void
operator delete(void *p) noexcept
{
    std::free(p);
}
void
operator delete[](void *p) noexcept
{
    std::free(p);
}
void
operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}
void
operator delete[](void *p, std::size_t) noexcept
{
    std::free(p);
}
void
operator delete(void *p, const std::nothrow_t &) noexcept
{
    std::free(p);
}
void
operator delete[](void *p, const std::nothrow_t &) noexcept
{
    std::free(p);
}

/* The C allocations of the library (arena blocks, byte buffers: the
 * paragraphs' records are written and read with them) fail while
 * c_alloc_fail is set (arena.h). */
static bool c_alloc_fail = false;

extern "C" int
resdex_test_alloc_fails(size_t)
{
    return c_alloc_fail;
}

/* ---- Fixture ---- */

struct Fixture {
    char *dir = nullptr;
    std::string path;
};

static int
setup(void **state)
{
    Fixture *f = new Fixture();
    f->dir = tu_tmpdir();
    if (!f->dir)
        return -1;
    f->path = std::string(f->dir) + "/index";
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    Fixture *f = static_cast<Fixture *>(*state);
    disarm();
    c_alloc_fail = false;
    tu_rmtree(f->dir);
    free(f->dir);
    delete f;
    return 0;
}

static resdex_doc_t *
make_doc(void)
{
    resdex_doc_t *doc = model_doc_new();
    resdex_resolution_t *r = model_add_resolution(doc);
    r->symbol = model_str(doc, "E/RES/2017/19");
    r->number = model_str(doc, "2017/19");
    r->body = model_str(doc, "ECOSOC");
    r->title = model_str(doc, "Alternatives to imprisonment");
    r->date = model_str(doc, "2017-07-06");
    r->lang = model_str(doc, "en");
    r->source = model_str(doc, "e-2017-19.txt");
    resdex_paragraph_t *p = model_add_paragraph(
        doc, r, RESDEX_KIND_OPERATIVE,
        "Encourages Member States to promote alternatives to imprisonment from the pretrial "
        "stage to the post-sentencing stage");
    p->number = 1;
    p->verb = model_str(doc, "Encourages");
    assert_false(model_failed(doc));
    return doc;
}

static resdex_db_t *
open_db(const Fixture *f, resdex_db_mode_t mode)
{
    resdex_db_t *db = nullptr;
    resdex_status_t st = resdex_db_open(f->path.c_str(), mode, &db);
    if (st != RESDEX_STATUS_SUCCESS)
        fail_msg("open %s: %s", f->path.c_str(), resdex_db_last_error(db));
    return db;
}

static void
build_index(const Fixture *f)
{
    resdex_db_t *db = open_db(f, RESDEX_DB_READ_WRITE);
    resdex_doc_t *doc = make_doc();
    assert_int_equal(resdex_db_index_doc(db, "e-2017-19.txt", doc), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_db_commit(db), RESDEX_STATUS_SUCCESS);
    resdex_doc_destroy(doc);
    resdex_db_close(db);
}

/* ---- Out of memory in every call ---- */

/* Run `call` with the n-th allocation failing, for n = 1, 2, ... until a run
 * makes fewer than n allocations. Each run gives `expect` or OUT_OF_MEMORY
 * with a message, never an exception. With `must_fail`, at least one run
 * fails (a call that makes an allocation of its own, outside Xapian). */
static void
sweep(const char *name, resdex_db_t *db, resdex_status_t expect,
      const std::function<resdex_status_t()> &call, bool must_fail = false)
{
    long runs_out_of_memory = 0;
    for (long n = 1;; n++) {
        arm(n);
        resdex_status_t st;
        try {
            st = call();
        } catch (...) {
            disarm();
            fail_msg("%s: an exception came out of the library (allocation %ld failed)", name, n);
        }
        bool hit = fired;
        disarm();
        if (!hit) {
            if (st != expect)
                fail_msg("%s: status %s without a failure, not %s", name,
                         resdex_status_to_string(st), resdex_status_to_string(expect));
            break;
        }
        if (st == RESDEX_STATUS_OUT_OF_MEMORY) {
            runs_out_of_memory++;
            if (db && !strstr(resdex_db_last_error(db), "out of memory"))
                fail_msg("%s: allocation %ld: message '%s'", name, n, resdex_db_last_error(db));
        } else if (st != expect) {
            fail_msg("%s: allocation %ld failed: status %s (%s), not %s or out of memory", name, n,
                     resdex_status_to_string(st), db ? resdex_db_last_error(db) : "",
                     resdex_status_to_string(expect));
        }
        if (n > 100000)
            fail_msg("%s: more than %ld allocations", name, n);
    }
    if (runs_out_of_memory == 0 && must_fail)
        fail_msg("%s: no run ran out of memory", name);
}

/* The table of query fields, built at its first call: a first call that
 * runs out of memory leaves nothing behind for the next, which gives each
 * field once with its values (it used to add to a half-built table, and its
 * rows pointed into a vector that had moved). Runs first: the table is
 * built once in a process. */
static void
test_oom_field_table(void **)
{
    sweep(
        "query_field_at", nullptr, RESDEX_STATUS_SUCCESS,
        [] {
            return resdex_query_field_at(0) ? RESDEX_STATUS_SUCCESS : RESDEX_STATUS_OUT_OF_MEMORY;
        },
        true);
    std::set<std::string> names;
    size_t n = 0;
    for (const resdex_query_field_t *f; (f = resdex_query_field_at(n)); n++) {
        assert_non_null(f->name);
        assert_non_null(f->values);
        if (!names.insert(f->name).second)
            fail_msg("field %s twice in the table", f->name);
        (void)strlen(f->values);
    }
    assert_true(n >= 10);
    assert_non_null(resdex_query_field_at(0));
}

/* The argument checks and messages made before the work starts (a
 * read-only handle asked to write, an unknown facet, nothing to merge). */
static void
test_oom_refusals(void **state)
{
    Fixture *f = static_cast<Fixture *>(*state);
    build_index(f);
    resdex_db_t *ro = open_db(f, RESDEX_DB_READ_ONLY);
    sweep(
        "set_metadata read-only", ro, RESDEX_STATUS_BAD_ARGUMENT,
        [&] { return resdex_db_set_metadata(ro, "file:a", "1"); }, true);
    sweep(
        "commit read-only", ro, RESDEX_STATUS_BAD_ARGUMENT, [&] { return resdex_db_commit(ro); },
        true);
    sweep(
        "unknown facet", ro, RESDEX_STATUS_BAD_ARGUMENT,
        [&] {
            return resdex_db_facet_counts(
                ro, "no-such-facet", [](const char *, uint64_t, void *) { return 0; }, nullptr);
        },
        true);
    sweep(
        "bad query", ro, RESDEX_STATUS_BAD_QUERY,
        [&] {
            resdex_search_options_t o = {};
            o.query = "year:abcd";
            o.limit = 10;
            resdex_results_t *r = nullptr;
            return resdex_db_search(ro, &o, &r);
        },
        true);
    resdex_db_close(ro);
    resdex_db_t *rw = open_db(f, RESDEX_DB_READ_WRITE);
    sweep(
        "merge nothing", rw, RESDEX_STATUS_BAD_ARGUMENT,
        [&] { return resdex_db_merge_parts(rw, nullptr, 0, "/nonexistent/scratch"); }, true);
    resdex_db_close(rw);
}

/* The work itself: opening, searching, similar, a resolution, indexing. */
static void
test_oom_work(void **state)
{
    Fixture *f = static_cast<Fixture *>(*state);
    build_index(f);
    sweep(
        "open", nullptr, RESDEX_STATUS_SUCCESS,
        [&] {
            resdex_db_t *db = nullptr;
            resdex_status_t st = resdex_db_open(f->path.c_str(), RESDEX_DB_READ_ONLY, &db);
            if (st != RESDEX_STATUS_SUCCESS && db && !*resdex_db_last_error(db))
                st = RESDEX_STATUS_INTERNAL_ERROR; /* a failure without a message */
            resdex_db_close(db);
            return st;
        },
        true);
    resdex_db_t *ro = open_db(f, RESDEX_DB_READ_ONLY);
    sweep(
        "search", ro, RESDEX_STATUS_SUCCESS,
        [&] {
            resdex_search_options_t o = {};
            o.query = "alternatives imprisonment";
            o.limit = 10;
            o.snippets = 1;
            o.facets = 1;
            resdex_results_t *r = nullptr;
            resdex_status_t st = resdex_db_search(ro, &o, &r);
            if (st == RESDEX_STATUS_SUCCESS && resdex_results_count(r) != 1)
                st = RESDEX_STATUS_INTERNAL_ERROR;
            resdex_results_destroy(r);
            return st;
        },
        true);
    sweep(
        "similar", ro, RESDEX_STATUS_SUCCESS,
        [&] {
            resdex_similar_options_t o = {};
            o.text = "Encourages Member States to promote alternatives to imprisonment";
            resdex_results_t *r = nullptr;
            resdex_status_t st = resdex_db_similar(ro, &o, &r);
            resdex_results_destroy(r);
            return st;
        },
        true);
    sweep("get_resolution", ro, RESDEX_STATUS_SUCCESS, [&] {
        resdex_results_t *r = nullptr;
        resdex_status_t st = resdex_db_find_resolution(ro, "E/RES/2017/19", nullptr, &r);
        resdex_results_destroy(r);
        return st;
    });
    sweep("lineage", ro, RESDEX_STATUS_SUCCESS, [&] {
        resdex_results_t *r = nullptr;
        resdex_status_t st = resdex_db_lineage(ro, "E/RES/2017/19#1", "body:ecosoc", &r);
        resdex_results_destroy(r);
        return st;
    });
    sweep("counts", ro, RESDEX_STATUS_SUCCESS, [&] {
        resdex_db_counts_t c;
        return resdex_db_get_counts(ro, &c);
    });
    sweep("facet counts", ro, RESDEX_STATUS_SUCCESS, [&] {
        return resdex_db_facet_counts(
            ro, "year", [](const char *, uint64_t, void *) { return 0; }, nullptr);
    });
    sweep("get_metadata", ro, RESDEX_STATUS_NOT_FOUND, [&] {
        char *v = nullptr;
        resdex_status_t st = resdex_db_read_metadata(ro, "file:no-such-file", &v);
        free(v);
        return st;
    });
    sweep("list_metadata", ro, RESDEX_STATUS_SUCCESS, [&] {
        return resdex_db_list_metadata(
            ro, "resdex:", [](const char *, const char *, void *) { return 0; }, nullptr);
    });
    sweep("reopen", ro, RESDEX_STATUS_SUCCESS, [&] { return resdex_db_reopen(ro); });
    resdex_db_close(ro);
    resdex_db_t *rw = open_db(f, RESDEX_DB_READ_WRITE);
    resdex_doc_t *doc = make_doc();
    sweep(
        "index_doc", rw, RESDEX_STATUS_SUCCESS,
        [&] { return resdex_db_index_doc(rw, "e-2017-19.txt", doc); }, true);
    /* Prepared without a handle: no message to keep, the status says. */
    sweep("prepare_doc", nullptr, RESDEX_STATUS_SUCCESS, [&] {
        resdex_prepared_t *p = nullptr;
        resdex_status_t st = resdex_prepare_doc("e-2017-19.txt", doc, &p);
        resdex_prepared_destroy(p);
        return st;
    });
    resdex_prepared_t *prepared = nullptr;
    assert_int_equal(resdex_prepare_doc("e-2017-19.txt", doc, &prepared), RESDEX_STATUS_SUCCESS);
    sweep("index_prepared", rw, RESDEX_STATUS_SUCCESS,
          [&] { return resdex_db_index_prepared(rw, prepared); });
    resdex_prepared_destroy(prepared);
    sweep("set_metadata", rw, RESDEX_STATUS_SUCCESS,
          [&] { return resdex_db_set_metadata(rw, "file:e-2017-19.txt", "1 2 abc"); });
    sweep("cancel", rw, RESDEX_STATUS_SUCCESS, [&] { return resdex_db_cancel(rw); });
    sweep("remove_source", rw, RESDEX_STATUS_SUCCESS,
          [&] { return resdex_db_remove_source(rw, "e-2017-19.txt"); });
    sweep("index_doc again", rw, RESDEX_STATUS_SUCCESS,
          [&] { return resdex_db_index_doc(rw, "e-2017-19.txt", doc); });
    resdex_doc_destroy(doc);
    sweep("commit", rw, RESDEX_STATUS_SUCCESS, [&] { return resdex_db_commit(rw); });
    resdex_db_close(rw);
    /* Whatever failed along the way, the index holds the paragraph. */
    ro = open_db(f, RESDEX_DB_READ_ONLY);
    resdex_db_counts_t c;
    assert_int_equal(resdex_db_get_counts(ro, &c), RESDEX_STATUS_SUCCESS);
    assert_int_equal(c.paragraphs, 1);
    resdex_db_close(ro);
}

/* ---- A C function failing inside a C++ entry point ---- */

/* The paragraph records are written and read by C (lib/record.c): when
 * it cannot allocate, indexing says out of memory and which paragraph; a
 * search says out of memory, not that the stored record is corrupt. */
static void
test_c_failure_in_cxx(void **state)
{
    Fixture *f = static_cast<Fixture *>(*state);
    build_index(f);

    resdex_db_t *rw = open_db(f, RESDEX_DB_READ_WRITE);
    resdex_doc_t *doc = make_doc();
    c_alloc_fail = true;
    resdex_status_t st = resdex_db_index_doc(rw, "e-2017-19.txt", doc);
    c_alloc_fail = false;
    assert_int_equal(st, RESDEX_STATUS_OUT_OF_MEMORY);
    const char *msg = resdex_db_last_error(rw);
    if (!strstr(msg, "out of memory") || !strstr(msg, "E/RES/2017/19#1"))
        fail_msg("index_doc: message '%s' does not name the paragraph", msg);
    resdex_doc_destroy(doc);
    resdex_db_close(rw);

    resdex_db_t *ro = open_db(f, RESDEX_DB_READ_ONLY);
    resdex_search_options_t o = {};
    o.query = "imprisonment";
    o.limit = 10;
    resdex_results_t *r = nullptr;
    c_alloc_fail = true;
    st = resdex_db_search(ro, &o, &r);
    c_alloc_fail = false;
    if (st != RESDEX_STATUS_OUT_OF_MEMORY)
        fail_msg("search: status %s (%s), not out of memory", resdex_status_to_string(st),
                 resdex_db_last_error(ro));
    assert_null(r);
    assert_non_null(strstr(resdex_db_last_error(ro), "out of memory"));
    /* And the index is fine once memory is back. */
    assert_int_equal(resdex_db_search(ro, &o, &r), RESDEX_STATUS_SUCCESS);
    assert_int_equal(resdex_results_count(r), 1);
    resdex_results_destroy(r);
    resdex_db_close(ro);
}

/* ---- A damaged index, a locked one ---- */

/* Overwrite the blocks of a table after its first with garbage. */
static void
garble_table(const std::string &file)
{
    int fd = open(file.c_str(), O_RDWR);
    assert_true(fd >= 0);
    off_t size = lseek(fd, 0, SEEK_END);
    assert_true(size > 8192);
    std::string junk(static_cast<size_t>(size - 8192), '\xA5');
    assert_int_equal(pwrite(fd, junk.data(), junk.size(), 8192), static_cast<ssize_t>(junk.size()));
    close(fd);
}

static void
test_corrupt_index(void **state)
{
    Fixture *f = static_cast<Fixture *>(*state);
    build_index(f);
    garble_table(f->path + "/postlist.glass");
    resdex_db_t *db = nullptr;
    resdex_status_t st = resdex_db_open(f->path.c_str(), RESDEX_DB_READ_ONLY, &db);
    if (st == RESDEX_STATUS_SUCCESS) {
        resdex_search_options_t o = {};
        o.query = "imprisonment";
        o.limit = 10;
        resdex_results_t *r = nullptr;
        st = resdex_db_search(db, &o, &r);
        resdex_results_destroy(r);
    }
    if (st != RESDEX_STATUS_DB_CORRUPT)
        fail_msg("a damaged index: status %s (%s), not corrupt", resdex_status_to_string(st),
                 resdex_db_last_error(db));
    const char *msg = resdex_db_last_error(db);
    if (!strstr(msg, f->path.c_str()) || !strstr(msg, "is damaged") || !strstr(msg, "rebuild"))
        fail_msg("a damaged index: message '%s'", msg);
    resdex_db_close(db);
}

static void
test_locked_index(void **state)
{
    Fixture *f = static_cast<Fixture *>(*state);
    resdex_db_t *a = open_db(f, RESDEX_DB_READ_WRITE);
    resdex_db_t *b = nullptr;
    assert_int_equal(resdex_db_open(f->path.c_str(), RESDEX_DB_READ_WRITE, &b),
                     RESDEX_STATUS_DB_LOCKED);
    std::string want = "index " + f->path + " is locked";
    if (!strstr(resdex_db_last_error(b), want.c_str()))
        fail_msg("locked: message '%s'", resdex_db_last_error(b));
    resdex_db_close(b);
    /* The same when allocations fail along the way. */
    sweep(
        "open locked", nullptr, RESDEX_STATUS_DB_LOCKED,
        [&] {
            resdex_db_t *db = nullptr;
            resdex_status_t st = resdex_db_open(f->path.c_str(), RESDEX_DB_READ_WRITE, &db);
            if (db && !*resdex_db_last_error(db))
                st = RESDEX_STATUS_INTERNAL_ERROR; /* a failure without a message */
            resdex_db_close(db);
            return st;
        },
        true);
    resdex_db_close(a);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oom_field_table),
        T(test_oom_refusals),
        T(test_oom_work),
        T(test_c_failure_in_cxx),
        T(test_corrupt_index),
        T(test_locked_index),
    };
    return cmocka_run_group_tests(tests, nullptr, nullptr);
}
