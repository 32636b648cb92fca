/*
 * phase.c — is a disclosure a budget (预算) or final accounts (决算)?
 *
 * Each table title votes for the phase its words name (phases.def); the
 * majority decides.  When the titles say nothing (or tie), the first phase
 * word of the narrative text — the document's heading, as a rule — does.
 */
#include <string.h>

#include "model_internal.h"

static const struct {
    br_phase phase;
    const char *word;
} words[] = {
#define PHASE_WORD(phase, word) {phase, word},
#define PHASE_NEUTRAL(phrase)
#include "phases.def"
#undef PHASE_WORD
#undef PHASE_NEUTRAL
};

static const char *const neutral[] = {
#define PHASE_WORD(phase, word)
#define PHASE_NEUTRAL(phrase) phrase,
#include "phases.def"
#undef PHASE_WORD
#undef PHASE_NEUTRAL
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Whether the occurrence of `word` at s[at] lies inside a neutral phrase. */
static int in_neutral(const char *s, size_t at, const char *word)
{
    for (size_t i = 0; i < COUNT(neutral); i++) {
        const char *n = neutral[i];
        size_t nl = strlen(n);
        for (const char *k = strstr(n, word); k; k = strstr(k + 1, word)) {
            size_t before = (size_t)(k - n);
            if (before <= at && strncmp(s + at - before, n, nl) == 0)
                return 1;
        }
    }
    return 0;
}

/* Offset of the first occurrence of `word` in s outside neutral phrases, or -1. */
static long find_word(const char *s, const char *word)
{
    for (const char *k = strstr(s, word); k; k = strstr(k + 1, word))
        if (!in_neutral(s, (size_t)(k - s), word))
            return (long)(k - s);
    return -1;
}

/* The phase a title names, or BR_PHASE_UNKNOWN. */
static br_phase title_phase(const char *title)
{
    for (size_t i = 0; title && i < COUNT(words); i++)
        if (find_word(title, words[i].word) >= 0)
            return words[i].phase;
    return BR_PHASE_UNKNOWN;
}

/* The phase of the first phase word in the text, or BR_PHASE_UNKNOWN. */
static br_phase heading_phase(const char *text)
{
    br_phase best = BR_PHASE_UNKNOWN;
    long first = -1;
    for (size_t i = 0; text && i < COUNT(words); i++) {
        long at = find_word(text, words[i].word);
        if (at >= 0 && (first < 0 || at < first)) {
            first = at;
            best = words[i].phase;
        }
    }
    return best;
}

br_phase br_disclosure_detect_phase(const br_disclosure *doc)
{
    if (!doc)
        return BR_PHASE_UNKNOWN;
    size_t votes[BR_PHASE_FINAL + 1] = {0};
    for (size_t i = 0; i < doc->ntables; i++)
        votes[title_phase(doc->tables[i]->title)]++;
    if (votes[BR_PHASE_BUDGET] != votes[BR_PHASE_FINAL])
        return votes[BR_PHASE_BUDGET] > votes[BR_PHASE_FINAL] ? BR_PHASE_BUDGET
                                                              : BR_PHASE_FINAL;
    return heading_phase(doc->narrative.text);
}
