/*
 * narrative.c — the 情况说明 of a disclosure: the department name and year
 * from its title, the narrative text, and every figure stated with a unit as
 * a claim (SPEC §3), classified by the rules of claims.def.
 *
 * Two passes over the narrative lines, both linear:
 *
 *  1. Logical text.  Lines are joined into paragraphs: a paragraph broken in
 *     the middle of a sentence (a PDF line wrap, a page footer, a blank line
 *     between "当年财政拨" and "款 1661.73 万元") is one paragraph again.
 *     Spaces next to CJK text are dropped ("2022 年" → "2022年").  A table of
 *     segments maps every byte back to its input line.
 *
 *  2. Claims.  Each paragraph is scanned once.  A figure followed by a unit
 *     word is a claim; its label is the clause before it; its direction is
 *     the 增加/减少 word of that clause; its class comes from the first
 *     CLAIM_RULE that fits its topic, the headings in force and its sentence.
 *     A change without a subject of its own ("比上年增加 11.33 万元",
 *     "与 2021 年持平") is about the figure it follows.
 *
 * Memory: two scratch buffers per document (the text and the segment table);
 * claim strings live in fixed buffers on the stack and are copied by the host.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brreader.h"

/* ---- the catalog (claims.def) ---------------------------------------------- */

enum { U_NONE = 0, U_MONEY = 1, U_PCT = 2, U_PERSON = 4, U_VEHICLE = 8, U_COUNT = 16 };
#define U_COUNTS (U_PERSON | U_VEHICLE | U_COUNT)

enum {
    S_ANY = 0,
    S_NONE = 0,
    S_INCOME = 1,
    S_EXPEND = 2,
    S_THREE = 4,
    S_OPER = 8,
    S_PROC = 16,
    S_PERF = 32,
    S_ASSET = 64,
    S_ITEM = 128, /* under a 款/项 item heading */
    S_FINAL = 256 /* the document is a final account (决算) */
};

enum { C_START, C_REF, C_TAIL, C_WORD };
enum { T_PREFIX, T_CUT, T_SUFFIX };

typedef struct word_row {
    const char *s;
    size_t n;
} word_row;

typedef struct unit_row {
    const char *s;
    size_t n;
    const char *unit;
    int kind;
} unit_row;

typedef struct dir_row {
    const char *s;
    size_t n;
    br_direction dir;
} dir_row;

typedef struct tagged_row {
    int tag;
    const char *s;
    size_t n;
} tagged_row;

typedef struct section_row {
    const char *pattern;
    unsigned section;
} section_row;

typedef struct func_row {
    const char *code;
    const char *s;
    size_t n;
} func_row;

typedef struct rule_row {
    const char *cls;
    unsigned units;
    unsigned sections;
    const char *topic;
    const char *not_label;
    const char *ctx;
    const char *not_ctx;
} rule_row;

typedef struct change_row {
    const char *level;
    const char *change;
} change_row;

#define W(s) s, sizeof(s) - 1

static const unit_row units_tab[] = {
#define CLAIM_UNIT(text, unit, kind) {W(text), unit, kind},
#include "claims.def"
};
static const dir_row dirs_tab[] = {
#define CLAIM_DIR(word, direction) {W(word), direction},
#include "claims.def"
};
static const word_row flats_tab[] = {
#define CLAIM_FLAT(word) {W(word)},
#include "claims.def"
};
static const tagged_row compare_tab[] = {
#define CLAIM_COMPARE(part, word) {part, W(word)},
#include "claims.def"
};
static const tagged_row trim_tab[] = {
#define CLAIM_TRIM(how, word) {how, W(word)},
#include "claims.def"
};
static const section_row sections_tab[] = {
#define CLAIM_SECTION(pattern, section) {pattern, section},
#include "claims.def"
};
static const section_row scope_out_tab[] = {
#define CLAIM_SCOPE_OUT(pattern, unless_sections) {pattern, unless_sections},
#include "claims.def"
};
static const section_row doc_kinds_tab[] = {
#define CLAIM_DOC_KIND(pattern, section) {pattern, section},
#include "claims.def"
};
static const func_row funcs_tab[] = {
#define CLAIM_FUNC(code, name) {code, W(name)},
#include "claims.def"
};
static const word_row func_suffix_tab[] = {
#define CLAIM_FUNC_SUFFIX(word) {W(word)},
#include "claims.def"
};
static const char *const items_tab[] = {
#define CLAIM_ITEM(pattern) pattern,
#include "claims.def"
};
static const rule_row rules_tab[] = {
#define CLAIM_RULE(cls, units, sections, topic, not_label, ctx, not_ctx) \
    {cls, units, sections, topic, not_label, ctx, not_ctx},
#include "claims.def"
};
static const change_row changes_tab[] = {
#define CLAIM_CHANGE(level_class, change_class) {level_class, change_class},
#include "claims.def"
};
static const char *const shares_tab[] = {
#define CLAIM_SHARE(pattern) pattern,
#include "claims.def"
};
static const char *const completions_tab[] = {
#define CLAIM_COMPLETION(pattern) pattern,
#include "claims.def"
};
static const char *const budget_refs_tab[] = {
#define CLAIM_BUDGET_REF(pattern) pattern,
#include "claims.def"
};
static const char *const previous_tab[] = {
#define CLAIM_PREVIOUS(pattern) pattern,
#include "claims.def"
};
static const dir_row versus_tab[] = {
#define CLAIM_VERSUS(word, direction) {W(word), direction},
#include "claims.def"
};
static const word_row title_end_tab[] = {
#define CLAIM_TITLE_END(word) {W(word)},
#include "claims.def"
};
static const word_row name_field_tab[] = {
#define CLAIM_NAME_FIELD(word) {W(word)},
#include "claims.def"
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- bytes and UTF-8 ----------------------------------------------------------- */

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
/* Printable ASCII other than space. */
static int is_graph(unsigned char c) { return c > ' ' && c < 0x7f; }

static size_t u8len(unsigned char c)
{
    if (c < 0xC0)
        return 1; /* ASCII, or a stray continuation byte */
    if (c < 0xE0)
        return 2;
    if (c < 0xF0)
        return 3;
    return 4;
}

/* Length of the character at s[i], clamped to n. */
static size_t char_at(const char *s, size_t n, size_t i)
{
    size_t k = u8len((unsigned char)s[i]);
    return i + k <= n ? k : n - i;
}

size_t dt_char_at(const char *s, size_t n, size_t i) { return char_at(s, n, i); }

/* Move i forward to a character boundary. */
static size_t boundary(const char *s, size_t n, size_t i)
{
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

static int has_at(const char *s, size_t n, size_t i, const char *w, size_t wn)
{
    return i <= n && wn <= n - i && memcmp(s + i, w, wn) == 0;
}

static long find(const char *h, size_t hn, const char *w, size_t wn)
{
    if (wn == 0)
        return 0;
    for (size_t i = 0; i + wn <= hn; i++) {
        const char *p = memchr(h + i, w[0], hn - wn - i + 1);
        if (!p)
            return -1;
        i = (size_t)(p - h);
        if (memcmp(p, w, wn) == 0)
            return (long)i;
    }
    return -1;
}

/* Number of CJK characters (3- or 4-byte sequences) in s. */
static size_t cjk_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i += char_at(s, n, i))
        if ((unsigned char)s[i] >= 0xE0)
            k++;
    return k;
}

#define U8_COMMA "\xE3\x80\x81"  /* 、 */
#define U8_PERIOD "\xE3\x80\x82" /* 。 */

/* ---- patterns (see claims.def) --------------------------------------------------- */

static int term_match(const char *t, size_t tn, const char *s, size_t sn)
{
    int head = 0, tail = 0;
    if (tn && t[0] == '^') {
        head = 1;
        t++;
        tn--;
    }
    if (tn && t[tn - 1] == '$') {
        tail = 1;
        tn--;
    }
    if (tn > sn)
        return 0;
    if (head && tail)
        return tn == sn && memcmp(t, s, tn) == 0;
    if (head)
        return memcmp(s, t, tn) == 0;
    if (tail)
        return memcmp(s + sn - tn, t, tn) == 0;
    return find(s, sn, t, tn) >= 0;
}

static int pat_match(const char *p, const char *s, size_t sn)
{
    while (*p) {
        const char *alt_end = strchr(p, '|');
        if (!alt_end)
            alt_end = p + strlen(p);
        int ok = 1;
        for (const char *t = p; t < alt_end && ok;) {
            const char *te = t;
            while (te < alt_end && *te != '+')
                te++;
            ok = term_match(t, (size_t)(te - t), s, sn);
            t = te < alt_end ? te + 1 : te;
        }
        if (ok)
            return 1;
        p = *alt_end ? alt_end + 1 : alt_end;
    }
    return 0;
}

/* Does the clause as printed name one 款/项 of a classification (CLAIM_ITEM)? */
static int is_item(const char *s, size_t n)
{
    for (size_t j = 0; j < COUNT(items_tab); j++)
        if (pat_match(items_tab[j], s, n))
            return 1;
    return 0;
}

/* ---- small text buffers ------------------------------------------------------------ */

#define TEXT_CAP 320 /* a label, a topic: longer text is cut at its start */

typedef struct tbuf {
    char s[TEXT_CAP];
    size_t n;
} tbuf;

static void tb_set(tbuf *t, const char *s, size_t n)
{
    if (n >= TEXT_CAP) {
        size_t from = boundary(s, n, n - (TEXT_CAP - 1));
        s += from;
        n -= from;
    }
    memmove(t->s, s, n);
    t->n = n;
    t->s[n] = '\0';
}

static void tb_cut_front(tbuf *t, size_t k)
{
    memmove(t->s, t->s + k, t->n - k);
    t->n -= k;
    t->s[t->n] = '\0';
}

static void tb_cut(tbuf *t, size_t at, size_t k)
{
    memmove(t->s + at, t->s + at + k, t->n - at - k);
    t->n -= k;
    t->s[t->n] = '\0';
}

/* ---- enumerators, dates, figures ---------------------------------------------------- */

static const char *const cjk_numerals[] = {"一", "二", "三", "四", "五", "六", "七",
                                           "八", "九", "十", "百", "零", "〇", "两"};

static size_t cjk_numeral_run(const char *s, size_t n, size_t i)
{
    size_t start = i;
    for (;;) {
        size_t k = 0;
        for (size_t j = 0; j < COUNT(cjk_numerals) && !k; j++)
            if (has_at(s, n, i, cjk_numerals[j], 3))
                k = 3;
        if (!k)
            return i - start;
        i += k;
    }
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && is_space((unsigned char)s[i]))
        i++;
    return i;
}

/*
 * Length of a list enumerator at s[0..n) ("一、", "(一)", "(一)、", "1、",
 * "1.", "(1)", "第一部分"), including the spaces after it, or 0.  *level is
 * 0 for 第X部分, 1 for 一、, 2 for (一), 3 for 1、/1., 4 for (1).
 */
static size_t enum_len(const char *s, size_t n, int *level)
{
    size_t k, e = 0;
    int lv = -1;
    if (has_at(s, n, 0, "第", 3) && (k = cjk_numeral_run(s, n, 3)) &&
        has_at(s, n, 3 + k, "部分", 6)) {
        lv = 0;
        e = 3 + k + 6;
    } else if ((k = cjk_numeral_run(s, n, 0)) && has_at(s, n, k, U8_COMMA, 3)) {
        lv = 1;
        e = k + 3;
    } else if (n > 0 && s[0] == '(') {
        if ((k = cjk_numeral_run(s, n, 1)) && has_at(s, n, 1 + k, ")", 1)) {
            lv = 2;
            e = 2 + k;
        } else {
            k = 1;
            while (k < n && k < 3 && is_digit((unsigned char)s[k]))
                k++;
            if (k > 1 && has_at(s, n, k, ")", 1)) {
                lv = 4;
                e = k + 1;
            }
        }
        if (lv > 0 && has_at(s, n, e, U8_COMMA, 3))
            e += 3;
    } else {
        k = 0;
        while (k < n && k < 2 && is_digit((unsigned char)s[k]))
            k++;
        if (k && k < n && !is_digit((unsigned char)s[k])) {
            if (has_at(s, n, k, U8_COMMA, 3)) {
                lv = 3;
                e = k + 3;
            } else if (s[k] == '.' && !(k + 1 < n && is_digit((unsigned char)s[k + 1]))) {
                lv = 3;
                e = k + 1;
            } else if (s[k] == ')') {
                lv = 4;
                e = k + 1;
            }
        }
    }
    if (lv < 0)
        return 0;
    if (level)
        *level = lv;
    return skip_spaces(s, n, e);
}

/* Length of a date at s[i..] ("2022年", "2022年度", "2021年12月", "2016年8月3日"), or 0. */
static size_t date_len(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && is_digit((unsigned char)s[j]))
        j++;
    if (j - i != 4 || !has_at(s, n, j, "年", 3))
        return 0;
    j += 3;
    if (has_at(s, n, j, "度", 3))
        return j + 3 - i;
    size_t m = j;
    while (m < n && m - j < 2 && is_digit((unsigned char)s[m]))
        m++;
    if (m > j && has_at(s, n, m, "月", 3)) {
        j = m + 3;
        m = j;
        while (m < n && m - j < 2 && is_digit((unsigned char)s[m]))
            m++;
        if (m > j && has_at(s, n, m, "日", 3))
            j = m + 3;
    }
    return j - i;
}

/* Does s hold a figure that is not a date part or an enumerator? */
static int has_figure(const char *s, size_t n)
{
    size_t i = enum_len(s, n, NULL);
    while (i < n) {
        if (!is_digit((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (is_digit((unsigned char)s[j]) || s[j] == '.' || s[j] == ','))
            j++;
        size_t k = skip_spaces(s, n, j);
        if (!(has_at(s, n, k, "年", 3) || has_at(s, n, k, "月", 3) || has_at(s, n, k, "日", 3) ||
              has_at(s, n, k, "号", 3)))
            return 1;
        i = j;
    }
    return 0;
}

/* An aside left open ("与上年相比增加(减"): the line breaks mid-sentence. */
static int has_open_paren(const char *s, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && depth)
            depth--;
    return depth > 0;
}

/* Clause punctuation: a heading has none. */
static int has_clause_punct(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == ';' || s[i] == ':')
            return 1;
    return find(s, n, U8_PERIOD, 3) >= 0;
}

#define HEADING_MAX 120 /* bytes: a heading is short */

/* ---- pass 1: lines → logical paragraphs ------------------------------------------------ */

typedef struct seg {
    size_t off;
    long line;
} seg;

typedef struct linfo {
    const char *s; /* trimmed */
    size_t len;
    size_t indent;
    long no;
    int level;    /* enumerator level, -1 for none */
    int terminal; /* ends a sentence */
    int plain;    /* heading-shaped: short, no clause punctuation, no figure */
    int heading;
} linfo;

static int is_dash_at(const char *s, size_t n, size_t i, size_t *k)
{
    static const char *const dashes[] = {"\xE2\x80\x94", "\xE2\x94\x80", "\xE2\x80\x93",
                                         "\xE2\x80\x95", "\xE2\x80\x92"};
    if (s[i] == '-' || is_space((unsigned char)s[i])) {
        *k = 1;
        return 1;
    }
    for (size_t j = 0; j < COUNT(dashes); j++)
        if (has_at(s, n, i, dashes[j], 3)) {
            *k = 3;
            return 1;
        }
    return 0;
}

/* A page footer or page number: "— 5 —", "─ 7 ─", "- 1 -", "12", "第 3 页"
 * (brreader.h: dt_page_footer). */
static int is_footer(const char *s, size_t n)
{
    size_t i = 0, k, e = n;
    while (i < e && is_dash_at(s, e, i, &k))
        i += k;
    for (;;) {
        if (e > i && is_space((unsigned char)s[e - 1]))
            e--;
        else if (e > i && s[e - 1] == '-')
            e--;
        else if (e >= i + 3 && is_dash_at(s, e, e - 3, &k) && k == 3)
            e -= 3;
        else
            break;
    }
    if (has_at(s, e, i, "第", 3) && e >= i + 3 && has_at(s, e, e - 3, "页", 3)) {
        i += 3;
        e -= 3;
        i = skip_spaces(s, e, i);
        while (e > i && is_space((unsigned char)s[e - 1]))
            e--;
    }
    if (e == i || e - i > 4)
        return 0;
    for (size_t j = i; j < e; j++)
        if (!is_digit((unsigned char)s[j]))
            return 0;
    return 1;
}

int dt_page_footer(const char *s, size_t n, int *bare)
{
    while (n > 0 && is_space((unsigned char)s[n - 1]))
        n--;
    while (n > 0 && is_space((unsigned char)*s))
        s++, n--;
    if (!is_footer(s, n))
        return 0;
    if (bare) {
        *bare = 1;
        for (size_t j = 0; j < n; j++)
            if (!is_digit((unsigned char)s[j]))
                *bare = 0;
    }
    return 1;
}

static void line_info(const dt_line *l, linfo *o)
{
    const char *s = l->s;
    size_t n = l->len, i = 0;
    while (i < n && is_space((unsigned char)s[i]))
        i++;
    while (n > i && is_space((unsigned char)s[n - 1]))
        n--;
    o->s = s + i;
    o->len = n - i;
    o->indent = i;
    o->no = l->no;
    o->level = -1;
    o->heading = 0;
    if (!enum_len(o->s, o->len, &o->level))
        o->level = -1;
    size_t m = o->len;
    o->terminal = (m >= 3 && has_at(o->s, m, m - 3, U8_PERIOD, 3)) ||
                  (m >= 1 && (o->s[m - 1] == ';' || o->s[m - 1] == '!' || o->s[m - 1] == '?'));
    o->plain = o->len <= HEADING_MAX && !has_clause_punct(o->s, o->len) &&
               !has_figure(o->s, o->len) && !has_open_paren(o->s, o->len);
}

/* The next line at or after *i that carries text (not blank, not a footer). */
static int next_kept(const dt_lines *L, size_t *i, size_t end, linfo *o)
{
    while (*i < end) {
        const dt_line *l = &L->v[(*i)++];
        line_info(l, o);
        if (o->len && !is_footer(o->s, o->len))
            return 1;
    }
    return 0;
}

typedef struct lbuf {
    char *b;
    size_t n;
    int pending_space;
} lbuf;

/* Append text, dropping spaces unless both neighbours are ASCII ("12 34"). */
static void lb_put(lbuf *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c) || c == '\n') {
            t->pending_space = 1;
            continue;
        }
        if (t->pending_space && t->n && is_graph((unsigned char)t->b[t->n - 1]) && is_graph(c))
            t->b[t->n++] = ' ';
        t->pending_space = 0;
        t->b[t->n++] = (char)c;
    }
}

static void lb_break(lbuf *t)
{
    if (t->n && t->b[t->n - 1] != '\n')
        t->b[t->n++] = '\n';
    t->pending_space = 0;
}

/*
 * Join lines [first, end) into paragraphs (separated by '\n') in t->b, which
 * has room for the lines' bytes plus one per line.  A line continues the
 * previous one unless that one ends a sentence (and, in indented layout text,
 * the new one is indented), either is a heading, or the new one starts with
 * an enumerator.
 */
static size_t build_paragraphs(const dt_lines *L, size_t first, size_t end, lbuf *t, seg *segs)
{
    size_t i = first, nseg = 0, kept = 0, indented = 0;
    linfo prev, cur, next;

    /* Layout text (pdftotext -layout) indents paragraph starts; the reference
     * text puts one paragraph on each line. */
    for (size_t j = first; j < end; j++) {
        const dt_line *l = &L->v[j];
        size_t k = 0;
        while (k < l->len && is_space((unsigned char)l->s[k]))
            k++;
        if (k < l->len) {
            kept++;
            if (k >= 2)
                indented++;
        }
    }
    int layout = indented >= 3 && indented * 10 >= kept;

    int have_prev = 0;
    int have_cur = next_kept(L, &i, end, &cur);
    int have_next = have_cur && next_kept(L, &i, end, &next);
    while (have_cur) {
        /* a short line: centred, or enumerated and not wrapped into the next */
        cur.heading = cur.plain && (cur.indent >= 8 || (cur.level >= 0 && (!layout || !have_next ||
                                                                           next.indent >= 2 ||
                                                                           next.level >= 0)));
        if (have_prev) {
            /* in layout text an indented line starts a paragraph after a
             * sentence's end, or after a short line without clause or figure
             * (a heading wrapped over two lines: "…、培训费支" / "出预算表情况说明") */
            int starts = layout && cur.indent >= 2 && cur.indent < 8 &&
                         !is_item(cur.s, cur.len < 5 ? cur.len : 5); /* "(项)415.33 万元" */
            int hard = prev.heading || cur.heading || cur.level >= 0 ||
                       (prev.terminal && (!layout || cur.indent >= 2)) ||
                       (prev.plain && starts);
            if (hard)
                lb_break(t);
            else
                t->pending_space = 1;
        }
        segs[nseg].off = t->n;
        segs[nseg].line = cur.no;
        nseg++;
        lb_put(t, cur.s, cur.len);
        prev = cur;
        have_prev = 1;
        cur = next;
        have_cur = have_next;
        if (have_cur)
            have_next = next_kept(L, &i, end, &next);
    }
    lb_break(t);
    return nseg;
}

/* ---- pass 2: claims ------------------------------------------------------------------------ */

#define MAX_DEPTH 8
#define LEVELS 5
#define LABEL_WINDOW 240 /* bytes of clause before a figure looked at */
#define CTX_WINDOW 600   /* bytes of sentence before a figure looked at */

typedef struct claim_ref {
    int set;
    int seq;
    const char *cls;
    const char *unit;
    int idx;    /* its index among the claims this reader states */
    tbuf topic; /* its subject */
} claim_ref;

/* What is known inside one level of parentheses. */
typedef struct frame {
    size_t clause_start; /* after the last clause delimiter */
    size_t prev_clause_start, prev_clause_end; /* the clause before it, in this sentence */
    size_t claim_end;    /* after the unit of the last claim */
    int emitted;         /* a claim was made inside */
    claim_ref anchor;    /* last amount stated (no direction) */
    claim_ref change;    /* last amount change stated */
} frame;

/* A claim held until its sentence ends (see flush_sentence). */
typedef struct pending {
    tbuf label;
    const char *cls, *code, *unit;
    br_decimal value;
    br_direction dir;
    long line;
    int idx;              /* its index among the claims this reader states */
    const char *kind_cls; /* its class before scoping (what a count counts) */
} pending;

#define PENDING_MAX 32 /* claims of one sentence held back; more are passed on at once */

typedef struct nctx {
    br_narrative *narr;
    pending *pend; /* PENDING_MAX of them */
    size_t npend;
    const char *buf;
    const seg *segs;
    size_t nsegs;
    char name[256]; /* department name, for trimming labels */
    size_t name_len;
    unsigned level_section[LEVELS];
    unsigned doc_sections; /* CLAIM_DOC_KIND */
    int year;              /* the document's, from its title; 0: unknown */
    int sentence_year;     /* the year the current sentence is about, 0: none named */
    unsigned sections;
    frame fr[MAX_DEPTH];
    int depth;
    size_t para_end, sentence_start;
    const char *last_unit; /* unit of the last amount in the paragraph */
    tbuf prev_label;       /* label of the last claim, which ended at prev_end */
    size_t prev_end;
    int seq;
    int rc;
    /* how each claim stands in its sentence (br_claim_form), by index; `of`
     * holds an index too until the forms are handed over */
    br_claim_form *forms;
    size_t capforms;
    long sentence_no;    /* sentences that stated a claim, so far */
    int sentence_first;  /* index of the first claim of the current sentence */
    int budget_idx;      /* last budget figure of the paragraph (final accounts), -1 */
    int actual_idx;      /* last actual compared with a budget in the paragraph, -1 */
    int completion_of;   /* "完成预算 X 万元的 p%": the amount X is the budget of, at X, -1 */
    int list_parts;      /* amounts stated after "其中" in the sentence; -1: no 其中 */
    const char *kind_cls; /* the next claim's class before scoping, when scoping dropped it */
} nctx;

static long line_at(const nctx *c, size_t off)
{
    size_t lo = 0, hi = c->nsegs;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->segs[mid].off <= off)
            lo = mid;
        else
            hi = mid;
    }
    return c->nsegs ? c->segs[lo].line : 0;
}

/* --- labels --- */

/* Strip a leading date; *year (when not NULL and still 0) gets its year when
 * it names a year ("2021年", "2021年度"), not a point in time ("截至2021年
 * 12月31日", "2021年9月", "2021年末"). */
static int strip_year(tbuf *t, int *year)
{
    size_t k = 0;
    if (has_at(t->s, t->n, 0, "截至", 6) || has_at(t->s, t->n, 0, "截止", 6))
        k = 6;
    size_t d = date_len(t->s, t->n, k);
    if (!d)
        return 0;
    if (year && !*year && !k && (d == 7 || d == 10) && !has_at(t->s, t->n, d, "末", 3) &&
        !has_at(t->s, t->n, d, "底", 3))
        *year = atoi(t->s); /* four digits, then 年; "2021年末" is a point in time */
    tb_cut_front(t, k + d);
    return 1;
}

static int strip_name(const nctx *c, tbuf *t)
{
    /* the name, or its tail of three characters or more ("省委办公厅" for
     * "江苏省委办公厅", "区政务服务管理办公室") */
    for (size_t i = 0; c->name_len >= 9 && i + 9 <= c->name_len; i += char_at(c->name, c->name_len, i)) {
        size_t k = c->name_len - i;
        if (has_at(t->s, t->n, 0, c->name + i, k)) {
            tb_cut_front(t, k);
            return 1;
        }
    }
    return 0;
}

static int strip_lead_punct(tbuf *t)
{
    static const char *const marks[] = {U8_COMMA, U8_PERIOD, "\xE2\x80\x9D" /* ” */};
    if (!t->n)
        return 0;
    unsigned char c0 = (unsigned char)t->s[0];
    if (c0 == ',' || c0 == ':' || c0 == ';' || c0 == '.' || c0 == ')' || c0 == '!' || c0 == '?' ||
        c0 == ' ' || c0 == '-') {
        tb_cut_front(t, 1);
        return 1;
    }
    for (size_t j = 0; j < COUNT(marks); j++)
        if (has_at(t->s, t->n, 0, marks[j], 3)) {
            tb_cut_front(t, 3);
            return 1;
        }
    if (c0 == '(') { /* an aside in front: "(部门)下属" */
        int d = 0;
        for (size_t i = 0; i < t->n; i++) {
            if (t->s[i] == '(')
                d++;
            else if (t->s[i] == ')' && --d == 0) {
                tb_cut_front(t, i + 1);
                return 1;
            }
        }
        tb_cut_front(t, 1);
        return 1;
    }
    return 0;
}

static int strip_fillers(tbuf *t, int front_only)
{
    /* cuts first: "共有车辆" is a cut at "共有", not the prefix "共" */
    for (size_t j = 0; j < COUNT(trim_tab) && !front_only; j++) {
        const tagged_row *r = &trim_tab[j];
        long at;
        if (r->tag == T_CUT && (at = find(t->s, t->n, r->s, r->n)) >= 0) {
            tb_cut_front(t, (size_t)at + r->n);
            return 1;
        }
    }
    for (size_t j = 0; j < COUNT(trim_tab); j++) {
        const tagged_row *r = &trim_tab[j];
        if (r->tag == T_PREFIX && has_at(t->s, t->n, 0, r->s, r->n)) {
            tb_cut_front(t, r->n);
            return 1;
        }
    }
    return 0;
}

static void strip_tail(tbuf *t)
{
    for (int changed = 1; changed && t->n;) {
        changed = 0;
        unsigned char last = (unsigned char)t->s[t->n - 1];
        if (last == ',' || last == ':' || last == ';' || last == '(' || last == ' ' || last == '-') {
            t->n--;
            changed = 1;
        } else if (t->n >= 3 && (has_at(t->s, t->n, t->n - 3, U8_COMMA, 3) ||
                                 has_at(t->s, t->n, t->n - 3, "\xE2\x80\x9C", 3) /* “ */)) {
            t->n -= 3;
            changed = 1;
        } else {
            for (size_t j = 0; j < COUNT(trim_tab); j++) {
                const tagged_row *r = &trim_tab[j];
                if (r->tag == T_SUFFIX && r->n < t->n && has_at(t->s, t->n, t->n - r->n, r->s, r->n)) {
                    t->n -= r->n;
                    changed = 1;
                    break;
                }
            }
        }
    }
    t->s[t->n] = '\0';
}

/*
 * Who states a figure is not its subject: "江苏省政协办公厅2019年度财政拨款
 * 基本支出预算", "省检察院本年收入预算合计" → drop what precedes the date
 * or "本年" (but keep a comparison: "比2021年增加").
 */
static int strip_holder(tbuf *t)
{
    for (size_t i = 3; i < t->n && i <= 90; i += char_at(t->s, t->n, i)) {
        if (!(date_len(t->s, t->n, i) || has_at(t->s, t->n, i, "本年", 6)))
            continue;
        for (size_t j = 0; j < i; j++)
            if (is_digit((unsigned char)t->s[j]) || t->s[j] == '(' || t->s[j] == ')')
                return 0;
        for (size_t j = 0; j < COUNT(compare_tab); j++) {
            const tagged_row *r = &compare_tab[j];
            if (r->tag == C_START && r->n <= i && has_at(t->s, t->n, i - r->n, r->s, r->n))
                return 0;
        }
        if (cjk_count(t->s, i) < 2)
            return 0;
        tb_cut_front(t, i);
        return 1;
    }
    return 0;
}

/* The clause before a figure → the label it is reported under; *year (may
 * be NULL) the year it starts with, 0 for none. */
static void trim_label(const nctx *c, tbuf *t, int *year)
{
    if (year)
        *year = 0;
    for (int changed = 1; changed && t->n;) {
        int level;
        size_t e;
        changed = strip_lead_punct(t);
        if (!changed && (e = enum_len(t->s, t->n, &level)) > 0) {
            tb_cut_front(t, e);
            changed = 1;
        }
        if (!changed)
            changed = strip_name(c, t) || strip_year(t, year) || strip_fillers(t, 0) || strip_holder(t);
    }
    strip_tail(t);
}

/* Words after a count's unit, when nothing before it names it ("4 个职能科室"). */
static void after_phrase(const nctx *c, size_t from, size_t end, tbuf *t)
{
    size_t i = from, stop = from + 45 < end ? from + 45 : end;
    while (i < stop) {
        unsigned char ch = (unsigned char)c->buf[i];
        if (ch == ',' || ch == ':' || ch == ';' || ch == '(' || ch == ')' || ch == '!' || ch == '?' ||
            ch == '\n' || is_digit(ch) || has_at(c->buf, end, i, U8_COMMA, 3) ||
            has_at(c->buf, end, i, U8_PERIOD, 3))
            break;
        size_t k = char_at(c->buf, end, i);
        if (i + k > stop)
            break;
        i += k;
    }
    tb_set(t, c->buf + from, i - from);
    strip_tail(t);
}

/* The direction word of a label: the one ending last, the longer on a tie. */
static br_direction find_direction(const tbuf *lab, long *pos, size_t *len)
{
    br_direction dir = BR_DIR_NONE;
    long best_end = -1;
    *pos = -1;
    *len = 0;
    for (size_t j = 0; j < COUNT(dirs_tab); j++) {
        const dir_row *r = &dirs_tab[j];
        long from = 0, at;
        while ((at = find(lab->s + from, lab->n - (size_t)from, r->s, r->n)) >= 0) {
            long p = from + at, e = p + (long)r->n;
            if (e > best_end || (e == best_end && r->n > *len)) {
                best_end = e;
                *pos = p;
                *len = r->n;
                dir = r->dir;
            }
            from = p + 1;
        }
    }
    return dir;
}

static long find_flat(const tbuf *lab, size_t *len)
{
    long best = -1;
    for (size_t j = 0; j < COUNT(flats_tab); j++) {
        long at = find(lab->s, lab->n, flats_tab[j].s, flats_tab[j].n);
        if (at >= 0 && at >= best) {
            best = at;
            *len = flats_tab[j].n;
        }
    }
    return best;
}

/* --- topics --- */

/* Copy s[0..n) into t without parenthesised asides and quotes. */
static void copy_bare(tbuf *t, const char *s, size_t n)
{
    static const char *const quotes[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
                                         "\xE3\x80\x8A", "\xE3\x80\x8B"};
    int depth = 0;
    t->n = 0;
    for (size_t i = 0; i < n && t->n + 4 < TEXT_CAP;) {
        size_t k = char_at(s, n, i);
        int skip = 0;
        if (s[i] == '(') {
            depth++;
            skip = 1;
        } else if (s[i] == ')') {
            if (depth)
                depth--;
            skip = 1;
        } else if (s[i] == '"' || s[i] == '\'') {
            skip = 1;
        } else {
            for (size_t j = 0; j < COUNT(quotes) && !skip; j++)
                skip = has_at(s, n, i, quotes[j], 3);
        }
        if (!skip && !depth) {
            memcpy(t->s + t->n, s + i, k);
            t->n += k;
        }
        i += k;
    }
    t->s[t->n] = '\0';
}

static size_t match_tagged(const char *s, size_t n, size_t i, int tag)
{
    for (size_t j = 0; j < COUNT(compare_tab); j++)
        if (compare_tab[j].tag == tag && has_at(s, n, i, compare_tab[j].s, compare_tab[j].n))
            return compare_tab[j].n;
    return 0;
}

/* The year a comparison in t names ("比 2019 年(疫情前)决算数减少"), or 0. */
static int compared_year(const tbuf *t)
{
    for (size_t i = 0; i < t->n; i += char_at(t->s, t->n, i)) {
        size_t a = match_tagged(t->s, t->n, i, C_START);
        if (a && date_len(t->s, t->n, i + a)) {
            const char *y = t->s + i + a;
            return (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
        }
    }
    return 0;
}

/* What the comparison in t measures from (br_claim_base): the stage its
 * words name after the year ("预算执行数", "决算数", "预算") against the
 * document's own (final accounts: 决算). */
static br_claim_base compared_base(const nctx *c, const tbuf *t)
{
    static const char ACTUAL[][13] = {"执行数", "决算", "实际"};
    static const char BUDGET[] = "预算";
    for (size_t i = 0; i < t->n; i += char_at(t->s, t->n, i)) {
        size_t a = match_tagged(t->s, t->n, i, C_START);
        if (!a)
            continue;
        size_t r = match_tagged(t->s, t->n, i + a, C_REF);
        size_t d = r ? 0 : date_len(t->s, t->n, i + a);
        if (!r && !d)
            continue;
        if (d) {
            const char *y = t->s + i + a;
            int year = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
            if (c->year && year != c->year - 1)
                return BR_BASE_OTHER_YEAR;
        }
        const char *rest = t->s + i + a;
        size_t rn = t->n - i - a;
        int actual = 0, budget = find(rest, rn, BUDGET, 6) >= 0;
        for (size_t k = 0; k < sizeof ACTUAL / sizeof *ACTUAL; k++)
            actual |= find(rest, rn, ACTUAL[k], strlen(ACTUAL[k])) >= 0;
        int final = (c->doc_sections & S_FINAL) != 0;
        if ((!final && actual) || (final && budget && !actual))
            return BR_BASE_LAST_YEAR_OTHER_STAGE;
        return BR_BASE_LAST_YEAR;
    }
    return BR_BASE_NONE;
}

/* Remove comparisons: "与上年相比", "比2021年", "较去年", "比上年预算", "同比". */
static void strip_comparisons(tbuf *t)
{
    for (size_t i = 0; i < t->n;) {
        size_t k = match_tagged(t->s, t->n, i, C_WORD);
        if (k) {
            tb_cut(t, i, k);
            continue;
        }
        size_t a = match_tagged(t->s, t->n, i, C_START);
        if (a) {
            size_t r = match_tagged(t->s, t->n, i + a, C_REF);
            if (!r)
                r = date_len(t->s, t->n, i + a);
            if (r) {
                size_t e = i + a + r, tl;
                while ((tl = match_tagged(t->s, t->n, e, C_TAIL)) > 0)
                    e += tl;
                tb_cut(t, i, e - i);
                continue;
            }
        }
        i += char_at(t->s, t->n, i);
    }
}

static void clean_topic(tbuf *t, const char *s, size_t n)
{
    copy_bare(t, s, n);
    strip_comparisons(t);
    for (int changed = 1; changed && t->n;)
        changed = strip_lead_punct(t) || strip_year(t, NULL) || strip_fillers(t, 1);
    strip_tail(t);
}

/* The subject of a claim: its label before the direction word (or, when
 * nothing precedes the word, after it), without asides and comparisons. */
static void make_topic(const tbuf *lab, long dpos, size_t dlen, tbuf *topic)
{
    if (dpos < 0) {
        clean_topic(topic, lab->s, lab->n);
        return;
    }
    clean_topic(topic, lab->s, (size_t)dpos);
    if (!topic->n) { /* "增加综合管理费 209 万元", but not "减少了 …" */
        clean_topic(topic, lab->s + dpos + dlen, lab->n - (size_t)dpos - dlen);
        if (cjk_count(topic->s, topic->n) < 2)
            topic->n = 0;
        topic->s[topic->n] = '\0';
    }
}

/* --- classification --- */

static const char *func_code(const tbuf *topic)
{
    for (size_t j = 0; j < COUNT(funcs_tab); j++) {
        const func_row *f = &funcs_tab[j];
        if (!has_at(topic->s, topic->n, 0, f->s, f->n))
            continue;
        size_t rest = topic->n - f->n;
        if (!rest)
            return f->code;
        for (size_t k = 0; k < COUNT(func_suffix_tab); k++)
            if (func_suffix_tab[k].n == rest &&
                memcmp(topic->s + f->n, func_suffix_tab[k].s, rest) == 0)
                return f->code;
    }
    return NULL;
}

static const char *classify(const nctx *c, const tbuf *topic, const tbuf *lab, const char *ctx,
                            size_t ctx_n, unsigned kind, const char **code)
{
    *code = NULL;
    for (size_t j = 0; j < COUNT(rules_tab); j++) {
        const rule_row *r = &rules_tab[j];
        const char *fc = NULL;
        if (!(r->units & kind))
            continue;
        if (r->sections && !(r->sections & c->sections))
            continue;
        if (r->topic[0] == '@') {
            if (!(fc = func_code(topic)))
                continue;
        } else if (r->topic[0] && !pat_match(r->topic, topic->s, topic->n)) {
            continue;
        }
        if (r->not_label[0] && pat_match(r->not_label, lab->s, lab->n))
            continue;
        if (r->ctx[0] && !pat_match(r->ctx, ctx, ctx_n))
            continue;
        if (r->not_ctx[0] && pat_match(r->not_ctx, ctx, ctx_n))
            continue;
        *code = fc;
        return r->cls;
    }
    return NULL;
}

/*
 * Does a claim state something other than the budget year's budget figure
 * (CLAIM_SCOPE_OUT): last year's, an execution or final-account figure, or
 * a figure of another year than the document's?  `year` is the year its
 * clause or sentence starts with (0: none).
 */
static int out_of_scope(const nctx *c, const tbuf *topic, int year)
{
    if (year && c->year && year != c->year)
        return 1;
    for (size_t j = 0; j < COUNT(scope_out_tab) && topic->n; j++) {
        const section_row *r = &scope_out_tab[j];
        if (r->section && (r->section & c->sections))
            continue;
        if (pat_match(r->pattern, topic->s, topic->n))
            return 1;
    }
    return 0;
}

/* A clause without a claim that is only a year ("2021年，…"): the year the
 * rest of the sentence is about. */
static void clause_year(nctx *c, size_t s, size_t e)
{
    if (e <= s || e - s > 48)
        return;
    tbuf lab;
    int y;
    tb_set(&lab, c->buf + s, e - s);
    trim_label(c, &lab, &y);
    if (y && !lab.n)
        c->sentence_year = y;
}

static const char *change_of(const char *cls)
{
    if (!cls)
        return NULL;
    for (size_t j = 0; j < COUNT(changes_tab); j++)
        if (strcmp(changes_tab[j].level, cls) == 0)
            return changes_tab[j].change;
    return NULL;
}

static const claim_ref *nearest_anchor(const nctx *c)
{
    for (int d = c->depth; d >= 0; d--)
        if (c->fr[d].anchor.set)
            return &c->fr[d].anchor;
    return NULL;
}

/* The class of a change with no subject of its own. */
static const char *inherit_class(const nctx *c, unsigned kind)
{
    const claim_ref *a = nearest_anchor(c);
    const claim_ref *lc = &c->fr[c->depth].change;
    if (kind == U_PCT && lc->set && (!a || lc->seq > a->seq))
        return lc->cls; /* "增加 2043.58 万元，增长 10.95%" */
    return a ? change_of(a->cls) : NULL;
}

static int is_count_unit(const char *unit)
{
    for (size_t j = 0; unit && j < COUNT(units_tab); j++)
        if (units_tab[j].unit && strcmp(units_tab[j].unit, unit) == 0)
            return (units_tab[j].kind & U_COUNTS) != 0;
    return 0;
}

/*
 * The claims of a sentence, passed on when it ends.  A count class stated
 * twice in one sentence with different figures ("A 单位在职 7 名，B 单位在职
 * 10 名") counts parts — units, categories — not the department: neither
 * statement is classified.
 */
static void flush_sentence(nctx *c, int sentence_ends)
{
    if (c->npend && (c->sentence_no == 0 || c->pend[0].idx == c->sentence_first))
        c->sentence_no++; /* (a sentence of more than PENDING_MAX claims goes on) */
    for (size_t i = 0; i < c->npend; i++)
        if (c->forms && (size_t)c->pend[i].idx < c->capforms)
            c->forms[c->pend[i].idx].sentence = c->sentence_no;
    if (sentence_ends)
        c->sentence_first = c->seq;
    c->list_parts = -1;
    c->completion_of = -1;
    for (size_t i = 0; i < c->npend; i++)
        for (size_t j = i + 1; j < c->npend; j++) {
            pending *a = &c->pend[i], *b = &c->pend[j];
            if (a->kind_cls && b->kind_cls && strcmp(a->kind_cls, b->kind_cls) == 0 &&
                is_count_unit(a->unit) &&
                is_count_unit(b->unit) && dt_host->decimal_cmp(a->value, b->value) != 0)
                a->cls = b->cls = NULL;
        }
    for (size_t i = 0; i < c->npend; i++) {
        const pending *p = &c->pend[i];
        br_claim claim = {
            .label = p->label.s,
            .claim_class = p->cls,
            .code = p->code,
            .unit = p->unit,
            .value = p->value,
            .direction = p->dir,
            .line = p->line,
        };
        if (c->rc == BR_OK && c->narr)
            c->rc = dt_host->narrative_add_claim(c->narr, &claim);
    }
    c->npend = 0;
}

/* Room for the form of claim `idx`; 0 when there is none (out of memory:
 * the claims are still stated, without forms). */
static int form_room(nctx *c, int idx)
{
    if ((size_t)idx < c->capforms)
        return 1;
    size_t cap = c->capforms ? c->capforms * 2 : 64;
    br_claim_form *v = realloc(c->forms, cap * sizeof *v);
    if (!v)
        return 0;
    c->forms = v;
    c->capforms = cap;
    return 1;
}

static void emit(nctx *c, const tbuf *lab, const char *cls, const char *code, const char *unit,
                 br_decimal value, br_direction dir, long line, const br_claim_form *form)
{
    if (c->npend == PENDING_MAX)
        flush_sentence(c, 0);
    if (form_room(c, c->seq))
        c->forms[c->seq] = *form;
    pending *p = &c->pend[c->npend++];
    p->idx = c->seq;
    p->label = *lab;
    p->cls = cls;
    p->kind_cls = c->kind_cls ? c->kind_cls : cls;
    c->kind_cls = NULL;
    p->code = code;
    p->unit = unit;
    p->value = value;
    p->dir = dir;
    p->line = line;
    c->seq++;
}

static size_t label_start(const nctx *c, size_t fs)
{
    const frame *f = &c->fr[c->depth];
    size_t ls = f->clause_start > f->claim_end ? f->clause_start : f->claim_end;
    if (ls > fs)
        ls = fs;
    if (fs - ls > LABEL_WINDOW)
        ls = boundary(c->buf, fs, fs - LABEL_WINDOW);
    return ls;
}

/*
 * The class of a change with no subject of its own whose clause follows one
 * that names a subject without a figure ("项目支出增加，较上一年度增加
 * 1133.95 万元"): that subject's change, or NULL.
 */
static const char *prev_clause_class(const nctx *c, unsigned kind)
{
    const frame *f = &c->fr[c->depth];
    size_t s = f->prev_clause_start, e = f->prev_clause_end;
    if (e <= s || s < c->sentence_start || f->claim_end > s || is_item(c->buf + s, e - s))
        return NULL;
    tbuf lab, topic;
    tb_set(&lab, c->buf + s, e - s);
    int year;
    trim_label(c, &lab, &year);
    long dpos;
    size_t dlen;
    find_direction(&lab, &dpos, &dlen);
    make_topic(&lab, dpos, dlen, &topic);
    if (!topic.n || out_of_scope(c, &topic, year ? year : c->sentence_year))
        return NULL;
    const char *code;
    return change_of(classify(c, &topic, &lab, c->buf + s, e - s, kind, &code));
}

/* --- the place of a figure in its sentence (br_claim_form) --- */

static int fits_any(const char *const *tab, size_t n, const char *s, size_t sn)
{
    for (size_t j = 0; j < n; j++)
        if (pat_match(tab[j], s, sn))
            return 1;
    return 0;
}

/* May a claim with subject `topic` be said of `ref` — it names no subject
 * of its own, or the same one? */
static int said_of(const claim_ref *ref, const tbuf *topic)
{
    return ref && ref->set &&
           (!topic->n || (topic->n == ref->topic.n && memcmp(topic->s, ref->topic.s, topic->n) == 0));
}

/* The whole a share names: the words after "占" up to "的" ("占本年支出合计
 * 的" → 本年支出合计), classified like a money figure; NULL when none. */
static const char *share_base(const nctx *c, const tbuf *lab)
{
    long at = find(lab->s, lab->n, "\xE5\x8D\xA0", 3); /* 占 */
    if (at < 0)
        return NULL;
    size_t from = (size_t)at + 3, to = lab->n;
    long de = find(lab->s + from, to - from, "\xE7\x9A\x84", 3); /* 的 */
    if (de >= 0)
        to = from + (size_t)de;
    if (to <= from)
        return NULL;
    tbuf words, topic;
    tb_set(&words, lab->s + from, to - from);
    clean_topic(&topic, words.s, words.n);
    if (!topic.n)
        return NULL;
    const char *code;
    return classify(c, &topic, &words, words.s, words.n, U_MONEY, &code);
}

/* Does the clause s[0..n) open a list of parts ("其中")? */
static int has_list_word(const char *s, size_t n)
{
    return find(s, n, "\xE5\x85\xB6\xE4\xB8\xAD", 6) >= 0; /* 其中 */
}

/* The form of a figure about to be claim c->seq (see br_claim_form). */
static br_claim_form place_figure(nctx *c, const unit_row *u, br_direction dir, const tbuf *lab,
                                  const tbuf *topic)
{
    br_claim_form form = {0, BR_CLAIM_UNKNOWN, -1, NULL, BR_DIR_NONE, 0, BR_BASE_NONE};
    const frame *f = &c->fr[c->depth];
    const claim_ref *a = nearest_anchor(c);
    int in_sentence = a && a->idx >= c->sentence_first;
    if (u->kind == U_MONEY && dir == BR_DIR_NONE &&
        fits_any(completions_tab, COUNT(completions_tab), lab->s, lab->n)) {
        /* "支出决算为 27.46 万元，完成预算 29.6 万元的 92.8%": the budget of
         * the amount just before it */
        form.role = BR_CLAIM_BUDGET;
        if (a && a->idx == c->seq - 1 && in_sentence && (size_t)a->idx < c->capforms &&
            c->forms[a->idx].role == BR_CLAIM_AMOUNT && c->forms[a->idx].of < 0) {
            c->forms[a->idx].of = c->seq;
            c->completion_of = a->idx;
        }
    } else if (u->kind == U_MONEY && dir == BR_DIR_NONE &&
               fits_any(previous_tab, COUNT(previous_tab), lab->s, lab->n)) {
        form.role = BR_CLAIM_PREVIOUS; /* "较 2024 年的 2190 万元" */
    } else if (u->kind == U_MONEY && dir == BR_DIR_NONE) {
        if ((c->sections & S_FINAL) &&
            fits_any(budget_refs_tab, COUNT(budget_refs_tab), topic->s, topic->n)) {
            form.role = BR_CLAIM_BUDGET;
            c->budget_idx = c->seq;
        } else {
            form.role = BR_CLAIM_AMOUNT;
            if (c->budget_idx >= 0 && c->budget_idx == c->seq - 1 &&
                c->budget_idx >= c->sentence_first) {
                form.of = c->budget_idx; /* "年初预算为 …，支出决算为 …" */
                c->actual_idx = c->seq;
            }
        }
    } else if (u->kind == U_MONEY) {
        form.role = BR_CLAIM_CHANGE;
        /* after "其中" and two parts or more, a change naming no subject may
         * be the whole's or the last part's: said of none */
        if (said_of(a, topic) && (topic->n || c->list_parts < 2))
            form.of = a->idx;
    } else if (u->kind == U_PCT && dir != BR_DIR_NONE) {
        form.role = BR_CLAIM_RATE;
        const claim_ref *lc = &f->change;
        if (lc->set && (!a || lc->seq > a->seq) && said_of(lc, topic))
            form.of = lc->idx; /* "增加 2043.58 万元，增长 10.95%" */
        else if (said_of(a, topic) && (topic->n || c->list_parts < 2))
            form.of = a->idx; /* "3000 万元，增长 10.95%" */
    } else if (u->kind == U_PCT && c->completion_of >= 0 && c->completion_of == c->seq - 2) {
        form.role = BR_CLAIM_COMPLETION; /* "完成预算 29.6 万元的 92.8%" */
        form.of = c->completion_of;
    } else if (u->kind == U_PCT && fits_any(completions_tab, COUNT(completions_tab), lab->s, lab->n)) {
        form.role = BR_CLAIM_COMPLETION;
        if (in_sentence || (a && a->idx == c->seq - 1))
            form.of = a->idx; /* "支出决算为 0.88 万元。完成年初预算的 100.00%" */
    } else if (u->kind == U_PCT && fits_any(shares_tab, COUNT(shares_tab), lab->s, lab->n)) {
        form.role = BR_CLAIM_SHARE;
        form.base_class = share_base(c, lab);
        if (in_sentence)
            form.of = a->idx;
    } else if (u->kind & U_COUNTS) {
        form.role = BR_CLAIM_AMOUNT;
    }
    return form;
}

/* A figure s[fs..fe) with its unit word ending at ue. */
static void figure_claim(nctx *c, size_t fs, size_t fe, size_t ue, const unit_row *u)
{
    frame *f = &c->fr[c->depth];
    br_decimal value;
    if (dt_host->decimal_parse(c->buf + fs, fe - fs, &value) != BR_OK)
        return;

    tbuf lab, topic;
    size_t ls = label_start(c, fs);
    int item = is_item(c->buf + ls, fs - ls);
    tb_set(&lab, c->buf + ls, fs - ls);
    int year;
    trim_label(c, &lab, &year);
    if (year)
        c->sentence_year = year;
    long dpos;
    size_t dlen;
    br_direction dir = find_direction(&lab, &dpos, &dlen);
    if (!lab.n && c->prev_label.n && ls == f->claim_end && ls == c->prev_end)
        lab = c->prev_label; /* "在建工程 1 项 12277.73 万元": the same subject */
    else if (!lab.n && (u->kind & U_COUNTS))
        after_phrase(c, ue, c->para_end, &lab);
    make_topic(&lab, dpos, dlen, &topic);

    unsigned kind = (unsigned)u->kind;
    if (kind == U_PCT && dir != BR_DIR_NONE)
        kind = U_MONEY; /* "增长 5.2%" is classified like the amount it describes */
    size_t cs = c->sentence_start;
    if (ue - cs > CTX_WINDOW)
        cs = boundary(c->buf, ue, ue - CTX_WINDOW);

    const char *cls = NULL, *code = NULL;
    int subject_before = 0; /* "项目支出增加，较上年增加 …": its subject is the clause before */
    if (item) {
        /* one 款/项: not what the rules classify */
    } else if (!topic.n) {
        if (dir != BR_DIR_NONE && !(subject_before = (cls = prev_clause_class(c, kind)) != NULL))
            cls = inherit_class(c, (unsigned)u->kind);
    } else if (u->kind != U_PCT || dir != BR_DIR_NONE) {
        cls = classify(c, &topic, &lab, c->buf + cs, ue - cs, kind, &code);
        if (dir != BR_DIR_NONE) {
            cls = change_of(cls);
            code = NULL;
        }
    }
    if (cls && out_of_scope(c, &topic, c->sentence_year)) {
        c->kind_cls = cls;
        cls = code = NULL; /* last year's, or what was spent: not the budget's */
    }
    int base_year = dir != BR_DIR_NONE ? compared_year(&lab) : 0;
    if (cls && base_year && c->year && base_year != c->year - 1)
        cls = code = NULL; /* a change on another year than the last: another statement */
    int idx = c->seq;
    if (c->list_parts < 0 && has_list_word(c->buf + c->sentence_start, fs - c->sentence_start))
        c->list_parts = 0; /* "…，其中：基本支出 …" */
    br_claim_form form = place_figure(c, u, dir, &lab, &topic);
    if (subject_before)
        form.of = -1;
    if (dir != BR_DIR_NONE)
        form.compared = compared_base(c, &lab);
    if (form.role == BR_CLAIM_AMOUNT && c->list_parts >= 0)
        c->list_parts++;
    emit(c, &lab, cls, code, u->unit, value, dir, line_at(c, fs), &form);

    f->claim_end = ue;
    f->emitted = 1;
    c->prev_label = lab;
    c->prev_end = ue;
    if (u->kind == U_MONEY) {
        claim_ref r = {1, c->seq, cls, u->unit, idx, topic};
        if (dir == BR_DIR_NONE && (form.role == BR_CLAIM_BUDGET || form.role == BR_CLAIM_PREVIOUS))
            ; /* a budget, a base of comparison: no change that follows is of it */
        else if (dir == BR_DIR_NONE)
            f->anchor = r;
        else
            f->change = r;
        c->last_unit = u->unit;
    }
}

/*
 * A clause comparing a final account's actual with its budget ("决算数小于预
 * 算数的主要原因", CLAIM_VERSUS): said of the paragraph's last actual that
 * follows its budget.  1 when the clause is one (whether or not there is
 * such an actual: it states no figure of its own).
 */
static int versus_clause(nctx *c, const tbuf *lab, size_t ls)
{
    static const char FINAL[] = "\xE5\x86\xB3\xE7\xAE\x97", BUDGET[] = "\xE9\xA2\x84\xE7\xAE\x97";
    if (!(c->sections & S_FINAL))
        return 0;
    for (size_t j = 0; j < COUNT(versus_tab); j++) {
        const dir_row *r = &versus_tab[j];
        long w = find(lab->s, lab->n, r->s, r->n);
        if (w < 0)
            continue;
        size_t we = (size_t)w + r->n;
        long fb = find(lab->s, (size_t)w, FINAL, 6), bb = find(lab->s, (size_t)w, BUDGET, 6);
        long fa = find(lab->s + we, lab->n - we, FINAL, 6), ba = find(lab->s + we, lab->n - we, BUDGET, 6);
        br_direction dir = BR_DIR_NONE;
        if (r->dir == BR_DIR_FLAT)
            dir = (fb >= 0 || fa >= 0) && (bb >= 0 || ba >= 0) ? BR_DIR_FLAT : BR_DIR_NONE;
        else if (fb >= 0 && ba >= 0 && (bb < 0 || bb < fb))
            dir = r->dir; /* 决算数小于预算数 */
        else if (bb >= 0 && fa >= 0)
            dir = r->dir == BR_DIR_INCREASE ? BR_DIR_DECREASE : BR_DIR_INCREASE;
        if (dir == BR_DIR_NONE)
            continue;
        if (c->actual_idx >= 0 && (size_t)c->actual_idx < c->capforms && c->forms) {
            c->forms[c->actual_idx].versus = dir;
            c->forms[c->actual_idx].versus_line = line_at(c, ls + (size_t)w);
        }
        return 1;
    }
    return 0;
}

/*
 * A clause without a figure that says "unchanged" ("与 2021 年持平") is a
 * claim of value 0 about the figure it follows, in that figure's unit.
 */
static void flush_clause(nctx *c, size_t end)
{
    frame *f = &c->fr[c->depth];
    size_t ls = f->clause_start > f->claim_end ? f->clause_start : f->claim_end;
    if (ls >= end)
        return;
    if (end - ls > LABEL_WINDOW)
        ls = boundary(c->buf, end, end - LABEL_WINDOW);

    tbuf lab, topic;
    size_t flen = 0;
    tb_set(&lab, c->buf + ls, end - ls);
    if (versus_clause(c, &lab, ls))
        return;
    long fpos = find_flat(&lab, &flen);
    if (fpos < 0)
        return;
    long line = line_at(c, ls + (size_t)fpos);
    int year;
    trim_label(c, &lab, &year);
    if ((fpos = find_flat(&lab, &flen)) < 0)
        return;
    const claim_ref *a = nearest_anchor(c);
    const char *unit = a ? a->unit : c->last_unit;
    if (!unit)
        return; /* nothing stated before it: no unit to speak of */

    make_topic(&lab, fpos, flen, &topic);
    const char *cls = NULL, *code = NULL;
    if (is_item(c->buf + ls, end - ls)) {
        /* one 款/项 */
    } else if (!topic.n) {
        cls = a ? change_of(a->cls) : NULL;
    } else {
        size_t cs = c->sentence_start;
        if (end - cs > CTX_WINDOW)
            cs = boundary(c->buf, end, end - CTX_WINDOW);
        cls = change_of(classify(c, &topic, &lab, c->buf + cs, end - cs, U_MONEY, &code));
    }
    if (cls && out_of_scope(c, &topic, year ? year : c->sentence_year))
        cls = NULL;
    br_decimal zero = {0, 0};
    br_claim_form form = {0, BR_CLAIM_CHANGE, -1, NULL, BR_DIR_NONE, 0, compared_base(c, &lab)};
    if (said_of(a, &topic))
        form.of = a->idx; /* "与上年持平": of the amount before it */
    emit(c, &lab, cls, NULL, unit, zero, BR_DIR_FLAT, line, &form);
    f->claim_end = end;
    f->emitted = 1;
}

static int is_open(const char *b, size_t n, size_t i)
{
    return b[i] == '(' || has_at(b, n, i, "\xE3\x80\x8A", 3) /* 《 */ ||
           has_at(b, n, i, "\xE3\x80\x94", 3) /* 〔 */ || has_at(b, n, i, "\xE3\x80\x90", 3) /* 【 */;
}

static int is_close(const char *b, size_t n, size_t i)
{
    return b[i] == ')' || has_at(b, n, i, "\xE3\x80\x8B", 3) /* 》 */ ||
           has_at(b, n, i, "\xE3\x80\x95", 3) /* 〕 */ || has_at(b, n, i, "\xE3\x80\x91", 3) /* 】 */;
}

static void push_frame(nctx *c, size_t at, int *overflow)
{
    if (c->depth + 1 >= MAX_DEPTH) {
        (*overflow)++;
        return;
    }
    frame *f = &c->fr[++c->depth];
    memset(f, 0, sizeof *f);
    f->clause_start = f->claim_end = at;
}

static void pop_frame(nctx *c, size_t at, size_t after, int *overflow)
{
    if (*overflow) {
        (*overflow)--;
        return;
    }
    if (c->depth == 0)
        return; /* a stray ")" */
    flush_clause(c, at);
    int emitted = c->fr[c->depth].emitted;
    c->depth--;
    if (emitted) { /* "35 名(其中…20 名,…15 名)": what follows is not about the aside */
        c->fr[c->depth].claim_end = after;
        c->fr[c->depth].emitted = 1;
    }
}

/* A figure at buf[i]: a claim when a unit word follows.  Returns where to go on. */
static size_t try_figure(nctx *c, size_t i, size_t ps, size_t pe)
{
    const char *b = c->buf;
    size_t j = i;
    while (j < pe && is_digit((unsigned char)b[j]))
        j++;
    int reject = 0;
    if (i > ps) {
        unsigned char p = (unsigned char)b[i - 1];
        if (is_alpha(p) || p == '.' || p == '_' || p == '/' || p == '#')
            reject = 1; /* "W060701", "PM2.5" */
        if (p == '-' && i >= ps + 2 && is_digit((unsigned char)b[i - 2]))
            reject = 1; /* "023-44578028", "2017-2019" */
    }
    if (i >= ps + 3 && has_at(b, pe, i - 3, "第", 3))
        reject = 1; /* an ordinal */
    if (j - i <= 3) /* thousands separators: "1,212.12" */
        while (j + 4 <= pe && b[j] == ',' && is_digit((unsigned char)b[j + 1]) &&
               is_digit((unsigned char)b[j + 2]) && is_digit((unsigned char)b[j + 3]) &&
               !(j + 4 < pe && is_digit((unsigned char)b[j + 4])))
            j += 4;
    if (j + 1 < pe && b[j] == '.' && is_digit((unsigned char)b[j + 1]))
        for (j++; j < pe && is_digit((unsigned char)b[j]);)
            j++;
    size_t fe = j;
    if (reject)
        return fe;
    if (fe < pe) {
        unsigned char nx = (unsigned char)b[fe];
        if (is_alpha(nx))
            return fe;
        if ((nx == '.' || nx == '-' || nx == '/' || nx == ':') && fe + 1 < pe &&
            is_digit((unsigned char)b[fe + 1]))
            return fe; /* "1.2.3", "3-5", "1/3", "12:30" */
    }
    size_t k = fe;
    if (k < pe && b[k] == ' ')
        k++;
    if (has_at(b, pe, k, "余", 3) || has_at(b, pe, k, "多", 3))
        k += 3;
    for (size_t r = 0; r < COUNT(units_tab); r++) {
        const unit_row *u = &units_tab[r];
        if (!has_at(b, pe, k, u->s, u->n))
            continue;
        if (u->kind == U_NONE)
            return fe;
        figure_claim(c, i, fe, k + u->n, u);
        return k + u->n;
    }
    return fe;
}

/* The heading words of a paragraph choose its section (CLAIM_SECTION). */
static void set_heading(nctx *c, int level, const char *s, size_t n)
{
    size_t e = 0;
    while (e < n && e < HEADING_MAX) {
        if (s[e] == ',' || s[e] == ';' || s[e] == ':' || has_at(s, n, e, U8_PERIOD, 3))
            break;
        e += char_at(s, n, e);
    }
    unsigned sec = S_NONE;
    for (size_t j = 0; j < COUNT(sections_tab); j++)
        if (pat_match(sections_tab[j].pattern, s, e)) {
            sec = sections_tab[j].section;
            break;
        }
    c->level_section[level] = sec;
    /* a comparison with the budget ("决算数小于预算数", often a paragraph of
     * its own) is of the last actual under the same heading */
    c->budget_idx = c->actual_idx = c->completion_of = -1;
    c->sections = 0;
    for (int k = 0; k < LEVELS; k++) {
        if (k > level)
            c->level_section[k] = S_NONE;
        c->sections |= c->level_section[k];
    }
    if (c->sections & S_ITEM)
        c->sections = S_ITEM;
    c->sections |= c->doc_sections;
}

static void scan_paragraph(nctx *c, size_t ps, size_t pe)
{
    const char *b = c->buf;
    int level, overflow = 0;

    c->para_end = pe;
    c->depth = 0;
    memset(&c->fr[0], 0, sizeof c->fr[0]);
    c->fr[0].clause_start = c->fr[0].claim_end = ps;
    c->sentence_start = ps;
    c->sentence_year = 0;
    c->last_unit = NULL;
    c->sentence_first = c->seq;

    size_t el = enum_len(b + ps, pe - ps, &level);
    if (el)
        set_heading(c, level, b + ps + el, pe - ps - el);
    else if (pe - ps <= HEADING_MAX && !has_clause_punct(b + ps, pe - ps) &&
             !has_figure(b + ps, pe - ps))
        set_heading(c, 0, b + ps, pe - ps); /* a title or a heading on its own */

    for (size_t i = ps; i < pe && c->rc == BR_OK;) {
        unsigned char ch = (unsigned char)b[i];
        if (is_digit(ch)) {
            i = try_figure(c, i, ps, pe);
            continue;
        }
        size_t k = char_at(b, pe, i);
        if (is_open(b, pe, i)) {
            push_frame(c, i + k, &overflow);
        } else if (is_close(b, pe, i)) {
            pop_frame(c, i, i + k, &overflow);
        } else if (ch == ',' || ch == ':') {
            flush_clause(c, i);
            frame *f = &c->fr[c->depth];
            if (f->claim_end <= f->clause_start)
                clause_year(c, f->clause_start, i);
            f->prev_clause_start = f->clause_start;
            f->prev_clause_end = i;
            f->clause_start = i + k;
        } else if (ch == ';' || ch == '!' || ch == '?' || has_at(b, pe, i, U8_PERIOD, 3)) {
            flush_clause(c, i);
            frame *f = &c->fr[c->depth];
            f->prev_clause_start = f->prev_clause_end = 0;
            f->clause_start = i + k;
            c->sentence_start = i + k;
            c->sentence_year = 0;
            c->list_parts = -1;
            flush_sentence(c, 1);
        }
        i += k;
    }
    overflow = 0;
    while (c->depth > 0)
        pop_frame(c, pe, pe, &overflow);
    flush_clause(c, pe);
    flush_sentence(c, 1);
}

/* ---- metadata: department name and year --------------------------------------------------- */

/* Append s[0..n) without whitespace. */
static void squeeze_into(tbuf *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n && t->n + 4 < TEXT_CAP;) {
        size_t k = char_at(s, n, i);
        if (!is_space((unsigned char)s[i])) {
            memcpy(t->s + t->n, s + i, k);
            t->n += k;
        }
        i += k;
    }
    t->s[t->n] = '\0';
}

/* "2022年" in t: the year and where it starts and ends ("年度" included). */
static int find_year(const tbuf *t, size_t *at, size_t *after)
{
    for (size_t i = 0; i + 4 <= t->n; i++) {
        if (i > 0 && is_digit((unsigned char)t->s[i - 1]))
            continue;
        const char *p = t->s + i;
        if (!((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')) || !is_digit((unsigned char)p[2]) ||
            !is_digit((unsigned char)p[3]) || !has_at(t->s, t->n, i + 4, "年", 3))
            continue;
        *at = i;
        *after = i + 7 + (has_at(t->s, t->n, i + 7, "度", 3) ? 3 : 0);
        return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    }
    return 0;
}

static void trim_name(tbuf *t)
{
    while (t->n && (t->s[t->n - 1] == ':' || t->s[t->n - 1] == ',' || t->s[t->n - 1] == '-'))
        t->n--;
    while (t->n && (t->s[0] == ':' || t->s[0] == ',' || t->s[0] == '-'))
        tb_cut_front(t, 1);
    t->s[t->n] = '\0';
}

static int has_title_end(const tbuf *t, size_t from)
{
    for (size_t j = 0; j < COUNT(title_end_tab); j++)
        if (find(t->s + from, t->n - from, title_end_tab[j].s, title_end_tab[j].n) >= 0)
            return 1;
    return 0;
}

/*
 * The title: the first lines up to the one with the year ("重庆市…办公室 2022
 * 年部门预算情况说明", "江苏省人大常委会办公厅 / 2019年度部门预算公开",
 * "2017 年度江苏省高级人民法院部门预算公开").  A "预算主管部门：…" line
 * near the top names the department outright.
 */
static int read_title(nctx *c, br_disclosure *doc, const dt_lines *L, size_t first, size_t end)
{
    tbuf title = {.n = 0}, name = {.n = 0}, line;
    linfo li;
    size_t i = first, ypos = 0, yend = 0;
    int year = 0;
    title.s[0] = '\0';
    for (int taken = 0; taken < 4 && next_kept(L, &i, end, &li); taken++) {
        line.n = 0;
        squeeze_into(&line, li.s, li.len);
        if (li.level >= 0 || !li.plain || strcmp(line.s, "目录") == 0)
            break; /* a heading, prose, the table of contents: the title is over */
        squeeze_into(&title, line.s, line.n);
        if (!year)
            year = find_year(&title, &ypos, &yend);
        if (year && has_title_end(&title, yend)) /* else "社会工作部 2024 年度 / 部门决算" */
            break;
    }
    if (year && !has_title_end(&title, 0))
        year = 0; /* not a disclosure title */
    if (year) {
        tb_set(&name, title.s, ypos);
        trim_name(&name);
        if (cjk_count(name.s, name.n) < 2) { /* the year comes first */
            size_t stop = title.n;
            for (size_t j = 0; j < COUNT(title_end_tab); j++) {
                long at = find(title.s + yend, title.n - yend, title_end_tab[j].s, title_end_tab[j].n);
                if (at >= 0 && yend + (size_t)at < stop)
                    stop = yend + (size_t)at;
            }
            tb_set(&name, title.s + yend, stop - yend);
            trim_name(&name);
        }
        if (cjk_count(name.s, name.n) < 2)
            name.n = 0;
    }

    i = first;
    for (int seen = 0; seen < 15 && next_kept(L, &i, end, &li); seen++) {
        for (size_t j = 0; j < COUNT(name_field_tab); j++) {
            const word_row *w = &name_field_tab[j];
            if (!has_at(li.s, li.len, 0, w->s, w->n))
                continue;
            size_t k = skip_spaces(li.s, li.len, w->n);
            if (k >= li.len || li.s[k] != ':')
                continue;
            k = skip_spaces(li.s, li.len, k + 1);
            size_t e = k;
            while (e < li.len && !(is_space((unsigned char)li.s[e]) && e + 1 < li.len &&
                                   is_space((unsigned char)li.s[e + 1])))
                e++;
            line.n = 0;
            squeeze_into(&line, li.s + k, e - k);
            if (cjk_count(line.s, line.n) >= 2) {
                name = line;
                seen = 15;
                break;
            }
        }
    }

    for (size_t j = 0; j < COUNT(doc_kinds_tab); j++)
        if (pat_match(doc_kinds_tab[j].pattern, title.s, title.n))
            c->doc_sections |= doc_kinds_tab[j].section;
    c->sections = c->doc_sections;

    int rc = BR_OK;
    if (name.n) {
        name.s[name.n] = '\0';
        rc = dt_host->doc_set_department(doc, name.s, NULL);
        if (name.n < sizeof c->name) {
            memcpy(c->name, name.s, name.n + 1);
            c->name_len = name.n;
        }
    }
    if (rc == BR_OK && year >= 1990 && year <= 2100) {
        rc = dt_host->doc_set_year(doc, year);
        c->year = year;
    }
    return rc;
}

/* ---- entry ------------------------------------------------------------------------------------- */

static int fail(br_error *err, int code, const char *path, const char *msg)
{
    if (err) {
        err->code = code;
        err->line = 0;
        snprintf(err->file, sizeof err->file, "%s", path ? path : "");
        snprintf(err->message, sizeof err->message, "%s", msg);
    }
    return code;
}

/* The forms of the claims read (nctx.forms), their links made claim indexes
 * of the narrative (claims before `base` were there before this reader). */
static int hand_over_forms(nctx *c, br_narrative *narr, size_t base)
{
    if (!c->forms || !BR_HOST_HAS(dt_host, narrative_set_claim_form))
        return BR_OK;
    size_t n = dt_host->narrative_claim_count(narr);
    for (int i = 0; i < c->seq && (size_t)i < c->capforms && base + (size_t)i < n; i++) {
        br_claim_form f = c->forms[i];
        if (f.of >= 0)
            f.of += (long)base;
        int rc = dt_host->narrative_set_claim_form(narr, base + (size_t)i, &f);
        if (rc != BR_OK)
            return rc;
    }
    return BR_OK;
}

#define GAP_MAX 100000 /* lines: a larger jump is not kept as blank lines */

/* Input lines left out between narrative lines i-1 and i. */
static size_t gap_before(const dt_lines *L, size_t first, size_t i)
{
    if (i == first || L->v[i].no <= L->v[i - 1].no + 1 || L->v[i].no - L->v[i - 1].no > GAP_MAX)
        return 0;
    return (size_t)(L->v[i].no - L->v[i - 1].no - 1);
}

int dt_read_narrative(br_disclosure *doc, const dt_lines *lines, size_t first, size_t end,
                      const char *path, br_error *err)
{
    if (!doc || !lines)
        return fail(err, BR_ERR_ARG, path, "narrative: no document or lines");
    if (end > lines->n)
        end = lines->n;
    if (first >= end)
        return BR_OK;

    /* lines a reader left out (a layout's tables) stay as blank lines, so
     * that line k of the text is input line first + k */
    size_t total = 0;
    for (size_t i = first; i < end; i++)
        total += lines->v[i].len + 1 + gap_before(lines, first, i);
    char *text = malloc(total + 2);
    seg *segs = malloc((end - first) * sizeof *segs);
    pending *pend = malloc(PENDING_MAX * sizeof *pend);
    if (!text || !segs || !pend) {
        free(text);
        free(segs);
        free(pend);
        return fail(err, BR_ERR_NOMEM, path, "narrative: out of memory");
    }

    /* the narrative as printed, one input line per line (the segments a
     * form feed cuts a line into stay on it) */
    size_t n = 0;
    for (size_t i = first; i < end; i++) {
        if (i > first && lines->v[i].no <= lines->v[i - 1].no) {
            if (lines->v[i].len && lines->v[i - 1].len)
                text[n++] = ' ';
        } else if (i > first) {
            for (size_t g = gap_before(lines, first, i) + 1; g; g--)
                text[n++] = '\n';
        }
        memcpy(text + n, lines->v[i].s, lines->v[i].len);
        n += lines->v[i].len;
    }
    br_narrative *narr = dt_host->doc_narrative(doc);
    int rc = BR_OK;
    if (narr)
        rc = dt_host->narrative_set_text(narr, text, n, lines->v[first].no);

    nctx ctx;
    nctx *c = &ctx;
    memset(c, 0, sizeof *c);
    c->pend = pend;
    c->budget_idx = c->actual_idx = c->completion_of = -1;
    c->list_parts = -1;
    if (rc == BR_OK)
        rc = read_title(c, doc, lines, first, end);

    if (rc == BR_OK) {
        /* the same buffer again, now for the logical paragraphs */
        lbuf t = {text, 0, 0};
        c->nsegs = build_paragraphs(lines, first, end, &t, segs);
        c->buf = text;
        c->segs = segs;
        c->narr = narr;
        size_t base = narr ? dt_host->narrative_claim_count(narr) : 0;
        for (size_t ps = 0; ps < t.n && c->rc == BR_OK;) {
            const char *nl = memchr(text + ps, '\n', t.n - ps);
            size_t pe = nl ? (size_t)(nl - text) : t.n;
            scan_paragraph(c, ps, pe);
            ps = pe + 1;
        }
        rc = c->rc;
        if (rc == BR_OK && narr)
            rc = hand_over_forms(c, narr, base);
    }
    free(c->forms);
    free(text);
    free(segs);
    free(pend);
    if (rc != BR_OK)
        return fail(err, rc, path, rc == BR_ERR_NOMEM ? "narrative: out of memory"
                                                      : "narrative: could not record the narrative");
    return BR_OK;
}
