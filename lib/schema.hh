/* schema.hh - what the index holds and the query language names (private).
 *
 * Three tables, each a row per thing: the fields of the query language
 * (name, term prefix, value slot, facet, allowed values and aliases, help),
 * the UN bodies with their resolution series, and the languages (stemmer,
 * stopwords, script). The query parser, the filter checks, the facets, the
 * indexer and the help text all read them: a new field, body or language is
 * one row here (plus, for a field, what the indexer puts under its prefix). */
#ifndef RESDEX_SCHEMA_HH
#define RESDEX_SCHEMA_HH

#include "resdex.h"

#include <string>

enum class FieldType {
    FILTER, /* a boolean term per value: body:ga */
    YEAR,   /* a boolean term per year, and ranges on its value slot: year:2015..2023 */
    TEXT,   /* free text under a prefix, stemmed: title:trafficking */
};

/* Where a filter's allowed values come from. */
enum class FieldValues {
    ANY,    /* any value */
    LIST,   /* Field::values */
    BODIES, /* the bodies table */
    LANGS,  /* the languages table */
    NAMES,  /* any name, folded (schema_fold_name): subject:, sponsor: */
    GOALS,  /* a Sustainable Development Goal, 1 to 17 */
    VOTES,  /* STATE=VOTE: a folded name and in_favour, against or abstaining */
};

struct Field {
    const char *name;   /* as typed before the colon */
    const char *prefix; /* the term prefix (terms.hh) */
    int slot;           /* value slot for facets and ranges, -1 when none */
    const char *facet;  /* facet name counted over the matches, NULL when none */
    FieldType type;
    FieldValues from;
    const char *values;  /* FieldValues::LIST: the values, space-separated */
    const char *aliases; /* "alias=value ...", NULL when none */
    const char *noun;    /* what a value is, in messages: "body:x is not a body" */
    const char *example;
    const char *help;
};

/* The fields; the last row has name NULL. */
extern const Field schema_fields[];

/* The field called name (lower-case), NULL when there is none. */
const Field *schema_field(const std::string &name);

/* The field name nearest to name by edit distance (at most 2), else "". */
std::string schema_nearest_field(const std::string &name);

/* The allowed values of f, space-separated ("" for FieldValues::ANY). */
std::string schema_values(const Field &f);

/* Is f one of the fields of how a text was adopted (an index built before
 * them has no terms for them: terms.hh, RESDEX_META_ADOPTION)? */
bool schema_is_adoption_field(const Field &f);

/* The value v (lower-case) of f made canonical: aliases replaced ("a" ->
 * "ga" for body:); false when f has a closed set of values and v is not
 * one of them. */
bool schema_canonical_value(const Field &f, std::string &v);

/* A name as the filters subject:, sponsor: and voted: compare it: lower
 * case, without accents, '_' and runs of white space as one space, trimmed,
 * curly apostrophes straight ("Lao People’s  Democratic_Republic" -> "lao
 * people's democratic republic", "TÜRKİYE" -> "turkiye"). The indexer folds what it stores, the
 * query parser what is typed. */
std::string schema_fold_name(const std::string &name);

struct Body {
    const char *code; /* as stored in the value slot: "ECOSOC" */
    const char *key;  /* the filter value and term: "ecosoc" */
    const char *name; /* as printed: "Economic and Social Council" */
    const char *aliases;
    const char *series; /* its document series: "E/CN.15" (resolutions E/CN.15/RES/...) */
};
extern const Body schema_bodies[];

enum class Script { LATIN, CYRILLIC, ARABIC, HAN };

struct Language {
    const char *code;    /* "fr" */
    const char *name;    /* "French" */
    const char *stemmer; /* libstemmer's algorithm, NULL for none */
    Script script;
    /* The function words, NULL-terminated: the articles, prepositions,
     * conjunctions and pronouns that carry no meaning of their own in a
     * resolution. Words drafters search for ("not", "shall", "all",
     * "other") are not in them. */
    const char *const *stopwords;
};
extern const Language schema_languages[];

/* The row of a two-letter code, NULL when unknown. */
const Language *schema_language(const char *code);

/* The script of the code point c, or false when it belongs to none of ours
 * (punctuation, digits). */
bool schema_script_of(unsigned c, Script *script);

#endif
