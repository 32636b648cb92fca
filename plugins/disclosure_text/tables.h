/*
 * tables.h — internals of the tables part of the disclosure-text reader.
 *
 *   lines.c        line splitting, fields, small text predicates
 *   catalog.c/.def what is recognised (titles, header words, keys): data
 *   header.c       spanning headers → column layout of a table
 *   tables.c       the pass over the lines: tables, pages, rows, cells
 *   tables_perf.c  performance tables (key/value lines, indicator rows)
 *   assign.c       rows that lost their empty cells: columns by arithmetic
 *
 * Nothing here allocates with malloc: scratch lives on the stack (bounded
 * arrays) or in the disclosure's arena (dt_host->doc_alloc).
 */
#ifndef DT_TABLES_H
#define DT_TABLES_H

#include <stdarg.h>
#include <stddef.h>

#include "reader.h"

/* ---- bounds (inputs beyond them are read partially, with a note) ---- */

#define DT_MAX_FIELDS 64  /* fields of one line that are looked at */
#define DT_MAX_HEADER 8   /* header lines of one table */
#define DT_MAX_COLUMNS 32 /* model columns of one table */
#define DT_COMP_MAX 160   /* bytes of one header component (spaces removed) */
#define DT_TITLE_MAX 512  /* bytes of a table title */

/* ---- lines and fields (lines.c) ---- */

/* A field of a tab-separated line: trimmed of spaces, not NUL-terminated. */
typedef struct dt_field {
    const char *s;
    size_t len;
} dt_field;

/*
 * Split s[0..len) at tabs into at most `cap` trimmed fields.  Returns the
 * number stored; *total (may be NULL) receives the number of fields the line
 * really has.
 */
size_t dt_fields(const char *s, size_t len, dt_field *out, size_t cap, size_t *total);

/* Trim ASCII spaces (and '\r') on both sides. */
void dt_trim(const char **s, size_t *len);

/*
 * Copy s[0..len) without spaces into buf (NUL-terminated, truncated at a
 * UTF-8 boundary to fit cap).  Returns the length written.
 */
size_t dt_squeeze(const char *s, size_t len, char *buf, size_t cap);

/* Copy s[0..len) into buf, NUL-terminated, truncated at a UTF-8 boundary. */
size_t dt_copy(const char *s, size_t len, char *buf, size_t cap);

/* 1 when s[0..len) is a figure ("1,058.00", "0.4"); *out gets it. */
int dt_figure(const char *s, size_t len, br_decimal *out);

/* 1 when s[0..len) holds two or more space-separated figures ("3.24 7"). */
int dt_figures_glued(const char *s, size_t len);

/* A four-digit year (1900–2099) followed by "年" in s[0..len), or 0. */
int dt_year_in(const char *s, size_t len);

/* Memory search: s[0..len) contains the NUL-terminated word. */
const char *dt_find(const char *s, size_t len, const char *word);
int dt_starts(const char *s, size_t len, const char *word);
int dt_ends(const char *s, size_t len, const char *word);

/*
 * A row label as printed, without its leading enumerator ("一、", "(一) ",
 * "(十四) "): the span is narrowed in place.
 */
void dt_strip_enumerator(const char **s, size_t *len);

/* ---- catalog (catalog.c, catalog.def) ---- */

/* Kind flags (catalog DT_KIND rows). */
enum {
    DT_TWO_SIDED = 1u << 0,   /* income | expenditure panels side by side */
    DT_PERFORMANCE = 1u << 1, /* key/value lines, then text indicator rows */
    DT_FIGURE_ROWS = 1u << 2, /* layout: every row one figure beside text cells */
};

/* What a column of a table holds. */
typedef enum dt_what {
    DT_COL_NONE = 0, /* no header text, or not recognised */
    DT_COL_MONEY,    /* a money role */
    DT_COL_TEXT,     /* a text role (performance indicators) */
    DT_COL_CODE,     /* subject code (科目编码) */
    DT_COL_DEPT,     /* department code (部门编码): not a subject code */
    DT_COL_SEQ,      /* sequence / project number: not a code */
    DT_COL_LABEL,    /* row label (科目名称, 项目名称, 项目) */
    DT_COL_IGNORE    /* printed but not part of the model (预算单位) */
} dt_what;

/* Attribute kinds of performance key/value lines. */
typedef enum dt_attr {
    DT_ATTR_NONE = 0, /* not a known key */
    DT_ATTR_PLAIN,    /* a key, kept as a table attribute */
    DT_ATTR_PROJECT,  /* "code-name" of the project */
    DT_ATTR_AMOUNT,   /* the project's amount */
    DT_ATTR_DEPT      /* "code-name" of the department in charge */
} dt_attr;

/* The kind a title names; BR_KIND_UNKNOWN for a table SPEC does not model;
 * -1 when s is not a table title. */
int dt_catalog_title(const char *s, size_t len);
unsigned dt_catalog_kind_flags(br_kind kind);
/* A title-shaped line: ends with "表" (optionally a parenthesised tail). */
int dt_title_shape(const char *s, size_t len);
/*
 * Classify one column from its header path: comp[0] is the top header
 * line's text, comp[depth-1] the lowest; spaces removed, NUL-terminated.
 * Returns the column kind and *role.
 */
dt_what dt_catalog_column(br_kind kind, const char *const *comp, size_t depth, br_role *role);
/* The previous-year twin of a role ("total" → "prev_total"), or NONE. */
br_role dt_catalog_prev_role(br_role role);
/* The side a header component names ("收入", "支出"), or NONE. */
br_side dt_catalog_side(const char *comp);
/* 1 when a (squeezed, enumerator-free) label marks a total row; 2 when it
 * is the grand total (合计, 总计) the hierarchy hangs from. */
int dt_catalog_total_label(const char *label, size_t len);
/* Performance attribute key. */
dt_attr dt_catalog_attr(br_kind kind, const char *key, size_t len);
/* A unit line ("单位:万元") → unit, else UNKNOWN. */
br_unit dt_catalog_unit_line(const char *s, size_t len);
/* 1 for a blank-cell placeholder ("-", "—", "/"). */
int dt_blank_mark(const char *s, size_t len);
/*
 * An annex marker line ("附件 1", "附件 12-1", "表 12-2").  Returns 1 and
 * sets *rest to the offset of any text after the marker (a title on the
 * same line), else 0.
 */
int dt_marker(const char *s, size_t len, size_t *rest);

/* ---- column layout (header.c) ---- */

typedef struct dt_colmap {
    unsigned char what; /* dt_what */
    unsigned char side; /* br_side (two-sided tables) */
    signed char col;    /* model column (MONEY / TEXT), else -1 */
    unsigned char role; /* br_role (MONEY / TEXT) */
} dt_colmap;

typedef struct dt_layout {
    size_t width;                  /* fields the header spans */
    dt_colmap map[DT_MAX_FIELDS];  /* by field index */
    br_role roles[DT_MAX_COLUMNS]; /* model columns */
    size_t ncols;
    int first_money;       /* field index of the first money column, or -1 */
    int leading_structure; /* all structural fields precede the money fields */
    size_t nmoney;         /* money fields */
} dt_layout;

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

/* A row that lost its empty cells: its figures wait for assign.c. */
typedef struct dt_short {
    struct dt_short *next;
    br_row *row;
    size_t index; /* of the row in its table */
    long line;
    size_t nvals;
    br_decimal *vals; /* arena */
} dt_short;

typedef struct dt_table_state {
    int open; /* a title was seen */
    br_kind kind;
    unsigned flags; /* DT_TWO_SIDED … */
    char title[DT_TITLE_MAX];
    long title_line;
    br_unit unit;
    int year;    /* year of the title, or 0 */
    br_table *t; /* created at the first header or row */
    int in_data; /* rows seen since the last title/header */
    int have_layout;
    const dt_line *hdr[DT_MAX_HEADER];
    size_t nhdr;
    dt_layout layout;
    size_t nrows;
    dt_short *shorts, **shorts_tail;
    /* performance tables */
    int perf_indicators; /* the indicator header was seen */
    char proj_code[64];
    char proj_name[DT_TITLE_MAX];
    int have_proj_name;
    br_decimal proj_amount;
    int have_proj_amount;
} dt_table_state;

typedef struct dt_reader {
    br_disclosure *doc;
    const char *path;
    int doc_year;      /* year of the document, or 0 */
    int unit_set;      /* doc_set_unit was called */
    br_unit doc_unit;  /* the unit every unit line so far states, while they agree */
    int dept_code_set; /* the department code was set from a table */
    size_t ntables;
    int failed; /* an allocation failed */
    int quiet;  /* dt_note drops notes (a solver run whose notes do not apply) */
    dt_table_state cur;
} dt_reader;

/* A reader note about the current table: row key, role (NONE: no column). */
void dt_note(dt_reader *rd, br_severity sev, const char *row, br_role role, long line,
             const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void dt_vnote(dt_reader *rd, br_severity sev, const char *row, br_role role, long line,
              const char *fmt, va_list ap);

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

/* ---- assignment by arithmetic (assign.c) ---- */

/* Place the figures of the table's short rows; adds INFO/WARNING notes. */
void dt_assign_table(dt_reader *rd);

#endif
