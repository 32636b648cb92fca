/* args.c — the options `check` and `compare` share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"

/* Split "a,b,c" into a NULL-terminated list (the string is modified). */
const char **cli_split_ids(char *s)
{
    size_t n = 1;
    for (char *p = s; *p; p++)
        n += *p == ',';
    const char **v = calloc(n + 1, sizeof *v);
    size_t k = 0;
    for (char *tok = strtok(s, ","); v && tok; tok = strtok(NULL, ","))
        v[k++] = tok;
    return v;
}

static int parse_severity(const char *s)
{
    if (strcmp(s, "info") == 0)
        return BR_SEV_INFO;
    if (strcmp(s, "warning") == 0)
        return BR_SEV_WARNING;
    if (strcmp(s, "error") == 0)
        return BR_SEV_ERROR;
    return -1;
}

/* Parse check's options; returns -1 for usage errors, 1 for --help, 0 ok. */
int cli_open_output(check_args *a, const char *command)
{
    if (!a->output)
        return 0;
    const char *slash = strrchr(a->output, '/');
    size_t dirlen = slash ? (size_t)(slash - a->output) + 1 : 0;
    size_t len = strlen(a->output) + 16;
    a->output_tmp = malloc(len);
    int fd = -1;
    if (a->output_tmp) {
        snprintf(a->output_tmp, len, "%.*s.%s.XXXXXX", (int)dirlen, a->output,
                 a->output + dirlen);
        fd = mkstemp(a->output_tmp);
    }
    if (fd < 0 || !(a->w.out = fdopen(fd, "w"))) {
        fprintf(stderr, "budgetrec %s: cannot write %s\n", command, a->output);
        if (fd >= 0) {
            close(fd);
            unlink(a->output_tmp);
        }
        free(a->output_tmp);
        a->output_tmp = NULL;
        a->w.out = stdout;
        return -1;
    }
    fchmod(fd, 0644);
    return 0;
}

int cli_finish_output(check_args *a)
{
    if (!a->output_tmp)
        return 0;
    int rc = fclose(a->w.out);
    a->w.out = NULL;
    if (rc == 0)
        rc = rename(a->output_tmp, a->output);
    if (rc != 0) {
        fprintf(stderr, "budgetrec: cannot write %s\n", a->output);
        unlink(a->output_tmp);
    }
    free(a->output_tmp);
    a->output_tmp = NULL;
    return rc == 0 ? 0 : -1;
}

void cli_run_args_free(check_args *a)
{
    if (a->w.out && a->w.out != stdout)
        fclose(a->w.out);
    if (a->output_tmp) { /* the run did not complete: the old file stays */
        unlink(a->output_tmp);
        free(a->output_tmp);
    }
    cli_inputs_free(&a->inputs);
    cli_plugins_free(&a->plugins);
}

int cli_parse_run_args(check_args *a, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        int r = cli_plugin_option(&a->plugins, argc, argv, &i);
        if (r < 0)
            return -1;
        if (r > 0)
            continue;
        if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0)
            return 1;
        int has_val = i + 1 < argc;
        if (strcmp(o, "--format") == 0 && has_val) {
            const char *f = argv[++i];
            if (strcmp(f, "text") == 0)
                a->w.format = OUT_TEXT;
            else if (strcmp(f, "json") == 0)
                a->w.format = OUT_JSON;
            else if (strcmp(f, "csv") == 0)
                a->w.format = OUT_CSV;
            else if (strcmp(f, "html") == 0)
                a->w.format = OUT_HTML;
            else {
                fprintf(stderr, "budgetrec: unknown format '%s' (text, json, csv, html)\n", f);
                return -1;
            }
        } else if (strcmp(o, "-o") == 0 && has_val) {
            a->output = argv[++i];
        } else if (strcmp(o, "--jobs") == 0 && has_val) {
            char *end;
            a->jobs = strtol(argv[++i], &end, 10);
            if (*end || a->jobs < 1 || a->jobs > 1024) {
                fprintf(stderr, "budgetrec: --jobs wants a number from 1 to 1024\n");
                return -1;
            }
        } else if (strcmp(o, "--only") == 0 && has_val) {
            a->only = argv[++i];
        } else if (strcmp(o, "--skip") == 0 && has_val) {
            a->skip = argv[++i];
        } else if (strcmp(o, "--min-severity") == 0 && has_val) {
            if ((a->w.min_severity = parse_severity(argv[++i])) < 0) {
                fprintf(stderr, "budgetrec: --min-severity wants info, warning or error\n");
                return -1;
            }
        } else if (strcmp(o, "--join") == 0) {
            a->join = 1;
        } else if (strcmp(o, "--no-join") == 0) {
            a->no_join = 1;
        } else if (o[0] == '-' && o[1]) {
            fprintf(stderr, "budgetrec: unknown option '%s'\n", o);
            return -1;
        } else if (cli_inputs_add(&a->inputs, o) != 0) {
            return -1;
        }
    }
    if (a->inputs.n == 0 && a->w.format == OUT_TEXT) {
        fprintf(stderr, "budgetrec: no input files\n");
        return -1;
    }
    if (cli_inputs_drop_output(&a->inputs, a->output) != 0)
        return -1;
    if (a->join && a->no_join) {
        fprintf(stderr, "budgetrec: --join and --no-join contradict each other\n");
        return -1;
    }
    if (cli_inputs_group(&a->inputs, a->join, !a->no_join) != 0) {
        fprintf(stderr, "budgetrec: out of memory\n");
        return -1;
    }
    return 0;
}

int cli_id_listed(const char *const *ids, const char *id)
{
    for (; ids && *ids; ids++)
        if (strcmp(*ids, id) == 0)
            return 1;
    return 0;
}

/* Every id named in --only/--skip must exist: a typo should not pass silently. */
int cli_known_ids(const br_registry *reg, const char *const *ids)
{
    for (; ids && *ids; ids++) {
        size_t len = strlen(*ids);
        int parse = len > 6 && strcmp(*ids + len - 6, ".parse") == 0;
        if (!parse && strcmp(*ids, BR_COVERAGE_CHECK) != 0 && strcmp(*ids, BR_UNCHECKED_CHECK) != 0 &&
            !br_registry_find_check(reg, *ids)) {
            fprintf(stderr, "budgetrec: no check named '%s' (see budgetrec plugins)\n", *ids);
            return 0;
        }
    }
    return 1;
}

