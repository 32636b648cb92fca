/*
 * engine.h — internals of the layout table engine (layout.h).
 *
 *   engine.c   the pass over the lines: titles, tables of contents, unit
 *              lines, header/data phases, page continuation, notes, narrative
 *   columns.c  header spans → leaf columns (x-extents, header path, role)
 *   rows.c     one data line → codes, label, figures assigned to columns
 *   align.c    short rows placed by where their page's columns' figures end
 *   emit.c     buffered rows → the model (br_table, rows, cells)
 *   compare.c  two readings of one document (lt_reading) compared table by
 *              table; the model's tables they disagree on marked uncertain
 *   spans.c    small predicates on span text (figures, codes, notes)
 *   titles.c   table titles, long or wrapped before their last 表
 *   panels.c   two-sided tables with a third panel (支出用途): cut by position
 *   vlist.c    vertical lists (收入预算总表): group and row label zones
 *   bands.c    lists of one figure per row beside wrapped text cells (采购)
 *   template.c header cells geometry cannot sort: catalog column orders
 *              (三公/会议费/培训费), letter-spaced names, role changes
 *   repeat.c   one list printed in two copies of the columns side by side
 *   (预算数 | 决算数 under each heading of a final-accounts table: the
 *   stage words and budget twins in libreader, dt_catalog_stage)
 *   perf.c     project performance tables (key/value lines, indicators)
 *   pageno.c   page numbers printed after a page's last row, taken off it
 *   indent.c   the indentation of narrative lines (for dt_read_narrative)
 *
 * The engine only looks at lt_doc geometry (lt_line / lt_span), never at
 * the raw text, so the layout-text and pdf front ends share it.  Vocabulary
 * comes from the catalog of the shared reader library (libreader/catalog.def),
 * which the plugin links (brreader) with the solver (assign.c), notes and
 * narrative reader it shares with the disclosure-text reader.  No malloc:
 * bounded stack arrays and the disclosure's arena.
 */
#ifndef LT_ENGINE_H
#define LT_ENGINE_H

#include "brreader.h"
#include "layout.h"

#define LT_MAX_HDR_LINES 8
#define LT_MAX_HDR_SPANS 96
#define LT_MAX_COLS 32
#define LT_MAX_ROW_SPANS 64
#define LT_LABEL_MAX 384
#define LT_CODE_MAX 16
#define LT_MAX_PANELS 4

/* A project performance table's state (perf.c). */
typedef struct lt_perf lt_perf;

/* A leaf column of a table, from the header. */
typedef struct lt_col {
    int x0, x1;
    int px1; /* where its header cell ends as printed (columns.c: printed_extents) */
    int li; /* header line of the leaf cell */
    dt_what what;
    br_role role;
    br_side side;
    int model; /* model column index, or -1 (not modelled) */
    int rpanel; /* a list printed in panels side by side (repeat.c): its copy */
    /* a column not modelled though it may hold figures: why (fail closed:
     * the table is marked uncertain at emit when figures fell in it) */
    const char *unc_kind; /* "unknown_header", "duplicate_role", or NULL */
    int dup_of;           /* duplicate_role: the model column of its role */
    int nfig;             /* figures read into it */
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
    /* one-sided tables whose list runs on in a second copy of the columns
     * beside the first (repeat.c): 2; 0 otherwise */
    int nrepeat;
    /* …whose copies' figure columns are distinct parts of one identity
     * (人员经费 | 公用经费: panels): that identity's total and its model
     * column; BR_ROLE_NONE / -1 otherwise */
    br_role panel_total;
    int panel_total_model;
    int vlist;       /* a vertical list: one label column, one money column (vlist.c) */
    int bands;       /* rows of one figure beside text cells (bands.c) */
    int from_figures, figures_placed; /* columns of a catalog order (template.c) */
    /* two-sided tables with three panels (panels.c); npanels 0 otherwise */
    int npanels;
    int panel_x[LT_MAX_PANELS];       /* text starting at or right of it is in panel p */
    br_side panel_side[LT_MAX_PANELS];
} lt_layout;

/* The spans of one panel of a line. */
typedef struct lt_seg {
    const lt_span *sp[LT_MAX_ROW_SPANS];
    size_t n;
} lt_seg;

/* A row read from one line (or a side of it), before it goes to the model. */
typedef struct lt_prow {
    struct lt_prow *next;
    long line;
    const lt_line *src; /* the line it was read from */
    int label_x0;       /* where its label starts on that line, or -1 */
    br_side side;
    char code[LT_CODE_MAX];
    char damaged[LT_CODE_MAX]; /* code parts of the wrong length ("301|2"), for repair */
    int rpanel; /* the copy of the columns it was read from (repeat.c) */
    char *label; /* arena, LT_LABEL_MAX bytes */
    size_t nvals;
    unsigned char have[LT_MAX_COLS]; /* by model column */
    br_decimal vals[LT_MAX_COLS];
    /* figures in printed order when fewer than the columns: placed by
     * position above, then by the code hierarchy at emit (dt_assign_table) */
    size_t nshort;
    br_decimal svals[LT_MAX_COLS];
    /* figures of the row that were not read (more figures than columns):
     * the row is marked uncertain at emit */
    size_t nextra, ncols_seen;
    /* the figure spans of its line in print order (no more than the
     * columns): where they lie, to place a short row by the right edges
     * of the page's rows placed with certainty (align.c) */
    const lt_span *fig[LT_MAX_COLS];
    size_t nfig;
    signed char at[LT_MAX_COLS]; /* the value column of the panel each went to, or -1 */
    int certain; /* as many as the columns, or each clearly within one column's extent */
    /* per figure of a short row: the model column whose edge it ends at
     * (fixed for the code hierarchy), or -1; valid when npin > 0 */
    signed char pin[LT_MAX_COLS];
    size_t npin;
    unsigned char inferred[LT_MAX_COLS]; /* by model column: set by arithmetic */
    /* the row is uncertain (marked at emit): why, or NULL */
    const char *unc_kind, *unc_why;
    int label_unsure; /* which wrapped pieces its label has is not certain */
    long label_no; /* the line of its label, below its figures' line (0: that line) */
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
    const lt_line *meta; /* the unit / department line just read, else NULL */
    int centred; /* labels wrap round their code line (a `pre` was seen) */
    int pre_ends; /* …and the label ends on the code line (pdf geometry) */
    long pre_taken; /* the code line whose row took a `pre`: the next line ends that label */
    /* labels wrapped over lines (engine.c, with libreader's wrap.c): the
     * table's convention, decided at its first data line from its lines to
     * its end; e->wrap says what each of those lines is under it */
    int wrap_decided;
    unsigned wrap_mode;           /* DT_WRAP_*; 0: pieces are read line by line */
    const lt_line *wrap_heads[2]; /* pieces waiting for the row below */
    size_t wrap_nheads;
    long above_taken; /* a label line whose row's figures were printed a line above it */
    long stray_line;  /* the first line of figures read into no row (fail closed: emit.c) */
    int wraps;        /* a label piece continued a row above (lt_row_continue) */
    /* a code printed alone on its line, its label and figures on the next
     * (pdftotext breaks the right copy of a repeated table so), by rpanel */
    char pend_code[2][LT_CODE_MAX];
    long pend_line[2];
    lt_prow *rows, **tail, *last;
    size_t nrows;
    const lt_line **vlines; /* vertical list: its body lines, read at emit */
    size_t nvlines, capvlines;
    int noted; /* a note under a table of header only was read */
    lt_perf *perf; /* performance tables (perf.c) */
    char note[DT_TITLE_MAX]; /* an empty-table note */
    long note_line;
} lt_table;

/* A table as a reading buffered it (layout.h: lt_reading). */
typedef struct lt_reading_table {
    struct lt_reading_table *next;
    br_kind kind;
    const char *title;  /* arena */
    long title_line;
    br_table *bt;       /* the model's table; NULL in a shadow reading */
    br_role roles[LT_MAX_COLS];
    size_t nroles;
    const lt_prow *rows; /* in model order */
} lt_reading_table;

struct lt_reading {
    int shadow;
    lt_reading_table *tables, **tail;
    size_t ntables;
};

typedef struct lt_engine {
    br_disclosure *doc;
    const lt_doc *in;
    const char *path;
    int doc_year;
    int unit_set;   /* a table stated a unit: `unit` */
    int unit_mixed; /* …and another stated another */
    br_unit unit;
    size_t ntables;
    int failed;
    lt_table cur;
    unsigned char *narr; /* per input line: 1 = narrative */
    unsigned wrap_doc;   /* wrap conventions every table so far fits (0: none seen) */
    unsigned char *wrap; /* per input line: DT_PIECE_* under its table's convention */
    lt_reading *rd; /* keeps the tables read, or NULL; rd->shadow: builds no model */
    /* lines ending in what may be their page's number, out of sequence:
     * left as printed, their rows uncertain (pageno.c), in line order */
    long *doubt;
    size_t ndoubt;
    /* the table last emitted, and the line of text that ended it (0: a
     * title or the document's end did): rows after it are noticed */
    br_table *last_table;
    long ended_on_text;
} lt_engine;

/* ---- spans.c ---- */
/* Span text as squeezed ASCII-space-free copy. */
size_t lt_squeeze(const char *s, char *buf, size_t cap);
/* Append s[0..len) squeezed (spaces out) to `label` (LT_LABEL_MAX bytes),
 * truncating at a character boundary. */
void lt_label_append(char *label, const char *s, size_t len);
/* Σ |v[i] − median(v)| over n ≤ LT_MAX_COLS values: how far a set of
 * offsets strays from agreeing on one shift (0 when they all agree). */
long lt_median_spread(const long *v, size_t n);
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
/* A line that only states its table is empty, without 注: ("此表为空",
 * "(无政府性基金支出)"). */
int lt_empty_statement(const lt_line *ln);
/* Strip "一、", "(一)", "1.", "1、" enumerators; returns the rest. */
const char *lt_strip_enum(const char *s, size_t *len);

/* s is all Chinese numerals (一 … 十, 百, 零): "十二". */
int lt_cjk_numeral(const char *s);
/* Characters (UTF-8 code points) of s. */
size_t lt_chars(const char *s);
/* Columns of s[0..len): a character of 3 or more UTF-8 bytes (CJK) counts
 * `wide` — 2 in display columns (the width it was printed with), 1 where a
 * text counts one column per character (pdftotext). */
int lt_text_width(const char *s, size_t len, int wide);
/* How a span counts a CJK character: 1 when it is as wide as its characters
 * (a text that counts one column per character), else 2. */
int lt_span_wide(const lt_span *sp);
/* A line that reads as a sentence: sentence punctuation (。，;；). */
int lt_sentence(const char *s);

/* Text that begins with a subject code printed in the label's cell ("201 一般
 * 公", "208 05", "2080505机关事", "201 08 0"): a row starts there in a table
 * without a code column. */
int lt_code_led(const char *text);
/* A squeezed label that begins as lt_code_led text does, or a code's first
 * digits ("3020", "20108审计"): 3 to 7 digits, a known class first. */
int lt_code_head(const char *label);

/* ---- titles.c ---- */
/* The kind of the table whose title starts at line i, or -1; *title gets it
 * (arena), *nlines the lines it takes (2 or 3 when wrapped before its last
 * characters, a blank line between). */
int lt_title_at(lt_engine *e, size_t i, const char **title, size_t *nlines);

/* ---- columns.c ---- */
/* Build the layout of the current table from its header lines. */
void lt_layout_build(lt_engine *e, lt_table *t);
/* The table's header repeated on a new page (ln, one line naming every
 * figure column): its columns where this page prints them (columns.c). */
void lt_layout_repage(lt_engine *e, lt_table *t, const lt_line *ln);

/* ---- template.c ---- */
/* In a table whose column order the catalog knows (DT_ORDER), split a
 * header span holding two cells one space apart; returns 1 or 2 spans in
 * out (texts in buf when split). */
size_t lt_header_split(const lt_table *t, const lt_span *sp, lt_span *out,
                       char (*buf)[DT_COMP_MAX]);
/* A header line with a column name spaced out letter by letter ("金   额",
 * "合   计") joined into one span where the letters together name a column
 * and none does alone; the line itself when there is none. */
const lt_line *lt_header_letters(lt_engine *e, const lt_table *t, const lt_line *ln);
/* Apply the catalog's column order (DT_ORDER) and role changes (DT_RECAST). */
void lt_template_apply(lt_engine *e, lt_table *t);
/* Columns of a catalog order: placed by the figures of the first data line. */
void lt_template_columns(lt_engine *e, lt_table *t, const lt_line *ln);

/* ---- panels.c ---- */
/* Two-sided tables with three or more panels: sides (the panel by use) and
 * zones; leaves npanels 0 for two panels. */
void lt_panels_build(lt_engine *e, lt_table *t);
/* The header cell names the panel by use (支出用途): a title over cells. */
int lt_use_panel_title(const char *text);
/* Cut a line of such a table into its panels by position; returns npanels. */
size_t lt_panels_cut(const lt_table *t, const lt_line *ln, lt_seg *segs, size_t cap);
/* The side of panel p of a two-sided table. */
br_side lt_panel_side(const lt_table *t, size_t p);

/* ---- vlist.c ---- */
/* Set t->L.vlist when the header is one label column and one money column. */
void lt_vlist_detect(lt_table *t);
/* Keep a body line of a vertical list for lt_vlist_rows. */
void lt_vlist_line(lt_engine *e, lt_table *t, const lt_line *ln);
/* Turn the kept lines into buffered rows (groups, wrapped labels). */
void lt_vlist_rows(lt_engine *e, lt_table *t);

/* ---- repeat.c ---- */
/* One-sided tables printed as two copies of their columns side by side. */
void lt_repeat_build(lt_engine *e, lt_table *t);
/* Cut a line of such a table into its copies; returns the number of segments
 * (segs[p] holds copy p's spans). */
size_t lt_repeat_cut(const lt_table *t, const lt_line *ln, lt_seg *segs, size_t cap);
/* The copy a lone span belongs to (by the nearest column of its kind). */
int lt_repeat_of(const lt_table *t, const lt_span *s);

/* ---- perf.c ---- */
/* A line of a performance table (key/value lines, then indicators). */
void lt_perf_line(lt_engine *e, lt_table *t, const lt_line *ln);
/* Write a performance table to the model. */
void lt_perf_emit(lt_engine *e, lt_table *t);

/* ---- pageno.c ---- */
/* The document with the page numbers printed after the figures of a page's
 * last line taken off those lines (libreader pagenum.c: in sequence with
 * the other page numbers); `in` itself when there is none. */
const lt_doc *lt_page_numbers(lt_engine *e, const lt_doc *in);
/* 1 when line `no` ends in a number that may be its page's (e->doubt). */
int lt_page_number_doubt(const lt_engine *e, long no);

/* ---- bands.c ---- */
/* Set t->L.bands for a DT_FIGURE_ROWS kind with one money column and text columns. */
void lt_bands_detect(lt_table *t);
/* Turn the kept lines (lt_vlist_line) into rows: one per figure line. */
void lt_bands_rows(lt_engine *e, lt_table *t);

/* ---- rows.c ---- */
/* Read a data line of the current table into buffered rows. */
void lt_row_line(lt_engine *e, lt_table *t, const lt_line *ln);
/* A text-only line continuing the previous row's label: 1 if joined. */
int lt_row_continue(lt_engine *e, lt_table *t, const lt_line *ln);
/* The value columns of the row's panel, in print order (vc: LT_MAX_COLS). */
size_t lt_row_columns(const lt_table *t, const lt_prow *r, const lt_col **vc);
/* rows.c: a code alone on its line that no row took: noted, the table
 * uncertain (unread_figures) */
void lt_row_drop_pending(lt_engine *e, lt_table *t, int rp);
/* Place a short row's figures (r->fig) again, those with pin[i] ≥ 0 in
 * value column pin[i] of its panel, the others as lt_row_line does; 1 when
 * placed, 0 when the row is left as read (two panels, a column not
 * modelled, not short). */
int lt_row_place(lt_engine *e, lt_table *t, lt_prow *r, const int *pin);

/* ---- align.c ---- */
/* Short rows of the current table whose figures end where one column's
 * figures end in the rows of their page placed with certainty: placed
 * there, for good. */
void lt_align_rows(lt_engine *e, lt_table *t);
/* A table without a code column: a span of a code's digits in the label's
 * cell, not a figure. */
int lt_label_digits(const lt_table *t, const lt_span *s);
/* A span under a column the model leaves out (预算单位) and under no label
 * or money column. */
int lt_ignored_cell(const lt_table *t, const lt_span *s);

/* ---- indent.c ---- */
/*
 * The indentation of every line flagged in `narr`, in display columns as
 * layout text prints it, into indent[0 .. in->nlines) (0 for other lines):
 * its left edge minus its page's left margin, over the width of one column
 * measured on the narrative's own text.  Span text alone loses the indent
 * that tells a paragraph start from a wrapped line, and a centred heading
 * from prose.
 */
void lt_narrative_indents(const lt_doc *in, const unsigned char *narr, int *indent);

/* ---- emit.c ---- */
/* Write the current table to the model and close it. */
void lt_table_emit(lt_engine *e, lt_table *t);

/* A note of the reader about table t. */
void lt_note(lt_engine *e, const lt_table *t, br_severity sev, const char *row, long line,
             const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
