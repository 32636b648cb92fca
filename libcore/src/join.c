/*
 * join.c — one disclosure from several files: a narrative and its tables
 * published apart are read one by one, then joined.
 *
 * Joining moves pointers, not data: every table, row, cell, claim and
 * string stays in the arena of the disclosure it was read into, and the
 * joined disclosure adopts that arena (freed with it).  Each table, claim
 * and note keeps the index of the part (file) it came from, so findings and
 * the dump can name the file their line numbers refer to.
 */
#include <stdio.h>
#include <string.h>

#include "model_internal.h"

/* Grow an arena vector so that it holds at least `need` elements. */
static int reserve(br_arena *arena, void **v, size_t *cap, size_t need, size_t size)
{
    while (*cap < need)
        if (br_vec_reserve(arena, v, cap, *cap, size) != BR_OK)
            return BR_ERR_NOMEM;
    return BR_OK;
}

#define RESERVE(arena, vec, cap, need) \
    reserve((arena), (void **)&(vec), &(cap), (need), sizeof *(vec))

/* The part of each of n_doc + n_new items: the first n_doc as doc records
 * them (0 when it records none), then those of the part joined, shifted by
 * `offset` (the joined part's own parts follow doc's). */
static unsigned *part_indexes(br_arena *arena, size_t n_doc, const unsigned *doc_parts,
                              size_t n_doc_parts, size_t n_new, const unsigned *new_parts,
                              size_t n_new_parts, unsigned offset)
{
    unsigned *v = br_arena_alloc(arena, (n_doc + n_new ? n_doc + n_new : 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < n_doc; i++)
        v[i] = i < n_doc_parts ? doc_parts[i] : 0;
    for (size_t i = 0; i < n_new; i++)
        v[n_doc + i] = offset + (i < n_new_parts ? new_parts[i] : 0);
    return v;
}

/*
 * The forms of the joined claims: the document's, then the part's with their
 * claim links moved past the document's claims and their sentences past its
 * sentences.  NULL when neither has any (nothing to allocate), *failed on
 * a failed allocation.
 */
static br_claim_form *join_forms(br_arena *arena, const br_narrative *dn, const br_narrative *pn,
                                 int *failed)
{
    size_t n = dn->nclaims + pn->nclaims;
    *failed = 0;
    if (!dn->nforms && !pn->nforms)
        return NULL;
    br_claim_form *v = br_arena_alloc(arena, (n ? n : 1) * sizeof *v);
    if (!v) {
        *failed = 1;
        return NULL;
    }
    long sentences = 0;
    for (size_t i = 0; i < n; i++) {
        int mine = i < dn->nclaims;
        size_t k = mine ? i : i - dn->nclaims;
        br_claim_form f = br_narrative_claim_form(mine ? dn : pn, k);
        if (mine && f.sentence > sentences)
            sentences = f.sentence;
        if (!mine) {
            if (f.of >= 0)
                f.of += (long)dn->nclaims;
            if (f.sentence > 0)
                f.sentence += sentences;
        }
        v[i] = f;
    }
    return v;
}

int br_disclosure_join(br_disclosure *doc, br_disclosure *part)
{
    if (!doc || !part || doc == part)
        return BR_ERR_ARG;
    br_arena *arena = doc->arena;
    br_narrative *dn = &doc->narrative;
    const br_narrative *pn = &part->narrative;
    unsigned offset = (unsigned)doc->nparts;

    /* every allocation first, so that a failure leaves `part` untouched */
    unsigned *claim_parts = part_indexes(arena, dn->nclaims, dn->claim_parts, dn->nclaim_parts,
                                         pn->nclaims, pn->claim_parts, pn->nclaim_parts, offset);
    unsigned *note_parts = part_indexes(arena, doc->nnotes, doc->note_parts, doc->nnote_parts,
                                        part->nnotes, part->note_parts, part->nnote_parts, offset);
    int forms_failed;
    br_claim_form *forms = join_forms(arena, dn, pn, &forms_failed);
    if (!claim_parts || !note_parts || forms_failed ||
        RESERVE(arena, doc->adopted, doc->capadopted, doc->nadopted + 1 + part->nadopted) ||
        RESERVE(arena, doc->parts, doc->capparts, doc->nparts + part->nparts) ||
        RESERVE(arena, doc->tables, doc->captables, doc->ntables + part->ntables) ||
        RESERVE(arena, dn->claims, dn->capclaims, dn->nclaims + pn->nclaims) ||
        RESERVE(arena, doc->notes, doc->capnotes, doc->nnotes + part->nnotes))
        return BR_ERR_NOMEM;

    /* the narrative text: the part that states more figures tells the story */
    if (pn->text && (!dn->text || pn->nclaims > dn->nclaims)) {
        dn->text = pn->text;
        dn->first_line = pn->first_line;
        dn->text_part = offset + pn->text_part;
    }

    for (size_t i = 0; i < part->nparts; i++)
        doc->parts[doc->nparts++] = part->parts[i];
    for (size_t i = 0; i < part->ntables; i++) {
        br_table *t = part->tables[i];
        t->doc = doc;
        t->part += offset;
        doc->tables[doc->ntables++] = t;
    }
    if (pn->nclaims) /* (memcpy wants a pointer even for nothing) */
        memcpy(dn->claims + dn->nclaims, pn->claims, pn->nclaims * sizeof *pn->claims);
    dn->nclaims += pn->nclaims;
    if (forms) {
        dn->forms = forms;
        dn->nforms = dn->nclaims;
    }
    dn->claim_parts = claim_parts;
    dn->nclaim_parts = dn->nclaims;
    if (part->nnotes)
        memcpy(doc->notes + doc->nnotes, part->notes, part->nnotes * sizeof *part->notes);
    doc->nnotes += part->nnotes;
    doc->note_parts = note_parts;
    doc->nnote_parts = doc->nnotes;

    /* metadata the first parts left blank */
    if (!doc->department)
        doc->department = part->department;
    if (!doc->department_code)
        doc->department_code = part->department_code;
    if (!doc->year)
        doc->year = part->year;
    if (!doc->unit)
        doc->unit = part->unit;
    if (!doc->reader)
        doc->reader = part->reader;
    if (!doc->encoding)
        doc->encoding = part->encoding;
    br_phase before = doc->phase ? doc->phase : part->phase;

    /* the part's memory is now the joined disclosure's */
    for (size_t i = 0; i < part->nadopted; i++)
        doc->adopted[doc->nadopted++] = part->adopted[i];
    doc->adopted[doc->nadopted++] = part->arena;

    br_phase phase = br_disclosure_detect_phase(doc);
    doc->phase = phase ? phase : before;
    return BR_OK;
}

/* Is a (UTF-8) a subsequence of b, character by character? "江苏省委办公厅"
 * is one of "中国共产党江苏省委员会办公厅": the same department, named short. */
static int subsequence(const char *a, const char *b)
{
    while (*a) {
        size_t k = 1;
        while ((a[k] & 0xC0) == 0x80)
            k++;
        const char *at = NULL;
        for (const char *p = b; *p && !at; p++)
            if (strncmp(p, a, k) == 0)
                at = p;
        if (!at)
            return 0;
        b = at + k;
        a += k;
    }
    return 1;
}

int br_disclosure_parts_agree(const br_disclosure *doc, const br_disclosure *part, char *why,
                              size_t cap)
{
    const char *d1 = doc ? doc->department : NULL, *d2 = part ? part->department : NULL;
    int y1 = doc ? doc->year : 0, y2 = part ? part->year : 0;
    int years = y1 && y2 && y1 != y2;
    int names = d1 && d2 && !subsequence(d1, d2) && !subsequence(d2, d1);
    if (!years && !names)
        return 1;
    if (why && cap)
        snprintf(why, cap, "the parts name %s %d and %s %d: not one disclosure (join refused)",
                 d1 ? d1 : "(no department)", y1, d2 ? d2 : "(no department)", y2);
    return 0;
}
