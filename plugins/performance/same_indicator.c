/*
 * same_indicator.c — performance.same_indicator: a quantity of the
 * department itself (its staff, 编制, vehicles, units, buildings: vocab.def
 * DEPT_QTY) that appears as an indicator in two performance tables (the
 * overall table and a project's, or two projects') with the same unit has
 * the same target in both: it is one figure of the department.  Any other
 * indicator is not compared — different projects legitimately set different
 * targets for an indicator of the same name (按时办结率, 培训人数).
 *
 * Names are compared after normalisation (spaces, punctuation and a leading
 * "指标 1:" removed); units as printed.  One pass collects the department's
 * quantities with a figure as target, one sort groups them by name and unit:
 * no quadratic scan.  Counts (人, 辆, 个) are exact — 262 people are not
 * 262 ± 0.5 —; a measure (平方米) may differ within the rounding of both.  The overall table's target, else the first printed, is
 * the reference.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perf.h"

typedef struct rec {
    const char *key; /* normalised name, '\x1f', unit key */
    const br_table *table;
    const br_row *row;
    const char *name;
    const char *op;
    const char *unit;
    br_decimal value;
    size_t order;
    int overall;
    int exact; /* a count (people, cars, units): no rounding */
} rec;

/* CJK punctuation dropped from names (ASCII punctuation goes too). */
static const char *const puncts[] = {"。", "，", "、", "；", "：", "“", "”", "‘", "’", "《",
                                     "》", "（", "）", "【", "】", "「", "」", "·", "…", "—",
                                     "！", "？"};

/* Length of the UTF-8 character at p (1 for a stray continuation byte). */
static size_t char_len(unsigned char ch)
{
    return ch < 0xC0 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
}

/* Length of the punctuation character at p, or 0 when it is not one. */
static size_t punct_len(const char *p)
{
    unsigned char ch = (unsigned char)*p;
    if (ch < 0x80)
        return (ch <= ' ' || strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", ch)) ? 1 : 0;
    size_t l = char_len(ch);
    for (size_t i = 0; i < sizeof puncts / sizeof *puncts; i++)
        if (strlen(puncts[i]) == l && memcmp(p, puncts[i], l) == 0)
            return l;
    return 0;
}

/* Normalise `name` into out (capacity ≥ strlen(name) + 1); returns its length. */
static size_t normalise(const char *name, char *out)
{
    size_t n = 0;
    for (const char *p = name; *p;) {
        size_t l = punct_len(p);
        if (l) {
            p += l;
            continue;
        }
        /* copy the whole character (never split a UTF-8 sequence) */
        for (l = char_len((unsigned char)*p); l-- && *p;)
            out[n++] = *p++;
    }
    out[n] = '\0';
    /* a leading enumeration: "指标1", "1" */
    size_t skip = 0;
    if (strncmp(out, "指标", strlen("指标")) == 0 && out[strlen("指标")] >= '0' &&
        out[strlen("指标")] <= '9')
        skip = strlen("指标");
    while (out[skip] >= '0' && out[skip] <= '9')
        skip++;
    if (skip && out[skip]) {
        memmove(out, out + skip, n - skip + 1);
        n -= skip;
    }
    return n;
}

static int rec_cmp(const void *a, const void *b)
{
    const rec *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->overall != y->overall)
        return y->overall - x->overall;
    return x->order < y->order ? -1 : x->order > y->order;
}

static const char *text_of(const br_row *r, int col)
{
    if (col < 0)
        return NULL;
    const br_cell *c = pf_host->row_cell(r, (size_t)col);
    return c && (c->flags & BR_CELL_PRESENT) && (c->flags & BR_CELL_TEXT) ? c->text : NULL;
}

/* The comparable target of an indicator: a quantity of the department with
 * a unit and a figure; 0 when none. */
static int comparable(const pf_indicator *ind, br_decimal *v, const char **unit_key)
{
    if (!ind->unit.key[0] || !pf_is_department_quantity(ind) || !pf_cell_number(ind->target, v))
        return 0;
    *unit_key = ind->unit.key;
    return 1;
}

static void report_pair(const rec *ref, const rec *r, br_report *report)
{
    br_decimal diff, tol = {0, 0};
    if (pf_host->decimal_cmp(ref->value, r->value) == 0 ||
        pf_host->decimal_sub(r->value, ref->value, &diff) != BR_OK ||
        (!r->exact && pf_host->decimal_add(pf_host->decimal_half_ulp(ref->value),
                                           pf_host->decimal_half_ulp(r->value), &tol) != BR_OK))
        return;
    if (diff.units < 0)
        diff.units = -diff.units;
    int rounding = pf_host->decimal_cmp(diff, tol) <= 0;
    char here[512], there[512], rs[BR_DECIMAL_STR_MAX], vs[BR_DECIMAL_STR_MAX], msg[2048];
    pf_table_name(r->table, here, sizeof here);
    pf_table_name(ref->table, there, sizeof there);
    pf_host->decimal_format(ref->value, rs, sizeof rs);
    pf_host->decimal_format(r->value, vs, sizeof vs);
    snprintf(msg, sizeof msg,
             "indicator \"%s\" (%s): target %s%s in %s, but %s%s in %s (line %ld)%s", r->name,
             r->unit, r->op ? r->op : "", vs, here, ref->op ? ref->op : "", rs, there,
             pf_host->row_line(ref->row), rounding ? ", equal only within rounding" : "");
    br_finding f = {
        .check = "performance.same_indicator",
        .severity = rounding ? BR_SEV_INFO : BR_SEV_WARNING,
        .table = pf_host->kind_name(pf_host->table_kind(r->table)),
        .row = pf_host->row_key(r->row),
        .column = "target",
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
        .expected = ref->value,
        .actual = r->value,
        .tolerance = tol,
        .line = pf_host->row_line(r->row),
        .message = msg,
    };
    pf_host->report_add(report, &f);
}

int pf_check_same_indicator(const br_disclosure *doc, br_report *report)
{
    /* pass 1: how much room */
    size_t nrec = 0, nbytes = 0, ntables = 0;
    for (size_t ti = 0; ti < pf_host->doc_table_count(doc); ti++) {
        const br_table *t = pf_host->doc_table_at(doc, ti);
        if (!pf_is_perf_table(t))
            continue;
        ntables++;
        pf_cols c;
        pf_columns(t, &c);
        for (size_t i = 0; i < pf_host->table_row_count(t); i++) {
            pf_indicator ind;
            br_decimal v;
            const char *uk;
            if (!pf_read_indicator(pf_host->table_row_at(t, i), &c, &ind) ||
                !comparable(&ind, &v, &uk))
                continue;
            nrec++;
            nbytes += strlen(ind.name) + strlen(uk) + 2;
        }
    }
    if (ntables < 2 || nrec < 2)
        return BR_OK;
    rec *recs = malloc(nrec * sizeof *recs);
    char *keys = malloc(nbytes);
    if (!recs || !keys) {
        free(recs);
        free(keys);
        return BR_ERR_NOMEM;
    }

    /* pass 2: the records */
    size_t n = 0, used = 0;
    for (size_t ti = 0; ti < pf_host->doc_table_count(doc); ti++) {
        const br_table *t = pf_host->doc_table_at(doc, ti);
        if (!pf_is_perf_table(t))
            continue;
        pf_cols c;
        pf_columns(t, &c);
        for (size_t i = 0; i < pf_host->table_row_count(t) && n < nrec; i++) {
            pf_indicator ind;
            br_decimal v;
            const char *uk;
            if (!pf_read_indicator(pf_host->table_row_at(t, i), &c, &ind) ||
                !comparable(&ind, &v, &uk))
                continue;
            char *k = keys + used;
            size_t kl = normalise(ind.name, k);
            if (!kl)
                continue;
            k[kl] = '\x1f';
            strcpy(k + kl + 1, uk);
            used += kl + strlen(uk) + 2;
            recs[n] = (rec){.key = k, .table = t, .row = ind.row, .name = ind.name,
                            .op = text_of(ind.row, c.op), .unit = text_of(ind.row, c.unit),
                            .value = v, .order = n, .exact = ind.unit.cls == PF_UNIT_COUNT,
                            .overall = pf_host->table_kind(t) == BR_KIND_PERFORMANCE_OVERALL};
            n++;
        }
    }

    /* one sort; each group's first record is its reference */
    qsort(recs, n, sizeof *recs, rec_cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(recs[j].key, recs[i].key) == 0)
            j++;
        for (size_t k = i + 1; k < j; k++)
            if (recs[k].table != recs[i].table)
                report_pair(&recs[i], &recs[k], report);
        i = j;
    }
    free(recs);
    free(keys);
    return BR_OK;
}
