/*
 * brreader.h — internals of the reader engine shared by the reader plugins
 * (disclosure_text, layout): the `brreader` static library, linked into each
 * plugin.  One vocabulary and one set of helpers for all front ends.
 *
 *   lines.c        line splitting, fields, small text predicates
 *   catalog.c/.def what is recognised (titles, header words, keys): data
 *   assign.c       rows that lost their empty cells: columns by arithmetic
 *   notes.c        reader notes about the current table (dt_note)
 *   wrap.c         labels wrapped over lines: where their figures are
 *   narrative.c    the 情况说明: document title, claims (claims.def: data)
 *   pagenum.c      page numbers printed on a table row's line, after its figures
 *
 * Nothing here links libcore: everything goes through `dt_host`, the host
 * services table.  Every plugin that links the library defines dt_host and
 * sets it in its init; the library is built with hidden visibility and
 * linked into each plugin separately, so each plugin has its own copy.
 *
 * Nothing here allocates with malloc except the narrative reader's scratch
 * buffers: scratch lives on the stack (bounded arrays) or in the
 * disclosure's arena (dt_host->doc_alloc).
 */
#ifndef BR_READER_LIB_H
#define BR_READER_LIB_H

#include <stdarg.h>
#include <stddef.h>

#include <budgetrec/plugin.h>

/* Host services, set once by the plugin's init before anything runs. */
extern const br_host *dt_host;

/* ---- bounds (inputs beyond them are read partially, with a note) ---- */

#define DT_MAX_FIELDS 64  /* fields of one line that are looked at */
#define DT_MAX_HEADER 8   /* header lines of one table */
#define DT_MAX_COLUMNS 32 /* model columns of one table */
#define DT_COMP_MAX 160   /* bytes of one header component (spaces removed) */
#define DT_TITLE_MAX 512  /* bytes of a table title */

/* ---- lines (lines.c) ---- */

/* One line of the normalised text: not NUL-terminated, no '\n'. */
typedef struct dt_line {
    const char *s;
    size_t len;
    long no; /* 1-based line number in the input */
} dt_line;

typedef struct dt_lines {
    dt_line *v;
    size_t n;
} dt_lines;

/* Split text into lines (arena memory of doc).  Form feeds become blank lines. */
int dt_split_lines(br_disclosure *doc, const char *text, size_t len, dt_lines *out);

/*
 * Index of the first line that belongs to the tables part (the first
 * "附件 N" marker or recognised table title), or lines->n when there is none.
 */
size_t dt_tables_start(const dt_lines *lines);

/* ---- fields (lines.c) ---- */

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

/* A performance table's project "50015222T000000135300-name": the length of
 * its code, or 0 when it has none. */
size_t dt_project_code_len(const char *s, size_t len);

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
/* The same; [*from, *to) the bytes of the words that name the kind, in the
 * text with its spaces removed. */
int dt_catalog_title_span(const char *s, size_t len, size_t *from, size_t *to);
unsigned dt_catalog_kind_flags(br_kind kind);
/* A title-shaped line: ends with "表" (optionally a parenthesised tail). */
int dt_title_shape(const char *s, size_t len);
/*
 * Classify one column from its header path: comp[0] is the top header
 * line's text, comp[depth-1] the lowest; spaces removed, NUL-terminated.
 * Returns the column kind and *role.
 */
dt_what dt_catalog_column(br_kind kind, const char *const *comp, size_t depth, br_role *role);
/* The same, for the lowest component comp[depth-1] alone (the ones above
 * only for a row's `under`). */
dt_what dt_catalog_column_at(br_kind kind, const char *const *comp, size_t depth, br_role *role);
/* One header text alone, its words whole: a header cut at the page edge
 * ("科目名" for 科目名称) names nothing here. */
dt_what dt_catalog_column_whole(br_kind kind, const char *text, br_role *role);
/*
 * A relative year word ("上年", "本年") at the start of s[0..len): its length,
 * and *offset its year relative to the table's (-1, 0); else 0.
 */
size_t dt_catalog_year_word(const char *s, size_t len, int *offset);
/* A subject code printed over 类 | 款 | 项 with parts of the wrong length:
 * how many codes the hierarchy allows (coderepair.c), the first in out.
 * classes: the table's 3-digit codes; exists: whether a code is a row's. */
size_t dt_code_repair(const char *const *parts, size_t np, const char *const *classes,
                      size_t nclasses, const char *prev, const char *next,
                      int (*exists)(void *ctx, const char *code), void *ctx, char *out,
                      size_t cap);

/* A header word printed under each heading of a final-accounts table, naming
 * its figure's stage (DT_STAGE): 1 预算数 (the budget twin), 0 决算数 (the
 * heading's role), -1 none. */
int dt_catalog_stage(br_kind kind, const char *text);
/* The role of a heading's stage column: the role itself, or its budget twin
 * (DT_BUDGET; NONE when it has none). */
br_role dt_catalog_stage_role(br_role role, int budget);

/* A header component naming only a year's stage ("2021年预算数", "上年执行数",
 * "预算数": DT_PERIOD). */
int dt_catalog_period(const char *comp);
/* A column matched at component d as a year's total (*role TOTAL) whose
 * component there names only a year's stage, under a heading naming a
 * figure column ("合计" or "因公出国(境)费" over 上年预算数 | 本年预算数): the
 * heading's role (the year then decides prev_).  Otherwise *role is kept. */
void dt_catalog_period_heading(br_kind kind, const char *const *comp, size_t d, br_role *role);
/* The previous-year twin of a role ("total" → "prev_total"), or NONE. */
br_role dt_catalog_prev_role(br_role role);
/* The side a header component names ("收入", "支出"), or NONE. */
br_side dt_catalog_side(const char *comp);
/*
 * A table printed in panels side by side whose money columns name distinct
 * roles (基本支出: 人员经费 | 公用经费): the total of the kind's identity
 * (libcore identities.def) those roles are parts of — a panel row's figure
 * is then its part and, the other parts blank, its total.  BR_ROLE_NONE
 * when no identity has them all as parts.
 */
br_role dt_panel_total(br_kind kind, const br_role *roles, size_t n);
/* 1 when a (squeezed, enumerator-free) label marks a total row; 2 when it
 * is the grand total (合计, 总计) the hierarchy hangs from. */
int dt_catalog_total_label(const char *label, size_t len);
/* Performance attribute key. */
dt_attr dt_catalog_attr(br_kind kind, const char *key, size_t len);
/* A unit line ("单位:万元", "编制部门:XX 单位:元") → unit, else UNKNOWN. */
br_unit dt_catalog_unit_line(const char *s, size_t len);
/* Text that may precede a unit on its line ("编制部门:XX"): 1, else 0. */
int dt_catalog_unit_lead(const char *s, size_t len);
/* 1 for a blank-cell placeholder ("-", "—", "/"). */
int dt_blank_mark(const char *s, size_t len);
/*
 * An annex marker line ("附件 1", "附件 12-1", "表 12-2").  Returns 1 and
 * sets *rest to the offset of any text after the marker (a title on the
 * same line), else 0.
 */
int dt_marker(const char *s, size_t len, size_t *rest);

/* ---- the state of the table being read ---- */

/* The column layout of a table (built by the disclosure-text reader from
 * its header lines; by the layout engine from its columns, for assign.c). */
typedef struct dt_colmap {
    unsigned char what; /* dt_what */
    unsigned char side; /* br_side (two-sided tables) */
    signed char col;    /* model column (MONEY / TEXT), else -1 */
    unsigned char role; /* br_role (MONEY / TEXT) */
    unsigned char unread; /* dt_unread: why a column with header text is not read */
    unsigned char panel;  /* a table printed in panels side by side: its panel */
} dt_colmap;

/* Why a header column with text is not read (dt_colmap.unread). */
typedef enum dt_unread {
    DT_UNREAD_NO = 0,    /* read, or no header text */
    DT_UNREAD_UNKNOWN,   /* its words name no role */
    DT_UNREAD_DUPLICATE, /* it repeats a role another column has */
    DT_UNREAD_NO_TWIN    /* an earlier year's role this kind does not model */
} dt_unread;

typedef struct dt_layout {
    size_t width;                  /* fields the header spans */
    dt_colmap map[DT_MAX_FIELDS];  /* by field index */
    br_role roles[DT_MAX_COLUMNS]; /* model columns */
    size_t ncols;
    int first_money;       /* field index of the first money column, or -1 */
    int leading_structure; /* all structural fields precede the money fields */
    size_t nmoney;         /* money fields */
    /* a one-sided table printed in panels side by side, each the same
     * columns (code, label, money: 人员经费 | 公用经费, or one list run on in
     * a second copy): the fields of one panel, else 0 */
    size_t panel_width;
    /* …whose money columns are parts of one identity: its total's model
     * column (each panel row's figure is its total too), else -1 */
    int panel_total_col;
} dt_layout;

/* Where a row whose label wraps over lines prints its figures. */
enum { DT_WRAP_FIRST = 1u, DT_WRAP_MIDDLE = 2u, DT_WRAP_LAST = 4u };

/* ---- labels wrapped over lines (wrap.c) ----
 *
 * A table's lines as a sequence: seq[i] 'F' a row (figures or a code), 'f'
 * a lone piece of a label, '|' a break (blank line, page change, header
 * again).  w[i]: the width in characters of line i's text in the label's
 * cell; cl[i]: that text starts with a subject code.  `coded`: a piece of
 * the table starts with one (labels begin with their codes).
 */

/* Which conventions (DT_WRAP_*) the sequence fits; *pieces: it has any. */
unsigned dt_wrap_fits(const char *seq, size_t n, int *pieces);

/*
 * Middle convention: does the row at `row` (its piece above at `head`) take
 * the piece at `cand` below it, or is that piece the next row's first line?
 * A piece that starts with a code begins its label; so does the next row's
 * own line when it starts with one.  Every line of a label but its last is
 * as wide as its first: a row line narrower than its piece above ends the
 * label, a piece narrower than that is a label's last line.  In a coded
 * table a piece without a code is no label's first line.  Otherwise unsure
 * (*unsure set; read as this row's).
 */
int dt_wrap_middle_tail(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                        size_t row, size_t head, size_t cand, int coded, int *unsure);

/*
 * How badly convention `mode` wraps the labels: a cell's text breaks only
 * where its line is full, so every line of a wrapped label but the last is
 * as wide as the first, and the last no wider; a code printed on a line
 * begins its label.  One count per label that breaks this.  *ntails: rows
 * the middle convention gives a piece below.
 */
size_t dt_wrap_cost(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                    unsigned mode, int coded, size_t *ntails);

/*
 * The convention of a table among those that fit it (`ok`, dt_wrap_fits),
 * kept to those of the document's tables so far (*doc, 0: none seen; the
 * document is typeset one way) where they agree; *doc becomes the
 * conventions that tie for the table.  The one that wraps the labels most
 * like text wins, a tie the most constrained; *unsure when first and last
 * tie (or nothing fits): the rows then are marked label_fragment.
 * Returns the convention, 0 when none fits.
 */
unsigned dt_wrap_rank(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                      unsigned ok, int coded, unsigned *doc, int *unsure);

/* What a line of the sequence is under a convention (dt_wrap_assign). */
enum {
    DT_PIECE_HEAD = 1u,  /* a piece: the first lines of the next row's label */
    DT_PIECE_TAIL = 2u,  /* a piece: the last lines of the row above's label */
    DT_PIECE_UNSURE = 4u /* a row: which pieces are its own is not certain */
};

/*
 * Place the pieces under convention `mode` (dt_wrap_rank's): role[i] gets
 * DT_PIECE_HEAD or _TAIL for each piece it places (0: a piece no row
 * takes), DT_PIECE_UNSURE for each row whose label is unsure — beside a
 * piece the middle convention cannot place, or, `unsure` (first and last
 * tie), beside any piece.  The same walk as dt_wrap_cost.
 */
void dt_wrap_assign(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                    unsigned mode, int coded, int unsure, unsigned char *role);

/* A row that lost its empty cells: its figures wait for assign.c. */
typedef struct dt_short {
    struct dt_short *next;
    br_row *row;
    size_t index; /* of the row in its table */
    long line;
    size_t nvals;
    br_decimal *vals; /* arena */
    /* per figure: the money index its position fixes it in, or -1 (placed
     * by arithmetic); NULL when position fixes none */
    const signed char *pin;
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
    /* labels wrapped over lines (disclosure-text: tables.c) */
    int wrap_decided;
    unsigned wrap_mode;           /* where a wrapped row's figures are: DT_WRAP_* */
    int wrap_unsure;              /* more than one convention fits the table */
    int wrap_code_pieces;         /* a piece is a code's first digits */
    const dt_line *wrap_heads[4]; /* fragments waiting for the row below */
    size_t wrap_nheads;
    long wrap_taken;              /* fragment lines up to this line are taken */
    int wrap_coded;               /* a label piece starts with a subject code */
    int wrap_unsure_next;         /* the next row's label is unsure (middle) */
    long above_taken;             /* a label line whose figures were the line above */
    /* performance tables */
    int perf_indicators; /* the indicator header was seen */
    char proj_code[64];
    char proj_name[DT_TITLE_MAX];
    int have_proj_name;
    br_decimal proj_amount;
    int have_proj_amount;
    /* the title printed again since the table opened (same kind, no
     * marker: a continuation page — or the next project's page, which a
     * new 项目名称 then starts under that title and line) */
    long again_line; /* 0: none */
    char again_title[DT_TITLE_MAX];
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
    unsigned wrap_doc; /* wrap conventions every table so far fits (0: none seen) */
    struct dt_pageno *pagenos; /* page numbers and candidates, document order (pagenum.c) */
    size_t npagenos;
    dt_table_state cur;
} dt_reader;

/* ---- notes (notes.c) ---- */

/* A reader note about the current table: row key, role (NONE: no column). */
void dt_note(dt_reader *rd, br_severity sev, const char *row, br_role role, long line,
             const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void dt_vnote(dt_reader *rd, br_severity sev, const char *row, br_role role, long line,
              const char *fmt, va_list ap);

/*
 * Fail closed (ABI 1.2): mark what holds figures the reader did not
 * understand — column `col` of the current table (col < 0: the whole table),
 * or a row — uncertain, with a coverage `kind` ("unknown_header",
 * "duplicate_role", "extra_figures", "guessed_figure", "label_fragment") and
 * a reason for the user.  Identities through it are then "not checked".
 */
void dt_mark_table(dt_reader *rd, long col, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void dt_mark_row(dt_reader *rd, br_row *row, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- assignment by arithmetic (assign.c) ---- */

/* Place the figures of the table's short rows; adds INFO/WARNING notes. */
void dt_assign_table(dt_reader *rd);

/* ---- the narrative (narrative.c) ---- */

/*
 * Read the narrative in lines [first, end): the department name and year
 * from the document title, and the claims.  Returns BR_OK or a negative
 * status with err filled.
 */
int dt_read_narrative(br_disclosure *doc, const dt_lines *lines, size_t first, size_t end,
                      const char *path, br_error *err);

/* A page footer or page number ("— 5 —", "- 1 -", "第 3 页", "12"); *bare
 * (may be NULL) is set when it is digits alone, which a table's figure or
 * code can also be. */
int dt_page_footer(const char *s, size_t n, int *bare);

/* ---- page numbers on table lines (pagenum.c) ---- */

/* The value of a page footer or page number form s[0..n) ("— 8 —", "-8-",
 * "第 8 页", "8": 1 to 4 digits, no separators), or -1. */
int dt_page_number(const char *s, size_t n);

/* A figure and, one space after it, a page number form ("2.04 3",
 * "11.93 — 8 —"): the length of the figure's text (leading spaces
 * included), *value the page number; 0 when s[0..n) is not that. */
size_t dt_page_number_glued(const char *s, size_t n, int *value);

/* Most pages between two page numbers a front end cannot count the pages
 * between (tab text has no page breaks). */
#define DT_PAGE_GAP 4
/* Most candidates looked past for the page number before or after one. */
#define DT_PAGE_LOOK 4

/* A page number a front end knows (a footer line) or suspects (a page-number
 * form after the figures of a page's last line), in document order. */
typedef struct dt_pageno {
    long line;  /* the line it is printed on */
    int page;   /* the page's index in the document (1-based), 0 when not known */
    int value;  /* the number printed */
    int footer; /* 1: a footer line, a page number for sure; 0: a candidate */
    int ok;     /* set by dt_pagenos_settle: a page number */
    int at;     /* the front end's: where on its line (a field, a span) */
    int glued;  /* the front end's: 1 when printed one space after a figure */
} dt_pageno;

/* Settle the candidates of v[0..n) (document order): a candidate is a page
 * number when it follows a page number before it, or one after it follows
 * it — by its page's index where both are known, else within DT_PAGE_GAP —
 * looking no further than the nearest footer and DT_PAGE_LOOK entries.
 * Footers stay page numbers. */
void dt_pagenos_settle(dt_pageno *v, size_t n);

/* The settled candidate on `line` that is a page number, or NULL. */
const dt_pageno *dt_pagenos_at(const dt_pageno *v, size_t n, long line);

/* Length in bytes of the UTF-8 character at s[i], clamped to n. */
size_t dt_char_at(const char *s, size_t n, size_t i);

#endif
