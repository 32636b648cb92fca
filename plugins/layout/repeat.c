/*
 * repeat.c — a one-sided table whose list runs on in a second copy of its
 * columns printed beside the first (Shanghai 一般公共预算财政拨款基本支出决算表):
 *
 *     科目编码 科目名称 决算数 | 科目编码 科目名称 决算数
 *     301     工资福利支出 4816.14 | 302   商品和服务支出 440.90
 *
 * Each line is cut into the copies; each copy's part is a row of the one
 * table, its figures in the copy's columns (which share the model columns
 * of the first copy).  The cut follows the order of codes, labels and
 * figures (a code after a label or figure, or a label after a figure,
 * starts the next copy), not a fixed x: pdftotext -layout moves the right
 * copy's codes freely.  A line holding one copy only goes to the copy whose
 * column of its first span's kind is nearest.
 *
 * The copies may be panels whose figure columns name distinct parts of one
 * identity, their headings' roles (一般公共预算基本支出表: 人员经费 | 公用经费,
 * each 科目编码 科目名称 金额): each copy's figures go to its own role and to
 * the identity's total (rows.c).
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

void lt_repeat_build(lt_engine *e, lt_table *t)
{
    (void)e;
    lt_layout *L = &t->L;
    L->nrepeat = 0;
    if (L->two_sided || L->ncols < 4 || L->ncols % 2)
        return;
    size_t k = L->ncols / 2;
    if (L->cols[0].what != DT_COL_CODE && L->cols[0].what != DT_COL_LABEL)
        return;
    int money = 0, nmoney = 0, same = 1;
    br_role parts[2] = {BR_ROLE_NONE, BR_ROLE_NONE};
    for (size_t i = 0; i < k; i++) {
        const lt_col *a = &L->cols[i], *b = &L->cols[i + k];
        if (a->what != b->what)
            return;
        if (a->what == DT_COL_MONEY) {
            same &= a->role == b->role;
            parts[0] = a->role;
            parts[1] = b->role;
            nmoney++;
        }
        money |= a->what == DT_COL_MONEY && a->role != BR_ROLE_NONE;
    }
    if (!money || L->cols[k - 1].x1 > L->cols[k].x0)
        return;
    /* two panels whose one figure column each names a part of one identity
     * (基本支出: 人员经费 | 公用经费 over 金额): a panel row's figure is its
     * part and, the other part blank, the identity's total */
    br_role total = same || nmoney != 1 ? BR_ROLE_NONE : dt_panel_total(t->kind, parts, 2);
    if (!same && total == BR_ROLE_NONE)
        return;
    L->panel_total = total;
    L->nrepeat = 2;
    for (size_t i = k; i < L->ncols; i++)
        L->cols[i].rpanel = 1;
}

typedef enum { SP_CODE, SP_TEXT, SP_FIGURE } sp_kind;

/* A code: 3, 5 or 7 digits, alone or glued to its label ("310资本性支出"). */
static sp_kind kind_of(const lt_span *s)
{
    br_decimal d;
    if (lt_figure(s->text, &d) == 1 && !lt_digits(s->text))
        return SP_FIGURE;
    size_t n = 0;
    while (s->text[n] >= '0' && s->text[n] <= '9')
        n++;
    if ((n == 3 || n == 5 || n == 7) && (s->text[n] == 0 || (unsigned char)s->text[n] >= 0x80))
        return SP_CODE;
    return lt_figure(s->text, &d) ? SP_FIGURE : SP_TEXT;
}

int lt_repeat_of(const lt_table *t, const lt_span *s)
{
    sp_kind k = kind_of(s);
    dt_what want = k == SP_CODE ? DT_COL_CODE : k == SP_TEXT ? DT_COL_LABEL : DT_COL_MONEY;
    int best = 0, bd = -1;
    for (size_t i = 0; i < t->L.ncols; i++) {
        const lt_col *c = &t->L.cols[i];
        if (c->what != want)
            continue;
        /* figures are right-aligned, codes and labels left-aligned */
        int d = k == SP_FIGURE ? abs(s->x1 - c->x1) : abs(s->x0 - c->x0);
        if (bd < 0 || d < bd) {
            bd = d;
            best = c->rpanel;
        }
    }
    return best;
}

/* Digits s end nearer a figure column's right edge than they begin near a
 * code column's left edge (figures right-aligned, codes left-aligned). */
static int nearer_figures(const lt_table *t, const lt_span *s)
{
    int dcode = -1, dmoney = -1;
    for (size_t i = 0; i < t->L.ncols; i++) {
        const lt_col *c = &t->L.cols[i];
        int d = c->what == DT_COL_CODE ? abs(s->x0 - c->x0) : abs(s->x1 - c->x1);
        if (c->what == DT_COL_CODE && (dcode < 0 || d < dcode))
            dcode = d;
        if (c->what == DT_COL_MONEY && (dmoney < 0 || d < dmoney))
            dmoney = d;
    }
    return dmoney >= 0 && dcode >= 0 && dmoney < dcode;
}

/* A text other than a page number follows span i of line ln. */
static int label_follows(const lt_line *ln, size_t i)
{
    for (size_t k = i + 1; k < ln->nspans; k++)
        if (kind_of(&ln->spans[k]) == SP_TEXT &&
            dt_page_number(ln->spans[k].text, strlen(ln->spans[k].text)) < 0)
            return 1;
    return 0;
}

size_t lt_repeat_cut(const lt_table *t, const lt_line *ln, lt_seg *segs, size_t cap)
{
    for (size_t p = 0; p < cap; p++)
        segs[p].n = 0;
    if (ln->nspans == 0 || cap < 2)
        return 0;
    size_t p = (size_t)lt_repeat_of(t, &ln->spans[0]);
    int other = 0, fig = 0; /* the current copy has a text or figure / a figure */
    for (size_t i = 0; i < ln->nspans; i++) {
        const lt_span *s = &ln->spans[i];
        sp_kind k = kind_of(s);
        /* digits after the copy's label, before no figure, and followed by
         * a code: the copy's integer figure ("工资福利支出  484  302"), not a
         * code (a code is followed by its label) */
        if (k == SP_CODE && lt_digits(s->text) && other && !fig && i + 1 < ln->nspans &&
            kind_of(&ln->spans[i + 1]) == SP_CODE)
            k = SP_FIGURE;
        /* …and digits no label follows that end where a copy's figures
         * end, far from where its codes begin ("合计 … 318" under the
         * right 金额; a code is followed by its label) */
        if (k == SP_CODE && lt_digits(s->text) && !label_follows(ln, i) && nearer_figures(t, s))
            k = SP_FIGURE;
        if (i > 0 && p + 1 < (size_t)t->L.nrepeat &&
            ((k == SP_CODE && other) || (k == SP_TEXT && fig))) {
            p++;
            other = fig = 0;
        }
        if (segs[p].n < LT_MAX_ROW_SPANS)
            segs[p].sp[segs[p].n++] = s;
        other |= k != SP_CODE;
        fig |= k == SP_FIGURE;
    }
    return (size_t)t->L.nrepeat;
}
