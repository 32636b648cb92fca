/* inputs.c — expanding check's PATH arguments: files as given, directories
 * walked recursively (sorted, hidden entries skipped) for *.txt and *.pdf. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inputs.h"

static int push(cli_inputs *in, char *path)
{
    if (!path)
        return -1;
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        char **v = realloc(in->paths, cap * sizeof *v);
        if (!v) {
            free(path);
            return -1;
        }
        in->paths = v;
        in->cap = cap;
    }
    in->paths[in->n++] = path;
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files a directory contributes: disclosure text and PDFs. */
static int wanted(const char *name)
{
    size_t len = strlen(name);
    return len > 4 && (strcmp(name + len - 4, ".txt") == 0 || strcmp(name + len - 4, ".pdf") == 0);
}

static int walk(cli_inputs *in, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return push(in, strdup(dir)); /* reported as unreadable when read */
    cli_inputs names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && push(&names, strdup(e->d_name)) != 0)
            break;
    closedir(d);
    qsort(names.paths, names.n, sizeof *names.paths, cmp);
    int rc = 0;
    for (size_t i = 0; i < names.n; i++) {
        size_t dlen = strlen(dir), len = dlen + strlen(names.paths[i]) + 2;
        while (dlen > 1 && dir[dlen - 1] == '/')
            dlen--; /* "examples/" + "a.txt" → "examples/a.txt" */
        char *path = malloc(len);
        if (path)
            snprintf(path, len, "%.*s/%s", (int)dlen, dir, names.paths[i]);
        struct stat st;
        if (path && stat(path, &st) == 0 && S_ISDIR(st.st_mode) && depth < 64) {
            rc |= walk(in, path, depth + 1);
            free(path);
        } else if (path && wanted(names.paths[i])) {
            rc |= push(in, path);
        } else {
            free(path);
        }
        free(names.paths[i]);
    }
    free(names.paths);
    return rc;
}

int cli_inputs_add(cli_inputs *in, const char *arg)
{
    struct stat st;
    if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
        return walk(in, arg, 0);
    return push(in, strdup(arg));
}

void cli_inputs_free(cli_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
}
