/*
 * checkrun.c — running checks: bind declared inputs, call through libffi.
 *
 * A check declaring inputs [k1, k2, …] is called as
 * fn(input1, input2, …, report) with one prepared ffi_cif per arity
 * (registry.c).  A declared table that the disclosure lacks makes the check
 * not applicable: it is neither run nor passed.
 */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"
#include "model_internal.h"

static int listed(const char *const *ids, const char *id)
{
    for (; ids && *ids; ids++)
        if (strcmp(*ids, id) == 0)
            return 1;
    return 0;
}

static int narrative_present(const br_narrative *n)
{
    return n->text != NULL || n->nclaims > 0;
}

/* Bind the inputs of `c` for `doc`; 0 when one is absent. */
static int bind_inputs(const br_check_desc *c, const br_disclosure *doc, void **values)
{
    for (size_t i = 0; i < c->n_inputs; i++) {
        int in = c->inputs[i];
        if (in == BR_INPUT_DISCLOSURE)
            values[i] = (void *)doc;
        else if (in == BR_INPUT_NARRATIVE)
            values[i] = narrative_present(&doc->narrative) ? (void *)&doc->narrative : NULL;
        else
            values[i] = br_disclosure_find_table(doc, (br_kind)in);
        if (!values[i])
            return 0;
    }
    return 1;
}

static int excluded(const br_check_options *opts, const char *id)
{
    return opts && ((opts->only && !listed(opts->only, id)) || listed(opts->skip, id));
}

/* Reader notes become findings of "<reader>.parse" (the reader of the note's
 * part, in a joined disclosure). */
static void add_notes(const br_disclosure *doc, br_report *report, const br_check_options *opts)
{
    for (size_t i = 0; i < doc->nnotes; i++) {
        size_t part = br_disclosure_note_part(doc, i);
        const char *reader = br_disclosure_part_reader(doc, part);
        if (!reader)
            reader = doc->reader;
        char check[128];
        snprintf(check, sizeof check, "%s.parse", reader ? reader : "reader");
        if (excluded(opts, check))
            continue;
        const br_note *n = &doc->notes[i];
        br_finding f = {.check = check, .severity = n->severity, .table = n->table,
                        .row = n->row, .column = n->column, .line = n->line,
                        .message = n->message};
        if (br_report_add(report, &f) == BR_OK)
            br_report_set_part(report, br_report_count(report) - 1, part);
    }
}

/* The uncertainty a finding without identity terms rests on: the table of
 * its kind (the one holding its line, else the first) as a whole, or the
 * column it names. */
static const br_uncertainty *finding_uncertain(const br_disclosure *doc, const br_finding *f)
{
    if (!f->table)
        return NULL;
    const br_table *match = NULL;
    for (size_t i = 0; i < doc->ntables; i++) {
        const br_table *t = doc->tables[i];
        if (strcmp(br_kind_name(t->kind), f->table) != 0)
            continue;
        if (!match)
            match = t;
        for (size_t r = 0; r < t->nrows; r++)
            if (t->rows[r]->line == f->line) {
                match = t;
                i = doc->ntables;
                break;
            }
    }
    if (!match)
        return NULL;
    if (f->column)
        for (size_t c = 0; c < match->ncols; c++)
            if (strcmp(br_role_name(match->roles[c]), f->column) == 0)
                return br_table_uncertain(match, (long)c);
    return br_table_uncertain(match, -1);
}

/* Fail closed for findings a check reported without identity terms (a
 * completeness or performance check): one about a table or column the
 * reader is unsure of becomes an info "not checked". */
static void gate_findings(const br_disclosure *doc, br_report *report, size_t from)
{
    for (size_t i = from; i < br_report_count(report); i++) {
        size_t nterms;
        br_finding *f = br_report_finding_mut(report, i);
        if (f->severity < BR_SEV_WARNING || (br_report_terms(report, i, &nterms), nterms))
            continue;
        const br_uncertainty *u = finding_uncertain(doc, f);
        if (!u)
            continue;
        char msg[1024];
        snprintf(msg, sizeof msg, "not checked: %s — %s", f->message, u->why);
        const char *copy = br_report_strdup(report, msg);
        if (!copy)
            continue;
        f->message = copy;
        f->severity = BR_SEV_INFO;
        f->cause = NULL;
        br_report_count_identity(report, BR_IDENTITY_NOT_CHECKED, u->kind);
    }
}

static br_check_status run_one(const br_registry *reg, const br_check_entry *e,
                               const br_disclosure *doc, br_report *report)
{
    const br_check_desc *c = e->desc;
    void *values[BR_CHECK_MAX_INPUTS + 1];
    void *args[BR_CHECK_MAX_INPUTS + 1];
    if (!bind_inputs(c, doc, values))
        return BR_CHECK_NOT_APPLICABLE;
    values[c->n_inputs] = report;
    for (size_t i = 0; i <= c->n_inputs; i++)
        args[i] = &values[i];

    size_t arity = c->n_inputs + 1;
    if (!reg->cif_ready[arity])
        return BR_CHECK_CRASHED;
    size_t before = br_report_count(report);
    ffi_arg rc = 0; /* at least sizeof(ffi_arg), as libffi requires */
    ffi_call((ffi_cif *)&reg->cifs[arity], FFI_FN(c->fn), &rc, args);
    if ((int)rc < 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "check %s failed with status %s", c->id,
                 br_status_name((int)rc));
        br_finding f = {.check = c->id, .severity = BR_SEV_WARNING, .message = msg};
        br_report_add(report, &f);
        return BR_CHECK_CRASHED;
    }
    if ((int)rc == BR_NOT_APPLICABLE && br_report_count(report) == before)
        return BR_CHECK_NOT_APPLICABLE;
    gate_findings(doc, report, before);
    for (size_t i = before; i < br_report_count(report); i++)
        if (br_report_at(report, i)->severity >= BR_SEV_WARNING)
            return BR_CHECK_FAILED;
    return BR_CHECK_PASSED;
}

br_report *br_registry_check(const br_registry *reg, const br_disclosure *doc,
                             const br_check_options *opts)
{
    br_report *report = br_report_new(doc);
    if (!report || !reg || !doc)
        return report;
    add_notes(doc, report, opts);
    for (size_t i = 0; i < reg->nchecks; i++) {
        const br_check_entry *e = &reg->checks[i];
        br_check_status st;
        if (excluded(opts, e->desc->id))
            st = BR_CHECK_SKIPPED;
        else
            st = run_one(reg, e, doc, report);
        if (br_report_add_run(report, e->desc->id, st) != BR_OK) {
            br_report_free(report);
            return NULL;
        }
    }
    if (!excluded(opts, BR_UNCHECKED_CHECK))
        br_report_list_unchecked(report);
    br_report_localise(report);
    br_report_link_on_claims(report);
    br_report_doubt_positional(report);
    br_report_doubt_systematic(report);
    return report;
}
