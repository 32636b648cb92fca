/*
 * years.c — wording.years: a year that does not belong to the document.
 *
 * Y is the document's year (its title, host doc_year); E the year-end its
 * balances are stated at: Y in final accounts, Y-1 in a budget.  Four
 * wordings are judged, each from wording.def, and nothing else (a year of
 * history, a document number "〔2021〕5 号", a date of publication):
 *
 *   own       a heading or table title naming one year with the document's
 *             own words after it ("2023 年度部门决算情况说明"): the year is Y;
 *   as at     "截至 YYYY 年 12 月 31 日" before a balance (资产, 车辆): YYYY is E;
 *   compare   "比 / 较 / 与 YYYY 年" followed at once by a change ("增加",
 *             "相比"): YYYY is Y-1 (a year followed by anything else, "比
 *             2023 年预算", is another figure's, and not judged);
 *   previous  "YYYY 年(上年)" or "上年(YYYY 年)": YYYY is Y-1.
 *
 * The narrative is scanned as one text with its line breaks read as spaces
 * (extracted text breaks lines inside a date); a finding is at the line of
 * the year's digits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wording.h"

#define CHECK "wording.years"

typedef struct own_word {
    wd_phase phase;
    const char *word;
} own_word;

static const own_word owns[] = {
#define WD_OWN(phase, word) {WD_##phase, word},
#include "wording.def"
};
static const char *const not_owns[] = {
#define WD_NOT_OWN(word) word,
#include "wording.def"
};
static const char *const as_ats[] = {
#define WD_AS_AT(word) word,
#include "wording.def"
};
static const char *const year_ends[] = {
#define WD_YEAR_END(word) word,
#include "wording.def"
};
static const char *const balances[] = {
#define WD_BALANCE(word) word,
#include "wording.def"
};
static const char *const compares[] = {
#define WD_COMPARE(word) word,
#include "wording.def"
};
static const char *const changes[] = {
#define WD_CHANGE(word) word,
#include "wording.def"
};
static const char *const previous[] = {
#define WD_PREVIOUS(word) word,
#include "wording.def"
};

#define SENTENCE_MAX 300 /* bytes after a date looked at for a balance */
#define SUBJECT_BACK 24  /* bytes before a comparison looked at for its subject year */
#define U8_PERIOD "\xE3\x80\x82"

typedef struct yr_ctx {
    br_report *report;
    int year;
    wd_phase phase;
} yr_ctx;

/* The word of `list` at s (spaces skipped inside it), its end in *after. */
static int match_any(const char *s, const char *e, const char *const *list, size_t n,
                     const char **after)
{
    for (size_t i = 0; i < n; i++)
        if (wd_match(s, e, list[i], after))
            return 1;
    return 0;
}

/* "YYYY 年" or "YYYY 年度" at s: the year, the end in *after; else 0. */
static int year_word(const char *s, const char *e, const char *begin, const char **after)
{
    int y = wd_year_at(s, e, begin);
    const char *p;
    if (!y || !wd_match(wd_skip_spaces(s + 4, e), e, "年", &p))
        return 0;
    if (wd_match(wd_skip_spaces(p, e), e, "度", after))
        return y;
    *after = p;
    return y;
}

/* "the 2024 final account <what>: "<line>"" */
static void report(yr_ctx *c, const wd_line *l, int found, const char *what)
{
    char quote[512], row[16], msg[1024];
    wd_quote(l, quote, sizeof quote);
    snprintf(row, sizeof row, "%d", found);
    snprintf(msg, sizeof msg, "the %d %s %s: \"%s\"", c->year, wd_phase_name(c->phase), what,
             quote);
    wd_report(c->report, CHECK, l, row, msg);
}

/* ---- own: headings and table titles ---- */

static void on_heading(const wd_line *l, void *vctx)
{
    yr_ctx *c = vctx;
    if (!l->heading || !c->phase)
        return;
    const char *e = l->s + l->len, *after = NULL;
    int found = 0, years = 0;
    for (const char *p = l->s; p < e; p++) {
        int y = wd_year_at(p, e, l->s);
        if (!y)
            continue;
        years++;
        found = year_word(p, e, l->s, &after) ? y : 0;
        p += 3;
    }
    if (years != 1 || !found || found == c->year)
        return;
    for (const char *p = after; p < e; p += wd_char_len(p, e))
        for (size_t i = 0; i < COUNT(owns); i++) {
            const char *w;
            if (owns[i].phase != c->phase || !wd_match(p, e, owns[i].word, &w))
                continue;
            if (match_any(wd_skip_spaces(w, e), e, not_owns, COUNT(not_owns), NULL))
                return;
            char what[128];
            snprintf(what, sizeof what, "names %d as its own year in a %s", found,
                     l->table ? "table's title" : "heading");
            report(c, l, found, what);
            return;
        }
}

/* ---- the narrative as one text ---- */

/* The line of `at` in the narrative `text` (first line `first`), as a wd_line. */
static wd_line line_of(const char *text, long first, const char *at)
{
    const char *s = text;
    long no = first;
    for (const char *p = text; p < at; p++)
        if (*p == '\n') {
            no++;
            s = p + 1;
        }
    const char *e = strchr(at, '\n');
    wd_line l = {.s = s, .len = e ? (size_t)(e - s) : strlen(s), .no = no};
    l.heading = wd_is_heading(l.s, l.len);
    return l;
}

static int has_balance(const char *s, const char *e)
{
    const char *end = s;
    while (end < e && (size_t)(end - s) < SENTENCE_MAX &&
           !((size_t)(e - end) >= 3 && memcmp(end, U8_PERIOD, 3) == 0))
        end++;
    for (const char *p = s; p < end; p++)
        for (size_t i = 0; i < COUNT(balances); i++)
            if (wd_match(p, end, balances[i], NULL))
                return 1;
    return 0;
}

/* A year ("YYYY 年") other than Y just before s: a comparison between two
 * other years. */
static int other_subject(const char *text, const char *s, int year)
{
    const char *from = s - text > SUBJECT_BACK ? s - SUBJECT_BACK : text;
    const char *after;
    for (const char *p = from; p + 4 <= s; p++) {
        int y = year_word(p, s, text, &after);
        if (y && y != year)
            return 1;
    }
    return 0;
}

static void previous_year(yr_ctx *c, const wd_line *l, int found)
{
    char what[128];
    snprintf(what, sizeof what, "names %d as the previous year (%d)", found, c->year - 1);
    report(c, l, found, what);
}

static void scan(yr_ctx *c, const char *orig, const char *t, const char *e, long first)
{
    int expected_end = c->phase == WD_FINAL ? c->year : c->phase == WD_BUDGET ? c->year - 1 : 0;
    for (const char *p = t; p < e; p += wd_char_len(p, e)) {
        const char *w, *q;
        int y;
        /* as at: 截至 YYYY 年 12 月 31 日, then a balance */
        if (expected_end && match_any(p, e, as_ats, COUNT(as_ats), &w)) {
            const char *ys = wd_skip_spaces(w, e);
            if ((y = wd_year_at(ys, e, t)) && wd_match(wd_skip_spaces(ys + 4, e), e, "年", &q) &&
                match_any(wd_skip_spaces(q, e), e, year_ends, COUNT(year_ends), &q) &&
                !(wd_skip_spaces(q, e) < e && *wd_skip_spaces(q, e) >= '0' &&
                  *wd_skip_spaces(q, e) <= '9') &&
                has_balance(q, e) && y != expected_end) {
                wd_line l = line_of(orig, first, orig + (ys - t));
                char what[128];
                snprintf(what, sizeof what, "states balances at the end of %d; its year-end is %d",
                         y, expected_end);
                report(c, &l, y, what);
            }
        }
        /* compare: 比 YYYY 年 增加 */
        if (match_any(p, e, compares, COUNT(compares), &w)) {
            const char *ys = wd_skip_spaces(w, e);
            if ((y = year_word(ys, e, t, &q)) && y != c->year - 1 &&
                match_any(wd_skip_spaces(q, e), e, changes, COUNT(changes), NULL) &&
                !other_subject(t, p, c->year)) {
                wd_line l = line_of(orig, first, orig + (ys - t));
                char what[128];
                snprintf(what, sizeof what, "compares with %d as with the previous year (%d)", y,
                         c->year - 1);
                report(c, &l, y, what);
            }
        }
        /* previous: YYYY 年(上年) */
        if ((y = year_word(p, e, t, &q)) && y != c->year - 1) {
            q = wd_skip_spaces(q, e);
            if (q < e && *q == '(' &&
                match_any(wd_skip_spaces(q + 1, e), e, previous, COUNT(previous), NULL)) {
                wd_line l = line_of(orig, first, orig + (p - t));
                previous_year(c, &l, y);
            }
        }
        /* previous: 上年(YYYY 年) */
        if (match_any(p, e, previous, COUNT(previous), &w)) {
            q = wd_skip_spaces(w, e);
            if (q < e && *q == '(') {
                const char *ys = wd_skip_spaces(q + 1, e);
                if ((y = year_word(ys, e, t, &q)) && y != c->year - 1) {
                    wd_line l = line_of(orig, first, orig + (ys - t));
                    previous_year(c, &l, y);
                }
            }
        }
    }
}

int wd_check_years(const br_disclosure *doc, br_report *report)
{
    yr_ctx c = {report, wd_host->doc_year(doc), wd_doc_phase(doc)};
    long first;
    const char *text = wd_narrative(doc, &first);
    if (c.year <= 0 || (!text && !wd_host->doc_table_count(doc)))
        return BR_NOT_APPLICABLE;
    wd_each_line(doc, on_heading, &c);
    if (!text)
        return BR_OK;
    size_t n = strlen(text);
    char *flat = malloc(n + 1);
    if (!flat)
        return BR_ERR_NOMEM;
    for (size_t i = 0; i <= n; i++)
        flat[i] = text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
    scan(&c, text, flat, flat + n, first);
    free(flat);
    return BR_OK;
}
