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
    int label_word; /* a label column's name used as a group title ("项目") */
    int w;          /* the width of its widest line (a wrapped cell is joined) */
    int top;        /* the header line of its first line (li: its last) */
    int hx0, hx1;   /* a heading centred on cells narrower than it: their stretch */
    int cw;         /* the width of a character in x units (text 1, pdf its glyphs') */
} hspan;

static int overlap(int a0, int a1, int b0, int b1) { return a0 < b1 && b0 < a1; }

/* The slack of a heading over the cells below it: a quarter of its width,
 * at least three characters of a text layout (pdftotext's columns shift
 * cells by a character or two), just over one character of a PDF (exact
 * positions, in points: "小计" centred between its 预算数 | 决算数 a
 * character from each heads both; more slack reaches the neighbours' cells
 * in the Jiangsu PDFs of the real corpus) */
static int widen(const hspan *h)
{
    int w = (h->x1 - h->x0) / 4, least = h->cw > 1 ? h->cw + 1 : 3;
    return w < least ? least : w;
}

/* A spanning header over a cell below it: a known column name only over a
 * narrower cell it overlaps; a group title ("项目", "收入预算") also over
 * cells beside it (centred headers shift). */
static int covers(const hspan *up, const hspan *lo)
{
    if (!up->known) {
        /* "项目" heads the code and label cells, never a figure column */
        if (up->label_word && lo->known && !lo->structural)
            return 0;
        int w = widen(up);
        return overlap(up->x0 - w, up->x1 + w, lo->x0, lo->x1);
    }
    /* a known name over an unknown cell is a cell of the same header row
     * that pdftotext shifted a line up ("公务接待费" over "小计") */
    if (!overlap(up->x0, up->x1, lo->x0, lo->x1) || up->x1 - up->x0 <= lo->x1 - lo->x0 ||
        !(lo->known || up->structural))
        return 0;
    /* two column names: the lower lies mostly under the upper, not only
     * grazed by a neighbour pdftotext shifted ("本年收入" beside "合计") */
    int ov = (up->x1 < lo->x1 ? up->x1 : lo->x1) - (up->x0 > lo->x0 ? up->x0 : lo->x0);
    return !lo->known || 2 * ov > lo->x1 - lo->x0;
}

static int money_name(const hspan *h) { return h->known && !h->structural; }

/* A code part's own name: 类 | 款 | 项 printed apart under the code's
 * heading. */
static int code_part_name(const char *name)
{
    const char *slash = strrchr(name, '/');
    const char *own = slash ? slash + 1 : name;
    return strcmp(own, "类") == 0 || strcmp(own, "款") == 0 || strcmp(own, "项") == 0;
}

/* A header cell that is never the rest of a wrapped one: a stage word
 * ("(境)费" over 预算数 is not "(境)费预算数") or a code part ("科目编码" over
 * 款 is not "科目编码款") — where a text counts one column per character a
 * heading is half as wide as printed, and such a cell may sit alone under
 * it. */
static int cell_of_its_own(br_kind kind, const char *text)
{
    return dt_catalog_stage(kind, text) >= 0 || code_part_name(text);
}

/*
 * A figure column's name centred over two figure columns side by side on a
 * lower line ("预算数" over 合计 … 项目支出, "基本支出" over 人员经费 | 公用经费)
 * spans them even when it is narrower than they are: its centre lies
 * between theirs, no other cell of that line lies between them, and it
 * reaches into the stretch from the first to the second.  In a two-sided
 * table the title of a panel ("本年收入", "财政拨款收入") is centred so over
 * the panel's label and figure cells; a code's name ("编码") over its parts.
 */
/* Two cells of one header row: on the same line, or one of them stacked
 * over lines from the other's line down ("合计" beside "项目支" / "出"). */
static int same_row(const hspan *p, const hspan *q)
{
    return p->li == q->li || (p->top == q->top && (p->top == p->li || q->top == q->li));
}

/* A run of two or more figure-column names of b1's line, from b1 or a cell
 * left of it to b2 or a cell right of it, that heading a is centred on
 * within a sixth: the nearest centred one's extent. */
/*
 * Where a header row names its cells twice (上年 | 本年 blocks: 总计 因公出国
 * … 总计 因公出国 …), a group's run starts where a block does: at a cell
 * named as the row's first figure cell.  The name a run must start with in
 * the row of cell `row`, or NULL when the row names no cell twice.
 */
static const char *block_start(const hspan *h, size_t n, size_t row)
{
    size_t first = n;
    int repeated = 0;
    for (size_t j = 0; j < n; j++) {
        if (h[j].dead || !same_row(&h[j], &h[row]) || !money_name(&h[j]))
            continue;
        if (first == n || h[j].x0 < h[first].x0)
            first = j;
        for (size_t q = 0; q < j && !repeated; q++)
            repeated = !h[q].dead && same_row(&h[q], &h[row]) && money_name(&h[q]) &&
                       strcmp(h[q].text, h[j].text) == 0;
    }
    return repeated && first < n ? h[first].text : NULL;
}

static int centred_run(const hspan *h, size_t n, size_t a, size_t b1, size_t b2, int *sx0,
                       int *sx1)
{
    int ca = h[a].x0 + h[a].x1, best = -1;
    const char *start = block_start(h, n, b1);
    for (size_t l = 0; l < n; l++) {
        if (h[l].dead || !same_row(&h[l], &h[b1]) || h[l].x0 > h[b1].x0 || !money_name(&h[l]) ||
            (start && strcmp(h[l].text, start) != 0))
            continue;
        for (size_t r = 0; r < n; r++) {
            if (h[r].dead || !same_row(&h[r], &h[b1]) || h[r].x1 < h[b2].x1 ||
                !money_name(&h[r]) || r == l || (l == b1 && r == b2))
                continue;
            /* every cell of the run names a figure column, each its own
             * (a group's cells are distinct: a second 合计 starts the next
             * group) */
            int ok = 1;
            for (size_t j = 0; j < n && ok; j++) {
                if (h[j].dead || !same_row(&h[j], &h[b1]) || h[j].x0 < h[l].x0 ||
                    h[j].x1 > h[r].x1)
                    continue;
                if (!money_name(&h[j]))
                    ok = 0;
                for (size_t q = 0; q < j && ok; q++)
                    if (!h[q].dead && same_row(&h[q], &h[b1]) && h[q].x0 >= h[l].x0 &&
                        h[q].x1 <= h[r].x1 && strcmp(h[q].text, h[j].text) == 0)
                        ok = 0;
            }
            int w = h[r].x1 - h[l].x0, d = abs(ca - (h[l].x0 + h[r].x1));
            if (ok && 6 * d <= 2 * w && (best < 0 || d < best)) {
                best = d;
                *sx0 = h[l].x0;
                *sx1 = h[r].x1;
            }
        }
    }
    return best >= 0;
}

/* The own name of column c (the last part of its header path). */
static const char *own_name(const lt_col *c)
{
    const char *slash = strrchr(c->name, '/');
    return slash ? slash + 1 : c->name;
}

/*
 * A text that counts one column per character (pdftotext) prints a CJK
 * header cell at its left edge and half as wide as it is; the figures under
 * it end where the cell as printed ends ("人员经费" [30,34) over figures
 * ending at 38).  A money column no wider than its own cell's characters
 * (not a stretch over cells below) ends as printed (px1) as far as its
 * name's display width: where a figure clearly lies under it (rows.c).
 * Its x1 stays: the header's geometry, and the spacing of the columns a
 * row's figures keep, are those of the text.
 */
static void printed_extents(lt_layout *L)
{
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        const char *own = own_name(c);
        /* (a cell stacked over lines, "人员" / "经费", is as wide as its
         * widest line: scaled alike) */
        int chars = (int)lt_chars(own), printed = lt_text_width(own, strlen(own), 2);
        int w = c->x1 - c->x0;
        c->px1 = c->x1;
        if (c->what == DT_COL_MONEY && w <= chars && printed > chars && chars > 0)
            c->px1 = c->x0 + (w * printed + chars / 2) / chars;
    }
}


/*
 * "项" beside the code parts 类 | 款 of its line, outside their heading
 * ("功能分类科目编码" over 类 | 款 | 项; "类" left of "科目编码" over 款): a code
 * part too.  Where a text counts
 * one column per character (pdftotext), a CJK heading is half as wide as
 * it was printed and no longer reaches the last parts under it.
 */
static void code_parts_beside(lt_layout *L)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < L->ncols; i++) {
            lt_col *c = &L->cols[i];
            if (c->what != DT_COL_NONE || !code_part_name(c->name) || strchr(c->name, '/'))
                continue;
            for (size_t j = i ? i - 1 : 1; j <= i + 1 && j < L->ncols; j += 2) {
                const lt_col *o = &L->cols[j];
                if (o->what == DT_COL_CODE && code_part_name(o->name) && o->li == c->li) {
                    c->what = DT_COL_CODE;
                    changed = 1;
                    break;
                }
            }
        }
    }
}

static int centred_over(const hspan *h, size_t n, size_t a, int two_sided, int skip_li,
                        int *sx0, int *sx1)
{
    int panel_title = two_sided && !h[a].structural &&
                      (!h[a].known || dt_catalog_side(h[a].text) != BR_SIDE_NONE);
    /* a code or label name over the parts of the code ("编码" over 类 | 款),
     * never over a figure column's name */
    int code_title = h[a].structural && !h[a].label_word;
    if (code_title)
        panel_title = 1;
    if (!money_name(&h[a]) && !panel_title)
        return 0;
    int ca = h[a].x0 + h[a].x1;
    for (size_t b1 = 0; b1 < n; b1++) {
        if (h[b1].dead || h[b1].top <= h[a].li || h[b1].li == skip_li ||
            (!money_name(&h[b1]) && !panel_title) ||
            h[b1].x0 + h[b1].x1 >= ca)
            continue;
        /* the next cell right of b1 on its line */
        size_t b2 = n;
        for (size_t j = 0; j < n; j++)
            if (!h[j].dead && h[j].li == h[b1].li && h[j].x0 > h[b1].x0 &&
                (b2 == n || h[j].x0 < h[b2].x0))
                b2 = j;
        if (b2 == n || (!money_name(&h[b2]) && !panel_title) || h[b2].x0 + h[b2].x1 <= ca ||
            h[b2].top <= h[a].li || (code_title && (money_name(&h[b1]) || money_name(&h[b2]))))
            continue;
        /* …and centred on their stretch (within a fifth of it) */
        int span = h[b2].x1 - h[b1].x0, mid = h[b1].x0 + h[b2].x1;
        /* (a side's name, "收入", heads its panel wherever it sits over it) */
        int side = panel_title && dt_catalog_side(h[a].text) != BR_SIDE_NONE;
        if (overlap(h[a].x0, h[a].x1, h[b1].x0, h[b2].x1) &&
            (side || 5 * abs(ca - mid) <= 2 * span)) {
            *sx0 = h[b1].x0;
            *sx1 = h[b2].x1;
            return 1;
        }
        /* a group's name over more than the two ("2024 年预算数" over 合计 |
         * 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费): the run of
         * figure-column names on that line round the two, centred on it
         * within a sixth */
        if (panel_title || !overlap(h[a].x0, h[a].x1, h[b1].x0, h[b2].x1))
            continue;
        if (centred_run(h, n, a, b1, b2, sx0, sx1))
            return 1;
    }
    /* …or over a run whose middle cell lies right under its centre
     * ("预算数" over 合计 | 基本支出 | 项目支出) */
    for (size_t m = 0; m < n && !panel_title; m++)
        if (!h[m].dead && h[m].top > h[a].li && h[m].li != skip_li && money_name(&h[m]) &&
            2 * h[m].x0 < ca && ca < 2 * h[m].x1 && overlap(h[a].x0, h[a].x1, h[m].x0, h[m].x1) &&
            centred_run(h, n, a, m, m, sx0, sx1))
            return 1;
    return 0;
}

/* Ancestors (for the header path): overlap with some slack. */
static int above(const hspan *up, const hspan *lo)
{
    int w = widen(up);
    return overlap(up->x0 - w, up->x1 + w, lo->x0, lo->x1);
}

/* The text names a column of the kind by itself (catalog). */
static int names_column(br_kind kind, const char *text)
{
    const char *one[1] = {text};
    br_role r;
    return dt_catalog_column(kind, one, 1, &r) != DT_COL_NONE;
}

/* Two header spans with the same extent (within tol): the lines of one
 * cell, whatever words they hold ("公务用" over "车购置"). */
static int aligned(const hspan *a, const hspan *b, int tol)
{
    return abs(a->x0 - b->x0) <= tol && abs(a->x1 - b->x1) <= tol;
}

static int aligned_any(const hspan *h, const size_t *A, size_t na, size_t j, int tol)
{
    for (size_t i = 0; i < na; i++)
        if (aligned(&h[A[i]], &h[j], tol))
            return 1;
    return 0;
}

/* Cell b is one of a run of two or more cells of its line that a cell of
 * line `li` is centred on (within a sixth of the run) and alone over: a
 * group's cell. */
static int grouped_below(const hspan *h, size_t n, size_t b, int li)
{
    for (size_t j = 0; j < n; j++) {
        if (h[j].dead || h[j].li != li || !h[j].known)
            continue;
        int cj = h[j].x0 + h[j].x1;
        for (size_t l = 0; l < n; l++) {
            if (h[l].dead || h[l].li != h[b].li || h[l].x0 > h[b].x0)
                continue;
            for (size_t r = 0; r < n; r++) {
                if (h[r].dead || h[r].li != h[b].li || h[r].x1 < h[b].x1 || r == l)
                    continue;
                int w = h[r].x1 - h[l].x0, d = abs(cj - (h[l].x0 + h[r].x1));
                if (!overlap(h[j].x0, h[j].x1, h[l].x0, h[r].x1) || 6 * d > 2 * w)
                    continue;
                int alone = 1; /* no other cell of line li over the run */
                for (size_t k = 0; k < n && alone; k++)
                    if (k != j && !h[k].dead && h[k].li == li &&
                        overlap(h[k].x0, h[k].x1, h[l].x0, h[r].x1))
                        alone = 0;
                if (alone)
                    return 1;
            }
        }
    }
    return 0;
}

/*
 * Join a header cell wrapped over two lines: the upper part A and the lower
 * part B overlap only each other (on B's line), start at about the same x
 * (or B is centred under A), and A is at least as wide as B (text fills the
 * first line first).  One
 * line may lie between them: the cells of the same header row that
 * pdftotext centred vertically.
 */
/* The role a text names as a column by itself, or NONE (and *what). */
static br_role own_role(br_kind kind, const char *text, dt_what *what)
{
    const char *one[1] = {text};
    br_role r = BR_ROLE_NONE;
    *what = dt_catalog_column(kind, one, 1, &r);
    return r;
}

/* A label column's word over a fragment naming nothing, the two together a
 * figure column's name, right of a figure column's name ("项目" over "支出"
 * beside 总计): the first line of a stacked cell, not the label column. */
static int label_over_fragment(br_kind kind, const hspan *h, size_t n, size_t a, size_t b)
{
    dt_what wa, wb, wj, wl;
    char buf[DT_COMP_MAX];
    size_t la = dt_copy(h[a].text, strlen(h[a].text), buf, sizeof buf);
    dt_copy(h[b].text, strlen(h[b].text), buf + la, sizeof buf - la);
    own_role(kind, h[a].text, &wa);
    own_role(kind, h[b].text, &wb);
    own_role(kind, buf, &wj);
    if (wa != DT_COL_LABEL || wb != DT_COL_NONE || wj != DT_COL_MONEY)
        return 0;
    for (size_t j = 0; j < n; j++)
        if (!h[j].dead && h[j].x1 <= h[a].x0 && (own_role(kind, h[j].text, &wl), wl == DT_COL_MONEY))
            return 1;
    return 0;
}

static void join_wrapped(br_kind kind, hspan *h, size_t n, int cw, int tol, int narrow)
{
    /* lowest lines first: a cell wrapped under a spanning header joins its
     * own last line before the header could take it ("公务用车 / 购置费"
     * under "公务用车购置及运行维护费") */
    int maxli = 0;
    for (size_t i = 0; i < n; i++)
        if (h[i].li > maxli)
            maxli = h[i].li;
    for (int li = maxli; li >= 0; li--) {
        for (size_t a = 0; a < n; a++) {
            if (h[a].dead || h[a].li != li)
                continue;
            /* (where a text counts one column per character the first
             * line reaches as far as it is printed, over a fragment that
             * names nothing alone: "结转下年资" over "金", not "功能分类"
             * over 金额) */
            int ax1 = narrow ? h[a].x0 + lt_text_width(h[a].text, strlen(h[a].text), 2) : h[a].x1;
            for (int dl = 2; dl >= 1; dl--) {
                size_t nb = 0, b = 0;
                for (size_t j = 0; j < n; j++)
                    if (!h[j].dead && h[j].li == h[a].li + dl &&
                        overlap(h[a].x0, h[j].known ? h[a].x1 : ax1, h[j].x0, h[j].x1)) {
                        nb++;
                        b = j;
                    }
                if (nb == 0)
                    continue;
                if (nb != 1 || cell_of_its_own(kind, h[b].text))
                    break;
                if (dl == 1) { /* next line: only a lone fragment ("费支出") */
                    size_t on_line = 0;
                    for (size_t j = 0; j < n; j++)
                        on_line += !h[j].dead && h[j].li == h[b].li;
                    /* …or, among other cells, a fragment right under a
                     * fragment, the two naming a column together ("人员" over
                     * "经费" in a header stacked over lines; "基本支" over
                     * "出": a word's last character, not a cell of its own) */
                    if (on_line != 1) {
                        char jb[DT_COMP_MAX];
                        size_t la = dt_copy(h[a].text, strlen(h[a].text), jb, sizeof jb);
                        dt_copy(h[b].text, strlen(h[b].text), jb + la, sizeof jb - la);
                        int under = abs(h[a].x0 - h[b].x0) <= cw ||
                                    abs((h[a].x0 + h[a].x1) - (h[b].x0 + h[b].x1)) <= 2 * cw;
                        /* (one column per character: centred as printed,
                         * "基本支" over "出" two characters right) */
                        int bx1 = h[b].x0 + lt_text_width(h[b].text, strlen(h[b].text), 2);
                        under |= narrow && abs((h[a].x0 + ax1) - (h[b].x0 + bx1)) <=
                                               2 * NARROW_DRIFT;
                        /* (…or starting within it as printed: "日常公" over
                         * "用经费", their lines run on from the cell beside) */
                        under |= narrow && h[b].x0 >= h[a].x0 && h[b].x0 < ax1;
                        if (((h[a].known && lt_chars(h[b].text) > 1) || h[b].known || !under ||
                             !names_column(kind, jb)) &&
                            !(under && label_over_fragment(kind, h, n, a, b)))
                            break;
                    }
                }
                size_t na = 0;
                for (size_t j = 0; j < n; j++)
                    if (!h[j].dead && h[j].li == h[a].li &&
                        overlap(h[j].x0, j == a && !h[b].known ? ax1 : h[j].x1, h[b].x0, h[b].x1))
                        na++;
                int wa = h[a].x1 - h[a].x0, wb = h[b].x1 - h[b].x0;
                int dx = h[a].x0 - h[b].x0;
                /* the last line starts where the first did, or is centred under it */
                int dc = (h[a].x0 + h[a].x1) - (h[b].x0 + h[b].x1);
                if (na != 1 || wa < wb || ((dx > 6 || dx < -6) && (dc > 12 || dc < -12)))
                    break;
                /* a fragment on the line between, within the first line's
                 * extent: the cell runs over three lines (join_three) */
                if (dl == 2) {
                    int mid = 0;
                    for (size_t j = 0; j < n; j++)
                        mid |= !h[j].dead && h[j].li == h[a].li + 1 && h[j].x0 >= h[a].x0 - cw &&
                               h[j].x1 <= h[a].x1 + cw &&
                               (!h[j].known || aligned(&h[a], &h[j], tol));
                    /* the lower part is a cell of a group headed on the
                     * line between ("小计" of 公务用车购置及运行费 below
                     * "2020 年预算数" by chance), not the rest of a cell
                     * wrapped round that line ("上缴收入" under "附属单位") */
                    if (h[a].known && grouped_below(h, n, b, h[a].li + 1))
                        mid = 1;
                    if (mid)
                        break;
                }
                /* two names of columns each ("基本支出" shifted over "公用经费"):
                 * a spanning header and its cell, not one cell wrapped */
                if (h[a].known && h[b].known)
                    break;
                /* the title of a panel ("支出用途") over its label cell */
                if (lt_use_panel_title(h[a].text))
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
                if (h[a].w > h[b].w)
                    h[b].w = h[a].w;
                h[b].top = h[a].top;
                h[a].dead = 1;
                h[b].known = names_column(kind, h[b].text);
                break;
            }
        }
    }
}

/*
 * The lines of one cell stacked exactly over each other (same extent, or the
 * last one centred under the others), with nothing between them in its column, after the other joins ("一般公" over
 * "共预算拨款收入", "上级补" over "助收入"): one cell when the whole names a
 * column and names the same one as each part that names one alone (not a
 * heading over a cell of its width: "基本支出" over "人员经费").
 */
static void join_stacked(br_kind kind, hspan *h, size_t n, int tol, int narrow)
{
    for (size_t a = 0; a < n; a++) {
        if (h[a].dead)
            continue;
        size_t b = n;
        for (size_t j = 0; j < n; j++)
            if (!h[j].dead && h[j].li > h[a].li && overlap(h[a].x0, h[a].x1, h[j].x0, h[j].x1) &&
                (b == n || h[j].li < h[b].li))
                b = j;
        /* (where a text counts one column per character a group heading
         * is as narrow as the one cell it is printed over: a name of a
         * column by itself, "一般性项目" under "年初特定目标", is that cell) */
        if (b == n || cell_of_its_own(kind, h[b].text) || (narrow && h[b].known))
            continue;
        /* (the last line may be shorter, centred under the others) */
        int centred = h[b].x1 - h[b].x0 <= h[a].x1 - h[a].x0 &&
                      abs((h[a].x0 + h[a].x1) - (h[b].x0 + h[b].x1)) <= 2 * tol + 1;
        /* (a cell centred under it that is one of a group headed higher
         * up is that group's: "小计" of 公务用车购置及运行费 under
         * "公务接待费" of the same header row) */
        for (int li = 0; li < h[b].li && centred && !aligned(&h[a], &h[b], tol); li++)
            if (grouped_below(h, n, b, li))
                centred = 0;
        if (!(aligned(&h[a], &h[b], tol) || centred))
            continue;
        int one = 1; /* b alone on its line under a */
        for (size_t j = 0; j < n; j++)
            if (j != b && !h[j].dead && h[j].li == h[b].li &&
                overlap(h[a].x0, h[a].x1, h[j].x0, h[j].x1))
                one = 0;
        if (!one)
            continue;
        char buf[DT_COMP_MAX];
        size_t la = dt_copy(h[a].text, strlen(h[a].text), buf, sizeof buf);
        dt_copy(h[b].text, strlen(h[b].text), buf + la, sizeof buf - la);
        dt_what wj, wa, wb;
        br_role rj = own_role(kind, buf, &wj), ra = own_role(kind, h[a].text, &wa),
                rb = own_role(kind, h[b].text, &wb);
        /* a label column's word over a fragment naming nothing, the two a
         * figure column's name, right of a figure column ("项目" over "支出"
         * beside 总计): the first part of a stacked cell, not a label */
        int label_part = label_over_fragment(kind, h, n, a, b);
        if (wj == DT_COL_NONE ||
            (wa != DT_COL_NONE && !label_part && (wa != wj || ra != rj)) ||
            (wb != DT_COL_NONE && (wb != wj || rb != rj)))
            continue;
        memcpy(h[b].text, buf, sizeof buf);
        h[b].top = h[a].top;
        h[a].dead = 1;
        h[b].known = 1;
    }
}

/*
 * Cells wrapped over three lines, side by side ("一般公共 / 预算财政 / 拨款",
 * "政府性基 / 金预算财 / 政拨款"): pdftotext shifts the middle line, so its
 * parts are matched to the top parts in order, not by overlap.  A top part
 * A on line L pairs with the one part B on line L+2 it overlaps (starting
 * at about the same x or centred under it, no wider than A); when the cells
 * of line L+1 from A's x on that are no column name by themselves (or lie
 * exactly under an A: "公务用 / 车购置 / 费") are as many as the pairs, each
 * near its A, they are joined
 * A+M+B into B.  The three parts may also lie two lines apart, when the
 * cells beside them are centred on the lines between ("政府性基" /
 * "金预算财" / "政拨款" on lines 1, 3, 5 around "一般公共预" / "算财政拨款").
 */
static void join_three(br_kind kind, hspan *h, size_t n, int tol)
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
            int dc = nb == 1 ? (h[a].x0 + h[a].x1) - (h[b].x0 + h[b].x1) : 99;
            if (nb != 1 || h[a].x1 - h[a].x0 < h[b].x1 - h[b].x0 ||
                ((dx > 6 || dx < -6) && (dc > 12 || dc < -12)))
                continue;
            /* a column's name on the line between right over the lower part
             * is that part's cell ("项目" over "支出" under "本年预算数") */
            int owned = 0;
            for (size_t j = 0; j < n && !owned; j++)
                owned = !h[j].dead && h[j].li == L + st && h[j].known &&
                        overlap(h[j].x0, h[j].x1, h[b].x0, h[b].x1);
            if (owned)
                continue;
            A[na] = a;
            B[na] = b;
            na++;
        }
        if (na < 2)
            continue;
        for (size_t j = 0; j < n && nm < LT_MAX_COLS; j++)
            if (!h[j].dead && h[j].li == L + st && (!h[j].known || aligned_any(h, A, na, j, tol)) &&
                h[j].x0 >= h[A[0]].x0 - 6 &&
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
            h[B[i]].top = h[A[i]].top;
            if (h[A[i]].w > h[B[i]].w)
                h[B[i]].w = h[A[i]].w;
            if (h[M[i]].w > h[B[i]].w)
                h[B[i]].w = h[M[i]].w;
            if (h[A[i]].x0 < h[B[i]].x0)
                h[B[i]].x0 = h[A[i]].x0;
            if (h[A[i]].x1 > h[B[i]].x1)
                h[B[i]].x1 = h[A[i]].x1;
            h[A[i]].dead = h[M[i]].dead = 1;
            h[B[i]].known = names_column(kind, h[B[i]].text);
        }
    }
}

/*
 * Two header cells printed one space apart run into one span
 * ("政府性基金预算 国有资本经营预算", pdftotext's "款 项"): when every
 * space-separated part names a column of the kind by itself, or every part
 * is a code part, each part is a cell, its x-extent the span's shared out
 * by width.  Returns 1 when split.
 */
/*
 * The first line of a cell stacked over two header lines, cut from span sp
 * of line li at first[0..len) (its text `text`): the one fragment of line
 * li + 1 under it, naming nothing alone, completes a money column's name
 * ("人员经 日常公" over "费" and "用经费": the first lines of 人员经费 and
 * 日常公用经费 run together).
 * Where a text counts one column per character, the cell reaches as far
 * as it is printed.
 */
static int stacked_name(const lt_table *t, const lt_span *sp, int li, const char *first,
                        size_t len, const char *text, int narrow)
{
    if ((size_t)li + 1 >= t->nhdr)
        return 0;
    int wide = lt_span_wide(sp);
    int total = lt_text_width(sp->text, strlen(sp->text), wide), span = sp->x1 - sp->x0;
    int off = lt_text_width(sp->text, (size_t)(first - sp->text), wide);
    int x0 = sp->x0 + off * span / total;
    int x1 = sp->x0 + (off + lt_text_width(first, len, narrow ? 2 : wide)) * span / total;
    const lt_line *below = t->hdr[li + 1];
    const lt_span *under = NULL;
    for (size_t k = 0; k < below->nspans; k++) {
        const lt_span *b = &below->spans[k];
        if (b->x0 >= x1 || b->x1 <= x0)
            continue;
        if (under || b->x0 < x0 - 1)
            return 0; /* two fragments, or one reaching out left of it */
        under = b;
    }
    if (!under)
        return 0;
    char rest[DT_COMP_MAX];
    lt_squeeze(under->text, rest, sizeof rest);
    const char *alone[1] = {rest};
    br_role r;
    if (dt_catalog_column(t->kind, alone, 1, &r) != DT_COL_NONE)
        return 0; /* a cell of its own under it, not the rest of a word */
    char joined[DT_COMP_MAX];
    size_t l = dt_copy(text, strlen(text), joined, sizeof joined);
    dt_copy(rest, strlen(rest), joined + l, sizeof joined - l);
    const char *one[1] = {joined};
    return dt_catalog_column(t->kind, one, 1, &r) == DT_COL_MONEY;
}

static int split_names(const lt_table *t, const lt_span *sp, int li, hspan *h, size_t *n,
                       int narrow)
{
    enum { MAX_PARTS = 24, MAX_RUN = 6 };
    const char *parts[MAX_PARTS];
    size_t lens[MAX_PARTS], np = 0;
    for (const char *p = sp->text; *p;) {
        while (*p == ' ')
            p++;
        size_t l = strcspn(p, " ");
        if (l && np == MAX_PARTS)
            return 0; /* (more than a header cell holds: left whole) */
        if (l) {
            parts[np] = p;
            lens[np++] = l;
        }
        p += l;
    }
    if (np < 2 || *n + np > LT_MAX_HDR_SPANS)
        return 0;
    /* the heading over the span, for parts named only under one ("小计
     * 公务用车购置费 运行费" under 公务用车购置及运行费) */
    char over[DT_COMP_MAX] = "";
    for (int up = li - 1; up >= 0 && !over[0]; up--)
        for (size_t k = 0; k < t->hdr[up]->nspans && !over[0]; k++) {
            const lt_span *u = &t->hdr[up]->spans[k];
            if (u->x0 < sp->x1 && sp->x0 < u->x1)
                lt_squeeze(u->text, over, sizeof over);
        }
    /* the cells: runs of parts, each naming a money column alone or under
     * the heading, as many as name one ("公务用车 购置 公务用车运行 维护费":
     * two cells' lines run together, each cut at a space of its own) — or
     * every part a code part's name */
    size_t cut[MAX_PARTS + 1], ncell = 0; /* cell c: parts [cut[c], cut[c + 1]) */
    int money = 0, code = 1, under = 0;
    for (size_t i = 0; i < np; i++) {
        char buf[DT_COMP_MAX];
        dt_copy(parts[i], lens[i], buf, sizeof buf);
        code &= code_part_name(buf);
    }
    /* best[j][m]: most cells over parts [0, j), m: one of them a money
     * column's (-1: none); from[j][m]: where its last cell starts */
    int best[MAX_PARTS + 1][2];
    unsigned char from[MAX_PARTS + 1][2], frm[MAX_PARTS + 1][2], bel[MAX_PARTS + 1][2];
    for (size_t j = 0; j <= np; j++)
        best[j][0] = best[j][1] = -1;
    best[0][0] = 0;
    for (size_t j = 1; j <= np; j++)
        for (size_t i = j > MAX_RUN ? j - MAX_RUN : 0; i < j; i++) {
            if (best[i][0] < 0 && best[i][1] < 0)
                continue;
            char buf[DT_COMP_MAX];
            size_t l = 0;
            for (size_t k = i; k < j; k++)
                l += dt_copy(parts[k], lens[k], buf + l, sizeof buf - l);
            const char *one[1] = {buf}, *two[2] = {over, buf};
            br_role r;
            dt_what w = dt_catalog_column(t->kind, one, 1, &r);
            /* (named under the heading by its own words: "结转项目" under
             * 上级专项 — not by the heading's: "公务用车" of "公务用车 购置",
             * one cell's lines run together, names nothing) */
            int below = w != DT_COL_MONEY && over[0] &&
                        dt_catalog_column_at(t->kind, two, 2, &r) == DT_COL_MONEY;
            int is_money = below || w == DT_COL_MONEY ||
                           stacked_name(t, sp, li, parts[i],
                                        (size_t)(parts[j - 1] + lens[j - 1] - parts[i]), buf, narrow);
            /* (…or a code or label column's name beside a figure column's:
             * "预算数 科目编码", one panel's 金额 glued to the next panel's
             * code; two label words alone are one cell: "项目 名称") */
            if (!is_money && w != DT_COL_CODE && w != DT_COL_LABEL)
                continue;
            for (int m = 0; m < 2; m++) {
                if (best[i][m] < 0)
                    continue;
                int to = m || is_money;
                if (best[i][m] + 1 > best[j][to]) {
                    best[j][to] = best[i][m] + 1;
                    from[j][to] = (unsigned char)i;
                    frm[j][to] = (unsigned char)m;
                    bel[j][to] = (unsigned char)below;
                }
            }
        }
    if (best[np][1] >= 2) {
        money = 1;
        ncell = (size_t)best[np][1];
        size_t j = np, c = ncell;
        int m = 1;
        cut[c] = np;
        while (c > 0) {
            size_t i = from[j][m];
            under |= bel[j][m];
            int pm = frm[j][m];
            cut[--c] = i;
            j = i;
            m = pm;
        }
    }
    if (!money && !code)
        return 0;
    if (!money) { /* code parts: one cell each */
        for (ncell = 0; ncell < np; ncell++)
            cut[ncell] = ncell;
        cut[ncell] = np;
    }
    /* parts named under the heading: the heading heads them all */
    for (size_t a = 0; under && money && a < *n; a++) {
        char buf[DT_COMP_MAX];
        lt_squeeze(h[a].text, buf, sizeof buf);
        if (h[a].dead || h[a].li >= li || strcmp(buf, over) != 0 || h[a].x1 <= sp->x0 ||
            sp->x1 <= h[a].x0)
            continue;
        h[a].parent = 1;
        h[a].hx0 = h[a].x0 < sp->x0 ? h[a].x0 : sp->x0;
        h[a].hx1 = h[a].x1 > sp->x1 ? h[a].x1 : sp->x1;
    }
    int wide = lt_span_wide(sp);
    int total = lt_text_width(sp->text, strlen(sp->text), wide), span = sp->x1 - sp->x0;
    for (size_t c = 0; c < ncell; c++) {
        hspan *x = &h[(*n)++];
        memset(x, 0, sizeof *x);
        const char *first = parts[cut[c]], *last = parts[cut[c + 1] - 1];
        size_t len = (size_t)(last + lens[cut[c + 1] - 1] - first);
        int off = lt_text_width(sp->text, (size_t)(first - sp->text), wide);
        x->x0 = sp->x0 + off * span / total;
        x->x1 = sp->x0 + (off + lt_text_width(first, len, wide)) * span / total;
        x->li = x->top = li;
        x->w = x->x1 - x->x0;
        size_t l = 0;
        for (size_t k = cut[c]; k < cut[c + 1]; k++)
            l += dt_copy(parts[k], lens[k], x->text + l, sizeof x->text - l);
    }
    return 1;
}

static int leaf_money(const hspan *h) { return !h->dead && !h->parent && money_name(h); }

/*
 * Two leaf cells of a header cannot overlap; in pdftotext -layout output
 * they do when a cell wrapped over lines above and below the main header
 * line (the line with most leaf cells) was centred without regard to it
 * ("附属单位 / 上缴收入" printed across 上级补助收入 and 事业收入).  Such a
 * cell goes into the first gap of the main line, from where it is printed
 * rightwards, wide enough to hold its widest line.  PDF geometry never
 * overlaps, so it is unchanged.
 */
static void relocate_displaced(hspan *h, size_t n)
{
    int count[LT_MAX_HDR_LINES] = {0}, main_li = 0;
    for (size_t i = 0; i < n; i++) /* main: the line with most figure columns */
        if (leaf_money(&h[i]) && h[i].li >= 0 && h[i].li < LT_MAX_HDR_LINES)
            count[h[i].li]++;
    for (int li = 0; li < LT_MAX_HDR_LINES; li++) /* ties: the lower line */
        if (count[li] >= count[main_li])
            main_li = li;
    for (size_t d = 0; d < n; d++) {
        if (!leaf_money(&h[d]) || h[d].li == main_li)
            continue;
        int hit = 0; /* it lies half over a cell of the main line, or more */
        for (size_t m = 0; m < n && !hit; m++) {
            int ov = (h[d].x1 < h[m].x1 ? h[d].x1 : h[m].x1) -
                     (h[d].x0 > h[m].x0 ? h[d].x0 : h[m].x0);
            hit = h[m].li == main_li && leaf_money(&h[m]) && 2 * ov >= h[d].w;
        }
        if (!hit)
            continue;
        /* the gaps of the main line, left to right */
        int from = h[d].x0;
        for (;;) {
            int l = -1, r = -1; /* the next gap ending right of `from` */
            for (size_t a = 0; a < n; a++) {
                if (h[a].dead || h[a].li != main_li)
                    continue;
                size_t nb = n;
                for (size_t b = 0; b < n; b++)
                    if (!h[b].dead && h[b].li == main_li && h[b].x0 >= h[a].x1 &&
                        (nb == n || h[b].x0 < h[nb].x0))
                        nb = b;
                if (nb == n || h[nb].x0 <= from)
                    continue;
                if (r < 0 || h[nb].x0 < r) {
                    l = h[a].x1;
                    r = h[nb].x0;
                }
            }
            if (r < 0)
                break;
            if (r - l >= h[d].w) {
                h[d].x0 = l + (r - l - h[d].w) / 2;
                h[d].x1 = h[d].x0 + h[d].w;
                break;
            }
            from = r;
        }
    }
}

/* A grand-total label under a label cell ("合计" under 科目名称) is the first
 * row of a table printed without figures, not a column: out of the header. */
/*
 * A table printed in two panels side by side (基本支出: 人员经费 | 公用经费
 * over 科目编码 科目名称 金额 twice): its lowest header line is two equal
 * halves, the same kinds of cell in the same order, a code or label first, a
 * label and a figure column's name in each.  A cell of a line above that
 * lies over one half only, alone there on its line, is that panel's heading:
 * it heads the whole half (in its cells' paths), however narrow.
 */
static void panel_headings(const lt_table *t, hspan *h, size_t n)
{
    if (dt_catalog_kind_flags(t->kind) & DT_TWO_SIDED)
        return;
    int low = -1;
    for (size_t a = 0; a < n; a++)
        if (!h[a].dead && h[a].li > low)
            low = h[a].li;
    size_t c[LT_MAX_HDR_SPANS], m = 0;
    for (size_t a = 0; a < n; a++)
        if (!h[a].dead && h[a].li == low) {
            size_t j = m++;
            for (; j > 0 && h[c[j - 1]].x0 > h[a].x0; j--)
                c[j] = c[j - 1];
            c[j] = a;
        }
    if (m < 4 || m % 2)
        return;
    size_t k = m / 2;
    int label = 0, money = 0;
    for (size_t i = 0; i < k; i++) {
        const char *x[1] = {h[c[i]].text}, *y[1] = {h[c[i + k]].text};
        br_role r;
        dt_what a = dt_catalog_column(t->kind, x, 1, &r), b = dt_catalog_column(t->kind, y, 1, &r);
        if (a != b || a == DT_COL_NONE || (i == 0 && a != DT_COL_CODE && a != DT_COL_LABEL))
            return;
        label |= a == DT_COL_LABEL;
        money |= a == DT_COL_MONEY;
    }
    if (!label || !money)
        return;
    for (size_t p = 0; p < 2; p++) {
        int x0 = h[c[p * k]].x0, x1 = h[c[p * k + k - 1]].x1;
        int ox0 = h[c[(1 - p) * k]].x0, ox1 = h[c[(1 - p) * k + k - 1]].x1;
        for (int li = 0; li < low; li++) {
            size_t over = n, count = 0;
            for (size_t a = 0; a < n; a++) {
                if (h[a].dead || h[a].li != li || !overlap(h[a].x0, h[a].x1, x0, x1))
                    continue;
                count++;
                if (!overlap(h[a].x0, h[a].x1, ox0, ox1))
                    over = a;
            }
            if (count == 1 && over < n) {
                h[over].parent = 1;
                h[over].hx0 = x0;
                h[over].hx1 = x1;
            }
        }
    }
}

static void row_labels_out(hspan *h, size_t n)
{
    for (size_t b = 0; b < n; b++) {
        if (h[b].dead || dt_catalog_total_label(h[b].text, strlen(h[b].text)) != 2)
            continue;
        for (size_t a = 0; a < n; a++)
            if (!h[a].dead && h[a].li < h[b].li && h[a].structural && !h[a].label_word &&
                overlap(h[a].x0, h[a].x1, h[b].x0, h[b].x1)) {
                h[b].dead = 1;
                break;
            }
    }
}

/*
 * A heading over cells on a lower line is centred on the run of adjacent
 * cells it heads, which may reach well beyond the heading itself (a group
 * title over its sub-columns: "年初特定目标" over 小计 | 人员性项目 | 一般性项目 |
 * 民生配套项目, "公务用车购置及运行费" over 小计 | 购置 | 运行维护费).  The run:
 * cells of the nearest lower line the heading overlaps, all of those it
 * overlaps and adjacent ones on both sides, between its neighbours on its
 * own line, whose extent it is centred on (within two characters or a
 * sixth of the run).  It becomes the heading's stretch (hx0, hx1) for the
 * header paths.
 */
/* A cell's extent with its own stretch (a heading over cells below it). */
static int ext0(const hspan *x) { return x->hx1 > x->hx0 && x->hx0 < x->x0 ? x->hx0 : x->x0; }
static int ext1(const hspan *x) { return x->hx1 > x->hx0 && x->hx1 > x->x1 ? x->hx1 : x->x1; }

/* Where a cell reaches with its stretch: as printed where a text counts one
 * column per character (a CJK heading is half as wide there: "上级专项"
 * ends where 结转项目 under it starts). */
static int reach(const hspan *x, int narrow)
{
    int printed = narrow ? x->x0 + lt_text_width(x->text, strlen(x->text), 2) : 0;
    return printed > ext1(x) ? printed : ext1(x);
}

/* Cells of the run's line (c[0..nc), x order) that a run c[i..j] of a
 * heading leaves with no heading: left of it and clear of its left
 * neighbour ln's extent; right of it when no heading stands to its right
 * (rn == n). */
static size_t orphans_beside(const hspan *h, size_t n, const size_t *c, size_t nc, size_t i,
                             size_t j, size_t ln, size_t rn, int cw)
{
    size_t k, orphans = 0;
    for (k = 0; k < i; k++)
        orphans += ln == n || !overlap(ext0(&h[ln]) - cw, ext1(&h[ln]) + cw, ext0(&h[c[k]]),
                                       ext1(&h[c[k]]));
    for (k = j + 1; rn == n && k < nc; k++)
        orphans++;
    return orphans;
}

static void group_stretch(hspan *h, size_t n, int cw, int narrow)
{
    /* the lowest headings first: a heading over headings is centred on
     * their stretches ("2023 年预算数" over 合计 … 公务用车购置及运行费, the
     * last one over 小计 | 购置费 | 运行维护费) */
    for (int lev = LT_MAX_HDR_LINES - 1; lev >= 0; lev--)
    for (size_t a = 0; a < n; a++) {
        if (h[a].li != lev)
            continue;
        if (h[a].dead || !h[a].parent || h[a].structural)
            continue;
        /* its neighbours on its own line */
        int left = -1000000, right = 1000000;
        size_t ln = n, rn = n;
        for (size_t j = 0; j < n; j++) {
            if (h[j].dead || j == a || h[j].li != h[a].li)
                continue;
            if (h[j].x1 <= h[a].x0 && h[j].x1 > left)
                left = h[j].x1, ln = j;
            if (h[j].x0 >= h[a].x1 && h[j].x0 < right)
                right = h[j].x0, rn = j;
        }
        /* the nearest lower line with cells under it (where a text counts
         * one column per character, under the heading as printed: "年初特定
         * 目标" reaches 一般性项目 beside it) */
        int ax1 = narrow ? h[a].x0 + lt_text_width(h[a].text, strlen(h[a].text), 2) : h[a].x1;
        int lb = -1;
        for (int li = h[a].li + 1; li < LT_MAX_HDR_LINES && lb < 0; li++)
            for (size_t j = 0; j < n && lb < 0; j++)
                if (!h[j].dead && h[j].li == li &&
                    overlap(h[a].x0 - cw, ax1 + cw, ext0(&h[j]), ext1(&h[j])))
                    lb = li;
        if (lb < 0)
            continue;
        /* that line's cells between the neighbours, in x order */
        size_t c[LT_MAX_HDR_SPANS], nc = 0;
        for (size_t j = 0; j < n; j++)
            if (!h[j].dead && h[j].li == lb && h[j].x0 >= left && h[j].x1 <= right)
                c[nc++] = j;
        for (size_t i = 1; i < nc; i++)
            for (size_t k = i; k > 0 && h[c[k - 1]].x0 > h[c[k]].x0; k--) {
                size_t x = c[k];
                c[k] = c[k - 1];
                c[k - 1] = x;
            }
        size_t lo = nc, hi = 0; /* the cells it overlaps (or touches: a
                                 * heading printed in the gap between two) */
        for (size_t i = 0; i < nc; i++)
            if (overlap(h[a].x0 - cw, ax1 + cw, ext0(&h[c[i]]), ext1(&h[c[i]]))) {
                if (lo == nc)
                    lo = i;
                hi = i;
            }
        if (lo == nc)
            continue;
        /* a neighbour that is a column of its own (nothing under it on
         * that line) leaves no cell between it and the heading to anyone
         * else: the run reaches it ("合计" | "年初特定目标" over 小计 …) */
        int lfix = 0, rfix = 0;
        if (ln < n || rn < n) {
            int lunder = 0, runder = 0;
            for (size_t j = 0; j < n; j++) {
                if (h[j].dead || h[j].li != lb)
                    continue;
                lunder |= ln < n && overlap(ext0(&h[ln]), reach(&h[ln], narrow), ext0(&h[j]),
                                            ext1(&h[j]));
                runder |= rn < n && overlap(ext0(&h[rn]), reach(&h[rn], narrow), ext0(&h[j]),
                                            ext1(&h[j]));
            }
            lfix = ln < n && !lunder && !h[ln].structural;
            rfix = rn < n && !runder && !h[rn].structural;
        }
        int ca = h[a].x0 + h[a].x1, best = -1, bx0 = 0, bx1 = 0;
        size_t best_orphans = nc + 1;
        const char *start = nc ? block_start(h, n, c[0]) : NULL;
        for (size_t i = 0; i <= lo; i++)
            for (size_t j = hi; j < nc; j++) {
                if ((lfix && i != 0) || (rfix && j + 1 != nc) ||
                    (start && money_name(&h[c[i]]) && strcmp(h[c[i]].text, start) != 0))
                    continue;
                /* a cell its neighbour heading touches (or stretches over)
                 * is the neighbour's (合计 | 因公出国(境)费 | … each centred
                 * over its 上年 | 本年 pair: not 因公出国(境)费 over 合计's 本年) */
                int claimed = 0;
                for (size_t k = i; k <= j && !claimed; k++) {
                    int c0 = ext0(&h[c[k]]), c1 = ext1(&h[c[k]]);
                    claimed = (ln < n && overlap(ext0(&h[ln]) - cw, ext1(&h[ln]) + cw, c0, c1)) ||
                              (rn < n && overlap(ext0(&h[rn]) - cw, ext1(&h[rn]) + cw, c0, c1));
                }
                /* (a group's cells are distinct: a second 合计 starts the
                 * next group) */
                for (size_t k = i; k <= j && !claimed; k++)
                    for (size_t q = i; q < k && !claimed; q++)
                        claimed = strcmp(h[c[q]].text, h[c[k]].text) == 0;
                /* (a heading heads figure columns: no label or code
                 * column in its run) */
                for (size_t k = i; k <= j && !claimed; k++)
                    claimed = h[c[k]].structural;
                if (claimed)
                    continue;
                int x0 = ext0(&h[c[i]]), x1 = ext1(&h[c[j]]);
                int d = abs(x0 + x1 - ca), tol = 4 * cw > (x1 - x0) / 3 ? 4 * cw : (x1 - x0) / 3;
                /* where a text counts one column per character a heading's
                 * centre is only roughly its run's: of the runs centred
                 * enough, the one that leaves no cell between it and the
                 * headings beside it without a heading ("小计" between
                 * 年初特定目标's run and 上级专项's) */
                size_t orphans = narrow ? orphans_beside(h, n, c, nc, i, j, ln, rn, cw) : 0;
                if (j > i && x1 - x0 > h[a].x1 - h[a].x0 && d <= tol &&
                    (best < 0 || orphans < best_orphans || (orphans == best_orphans && d < best))) {
                    best_orphans = orphans;
                    best = d;
                    bx0 = x0;
                    bx1 = x1;
                }
            }
        if (getenv("BR_LAYOUT_DEBUG"))
            fprintf(stderr, "stretch %s [%d,%d) line %d: %d [%d,%d)\n", h[a].text, h[a].x0, h[a].x1, lb, best, bx0, bx1);
        /* (a stretch centred_over found stays unless this one is wider) */
        if (best >= 0 && (h[a].hx1 <= h[a].hx0 || bx1 - bx0 > h[a].hx1 - h[a].hx0)) {
            h[a].hx0 = bx0;
            h[a].hx1 = bx1;
        }
    }
}

/* The header path of cell b: the ancestor overlapping it most on each line
 * above, then its own text.  Returns the depth. */
static size_t path_of(const lt_table *t, const hspan *h, size_t n, size_t b, int x0, int x1,
                      const char **comp)
{
    hspan me = h[b]; /* its extent: the cell's, or that of the cells it heads */
    me.x0 = x0;
    me.x1 = x1;
    size_t depth = 0;
    int px0 = 0, px1 = 0, parent = 0; /* the ancestor found on a line above */
    for (size_t li = 0; li < t->nhdr && depth < LT_MAX_HDR_LINES; li++) {
        if ((int)li >= h[b].li)
            break;
        int best = -1, bo = 0, bx0 = 0, bx1 = 0;
        for (size_t a = 0; a < n; a++) {
            hspan up = h[a]; /* a centred heading reaches over its stretch */
            if (up.hx1 > up.hx0) {
                up.x0 = up.hx0 < up.x0 ? up.hx0 : up.x0;
                up.x1 = up.hx1 > up.x1 ? up.hx1 : up.x1;
            }
            if (h[a].dead || h[a].li != (int)li || !above(&up, &me))
                continue;
            /* an ancestor lies under the ancestor above it (公务用车运行维护费
             * of 公务用车购置及运行费 heads no cell of 公务接待费 beside it), or
             * touches it: a text that counts one column per character
             * prints a CJK heading half as wide as it is ("“三公”经费预算数"
             * ending where 公务用车购置及运行费's stretch begins) */
            if (parent && !overlap(px0, px1 + 1, up.x0, up.x1))
                continue;
            int o = (up.x1 < me.x1 ? up.x1 : me.x1) - (up.x0 > me.x0 ? up.x0 : me.x0);
            if (best < 0 || o > bo) {
                best = (int)a;
                bo = o;
                bx0 = up.x0;
                bx1 = up.x1;
            }
        }
        if (best >= 0) {
            comp[depth++] = h[best].text;
            parent = 1;
            px0 = bx0;
            px1 = bx1;
        }
    }
    comp[depth++] = h[b].text;
    return depth;
}

/*
 * A last header line of stage words only (预算数 决算数 …, DT_STAGE), in
 * pairs side by side: each pair belongs to the lowest heading centred over
 * it (its centre within the pair's extent; a group heading higher up,
 * "公务用车购置及运行维护费", is centred over several pairs or none, and a
 * lower heading is the pair's own: "购置费").  Every pair must find a heading
 * of its own, in x order, or none is paired.  owner[i] = the heading of
 * stage cell i, or -1.  (Centres, not extents: where a text counts one
 * column per character a CJK heading is half as wide as printed, its
 * centre still over its pair.)
 */
/*
 * The pairs no heading is centred over — stage words run together into one
 * span and cut up evenly ("预算数 决算数 预算数 决算数 …" under 小计 | 购置费
 * | 运行维护费, pdftotext packing them one space apart): the headings they
 * stand under are the header's leaves above the stage line (cells with no
 * heading cell under them, naming no department, number or label), and
 * when there are as many as pairs, pair k is leaf k's, in x order.
 */
/* Cell a, above the stage line sl, has a heading cell under it. */
static int heads_cells(const hspan *h, size_t n, size_t a, int sl)
{
    for (size_t b = 0; b < n; b++)
        if (!h[b].dead && h[b].li > h[a].li && h[b].li < sl &&
            overlap(ext0(&h[a]), ext1(&h[a]), h[b].x0, h[b].x1))
            return 1;
    return 0;
}

static void stage_pairs_in_order(const lt_table *t, const hspan *h, size_t n, const size_t *stg,
                                 size_t ns, int sl, int *owner)
{
    size_t leaf[LT_MAX_HDR_SPANS], nl = 0;
    for (size_t a = 0; a < n && nl < LT_MAX_HDR_SPANS; a++) {
        if (h[a].dead || h[a].li >= sl || h[a].structural)
            continue;
        dt_what what;
        own_role(t->kind, h[a].text, &what);
        if (what == DT_COL_DEPT || what == DT_COL_SEQ || what == DT_COL_LABEL ||
            what == DT_COL_CODE)
            continue;
        if (!heads_cells(h, n, a, sl))
            leaf[nl++] = a;
    }
    if (nl != ns / 2)
        return;
    for (size_t i = 1; i < nl; i++)
        for (size_t j = i; j > 0 && h[leaf[j - 1]].x0 > h[leaf[j]].x0; j--) {
            size_t x = leaf[j];
            leaf[j] = leaf[j - 1];
            leaf[j - 1] = x;
        }
    for (size_t i = 0; i < ns; i++)
        owner[stg[i]] = (int)leaf[i / 2];
}

static void stage_pairs(const lt_table *t, const hspan *h, size_t n, int *owner)
{
    for (size_t i = 0; i < n; i++)
        owner[i] = -1;
    int sl = -1;
    for (size_t i = 0; i < n; i++)
        if (!h[i].dead && h[i].li > sl)
            sl = h[i].li;
    size_t stg[LT_MAX_HDR_SPANS], ns = 0;
    for (size_t i = 0; i < n; i++) {
        if (h[i].dead || h[i].li != sl)
            continue;
        if (dt_catalog_stage(t->kind, h[i].text) < 0)
            return;
        stg[ns++] = i;
    }
    if (ns < 2 || ns % 2)
        return;
    for (size_t i = 1; i < ns; i++) /* x order (insertion sort: few cells) */
        for (size_t j = i; j > 0 && h[stg[j - 1]].x0 > h[stg[j]].x0; j--) {
            size_t x = stg[j];
            stg[j] = stg[j - 1];
            stg[j - 1] = x;
        }
    int head[LT_MAX_HDR_SPANS];
    for (size_t k = 0; k < ns / 2; k++) {
        int px0 = h[stg[2 * k]].x0, px1 = h[stg[2 * k + 1]].x1;
        head[k] = -1;
        for (size_t a = 0; a < n; a++) {
            int c2 = h[a].x0 + h[a].x1;
            if (h[a].dead || h[a].li >= sl || h[a].structural || c2 < 2 * px0 || c2 > 2 * px1)
                continue;
            /* (a department's code or a sequence number heads no figures:
             * 部门编码 | 部门名称 before the headings) */
            dt_what what;
            own_role(t->kind, h[a].text, &what);
            if (what == DT_COL_DEPT || what == DT_COL_SEQ)
                continue;
            if (head[k] < 0 || h[a].li > h[head[k]].li)
                head[k] = (int)a;
        }
        /* (none, one taken twice, or a heading over headings — the pair
         * under a group's title stands under one of its cells) */
        if (head[k] < 0 || (k > 0 && head[k] == head[k - 1]) ||
            heads_cells(h, n, (size_t)head[k], sl)) {
            stage_pairs_in_order(t, h, n, stg, ns, sl, owner);
            return;
        }
    }
    for (size_t i = 0; i < ns; i++)
        owner[stg[i]] = head[i / 2];
}

static int cmp_col(const void *a, const void *b)
{
    const lt_col *x = a, *y = b;
    int cx = x->x0 + x->x1, cy = y->x0 + y->x1;
    if (cx != cy)
        return (cx > cy) - (cx < cy);
    return (x->li > y->li) - (x->li < y->li);
}

/* The 公务用车 columns: 1 of this year (and its budget twins of a
 * final-accounts table, printed between them), 2 of the year before, 0 not. */
static int vehicle(br_role r)
{
    if (r == BR_ROLE_PREV_VEHICLE_SUBTOTAL || r == BR_ROLE_PREV_VEHICLE_PURCHASE ||
        r == BR_ROLE_PREV_VEHICLE_OPERATION)
        return 2;
    return r == BR_ROLE_VEHICLE_SUBTOTAL || r == BR_ROLE_VEHICLE_PURCHASE ||
           r == BR_ROLE_VEHICLE_OPERATION || r == BR_ROLE_BUDGET_VEHICLE_SUBTOTAL ||
           r == BR_ROLE_BUDGET_VEHICLE_PURCHASE || r == BR_ROLE_BUDGET_VEHICLE_OPERATION;
}

/* The 公务用车 columns of one year are one group: a column printed in
 * between (a header cell pdftotext shifted) goes before the group.  Not
 * where the other year's 公务用车 columns lie between (each item over its
 * two years: the columns stay in the order printed). */
static void vehicle_group(lt_layout *L, int g)
{
    int first = -1, last = -1;
    for (size_t i = 0; i < L->ncols; i++)
        if (vehicle(L->cols[i].role) == g) {
            if (first < 0)
                first = (int)i;
            last = (int)i;
        }
    if (first < 0)
        return;
    for (int i = first + 1; i < last; i++)
        if (vehicle(L->cols[i].role) == 3 - g)
            return;
    for (int i = first + 1; i < last; i++) {
        if (vehicle(L->cols[i].role) == g)
            continue;
        lt_col c = L->cols[i];
        memmove(&L->cols[first + 1], &L->cols[first], (size_t)(i - first) * sizeof c);
        L->cols[first] = c;
        first++;
    }
}

/* A header text starting with a relative year word (catalog DT_YEAR): its
 * offset from the table's year ("上年预算数": -1); 0 otherwise. */
static int relative_year(const char *text)
{
    int offset = 0;
    return dt_catalog_year_word(text, strlen(text), &offset) ? offset : 0;
}

void lt_layout_build(lt_engine *e, lt_table *t)
{
    hspan h[LT_MAX_HDR_SPANS];
    size_t n = 0;
    for (size_t li = 0; li < t->nhdr; li++)
        for (size_t s = 0; s < t->hdr[li]->nspans && n < LT_MAX_HDR_SPANS; s++) {
            const lt_span *sp0 = &t->hdr[li]->spans[s];
            if (split_names(t, sp0, (int)li, h, &n, e->in->narrow))
                continue;
            /* a layout whose column order the catalog knows: cells one
             * space apart are two (template.c) */
            lt_span part[2];
            char pbuf[2][DT_COMP_MAX];
            size_t np = lt_header_split(t, sp0, part, pbuf);
            for (size_t q = 0; q < np && n < LT_MAX_HDR_SPANS; q++) {
                const lt_span *sp = &part[q];
                hspan *x = &h[n];
                memset(x, 0, sizeof *x);
                x->x0 = sp->x0;
                x->x1 = sp->x1;
                x->li = (int)li;
                x->w = sp->x1 - sp->x0;
                x->top = (int)li;
                if (lt_squeeze(sp->text, x->text, sizeof x->text) == 0)
                    continue;
                n++;
            }
        }
    int cw = e->in->char_width > 0 ? e->in->char_width : 1;
    for (size_t a = 0; a < n; a++) { /* for join_wrapped: a known name is a cell of its own */
        const char *one[1] = {h[a].text};
        h[a].cw = cw;
        br_role r;
        /* (a stage word too: "(境)费" over 预算数 | 决算数 is not "(境)费预算数") */
        h[a].known = dt_catalog_column(t->kind, one, 1, &r) != DT_COL_NONE ||
                     dt_catalog_stage(t->kind, h[a].text) >= 0;
    }
    int tol = cw / 2; /* pdf: half a character; text: exact */
    join_three(t->kind, h, n, tol);
    join_wrapped(t->kind, h, n, cw, tol, e->in->narrow);
    join_stacked(t->kind, h, n, tol, e->in->narrow);
    for (size_t a = 0; a < n; a++) {
        const char *one[1] = {h[a].text};
        br_role r;
        dt_what w = dt_catalog_column(t->kind, one, 1, &r);
        h[a].known = w != DT_COL_NONE && strcmp(h[a].text, "项目") != 0;
        h[a].structural = w == DT_COL_CODE || w == DT_COL_LABEL;
        h[a].label_word = w == DT_COL_LABEL && !h[a].known;
    }
    row_labels_out(h, n);
    panel_headings(t, h, n);
    int two_sided = (dt_catalog_kind_flags(t->kind) & DT_TWO_SIDED) != 0;
    for (size_t a = 0; a < n; a++) {
        for (size_t b = 0; b < n && !h[a].dead; b++)
            if (!h[b].dead && h[b].li > h[a].li && covers(&h[a], &h[b]))
                h[a].parent = 1;
        int sx0, sx1;
        if (!h[a].dead && !h[a].parent &&
            (h[a].parent = centred_over(h, n, a, two_sided, -1, &sx0, &sx1))) {
            /* it heads the stretch it is centred on (for its cells' paths) */
            h[a].hx0 = sx0;
            h[a].hx1 = sx1;
        }
    }
    relocate_displaced(h, n);
    group_stretch(h, n, cw, e->in->narrow);

    lt_layout *L = &t->L;
    memset(L, 0, sizeof *L);
    int year = t->year ? t->year : e->doc_year;
    int owner[LT_MAX_HDR_SPANS];
    stage_pairs(t, h, n, owner);
    for (size_t i = 0; i < n; i++) /* a heading of stage cells is no column */
        if (owner[i] >= 0)
            h[owner[i]].parent = 1;
    for (size_t b = 0; b < n && L->ncols < LT_MAX_COLS; b++) {
        if (h[b].dead || h[b].parent)
            continue;
        const char *comp[LT_MAX_HDR_LINES + 2];
        size_t depth;
        int prev = 0, stage = dt_catalog_stage(t->kind, h[b].text);
        if (owner[b] >= 0) { /* a stage cell: its heading's path, then the stage */
            size_t o = (size_t)owner[b];
            int x0 = h[o].x0, x1 = h[o].x1; /* the heading spans its stage cells */
            for (size_t j = 0; j < n; j++)
                if (owner[j] == (int)o) {
                    x0 = h[j].x0 < x0 ? h[j].x0 : x0;
                    x1 = h[j].x1 > x1 ? h[j].x1 : x1;
                }
            depth = path_of(t, h, n, o, x0, x1, comp);
            comp[depth++] = h[b].text;
        } else {
            depth = path_of(t, h, n, b, h[b].x0, h[b].x1, comp);
        }
        lt_col *c = &L->cols[L->ncols++];
        memset(c, 0, sizeof *c);
        c->x0 = h[b].x0;
        c->x1 = h[b].x1;
        c->li = h[b].li;
        c->model = -1;
        c->what = dt_catalog_column(t->kind, comp, depth, &c->role);
        if (stage >= 0 && depth >= 2) { /* 预算数 / 决算数 of the heading above */
            br_role r;
            if (dt_catalog_column(t->kind, comp, depth - 1, &r) == DT_COL_MONEY &&
                r != BR_ROLE_NONE) {
                c->what = DT_COL_MONEY;
                c->role = dt_catalog_stage_role(r, stage);
            }
        }
        for (size_t d = 0; d < depth; d++) {
            int y = dt_year_in(comp[d], strlen(comp[d]));
            if (y && year && y < year)
                prev = 1;
            if (!y && relative_year(comp[d]) < 0) /* "上年预算执行数" */
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
    for (size_t i = 0; i < L->ncols; i++)
        L->cols[i].px1 = L->cols[i].x1;
    if (e->in->narrow)
        printed_extents(L);
    code_parts_beside(L);
    lt_template_apply(e, t); /* the catalog's column order and role changes */
    if (t->kind == BR_KIND_THREE_PUBLIC) {
        vehicle_group(L, 1);
        vehicle_group(L, 2);
    }

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
    lt_panels_build(e, t); /* a third panel: the expenditure by use */
    lt_repeat_build(e, t); /* one list printed in two copies of the columns */
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
        if (m < L->nroles && !L->two_sided && !c->rpanel) {
            lt_note(e, t, BR_SEV_WARNING, NULL, t->title_line,
                    "column \"%s\" repeats role %s; not modelled", c->name,
                    lt_host->role_name(c->role));
            c->unc_kind = "duplicate_role";
            c->dup_of = (int)m;
            continue;
        }
        if (m == L->nroles)
            L->roles[L->nroles++] = c->role;
        c->model = (int)m;
    }
    /* panels whose figure columns are parts of one identity (repeat.c):
     * its total is a model column too (each panel row's figure is its total) */
    L->panel_total_model = -1;
    if (L->panel_total != BR_ROLE_NONE && L->nroles < LT_MAX_COLS) {
        size_t m = 0;
        while (m < L->nroles && L->roles[m] != L->panel_total)
            m++;
        if (m == L->nroles)
            L->roles[L->nroles++] = L->panel_total;
        L->panel_total_model = (int)m;
    }
    /* the zone of row labels: after the codes, before the first figures */
    int lx0 = 0, lx1 = -1, lab = -1;
    for (size_t i = 0; i < L->ncols && lab < 0; i++)
        if (L->cols[i].what == DT_COL_LABEL)
            lab = L->cols[i].x0;
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        if (c->what == DT_COL_CODE || c->what == DT_COL_SEQ || c->what == DT_COL_DEPT)
            lx0 = c->x1;
        /* (a cell nobody knows left of the label column — a code part
         * outside its heading, "项" beside 科目编码 — ends no label) */
        if ((c->what == DT_COL_MONEY || c->what == DT_COL_NONE) && lx1 < 0 && i > 0 &&
            !(c->what == DT_COL_NONE && lab >= 0 && c->x1 <= lab))
            lx1 = c->x0;
    }
    L->label_x0 = lx0;
    L->label_x1 = lx1 < 0 ? lx0 + 40 : lx1;
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        if (c->what == DT_COL_NONE) {
            lt_note(e, t, BR_SEV_INFO, NULL, t->title_line,
                    "header column \"%s\" is not recognised; its figures are not modelled",
                    c->name);
            c->unc_kind = "unknown_header";
        }
    }
    if (getenv("BR_LAYOUT_DEBUG"))
        for (size_t i = 0; i < L->ncols; i++)
            fprintf(stderr, "layout %ld: [%d,%d) li=%d what=%d role=%s side=%d model=%d %s\n",
                    t->title_line, L->cols[i].x0, L->cols[i].x1, L->cols[i].li, L->cols[i].what,
                    lt_host->role_name(L->cols[i].role) ? lt_host->role_name(L->cols[i].role) : "-",
                    L->cols[i].side, L->cols[i].model, L->cols[i].name);
    t->have_layout = 1;
}

/*
 * pdftotext lays every page out anew: a table continued on a new page,
 * its header repeated, may print its columns elsewhere than on its first
 * page (each page's columns follow its own labels).  When the repeated
 * header line names every figure column once, in order, the columns take
 * this page's positions for the rows that follow.  (A one-sided table
 * whose columns the header's geometry gave; others keep their layout.)
 */
/* The span of line ln that is column c's own name, when one is; else -1. */
static int named_once(const lt_col *c, const lt_line *ln)
{
    const char *own = own_name(c);
    int at = -1;
    for (size_t k = 0; k < ln->nspans; k++) {
        char buf[DT_COMP_MAX];
        lt_squeeze(ln->spans[k].text, buf, sizeof buf);
        if (strcmp(buf, own) != 0)
            continue;
        if (at >= 0)
            return -1;
        at = (int)k;
    }
    return at;
}

/* The span of line ln naming figure column i: where several figure columns
 * share the name (小计 of 年初特定目标, 小计 of 上级专项), the line's spans of
 * that name in turn; -1 when the line does not name it, -2 when it names it
 * more often than there are columns of that name. */
static int named_in_turn(const lt_layout *L, size_t i, const lt_line *ln)
{
    const char *own = own_name(&L->cols[i]);
    size_t turn = 0, cols = 0;
    for (size_t j = 0; j < L->ncols; j++)
        if (L->cols[j].what == DT_COL_MONEY && strcmp(own_name(&L->cols[j]), own) == 0) {
            turn += j < i;
            cols++;
        }
    int at = -1;
    size_t seen = 0;
    for (size_t k = 0; k < ln->nspans; k++) {
        char buf[DT_COMP_MAX];
        lt_squeeze(ln->spans[k].text, buf, sizeof buf);
        if (strcmp(buf, own) != 0)
            continue;
        if (seen == turn)
            at = (int)k;
        seen++;
    }
    if (seen > cols)
        return -2;
    return seen == cols ? at : -1;
}

/* The span of line ln that is the first line of figure column i's name
 * stacked over lines ("人员" of 人员经费, "日常" of 日常公用经费 over "公用" /
 * "经费"): a beginning of its own name, two characters or more, that
 * begins no other figure column's name nor names one; else -1. */
static int stacked_first_line(const lt_layout *L, size_t i, const lt_line *ln)
{
    const char *own = own_name(&L->cols[i]);
    int at = -1;
    for (size_t k = 0; k < ln->nspans; k++) {
        char buf[DT_COMP_MAX];
        size_t bl = lt_squeeze(ln->spans[k].text, buf, sizeof buf);
        if (lt_chars(buf) < 2 || bl >= strlen(own) || strncmp(own, buf, bl) != 0)
            continue;
        for (size_t j = 0; j < L->ncols; j++) {
            if (j != i && L->cols[j].what == DT_COL_MONEY &&
                strncmp(own_name(&L->cols[j]), buf, bl) == 0)
                return -1;
        }
        if (at >= 0)
            return -1;
        at = (int)k;
    }
    return at;
}

void lt_layout_repage(lt_engine *e, lt_table *t, const lt_line *ln)
{
    lt_layout *L = &t->L;
    if (L->npanels || L->nrepeat || L->from_figures)
        return;
    /* the columns printed but not read (序号, 预算单位) and the code
     * columns move to where this page names them, whatever line of the
     * header does: their cells are told from labels and figures by place */
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        int k = c->what == DT_COL_IGNORE || c->what == DT_COL_CODE ? named_once(c, ln) : -1;
        if (k >= 0) {
            c->x0 = ln->spans[k].x0;
            c->x1 = c->px1 = ln->spans[k].x1;
        }
    }
    int at[LT_MAX_COLS];
    size_t matched = 0, money = 0;
    int last = -1;
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        at[i] = -1;
        if (c->what != DT_COL_MONEY)
            continue;
        money++;
        at[i] = named_in_turn(L, i, ln);
        if (at[i] == -2)
            return; /* named more often than there are columns of the name */
        if (at[i] < 0)
            at[i] = stacked_first_line(L, i, ln);
        if (at[i] < 0)
            continue; /* named on another header line ("上年决算数" over 合计 …) */
        if (at[i] <= last)
            return; /* out of order */
        last = at[i];
        matched++;
    }
    /* the line names most of the figure columns (all but one; a table of
     * two sides all, and so where its sides part) */
    if (matched < 2 || matched + 1 < money || (L->two_sided && matched < money))
        return;
    int split_at = -1; /* two sides: the column whose end parts them */
    for (size_t i = 0; L->two_sided && i < L->ncols; i++)
        if (L->cols[i].x1 == L->split_x && L->cols[i].what == DT_COL_MONEY)
            split_at = (int)i;
    int delta[LT_MAX_COLS], have = 0, d = 0;
    for (size_t i = 0; i < L->ncols; i++)
        if (at[i] >= 0) {
            delta[i] = ln->spans[at[i]].x0 - L->cols[i].x0;
            if (!have++)
                d = delta[i];
        }
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        if (at[i] >= 0) {
            const lt_span *sp = &ln->spans[at[i]];
            if (L->label_x1 == c->x0)
                L->label_x1 = sp->x0;
            c->x0 = sp->x0;
            c->x1 = c->px1 = sp->x1;
            d = delta[i];
        } else if (c->what == DT_COL_MONEY) {
            /* the one named elsewhere moves with the column before it (or
             * the first named one) */
            if (L->label_x1 == c->x0)
                L->label_x1 += d;
            c->x0 += d;
            c->x1 += d;
            c->px1 = c->x1;
        }
    }
    if (e->in->narrow)
        printed_extents(L);
    if (split_at >= 0)
        L->split_x = L->cols[split_at].x1;
}

