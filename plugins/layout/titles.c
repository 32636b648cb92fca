/*
 * titles.c — table titles among positioned lines.
 *
 * A title is a short line (at most three spans, no figure) with a span that
 * ends in 表 (or 表(功能科目)) and that the catalog names.  Titles may be
 * long ("十一、2017年江苏省高级人民法院部门一般公共预算“三公”经费、会议费、
 * 培训费支出预算表") — a sentence mark, not the length, tells prose from a
 * title — and may wrap: "“三公”经费、会议费、培训费支出预算" over a last line
 * "表" (or "算表", "收支总表"; a blank line may come between, a large
 * title's line spacing), the two read as one.
 */
#include <string.h>

#include "engine.h"

#define TITLE_MAX_CHARS 80 /* longer than any title; a paragraph is longer */
#define TAIL_MAX_CHARS 8   /* the wrapped end of a title: "表", "算表", "收支总表" */
#define TAIL_SHORT_CHARS 3 /* …without a year in its first line: "表", "算表" */

/* A span that may be (the start of) a title: text, no sentence mark. */
static int title_text(const char *s)
{
    br_decimal d;
    return !lt_figure(s, &d) && !lt_sentence(s) && lt_chars(s) <= TITLE_MAX_CHARS;
}

static int title_kind(const char *s)
{
    size_t len = strlen(s), rest = 0;
    if (!title_text(s) || !dt_title_shape(s, len))
        return -1;
    if (dt_marker(s, len, &rest) && rest >= len)
        return -1; /* "公开01表" alone */
    return dt_catalog_title(s, len);
}

/* The last line of a wrapped title: one short span ending in 表. */
static const char *title_tail(const lt_line *ln)
{
    if (!ln || ln->nspans != 1)
        return NULL;
    const char *s = ln->spans[0].text;
    size_t len = strlen(s);
    return lt_chars(s) <= TAIL_MAX_CHARS && dt_ends(s, len, "表") && title_text(s) ? s : NULL;
}

int lt_title_at(lt_engine *e, size_t i, const char **title, size_t *nlines)
{
    const lt_line *ln = &e->in->lines[i];
    *nlines = 1;
    if (ln->nspans == 0 || ln->nspans > 3 || lt_toc_line(ln))
        return -1;
    br_decimal d;
    for (size_t k = 0; k < ln->nspans; k++)
        if (lt_figure(ln->spans[k].text, &d))
            return -1;
    for (size_t k = 0; k < ln->nspans; k++) {
        int kind = title_kind(ln->spans[k].text);
        if (kind >= 0) {
            *title = ln->spans[k].text;
            return kind;
        }
    }
    /* a title wrapped before its last character(s) */
    size_t j = i + 1;
    if (j < e->in->nlines && e->in->lines[j].nspans == 0 && e->in->lines[j].page == ln->page)
        j++;
    const lt_line *next = j < e->in->nlines && e->in->lines[j].page == ln->page ? &e->in->lines[j]
                                                                                  : NULL;
    /* (no head: an annex marker alone, "附件 3"; a text ending in 表, a
     * marker "公开01表" or a title of its own) */
    const char *h0 = ln->spans[0].text;
    size_t h0rest = 0;
    int marker = dt_marker(h0, strlen(h0), &h0rest) && h0rest >= strlen(h0);
    const char *tail = ln->nspans == 1 && title_text(h0) && !marker && !dt_ends(h0, strlen(h0), "表")
                           ? title_tail(next)
                           : NULL;
    /* the rest of a wrapped title lies under its first line ("表一" far
     * left of "收支预算总表" centred below is no head) */
    if (!tail || lt_toc_line(next) || next->spans[0].x1 <= ln->spans[0].x0 ||
        next->spans[0].x0 >= ln->spans[0].x1)
        return -1;

    const char *head = ln->spans[0].text;
    size_t hl = strlen(head), tl = strlen(tail);
    char *joined = lt_host->doc_alloc(e->doc, hl + tl + 1);
    if (!joined) {
        e->failed = 1;
        return -1;
    }
    memcpy(joined, head, hl);
    memcpy(joined + hl, tail, tl + 1);
    int kind = title_kind(joined);
    if (kind < 0)
        return -1;
    /* a rest longer than "算表" that names the same table by itself follows
     * a first line naming the year (a table's last label "结转和结余资金"
     * over the next title "支出预算总表" is none) */
    if (lt_chars(tail) > TAIL_SHORT_CHARS && !dt_year_in(h0, hl) && title_kind(tail) == kind)
        return -1;
    *title = joined;
    *nlines = j - i + 1;
    return kind;
}
