/*
 * vocab.c — reading indicator rows with the vocabulary of vocab.def: word
 * lists, unit classes, and the columns and facts of an indicator.
 */
#include <stdio.h>
#include <string.h>

#include "perf.h"

typedef struct word_entry {
    pf_list list;
    const char *word;
} word_entry;

static const word_entry words[] = {
#define PF_WORD(list, word) {PF_##list, word},
#include "vocab.def"
};
#define N_WORDS (sizeof words / sizeof *words)

typedef struct unit_entry {
    const char *word;
    pf_unit_class cls;
} unit_entry;

static const unit_entry units[] = {
#define PF_UNIT(word, cls) {word, PF_UNIT_##cls},
#include "vocab.def"
};
#define N_UNITS (sizeof units / sizeof *units)

static const char *const count_prefixes[] = {
#define PF_COUNT_PREFIX(word) word,
#include "vocab.def"
};
#define N_PREFIXES (sizeof count_prefixes / sizeof *count_prefixes)

/* ---- words ---------------------------------------------------------------- */

/* 1 when the occurrence s[at, at+len) lies inside a word of `except` in s. */
static int inside_exception(const char *s, size_t at, size_t len, pf_list except)
{
    if (except == PF_LIST__COUNT)
        return 0;
    for (size_t i = 0; i < N_WORDS; i++) {
        if (words[i].list != except)
            continue;
        size_t el = strlen(words[i].word);
        for (const char *q = strstr(s, words[i].word); q; q = strstr(q + 1, words[i].word)) {
            size_t qa = (size_t)(q - s);
            if (qa > at)
                break;
            if (qa + el >= at + len)
                return 1;
        }
    }
    return 0;
}

int pf_has_word(const char *s, pf_list list, pf_list except)
{
    if (!s)
        return 0;
    for (size_t i = 0; i < N_WORDS; i++) {
        if (words[i].list != list)
            continue;
        size_t wl = strlen(words[i].word);
        for (const char *p = strstr(s, words[i].word); p; p = strstr(p + 1, words[i].word))
            if (!inside_exception(s, (size_t)(p - s), wl, except))
                return 1;
    }
    return 0;
}

const char *pf_word_ending_at(const char *s, size_t end, pf_list list)
{
    for (size_t i = 0; i < N_WORDS; i++) {
        size_t wl = strlen(words[i].word);
        if (words[i].list == list && end >= wl && memcmp(s + end - wl, words[i].word, wl) == 0)
            return words[i].word;
    }
    return NULL;
}

/* Length of s without trailing spaces and sentence punctuation. */
static size_t trimmed_len(const char *s)
{
    static const char *const tails[] = {"。", "、", "；", "，", "！", "？"};
    size_t n = strlen(s);
    for (;;) {
        if (n && strchr(" \t\r\n.,;:!?", s[n - 1])) {
            n--;
            continue;
        }
        int cut = 0;
        for (size_t i = 0; i < sizeof tails / sizeof *tails && !cut; i++) {
            size_t tl = strlen(tails[i]);
            if (n >= tl && memcmp(s + n - tl, tails[i], tl) == 0) {
                n -= tl;
                cut = 1;
            }
        }
        if (!cut)
            return n;
    }
}

int pf_ends_with_word(const char *s, pf_list list)
{
    return s && pf_word_ending_at(s, trimmed_len(s), list) != NULL;
}

/* ---- units ---------------------------------------------------------------- */

static pf_unit_class unit_class(const char *base, size_t len, int count_only)
{
    for (size_t i = 0; i < N_UNITS; i++)
        if (strlen(units[i].word) == len && memcmp(units[i].word, base, len) == 0 &&
            (!count_only || units[i].cls == PF_UNIT_COUNT))
            return units[i].cls;
    return PF_UNIT_NONE;
}

void pf_unit_read(const char *s, pf_unit *u)
{
    memset(u, 0, sizeof *u);
    if (!s)
        return;
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof u->key; p++)
        if (!strchr(" \t\r\n", *p))
            u->key[n++] = *p;
    u->key[n] = '\0';
    if (!n)
        return;
    const char *slash = strchr(u->key, '/');
    size_t base = slash ? (size_t)(slash - u->key) : n;
    u->cls = unit_class(u->key, base, 0);
    for (size_t i = 0; u->cls == PF_UNIT_NONE && i < N_PREFIXES; i++) {
        size_t pl = strlen(count_prefixes[i]);
        if (base > pl && memcmp(u->key, count_prefixes[i], pl) == 0)
            u->cls = unit_class(u->key + pl, base - pl, 1);
    }
    memcpy(u->printed, u->key, n + 1);
    if (u->cls == PF_UNIT_PERCENT)
        snprintf(u->key, sizeof u->key, "%%");
    if (u->cls == PF_UNIT_MONEY)
        u->money = pf_host->unit_parse(u->key, base);
}

/* ---- tables and indicators --------------------------------------------------- */

int pf_is_perf_table(const br_table *t)
{
    br_kind k = pf_host->table_kind(t);
    return k == BR_KIND_PERFORMANCE_OVERALL || k == BR_KIND_PERFORMANCE_PROJECT;
}

void pf_columns(const br_table *t, pf_cols *c)
{
    c->name = pf_host->table_find_column(t, BR_ROLE_NAME);
    c->level1 = pf_host->table_find_column(t, BR_ROLE_LEVEL1);
    c->level2 = pf_host->table_find_column(t, BR_ROLE_LEVEL2);
    c->unit = pf_host->table_find_column(t, BR_ROLE_UNIT);
    c->target = pf_host->table_find_column(t, BR_ROLE_TARGET);
    c->op = pf_host->table_find_column(t, BR_ROLE_OPERATOR);
    c->weight = pf_host->table_find_column(t, BR_ROLE_WEIGHT);
}

static const br_cell *cell_at(const br_row *r, int col)
{
    if (col < 0)
        return NULL;
    const br_cell *c = pf_host->row_cell(r, (size_t)col);
    return c && (c->flags & BR_CELL_PRESENT) ? c : NULL;
}

static const char *text_at(const br_row *r, int col)
{
    const br_cell *c = cell_at(r, col);
    return c && (c->flags & BR_CELL_TEXT) && c->text && c->text[0] ? c->text : NULL;
}

int pf_read_indicator(const br_row *r, const pf_cols *c, pf_indicator *ind)
{
    memset(ind, 0, sizeof *ind);
    ind->row = r;
    ind->name = text_at(r, c->name);
    if (!ind->name)
        ind->name = pf_host->row_label(r);
    if (!ind->name)
        ind->name = "";
    ind->level2 = text_at(r, c->level2);
    ind->target = cell_at(r, c->target);
    ind->weight = cell_at(r, c->weight);
    pf_unit_read(text_at(r, c->unit), &ind->unit);
    if (!ind->name[0] && !ind->target)
        return 0;
    if (pf_has_word(ind->level2, PF_LEVEL2_COST, PF_LEVEL2_COST_NOT))
        ind->flags |= PF_F_COST_L2;
    if (pf_has_word(ind->level2, PF_LEVEL2_COUNT, PF_LIST__COUNT))
        ind->flags |= PF_F_COUNT_L2;
    if (pf_has_word(ind->name, PF_RATIO_NAME, PF_RATIO_NOT))
        ind->flags |= PF_F_RATIO_NAME;
    if (pf_has_word(ind->name, PF_MONEY_NAME, PF_MONEY_NOT) ||
        (pf_ends_with_word(ind->name, PF_MONEY_END) &&
         !pf_ends_with_word(ind->name, PF_MONEY_NOT)))
        ind->flags |= PF_F_MONEY_NAME;
    return 1;
}

int pf_is_money(const pf_indicator *ind)
{
    return (ind->flags & (PF_F_COST_L2 | PF_F_MONEY_NAME)) && !(ind->flags & PF_F_RATIO_NAME);
}

int pf_is_department_quantity(const pf_indicator *ind)
{
    if (ind->flags & (PF_F_COST_L2 | PF_F_MONEY_NAME | PF_F_RATIO_NAME))
        return 0;
    if (ind->unit.cls != PF_UNIT_COUNT && ind->unit.cls != PF_UNIT_NONE)
        return 0; /* %, money, a duration */
    if (!ind->unit.printed[0] || pf_has_word(ind->unit.printed, PF_DEPT_UNIT_NOT, PF_LIST__COUNT))
        return 0;
    return pf_has_word(ind->name, PF_DEPT_QTY, PF_LIST__COUNT) &&
           !pf_has_word(ind->name, PF_DEPT_QTY_NOT, PF_LIST__COUNT);
}

int pf_cell_number(const br_cell *c, br_decimal *out)
{
    if (!c || !(c->flags & BR_CELL_PRESENT))
        return 0;
    if ((c->flags & BR_CELL_TEXT) && !(c->flags & BR_CELL_NUMERIC))
        return 0;
    *out = c->value;
    return 1;
}

br_unit pf_table_money_unit(const br_table *t)
{
    br_unit u = pf_host->table_unit(t);
    return u ? u : BR_UNIT_WAN;
}

int pf_project_amount(const br_table *t, br_decimal *amount, br_unit *unit)
{
    if (!pf_host->table_project_amount(t, amount))
        return 0;
    /* the key it was printed under may name its unit: "资金总额(万元)" */
    *unit = BR_UNIT_UNKNOWN;
    for (size_t i = 0; i < pf_host->table_attr_count(t) && !*unit; i++) {
        const char *k = pf_host->table_attr_key(t, i), *v = pf_host->table_attr_value(t, i);
        br_decimal d;
        if (k && v && pf_host->decimal_parse(v, strlen(v), &d) == BR_OK &&
            pf_host->decimal_cmp(d, *amount) == 0)
            *unit = pf_host->unit_parse(k, strlen(k));
    }
    if (!*unit)
        *unit = pf_table_money_unit(t);
    return 1;
}

void pf_table_name(const br_table *t, char *buf, size_t cap)
{
    const char *code = pf_host->table_project_code(t), *name = pf_host->table_project_name(t);
    if (code || name)
        snprintf(buf, cap, "project %s%s%s", code ? code : "", code && name ? " " : "",
                 name ? name : "");
    else
        snprintf(buf, cap, "%s \"%s\"", pf_host->kind_name(pf_host->table_kind(t)),
                 pf_host->table_title(t) ? pf_host->table_title(t) : "");
}
