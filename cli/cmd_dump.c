/* cmd_dump.c — `budgetrec dump --format json FILE`: the model as SPEC §6. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void dump_cell(FILE *out, const br_cell *c)
{
    if (c->flags & BR_CELL_TEXT)
        json_string(out, c->text);
    else
        json_decimal(out, &c->value);
}

/* `"file": …, "line": N, "page": P` — where something was read ("file" only
 * in a joined disclosure, "page" null when the document has no pages). */
static void dump_location(FILE *out, const br_disclosure *doc, size_t part, long line)
{
    const char *file = br_disclosure_part_file(doc, part);
    if (file) {
        fputs("\"file\": ", out);
        json_string(out, file);
        fputs(", ", out);
    }
    int page = br_disclosure_page_of(doc, part, line);
    fprintf(out, "\"line\": %ld, \"page\": ", line);
    if (page > 0)
        fprintf(out, "%d", page);
    else
        fputs("null", out);
}

/* `{"kind": …, "why": …}` of a reading-confidence mark. */
static void dump_uncertainty(FILE *out, const br_uncertainty *u)
{
    fputs("{\"kind\": ", out);
    json_string(out, u->kind);
    fputs(", \"why\": ", out);
    json_string(out, u->why);
    putc('}', out);
}

static void dump_row(FILE *out, const br_table *t, const br_row *r)
{
    fputs("        {\"code\": ", out);
    json_string(out, br_row_code(r));
    fputs(", \"label\": ", out);
    json_string(out, br_row_label(r));
    if (br_row_side(r) != BR_SIDE_NONE) {
        fputs(", \"side\": ", out);
        json_string(out, br_side_name(br_row_side(r)));
    }
    fputs(", ", out);
    dump_location(out, br_table_disclosure(t), br_row_part(r), br_row_line(r));
    fputs(", \"cells\": {", out);
    size_t n = br_table_column_count(t), shown = 0, inferred = 0;
    for (size_t c = 0; c < n; c++) {
        const br_cell *cell = br_row_cell(r, c);
        if (!(cell->flags & BR_CELL_PRESENT))
            continue;
        fputs(shown++ ? ", " : "", out);
        json_string(out, br_role_name(br_table_column_role(t, c)));
        fputs(": ", out);
        dump_cell(out, cell);
        inferred += (cell->flags & BR_CELL_INFERRED) != 0;
    }
    putc('}', out);
    if (inferred) {
        fputs(", \"inferred\": [", out);
        for (size_t c = 0, k = 0; c < n; c++)
            if (br_row_cell(r, c)->flags & BR_CELL_INFERRED) {
                fputs(k++ ? ", " : "", out);
                json_string(out, br_role_name(br_table_column_role(t, c)));
            }
        putc(']', out);
    }
    /* reading confidence: only when marked, so certain readings dump as before */
    if (br_row_uncertain(r)) {
        fputs(", \"uncertain\": ", out);
        dump_uncertainty(out, br_row_uncertain(r));
    }
    size_t guessed = 0;
    for (size_t c = 0; c < n; c++)
        if (br_row_cell(r, c)->flags & BR_CELL_UNCERTAIN) {
            fputs(guessed++ ? ", " : ", \"uncertain_cells\": [", out);
            json_string(out, br_role_name(br_table_column_role(t, c)));
        }
    if (guessed)
        putc(']', out);
    putc('}', out);
}

static void dump_table(FILE *out, const br_table *t)
{
    fputs("    {\"kind\": ", out);
    json_string(out, br_kind_name(br_table_kind(t)));
    fputs(", \"title\": ", out);
    json_string(out, br_table_title(t));
    fputs(", \"unit\": ", out);
    json_string(out, br_table_unit(t) ? br_unit_name(br_table_unit(t)) : NULL);
    fputs(", ", out);
    dump_location(out, br_table_disclosure(t), br_table_part(t), br_table_line(t));
    fputs(",\n     \"columns\": [", out);
    for (size_t c = 0; c < br_table_column_count(t); c++) {
        fputs(c ? ", " : "", out);
        json_string(out, br_role_name(br_table_column_role(t, c)));
    }
    fputs("],\n", out);
    if (br_table_project_code(t) || br_table_project_name(t)) {
        br_decimal amount;
        int has = br_table_project_amount(t, &amount);
        fputs("     \"project\": {\"code\": ", out);
        json_string(out, br_table_project_code(t));
        fputs(", \"name\": ", out);
        json_string(out, br_table_project_name(t));
        fputs(", \"amount\": ", out);
        json_decimal(out, has ? &amount : NULL);
        fputs("},\n", out);
    }
    if (br_table_attr_count(t)) {
        fputs("     \"attributes\": {", out);
        for (size_t i = 0; i < br_table_attr_count(t); i++) {
            fputs(i ? ",\n                    " : "", out);
            json_string(out, br_table_attr_key(t, i));
            fputs(": ", out);
            json_string(out, br_table_attr_value(t, i));
        }
        fputs("},\n", out);
    }
    /* reading confidence: only when marked, so certain readings dump as before */
    const br_uncertainty *whole = br_table_uncertain(t, -1);
    if (whole) {
        fputs("     \"uncertain\": ", out);
        dump_uncertainty(out, whole);
        fputs(",\n", out);
    }
    size_t marked = 0;
    for (size_t c = 0; c < br_table_column_count(t); c++) {
        const br_uncertainty *u = br_table_uncertain(t, (long)c);
        if (!u || u == whole) /* no mark of its own: the table's */
            continue;
        fputs(marked++ ? ", " : "     \"uncertain_columns\": {", out);
        json_string(out, br_role_name(br_table_column_role(t, c)));
        fputs(": ", out);
        dump_uncertainty(out, u);
    }
    if (marked)
        fputs("},\n", out);
    fputs("     \"rows\": [", out);
    for (size_t i = 0; i < br_table_row_count(t); i++) {
        fputs(i ? ",\n" : "\n", out);
        dump_row(out, t, br_table_row_at(t, i));
    }
    fputs(br_table_row_count(t) ? "\n     ]}" : "]}", out);
}

/* How a claim stands in its sentence (br_claim_form), when the reader said. */
static void dump_form(FILE *out, br_claim_form f)
{
    if (f.sentence > 0)
        fprintf(out, ", \"sentence\": %ld", f.sentence);
    if (f.role != BR_CLAIM_UNKNOWN) {
        fputs(", \"role\": ", out);
        json_string(out, br_claim_role_name(f.role));
    }
    if (f.of >= 0)
        fprintf(out, ", \"of\": %ld", f.of);
    if (f.base_class) {
        fputs(", \"base\": ", out);
        json_string(out, f.base_class);
    }
    if (f.compared != BR_BASE_NONE) {
        fputs(", \"compared_with\": ", out);
        json_string(out, br_claim_base_name(f.compared));
    }
    if (f.versus != BR_DIR_NONE) {
        fputs(", \"versus\": {\"direction\": ", out);
        json_string(out, br_direction_name(f.versus));
        fprintf(out, ", \"line\": %ld}", f.versus_line);
    }
}

static void dump_claims(FILE *out, br_disclosure *doc)
{
    const br_narrative *n = br_disclosure_narrative(doc);
    fputs("  \"claims\": [", out);
    for (size_t i = 0; i < br_narrative_claim_count(n); i++) {
        const br_claim *c = br_narrative_claim_at(n, i);
        fputs(i ? ",\n    {\"label\": " : "\n    {\"label\": ", out);
        json_string(out, c->label);
        fputs(", \"value\": ", out);
        json_decimal(out, &c->value);
        fputs(", \"unit\": ", out);
        json_string(out, c->unit);
        fputs(", \"class\": ", out);
        json_string(out, c->claim_class);
        if (c->code) {
            fputs(", \"code\": ", out);
            json_string(out, c->code);
        }
        if (c->direction != BR_DIR_NONE) {
            fputs(", \"direction\": ", out);
            json_string(out, br_direction_name(c->direction));
        }
        dump_form(out, br_narrative_claim_form(n, i));
        fputs(", ", out);
        dump_location(out, doc, br_narrative_claim_part(n, i), c->line);
        putc('}', out);
    }
    fputs(br_narrative_claim_count(n) ? "\n  ]" : "]", out);
}

static void dump_notes(FILE *out, const br_disclosure *doc)
{
    fputs("  \"notes\": [", out);
    for (size_t i = 0; i < br_disclosure_note_count(doc); i++) {
        const br_note *n = br_disclosure_note_at(doc, i);
        fputs(i ? ",\n    {\"severity\": " : "\n    {\"severity\": ", out);
        json_string(out, br_severity_name(n->severity));
        fputs(", \"table\": ", out);
        json_string(out, n->table);
        fputs(", \"row\": ", out);
        json_string(out, n->row);
        fputs(", \"column\": ", out);
        json_string(out, n->column);
        fputs(", ", out);
        dump_location(out, doc, br_disclosure_note_part(doc, i), n->line);
        fputs(", \"message\": ", out);
        json_string(out, n->message);
        putc('}', out);
    }
    fputs(br_disclosure_note_count(doc) ? "\n  ]" : "]", out);
}

void dump_json(FILE *out, br_disclosure *doc)
{
    fputs("{\n  \"document\": ", out);
    json_string(out, br_disclosure_path(doc));
    fputs(",\n  \"reader\": ", out);
    json_string(out, br_disclosure_reader(doc));
    if (br_disclosure_part_count(doc) > 1) { /* joined: the files it was read from */
        fputs(",\n  \"parts\": [", out);
        for (size_t p = 0; p < br_disclosure_part_count(doc); p++) {
            fputs(p ? ", {\"file\": " : "{\"file\": ", out);
            json_string(out, br_disclosure_part_path(doc, p));
            fputs(", \"reader\": ", out);
            json_string(out, br_disclosure_part_reader(doc, p));
            putc('}', out);
        }
        putc(']', out);
    }
    fputs(",\n  \"department\": {\"name\": ", out);
    json_string(out, br_disclosure_department(doc));
    fputs(", \"code\": ", out);
    json_string(out, br_disclosure_department_code(doc));
    fputs("},\n  \"year\": ", out);
    if (br_disclosure_year(doc))
        fprintf(out, "%d", br_disclosure_year(doc));
    else
        fputs("null", out);
    fputs(",\n  \"phase\": ", out);
    json_string(out, br_phase_name(br_disclosure_phase(doc)));
    fputs(",\n  \"unit\": ", out);
    json_string(out, br_disclosure_unit(doc) ? br_unit_name(br_disclosure_unit(doc)) : NULL);
    fputs(",\n  \"tables\": [", out);
    for (size_t i = 0; i < br_disclosure_table_count(doc); i++) {
        fputs(i ? ",\n" : "\n", out);
        dump_table(out, br_disclosure_table_at(doc, i));
    }
    fputs(br_disclosure_table_count(doc) ? "\n  ],\n" : "],\n", out);
    dump_claims(out, doc);
    fputs(",\n", out);
    dump_notes(out, doc);
    fputs("\n}\n", out);
}

int cmd_dump(int argc, char **argv)
{
    cli_plugins opts = {0};
    const char **files = calloc((size_t)argc, sizeof *files);
    size_t nfiles = 0;
    int join = 0, status = EXIT_USAGE;
    if (!files)
        goto done;
    for (int i = 1; i < argc; i++) {
        int r = cli_plugin_option(&opts, argc, argv, &i);
        if (r < 0)
            goto usage;
        if (r > 0)
            continue;
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            if (strcmp(argv[++i], "json") != 0) {
                fprintf(stderr, "budgetrec dump: unknown format '%s' (json)\n", argv[i]);
                goto done;
            }
        } else if (strcmp(argv[i], "--join") == 0) {
            join = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            goto usage;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    /* several files are one disclosure only when --join says so */
    if (!nfiles || (nfiles > 1 && !join))
        goto usage;
    br_registry *reg = cli_load_plugins(&opts);
    if (!reg)
        goto done;
    br_disclosure *doc = NULL;
    br_error err = {0};
    if (br_registry_read_parts(reg, files, nfiles, &doc, &err) != BR_OK) {
        cli_print_error(&err);
    } else {
        dump_json(stdout, doc);
        status = fflush(stdout) == 0 ? EXIT_CLEAN : EXIT_USAGE;
        br_disclosure_free(doc);
    }
    br_registry_free(reg);
    goto done;
usage:
    fputs("usage: budgetrec dump [--format json] [--plugin PATH] [--plugin-dir DIR] FILE\n"
          "       budgetrec dump [--format json] --join FILE... (one disclosure: a narrative\n"
          "       and its tables published as separate files)\n",
          stderr);
done:
    free(files);
    cli_plugins_free(&opts);
    return status;
}
