/* inputs.c — expanding check's PATH arguments: files as given, directories
 * walked recursively (sorted, hidden entries skipped) for *.txt and *.pdf;
 * then grouped into disclosures (a narrative and its tables joined). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <budgetrec/budgetrec.h>

#include "inputs.h"

static int push_walked(cli_inputs *in, char *path, int walked)
{
    if (!path)
        return -1;
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        char **v = realloc(in->paths, cap * sizeof *v);
        unsigned char *w = v ? realloc(in->walked, cap) : NULL;
        if (v)
            in->paths = v;
        if (!w) {
            free(path);
            return -1;
        }
        in->walked = w;
        in->cap = cap;
    }
    in->walked[in->n] = (unsigned char)walked;
    in->paths[in->n++] = path;
    return 0;
}

static int push(cli_inputs *in, char *path) { return push_walked(in, path, 0); }

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

/* The slot of (dev, ino) in an open-addressing table of `cap` (a power of
 * two) slots; an empty slot (ino 0: no file has inode 0) when absent. */
static size_t dir_slot(const struct cli_dir_id *t, size_t cap, dev_t dev, ino_t ino)
{
    size_t h = ((size_t)dev * 0x9E3779B97F4A7C15u) ^ (size_t)ino;
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1))
        if (!t[i].ino || (t[i].dev == dev && t[i].ino == ino))
            return i;
}

/* 1 when directory `st` was walked already (else it is recorded); -1 on OOM. */
static int seen_before(cli_inputs *in, const struct stat *st)
{
    if (2 * (in->nseen + 1) > in->capseen) { /* keep it at most half full */
        size_t cap = in->capseen ? in->capseen * 2 : 64;
        struct cli_dir_id *t = calloc(cap, sizeof *t);
        if (!t)
            return -1;
        for (size_t i = 0; i < in->capseen; i++)
            if (in->seen[i].ino)
                t[dir_slot(t, cap, in->seen[i].dev, in->seen[i].ino)] = in->seen[i];
        free(in->seen);
        in->seen = t;
        in->capseen = cap;
    }
    size_t i = dir_slot(in->seen, in->capseen, st->st_dev, st->st_ino);
    if (in->seen[i].ino)
        return 1;
    in->seen[i] = (struct cli_dir_id){st->st_dev, st->st_ino};
    in->nseen++;
    return 0;
}

static int walk(cli_inputs *in, const char *dir, int depth)
{
    struct stat self;
    if (stat(dir, &self) == 0) {
        int seen = seen_before(in, &self);
        if (seen)
            return seen < 0 ? -1 : 0; /* walked already: through a symlink, or a loop */
    }
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
            rc |= push_walked(in, path, 1);
        } else {
            free(path);
        }
        free(names.paths[i]);
    }
    free(names.paths);
    free(names.walked);
    return rc;
}

int cli_inputs_add(cli_inputs *in, const char *arg)
{
    struct stat st;
    if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
        return walk(in, arg, 0);
    return push(in, strdup(arg));
}

int cli_inputs_group(cli_inputs *in, int join_all, int pair)
{
    size_t n = in->n;
    long *partner = malloc((n ? n : 1) * sizeof *partner);
    const char **walked = malloc((n ? n : 1) * sizeof *walked);
    size_t *at = malloc((n ? n : 1) * sizeof *at);
    in->docs = calloc(n ? n : 1, sizeof *in->docs);
    in->grouped = calloc(n ? n : 1, sizeof *in->grouped);
    in->ndocs = 0;
    int rc = partner && walked && at && in->docs && in->grouped ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++)
        partner[i] = -1;
    /* pair only files found in directories: files named are taken as given */
    size_t nw = 0;
    for (size_t i = 0; rc == 0 && pair && !join_all && i < n; i++)
        if (in->walked[i]) {
            at[nw] = i;
            walked[nw++] = in->paths[i];
        }
    if (rc == 0 && nw) {
        long *wp = malloc(nw * sizeof *wp);
        if (wp && br_pair_parts(walked, nw, wp))
            for (size_t k = 0; k < nw; k++)
                partner[at[k]] = wp[k] < 0 ? -1 : (long)at[wp[k]];
        free(wp);
    }
    size_t g = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (join_all) {
            if (!in->ndocs)
                in->docs[in->ndocs++] = (cli_input){&in->grouped[0], 0};
            in->grouped[g++] = in->paths[i];
            in->docs[0].n++;
            continue;
        }
        if (partner[i] >= 0 && (size_t)partner[i] < i)
            continue; /* joined to the file it pairs with, listed there */
        cli_input *d = &in->docs[in->ndocs++];
        d->paths = &in->grouped[g];
        if (partner[i] >= 0) { /* the narrative first, then its tables */
            const char *other = in->paths[partner[i]];
            int narrative_first = br_part_is_narrative(in->paths[i]);
            in->grouped[g++] = narrative_first ? in->paths[i] : other;
            in->grouped[g++] = narrative_first ? other : in->paths[i];
            d->n = 2;
        } else {
            in->grouped[g++] = in->paths[i];
            d->n = 1;
        }
    }
    free(partner);
    free(walked);
    free(at);
    return rc;
}

int cli_inputs_drop_output(cli_inputs *in, const char *output)
{
    struct stat out, st;
    if (!output || stat(output, &out) != 0)
        return 0; /* not there yet: nothing to read it as */
    size_t k = 0;
    for (size_t i = 0; i < in->n; i++) {
        int same = stat(in->paths[i], &st) == 0 && st.st_dev == out.st_dev &&
                   st.st_ino == out.st_ino;
        if (same && !in->walked[i]) {
            fprintf(stderr, "budgetrec: %s is an input and the output (-o): refusing to overwrite it\n",
                    in->paths[i]);
            for (size_t j = i; j < in->n; j++) /* keep the rest to be freed */
                in->paths[k] = in->paths[j], in->walked[k++] = in->walked[j];
            in->n = k;
            return -1;
        }
        if (same) {
            free(in->paths[i]);
            continue;
        }
        in->paths[k] = in->paths[i];
        in->walked[k++] = in->walked[i];
    }
    in->n = k;
    return 0;
}

void cli_inputs_free(cli_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    free(in->walked);
    free(in->docs);
    free(in->grouped);
    free(in->seen);
}
