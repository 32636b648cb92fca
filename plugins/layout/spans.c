/*
 * spans.c — small predicates on the text of spans and lines.
 */
#include <string.h>

#include "engine.h"

size_t lt_squeeze(const char *s, char *buf, size_t cap)
{
    return dt_squeeze(s, strlen(s), buf, cap);
}

int lt_money_token(const char *s, size_t len)
{
    int digits = 0, sep = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits = 1;
        else if (s[i] == ',' || s[i] == '.')
            sep = 1;
        else if (!(i == 0 && s[i] == '-'))
            return 0;
    }
    return digits && sep;
}

void lt_label_append(char *label, const char *s, size_t len)
{
    size_t have = strlen(label);
    char buf[LT_LABEL_MAX];
    size_t n = dt_squeeze(s, len, buf, sizeof buf);
    if (have + n + 1 > LT_LABEL_MAX)
        n = dt_copy(buf, n, buf, LT_LABEL_MAX - have);
    memcpy(label + have, buf, n);
    label[have + n] = 0;
}

long lt_median_spread(const long *v, size_t n)
{
    if (n == 0 || n > LT_MAX_COLS)
        return 0;
    long srt[LT_MAX_COLS]; /* median by insertion sort: n is a column count */
    memcpy(srt, v, n * sizeof *v);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && srt[j - 1] > srt[j]; j--) {
            long x = srt[j];
            srt[j] = srt[j - 1];
            srt[j - 1] = x;
        }
    long med = srt[n / 2], spread = 0;
    for (size_t i = 0; i < n; i++)
        spread += v[i] > med ? v[i] - med : med - v[i];
    return spread;
}

int lt_figure(const char *s, br_decimal *out)
{
    size_t len = strlen(s);
    if (dt_blank_mark(s, len))
        return 2;
    if (len == 0 || len > 30)
        return 0;
    /* only digits, separators, one point, a leading minus */
    size_t i = 0, digits = 0;
    if (s[0] == '-')
        i = 1;
    for (; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c != ',' && c != '.')
            return 0;
    }
    if (!digits)
        return 0;
    return dt_figure(s, len, out) ? 1 : 0;
}

int lt_digits(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (s[n] < '0' || s[n] > '9')
            return 0;
    return n >= 1 && n <= 7;
}

int lt_toc_line(const lt_line *ln)
{
    for (size_t i = 0; i < ln->nspans; i++) {
        const char *s = ln->spans[i].text;
        if (strstr(s, "……") || strstr(s, "...") || strstr(s, "···") || strstr(s, "…"))
            return 1;
    }
    /* "收支预算总表   3": a title followed by a lone page number */
    if (ln->nspans == 2 && lt_digits(ln->spans[1].text) && strlen(ln->spans[1].text) <= 3 &&
        dt_title_shape(ln->spans[0].text, strlen(ln->spans[0].text)))
        return 1;
    return 0;
}

int lt_sentence(const char *s)
{
    if (strstr(s, "。") || strstr(s, "，") || strstr(s, ";") || strstr(s, "；"))
        return 1;
    /* a comma (NFKC turns "，" into ",") that is no thousands separator */
    for (const char *p = strchr(s, ','); p; p = strchr(p + 1, ','))
        if (p == s || !(p[-1] >= '0' && p[-1] <= '9') || !(p[1] >= '0' && p[1] <= '9'))
            return 1;
    return 0;
}

int lt_prose(const char *s)
{
    if (lt_sentence(s))
        return 1;
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    return n > 40;
}

int lt_note_line(const char *s)
{
    char buf[64];
    size_t n = dt_squeeze(s, strnlen(s, 48), buf, sizeof buf);
    return dt_starts(buf, n, "注:") || dt_starts(buf, n, "说明:") || dt_starts(buf, n, "备注:") ||
           dt_starts(buf, n, "注：");
}

int lt_empty_note(const char *s)
{
    static const char *const words[] = {"空表", "无数据", "没有", "不需填列", "无此项",
                                        "为空", "无相关"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(s, words[i]))
            return 1;
    /* "(无政府性基金支出)", "注:我单位无2017年政府性基金支出安排。" */
    const char *no = strstr(s, "无");
    return no && (strstr(no, "支出") || strstr(no, "安排") || strstr(no, "收支"));
}

int lt_empty_statement(const lt_line *ln)
{
    if (ln->nspans != 1)
        return 0;
    char buf[128];
    size_t n = lt_squeeze(ln->spans[0].text, buf, sizeof buf);
    if (n == 0 || n >= 96)
        return 0;
    int bracket = buf[0] == '(' || dt_starts(buf, n, "（");
    const char *after = bracket ? buf + (buf[0] == '(' ? 1 : strlen("（")) : buf;
    return (bracket && dt_starts(after, strlen(after), "无") && lt_empty_note(buf)) ||
           strstr(buf, "此表为空") || strstr(buf, "本表为空") || strstr(buf, "本表无数据");
}

const char *lt_strip_enum(const char *s, size_t *len)
{
    dt_strip_enumerator(&s, len);
    /* "1. 一般公共预算资金", "1、…" */
    size_t i = 0;
    while (i < *len && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i > 0 && i <= 2 && i < *len) {
        size_t k = 0;
        if (s[i] == '.')
            k = i + 1;
        else if (dt_starts(s + i, *len - i, "、"))
            k = i + strlen("、");
        if (k && k < *len) {
            s += k;
            *len -= k;
            dt_trim(&s, len);
        }
    }
    return s;
}

size_t lt_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

int lt_text_width(const char *s, size_t len, int wide)
{
    int w = 0;
    for (size_t i = 0; i < len && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w += (unsigned char)s[i] >= 0xE0 ? wide : 1;
    return w;
}

int lt_span_wide(const lt_span *sp)
{
    const char *s = sp->text;
    return lt_text_width(s, strlen(s), 1) == sp->x1 - sp->x0 ? 1 : 2;
}

int lt_cjk_numeral(const char *s)
{
    static const char *const digits[] = {"零", "一", "二", "三", "四", "五", "六",
                                         "七", "八", "九", "十", "百"};
    if (!*s)
        return 0;
    while (*s) {
        size_t i = 0;
        while (i < sizeof digits / sizeof digits[0] && strncmp(s, digits[i], strlen(digits[i])))
            i++;
        if (i == sizeof digits / sizeof digits[0])
            return 0;
        s += strlen(digits[i]);
    }
    return 1;
}

/*
 * Text that begins with a subject code printed in the label's cell ("201 一般
 * 公", "208 05", "2080505机关事", "201 08 0"): a class code of 3 digits that
 * the catalog of codes knows, then text or the code's next digits — no
 * quantity ("300万元") and no year ("2022 年", 4 digits).  In a table
 * without a code column such a line starts a row (the code opens its label).
 */
int lt_code_led(const char *text)
{
    size_t n = 0;
    while (text[n] >= '0' && text[n] <= '9')
        n++;
    if (n != 3 && n != 5 && n != 7)
        return 0;
    char cls[4];
    memcpy(cls, text, 3);
    cls[3] = 0;
    if (lt_host->code_level(cls) <= 0)
        return 0;
    const char *p = text + n;
    while (*p == ' ')
        p++;
    if (*p >= '0' && *p <= '9')
        return n == 3 || n == 5; /* 类 款 项 apart */
    if (*p == 0)
        return 1; /* the code alone, its label on the lines below */
    static const char *const after_number[] = {"年", "月", "日", "万", "元", "个", "人", "台",
                                               "辆", "项", "％"};
    for (size_t i = 0; i < sizeof after_number / sizeof *after_number; i++)
        if (strncmp(p, after_number[i], strlen(after_number[i])) == 0)
            return 0;
    return (unsigned char)*p >= 0x80;
}
