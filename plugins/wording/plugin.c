/*
 * plugin.c — the wording plugin: wording defects that mislead a reader of the
 * published text (issue 10, part 4): placeholders of a template left in it,
 * and years that do not belong to the document.
 */
#include "wording.h"

const br_host *wd_host;

static int wd_init(const br_host *host)
{
    if (!host || host->size < sizeof(br_host) || host->abi_major != BR_PLUGIN_ABI_MAJOR)
        return BR_ERR_PLUGIN;
    wd_host = host;
    return BR_OK;
}

static const int in_doc[] = {BR_INPUT_DISCLOSURE};

static const br_check_desc checks[] = {
    {
        .size = sizeof(br_check_desc),
        .id = "wording.placeholders",
        .title = "No template placeholder is left in the published text",
        .description =
            "A placeholder of a template left in a heading, the narrative or a table's title: "
            "a run of X, x or × standing for a name or figure between Chinese text (\"XX局\", "
            "\"××万元\"; not next to a letter, digit or the signs of a model number or "
            "address: \"X光\", \"XXL\", \"A-XX200\"), a year to fill in (\"20XX年\"), 某某, "
            "待填写, 待补充, an empty 【】, a 【…】 holding a fill-in instruction "
            "(\"【此处填写…】\") and a bracket holding only a field's name (\"(单位名称)\"). "
            "One warning per placeholder at its line, quoting the line. The words are data "
            "(wording.def).",
        .severity = BR_SEV_WARNING,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)wd_check_placeholders,
    },
    {
        .size = sizeof(br_check_desc),
        .id = "wording.years",
        .title = "Years that do not belong to the document",
        .description =
            "With Y the document's year (its title) and its phase (budget or final account, "
            "from the table titles): a heading or table title naming one year with the "
            "document's own words after it (\"2023年度部门决算情况说明\" in a final account) "
            "names Y; \"截至 YYYY年12月31日\" before a balance (资产, 车辆) names the year-end "
            "of the account, Y in a final account, Y-1 in a budget; \"比/较/与 YYYY年\" "
            "followed at once by a change (增加, 减少, 相比, 持平) names Y-1, as does "
            "\"YYYY年(上年)\". Any other mention of a year (history, a document number, a "
            "date of publication, \"比2023年预算\") is not judged. A warning at the line of "
            "the year, naming the document's year and the year found. The words are data "
            "(wording.def).",
        .severity = BR_SEV_WARNING,
        .inputs = in_doc,
        .n_inputs = 1,
        .fn = (br_check_fn)wd_check_years,
    },
};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "wording",
    .version = "0.1.0",
    .description = "Wording defects that mislead: placeholders left in the text, years that do "
                   "not belong to the document",
    .init = wd_init,
    .checks = checks,
    .n_checks = sizeof checks / sizeof *checks,
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
