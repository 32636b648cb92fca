/*
 * template.c — header cells that the geometry alone cannot sort out.
 *
 *   lt_header_split   in such a layout, two header cells printed one space
 *                     apart, which pdftotext and poppler leave in one span
 *                     ("公务用车购置 公务用车运行"), are two cells;
 *   lt_template_apply the catalog's column order of a layout (DT_ORDER: the
 *                     Jiangsu 三公 table prints 合计 | 小计 | 因公出国(境)费 |
 *                     小计 | 购置费 | 运行维护费 | 公务接待费 | 会议费 | 培训费,
 *                     its cells wrapped over up to four lines so that their
 *                     fragments name no column alone, differently in every
 *                     document): its columns are the template's, and
 *   lt_template_columns places them by the figures of the first row: the
 *                     order-keeping placement of the figures in the columns
 *                     that the most row identities hold for (合计 = 小计 + 会议费
 *                     + 培训费 …), of those the most regular column spacing (a
 *                     blank cell leaves a double gap: 购置费 or 运行维护费 when
 *                     the other equals the 公务用车 小计); blank columns lie
 *                     between their neighbours.
 *   Otherwise a cell whose first character was printed alone above the rest
 *   ("基" over "本支出") is named by its last two header components, and the
 *   catalog's role changes that depend on the other columns apply
 *   (DT_RECAST: 合计 beside 会议费 is the grand_total).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* ---- splitting ---------------------------------------------------------- */


/* A side of the split: at least two characters, the first not ASCII. */
static int cell_part(const char *s, size_t len)
{
    return len >= 6 && (unsigned char)s[0] >= 0x80 && !memchr(s, ' ', len);
}

static int ordered(const lt_table *t);

size_t lt_header_split(const lt_table *t, const lt_span *sp, lt_span *out,
                       char (*buf)[DT_COMP_MAX])
{
    const char *s = sp->text, *space = strchr(s, ' ');
    size_t len = strlen(s);
    if (space && ordered(t)) {
        size_t a = (size_t)(space - s), b0 = a + 1;
        if (cell_part(s, a) && b0 < len && cell_part(s + b0, len - b0) &&
            a < DT_COMP_MAX && len - b0 < DT_COMP_MAX) {
            int wide = lt_span_wide(sp);
            int wa = lt_text_width(s, a, wide), wt = lt_text_width(s, len, wide);
            int xs = sp->x0 + (int)((long)(sp->x1 - sp->x0) * wa / (wt > 0 ? wt : 1));
            int xb = sp->x0 + (int)((long)(sp->x1 - sp->x0) * (wa + 1) / (wt > 0 ? wt : 1));
            memcpy(buf[0], s, a);
            buf[0][a] = 0;
            memcpy(buf[1], s + b0, len - b0);
            buf[1][len - b0] = 0;
            out[0] = (lt_span){buf[0], sp->x0, xs > sp->x0 ? xs : sp->x0 + 1};
            out[1] = (lt_span){buf[1], xb < sp->x1 ? xb : sp->x1 - 1, sp->x1};
            return 2;
        }
    }
    out[0] = *sp;
    return 1;
}

/* ---- letter-spaced names ------------------------------------------------------ */

/* One CJK character (a 3-byte UTF-8 sequence). */
static int one_letter(const char *s) { return (unsigned char)s[0] >= 0xE0 && strlen(s) == 3; }

static int names_column(br_kind kind, const char *text)
{
    const char *one[1] = {text};
    br_role role;
    return dt_catalog_column(kind, one, 1, &role) != DT_COL_NONE;
}

const lt_line *lt_header_letters(lt_engine *e, const lt_table *t, const lt_line *ln)
{
    size_t n = ln->nspans, k = 0;
    lt_span *out = NULL;
    /* a CJK letter's width: two display columns (a text that counts one
     * column per character prints it one wide) */
    int letter_w = 2 * (e->in->char_width > 0 ? e->in->char_width : 1);
    for (size_t i = 0; i < n; i++) {
        const lt_span *a = &ln->spans[i];
        /* a run of single letters, each at most four letters' width after
         * the one before */
        size_t j = i + 1;
        while (j < n && j - i < 8 && one_letter(ln->spans[j - 1].text) &&
               one_letter(ln->spans[j].text) &&
               ln->spans[j].x0 - ln->spans[j - 1].x1 <= 4 * letter_w)
            j++;
        if (j - i >= 2 && one_letter(a->text)) {
            char word[32] = "";
            for (size_t q = i; q < j; q++)
                strcat(word, ln->spans[q].text);
            int alone = 0;
            for (size_t q = i; q < j; q++)
                alone |= names_column(t->kind, ln->spans[q].text);
            if (!alone && names_column(t->kind, word)) {
                if (!out) {
                    out = lt_host->doc_alloc(e->doc, n * sizeof *out);
                    if (!out) {
                        e->failed = 1;
                        return ln;
                    }
                    memcpy(out, ln->spans, i * sizeof *out);
                    k = i;
                }
                char *text = lt_host->doc_alloc(e->doc, strlen(word) + 1);
                if (!text) {
                    e->failed = 1;
                    return ln;
                }
                memcpy(text, word, strlen(word) + 1);
                out[k++] = (lt_span){text, a->x0, ln->spans[j - 1].x1};
                i = j - 1;
                continue;
            }
        }
        if (out)
            out[k++] = *a;
    }
    if (!out)
        return ln;
    lt_line *copy = lt_host->doc_alloc(e->doc, sizeof *copy);
    if (!copy) {
        e->failed = 1;
        return ln;
    }
    *copy = *ln;
    copy->spans = out;
    copy->nspans = k;
    return copy;
}

/* ---- the catalog's column orders and role changes -------------------------- */

#define R(role) BR_ROLE_##role
static const struct {
    br_kind kind;
    const char *word;
    br_role roles[LT_MAX_COLS];
} orders[] = {
#define DT_ORDER(kind, word, ...) {BR_KIND_##kind, word, {__VA_ARGS__}},
#include "catalog.def" /* libreader/catalog.def */
#undef DT_ORDER
};

static const struct {
    br_kind kind;
    br_role role;
    const char *word;
    br_role with, to;
} recasts[] = {
#define DT_RECAST(kind, role, word, with, to)                                                      \
    {BR_KIND_##kind, BR_ROLE_##role, word, BR_ROLE_##with, BR_ROLE_##to},
#include "catalog.def" /* libreader/catalog.def */
#undef DT_RECAST
};
#undef R

static size_t nroles(const br_role *r)
{
    size_t n = 0;
    while (n < LT_MAX_COLS && r[n] != BR_ROLE_NONE)
        n++;
    return n;
}

/* The header lines of t contain `word` (spaces aside). */
static int header_has(const lt_table *t, const char *word)
{
    for (size_t h = 0; h < t->nhdr; h++)
        for (size_t k = 0; k < t->hdr[h]->nspans; k++) {
            char buf[DT_COMP_MAX];
            lt_squeeze(t->hdr[h]->spans[k].text, buf, sizeof buf);
            if (strstr(buf, word))
                return 1;
        }
    return 0;
}

/* The catalog knows the column order of this table's layout. */
static int ordered(const lt_table *t)
{
    for (size_t o = 0; o < sizeof orders / sizeof orders[0]; o++)
        if (orders[o].kind == t->kind && header_has(t, orders[o].word))
            return 1;
    return 0;
}

/* The lowest component of a column's header path. */
static const char *own_name(const lt_col *c)
{
    const char *slash = strrchr(c->name, '/');
    return slash ? slash + 1 : c->name;
}

static int has_role(const lt_layout *L, br_role role)
{
    for (size_t i = 0; i < L->ncols; i++)
        if (L->cols[i].what == DT_COL_MONEY && L->cols[i].role == role)
            return 1;
    return 0;
}

/* The header's geometry named every column: each figure column has a role
 * of its own, no column is unknown (a table of the catalog's order printed
 * with whole cells, or of another order: 上年 | 本年 groups, 会议费 after). */
static int geometry_named(const lt_layout *L)
{
    size_t money = 0;
    for (size_t i = 0; i < L->ncols; i++) {
        const lt_col *c = &L->cols[i];
        if (c->what == DT_COL_NONE)
            return 0;
        if (c->what != DT_COL_MONEY)
            continue;
        if (c->role == BR_ROLE_NONE)
            return 0;
        for (size_t j = 0; j < i; j++)
            if (L->cols[j].what == DT_COL_MONEY && L->cols[j].role == c->role)
                return 0;
        money++;
    }
    return money > 0;
}

/* The header path of a column above its own cell ("2023年预算数" of
 * "2023年预算数/合计"; empty at the top). */
static size_t parent_len(const lt_col *c)
{
    const char *slash = strrchr(c->name, '/');
    return slash ? (size_t)(slash - c->name) : 0;
}

/* A column of `role` under the same heading as c. */
static int sibling_role(const lt_layout *L, const lt_col *c, br_role role)
{
    size_t pl = parent_len(c);
    for (size_t i = 0; i < L->ncols; i++)
        if (L->cols[i].what == DT_COL_MONEY && L->cols[i].role == role &&
            parent_len(&L->cols[i]) == pl && strncmp(L->cols[i].name, c->name, pl) == 0)
            return 1;
    return 0;
}

/* Every role the geometry did name is one of the template's: a header that
 * names a column the layout does not have (上年 | 本年 groups: prev_total)
 * is of another layout, whatever its figures would fit. */
static int template_covers(const lt_layout *L, const br_role *roles, size_t n)
{
    for (size_t i = 0; i < L->ncols; i++) {
        const lt_col *c = &L->cols[i];
        if (c->what != DT_COL_MONEY || c->role == BR_ROLE_NONE)
            continue;
        size_t k = 0;
        while (k < n && roles[k] != c->role)
            k++;
        if (k == n)
            return 0;
    }
    return 1;
}

void lt_template_apply(lt_engine *e, lt_table *t)
{
    lt_layout *L = &t->L;
    (void)e;
    for (size_t o = 0; o < sizeof orders / sizeof orders[0] && !geometry_named(L); o++) {
        if (orders[o].kind != t->kind || !header_has(t, orders[o].word) ||
            !template_covers(L, orders[o].roles, nroles(orders[o].roles)))
            continue;
        /* the columns of the layout, placed by the first row's figures */
        size_t n = nroles(orders[o].roles);
        L->ncols = 0;
        for (size_t i = 0; i < n; i++) {
            lt_col *c = &L->cols[L->ncols++];
            memset(c, 0, sizeof *c);
            c->what = DT_COL_MONEY;
            c->role = orders[o].roles[i];
            c->model = -1;
            c->x0 = (int)i * 2; /* in order until the figures place them */
            c->x1 = (int)i * 2 + 1;
            snprintf(c->name, sizeof c->name, "%s", lt_host->role_name(c->role));
        }
        L->from_figures = 1;
        return;
    }
    /* a cell whose first characters sit alone above the rest ("基" over
     * "本支出", "项目" over "支出"), its lowest part naming nothing: its last
     * two path components are one name */
    for (size_t i = 0; i < L->ncols; i++) {
        lt_col *c = &L->cols[i];
        const char *last = strrchr(c->name, '/');
        br_role own;
        const char *lowest[1] = {last ? last + 1 : c->name};
        if (!last || (c->what != DT_COL_NONE && c->what != DT_COL_LABEL) ||
            dt_catalog_column(t->kind, lowest, 1, &own) != DT_COL_NONE)
            continue; /* named by its own lowest cell */
        const char *prev = last;
        while (prev > c->name && prev[-1] != '/')
            prev--;
        char joined[DT_COMP_MAX];
        size_t a = (size_t)(last - prev);
        snprintf(joined, sizeof joined, "%.*s%s", (int)a, prev, last + 1);
        const char *one[1] = {joined};
        br_role role;
        dt_what w = lt_chars(joined) <= 8 ? dt_catalog_column(t->kind, one, 1, &role) : DT_COL_NONE;
        if ((w == DT_COL_MONEY && !has_role(L, role)) ||
            ((w == DT_COL_LABEL || w == DT_COL_CODE) && c->what == DT_COL_NONE)) {
            c->what = w;
            c->role = role;
        }
    }
    /* (a role change holds under one heading: 合计 of a year's group does
     * not add the 会议费 printed beside the group) */
    for (size_t r = 0; r < sizeof recasts / sizeof recasts[0]; r++) {
        if (recasts[r].kind != t->kind || !has_role(L, recasts[r].with))
            continue;
        for (size_t i = 0; i < L->ncols; i++)
            if (L->cols[i].what == DT_COL_MONEY && L->cols[i].role == recasts[r].role &&
                strcmp(own_name(&L->cols[i]), recasts[r].word) == 0 &&
                sibling_role(L, &L->cols[i], recasts[r].with))
                L->cols[i].role = recasts[r].to;
    }
}

/* ---- columns placed by the figures of the first row ------------------------ */

/* Row identities of the kind that hold exactly with the figures v placed in
 * the slots where[] (a slot without a figure is blank, nothing). */
static int identities_held(const lt_table *t, const br_decimal *v, const int *slot_fig)
{
    size_t nids = 0;
    const br_identity *ids = lt_host->identities_of(t->kind, &nids);
    const lt_layout *L = &t->L;
    int held = 0;
    for (size_t i = 0; ids && i < nids; i++) {
        int tot = -1;
        for (size_t c = 0; c < L->ncols; c++)
            if (L->cols[c].role == ids[i].total)
                tot = (int)c;
        if (tot < 0)
            continue;
        br_decimal sum = {0}, tv = {0};
        int parts = 0, any = slot_fig[tot] >= 0;
        if (slot_fig[tot] >= 0)
            tv = v[slot_fig[tot]];
        for (size_t p = 0; p < ids[i].n_parts; p++)
            for (size_t c = 0; c < L->ncols; c++)
                if (L->cols[c].role == ids[i].parts[p]) {
                    parts++;
                    if (slot_fig[c] >= 0) {
                        lt_host->decimal_add(sum, v[slot_fig[c]], &sum);
                        any = 1;
                    }
                }
        if (parts && any && lt_host->decimal_cmp(tv, sum) == 0)
            held++;
    }
    return held;
}

/* How irregular the column spacing is: Σ |pitch − median pitch| over
 * consecutive filled slots, a pitch being the right-edge distance per slot. */
static long spacing_cost(const lt_span *const *fig, const int *slot_fig, size_t n)
{
    long pitch[LT_MAX_COLS];
    size_t np = 0;
    int prev = -1;
    for (size_t c = 0; c < n; c++) {
        if (slot_fig[c] < 0)
            continue;
        if (prev >= 0)
            pitch[np++] = (long)(fig[slot_fig[c]]->x1 - fig[slot_fig[prev]]->x1) * 16 /
                          (long)(c - (size_t)prev);
        prev = (int)c;
    }
    if (np == 0)
        return 0;
    return lt_median_spread(pitch, np);
}

void lt_template_columns(lt_engine *e, lt_table *t, const lt_line *ln)
{
    lt_layout *L = &t->L;
    if (!L->from_figures || L->figures_placed)
        return;
    const lt_span *fig[LT_MAX_COLS];
    br_decimal v[LT_MAX_COLS];
    size_t k = 0, n = L->ncols;
    for (size_t i = 0; i < ln->nspans && k < LT_MAX_COLS; i++)
        if (lt_figure(ln->spans[i].text, &v[k]) == 1)
            fig[k++] = &ln->spans[i];
    if (k == 0 || k > n || n > 16)
        return;
    L->figures_placed = 1;
    /* the order-keeping placement that most identities hold for, then the
     * most regular spacing */
    int best[LT_MAX_COLS], held_best = -1;
    long cost_best = 0;
    for (uint32_t m = 0; m < (1u << n); m++) {
        if ((size_t)__builtin_popcount(m) != k)
            continue;
        int slot_fig[LT_MAX_COLS], f = 0;
        for (size_t c = 0; c < n; c++)
            slot_fig[c] = (m >> c) & 1 ? f++ : -1;
        int held = identities_held(t, v, slot_fig);
        long cost = spacing_cost(fig, slot_fig, n);
        if (held > held_best || (held == held_best && cost < cost_best)) {
            held_best = held;
            cost_best = cost;
            memcpy(best, slot_fig, n * sizeof *best);
        }
    }
    /* filled slots take their figure's extent; blank ones sit between */
    for (size_t c = 0; c < n; c++)
        if (best[c] >= 0) {
            L->cols[c].x0 = fig[best[c]]->x0;
            L->cols[c].x1 = fig[best[c]]->x1;
        }
    for (size_t c = 0; c < n; c++) {
        if (best[c] >= 0)
            continue;
        int lo = -1, hi = -1;
        for (int j = (int)c - 1; j >= 0 && lo < 0; j--)
            if (best[j] >= 0)
                lo = j;
        for (size_t j = c + 1; j < n && hi < 0; j++)
            if (best[j] >= 0)
                hi = (int)j;
        int w = fig[0]->x1 - fig[0]->x0;
        int x1 = lo >= 0 && hi >= 0
                     ? L->cols[lo].x1 + (L->cols[hi].x1 - L->cols[lo].x1) * ((int)c - lo) / (hi - lo)
                 : lo >= 0 ? L->cols[lo].x1 + (int)(c - (size_t)lo) * w * 2
                           : L->cols[hi].x1 - (hi - (int)c) * w * 2;
        L->cols[c].x0 = x1 - w;
        L->cols[c].x1 = x1;
    }
    if (getenv("BR_LAYOUT_DEBUG"))
        for (size_t c = 0; c < n; c++)
            fprintf(stderr, "template %ld: [%d,%d) %s%s\n", t->title_line, L->cols[c].x0,
                    L->cols[c].x1, L->cols[c].name, best[c] < 0 ? " (blank)" : "");
    (void)e;
}
