/*
 * coverage.c — how much of a disclosure was checked.
 *
 * A disclosure only half understood must look like one: every identity a
 * check reports is counted as held, broken or not checked (and why), and
 * outputs end each document with a record that says so (BR_COVERAGE_CHECK).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/decimal.h>

#include "engine_internal.h"
#include "model_internal.h"

void br_report_count_identity(br_report *report, int result, const char *kind)
{
    br_coverage *c = br_report_coverage_mut(report);
    if (!c)
        return;
    switch (result) {
    case BR_IDENTITY_EXACT:
    case BR_IDENTITY_ROUNDING:
        c->identities++;
        c->held++;
        return;
    case BR_IDENTITY_BROKEN:
        c->identities++;
        c->broken++;
        return;
    case BR_IDENTITY_NOT_CHECKED:
        break;
    default:
        return;
    }
    c->not_checked++;
    kind = kind ? kind : "uncertain";
    size_t i = 0;
    while (i < c->nreasons && strcmp(c->reasons[i].kind, kind) != 0)
        i++;
    if (i == c->nreasons) {
        /* more kinds than slots: the last slot collects the rest as "other" */
        if (c->nreasons == BR_COVERAGE_MAX_REASONS) {
            i = c->nreasons - 1;
            c->reasons[i].kind = "other";
        } else {
            const char *copy = br_report_strdup(report, kind);
            c->reasons[c->nreasons++] = (br_coverage_reason){copy ? copy : "other", 0};
        }
    }
    c->reasons[i].count++;
}

void br_report_uncount_broken(br_report *report, size_t n, const char *kind)
{
    br_coverage *c = br_report_coverage_mut(report);
    for (size_t k = 0; c && k < n && c->broken; k++) {
        c->broken--;
        c->identities--;
        br_report_count_identity(report, BR_IDENTITY_NOT_CHECKED, kind);
    }
}

static int table_uncertain(const br_table *t)
{
    if (t->uncertain)
        return 1;
    for (size_t c = 0; t->col_uncertain && c < t->ncols; c++)
        if (t->col_uncertain[c])
            return 1;
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r]->uncertain)
            return 1;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++)
            if (t->rows[r]->cells[c].flags & BR_CELL_UNCERTAIN)
                return 1;
    return 0;
}

static void count_claims(br_report *report, br_coverage *out);

int br_report_coverage(const br_report *report, br_coverage *out)
{
    if (!report || !out)
        return BR_ERR_ARG;
    *out = *br_report_coverage_mut((br_report *)report);
    const br_disclosure *doc = br_report_disclosure(report);
    out->tables = doc ? doc->ntables : 0;
    out->tables_uncertain = 0;
    for (size_t i = 0; i < out->tables; i++)
        out->tables_uncertain += table_uncertain(doc->tables[i]);
    out->checks_run = out->checks_not_applicable = 0;
    for (size_t i = 0; i < br_report_run_count(report); i++) {
        br_check_status st = br_report_run_status(report, i);
        out->checks_run += st == BR_CHECK_PASSED || st == BR_CHECK_FAILED;
        out->checks_not_applicable += st == BR_CHECK_NOT_APPLICABLE;
    }
    out->claims = out->claims_classified = out->claims_checked = 0;
    out->sentences = out->sentences_checked = 0;
    count_claims((br_report *)report, out);
    return BR_OK;
}

/* Append to msg[0..cap) at *n, never past its end. */
static void append(char *msg, size_t cap, size_t *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void append(char *msg, size_t cap, size_t *n, const char *fmt, ...)
{
    if (*n >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(msg + *n, cap - *n, fmt, ap);
    va_end(ap);
    *n = w < 0 ? cap : *n + (size_t)w < cap ? *n + (size_t)w : cap;
}

size_t br_coverage_format(const br_coverage *c, char *msg, size_t cap)
{
    size_t n = 0;
    if (!c || !msg || !cap)
        return 0;
    msg[0] = '\0';
    append(msg, cap, &n, "%zu identities checked", c->identities);
    if (c->identities)
        append(msg, cap, &n, ": %zu held, %zu broken", c->held, c->broken);
    append(msg, cap, &n, "; %zu not checked", c->not_checked);
    for (size_t i = 0; i < c->nreasons; i++)
        append(msg, cap, &n, "%s%s %zu%s", i ? ", " : " (", c->reasons[i].kind,
               c->reasons[i].count, i + 1 == c->nreasons ? ")" : "");
    append(msg, cap, &n, "; %zu of %zu tables read with certainty; %zu checks ran, %zu not applicable",
           c->tables - c->tables_uncertain, c->tables, c->checks_run, c->checks_not_applicable);
    if (c->claims)
        append(msg, cap, &n, "; %zu of %zu narrative figures checked (%zu understood)",
               c->claims_checked, c->claims, c->claims_classified);
    return n;
}

/* ---- the narrative's claims ------------------------------------------------- */

void br_report_claim_checked(br_report *report, const br_claim *claim)
{
    const br_disclosure *doc = br_report_disclosure(report);
    long i = doc ? br_narrative_claim_index(&doc->narrative, claim) : -1;
    size_t n;
    unsigned char *marks = i >= 0 ? br_report_claim_marks(report, &n) : NULL;
    if (marks && (size_t)i < n)
        marks[i] = 1;
}

void br_report_mark_terms(br_report *report, const br_term *terms, size_t n)
{
    for (size_t i = 0; terms && i < n; i++)
        if (terms[i].claim)
            br_report_claim_checked(report, terms[i].claim);
}

/* Understood: classified, or placed in its sentence (a rate, a share, a
 * completion rate or a change tied to what it qualifies; a budget figure). */
static int claim_understood(const br_claim *c, br_claim_form f)
{
    if (c->claim_class || f.role == BR_CLAIM_BUDGET)
        return 1;
    return f.of >= 0 && f.role != BR_CLAIM_UNKNOWN && f.role != BR_CLAIM_AMOUNT;
}

/* Claims [*from, *to) of one sentence (consecutive: readers state claims in
 * order); a claim without a sentence is one of its own.  0 at the end. */
static int next_sentence(const br_narrative *narr, size_t *from, size_t *to)
{
    size_t n = br_narrative_claim_count(narr);
    *from = *to;
    if (*from >= n)
        return 0;
    long s = br_narrative_claim_form(narr, *from).sentence;
    size_t k = *from + 1;
    while (s > 0 && k < n && br_narrative_claim_form(narr, k).sentence == s)
        k++;
    *to = k;
    return 1;
}

static void count_claims(br_report *report, br_coverage *out)
{
    const br_disclosure *doc = br_report_disclosure(report);
    if (!doc)
        return;
    const br_narrative *narr = &doc->narrative;
    size_t nmarks;
    const unsigned char *marks = br_report_claim_marks(report, &nmarks);
    size_t from = 0, to = 0;
    while (next_sentence(narr, &from, &to)) {
        int checked = 0;
        for (size_t i = from; i < to; i++) {
            br_claim_form f = br_narrative_claim_form(narr, i);
            out->claims++;
            out->claims_classified += claim_understood(br_narrative_claim_at(narr, i), f);
            if (marks && i < nmarks && marks[i]) {
                out->claims_checked++;
                checked = 1;
            }
        }
        if (br_narrative_claim_form(narr, from).sentence > 0) {
            out->sentences++;
            out->sentences_checked += checked;
        }
    }
}

#define LISTED_FIGURES 4 /* figures quoted in one sentence's note */

void br_report_list_unchecked(br_report *report)
{
    const br_disclosure *doc = br_report_disclosure(report);
    if (!doc)
        return;
    const br_narrative *narr = &doc->narrative;
    size_t nmarks;
    const unsigned char *marks = br_report_claim_marks(report, &nmarks);
    size_t from = 0, to = 0;
    while (next_sentence(narr, &from, &to)) {
        if (br_narrative_claim_form(narr, from).sentence <= 0)
            continue; /* a reader that does not say its sentences */
        int checked = 0, understood = 0;
        for (size_t i = from; i < to; i++) {
            checked |= marks && i < nmarks && marks[i];
            understood |= claim_understood(br_narrative_claim_at(narr, i),
                                           br_narrative_claim_form(narr, i));
        }
        if (checked)
            continue;
        char msg[1024];
        size_t n = 0;
        append(msg, sizeof msg, &n, "not checked: ");
        for (size_t i = from; i < to && i < from + LISTED_FIGURES; i++) {
            const br_claim *c = br_narrative_claim_at(narr, i);
            char v[BR_DECIMAL_STR_MAX];
            br_decimal_format(c->value, v, sizeof v);
            append(msg, sizeof msg, &n, "%s“%s %s%s”", i > from ? ", " : "", c->label, v,
                   c->unit);
        }
        if (to - from > LISTED_FIGURES)
            append(msg, sizeof msg, &n, " and %zu more", to - from - LISTED_FIGURES);
        append(msg, sizeof msg, &n, " — %s",
               understood ? "no table or other statement to compare with"
                          : "not understood: no figure of the sentence was classified");
        const br_claim *first = br_narrative_claim_at(narr, from);
        br_finding f = {.check = BR_UNCHECKED_CHECK, .severity = BR_SEV_INFO,
                        .table = "narrative", .line = first->line, .message = msg};
        br_report_add(report, &f);
    }
}
