/*
 * identity.c — evaluating and reporting identities between printed figures.
 *
 * Every figure printed with s decimals stands for the interval of values
 * that round to it (±0.5·10^-s).  An identity Σ coef·value = 0 is broken
 * only when those intervals cannot meet (|Σ| > Σ radii), and holds "only
 * through rounding" when 0 < |Σ| ≤ Σ radii — XBRL Calculations 1.1's rule,
 * with no fixed epsilon anywhere.
 */
#include <stdio.h>
#include <string.h>

#include <budgetrec/decimal.h>

#include "engine_internal.h"
#include "model_internal.h"

/* The unit a term's figure is in: its table's (else its document's) for a
 * cell; the claim's own for a claim (BR_UNIT_UNKNOWN for 人, %, …). */
static br_unit term_unit(const br_term *t)
{
    if (t->claim)
        return br_unit_parse(t->claim->unit, strlen(t->claim->unit));
    const br_table *table = t->row->table;
    return table->unit ? table->unit : table->doc->unit;
}

/* The figure of a term in `unit` (when both units are known); 0 if blank. */
static int term_value(const br_term *t, br_unit unit, br_decimal *out)
{
    br_decimal v;
    if (t->claim) {
        v = t->claim->value;
    } else {
        const br_cell *c = br_row_cell(t->row, t->col);
        if (!c || !(c->flags & BR_CELL_PRESENT))
            return 0;
        if ((c->flags & BR_CELL_TEXT) && !(c->flags & BR_CELL_NUMERIC))
            return 0;
        v = c->value;
    }
    br_unit from = term_unit(t);
    if (from && unit && from != unit && br_decimal_convert(v, from, unit, &v) != BR_OK)
        return 0;
    if (t->coef < 0)
        v.units = -v.units;
    *out = v;
    return 1;
}

const br_uncertainty *br_terms_uncertain(const br_term *terms, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const br_uncertainty *u = terms[i].row ? br_cell_uncertain(terms[i].row, terms[i].col)
                                               : NULL;
        if (u)
            return u;
    }
    return NULL;
}

/* Figures of known and of unknown units together: nothing can be compared. */
static int units_mixed(const br_term *terms, size_t n)
{
    int known = 0, unknown = 0;
    for (size_t i = 0; i < n; i++) {
        if (term_unit(&terms[i]) != BR_UNIT_UNKNOWN)
            known = 1;
        else
            unknown = 1;
    }
    return known && unknown;
}

/* The table a term's figure is printed in (NULL for a claim). */
static const br_table *term_table(const br_term *t) { return t->claim ? NULL : t->row->table; }

/*
 * The rounding radius of term i's figure v.  A zero printed without decimals
 * ("0") in a table whose other figures of the identity print decimals is an
 * empty cell written out, exactly nothing — a value that rounds to zero
 * would print "0.00" there.
 */
static br_decimal radius(const br_term *terms, size_t n, size_t i, br_decimal v)
{
    if (br_decimal_is_zero(v) && v.scale <= 0 && term_table(&terms[i])) {
        for (size_t j = 0; j < n; j++) {
            br_decimal w;
            if (j == i || term_table(&terms[j]) != term_table(&terms[i]) ||
                !term_value(&terms[j], BR_UNIT_UNKNOWN, &w))
                continue;
            if (w.scale > 0)
                return (br_decimal){0, 0};
        }
    }
    return br_decimal_half_ulp(v);
}

int br_identity_eval(const br_term *terms, size_t n, br_decimal *expected, br_decimal *actual,
                     br_decimal *tolerance)
{
    if (!terms || n == 0)
        return BR_ERR_ARG;
    for (size_t i = 0; i < n; i++)
        if ((!terms[i].row && !terms[i].claim) || (terms[i].coef != 1 && terms[i].coef != -1))
            return BR_ERR_ARG;
    /* fail closed: a figure the reader is unsure of proves nothing either way */
    if (br_terms_uncertain(terms, n))
        return BR_IDENTITY_NOT_CHECKED;
    br_unit unit = term_unit(&terms[0]);
    /* a figure whose unit is unknown (a table without a unit line in a
     * document of mixed units) compares with none whose unit is known: the
     * identity is not applicable, never judged in an assumed unit */
    if (units_mixed(terms, n))
        return BR_IDENTITY_EMPTY;
    br_decimal rest = {0, 0}, tol = {0, 0}, first = {0, 0}, v;
    int any = 0, has_first = term_value(&terms[0], unit, &first);
    if (has_first) {
        any = 1;
        if (br_decimal_add(tol, radius(terms, n, 0, first), &tol) != BR_OK)
            return BR_ERR_RANGE;
    }
    for (size_t i = 1; i < n; i++) {
        if (!term_value(&terms[i], unit, &v))
            continue;
        any = 1;
        if (br_decimal_add(rest, v, &rest) != BR_OK ||
            br_decimal_add(tol, radius(terms, n, i, v), &tol) != BR_OK)
            return BR_ERR_RANGE;
    }
    if (!any)
        return BR_IDENTITY_EMPTY;
    /* coef0·v0 + rest = 0  ⇒  v0 = −coef0·rest */
    br_decimal exp = rest;
    if (terms[0].coef > 0)
        exp.units = -exp.units;
    br_decimal act = first;
    if (terms[0].coef < 0)
        act.units = -act.units; /* undo the sign term_value applied */
    br_decimal diff;
    if (br_decimal_sub(act, exp, &diff) != BR_OK)
        return BR_ERR_RANGE;
    if (expected)
        *expected = exp;
    if (actual)
        *actual = act;
    if (tolerance)
        *tolerance = tol;
    if (br_decimal_is_zero(diff))
        return BR_IDENTITY_EXACT;
    if (br_decimal_cmp(br_decimal_abs(diff), tol) <= 0)
        return BR_IDENTITY_ROUNDING;
    return BR_IDENTITY_BROKEN;
}

/* Where a finding about an identity is located: its first term. */
static void locate(const br_term *t, br_finding *f)
{
    if (t->claim) {
        f->table = "narrative";
        f->row = t->claim->label;
        f->column = t->claim->claim_class;
        f->line = t->claim->line;
    } else {
        f->table = br_kind_name(t->row->table->kind);
        f->row = br_row_key(t->row);
        f->column = br_role_name(br_table_column_role(t->row->table, t->col));
        f->line = t->row->line;
    }
}

/*
 * A total that differs from its parts by exactly one part's figure has left
 * that part out (difference −v) or counted it twice (+v).  When several parts
 * would explain it the cause is ambiguous, and said so.
 */
static const char *part_cause(const br_term *terms, size_t n, br_decimal diff)
{
    br_unit unit = term_unit(&terms[0]);
    int missing = 0, doubled = 0;
    for (size_t i = 1; i < n; i++) {
        br_decimal v;
        if (!term_value(&terms[i], unit, &v) || br_decimal_is_zero(v))
            continue;
        v.units = -v.units; /* the part's own figure: its term carries coef −1 */
        if (terms[i].coef > 0)
            v.units = -v.units;
        br_decimal neg = v;
        neg.units = -neg.units;
        missing += br_decimal_cmp(diff, neg) == 0;
        doubled += br_decimal_cmp(diff, v) == 0;
    }
    if (missing + doubled > 1)
        return "ambiguous";
    return missing ? "missing_child" : doubled ? "double_counted_child" : NULL;
}

/* Count the identity once for every table it has a figure in (systematic.c
 * tells a misread table by how many of them break). */
static void tally_tables(br_report *report, const char *check, const br_term *terms, size_t n,
                         int broken)
{
    for (size_t i = 0; i < n; i++) {
        if (!terms[i].row)
            continue;
        const br_table *t = terms[i].row->table;
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = terms[k].row && terms[k].row->table == t;
        br_tally *tally = seen ? NULL : br_report_tally(report, check, t);
        if (tally) {
            tally->evaluated++;
            tally->broken += broken;
        }
    }
}

/* An identity through a figure the reader is unsure of: said, not judged. */
static int report_not_checked(br_report *report, const char *check, const br_term *terms,
                              size_t n, const char *what)
{
    const br_uncertainty *u = br_terms_uncertain(terms, n);
    br_report_count_identity(report, BR_IDENTITY_NOT_CHECKED, u->kind);
    char msg[1024];
    snprintf(msg, sizeof msg, "not checked: %s — %s", what ? what : "identity", u->why);
    br_finding f = {.check = check, .severity = BR_SEV_INFO, .message = msg};
    locate(&terms[0], &f);
    int rc = br_report_add(report, &f);
    return rc != BR_OK ? rc : BR_IDENTITY_NOT_CHECKED;
}

int br_report_identity(br_report *report, const char *check, br_severity severity,
                       const br_term *terms, size_t n, const char *what)
{
    br_decimal exp, act, tol;
    int rc = br_identity_eval(terms, n, &exp, &act, &tol);
    if (rc == BR_IDENTITY_NOT_CHECKED)
        return report_not_checked(report, check, terms, n, what);
    if (rc == BR_IDENTITY_EMPTY && units_mixed(terms, n))
        br_report_count_identity(report, BR_IDENTITY_NOT_CHECKED, "unit_unknown");
    else
        br_report_count_identity(report, rc, NULL);
    if (rc == BR_IDENTITY_EXACT || rc == BR_IDENTITY_ROUNDING || rc == BR_IDENTITY_BROKEN) {
        tally_tables(report, check, terms, n, rc == BR_IDENTITY_BROKEN);
        br_report_mark_terms(report, terms, n);
    }
    if (rc == BR_IDENTITY_EXACT || rc == BR_IDENTITY_ROUNDING) {
        int held = br_report_add_held(report, terms, n);
        if (held != BR_OK)
            return held;
    }
    if (rc < 0 || rc == BR_IDENTITY_EXACT || rc == BR_IDENTITY_EMPTY)
        return rc;
    br_decimal v0;
    int blank = !term_value(&terms[0], term_unit(&terms[0]), &v0);
    if (blank && rc == BR_IDENTITY_ROUNDING)
        return BR_IDENTITY_EXACT; /* a blank figure over parts that round to nothing */

    char es[BR_DECIMAL_STR_MAX], as[BR_DECIMAL_STR_MAX], ds[BR_DECIMAL_STR_MAX],
        ts[BR_DECIMAL_STR_MAX], msg[1024];
    br_decimal diff;
    br_decimal_sub(act, exp, &diff);
    br_decimal_format(exp, es, sizeof es);
    br_decimal_format(act, as, sizeof as);
    br_decimal_format(diff, ds, sizeof ds);
    br_decimal_format(tol, ts, sizeof ts);
    what = what ? what : "identity";
    if (blank)
        snprintf(msg, sizeof msg, "%s: blank, but the other figures give %s", what, es);
    else if (rc == BR_IDENTITY_ROUNDING)
        snprintf(msg, sizeof msg, "%s: %s vs %s holds only within rounding (±%s)", what, as, es,
                 ts);
    else
        snprintf(msg, sizeof msg, "%s: %s, expected %s (difference %s)", what, as, es, ds);

    const char *cause = NULL;
    if (rc == BR_IDENTITY_BROKEN && !blank)
        cause = br_diagnose(exp, act);
    if (rc == BR_IDENTITY_BROKEN && !cause)
        cause = part_cause(terms, n, diff);

    br_finding f = {
        .check = check,
        .severity = rc == BR_IDENTITY_ROUNDING ? BR_SEV_INFO : severity,
        .present = BR_FINDING_EXPECTED | BR_FINDING_TOLERANCE | (blank ? 0 : BR_FINDING_ACTUAL),
        .expected = exp,
        .actual = act,
        .tolerance = tol,
        .message = msg,
        .cause = cause,
    };
    locate(&terms[0], &f);
    int add = br_report_add(report, &f);
    if (add != BR_OK)
        return add;
    add = br_report_set_terms(report, br_report_count(report) - 1, terms, n);
    return add != BR_OK ? add : rc;
}
