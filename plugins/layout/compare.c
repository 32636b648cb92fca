/*
 * compare.c — two readings of one document compared table by table
 * (layout.h: lt_readings_compare).
 *
 * The pdf reader reads a PDF's glyph positions into the model, and the same
 * glyph lines rendered as space-aligned text a second time, as a shadow
 * that builds nothing (pdf.c).  Tables are matched by kind and title, in
 * order; rows by key (code, else label) and side, in order; each modelled
 * cell by presence and value, as the engine buffered them (lt_prow) before
 * the code hierarchy placed short rows — the same input gives the same
 * placement.  Where the readings disagree, which one misread is not known:
 * the model's table is marked uncertain (`readers_disagree`), its
 * identities "not checked", and one warning note says what differs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"

/* Rows looked ahead to resynchronise after a row one reading lacks. */
#define RESYNC 8

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
    size_t n;         /* differences found */
    char why[640];    /* the first, in words */
    const char *row;  /* its row key, or NULL */
    long line;        /* its line (the model's), or the table's */
} diff;

/* Record a difference; only the first is described. */
static void differ(diff *d, const lt_prow *at, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void differ(diff *d, const lt_prow *at, long line, const char *fmt, ...)
{
    if (d->n++)
        return;
    va_list ap;
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
                differ(d, a, a->line, "%s gives %s · %s %s where %s gives %s", sname, key_of(a),
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
                differ(d, NULL, a ? a->line : m->title_line, "%s reads a row %s that %s does not",
                       sname, key_of(b), mname);
            continue;
        }
        if (a && (!b || as)) { /* rows of the model only, up to as */
            const lt_prow *stop = b ? as : NULL;
            for (; a != stop; a = a->next)
                differ(d, a, a->line, "%s reads no row %s", sname, key_of(a));
            continue;
        }
        differ(d, a, a->line, "%s gives row %s where %s gives %s", sname, key_of(b), mname,
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

int lt_readings_compare(br_disclosure *doc, const lt_reading *model, const lt_reading *shadow,
                        const char *mname, const char *sname)
{
    if (!BR_HOST_HAS(lt_host, table_set_uncertain))
        return BR_OK;
    const lt_reading_table *from = shadow->tables;
    for (const lt_reading_table *m = model->tables; m; m = m->next) {
        if (!m->bt)
            continue;
        diff d = {0};
        const lt_reading_table *s = match(m, &from);
        char x[256], y[256];
        if (!s) {
            differ(&d, NULL, m->title_line, "%s finds no such table", sname);
        } else if (s->nroles != m->nroles ||
                   memcmp(s->roles, m->roles, m->nroles * sizeof *m->roles) != 0) {
            roles_text(s, x, sizeof x);
            roles_text(m, y, sizeof y);
            differ(&d, NULL, m->title_line, "%s gives columns (%s) where %s gives (%s)", sname, x,
                   mname, y);
        } else {
            compare_rows(m, s, mname, sname, &d);
        }
        if (!d.n)
            continue;
        char why[sizeof d.why + 48];
        if (d.n > 1)
            snprintf(why, sizeof why, "%s (%zu differences)", d.why, d.n);
        else
            snprintf(why, sizeof why, "%s", d.why);
        if (lt_host->table_set_uncertain(m->bt, -1, "readers_disagree", why) != BR_OK)
            return BR_ERR_NOMEM;
        char msg[sizeof why + 96];
        snprintf(msg, sizeof msg, "the readings of this table disagree: %s; its figures are not checked",
                 why);
        if (lt_host->doc_add_note(doc, BR_SEV_WARNING, lt_host->kind_name(m->kind), d.row, NULL,
                                  d.line, msg) != BR_OK)
            return BR_ERR_NOMEM;
    }
    return BR_OK;
}
