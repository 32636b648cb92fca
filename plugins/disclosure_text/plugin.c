/*
 * plugin.c — the disclosure-text reader plugin: tab-separated text extracted
 * from a budget disclosure PDF (the reference layout of SPEC).  The narrative
 * comes first, then the annexed tables.
 */
#include <string.h>

#include "reader.h"

const br_host *dt_host;

static int dt_init(const br_host *host)
{
    if (!host || host->size < sizeof(br_host) || host->abi_major != BR_PLUGIN_ABI_MAJOR)
        return BR_ERR_PLUGIN;
    dt_host = host;
    return BR_OK;
}

/* Tab-separated text with table vocabulary is ours; other text only barely. */
static int dt_sniff(const br_source *src)
{
    if (!src->text)
        return 0;
    size_t probe = src->text_len < 256 * 1024 ? src->text_len : 256 * 1024;
    int tabs = memchr(src->text, '\t', probe) != NULL;
    int tables = strstr(src->text, "表") != NULL;
    if (tabs && tables)
        return 80;
    return 5; /* last resort: reports "no recognisable table" for plain text */
}

static int dt_read(const br_source *src, br_disclosure *doc, br_error *err)
{
    dt_lines lines;
    int rc = dt_split_lines(doc, src->text, src->text_len, &lines);
    if (rc != BR_OK)
        return rc;
    size_t start = dt_tables_start(&lines);
    rc = dt_read_narrative(doc, &lines, 0, start, src->path, err);
    if (rc != BR_OK)
        return rc;
    return dt_read_tables(doc, &lines, start, lines.n, src->path, err);
}

static const br_reader_desc readers[] = {{
    .size = sizeof(br_reader_desc),
    .name = "disclosure-text",
    .description = "Tab-separated text of a department budget disclosure (情况说明 and its "
                   "annexed tables), as extracted from the published PDF.",
    .sniff = dt_sniff,
    .read = dt_read,
}};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "disclosure-text",
    .version = "0.1.0",
    .description = "Reader for tab-separated disclosure text",
    .init = dt_init,
    .readers = readers,
    .n_readers = 1,
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
