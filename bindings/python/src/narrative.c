/*
 * narrative.c — budgetrec.Narrative (the 情况说明: its text and the figures
 * it states) and the Claim records made from it.
 *
 * A Narrative holds its Disclosure (checked live on every access); claims
 * are copied into Claim records, which need nothing alive.
 */
#include "core.h"

PyObject *br_narrative_wrap(core_state *st, DisclosureObject *owner)
{
    NarrativeObject *n = PyObject_GC_New(NarrativeObject, st->Narrative_Type);
    if (!n)
        return NULL;
    n->owner = (DisclosureObject *)Py_NewRef((PyObject *)owner);
    PyObject_GC_Track(n);
    return (PyObject *)n;
}

static PyObject *claim_new(core_state *st, const br_narrative *n, size_t i)
{
    const br_claim *c = br_narrative_claim_at(n, i);
    const br_disclosure *doc = br_narrative_disclosure(n);
    size_t part = br_narrative_claim_part(n, i);
    PyObject *v[C__COUNT];
    v[C_LABEL] = br_str(c->label);
    v[C_VALUE] = br_decimal_to_py(st, c->value);
    v[C_UNIT] = br_str(c->unit);
    v[C_CLASS] = br_str(c->claim_class);
    v[C_CODE] = br_str(c->code);
    v[C_DIRECTION] = br_str(br_direction_name(c->direction));
    v[C_FILE] = br_str(br_disclosure_part_file(doc, part));
    v[C_LINE] = br_long_or_none(c->line);
    v[C_PAGE] = br_page_or_none(doc, part, c->line);
    br_claim_form f = br_narrative_claim_form(n, i);
    v[C_SENTENCE] = f.sentence > 0 ? PyLong_FromLong(f.sentence) : Py_NewRef(Py_None);
    v[C_ROLE] = br_str(br_claim_role_name(f.role));
    v[C_OF] = f.of >= 0 ? PyLong_FromLong(f.of) : Py_NewRef(Py_None);
    v[C_BASE] = br_str(f.base_class);
    v[C_VERSUS] = br_str(br_direction_name(f.versus));
    v[C_VERSUS_LINE] = f.versus != BR_DIR_NONE ? PyLong_FromLong(f.versus_line) : Py_NewRef(Py_None);
    v[C_COMPARED] = br_str(br_claim_base_name(f.compared));
    for (int i = 0; i < C__COUNT; i++)
        if (!v[i]) {
            for (int k = 0; k < C__COUNT; k++)
                Py_XDECREF(v[k]);
            return NULL;
        }
    return br_record_new(st->Claim_Type, v, C__COUNT);
}

PyObject *br_claims_list(core_state *st, const br_narrative *n)
{
    size_t count = br_narrative_claim_count(n);
    PyObject *list = PyList_New((Py_ssize_t)count);
    for (size_t i = 0; list && i < count; i++) {
        PyObject *c = claim_new(st, n, i);
        if (!c) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, c);
    }
    return list;
}

static const br_narrative *live(core_state *st, NarrativeObject *n)
{
    br_disclosure *doc = br_disclosure_live(st, n->owner);
    return doc ? br_disclosure_narrative(doc) : NULL;
}

#define LIVE_NARRATIVE(self, st, n)                                  \
    core_state *st = STATE(self);                                    \
    const br_narrative *n = live(st, (NarrativeObject *)(self));    \
    if (!n)                                                          \
        return NULL

static PyObject *get_claims(PyObject *self, void *c)
{
    LIVE_NARRATIVE(self, st, n);
    return br_claims_list(st, n);
}

static PyObject *get_text(PyObject *self, void *c)
{
    LIVE_NARRATIVE(self, st, n);
    return br_str(br_narrative_text(n, NULL));
}

static PyObject *get_first_line(PyObject *self, void *c)
{
    LIVE_NARRATIVE(self, st, n);
    long first = 0;
    br_narrative_text(n, &first);
    return br_long_or_none(first);
}

static PyObject *get_disclosure(PyObject *self, void *c)
{
    return Py_NewRef((PyObject *)((NarrativeObject *)self)->owner);
}

static Py_ssize_t narrative_length(PyObject *self)
{
    const br_narrative *n = live(STATE(self), (NarrativeObject *)self);
    return n ? (Py_ssize_t)br_narrative_claim_count(n) : -1;
}

static PyObject *narrative_iter(PyObject *self)
{
    PyObject *claims = get_claims(self, NULL);
    if (!claims)
        return NULL;
    PyObject *it = PyObject_GetIter(claims);
    Py_DECREF(claims);
    return it;
}

static PyObject *narrative_repr(PyObject *op)
{
    NarrativeObject *self = (NarrativeObject *)op;
    if (!self->owner->doc)
        return PyUnicode_FromString("<budgetrec.Narrative (lent to a check that has returned)>");
    const br_narrative *n = br_disclosure_narrative(self->owner->doc);
    long first = 0;
    br_narrative_text(n, &first);
    return PyUnicode_FromFormat("<budgetrec.Narrative from line %ld, %zu claims>", first,
                                br_narrative_claim_count(n));
}

static int narrative_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(((NarrativeObject *)op)->owner);
    return 0;
}

static void narrative_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((NarrativeObject *)op)->owner);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyGetSetDef narrative_getset[] = {
    {"claims", get_claims, NULL, "The stated figures (list of Claim).", NULL},
    {"text", get_text, NULL, "The narrative's text (normalised), or None.", NULL},
    {"first_line", get_first_line, NULL, "Source line of the text's first line.", NULL},
    {"disclosure", get_disclosure, NULL, "The Disclosure it belongs to.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot narrative_slots[] = {
    {Py_tp_doc, "The narrative (情况说明): .text, .first_line and the .claims it states."},
    {Py_tp_dealloc, narrative_dealloc},
    {Py_tp_traverse, narrative_traverse},
    {Py_tp_repr, narrative_repr},
    {Py_tp_iter, narrative_iter},
    {Py_sq_length, narrative_length},
    {Py_tp_getset, narrative_getset},
    {0, NULL},
};

PyType_Spec br_narrative_spec = {
    .name = "budgetrec.Narrative",
    .basicsize = sizeof(NarrativeObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = narrative_slots,
};
