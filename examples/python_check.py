#!/usr/bin/env python3
"""A custom check in a few lines of Python.

In the 一般公共预算财政拨款基本支出表 (gpb_basic), 工资福利支出 (301…) and
对个人和家庭的补助 (303…) are personnel expenditure (人员经费) and 商品和服务
支出 (302…) is public expenditure (公用经费).  A 302 row with a personnel
figure (or a 301/303 row with a public one) has its amount in the wrong
column.  Run it:

    .venv/bin/python examples/python_check.py [FILE_OR_DIR ...]

On the reference disclosure it finds 邮电费 (30207) with 4.37 in the
personnel column (and so its class total 302).
"""
import sys
from pathlib import Path

import budgetrec as br


# The column a row of each economic class must leave blank.
WRONG_COLUMN = {"301": "public", "302": "personnel", "303": "public"}


@br.check("mine.basic_columns", inputs=["gpb_basic"], severity="warning",
          title="Personnel and public rows in their own columns")
def basic_columns(basic, report):
    """A 302 (公用经费) row has no personnel figure; a 301/303 (人员经费) row no public one."""
    for row in basic.rows:
        wrong = WRONG_COLUMN.get((row.code or "")[:3])
        figure = row.cells.get(wrong)  # Decimal, or None when blank
        if figure:
            report.add("warning", f"{row.label}: {figure} in the {wrong} column",
                       table=basic, row=row, column=wrong, actual=figure)


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    paths = sys.argv[1:] or [here / "000_8b975b95330ebfb5.txt"]
    run = br.check_many(paths, only=["mine.basic_columns"], progress=False)
    for f in run.findings.itertuples():
        print(f"{f.document}:{f.line}: {f.severity}: {f.table} {f.row} · {f.column}: {f.message}")
    print(f"{len(run)} document(s), {len(run.findings)} finding(s)")
