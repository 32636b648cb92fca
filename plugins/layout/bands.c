/*
 * bands.c — lists whose every row prints one figure beside several text
 * cells (Jiangsu 政府采购预算表: 采购品目大类 | 专项名称 | 经济科目 | 采购物品
 * 名称 | 采购组织形式 | 总计), the kinds the catalog flags DT_FIGURE_ROWS.
 *
 * The text cells wrap over several lines, centred on the row's figure:
 *
 *             办公、办案设备更新
 *                                办公设备购置                  120.00
 *             购置费
 *                                      台式计算机（20 万以
 *                                                 政府集中采购     35.00
 *                                      上）
 *
 * so a row is a figure line and the text lines nearest to it (on its page;
 * a line halfway between two figures goes to the upper one).  A row's text
 * fragments form its cells by where they start (left-aligned cells; a
 * fragment starting within two characters of another is the same cell),
 * each cell's lines read top to bottom; the label is the cells left to
 * right joined by "/" ("办公、办案设备更新购置费/办公设备购置").  A label
 * numbered "一、" loses its number ("一、货物 A" is "货物A").
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

#define CELL_SLACK 5 /* display columns: fragments of one left-aligned cell */

static int is_figure(const lt_span *s)
{
    br_decimal d;
    return lt_figure(s->text, &d) != 0;
}

static int figure_of(const lt_line *ln, br_decimal *out)
{
    for (size_t k = 0; k < ln->nspans; k++)
        if (lt_figure(ln->spans[k].text, out) == 1)
            return 1;
    return 0;
}

void lt_bands_detect(lt_table *t)
{
    lt_layout *L = &t->L;
    size_t money = 0, text = 0, other = 0;
    for (size_t i = 0; i < L->ncols; i++)
        switch (L->cols[i].what) {
        case DT_COL_MONEY: money += L->cols[i].model >= 0; break;
        case DT_COL_NONE:
        case DT_COL_LABEL: text++; break;
        default: other++; break;
        }
    L->bands = (dt_catalog_kind_flags(t->kind) & DT_FIGURE_ROWS) && !L->two_sided &&
               money == 1 && text >= 1 && other == 0;
}

/* One text fragment: a span, or a part of one (two cells one space apart). */
typedef struct frag {
    const char *text;
    size_t len;
    int x0, x1;
    size_t at;  /* index into the kept lines */
    long row;   /* the figure line it belongs to, or -1 */
} frag;

static int by_x_then_line(const void *a, const void *b)
{
    const frag *p = a, *q = b;
    if (p->x0 != q->x0)
        return (p->x0 > q->x0) - (p->x0 < q->x0);
    return (p->at > q->at) - (p->at < q->at);
}


/* The fragments of a span on a figure line: two cells printed one space
 * apart ("台式计算机(20万以下) 分散自行组织") are two, a space inside brackets
 * ("(20 万以下)") is no cell boundary.  (Off the figure line a space is the
 * cell's own: "江苏省第十三届 人代会" over "二次会议经费".) */
static size_t split(const lt_span *sp, size_t at, frag *out, size_t cap)
{
    const char *s = sp->text;
    size_t len = strlen(s), n = 0, start = 0;
    int depth = 0;
    for (size_t i = 0; i <= len && n < cap; i++) {
        if (i < len && (s[i] == '(' || s[i] == '['))
            depth++;
        else if (i < len && (s[i] == ')' || s[i] == ']') && depth > 0)
            depth--;
        int cut = i == len;
        if (!cut && s[i] == ' ' && depth == 0 && i >= start + 6 && i + 7 <= len &&
            (unsigned char)s[i + 1] >= 0x80)
            cut = 1;
        if (!cut)
            continue;
        int span = sp->x1 - sp->x0;
        /* a span as wide as its characters: the text counts one column
         * each (pdftotext), else display columns */
        int wide = lt_text_width(s, len, 1) == span ? 1 : 2;
        int w = lt_text_width(s, len, wide);
        int a = lt_text_width(s, start, wide), b = lt_text_width(s, i, wide);
        out[n++] = (frag){s + start, i - start, sp->x0 + span * a / (w ? w : 1),
                          sp->x0 + span * b / (w ? w : 1), at, -1};
        start = i + 1;
    }
    return n;
}

/* Two fragments (of different lines) are parts of one cell: they start
 * within `slack` of each other (cells are left-aligned; their extents are
 * no guide: pdftotext staggers the lines of neighbouring cells). */
static int same_cell(const frag *a, const frag *b, int slack)
{
    return abs(a->x0 - b->x0) <= slack;
}

static int by_line_then_x(const frag *p, const frag *q)
{
    if (p->at != q->at)
        return p->at > q->at;
    return p->x0 > q->x0;
}

/* The row's label from its fragments: cells (fragments of one column, by
 * same_cell, left to right), each read top to bottom. */
static void build_label(char *label, frag *f, size_t n, int slack)
{
    qsort(f, n, sizeof *f, by_x_then_line);
    label[0] = 0;
    size_t i = 0;
    while (i < n) {
        /* a cell: the fragments linked to its first through same_cell */
        size_t j = i + 1;
        for (int grown = 1; grown;) {
            grown = 0;
            for (size_t k = j; k < n; k++) {
                int linked = 0;
                for (size_t q = i; q < j && !linked; q++)
                    linked = same_cell(&f[q], &f[k], slack);
                if (!linked)
                    continue;
                frag x = f[k];
                memmove(&f[j + 1], &f[j], (k - j) * sizeof *f);
                f[j++] = x;
                grown = 1;
            }
        }
        /* its lines top to bottom (insertion sort) */
        for (size_t a = i + 1; a < j; a++)
            for (size_t b = a; b > i && by_line_then_x(&f[b - 1], &f[b]); b--) {
                frag x = f[b];
                f[b] = f[b - 1];
                f[b - 1] = x;
            }
        if (label[0] && strlen(label) + 1 < LT_LABEL_MAX)
            strcat(label, "/");
        for (size_t k = i; k < j; k++)
            lt_label_append(label, f[k].text, f[k].len);
        i = j;
    }
}

/* A fragment of one character. */
static int letter(const frag *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->len; i++)
        n += ((unsigned char)f->text[i] & 0xC0) != 0x80;
    return n == 1;
}

/* Figure line r's row has text (on its line, or given to it so far from
 * lines other than `at`). */
static int row_has_text(const frag *f, size_t nf, long r, size_t at)
{
    for (size_t k = 0; k < nf; k++)
        if (f[k].row == r && f[k].at != at)
            return 1;
    return 0;
}

/* Some fragment of figure line r's row (on r itself, or already given to
 * it) is in the same cell as g. */
static int row_has_cell_of(const frag *f, size_t nf, long r, const frag *g, int slack,
                           int own_line_only)
{
    for (size_t k = 0; k < nf; k++)
        if (&f[k] != g && f[k].row == r && (!own_line_only || (long)f[k].at == r) &&
            same_cell(&f[k], g, slack))
            return 1;
    return 0;
}

void lt_bands_rows(lt_engine *e, lt_table *t)
{
    size_t n = t->nvlines;
    if (n == 0)
        return;
    const lt_line **ln = t->vlines;
    int cw = e->in->char_width > 1 ? e->in->char_width / 2 : 1; /* one display column */
    int slack = CELL_SLACK * cw;
    size_t cap = 1;
    for (size_t i = 0; i < n; i++)
        cap += 2 * ln[i]->nspans;
    frag *f = lt_host->doc_alloc(e->doc, cap * sizeof *f);
    long *up_of = lt_host->doc_alloc(e->doc, n * sizeof *up_of);
    long *down_of = lt_host->doc_alloc(e->doc, n * sizeof *down_of);
    if (!f || !up_of || !down_of) {
        e->failed = 1;
        return;
    }
    br_decimal v;
    /* the figure lines above and below each line, on its page */
    for (size_t i = 0; i < n; i++) {
        up_of[i] = down_of[i] = -1;
        for (long j = (long)i - 1; j >= 0 && ln[j]->page == ln[i]->page; j--)
            if (figure_of(ln[j], &v)) {
                up_of[i] = j;
                break;
            }
        for (size_t j = i + 1; j < n && ln[j]->page == ln[i]->page; j++)
            if (figure_of(ln[j], &v)) {
                down_of[i] = (long)j;
                break;
            }
    }
    /* fragments; those of figure lines belong to them */
    size_t nf = 0;
    for (size_t i = 0; i < n; i++) {
        int fig = figure_of(ln[i], &v);
        for (size_t k = 0; k < ln[i]->nspans; k++) {
            if (is_figure(&ln[i]->spans[k]))
                continue;
            size_t first = nf;
            if (fig) /* cells glued by one space: on a figure line, beside it */
                nf += split(&ln[i]->spans[k], i, f + nf, cap - nf);
            else
                f[nf++] = (frag){ln[i]->spans[k].text, strlen(ln[i]->spans[k].text),
                                 ln[i]->spans[k].x0, ln[i]->spans[k].x1, i, -1};
            for (size_t q = first; q < nf; q++)
                f[q].row = fig ? (long)i : -1;
        }
    }
    /* the others go to the nearest figure line of their page; halfway
     * between two, to the one without any text (a figure printed apart from
     * its label), else to the one that has no text where the fragment
     * starts (a cell wrapped round its figure line leaves that line empty
     * there), else to the one whose text it continues, else to the lower */
    for (size_t k = 0; k < nf; k++) {
        if (f[k].row >= 0)
            continue;
        long up = up_of[f[k].at], down = down_of[f[k].at];
        const lt_line *l = ln[f[k].at];
        long du = up >= 0 ? l->y - ln[up]->y : -1, dd = down >= 0 ? ln[down]->y - l->y : -1;
        if (up < 0 || (down >= 0 && dd < du)) {
            f[k].row = down;
        } else if (down < 0 || du < dd) {
            f[k].row = up;
        } else {
            int up_bare = !row_has_text(f, nf, up, f[k].at);
            int down_bare = !row_has_text(f, nf, down, f[k].at);
            int up_free = !row_has_cell_of(f, nf, up, &f[k], slack, 1);
            int down_free = !row_has_cell_of(f, nf, down, &f[k], slack, 1);
            if (up_bare != down_bare)
                f[k].row = up_bare ? up : down; /* a figure printed without its label */
            else if (up_free != down_free)
                f[k].row = down_free ? down : up;
            else
                f[k].row = row_has_cell_of(f, nf, up, &f[k], slack, 0) ? up : down;
        }
    }
    /* a cell wrapped over more lines than its row's height ("网络、电子检务、
     * 实" / "验室、机要通道、档" / … over four lines round one figure): a
     * fragment alone in its column of the row it went to, directly above or
     * below a wrapped part (off its figure line) of a cell of another row,
     * joins that row */
    for (int pass = 0; pass < 4; pass++)
        for (size_t k = 0; k < nf; k++) {
            if ((long)f[k].at == f[k].row || row_has_cell_of(f, nf, f[k].row, &f[k], slack, 0))
                continue;
            long best = -1;
            size_t bestd = 3;
            for (size_t q = 0; q < nf; q++) {
                if (f[q].row == f[k].row || f[q].row < 0 || (long)f[q].at == f[q].row ||
                    !same_cell(&f[q], &f[k], slack) || ln[f[q].at]->page != ln[f[k].at]->page)
                    continue; /* only wrapped parts (off their figure line) continue */
                size_t d = f[q].at > f[k].at ? f[q].at - f[k].at : f[k].at - f[q].at;
                if (d > 0 && d < bestd) {
                    bestd = d;
                    best = f[q].row;
                }
            }
            if (best >= 0)
                f[k].row = best;
        }
    /* a label spaced out letter by letter ("合   计"): one cell */
    for (size_t k = 1; k < nf; k++)
        if (f[k].at == f[k - 1].at && f[k].row == f[k - 1].row && letter(&f[k]) &&
            letter(&f[k - 1]) && f[k].x0 - f[k - 1].x1 <= 4 * cw)
            f[k].x0 = f[k - 1].x0 > f[k].x0 - slack ? f[k - 1].x0 : f[k].x0 - slack;
    int model = -1;
    for (size_t c = 0; c < t->L.ncols && model < 0; c++)
        if (t->L.cols[c].what == DT_COL_MONEY && t->L.cols[c].model >= 0)
            model = t->L.cols[c].model;
    frag *mine = lt_host->doc_alloc(e->doc, cap * sizeof *mine);
    if (!mine) {
        e->failed = 1;
        return;
    }
    for (size_t r = 0; r < n; r++) {
        if (!figure_of(ln[r], &v))
            continue;
        size_t nm = 0;
        for (size_t k = 0; k < nf; k++)
            if (f[k].row == (long)r)
                mine[nm++] = f[k];
        lt_prow *row = lt_host->doc_alloc(e->doc, sizeof *row);
        char *label = row ? lt_host->doc_alloc(e->doc, LT_LABEL_MAX) : NULL;
        if (!row || !label) {
            e->failed = 1;
            return;
        }
        row->line = ln[r]->no;
        row->src = ln[r];
        row->label_x0 = -1;
        row->label = label;
        build_label(label, mine, nm, slack);
        size_t len = strlen(label);
        const char *st = lt_strip_enum(label, &len);
        if (st != label)
            memmove(label, st, len + 1);
        if (!label[0])
            memcpy(label, "合计", sizeof "合计");
        size_t figs = 0;
        for (size_t k = 0; k < ln[r]->nspans; k++)
            if (lt_figure(ln[r]->spans[k].text, &v) == 1 && figs++ == 0 && model >= 0) {
                row->have[model] = 1;
                row->vals[model] = v;
                row->nvals = 1;
            }
        if (figs > 1)
            lt_note(e, t, BR_SEV_WARNING, label, ln[r]->no,
                    "%zu figures on a line of a one-figure list; the first is read", figs);
        *t->tail = row;
        t->tail = &row->next;
        t->last = row;
        t->nrows++;
    }
}
