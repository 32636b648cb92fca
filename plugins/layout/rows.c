/*
 * rows.c — one data line of a table → buffered rows.
 *
 * A line is cut into panels (two-sided tables: 收入 | 支出, a text span after
 * figures or right of the split starts the next panel).  In each panel the
 * leading digit spans are the subject code (类/款/项 printed apart are
 * joined: `208  05  01` → 2080501), the text spans the label, the figure
 * spans the cells.  Figures go to the panel's value columns in order when
 * their count matches, else by position (an order-keeping assignment that
 * minimises the distance between each figure and its column header).
 */
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"

typedef lt_seg seg;

static int is_text(const lt_span *s)
{
    br_decimal d;
    return lt_figure(s->text, &d) == 0;
}

/* A squeezed label that begins as code_led text does ("3020", "20108审计"):
 * 3 to 7 digits, a known class first, then nothing or text that is no
 * quantity. */
int lt_code_head(const char *label)
{
    size_t n = 0;
    while (label[n] >= '0' && label[n] <= '9')
        n++;
    if (n < 3 || n > 7)
        return 0;
    if (label[n] != 0)
        return lt_code_led(label);
    char cls[4] = {label[0], label[1], label[2], 0}; /* the code's digits so far */
    return lt_code_led(cls);
}

/* A table without a code column: a span of digits only that ends left of
 * the first money column, a code's digits (3 to 7, a known class first)
 * printed in the label's cell — not a figure ("201080" over "4审计业务",
 * "2101103" over "公务员医疗补助"). */
int lt_label_digits(const lt_table *t, const lt_span *s)
{
    return !t->L.has_code && !t->L.two_sided && !t->L.nrepeat && lt_digits(s->text) &&
           lt_code_head(s->text) && s->x1 < t->L.label_x1;
}

/* A row of a table without a code column that a code-led line (code_led)
 * started with no figures: its figures come on a later line of its label
 * (figures on the label's middle or last line). */
static int awaits_figures(const lt_table *t, const lt_prow *r)
{
    return r && !t->L.has_code && !t->L.two_sided && !t->L.nrepeat && !r->nvals && !r->nshort &&
           !r->nextra && !r->code[0] && r->label && lt_code_head(r->label);
}

static size_t cut_panels(const lt_table *t, const lt_line *ln, seg *segs, size_t cap)
{
    size_t ns = 1, i;
    memset(&segs[0], 0, sizeof segs[0]);
    int has_text = 0, has_fig = 0;
    for (i = 0; i < ln->nspans; i++) {
        const lt_span *s = &ln->spans[i];
        int text = is_text(s);
        if (t->L.two_sided && text) {
            int next = 0;
            if (ns == 1 && !has_text && !has_fig && s->x0 >= t->L.split_x && t->L.split_x > 0)
                next = 1;
            else if (has_text && (has_fig || (ns == 1 && s->x0 >= t->L.split_x)))
                next = 1;
            else if (!has_text && has_fig)
                next = 1;
            if (next && ns < cap) {
                memset(&segs[ns], 0, sizeof segs[ns]);
                ns++;
                has_text = has_fig = 0;
            }
        }
        seg *g = &segs[ns - 1];
        if (g->n < LT_MAX_ROW_SPANS)
            g->sp[g->n++] = s;
        if (text)
            has_text = 1;
        else
            has_fig = 1;
    }
    return ns;
}

/*
 * Code parts → code (类 3 digits, 款 and 项 2 each: `208  05  01` →
 * 2080501); 1 when they make one.  Parts of the wrong length (a leading
 * digit lost in print: `301   2`, ` 7    11   02`) are kept in `damaged`
 * ("7|11|02") for emit.c to repair from the code hierarchy, or not.
 */
static int make_code(const lt_span *const *parts, size_t n, char *out, char *damaged)
{
    out[0] = damaged[0] = 0;
    if (n == 1) {
        size_t l = strlen(parts[0]->text);
        if (l != 3 && l != 5 && l != 7)
            return 0;
        memcpy(out, parts[0]->text, l + 1);
        return 1;
    }
    int ok = strlen(parts[0]->text) == 3 && n <= 3;
    for (size_t i = 1; i < n && ok; i++)
        ok = strlen(parts[i]->text) == 2;
    if (ok) {
        size_t off = 0;
        for (size_t i = 0; i < n; i++) {
            size_t l = strlen(parts[i]->text);
            memcpy(out + off, parts[i]->text, l);
            off += l;
        }
        out[off] = 0;
        return 1;
    }
    size_t off = 0;
    for (size_t i = 0; i < n && i < 3; i++) {
        size_t l = strlen(parts[i]->text);
        if (l > 3 || off + l + 2 > LT_CODE_MAX)
            return 0;
        if (i)
            damaged[off++] = '|';
        memcpy(damaged + off, parts[i]->text, l);
        off += l;
    }
    damaged[off] = 0;
    return 0;
}

static int dist(const lt_span *f, const lt_col *c)
{
    int a = f->x1 - c->x1, b = (f->x0 + f->x1) - (c->x0 + c->x1);
    if (a < 0)
        a = -a;
    if (b < 0)
        b = -b;
    b /= 2;
    return a < b ? a : b;
}

/* Assign nf figures to nc columns keeping order by position alone: out[i] =
 * column index; returns the total distance. */
static int assign_pos(const lt_span *const *fig, size_t nf, const lt_col *const *col, size_t nc,
                      size_t *out)
{
    if (nf >= nc) {
        for (size_t i = 0; i < nf; i++)
            out[i] = i < nc ? i : (size_t)-1;
        return 0;
    }
    /* dp[i][j]: best cost placing figures [0, i) in columns [0, j) */
    enum { INF = 1 << 28 };
    int dp[LT_MAX_COLS + 1][LT_MAX_COLS + 1];
    unsigned char take[LT_MAX_COLS + 1][LT_MAX_COLS + 1];
    for (size_t i = 0; i <= nf; i++)
        for (size_t j = 0; j <= nc; j++) {
            take[i][j] = 0;
            if (i == 0) {
                dp[i][j] = 0;
                continue;
            }
            if (j < i) {
                dp[i][j] = INF;
                continue;
            }
            int skip = dp[i][j - 1];
            int use = dp[i - 1][j - 1] + dist(fig[i - 1], col[j - 1]);
            if (use <= skip) {
                dp[i][j] = use;
                take[i][j] = 1;
            } else {
                dp[i][j] = skip;
            }
        }
    size_t i = nf, j = nc;
    while (i > 0 && j > 0) {
        if (take[i][j]) {
            out[i - 1] = j - 1;
            i--;
        }
        j--;
    }
    return dp[nf][nc];
}

/*
 * A figure sits unambiguously in a column when its right edge (figures are
 * right-aligned) falls within that column's x-extent as printed (px1),
 * widened by one character, and within no other's.  Returns the column or
 * -1.
 */
static int clear_column(const lt_span *f, const lt_col *const *col, size_t nc, int cw)
{
    int hit = -1;
    for (size_t j = 0; j < nc; j++) {
        /* a figure wider than its centred header reaches past it by half
         * the difference when it fills the column */
        int x1 = col[j]->px1 > col[j]->x1 ? col[j]->px1 : col[j]->x1;
        int over = ((f->x1 - f->x0) - (x1 - col[j]->x0)) / 2;
        if (f->x1 >= col[j]->x0 - cw && f->x1 <= x1 + cw + (over > 0 ? over : 0)) {
            if (hit >= 0)
                return -1;
            hit = (int)j;
        }
    }
    return hit;
}

/* The columns (indices into col) an identity's parts occupy; a part with no
 * column of its own (基本支出 printed as 人员经费 | 公用经费) is replaced by
 * its own parts, as rowtotals does. */
static size_t part_cols(const br_identity *ids, size_t nids, const br_identity *id,
                        const lt_col *const *col, size_t nc, size_t *out, size_t cap, int depth)
{
    size_t n = 0;
    for (size_t p = 0; p < id->n_parts; p++) {
        int found = 0;
        for (size_t j = 0; j < nc && n < cap; j++)
            if (col[j]->role == id->parts[p]) {
                out[n++] = j;
                found = 1;
            }
        for (size_t k = 0; !found && depth < 2 && k < nids; k++)
            if (ids[k].total == id->parts[p])
                n += part_cols(ids, nids, &ids[k], col, nc, out + n, cap - n, depth + 1);
    }
    return n;
}

/* Row identities of the table's kind (total = Σ parts) over these columns:
 * how many hold with the figures placed at `where` (blank = 0; interval
 * arithmetic on the printed decimals); *broken: how many with a figure
 * placed in them do not. */
static int ident_score(const lt_table *t, const br_decimal *v, size_t nf,
                       const lt_col *const *col, size_t nc, const size_t *where, int *exact,
                       int *broken)
{
    size_t nids = 0;
    const br_identity *ids = lt_host->identities_of(t->kind, &nids);
    int sat = 0;
    *exact = 0;
    *broken = 0;
    for (size_t i = 0; ids && i < nids; i++) {
        /* the identity applies when its total and a part are columns here */
        int tot = -1;
        for (size_t j = 0; j < nc; j++)
            if (col[j]->role == ids[i].total)
                tot = (int)j;
        if (tot < 0)
            continue;
        size_t pc[LT_MAX_COLS];
        size_t np = part_cols(ids, nids, &ids[i], col, nc, pc, LT_MAX_COLS, 0);
        if (np == 0)
            continue;
        br_decimal sum = {0}, rad = {0}, tv = {0}, trad = {0};
        int have_any = 0;
        for (size_t p = 0; p < np; p++)
            for (size_t k = 0; k < nf; k++)
                if (where[k] == pc[p]) {
                    lt_host->decimal_add(sum, v[k], &sum);
                    lt_host->decimal_add(rad, lt_host->decimal_half_ulp(v[k]), &rad);
                    have_any = 1;
                }
        for (size_t k = 0; k < nf; k++)
            if (where[k] == (size_t)tot) {
                tv = v[k];
                trad = lt_host->decimal_half_ulp(v[k]);
                have_any = 1;
            }
        if (!have_any || (sum.units == 0 && tv.units == 0))
            continue; /* nothing placed in it, or zeros only: no evidence either way */
        br_decimal d, r;
        lt_host->decimal_sub(tv, sum, &d);
        lt_host->decimal_add(trad, rad, &r);
        if (d.units < 0)
            d.units = -d.units;
        if (lt_host->decimal_cmp(d, r) <= 0) {
            sat++;
            *exact += lt_host->decimal_cmp(tv, sum) == 0;
        } else {
            (*broken)++;
        }
    }
    return sat;
}

/* How far a placement is from a uniform shift of the header columns: a
 * row's figures keep their spacing when pdftotext moves them all (the
 * right edge of a figure less its header's right edge is then about the
 * same for every figure: figures are right-aligned, headers centred in
 * cells of similar width).  Σ |d_i - median d| over the placed figures. */
static int shift_cost(const lt_span *const *fig, size_t nf, const lt_col *const *col,
                      const size_t *w)
{
    long d[LT_MAX_COLS];
    for (size_t i = 0; i < nf; i++)
        d[i] = fig[i]->x1 - col[w[i]]->x1;
    return (int)lt_median_spread(d, nf);
}

/* How far apart two headers' positions may be and still be the same
 * distance from their figures: where a text counts one column per
 * character (pdftotext), each page rounds its words' positions anew —
 * a character either way. */
static int header_slack(const lt_engine *e)
{
    return e->in->narrow ? 1 : 0;
}

/* The placement w keeps every figure pinned to a column there (pin[i] ≥ 0). */
static int keeps_pins(const int *pin, const size_t *w, size_t nf)
{
    for (size_t i = 0; pin && i < nf; i++)
        if (pin[i] >= 0 && w[i] != (size_t)pin[i])
            return 0;
    return 1;
}

/*
 * Assign nf figures to nc columns keeping order: out[i] = column index.
 * The order-preserving placements are ranked by the row identities of the
 * kind they satisfy (total = gpb + gov_fund + soc_capital, as assign.c does
 * for tab text), then by position: figures each clearly within one column's
 * x-extent (right edges) go there, else the placement closest to a uniform
 * shift of the header columns, else the nearest.  Position
 * alone is not trusted: pdftotext -layout shifts a row's figures right
 * when its label is long, and a narrow centred header ("合计") lies well
 * left of the figures under it.  Figures the table's own rows place
 * (pin[i] ≥ 0: right-aligned at the edge where a column's figures end on
 * the page, align.c) stay there whatever the arithmetic says; pin may be
 * NULL.  Returns 1 when
 * arithmetic overruled the nearest placement.
 */
static int assign(const lt_table *t, const lt_span *const *fig, size_t nf,
                  const lt_col *const *col, size_t nc, int cw, int slack, const int *pin,
                  size_t *out, int *clear_out)
{
    *clear_out = 0;
    assign_pos(fig, nf, col, nc, out);
    if (nf == 0 || nf >= nc || nc > 16)
        return 0;
    size_t npin = 0;
    for (size_t i = 0; pin && i < nf; i++)
        npin += pin[i] >= 0;
    if (npin == nf) { /* every figure at the edge of one column's figures */
        for (size_t i = 0; i < nf; i++)
            out[i] = (size_t)pin[i];
        *clear_out = 1;
        return 0;
    }
    /* clear positions: every figure in exactly one column, distinct, ordered */
    int clear = 1, prev = -1;
    size_t cl[LT_MAX_COLS];
    for (size_t i = 0; i < nf && clear; i++) {
        int c = clear_column(fig[i], col, nc, cw);
        if (c <= prev)
            clear = 0;
        prev = c;
        cl[i] = (size_t)c;
    }
    if (clear)
        memcpy(out, cl, nf * sizeof *out);
    *clear_out = clear;
    int kept = keeps_pins(pin, out, nf);
    br_decimal v[LT_MAX_COLS];
    int numbers = 1;
    for (size_t i = 0; i < nf; i++)
        numbers &= lt_figure(fig[i]->text, &v[i]) == 1;
    if (!numbers && kept)
        return 0; /* a blank mark among them: keep the positional placement */
    int ex0 = 0, broken0 = 0;
    int sat0 = !kept ? -1 : ident_score(t, v, nf, col, nc, out, &ex0, &broken0);
    /* figures each clearly under one column, no row identity broken so:
     * arithmetic has nothing to overrule (another placement may hold more
     * identities only because it fills columns the row leaves blank) */
    if (clear && kept && numbers && broken0 == 0)
        return 0;
    int cost0 = 0, shift0 = clear ? -1 : shift_cost(fig, nf, col, out); /* clear wins ties */
    if (shift0 > 0 && shift0 <= slack)
        shift0 = 0;
    for (size_t i = 0; i < nf; i++)
        cost0 += dist(fig[i], col[out[i]]);
    int best_sat = sat0, best_ex = ex0, best_shift = shift0, best_cost = cost0, moved = 0;
    size_t best[LT_MAX_COLS];
    /* enumerate placements: masks over nc columns with nf bits set */
    for (uint32_t m = 0; m < (1u << nc); m++) {
        if ((size_t)__builtin_popcount(m) != nf)
            continue;
        size_t w[LT_MAX_COLS], k = 0;
        int cost = 0;
        for (size_t j = 0; j < nc; j++)
            if ((m >> j) & 1) {
                w[k] = j;
                cost += dist(fig[k], col[j]);
                k++;
            }
        if (!keeps_pins(pin, w, nf))
            continue;
        int ex = 0;
        int nb;
        int sat = numbers ? ident_score(t, v, nf, col, nc, w, &ex, &nb) : 0;
        int sh = shift_cost(fig, nf, col, w);
        if (sh <= slack)
            sh = 0; /* as uniform as the header's positions tell */
        int better = sat != best_sat ? sat > best_sat
                     : ex != best_ex ? ex > best_ex
                     : sh != best_shift ? sh < best_shift
                                        : cost < best_cost;
        if (!better)
            continue;
        best_shift = sh;
        best_sat = sat;
        best_ex = ex;
        best_cost = cost;
        moved = 1;
        memcpy(best, w, nf * sizeof *w);
    }
    if (!moved)
        return 0;
    *clear_out = 0;
    memcpy(out, best, nf * sizeof *out);
    return 1;
}

static const lt_span *const *code_parts(const seg *g, size_t n, const lt_span **out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = g->sp[i];
    return out;
}

static lt_prow *new_row(lt_engine *e, lt_table *t, long line, br_side side)
{
    lt_prow *r = lt_host->doc_alloc(e->doc, sizeof *r);
    char *label = r ? lt_host->doc_alloc(e->doc, LT_LABEL_MAX) : NULL;
    if (!r || !label) {
        e->failed = 1;
        return NULL;
    }
    r->line = line;
    r->side = side;
    r->label = label;
    *t->tail = r;
    t->tail = &r->next;
    t->last = r;
    t->nrows++;
    return r;
}

static void append_label(char *label, const char *s, size_t len)
{
    size_t have = strlen(label);
    char buf[LT_LABEL_MAX];
    size_t n = dt_squeeze(s, len, buf, sizeof buf);
    if (have + n + 1 > LT_LABEL_MAX)
        n = dt_copy(buf, n, buf, LT_LABEL_MAX - have); /* truncated at a UTF-8 boundary */
    memcpy(label + have, buf, n);
    label[have + n] = 0;
}

/* The last buffered row of a panel, or NULL. */
static lt_prow *last_of_side(const lt_table *t, br_side side)
{
    lt_prow *last = NULL;
    for (lt_prow *r = t->rows; r; r = r->next)
        if (r->side == side)
            last = r;
    return last;
}

/* x where the value columns of a panel start (INT32_MAX when none). */
static int values_x0(const lt_table *t, br_side side)
{
    int x = INT32_MAX;
    for (size_t c = 0; c < t->L.ncols; c++) {
        const lt_col *col = &t->L.cols[c];
        if ((col->what == DT_COL_MONEY || col->what == DT_COL_NONE) && col->side == side &&
            col->x0 < x)
            x = col->x0;
    }
    return x;
}

/*
 * The line is close enough below row r to continue it: at most two lines
 * down — with three panels (panels.c), at most one printed line of the
 * table in between, blank lines not counted (a wrapped label's lines are
 * spread over the height of its row).
 */
static int near_row(const lt_table *t, const lt_prow *r, const lt_line *ln)
{
    if (t->L.npanels == 0 || !r->src || r->src > ln)
        return ln->no - r->line <= 2;
    int printed = 0;
    for (const lt_line *l = r->src + 1; l < ln; l++)
        printed += l->nspans > 0;
    return printed <= 1;
}

/* Two panels, a line of figures only: the panel's row just above, when it
 * was read without figures (its label wrapped round them), else NULL. */
static lt_prow *figures_row(const lt_table *t, const lt_line *ln, const seg *g, br_side side)
{
    lt_prow *r = last_of_side(t, side);
    if (!r || r->nvals || r->nshort || !near_row(t, r, ln) || g->n == 0)
        return NULL;
    /* every figure on this panel's side of the split (three panels: cut by
     * position already) */
    for (size_t k = 0; k < g->n && t->L.npanels == 0; k++) {
        int right = t->L.split_x > 0 && g->sp[k]->x0 >= t->L.split_x;
        if (right != (side == BR_SIDE_EXPENDITURE))
            return NULL;
    }
    /* and no row of the other panel read in between with figures of its own */
    for (const lt_prow *o = r->next; o; o = o->next)
        if (o->line > r->line && o->line < ln->no && o->nvals)
            return NULL;
    return r;
}

/* A code glued to its label ("310资本性支出", or one space apart as
 * pdftotext closes a tight gap: "30299 其他商品和服务支出"): the digits'
 * length, else 0. */
static size_t glued_code(const char *s)
{
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    size_t at = s[n] == ' ' ? n + 1 : n;
    return (n == 3 || n == 5 || n == 7) && (unsigned char)s[at] >= 0x80 ? n : 0;
}

/* The segment with a glued code and label cut into two spans (arena). */
static const seg *unglue(lt_engine *e, const lt_table *t, const seg *g, seg *buf)
{
    size_t n;
    if (!t->L.has_code || t->L.two_sided || g->n == 0 || !(n = glued_code(g->sp[0]->text)))
        return g;
    lt_span *two = lt_host->doc_alloc(e->doc, 2 * sizeof *two);
    char *code = lt_host->doc_alloc(e->doc, n + 1);
    if (!two || !code) {
        e->failed = 1;
        return g;
    }
    const lt_span *s = g->sp[0];
    int cw = e->in->char_width > 0 ? e->in->char_width : 1;
    int xm = s->x0 + (int)n * (cw > 1 ? cw / 2 : 1); /* digits are half-width */
    memcpy(code, s->text, n);
    code[n] = 0;
    size_t at = s->text[n] == ' ' ? n + 1 : n;
    two[0] = (lt_span){code, s->x0, xm};
    two[1] = (lt_span){s->text + at, xm, s->x1 > xm ? s->x1 : xm + 1};
    buf->n = 0;
    buf->sp[buf->n++] = &two[0];
    buf->sp[buf->n++] = &two[1];
    for (size_t k = 1; k < g->n && buf->n < LT_MAX_ROW_SPANS; k++)
        buf->sp[buf->n++] = g->sp[k];
    return buf;
}

/* Digit groups one space apart, each 1 to 3 digits ("03 01"): the number
 * of groups, else 0. */
static size_t digit_groups(const char *s)
{
    size_t groups = 0;
    while (*s) {
        size_t d = strspn(s, "0123456789");
        if (d == 0 || d > 3)
            return 0;
        groups++;
        s += d;
        if (*s == ' ' && s[1] >= '0' && s[1] <= '9')
            s++;
        else if (*s)
            return 0;
    }
    return groups;
}

/* Code parts printed one space apart, as pdftotext closes the gap of tight
 * columns ("201   03 01   行政运行"), where the code is printed in parts
 * (two or more code columns): each part a span of its own (arena), its
 * x-extent the span's shared out by characters. */
static const seg *split_code_parts(lt_engine *e, const lt_table *t, const seg *g, seg *buf)
{
    size_t code_cols = 0, k = 0, extra = 0;
    for (size_t c = 0; c < t->L.ncols; c++)
        code_cols += t->L.cols[c].what == DT_COL_CODE;
    if (code_cols < 2 || t->L.two_sided)
        return g;
    for (k = 0; k < g->n && (lt_digits(g->sp[k]->text) || digit_groups(g->sp[k]->text) > 1); k++)
        extra += digit_groups(g->sp[k]->text) - 1;
    if (!extra || g->n + extra > LT_MAX_ROW_SPANS)
        return g;
    seg out = {.n = 0};
    for (size_t i = 0; i < g->n; i++) {
        const lt_span *s = g->sp[i];
        size_t ng = i < k ? digit_groups(s->text) : 1;
        if (ng <= 1) {
            out.sp[out.n++] = s;
            continue;
        }
        lt_span *parts = lt_host->doc_alloc(e->doc, ng * sizeof *parts);
        size_t len = strlen(s->text);
        char *text = lt_host->doc_alloc(e->doc, len + 1);
        if (!parts || !text) {
            e->failed = 1;
            return g;
        }
        memcpy(text, s->text, len + 1);
        int span = s->x1 - s->x0;
        for (size_t q = 0, at = 0; q < ng; q++) {
            size_t d = strspn(text + at, "0123456789");
            int x0 = s->x0 + (int)((long)span * (long)at / (long)len);
            int x1 = s->x0 + (int)((long)span * (long)(at + d) / (long)len);
            text[at + d] = 0;
            parts[q] = (lt_span){text + at, x0, x1 > x0 ? x1 : x0 + 1};
            out.sp[out.n++] = &parts[q];
            at += d + 1;
        }
    }
    *buf = out;
    return buf;
}

/* The line above (t->pre, one text span) is the first part of the label of
 * this segment's row: it lies right of the segment's code, left of its
 * figures, and where the segment has a label of its own, starts with it. */
static int pre_fits(const lt_engine *e, const lt_table *t, const seg *g, int panel)
{
    if (!t->pre || g->n < 2 || !lt_digits(g->sp[0]->text))
        return 0;
    const lt_span *p = &t->pre->spans[0];
    int cw = e->in->char_width > 0 ? e->in->char_width : 1;
    if (t->L.nrepeat && lt_repeat_of(t, p) != panel)
        return 0;
    if (p->x0 < g->sp[0]->x1 - cw)
        return 0;
    for (size_t k = 1; k < g->n; k++) {
        if (is_text(g->sp[k]) && g->sp[k]->x1 + cw < p->x0)
            continue; /* a 预算单位 between a row's number and its label */
        if (!is_text(g->sp[k]))
            return p->x0 < g->sp[k]->x0;
        if (abs(p->x0 - g->sp[k]->x0) > 2 * cw)
            return 0;
    }
    return 1;
}

/* A span under a column the model leaves out (DT_COL_IGNORE: 序号, 预算单位)
 * and under no label or money column: that column's cell, neither the
 * label nor a figure. */
int lt_ignored_cell(const lt_table *t, const lt_span *s)
{
    int ign = 0;
    for (size_t c = 0; c < t->L.ncols; c++) {
        const lt_col *col = &t->L.cols[c];
        int ov = s->x0 < col->x1 && col->x0 < s->x1;
        if (ov && (col->what == DT_COL_LABEL || col->what == DT_COL_MONEY))
            return 0;
        if (ov && col->what == DT_COL_IGNORE)
            ign = 1;
    }
    return ign;
}

/* The value columns of a panel (side; rp: the copy of a repeated list). */
static size_t value_columns(const lt_table *t, br_side side, int rp, const lt_col **vc)
{
    size_t nvc = 0;
    for (size_t c = 0; c < t->L.ncols; c++) {
        const lt_col *col = &t->L.cols[c];
        if (col->what != DT_COL_MONEY && col->what != DT_COL_NONE)
            continue;
        if (t->L.two_sided && col->side != side)
            continue;
        if (t->L.nrepeat && col->rpanel != rp)
            continue;
        vc[nvc++] = col;
    }
    return nvc;
}

/* The row's figures into its modelled cells where `where` puts them.  Fewer
 * figures than columns, all of them numbers, not clearly placed: kept in
 * print order too (nshort), for the code hierarchy to place at emit. */
static void put_figures(const lt_table *t, lt_prow *r, const lt_span *const *fig, size_t nf,
                        const lt_col *const *vc, size_t nvc, const size_t *where, int clear)
{
    r->nshort = 0;
    /* as many figures as columns, or each clearly under one: certain */
    r->certain = nf > 0 && (nf == nvc || clear);
    for (size_t k = 0; k < nf && k < LT_MAX_COLS; k++)
        r->at[k] = where[k] == (size_t)-1 ? -1 : (signed char)where[k];
    if (!t->L.two_sided && nf > 0 && nf < nvc) {
        size_t k = 0;
        for (; k < nf; k++)
            if (lt_figure(fig[k]->text, &r->svals[k]) != 1)
                break;
        /* figures each clearly under one column, in order, and the row's
         * identities no better elsewhere: geometry has placed them */
        r->nshort = k == nf && !clear ? nf : 0;
    }
    for (size_t k = 0; k < nf; k++) {
        if (where[k] == (size_t)-1)
            continue;
        const lt_col *col = vc[where[k]];
        br_decimal d;
        if (col->model < 0 || lt_figure(fig[k]->text, &d) != 1)
            continue;
        r->have[col->model] = 1;
        r->vals[col->model] = d;
        r->nvals++;
    }
}

/* The pieces of a label the table's convention puts above its row
 * (engine.c: t->wrap_heads): the start of row r's label. */
static void take_heads(lt_table *t, lt_prow *r)
{
    for (size_t h = 0; h < t->wrap_nheads; h++) {
        const lt_span *p = &t->wrap_heads[h]->spans[0];
        append_label(r->label, p->text, strlen(p->text));
        if (r->label_x0 < 0 || p->x0 < r->label_x0)
            r->label_x0 = p->x0;
    }
    t->wrap_nheads = 0;
}

static void read_panel(lt_engine *e, lt_table *t, const lt_line *ln, const seg *g0, br_side side,
                       int panel);

/* A label fragment: text, no enumerator, no total, not prose. */
static int label_fragment(const char *text);

/*
 * A row printed with its figures a line above its label (the label cell set
 * lower than the figures): this line holds figures and no label (its code
 * parts, left of the figures, or not), the next printed line of the page
 * its label (and code) and no figure.  Read as one row on this line, the
 * next line taken; 1 when so.  Fail closed where the label is a piece of
 * text alone in a table whose labels continue over lines: it may as well
 * end the label of the row above.
 */
static int figures_above(lt_engine *e, lt_table *t, const lt_line *ln, const seg *g, br_side side,
                         int panel)
{
    if (t->L.two_sided || t->L.nrepeat || t->L.npanels)
        return 0;
    if (t->pre && t->pre->no < ln->no && pre_fits(e, t, g, panel))
        return 0; /* a label wrapped round its code line: its first part above */
    int vx = INT32_MAX; /* where the money columns start (code columns may be unnamed) */
    for (size_t c = 0; c < t->L.ncols; c++)
        if (t->L.cols[c].what == DT_COL_MONEY && t->L.cols[c].x0 < vx)
            vx = t->L.cols[c].x0;
    /* where a text counts one column per character, code parts lie by the
     * code columns (a short figure may end left of its narrow header: "6"
     * under 总计 is no code part) */
    int cx = INT32_MAX;
    for (size_t c = 0; e->in->narrow && c < t->L.ncols; c++)
        if (t->L.cols[c].what == DT_COL_CODE &&
            (cx == INT32_MAX || t->L.cols[c].x1 + 2 * NARROW_DRIFT > cx))
            cx = t->L.cols[c].x1 + 2 * NARROW_DRIFT;
    size_t ncode = 0, nfig = 0;
    for (size_t k = 0; k < g->n; k++) {
        const lt_span *s = g->sp[k];
        if (lt_ignored_cell(t, s))
            continue;
        if (is_text(s))
            return 0; /* a label (or text) with the figures */
        /* (a part of two digits after the class's three is a code part
         * wherever it stands left of the figures: "201  08 02"; so is the
         * third part cut to one digit well left of them: "208  05  6") */
        int part = ncode && strlen(g->sp[0]->text) == 3 &&
                   (strlen(s->text) == 2 ||
                    (strlen(s->text) == 1 && ncode == 2 && s->x1 + 4 * NARROW_DRIFT < vx));
        if (!nfig && ncode < 3 && lt_digits(s->text) && s->x1 < vx && (s->x0 < cx || part))
            ncode++; /* code parts, left of the figures */
        else
            nfig++;
    }
    /* digits with the figures: a whole code ("2010301", "201  03  01"), or
     * a row's number ("2" under 项目编号, "3" under 序号); else a piece of
     * a label cell's code ("201080" over "4审计业务") */
    char code[LT_CODE_MAX], damaged[LT_CODE_MAX];
    int numbered = ncode == 1 && strlen(g->sp[0]->text) <= 3;
    for (size_t c = 0; numbered && c < t->L.ncols; c++)
        if (t->L.cols[c].what == DT_COL_CODE && g->sp[0]->x0 < t->L.cols[c].x1 &&
            t->L.cols[c].x0 < g->sp[0]->x1)
            numbered = 0; /* under 科目编码: a code cut short */
    /* (a code that lost digits in print is a code: repaired at emit) */
    if (ncode && !make_code(g->sp, ncode, code, damaged) && !damaged[0] &&
        !(numbered && (!t->L.has_code || strlen(g->sp[0]->text) <= 2)))
        return 0;
    const lt_line *end = e->in->lines + e->in->nlines, *nx = ln + 1;
    while (nx < end && nx->nspans == 0)
        nx++;
    if (!nfig || nx >= end || nx->page != ln->page || nx->no - ln->no > 2)
        return 0;
    size_t ntext = 0, ncode2 = 0;
    const char *text = NULL;
    for (size_t k = 0; k < nx->nspans; k++) {
        const lt_span *s = &nx->spans[k];
        if (lt_ignored_cell(t, s))
            continue;
        if (is_text(s)) {
            size_t len = strlen(s->text);
            if (lt_prose(s->text) || lt_note_line(s->text) || (!ntext && s->x0 >= vx) ||
                dt_title_shape(s->text, len) || dt_marker(s->text, len, NULL) ||
                dt_catalog_unit_line(s->text, len) != BR_UNIT_UNKNOWN)
                return 0; /* the next table's title, marker or unit: no label */
            if (!ntext++)
                text = s->text;
        } else if (!ntext && lt_digits(s->text) && s->x1 < vx) {
            ncode2++;
        } else {
            return 0; /* a figure: a row of its own */
        }
    }
    if (!ntext || (ncode && ncode2))
        return 0;
    /* one line: the code parts, the label line's spans, then the figures */
    seg m = {.n = 0};
    for (size_t k = 0; k < g->n && k < ncode; k++)
        m.sp[m.n++] = g->sp[k];
    for (size_t k = 0; k < nx->nspans && m.n < LT_MAX_ROW_SPANS; k++)
        m.sp[m.n++] = &nx->spans[k];
    for (size_t k = ncode; k < g->n && m.n < LT_MAX_ROW_SPANS; k++)
        m.sp[m.n++] = g->sp[k];
    t->above_taken = nx->no;
    lt_prow *before = t->last;
    read_panel(e, t, ln, &m, side, panel);
    if (t->last && t->last != before) {
        t->last->label_no = nx->no;
        if (!ncode && !ncode2 && ntext == 1 && t->wraps && !lt_code_led(text) &&
            label_fragment(text))
            t->last->label_unsure = 1;
    }
    return 1;
}

/* A code printed alone on its line whose row never came (no label on the
 * lines after it): a row lost — fail closed as for figures no row took. */
void lt_row_drop_pending(lt_engine *e, lt_table *t, int rp)
{
    if (!t->pend_code[rp][0])
        return;
    if (!t->stray_line)
        t->stray_line = t->pend_line[rp];
    lt_note(e, t, BR_SEV_INFO, NULL, t->pend_line[rp],
            "code %s alone on this line belongs to no row; not read", t->pend_code[rp]);
    t->pend_code[rp][0] = 0;
}

static void read_panel(lt_engine *e, lt_table *t, const lt_line *ln, const seg *g0, br_side side,
                       int panel)
{
    seg gbuf, pbuf;
    const seg *g = split_code_parts(e, t, unglue(e, t, g0, &gbuf), &pbuf);
    if (figures_above(e, t, ln, g, side, panel))
        return;
    const lt_span *code[4];
    size_t ncode = 0;
    int rp = t->L.nrepeat && panel > 0 ? 1 : 0;
    /* a code alone on its line: its label and figures follow on the next */
    if (g->n == 1 && t->L.has_code && !t->L.two_sided && lt_digits(g->sp[0]->text) &&
        strlen(g->sp[0]->text) >= 3) {
        size_t l = strlen(g->sp[0]->text);
        if (l == 3 || l == 5 || l == 7) {
            lt_row_drop_pending(e, t, rp);
            memcpy(t->pend_code[rp], g->sp[0]->text, l + 1);
            t->pend_line[rp] = ln->no;
            return;
        }
    }
    /* no code column: a class code alone on its line starts a row whose
     * label and figures follow ("201" over "一般公共  2358.75") */
    if (g->n == 1 && lt_label_digits(t, g->sp[0])) {
        lt_prow *r = new_row(e, t, ln->no, side);
        if (r) {
            r->src = ln;
            r->label_x0 = -1;
            append_label(r->label, g->sp[0]->text, strlen(g->sp[0]->text));
        }
        return;
    }
    size_t first_text = g->n;
    for (size_t k = 0; k < g->n; k++)
        if (is_text(g->sp[k])) {
            first_text = k;
            break;
        }
    /* leading code parts (only when a label follows them directly) */
    if (first_text < g->n) {
        while (ncode < first_text && ncode < 4 && lt_digits(g->sp[ncode]->text) &&
               (t->L.has_code || strlen(g->sp[ncode]->text) >= 3))
            ncode++;
        if (ncode != first_text)
            ncode = 0;
    } else if (t->pre && t->pre->no < ln->no && pre_fits(e, t, g, panel)) {
        ncode = 1; /* a code whose label wrapped round it (the line above) */
        t->centred = 1;
    }
    char codebuf[LT_CODE_MAX] = "", damaged[LT_CODE_MAX] = "";
    if (ncode)
        make_code(code_parts(g, ncode, code), ncode, codebuf, damaged);

    /* a row above awaiting its figures; its code cut short ("201 0", "2060"):
     * this line's leading digits in the label zone end it ("3 01", "101") */
    size_t pl = awaits_figures(t, t->last) ? strspn(t->last->label, "0123456789") : 0;
    int cut = pl && t->last->label[pl] == 0 && (pl == 4 || pl == 6);
    /* label and figures */
    char label[LT_LABEL_MAX] = "";
    const lt_span *fig[LT_MAX_ROW_SPANS];
    size_t nf = 0;
    int label_x0 = -1;
    for (size_t k = ncode; k < g->n; k++) {
        const lt_span *s = g->sp[k];
        if (lt_ignored_cell(t, s))
            continue; /* a cell of a column printed but not modelled (预算单位) */
        if (is_text(s) || (k == ncode && k == 0 && lt_label_digits(t, s)) ||
            (k == 0 && cut && lt_digits(s->text) && s->x1 < t->L.label_x1)) {
            if (nf == 0) {
                if (label_x0 < 0)
                    label_x0 = s->x0;
                append_label(label, s->text, strlen(s->text));
            }
            continue;
        }
        fig[nf++] = s;
    }
    size_t ll = strlen(label);
    const char *lab = lt_strip_enum(label, &ll);
    if (!codebuf[0] && !damaged[0] && ll == 0 && nf == 0)
        return;
    /* the code printed alone on the line above */
    if (!ncode && ll > 0 && t->pend_code[rp][0] && ln->no - t->pend_line[rp] <= 2 &&
        !dt_catalog_total_label(lab, ll)) { /* (合计 takes no code) */
        memcpy(codebuf, t->pend_code[rp], sizeof codebuf);
        t->pend_code[rp][0] = 0;
    }
    lt_row_drop_pending(e, t, rp);
    lt_prow *into = NULL; /* an earlier row of this panel that takes the figures */
    /* a table without a code column whose code-led row above awaits its
     * figures: this line, no code of its own, is that label's next piece */
    int joined = 0;
    if (!codebuf[0] && !damaged[0] && nf > 0 && ll > 0 && lab == label &&
        (cut || !lt_code_led(label)) && !dt_catalog_total_label(label, strlen(label)) && pl &&
        t->last->side == side && ln->no - t->last->line <= 3) {
        into = t->last;
        take_heads(t, into);
        append_label(into->label, lab, ll);
        into->line = ln->no; /* the row's line: where its figures are */
        into->src = ln;
        joined = 1;
    }
    if (!joined && !codebuf[0] && ll == 0 && !t->wrap_nheads) {
        /* two panels: figures printed on their own line between a wrapped
         * label's lines go to the panel's row above when it has none */
        if (t->L.two_sided)
            into = figures_row(t, ln, g, side);
        if (!into && (t->L.has_label || t->L.two_sided)) {
            /* figures without a label: a row this reading could not place
             * (its label perhaps taken for a cell of another column); the
             * table's sums may miss it, so none of them is judged */
            if (!t->stray_line)
                t->stray_line = ln->no;
            lt_note(e, t, BR_SEV_INFO, NULL, ln->no,
                    "%zu figures with no label on this line belong to no row; not read", nf);
            return;
        }
        lab = "合计";
        ll = strlen(lab);
    }
    const lt_col *vc[LT_MAX_COLS];
    size_t nvc = value_columns(t, side, rp, vc);
    lt_prow *r = into ? into : new_row(e, t, ln->no, side);
    if (!r)
        return;
    if (!into) {
        r->src = ln;
        r->label_x0 = label_x0;
        r->label_unsure = (e->wrap[ln - e->in->lines] & DT_PIECE_UNSURE) != 0;
        take_heads(t, r); /* its label's first lines, above it */
    }
    if (!into) {
        memcpy(r->code, codebuf, sizeof r->code);
        memcpy(r->damaged, damaged, sizeof r->damaged);
        r->rpanel = rp;
        /* a code line whose label wrapped round it: its first part is on
         * the line above */
        /* (or a numbered row: 序号 | 预算单位 | label) */
        int numbered = g->n >= 3 && lt_digits(g->sp[0]->text) && strlen(g->sp[0]->text) <= 3;
        if ((codebuf[0] || damaged[0] || numbered) && t->pre && t->pre->no < ln->no &&
            pre_fits(e, t, g, panel)) {
            append_label(r->label, t->pre->spans[0].text, strlen(t->pre->spans[0].text));
            if (r->label_x0 < 0 || t->pre->spans[0].x0 < r->label_x0)
                r->label_x0 = t->pre->spans[0].x0;
            t->pre_taken = t->pre_ends ? 0 : ln->no;
            t->centred = 1;
        }
        append_label(r->label, lab, ll);
    }
    size_t where[LT_MAX_ROW_SPANS];
    if (nf > LT_MAX_COLS)
        nf = LT_MAX_COLS;
    int clear = 0;
    assign(t, fig, nf, vc, nvc, e->in->char_width > 0 ? e->in->char_width : 1, header_slack(e),
           NULL, where, &clear);
    if (nf > nvc) {
        lt_note(e, t, BR_SEV_WARNING, r->code[0] ? r->code : r->label, ln->no,
                "%zu figures for %zu columns; the extra ones are not read", nf, nvc);
        r->nextra = nf - nvc;
        r->ncols_seen = nvc;
    } else {
        memcpy(r->fig, fig, nf * sizeof *fig);
        r->nfig = nf;
    }
    put_figures(t, r, fig, nf, vc, nvc, where, clear);
    for (size_t k = 0; k < nf; k++) {
        br_decimal d;
        if (where[k] != (size_t)-1 && vc[where[k]]->model < 0 && lt_figure(fig[k]->text, &d) == 1)
            t->L.cols[vc[where[k]] - t->L.cols].nfig++; /* not modelled: counted, for fail closed */
    }
}

size_t lt_row_columns(const lt_table *t, const lt_prow *r, const lt_col **vc)
{
    return value_columns(t, r->side, r->rpanel, vc);
}

int lt_row_place(lt_engine *e, lt_table *t, lt_prow *r, const int *pin)
{
    const lt_col *vc[LT_MAX_COLS];
    size_t nvc = value_columns(t, r->side, r->rpanel, vc), nf = r->nfig;
    size_t where[LT_MAX_COLS];
    int clear = 0;
    if (t->L.two_sided || nf == 0 || nf >= nvc)
        return 0;
    for (size_t j = 0; j < nvc; j++)
        if (vc[j]->model < 0)
            return 0; /* figures counted into a column not modelled: left as read */
    assign(t, r->fig, nf, vc, nvc, e->in->char_width > 0 ? e->in->char_width : 1,
           header_slack(e), pin, where, &clear);
    for (size_t j = 0; j < nvc; j++)
        if (r->have[vc[j]->model]) {
            r->have[vc[j]->model] = 0;
            r->nvals--;
        }
    put_figures(t, r, r->fig, nf, vc, nvc, where, clear);
    return 1;
}

/* Two panels: every figure of the segment is nearer a money column of the
 * expenditure panel than any of the income panel's (and there is one). */
static int figures_right(const lt_table *t, const seg *g)
{
    int any = 0;
    for (size_t k = 0; k < g->n; k++) {
        if (is_text(g->sp[k]))
            continue;
        int din = INT32_MAX, dout = INT32_MAX;
        for (size_t c = 0; c < t->L.ncols; c++) {
            const lt_col *col = &t->L.cols[c];
            if (col->what != DT_COL_MONEY)
                continue;
            int d = dist(g->sp[k], col);
            if (col->side == BR_SIDE_INCOME && d < din)
                din = d;
            if (col->side == BR_SIDE_EXPENDITURE && d < dout)
                dout = d;
        }
        if (dout >= din)
            return 0;
        any = 1;
    }
    return any;
}

/*
 * Panels whose figure columns are parts of one identity (repeat.c: 人员经费 |
 * 公用经费): the row r just read from copy p's segment g.  Its figure is its
 * total too (the other parts of a panel row are blank).  A grand total (合计)
 * of one figure alone on its line is the table's total, its parts not
 * printed there — or its panel's, which is not known: the row is marked
 * uncertain.  A figure nearer another copy's column than its own on a line
 * of one copy is not guessed into either: the row is marked uncertain.
 */
/* The copy whose figure column's right edge is nearest a figure's. */
static int money_copy(const lt_table *t, const lt_span *f)
{
    int best = 0, bd = -1;
    for (size_t c = 0; c < t->L.ncols; c++) {
        const lt_col *col = &t->L.cols[c];
        int d = abs(f->x1 - col->x1);
        if (col->what == DT_COL_MONEY && (bd < 0 || d < bd)) {
            bd = d;
            best = col->rpanel;
        }
    }
    return best;
}

static void panel_row(const lt_table *t, lt_prow *r, const seg *g, size_t p, size_t nsegs)
{
    const lt_layout *L = &t->L;
    int tot = L->panel_total_model, own = -1;
    for (size_t c = 0; c < L->ncols; c++)
        if (L->cols[c].what == DT_COL_MONEY && L->cols[c].rpanel == (int)p &&
            L->cols[c].model >= 0)
            own = L->cols[c].model;
    if (tot < 0 || own < 0 || !r->have[own])
        return;
    int grand = !r->code[0] && dt_catalog_total_label(r->label, strlen(r->label)) == 2;
    if (grand && nsegs == 1 && r->nvals == 1) {
        r->vals[tot] = r->vals[own];
        r->have[tot] = 1;
        r->have[own] = 0;
        r->unc_kind = "spanning_total";
        r->unc_why = "a grand total alone on its line: the table's total (read so) or its "
                     "panel's is not known, and the parts it sums are not printed on its line";
        return;
    }
    r->vals[tot] = r->vals[own];
    r->have[tot] = 1;
    r->inferred[tot] = 1;
    r->nvals++;
    int text = 0; /* the figures after the label (not the code before it) */
    for (size_t k = 0; nsegs == 1 && k < g->n; k++) {
        if (is_text(g->sp[k])) {
            text = 1;
        } else if (text && money_copy(t, g->sp[k]) != (int)p) {
            r->unc_kind = "panel_unclear";
            r->unc_why = "a figure nearer another panel's column than its own row's: whose "
                         "it is is not known";
        }
    }
}

void lt_row_line(lt_engine *e, lt_table *t, const lt_line *ln)
{
    lt_template_columns(e, t, ln); /* a catalog order: columns from the first figures */
    seg segs[LT_MAX_PANELS];
    if (t->L.nrepeat > 0) { /* one list in two copies of the columns */
        size_t ns = lt_repeat_cut(t, ln, segs, LT_MAX_PANELS), nsegs = 0;
        for (size_t p = 0; p < ns; p++)
            nsegs += segs[p].n > 0;
        for (size_t p = 0; p < ns; p++)
            if (segs[p].n) {
                size_t before = t->nrows;
                read_panel(e, t, ln, &segs[p], BR_SIDE_NONE, (int)p);
                if (t->nrows > before && t->last && t->last->src == ln)
                    panel_row(t, t->last, &segs[p], p, nsegs);
            }
        return;
    }
    if (t->L.npanels > 0) { /* three panels: cut by position */
        size_t ns = lt_panels_cut(t, ln, segs, LT_MAX_PANELS);
        for (size_t p = 0; p < ns; p++)
            if (lt_panel_side(t, p) != BR_SIDE_NONE)
                read_panel(e, t, ln, &segs[p], lt_panel_side(t, p), (int)p);
        return;
    }
    size_t ns = cut_panels(t, ln, segs, 3);
    for (size_t p = 0; p < ns; p++) {
        br_side side = BR_SIDE_NONE;
        if (t->L.two_sided) {
            if (p >= 2)
                break; /* a third panel (支出 by use) is not modelled */
            side = p == 0 ? BR_SIDE_INCOME : BR_SIDE_EXPENDITURE;
            /* a single panel right of the split is the expenditure side;
             * so is one whose figures lie under the expenditure panel's
             * (a page laid out further left than the header's) */
            if (ns == 1 && segs[0].n && t->L.split_x > 0 &&
                (segs[0].sp[0]->x0 >= t->L.split_x || figures_right(t, &segs[0])))
                side = BR_SIDE_EXPENDITURE;
        }
        read_panel(e, t, ln, &segs[p], side, (int)p);
    }
}

/* A label fragment: text, no enumerator, no total, not prose. */
static int label_fragment(const char *text)
{
    size_t len = strlen(text);
    const char *st = lt_strip_enum(text, &len);
    return st == text && !dt_catalog_total_label(text, strlen(text)) && !lt_prose(text);
}

/* A total label, or one ending in 小计 / 合计 / 总计 (当年收入小计). */
static int total_end(const char *label)
{
    size_t n = strlen(label);
    if (dt_catalog_total_label(label, n))
        return 1;
    static const char *const ends[] = {"小计", "合计", "总计"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t l = strlen(ends[i]);
        if (n >= l && memcmp(label + n - l, ends[i], l) == 0)
            return 1;
    }
    return 0;
}

/* Two panels: the line carries a label fragment for one panel only (text
 * only, in the panel's label zone, no enumerator) continuing that panel's
 * row above, which is no total. */
static int continue_panels(lt_table *t, const lt_line *ln)
{
    seg segs[LT_MAX_PANELS];
    int three = t->L.npanels > 0;
    size_t ns = three ? lt_panels_cut(t, ln, segs, LT_MAX_PANELS) : cut_panels(t, ln, segs, 3);
    lt_prow *to[LT_MAX_PANELS] = {0};
    size_t njoin = 0;
    if (ns > 2 && !three)
        return 0;
    for (size_t p = 0; p < ns; p++) {
        const seg *g = &segs[p];
        if (g->n == 0)
            continue; /* a line that starts right of the split */
        njoin++;
        if (g->n != 1 || !is_text(g->sp[0]) || !label_fragment(g->sp[0]->text))
            return 0;
        int right = t->L.split_x > 0 && g->sp[0]->x0 >= t->L.split_x;
        br_side side = three ? lt_panel_side(t, p) : right ? BR_SIDE_EXPENDITURE : BR_SIDE_INCOME;
        if (side == BR_SIDE_NONE || (!three && p == 1 && side != BR_SIDE_EXPENDITURE))
            return 0;
        if (g->sp[0]->x0 >= values_x0(t, side))
            return 0; /* under the figures, not the labels */
        to[p] = last_of_side(t, side);
        if (!to[p] || !near_row(t, to[p], ln) || total_end(to[p]->label))
            return 0; /* a total is complete: what follows starts a row */
    }
    /* two panels: labels in both panels on one line are rows of their own;
     * three panels (labels wrapped round the figure line) continue each */
    if (njoin != 1 && !(three && njoin > 0))
        return 0;
    for (size_t p = 0; p < ns; p++)
        if (to[p])
            append_label(to[p]->label, segs[p].sp[0]->text, strlen(segs[p].sp[0]->text));
    return 1;
}

/* Where row labels start: the header's label zone, or further left where
 * the row above printed its label (pdftotext lays out each page anew: a
 * table continued on a page of its own may sit left of its header). */
static int label_left(const lt_table *t, const lt_prow *row)
{
    int x = t->L.label_x0;
    if (row && row->label_x0 >= 0 && row->label_x0 < x && row->src && t->hdr[0] &&
        row->src->page != t->hdr[0]->page)
        x = row->label_x0;
    return x;
}

int lt_row_continue(lt_engine *e, lt_table *t, const lt_line *ln)
{
    (void)e;
    if (t->L.two_sided)
        return t->last && continue_panels(t, ln);
    if (!t->last || ln->nspans != 1)
        return 0;
    const lt_span *s = &ln->spans[0];
    lt_prow *to = t->last;
    if (t->L.nrepeat) {
        /* the row above in the copy of the columns the fragment lies in */
        int p = lt_repeat_of(t, s);
        to = NULL;
        for (lt_prow *r = t->rows; r; r = r->next)
            if (r->rpanel == p)
                to = r;
        if (!to || !is_text(s))
            return 0;
    } else if (!is_text(s) || s->x0 >= t->L.label_x1 ||
               (s->x0 < label_left(t, to) - 1 &&
                /* (a header whose code heading reaches over the label
                 * column, "经济分类科目" over 科目编码 and 项目: the zone of
                 * labels starts too far right; the fragment starts where
                 * the row's own label starts) */
                !(to->label_x0 >= 0 && abs(s->x0 - to->label_x0) <= 1))) {
        return 0;
    }
    if (ln->no - (to->label_no > to->line ? to->label_no : to->line) > 2)
        return 0; /* (from its label's line, below its figures) */
    /* no code column, the line begins with a code: a row of its own */
    if (!t->L.has_code && !t->L.nrepeat && lt_code_led(s->text))
        return 0;
    size_t len = strlen(s->text);
    const char *st = lt_strip_enum(s->text, &len);
    if (st != s->text || dt_catalog_total_label(s->text, strlen(s->text)) || lt_prose(s->text))
        return 0;
    append_label(to->label, s->text, strlen(s->text));
    t->wraps = 1;
    return 1;
}
