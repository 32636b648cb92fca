/* output.h — writing findings in check's formats (text, json, csv, html). */
#ifndef BR_CLI_OUTPUT_H
#define BR_CLI_OUTPUT_H

#include "cli.h"

typedef enum out_format { OUT_TEXT, OUT_JSON, OUT_CSV, OUT_HTML } out_format;

typedef struct out_totals {
    size_t documents, unreadable, errors, warnings, infos;
    size_t consequences; /* findings linked to a primary one (not counted above) */
    size_t identities, broken, not_checked; /* coverage, summed over documents */
} out_totals;

typedef struct out_writer {
    FILE *out;
    out_format format;
    int colour;
    int min_severity;
    int coverage; /* write the coverage record / line (br_report_coverage) */
} out_writer;

void out_begin(out_writer *w);
/* One disclosure's findings (report may be NULL with err set: unreadable). */
void out_document(out_writer *w, const char *path, const br_disclosure *doc,
                  const br_report *report, const br_error *err, out_totals *totals);
void out_end(out_writer *w, const out_totals *totals);
/* "line 14 (p. 3)", "x-tables.pdf:14 (p. 3)" (joined: the file's name), "line 14", "":
 * where a finding is. */
void out_location(char *buf, size_t cap, const br_location *loc);

/* The coverage finding (BR_COVERAGE_CHECK): a record of its own in JSON and
 * CSV, the heading's "checked: …" line in text and HTML. */
int out_is_coverage(const br_finding *f);
/* "checked: 323 identities checked: …" for the document's heading; 0 when
 * the report has no coverage finding (--only). */
int out_coverage_line(const br_report *report, char *buf, size_t cap);

/* output_html.c */
void html_begin(FILE *o);
void html_document(FILE *o, const char *path, const br_disclosure *doc, const br_report *rep,
                   const br_error *err, const size_t *shown, size_t n, int coverage);
void html_end(FILE *o, const out_totals *t);

#endif
