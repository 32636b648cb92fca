/*
 * budgetrec/types.h — plain data types shared by libcore, the CLI, the Python
 * binding and plugins.
 *
 * Nothing here is a function: plugins include this header (through plugin.h)
 * without linking libcore.  Every struct and enum here is part of plugin ABI
 * v1: new enum values and new struct members are only ever appended.
 */
#ifndef BUDGETREC_TYPES_H
#define BUDGETREC_TYPES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status codes ------------------------------------------------------ */

/* Every fallible call returns BR_OK (0) or one of these negative codes. */
typedef enum br_status {
    BR_OK = 0,
    BR_ERR_NOMEM = -1,       /* allocation failed */
    BR_ERR_IO = -2,          /* a file could not be opened or read */
    BR_ERR_INPUT = -3,       /* the input is malformed (names file and line) */
    BR_ERR_ARG = -4,         /* a caller passed an invalid argument */
    BR_ERR_RANGE = -5,       /* a figure does not fit the fixed-point range */
    BR_ERR_PLUGIN = -6,      /* a plugin was refused or failed */
    BR_ERR_UNSUPPORTED = -7, /* no reader recognises the input */
    BR_ERR_NOT_FOUND = -8    /* a named thing does not exist */
} br_status;

/*
 * Error detail, filled by the callee when the caller passes a non-NULL
 * pointer.  `file` and `line` locate the *input* at fault (the disclosure or
 * plugin path, and a 1-based line, 0 when no line applies), not the C source.
 */
typedef struct br_error {
    int code;
    long line;
    char file[256];
    char message[512];
} br_error;

/* ---- exact decimals ----------------------------------------------------- */

/*
 * A fixed-point decimal: value = units * 10^-scale.  For a parsed figure
 * `scale` is the number of decimals it was printed with (0 … 
 * BR_DECIMAL_MAX_SCALE), so "1,058.00" is {105800, 2} and prints back as
 * "1058.00".  Unit conversion may give a negative scale, which keeps the
 * printed precision honest: 1.5 万元 in 元 is {15, -3} = 15000 ± 500.
 * Arithmetic accepts scales in [-18, 18].
 */
typedef struct br_decimal {
    int64_t units;
    int32_t scale;
} br_decimal;

#define BR_DECIMAL_MAX_SCALE 12
/* Enough for any br_decimal printed by br_decimal_format, NUL included. */
#define BR_DECIMAL_STR_MAX 40

/* ---- units -------------------------------------------------------------- */

typedef enum br_unit {
    BR_UNIT_UNKNOWN = 0,
    BR_UNIT_YUAN, /* 元 */
    BR_UNIT_WAN,  /* 万元 = 10^4 元 */
    BR_UNIT_YI    /* 亿元 = 10^8 元 */
} br_unit;

/* ---- severities ----------------------------------------------------------- */

typedef enum br_severity {
    BR_SEV_INFO = 0,
    BR_SEV_WARNING = 1,
    BR_SEV_ERROR = 2
} br_severity;

/* ---- table kinds (SPEC §3) ----------------------------------------------- */

typedef enum br_kind {
    BR_KIND_UNKNOWN = 0,
    BR_KIND_SUMMARY,
    BR_KIND_INCOME,
    BR_KIND_EXPENDITURE,
    BR_KIND_FISCAL_SUMMARY,
    BR_KIND_GPB_EXPENDITURE,
    BR_KIND_GPB_BASIC,
    BR_KIND_THREE_PUBLIC,
    BR_KIND_GOV_FUND,
    BR_KIND_SOC_CAPITAL,
    BR_KIND_PROCUREMENT,
    BR_KIND_PROJECTS,
    BR_KIND_PERFORMANCE_OVERALL,
    BR_KIND_PERFORMANCE_PROJECT,
    /* appended (issue 5): other regions' tables */
    BR_KIND_FISCAL_EXPENDITURE, /* 财政拨款支出预算表（功能科目） */
    BR_KIND_FISCAL_BASIC,       /* 财政拨款基本支出预算表 (经济科目) */
    BR_KIND_ADMIN_OPERATION,    /* 机关运行经费支出预算表 (经济科目) */
    BR_KIND__COUNT
} br_kind;

/* ---- column roles (SPEC §3) ---------------------------------------------- */

/*
 * Money roles first, then the text roles of performance tables.  Rows keep
 * their code and label outside the cells, so there is no role for them.
 * Names are SPEC §3's (br_role_name); "prev_" roles are the previous year's.
 */
typedef enum br_role {
    BR_ROLE_NONE = 0,
    BR_ROLE_AMOUNT,
    BR_ROLE_TOTAL,
    BR_ROLE_PREV_TOTAL,
    BR_ROLE_BASIC,
    BR_ROLE_PROJECT,
    BR_ROLE_PERSONNEL,
    BR_ROLE_PUBLIC,
    BR_ROLE_GPB,
    BR_ROLE_GOV_FUND,
    BR_ROLE_SOC_CAPITAL,
    BR_ROLE_SPECIAL_ACCOUNT,
    BR_ROLE_BUSINESS,
    BR_ROLE_SUPERIOR_SUBSIDY,
    BR_ROLE_AFFILIATED,
    BR_ROLE_OPERATING,
    BR_ROLE_OTHER,
    BR_ROLE_PREV_ABROAD,
    BR_ROLE_PREV_VEHICLE_SUBTOTAL,
    BR_ROLE_PREV_VEHICLE_PURCHASE,
    BR_ROLE_PREV_VEHICLE_OPERATION,
    BR_ROLE_PREV_RECEPTION,
    BR_ROLE_ABROAD,
    BR_ROLE_VEHICLE_SUBTOTAL,
    BR_ROLE_VEHICLE_PURCHASE,
    BR_ROLE_VEHICLE_OPERATION,
    BR_ROLE_RECEPTION,
    BR_ROLE_ANNUAL_SUBTOTAL,
    BR_ROLE_ANNUAL_PERSONNEL,
    BR_ROLE_ANNUAL_GENERAL,
    BR_ROLE_ANNUAL_LIVELIHOOD,
    BR_ROLE_SUPERIOR_SUBTOTAL,
    BR_ROLE_SUPERIOR_ADVANCE,
    BR_ROLE_SUPERIOR_CARRYOVER,
    BR_ROLE_SUPERIOR_MUNICIPAL,
    /* text roles (performance tables) */
    BR_ROLE_NAME,
    BR_ROLE_WEIGHT, /* a number: percent points */
    BR_ROLE_UNIT,
    BR_ROLE_OPERATOR,
    BR_ROLE_TARGET,
    BR_ROLE_LEVEL1,
    BR_ROLE_LEVEL2,
    /* appended (issue 5): columns of other regions' tables */
    BR_ROLE_ADMIN_OPERATION, /* 机关运行经费 */
    BR_ROLE_FISCAL,          /* 财政拨款收入: the three fiscal sources together */
    BR_ROLE_CARRYOVER,       /* 上年结转 / 年初结转和结余: brought forward */
    BR_ROLE_RESERVE,         /* 单位预留机动经费: the unit's unallocated reserve */
    BR_ROLE_CARRY_FORWARD,   /* 结转下年 / 年末结转和结余: carried to next year */
    BR_ROLE_MEETING,         /* 会议费 */
    BR_ROLE_TRAINING,        /* 培训费 */
    BR_ROLE_GRAND_TOTAL,     /* 合计 of 三公 + 会议费 + 培训费 (Jiangsu) */
    /* appended: the 预算数 beside each 决算数 of a final-accounts 三公 table */
    BR_ROLE_BUDGET_TOTAL,
    BR_ROLE_BUDGET_ABROAD,
    BR_ROLE_BUDGET_VEHICLE_SUBTOTAL,
    BR_ROLE_BUDGET_VEHICLE_PURCHASE,
    BR_ROLE_BUDGET_VEHICLE_OPERATION,
    BR_ROLE_BUDGET_RECEPTION,
    BR_ROLE__COUNT
} br_role;

/* Which side (panel) of a two-sided table (summary, fiscal_summary) a row is on. */
typedef enum br_side {
    BR_SIDE_NONE = 0,
    BR_SIDE_INCOME,
    BR_SIDE_EXPENDITURE,
    /* appended: a third panel breaking the expenditure down by use (Jiangsu
     * 收支预算总表: 基本支出 / 项目支出 / 单位预留机动经费) */
    BR_SIDE_USE
} br_side;

/*
 * Arithmetic a row of a table kind must satisfy: cells[total] = Σ
 * cells[parts].  A part that is itself the total of another identity of the
 * kind may be missing as a column; users then expand it into its parts.
 */
typedef struct br_identity {
    br_kind kind;
    br_role total;
    const br_role *parts;
    size_t n_parts;
} br_identity;

/* ---- cells ----------------------------------------------------------------- */

enum {
    BR_CELL_PRESENT = 1u << 0,  /* the cell holds a printed value */
    BR_CELL_TEXT = 1u << 1,     /* the value is text (see `text`), not money */
    BR_CELL_INFERRED = 1u << 2, /* column assigned by arithmetic, not position */
    BR_CELL_NUMERIC = 1u << 3,  /* a text cell whose text is a plain figure: `value` holds it */
    /* appended (ABI 1.2): the figure's column is a guess (a tie the
     * arithmetic could not break): identities through it are not checked */
    BR_CELL_UNCERTAIN = 1u << 4,
    /* appended (ABI 1.2): the figure's column was read from positions the
     * text keeps only roughly (pdftotext -layout, one column per
     * character): a figure found under the neighbouring column is not
     * reported as the department's slip (libcore positional.c) */
    BR_CELL_POSITIONAL = 1u << 5
};

/*
 * One cell.  A blank cell has flags == 0: it is absent, not zero.  A money
 * cell has `value`; a text cell has `text` (and `value` too, with
 * BR_CELL_NUMERIC, when the text is a plain figure, e.g. a weight).  `text` is owned by the disclosure.
 */
typedef struct br_cell {
    unsigned flags;
    br_decimal value;
    const char *text;
} br_cell;

/*
 * Reading confidence (ABI 1.2).  A reader unsure of part of its reading — a
 * header column it cannot map, a row with more figures than columns, a
 * figure placed by a guess — marks that table, column, row or cell
 * uncertain.  Identities through it are reported "not checked" (info),
 * never as errors.  `kind` is a short name counted in the coverage record
 * (docs/spec-extensions.md lists them); `why` is a sentence for the user.
 */
typedef struct br_uncertainty {
    const char *kind;
    const char *why;
} br_uncertainty;

/* ---- narrative claims ------------------------------------------------------- */

typedef enum br_direction {
    BR_DIR_NONE = 0,
    BR_DIR_INCREASE, /* 增加 / 增长 / 上升 */
    BR_DIR_DECREASE, /* 减少 / 下降 */
    BR_DIR_FLAT      /* 持平 */
} br_direction;

/*
 * A figure stated in the narrative.  `class` is a SPEC §3 claim class name
 * ("income_total", "expenditure_class", "three_public_total", …) or NULL when
 * unclassified; `code` is the functional class code a per-class claim refers
 * to ("201"), else NULL.  `unit` is as printed ("万元", "人", "%").  Strings are
 * owned by the disclosure.
 */
typedef struct br_claim {
    const char *label;
    const char *claim_class;
    const char *code;
    const char *unit;
    br_decimal value;
    br_direction direction;
    long line;
} br_claim;

/*
 * How a claim stands in its sentence (appended, ABI 1.3), as the narrative
 * reader read it (br_narrative_claim_form).  A claim read without one has
 * sentence 0 and role BR_CLAIM_UNKNOWN: nothing is said of its sentence.
 *
 *   AMOUNT      a level: "基本支出 5377.64 万元"
 *   CHANGE      an amount of change: "比上年增加 69.69 万元", "持平" (value 0)
 *   RATE        a percentage change: "增长 12.08%"
 *   SHARE       a share of a whole: "占 55.10%", "占本年支出合计的 99.86%"
 *   BUDGET      (final accounts) the budget an actual is compared with:
 *               "年初预算为 452.40 万元"
 *   COMPLETION  (final accounts) the actual as a percentage of its budget:
 *               "完成年初预算的 98.61%"
 *   PREVIOUS    the figure a change is measured from, stated beside the
 *               amount: "1969 万元，较 2024 年的 2190 万元减少 221 万元"
 *
 * `of` is the index of the claim this one qualifies — a CHANGE's amount, a
 * RATE's change (else its amount), a SHARE's part, a COMPLETION's actual, an
 * actual's BUDGET — or -1 when the reader could not tell.  `base_class` is
 * the class a SHARE names as its whole ("占本年支出合计的" → expenditure_total),
 * NULL when it names none.  `versus` is, on a final account's actual, the
 * direction word that compares it with its budget ("决算数小于预算数":
 * DECREASE; 大于: INCREASE; 等于/持平/一致: FLAT), stated at `versus_line`.
 */
typedef enum br_claim_role {
    BR_CLAIM_UNKNOWN = 0,
    BR_CLAIM_AMOUNT,
    BR_CLAIM_CHANGE,
    BR_CLAIM_RATE,
    BR_CLAIM_SHARE,
    BR_CLAIM_BUDGET,
    BR_CLAIM_COMPLETION,
    BR_CLAIM_PREVIOUS /* the figure a change is measured from: "较 2024 年的 2190 万元" */
} br_claim_role;

/*
 * What a change is measured from, as its words say (br_claim_form.compared):
 * last year's figure of the document's own stage ("比上年", "比 2023 年预算"
 * in a budget, "比上年决算数" in final accounts), last year's of the other
 * stage ("比 2023 年预算执行数" in a budget: the execution, which a budget's
 * tables do not print), or another year than the last ("比 2019 年(疫情前)").
 */
typedef enum br_claim_base {
    BR_BASE_NONE = 0,
    BR_BASE_LAST_YEAR,
    BR_BASE_LAST_YEAR_OTHER_STAGE,
    BR_BASE_OTHER_YEAR
} br_claim_base;

typedef struct br_claim_form {
    long sentence; /* 1-based ordinal of its sentence in the narrative; 0: unknown */
    br_claim_role role;
    long of;
    const char *base_class;
    br_direction versus;
    long versus_line;
    br_claim_base compared; /* a change's or rate's base of comparison */
} br_claim_form;

/* ---- findings ------------------------------------------------------------------ */

enum {
    BR_FINDING_EXPECTED = 1u << 0,
    BR_FINDING_ACTUAL = 1u << 1,
    BR_FINDING_TOLERANCE = 1u << 2
};

/*
 * A finding as a check reports it.  Strings are copied by the report; the
 * check may pass stack buffers.  `table` is a kind name or "narrative";
 * `row`/`column` follow SPEC §3; NULL where they do not apply.  `difference`
 * is computed by the host as actual − expected.  `cause` names a diagnosed
 * cause ("decimal_shift", …) or NULL.
 */
typedef struct br_finding {
    const char *check;
    br_severity severity;
    const char *table;
    const char *row;
    const char *column;
    unsigned present; /* BR_FINDING_* bits for the decimals below */
    br_decimal expected;
    br_decimal actual;
    br_decimal tolerance;
    long line;
    const char *message;
    const char *cause;
} br_finding;

/* ---- identities between figures ----------------------------------------- */

/*
 * One term of an identity Σ coef·value = 0: a table cell (row + column) or a
 * narrative claim (row NULL).  coef is +1 or -1.  Checks describe every
 * identity they test as terms; the host evaluates it with the interval rule,
 * reports it, and later localises the wrong cell across all broken ones.
 */
typedef struct br_term {
    const struct br_row *row;
    size_t col;
    const br_claim *claim;
    int coef;
} br_term;

/* Outcome of evaluating an identity. */
typedef enum br_identity_result {
    BR_IDENTITY_EXACT = 0,    /* holds exactly */
    BR_IDENTITY_ROUNDING = 1, /* holds only within the rounding of the printed figures */
    BR_IDENTITY_BROKEN = 2,   /* cannot hold whatever the rounding */
    BR_IDENTITY_EMPTY = 3,    /* every term is blank: nothing to say */
    /* appended (ABI 1.2): a term rests on a reading the reader is unsure of
     * (br_table_set_uncertain): the identity is not evaluated */
    BR_IDENTITY_NOT_CHECKED = 4
} br_identity_result;

#ifdef __cplusplus
}
#endif
#endif
