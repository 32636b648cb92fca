/* cmd_plugins.c — `budgetrec plugins`: what is loaded, from where. */
#include <string.h>

#include "cli.h"

static void print_inputs(const br_check_desc *c)
{
    fputs("      inputs:", stdout);
    for (size_t i = 0; i < c->n_inputs; i++) {
        int in = c->inputs[i];
        printf(" %s", in == BR_INPUT_NARRATIVE    ? "narrative"
                      : in == BR_INPUT_DISCLOSURE ? "disclosure"
                                                  : br_kind_name((br_kind)in));
    }
    putchar('\n');
}

int cmd_plugins(int argc, char **argv)
{
    cli_plugins opts = {0};
    for (int i = 1; i < argc; i++) {
        int r = cli_plugin_option(&opts, argc, argv, &i);
        if (r <= 0) {
            fprintf(stderr, "budgetrec plugins: %s '%s'\n",
                    r < 0 ? "missing value for" : "unknown option", argv[i]);
            cli_plugins_free(&opts);
            return EXIT_USAGE;
        }
    }
    br_registry *reg = cli_load_plugins(&opts);
    if (!reg) {
        cli_plugins_free(&opts);
        return EXIT_USAGE;
    }
    printf("budgetrec %s, plugin ABI %d.%d\n", BR_VERSION, BR_PLUGIN_ABI_MAJOR,
           BR_PLUGIN_ABI_MINOR);
    for (size_t p = 0; p < br_registry_plugin_count(reg); p++) {
        const char *path;
        const br_plugin_desc *d = br_registry_plugin_at(reg, p, &path);
        printf("\n%s %s (ABI %u.%u) — %s\n  %s\n", d->name, d->version, d->abi_major,
               d->abi_minor, d->description ? d->description : "", path);
        for (size_t i = 0; i < d->n_readers; i++)
            printf("  reader %s\n      %s\n", d->readers[i].name,
                   d->readers[i].description ? d->readers[i].description : "");
        for (size_t i = 0; i < d->n_checks; i++) {
            const br_check_desc *c = &d->checks[i];
            printf("  check %s [%s] %s\n", c->id, br_severity_name(c->severity), c->title);
            print_inputs(c);
            if (c->description)
                printf("      %s\n", c->description);
        }
    }
    int refused = br_registry_message_count(reg) > 0;
    br_registry_free(reg);
    cli_plugins_free(&opts);
    return refused ? EXIT_USAGE : EXIT_CLEAN;
}
