/*
 * tables.h — internal interface of the tables plugin (within-table
 * identities that the row totals do not cover).
 */
#ifndef TB_TABLES_H
#define TB_TABLES_H

#include <stddef.h>

#include <budgetrec/plugin.h>

extern const br_host *tb_host;

typedef enum tb_match { TB_EXACT, TB_PREFIX, TB_SUFFIX, TB_CONTAINS } tb_match;

/* A label's matching key: the label without spaces, into buf (TB_KEY_MAX
 * bytes suffice for any label a vocabulary word can match); returns its
 * length, 0 (and "") when empty or too long. */
#define TB_KEY_MAX 512
size_t tb_label_key(const char *label, char *buf, size_t cap);
/* A key matches `word` as `m` says. */
int tb_key_matches(const char *key, tb_match m, const char *word);
/* tb_key_matches on the label's key. */
int tb_label_matches(const char *label, tb_match m, const char *word);
/* The label is a grand total (合计 …) / a subtotal (小计 …): labels.def. */
int tb_is_grand_label(const char *label);
int tb_is_subtotal_label(const char *label);
int tb_is_detail_label(const char *label);     /* 其中… (labels.def TB_DETAIL) */
int tb_is_enumerated_label(const char *label); /* "1." "(三)" "四、" … */

/* Money columns of t (every role before the text roles) into cols;
 * returns how many (at most cap). */
size_t tb_money_columns(const br_table *t, size_t *cols, size_t cap);
/* The cell holds a printed figure. */
int tb_has_value(const br_row *r, size_t col);
/* Some money column of the row holds a figure. */
int tb_row_has_figures(const br_row *r, const size_t *cols, size_t ncols);

/*
 * A growable list of terms: a small buffer on the stack, the heap beyond it.
 * One per table, reset per identity (no per-cell allocation).
 */
typedef struct tb_terms {
    br_term *v;
    size_t n, cap;
    br_term local[128];
} tb_terms;

void tb_terms_init(tb_terms *t);
void tb_terms_free(tb_terms *t);
int tb_terms_push(tb_terms *t, const br_row *row, size_t col, int coef);

/*
 * An identity's description: "prev_total: 21011 = Σ 2101101 + 2101199".  The
 * list of parts is cut with "…" when long.
 */
typedef struct tb_what {
    char buf[400];
    size_t len;
    int parts; /* parts named so far (listed or not) */
    int cut;   /* the list was cut: the count is added when reported */
} tb_what;

void tb_what_start(tb_what *w, const br_table *t, size_t col, const br_row *total,
                   const char *rel);
void tb_what_part(tb_what *w, const char *name);
void tb_what_text(tb_what *w, const char *text);

/* Report the identity terms[0] = Σ the rest, per SPEC §5 (host->report_identity). */
int tb_report(br_report *report, const char *check, const tb_terms *terms, tb_what *what);

int tb_hierarchy(const br_disclosure *doc, br_report *report);
int tb_two_sided(const br_disclosure *doc, br_report *report);

#endif
