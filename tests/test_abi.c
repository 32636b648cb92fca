/* Plugin ABI v1: loading, refusals, input binding through libffi. */
#include <criterion/criterion.h>
#include <stddef.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

#define FIXTURE(name) BR_FIXTURE_DIR "/plugin_" name ".so"

static br_registry *reg;

static void setup(void) { reg = br_registry_new(); }
static void teardown(void) { br_registry_free(reg); }

TestSuite(abi, .init = setup, .fini = teardown);

Test(abi, good_plugin_loads_with_its_checks)
{
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, FIXTURE("good"), &err), BR_OK, "%s", err.message);
    cr_assert_eq(br_registry_plugin_count(reg), 1);
    cr_assert_eq(br_registry_check_count(reg), 3);
    const char *path = NULL;
    const br_plugin_desc *d = br_registry_plugin_at(reg, 0, &path);
    cr_assert_str_eq(d->name, "good");
    cr_assert_str_eq(d->version, "1.2.3");
    cr_assert_str_eq(path, FIXTURE("good"));
    cr_assert_not_null(br_registry_find_check(reg, "good.needs_projects"));
    cr_assert_eq(br_registry_message_count(reg), 0);
}

static void assert_refused(const char *path, const char *reason)
{
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, path, &err), BR_ERR_PLUGIN);
    cr_assert_eq(err.code, BR_ERR_PLUGIN);
    cr_assert_str_eq(err.file, path);
    cr_assert(strstr(err.message, reason), "message '%s' lacks '%s'", err.message, reason);
    cr_assert_eq(br_registry_plugin_count(reg), 0);
    cr_assert_eq(br_registry_message_count(reg), 1);
    cr_assert(strstr(br_registry_message_at(reg, 0), path));
}

Test(abi, wrong_major_is_refused)
{
    assert_refused(FIXTURE("wrong_major"),
                   "plugin refused: built for plugin ABI 2.0; this host speaks ABI 1.x");
}

Test(abi, newer_minor_is_refused)
{
    assert_refused(FIXTURE("newer_minor"),
                   "plugin refused: built for plugin ABI 1.4, newer than this host's 1.3");
}

Test(abi, host_1_1_records_pages)
{
    const br_host *host = br_host_services();
    cr_assert_eq(host->abi_major, 1);
    cr_assert_eq(host->abi_minor, 3);
    cr_assert(BR_HOST_HAS(host, doc_set_page));
    /* a 1.0 host's table ends before the service: a plugin must not call it */
    br_host old = *host;
    old.size = (uint32_t)offsetof(br_host, doc_set_page);
    cr_assert_not(BR_HOST_HAS(&old, doc_set_page));

    br_disclosure *doc = br_disclosure_new("paged.txt");
    cr_assert_eq(br_disclosure_page_of(doc, 0, 5), 0); /* no pages recorded */
    cr_assert_eq(host->doc_set_page(doc, 1, 1), BR_OK);
    cr_assert_eq(host->doc_set_page(doc, 40, 2), BR_OK);
    cr_assert_eq(host->doc_set_page(doc, 40, 3), BR_OK); /* page 2 had no line */
    cr_assert_eq(host->doc_set_page(doc, 90, 4), BR_OK);
    cr_assert_eq(host->doc_set_page(doc, 50, 5), BR_ERR_ARG); /* lines ascend */
    cr_assert_eq(host->doc_set_page(doc, 0, 5), BR_ERR_ARG);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 1), 1);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 39), 1);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 40), 3);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 89), 3);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 90), 4);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 5000), 4);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 0), 0);
    cr_assert_eq(br_disclosure_page_of(doc, 1, 40), 0); /* no such part */
    br_disclosure_free(doc);
}

Test(abi, missing_entry_is_refused)
{
    assert_refused(FIXTURE("no_entry"), "plugin refused: no entry point br_plugin_entry_v1()");
}

Test(abi, incomplete_descriptor_is_refused)
{
    assert_refused(FIXTURE("incomplete"),
                   "plugin refused: incomplete descriptor: check incomplete.noop has no function");
}

Test(abi, missing_file_is_refused)
{
    assert_refused(BR_FIXTURE_DIR "/nonexistent.so", "plugin refused: cannot load:");
}

Test(abi, directory_load_goes_on_after_refusals)
{
    br_error err = {0};
    cr_assert_eq(br_registry_load_dir(reg, BR_FIXTURE_DIR, &err), 1);
    cr_assert_eq(br_registry_plugin_count(reg), 1);
    cr_assert_eq(br_registry_message_count(reg), 4);
    cr_assert_eq(br_registry_load_dir(reg, BR_FIXTURE_DIR "/nope", &err), BR_ERR_IO);
}

Test(abi, loading_the_same_plugin_twice_is_refused)
{
    cr_assert_eq(br_registry_load(reg, FIXTURE("good"), NULL), BR_OK);
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, FIXTURE("good"), &err), BR_ERR_PLUGIN);
    cr_assert(strstr(err.message, "a plugin named good is already loaded"));
}

/* A disclosure with gpb_expenditure, expenditure and one claim, built by hand. */
static br_disclosure *small_doc(int with_narrative)
{
    br_disclosure *doc = br_disclosure_new("mem.txt");
    br_disclosure_add_table(doc, BR_KIND_GPB_EXPENDITURE, "gpb", BR_UNIT_WAN, 10);
    br_disclosure_add_table(doc, BR_KIND_EXPENDITURE, "exp", BR_UNIT_WAN, 20);
    if (with_narrative) {
        br_claim c = {.label = "收入", .claim_class = "income_total", .unit = "万元",
                      .value = {199606, 2}, .line = 3};
        br_narrative_add_claim(br_disclosure_narrative(doc), &c);
    }
    return doc;
}

static br_check_status status_of(const br_report *r, const char *id)
{
    for (size_t i = 0; i < br_report_run_count(r); i++)
        if (strcmp(br_report_run_check(r, i), id) == 0)
            return br_report_run_status(r, i);
    cr_assert_fail("no run of %s", id);
    return BR_CHECK_CRASHED;
}

Test(abi, inputs_are_bound_in_declaration_order)
{
    cr_assert_eq(br_registry_load(reg, FIXTURE("good"), NULL), BR_OK);
    br_disclosure *doc = small_doc(1);
    br_report *r = br_registry_check(reg, doc, NULL);
    cr_assert_eq(status_of(r, "good.three_inputs"), BR_CHECK_PASSED);
    cr_assert_eq(status_of(r, "good.needs_projects"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "good.fails"), BR_CHECK_CRASHED);
    cr_assert_eq(br_report_count(r), 2);
    cr_assert_str_eq(br_report_at(r, 0)->check, "good.three_inputs");
    cr_assert_str_eq(br_report_at(r, 0)->message, "gpb_expenditure expenditure 1");
    cr_assert_str_eq(br_report_at(r, 1)->message, "check good.fails failed with status BR_ERR_INPUT");
    cr_assert_eq(br_report_at(r, 1)->severity, BR_SEV_WARNING);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(abi, absent_input_means_not_applicable)
{
    cr_assert_eq(br_registry_load(reg, FIXTURE("good"), NULL), BR_OK);
    br_disclosure *doc = small_doc(0); /* no narrative */
    br_report *r = br_registry_check(reg, doc, NULL);
    cr_assert_eq(status_of(r, "good.three_inputs"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "good.needs_projects"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(br_report_count(r), 1); /* only good.fails' warning */
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(abi, only_and_skip_select_checks)
{
    cr_assert_eq(br_registry_load(reg, FIXTURE("good"), NULL), BR_OK);
    br_disclosure *doc = small_doc(1);
    const char *only[] = {"good.three_inputs", NULL};
    const char *skip[] = {"good.fails", NULL};
    br_check_options o1 = {.only = only}, o2 = {.skip = skip};
    br_report *r = br_registry_check(reg, doc, &o1);
    cr_assert_eq(status_of(r, "good.fails"), BR_CHECK_SKIPPED);
    cr_assert_eq(br_report_count(r), 1);
    br_report_free(r);
    r = br_registry_check(reg, doc, &o2);
    cr_assert_eq(status_of(r, "good.fails"), BR_CHECK_SKIPPED);
    cr_assert_eq(status_of(r, "good.three_inputs"), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* What the Python binding will do with a libffi closure: register a check
 * whose function does not come from a plugin. */
static int api_check(const br_disclosure *doc, br_report *report)
{
    br_finding f = {.check = "api.count", .severity = BR_SEV_ERROR, .message = "api",
                    .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL,
                    .expected = {100, 2}, .actual = {125, 2}};
    return br_report_add(report, &f);
}

Test(abi, checks_can_be_registered_through_the_api)
{
    static const int whole[] = {BR_INPUT_DISCLOSURE};
    static const br_check_desc desc = {sizeof desc, "api.count", "API check", "d",
                                       BR_SEV_ERROR, whole, 1, (br_check_fn)api_check};
    br_error err = {0};
    cr_assert_eq(br_registry_add_check(reg, &desc, "test", &err), BR_OK);
    cr_assert_eq(br_registry_add_check(reg, &desc, "test", &err), BR_ERR_PLUGIN);
    br_disclosure *doc = small_doc(0);
    br_report *r = br_registry_check(reg, doc, NULL);
    cr_assert_eq(br_report_count(r), 1);
    br_decimal diff;
    cr_assert_eq(br_report_difference(r, 0, &diff), 1);
    char buf[BR_DECIMAL_STR_MAX];
    br_decimal_format(diff, buf, sizeof buf);
    cr_assert_str_eq(buf, "0.25");
    cr_assert_eq(br_report_max_severity(r), BR_SEV_ERROR);
    br_report_free(r);
    br_disclosure_free(doc);
}
