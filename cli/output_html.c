/*
 * output_html.c — `check --format html`: one self-contained page per run.
 * Each document's tables are shown as tables; a cell a finding points at is
 * highlighted (by severity) and the findings are listed beside the table.
 */
#include <stdlib.h>
#include <string.h>

#include "output.h"

static void esc(FILE *o, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '&': fputs("&amp;", o); break;
        case '"': fputs("&quot;", o); break;
        default: putc(*s, o);
        }
    }
}

void html_begin(FILE *o)
{
    fputs("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">\n"
          "<title>budgetrec check</title>\n<style>\n"
          "body{font-family:sans-serif;margin:1.5em;color:#222}\n"
          "h2{border-bottom:2px solid #444;padding-bottom:.2em}\n"
          ".tbl{display:flex;gap:1.5em;align-items:flex-start;margin-bottom:1.5em}\n"
          "table{border-collapse:collapse;font-size:13px}\n"
          "td,th{border:1px solid #bbb;padding:2px 6px}\n"
          "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
          "td.error{background:#f8c9c9;font-weight:bold}\n"
          "td.warning{background:#fbe7b0}\n"
          "td.info{background:#d6ecf7}\n"
          "td[data-inferred]{font-style:italic}\n"
          ".findings{font-size:13px;max-width:40em}\n"
          ".findings li{margin-bottom:.4em}\n"
          ".sev-error{color:#b00}.sev-warning{color:#a60}.sev-info{color:#06a}\n"
          ".cons{margin-left:1.5em;color:#555}\n"
          "</style></head><body>\n<h1>budgetrec check</h1>\n",
          o);
}

void html_end(FILE *o, const out_totals *t)
{
    fprintf(o,
            "<p>%zu document(s): %zu error(s), %zu warning(s), %zu info; %zu unreadable.</p>\n"
            "</body></html>\n",
            t->documents, t->errors, t->warnings, t->infos, t->unreadable);
}

/* Is finding i in the file table t was read from (a joined disclosure has several)? */
static int same_file(const br_report *rep, size_t i, const br_table *t)
{
    br_location loc = {0};
    br_report_location(rep, i, &loc);
    return loc.file == br_disclosure_part_file(br_table_disclosure(t), br_table_part(t));
}

/* Does finding i point at this table's row r, column c? */
static int points_at(const br_report *rep, size_t i, const br_table *t, const br_row *r,
                     br_role role)
{
    const br_finding *f = br_report_at(rep, i);
    return f->table && strcmp(f->table, br_kind_name(br_table_kind(t))) == 0 && f->row &&
           strcmp(f->row, br_row_key(r)) == 0 && f->line == br_row_line(r) &&
           (!f->column || strcmp(f->column, br_role_name(role)) == 0) && same_file(rep, i, t);
}

/*
 * Where each shown finding goes, found once per document so that the page
 * costs time linear in its findings and cells (n log n): the table it is in
 * (or -1), its consequences as a list, and each table's primary findings
 * ordered by line, so that a cell looks at its own row's findings only.
 */
typedef struct html_index {
    const br_report *rep;
    const size_t *shown;
    size_t n;
    long *table_of;  /* per shown finding: the table it is in, or -1 */
    long *first_cons; /* per report finding: its first shown consequence (shown index), or -1 */
    long *next_cons;  /* per shown finding: the next consequence of its primary, or -1 */
    size_t *by_line;  /* shown indexes of primaries in a table, by (table, line) */
    size_t nby_line;
} html_index;

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

static const html_index *sort_ix; /* for cmp_by_line (qsort has no context) */

static int cmp_by_line(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    long tx = sort_ix->table_of[x], ty = sort_ix->table_of[y];
    if (tx != ty)
        return tx < ty ? -1 : 1;
    long lx = br_report_at(sort_ix->rep, sort_ix->shown[x])->line,
         ly = br_report_at(sort_ix->rep, sort_ix->shown[y])->line;
    if (lx != ly)
        return lx < ly ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* Is finding i in table t, whose row lines are `lines` (sorted, n of them)? */
static int in_table_sorted(const br_report *rep, size_t i, const br_table *t, const long *lines,
                           size_t n)
{
    const br_finding *f = br_report_at(rep, i);
    if (!f->table || strcmp(f->table, br_kind_name(br_table_kind(t))) != 0 ||
        !same_file(rep, i, t))
        return 0;
    if (f->line == br_table_line(t))
        return 1;
    return n && bsearch(&f->line, lines, n, sizeof *lines, cmp_long) != NULL;
}

static int html_index_make(html_index *x, const br_disclosure *doc, const br_report *rep,
                           const size_t *shown, size_t n)
{
    size_t nrep = br_report_count(rep), ntab = br_disclosure_table_count(doc);
    *x = (html_index){rep, shown, n, malloc((n ? n : 1) * sizeof(long)),
                      malloc((nrep ? nrep : 1) * sizeof(long)), malloc((n ? n : 1) * sizeof(long)),
                      malloc((n ? n : 1) * sizeof(size_t)), 0};
    if (!x->table_of || !x->first_cons || !x->next_cons || !x->by_line)
        return 0;
    for (size_t k = 0; k < n; k++)
        x->table_of[k] = -1;
    for (size_t t = 0; t < ntab; t++) {
        const br_table *tb = br_disclosure_table_at(doc, t);
        size_t nr = br_table_row_count(tb);
        long *lines = malloc((nr ? nr : 1) * sizeof *lines);
        if (!lines)
            return 0;
        for (size_t r = 0; r < nr; r++)
            lines[r] = br_row_line(br_table_row_at(tb, r));
        qsort(lines, nr, sizeof *lines, cmp_long);
        for (size_t k = 0; k < n; k++)
            if (x->table_of[k] < 0 && in_table_sorted(rep, shown[k], tb, lines, nr))
                x->table_of[k] = (long)t;
        free(lines);
    }
    for (size_t i = 0; i < nrep; i++)
        x->first_cons[i] = -1;
    for (size_t k = n; k-- > 0;) { /* built backwards: each list in shown order */
        long c = br_report_consequence_of(rep, shown[k]);
        x->next_cons[k] = -1;
        if (c >= 0 && (size_t)c < nrep) {
            x->next_cons[k] = x->first_cons[c];
            x->first_cons[c] = (long)k;
        }
    }
    for (size_t k = 0; k < n; k++)
        if (x->table_of[k] >= 0 && br_report_consequence_of(rep, shown[k]) < 0)
            x->by_line[x->nby_line++] = k;
    sort_ix = x;
    qsort(x->by_line, x->nby_line, sizeof *x->by_line, cmp_by_line);
    sort_ix = NULL;
    return 1;
}

static void html_index_free(html_index *x)
{
    free(x->table_of);
    free(x->first_cons);
    free(x->next_cons);
    free(x->by_line);
}

/* The primaries of table t at `line`: by_line[*from .. *to). */
static void findings_at_line(const html_index *x, long t, long line, size_t *from, size_t *to)
{
    size_t lo = 0, hi = x->nby_line;
    while (lo < hi) { /* first (table, line) not before (t, line) */
        size_t mid = lo + (hi - lo) / 2, k = x->by_line[mid];
        long tk = x->table_of[k], lk = br_report_at(x->rep, x->shown[k])->line;
        if (tk < t || (tk == t && lk < line))
            lo = mid + 1;
        else
            hi = mid;
    }
    *from = lo;
    while (lo < x->nby_line && x->table_of[x->by_line[lo]] == t &&
           br_report_at(x->rep, x->shown[x->by_line[lo]])->line == line)
        lo++;
    *to = lo;
}

static void finding_item(FILE *o, const html_index *x, size_t i)
{
    const br_report *rep = x->rep;
    const br_finding *f = br_report_at(rep, i);
    char where[1200];
    br_location loc = {0};
    br_report_location(rep, i, &loc);
    out_location(where, sizeof where, &loc);
    fprintf(o, "<li><span class=\"sev-%s\">%s</span> ", br_severity_name(f->severity),
            br_severity_name(f->severity));
    esc(o, where);
    putc(' ', o);
    if (f->row) {
        fputs("<b>", o);
        esc(o, f->row);
        if (f->column) {
            fputs(" · ", o);
            esc(o, f->column);
        }
        fputs("</b> ", o);
    }
    esc(o, f->message);
    if (f->cause) {
        fputs(" <i>(cause: ", o);
        esc(o, f->cause);
        fputs(")</i>", o);
    }
    fputs(" <small>[", o);
    esc(o, f->check);
    fputs("]</small>", o);
    for (long k = x->first_cons[i]; k >= 0; k = x->next_cons[k]) {
            const br_finding *c = br_report_at(rep, x->shown[k]);
            br_report_location(rep, x->shown[k], &loc);
            out_location(where, sizeof where, &loc);
            fputs("<div class=\"cons\">↳ consequence: ", o);
            esc(o, c->table);
            fputs(" ", o);
            esc(o, c->row);
            fputs(" (", o);
            esc(o, where);
            fputs("): ", o);
            esc(o, c->message);
            fputs("</div>", o);
        }
    fputs("</li>\n", o);
}

static void html_table(FILE *o, const br_table *t, long ti, const html_index *x)
{
    const br_report *rep = x->rep;
    fputs("<h3>", o);
    esc(o, br_kind_name(br_table_kind(t)));
    fputs(" — ", o);
    esc(o, br_table_title(t));
    const br_disclosure *doc = br_table_disclosure(t);
    br_location loc = {br_disclosure_part_file(doc, br_table_part(t)), br_table_line(t), 0};
    int page = br_disclosure_page_of(doc, br_table_part(t), br_table_line(t));
    char where[1200];
    out_location(where, sizeof where, &loc);
    fputs(" <small>(", o);
    esc(o, where);
    if (page > 0)
        fprintf(o, ", p. %d", page);
    if (br_table_unit(t))
        fprintf(o, ", %s", br_unit_name(br_table_unit(t)));
    fputs(")</small></h3>\n<div class=\"tbl\"><table>\n<tr><th>line</th><th>code</th><th>label</th>",
          o);
    size_t ncol = br_table_column_count(t);
    for (size_t c = 0; c < ncol; c++) {
        fputs("<th>", o);
        esc(o, br_role_name(br_table_column_role(t, c)));
        fputs("</th>", o);
    }
    fputs("</tr>\n", o);
    for (size_t i = 0; i < br_table_row_count(t); i++) {
        const br_row *r = br_table_row_at(t, i);
        fprintf(o, "<tr><td>%ld</td><td>", br_row_line(r));
        esc(o, br_row_code(r));
        fputs("</td><td>", o);
        esc(o, br_row_label(r));
        fputs("</td>", o);
        for (size_t c = 0; c < ncol; c++) {
            const br_cell *cell = br_row_cell(r, c);
            int worst = -1;
            const char *tip = NULL;
            size_t from, to;
            findings_at_line(x, ti, br_row_line(r), &from, &to);
            for (size_t m = from; m < to; m++) {
                size_t k = x->by_line[m];
                const br_finding *f = br_report_at(rep, x->shown[k]);
                if (points_at(rep, x->shown[k], t, r, br_table_column_role(t, c)) &&
                    (int)f->severity > worst) {
                    worst = (int)f->severity;
                    tip = f->message;
                }
            }
            fprintf(o, "<td class=\"%s%s%s\"", cell->flags & BR_CELL_TEXT ? "" : "num",
                    worst >= 0 ? " " : "", worst >= 0 ? br_severity_name((br_severity)worst) : "");
            if (cell->flags & BR_CELL_INFERRED)
                fputs(" data-inferred=\"1\"", o);
            if (tip) {
                fputs(" title=\"", o);
                esc(o, tip);
                putc('"', o);
            }
            putc('>', o);
            if (cell->flags & BR_CELL_TEXT) {
                esc(o, cell->text);
            } else if (cell->flags & BR_CELL_PRESENT) {
                char buf[BR_DECIMAL_STR_MAX];
                br_decimal_format(cell->value, buf, sizeof buf);
                fputs(buf, o);
            }
            fputs("</td>", o);
        }
        fputs("</tr>\n", o);
    }
    fputs("</table>\n<ul class=\"findings\">\n", o);
    for (size_t k = 0; k < x->n; k++)
        if (x->table_of[k] == ti && br_report_consequence_of(rep, x->shown[k]) < 0)
            finding_item(o, x, x->shown[k]);
    fputs("</ul></div>\n", o);
}

void html_document(FILE *o, const char *path, const br_disclosure *doc, const br_report *rep,
                   const br_error *err, const size_t *shown, size_t n, int coverage)
{
    fputs("<h2>", o);
    esc(o, path);
    for (size_t p = 1; doc && p < br_disclosure_part_count(doc); p++) { /* joined */
        fputs(" + ", o);
        esc(o, br_disclosure_part_path(doc, p));
    }
    if (doc && br_disclosure_department(doc)) {
        fputs(" — ", o);
        esc(o, br_disclosure_department(doc));
    }
    if (doc && br_disclosure_year(doc))
        fprintf(o, " %d", br_disclosure_year(doc));
    fputs("</h2>\n", o);
    if (!rep) {
        fprintf(o, "<p class=\"sev-error\">could not be read%s", err->line ? " (line " : "");
        if (err->line)
            fprintf(o, "%ld)", err->line);
        fputs(": ", o);
        esc(o, err->message);
        fputs("</p>\n", o);
        return;
    }
    char cov[1024];
    if (coverage && out_coverage_line(rep, cov, sizeof cov)) {
        fputs("<p class=\"coverage\">", o);
        esc(o, cov);
        fputs("</p>\n", o);
    }
    html_index x;
    if (!html_index_make(&x, doc, rep, shown, n)) {
        html_index_free(&x);
        fputs("<p class=\"sev-error\">out of memory</p>\n", o);
        return;
    }
    /* findings that belong to no table row: narrative, document level */
    fputs("<ul class=\"findings\">\n", o);
    for (size_t k = 0; k < n; k++)
        if (x.table_of[k] < 0 && br_report_consequence_of(rep, shown[k]) < 0)
            finding_item(o, &x, shown[k]);
    fputs("</ul>\n", o);
    for (size_t t = 0; t < br_disclosure_table_count(doc); t++)
        html_table(o, br_disclosure_table_at(doc, t), (long)t, &x);
    html_index_free(&x);
}
