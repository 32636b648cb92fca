/* identities.c — the row identity catalog (identities.def) as data. */
#include <budgetrec/model.h>

#define BR_IDENTITY(kind, total, ...) \
    {BR_KIND_##kind, BR_ROLE_##total, (const br_role[]){BR_ROLE_PARTS(__VA_ARGS__)}, \
     sizeof((const br_role[]){BR_ROLE_PARTS(__VA_ARGS__)}) / sizeof(br_role)},

/* Prefix each part with BR_ROLE_ (up to 10 parts). */
#define BR_P1(a) BR_ROLE_##a
#define BR_P2(a, ...) BR_ROLE_##a, BR_P1(__VA_ARGS__)
#define BR_P3(a, ...) BR_ROLE_##a, BR_P2(__VA_ARGS__)
#define BR_P4(a, ...) BR_ROLE_##a, BR_P3(__VA_ARGS__)
#define BR_P5(a, ...) BR_ROLE_##a, BR_P4(__VA_ARGS__)
#define BR_P6(a, ...) BR_ROLE_##a, BR_P5(__VA_ARGS__)
#define BR_P7(a, ...) BR_ROLE_##a, BR_P6(__VA_ARGS__)
#define BR_P8(a, ...) BR_ROLE_##a, BR_P7(__VA_ARGS__)
#define BR_P9(a, ...) BR_ROLE_##a, BR_P8(__VA_ARGS__)
#define BR_P10(a, ...) BR_ROLE_##a, BR_P9(__VA_ARGS__)
#define BR_NTH(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, N, ...) N
#define BR_ROLE_PARTS(...) \
    BR_NTH(__VA_ARGS__, BR_P10, BR_P9, BR_P8, BR_P7, BR_P6, BR_P5, BR_P4, BR_P3, BR_P2, \
           BR_P1, )(__VA_ARGS__)

static const br_identity identities[] = {
#include "identities.def"
};

const br_identity *br_identities_of(br_kind kind, size_t *n)
{
    size_t first = 0, count = 0;
    for (size_t i = 0; i < sizeof identities / sizeof identities[0]; i++) {
        if (identities[i].kind != kind)
            continue;
        if (count++ == 0)
            first = i;
    }
    if (n)
        *n = count;
    return count ? &identities[first] : NULL;
}
