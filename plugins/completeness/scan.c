/*
 * scan.c — the vocabulary of standard.def, and one pass over the narrative
 * for statements that a table is empty ("未使用政府性基金预算拨款安排的支出",
 * "本表无数据") and references to tables ("详见附表 5").
 *
 * The narrative is cut into sentences at 。 ; ! ? only: extracted text breaks
 * lines (even with blank lines) inside sentences.  Markers must sit close to
 * the subject (a few characters, no comma between), except the "empty table"
 * wording, which may stand anywhere in the sentence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compl.h"

const cp_table_def cp_tables[] = {
#define CP_TABLE(kind, name, since, when) {BR_KIND_##kind, name, since, CP_##when},
#include "standard.def"
};
const size_t cp_n_tables = sizeof cp_tables / sizeof *cp_tables;

const cp_subject cp_subjects[] = {
#define CP_SUBJECT(kind, also, role, word, flags)                                                 \
    {BR_KIND_##kind, BR_KIND_##also, BR_ROLE_##role, word, flags},
#include "standard.def"
};
const size_t cp_n_subjects = sizeof cp_subjects / sizeof *cp_subjects;

static const char *const empty_before[] = {
#define CP_EMPTY_BEFORE(word) word,
#include "standard.def"
};
static const char *const empty_after[] = {
#define CP_EMPTY_AFTER(word) word,
#include "standard.def"
};
static const char *const empty_table[] = {
#define CP_EMPTY_TABLE(word) word,
#include "standard.def"
};
static const char *const references[] = {
#define CP_REFERENCE(word) word,
#include "standard.def"
};
static const char *const ambiguous[] = {
#define CP_AMBIGUOUS(word) word,
#include "standard.def"
};

#define COUNT(a) (sizeof a / sizeof *a)
#define NEAR 18 /* bytes: six CJK characters */

/* First occurrence of `w` in [s, e), or NULL. */
static const char *find(const char *s, const char *e, const char *w)
{
    size_t wl = strlen(w);
    for (const char *p = s; p + wl <= e; p++)
        if (*p == *w && memcmp(p, w, wl) == 0)
            return p;
    return NULL;
}

static int any_in(const char *s, const char *e, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (find(s, e, words[i]))
            return 1;
    return 0;
}

/* A clause break in [s, e). */
static int has_break(const char *s, const char *e)
{
    for (const char *p = s; p < e; p++)
        if (*p == ',' || *p == ':')
            return 1;
    return 0;
}

int cp_ambiguous(const char *s)
{
    return s && any_in(s, s + strlen(s), ambiguous, COUNT(ambiguous));
}

/* The subject at [k, k+wl) of sentence [s, e) is said to be empty, by a
 * marker close to it or (`table_marker`) by empty-table wording anywhere. */
static int said_empty(const char *s, const char *e, const char *k, size_t wl, int table_marker)
{
    for (size_t i = 0; i < COUNT(empty_before); i++) {
        size_t ml = strlen(empty_before[i]);
        const char *from = k - s > (long)(NEAR + ml) ? k - NEAR - ml : s;
        for (const char *q = find(from, k, empty_before[i]); q; q = find(q + 1, k, empty_before[i]))
            if (!has_break(q + ml, k))
                return 1;
    }
    const char *after = k + wl;
    for (size_t i = 0; i < COUNT(empty_after); i++) {
        size_t ml = strlen(empty_after[i]);
        const char *to = e - after > (long)(NEAR + ml) ? after + NEAR + ml : e;
        const char *q = find(after, to, empty_after[i]);
        if (q && !has_break(after, q))
            return 1;
    }
    return table_marker;
}

/* The last year ("2021 年") written in [s, k), or 0. */
static int year_before(const char *s, const char *k)
{
    int year = 0;
    for (const char *p = s; p + 4 <= k; p++) {
        if (!(p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
              p[3] <= '9') ||
            (p > s && p[-1] >= '0' && p[-1] <= '9'))
            continue;
        const char *q = p + 4;
        while (q < k && *q == ' ')
            q++;
        if (q + strlen("年") <= k && memcmp(q, "年", strlen("年")) == 0)
            year = (p[2] - '0') * 10 + (p[3] - '0') + 2000;
    }
    return year;
}

static long lines_in(const char *s, const char *e)
{
    long n = 0;
    for (const char *p = s; p < e; p++)
        n += *p == '\n';
    return n;
}

/* The sentence without line breaks and surrounding spaces, shortened to
 * whole characters. */
static void sentence_text(const char *s, const char *e, char *out, size_t cap)
{
    size_t n = 0;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++;
    for (const char *p = s; p < e;) {
        unsigned char c = (unsigned char)*p;
        size_t cl = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (cl > (size_t)(e - p))
            cl = (size_t)(e - p);
        if (c == '\n' || c == '\r') {
            p++;
            continue;
        }
        if (n + cl + 1 > cap)
            break;
        memcpy(out + n, p, cl);
        n += cl;
        p += cl;
    }
    while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
        n--;
    out[n] = '\0';
}

static int is_sentence_end(const char *p, size_t *len)
{
    if (*p == ';' || *p == '!' || *p == '?') {
        *len = 1;
        return 1;
    }
    if (strncmp(p, "。", strlen("。")) == 0) {
        *len = strlen("。");
        return 1;
    }
    return 0;
}

#define SENTENCE_MAX 8192
#define BREAKS_MAX 256

/* A sentence with its line breaks taken out (extracted text breaks lines
 * inside words: "政府性\n基金"), and where they were, for line numbers. */
typedef struct sentence {
    char text[SENTENCE_MAX];
    size_t len;
    size_t breaks[BREAKS_MAX]; /* offsets in text where a line break was removed */
    size_t nbreaks;
    long line; /* of the sentence's first character */
} sentence;

static void sentence_load(sentence *st, const char *s, const char *e, long line)
{
    st->len = st->nbreaks = 0;
    st->line = line;
    for (const char *p = s; p < e && st->len + 1 < sizeof st->text; p++) {
        if (*p == '\n') {
            if (st->nbreaks < BREAKS_MAX)
                st->breaks[st->nbreaks++] = st->len;
            continue;
        }
        if (*p != '\r')
            st->text[st->len++] = *p;
    }
    st->text[st->len] = '\0';
}

static long sentence_line(const sentence *st, const char *at)
{
    size_t off = (size_t)(at - st->text);
    long n = 0;
    for (size_t i = 0; i < st->nbreaks && st->breaks[i] <= off; i++)
        n++;
    return st->line + n;
}

static void scan_sentence(const sentence *sn, int year, cp_statement_fn fn, void *ctx)
{
    const char *s = sn->text, *e = sn->text + sn->len;
    int refers = any_in(s, e, references, COUNT(references));
    int table_marker = any_in(s, e, empty_table, COUNT(empty_table));
    for (size_t i = 0; i < cp_n_subjects; i++) {
        const cp_subject *subj = &cp_subjects[i];
        size_t wl = strlen(subj->word);
        const char *k = find(s, e, subj->word);
        if (!k)
            continue;
        cp_statement st = {.subject = subj, .line = sentence_line(sn, k)};
        if (refers && (subj->flags & CP_REF)) {
            st.type = CP_STMT_REF;
            sentence_text(s, e, st.text, sizeof st.text);
            fn(&st, ctx);
        }
        if (!(subj->flags & CP_EMPTY))
            continue;
        for (; k; k = find(k + wl, e, subj->word)) {
            if (!said_empty(s, e, k, wl, table_marker))
                continue;
            int y = year_before(s, k); /* a statement about another year says nothing */
            if (!(year > 0 && y > 0 && y != year)) {
                st.type = CP_STMT_EMPTY;
                st.line = sentence_line(sn, k);
                sentence_text(s, e, st.text, sizeof st.text);
                fn(&st, ctx);
            }
            break;
        }
    }
}

void cp_scan(const br_disclosure *doc, cp_statement_fn fn, void *ctx)
{
    int year = cp_host->doc_year(doc);
    const br_narrative *narr = cp_host->doc_narrative((br_disclosure *)doc);
    long line = 0;
    const char *text = narr ? cp_host->narrative_text(narr, &line) : NULL;
    if (text) {
        sentence *sn = malloc(sizeof *sn);
        if (!sn)
            return;
        const char *s = text;
        for (const char *p = text;; p++) {
            size_t el = 0;
            if (*p && !is_sentence_end(p, &el))
                continue;
            /* the sentence starts on the line of its first printed character */
            while (s < p && (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t'))
                line += *s++ == '\n';
            sentence_load(sn, s, p, line);
            scan_sentence(sn, year, fn, ctx);
            if (!*p)
                break;
            line += lines_in(s, p + el);
            s = p + el;
            p += el - 1;
        }
        free(sn);
    }

    /* notes printed with a table ("注:…故本表为空表") */
    for (size_t ti = 0; ti < cp_host->doc_table_count(doc); ti++) {
        const br_table *t = cp_host->doc_table_at(doc, ti);
        for (size_t a = 0; a < cp_host->table_attr_count(t); a++) {
            const char *v = cp_host->table_attr_value(t, a);
            if (!v || !any_in(v, v + strlen(v), empty_table, COUNT(empty_table)))
                continue;
            cp_statement st = {.type = CP_STMT_EMPTY, .table = t, .line = cp_host->table_line(t)};
            for (size_t i = 0; i < cp_n_subjects && !st.subject; i++)
                if (strstr(v, cp_subjects[i].word))
                    st.subject = &cp_subjects[i];
            sentence_text(v, v + strlen(v), st.text, sizeof st.text);
            fn(&st, ctx);
        }
    }
}

int cp_has_kind(const br_disclosure *doc, br_kind kind)
{
    return kind != BR_KIND_UNKNOWN && cp_host->doc_find_table(doc, kind) != NULL;
}

int cp_has_tables(const br_disclosure *doc)
{
    for (size_t i = 0; i < cp_host->doc_table_count(doc); i++)
        if (cp_host->table_kind(cp_host->doc_table_at(doc, i)) != BR_KIND_UNKNOWN)
            return 1;
    return 0;
}
