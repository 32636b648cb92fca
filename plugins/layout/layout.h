/*
 * layout.h — the table engine behind the `layout-text` and `pdf` readers.
 *
 * Both readers turn their input into pages of positioned text lines; the
 * engine rebuilds the narrative and the tables from the geometry (column
 * boundaries from the x-extents of header cells and aligned figures, rows
 * from lines, wrapped labels and spanning headers joined, blank cells kept
 * blank), driven by the same data catalog as the disclosure-text reader.
 *
 *   layout-text: `pdftotext -layout` output; a span is a run of characters
 *                separated from the next by two or more spaces; x is in
 *                display columns (a CJK character is 2 columns wide).
 *   pdf:         poppler-glib; a span is a run of glyphs on one baseline with
 *                no gap wider than about one character; x is in points.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <budgetrec/plugin.h>

/* Host services, set by the plugin's init. */
extern const br_host *lt_host;

/* A run of text on one line with its horizontal extent. */
typedef struct lt_span {
    const char *text; /* UTF-8, NUL-terminated, owned by the disclosure arena */
    int x0, x1;       /* left and right edge, in the line's x unit (x0 < x1) */
} lt_span;

/* One printed line of a page. */
typedef struct lt_line {
    long no;   /* 1-based line number in the input text (pdf: in its text rendering) */
    int page;  /* 1-based page number */
    int y;     /* baseline, increasing down the page (layout-text: the line index) */
    lt_span *spans;
    size_t nspans;
} lt_line;

typedef struct lt_doc {
    lt_line *lines;
    size_t nlines;
    int npages;
    int char_width; /* x units per display column: 1 for layout-text, ~points for pdf */
    int narrow;     /* a text that counts one column per character (pdftotext
                     * -layout): its columns' figures end within NARROW_DRIFT
                     * of each other, not exactly (textcols.c) */
} lt_doc;

/* How far apart the right edges of one column's figures may lie in a text
 * that counts one column per character: pdftotext places a figure by its
 * left edge, interpolated between other lines' fragments, so a short figure
 * may end a column or two short of a long one. */
#define NARROW_DRIFT 2

/*
 * Read narrative and tables from positioned lines into `doc` (claims, tables,
 * notes).  Returns BR_OK, BR_ERR_UNSUPPORTED when no table is recognised
 * (err names the file), or another negative status.
 */
int lt_read(const lt_doc *in, br_disclosure *doc, const char *path, br_error *err);

/*
 * One reading of a document, kept for comparing it with another reading of
 * the same pages (compare.c): the tables as the engine buffered them before
 * they went to the model.  A shadow reading builds nothing in the model (no
 * table, narrative, note, page, unit, year or department): it only keeps
 * its tables.  Arena memory of the disclosure.
 */
typedef struct lt_reading lt_reading;
lt_reading *lt_reading_new(br_disclosure *doc, int shadow);

/* lt_read, keeping the tables it reads in `rd` (NULL: lt_read). */
int lt_read_reading(const lt_doc *in, br_disclosure *doc, const char *path, lt_reading *rd,
                    br_error *err);

/*
 * Where two readings of one document (the model's and a shadow) disagree on
 * a table's figures — a row of both, in tables of the same column roles,
 * whose printed digits the readings cut into other figures (compare.c) —
 * mark the model's table uncertain (`readers_disagree`) with one warning
 * note: neither reading is trusted to accuse the publication.  Other
 * differences (tables, columns, rows, placement) are only counted
 * (BR_LAYOUT_DEBUG=compare).  `mname` and
 * `sname` name the readings in it ("its glyph reading", "the PDF's text
 * reading").  Returns BR_OK or BR_ERR_NOMEM.
 */
int lt_readings_compare(br_disclosure *doc, const lt_reading *model, const lt_reading *shadow,
                        const char *mname, const char *sname);

/* layout_text.c: space-aligned text (`pdftotext -layout`, a form feed
 * before each page's first line) → positioned lines, in the arena. */
int lt_text_lines(br_disclosure *doc, const char *text, size_t len, lt_doc *out);

/* 1 when a space-aligned text counts one column per character (pdftotext
 * -layout), 0 when wide characters count two (textcols.c); longest is the
 * longest line in bytes. */
int lt_text_narrow(br_disclosure *doc, const char *text, size_t len, size_t longest);

/* Display width of a code point as pdftotext -layout prints it: 2 for
 * East-Asian wide characters, else 1. */
int lt_cp_width(unsigned cp);

/* A money-shaped token: digits with a ',' or '.' ("156,211,123", "9.5");
 * both front ends split runs of text at them. */
int lt_money_token(const char *s, size_t len);

/* pdf.c: the `pdf` reader (poppler-glib front end). */
int lt_pdf_sniff(const br_source *src);
int lt_pdf_read(const br_source *src, br_disclosure *doc, br_error *err);

#endif
