/*
 * text_figures.c — performance.text_figures: a money figure written in an
 * indicator's text agrees with its target.
 *
 * Conservative by design.  Only indicators whose target is money are read,
 * and only figures followed by 元 / 万元 / 亿元.  Per-unit prices ("5500
 * 元/人", "每人 500 元"), parts ("其中 …"), savings and bounds of a range are
 * not totals (vocab.def NOT_TOTAL).  When any remaining figure equals the
 * target there is nothing to say; otherwise the last one — the total a text
 * ends with — is compared with the target, exactly after unit conversion,
 * with the rounding of both printed figures.
 */
#include <stdio.h>
#include <string.h>

#include "perf.h"

#define MAX_FIGURES 16

typedef struct figure {
    br_decimal value;
    br_unit unit;
} figure;

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alnum(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int starts(const char *s, const char *w) { return strncmp(s, w, strlen(w)) == 0; }

/* A clause break ending at s[i]: ASCII , ; : ( or a CJK 。，、 */
static int clause_break_before(const char *s, size_t i)
{
    char c = s[i - 1];
    if (c == ',' || c == ';' || c == ':' || c == '(')
        return 1;
    return i >= 3 && (starts(s + i - 3, "。") || starts(s + i - 3, "，") || starts(s + i - 3, "、"));
}

/* A NOT_TOTAL word in the clause just before s[at] (up to 8 characters back). */
static int after_not_total(const char *s, size_t at)
{
    size_t from = at > 24 ? at - 24 : 0;
    while (from < at && ((unsigned char)s[from] & 0xC0) == 0x80)
        from++; /* a character boundary */
    for (size_t i = at; i > from; i--)
        if (clause_break_before(s, i)) {
            from = i;
            break;
        }
    for (size_t end = from + 1; end <= at; end++)
        if (pf_word_ending_at(s + from, end - from, PF_NOT_TOTAL))
            return 1;
    return 0;
}

/* A bound of a range: "100-200 万元", "100 至 200 万元". */
static int in_range(const char *s, size_t at, const char *after)
{
    size_t i = at;
    while (i && s[i - 1] == ' ')
        i--;
    if (i && (s[i - 1] == '-' || s[i - 1] == '~'))
        return 1;
    if (i >= 3 && (starts(s + i - 3, "至") || starts(s + i - 3, "到")))
        return 1;
    while (*after == ' ')
        after++;
    return *after == '-' || *after == '~' || starts(after, "至") || starts(after, "到");
}

/* The total money figures of `s`, in order; returns how many. */
static size_t money_figures(const char *s, figure *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; s[i] && n < cap;) {
        if (!is_digit(s[i]) || (i && (is_alnum(s[i - 1]) || s[i - 1] == '.'))) {
            i++;
            continue;
        }
        size_t j = i;
        while (is_digit(s[j]) || s[j] == ',' || s[j] == '.')
            j++;
        size_t numend = j;
        while (numend > i && (s[numend - 1] == ',' || s[numend - 1] == '.'))
            numend--;
        const char *u = s + j;
        while (*u == ' ')
            u++;
        br_unit unit = BR_UNIT_UNKNOWN;
        const char *rest = u;
        if (starts(u, "万元")) {
            unit = BR_UNIT_WAN;
            rest = u + strlen("万元");
        } else if (starts(u, "亿元")) {
            unit = BR_UNIT_YI;
            rest = u + strlen("亿元");
        } else if (starts(u, "元")) {
            unit = BR_UNIT_YUAN;
            rest = u + strlen("元");
        }
        br_decimal v;
        if (unit && *rest != '/' && !starts(rest, "每") && !after_not_total(s, i) &&
            !in_range(s, i, rest) &&
            pf_host->decimal_parse(s + i, numend - i, &v) == BR_OK)
            out[n++] = (figure){v, unit};
        i = j;
    }
    return n;
}

static void check_table(const br_table *t, br_report *report)
{
    pf_cols c;
    pf_columns(t, &c);
    char where[512];
    pf_table_name(t, where, sizeof where);
    for (size_t i = 0; i < pf_host->table_row_count(t); i++) {
        pf_indicator ind;
        br_decimal target;
        if (!pf_read_indicator(pf_host->table_row_at(t, i), &c, &ind) ||
            ind.unit.cls != PF_UNIT_MONEY || !ind.unit.money ||
            !pf_cell_number(ind.target, &target))
            continue;
        figure figs[MAX_FIGURES];
        size_t n = money_figures(ind.name, figs, MAX_FIGURES);
        br_decimal conv[MAX_FIGURES];
        size_t m = 0;
        int agrees = 0;
        for (size_t k = 0; k < n; k++) {
            if (pf_host->decimal_convert(figs[k].value, figs[k].unit, ind.unit.money,
                                         &conv[m]) != BR_OK)
                continue;
            agrees |= pf_host->decimal_cmp(conv[m], target) == 0;
            m++;
        }
        if (!m || agrees)
            continue;
        br_decimal stated = conv[m - 1], diff, tol;
        if (pf_host->decimal_sub(stated, target, &diff) != BR_OK ||
            pf_host->decimal_add(pf_host->decimal_half_ulp(stated),
                                 pf_host->decimal_half_ulp(target), &tol) != BR_OK)
            continue;
        if (diff.units < 0)
            diff.units = -diff.units;
        int rounding = pf_host->decimal_cmp(diff, tol) <= 0;
        char ss[BR_DECIMAL_STR_MAX], ts[BR_DECIMAL_STR_MAX], msg[2048];
        pf_host->decimal_format(stated, ss, sizeof ss);
        pf_host->decimal_format(target, ts, sizeof ts);
        snprintf(msg, sizeof msg,
                 "%s: the text of indicator \"%s\" states %s %s, but its target is %s %s%s",
                 where, ind.name, ss, pf_host->unit_name(ind.unit.money), ts, ind.unit.printed,
                 rounding ? " (equal only within rounding)" : "");
        br_finding f = {
            .check = "performance.text_figures",
            .severity = rounding ? BR_SEV_INFO : BR_SEV_WARNING,
            .table = pf_host->kind_name(pf_host->table_kind(t)),
            .row = pf_host->row_key(ind.row),
            .column = "name",
            .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
            .expected = target,
            .actual = stated,
            .tolerance = tol,
            .line = pf_host->row_line(ind.row),
            .message = msg,
        };
        pf_host->report_add(report, &f);
    }
}

int pf_check_text_figures(const br_disclosure *doc, br_report *report)
{
    for (size_t i = 0; i < pf_host->doc_table_count(doc); i++) {
        const br_table *t = pf_host->doc_table_at(doc, i);
        if (pf_is_perf_table(t))
            check_table(t, report);
    }
    return BR_OK;
}
