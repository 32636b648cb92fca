/*
 * dt_narrative.h — the layout front ends' narrative: positioned lines handed
 * to the disclosure-text narrative reader (dt_narrative.c).
 */
#ifndef LT_DT_NARRATIVE_H
#define LT_DT_NARRATIVE_H

#include "layout.h"

/*
 * The indentation of every line flagged in `narr`, in display columns as
 * layout text prints it, into indent[0 .. in->nlines) (0 for other lines):
 * its left edge minus its page's left margin, over the width of one column
 * measured on the narrative's own text.  Span text alone loses the indent
 * that tells a paragraph start from a wrapped line, and a centred heading
 * from prose.
 */
void lt_narrative_indents(const lt_doc *in, const unsigned char *narr, int *indent);

#endif
