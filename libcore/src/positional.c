/*
 * positional.c — a figure under the neighbouring column, read from rough
 * positions, is the reader's doubt, not the department's slip.
 *
 * Localisation (localise.c) names "neighbouring_column" two broken sums of
 * one row asking for opposite repairs: one figure standing under the column
 * beside its own.  Where the cells' columns were read from positions the
 * text keeps only roughly (BR_CELL_POSITIONAL: pdftotext -layout text, one
 * column per character, each page and each line laid out anew), that is
 * what a misreading looks like: the pair is reported as info "not checked"
 * (counted so, "column_unclear") with one reader warning naming the row.
 * A figure placed by its cell (tab-separated text) or by a PDF's glyph
 * positions stays an error.
 */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"
#include "model_internal.h"

/* A term of finding i stands in a cell whose column came from rough
 * positions. */
static int positional(const br_report *report, size_t i)
{
    size_t n;
    const br_term *t = br_report_terms(report, i, &n);
    for (size_t k = 0; k < n; k++) {
        const br_cell *c = t[k].row ? br_row_cell(t[k].row, t[k].col) : NULL;
        if (c && (c->flags & BR_CELL_POSITIONAL))
            return 1;
    }
    return 0;
}

void br_report_doubt_positional(br_report *report)
{
    static const char why[] =
        "the figure may stand under the neighbouring column: its column was read from "
        "positions this text keeps only roughly";
    size_t n = br_report_count(report);
    for (size_t i = 0; i < n; i++) {
        const br_finding *f = br_report_at(report, i);
        if (f->severity != BR_SEV_ERROR || br_report_consequence_of(report, i) >= 0 ||
            !f->cause || strcmp(f->cause, "neighbouring_column") != 0 || !positional(report, i))
            continue;
        br_finding w = {.check = "budgetrec.reading",
                        .severity = BR_SEV_WARNING,
                        .table = f->table,
                        .row = f->row,
                        .column = f->column,
                        .line = f->line,
                        .message = "a figure may stand under the neighbouring column (its column "
                                   "was read from positions the text keeps only roughly); the "
                                   "sums through it are not checked"};
        size_t doubted = 0;
        for (size_t j = 0; j < n; j++) {
            long p = br_report_consequence_of(report, j);
            if (j == i || (p == (long)i && br_report_at(report, j)->severity >= BR_SEV_WARNING)) {
                doubted++;
                br_report_doubt_finding(report, j, why);
            }
        }
        br_coverage *c = br_report_coverage_mut(report);
        for (size_t k = 0; k < doubted && c->broken; k++) {
            c->broken--;
            c->identities--;
            br_report_count_identity(report, BR_IDENTITY_NOT_CHECKED, "column_unclear");
        }
        br_report_add(report, &w);
    }
}
