/* corrupt.cc - break an index on purpose, for the error-path tests. */
#include <xapian.h>

extern "C" int tu_corrupt_first_record(const char *path, const char *bytes, unsigned len);
extern "C" int tu_bare_xapian_index(const char *path, int documents);

/* Replace the data of the first document with `bytes`; 0 on success. */
extern "C" int
tu_corrupt_first_record(const char *path, const char *bytes, unsigned len)
{
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        Xapian::PostingIterator it = db.postlist_begin("");
        if (it == db.postlist_end(""))
            return -1;
        Xapian::Document doc = db.get_document(*it);
        doc.set_data(std::string(bytes, len));
        db.replace_document(*it, doc);
        db.commit();
        return 0;
    } catch (...) {
        return -1;
    }
}

/* A Xapian index that resdex did not write (no format tag), holding
 * `documents` empty documents; 0 on success. */
extern "C" int
tu_bare_xapian_index(const char *path, int documents)
{
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        for (int i = 0; i < documents; i++)
            db.add_document(Xapian::Document());
        db.commit();
        return 0;
    } catch (...) {
        return -1;
    }
}
