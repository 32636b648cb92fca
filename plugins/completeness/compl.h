/*
 * compl.h — shared by the completeness checks: the standard tables and
 * subjects of standard.def, and a scanner of the narrative for statements
 * that a table is empty and for references to tables.
 */
#ifndef COMPL_H
#define COMPL_H

#include <stddef.h>

#include <budgetrec/plugin.h>

extern const br_host *cp_host;

enum { CP_EMPTY = 1u << 0, CP_REF = 1u << 1, CP_FIGURE = 1u << 2 };
typedef enum cp_when {
    CP_ALWAYS,
    CP_WITH_PROJECTS,
    CP_WITH_FISCAL_DETAIL /* layouts with the 财政拨款 detail tables (Jiangsu's 12) */
} cp_when;

typedef struct cp_table_def {
    br_kind kind;
    const char *name;
    int since;
    cp_when when;
} cp_table_def;

typedef struct cp_subject {
    br_kind kind, also;
    br_role role;
    const char *word;
    unsigned flags;
} cp_subject;

extern const cp_table_def cp_tables[];
extern const size_t cp_n_tables;
extern const cp_subject cp_subjects[];
extern const size_t cp_n_subjects;

/* What a narrative statement is. */
typedef enum cp_stmt_type { CP_STMT_EMPTY, CP_STMT_REF } cp_stmt_type;

#define CP_STMT_TEXT 256

typedef struct cp_statement {
    cp_stmt_type type;
    const cp_subject *subject; /* NULL for a table note without a subject */
    const br_table *table;     /* the table whose notes hold it, else NULL */
    long line;                 /* 0 when unknown */
    char text[CP_STMT_TEXT];   /* the sentence, line breaks removed, shortened */
} cp_statement;

typedef void (*cp_statement_fn)(const cp_statement *s, void *ctx);

/*
 * Every empty-statement and table reference of `doc`: in its narrative (one
 * pass, sentence by sentence) and in its tables' notes (attributes).
 * Statements dated to a year other than the document's are left out.
 */
void cp_scan(const br_disclosure *doc, cp_statement_fn fn, void *ctx);

/* 1 when `doc` has a table of `kind`. */
int cp_has_kind(const br_disclosure *doc, br_kind kind);
/* 1 when the document has at least one table (not a narrative-only part). */
int cp_has_tables(const br_disclosure *doc);
/* 1 when `s` contains a CP_AMBIGUOUS word. */
int cp_ambiguous(const char *s);

/* A non-zero figure of the document about `subj` (its tables of subj->kind,
 * its funding column elsewhere, income rows naming it); 0 when none. */
typedef struct cp_figure {
    const br_table *table;
    const br_row *row;
    size_t col;
    br_decimal value;
} cp_figure;
int cp_find_figure(const br_disclosure *doc, const cp_subject *subj, cp_figure *out);
/* The first non-zero budget-year figure of table t; 0 when none. */
int cp_table_figure(const br_table *t, cp_figure *out);
/* "gov_fund 合计 · total (line 212)" */
void cp_figure_where(const cp_figure *f, char *buf, size_t cap);

/* The checks. */
int cp_check_tables(const br_disclosure *doc, br_report *report);
int cp_check_references(const br_disclosure *doc, br_report *report);
int cp_check_empty_statements(const br_disclosure *doc, br_report *report);

#endif
