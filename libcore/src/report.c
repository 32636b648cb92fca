/* report.c — the findings of one disclosure, in their own arena. */
#include <string.h>

#include <budgetrec/budgetrec.h>

#include "model_internal.h"

typedef struct br_run {
    const char *check;
    br_check_status status;
} br_run;

struct br_report {
    br_arena *arena;
    const br_disclosure *doc;
    br_finding *findings;
    size_t n, cap;
    br_run *runs;
    size_t nruns, capruns;
};

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

int br_report_add(br_report *report, const br_finding *f)
{
    if (!report || !f || !f->check || !f->message || (unsigned)f->severity > BR_SEV_ERROR)
        return BR_ERR_ARG;
    if (br_vec_reserve(report->arena, (void **)&report->findings, &report->cap, report->n,
                       sizeof *report->findings) != BR_OK)
        return BR_ERR_NOMEM;
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
