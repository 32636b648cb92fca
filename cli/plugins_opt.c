/* plugins_opt.c — which plugins the CLI loads: the user's, then the bundled. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static int push(const char ***v, size_t *n, const char *s)
{
    const char **nv = realloc(*v, (*n + 1) * sizeof **v);
    if (!nv)
        return -1;
    nv[(*n)++] = s;
    *v = nv;
    return 0;
}

int cli_plugin_option(cli_plugins *p, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (strcmp(a, "--no-default-plugins") == 0) {
        p->no_default = 1;
        return 1;
    }
    int is_plugin = strcmp(a, "--plugin") == 0, is_dir = strcmp(a, "--plugin-dir") == 0;
    if (!is_plugin && !is_dir)
        return 0;
    if (*i + 1 >= argc)
        return -1;
    const char *val = argv[++*i];
    return push(is_plugin ? &p->paths : &p->dirs, is_plugin ? &p->npaths : &p->ndirs, val) ? -1
                                                                                           : 1;
}

void cli_plugins_free(cli_plugins *p)
{
    free(p->paths);
    free(p->dirs);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The bundled plugins: "plugins/" beside the executable (build/budgetrec →
 * build/plugins), else the installed directory.  Never the working directory. */
static const char *bundled_dir(char *buf, size_t cap)
{
    char exe[PATH_MAX - 16];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(buf, cap, "%s/plugins", exe);
            if (is_dir(buf))
                return buf;
        }
    }
    if (is_dir(BR_PLUGIN_INSTALL_DIR))
        return BR_PLUGIN_INSTALL_DIR;
    return NULL;
}

br_registry *cli_load_plugins(const cli_plugins *p)
{
    br_registry *reg = br_registry_new();
    if (!reg)
        return NULL;
    br_error err;
    for (size_t i = 0; i < p->npaths; i++)
        br_registry_load(reg, p->paths[i], NULL);
    for (size_t i = 0; i < p->ndirs; i++)
        if (br_registry_load_dir(reg, p->dirs[i], &err) < 0)
            cli_print_error(&err);
    char buf[PATH_MAX];
    const char *dir = p->no_default ? NULL : bundled_dir(buf, sizeof buf);
    if (dir)
        br_registry_load_dir(reg, dir, NULL);
    for (size_t i = 0; i < br_registry_message_count(reg); i++)
        fprintf(stderr, "budgetrec: %s\n", br_registry_message_at(reg, i));
    return reg;
}

void cli_print_error(const br_error *err)
{
    if (err->line > 0)
        fprintf(stderr, "budgetrec: %s:%ld: %s\n", err->file, err->line, err->message);
    else if (err->file[0])
        fprintf(stderr, "budgetrec: %s: %s\n", err->file, err->message);
    else
        fprintf(stderr, "budgetrec: %s\n", err->message);
}
