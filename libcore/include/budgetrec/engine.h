/*
 * budgetrec/engine.h — plugin registry, reading inputs, running checks.
 *
 * A br_registry holds the loaded plugins (their readers and checks).  It is
 * built once, then used read-only: reading and checking many disclosures in
 * parallel threads with one registry is safe.  br_report is per disclosure.
 */
#ifndef BUDGETREC_ENGINE_H
#define BUDGETREC_ENGINE_H

#include "export.h"
#include "model.h"
#include "plugin.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct br_registry br_registry;

/* New empty registry; NULL on OOM.  Free with br_registry_free (which
 * dlcloses the plugins: free every report and disclosure first). */
BR_API br_registry *br_registry_new(void);
BR_API void br_registry_free(br_registry *reg);

/*
 * Load one plugin shared object.  A refused plugin (not loadable, missing
 * entry point, other ABI major, newer minor, incomplete descriptor, duplicate
 * check id, init failure) returns BR_ERR_PLUGIN with err naming the file and
 * the reason; the refusal is also kept in the registry's message list.
 */
BR_API int br_registry_load(br_registry *reg, const char *path, br_error *err);
/*
 * Load every "*.so" in `dir` (sorted by name).  Refusals do not stop the
 * scan; they are recorded (br_registry_message_*).  Returns the number of
 * plugins loaded, or a negative status when `dir` cannot be opened.
 */
BR_API int br_registry_load_dir(br_registry *reg, const char *dir, br_error *err);
/* Messages about refused plugins, in load order. */
BR_API size_t br_registry_message_count(const br_registry *reg);
BR_API const char *br_registry_message_at(const br_registry *reg, size_t i);

/* The host services table libcore hands to plugins. */
BR_API const br_host *br_host_services(void);

/* Listing (for `budgetrec plugins`). */
BR_API size_t br_registry_plugin_count(const br_registry *reg);
BR_API const br_plugin_desc *br_registry_plugin_at(const br_registry *reg, size_t i,
                                                   const char **path);
BR_API size_t br_registry_check_count(const br_registry *reg);
BR_API const br_check_desc *br_registry_check_at(const br_registry *reg, size_t i,
                                                 const char **plugin_name);
BR_API const br_check_desc *br_registry_find_check(const br_registry *reg, const char *id);

/*
 * Register a check whose function is not from a loaded plugin (e.g. a libffi
 * closure made by the Python binding).  `desc` and the strings it points to
 * must stay valid while the registry lives; `owner` names who provides it.
 */
BR_API int br_registry_add_check(br_registry *reg, const br_check_desc *desc, const char *owner,
                                 br_error *err);
/*
 * Remove the check `id` (whoever registered it) from the registry, so it is
 * no longer listed or run; the other checks keep their order.  The caller
 * still owns the descriptor and may free it (and its function) once no
 * br_registry_check on this registry can be running — removal is not
 * synchronised with checks running in other threads.  Returns BR_OK,
 * BR_ERR_NOT_FOUND when no check has this id, BR_ERR_ARG for NULL arguments.
 */
BR_API int br_registry_remove_check(br_registry *reg, const char *id);

/*
 * Read one input with the reader whose sniff is most confident.  On success
 * *out owns a new disclosure (free with br_disclosure_free).  Errors:
 * BR_ERR_IO (missing, unreadable, a directory), BR_ERR_INPUT (empty, binary,
 * invalid UTF-8: err names the line), BR_ERR_UNSUPPORTED (no reader
 * recognises it, or no table was found), BR_ERR_NOMEM.
 */
BR_API int br_registry_read(const br_registry *reg, const char *path, br_disclosure **out,
                            br_error *err);
/* Same, from a buffer already in memory (`path` only names it). */
BR_API int br_registry_read_buffer(const br_registry *reg, const char *path, const char *data,
                                   size_t len, br_disclosure **out, br_error *err);
/* Same, with the reader named `reader` (NULL: the most confident).  It must
 * still recognise the input: BR_ERR_UNSUPPORTED when its sniff says no,
 * BR_ERR_NOT_FOUND when no loaded reader has that name. */
BR_API int br_registry_read_buffer_with(const br_registry *reg, const char *reader,
                                        const char *path, const char *data, size_t len,
                                        br_disclosure **out, br_error *err);
/*
 * Text inputs: valid UTF-8 is read as it is; an input that is not valid
 * UTF-8 but converts cleanly from GB18030 (GBK) is converted with iconv
 * (br_disclosure_encoding says "GB18030"); one that is neither is refused
 * with "invalid UTF-8" and the line at fault.
 */

/*
 * Read n files as ONE disclosure (a narrative and its tables published as
 * separate files): each is read as by br_registry_read, then joined in
 * order (br_disclosure_join); the first part names the disclosure.  On
 * error nothing is returned and err names the file at fault.
 */
BR_API int br_registry_read_parts(const br_registry *reg, const char *const *paths, size_t n,
                                  br_disclosure **out, br_error *err);

/*
 * Automatic pairing of the two files of one disclosure in a list of paths:
 * NAME-narrative.EXT and NAME-tables.EXT in the same directory (the same
 * EXT, e.g. ".pdf" or ".layout.txt"; "_" may stand for "-"; a leading
 * ordinal "NN_" or "NN-" of either name is ignored, so 11_x-narrative.pdf
 * pairs with 12_x-tables.pdf).  partner[i] receives the index of the file
 * paths[i] pairs with, or -1; a file pairs at most once (with the first
 * candidate in list order).  Returns the number of pairs.
 */
BR_API size_t br_pair_parts(const char *const *paths, size_t n, long *partner);
/* 1 when `path` is the narrative of a pair (NAME-narrative.EXT), else 0. */
BR_API int br_part_is_narrative(const char *path);

/* ---- checks and reports ---- */

typedef struct br_report br_report;

/* Outcome of one check on one disclosure. */
typedef enum br_check_status {
    BR_CHECK_PASSED = 0,         /* ran; no finding at warning or error */
    BR_CHECK_FAILED = 1,         /* ran; reported warnings or errors */
    BR_CHECK_NOT_APPLICABLE = 2, /* an input was absent: not run */
    BR_CHECK_CRASHED = 3,        /* returned a negative status */
    BR_CHECK_SKIPPED = 4         /* excluded by --only/--skip */
} br_check_status;
BR_API const char *br_check_status_name(br_check_status st);

/* Which checks to run.  NULL lists mean "all" / "none". */
typedef struct br_check_options {
    const char *const *only; /* NULL-terminated ids, or NULL */
    const char *const *skip; /* NULL-terminated ids, or NULL */
} br_check_options;

/*
 * Run the registry's checks on `doc` and return a new report (owned by the
 * caller: br_report_free), or NULL on OOM.  The disclosure's reader notes are
 * included as findings of check "<reader>.parse".  The report borrows `doc`:
 * free the report first.
 */
BR_API br_report *br_registry_check(const br_registry *reg, const br_disclosure *doc,
                                    const br_check_options *opts);

/* An empty report about `doc` (for callers that add findings themselves). */
BR_API br_report *br_report_new(const br_disclosure *doc);
BR_API void br_report_free(br_report *report);
BR_API int br_report_add(br_report *report, const br_finding *finding);
BR_API const br_disclosure *br_report_disclosure(const br_report *report);
BR_API size_t br_report_count(const br_report *report);
/* Borrowed finding i; `difference` (actual − expected) is in *difference
 * when both are present (returns 1), else 0. */
BR_API const br_finding *br_report_at(const br_report *report, size_t i);
BR_API int br_report_difference(const br_report *report, size_t i, br_decimal *difference);
/* Highest severity present, or -1 for an empty report. */
BR_API int br_report_max_severity(const br_report *report);
/* Per-check outcomes, in registry order. */
BR_API size_t br_report_run_count(const br_report *report);
BR_API const char *br_report_run_check(const br_report *report, size_t i);
BR_API br_check_status br_report_run_status(const br_report *report, size_t i);

/* ---- identities (see br_term in types.h and br_host in plugin.h) ---- */

BR_API int br_identity_eval(const br_term *terms, size_t n, br_decimal *expected,
                            br_decimal *actual, br_decimal *tolerance);
BR_API int br_report_identity(br_report *report, const char *check, br_severity severity,
                              const br_term *terms, size_t n, const char *what);
/* br_report_add plus the identity's terms (copied), for localisation. */
BR_API int br_report_add_terms(br_report *report, const br_finding *finding,
                               const br_term *terms, size_t n);
/* A cause that explains `actual` exactly where `expected` was due, or NULL:
 * "decimal_shift" (×10, ÷10, ×100, ÷100), "unit_slip" (×10⁴, ÷10⁴),
 * "sign_error", "transposed_digits" (two adjacent digits swapped). */
BR_API const char *br_diagnose(br_decimal expected, br_decimal actual);

/*
 * Where finding i is: the file (the part's path in a joined disclosure, else
 * NULL), the line, and the page (0 when the document has no page
 * information).  The part is that of the row or claim the finding is about
 * (its identity's terms, a reader note's part, else the table or claim of
 * that kind at that line).  Returns BR_OK, or BR_ERR_ARG for a bad index.
 */
typedef struct br_location {
    const char *file;
    long line;
    int page;
} br_location;
BR_API int br_report_location(const br_report *report, size_t i, br_location *loc);

/* The finding that finding i is a consequence of, or -1 (localisation links
 * every broken identity explained by one wrong cell to the finding at it). */
BR_API long br_report_consequence_of(const br_report *report, size_t i);
/* The identity terms recorded with finding i (*n = 0 for other findings). */
BR_API const br_term *br_report_terms(const br_report *report, size_t i, size_t *n);

/*
 * How much of a disclosure was checked.  Every identity a check reports
 * (br_report_identity, br_report_add_terms) is counted once: evaluated
 * (held — exactly or within rounding — or broken) or not checked, with the
 * reason's kind (an uncertain reading's kind, "unit_unknown" for figures of
 * unknown and known units).  Outputs end each document with a record of
 * check "budgetrec.coverage" (severity info) saying the same; it is not one
 * of the report's findings.
 */
#define BR_COVERAGE_MAX_REASONS 16
typedef struct br_coverage_reason {
    const char *kind; /* owned by the report */
    size_t count;
} br_coverage_reason;
typedef struct br_coverage {
    size_t identities; /* evaluated: held + broken */
    size_t held;
    size_t broken;
    size_t not_checked;
    size_t nreasons; /* reasons[0 .. nreasons): not_checked by kind, first seen first */
    br_coverage_reason reasons[BR_COVERAGE_MAX_REASONS];
    size_t tables;           /* tables read */
    size_t tables_uncertain; /* tables with an uncertain table, column or row mark */
    size_t checks_run;       /* checks that ran (passed or failed) */
    size_t checks_not_applicable;
    /* the narrative: figures stated (claims), those the reader understood
     * (a class, or a place in its sentence: a rate, a share, a budget a
     * final figure is compared with), those some check compared; sentences
     * stating figures, and those of which some figure was compared */
    size_t claims, claims_classified, claims_checked;
    size_t sentences, sentences_checked;
} br_coverage;
BR_API int br_report_coverage(const br_report *report, br_coverage *out);
/* "323 identities checked: 311 held, 12 broken; 0 not checked; …" into
 * buf (NUL-terminated, cut to fit); returns its length. */
BR_API size_t br_coverage_format(const br_coverage *coverage, char *buf, size_t cap);
/* A check compared `claim` (a claim of the report's disclosure) with
 * something by arithmetic of its own: the coverage counts it checked.
 * Identities reported through br_report_identity / br_report_add_terms mark
 * their claims themselves. */
BR_API void br_report_claim_checked(br_report *report, const br_claim *claim);
/* Add a finding that rests on narrative claims (their own arithmetic, no
 * identity of table cells): the claims are marked checked, and when another
 * error shows one of them wrong against the tables, this finding is linked
 * to it as a consequence (consequence_of). */
BR_API int br_report_add_on_claims(br_report *report, const br_finding *finding,
                                   const br_claim *const *claims, size_t n);
/* The check id of the info findings listing each figure-bearing sentence of
 * the narrative that no check compared (the user sees what was not checked). */
#define BR_UNCHECKED_CHECK "budgetrec.unchecked"
/* The check id of the coverage finding. */
#define BR_COVERAGE_CHECK "budgetrec.coverage"

#ifdef __cplusplus
}
#endif
#endif
