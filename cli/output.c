/* output.c — findings as text (grouped by document and table), JSON Lines
 * (SPEC §5), CSV (libcsv quoting) or HTML (output_html.c). */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

#define RED "\033[31m"
#define YELLOW "\033[33m"
#define CYAN "\033[36m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *const csv_header[] = {
    "document", "department", "year",      "check",      "severity",  "table",
    "row",      "column",     "expected",  "actual",     "difference", "tolerance",
    "file",     "line",       "page",      "message",    "cause",     "consequence_of"};

void out_begin(out_writer *w)
{
    if (w->format == OUT_HTML)
        html_begin(w->out);
    if (w->format != OUT_CSV)
        return;
    for (size_t i = 0; i < sizeof csv_header / sizeof *csv_header; i++) {
        if (i)
            putc(',', w->out);
        csv_fwrite(w->out, csv_header[i], strlen(csv_header[i]));
    }
    putc('\n', w->out);
}

static void csv_field(FILE *out, const char *s, int first)
{
    if (!first)
        putc(',', out);
    if (s && *s) /* blank fields stay empty, not "" */
        csv_fwrite(out, s, strlen(s));
}

static void fmt_decimal(char *buf, const br_decimal *d, int present)
{
    if (present)
        br_decimal_format(*d, buf, BR_DECIMAL_STR_MAX);
    else
        buf[0] = '\0';
}

int out_coverage_line(const br_report *report, char *buf, size_t cap)
{
    br_coverage cov;
    if (br_report_coverage(report, &cov) != BR_OK)
        return 0;
    br_coverage_format(&cov, buf, cap);
    return 1;
}

void out_location(char *buf, size_t cap, const br_location *loc)
{
    size_t n = 0;
    buf[0] = '\0';
    /* the file by its name: the document's heading lists the paths */
    const char *file = loc->file ? strrchr(loc->file, '/') : NULL;
    br_location named = *loc;
    if (file)
        named.file = file + 1;
    loc = &named;
    if (loc->file && loc->line > 0)
        n = (size_t)snprintf(buf, cap, "%s:%ld", loc->file, loc->line);
    else if (loc->file)
        n = (size_t)snprintf(buf, cap, "%s", loc->file);
    else if (loc->line > 0)
        n = (size_t)snprintf(buf, cap, "line %ld", loc->line);
    if (loc->page > 0 && n < cap)
        snprintf(buf + n, cap - n, "%sp. %d%s", n ? " (" : "", loc->page, n ? ")" : "");
}

/* One finding as JSON Lines or CSV; `loc` and `ploc` locate it and its primary. */
static void record(out_writer *w, const char *path, const br_disclosure *doc,
                   const br_finding *f, const br_location *loc, const br_decimal *diff,
                   const br_finding *primary, const br_location *ploc, const br_coverage *cov)
{
    char exp[BR_DECIMAL_STR_MAX], act[BR_DECIMAL_STR_MAX], dif[BR_DECIMAL_STR_MAX],
        tol[BR_DECIMAL_STR_MAX], year[24] = "", line[24] = "", page[24] = "";
    fmt_decimal(exp, &f->expected, f->present & BR_FINDING_EXPECTED);
    fmt_decimal(act, &f->actual, f->present & BR_FINDING_ACTUAL);
    fmt_decimal(dif, diff, diff != NULL);
    fmt_decimal(tol, &f->tolerance, f->present & BR_FINDING_TOLERANCE);
    int y = br_disclosure_year(doc);
    if (y)
        snprintf(year, sizeof year, "%d", y);
    if (loc->line > 0)
        snprintf(line, sizeof line, "%ld", loc->line);
    if (loc->page > 0)
        snprintf(page, sizeof page, "%d", loc->page);
    FILE *o = w->out;
    if (w->format == OUT_CSV) {
        char cons[1024] = "";
        if (primary)
            snprintf(cons, sizeof cons, "%s/%s/%s@%s%s%ld", primary->table ? primary->table : "",
                     primary->row ? primary->row : "", primary->column ? primary->column : "",
                     ploc->file ? ploc->file : "", ploc->file ? ":" : "", primary->line);
        const char *fields[] = {path, br_disclosure_department(doc), year, f->check,
                                br_severity_name(f->severity), f->table, f->row, f->column,
                                exp, act, dif, tol, loc->file, line, page, f->message, f->cause,
                                cons};
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
            csv_field(o, fields[i], i == 0);
        putc('\n', o);
        return;
    }
    fputs("{\"document\": ", o);
    json_string(o, path);
    fputs(", \"department\": ", o);
    json_string(o, br_disclosure_department(doc));
    fputs(", \"year\": ", o);
    fputs(y ? year : "null", o);
    fputs(", \"check\": ", o);
    json_string(o, f->check);
    fputs(", \"severity\": ", o);
    json_string(o, br_severity_name(f->severity));
    fputs(", \"table\": ", o);
    json_string(o, f->table);
    fputs(", \"row\": ", o);
    json_string(o, f->row);
    fputs(", \"column\": ", o);
    json_string(o, f->column);
    fputs(", \"expected\": ", o);
    json_string(o, exp[0] ? exp : NULL);
    fputs(", \"actual\": ", o);
    json_string(o, act[0] ? act : NULL);
    fputs(", \"difference\": ", o);
    json_string(o, dif[0] ? dif : NULL);
    fputs(", \"tolerance\": ", o);
    json_string(o, tol[0] ? tol : NULL);
    fputs(", \"file\": ", o);
    json_string(o, loc->file);
    fputs(", \"line\": ", o);
    fputs(line[0] ? line : "null", o);
    fputs(", \"page\": ", o);
    fputs(page[0] ? page : "null", o);
    fputs(", \"message\": ", o);
    json_string(o, f->message);
    fputs(", \"cause\": ", o);
    json_string(o, f->cause);
    fputs(", \"consequence_of\": ", o);
    if (primary) { /* where the finding it follows from is */
        fputs("{\"table\": ", o);
        json_string(o, primary->table);
        fputs(", \"row\": ", o);
        json_string(o, primary->row);
        fputs(", \"column\": ", o);
        json_string(o, primary->column);
        fputs(", \"file\": ", o);
        json_string(o, ploc->file);
        fprintf(o, ", \"line\": %ld, \"page\": ", primary->line);
        if (ploc->page > 0)
            fprintf(o, "%d}", ploc->page);
        else
            fputs("null}", o);
    } else {
        fputs("null", o);
    }
    if (cov) {
        fprintf(o, ", \"coverage\": {\"identities\": %zu, \"held\": %zu, \"broken\": %zu, "
                   "\"not_checked\": %zu, \"not_checked_by\": {",
                cov->identities, cov->held, cov->broken, cov->not_checked);
        for (size_t i = 0; i < cov->nreasons; i++) {
            fputs(i ? ", " : "", o);
            json_string(o, cov->reasons[i].kind);
            fprintf(o, ": %zu", cov->reasons[i].count);
        }
        fprintf(o, "}, \"tables\": %zu, \"tables_uncertain\": %zu, \"checks_run\": %zu, "
                   "\"checks_not_applicable\": %zu, \"claims\": %zu, \"claims_classified\": %zu, "
                   "\"claims_checked\": %zu, \"sentences\": %zu, \"sentences_checked\": %zu}",
                cov->tables, cov->tables_uncertain, cov->checks_run, cov->checks_not_applicable,
                cov->claims, cov->claims_classified, cov->claims_checked, cov->sentences,
                cov->sentences_checked);
    }
    fputs("}\n", o);
}

static const char *sev_colour(br_severity s)
{
    return s == BR_SEV_ERROR ? RED : s == BR_SEV_WARNING ? YELLOW : CYAN;
}

static void text_finding(out_writer *w, const br_report *report, size_t i, int consequence)
{
    FILE *o = w->out;
    const br_finding *f = br_report_at(report, i);
    br_location loc = {0};
    char line[1200];
    br_report_location(report, i, &loc);
    out_location(line, sizeof line, &loc);
    if (consequence) {
        fprintf(o, "      ↳ consequence: %s%s%s%s%s, %s: %s  [%s]\n", f->table ? f->table : "",
                f->table ? " " : "", f->row ? f->row : "", f->column ? " · " : "",
                f->column ? f->column : "", line, f->message, f->check);
        return;
    }
    fprintf(o, "    %-16s %s%-7s%s ", line, w->colour ? sev_colour(f->severity) : "",
            br_severity_name(f->severity), w->colour ? RESET : "");
    if (f->row || f->column)
        fprintf(o, "%s%s%s: ", f->row ? f->row : "", f->row && f->column ? " · " : "",
                f->column ? f->column : "");
    fprintf(o, "%s", f->message);
    if (f->cause)
        fprintf(o, " (cause: %s)", f->cause);
    fprintf(o, "  [%s]\n", f->check);
}

static void text_document(out_writer *w, const char *path, const br_disclosure *doc,
                          const br_report *report, const size_t *shown, size_t nshown)
{
    FILE *o = w->out;
    fprintf(o, "%s%s", w->colour ? BOLD : "", path);
    for (size_t p = 1; p < br_disclosure_part_count(doc); p++) /* joined: its other files */
        fprintf(o, " + %s", br_disclosure_part_path(doc, p));
    fputs(w->colour ? RESET : "", o);
    if (br_disclosure_department(doc))
        fprintf(o, " — %s", br_disclosure_department(doc));
    if (br_disclosure_year(doc))
        fprintf(o, " %d", br_disclosure_year(doc));
    fprintf(o, " (%zu tables, %zu claims)\n", br_disclosure_table_count(doc),
            br_narrative_claim_count(br_disclosure_narrative((br_disclosure *)doc)));
    char cov[1024];
    if (w->coverage && out_coverage_line(report, cov, sizeof cov))
        fprintf(o, "    %s\n", cov);
    if (!nshown) {
        fputs("    no findings\n", o);
        return;
    }
    /* group by table, in order of first appearance; a consequence is shown
     * under the finding it follows from, so it opens no group of its own */
    for (size_t i = 0; i < nshown; i++) {
        const br_finding *f = br_report_at(report, shown[i]);
        if (br_report_consequence_of(report, shown[i]) >= 0)
            continue;
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++) {
            const br_finding *g = br_report_at(report, shown[j]);
            if (br_report_consequence_of(report, shown[j]) >= 0)
                continue;
            seen = (f->table && g->table && strcmp(f->table, g->table) == 0) ||
                   (!f->table && !g->table);
        }
        if (seen)
            continue;
        fprintf(o, "  %s\n", f->table ? f->table : "(document)");
        for (size_t j = i; j < nshown; j++) {
            const br_finding *g = br_report_at(report, shown[j]);
            if (!((f->table && g->table && strcmp(f->table, g->table) == 0) ||
                  (!f->table && !g->table)) ||
                br_report_consequence_of(report, shown[j]) >= 0)
                continue;
            text_finding(w, report, shown[j], 0);
            /* the identities this wrong figure breaks, wherever they are */
            for (size_t k = 0; k < nshown; k++)
                if (br_report_consequence_of(report, shown[k]) == (long)shown[j])
                    text_finding(w, report, shown[k], 1);
        }
    }
}

void out_document(out_writer *w, const char *path, const br_disclosure *doc,
                  const br_report *report, const br_error *err, out_totals *totals)
{
    totals->documents++;
    if (!report) {
        totals->unreadable++;
        cli_print_error(err);
        if (w->format == OUT_HTML)
            html_document(w->out, path, NULL, NULL, err, NULL, 0, 0);
        else if (w->format != OUT_TEXT) {
            br_finding f = {.check = "budgetrec.read", .severity = BR_SEV_ERROR,
                            .line = err->line, .message = err->message};
            /* the file at fault, when it is not the one the disclosure is named by */
            br_location loc = {.file = strcmp(err->file, path) ? err->file : NULL,
                               .line = err->line};
            record(w, path, NULL, &f, &loc, NULL, NULL, NULL, NULL);
        }
        return;
    }
    size_t n = br_report_count(report), nshown = 0;
    size_t *shown = n ? malloc(n * sizeof *shown) : NULL;
    br_coverage cov;
    if (br_report_coverage(report, &cov) == BR_OK) {
        totals->identities += cov.identities;
        totals->broken += cov.broken;
        totals->not_checked += cov.not_checked;
    }
    for (size_t i = 0; i < n; i++) {
        const br_finding *f = br_report_at(report, i);
        if (br_report_consequence_of(report, i) >= 0)
            totals->consequences++;
        else if (f->severity == BR_SEV_ERROR)
            totals->errors++;
        else if (f->severity == BR_SEV_WARNING)
            totals->warnings++;
        else
            totals->infos++;
        if ((int)f->severity < w->min_severity || !shown)
            continue;
        shown[nshown++] = i;
    }
    if (w->format == OUT_TEXT) {
        text_document(w, path, doc, report, shown, nshown);
    } else if (w->format == OUT_HTML) {
        html_document(w->out, path, doc, report, err, shown, nshown, w->coverage);
    } else {
        for (size_t k = 0; k < nshown; k++) {
            br_decimal diff;
            br_location loc = {0}, ploc = {0};
            int has = br_report_difference(report, shown[k], &diff);
            long p = br_report_consequence_of(report, shown[k]);
            br_report_location(report, shown[k], &loc);
            if (p >= 0)
                br_report_location(report, (size_t)p, &ploc);
            record(w, path, doc, br_report_at(report, shown[k]), &loc, has ? &diff : NULL,
                   p >= 0 ? br_report_at(report, (size_t)p) : NULL, &ploc, NULL);
        }
        /* how much was checked: a finding-shaped record of its own, last */
        char msg[1024];
        if (w->coverage && w->min_severity <= BR_SEV_INFO &&
            br_report_coverage(report, &cov) == BR_OK) {
            br_coverage_format(&cov, msg, sizeof msg);
            /* about the whole document: located at its first line */
            br_finding f = {.check = BR_COVERAGE_CHECK, .severity = BR_SEV_INFO, .line = 1,
                            .message = msg};
            br_location first = {.line = 1};
            record(w, path, doc, &f, &first, NULL, NULL, NULL, &cov);
        }
    }
    free(shown);
}

void out_end(out_writer *w, const out_totals *t)
{
    if (w->format == OUT_HTML)
        html_end(w->out, t);
    if (w->format != OUT_TEXT)
        return;
    fprintf(w->out, "\n%zu document%s checked: %zu error%s, %zu warning%s, %zu info", t->documents,
            t->documents == 1 ? "" : "s", t->errors, t->errors == 1 ? "" : "s", t->warnings,
            t->warnings == 1 ? "" : "s", t->infos);
    if (t->consequences)
        fprintf(w->out, " (and %zu consequence%s linked to them)", t->consequences,
                t->consequences == 1 ? "" : "s");
    if (t->unreadable)
        fprintf(w->out, "; %zu could not be read", t->unreadable);
    fputc('\n', w->out);
    if (w->coverage)
        fprintf(w->out, "%zu identit%s checked (%zu broken), %zu not checked\n", t->identities,
                t->identities == 1 ? "y" : "ies", t->broken, t->not_checked);
}
