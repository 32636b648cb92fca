/*
 * systematic.c — many broken rows of one table are the reader's, not the
 * department's.
 *
 * Publication errors are rare and isolated; a misread table (a column taken
 * for another, codes misread, a header shifted) breaks the same check in row
 * after row.  After localisation, when one check's primary errors in one
 * table fall on SYSTEMATIC_MIN_ROWS or more distinct rows and are at least a
 * third of the identities it evaluated there, they are reported as info
 * "not checked" (with their consequences), counted as not checked
 * ("systematic"), and one warning says that the table's reading is doubted.
 * The genuine errors of the reference disclosure and the real corpus break at
 * most two rows of a table per check.
 */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"
#include "model_internal.h"

#define SYSTEMATIC_MIN_ROWS 3
#define SYSTEMATIC_MAX_ROWS 64 /* distinct rows remembered per table */

/* The row of `table` in finding i's identity (a cross-table identity has
 * one per table), or NULL when it has no figure there. */
static const br_row *row_in(const br_report *report, size_t i, const br_table *table)
{
    size_t n;
    const br_term *t = br_report_terms(report, i, &n);
    for (size_t k = 0; k < n; k++)
        if (t[k].row && t[k].row->table == table)
            return t[k].row;
    return NULL;
}

static int primary_error(const br_report *report, size_t i, const br_tally *tally)
{
    const br_finding *f = br_report_at(report, i);
    return f->severity == BR_SEV_ERROR && br_report_consequence_of(report, i) < 0 &&
           strcmp(f->check, tally->check) == 0 && row_in(report, i, tally->table);
}

static size_t distinct_rows(const br_report *report, const br_tally *tally)
{
    const br_row *rows[SYSTEMATIC_MAX_ROWS];
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(report) && n < SYSTEMATIC_MAX_ROWS; i++) {
        if (!primary_error(report, i, tally))
            continue;
        const br_row *row = row_in(report, i, tally->table);
        int seen = 0;
        for (size_t k = 0; k < n && !seen; k++)
            seen = rows[k] == row;
        if (!seen)
            rows[n++] = row;
    }
    return n;
}

/* Finding i (and what follows from it) becomes an info "not checked". */
void br_report_doubt_finding(br_report *report, size_t i, const char *why)
{
    br_finding *f = br_report_finding_mut(report, i);
    char msg[1024];
    snprintf(msg, sizeof msg, "not checked: %s — %s", f->message, why);
    const char *copy = br_report_strdup(report, msg);
    if (copy)
        f->message = copy;
    f->severity = BR_SEV_INFO;
    f->cause = NULL;
}

static void doubt_table(br_report *report, const br_tally *tally, size_t rows)
{
    const br_table *t = tally->table;
    char why[512];
    snprintf(why, sizeof why,
             "%zu rows of this table break %s: a misreading of the table is more likely than "
             "so many publication errors",
             rows, tally->check);
    size_t doubted = 0;
    for (size_t i = 0; i < br_report_count(report); i++) {
        long p = br_report_consequence_of(report, i);
        if (primary_error(report, i, tally) ||
            (p >= 0 && primary_error(report, (size_t)p, tally) &&
             br_report_at(report, i)->severity >= BR_SEV_WARNING)) {
            doubted += p < 0;
            br_report_doubt_finding(report, i, why);
        }
    }
    br_report_uncount_broken(report, doubted, "systematic");
    char msg[1024];
    snprintf(msg, sizeof msg,
             "table read with doubt: %zu of %zu identities of %s broke, on %zu distinct rows; "
             "they are reported as not checked (is a column or code misread?)",
             tally->broken, tally->evaluated, tally->check, rows);
    br_finding w = {.check = "budgetrec.reading",
                    .severity = BR_SEV_WARNING,
                    .table = br_kind_name(t->kind),
                    .line = t->line,
                    .message = msg};
    br_report_add(report, &w);
}

void br_report_doubt_systematic(br_report *report)
{
    size_t n;
    br_tally *tallies = br_report_tallies(report, &n);
    for (size_t k = 0; k < n; k++) {
        const br_tally *tally = &tallies[k];
        if (tally->broken < SYSTEMATIC_MIN_ROWS || tally->broken * 3 < tally->evaluated)
            continue;
        size_t rows = distinct_rows(report, tally);
        if (rows >= SYSTEMATIC_MIN_ROWS)
            doubt_table(report, tally, rows);
    }
}
