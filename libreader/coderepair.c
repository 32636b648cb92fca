/*
 * coderepair.c — a subject code printed over 类 | 款 | 项 with parts of the
 * wrong length ("301 2", "210 11 3", " 7 11 02"): the readings the code
 * hierarchy allows.  A 1-digit 款/项 part is that part with its leading
 * zero lost ("2" → 02) or its last digit lost ("2" → 20…29); a class part
 * of another length is any class the table has.  A candidate fits when it
 * lies strictly between the coded rows printed before and after it (codes
 * run in hierarchy order, their string order), is no row's code yet, and
 * its parent is a row of the table.  Both readers repair with it.
 */
#include <stdio.h>
#include <string.h>

#include "brreader.h"

#define MAX_OPTS 12

static int fits(const char *code, const char *prev, const char *next,
                int (*exists)(void *ctx, const char *code), void *ctx)
{
    if ((prev && strcmp(prev, code) >= 0) || (next && strcmp(code, next) >= 0) ||
        exists(ctx, code))
        return 0;
    size_t l = strlen(code);
    char parent[16];
    if (l < 5 || l - 2 >= sizeof parent)
        return 0;
    memcpy(parent, code, l - 2);
    parent[l - 2] = 0;
    return exists(ctx, parent);
}

size_t dt_code_repair(const char *const *parts, size_t np, const char *const *classes,
                      size_t nclasses, const char *prev, const char *next,
                      int (*exists)(void *ctx, const char *code), void *ctx, char *out,
                      size_t cap)
{
    char opts[3][MAX_OPTS][4];
    size_t nopt[3] = {0};
    if (np < 2 || np > 3)
        return 0;
    for (size_t i = 0; i < np; i++) {
        size_t l = strlen(parts[i]);
        if (i == 0 && l != 3) {
            for (size_t k = 0; k < nclasses && nopt[0] < MAX_OPTS; k++)
                if (strlen(classes[k]) == 3)
                    snprintf(opts[0][nopt[0]++], 4, "%s", classes[k]);
        } else if (i > 0 && l == 1) {
            snprintf(opts[i][nopt[i]++], 4, "0%c", parts[i][0]);
            for (char d = '0'; d <= '9'; d++)
                snprintf(opts[i][nopt[i]++], 4, "%c%c", parts[i][0], d);
        } else if (l == (i == 0 ? 3u : 2u)) {
            snprintf(opts[i][nopt[i]++], 4, "%s", parts[i]);
        }
        if (!nopt[i])
            return 0;
    }
    size_t nfound = 0, idx[3] = {0};
    for (;;) {
        char cand[16];
        size_t off = 0;
        for (size_t i = 0; i < np; i++)
            off += (size_t)snprintf(cand + off, sizeof cand - off, "%s", opts[i][idx[i]]);
        if (fits(cand, prev, next, exists, ctx) && nfound++ == 0 && cap)
            snprintf(out, cap, "%s", cand);
        size_t i = np;
        while (i-- > 0) {
            if (++idx[i] < nopt[i])
                break;
            idx[i] = 0;
        }
        if (i == (size_t)-1)
            break;
    }
    return nfound;
}
