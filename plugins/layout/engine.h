/*
 * engine.h — internals of the layout table engine (layout.h).
 *
 *   engine.c   the pass over the lines: titles, tables of contents, unit
 *              lines, header/data phases, page continuation, notes, narrative
 *   columns.c  header spans → leaf columns (x-extents, header path, role)
 *   rows.c     one data line → codes, label, figures assigned to columns
 *   emit.c     buffered rows → the model (br_table, rows, cells)
 *   spans.c    small predicates on span text (figures, codes, notes)
 *
 * The engine only looks at lt_doc geometry (lt_line / lt_span), never at
 * the raw text, so the layout-text and pdf front ends share it.  Vocabulary
 * comes from the disclosure-text catalog (../disclosure_text/catalog.def),
 * compiled in through dt_catalog.c.  No malloc: bounded stack arrays and the
 * disclosure's arena.
 */
#ifndef LT_ENGINE_H
#define LT_ENGINE_H

#include "../disclosure_text/tables.h"
#include "layout.h"

#define LT_MAX_HDR_LINES 8
#define LT_MAX_HDR_SPANS 96
#define LT_MAX_COLS 32
#define LT_MAX_ROW_SPANS 64
#define LT_LABEL_MAX 384
#define LT_CODE_MAX 16

/* A leaf column of a table, from the header. */
typedef struct lt_col {
    int x0, x1;
    int li; /* header line of the leaf cell */
    dt_what what;
    br_role role;
    br_side side;
    int model; /* model column index, or -1 (not modelled) */
    char name[DT_COMP_MAX]; /* header path, squeezed, joined by '/' */
} lt_col;

typedef struct lt_layout {
    lt_col cols[LT_MAX_COLS];
    size_t ncols;
    br_role roles[LT_MAX_COLS]; /* model columns */
    size_t nroles;
    int two_sided;
    int split_x;     /* two-sided: x where the expenditure panel starts */
    int label_x0, label_x1; /* zone of row labels (one-sided) */
    int has_code;    /* a code column exists */
    int has_label;   /* a label column exists */
} lt_layout;

/* A row read from one line (or a side of it), before it goes to the model. */
typedef struct lt_prow {
    struct lt_prow *next;
    long line;
    br_side side;
    char code[LT_CODE_MAX];
    char *label; /* arena, LT_LABEL_MAX bytes */
    size_t nvals;
    unsigned char have[LT_MAX_COLS]; /* by model column */
    br_decimal vals[LT_MAX_COLS];
    /* figures in printed order when fewer than the columns: placed by
     * position above, then by the code hierarchy at emit (dt_assign_table) */
    size_t nshort;
    br_decimal svals[LT_MAX_COLS];
} lt_prow;

typedef struct lt_table {
    int open;
    br_kind kind;
    char title[DT_TITLE_MAX];
    long title_line;
    int year;
    br_unit unit;
    int have_layout;
    lt_layout L;
    const lt_line *hdr[LT_MAX_HDR_LINES];
    size_t nhdr;
    int in_data;
    const lt_line *pre; /* a wrapped label's first line, directly above its code line */
    lt_prow *rows, **tail, *last;
    size_t nrows;
    char note[DT_TITLE_MAX]; /* an empty-table note */
    long note_line;
} lt_table;

typedef struct lt_engine {
    br_disclosure *doc;
    const lt_doc *in;
    const char *path;
    int doc_year;
    int unit_set;
    size_t ntables;
    int failed;
    lt_table cur;
    unsigned char *narr; /* per input line: 1 = narrative */
} lt_engine;

/* ---- spans.c ---- */
/* Span text as squeezed ASCII-space-free copy. */
size_t lt_squeeze(const char *s, char *buf, size_t cap);
/* 1 when the span is a money figure (*out set), 2 for a blank mark ("-"). */
int lt_figure(const char *s, br_decimal *out);
/* 1 when the span is all ASCII digits, length in [1, 7]. */
int lt_digits(const char *s);
/* A table-of-contents line: dot leaders ("……", "....") or a page number after a title. */
int lt_toc_line(const lt_line *ln);
/* A line that reads as prose: long, or with sentence punctuation. */
int lt_prose(const char *s);
/* "注:" / "说明:" note line. */
int lt_note_line(const char *s);
/* A note that declares the table empty (空表, 无数据, 没有…). */
int lt_empty_note(const char *s);
/* Strip "一、", "(一)", "1.", "1、" enumerators; returns the rest. */
const char *lt_strip_enum(const char *s, size_t *len);

/* ---- columns.c ---- */
/* Build the layout of the current table from its header lines. */
void lt_layout_build(lt_engine *e, lt_table *t);

/* ---- rows.c ---- */
/* Read a data line of the current table into buffered rows. */
void lt_row_line(lt_engine *e, lt_table *t, const lt_line *ln);
/* A text-only line continuing the previous row's label: 1 if joined. */
int lt_row_continue(lt_engine *e, lt_table *t, const lt_line *ln);

/* ---- emit.c ---- */
/* Write the current table to the model and close it. */
void lt_table_emit(lt_engine *e, lt_table *t);

/* A note of the reader about table t. */
void lt_note(lt_engine *e, const lt_table *t, br_severity sev, const char *row, long line,
             const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
