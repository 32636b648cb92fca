/*
 * hierarchy.c — tables.hierarchy: money columns roll up over the rows'
 * hierarchy.
 *
 * Coded tables: rows are sorted by (side, code) once; each row's nearest
 * printed ancestor is found by binary search on its code's prefixes (5 then
 * 3 digits), so a 项 printed without its 款 counts under its 类.  The rows
 * whose nearest printed ancestor is P are contiguous after P in that order.
 * Each parent with printed children, and each grand (合计) row over the
 * top-level rows, is one identity per money column.
 *
 * Uncoded tables of the kinds labels.def names roll up by label.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"

#define CHECK_ID "tables.hierarchy"
#define MAX_COLS BR_ROLE__COUNT

typedef struct node {
    const br_row *row;
    const char *code;
    size_t len;
    int level;
    int sys;
    br_side side;
    long npa; /* index of the nearest printed ancestor, or -1 */
    int dup;  /* the code is printed more than once (on its side) */
} node;

static int cmp_key(br_side sa, const char *ca, br_side sb, const char *cb)
{
    if (sa != sb)
        return sa < sb ? -1 : 1;
    return strcmp(ca, cb);
}

static int cmp_node(const void *pa, const void *pb)
{
    const node *a = pa, *b = pb;
    int c = cmp_key(a->side, a->code, b->side, b->code);
    if (c)
        return c;
    /* equal codes: keep the printed order */
    long la = tb_host->row_line(a->row), lb = tb_host->row_line(b->row);
    return la < lb ? -1 : la > lb;
}

static long find_code(const node *v, size_t n, br_side side, const char *code)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_key(v[mid].side, v[mid].code, side, code);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && cmp_key(v[lo].side, v[lo].code, side, code) == 0 ? (long)lo : -1;
}

/* The nearest printed ancestor of v[i] (same side, same code system). */
static long nearest_ancestor(const node *v, size_t n, size_t i)
{
    char prefix[16];
    for (int level = v[i].level - 1; level >= 1; level--) {
        size_t len = 3 + 2 * (size_t)(level - 1);
        if (len >= v[i].len || len >= sizeof prefix)
            continue;
        memcpy(prefix, v[i].code, len);
        prefix[len] = '\0';
        if (tb_host->code_system_of(prefix) != v[i].sys || tb_host->code_level(prefix) != level)
            continue;
        if (level == v[i].level - 1 && !tb_host->code_is_child(prefix, v[i].code))
            continue;
        long k = find_code(v, n, v[i].side, prefix);
        if (k >= 0)
            return k;
    }
    return -1;
}

/* One identity per money column: total = Σ parts. */
static int roll_up(br_report *report, const br_table *t, const size_t *cols, size_t ncols,
                   const br_row *total, const br_row *const *parts, size_t nparts,
                   const char *rel, tb_terms *terms)
{
    for (size_t c = 0; c < ncols; c++) {
        tb_what what;
        tb_what_start(&what, t, cols[c], total, rel);
        terms->n = 0;
        int rc = tb_terms_push(terms, total, cols[c], 1);
        for (size_t k = 0; rc == BR_OK && k < nparts; k++) {
            rc = tb_terms_push(terms, parts[k], cols[c], -1);
            tb_what_part(&what, tb_host->row_key(parts[k]));
        }
        if (rc == BR_OK)
            rc = tb_report(report, CHECK_ID, terms, &what);
        if (rc != BR_OK)
            return rc;
    }
    return BR_OK;
}

/* A list of row pointers, grown on the heap only past the stack buffer. */
typedef struct rowlist {
    const br_row **v;
    size_t n, cap;
    const br_row *local[64];
} rowlist;

static void rl_init(rowlist *l)
{
    l->v = l->local;
    l->n = 0;
    l->cap = sizeof l->local / sizeof *l->local;
}

static void rl_free(rowlist *l)
{
    if (l->v != l->local)
        free(l->v);
    rl_init(l);
}

static int rl_push(rowlist *l, const br_row *r)
{
    if (l->n == l->cap) {
        size_t cap = l->cap * 2;
        const br_row **v = malloc(cap * sizeof *v);
        if (!v)
            return BR_ERR_NOMEM;
        memcpy(v, l->v, l->n * sizeof *v);
        if (l->v != l->local)
            free(l->v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = r;
    return BR_OK;
}

/* ---- coded tables ------------------------------------------------------------ */

static int coded_table(br_report *report, const br_table *t, const size_t *cols, size_t ncols,
                       node *v, size_t n, tb_terms *terms, rowlist *parts)
{
    size_t nrows = tb_host->table_row_count(t);
    qsort(v, n, sizeof *v, cmp_node);
    for (size_t i = 1; i < n; i++)
        if (cmp_key(v[i - 1].side, v[i - 1].code, v[i].side, v[i].code) == 0)
            v[i - 1].dup = v[i].dup = 1;
    for (size_t i = 0; i < n; i++)
        v[i].npa = nearest_ancestor(v, n, i);

    /* parents: the rows after P that start with P's code, whose nearest
     * printed ancestor is P */
    for (size_t p = 0; p < n; p++) {
        if (v[p].dup)
            continue;
        int ambiguous = 0;
        parts->n = 0;
        for (size_t j = p + 1; j < n && v[j].side == v[p].side &&
                               strncmp(v[j].code, v[p].code, v[p].len) == 0;
             j++) {
            if (v[j].npa != (long)p)
                continue;
            if (v[j].dup)
                ambiguous = 1;
            if (rl_push(parts, v[j].row) != BR_OK)
                return BR_ERR_NOMEM;
        }
        if (ambiguous || parts->n == 0)
            continue;
        int rc = roll_up(report, t, cols, ncols, v[p].row, parts->v, parts->n, " = Σ", terms);
        if (rc != BR_OK)
            return rc;
    }

    /* the grand row(s) over the top-level rows: only when every row with a
     * figure is placed in the hierarchy, on one side, in one code system */
    rowlist grands;
    rl_init(&grands);
    int placeable = 1;
    for (size_t i = 0; i < nrows && placeable; i++) {
        const br_row *r = tb_host->table_row_at(t, i);
        const char *code = tb_host->row_code(r);
        if (tb_host->row_side(r) != BR_SIDE_NONE)
            placeable = 0;
        else if (code && tb_host->code_level(code) > 0)
            continue;
        else if (!code && tb_is_grand_label(tb_host->row_label(r))) {
            if (rl_push(&grands, r) != BR_OK) {
                rl_free(&grands);
                return BR_ERR_NOMEM;
            }
        } else if (!tb_is_subtotal_label(tb_host->row_label(r)) &&
                   tb_row_has_figures(r, cols, ncols))
            placeable = 0; /* an item the codes do not place */
    }
    parts->n = 0;
    for (size_t i = 0; placeable && i < n; i++) {
        if (v[i].npa >= 0)
            continue;
        if (v[i].dup || v[i].sys != v[0].sys)
            placeable = 0;
        else if (rl_push(parts, v[i].row) != BR_OK)
            placeable = -1;
    }
    int rc = placeable < 0 ? BR_ERR_NOMEM : BR_OK;
    for (size_t g = 0; rc == BR_OK && placeable > 0 && g < grands.n; g++)
        rc = roll_up(report, t, cols, ncols, grands.v[g], parts->v, parts->n, " = Σ", terms);
    rl_free(&grands);
    return rc;
}

/* ---- label hierarchies ------------------------------------------------------- */

typedef enum { HOW_ITEMS = 1, HOW_CATEGORIES, HOW_GROUPS } label_how;

static const struct {
    br_kind kind;
    label_how how;
} label_kinds[] = {
#define TB_LABEL_KIND(kind, how) {BR_KIND_##kind, HOW_##how},
#include "labels.def"
#undef TB_LABEL_KIND
};

static const struct {
    br_kind kind;
    tb_match match;
    const char *word;
} categories[] = {
#define TB_CATEGORY(kind, match, word) {BR_KIND_##kind, TB_##match, word},
#include "labels.def"
#undef TB_CATEGORY
};

static const struct {
    br_kind kind;
    tb_match match;
    const char *word;
} kind_grands[] = {
#define TB_KIND_GRAND(kind, match, word) {BR_KIND_##kind, TB_##match, word},
#include "labels.def"
#undef TB_KIND_GRAND
};

/* A grand-total label (labels.def TB_GRAND, or the kind's own). */
static int is_grand(br_kind kind, const char *label)
{
    if (tb_is_grand_label(label))
        return 1;
    for (size_t i = 0; i < sizeof kind_grands / sizeof *kind_grands; i++)
        if (kind_grands[i].kind == kind && tb_label_matches(label, kind_grands[i].match,
                                                             kind_grands[i].word))
            return 1;
    return 0;
}

static int is_category(br_kind kind, const char *label)
{
    char key[TB_KEY_MAX];
    if (!tb_label_key(label, key, sizeof key))
        return 0;
    for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
        if (categories[i].kind == kind && tb_key_matches(key, categories[i].match, categories[i].word))
            return 1;
    return 0;
}

static int cmp_str(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Item rows carrying codes where one is a prefix of another (a department
 * and its units): the items nest, so their sum is not the total. */
static int nested_codes(const rowlist *items)
{
    const char *local[64], **codes = local;
    size_t n = 0;
    if (items->n > 64 && !(codes = malloc(items->n * sizeof *codes)))
        return 1;
    for (size_t i = 0; i < items->n; i++) {
        const char *c = tb_host->row_code(items->v[i]);
        if (c && *c)
            codes[n++] = c;
    }
    qsort(codes, n, sizeof *codes, cmp_str);
    int nested = 0;
    for (size_t i = 1; i < n && !nested; i++)
        nested = strncmp(codes[i - 1], codes[i], strlen(codes[i - 1])) == 0;
    if (codes != local)
        free(codes);
    return nested;
}

/* GROUPS: each category row = Σ the rows printed after it up to the next
 * category or grand row (其中 rows are details, not parts). */
static int groups(br_report *report, const br_table *t, const size_t *cols, size_t ncols,
                  tb_terms *terms)
{
    br_kind kind = tb_host->table_kind(t);
    size_t nrows = tb_host->table_row_count(t);
    rowlist parts;
    rl_init(&parts);
    int rc = BR_OK;
    for (size_t i = 0; rc == BR_OK && i < nrows; i++) {
        const br_row *g = tb_host->table_row_at(t, i);
        if (!is_category(kind, tb_host->row_label(g)))
            continue;
        parts.n = 0;
        for (size_t j = i + 1; rc == BR_OK && j < nrows; j++) {
            const br_row *r = tb_host->table_row_at(t, j);
            const char *label = tb_host->row_label(r);
            if (is_category(kind, label) || is_grand(kind, label))
                break;
            if (!tb_is_detail_label(label))
                rc = rl_push(&parts, r);
        }
        if (rc == BR_OK && parts.n)
            rc = roll_up(report, t, cols, ncols, g, parts.v, parts.n, " = Σ", terms);
    }
    rl_free(&parts);
    return rc;
}

static int label_table(br_report *report, const br_table *t, label_how how, const size_t *cols,
                       size_t ncols, tb_terms *terms, rowlist *items)
{
    br_kind kind = tb_host->table_kind(t);
    size_t nrows = tb_host->table_row_count(t);
    rowlist grands;
    rl_init(&grands);
    int usable = 1, rc = BR_OK;
    /* items->n when each grand row came: a table holding its block several
     * times (合计 then its items, again and again) sums each block once —
     * linear work, and the block's own figures */
    size_t *mark = NULL, nmark = 0, capmark = 0;
    /* items listed with details under them (1. … 3. 公务用车购置及运行维护费,
     * 其中：运行维护费, 购置): the details — the 其中 row and the rows after
     * it up to the next numbered item — are no items; with no numbers to
     * tell where the details end, the items are not known */
    int in_details = 0, details = 0, numbered = 0;
    items->n = 0;
    for (size_t i = 0; i < nrows && rc == BR_OK; i++) {
        const br_row *r = tb_host->table_row_at(t, i);
        const char *label = tb_host->row_label(r);
        if (tb_host->row_side(r) != BR_SIDE_NONE)
            usable = 0;
        numbered |= tb_is_enumerated_label(label);
        if (how == HOW_ITEMS && !is_grand(kind, label)) {
            if (tb_is_detail_label(label))
                in_details = details = 1;
            else if (tb_is_enumerated_label(label))
                in_details = 0;
            if (in_details)
                continue;
        }
        if (is_grand(kind, label)) {
            rc = rl_push(&grands, r);
            if (rc == BR_OK && nmark == capmark) {
                size_t cap = capmark ? capmark * 2 : 8;
                size_t *m = realloc(mark, cap * sizeof *m);
                if (!m)
                    rc = BR_ERR_NOMEM;
                else {
                    mark = m;
                    capmark = cap;
                }
            }
            if (rc == BR_OK)
                mark[nmark++] = items->n;
        } else if (how != HOW_ITEMS ? is_category(kind, label) : !tb_is_subtotal_label(label))
            rc = rl_push(items, r);
        else if (how == HOW_ITEMS)
            usable = 0; /* subtotals group the items in a way labels do not say */
    }
    if (details && !numbered)
        usable = 0;
    if (rc == BR_OK && usable && items->n && !nested_codes(items)) {
        /* one grand row sums every item; several sum their own blocks: the
         * items after each (a grand row printed first) or before it */
        /* (grand rows printed together — 合计 and 总计 — share one block) */
        int first = grands.n > 1 && mark[0] == 0;
        for (size_t g = 0; rc == BR_OK && g < grands.n; g++) {
            size_t from = 0, to = items->n;
            if (grands.n > 1 && first) {
                from = mark[g];
                for (size_t h = g + 1; h < grands.n && to == items->n; h++)
                    if (mark[h] > mark[g])
                        to = mark[h];
            } else if (grands.n > 1) {
                to = mark[g];
                for (size_t h = g; h-- > 0 && from == 0;)
                    if (mark[h] < mark[g])
                        from = mark[h];
            }
            if (to > from)
                rc = roll_up(report, t, cols, ncols, grands.v[g], items->v + from, to - from,
                             " = Σ", terms);
        }
    }
    if (rc == BR_OK && usable && how == HOW_GROUPS)
        rc = groups(report, t, cols, ncols, terms);
    rl_free(&grands);
    free(mark);
    return rc;
}

/* ---- the check ------------------------------------------------------------------ */

static int one_table(br_report *report, const br_table *t, tb_terms *terms, rowlist *parts)
{
    size_t cols[MAX_COLS];
    size_t ncols = tb_money_columns(t, cols, MAX_COLS);
    size_t nrows = tb_host->table_row_count(t);
    if (ncols == 0 || nrows < 2)
        return BR_OK;

    size_t n = 0;
    for (size_t i = 0; i < nrows; i++) {
        const char *code = tb_host->row_code(tb_host->table_row_at(t, i));
        n += code && tb_host->code_level(code) > 0;
    }
    if (n == 0) {
        br_kind kind = tb_host->table_kind(t);
        for (size_t k = 0; k < sizeof label_kinds / sizeof *label_kinds; k++)
            if (label_kinds[k].kind == kind)
                return label_table(report, t, label_kinds[k].how, cols, ncols, terms, parts);
        return BR_OK;
    }

    node local[128], *v = n <= 128 ? local : malloc(n * sizeof *v);
    if (!v)
        return BR_ERR_NOMEM;
    n = 0;
    for (size_t i = 0; i < nrows; i++) {
        const br_row *r = tb_host->table_row_at(t, i);
        const char *code = tb_host->row_code(r);
        int level = code ? tb_host->code_level(code) : 0;
        if (level <= 0)
            continue;
        v[n++] = (node){.row = r,
                        .code = code,
                        .len = strlen(code),
                        .level = level,
                        .sys = tb_host->code_system_of(code),
                        .side = tb_host->row_side(r),
                        .npa = -1};
    }
    int rc = coded_table(report, t, cols, ncols, v, n, terms, parts);
    if (v != local)
        free(v);
    return rc;
}

int tb_hierarchy(const br_disclosure *doc, br_report *report)
{
    tb_terms terms;
    rowlist parts;
    tb_terms_init(&terms);
    rl_init(&parts);
    int rc = BR_OK;
    for (size_t i = 0; rc == BR_OK && i < tb_host->doc_table_count(doc); i++)
        rc = one_table(report, tb_host->doc_table_at(doc, i), &terms, &parts);
    tb_terms_free(&terms);
    rl_free(&parts);
    return rc;
}
