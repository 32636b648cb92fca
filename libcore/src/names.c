/* names.c — SPEC §3 names of kinds, roles, sides, severities, directions. */
#include <string.h>

#include <budgetrec/model.h>

static const char *const kind_names[BR_KIND__COUNT] = {
    [BR_KIND_UNKNOWN] = "unknown",
    [BR_KIND_SUMMARY] = "summary",
    [BR_KIND_INCOME] = "income",
    [BR_KIND_EXPENDITURE] = "expenditure",
    [BR_KIND_FISCAL_SUMMARY] = "fiscal_summary",
    [BR_KIND_GPB_EXPENDITURE] = "gpb_expenditure",
    [BR_KIND_GPB_BASIC] = "gpb_basic",
    [BR_KIND_THREE_PUBLIC] = "three_public",
    [BR_KIND_GOV_FUND] = "gov_fund",
    [BR_KIND_SOC_CAPITAL] = "soc_capital",
    [BR_KIND_PROCUREMENT] = "procurement",
    [BR_KIND_PROJECTS] = "projects",
    [BR_KIND_PERFORMANCE_OVERALL] = "performance_overall",
    [BR_KIND_PERFORMANCE_PROJECT] = "performance_project",
    [BR_KIND_FISCAL_EXPENDITURE] = "fiscal_expenditure",
    [BR_KIND_FISCAL_BASIC] = "fiscal_basic",
    [BR_KIND_ADMIN_OPERATION] = "admin_operation",
};

static const char *const role_names[BR_ROLE__COUNT] = {
    [BR_ROLE_NONE] = "none",
    [BR_ROLE_AMOUNT] = "amount",
    [BR_ROLE_TOTAL] = "total",
    [BR_ROLE_PREV_TOTAL] = "prev_total",
    [BR_ROLE_BASIC] = "basic",
    [BR_ROLE_PROJECT] = "project",
    [BR_ROLE_PERSONNEL] = "personnel",
    [BR_ROLE_PUBLIC] = "public",
    [BR_ROLE_GPB] = "gpb",
    [BR_ROLE_GOV_FUND] = "gov_fund",
    [BR_ROLE_SOC_CAPITAL] = "soc_capital",
    [BR_ROLE_SPECIAL_ACCOUNT] = "special_account",
    [BR_ROLE_BUSINESS] = "business",
    [BR_ROLE_SUPERIOR_SUBSIDY] = "superior_subsidy",
    [BR_ROLE_AFFILIATED] = "affiliated",
    [BR_ROLE_OPERATING] = "operating",
    [BR_ROLE_OTHER] = "other",
    [BR_ROLE_PREV_ABROAD] = "prev_abroad",
    [BR_ROLE_PREV_VEHICLE_SUBTOTAL] = "prev_vehicle_subtotal",
    [BR_ROLE_PREV_VEHICLE_PURCHASE] = "prev_vehicle_purchase",
    [BR_ROLE_PREV_VEHICLE_OPERATION] = "prev_vehicle_operation",
    [BR_ROLE_PREV_RECEPTION] = "prev_reception",
    [BR_ROLE_ABROAD] = "abroad",
    [BR_ROLE_VEHICLE_SUBTOTAL] = "vehicle_subtotal",
    [BR_ROLE_VEHICLE_PURCHASE] = "vehicle_purchase",
    [BR_ROLE_VEHICLE_OPERATION] = "vehicle_operation",
    [BR_ROLE_RECEPTION] = "reception",
    [BR_ROLE_ANNUAL_SUBTOTAL] = "annual_subtotal",
    [BR_ROLE_ANNUAL_PERSONNEL] = "annual_personnel",
    [BR_ROLE_ANNUAL_GENERAL] = "annual_general",
    [BR_ROLE_ANNUAL_LIVELIHOOD] = "annual_livelihood",
    [BR_ROLE_SUPERIOR_SUBTOTAL] = "superior_subtotal",
    [BR_ROLE_SUPERIOR_ADVANCE] = "superior_advance",
    [BR_ROLE_SUPERIOR_CARRYOVER] = "superior_carryover",
    [BR_ROLE_SUPERIOR_MUNICIPAL] = "superior_municipal",
    [BR_ROLE_NAME] = "name",
    [BR_ROLE_WEIGHT] = "weight",
    [BR_ROLE_UNIT] = "unit",
    [BR_ROLE_OPERATOR] = "operator",
    [BR_ROLE_TARGET] = "target",
    [BR_ROLE_LEVEL1] = "level1",
    [BR_ROLE_LEVEL2] = "level2",
    [BR_ROLE_ADMIN_OPERATION] = "admin_operation",
    [BR_ROLE_FISCAL] = "fiscal",
    [BR_ROLE_CARRYOVER] = "carryover",
    [BR_ROLE_RESERVE] = "reserve",
    [BR_ROLE_CARRY_FORWARD] = "carry_forward",
    [BR_ROLE_MEETING] = "meeting",
    [BR_ROLE_TRAINING] = "training",
    [BR_ROLE_GRAND_TOTAL] = "grand_total",
    [BR_ROLE_BUDGET_TOTAL] = "budget_total",
    [BR_ROLE_BUDGET_ABROAD] = "budget_abroad",
    [BR_ROLE_BUDGET_VEHICLE_SUBTOTAL] = "budget_vehicle_subtotal",
    [BR_ROLE_BUDGET_VEHICLE_PURCHASE] = "budget_vehicle_purchase",
    [BR_ROLE_BUDGET_VEHICLE_OPERATION] = "budget_vehicle_operation",
    [BR_ROLE_BUDGET_RECEPTION] = "budget_reception",
};

const char *br_kind_name(br_kind kind)
{
    return (unsigned)kind < BR_KIND__COUNT ? kind_names[kind] : NULL;
}

br_kind br_kind_from_name(const char *name)
{
    if (name)
        for (int k = 1; k < BR_KIND__COUNT; k++)
            if (strcmp(kind_names[k], name) == 0)
                return (br_kind)k;
    return BR_KIND_UNKNOWN;
}

const char *br_role_name(br_role role)
{
    return (unsigned)role < BR_ROLE__COUNT ? role_names[role] : NULL;
}

br_role br_role_from_name(const char *name)
{
    if (name)
        for (int r = 1; r < BR_ROLE__COUNT; r++)
            if (strcmp(role_names[r], name) == 0)
                return (br_role)r;
    return BR_ROLE_NONE;
}

int br_role_is_money(br_role role)
{
    return (role > BR_ROLE_NONE && role < BR_ROLE_NAME) ||
           (role >= BR_ROLE_ADMIN_OPERATION && role < BR_ROLE__COUNT);
}

const char *br_side_name(br_side side)
{
    switch (side) {
    case BR_SIDE_INCOME: return "income";
    case BR_SIDE_EXPENDITURE: return "expenditure";
    case BR_SIDE_USE: return "use";
    default: return NULL;
    }
}

const char *br_severity_name(br_severity sev)
{
    switch (sev) {
    case BR_SEV_INFO: return "info";
    case BR_SEV_WARNING: return "warning";
    case BR_SEV_ERROR: return "error";
    }
    return NULL;
}

const char *br_direction_name(br_direction dir)
{
    switch (dir) {
    case BR_DIR_INCREASE: return "increase";
    case BR_DIR_DECREASE: return "decrease";
    case BR_DIR_FLAT: return "flat";
    default: return NULL;
    }
}

const char *br_claim_role_name(br_claim_role role)
{
    switch (role) {
    case BR_CLAIM_AMOUNT: return "amount";
    case BR_CLAIM_CHANGE: return "change";
    case BR_CLAIM_RATE: return "rate";
    case BR_CLAIM_SHARE: return "share";
    case BR_CLAIM_BUDGET: return "budget";
    case BR_CLAIM_COMPLETION: return "completion";
    case BR_CLAIM_PREVIOUS: return "previous";
    default: return NULL;
    }
}

const char *br_claim_base_name(br_claim_base base)
{
    switch (base) {
    case BR_BASE_LAST_YEAR: return "last_year";
    case BR_BASE_LAST_YEAR_OTHER_STAGE: return "last_year_other_stage";
    case BR_BASE_OTHER_YEAR: return "other_year";
    default: return NULL;
    }
}
