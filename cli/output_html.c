/*
 * output_html.c — `check --format html`: one self-contained page per run.
 * Each document's tables are shown as tables; a cell a finding points at is
 * highlighted (by severity) and the findings are listed beside the table.
 */
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

static int in_table(const br_report *rep, size_t i, const br_table *t)
{
    const br_finding *f = br_report_at(rep, i);
    if (!f->table || strcmp(f->table, br_kind_name(br_table_kind(t))) != 0 ||
        !same_file(rep, i, t))
        return 0;
    for (size_t i = 0; i < br_table_row_count(t); i++)
        if (br_row_line(br_table_row_at(t, i)) == f->line)
            return 1;
    return f->line == br_table_line(t);
}

static void finding_item(FILE *o, const br_report *rep, size_t i, const size_t *shown, size_t n)
{
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
    for (size_t k = 0; k < n; k++)
        if (br_report_consequence_of(rep, shown[k]) == (long)i) {
            const br_finding *c = br_report_at(rep, shown[k]);
            br_report_location(rep, shown[k], &loc);
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

static void html_table(FILE *o, const br_table *t, const br_report *rep, const size_t *shown,
                       size_t n)
{
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
            for (size_t k = 0; k < n; k++) {
                const br_finding *f = br_report_at(rep, shown[k]);
                if (br_report_consequence_of(rep, shown[k]) < 0 &&
                    points_at(rep, shown[k], t, r, br_table_column_role(t, c)) &&
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
    for (size_t k = 0; k < n; k++)
        if (br_report_consequence_of(rep, shown[k]) < 0 && in_table(rep, shown[k], t))
            finding_item(o, rep, shown[k], shown, n);
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
    /* findings that belong to no table row: narrative, document level */
    fputs("<ul class=\"findings\">\n", o);
    for (size_t k = 0; k < n; k++) {
        int placed = 0;
        for (size_t t = 0; t < br_disclosure_table_count(doc) && !placed; t++)
            placed = in_table(rep, shown[k], br_disclosure_table_at(doc, t));
        if (!placed && br_report_consequence_of(rep, shown[k]) < 0)
            finding_item(o, rep, shown[k], shown, n);
    }
    fputs("</ul>\n", o);
    for (size_t t = 0; t < br_disclosure_table_count(doc); t++)
        html_table(o, br_disclosure_table_at(doc, t), rep, shown, n);
}
