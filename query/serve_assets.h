/* serve_assets.h - the files of resdex serve's page (web/), compiled into
 * the program by query/embed-assets.c: a fixed table, so that no path from
 * a URL ever reaches the file system. */
#ifndef RESDEX_QUERY_SERVE_ASSETS_H
#define RESDEX_QUERY_SERVE_ASSETS_H

#include <stddef.h>

typedef struct serve_asset {
    const char *path; /* "/index.html" */
    const char *type; /* "text/html; charset=utf-8" */
    const unsigned char *data;
    size_t len;
} serve_asset_t;

/* The table (generated: query/web-assets.c), ended by a row whose path is NULL. */
extern const serve_asset_t serve_assets[];

#endif
