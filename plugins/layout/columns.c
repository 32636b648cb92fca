/*
 * columns.c — a table's header lines → its leaf columns.
 *
 * Header cells are spans.  A cell whose text was wrapped over two lines
 * ("事业单位" over "经营收入", "2024年机关运行经" over "费预算数") shows as two
 * spans that overlap only each other: they are joined into one cell.  A
 * spanning header ("功能分类科目编码" over 类/款/项, "公务用车购置及运行费" over
 * 小计/购置费/运行费) overlaps the cells below it (x ranges widened a little:
 * headers are centred, pdftotext shifts them); cells that are nobody's
 * parent are the leaf columns, classified by the catalog from their header
 * path (lowest component first).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

typedef struct hspan {
    int x0, x1, li; /* li: index of its header line */
    char text[DT_COMP_MAX];
    int dead;   /* joined into another */
    int parent; /* has a cell below it */
    int known;  /* its text alone names a column */
    int structural; /* … a code or label column (科目编码 over 类/款/项) */
} hspan;

static int overlap(int a0, int a1, int b0, int b1) { return a0 < b1 && b0 < a1; }

static int widen(const hspan *h) { int w = (h->x1 - h->x0) / 4; return w < 3 ? 3 : w; }

/* A spanning header over a cell below it: a known column name only over a
 * narrower cell it overlaps; a group title ("项目", "收入预算") also over
 * cells beside it (centred headers shift). */
static int covers(const hspan *up, const hspan *lo)
{
    if (!up->known) {
        int w = widen(up);
        return overlap(up->x0 - w, up->x1 + w, lo->x0, lo->x1);
    }
    /* a known name over an unknown cell is a cell of the same header row
     * that pdftotext shifted a line up ("公务接待费" over "小计") */
    return overlap(up->x0, up->x1, lo->x0, lo->x1) && up->x1 - up->x0 > lo->x1 - lo->x0 &&
           (lo->known || up->structural);
}

/* Ancestors (for the header path): overlap with some slack. */
static int above(const hspan *up, const hspan *lo)
{
    int w = widen(up);
    return overlap(up->x0 - w, up->x1 + w, lo->x0, lo->x1);
}

/*
 * Join a header cell wrapped over two lines: the upper part A and the lower
 * part B overlap only each other (on B's line), start at about the same x,
 * and A is at least as wide as B (text fills the first line first).  One
 * line may lie between them: the cells of the same header row that
 * pdftotext centred vertically.
 */
static void join_wrapped(hspan *h, size_t n)
{
    for (size_t a = 0; a < n; a++) {
        if (h[a].dead)
            continue;
        for (int dl = 2; dl >= 1; dl--) {
            size_t nb = 0, b = 0;
            for (size_t j = 0; j < n; j++)
                if (!h[j].dead && h[j].li == h[a].li + dl &&
                    overlap(h[a].x0, h[a].x1, h[j].x0, h[j].x1)) {
                    nb++;
                    b = j;
                }
            if (nb == 0)
                continue;
            if (nb != 1)
                break;
            if (dl == 1) { /* next line: only a lone fragment ("费支出") */
                size_t on_line = 0;
                for (size_t j = 0; j < n; j++)
                    on_line += !h[j].dead && h[j].li == h[b].li;
                if (on_line != 1)
                    break;
            }
            size_t na = 0;
            for (size_t j = 0; j < n; j++)
                if (!h[j].dead && h[j].li == h[a].li && overlap(h[j].x0, h[j].x1, h[b].x0, h[b].x1))
                    na++;
            int wa = h[a].x1 - h[a].x0, wb = h[b].x1 - h[b].x0;
            int dx = h[a].x0 - h[b].x0;
            if (na != 1 || wa < wb || dx > 6 || dx < -6)
                break;
            char buf[DT_COMP_MAX];
            size_t la = strlen(h[a].text);
            memcpy(buf, h[a].text, la);
            dt_copy(h[b].text, strlen(h[b].text), buf + la, sizeof buf - la);
            memcpy(h[b].text, buf, sizeof buf);
            if (h[a].x0 < h[b].x0)
                h[b].x0 = h[a].x0;
            if (h[a].x1 > h[b].x1)
                h[b].x1 = h[a].x1;
            h[a].dead = 1;
            break;
        }
    }
}

/*
 * Cells wrapped over three lines, side by side ("一般公共 / 预算财政 / 拨款",
 * "政府性基 / 金预算财 / 政拨款"): pdftotext shifts the middle line, so its
 * parts are matched to the top parts in order, not by overlap.  A top part
 * A on line L pairs with the one part B on line L+2 it overlaps (starting
 * at about the same x, no wider than A); when the unknown cells of line L+1
 * from A's x on are as many as the pairs, each near its A, they are joined
 * A+M+B into B.  The three parts may also lie two lines apart, when the
 * cells beside them are centred on the lines between ("政府性基" /
 * "金预算财" / "政拨款" on lines 1, 3, 5 around "一般公共预" / "算财政拨款").
 */
static void join_three(hspan *h, size_t n)
{
    int maxli = 0;
    for (size_t i = 0; i < n; i++)
        if (h[i].li > maxli)
            maxli = h[i].li;
    for (int k = 0; k < 2 * maxli; k++) {
        int st = 1 + k / maxli, L = k % maxli; /* stride 1, then 2 */
        if (L + 2 * st > maxli)
            continue;
        size_t A[LT_MAX_COLS], B[LT_MAX_COLS], M[LT_MAX_COLS], na = 0, nm = 0;
        for (size_t a = 0; a < n && na < LT_MAX_COLS; a++) {
            if (h[a].dead || h[a].li != L)
                continue;
            size_t nb = 0, b = 0;
            for (size_t j = 0; j < n; j++)
                if (!h[j].dead && h[j].li == L + 2 * st &&
                    overlap(h[a].x0, h[a].x1, h[j].x0, h[j].x1)) {
                    nb++;
                    b = j;
                }
            int dx = nb == 1 ? h[a].x0 - h[b].x0 : 99;
            if (nb != 1 || h[a].x1 - h[a].x0 < h[b].x1 - h[b].x0 || dx > 6 ||
                dx < -6)
                continue;
            A[na] = a;
            B[na] = b;
            na++;
        }
        if (na < 2)
            continue;
        for (size_t j = 0; j < n && nm < LT_MAX_COLS; j++)
            if (!h[j].dead && h[j].li == L + st && !h[j].known && h[j].x0 >= h[A[0]].x0 - 6 &&
                h[j].x0 <= h[A[na - 1]].x1 + 6)
                M[nm++] = j;
        if (nm != na)
            continue;
        int ok = 1;
        for (size_t i = 0; i < na && ok; i++)
            ok = h[M[i]].x0 >= h[A[i]].x0 - 6 && h[M[i]].x0 <= h[A[i]].x1 + 6;
        if (!ok)
            continue;
        for (size_t i = 0; i < na; i++) {
            char buf[DT_COMP_MAX];
            size_t off = dt_copy(h[A[i]].text, strlen(h[A[i]].text), buf, sizeof buf);
            off += dt_copy(h[M[i]].text, strlen(h[M[i]].text), buf + off, sizeof buf - off);
            dt_copy(h[B[i]].text, strlen(h[B[i]].text), buf + off, sizeof buf - off);
            memcpy(h[B[i]].text, buf, sizeof buf);
            if (h[A[i]].x0 < h[B[i]].x0)
                h[B[i]].x0 = h[A[i]].x0;
            if (h[A[i]].x1 > h[B[i]].x1)
                h[B[i]].x1 = h[A[i]].x1;
            h[A[i]].dead = h[M[i]].dead = 1;
        }
    }
}

static int cmp_col(const void *a, const void *b)
{
    const lt_col *x = a, *y = b;
    int cx = x->x0 + x->x1, cy = y->x0 + y->x1;
    if (cx != cy)
        return (cx > cy) - (cx < cy);
    return (x->li > y->li) - (x->li < y->li);
}

static int vehicle(br_role r)
{
    return r == BR_ROLE_VEHICLE_SUBTOTAL || r == BR_ROLE_VEHICLE_PURCHASE ||
           r == BR_ROLE_VEHICLE_OPERATION || r == BR_ROLE_PREV_VEHICLE_SUBTOTAL ||
           r == BR_ROLE_PREV_VEHICLE_PURCHASE || r == BR_ROLE_PREV_VEHICLE_OPERATION;
}

/* The 公务用车 columns are one group: a column printed in between (a header
 * cell pdftotext shifted) goes before the group. */
static void vehicle_group(lt_layout *L)
{
    int first = -1, last = -1;
    for (size_t i = 0; i < L->ncols; i++)
        if (vehicle(L->cols[i].role)) {
            if (first < 0)
                first = (int)i;
            last = (int)i;
        }
    if (first < 0)
        return;
    for (int i = first + 1; i < last; i++) {
        if (vehicle(L->cols[i].role))
            continue;
        lt_col c = L->cols[i];
        memmove(&L->cols[first + 1], &L->cols[first], (size_t)(i - first) * sizeof c);
        L->cols[first] = c;
        first++;
    }
}

void lt_layout_build(lt_engine *e, lt_table *t)
{
    hspan h[LT_MAX_HDR_SPANS];
    size_t n = 0;
    for (size_t li = 0; li < t->nhdr; li++)
        for (size_t s = 0; s < t->hdr[li]->nspans && n < LT_MAX_HDR_SPANS; s++) {
            const lt_span *sp = &t->hdr[li]->spans[s];
            hspan *x = &h[n];
            memset(x, 0, sizeof *x);
            x->x0 = sp->x0;
            x->x1 = sp->x1;
            x->li = (int)li;
            if (lt_squeeze(sp->text, x->text, sizeof x->text) == 0)
                continue;
            n++;
        }
    for (size_t a = 0; a < n; a++) { /* for join_wrapped: a known name is a cell of its own */
        const char *one[1] = {h[a].text};
        br_role r;
        h[a].known = dt_catalog_column(t->kind, one, 1, &r) != DT_COL_NONE;
    }
    join_three(h, n);
    join_wrapped(h, n);
    for (size_t a = 0; a < n; a++) {
        const char *one[1] = {h[a].text};
        br_role r;
        dt_what w = dt_catalog_column(t->kind, one, 1, &r);
        h[a].known = w != DT_COL_NONE && strcmp(h[a].text, "项目") != 0;
        h[a].structural = w == DT_COL_CODE || w == DT_COL_LABEL;
    }
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n && !h[a].dead; b++)
            if (!h[b].dead && h[b].li > h[a].li && covers(&h[a], &h[b]))
                h[a].parent = 1;

    lt_layout *L = &t->L;
    memset(L, 0, sizeof *L);
    int year = t->year ? t->year : e->doc_year;
    for (size_t b = 0; b < n && L->ncols < LT_MAX_COLS; b++) {
        if (h[b].dead || h[b].parent)
            continue;
        const char *comp[LT_MAX_HDR_LINES + 1];
        size_t depth = 0;
        int prev = 0;
        for (size_t li = 0; li < t->nhdr && depth < LT_MAX_HDR_LINES; li++) {
            if ((int)li >= h[b].li)
                break;
            /* the ancestor on this line overlapping most */
            int best = -1, bo = 0;
            for (size_t a = 0; a < n; a++) {
                if (h[a].dead || h[a].li != (int)li || !above(&h[a], &h[b]))
                    continue;
                int o = (h[a].x1 < h[b].x1 ? h[a].x1 : h[b].x1) -
                        (h[a].x0 > h[b].x0 ? h[a].x0 : h[b].x0);
                if (best < 0 || o > bo) {
                    best = (int)a;
                    bo = o;
                }
            }
            if (best >= 0)
                comp[depth++] = h[best].text;
        }
        comp[depth++] = h[b].text;
        lt_col *c = &L->cols[L->ncols++];
        memset(c, 0, sizeof *c);
        c->x0 = h[b].x0;
        c->x1 = h[b].x1;
        c->li = h[b].li;
        c->model = -1;
        c->what = dt_catalog_column(t->kind, comp, depth, &c->role);
        for (size_t d = 0; d < depth; d++) {
            int y = dt_year_in(comp[d], strlen(comp[d]));
            if (y && year && y < year)
                prev = 1;
        }
        if (prev && c->what == DT_COL_MONEY) {
            br_role p = dt_catalog_prev_role(c->role);
            if (p != BR_ROLE_NONE)
                c->role = p;
        }
        size_t off = 0;
        for (size_t d = 0; d < depth && off + 1 < sizeof c->name; d++)
            off += (size_t)snprintf(c->name + off, sizeof c->name - off, "%s%s", d ? "/" : "",
                                    comp[d]);
    }
    qsort(L->cols, L->ncols, sizeof L->cols[0], cmp_col);
    if (t->kind == BR_KIND_THREE_PUBLIC)
        vehicle_group(L);

    /* panels of two-sided tables: each label column starts one */
    L->two_sided = (dt_catalog_kind_flags(t->kind) & DT_TWO_SIDED) != 0;
    int panel = 0;
    L->label_x0 = -1;
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        if (c->what == DT_COL_LABEL) {
            panel++;
            if (panel == 2)
                L->split_x = i > 0 ? L->cols[i - 1].x1 : c->x0;
            if (L->label_x0 < 0)
                L->label_x0 = c->x0;
            L->has_label = 1;
        }
        if (c->what == DT_COL_CODE || c->what == DT_COL_DEPT || c->what == DT_COL_SEQ)
            L->has_code = 1;
        if (L->two_sided)
            c->side = panel <= 1 ? BR_SIDE_INCOME : panel == 2 ? BR_SIDE_EXPENDITURE : BR_SIDE_NONE;
    }
    if (L->two_sided && panel < 2) {
        /* no second label column: split at the first column naming 支出 */
        for (size_t i = 0; i < L->ncols; i++)
            if (dt_catalog_side(L->cols[i].name) == BR_SIDE_EXPENDITURE) {
                L->split_x = L->cols[i].x0;
                for (size_t j = i; j < L->ncols; j++)
                    L->cols[j].side = BR_SIDE_EXPENDITURE;
                break;
            }
    }
    /* 财政拨款收支总表: the income panel has one figure column, `amount`,
     * whatever its header says (决算数 / 预算数 read as total elsewhere) */
    if (L->two_sided && t->kind == BR_KIND_FISCAL_SUMMARY)
        for (size_t i = 0; i < L->ncols; i++)
            if (L->cols[i].side == BR_SIDE_INCOME && L->cols[i].what == DT_COL_MONEY &&
                L->cols[i].role == BR_ROLE_TOTAL)
                L->cols[i].role = BR_ROLE_AMOUNT;
    /* model columns */
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        if (c->what != DT_COL_MONEY || c->role == BR_ROLE_NONE)
            continue;
        if (L->two_sided && c->side == BR_SIDE_NONE) {
            lt_note(e, t, BR_SEV_INFO, NULL, t->title_line,
                    "column \"%s\" of a third panel is not modelled", c->name);
            continue;
        }
        size_t m = 0;
        while (m < L->nroles && L->roles[m] != c->role)
            m++;
        if (m < L->nroles && !L->two_sided) {
            lt_note(e, t, BR_SEV_WARNING, NULL, t->title_line,
                    "column \"%s\" repeats role %s; not modelled", c->name,
                    lt_host->role_name(c->role));
            continue;
        }
        if (m == L->nroles)
            L->roles[L->nroles++] = c->role;
        c->model = (int)m;
    }
    /* the zone of row labels: after the codes, before the first figures */
    int lx0 = 0, lx1 = -1;
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        if (c->what == DT_COL_CODE || c->what == DT_COL_SEQ || c->what == DT_COL_DEPT)
            lx0 = c->x1;
        if ((c->what == DT_COL_MONEY || c->what == DT_COL_NONE) && lx1 < 0 && i > 0)
            lx1 = c->x0;
    }
    L->label_x0 = lx0;
    L->label_x1 = lx1 < 0 ? lx0 + 40 : lx1;
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        if (c->what == DT_COL_NONE)
            lt_note(e, t, BR_SEV_INFO, NULL, t->title_line,
                    "header column \"%s\" is not recognised; its figures are not modelled",
                    c->name);
    }
    if (getenv("BR_LAYOUT_DEBUG"))
        for (size_t i = 0; i < L->ncols; i++)
            fprintf(stderr, "layout %ld: [%d,%d) li=%d what=%d role=%s side=%d model=%d %s\n",
                    t->title_line, L->cols[i].x0, L->cols[i].x1, L->cols[i].li, L->cols[i].what,
                    lt_host->role_name(L->cols[i].role) ? lt_host->role_name(L->cols[i].role) : "-",
                    L->cols[i].side, L->cols[i].model, L->cols[i].name);
    t->have_layout = 1;
}
