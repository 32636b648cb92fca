/*
 * wording.h — shared by the wording checks: the narrative's lines (and the
 * table titles) one at a time, headings, years, the document's phase, and a
 * finding at a line.
 */
#ifndef WORDING_H
#define WORDING_H

#include <stddef.h>

#include <budgetrec/plugin.h>

extern const br_host *wd_host;

#define COUNT(a) (sizeof a / sizeof *a)

typedef enum wd_phase { WD_UNKNOWN, WD_BUDGET, WD_FINAL } wd_phase;

/* One printed line: of the narrative (table NULL), or a table's title. */
typedef struct wd_line {
    const char *s; /* not NUL-terminated */
    size_t len;
    long no;                /* 1-based line of the input */
    const br_table *table;  /* the table whose title it is, else NULL */
    int heading;            /* a heading (wd_is_heading), or a table title */
} wd_line;

typedef void (*wd_line_fn)(const wd_line *l, void *ctx);

/* Every line of the narrative, then every table's title. */
void wd_each_line(const br_disclosure *doc, wd_line_fn fn, void *ctx);
/* The narrative's text and its first line, or NULL when there is none. */
const char *wd_narrative(const br_disclosure *doc, long *first_line);

/* A heading: a line that starts with an enumerator ("一、", "(一)", "1.",
 * "第二部分") or ends with a title word (情况说明, 部门预算…), with no clause
 * punctuation (, ; : 。). */
int wd_is_heading(const char *s, size_t n);

/* Bytes of the UTF-8 character at s (1 for a stray byte). */
size_t wd_char_len(const char *s, const char *e);
/* s + spaces (and tabs) skipped, not past e. */
const char *wd_skip_spaces(const char *s, const char *e);
/* Whether `word` is at s, spaces in the text between its characters skipped;
 * *after (may be NULL) gets the end of the match. */
int wd_match(const char *s, const char *e, const char *word, const char **after);
/* A year 1990..2099 of four digits at s not after or before another digit;
 * 0 when none. */
int wd_year_at(const char *s, const char *e, const char *begin);

/* The document's phase: table titles vote (决算 before 预算, fund names such
 * as 一般公共预算 left out), else the narrative's first phase word. */
wd_phase wd_doc_phase(const br_disclosure *doc);
const char *wd_phase_name(wd_phase p);

/* The line's text trimmed and shortened to whole characters, for messages. */
void wd_quote(const wd_line *l, char *out, size_t cap);

/* Report a warning of `check` at the line (table "narrative" or the title's
 * table kind), with `row` (what was found) and the message. */
int wd_report(br_report *report, const char *check, const wd_line *l, const char *row,
              const char *message);

/* The checks. */
int wd_check_placeholders(const br_disclosure *doc, br_report *report);
int wd_check_years(const br_disclosure *doc, br_report *report);

#endif
