/*
 * plugin.c — the performance plugin: checks of the performance target tables
 * (部门整体绩效目标表, 项目绩效目标申报表): weights, units, the same indicator
 * in two tables, cost indicators against the project amount, and figures
 * written in an indicator's text.
 */
#include "perf.h"

const br_host *pf_host;

static int pf_init(const br_host *host)
{
    if (!host || host->size < sizeof(br_host) || host->abi_major != BR_PLUGIN_ABI_MAJOR)
        return BR_ERR_PLUGIN;
    pf_host = host;
    return BR_OK;
}

static const int in_doc[] = {BR_INPUT_DISCLOSURE};
static const int in_projects_doc[] = {BR_KIND_PERFORMANCE_PROJECT, BR_INPUT_DISCLOSURE};

static const br_check_desc checks[] = {
    {
        .size = sizeof(br_check_desc),
        .id = "performance.weights",
        .title = "Indicator weights add up to 100",
        .description =
            "In every performance table (整体绩效目标表, each 项目绩效目标表) the weights of the "
            "listed indicators must add up to 100 percent points. Each printed weight stands "
            "for the interval that rounds to it, so a sum that reaches 100 only within those "
            "intervals is info. A project table whose weights add up to 90 and that lists no "
            "预算执行率 indicator follows the convention of leaving that 10-point indicator "
            "out: reported as info. Any other sum is an error, located at the table's title "
            "line.",
        .severity = BR_SEV_ERROR,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)pf_check_weights,
    },
    {
        .size = sizeof(br_check_desc),
        .id = "performance.units",
        .title = "Indicator units fit what they measure",
        .description =
            "What an indicator measures is read from its 二级指标 (成本指标: money; 数量指标: a "
            "count) and from words of its name (…费, 经费, 资金, 支出: money; …率, 满意度, 比例: "
            "a ratio, which outranks the others). A money indicator with unit %, a cost "
            "indicator counted in pieces or days, a count in %, or a ratio in money is "
            "reported as a warning on the indicator's line. The vocabulary (words and units "
            "such as 万元/年, 万件, 万人次, 个工作日) is data in vocab.def; units it does not "
            "know are not judged.",
        .severity = BR_SEV_WARNING,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)pf_check_units,
    },
    {
        .size = sizeof(br_check_desc),
        .id = "performance.same_indicator",
        .title = "A quantity of the department has the same target in every table",
        .description =
            "An indicator that counts a quantity of the department itself — its staff and "
            "posts (在职人员, 工作人员, 编制数), vehicles (车辆, 公务用车), units and offices "
            "(下属单位, 内设机构, 科室), buildings (办公用房, 房屋面积) — and appears under the "
            "same name (after removing spaces, punctuation and a leading enumeration) and with "
            "the same unit in two performance tables (the overall table and a project's, or two "
            "projects') must have the same target figure: it is one figure of the department. "
            "The overall table's target, else the first printed, is the reference; each other "
            "table that differs gets a warning (counts such as 人, 辆, 个 are exact; a measure such "
            "as 平方米 that differs only within the rounding of the printed targets is info). "
            "Other indicators are not compared — different projects legitimately set different "
            "targets for an indicator of the same name — nor is a name that says what a project "
            "does or whom it serves (培训, 服务, 新增, 维修 …), money, a ratio, a duration or a "
            "flow (人次, 人/年). The vocabulary is data (vocab.def DEPT_QTY).",
        .severity = BR_SEV_WARNING,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)pf_check_same_indicator,
    },
    {
        .size = sizeof(br_check_desc),
        .id = "performance.cost_vs_amount",
        .title = "Cost indicators do not exceed the project amount",
        .description =
            "In a project's performance table, a cost indicator (二级指标 成本指标) whose "
            "target is money (元, 万元, 亿元, also per year) is converted exactly into the unit "
            "of the project's amount (资金总额) and must not exceed it. An excess the rounding "
            "intervals of the two printed figures cannot absorb is an error; one they absorb "
            "is info.",
        .severity = BR_SEV_ERROR,
        .inputs = in_projects_doc,
        .n_inputs = 2,
        .fn = (br_check_fn)pf_check_cost_vs_amount,
    },
    {
        .size = sizeof(br_check_desc),
        .id = "performance.text_figures",
        .title = "Money figures in an indicator's text agree with its target",
        .description =
            "For an indicator whose target is money, the money figures written in its text "
            "(a number followed by 元, 万元 or 亿元) are read, leaving out per-unit prices "
            "(5500 元/人, 每人 …), parts, savings and bounds of ranges. When none equals the "
            "target, the last one — the total the text states — is compared with the target "
            "after exact unit conversion: a difference beyond the rounding of both printed "
            "figures is a warning on the indicator's line.",
        .severity = BR_SEV_WARNING,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)pf_check_text_figures,
    },
};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "performance",
    .version = "0.1.0",
    .description = "Consistency of the performance target tables",
    .init = pf_init,
    .checks = checks,
    .n_checks = sizeof checks / sizeof *checks,
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
