/*
 * plugin.c — the completeness plugin: the standard tables are there, the
 * tables the narrative refers to exist, and statements that a table is empty
 * agree with the figures.
 */
#include "compl.h"

const br_host *cp_host;

static int cp_init(const br_host *host)
{
    if (!host || host->size < sizeof(br_host) || host->abi_major != BR_PLUGIN_ABI_MAJOR)
        return BR_ERR_PLUGIN;
    cp_host = host;
    return BR_OK;
}

static const int in_doc[] = {BR_INPUT_DISCLOSURE};

static const br_check_desc checks[] = {
    {
        .size = sizeof(br_check_desc),
        .id = "completeness.tables",
        .title = "The standard tables are published",
        .description =
            "Each standard table of SPEC §3 (收支总表, 收入总表, 支出总表, 财政拨款收支总表, "
            "一般公共预算支出表 and 基本支出表, 三公 table, 政府性基金 and, from 2021, "
            "国有资本经营预算 tables; the procurement table in layouts that publish a "
            "项目支出明细表) must be in the disclosure, possibly empty, or be stated empty in the "
            "narrative or a table note (\"未使用政府性基金预算拨款安排的支出\", \"本表无数据\", "
            "\"故本表为空表\"). A missing table is a warning naming it. The list is data "
            "(standard.def); documents without tables (a narrative published apart) are not "
            "judged.",
        .severity = BR_SEV_WARNING,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)cp_check_tables,
    },
    {
        .size = sizeof(br_check_desc),
        .id = "completeness.references",
        .title = "Tables the narrative refers to exist",
        .description =
            "A narrative sentence that refers to a table (\"详见附表…\") next to its subject "
            "(政府性基金, 国有资本经营, 三公, 政府采购, 绩效目标), or a non-zero money figure "
            "the narrative states about 政府性基金, 国有资本经营 or 三公 (not a change, and "
            "not a figure whose label also names another subject or a total), requires that "
            "table in the disclosure; when it is absent, a warning at the sentence's line.",
        .severity = BR_SEV_WARNING,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)cp_check_references,
    },
    {
        .size = sizeof(br_check_desc),
        .id = "completeness.empty_statements",
        .title = "Statements that a table is empty agree with it",
        .description =
            "A narrative statement that a subject has no figures (\"未使用政府性基金预算拨款"
            "安排的支出\", \"无国有资本经营预算\", \"本表无数据\"), dated to the document's "
            "year, is contradicted by any non-zero budget-year figure about that subject: in "
            "its table, in its funding column of other tables, or in an income row naming it. "
            "Figures that are all 0 agree. A contradiction is an error at the statement's "
            "line, with the figure's place in the message; a note printed with a table is "
            "held against that table.",
        .severity = BR_SEV_ERROR,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)cp_check_empty_statements,
    },
};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "completeness",
    .version = "0.1.0",
    .description = "Completeness of a disclosure: its tables, and what the narrative says of them",
    .init = cp_init,
    .checks = checks,
    .n_checks = sizeof checks / sizeof *checks,
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
