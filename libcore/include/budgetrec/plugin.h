/*
 * budgetrec/plugin.h — plugin ABI v1 (SPEC §7).
 *
 * A plugin is a shared object exporting one function,
 *
 *     const br_plugin_desc *br_plugin_entry_v1(void);
 *
 * returning a static descriptor.  The descriptor can be read without
 * initialising the plugin (`budgetrec plugins` lists it).  Before any reader
 * or check runs, the host calls desc->init(host) with a table of host
 * services; plugins never link libcore (one copy of the core, like SQLite's
 * loadable extensions).
 *
 * Versioning: descriptors start with their size and ABI version.  The host
 * refuses a plugin with another major, a minor newer than its own, a missing
 * entry point, or a descriptor lacking a required field, naming the file and
 * the reason.  Structs only ever grow at the end; the host reads only fields
 * inside the `size` a plugin declares.
 *
 * Checks: a check declares its inputs (table kinds, the narrative, or the whole
 * disclosure).  The host binds them and calls the function through libffi with
 * one pointer argument per input, in declaration order, then the report:
 *
 *     inputs {GPB_EXPENDITURE, EXPENDITURE, NARRATIVE}
 *     → int fn(const br_table *, const br_table *, const br_narrative *, br_report *)
 *
 * returning BR_OK or a negative br_status.  When a declared table is absent
 * from the disclosure the check is *not applicable*: not run, not passed.  A
 * check whose inputs are present but hold nothing it can test (the narrative
 * of a disclosure published without its tables) returns BR_NOT_APPLICABLE
 * and is reported not applicable too (hosts before ABI 1.1: passed).
 */
#ifndef BUDGETREC_PLUGIN_H
#define BUDGETREC_PLUGIN_H

#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BR_PLUGIN_ABI_MAJOR 1
#define BR_PLUGIN_ABI_MINOR 3
#define BR_PLUGIN_ENTRY_SYMBOL "br_plugin_entry_v1"

/* Opaque model and report types (libcore owns them). */
typedef struct br_disclosure br_disclosure;
typedef struct br_table br_table;
typedef struct br_row br_row;
typedef struct br_narrative br_narrative;
typedef struct br_report br_report;

/*
 * Input declarations.  A table kind is passed as its br_kind value (1 …
 * BR_KIND__COUNT-1); these two follow:
 */
#define BR_INPUT_NARRATIVE 1000  /* const br_narrative * */
#define BR_INPUT_DISCLOSURE 1001 /* const br_disclosure *: the whole document */
#define BR_CHECK_MAX_INPUTS 16
#define BR_NOT_APPLICABLE 1 /* a check's return: nothing in its inputs to test */

/* A source handed to a reader: the bytes as read, and the normalised text. */
typedef struct br_source {
    const char *path;          /* as the user gave it */
    const unsigned char *data; /* raw bytes */
    size_t size;
    const char *text;          /* NFKC-normalised UTF-8 (br_text_normalize), NUL-terminated;
                                  NULL when the input is not UTF-8 text */
    size_t text_len;
} br_source;

/*
 * Host services, version 1.3.  New members go at the end only, grouped by
 * the ABI minor that added them; check `size` before using later ones
 * (BR_HOST_HAS below).
 * Semantics are those of the libcore functions of the same name.
 */
typedef struct br_host {
    uint32_t size;
    uint16_t abi_major;
    uint16_t abi_minor;

    /* decimals and units (budgetrec/decimal.h) */
    int (*decimal_parse)(const char *s, size_t len, br_decimal *out);
    size_t (*decimal_format)(br_decimal d, char *buf, size_t cap);
    int (*decimal_add)(br_decimal a, br_decimal b, br_decimal *out);
    int (*decimal_sub)(br_decimal a, br_decimal b, br_decimal *out);
    int (*decimal_cmp)(br_decimal a, br_decimal b);
    br_decimal (*decimal_half_ulp)(br_decimal d);
    br_unit (*unit_parse)(const char *s, size_t len);
    int (*code_level)(const char *code);
    int (*code_is_child)(const char *parent, const char *child);

    /* names and catalogs (budgetrec/model.h) */
    const char *(*kind_name)(br_kind kind);
    const char *(*role_name)(br_role role);
    const void *(*identities_of)(br_kind kind, size_t *n); /* const br_identity * */

    /* disclosure */
    void *(*doc_alloc)(br_disclosure *doc, size_t size); /* arena memory, zeroed */
    int (*doc_set_department)(br_disclosure *doc, const char *name, const char *code);
    int (*doc_set_year)(br_disclosure *doc, int year);
    int (*doc_set_unit)(br_disclosure *doc, br_unit unit);
    int (*doc_year)(const br_disclosure *doc);
    size_t (*doc_table_count)(const br_disclosure *doc);
    br_table *(*doc_table_at)(const br_disclosure *doc, size_t i);
    br_table *(*doc_find_table)(const br_disclosure *doc, br_kind kind);
    br_table *(*doc_add_table)(br_disclosure *doc, br_kind kind, const char *title, br_unit unit,
                               long line);
    br_narrative *(*doc_narrative)(br_disclosure *doc);
    int (*doc_add_note)(br_disclosure *doc, br_severity sev, const char *table, const char *row,
                        const char *column, long line, const char *message);

    /* table */
    br_kind (*table_kind)(const br_table *t);
    const char *(*table_title)(const br_table *t);
    br_unit (*table_unit)(const br_table *t);
    long (*table_line)(const br_table *t);
    int (*table_set_columns)(br_table *t, const br_role *roles, size_t n);
    size_t (*table_column_count)(const br_table *t);
    br_role (*table_column_role)(const br_table *t, size_t col);
    int (*table_find_column)(const br_table *t, br_role role);
    size_t (*table_row_count)(const br_table *t);
    br_row *(*table_row_at)(const br_table *t, size_t i);
    br_row *(*table_add_row)(br_table *t, const char *code, const char *label, br_side side,
                             long line);
    int (*table_set_attr)(br_table *t, const char *key, const char *value);
    int (*table_set_project)(br_table *t, const char *code, const char *name,
                             const br_decimal *amount);

    /* row */
    const char *(*row_code)(const br_row *r);
    const char *(*row_label)(const br_row *r);
    const char *(*row_key)(const br_row *r);
    br_side (*row_side)(const br_row *r);
    long (*row_line)(const br_row *r);
    const br_cell *(*row_cell)(const br_row *r, size_t col);
    int (*row_set_value)(br_row *r, size_t col, br_decimal value, unsigned extra_flags);
    int (*row_set_text)(br_row *r, size_t col, const char *text, size_t len);
    int (*row_clear)(br_row *r, size_t col);

    /* narrative */
    size_t (*narrative_claim_count)(const br_narrative *n);
    const br_claim *(*narrative_claim_at)(const br_narrative *n, size_t i);
    int (*narrative_add_claim)(br_narrative *n, const br_claim *claim);
    int (*narrative_set_text)(br_narrative *n, const char *text, size_t len, long first_line);

    /* reports: the finding is copied; difference is computed by the host */
    int (*report_add)(br_report *report, const br_finding *finding);
    /* the disclosure a report is about (for document-level context) */
    const br_disclosure *(*report_disclosure)(const br_report *report);

    /* more getters (budgetrec/model.h) */
    const char *(*doc_department)(const br_disclosure *doc);
    const char *(*doc_department_code)(const br_disclosure *doc);
    br_unit (*doc_unit)(const br_disclosure *doc);
    br_table *(*row_table)(const br_row *r);
    br_row *(*table_find_row)(const br_table *t, const char *code);
    br_row *(*table_find_label)(const br_table *t, const char *label);
    const char *(*table_attr)(const br_table *t, const char *key);
    size_t (*table_attr_count)(const br_table *t);
    const char *(*table_attr_key)(const br_table *t, size_t i);
    const char *(*table_attr_value)(const br_table *t, size_t i);
    const char *(*table_project_code)(const br_table *t);
    const char *(*table_project_name)(const br_table *t);
    int (*table_project_amount)(const br_table *t, br_decimal *amount);
    const char *(*narrative_text)(const br_narrative *n, long *first_line);
    br_disclosure *(*narrative_disclosure)(const br_narrative *n);
    int (*code_system_of)(const char *code); /* br_code_system */
    int (*decimal_shift)(br_decimal d, int exp, br_decimal *out);
    int (*decimal_convert)(br_decimal d, br_unit from, br_unit to, br_decimal *out);
    const char *(*unit_name)(br_unit unit);

    /*
     * Identities (budgetrec/engine.h).  identity_eval evaluates Σ coef·value
     * = 0 over `terms` with the interval rule: terms[0] is the figure under
     * test (actual), the others give its expected value; blank terms count
     * as nothing; claims are converted to terms[0]'s unit.  Outputs may be
     * NULL.  report_identity evaluates and reports it: nothing when exact,
     * an info finding within rounding, a finding of `severity` when broken;
     * `what` names the identity in the message ("201 = Σ 款 rows").  Both
     * return a br_identity_result, or a negative br_status.
     */
    int (*identity_eval)(const br_term *terms, size_t n, br_decimal *expected,
                         br_decimal *actual, br_decimal *tolerance);
    int (*report_identity)(br_report *report, const char *check, br_severity severity,
                           const br_term *terms, size_t n, const char *what);
    /* Most likely cause of `actual` where `expected` was due ("decimal_shift",
     * "transposed_digits", "unit_slip", "sign_error"), or NULL. */
    const char *(*diagnose)(br_decimal expected, br_decimal actual);
    /* Report a finding the check composed itself (its own message or cause)
     * about the identity `terms`, so localisation can still link it. */
    int (*report_add_terms)(br_report *report, const br_finding *finding, const br_term *terms,
                            size_t n);
    /* NFKC-normalise text a reader extracted itself (e.g. from a PDF) into
     * the disclosure's arena, as br_text_normalize does for text inputs. */
    int (*text_normalize)(br_disclosure *doc, const char *text, size_t len, char **out,
                          size_t *out_len);

    /* ---- ABI 1.1 ---- */
    /*
     * Record that page `page` (1-based) starts at line `line` of the input
     * being read (br_disclosure_set_page): call it whenever the page changes,
     * in ascending line order, so findings and the dump can name the page of
     * a line.  Documents without pages simply never call it.
     */
    int (*doc_set_page)(br_disclosure *doc, long line, int page);

    /* ---- ABI 1.2: reading confidence (br_uncertainty, types.h) ---- */
    /*
     * A reader marks what it is unsure of: column `col` of a table (col < 0:
     * the whole table), a row, or a cell (BR_CELL_UNCERTAIN in row_set_value's
     * flags).  `kind` names the reason for the coverage counts
     * ("unknown_header", "duplicate_role", "extra_figures", "guessed_figure",
     * "label_fragment", "readers_disagree", "misaligned_columns", …); `why`
     * says it to the user.
     * Identities through an uncertain figure evaluate to
     * BR_IDENTITY_NOT_CHECKED and are reported as info "not checked: …".
     * cell_uncertain tells a check why a figure cannot be trusted (NULL: it can).
     */
    int (*table_set_uncertain)(br_table *t, long col, const char *kind, const char *why);
    const br_uncertainty *(*table_uncertain)(const br_table *t, long col);
    int (*row_set_uncertain)(br_row *r, const char *kind, const char *why);
    const br_uncertainty *(*cell_uncertain)(const br_row *r, size_t col);

    /* ---- ABI 1.3: the narrative's sentences (br_claim_form, types.h) ---- */
    /*
     * A reader says how claim i stands in its sentence (its role, the claim
     * it qualifies); checks read it back.  A check that compared a claim with
     * something by its own arithmetic (not through report_identity or
     * report_add_terms, which record their claims themselves) says so with
     * report_claim_checked, so the coverage record counts it as checked.
     */
    int (*narrative_set_claim_form)(br_narrative *n, size_t i, const br_claim_form *form);
    br_claim_form (*narrative_claim_form)(const br_narrative *n, size_t i);
    void (*report_claim_checked)(br_report *report, const br_claim *claim);
    /* A finding resting on narrative claims (br_report_add_on_claims):
     * marked checked, and linked as a consequence to an error that shows one
     * of them wrong against the tables. */
    int (*report_add_on_claims)(br_report *report, const br_finding *finding,
                                const br_claim *const *claims, size_t n);
} br_host;

/* Whether the host offers `member` (a service of a later ABI minor):
 *     if (BR_HOST_HAS(host, doc_set_page)) host->doc_set_page(doc, line, page); */
#define BR_HOST_HAS(host, member)                                                       \
    ((host)->size >= offsetof(br_host, member) + sizeof((host)->member) && (host)->member)

/* A format reader. */
typedef struct br_reader_desc {
    uint32_t size; /* sizeof(br_reader_desc) as the plugin was built */
    const char *name;
    const char *description;
    /*
     * How confident the reader is that it can read `src` (0 = not at all,
     * 100 = certain).  Looks at src->data / src->text only; must be cheap.
     */
    int (*sniff)(const br_source *src);
    /*
     * Read `src` into `doc`.  Returns BR_OK, or a negative br_status with
     * *err filled (file and line of the input at fault).  On error the host
     * discards `doc`.
     */
    int (*read)(const br_source *src, br_disclosure *doc, br_error *err);
} br_reader_desc;

/* A check function: see the file comment for its real signature. */
typedef void (*br_check_fn)(void);

typedef struct br_check_desc {
    uint32_t size; /* sizeof(br_check_desc) as the plugin was built */
    const char *id; /* "plugin.check" */
    const char *title;
    const char *description; /* one paragraph, shown by `budgetrec plugins` */
    br_severity severity;     /* default severity of its findings */
    const int *inputs;        /* br_kind values or BR_INPUT_* */
    size_t n_inputs;          /* 0 … BR_CHECK_MAX_INPUTS */
    br_check_fn fn;
} br_check_desc;

typedef struct br_plugin_desc {
    uint32_t size; /* sizeof(br_plugin_desc) as the plugin was built */
    uint16_t abi_major;
    uint16_t abi_minor;
    const char *name;
    const char *version;
    const char *description;
    /* Called once with the host services before any reader or check; may
     * be NULL.  Returns BR_OK or a negative status (the plugin is refused). */
    int (*init)(const br_host *host);
    const br_reader_desc *readers;
    size_t n_readers;
    const br_check_desc *checks;
    size_t n_checks;
} br_plugin_desc;

typedef const br_plugin_desc *(*br_plugin_entry_fn)(void);

/* Declare the entry function of a plugin: BR_PLUGIN_EXPORT const br_plugin_desc *
 * br_plugin_entry_v1(void) { return &desc; } */
#if defined(__GNUC__)
#define BR_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define BR_PLUGIN_EXPORT
#endif

#ifdef __cplusplus
}
#endif
#endif
