/*
 * perf.h — shared by the performance checks: the host, how an indicator row
 * is read (its name, 二级指标, unit, target, weight) and classified, and
 * small text helpers.  The vocabulary is data: vocab.def.
 */
#ifndef PERF_H
#define PERF_H

#include <stddef.h>

#include <budgetrec/plugin.h>

extern const br_host *pf_host;

/* What a unit measures (vocab.def PF_UNIT). */
typedef enum pf_unit_class {
    PF_UNIT_NONE = 0, /* blank, or a unit the vocabulary does not judge */
    PF_UNIT_PERCENT,
    PF_UNIT_MONEY,
    PF_UNIT_COUNT,
    PF_UNIT_TIME
} pf_unit_class;

/* Word lists of vocab.def PF_WORD. */
typedef enum pf_list {
    PF_LEVEL2_COST,
    PF_LEVEL2_COST_NOT,
    PF_LEVEL2_COUNT,
    PF_MONEY_NAME,
    PF_MONEY_END,
    PF_MONEY_NOT,
    PF_RATIO_NAME,
    PF_RATIO_NOT,
    PF_EXEC_RATE,
    PF_NOT_TOTAL,
    PF_DEPT_QTY,
    PF_DEPT_QTY_NOT,
    PF_DEPT_UNIT_NOT,
    PF_LIST__COUNT
} pf_list;

#define PF_UNIT_MAX 64

typedef struct pf_unit {
    pf_unit_class cls;
    br_unit money;           /* 元 / 万元 / 亿元 for MONEY when known, else UNKNOWN */
    char printed[PF_UNIT_MAX]; /* the unit as printed, spaces removed */
    char key[PF_UNIT_MAX];     /* for comparing units: printed, but "%" for every percent */
} pf_unit;

/* The columns of a performance table (-1 when absent). */
typedef struct pf_cols {
    int name, level1, level2, unit, target, op, weight;
} pf_cols;

/* Facts about one indicator row, read once. */
enum {
    PF_F_COST_L2 = 1u << 0,    /* 二级指标 is a cost indicator */
    PF_F_COUNT_L2 = 1u << 1,   /* 二级指标 is a count indicator */
    PF_F_MONEY_NAME = 1u << 2, /* the name says money */
    PF_F_RATIO_NAME = 1u << 3  /* the name says ratio */
};

typedef struct pf_indicator {
    const br_row *row;
    const char *name;   /* name cell, else the row label; never NULL */
    const char *level2; /* NULL when blank */
    const br_cell *target, *weight;
    pf_unit unit;
    unsigned flags;
} pf_indicator;

/* Performance table kinds: 1 for overall/project tables. */
int pf_is_perf_table(const br_table *t);
void pf_columns(const br_table *t, pf_cols *c);
/* Read row `r` of a table with columns `c`; 0 when the row is no indicator. */
int pf_read_indicator(const br_row *r, const pf_cols *c, pf_indicator *ind);
/* A money indicator: cost 二级指标 or a money name, and no ratio name. */
int pf_is_money(const pf_indicator *ind);
/* An indicator counting a quantity of the department itself (vocab.def
 * DEPT_QTY: staff, posts, vehicles, units, buildings) in a unit that counts
 * or measures a stock — not money, a ratio, a duration or a flow. */
int pf_is_department_quantity(const pf_indicator *ind);

void pf_unit_read(const char *s, pf_unit *u);
/* 1 when `s` contains a word of `list`, not inside a word of `except`
 * (PF_LIST__COUNT for none). */
int pf_has_word(const char *s, pf_list list, pf_list except);
/* 1 when `s`, trimmed of trailing punctuation, ends with a word of `list`. */
int pf_ends_with_word(const char *s, pf_list list);
/* The word of `list` that ends exactly at s[end], or NULL. */
const char *pf_word_ending_at(const char *s, size_t end, pf_list list);

/* A numeric text cell's value; 0 when the cell is blank or not a figure. */
int pf_cell_number(const br_cell *c, br_decimal *out);
/* The project amount of a project table and the unit it is printed in. */
int pf_project_amount(const br_table *t, br_decimal *amount, br_unit *unit);
/* The money unit a table's figures are in (the table's, else 万元). */
br_unit pf_table_money_unit(const br_table *t);

/* "performance_project 50015222T000000135339 潼南区政务中心日常运行经费": for messages */
void pf_table_name(const br_table *t, char *buf, size_t cap);

/* The checks (one file each). */
int pf_check_weights(const br_disclosure *doc, br_report *report);
int pf_check_units(const br_disclosure *doc, br_report *report);
int pf_check_same_indicator(const br_disclosure *doc, br_report *report);
int pf_check_cost_vs_amount(const br_table *first, const br_disclosure *doc, br_report *report);
int pf_check_text_figures(const br_disclosure *doc, br_report *report);

#endif
