/*
 * plugin.c — the layout plugin: readers for `pdftotext -layout` text
 * (layout_text.c) and PDF (pdf.c) over one table engine (engine.c).
 */
#include "layout.h"

const br_host *lt_host;
/* the shared reader library (libreader, linked in) uses its own name */
const br_host *dt_host;

int lt_text_sniff(const br_source *src);
int lt_text_read(const br_source *src, br_disclosure *doc, br_error *err);
int lt_pdf_sniff(const br_source *src);
int lt_pdf_read(const br_source *src, br_disclosure *doc, br_error *err);

static int lt_init(const br_host *host)
{
    if (!host || host->size < sizeof(br_host) || host->abi_major != BR_PLUGIN_ABI_MAJOR)
        return BR_ERR_PLUGIN;
    lt_host = host;
    dt_host = host;
    return BR_OK;
}

static const br_reader_desc readers[] = {
    {
        .size = sizeof(br_reader_desc),
        .name = "layout-text",
        .description = "Space-aligned text of a budget disclosure (pdftotext -layout): tables "
                       "rebuilt from column positions, the narrative from the other lines.",
        .sniff = lt_text_sniff,
        .read = lt_text_read,
    },
    {
        .size = sizeof(br_reader_desc),
        .name = "pdf",
        .description = "A budget disclosure PDF (poppler): text with positions, tables rebuilt "
                       "from geometry by the layout engine.",
        .sniff = lt_pdf_sniff,
        .read = lt_pdf_read,
    },
};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "layout",
    .version = "0.1.0",
    .description = "Readers for space-aligned disclosure text and PDF (one table engine)",
    .init = lt_init,
    .readers = readers,
    .n_readers = sizeof readers / sizeof readers[0],
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
