/*
 * stage.c — headings printed over a 预算数 | 决算数 pair each (the
 * final-accounts 财政拨款“三公”经费支出决算表):
 *
 *     合计          因公出国(境)费   …  公务接待费
 *     预算数 决算数  预算数 决算数   …  预算数 决算数
 *
 * The stage words and the budget twin of each role are data
 * (DT_STAGE / DT_BUDGET in libreader/catalog.def).  pdftotext
 * -layout spreads the pairs wider than their headings, so the k-th pair of
 * the stage line belongs to the k-th heading, by order, not by overlap.
 */
#include <string.h>

#include "engine.h"

#define K(kind) (1u << BR_KIND_##kind)

static const struct {
    unsigned kinds;
    const char *word;
    int budget;
} stages[] = {
#define DT_STAGE(kinds, word, budget) {kinds, word, budget},
#include "catalog.def" /* libreader/catalog.def */
#undef DT_STAGE
};

static const struct {
    br_role role, twin;
} budgets[] = {
#define DT_BUDGET(role, twin) {BR_ROLE_##role, BR_ROLE_##twin},
#include "catalog.def" /* libreader/catalog.def */
#undef DT_BUDGET
};

int lt_stage_word(br_kind kind, const char *text)
{
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++)
        if ((stages[i].kinds & (1u << kind)) && strcmp(stages[i].word, text) == 0)
            return stages[i].budget;
    return -1;
}

br_role lt_stage_role(br_role role, int budget)
{
    if (!budget)
        return role;
    for (size_t i = 0; i < sizeof budgets / sizeof budgets[0]; i++)
        if (budgets[i].role == role)
            return budgets[i].twin;
    return BR_ROLE_NONE;
}
