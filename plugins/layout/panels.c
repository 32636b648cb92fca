/*
 * panels.c — two-sided tables with a third panel (Jiangsu 收支预算总表):
 *
 *     收入              | 支出: 功能分类          | 支出: 支出用途
 *     项目名称   金额    | 功能科目名称   金额     | 项目名称   金额
 *
 * The panel by use (its header names DT_USE_PANEL, 支出用途) breaks the
 * same expenditure down a second time: its rows are side `use`.
 *
 * Lines of such tables are cut into panels by position, not by the order
 * of text and figures: a label wrapped over three lines prints its figure
 * on the middle line, so one line may hold the income figure, the class
 * figure and a use label with its figure ("13,649.07  10,528.33  一、基本
 * 支出  7,666.68"), and a line may hold a class label followed by the
 * figure of the use row whose label wrapped round it ("三、国防支出 …
 * 128.43").  A figure belongs to the panel of the money column nearest to
 * it; a text to the panel whose zone it starts in (a zone starts at the
 * right edge of the previous panel's money column header).
 * Figures a panel cannot place go to the label beside them in the panel to
 * the left: a total printed across the panels ("当年支出小计 … 13,649.07":
 * label in the class panel, figure under the use panel's 金额), or a figure
 * pdftotext pushed right of its column.
 */
#include <limits.h>
#include <string.h>

#include "engine.h"

static const char *const use_words[] = {
#define DT_USE_PANEL(word) word,
#include "catalog.def" /* libreader/catalog.def */
#undef DT_USE_PANEL
};

/* A header path or cell names the panel by use. */
static int names_use(const char *text)
{
    for (size_t i = 0; i < sizeof use_words / sizeof use_words[0]; i++)
        if (strstr(text, use_words[i]))
            return 1;
    return 0;
}

int lt_use_panel_title(const char *text)
{
    for (size_t i = 0; i < sizeof use_words / sizeof use_words[0]; i++)
        if (strcmp(text, use_words[i]) == 0)
            return 1;
    return 0;
}

void lt_panels_build(lt_engine *e, lt_table *t)
{
    lt_layout *L = &t->L;
    L->npanels = 0;
    if (!L->two_sided)
        return;
    int panel_of[LT_MAX_COLS], p = 0;
    for (size_t i = 0; i < L->ncols; i++) {
        if (L->cols[i].what == DT_COL_LABEL && p < LT_MAX_PANELS)
            p++;
        panel_of[i] = p > 0 ? p - 1 : 0;
    }
    if (p < 3)
        return; /* two panels: read by the order of text and figures (rows.c) */
    L->npanels = p;
    /* a leaf cell naming a side only ("收入", "支出" centred over a panel
     * without reaching its cells) is the panel's title, not a column */
    for (size_t i = 0; i < L->ncols; i++)
        if (L->cols[i].what == DT_COL_NONE && !strchr(L->cols[i].name, '/') &&
            dt_catalog_side(L->cols[i].name) != BR_SIDE_NONE && lt_chars(L->cols[i].name) <= 2)
            L->cols[i].what = DT_COL_IGNORE;
    /* zones: a panel starts where the money column of the one before ends
     * (its labels are left-aligned there, its header centred further right) */
    L->panel_x[0] = INT_MIN;
    for (int k = 1; k < p; k++) {
        int money_x1 = INT_MIN, label_x0 = INT_MAX;
        for (size_t i = 0; i < L->ncols; i++) {
            const lt_col *c = &L->cols[i];
            /* (as printed: px1, columns.c — a CJK name in a text that
             * counts one column per character ends further right) */
            int x1 = c->px1 > c->x1 ? c->px1 : c->x1;
            if (panel_of[i] == k - 1 && c->what == DT_COL_MONEY && x1 > money_x1)
                money_x1 = x1;
            if (panel_of[i] == k && c->what == DT_COL_LABEL && c->x0 < label_x0)
                label_x0 = c->x0;
        }
        L->panel_x[k] = money_x1 == INT_MIN || money_x1 > label_x0 ? label_x0 : money_x1;
    }
    /* sides: income, expenditure, then the panel by use when a header cell
     * over it (in its columns' paths, or anywhere over its zone) says so */
    for (int k = 0; k < p; k++)
        L->panel_side[k] = k == 0 ? BR_SIDE_INCOME : k == 1 ? BR_SIDE_EXPENDITURE : BR_SIDE_NONE;
    for (size_t i = 0; i < L->ncols; i++)
        if (panel_of[i] >= 2 && names_use(L->cols[i].name))
            L->panel_side[panel_of[i]] = BR_SIDE_USE;
    for (size_t h = 0; h < t->nhdr; h++)
        for (size_t k = 0; k < t->hdr[h]->nspans; k++) {
            const lt_span *sp = &t->hdr[h]->spans[k];
            char buf[DT_COMP_MAX];
            lt_squeeze(sp->text, buf, sizeof buf);
            int q = 0;
            for (int z = 1; z < p; z++)
                if ((sp->x0 + sp->x1) / 2 >= L->panel_x[z])
                    q = z;
            if (q >= 2 && names_use(buf))
                L->panel_side[q] = BR_SIDE_USE;
        }
    for (size_t i = 0; i < L->ncols; i++)
        L->cols[i].side = L->panel_side[panel_of[i]];
    (void)e;
}

static int is_figure(const lt_span *s)
{
    br_decimal d;
    return lt_figure(s->text, &d) != 0;
}

/* Distance of a figure from a column: right edges (figures are right-
 * aligned) or centres, whichever is closer. */
static int distance(const lt_span *f, const lt_col *c)
{
    int a = f->x1 - c->x1, b = (f->x0 + f->x1) - (c->x0 + c->x1);
    a = a < 0 ? -a : a;
    b = (b < 0 ? -b : b) / 2;
    return a < b ? a : b;
}

static int panel_of_figure(const lt_layout *L, const lt_span *f)
{
    int best = -1, bd = INT_MAX, p = -1;
    for (size_t i = 0; i < L->ncols; i++) {
        const lt_col *c = &L->cols[i];
        if (c->what == DT_COL_LABEL)
            p++;
        if (c->what != DT_COL_MONEY && c->what != DT_COL_NONE)
            continue;
        int d = distance(f, c);
        if (d < bd) {
            bd = d;
            best = p < 0 ? 0 : p;
        }
    }
    return best < 0 ? 0 : best;
}

static int panel_of_text(const lt_layout *L, const lt_span *s)
{
    int p = 0;
    for (int k = 1; k < L->npanels; k++)
        if (s->x0 >= L->panel_x[k])
            p = k;
    return p;
}

static int has_text(const lt_seg *g)
{
    for (size_t k = 0; k < g->n; k++)
        if (!is_figure(g->sp[k]))
            return 1;
    return 0;
}

static int has_figures(const lt_seg *g)
{
    for (size_t k = 0; k < g->n; k++)
        if (is_figure(g->sp[k]))
            return 1;
    return 0;
}

/* Figures alone in panel p can go to the panel's row just above: one read
 * without figures, at most one printed line up (its label wrapped round
 * them — rows.c, figures_row). */
static int row_above_takes(const lt_table *t, size_t p, const lt_line *ln)
{
    br_side side = lt_panel_side(t, p);
    const lt_prow *last = NULL;
    for (const lt_prow *r = t->rows; r; r = r->next)
        if (r->side == side)
            last = r;
    if (!last || last->nvals || !last->src || last->src > ln)
        return 0;
    int printed = 0;
    for (const lt_line *l = last->src + 1; l < ln; l++)
        printed += l->nspans > 0;
    return printed <= 1;
}

size_t lt_panels_cut(const lt_table *t, const lt_line *ln, lt_seg *segs, size_t cap)
{
    const lt_layout *L = &t->L;
    size_t ns = (size_t)L->npanels < cap ? (size_t)L->npanels : cap;
    for (size_t p = 0; p < ns; p++)
        segs[p].n = 0;
    for (size_t i = 0; i < ln->nspans; i++) {
        const lt_span *s = &ln->spans[i];
        int p = is_figure(s) ? panel_of_figure(L, s) : panel_of_text(L, s);
        if ((size_t)p >= ns)
            p = (int)ns - 1;
        lt_seg *g = &segs[p];
        if (g->n < LT_MAX_ROW_SPANS)
            g->sp[g->n++] = s;
    }
    /* figures alone in a panel that no row of it can take belong to the
     * label without figures just left of them: a total printed across the
     * panels ("当年支出小计 … 13,649.07"), or a figure pdftotext pushed right
     * of its column by a long label ("四、公共安全支出 … 23,513.11") */
    for (size_t p = 1; p < ns; p++) {
        lt_seg *g = &segs[p], *prev = &segs[p - 1];
        if (g->n == 0 || has_text(g) || !has_text(prev) || has_figures(prev) ||
            row_above_takes(t, p, ln))
            continue;
        for (size_t k = 0; k < g->n && prev->n < LT_MAX_ROW_SPANS; k++)
            prev->sp[prev->n++] = g->sp[k];
        g->n = 0;
    }
    return ns;
}

br_side lt_panel_side(const lt_table *t, size_t p)
{
    if (t->L.npanels > 0)
        return (int)p < t->L.npanels ? t->L.panel_side[p] : BR_SIDE_NONE;
    return p == 0 ? BR_SIDE_INCOME : p == 1 ? BR_SIDE_EXPENDITURE : BR_SIDE_NONE;
}
