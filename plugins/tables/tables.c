/*
 * tables.c — the tables plugin: identities inside one table that the row
 * totals (rowtotals) do not cover.
 *
 *   tables.hierarchy  columns roll up over the subject-code hierarchy (类 = Σ
 *                     款, 款 = Σ 项, 合计 = Σ 类) and, in tables without codes,
 *                     over labels (项目 合计 = Σ projects …) — hierarchy.c
 *   tables.two_sided  the two panels of 收支总表 / 财政拨款收支总表 add up and
 *                     balance — two_sided.c
 *
 * Every identity tested is reported through host->report_identity, which
 * applies SPEC §5's interval rule and records the terms for localisation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"

const br_host *tb_host;

/* ---- labels ---------------------------------------------------------------- */

size_t tb_label_key(const char *label, char *buf, size_t cap)
{
    size_t n = 0;
    if (cap)
        buf[0] = '\0';
    for (const char *p = label; p && *p; p++) {
        if (*p == ' ' || *p == '\t')
            continue;
        if (n + 1 >= cap) {
            buf[0] = '\0';
            return 0;
        }
        buf[n++] = *p;
    }
    if (cap)
        buf[n] = '\0';
    return n;
}

int tb_key_matches(const char *key, tb_match m, const char *word)
{
    size_t n = strlen(key), wl = strlen(word);
    if (n == 0 || wl > n)
        return 0;
    switch (m) {
    case TB_EXACT: return n == wl && memcmp(key, word, wl) == 0;
    case TB_PREFIX: return memcmp(key, word, wl) == 0;
    case TB_SUFFIX: return memcmp(key + n - wl, word, wl) == 0;
    case TB_CONTAINS: return strstr(key, word) != NULL;
    }
    return 0;
}

int tb_label_matches(const char *label, tb_match m, const char *word)
{
    char key[TB_KEY_MAX];
    return label && word && tb_label_key(label, key, sizeof key) &&
           tb_key_matches(key, m, word);
}

/* A label word of labels.def and how it matches. */
typedef struct tb_word {
    tb_match match;
    const char *word;
} tb_word;

static const tb_word grand_words[] = {
#define TB_GRAND(match, word) {TB_##match, word},
#include "labels.def"
#undef TB_GRAND
}, detail_words[] = {
#define TB_DETAIL(match, word) {TB_##match, word},
#include "labels.def"
#undef TB_DETAIL
}, subtotal_words[] = {
#define TB_SUBTOTAL(match, word) {TB_##match, word},
#include "labels.def"
#undef TB_SUBTOTAL
};

/* The label's key matches one of words[0..n). */
static int key_matches_any(const char *label, const tb_word *words, size_t n)
{
    char key[TB_KEY_MAX];
    if (!tb_label_key(label, key, sizeof key))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (tb_key_matches(key, words[i].match, words[i].word))
            return 1;
    return 0;
}

int tb_is_grand_label(const char *label)
{
    return key_matches_any(label, grand_words,
                           sizeof grand_words / sizeof *grand_words);
}

int tb_is_detail_label(const char *label)
{
    return key_matches_any(label, detail_words,
                           sizeof detail_words / sizeof *detail_words);
}

/* The label starts with an enumerator of its own ("1.", "2、", "(三)",
 * "四、"): an item of a numbered list, not the detail of one. */
int tb_is_enumerated_label(const char *label)
{
    static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    const char *p = label;
    while (*p == ' ')
        p++;
    int open = 0;
    if (*p == '(' || strncmp(p, "（", 3) == 0) {
        open = 1;
        p += *p == '(' ? 1 : 3;
    }
    size_t digits = strspn(p, "0123456789"), cjk = 0;
    p += digits;
    for (int more = !digits; more;) {
        more = 0;
        for (size_t i = 0; i < sizeof numerals / sizeof *numerals; i++)
            if (strncmp(p, numerals[i], 3) == 0) {
                p += 3;
                cjk++;
                more = 1;
                break;
            }
    }
    if (!digits && !cjk)
        return 0;
    if (open)
        return *p == ')' || strncmp(p, "）", 3) == 0;
    return *p == '.' || strncmp(p, "、", 3) == 0 || strncmp(p, "．", 3) == 0 ||
           (digits && (*p == ')' || strncmp(p, "）", 3) == 0));
}

int tb_is_subtotal_label(const char *label)
{
    return key_matches_any(label, subtotal_words,
                           sizeof subtotal_words / sizeof *subtotal_words);
}

/* ---- cells --------------------------------------------------------------- */

size_t tb_money_columns(const br_table *t, size_t *cols, size_t cap)
{
    size_t n = 0, nc = tb_host->table_column_count(t);
    for (size_t c = 0; c < nc && n < cap; c++) {
        br_role r = tb_host->table_column_role(t, c);
        if (r > BR_ROLE_NONE && r < BR_ROLE_NAME)
            cols[n++] = c;
    }
    return n;
}

int tb_has_value(const br_row *r, size_t col)
{
    const br_cell *c = tb_host->row_cell(r, col);
    return c && (c->flags & BR_CELL_PRESENT) &&
           (!(c->flags & BR_CELL_TEXT) || (c->flags & BR_CELL_NUMERIC));
}

int tb_row_has_figures(const br_row *r, const size_t *cols, size_t ncols)
{
    for (size_t i = 0; i < ncols; i++)
        if (tb_has_value(r, cols[i]))
            return 1;
    return 0;
}

/* ---- terms --------------------------------------------------------------- */

void tb_terms_init(tb_terms *t)
{
    t->v = t->local;
    t->n = 0;
    t->cap = sizeof t->local / sizeof *t->local;
}

void tb_terms_free(tb_terms *t)
{
    if (t->v != t->local)
        free(t->v);
    tb_terms_init(t);
}

int tb_terms_push(tb_terms *t, const br_row *row, size_t col, int coef)
{
    if (t->n == t->cap) {
        size_t cap = t->cap * 2;
        br_term *v = t->v == t->local ? malloc(cap * sizeof *v) : realloc(t->v, cap * sizeof *v);
        if (!v)
            return BR_ERR_NOMEM;
        if (t->v == t->local)
            memcpy(v, t->local, t->n * sizeof *v);
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = (br_term){.row = row, .col = col, .coef = coef};
    return BR_OK;
}

/* ---- descriptions ------------------------------------------------------ */

static void what_add(tb_what *w, const char *s)
{
    if (w->len < sizeof w->buf)
        w->len += (size_t)snprintf(w->buf + w->len, sizeof w->buf - w->len, "%s", s);
    if (w->len >= sizeof w->buf)
        w->len = sizeof w->buf - 1;
}

void tb_what_start(tb_what *w, const br_table *t, size_t col, const br_row *total,
                   const char *rel)
{
    w->len = 0;
    w->parts = 0;
    w->cut = 0;
    w->buf[0] = '\0';
    what_add(w, tb_host->role_name(tb_host->table_column_role(t, col)));
    what_add(w, ": ");
    what_add(w, tb_host->row_key(total));
    what_add(w, rel);
}

void tb_what_part(tb_what *w, const char *name)
{
    w->parts++;
    if (w->cut)
        return;
    if (w->len + strlen(name) + 8 > 240) { /* keep messages readable */
        what_add(w, " + …");
        w->cut = 1;
        return;
    }
    what_add(w, w->parts > 1 ? " + " : " ");
    what_add(w, name);
}

void tb_what_text(tb_what *w, const char *text) { what_add(w, text); }

int tb_report(br_report *report, const char *check, const tb_terms *terms, tb_what *what)
{
    if (terms->n < 2)
        return BR_OK;
    if (what->cut) {
        char n[48];
        snprintf(n, sizeof n, " (%d rows)", what->parts);
        what_add(what, n);
        what->cut = 0;
    }
    int rc = tb_host->report_identity(report, check, BR_SEV_ERROR, terms->v, terms->n,
                                      what->buf);
    return rc < 0 ? rc : BR_OK;
}

/* ---- descriptor ------------------------------------------------------------ */

static int tb_init(const br_host *h)
{
    if (!h || h->size < sizeof(br_host))
        return BR_ERR_PLUGIN;
    tb_host = h;
    return BR_OK;
}

static const int disclosure_input[] = {BR_INPUT_DISCLOSURE};

static const br_check_desc checks[] = {
    {
        .size = sizeof(br_check_desc),
        .id = "tables.hierarchy",
        .title = "Columns roll up over the subject-code and label hierarchies",
        .description =
            "In every table whose rows carry subject codes (功能分类 201/20103/2010301, 经济分类 "
            "301/30101), each money column — previous-year columns included — must roll up: a "
            "类 row equals the sum of its printed 款 rows, a 款 row the sum of its printed 项 "
            "rows (a row whose direct parent is not printed counts under its nearest printed "
            "ancestor), and the 合计 row the sum of the top-level rows. A parent with no "
            "printed children is not tested; a table with uncoded item rows or repeated codes "
            "is not tested where they make the roll-up ambiguous. Tables without codes roll "
            "up by label: the 项目支出 合计 is the sum of the projects, the 政府采购 合计 the "
            "sum of its categories (货物/工程/服务), the 三公 合计 the sum of its department "
            "rows. Each printed figure stands for its rounding interval: an error when the "
            "intervals cannot meet, info when they meet only through rounding.",
        .severity = BR_SEV_ERROR,
        .inputs = disclosure_input,
        .n_inputs = 1,
        .fn = (br_check_fn)tb_hierarchy,
    },
    {
        .size = sizeof(br_check_desc),
        .id = "tables.two_sided",
        .title = "The two panels of the 收支总表 add up and balance",
        .description =
            "In the two-sided tables (部门收支总表, 财政拨款收支总表), per money column: this "
            "year's income (本年收入 / 本年收入合计) equals the income items it heads or closes, "
            "this year's expenditure (本年支出 …) the expenditure class rows (and, where "
            "printed, the items by use: 基本支出 + 项目支出), a carry-over with printed items "
            "(上年结转, 结转下年) the sum of its items, a 财政拨款 group the funding-source rows "
            "under it; each side's grand total (收入总计, 支出总计) equals this year's figure "
            "plus the carry-overs and other rows printed between (the items themselves when no "
            "本年 row is printed); and the two sides balance: 收入总计 = 支出总计, and in the "
            "财政拨款收支总表 each funding source's income equals that source's column of "
            "支出总计. 其中 rows are details, never parts. Labels come from a vocabulary "
            "(labels.def); a side whose structure it cannot place is skipped. Interval "
            "rounding as SPEC §5.",
        .severity = BR_SEV_ERROR,
        .inputs = disclosure_input,
        .n_inputs = 1,
        .fn = (br_check_fn)tb_two_sided,
    },
};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "tables",
    .version = "0.1.0",
    .description = "Roll-ups within a table: code and label hierarchies, two-sided totals",
    .init = tb_init,
    .checks = checks,
    .n_checks = sizeof checks / sizeof *checks,
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
