/*
 * pdf.c — the `pdf` reader: text with positions from poppler-glib, grouped
 * into lines and spans, then the same table engine as `layout-text`.
 *
 * poppler gives one rectangle per character of the page text (newlines
 * included) in its reading order, which is not always top-to-bottom.  Lines
 * are rebuilt from geometry: characters whose vertical centres lie within
 * half a character height of each other share a line; a line's characters
 * are ordered by x, and a gap wider than about one character starts a new
 * span.  Line numbers count the rebuilt lines through the document, so a
 * finding's line is a line of this rendering; its page is exact.
 */
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

/* One character placed on the page, coordinates in points. */
typedef struct glyph {
    const char *utf8; /* into the page text */
    int len;          /* bytes */
    double x0, x1, yc, h;
} glyph;

static int cmp_by_y(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    return p->yc < q->yc ? -1 : p->yc > q->yc;
}

static int cmp_by_x(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static void set_error(br_error *err, int code, const char *path, const char *msg)
{
    if (!err)
        return;
    err->code = code;
    err->line = 0;
    snprintf(err->file, sizeof err->file, "%s", path ? path : "");
    snprintf(err->message, sizeof err->message, "%s", msg);
}

/* Sniff: a PDF starts with "%PDF-". */
int lt_pdf_sniff(const br_source *src)
{
    return src->size >= 5 && memcmp(src->data, "%PDF-", 5) == 0 ? 90 : 0;
}

/* Append text [s, s+len) normalised (NFKC) as a span of the line. */
static int add_span(br_disclosure *doc, lt_line *line, size_t *cap, const char *s, size_t len,
                    double x0, double x1)
{
    if (line->nspans == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        lt_span *v = lt_host->doc_alloc(doc, ncap * sizeof *v);
        if (!v)
            return BR_ERR_NOMEM;
        if (line->nspans)
            memcpy(v, line->spans, line->nspans * sizeof *v);
        line->spans = v;
        *cap = ncap;
    }
    char *text;
    size_t tlen;
    int rc = lt_host->text_normalize(doc, s, len, &text, &tlen);
    if (rc != BR_OK)
        return rc;
    /* spaces at the edges belong to the gap, not the span */
    while (tlen && text[tlen - 1] == ' ')
        text[--tlen] = '\0';
    while (*text == ' ')
        text++;
    if (!*text)
        return BR_OK;
    line->spans[line->nspans++] = (lt_span){text, (int)(x0 + 0.5), (int)(x1 + 0.5)};
    return BR_OK;
}

static int is_blank(const glyph *g) { return g->len == 1 && g->utf8[0] == ' '; }

/* The glyphs from i to the next printed space form a money token. */
static int money_ahead(const glyph *g, size_t n, size_t i)
{
    char buf[40];
    size_t len = 0;
    for (; i < n && !is_blank(&g[i]); i++) {
        if (len + (size_t)g[i].len >= sizeof buf)
            return 0;
        memcpy(buf + len, g[i].utf8, (size_t)g[i].len);
        len += (size_t)g[i].len;
    }
    return lt_money_token(buf, len);
}

/* Build the spans of one line from its glyphs (sorted by x). */
static int build_line(br_disclosure *doc, lt_line *line, const glyph *g, size_t n, char *scratch)
{
    size_t cap = 0, used = 0;
    double x0 = g[0].x0, x1 = g[0].x1;
    int spaced = 0;  /* a printed space since the last glyph */
    size_t tok = 0, tok_end = 0; /* the last token before that space, in scratch */
    for (size_t i = 0; i < n; i++) {
        int blank = is_blank(&g[i]);
        if (blank) {
            if (!spaced)
                tok_end = used;
            spaced = 1;
            if (used == 0)
                continue;
        }
        /* a figure and a label one printed space apart, as pdftotext closes
         * tight cells ("20,702.25 一、一般公共服务支出"): two cells */
        int cells = spaced && !blank && used &&
                    ((lt_money_token(scratch + tok, tok_end - tok) && (unsigned char)g[i].utf8[0] >= 0x80) ||
                     (tok_end > 0 && (unsigned char)scratch[tok_end - 1] >= 0x80 &&
                      money_ahead(g, n, i)));
        /* a new span after a gap of about half a character — more when a
         * printed space bridges it (a space inside a label, "1. 一般") */
        if (i > 0 && !blank && used && (cells || g[i].x0 - x1 > (spaced ? 0.6 : 0.45) * g[i].h)) {
            int rc = add_span(doc, line, &cap, scratch, used, x0, x1);
            if (rc != BR_OK)
                return rc;
            used = 0;
        }
        if (used == 0) {
            x0 = g[i].x0;
            tok = 0;
        }
        if (spaced && !blank)
            tok = used; /* a token starts after the space */
        memcpy(scratch + used, g[i].utf8, (size_t)g[i].len);
        used += (size_t)g[i].len;
        if (!blank) {
            x1 = g[i].x1;
            spaced = 0;
        }
    }
    return used ? add_span(doc, line, &cap, scratch, used, x0, x1) : BR_OK;
}

typedef struct lines_vec {
    lt_line *v;
    size_t n, cap;
} lines_vec;

/*
 * ---- the second reading: the glyph lines as space-aligned text ----
 *
 * Every rebuilt line is printed as one text line, the way `pdftotext
 * -layout` prints a page: each word at the display column of its left edge
 * (its x over the page's typical width of one column), at least one space
 * after the word before it; the glyphs of a word abut (a CJK character
 * takes two columns).  A form feed begins each page after the first.  The
 * layout-text reader reads it again (lt_text_lines), as a shadow that
 * builds nothing, and the two readings are compared (compare.c).
 */
typedef struct text_buf {
    char *s;
    size_t n, cap;
} text_buf;

static int text_reserve(br_disclosure *doc, text_buf *b, size_t more)
{
    if (b->n + more <= b->cap)
        return BR_OK;
    size_t ncap = b->cap ? b->cap : 1 << 16;
    while (ncap < b->n + more)
        ncap *= 2;
    char *s = lt_host->doc_alloc(doc, ncap);
    if (!s)
        return BR_ERR_NOMEM;
    if (b->n)
        memcpy(s, b->s, b->n);
    b->s = s;
    b->cap = ncap;
    return BR_OK;
}

/* A gap wider than this share of a column between two glyphs breaks a word
 * (pdftotext's least word break is a tenth of the font size, a fifth of a
 * column of half-width figures). */
#define WORD_GAP 0.2
#define NEAR_WORD 0.5

/* The page's width of one display column, in points: the median of its
 * glyphs' widths per column (a CJK glyph is two), by a histogram of
 * quarter points. */
static double column_width(const glyph *g, size_t n)
{
    enum { BINS = 256 };
    size_t hist[BINS] = {0}, total = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_blank(&g[i]))
            continue;
        double w = (g[i].x1 - g[i].x0) / lt_cp_width(g_utf8_get_char(g[i].utf8));
        int bin = (int)(w * 4 + 0.5);
        if (bin <= 0 || bin >= BINS)
            continue;
        hist[bin]++;
        total++;
    }
    for (size_t b = 1, seen = 0; b < BINS; b++)
        if ((seen += hist[b]) * 2 > total)
            return b / 4.0;
    return 6; /* no glyph: any width */
}

/* Print one line (glyphs sorted by x) at columns of width cw from `left`. */
static int render_line(br_disclosure *doc, text_buf *b, const glyph *g, size_t n, double left,
                       double cw)
{
    size_t cur = 0;
    int spaced = 0;
    double prev_x1 = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_blank(&g[i])) {
            spaced = 1;
            continue;
        }
        int starts = !cur || spaced || g[i].x0 - prev_x1 > WORD_GAP * cw;
        size_t col = cur;
        if (starts) {
            /* the word's extent: its glyphs up to the next break */
            char word[40];
            size_t e = i, len = 0;
            for (; e < n && !is_blank(&g[e]) && (e == i || g[e].x0 - g[e - 1].x1 <= WORD_GAP * cw);
                 e++)
                if (len + (size_t)g[e].len < sizeof word) {
                    memcpy(word + len, g[e].utf8, (size_t)g[e].len);
                    len += (size_t)g[e].len;
                } else {
                    len = sizeof word; /* too long for a figure */
                }
            double at = (g[i].x0 - left) / cw;
            /* figures are printed flush right, their separators narrower
             * than a column: a figure ends where its last glyph ends */
            if (len < sizeof word && lt_money_token(word, len))
                at = (g[e - 1].x1 - left) / cw - (double)len;
            col = at > 0 ? (size_t)(at + 0.5) : 0;
            /* words less than half their own height apart (a title in a
             * large font, "2017 年…") are one space apart, as pdftotext
             * prints the words of one block */
            if (cur && (col <= cur || g[i].x0 - prev_x1 <= NEAR_WORD * g[i].h))
                col = cur + 1;
        }
        int rc = text_reserve(doc, b, col - cur + (size_t)g[i].len + 1);
        if (rc != BR_OK)
            return rc;
        memset(b->s + b->n, ' ', col - cur);
        b->n += col - cur;
        memcpy(b->s + b->n, g[i].utf8, (size_t)g[i].len);
        b->n += (size_t)g[i].len;
        cur = col + (size_t)lt_cp_width(g_utf8_get_char(g[i].utf8));
        prev_x1 = g[i].x1;
        spaced = 0;
    }
    int rc = text_reserve(doc, b, 1);
    if (rc == BR_OK)
        b->s[b->n++] = '\n';
    return rc;
}

static int push_line(br_disclosure *doc, lines_vec *lines, lt_line **out)
{
    if (lines->n == lines->cap) {
        size_t ncap = lines->cap ? lines->cap * 2 : 256;
        lt_line *v = lt_host->doc_alloc(doc, ncap * sizeof *v);
        if (!v)
            return BR_ERR_NOMEM;
        if (lines->n)
            memcpy(v, lines->v, lines->n * sizeof *v);
        lines->v = v;
        lines->cap = ncap;
    }
    *out = &lines->v[lines->n++];
    memset(*out, 0, sizeof **out);
    return BR_OK;
}

/* The page's glyphs grouped into lines, appended to `lines`, and printed
 * as text into `text`. */
static int read_page(br_disclosure *doc, PopplerPage *page, int pageno, lines_vec *lines,
                     text_buf *text_out)
{
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    int rc = BR_OK;
    if (!text || !poppler_page_get_text_layout(page, &rects, &nrects) || nrects == 0)
        goto done; /* an image-only or blank page: quietly nothing */
    glyph *g = malloc(nrects * sizeof *g);
    char *scratch = malloc(strlen(text) + 1);
    if (!g || !scratch) {
        free(g);
        free(scratch);
        rc = BR_ERR_NOMEM;
        goto done;
    }
    size_t n = 0;
    const char *p = text;
    for (guint i = 0; i < nrects && *p; i++) {
        const char *next = g_utf8_next_char(p);
        if (*p != '\n' && *p != '\r') {
            const PopplerRectangle *r = &rects[i];
            g[n++] = (glyph){p, (int)(next - p), r->x1, r->x2, (r->y1 + r->y2) / 2,
                             r->y2 - r->y1 > 1 ? r->y2 - r->y1 : 1};
        }
        p = next;
    }
    qsort(g, n, sizeof *g, cmp_by_y);
    double cw = column_width(g, n), left = n ? g[0].x0 : 0;
    for (size_t i = 1; i < n; i++)
        if (g[i].x0 < left)
            left = g[i].x0;
    for (size_t i = 0; i < n && rc == BR_OK;) {
        size_t j = i + 1;
        while (j < n && g[j].yc - g[i].yc < 0.5 * g[i].h)
            j++;
        qsort(g + i, j - i, sizeof *g, cmp_by_x);
        lt_line *line;
        rc = push_line(doc, lines, &line);
        if (rc == BR_OK) {
            line->no = (long)lines->n;
            line->page = pageno;
            line->y = (int)(g[i].yc + 0.5);
            rc = build_line(doc, line, g + i, j - i, scratch);
        }
        if (rc == BR_OK)
            rc = render_line(doc, text_out, g + i, j - i, left, cw);
        i = j;
    }
    free(g);
    free(scratch);
done:
    g_free(rects);
    g_free(text);
    return rc;
}

int lt_pdf_read(const br_source *src, br_disclosure *doc, br_error *err)
{
    GError *gerr = NULL;
    GBytes *bytes = g_bytes_new_static(src->data, src->size);
    PopplerDocument *pdf = poppler_document_new_from_bytes(bytes, NULL, &gerr);
    if (!pdf) {
        set_error(err, BR_ERR_INPUT, src->path, gerr ? gerr->message : "not a readable PDF");
        if (gerr)
            g_error_free(gerr);
        g_bytes_unref(bytes);
        return BR_ERR_INPUT;
    }
    lines_vec lines = {0};
    text_buf text = {0};
    int npages = poppler_document_get_n_pages(pdf), rc = BR_OK;
    for (int i = 0; i < npages && rc == BR_OK; i++) {
        if (i > 0 && (rc = text_reserve(doc, &text, 1)) == BR_OK)
            text.s[text.n++] = '\f'; /* pdftotext: a form feed begins the next page */
        PopplerPage *page = rc == BR_OK ? poppler_document_get_page(pdf, i) : NULL;
        if (!page)
            continue;
        rc = read_page(doc, page, i + 1, &lines, &text);
        g_object_unref(page);
    }
    g_object_unref(pdf);
    g_bytes_unref(bytes);
    if (rc != BR_OK) {
        set_error(err, rc, src->path, "out of memory reading the PDF");
        return rc;
    }
    /* the model from the glyphs; the text reading of the same lines beside
     * it, building nothing; where they disagree on a table, the table is
     * uncertain */
    lt_doc in = {lines.v, lines.n, npages, 12, 0}, tin;
    lt_reading *glyphs = lt_reading_new(doc, 0), *printed = lt_reading_new(doc, 1);
    if (!glyphs || !printed)
        rc = BR_ERR_NOMEM;
    if (rc == BR_OK)
        rc = lt_read_reading(&in, doc, src->path, glyphs, err);
    if (rc != BR_OK)
        return rc;
    const char *dbg = getenv("BR_LAYOUT_DEBUG"); /* "printed": the second reading's text */
    if (dbg && strstr(dbg, "printed"))
        fwrite(text.s ? text.s : "", 1, text.n, stderr);
    if ((rc = lt_text_lines(doc, text.s ? text.s : "", text.n, &tin)) != BR_OK ||
        (rc = lt_read_reading(&tin, doc, src->path, printed, err)) != BR_OK ||
        (rc = lt_readings_compare(doc, glyphs, printed, "its glyph reading",
                                  "the PDF's text reading")) != BR_OK)
        set_error(err, rc, src->path, "out of memory reading the PDF a second time");
    return rc;
}
