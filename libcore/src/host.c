/* host.c — the host services table handed to plugins (plugin.h). */
#include <budgetrec/budgetrec.h>

static void *doc_alloc(br_disclosure *doc, size_t size)
{
    return br_arena_alloc(br_disclosure_arena(doc), size);
}

static const void *identities_of(br_kind kind, size_t *n) { return br_identities_of(kind, n); }

static const br_disclosure *report_disclosure(const br_report *report)
{
    return br_report_disclosure(report);
}

static int text_normalize(br_disclosure *doc, const char *text, size_t len, char **out,
                          size_t *out_len)
{
    return br_text_normalize(text, len, br_disclosure_arena(doc), out, out_len, NULL);
}

static int code_system_of(const char *code) { return (int)br_code_system_of(code); }

static const br_host host = {
    .size = sizeof(br_host),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,

    .decimal_parse = br_decimal_parse,
    .decimal_format = br_decimal_format,
    .decimal_add = br_decimal_add,
    .decimal_sub = br_decimal_sub,
    .decimal_cmp = br_decimal_cmp,
    .decimal_half_ulp = br_decimal_half_ulp,
    .unit_parse = br_unit_parse,
    .code_level = br_code_level,
    .code_is_child = br_code_is_child,

    .kind_name = br_kind_name,
    .role_name = br_role_name,
    .identities_of = identities_of,

    .doc_alloc = doc_alloc,
    .doc_set_department = br_disclosure_set_department,
    .doc_set_year = br_disclosure_set_year,
    .doc_set_unit = br_disclosure_set_unit,
    .doc_year = br_disclosure_year,
    .doc_table_count = br_disclosure_table_count,
    .doc_table_at = br_disclosure_table_at,
    .doc_find_table = br_disclosure_find_table,
    .doc_add_table = br_disclosure_add_table,
    .doc_narrative = br_disclosure_narrative,
    .doc_add_note = br_disclosure_add_note,

    .table_kind = br_table_kind,
    .table_title = br_table_title,
    .table_unit = br_table_unit,
    .table_line = br_table_line,
    .table_set_columns = br_table_set_columns,
    .table_column_count = br_table_column_count,
    .table_column_role = br_table_column_role,
    .table_find_column = br_table_find_column,
    .table_row_count = br_table_row_count,
    .table_row_at = br_table_row_at,
    .table_add_row = br_table_add_row,
    .table_set_attr = br_table_set_attr,
    .table_set_project = br_table_set_project,

    .row_code = br_row_code,
    .row_label = br_row_label,
    .row_key = br_row_key,
    .row_side = br_row_side,
    .row_line = br_row_line,
    .row_cell = br_row_cell,
    .row_set_value = br_row_set_value,
    .row_set_text = br_row_set_text,
    .row_clear = br_row_clear,

    .narrative_claim_count = br_narrative_claim_count,
    .narrative_claim_at = br_narrative_claim_at,
    .narrative_add_claim = br_narrative_add_claim,
    .narrative_set_text = br_narrative_set_text,

    .report_add = br_report_add,
    .report_disclosure = report_disclosure,

    .doc_department = br_disclosure_department,
    .doc_department_code = br_disclosure_department_code,
    .doc_unit = br_disclosure_unit,
    .row_table = br_row_table,
    .table_find_row = br_table_find_row,
    .table_find_label = br_table_find_label,
    .table_attr = br_table_attr,
    .table_attr_count = br_table_attr_count,
    .table_attr_key = br_table_attr_key,
    .table_attr_value = br_table_attr_value,
    .table_project_code = br_table_project_code,
    .table_project_name = br_table_project_name,
    .table_project_amount = br_table_project_amount,
    .narrative_text = br_narrative_text,
    .narrative_disclosure = br_narrative_disclosure,
    .code_system_of = code_system_of,
    .decimal_shift = br_decimal_shift,
    .decimal_convert = br_decimal_convert,
    .unit_name = br_unit_name,

    .identity_eval = br_identity_eval,
    .report_identity = br_report_identity,
    .diagnose = br_diagnose,
    .report_add_terms = br_report_add_terms,
    .text_normalize = text_normalize,

    .doc_set_page = br_disclosure_set_page,

    .table_set_uncertain = br_table_set_uncertain,
    .table_uncertain = br_table_uncertain,
    .row_set_uncertain = br_row_set_uncertain,
    .cell_uncertain = br_cell_uncertain,

    .narrative_set_claim_form = br_narrative_set_claim_form,
    .narrative_claim_form = br_narrative_claim_form,
    .report_claim_checked = br_report_claim_checked,
    .report_add_on_claims = br_report_add_on_claims,
};

const br_host *br_host_services(void) { return &host; }
