/* engine_internal.h — registry internals shared by the engine's files. */
#ifndef BR_ENGINE_INTERNAL_H
#define BR_ENGINE_INTERNAL_H

#include <ffi.h>

#include <budgetrec/engine.h>

typedef struct br_loaded_plugin {
    void *handle; /* dlopen handle */
    char *path;
    const br_plugin_desc *desc;
} br_loaded_plugin;

typedef struct br_reader_entry {
    const br_reader_desc *desc;
    const char *plugin; /* plugin name */
} br_reader_entry;

typedef struct br_check_entry {
    const br_check_desc *desc;
    const char *owner; /* plugin name, or who registered it */
} br_check_entry;

struct br_registry {
    br_loaded_plugin *plugins;
    size_t nplugins, capplugins;
    br_reader_entry *readers;
    size_t nreaders, capreaders;
    br_check_entry *checks;
    size_t nchecks, capchecks;
    char **messages;
    size_t nmessages, capmessages;
    /* One ffi_cif per check signature.  Every argument is a pointer, so a
     * signature is its arity: cifs[k] calls int fn(void *, …k pointers). */
    ffi_type *arg_types[BR_CHECK_MAX_INPUTS + 1];
    ffi_cif cifs[BR_CHECK_MAX_INPUTS + 2];
    int cif_ready[BR_CHECK_MAX_INPUTS + 2];
};

/* Grow a malloc'd vector to hold n+1 elements of `size`. */
int br_mvec_reserve(void **v, size_t *cap, size_t n, size_t size);

#endif

/* report.c: record the outcome of one check. */
int br_report_add_run(br_report *report, const char *check, br_check_status status);

/* report.c: attach an identity's terms to finding i (copied). */
int br_report_set_terms(br_report *report, size_t i, const br_term *terms, size_t n);
/* report.c: mutable access for the localisation pass. */
br_finding *br_report_finding_mut(br_report *report, size_t i);
int br_report_set_consequence(br_report *report, size_t i, long primary);
/* report.c: finding i is about part `part` of a joined disclosure (reader notes). */
int br_report_set_part(br_report *report, size_t i, size_t part);
/* Duplicate a string into the report's arena. */
const char *br_report_strdup(br_report *report, const char *s);
/* report.c: remember the cells of an identity that held. */
int br_report_add_held(br_report *report, const br_term *terms, size_t n);
const br_term *br_report_held(const br_report *report, size_t *n);
/* How many identities one check evaluated in one table, and how many broke. */
typedef struct br_tally {
    const char *check;
    const br_table *table;
    size_t evaluated, broken;
} br_tally;
/* report.c: the tally of (check, table), created on first use; NULL on OOM. */
br_tally *br_report_tally(br_report *report, const char *check, const br_table *table);
br_tally *br_report_tallies(br_report *report, size_t *n);
/* systematic.c: many rows of one table breaking one check are a misreading,
 * not so many publication errors: one warning instead of an error per row. */
void br_report_doubt_systematic(br_report *report);
/* systematic.c: finding i becomes an info "not checked: … — why". */
void br_report_doubt_finding(br_report *report, size_t i, const char *why);
/* positional.c: a figure under the neighbouring column whose column came
 * from rough positions (BR_CELL_POSITIONAL) is not the department's slip. */
void br_report_doubt_positional(br_report *report);
/* report.c: one mark per narrative claim (1: a check compared it), made on
 * first use; *n is their count (0 and NULL for no claims, or on OOM). */
unsigned char *br_report_claim_marks(br_report *report, size_t *n);
/* report.c: the narrative claims finding i rests on (report_add_on_claims). */
const br_claim *const *br_report_rests_on(const br_report *report, size_t i, size_t *n);
/* localise.c: a finding that rests on a claim another error shows wrong
 * against the tables is a consequence of that error. */
void br_report_link_on_claims(br_report *report);
/* coverage.c: mark the claims among an evaluated identity's terms checked. */
void br_report_mark_terms(br_report *report, const br_term *terms, size_t n);
/* coverage.c: one info finding per figure-bearing sentence of the narrative
 * no check compared any figure of (budgetrec.unchecked). */
void br_report_list_unchecked(br_report *report);
/* report.c: the report's coverage counters (coverage.c fills them). */
br_coverage *br_report_coverage_mut(br_report *report);
/* coverage.c: count one identity's outcome (a br_identity_result); `kind` is
 * the reason of a NOT_CHECKED one. */
void br_report_count_identity(br_report *report, int result, const char *kind);
/* coverage.c: n identities counted broken are, after all, not checked
 * (`kind`): a host pass doubted the findings that reported them. */
void br_report_uncount_broken(br_report *report, size_t n, const char *kind);
/* identity.c: the first uncertain term's reason, or NULL. */
const br_uncertainty *br_terms_uncertain(const br_term *terms, size_t n);
/* localise.c: link broken identities explained by one wrong cell. */
void br_report_localise(br_report *report);
