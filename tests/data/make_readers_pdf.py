#!/usr/bin/python3
"""
make_readers_pdf.py — the two small PDFs of tests/test_pdf.c's
readers_disagree tests, written by hand (no PDF library): one table of
一般公共预算基本支出 whose cells are placed at exact x positions with a
non-embedded CID font (Identity-H, a ToUnicode map, every CJK glyph 1 em
wide, every ASCII glyph 1/2 em), so poppler reports exact glyph boxes.

    readers_agree.pdf     figure columns far apart: both readings agree
    readers_disagree.pdf  the same table with tight money columns: in rows
                          302 and 30201 人员经费 ends 4 pt (0.4 of the font
                          size) before 公用经费 starts — one word to the
                          glyph reader (its break is 0.45), two figures one
                          space apart to the text reading

    make_readers_pdf.py OUTDIR
"""
import os
import sys

SIZE = 10.0  # font size, points


def width(text):
    return sum(SIZE * (0.5 if ord(c) < 0x80 else 1.0) for c in text)


def page(rights):
    """Content stream: cells as (x, y, text); money cells flush right at rights[k]."""
    cells = [(150, 760, "2024年一般公共预算基本支出预算表"),
             (50, 740, "编制部门：测试单位"), (440, 740, "单位：元"),
             (50, 720, "科目编码"), (120, 720, "科目名称")]
    for right, name in zip(rights, ("合计", "人员经费", "公用经费")):
        cells.append((right - width(name), 720, name))
    rows = [("301", "工资福利支出", "20.00", "20.00", "0.00"),
            ("30101", "基本工资", "12.00", "12.00", "0.00"),
            ("30102", "津贴补贴", "8.00", "8.00", "0.00"),
            ("302", "商品和服务支出", "1,000,010.00", "10.00", "1,000,000.00"),
            ("30201", "办公费", "1,000,010.00", "10.00", "1,000,000.00")]
    y = 700
    for code, label, *figures in rows:
        if code:
            cells.append((50, y, code))
        cells.append((120, y, label))
        for right, fig in zip(rights, figures):
            cells.append((right - width(fig), y, fig))
        y -= 20
    out = []
    for x, y, text in cells:
        hexs = "".join("%04X" % ord(c) for c in text)
        out.append("BT /F1 %g Tf %.2f %.2f Td <%s> Tj ET" % (SIZE, x, y, hexs))
    return "\n".join(out).encode()


def pdf(content):
    tounicode = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                 b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                 b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                 b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                 b"1 beginbfrange <0000> <FFFF> <0000> endbfrange\n"
                 b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /TestCJK "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 8 0 R /DW 1000 /W [32 126 500] >>",
        b"<< /Length %d >>\nstream\n" % len(tounicode) + tounicode + b"endstream",
        b"<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        data += b"%010d 00000 n \n" % off
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(data)


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    tight = 400 + 4 + width("1,000,000.00")  # 公用经费 starts 4 pt after 人员经费 ends
    for name, rights in (("readers_agree.pdf", (300, 400, 500)),
                         ("readers_disagree.pdf", (300, 400, tight))):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(pdf(page(rights)))


if __name__ == "__main__":
    main()
