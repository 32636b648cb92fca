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
    int money = 0;
    for (size_t i = 0; i < k; i++) {
        const lt_col *a = &L->cols[i], *b = &L->cols[i + k];
        if (a->what != b->what || (a->what == DT_COL_MONEY && a->role != b->role))
            return;
        money |= a->what == DT_COL_MONEY && a->role != BR_ROLE_NONE;
    }
    if (!money || L->cols[k - 1].x1 > L->cols[k].x0)
        return;
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
