/* sleepy.c — a test plugin whose check sleeps 300 ms: two Python threads
 * calling Disclosure.check() at once overlap only if the GIL is released. */
#include <time.h>

#include <budgetrec/plugin.h>

static int init(const br_host *h) { return h ? BR_OK : BR_ERR_PLUGIN; }

static int nap(const br_disclosure *doc, br_report *report)
{
    (void)doc;
    (void)report;
    struct timespec ts = {0, 300 * 1000 * 1000};
    nanosleep(&ts, NULL);
    return BR_OK;
}

static const int inputs[] = {BR_INPUT_DISCLOSURE};
static const br_check_desc checks[] = {{
    .size = sizeof(br_check_desc), .id = "sleepy.nap", .title = "Sleep 300 ms",
    .severity = BR_SEV_INFO, .inputs = inputs, .n_inputs = 1, .fn = (br_check_fn)nap,
}};
static const br_plugin_desc desc = {
    .size = sizeof(br_plugin_desc), .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR, .name = "sleepy", .version = "1.0",
    .init = init, .checks = checks, .n_checks = 1,
};
BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &desc; }
