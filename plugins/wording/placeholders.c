/*
 * placeholders.c — wording.placeholders: a template's placeholder left in the
 * published text ("XX局", "××万元", "20XX年", "某某", "待填写", "【此处填写…】",
 * "(单位名称)"), in the narrative or a table's title.
 *
 * Fails closed: a run of X stands for a name or figure only between Chinese
 * text, spaces or brackets — never next to a letter, a digit or the signs of
 * a model number, address or formula ("XXL", "X光" is one X, "A-XX200",
 * "www.xx.cn", "3×4"), nor beside a Latin word ("XXX Corp"); a bracket is a fill-in only when it is empty (【】),
 * holds exactly a field's name, or (【】) a fill-in instruction.  One warning
 * per placeholder, at its line, quoting the line.
 */
#include <stdio.h>
#include <string.h>

#include "wording.h"

#define CHECK "wording.placeholders"

static const char *const marks[] = {
#define WD_MARK(word) word,
#include "wording.def"
};
static const char *const fields[] = {
#define WD_FIELD(word) word,
#include "wording.def"
};
static const char *const square_fields[] = {
#define WD_SQUARE(word) word,
#include "wording.def"
};
static const char *const asks[] = {
#define WD_ASK(word) word,
#include "wording.def"
};

#define U8_TIMES "\xC3\x97"       /* × */
#define U8_LENTICULAR "\xE3\x80\x90" /* 【 */
#define U8_LENTICULAR_END "\xE3\x80\x91" /* 】 */
#define RUN_MAX 6
#define BRACKET_MAX 60 /* bytes of a bracket's content looked at */

typedef struct ph_ctx {
    br_report *report;
} ph_ctx;

static int is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Bytes of one X (X, x, ×) at p, or 0. */
static size_t x_at(const char *p, const char *e)
{
    if (p < e && (*p == 'X' || *p == 'x'))
        return 1;
    return e - p >= 2 && memcmp(p, U8_TIMES, 2) == 0 ? 2 : 0;
}

/* A neighbour of a run of X that keeps it from being a placeholder: a letter
 * or digit (a word, an acronym, a model number), or a sign joining one
 * (A-XX, xx.gov, xx@, XX/YY, XX+, XX_1). */
static int joins(char c)
{
    return is_alnum(c) || (c && strchr("-_./@#&+*=%", c));
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Spaces, brackets and clause punctuation between a placeholder and its text. */
static int is_gap(char c) { return is_space(c) || (c && strchr("():,;", c)); }

/* Chinese text next to [s, e) within the line [b, le), over spaces, brackets
 * and punctuation ("联系人:XXX"). */
static int beside_cjk(const char *b, const char *le, const char *s, const char *e)
{
    const char *p = e;
    while (p < le && is_gap(*p))
        p++;
    if (p < le && (unsigned char)*p >= 0xE0)
        return 1;
    p = s;
    while (p > b && is_gap(p[-1]))
        p--;
    /* the last byte of a CJK character is a continuation byte after a 3-byte lead */
    return p - b >= 3 && (unsigned char)p[-3] >= 0xE0 && (unsigned char)p[-3] < 0xF0;
}

static int is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/* A Latin word next to [s, e) over spaces: English text ("XXX Corp"). */
static int english(const char *b, const char *le, const char *s, const char *e)
{
    const char *p = e;
    while (p < le && is_space(*p))
        p++;
    if (p < le && is_letter(*p))
        return 1;
    p = s;
    while (p > b && is_space(p[-1]))
        p--;
    return p > b && is_letter(p[-1]);
}

static void report(ph_ctx *c, const wd_line *l, const char *s, size_t n, const char *what)
{
    char found[128], quote[512], msg[1024];
    size_t k = n < sizeof found - 1 ? n : sizeof found - 1;
    memcpy(found, s, k);
    found[k] = '\0';
    wd_quote(l, quote, sizeof quote);
    snprintf(msg, sizeof msg, "%s \"%s\" left in the published %s: \"%s\"", what, found,
             l->table ? "table title" : l->heading ? "heading" : "text", quote);
    wd_report(c->report, CHECK, l, found, msg);
}

/* Runs of X at [s, e) of the line: returns the bytes looked at. */
static size_t x_run(ph_ctx *c, const wd_line *l, const char *s)
{
    const char *b = l->s, *e = l->s + l->len, *p = s;
    size_t chars = 0, k;
    while ((k = x_at(p, e)) != 0) {
        p += k;
        chars++;
    }
    if (chars < 2 || chars > RUN_MAX)
        return (size_t)(p - s);
    char before = s > b ? s[-1] : 0, after = p < e ? *p : 0;
    /* "20XX年": a year's last digits left to fill in */
    if (chars == 2 && s - b >= 2 && s[-2] == '2' && s[-1] == '0' && !(s - b >= 3 && joins(s[-3])) &&
        wd_match(wd_skip_spaces(p, e), e, "年", NULL)) {
        report(c, l, s - 2, (size_t)(p - s) + 2, "placeholder year");
        return (size_t)(p - s);
    }
    if (joins(before) || joins(after) || english(b, e, s, p) || !beside_cjk(b, e, s, p))
        return (size_t)(p - s);
    report(c, l, s, (size_t)(p - s), "placeholder");
    return (size_t)(p - s);
}

static int is_field(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && memcmp(s, list[i], n) == 0)
            return 1;
    return 0;
}

static int has_word(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        size_t wl = strlen(list[i]);
        for (size_t j = 0; j + wl <= n; j++)
            if (memcmp(s + j, list[i], wl) == 0)
                return 1;
    }
    return 0;
}

/* A bracket opened at s: 【…】 or (…) on the line; returns the bytes looked at. */
static size_t bracket(ph_ctx *c, const wd_line *l, const char *s)
{
    const char *e = l->s + l->len;
    int square = e - s >= 3 && memcmp(s, U8_LENTICULAR, 3) == 0;
    const char *close = square ? U8_LENTICULAR_END : ")";
    size_t ol = square ? 3 : 1, cl = strlen(close);
    const char *in = wd_skip_spaces(s + ol, e), *p = in;
    while (p < e && (size_t)(p - in) <= BRACKET_MAX && !(e - p >= (long)cl && memcmp(p, close, cl) == 0))
        p++;
    if (p >= e || (size_t)(p - in) > BRACKET_MAX)
        return ol;
    const char *ie = p;
    while (ie > in && is_space(ie[-1]))
        ie--;
    size_t n = (size_t)(ie - in);
    int fill = is_field(in, n, fields, COUNT(fields)) ||
               (square && (n == 0 || is_field(in, n, square_fields, COUNT(square_fields)) ||
                           has_word(in, n, asks, COUNT(asks))));
    if (!fill)
        return ol;
    report(c, l, s, (size_t)(p + cl - s), "fill-in field");
    return (size_t)(p + cl - s);
}

static void on_line(const wd_line *l, void *vctx)
{
    ph_ctx *c = vctx;
    const char *e = l->s + l->len;
    for (const char *p = l->s; p < e;) {
        size_t k;
        if (x_at(p, e)) {
            p += x_run(c, l, p);
            continue;
        }
        if (*p == '(' || (e - p >= 3 && memcmp(p, U8_LENTICULAR, 3) == 0)) {
            p += bracket(c, l, p);
            continue;
        }
        for (size_t i = 0; i < COUNT(marks); i++) {
            if (*p != marks[i][0])
                continue;
            size_t ml = strlen(marks[i]);
            if ((size_t)(e - p) >= ml && memcmp(p, marks[i], ml) == 0) {
                report(c, l, p, ml, "placeholder");
                p += ml;
                goto next;
            }
        }
        k = wd_char_len(p, e);
        p += k;
    next:;
    }
}

int wd_check_placeholders(const br_disclosure *doc, br_report *report)
{
    long line;
    if (!wd_narrative(doc, &line) && !wd_host->doc_table_count(doc))
        return BR_NOT_APPLICABLE;
    ph_ctx c = {report};
    wd_each_line(doc, on_line, &c);
    return BR_OK;
}
