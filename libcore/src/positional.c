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

/* Finding j is a consequence of finding i, directly or through others. */
static int follows_from(const br_report *report, size_t j, size_t i)
{
    long p = br_report_consequence_of(report, j);
    for (size_t steps = 0; p >= 0 && steps < 64; steps++) {
        if (p == (long)i)
            return 1;
        p = br_report_consequence_of(report, (size_t)p);
    }
    return 0;
}

void br_report_doubt_positional(br_report *report)
{
    enum { MAX_TABLES = 32 };
    static const char why[] =
        "the figure may stand under the neighbouring column: its column was read from "
        "positions this text keeps only roughly";
    /* one warning per table: its first such row, and how many */
    br_finding warn[MAX_TABLES];
    size_t count[MAX_TABLES], nwarn = 0;
    size_t n = br_report_count(report);
    for (size_t i = 0; i < n; i++) {
        const br_finding *f = br_report_at(report, i);
        if (f->severity != BR_SEV_ERROR || br_report_consequence_of(report, i) >= 0 ||
            !f->cause || strcmp(f->cause, "neighbouring_column") != 0 || !positional(report, i))
            continue;
        size_t w = 0;
        while (w < nwarn && !(warn[w].table && f->table && strcmp(warn[w].table, f->table) == 0))
            w++;
        if (w == nwarn && nwarn < MAX_TABLES) {
            warn[nwarn] = (br_finding){.check = "budgetrec.reading",
                                       .severity = BR_SEV_WARNING,
                                       .table = f->table,
                                       .row = f->row,
                                       .column = f->column,
                                       .line = f->line};
            count[nwarn++] = 0;
        }
        if (w < nwarn)
            count[w]++;
        size_t doubted = 0;
        for (size_t j = 0; j < n; j++) {
            if (j == i || (follows_from(report, j, i) &&
                           br_report_at(report, j)->severity >= BR_SEV_WARNING)) {
                doubted++;
                br_report_doubt_finding(report, j, why);
            }
        }
        br_report_uncount_broken(report, doubted, "column_unclear");
    }
    for (size_t w = 0; w < nwarn; w++) {
        char msg[512];
        if (count[w] == 1)
            snprintf(msg, sizeof msg, "a figure may stand under the neighbouring column (its "
                                      "column was read from positions the text keeps only "
                                      "roughly); the sums through it are not checked");
        else
            snprintf(msg, sizeof msg, "%zu figures of this table, this row's first, may stand "
                                      "under the neighbouring column (their columns were read "
                                      "from positions the text keeps only roughly); the sums "
                                      "through them are not checked", count[w]);
        warn[w].message = msg;
        br_report_add(report, &warn[w]);
    }
}
