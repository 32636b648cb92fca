/*
 * audit.c — misread columns, found by the arithmetic every reader must meet.
 *
 * Misreadings are systematic, publication errors rare and isolated.  When a
 * table's row identities (identities.def) break in several rows, the reader
 * has most likely put figures under the wrong headers: the table is read
 * again under other assignments of its money columns to their roles, and the
 * one under which every row holds (moving the fewest columns, and the only
 * one that does) is kept, with a note.  When none does and most rows break,
 * the table is marked uncertain ("misaligned_columns") with one warning, so
 * the checks report its identities as not checked instead of one error per
 * row.  An error the department made and carried up the hierarchy (the same
 * difference on a row and its parents) is left to the checks.
 *
 * This runs in the host after any reader, so every reader — and the next
 * one — gets it.
 */
#include <stdio.h>
#include <string.h>

#include <budgetrec/decimal.h>

#include "engine_internal.h"
#include "model_internal.h"

#define AUDIT_MAX_COLS 24        /* money columns considered */
#define AUDIT_MAX_TABLE_COLS 64  /* wider tables are not read again */
#define AUDIT_MAX_TERMS (BR_ROLE__COUNT + 1)

typedef struct audit {
    const br_table *t;
    const br_identity *ids;
    size_t nids;
    size_t cols[AUDIT_MAX_COLS]; /* the table's money columns */
    br_role orig[AUDIT_MAX_COLS];
    size_t n;
} audit;

/* Outcome of the row identities under one assignment `roles` (by column). */
typedef struct tally {
    size_t evaluated, broken;
    size_t worst_broken; /* most broken rows of one identity, rows printing the
                            same figures counted once (合计 and a single unit) */
    size_t worst_evaluated;
    size_t worst_rows; /* its broken rows, repeats included */
    int same_difference; /* the worst identity's broken rows all differ by one amount */
} tally;

static int column_of(const br_role *roles, size_t ncols, br_role role)
{
    for (size_t c = 0; c < ncols; c++)
        if (roles[c] == role)
            return (int)c;
    return -1;
}

/* The columns of an identity's parts under `roles`; a part without a column
 * of its own expands into its own parts (as rowtotals does). */
static size_t part_cols(const audit *a, const br_role *roles, const br_identity *id, size_t *out,
                        size_t cap, int depth)
{
    size_t n = 0;
    for (size_t p = 0; p < id->n_parts && n < cap; p++) {
        int col = column_of(roles, a->t->ncols, id->parts[p]);
        if (col >= 0) {
            out[n++] = (size_t)col;
            continue;
        }
        for (size_t j = 0; depth < 2 && j < a->nids; j++)
            if (a->ids[j].total == id->parts[p])
                n += part_cols(a, roles, &a->ids[j], out + n, cap - n, depth + 1);
    }
    return n;
}

static int present(const br_row *r, size_t col)
{
    return (r->cells[col].flags & BR_CELL_PRESENT) && !(r->cells[col].flags & BR_CELL_TEXT);
}

/* Two rows printing the same figures in an identity's columns. */
static int same_figures(const br_row *a, const br_row *b, size_t total, const size_t *parts,
                        size_t np)
{
    for (size_t i = 0; i <= np; i++) {
        size_t c = i ? parts[i - 1] : total;
        int pa = present(a, c), pb = present(b, c);
        if (pa != pb || (pa && br_decimal_cmp(a->cells[c].value, b->cells[c].value) != 0))
            return 0;
    }
    return 1;
}

static tally evaluate(const audit *a, const br_role *roles)
{
    tally out = {0};
    for (size_t k = 0; k < a->nids; k++) {
        const br_identity *id = &a->ids[k];
        int total = column_of(roles, a->t->ncols, id->total);
        size_t parts[AUDIT_MAX_TERMS];
        size_t np = part_cols(a, roles, id, parts, AUDIT_MAX_TERMS - 1, 0);
        if (total < 0 || np == 0)
            continue;
        size_t evaluated = 0, broken = 0, distinct = 0;
        const br_row *seen[8];
        int same = 1;
        br_decimal first_diff = {0, 0};
        for (size_t r = 0; r < a->t->nrows; r++) {
            const br_row *row = a->t->rows[r];
            int any_part = 0;
            for (size_t i = 0; i < np && !any_part; i++)
                any_part = present(row, parts[i]);
            /* an income row of a two-sided table has its amount and no parts;
             * a row printing only a total says nothing about its columns */
            if (!any_part)
                continue;
            br_term terms[AUDIT_MAX_TERMS];
            terms[0] = (br_term){.row = row, .col = (size_t)total, .coef = 1};
            for (size_t i = 0; i < np; i++)
                terms[i + 1] = (br_term){.row = row, .col = parts[i], .coef = -1};
            br_decimal exp, act;
            int rc = br_identity_eval(terms, np + 1, &exp, &act, NULL);
            if (rc != BR_IDENTITY_EXACT && rc != BR_IDENTITY_ROUNDING &&
                rc != BR_IDENTITY_BROKEN)
                continue;
            evaluated++;
            if (rc != BR_IDENTITY_BROKEN)
                continue;
            br_decimal diff;
            if (br_decimal_sub(act, exp, &diff) != BR_OK)
                same = 0;
            else if (broken == 0)
                first_diff = diff;
            else if (br_decimal_cmp(diff, first_diff) != 0)
                same = 0;
            int repeat = 0;
            for (size_t i = 0; i < distinct && i < 8 && !repeat; i++)
                repeat = same_figures(seen[i], row, (size_t)total, parts, np);
            if (!repeat && distinct < 8)
                seen[distinct] = row;
            distinct += !repeat;
            broken++;
        }
        out.evaluated += evaluated;
        out.broken += broken;
        if (distinct > out.worst_broken) {
            out.worst_broken = distinct;
            out.worst_rows = broken;
            out.worst_evaluated = evaluated;
            out.same_difference = same;
        }
    }
    return out;
}

/* A candidate assignment: `perm[i]` is the original index whose role column
 * a->cols[i] takes. */
typedef struct best {
    br_role roles[AUDIT_MAX_COLS];
    size_t moved;
    int found, ambiguous;
    size_t evaluated;
} best;

static void try_assignment(const audit *a, const size_t *perm, size_t min_evaluated, best *b)
{
    br_role roles[AUDIT_MAX_TABLE_COLS];
    size_t ncols = a->t->ncols;
    if (ncols > sizeof roles / sizeof *roles)
        return;
    memcpy(roles, a->t->roles, ncols * sizeof *roles);
    size_t moved = 0;
    for (size_t i = 0; i < a->n; i++) {
        roles[a->cols[i]] = a->orig[perm[i]];
        moved += perm[i] != i;
    }
    if (moved == 0)
        return;
    tally t = evaluate(a, roles);
    if (t.broken || t.evaluated < min_evaluated)
        return;
    if (b->found && moved > b->moved)
        return;
    if (b->found && moved == b->moved) {
        b->ambiguous = 1;
        return;
    }
    b->found = 1;
    b->ambiguous = 0;
    b->moved = moved;
    b->evaluated = t.evaluated;
    for (size_t i = 0; i < a->n; i++)
        b->roles[i] = a->orig[perm[i]];
}

/*
 * The readings a misread header produces: two neighbouring columns swapped
 * (an order the vocabulary did not expect), and a run of columns shifted by
 * one either way (a header read one column off).  Not every permutation: with
 * few rows some arbitrary one fits by chance, and would explain away a
 * genuine error.
 */
static void swaps_and_shifts(const audit *a, size_t min_evaluated, best *b)
{
    size_t perm[AUDIT_MAX_COLS];
    for (size_t i = 0; i + 1 < a->n; i++)
        for (size_t j = i + 1; j == i + 1; j++) {
            for (size_t k = 0; k < a->n; k++)
                perm[k] = k;
            perm[i] = j;
            perm[j] = i;
            try_assignment(a, perm, min_evaluated, b);
        }
    for (size_t lo = 0; lo < a->n; lo++)
        for (size_t hi = lo + 2; hi < a->n; hi++)
            for (int dir = -1; dir <= 1; dir += 2) {
                for (size_t k = 0; k < a->n; k++)
                    perm[k] = k;
                for (size_t k = lo; k <= hi; k++) /* rotate [lo, hi] by one */
                    perm[k] = dir > 0 ? (k == lo ? hi : k - 1) : (k == hi ? lo : k + 1);
                try_assignment(a, perm, min_evaluated, b);
            }
}

static void role_list(const audit *a, const br_role *roles, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < a->n && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? " | " : "", br_role_name(roles[i]));
}

static void audit_table(br_disclosure *doc, br_table *t)
{
    audit a = {.t = t};
    a.ids = br_identities_of(t->kind, &a.nids);
    if (!a.nids || t->uncertain || t->nrows < 2)
        return;
    for (size_t c = 0; c < t->ncols && a.n < AUDIT_MAX_COLS; c++)
        if (br_role_is_money(t->roles[c]) && !(t->col_uncertain && t->col_uncertain[c])) {
            a.cols[a.n] = c;
            a.orig[a.n++] = t->roles[c];
        }
    if (a.n < 2)
        return;
    tally now = evaluate(&a, t->roles);
    if (now.worst_broken < 2)
        return; /* isolated: the checks report it */

    best b = {0};
    swaps_and_shifts(&a, now.evaluated, &b);
    const char *kind = br_kind_name(t->kind);
    char was[512], now_s[512], msg[1400];
    if (b.found && !b.ambiguous) {
        role_list(&a, a.orig, was, sizeof was);
        role_list(&a, b.roles, now_s, sizeof now_s);
        snprintf(msg, sizeof msg,
                 "columns read again: as headed (%s) %zu of %zu row identities broke; as %s "
                 "every one holds",
                 was, now.broken, now.evaluated, now_s);
        for (size_t i = 0; i < a.n; i++)
            t->roles[a.cols[i]] = b.roles[i];
        br_disclosure_add_note(doc, BR_SEV_INFO, kind, NULL, NULL, t->line, msg);
        return;
    }
    /* most rows break, and not by one amount carried up the hierarchy */
    if (now.worst_broken >= 2 && now.worst_broken * 2 >= now.worst_evaluated &&
        !now.same_difference) {
        role_list(&a, a.orig, was, sizeof was);
        snprintf(msg, sizeof msg,
                 "columns do not fit: as headed (%s) %zu of %zu rows break the table's row "
                 "arithmetic, and no other reading of its columns holds%s; its figures are not "
                 "checked",
                 was, now.worst_rows, now.worst_evaluated,
                 b.ambiguous ? " unambiguously" : "");
        if (br_table_set_uncertain(t, -1, "misaligned_columns",
                                   "the table's columns do not fit its row arithmetic "
                                   "(see the reader's note on it)") == BR_OK)
            br_disclosure_add_note(doc, BR_SEV_WARNING, kind, NULL, NULL, t->line, msg);
    }
}

/* A table named by its title whose header and figures the reader could not
 * read at all (no column, no attribute): nothing in it is checked, and the
 * coverage says so instead of counting it read. */
static void unread_table(br_disclosure *doc, br_table *t)
{
    if (t->ncols || t->nattrs || t->nrows || t->uncertain)
        return;
    const char *kind = br_kind_name(t->kind);
    if (br_table_set_uncertain(t, -1, "unread_table",
                               "no header or figures could be read under the table's title") == BR_OK)
        br_disclosure_add_note(doc, BR_SEV_WARNING, kind, NULL, NULL, t->line,
                               "no header or figures could be read under the table's title; "
                               "nothing in it is checked");
}

void br_disclosure_audit_columns(br_disclosure *doc)
{
    for (size_t i = 0; doc && i < doc->ntables; i++) {
        unread_table(doc, doc->tables[i]);
        audit_table(doc, doc->tables[i]);
    }
}
