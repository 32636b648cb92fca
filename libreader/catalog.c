/*
 * catalog.c — lookups over catalog.def.  The rows are compiled into static
 * arrays; every lookup is a short linear scan over them.
 */
#include <string.h>

#include "brreader.h"

enum { EXACT, CONTAINS, PREFIX };

#define K(kind) (1u << BR_KIND_##kind)
#define K_ALL (~0u)
#define K_PERF (K(PERFORMANCE_OVERALL) | K(PERFORMANCE_PROJECT))
#define K_MONEY (K_ALL & ~K_PERF)
#define K_FUNDING (K(INCOME) | K(PROCUREMENT) | K(FISCAL_SUMMARY))

/* ---- the compiled catalog ---- */

static const struct {
    br_kind kind;
    unsigned flags;
} kinds[] = {
#define DT_KIND(kind, flags) {BR_KIND_##kind, flags},
#include "catalog.def"
#undef DT_KIND
};

static const struct {
    br_kind kind;
    const char *word, *then;
} titles[] = {
#define DT_TITLE(kind, word, then) {BR_KIND_##kind, word, then},
#include "catalog.def"
#undef DT_TITLE
};

static const struct {
    unsigned kinds;
    dt_what what;
    br_role role;
    int match;
    const char *word, *under;
} columns[] = {
#define DT_COLUMN(kinds, what, role, match, word, under)                                           \
    {kinds, what, BR_ROLE_##role, match, word, under},
#include "catalog.def"
#undef DT_COLUMN
};

static const struct {
    br_role role, prev;
} prevs[] = {
#define DT_PREV(role, prev) {BR_ROLE_##role, BR_ROLE_##prev},
#include "catalog.def"
#undef DT_PREV
};

static const struct {
    const char *word;
    int offset;
} years[] = {
#define DT_YEAR(word, offset) {word, offset},
#include "catalog.def"
#undef DT_YEAR
};

static const struct {
    const char *word;
    br_side side;
} sides[] = {
#define DT_SIDE(word, side) {word, BR_SIDE_##side},
#include "catalog.def"
#undef DT_SIDE
};

static const struct {
    int match;
    const char *word;
    int grand;
} totals[] = {
#define DT_TOTAL(match, word, grand) {match, word, grand},
#include "catalog.def"
#undef DT_TOTAL
};

static const struct {
    unsigned kinds;
    const char *word;
    dt_attr attr;
} attrs[] = {
#define DT_ATTR(kinds, word, attr) {kinds, word, attr},
#include "catalog.def"
#undef DT_ATTR
};

static const char *const units[] = {
#define DT_UNIT(word) word,
#include "catalog.def"
#undef DT_UNIT
};

static const char *const unit_leads[] = {
#define DT_UNIT_LEAD(word) word,
#include "catalog.def"
#undef DT_UNIT_LEAD
};

static const char *const markers[] = {
#define DT_MARKER(word) word,
#include "catalog.def"
#undef DT_MARKER
};

static const char *const blanks[] = {
#define DT_BLANK(word) word,
#include "catalog.def"
#undef DT_BLANK
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- matching ---- */

/* Number of UTF-8 characters in s[0..len). */
static size_t chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* strict: no truncated headers (dt_catalog_column_whole) */
static int match_as(int how, const char *s, size_t len, const char *word, int strict)
{
    size_t wl = strlen(word);
    if (strict && how == CONTAINS)
        return dt_find(s, len, word) != NULL;
    switch (how) {
    case EXACT:
        return len == wl && memcmp(s, word, wl) == 0;
    case PREFIX:
        return dt_starts(s, len, word);
    default:
        if (dt_find(s, len, word))
            return 1;
        /* a header truncated at the page edge: "国有资本经营预" */
        return len < wl && chars(s, len) >= 3 && memcmp(word, s, len) == 0;
    }
}

static int match(int how, const char *s, size_t len, const char *word)
{
    return match_as(how, s, len, word, 0);
}

int dt_catalog_title_span(const char *s, size_t len, size_t *from, size_t *to)
{
    char buf[DT_TITLE_MAX];
    size_t n = dt_squeeze(s, len, buf, sizeof buf);
    for (size_t i = 0; i < COUNT(titles); i++) {
        const char *w = dt_find(buf, n, titles[i].word);
        if (!w)
            continue;
        size_t off = (size_t)(w - buf) + strlen(titles[i].word);
        const char *t = titles[i].then[0] ? dt_find(buf + off, n - off, titles[i].then) : NULL;
        if (titles[i].then[0] && !t)
            continue;
        if (from)
            *from = (size_t)(w - buf);
        if (to)
            *to = t ? (size_t)(t - buf) + strlen(titles[i].then) : off;
        return (int)titles[i].kind;
    }
    return -1;
}

int dt_catalog_title(const char *s, size_t len) { return dt_catalog_title_span(s, len, NULL, NULL); }

unsigned dt_catalog_kind_flags(br_kind kind)
{
    for (size_t i = 0; i < COUNT(kinds); i++)
        if (kinds[i].kind == kind)
            return kinds[i].flags;
    return 0;
}

int dt_title_shape(const char *s, size_t len)
{
    dt_trim(&s, &len);
    if (len == 0 || len >= DT_TITLE_MAX)
        return 0;
    if (dt_ends(s, len, "表"))
        return 1;
    /* "财政拨款支出预算表(功能科目)" */
    if (len && s[len - 1] == ')') {
        const char *open = NULL;
        for (size_t i = len; i-- > 0;)
            if (s[i] == '(') {
                open = s + i;
                break;
            }
        if (open) {
            size_t head = (size_t)(open - s);
            const char *h = s;
            dt_trim(&h, &head);
            return dt_ends(h, head, "表");
        }
    }
    return 0;
}

static dt_what column_at(br_kind kind, const char *const *comp, size_t depth, br_role *role,
                         int strict)
{
    unsigned bit = 1u << kind;
    *role = BR_ROLE_NONE;
    if (depth == 0)
        return DT_COL_NONE;
    size_t d = depth - 1;
    const char *c = comp[d];
    size_t cl = strlen(c);
    if (cl == 0)
        return DT_COL_NONE;
    for (size_t i = 0; i < COUNT(columns); i++) {
        if (!(columns[i].kinds & bit) ||
            !match_as(columns[i].match, c, cl, columns[i].word, strict))
            continue;
        if (columns[i].under[0]) {
            int found = 0;
            for (size_t u = 0; u < d && !found; u++)
                found = dt_find(comp[u], strlen(comp[u]), columns[i].under) != NULL;
            if (!found)
                continue;
        }
        *role = columns[i].role;
        return columns[i].what;
    }
    return DT_COL_NONE;
}

dt_what dt_catalog_column_at(br_kind kind, const char *const *comp, size_t depth, br_role *role)
{
    return column_at(kind, comp, depth, role, 0);
}

static const struct {
    unsigned kinds;
    const char *word;
    int budget;
} stages[] = {
#define DT_STAGE(kinds, word, budget) {kinds, word, budget},
#include "catalog.def"
#undef DT_STAGE
};

static const struct {
    br_role role, twin;
} budgets[] = {
#define DT_BUDGET(role, twin) {BR_ROLE_##role, BR_ROLE_##twin},
#include "catalog.def"
#undef DT_BUDGET
};

int dt_catalog_stage(br_kind kind, const char *text)
{
    char buf[DT_COMP_MAX];
    dt_squeeze(text, strlen(text), buf, sizeof buf);
    for (size_t i = 0; i < COUNT(stages); i++)
        if ((stages[i].kinds & (1u << kind)) && strcmp(stages[i].word, buf) == 0)
            return stages[i].budget;
    return -1;
}

br_role dt_catalog_stage_role(br_role role, int budget)
{
    if (!budget)
        return role;
    for (size_t i = 0; i < COUNT(budgets); i++)
        if (budgets[i].role == role)
            return budgets[i].twin;
    return BR_ROLE_NONE;
}

static const char *const periods[] = {
#define DT_PERIOD(word) word,
#include "catalog.def"
#undef DT_PERIOD
};

int dt_catalog_period(const char *comp)
{
    char buf[DT_COMP_MAX];
    size_t n = dt_squeeze(comp, strlen(comp), buf, sizeof buf), at = 0;
    int offset;
    size_t yl = dt_catalog_year_word(buf, n, &offset);
    if (yl) {
        at = yl;
    } else {
        while (at < n && buf[at] >= '0' && buf[at] <= '9')
            at++;
        if (at == 4 && dt_starts(buf + at, n - at, "年"))
            at += strlen("年");
        else
            at = 0;
    }
    for (size_t i = 0; i < COUNT(periods); i++)
        if (n - at == strlen(periods[i]) && memcmp(buf + at, periods[i], n - at) == 0)
            return 1;
    return 0;
}

void dt_catalog_period_heading(br_kind kind, const char *const *comp, size_t d, br_role *role)
{
    if (*role != BR_ROLE_TOTAL || !dt_catalog_period(comp[d]))
        return;
    for (size_t u = d; u-- > 0;) {
        br_role up;
        dt_what wu = dt_catalog_column_at(kind, comp, u + 1, &up);
        if (wu == DT_COL_NONE)
            continue;
        if (wu == DT_COL_MONEY && up != BR_ROLE_NONE && !dt_catalog_period(comp[u]))
            *role = up;
        return;
    }
}

dt_what dt_catalog_column(br_kind kind, const char *const *comp, size_t depth, br_role *role)
{
    *role = BR_ROLE_NONE;
    for (size_t d = depth; d-- > 0;) {
        dt_what w = dt_catalog_column_at(kind, comp, d + 1, role);
        if (w == DT_COL_NONE)
            continue;
        if (w == DT_COL_MONEY)
            dt_catalog_period_heading(kind, comp, d, role);
        return w;
    }
    return DT_COL_NONE;
}

dt_what dt_catalog_column_whole(br_kind kind, const char *text, br_role *role)
{
    return column_at(kind, &text, 1, role, 1);
}

size_t dt_catalog_year_word(const char *s, size_t len, int *offset)
{
    for (size_t i = 0; i < COUNT(years); i++)
        if (dt_starts(s, len, years[i].word)) {
            *offset = years[i].offset;
            return strlen(years[i].word);
        }
    return 0;
}

br_role dt_catalog_prev_role(br_role role)
{
    for (size_t i = 0; i < COUNT(prevs); i++)
        if (prevs[i].role == role)
            return prevs[i].prev;
    return BR_ROLE_NONE;
}

br_side dt_catalog_side(const char *comp)
{
    size_t len = strlen(comp);
    for (size_t i = 0; i < COUNT(sides); i++)
        if (dt_find(comp, len, sides[i].word))
            return sides[i].side;
    return BR_SIDE_NONE;
}

br_role dt_panel_total(br_kind kind, const br_role *roles, size_t n)
{
    size_t nids = 0;
    const br_identity *ids = dt_host ? dt_host->identities_of(kind, &nids) : NULL;
    if (n < 2)
        return BR_ROLE_NONE;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            if (roles[i] == roles[j])
                return BR_ROLE_NONE;
    for (size_t k = 0; ids && k < nids; k++) {
        size_t have = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t p = 0; p < ids[k].n_parts; p++)
                have += ids[k].parts[p] == roles[i];
        if (have == n)
            return ids[k].total;
    }
    return BR_ROLE_NONE;
}

int dt_catalog_total_label(const char *label, size_t len)
{
    for (size_t i = 0; i < COUNT(totals); i++)
        if (match(totals[i].match, label, len, totals[i].word))
            return totals[i].grand ? 2 : 1;
    return 0;
}

dt_attr dt_catalog_attr(br_kind kind, const char *key, size_t len)
{
    char buf[DT_COMP_MAX];
    size_t n = dt_squeeze(key, len, buf, sizeof buf);
    unsigned bit = 1u << kind;
    for (size_t i = 0; i < COUNT(attrs); i++)
        if ((attrs[i].kinds & bit) && dt_find(buf, n, attrs[i].word))
            return attrs[i].attr;
    return DT_ATTR_NONE;
}

int dt_catalog_unit_lead(const char *s, size_t len)
{
    char buf[DT_COMP_MAX];
    dt_trim(&s, &len);
    size_t n = dt_squeeze(s, len, buf, sizeof buf);
    for (size_t i = 0; i < COUNT(unit_leads); i++)
        if (dt_starts(buf, n, unit_leads[i]))
            return 1;
    return 0;
}

br_unit dt_catalog_unit_line(const char *s, size_t len)
{
    char buf[4 * DT_COMP_MAX];
    dt_trim(&s, &len);
    if (len == 0 || len >= sizeof buf)
        return BR_UNIT_UNKNOWN;
    size_t n = dt_squeeze(s, len, buf, sizeof buf);
    for (size_t i = 0; i < COUNT(units); i++)
        if (dt_starts(buf, n, units[i]))
            return n < 64 ? dt_host->unit_parse(buf, n) : BR_UNIT_UNKNOWN;
    /* "编制部门:XX 单位:元": the unit at the end, after what the table is of */
    if (!dt_catalog_unit_lead(buf, n))
        return BR_UNIT_UNKNOWN;
    for (size_t at = n; at-- > 1;)
        for (size_t i = 0; i < COUNT(units); i++)
            if (dt_starts(buf + at, n - at, units[i]))
                return n - at < 64 ? dt_host->unit_parse(buf + at, n - at) : BR_UNIT_UNKNOWN;
    return BR_UNIT_UNKNOWN;
}

int dt_blank_mark(const char *s, size_t len)
{
    for (size_t i = 0; i < COUNT(blanks); i++)
        if (len == strlen(blanks[i]) && memcmp(s, blanks[i], len) == 0)
            return 1;
    return 0;
}

int dt_marker(const char *s, size_t len, size_t *rest)
{
    for (size_t w = 0; w < COUNT(markers); w++) {
        if (!dt_starts(s, len, markers[w]))
            continue;
        size_t i = strlen(markers[w]);
        while (i < len && s[i] == ' ')
            i++;
        size_t d = i;
        while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            i++;
        if (i == d || !(s[d] >= '0' && s[d] <= '9'))
            return 0;
        if (i < len && s[i] != ' ' && s[i] != ':' && s[i] != '\t')
            return 0; /* "表12abc" is not a marker */
        while (i < len && (s[i] == ' ' || s[i] == ':' || s[i] == '\t'))
            i++;
        /* text after the marker must be a table title ("附件1 部门收支总表") */
        if (i < len && !(dt_title_shape(s + i, len - i) && dt_catalog_title(s + i, len - i) >= 0))
            return 0;
        if (rest)
            *rest = i;
        return 1;
    }
    return 0;
}
