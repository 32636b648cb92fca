/*
 * pairing.c — which files of a directory are the two halves of one
 * disclosure: NAME-narrative.EXT (the 情况说明) and NAME-tables.EXT (its
 * tables), published as separate files.  The CLI and the Python package
 * both pair with this, so a directory is grouped the same way everywhere.
 */
#include <stdlib.h>
#include <string.h>

#include <budgetrec/engine.h>

enum { ROLE_NARRATIVE = 0, ROLE_TABLES = 1, ROLE_NONE = 2 };

typedef struct part_name {
    size_t index;
    int role;
    const char *dir; /* the path up to its last '/' */
    size_t dirlen;
    const char *stem; /* NAME without a leading ordinal */
    size_t stemlen;
    const char *ext; /* from the '.' after the role word */
} part_name;

/* The role word at s (with its '-' or '_'), or ROLE_NONE; *len gets its length. */
static int role_at(const char *s, size_t *len)
{
    static const struct {
        const char *word;
        int role;
    } words[] = {{"narrative", ROLE_NARRATIVE}, {"tables", ROLE_TABLES}};
    if (*s != '-' && *s != '_')
        return ROLE_NONE;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t wl = strlen(words[i].word);
        if (strncmp(s + 1, words[i].word, wl) == 0 && s[1 + wl] == '.') {
            *len = 1 + wl;
            return words[i].role;
        }
    }
    return ROLE_NONE;
}

static part_name parse(const char *path, size_t index)
{
    part_name p = {.index = index, .role = ROLE_NONE, .dir = path};
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    p.dirlen = (size_t)(base - path);
    /* the last role word followed by an extension */
    for (const char *s = base; *s; s++) {
        size_t len;
        int role = role_at(s, &len);
        if (role == ROLE_NONE || s == base)
            continue;
        p.role = role;
        p.stem = base;
        p.stemlen = (size_t)(s - base);
        p.ext = s + len;
    }
    if (p.role == ROLE_NONE)
        return p;
    /* a leading ordinal ("11_", "04-") numbers files, not disclosures */
    size_t d = 0;
    while (d < p.stemlen && p.stem[d] >= '0' && p.stem[d] <= '9')
        d++;
    if (d && d + 1 < p.stemlen && (p.stem[d] == '_' || p.stem[d] == '-')) {
        p.stem += d + 1;
        p.stemlen -= d + 1;
    }
    return p;
}

static int cmp_span(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : al < bl ? -1 : al > bl;
}

static int cmp_names(const void *x, const void *y)
{
    const part_name *a = x, *b = y;
    int c;
    if ((c = cmp_span(a->dir, a->dirlen, b->dir, b->dirlen)) ||
        (c = cmp_span(a->stem, a->stemlen, b->stem, b->stemlen)) || (c = strcmp(a->ext, b->ext)))
        return c;
    if (a->role != b->role)
        return a->role - b->role;
    return a->index < b->index ? -1 : a->index > b->index;
}

int br_part_is_narrative(const char *path)
{
    return path && parse(path, 0).role == ROLE_NARRATIVE;
}

size_t br_pair_parts(const char *const *paths, size_t n, long *partner)
{
    if (!paths || !partner)
        return 0;
    for (size_t i = 0; i < n; i++)
        partner[i] = -1;
    part_name *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return 0; /* no memory: no pairing, every file on its own */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        part_name p = paths[i] ? parse(paths[i], i) : (part_name){.role = ROLE_NONE};
        if (p.role != ROLE_NONE)
            v[m++] = p;
    }
    qsort(v, m, sizeof *v, cmp_names);
    size_t pairs = 0;
    /* a run of equal names: its narratives first, then its tables */
    for (size_t i = 0; i < m;) {
        size_t j = i, t;
        while (j < m && cmp_span(v[j].dir, v[j].dirlen, v[i].dir, v[i].dirlen) == 0 &&
               cmp_span(v[j].stem, v[j].stemlen, v[i].stem, v[i].stemlen) == 0 &&
               strcmp(v[j].ext, v[i].ext) == 0)
            j++;
        for (t = i; t < j && v[t].role == ROLE_NARRATIVE; t++)
            ;
        for (size_t k = 0; i + k < t && t + k < j; k++) {
            partner[v[i + k].index] = (long)v[t + k].index;
            partner[v[t + k].index] = (long)v[i + k].index;
            pairs++;
        }
        i = j;
    }
    free(v);
    return pairs;
}
