/*
 * text.c — what the wording checks share: the printed lines of the narrative
 * and the table titles, headings, years, the document's phase, quoting a
 * line and reporting a finding at it.
 *
 * The narrative text (host narrative_text) is the narrative as printed, one
 * input line per line, NFKC-normalised: "、" stays, "(" and "," are ASCII.
 */
#include <stdio.h>
#include <string.h>

#include "wording.h"

#define U8_ENUM_COMMA "\xE3\x80\x81" /* 、 */
#define U8_PERIOD "\xE3\x80\x82"     /* 。 */
#define HEADING_MAX 120              /* bytes: a heading is short */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

size_t wd_char_len(const char *s, const char *e)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return n > (size_t)(e - s) ? (size_t)(e - s) : n;
}

const char *wd_skip_spaces(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    return s;
}

int wd_match(const char *s, const char *e, const char *word, const char **after)
{
    if (s >= e || *s != *word)
        return 0; /* the first character is never preceded by spaces: most calls end here */
    for (const char *w = word; *w;) {
        unsigned char lead = (unsigned char)*w;
        size_t cl = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        s = w == word ? s : wd_skip_spaces(s, e);
        if ((size_t)(e - s) < cl || memcmp(s, w, cl) != 0)
            return 0;
        s += cl;
        w += cl;
    }
    if (after)
        *after = s;
    return 1;
}

int wd_year_at(const char *s, const char *e, const char *begin)
{
    if (e - s < 4 || (s > begin && is_digit(s[-1])) || (e - s > 4 && is_digit(s[4])))
        return 0;
    for (int i = 0; i < 4; i++)
        if (!is_digit(s[i]))
            return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    return y >= 1990 && y <= 2099 ? y : 0;
}

/* ---- headings ---- */

static const char *const cjk_numerals[] = {"一", "二", "三", "四", "五", "六",
                                           "七", "八", "九", "十", "零"};

static size_t cjk_numeral_run(const char *s, const char *e)
{
    const char *p = s;
    for (;;) {
        size_t i;
        for (i = 0; i < COUNT(cjk_numerals); i++)
            if ((size_t)(e - p) >= 3 && memcmp(p, cjk_numerals[i], 3) == 0)
                break;
        if (i == COUNT(cjk_numerals))
            return (size_t)(p - s);
        p += 3;
    }
}

/* Length of the enumerator at s ("一、", "(一)", "1.", "1、", "(1)", "第二部分"), or 0. */
static size_t enumerator(const char *s, const char *e)
{
    size_t k;
    const char *after;
    if (wd_match(s, e, "第", &after) && (k = cjk_numeral_run(after, e)) &&
        wd_match(after + k, e, "部分", &after))
        return (size_t)(after - s);
    if ((k = cjk_numeral_run(s, e)) && wd_match(s + k, e, U8_ENUM_COMMA, &after))
        return (size_t)(after - s);
    if (s < e && *s == '(') {
        if ((k = cjk_numeral_run(s + 1, e)) && s + 1 + k < e && s[1 + k] == ')')
            return k + 2;
        for (k = 1; s + k < e && k < 3 && is_digit(s[k]); k++)
            ;
        return k > 1 && s + k < e && s[k] == ')' ? k + 1 : 0;
    }
    for (k = 0; s + k < e && k < 2 && is_digit(s[k]); k++)
        ;
    if (!k || s + k >= e)
        return 0;
    if (wd_match(s + k, e, U8_ENUM_COMMA, &after))
        return (size_t)(after - s);
    if (s[k] == '.' && !(s + k + 1 < e && is_digit(s[k + 1])))
        return k + 1;
    return 0;
}

static const char *const title_ends[] = {"情况说明", "说明", "部门预算", "部门决算",
                                         "单位预算", "单位决算", "预算公开", "决算公开"};

int wd_is_heading(const char *s, size_t n)
{
    const char *e = s + n;
    s = wd_skip_spaces(s, e);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    if (s == e || (size_t)(e - s) > HEADING_MAX)
        return 0;
    for (const char *p = s; p < e; p++)
        if (*p == ',' || *p == ';' || *p == ':')
            return 0;
    for (const char *p = s; p + 3 <= e; p++)
        if (memcmp(p, U8_PERIOD, 3) == 0)
            return 0;
    if (enumerator(s, e))
        return 1;
    for (size_t i = 0; i < COUNT(title_ends); i++) {
        size_t wl = strlen(title_ends[i]);
        if ((size_t)(e - s) >= wl && memcmp(e - wl, title_ends[i], wl) == 0)
            return 1;
    }
    return 0;
}

/* ---- lines ---- */

const char *wd_narrative(const br_disclosure *doc, long *first_line)
{
    const br_narrative *n = wd_host->doc_narrative((br_disclosure *)doc);
    *first_line = 1;
    return n ? wd_host->narrative_text(n, first_line) : NULL;
}

void wd_each_line(const br_disclosure *doc, wd_line_fn fn, void *ctx)
{
    long line;
    const char *text = wd_narrative(doc, &line);
    for (const char *s = text; s && *s; line++) {
        const char *e = strchr(s, '\n');
        if (!e)
            e = s + strlen(s);
        wd_line l = {.s = s, .len = (size_t)(e - s), .no = line};
        l.heading = wd_is_heading(l.s, l.len);
        fn(&l, ctx);
        s = *e ? e + 1 : e;
    }
    for (size_t i = 0; i < wd_host->doc_table_count(doc); i++) {
        const br_table *t = wd_host->doc_table_at(doc, i);
        const char *title = wd_host->table_title(t);
        if (!title || !*title)
            continue;
        wd_line l = {.s = title, .len = strlen(title), .no = wd_host->table_line(t), .table = t,
                     .heading = 1};
        fn(&l, ctx);
    }
}

/* ---- phase ---- */

static const char *const neutral[] = {"一般公共预算", "政府性基金预算", "国有资本经营预算",
                                      "社会保险基金预算"};

/* The phase of the first phase word in [s, e) outside a fund's name; with
 * `decide`, 决算 anywhere wins over 预算 (a title). */
static wd_phase phase_in(const char *s, const char *e, int decide)
{
    wd_phase first = WD_UNKNOWN, any_final = WD_UNKNOWN;
    for (const char *p = s; p + 6 <= e; p++) {
        int fin = memcmp(p, "决算", 6) == 0, bud = memcmp(p, "预算", 6) == 0;
        if (!fin && !bud)
            continue;
        int in_fund = 0; /* the phase word ends a fund's name */
        size_t end = (size_t)(p - s) + 6;
        for (size_t i = 0; i < COUNT(neutral) && !in_fund; i++) {
            size_t nl = strlen(neutral[i]);
            in_fund = end >= nl && memcmp(s + end - nl, neutral[i], nl) == 0;
        }
        if (in_fund)
            continue;
        if (fin)
            any_final = WD_FINAL;
        if (!first)
            first = fin ? WD_FINAL : WD_BUDGET;
    }
    return decide && any_final ? any_final : first;
}

wd_phase wd_doc_phase(const br_disclosure *doc)
{
    size_t votes[3] = {0, 0, 0};
    for (size_t i = 0; i < wd_host->doc_table_count(doc); i++) {
        const char *t = wd_host->table_title(wd_host->doc_table_at(doc, i));
        if (t)
            votes[phase_in(t, t + strlen(t), 1)]++;
    }
    if (votes[WD_FINAL] != votes[WD_BUDGET])
        return votes[WD_FINAL] > votes[WD_BUDGET] ? WD_FINAL : WD_BUDGET;
    long line;
    const char *text = wd_narrative(doc, &line);
    return text ? phase_in(text, text + strlen(text), 0) : WD_UNKNOWN;
}

const char *wd_phase_name(wd_phase p)
{
    return p == WD_FINAL ? "final account" : p == WD_BUDGET ? "budget" : "disclosure";
}

/* ---- findings ---- */

void wd_quote(const wd_line *l, char *out, size_t cap)
{
    const char *s = wd_skip_spaces(l->s, l->s + l->len), *e = l->s + l->len;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    size_t n = 0;
    while (s < e) {
        size_t cl = wd_char_len(s, e);
        if (n + cl + 1 > cap)
            break;
        memcpy(out + n, s, cl);
        n += cl;
        s += cl;
    }
    out[n] = '\0';
}

int wd_report(br_report *report, const char *check, const wd_line *l, const char *row,
              const char *message)
{
    br_finding f = {
        .check = check,
        .severity = BR_SEV_WARNING,
        .table = l->table ? wd_host->kind_name(wd_host->table_kind(l->table)) : "narrative",
        .row = row,
        .line = l->no,
        .message = message,
    };
    return wd_host->report_add(report, &f);
}
