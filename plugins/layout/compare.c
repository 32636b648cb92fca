/*
 * compare.c — two readings of one document compared table by table
 * (layout.h: lt_readings_compare).
 *
 * The pdf reader reads a PDF's glyph positions into the model, and the same
 * glyph lines rendered as space-aligned text a second time, as a shadow
 * that builds nothing (pdf.c).  Tables are matched by kind and title, in
 * order; rows by key (code, else label) and side, in order; each modelled
 * cell by presence and value, as the engine buffered them (lt_prow) before
 * the code hierarchy placed short rows.
 *
 * The rendering is not pdftotext: it keeps the glyphs of a line in order
 * and the gaps between its words, but prints no blank line for a vertical
 * gap and maps x to a display column linearly, one column width per page.
 * So the text reading is trusted on one thing only: how a line's words cut
 * its digits into figures.  A table is marked when
 *
 *   a row present in both readings (same key and side), in tables with the
 *   same column roles, has cells that differ, its lines print the same
 *   digits in the same order, and the two readings cut them into other
 *   figures ("10.00 1,000,000.00" one word, no figure, to the glyph reader;
 *   two figures to the text reading) — the glued and split figures the
 *   issue is about, where the glyph reading's row identities would accuse
 *   the publication of its own misreading.
 *
 * Which reading misread is not known: the model's table is marked
 * uncertain (`readers_disagree`), its identities "not checked", and one
 * warning note names the first such cell.  Everything else the readings
 * may disagree on comes from the rendering, not the page, and is only
 * counted (BR_LAYOUT_DEBUG=compare prints each difference and the counts):
 *
 *   table      no table of its kind in the text reading
 *   columns    other column roles (stacked headers of an empty table)
 *   rows       a row one reading lacks, or another key at the same place
 *              (label lines grouped otherwise, a wrapped title)
 *   lines      a row of the same key read from lines printing other digits
 *              (the key matched a row of other lines)
 *   placement  the same printed figures put in other columns, on another
 *              side or in no column (the linear x → column mapping; on the
 *              real corpus pdftotext's own text places them as the glyph
 *              reading does)
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* Rows looked ahead to resynchronise after a row one reading lacks. */
#define RESYNC 8

/* What a difference is: the first marks the table, the others are counted. */
typedef enum diff_class {
    D_FIGURES,   /* the same printed digits cut into other figures: marks */
    D_TABLE,     /* no such table in the text reading */
    D_COLUMNS,   /* other column roles */
    D_ROWS,      /* a row missing, extra, or of another key */
    D_LINES,     /* a row of the same key read from lines of other digits */
    D_PLACEMENT, /* the same printed figures put elsewhere (or nowhere) */
    D_NCLASSES
} diff_class;

static const char *const class_name[D_NCLASSES] = {"figures", "table", "columns",
                                                   "rows",    "lines", "placement"};

static const char *key_of(const lt_prow *r)
{
    return r->code[0] ? r->code : r->label ? r->label : "";
}

static int same_key(const lt_prow *a, const lt_prow *b)
{
    return a->side == b->side && strcmp(key_of(a), key_of(b)) == 0;
}

/* The first model column where the rows' figures differ, or -1. */
static long cell_diff(const lt_prow *a, const lt_prow *b, size_t ncols)
{
    for (size_t c = 0; c < ncols; c++) {
        if (a->have[c] != b->have[c])
            return (long)c;
        if (a->have[c] && lt_host->decimal_cmp(a->vals[c], b->vals[c]) != 0)
            return (long)c;
    }
    return -1;
}

/* The next span of a line from *s that is a figure (its value in *d), or
 * NULL at the line's end. */
static const char *next_figure(const lt_line *ln, size_t *s, br_decimal *d)
{
    for (; *s < ln->nspans; (*s)++)
        if (lt_figure(ln->spans[*s].text, d) == 1)
            return ln->spans[(*s)++].text;
    return NULL;
}

/* The two lines print the same figures in the same order: the readings
 * cut the line's digits into figures alike. */
static int same_figures(const lt_line *a, const lt_line *b)
{
    size_t sa = 0, sb = 0;
    for (;;) {
        br_decimal x, y;
        const char *p = next_figure(a, &sa, &x), *q = next_figure(b, &sb, &y);
        if (!p || !q)
            return !p && !q;
        if (lt_host->decimal_cmp(x, y) != 0)
            return 0;
    }
}

/* The next ASCII digit of a line from (*s, *i), or 0 at its end. */
static char next_digit(const lt_line *ln, size_t *s, size_t *i)
{
    for (; *s < ln->nspans; (*s)++, *i = 0)
        for (const char *t = ln->spans[*s].text; t[*i]; (*i)++)
            if (t[*i] >= '0' && t[*i] <= '9')
                return t[(*i)++];
    return 0;
}

/* The two lines print the same digits in the same order. */
static int same_digits(const lt_line *a, const lt_line *b)
{
    size_t sa = 0, ia = 0, sb = 0, ib = 0;
    for (;;) {
        char x = next_digit(a, &sa, &ia), y = next_digit(b, &sb, &ib);
        if (x != y)
            return 0;
        if (!x)
            return 1;
    }
}

/* How two rows of one key whose cells differ differ. */
static diff_class row_class(const lt_prow *a, const lt_prow *b)
{
    if (!a->src || !b->src)
        return D_LINES;
    if (same_figures(a->src, b->src))
        return D_PLACEMENT;
    return same_digits(a->src, b->src) ? D_FIGURES : D_LINES;
}

/* The row `b` of the list from `r`, within RESYNC rows, else NULL. */
static const lt_prow *find_ahead(const lt_prow *r, const lt_prow *b)
{
    for (size_t k = 0; r && k < RESYNC; r = r->next, k++)
        if (same_key(r, b))
            return r;
    return NULL;
}

static void cell_text(const lt_prow *r, long c, char *buf, size_t cap)
{
    if (r->have[c])
        lt_host->decimal_format(r->vals[c], buf, cap);
    else
        snprintf(buf, cap, "blank");
}

static void roles_text(const lt_reading_table *t, char *buf, size_t cap)
{
    size_t off = 0;
    buf[0] = 0;
    for (size_t c = 0; c < t->nroles && off < cap; c++)
        off += (size_t)snprintf(buf + off, cap - off, "%s%s", c ? ", " : "",
                                lt_host->role_name(t->roles[c]));
}

typedef struct diff {
    size_t n;         /* figure differences found (D_FIGURES) */
    char why[640];    /* the first, in words */
    const char *row;  /* its row key, or NULL */
    long line;        /* its line (the model's), or the table's */
    size_t count[D_NCLASSES]; /* differences by class */
    const lt_reading_table *table; /* the model's, for the diagnostic */
    int debug;        /* BR_LAYOUT_DEBUG=compare: print every difference */
} diff;

/* Record a difference; only the first of class D_FIGURES is described. */
static void differ(diff *d, diff_class cls, const lt_prow *at, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void differ(diff *d, diff_class cls, const lt_prow *at, long line, const char *fmt, ...)
{
    va_list ap;
    d->count[cls]++;
    if (d->debug) {
        fprintf(stderr, "compare %s «%s» line %ld: %s: ", lt_host->kind_name(d->table->kind),
                d->table->title, line, class_name[cls]);
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
    }
    if (cls != D_FIGURES || d->n++)
        return;
    va_start(ap, fmt);
    vsnprintf(d->why, sizeof d->why, fmt, ap);
    va_end(ap);
    d->row = at ? key_of(at) : NULL;
    d->line = line;
}

/* Compare the rows of a model table (m) with the shadow's (s). */
static void compare_rows(const lt_reading_table *m, const lt_reading_table *s, const char *mname,
                         const char *sname, diff *d)
{
    const lt_prow *a = m->rows, *b = s->rows;
    char x[64], y[64];
    while (a || b) {
        if (a && b && same_key(a, b)) {
            long c = cell_diff(a, b, m->nroles);
            if (c >= 0) {
                cell_text(b, c, x, sizeof x);
                cell_text(a, c, y, sizeof y);
                differ(d, row_class(a, b), a, a->line,
                       "%s gives %s · %s %s where %s gives %s", sname, key_of(a),
                       lt_host->role_name(m->roles[c]), x, mname, y);
            }
            a = a->next;
            b = b->next;
            continue;
        }
        /* a row one reading lacks: the other goes on with the same rows */
        const lt_prow *bs = a && b ? find_ahead(b->next, a) : NULL;
        const lt_prow *as = a && b ? find_ahead(a->next, b) : NULL;
        if (b && (!a || bs)) { /* rows of the shadow only, up to bs */
            const lt_prow *stop = a ? bs : NULL;
            for (; b != stop; b = b->next)
                differ(d, D_ROWS, NULL, a ? a->line : m->title_line,
                       "%s reads a row %s that %s does not", sname, key_of(b), mname);
            continue;
        }
        if (a && (!b || as)) { /* rows of the model only, up to as */
            const lt_prow *stop = b ? as : NULL;
            for (; a != stop; a = a->next)
                differ(d, D_ROWS, a, a->line, "%s reads no row %s", sname, key_of(a));
            continue;
        }
        differ(d, D_ROWS, a, a->line, "%s gives row %s where %s gives %s", sname, key_of(b), mname,
               key_of(a));
        a = a->next;
        b = b->next;
    }
}

static int same_title(const char *a, const char *b)
{
    char x[DT_TITLE_MAX], y[DT_TITLE_MAX];
    lt_squeeze(a, x, sizeof x);
    lt_squeeze(b, y, sizeof y);
    return strcmp(x, y) == 0;
}

/* The shadow's table for model table m: the next of its kind and title from
 * *from, else the next of its kind; advances *from past it. */
static const lt_reading_table *match(const lt_reading_table *m, const lt_reading_table **from)
{
    const lt_reading_table *kind = NULL;
    for (const lt_reading_table *s = *from; s; s = s->next) {
        if (s->kind != m->kind)
            continue;
        if (same_title(s->title, m->title)) {
            *from = s->next;
            return s;
        }
        if (!kind)
            kind = s;
    }
    if (kind)
        *from = kind->next;
    return kind;
}

/* Mark m's table for the figure differences found, with one warning. */
static int mark(br_disclosure *doc, const lt_reading_table *m, const diff *d)
{
    char why[sizeof d->why + 48];
    if (d->n > 1)
        snprintf(why, sizeof why, "%s (%zu differences)", d->why, d->n);
    else
        snprintf(why, sizeof why, "%s", d->why);
    if (lt_host->table_set_uncertain(m->bt, -1, "readers_disagree", why) != BR_OK)
        return BR_ERR_NOMEM;
    char msg[sizeof why + 96];
    snprintf(msg, sizeof msg, "the readings of this table disagree: %s; its figures are not checked",
             why);
    if (lt_host->doc_add_note(doc, BR_SEV_WARNING, lt_host->kind_name(m->kind), d->row, NULL,
                              d->line, msg) != BR_OK)
        return BR_ERR_NOMEM;
    return BR_OK;
}

int lt_readings_compare(br_disclosure *doc, const lt_reading *model, const lt_reading *shadow,
                        const char *mname, const char *sname)
{
    if (!BR_HOST_HAS(lt_host, table_set_uncertain))
        return BR_OK;
    const char *dbg = getenv("BR_LAYOUT_DEBUG");
    int debug = dbg && strstr(dbg, "compare");
    size_t tables = 0, marked = 0, differing = 0, total[D_NCLASSES] = {0};
    const lt_reading_table *from = shadow->tables;
    for (const lt_reading_table *m = model->tables; m; m = m->next) {
        if (!m->bt)
            continue;
        diff d = {.table = m, .debug = debug};
        const lt_reading_table *s = match(m, &from);
        char x[256], y[256];
        if (!s) {
            differ(&d, D_TABLE, NULL, m->title_line, "%s finds no such table", sname);
        } else if (s->nroles != m->nroles ||
                   memcmp(s->roles, m->roles, m->nroles * sizeof *m->roles) != 0) {
            roles_text(s, x, sizeof x);
            roles_text(m, y, sizeof y);
            differ(&d, D_COLUMNS, NULL, m->title_line, "%s gives columns (%s) where %s gives (%s)",
                   sname, x, mname, y);
        } else {
            compare_rows(m, s, mname, sname, &d);
        }
        size_t any = 0;
        for (int k = 0; k < D_NCLASSES; k++) {
            total[k] += d.count[k];
            any += d.count[k];
        }
        tables++;
        differing += any > 0;
        if (!d.n)
            continue;
        marked++;
        int rc = mark(doc, m, &d);
        if (rc != BR_OK)
            return rc;
    }
    if (debug) {
        fprintf(stderr, "compare: %zu tables, %zu marked, %zu with differences:", tables, marked,
                differing);
        for (int k = 0; k < D_NCLASSES; k++)
            fprintf(stderr, " %s %zu", class_name[k], total[k]);
        fputc('\n', stderr);
    }
    return BR_OK;
}
