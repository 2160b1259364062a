/* bare_xapian.cc - the "bare Xapian" competitor: what a programmer writes
 * from Xapian's own examples (simpleindex.cc, simplesearch.cc) in an
 * afternoon, as a yardstick for resdex.
 *
 *   bare_xapian index DB DIR     every file under DIR, one document per
 *                                paragraph (text split naively on blank lines)
 *   bare_xapian search DB        batch: one query per line on stdin, one JSON
 *                                line per query on stdout (flushed), as
 *                                `resdex search --batch --json`
 *   bare_xapian search DB --query QUERY   one query (for one-shot timing)
 *
 * Indexing: TermGenerator with Xapian's built-in English stemmer and its
 * default strategy (STEM_SOME), the paragraph stored as document data, one
 * commit at the end, Xapian's default flush threshold.
 *
 * Searching: QueryParser with the same stemmer, STEM_SOME, AND as the
 * default operator, phrases and boolean operators on; the top 10 with
 * MSet::snippet() (300 bytes) of each. The snippet flags are those resdex
 * uses (SNIPPET_BACKGROUND_MODEL), so that both do the same work; pass
 * --exhaustive to use Xapian's default flags instead. */
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace
{

void
list_files(const std::string &dir, std::vector<std::string> &out)
{
    DIR *d = opendir(dir.c_str());
    if (!d)
        throw std::runtime_error("cannot open " + dir);
    while (struct dirent *e = readdir(d)) {
        if (e->d_name[0] == '.')
            continue;
        std::string path = dir + "/" + e->d_name;
        struct stat st;
        if (stat(path.c_str(), &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            list_files(path, out);
        else if (S_ISREG(st.st_mode))
            out.push_back(path);
    }
    closedir(d);
}

/* Paragraphs: runs of text separated by lines that are empty or blank. */
std::vector<std::string>
split_paragraphs(const std::string &text)
{
    std::vector<std::string> out;
    std::string cur;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        std::string line = text.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
            continue;
        }
        if (!cur.empty())
            cur += ' ';
        cur += line;
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

int
do_index(const char *dbpath, const char *dir)
{
    std::vector<std::string> files;
    list_files(dir, files);
    std::sort(files.begin(), files.end());
    Xapian::WritableDatabase db(dbpath, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    unsigned long n = 0;
    for (const std::string &f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::vector<std::string> paras = split_paragraphs(ss.str());
        for (size_t i = 0; i < paras.size(); i++) {
            Xapian::Document doc;
            doc.set_data(paras[i]);
            tg.set_document(doc);
            tg.index_text(paras[i]);
            doc.add_boolean_term("Q" + f.substr(strlen(dir)) + "#" + std::to_string(i));
            db.add_document(doc);
            n++;
        }
    }
    db.commit();
    fprintf(stderr, "bare_xapian: %lu paragraphs from %zu files\n", n, files.size());
    return 0;
}

void
json_string(std::string &out, const std::string &s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

int
do_search(const char *dbpath, bool exhaustive, std::istream &queries)
{
    Xapian::Database db(dbpath);
    Xapian::Stem stem("english");
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    unsigned flags = Xapian::MSet::SNIPPET_BACKGROUND_MODEL;
    if (exhaustive)
        flags |= Xapian::MSet::SNIPPET_EXHAUSTIVE;
    std::string line, out;
    while (std::getline(queries, line)) {
        out.clear();
        out += "{\"query\":";
        json_string(out, line);
        try {
            Xapian::Query q = qp.parse_query(line);
            Xapian::Enquire enquire(db);
            enquire.set_query(q);
            Xapian::MSet mset = enquire.get_mset(0, 10);
            out += ",\"total\":" + std::to_string(mset.get_matches_estimated()) + ",\"hits\":[";
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                Xapian::Document doc = it.get_document();
                std::string text = doc.get_data();
                std::string snip = mset.snippet(text, 300, stem, flags, "[", "]", "…");
                if (it != mset.begin())
                    out += ',';
                out += "{\"rank\":" + std::to_string(it.get_rank() + 1) +
                       ",\"score\":" + std::to_string(it.get_weight()) +
                       ",\"id\":" + std::to_string(*it) + ",\"snippet\":";
                json_string(out, snip);
                out += '}';
            }
            out += "]}\n";
        } catch (const Xapian::Error &e) {
            out += ",\"error\":";
            json_string(out, e.get_description());
            out += "}\n";
        }
        fwrite(out.data(), 1, out.size(), stdout);
        fflush(stdout);
    }
    return 0;
}

} // namespace

int
main(int argc, char **argv)
{
    try {
        if (argc == 4 && !strcmp(argv[1], "index"))
            return do_index(argv[2], argv[3]);
        if (argc >= 3 && !strcmp(argv[1], "search")) {
            bool exhaustive = false;
            const char *query = nullptr;
            for (int i = 3; i < argc; i++) {
                if (!strcmp(argv[i], "--exhaustive"))
                    exhaustive = true;
                else if (!strcmp(argv[i], "--query") && i + 1 < argc)
                    query = argv[++i];
                else
                    goto usage;
            }
            if (query) {
                std::istringstream one(query);
                return do_search(argv[2], exhaustive, one);
            }
            return do_search(argv[2], exhaustive, std::cin);
        }
    } catch (const Xapian::Error &e) {
        fprintf(stderr, "bare_xapian: %s\n", e.get_description().c_str());
        return 2;
    } catch (const std::exception &e) {
        fprintf(stderr, "bare_xapian: %s\n", e.what());
        return 2;
    }
usage:
    fprintf(stderr, "usage: bare_xapian index DB DIR | "
                    "bare_xapian search DB [--exhaustive] [--query QUERY]\n");
    return 2;
}
