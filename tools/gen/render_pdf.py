#!/usr/bin/python3
"""
render_pdf.py — draw a space-layout text (what `pdftotext -layout` prints,
gen_disclosure.py --layout space) as the PDF it could have been printed from.

    render_pdf.py TEXT PDF        (or, from Python: render(text, path))

The geometry is that of the text, as an export from Excel or Word places its
cells:

  pages     a form feed starts a page (the generator's page breaks: each
            table's first page and its continuation pages); every page of a
            document has the same size, large enough for its longest page and
            widest line;
  lines     text line k of a page (blank lines counted) has its baseline at
            MARGIN + (k + 1) × PITCH, so a blank line is vertical space, as
            pdftotext turns a gap back into a blank line;
  cells     a run of characters with no two spaces in a row is one cell's
            text, drawn as one string with the font's own advances (its single
            spaces are space glyphs: "201 03 01 行政运行"); two or more spaces
            are the gap between cells, where nothing is drawn.  A run starting
            at display column c and w columns wide (CJK characters two columns,
            unicodedata East Asian Width W/F, as the generator counts them)
            occupies x = MARGIN + c × CELL to MARGIN + (c + w) × CELL: a figure
            is drawn right-aligned at that right edge (the layout text
            right-aligns figures), any other text from the left edge, as
            Excel / Word exports place cell text.  CJK glyphs are exactly two
            columns wide, Latin ones about one (digits 0.55 em, "." 0.27 em),
            so a mixed label ends within a column of where the text has it; a
            run wider than its columns (“ ” — are a full em in the font but
            one column in the text, as East Asian Width A) is drawn condensed
            to fit them, as a cell never spills into the next one.

FONT is the size of the font (WenQuanYi Micro Hei, Debian fonts-wqy-microhei,
drawn with python3-cairo), CELL half of it: a CJK glyph fills its two
columns.  Cairo's text API keeps the glyphs' text (ToUnicode), so the PDF's
text is the layout text's.

render() returns the line map: for every line number of the text (1-based),
(page, pdf_line), pdf_line being the number of the line as the `pdf` reader
counts them — the non-blank lines through the whole document (blank lines do
not exist in a PDF; see plugins/layout/pdf.c) — and, for a blank line, the
number of the last non-blank line before it (0 before the first).

available() says whether cairo and the font are installed (why not, if not).
"""

import os
import re
import subprocess
import sys
import unicodedata

FONT_FAMILY = "WenQuanYi Micro Hei"
FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FONT = 12.0    # points; the pdf reader's char_width (one CJK character)
CELL = FONT / 2  # one display column
PITCH = 16.0   # baseline to baseline
MARGIN = 36.0
# a figure: right-aligned in its cell, as the layout text prints it
FIGURE_RE = re.compile(r"^[-+(（]?[0-9][0-9,]*(\.[0-9]+)?[)）%]?$")


def available():
    """None when the PDF can be drawn, else why not (for a skipped test)."""
    try:
        import cairo  # noqa: F401
    except ImportError:
        return "python3-cairo is not installed (apt-get install python3-cairo)"
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}", FONT_FAMILY],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
        found = FONT_FAMILY.lower() in out.decode("utf-8", "replace").lower()
    except OSError:
        found = os.path.exists(FONT_FILE)
    if not found:
        return "the font %s is not installed (apt-get install fonts-wqy-microhei)" % FONT_FAMILY
    return None


def width(ch):
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def pages_of(text):
    """[[(text line number, line without its form feed)]] per page."""
    pages = [[]]
    for no, line in enumerate(text.split("\n"), 1):
        if line.startswith("\f"):
            if pages[-1]:
                pages.append([])
            line = line.lstrip("\f")
        pages[-1].append((no, line.replace("\f", "")))
    if text.endswith("\n"):  # the empty string after the last newline is no line
        no, line = pages[-1].pop()
    return pages


def runs(line):
    """(first column, text) of each run: characters with no two spaces in a row."""
    out = []
    col = 0
    start = None
    buf = []
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        gap = ch == " " and (i + 1 >= n or line[i + 1] == " " or not buf)
        if ch == " " and gap:
            if buf:
                out.append((start, "".join(buf)))
                buf = []
            col += 1
            i += 1
            continue
        if not buf:
            start = col
        buf.append(ch)
        col += width(ch)
        i += 1
    if buf:
        out.append((start, "".join(buf).rstrip(" ")))
    return out


def render(text, path):
    """Draw text into the PDF at path; the line map {text line: (page, pdf line)}."""
    import cairo
    pages = pages_of(text)
    cols = max((sum(width(c) for c in ln) for pg in pages for _, ln in pg), default=1)
    rows = max((len(pg) for pg in pages), default=1)
    w = 2 * MARGIN + cols * CELL
    h = 2 * MARGIN + (rows + 1) * PITCH
    surface = cairo.PDFSurface(path, w, h)
    ctx = cairo.Context(surface)
    ctx.select_font_face(FONT_FAMILY, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
    ctx.set_font_size(FONT)
    sf = ctx.get_scaled_font()
    mapping = {}
    pdf_line = 0
    for pageno, pg in enumerate(pages, 1):
        for k, (no, line) in enumerate(pg):
            y = MARGIN + (k + 1) * PITCH
            drawn = False
            for col, run in runs(line):
                if not run.strip():
                    continue
                drawn = True
                x = MARGIN + col * CELL
                room = sum(width(c) for c in run) * CELL
                natural = sf.text_extents(run).x_advance
                if natural > room:  # condensed to its columns
                    ctx.save()
                    ctx.translate(x, y)
                    ctx.scale(room / natural, 1)
                    ctx.move_to(0, 0)
                    ctx.show_text(run)
                    ctx.restore()
                    continue
                if FIGURE_RE.match(run):  # right-aligned in its cell
                    x += room - natural
                ctx.move_to(x, y)
                ctx.show_text(run)
            if drawn:
                pdf_line += 1
            mapping[no] = (pageno, pdf_line)
        ctx.show_page()
    surface.finish()
    return mapping


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        sys.stderr.write("usage: render_pdf.py TEXT PDF\n")
        return 2
    why = available()
    if why:
        sys.stderr.write("render_pdf.py: %s\n" % why)
        return 77
    with open(argv[0], encoding="utf-8") as f:
        render(f.read(), argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
