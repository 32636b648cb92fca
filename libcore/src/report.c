/* report.c — the findings of one disclosure, in their own arena. */
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

#include "engine_internal.h"
#include "model_internal.h"

typedef struct br_run {
    const char *check;
    br_check_status status;
} br_run;

/* What the engine knows about a finding beyond what the check reported. */
typedef struct br_extra {
    br_term *terms; /* the identity it reports, if any */
    size_t nterms;
    long consequence_of; /* index of the finding it follows from, or -1 */
    long part;           /* the part (file) it is in, or -1: found from where it is */
    const br_claim **rests; /* the narrative claims it rests on (report_add_on_claims) */
    size_t nrests;
} br_extra;

struct br_report {
    br_arena *arena;
    const br_disclosure *doc;
    br_finding *findings;
    br_extra *extras; /* parallel to findings */
    size_t n, cap, capextras;
    br_run *runs;
    size_t nruns, capruns;
    br_term *held; /* cells of identities that held (for localisation) */
    size_t nheld, capheld;
    br_coverage coverage; /* identities counted as checks report them (coverage.c) */
    br_tally *tallies;    /* identities per check and table (systematic.c) */
    size_t ntallies, captallies;
    unsigned char *claim_checked; /* per narrative claim: compared by some check */
    size_t nclaim_checked;
};

unsigned char *br_report_claim_marks(br_report *report, size_t *n)
{
    *n = 0;
    if (!report || !report->doc)
        return NULL;
    const br_narrative *narr = &report->doc->narrative;
    size_t count = br_narrative_claim_count(narr);
    if (!report->claim_checked && count) {
        report->claim_checked = br_arena_alloc(report->arena, count);
        if (!report->claim_checked)
            return NULL;
        memset(report->claim_checked, 0, count);
        report->nclaim_checked = count;
    }
    *n = report->nclaim_checked;
    return report->claim_checked;
}

br_coverage *br_report_coverage_mut(br_report *report) { return report ? &report->coverage : NULL; }

br_report *br_report_new(const br_disclosure *doc)
{
    br_arena *arena = br_arena_new(16 * 1024);
    if (!arena)
        return NULL;
    br_report *r = br_arena_alloc(arena, sizeof *r);
    if (!r) {
        br_arena_free(arena);
        return NULL;
    }
    r->arena = arena;
    r->doc = doc;
    return r;
}

void br_report_free(br_report *report)
{
    if (report)
        br_arena_free(report->arena);
}

static const char *dup(br_arena *arena, const char *s)
{
    return s ? br_arena_strndup(arena, s, strlen(s)) : NULL;
}

br_tally *br_report_tally(br_report *report, const char *check, const br_table *table)
{
    for (size_t i = 0; i < report->ntallies; i++) {
        br_tally *t = &report->tallies[i];
        if (t->table == table && (t->check == check || strcmp(t->check, check) == 0))
            return t;
    }
    if (br_vec_reserve(report->arena, (void **)&report->tallies, &report->captallies,
                       report->ntallies, sizeof *report->tallies) != BR_OK)
        return NULL;
    const char *copy = dup(report->arena, check);
    if (!copy)
        return NULL;
    br_tally *t = &report->tallies[report->ntallies++];
    *t = (br_tally){.check = copy, .table = table};
    return t;
}

br_tally *br_report_tallies(br_report *report, size_t *n)
{
    *n = report->ntallies;
    return report->tallies;
}

int br_report_add(br_report *report, const br_finding *f)
{
    if (!report || !f || !f->check || !f->message || (unsigned)f->severity > BR_SEV_ERROR)
        return BR_ERR_ARG;
    if (br_vec_reserve(report->arena, (void **)&report->findings, &report->cap, report->n,
                       sizeof *report->findings) != BR_OK ||
        br_vec_reserve(report->arena, (void **)&report->extras, &report->capextras, report->n,
                       sizeof *report->extras) != BR_OK)
        return BR_ERR_NOMEM;
    report->extras[report->n] = (br_extra){NULL, 0, -1, -1, NULL, 0};
    br_finding *c = &report->findings[report->n];
    *c = *f;
    c->check = dup(report->arena, f->check);
    c->table = dup(report->arena, f->table);
    c->row = dup(report->arena, f->row);
    c->column = dup(report->arena, f->column);
    c->message = dup(report->arena, f->message);
    c->cause = dup(report->arena, f->cause);
    if (!c->check || !c->message)
        return BR_ERR_NOMEM;
    report->n++;
    return BR_OK;
}

int br_report_set_terms(br_report *report, size_t i, const br_term *terms, size_t n)
{
    if (!report || i >= report->n)
        return BR_ERR_ARG;
    br_term *copy = br_arena_alloc(report->arena, n * sizeof *copy);
    if (!copy)
        return BR_ERR_NOMEM;
    memcpy(copy, terms, n * sizeof *copy);
    report->extras[i].terms = copy;
    report->extras[i].nterms = n;
    return BR_OK;
}

int br_report_add_terms(br_report *report, const br_finding *finding, const br_term *terms,
                        size_t n)
{
    const br_uncertainty *u = terms && n ? br_terms_uncertain(terms, n) : NULL;
    if (u && finding && finding->message) {
        /* a finding the check composed about a figure the reader is unsure
         * of: said as not checked, never as an error */
        br_report_count_identity(report, BR_IDENTITY_NOT_CHECKED, u->kind);
        char msg[1024];
        snprintf(msg, sizeof msg, "not checked: %s — %s", finding->message, u->why);
        br_finding f = *finding;
        f.severity = BR_SEV_INFO;
        f.present = 0;
        f.cause = NULL;
        f.message = msg;
        return br_report_add(report, &f);
    }
    if (terms && n && finding)
        br_report_mark_terms(report, terms, n);
    if (terms && n && finding)
        br_report_count_identity(report,
                                 finding->severity >= BR_SEV_WARNING ? BR_IDENTITY_BROKEN
                                                                     : BR_IDENTITY_ROUNDING,
                                 NULL);
    int rc = br_report_add(report, finding);
    if (rc == BR_OK && terms && n)
        rc = br_report_set_terms(report, report->n - 1, terms, n);
    return rc;
}

int br_report_add_on_claims(br_report *report, const br_finding *finding,
                            const br_claim *const *claims, size_t n)
{
    int rc = br_report_add(report, finding);
    if (rc != BR_OK || !claims || !n)
        return rc;
    const br_claim **copy = br_arena_alloc(report->arena, n * sizeof *copy);
    if (!copy)
        return BR_ERR_NOMEM;
    memcpy(copy, claims, n * sizeof *copy);
    report->extras[report->n - 1].rests = copy;
    report->extras[report->n - 1].nrests = n;
    for (size_t k = 0; k < n; k++)
        br_report_claim_checked(report, claims[k]);
    return BR_OK;
}

const br_claim *const *br_report_rests_on(const br_report *report, size_t i, size_t *n)
{
    *n = report && i < report->n ? report->extras[i].nrests : 0;
    return *n ? report->extras[i].rests : NULL;
}

const br_term *br_report_terms(const br_report *report, size_t i, size_t *n)
{
    if (n)
        *n = report && i < report->n ? report->extras[i].nterms : 0;
    return report && i < report->n ? report->extras[i].terms : NULL;
}

br_finding *br_report_finding_mut(br_report *report, size_t i)
{
    return report && i < report->n ? &report->findings[i] : NULL;
}

int br_report_set_consequence(br_report *report, size_t i, long primary)
{
    if (!report || i >= report->n || primary >= (long)report->n)
        return BR_ERR_ARG;
    report->extras[i].consequence_of = primary;
    return BR_OK;
}

int br_report_set_part(br_report *report, size_t i, size_t part)
{
    if (!report || i >= report->n)
        return BR_ERR_ARG;
    report->extras[i].part = (long)part;
    return BR_OK;
}

/* The part of a claim of the disclosure, or -1 when it is not one. */
static long claim_part(const br_disclosure *doc, const br_claim *c)
{
    long k = br_narrative_claim_index(&doc->narrative, c);
    return k < 0 ? -1 : (long)br_narrative_claim_part(&doc->narrative, (size_t)k);
}

/* The part of a table of `kind` (any kind for BR_KIND_UNKNOWN) whose title or
 * row (with the finding's key, if it names one) is at the finding's line;
 * else that of the first table of `kind`; -1 when there is none. */
static long table_part(const br_disclosure *doc, br_kind kind, const br_finding *f)
{
    long first = -1;
    for (size_t t = 0; t < doc->ntables; t++) {
        const br_table *tab = doc->tables[t];
        if (kind != BR_KIND_UNKNOWN && tab->kind != kind)
            continue;
        if (first < 0 && kind != BR_KIND_UNKNOWN)
            first = (long)tab->part;
        if (tab->line == f->line)
            return (long)tab->part;
        for (size_t r = 0; r < tab->nrows; r++)
            if (tab->rows[r]->line == f->line &&
                (!f->row || strcmp(br_row_key(tab->rows[r]), f->row) == 0))
                return (long)tab->part;
    }
    return first;
}

/* Which file of a joined disclosure finding i is about. */
static size_t finding_part(const br_report *report, size_t i)
{
    const br_disclosure *doc = report->doc;
    if (!doc || doc->nparts <= 1)
        return 0;
    const br_extra *x = &report->extras[i];
    const br_finding *f = &report->findings[i];
    if (x->part >= 0)
        return (size_t)x->part;
    /* the identity's figure at the finding's line, else its first figure */
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < x->nterms; k++) {
            const br_term *t = &x->terms[k];
            if (t->row && (pass || t->row->line == f->line))
                return t->row->table->part;
            long cp = t->claim && (pass || t->claim->line == f->line) ? claim_part(doc, t->claim)
                                                                      : -1;
            if (cp >= 0)
                return (size_t)cp;
        }
    if (f->table && strcmp(f->table, "narrative") == 0) {
        for (size_t k = 0; k < doc->narrative.nclaims; k++)
            if (doc->narrative.claims[k].line == f->line)
                return br_narrative_claim_part(&doc->narrative, k);
        return doc->narrative.text_part;
    }
    long tp = f->table ? table_part(doc, br_kind_from_name(f->table), f) : -1;
    /* a table the disclosure lacks (or none named): whichever table is at that line */
    if (tp < 0)
        tp = table_part(doc, BR_KIND_UNKNOWN, f);
    return tp >= 0 ? (size_t)tp : 0;
}

int br_report_location(const br_report *report, size_t i, br_location *loc)
{
    if (!report || i >= report->n || !loc)
        return BR_ERR_ARG;
    const br_finding *f = &report->findings[i];
    size_t part = finding_part(report, i);
    loc->file = br_disclosure_part_file(report->doc, part);
    loc->line = f->line;
    loc->page = f->line > 0 ? br_disclosure_page_of(report->doc, part, f->line) : 0;
    return BR_OK;
}

long br_report_consequence_of(const br_report *report, size_t i)
{
    return report && i < report->n ? report->extras[i].consequence_of : -1;
}

const char *br_report_strdup(br_report *report, const char *s) { return dup(report->arena, s); }

int br_report_add_held(br_report *report, const br_term *terms, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!terms[i].row)
            continue;
        if (br_vec_reserve(report->arena, (void **)&report->held, &report->capheld, report->nheld,
                           sizeof *report->held) != BR_OK)
            return BR_ERR_NOMEM;
        report->held[report->nheld++] = terms[i];
    }
    return BR_OK;
}

const br_term *br_report_held(const br_report *report, size_t *n)
{
    *n = report->nheld;
    return report->held;
}

const br_disclosure *br_report_disclosure(const br_report *report)
{
    return report ? report->doc : NULL;
}

size_t br_report_count(const br_report *report) { return report ? report->n : 0; }

const br_finding *br_report_at(const br_report *report, size_t i)
{
    return report && i < report->n ? &report->findings[i] : NULL;
}

int br_report_difference(const br_report *report, size_t i, br_decimal *difference)
{
    const br_finding *f = br_report_at(report, i);
    unsigned both = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL;
    if (!f || (f->present & both) != both)
        return 0;
    return br_decimal_sub(f->actual, f->expected, difference) == BR_OK;
}

int br_report_max_severity(const br_report *report)
{
    int max = -1;
    for (size_t i = 0; report && i < report->n; i++)
        if ((int)report->findings[i].severity > max)
            max = (int)report->findings[i].severity;
    return max;
}

/* Record the outcome of one check (used by the engine). */
int br_report_add_run(br_report *report, const char *check, br_check_status status)
{
    if (br_vec_reserve(report->arena, (void **)&report->runs, &report->capruns, report->nruns,
                       sizeof *report->runs) != BR_OK)
        return BR_ERR_NOMEM;
    report->runs[report->nruns++] = (br_run){dup(report->arena, check), status};
    return BR_OK;
}

size_t br_report_run_count(const br_report *report) { return report ? report->nruns : 0; }

const char *br_report_run_check(const br_report *report, size_t i)
{
    return report && i < report->nruns ? report->runs[i].check : NULL;
}

br_check_status br_report_run_status(const br_report *report, size_t i)
{
    return report && i < report->nruns ? report->runs[i].status : BR_CHECK_NOT_APPLICABLE;
}

const char *br_check_status_name(br_check_status st)
{
    switch (st) {
    case BR_CHECK_PASSED: return "passed";
    case BR_CHECK_FAILED: return "failed";
    case BR_CHECK_NOT_APPLICABLE: return "not_applicable";
    case BR_CHECK_CRASHED: return "crashed";
    case BR_CHECK_SKIPPED: return "skipped";
    }
    return NULL;
}
