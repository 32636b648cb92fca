/*
 * vlist.c — tables that are a vertical list: one label column and one money
 * column, no codes (Jiangsu 收入预算总表, 项目名称 | 金额).
 *
 *                    收入总计                        18,330.37
 *                    小计                            18,330.37
 *    一般公共预算资金   公共财政拨款(补助)资金           18,330.37
 *                    专项收入
 *        政府性基金   小计
 *
 * The label column is split in two zones: the left one names a group (a
 * cell spanning the group's rows, its text centred on them and possibly
 * wrapped: "一般公共预" / "算资金"), the right one the rows.  A group's 小计
 * row is the group's own figure: it takes the group's name as its label.
 * A row's label may wrap over the next line ("其中:动用上年" / "结转和结余资
 * 金") and its figure may sit on a line of its own between the label's
 * lines; a wrapped part follows its row more closely than rows follow each
 * other (less than LT_VLIST_WRAP of the table's usual line gap, on the same
 * page).
 *
 * The table's body lines are collected while it is read and turned into
 * rows when it is emitted, when the zones are known from all its lines.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

#define WRAP_NUM 2 /* a wrapped part lies closer than WRAP_NUM/WRAP_DEN of the */
#define WRAP_DEN 3 /* table's median line gap below its row */

static int is_figure(const lt_span *s)
{
    br_decimal d;
    return lt_figure(s->text, &d) != 0;
}

void lt_vlist_detect(lt_table *t)
{
    lt_layout *L = &t->L;
    size_t labels = 0, money = 0, other = 0;
    for (size_t i = 0; i < L->ncols; i++)
        switch (L->cols[i].what) {
        case DT_COL_LABEL: labels++; break;
        case DT_COL_MONEY: money += L->cols[i].model >= 0; break;
        default: other++; break;
        }
    L->vlist = !L->two_sided && labels == 1 && money == 1 && other == 0;
}

void lt_vlist_line(lt_engine *e, lt_table *t, const lt_line *ln)
{
    if (t->nvlines == t->capvlines) {
        size_t cap = t->capvlines ? 2 * t->capvlines : 32;
        const lt_line **v = lt_host->doc_alloc(e->doc, cap * sizeof *v);
        if (!v) {
            e->failed = 1;
            return;
        }
        if (t->nvlines)
            memcpy(v, t->vlines, t->nvlines * sizeof *v);
        t->vlines = v;
        t->capvlines = cap;
    }
    t->vlines[t->nvlines++] = ln;
}

/* Vertical distance between two lines of the table, in the line's units
 * (layout-text: lines, blank ones included; pdf: points); -1 across pages. */
static int gap(const lt_line *a, const lt_line *b)
{
    if (a->page != b->page)
        return -1;
    return b->y - a->y;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* A text span of a body line, split when a group part and a row part were
 * printed one space apart ("一般公共预 公共财政拨款(补助)"). */
typedef struct part {
    const char *text;
    size_t len;
    int x0, x1;
    int group; /* in the group zone */
} part;

#define MAX_PARTS 8

typedef struct zones {
    int group_x0; /* group labels start at or left of it */
    int row_x0;   /* row labels start at or right of it */
    int tol;
    int any; /* lines with a group and a row label beside each other */
} zones;

/* The text spans before the first figure of a line. */
static size_t texts(const lt_line *ln, const lt_span **out, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < ln->nspans && n < cap; k++) {
        if (is_figure(&ln->spans[k]))
            break;
        out[n++] = &ln->spans[k];
    }
    return n;
}

static void find_zones(const lt_table *t, int cw, zones *z)
{
    z->group_x0 = INT32_MIN;
    z->row_x0 = INT32_MAX;
    z->tol = cw;
    z->any = 0;
    for (size_t i = 0; i < t->nvlines; i++) {
        const lt_span *sp[MAX_PARTS];
        size_t n = texts(t->vlines[i], sp, MAX_PARTS);
        if (n < 2)
            continue;
        z->any = 1;
        if (sp[0]->x0 > z->group_x0)
            z->group_x0 = sp[0]->x0;
        if (sp[n - 1]->x0 < z->row_x0)
            z->row_x0 = sp[n - 1]->x0;
    }
}

static int in_group_zone(const zones *z, int x0, int x1)
{
    return z->any && x0 <= z->group_x0 + z->tol && x1 <= z->row_x0 + z->tol;
}

/* The parts of a line's texts: group or row. */
static size_t line_parts(const lt_line *ln, const zones *z, part *out)
{
    const lt_span *sp[MAX_PARTS];
    size_t n = texts(ln, sp, MAX_PARTS), k = 0;
    for (size_t i = 0; i < n && k + 1 < MAX_PARTS; i++) {
        const char *s = sp[i]->text, *space = strchr(s, ' ');
        size_t len = strlen(s);
        /* one span from the group zone into the row zone: split at its space */
        if (z->any && space && sp[i]->x0 <= z->group_x0 + z->tol &&
            sp[i]->x1 > z->row_x0 + z->tol) {
            out[k++] = (part){s, (size_t)(space - s), sp[i]->x0, z->row_x0, 1};
            const char *r = space;
            while (*r == ' ')
                r++;
            out[k++] = (part){r, len - (size_t)(r - s), z->row_x0, sp[i]->x1, 0};
            continue;
        }
        out[k++] = (part){s, len, sp[i]->x0, sp[i]->x1, in_group_zone(z, sp[i]->x0, sp[i]->x1)};
    }
    return k;
}

static int has_text(const lt_line *ln)
{
    for (size_t k = 0; k < ln->nspans; k++)
        if (!is_figure(&ln->spans[k]))
            return 1;
    return 0;
}

static int line_has_figure(const lt_line *ln)
{
    for (size_t k = 0; k < ln->nspans; k++)
        if (is_figure(&ln->spans[k]))
            return 1;
    return 0;
}

/* A complete total label: 合计 / 总计 / 小计, or ending in one. */
static int subtotal(const char *label)
{
    size_t n = strlen(label);
    return dt_catalog_total_label(label, n) || dt_ends(label, n, "小计") ||
           dt_ends(label, n, "合计") || dt_ends(label, n, "总计");
}

/* A group label part and the line it is on. */
typedef struct gpart {
    size_t at; /* index into vlines */
    const char *text;
    size_t len;
} gpart;

typedef struct vrow {
    lt_prow *row;
    size_t first, last; /* vlines indices it was read from */
    int fig_below;      /* its figures came on a line of their own below its label */
} vrow;

static lt_prow *add_row(lt_engine *e, lt_table *t, const lt_line *ln)
{
    lt_prow *r = lt_host->doc_alloc(e->doc, sizeof *r);
    char *label = r ? lt_host->doc_alloc(e->doc, LT_LABEL_MAX) : NULL;
    if (!r || !label) {
        e->failed = 1;
        return NULL;
    }
    r->line = ln->no;
    r->src = ln;
    r->label = label;
    *t->tail = r;
    t->tail = &r->next;
    t->last = r;
    t->nrows++;
    return r;
}

static void set_figure(lt_table *t, lt_prow *r, const lt_span *f)
{
    br_decimal d;
    int model = -1;
    for (size_t c = 0; c < t->L.ncols && model < 0; c++)
        if (t->L.cols[c].what == DT_COL_MONEY && t->L.cols[c].model >= 0)
            model = t->L.cols[c].model;
    if (model < 0 || lt_figure(f->text, &d) != 1 || r->have[model])
        return;
    r->have[model] = 1;
    r->vals[model] = d;
    r->nvals++;
}

void lt_vlist_rows(lt_engine *e, lt_table *t)
{
    size_t n = t->nvlines;
    if (n == 0)
        return;
    int cw = e->in->char_width > 0 ? e->in->char_width : 1;
    zones z;
    find_zones(t, cw, &z);
    /* the table's usual gap between consecutive lines */
    int *gaps = lt_host->doc_alloc(e->doc, n * sizeof *gaps);
    vrow *rows = lt_host->doc_alloc(e->doc, n * sizeof *rows);
    gpart *groups = lt_host->doc_alloc(e->doc, n * 2 * sizeof *groups);
    if (!gaps || !rows || !groups) {
        e->failed = 1;
        return;
    }
    size_t ng = 0, nr = 0, nw = 0;
    for (size_t i = 1; i < n; i++) {
        int g = gap(t->vlines[i - 1], t->vlines[i]);
        if (g > 0)
            gaps[nw++] = g;
    }
    qsort(gaps, nw, sizeof *gaps, cmp_int);
    int usual = nw ? gaps[nw / 2] : 0;
    /* figures printed a line low: a 小计, which no line continues, with its
     * figure alone on the next line — then a figure line under a label is
     * that label's, not the middle of a label wrapped round it */
    int low = 0;
    for (size_t i = 0; i + 1 < n && !low; i++) {
        part p[MAX_PARTS];
        size_t np = line_parts(t->vlines[i], &z, p);
        const lt_line *nx = t->vlines[i + 1];
        if (np == 0 || p[np - 1].group || line_has_figure(t->vlines[i]) ||
            !line_has_figure(nx) || has_text(nx))
            continue;
        char lab[LT_LABEL_MAX] = "";
        lt_label_append(lab, p[np - 1].text, p[np - 1].len);
        int g = gap(t->vlines[i], nx);
        low = subtotal(lab) && g > 0 && g * WRAP_DEN < usual * WRAP_NUM;
    }

    for (size_t i = 0; i < n; i++) {
        const lt_line *ln = t->vlines[i];
        part p[MAX_PARTS];
        size_t np = line_parts(ln, &z, p);
        const char *row_text = NULL;
        size_t row_len = 0;
        for (size_t k = 0; k < np; k++) {
            if (p[k].group) {
                if (ng < n * 2)
                    groups[ng++] = (gpart){i, p[k].text, p[k].len};
                continue;
            }
            if (!row_text) {
                row_text = p[k].text;
                row_len = p[k].len;
            }
        }
        /* the row this line continues: the last one, read from the line
         * just above, close below it on the same page */
        vrow *prev = nr ? &rows[nr - 1] : NULL;
        int g = prev && prev->last + 1 == i ? gap(t->vlines[prev->last], ln) : -1;
        int close = g > 0 && usual > 0 && g * WRAP_DEN < usual * WRAP_NUM;
        vrow *into = NULL;
        if (close && !row_text && line_has_figure(ln)) {
            into = prev; /* figures printed between the lines of a label */
            prev->fig_below = 1;
        } else if (close && row_text && prev->row->label[0] && !subtotal(prev->row->label) &&
                   !(low && prev->fig_below)) {
            into = prev; /* the rest of a wrapped label (a 小计 is complete) */
        }
        if (into) {
            if (row_text)
                lt_label_append(into->row->label, row_text, row_len);
            into->last = i;
        } else if (row_text) {
            lt_prow *r = add_row(e, t, ln);
            if (!r)
                return;
            size_t len = row_len;
            const char *s = lt_strip_enum(row_text, &len);
            lt_label_append(r->label, s, len);
            rows[nr++] = (vrow){r, i, i, 0};
            into = &rows[nr - 1];
        }
        /* the line's figures: its row's (a figure beside a group label only
         * belongs to the row above, the group's last) */
        vrow *to = into ? into : prev;
        for (size_t k = 0; to && k < ln->nspans; k++)
            if (is_figure(&ln->spans[k]))
                set_figure(t, to->row, &ln->spans[k]);
    }

    /* each group's 小计 row takes the group's name: a group runs from its
     * 小计 to the row before the next 小计 */
    for (size_t r = 0; r < nr; r++) {
        if (strcmp(rows[r].row->label, "小计") != 0)
            continue;
        size_t end = n;
        for (size_t q = r + 1; q < nr; q++)
            if (strcmp(rows[q].row->label, "小计") == 0) {
                end = rows[q].first;
                break;
            }
        char name[LT_LABEL_MAX] = "";
        for (size_t k = 0; k < ng; k++)
            if (groups[k].at >= rows[r].first && groups[k].at < end)
                lt_label_append(name, groups[k].text, groups[k].len);
        if (name[0])
            memcpy(rows[r].row->label, name, strlen(name) + 1);
    }
}
