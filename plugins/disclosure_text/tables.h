/*
 * tables.h — internals of the tables part of the disclosure-text reader.
 *
 *   header.c       spanning headers → column layout of a table
 *   tables.c       the pass over the lines: tables, pages, rows, cells
 *   tables_perf.c  performance tables (key/value lines, indicator rows)
 *
 * Lines and fields, the catalog, the table state (dt_reader), notes and the
 * solver for rows that lost their empty cells (assign.c) are the shared
 * reader library's (libreader/brreader.h).
 *
 * Nothing here allocates with malloc: scratch lives on the stack (bounded
 * arrays) or in the disclosure's arena (dt_host->doc_alloc).
 */
#ifndef DT_TABLES_H
#define DT_TABLES_H

#include "reader.h"

/* ---- column layout (header.c) ---- */

struct dt_reader;

/*
 * Build the layout of a table from its header lines (top first).  Unless
 * `quiet` (a tentative layout), adds notes for header columns it does not
 * recognise.
 */
void dt_layout_build(struct dt_reader *rd, dt_layout *L, const dt_line *const *hdr, size_t nhdr,
                     int quiet);

/* 1 when a line repeats the table's header (a page break). */
int dt_header_repeat(const dt_line *const *hdr, size_t nhdr, const dt_field *f, size_t nf);

/* ---- the reader (tables.c) ---- */

/* Create the current table in the model if not yet done; NULL on OOM. */
br_table *dt_table_ensure(dt_reader *rd);

/* Close the current table and open another with the same title and unit. */
void dt_table_restart(dt_reader *rd);

/* Set the department code from a "363-…" or "363" text, once. */
void dt_department_code(dt_reader *rd, const char *s, size_t len);

/* ---- performance tables (tables_perf.c) ---- */

/* One tab-separated line inside a performance table. */
void dt_perf_line(dt_reader *rd, const dt_line *ln, const dt_field *f, size_t nf);
/* Finish a performance table (declares its project). */
void dt_perf_finish(dt_reader *rd);

#endif
