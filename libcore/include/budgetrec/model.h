/*
 * budgetrec/model.h — the disclosure model (SPEC §3).
 *
 * Ownership: a br_disclosure owns everything reachable from it (tables, rows,
 * cells, claims, notes, strings) in one arena; br_disclosure_free releases it
 * all.  Every *_get / *_at accessor returns a borrowed pointer valid until the
 * disclosure is freed.  Accessors accept NULL and return NULL / 0.  Builders
 * (used by reader plugins) copy the strings they are given.
 */
#ifndef BUDGETREC_MODEL_H
#define BUDGETREC_MODEL_H

#include "export.h"
#include "text.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct br_disclosure br_disclosure;
typedef struct br_table br_table;
typedef struct br_row br_row;
/* The narrative is part of its disclosure; a pointer to it is what a check
 * declaring the "narrative" input receives. */
typedef struct br_narrative br_narrative;

/* ---- names (SPEC §3) ---- */

/* "gpb_basic" …; NULL for out-of-range values. */
BR_API const char *br_kind_name(br_kind kind);
/* Inverse of br_kind_name; BR_KIND_UNKNOWN for unknown names. */
BR_API br_kind br_kind_from_name(const char *name);
/* "total", "prev_vehicle_operation" …; NULL for out-of-range values. */
BR_API const char *br_role_name(br_role role);
BR_API br_role br_role_from_name(const char *name);
/* 1 for money roles, 0 for the text roles of performance tables. */
BR_API int br_role_is_money(br_role role);
BR_API const char *br_side_name(br_side side);           /* "income" … or NULL */
BR_API const char *br_severity_name(br_severity sev);   /* "error" … */
BR_API const char *br_direction_name(br_direction dir); /* "increase" … or NULL */
BR_API const char *br_claim_role_name(br_claim_role role); /* "amount" … or NULL */
BR_API const char *br_claim_base_name(br_claim_base base);  /* "last_year" … or NULL */

/* The row identities of `kind` (types.h; the catalog is data:
 * libcore/src/identities.def); *n receives their count (0 if none). */
BR_API const br_identity *br_identities_of(br_kind kind, size_t *n);

/* ---- disclosure ---- */

/* New empty disclosure for `path` (copied; NULL allowed).  NULL on OOM. */
BR_API br_disclosure *br_disclosure_new(const char *path);
BR_API void br_disclosure_free(br_disclosure *doc);
/* The arena the disclosure owns (readers allocate scratch from it). */
BR_API br_arena *br_disclosure_arena(br_disclosure *doc);

BR_API const char *br_disclosure_path(const br_disclosure *doc);
BR_API const char *br_disclosure_department(const br_disclosure *doc);
BR_API const char *br_disclosure_department_code(const br_disclosure *doc);
BR_API int br_disclosure_year(const br_disclosure *doc); /* 0 if unknown */
BR_API br_unit br_disclosure_unit(const br_disclosure *doc);
/* Name of the reader plugin that read it, or NULL. */
BR_API const char *br_disclosure_reader(const br_disclosure *doc);

/* Setters copy strings; return BR_OK or BR_ERR_NOMEM / BR_ERR_ARG. */
BR_API int br_disclosure_set_department(br_disclosure *doc, const char *name, const char *code);
BR_API int br_disclosure_set_year(br_disclosure *doc, int year);
BR_API int br_disclosure_set_unit(br_disclosure *doc, br_unit unit);
BR_API int br_disclosure_set_reader(br_disclosure *doc, const char *reader);

BR_API size_t br_disclosure_table_count(const br_disclosure *doc);
BR_API br_table *br_disclosure_table_at(const br_disclosure *doc, size_t i);
/* The first table of `kind`, or NULL. */
BR_API br_table *br_disclosure_find_table(const br_disclosure *doc, br_kind kind);

/* Append a table; `title` is copied; `line` is the 1-based title line. */
BR_API br_table *br_disclosure_add_table(br_disclosure *doc, br_kind kind, const char *title,
                                         br_unit unit, long line);

BR_API br_narrative *br_disclosure_narrative(br_disclosure *doc);

/*
 * Notes: what a reader reports about the input (an assignment by arithmetic,
 * an artefact dropped).  They are reported as findings of the reader.
 */
typedef struct br_note {
    br_severity severity;
    const char *table; /* kind name or NULL */
    const char *row;
    const char *column;
    long line;
    const char *message;
} br_note;
BR_API int br_disclosure_add_note(br_disclosure *doc, br_severity sev, const char *table,
                                  const char *row, const char *column, long line,
                                  const char *message);
BR_API size_t br_disclosure_note_count(const br_disclosure *doc);
BR_API const br_note *br_disclosure_note_at(const br_disclosure *doc, size_t i);
/* The part (file) note i was read from (see "parts" below). */
BR_API size_t br_disclosure_note_part(const br_disclosure *doc, size_t i);

/*
 * Phase: a budget (预算) or final accounts (决算).  Decided from the table
 * titles as read, else the document's heading (libcore/src/phases.def);
 * readers may set it.
 */
typedef enum br_phase {
    BR_PHASE_UNKNOWN = 0,
    BR_PHASE_BUDGET, /* 预算 */
    BR_PHASE_FINAL   /* 决算 */
} br_phase;
BR_API const char *br_phase_name(br_phase phase); /* "budget", "final", or NULL */
BR_API br_phase br_disclosure_phase(const br_disclosure *doc);
BR_API int br_disclosure_set_phase(br_disclosure *doc, br_phase phase);
/* Decide the phase from the titles and heading read so far (what br_registry_read
 * does after the reader when the reader left it unknown). */
BR_API br_phase br_disclosure_detect_phase(const br_disclosure *doc);

/* The encoding the input was converted from ("GB18030"), or NULL for UTF-8. */
BR_API const char *br_disclosure_encoding(const br_disclosure *doc);
BR_API int br_disclosure_set_encoding(br_disclosure *doc, const char *encoding);

/*
 * Pages.  A reader records where each page starts (the 1-based line of its
 * first line) while it reads, in ascending line order; a later call for the
 * same line replaces the page (an empty page).  A line's page is the page
 * of the last start at or before it; 0 when the document recorded no pages
 * (plain text without form feeds) or the line comes before the first.
 */
BR_API int br_disclosure_set_page(br_disclosure *doc, long line, int page);
BR_API int br_disclosure_page_of(const br_disclosure *doc, size_t part, long line);

/*
 * Parts.  A disclosure read from one file has one part: that file.  A
 * narrative and its tables published as two files are read one by one and
 * joined into one disclosure (br_disclosure_join): its parts are the files in
 * the order joined, and every table, row, claim and note keeps the part it
 * came from, its line numbers being that file's.
 */
BR_API size_t br_disclosure_part_count(const br_disclosure *doc); /* 1, more when joined */
BR_API const char *br_disclosure_part_path(const br_disclosure *doc, size_t part);
/* The reader that read the part, or NULL. */
BR_API const char *br_disclosure_part_reader(const br_disclosure *doc, size_t part);
/* The path of `part` when the disclosure is joined (more than one part), else NULL:
 * what findings and the dump print as "file". */
BR_API const char *br_disclosure_part_file(const br_disclosure *doc, size_t part);
/*
 * Move everything `part` holds (tables, claims, notes, parts with their
 * pages) to the end of `doc`, which takes over its memory: `part` is
 * consumed (never free it) on success, and left untouched on error.
 * Metadata left blank in `doc` is taken from `part`; the narrative text is
 * that of the part stating more claims; the phase is decided again.
 */
BR_API int br_disclosure_join(br_disclosure *doc, br_disclosure *part);

/* ---- table ---- */

BR_API br_kind br_table_kind(const br_table *t);
BR_API const char *br_table_title(const br_table *t);
BR_API br_unit br_table_unit(const br_table *t);
BR_API long br_table_line(const br_table *t);
BR_API br_disclosure *br_table_disclosure(const br_table *t);
BR_API size_t br_table_part(const br_table *t); /* the part (file) it was read from */

/*
 * Columns are fixed before the first row is added (BR_ERR_ARG afterwards).
 * Column i holds role roles[i].
 */
BR_API int br_table_set_columns(br_table *t, const br_role *roles, size_t n);
BR_API size_t br_table_column_count(const br_table *t);
BR_API br_role br_table_column_role(const br_table *t, size_t col);
/* Index of the column with `role`, or -1. */
BR_API int br_table_find_column(const br_table *t, br_role role);

BR_API size_t br_table_row_count(const br_table *t);
BR_API br_row *br_table_row_at(const br_table *t, size_t i);
/* The first row with this code (exact match), or NULL. */
BR_API br_row *br_table_find_row(const br_table *t, const char *code);
/* The first row with this label (exact match), or NULL. */
BR_API br_row *br_table_find_label(const br_table *t, const char *label);

/* Append a row; `code` may be NULL; strings are copied.  NULL on OOM. */
BR_API br_row *br_table_add_row(br_table *t, const char *code, const char *label, br_side side,
                                long line);

/* Key/value attributes (performance tables: 项目名称, 资金总额, …), in order. */
BR_API int br_table_set_attr(br_table *t, const char *key, const char *value);
BR_API const char *br_table_attr(const br_table *t, const char *key);
BR_API size_t br_table_attr_count(const br_table *t);
BR_API const char *br_table_attr_key(const br_table *t, size_t i);
BR_API const char *br_table_attr_value(const br_table *t, size_t i);

/* performance_project: the project this table declares. */
BR_API int br_table_set_project(br_table *t, const char *code, const char *name,
                                const br_decimal *amount /* NULL if not printed */);
BR_API const char *br_table_project_code(const br_table *t);
BR_API const char *br_table_project_name(const br_table *t);
/* 1 and *amount set when the amount was printed, else 0. */
BR_API int br_table_project_amount(const br_table *t, br_decimal *amount);

/* ---- row ---- */

BR_API const char *br_row_code(const br_row *r);  /* NULL when none */
BR_API const char *br_row_label(const br_row *r);
/* The key SPEC §5 uses for a row: its code when it has one, else its label. */
BR_API const char *br_row_key(const br_row *r);
BR_API br_side br_row_side(const br_row *r);
BR_API long br_row_line(const br_row *r);
BR_API br_table *br_row_table(const br_row *r);
BR_API size_t br_row_part(const br_row *r); /* its table's part */

/* Cell at column `col` (never NULL for a valid row and column; check flags). */
BR_API const br_cell *br_row_cell(const br_row *r, size_t col);
/* The cell of the column with `role`, or NULL when the table has no such column. */
BR_API const br_cell *br_row_cell_by_role(const br_row *r, br_role role);
BR_API int br_row_set_value(br_row *r, size_t col, br_decimal value, unsigned extra_flags);
/* A text cell; when the text is a plain figure its value is parsed too. */
BR_API int br_row_set_text(br_row *r, size_t col, const char *text, size_t len);
/* Make a cell absent again. */
BR_API int br_row_clear(br_row *r, size_t col);

/* ---- reading confidence (br_uncertainty, types.h) ---- */

/* Mark column `col` of `t` (col < 0: the whole table) uncertain; strings are
 * copied.  The first mark of a column or table stays. */
BR_API int br_table_set_uncertain(br_table *t, long col, const char *kind, const char *why);
/* col < 0: the table's own mark; else the column's, else the table's; NULL
 * when the reading is certain. */
BR_API const br_uncertainty *br_table_uncertain(const br_table *t, long col);
/* Mark a row uncertain (e.g. a label fragment read as a row). */
BR_API int br_row_set_uncertain(br_row *r, const char *kind, const char *why);
BR_API const br_uncertainty *br_row_uncertain(const br_row *r);
/* Why the figure at (r, col) cannot be trusted — its cell's BR_CELL_UNCERTAIN
 * flag, its row, its column or its table — or NULL when it can. */
BR_API const br_uncertainty *br_cell_uncertain(const br_row *r, size_t col);

/* ---- narrative ---- */

BR_API size_t br_narrative_claim_count(const br_narrative *n);
BR_API const br_claim *br_narrative_claim_at(const br_narrative *n, size_t i);
/* Append a claim; strings in *claim are copied. */
BR_API int br_narrative_add_claim(br_narrative *n, const br_claim *claim);
/* The part (file) claim i was read from. */
BR_API size_t br_narrative_claim_part(const br_narrative *n, size_t i);
/* The index of `claim` among the narrative's claims, or -1 when it is not one of them. */
BR_API long br_narrative_claim_index(const br_narrative *n, const br_claim *claim);
/* How claim i stands in its sentence (br_claim_form, ABI 1.3); strings are
 * copied.  A claim never given one reads as {0, BR_CLAIM_UNKNOWN, -1, …}. */
BR_API int br_narrative_set_claim_form(br_narrative *n, size_t i, const br_claim_form *form);
BR_API br_claim_form br_narrative_claim_form(const br_narrative *n, size_t i);
/* 1 when two disclosures read from separate files may be one (their years,
 * when both say one, are equal; their departments, when both name one, are
 * one name or its shortening); else 0, with why in why[0..cap). */
BR_API int br_disclosure_parts_agree(const br_disclosure *doc, const br_disclosure *part,
                                     char *why, size_t cap);
/* The part the narrative text was read from. */
BR_API size_t br_narrative_text_part(const br_narrative *n);
/* The narrative's text lines (normalised) and the line number of the first. */
BR_API int br_narrative_set_text(br_narrative *n, const char *text, size_t len, long first_line);
BR_API const char *br_narrative_text(const br_narrative *n, long *first_line);
BR_API br_disclosure *br_narrative_disclosure(const br_narrative *n);

#ifdef __cplusplus
}
#endif
#endif
