#!/usr/bin/python3
"""
gen_disclosure.py — random, internally consistent department budget
disclosures (部门预算公开) in the layout of the reference document
(examples/000_8b975b95330ebfb5.txt), optionally with one injected change.

    gen_disclosure.py --out DIR [--docs N] [--seed S] [--inject FAMILY|all]
                      [--rounding lossy|lossless|exact]
                      [--vary FAMILY[,FAMILY…]|all [--vary-p P]]
                      [--layout tab|space|mixed|pdf|pdftotext [--jobs N]]

Each document NNNN_<hex>.txt comes with:

  NNNN_<hex>.model.json   what a reader must find in it: every table's rows
                          (code / label, line, money cells as printed, commas
                          removed) and every narrative claim the generator
                          stated (class, value as printed, line, code).
  NNNN_<hex>.inject.json  (with --inject) the expected finding: the changed
                          figure's table / row / column / line and the cause
                          name of SPEC (decimal_shift, transposed_digits,
                          sign_error, unit_slip, missing_child,
                          double_counted_child) or null when the change is no
                          diagnosable slip; `original` and `printed` give the
                          figure before and after.

The model behind a document is exact (Decimal, 万元 to the cent); every
identity between tables, and between the narrative and the tables, holds
exactly.  What is printed may lose precision the way the reference does, and
under SPEC §5 a printed figure stands for the interval that rounds to it:

  lossy     (default without --inject) trailing zeros trimmed ("1932.1",
            "17"), and a few 类 totals and narrative figures rounded to one
            decimal, so that some identities hold only within rounding (info
            findings, never errors);
  lossless  trailing zeros trimmed, nothing rounded;
  exact     (default with --inject) every figure with its two decimals, so
            that no identity's rounding tolerance can absorb an injected
            change and its cause is exactly diagnosable.

Other shapes of the reference: tables over pages that repeat title (one line,
or department and title on two), unit line and header (the 财政拨款收支总表
repeats only its header); thousands separators in some tables; a 基本支出
table whose second page has a one-line header and rows that lost their empty
cells (lossy / lossless only); a narrative sentence broken over two lines;
"\\geq" for ≥ and a blank line inside some indicator lists.

Variation (--vary): families of wording and layout that real disclosures
(Jiangsu, Shanghai, other provinces) show, each drawn independently per
document with probability P (--vary-p; default 0.5 with "all", 1 with a
list) and then one of its variants; they mix freely and combine with
--inject.  They are drawn from a random stream of their own, so a document's
budget is that of the same seed without --vary, and without --vary and with
--layout tab the output is byte for byte what it was.  Each document then
has NNNN_<hex>.vary.json: {"families": {family: variant}, "layout": …,
"detail": {…}} (detail: the header words chosen, the tables printed in 元).

  header_wording     year columns relative or absolute and other stage words
                     (上年预算数 / 本年预算数, 2021年预算执行数, 上年执行数,
                     2021年决算数, 预算数), label column 项目 / 功能分类科目名称 /
                     经济分类科目名称 / 科目名称, 合计 / 总计 / 小计 column
  header_stack       headers over three or more lines: a group (功能分类,
                     经济分类, the year) over its columns, each column's words
                     split every 3 (three_lines) or 2 (four_lines) characters
                     as merged cells print ("科目编" / "码")
  annex_label        附件N, 表N (表三), 公开0N表, 公开表N, or none (the table's
                     line is then its title's line)
  three_public_order 三公 columns 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置
                     及运行费 小计/购置费/运行费, or the vehicle group before 接待;
                     会议费 and 培训费 appended (roles meeting / training, equal to
                     the 基本支出 table's 30215 / 30216); the previous year's
                     block after the budget year's; prev_vehicle_subtotal printed;
                     a 机关运行经费 column appended (admin_operation: the
                     narrative's 运行经费); or each item over its two years
                     (year_pairs: 合计 上年 | 本年, 因公出国(境)费 上年 | 本年 …)
  project_first      项目支出 before 基本支出 in the expenditure tables
  codes              类 | 款 | 项 in three columns (经济: 类 | 款), the same with the
                     leading zero of some codes' last part lost in print
                     (lost_zero: "301 | 2" for 30102; the model keeps the
                     code), or code and label
                     in one field: "201 03 01 行政运行", "2010301 行政运行",
                     "2010301行政运行"
  wrapped_labels     labels longer than the label column (7–11 characters, one
                     width per document) wrapped at that width over two or
                     three lines, the figures (and the code) on the first,
                     middle or last of them
  total_last         the 合计 row printed after the others
  zeros              empty money cells printed "0" or "0.00" (they are then cells
                     of the model, value 0)
  page_footer        a page footer ("— 9 —", "第 9 页", "-9-") after each page's
                     rows, also inside a table before its continuation page; or
                     (title_wrapped) table titles wrapped onto a second line
  units              one or two tables (基本支出, 三公, 政府采购, 支出, 收入, 项目支出)
                     in 元 with thousands separators beside 万元 tables and
                     narrative, their unit line "单位：元"; unit lines "编制部门：XXX
                     单位：万元" (dept_unit_line; also mixed in with yuan_tables)
  narrative_scope    sentences with last year's figures (上年度列入此项的预留机动
                     经费…万元, …年当年预算执行数为…万元), a 款 subtotal sentence
                     ("一般公共服务支出（类）统计信息事务（款）1,234.56万元"), or
                     the pre-2019 class names (医疗卫生与计划生育支出, 文化体育与
                     传媒支出, 国土海洋气象支出) in tables and narrative; none of
                     these sentences is a claim
  table_set          no 三公 table, no 政府性基金 table, no 项目支出 table (the
                     annexes numbered on), or a 三公 table stated empty by a note
                     ("注：本单位无“三公”经费支出。", the 三公 figures all zero)
  basic_panels       the 基本支出 table in two panels side by side: 人员经费 (301,
                     303) | 公用经费 or 日常公用经费 (302), each 科目编码 | 科目名称 |
                     金额 or 预算数, a line carrying a row of each (the longer
                     panel's last lines a blank other half); then a 合计 across
                     the panels, its label left or right, its figure under the
                     right 金额 (two_panels_total_row), or each panel's own
                     total, 人员经费合计 | 公用经费合计, its label in the code or
                     the label cell (two_panels_panel_totals).  Drawn, with its
                     choices, from a stream of its own (OWN_STREAM): documents
                     drawn without it are what they were before it existed.

  page_number_glued  the page's number printed on the line of its last row, after
                     the figures (as pdftotext prints a footer that shares the
                     row's baseline): far right, beyond every column (tab: a field
                     after the last; "— 9 —" styled as page_footer's footers),
                     or glued to the line's last figure by one space ("2.04 9";
                     drawn as a PDF, far right: in a PDF the number is text
                     of its own);
                     a page whose last line holds no figure prints its number on
                     a line of its own.  The pages of the tables are then
                     numbered one after another, footers too
  figures_above      some rows (each with probability 0.4) print their figures a
                     line above their label, the label cell lower than the
                     figures: the figures alone, then code and label
                     (figures_line_above), or the code with the figures and the
                     label below (code_with_figures; code and label below where
                     the code is in the label's field); not the 政府采购 list,
                     nor in a document whose wrapped labels print their
                     figures on the middle or last line (the opposite
                     alignment)
                     (the layout reader reads it as a list of one figure per
                     row and does not join such rows yet)
  final_accounts     the document is the year's final accounts (决算), not its
                     budget: heading "…年度部门决算情况说明", every table titled
                     决算表 / 决算总表 / 决算明细表 (the phase a reader tells from
                     the titles) and its year columns 决算数 — the model's
                     figures are the year's 决算; the narrative worded as a
                     final account (收入总计, 支出总计, 政府采购支出总额, vehicles
                     at the year's end).  The 三公 table is the 财政拨款“三公”经费
                     支出决算表: 预算数 | 决算数 under each heading (合计,
                     因公出国(境)费, 公务用车购置及运行维护费 小计 / 购置费 /
                     运行维护费, 公务接待费; 接待 before the vehicles where
                     three_public_order says so, except under the group's
                     title, which is Shanghai's order), roles budget_total | total,
                     budget_abroad | abroad, …; its 决算数 are the model's 三公
                     figures (tied to 30212 / 30217 / 30231 and to the
                     narrative as before), its 预算数 (the 年初预算) drawn part by
                     part, never below what was spent, so that both stages add
                     up; no previous-year columns; zero figures 0.00 in some
                     documents (always where both stages are zero); with
                     "财政拨款“三公”经费" over all the headings
                     (budget_final_pairs_grouped); stated empty (table_set
                     three_public_note) by Shanghai's "说明：…本年度没有财政拨款
                     “三公”经费支出，故本表无数据。" under the header.  The
                     narrative's 三公 sentence states the 决算数 (a claim), its
                     change on last year's (a claim no table column can check)
                     and "完成预算的 P%，年初预算为 B 万元" (no claims: a final
                     account's budget figures are not its figures).  Left out:
                     the final-accounts table set itself (收入支出决算总表 with
                     年初结转和结余 / 年末结转和结余, 预算数 | 决算数 columns in
                     other tables, 绩效自评 tables): the budget's tables keep
                     their shape under the new titles.

The families after table_set (page_number_glued, figures_above,
final_accounts) draw from random streams of their own, one per family, so
that a document that does not draw them is the one it was before they were
added.

Layout (--layout): tab (the tab-separated fields of the reference), space
(`pdftotext -layout`: each table's fields in columns separated by runs of
two or more spaces, CJK characters two columns wide, figures right-aligned,
header words centred over their columns and merged header cells spanning
theirs, a form feed starting each page — each table's first page and its
continuation pages; unit lines "编制部门：…   单位：万元" spaced), or mixed
(one of the two per document).  The space layout keeps every line of the
tab layout, so line numbers are the same.

--layout pdftotext: the PDF of --layout pdf as `pdftotext -layout`
(poppler-utils) prints it, NNNN_<hex>.txt — the text a user of a PDF
disclosure actually has, whose columns follow the glyphs' x positions, not
the generator's ideal columns; the PDF kept as NNNN_<hex>.pdf.src, the
generator's text as .layout; model.json's lines are those of that text
(pdf line k is its k-th non-blank line), pages as for pdf.

--layout pdf: the space layout of the same document (the same seed gives the
same documents as --layout space) drawn as a PDF by render_pdf.py
(python3-cairo, fonts-wqy-microhei; on --jobs N processes): NNNN_<hex>.pdf,
one PDF page per page of the text (a form feed starts one), each line at its
own baseline (blank lines are vertical space), each cell's text (a run with
no two spaces in a row) drawn at x = its display column × 6 pt in a 12 pt
font, figures right-aligned at their cell's right edge.  The text is kept as
NNNN_<hex>.layout (not *.txt, so that a directory check reads only the PDF).
model.json and inject.json then give lines as the pdf reader numbers them —
the non-blank lines counted through the document (plugins/layout/pdf.c), a
blank line mapped to the last non-blank one before it — with the text's line
as text_line (text_line, text_changed_line in the sidecar), and every table,
row and claim has its "page".

Conventions of model.json under variation: a row's "line" is the line with
its figures (basic_panels: two rows share a line, told apart by code or
label); a panel row of basic_panels holds the one-panel table's cells, its
one printed figure as its part (personnel / public) and its total, the 合计
across the panels its total only, each panel's own total its part and total
(the one-panel 合计 row is not printed); a wrapped row also has "wrapped": [first, last] (the lines of
its label; in the one-field code variants the code is on the label's first
line); a row printed figures_above has "label_line", the line of its label.
A final account's 三公 rows (final_accounts) hold each heading's 预算数
under its budget_ role (budget_total, budget_abroad, …) beside the 决算数
under the plain one.  A table's "line" is its annex marker, or its title's
line without one; a table in 元 has "unit": "元" and its cells in 元 as printed (commas
removed).  "code" is the full code ("2010301") whatever its printing.

Injection families (one printed figure changed; the expected location is the
changed cell, the most specific place the error can be reported):

  decimal_shift        a leaf figure ×10                      decimal_shift
  transposed_digits    two adjacent digits of a leaf swapped  transposed_digits
  sign_error           a leaf printed negative                sign_error
  unit_slip            a leaf ×10000 (元 typed as 万元)       unit_slip
  missing_child        a parent printed without one child     missing_child
  double_counted_child a parent with one child counted twice  double_counted_child
  cross_table          a 类 total differs in one table        null
  narrative            a stated figure differs from tables    null
  performance_weights  a project's weights no longer sum 100  null
  three_public         a 三公 part changed in its table only   null

Leaves are rows without children (项 codes, economic 款 codes, projects) in
the 基本支出, 支出, 财政拨款支出, 收入 and 项目支出 tables; a parent is a row
whose figure is the sum of the rows below it (类, 款, 合计) there, the child
left out or counted twice being unique among its siblings (else the cause
would be ambiguous).  Every change moves the figure by at least 0.50 万元.
"cross_table", "narrative" and "three_public" (the 合计 row's part, which the
narrative states) change the figure by an amount that is no slip (not ×10ⁿ,
no swap, no sign, not any figure of the document), so their expected cause is
null.  "performance_weights" moves one weight by more than n/2 for n weights
(each printed weight is ±0.5) and away from 90 (tables that leave out the
10-point 预算执行率 indicator by convention); no check can tell which weight is
wrong, so its sidecar names the changed row but also `accept_lines`, the
table's line span, where a finding about that table's weights is accepted.
The 预算数 of a final account's 三公 table (final_accounts) are never changed:
one identity covers each (budget_total = Σ parts, 小计 = 购置 + 运行), and a
single broken identity cannot say which of its figures is wrong (the finding
lands on its total); "three_public" changes a 决算数 of the 合计 row, which
the narrative states, as in a budget.

Standard library only; Decimal for all money.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import unicodedata
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import render_pdf  # noqa: E402  (--layout pdf; cairo is imported only there)

D = Decimal
CENT = D("0.01")
ZERO = D("0.00")

FAMILIES = [
    "decimal_shift",
    "transposed_digits",
    "sign_error",
    "unit_slip",
    "missing_child",
    "double_counted_child",
    "cross_table",
    "narrative",
    "performance_weights",
    "three_public",
    "narrative_rate",
    "narrative_share",
    "narrative_direction",
    "narrative_slip",
    "placeholder",
    "wrong_year",
]
# Families injected into the narrative once it is printed, and the variants
# a document needs to carry their figure (forced: drawn from streams of their
# own, so nothing else of the document changes).
SENTENCE_FAMILIES = ("narrative_rate", "narrative_share", "narrative_direction", "narrative_slip")
NARRATIVE_FAMILIES = ("narrative",) + SENTENCE_FAMILIES
FAMILY_NEEDS = {
    "narrative_rate": {"narrative_arith": "rates"},
    "narrative_share": {"narrative_arith": "shares"},
    "narrative_direction": {"final_accounts": "budget_final_pairs", "narrative_arith": "rates"},
}

# Variation families (--vary): each drawn independently per document, with
# one of its variants (see the module docstring).
VARY_FAMILIES = [
    "header_wording", "header_stack", "annex_label", "three_public_order", "project_first",
    "codes", "wrapped_labels", "total_last", "zeros", "page_footer", "units",
    "narrative_scope", "table_set", "basic_panels", "page_number_glued", "figures_above",
    "final_accounts", "narrative_arith",
]
# Families added after table_set: each drawn from a random stream of its own
# (Generator.frng), so that documents which do not draw them stay unchanged.
OWN_STREAM = ("basic_panels", "page_number_glued", "figures_above", "final_accounts",
              "narrative_arith")
VARIANTS = {
    "header_wording": ["relative", "absolute_execution", "relative_execution", "final_accounts"],
    "header_stack": ["three_lines", "four_lines"],
    "annex_label": ["附件N", "表N", "公开0N表", "公开表N", "none"],
    "three_public_order": ["reception_before_vehicle", "meeting_training", "prev_after",
                           "reception_first_prev_after_meeting_training", "admin_operation",
                           "year_pairs"],
    "project_first": ["project_before_basic"],
    "codes": ["lei_kuan_xiang_columns", "spaced_code_label", "code_space_label", "glued",
              "lost_zero"],
    "wrapped_labels": ["figures_first_line", "figures_middle_line", "figures_last_line"],
    "total_last": ["total_last"],
    "zeros": ["0", "0.00"],
    "page_footer": ["em_dash", "di_ye", "hyphen", "title_wrapped"],
    "units": ["yuan_tables", "dept_unit_line"],
    "narrative_scope": ["last_year", "kuan_sentence", "old_class_names"],
    "table_set": ["no_three_public", "no_gov_fund", "no_projects", "three_public_note"],
    "basic_panels": ["two_panels_total_row", "two_panels_panel_totals"],
    "page_number_glued": ["far_right", "one_space"],
    "figures_above": ["figures_line_above", "code_with_figures"],
    "final_accounts": ["budget_final_pairs", "budget_final_pairs_grouped"],
    # the narrative's own arithmetic: rates after changes ("增长 12.08 %"),
    # shares of the expenditure breakdown ("占 55.10%"), and in final
    # accounts the 三公 budget against its actual (决算数小于预算数)
    "narrative_arith": ["rates", "shares", "rates_shares"],
}
# Class names before the 2019 revision of the functional classification.
OLD_CLASS_NAMES = {"207": "文化体育与传媒支出", "210": "医疗卫生与计划生育支出",
                   "220": "国土海洋气象支出"}
OLD_CLASS_SHORT = {"210": "医疗卫生与计划生育"}
CODE_TABLES = ("gpb_expenditure", "gpb_basic", "income", "expenditure")
NUM_RE = __import__("re").compile(r"^-?[0-9][0-9,]*(\.[0-9]+)?$")


def disp_width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def cn_no(n):
    return CN_NUM[n - 1] if 1 <= n <= len(CN_NUM) else str(n)


# --------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------

DISTRICTS = ["潼南", "铜梁", "大足", "荣昌", "璧山", "永川", "江津", "合川", "綦江", "南川",
             "长寿", "涪陵", "黔江", "开州", "梁平", "巴南", "北碚", "渝北", "万州", "沙坪坝"]

# Functional classes (类) in the order of the standard 收支总表 lists.
CLASSES = [
    ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"),
    ("204", "公共安全支出"), ("205", "教育支出"), ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"), ("208", "社会保障和就业支出"),
    ("209", "社会保险基金支出"), ("210", "卫生健康支出"), ("211", "节能环保支出"),
    ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"),
    ("219", "援助其他地区支出"), ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"), ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"), ("229", "其他支出"), ("230", "转移性支出"),
    ("232", "债务付息支出"), ("233", "债务发行费用支出"), ("234", "抗疫特别国债安排的支出"),
]
CLASS_NAME = dict(CLASSES)
CLASS_KEYS = set(CLASS_NAME.values()) | set(OLD_CLASS_NAMES.values())
# How the narrative names a class (the reader's CLAIM_FUNC words).
CLASS_SHORT = {"201": "一般公共服务", "204": "公共安全", "206": "科学技术",
               "208": "社会保障和就业", "210": "卫生健康", "221": "住房保障"}

CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
          "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三",
          "二十四", "二十五", "二十六", "二十七", "二十八"]

# 款 and 项 used for basic expenditure of every department.
FUNC_NAMES = {
    "20805": "行政事业单位养老支出",
    "2080501": "行政单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "2080506": "机关事业单位职业年金缴费支出",
    "21011": "行政事业单位医疗",
    "2101101": "行政单位医疗",
    "2101103": "公务员医疗补助",
    "2101199": "其他行政事业单位医疗支出",
    "22102": "住房改革支出",
    "2210201": "住房公积金",
}

# Department types: office name, short name, 类, 款 (code, name), 项 of the
# 款 (行政运行 first, 一般行政管理事务 second, then special ones), duties,
# project names.
DEPARTMENTS = [
    ("政务服务管理办公室", "政务服务管理办", "201", ("20103", "政府办公厅（室）及相关机构事务"),
     [("2010301", "行政运行"), ("2010302", "一般行政管理事务"),
      ("2010399", "其他政府办公厅（室）及相关机构事务支出")],
     "负责统筹推进、督促指导、监督管理各审批职能部门及有关单位行政审批服务工作；负责一体化政务服务平台统筹推广运用；负责政务中心管理工作；完成区委和区政府交办的其他任务等工作。",
     ["购买社会服务专项资金", "日常运行经费", "工作人员培训服务经费", "办公房租金",
      "工作人员服装购买经费", "电子签名印章系统建设运行", "政务服务平台运行维护经费",
      "“渝快办”推广应用经费"]),
    ("统计局", "统计局", "201", ("20105", "统计信息事务"),
     [("2010501", "行政运行"), ("2010502", "一般行政管理事务"), ("2010505", "专项统计业务"),
      ("2010507", "专项普查活动"), ("2010508", "统计抽样调查")],
     "负责组织领导和协调全区统计工作，确保统计数据真实、准确、及时；组织实施全区重大国情国力普查；依法监督管理统计工作，查处统计违法行为。",
     ["经济普查经费", "人口抽样调查经费", "统计业务专项经费", "统计执法检查经费",
      "统计信息化建设经费", "农业普查经费", "住户调查经费"]),
    ("审计局", "审计局", "201", ("20108", "审计事务"),
     [("2010801", "行政运行"), ("2010802", "一般行政管理事务"), ("2010804", "审计业务")],
     "主管全区审计工作，负责对区级预算执行情况和其他财政收支情况进行审计监督；组织实施经济责任审计和政府投资项目审计。",
     ["政府投资审计业务经费", "委托审计服务费", "审计信息化建设经费", "经济责任审计专项经费",
      "审计业务培训经费"]),
    ("档案馆", "档案馆", "201", ("20126", "档案事务"),
     [("2012601", "行政运行"), ("2012602", "一般行政管理事务"), ("2012604", "档案馆")],
     "负责全区档案事业的统筹规划和组织协调；负责接收、征集、保管和提供利用全区重要档案资料；负责档案信息化建设。",
     ["档案数字化加工经费", "档案库房维护经费", "馆藏档案抢救保护经费", "档案征集经费",
      "档案安全保障经费"]),
    ("司法局", "司法局", "204", ("20406", "司法"),
     [("2040601", "行政运行"), ("2040602", "一般行政管理事务"), ("2040604", "基层司法业务"),
      ("2040605", "普法宣传"), ("2040607", "法律援助"), ("2040610", "社区矫正")],
     "负责全区法治建设和依法行政工作的统筹协调；负责普法宣传、人民调解、社区矫正和法律援助工作；指导管理律师、公证等法律服务工作。",
     ["法律援助专项经费", "人民调解专项经费", "社区矫正工作经费", "普法宣传经费",
      "公共法律服务体系建设经费", "行政复议应诉经费"]),
    ("科学技术局", "科技局", "206", ("20601", "科学技术管理事务"),
     [("2060101", "行政运行"), ("2060102", "一般行政管理事务"),
      ("2060199", "其他科学技术管理事务支出")],
     "负责拟订全区科技发展规划和政策并组织实施；负责科技创新体系建设和科技成果转化；组织开展科学普及工作。",
     ["科技创新专项资金", "科普活动经费", "高新技术企业培育经费", "科技成果转化奖励资金",
      "科技特派员工作经费"]),
    ("民政局", "民政局", "208", ("20802", "民政管理事务"),
     [("2080201", "行政运行"), ("2080202", "一般行政管理事务"),
      ("2080208", "基层政权建设和社区治理"), ("2080299", "其他民政管理事务支出")],
     "负责全区社会救助、社会组织登记管理、基层政权建设和社区治理工作；负责婚姻登记、殡葬管理和区划地名管理工作。",
     ["社区治理专项经费", "婚姻登记服务经费", "殡葬管理经费", "社会组织培育经费",
      "地名普查经费", "养老服务体系建设经费"]),
    ("退役军人事务局", "退役军人事务局", "208", ("20828", "退役军人管理事务"),
     [("2082801", "行政运行"), ("2082802", "一般行政管理事务"),
      ("2082899", "其他退役军人事务管理支出")],
     "负责全区退役军人思想政治、管理保障和安置工作；负责军人抚恤优待和褒扬纪念工作；负责双拥工作。",
     ["退役军人服务站运行经费", "烈士纪念设施维护经费", "退役军人就业培训经费", "双拥工作经费",
      "困难退役军人帮扶经费"]),
    ("医疗保障局", "医保局", "210", ("21015", "医疗保障管理事务"),
     [("2101501", "行政运行"), ("2101502", "一般行政管理事务"), ("2101504", "信息化建设"),
      ("2101506", "医疗保障经办事务")],
     "负责全区医疗保险、生育保险、医疗救助等医疗保障制度的组织实施；负责医疗保障基金监督管理；负责医保经办服务体系建设。",
     ["医保基金监管经费", "医保信息化建设经费", "医保经办服务经费", "医疗救助经办经费",
      "医保政策宣传经费"]),
    ("商务委员会", "商务委", "201", ("20113", "商贸事务"),
     [("2011301", "行政运行"), ("2011302", "一般行政管理事务"), ("2011308", "招商引资"),
      ("2011399", "其他商贸事务支出")],
     "负责全区国内外贸易和国际经济合作工作；负责招商引资的统筹协调；负责推进商贸流通体系和电子商务发展。",
     ["招商引资专项经费", "电子商务发展专项资金", "外贸促进经费", "商贸流通体系建设经费",
      "消费促进活动经费"]),
    ("机关事务管理局", "机关事务局", "201", ("20103", "政府办公厅（室）及相关机构事务"),
     [("2010301", "行政运行"), ("2010302", "一般行政管理事务"),
      ("2010399", "其他政府办公厅（室）及相关机构事务支出")],
     "负责区级机关办公用房、公务用车和公共机构节能管理；负责区级机关后勤服务保障工作。",
     ["机关办公区物业管理费", "公务用车平台运行经费", "公共机构节能经费", "办公用房维修经费",
      "机关食堂运行经费"]),
    ("信访办公室", "信访办", "201", ("20103", "政府办公厅（室）及相关机构事务"),
     [("2010301", "行政运行"), ("2010302", "一般行政管理事务"), ("2010308", "信访事务")],
     "负责受理群众来信来访，协调处理信访事项；负责信访信息系统运行管理；督查督办重要信访事项。",
     ["信访维稳专项经费", "信访信息系统运行经费", "矛盾纠纷化解经费", "律师参与信访工作经费"]),
]

# Economic classification of basic expenditure (经济分类).
ECON_CLASS = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"}
ECON_302 = [("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"), ("30205", "水费"),
            ("30206", "电费"), ("30207", "邮电费"), ("30209", "物业管理费"),
            ("30211", "差旅费"), ("30213", "维修（护）费"), ("30214", "租赁费"),
            ("30215", "会议费"), ("30216", "培训费"), ("30226", "劳务费"),
            ("30227", "委托业务费"), ("30228", "工会经费"), ("30229", "福利费"),
            ("30239", "其他交通费用"), ("30299", "其他商品和服务支出")]

OUTPUT_IND = [
    ("数量指标", "办理业务件数", "件"), ("数量指标", "开展培训次数", "次"),
    ("数量指标", "覆盖服务人数", "人"), ("数量指标", "完成项目数量", "个"),
    ("数量指标", "宣传活动场次", "场"), ("数量指标", "设备维护数量", "台"),
    ("质量指标", "工作完成合格率", "%"), ("质量指标", "资料归档完整率", "%"),
    ("质量指标", "系统运行正常率", "%"), ("时效指标", "按时办结率", "%"),
    ("时效指标", "任务完成及时率", "%"),
]
EFFECT_IND = [
    ("经济效益指标", "提高行政运行效率，优化公共服务供给", "%"),
    ("经济效益指标", "间接促进社会投资，助推经济发展", "%"),
    ("社会效益指标", "提升公共服务水平，方便群众办事", "%"),
    ("社会效益指标", "推进工作规范化、便利化", "%"),
    ("可持续影响指标", "工作机制长效运行", "%"),
    ("可持续影响指标", "改善服务环境，提升服务质量，并长期坚持", "%"),
]
SATISFY_IND = [
    ("服务对象满意度指标", "服务对象满意度", "%"),
    ("服务对象满意度指标", "群众满意度", "%"),
    ("服务对象满意度指标", "相关单位满意度", "%"),
]
OVERALL_IND = [
    ("保障在职人员工资按时足额发放", "%", "=", "100"),
    ("重点工作任务完成率", "%", "≥", "95"),
    ("年度预算执行率", "%", "≥", "90"),
    ("政府采购执行率", "%", "≥", "90"),
    ("服务对象满意度", "百分率", "≥", "好评率≥95"),
    ("业务办理“不打烊”", "小时", "=", "24*7"),
    ("“三公”经费控制率", "%", "≤", "100"),
    ("固定资产利用率", "%", "≥", "90"),
    ("信息公开及时率", "%", "=", "100"),
    ("制度建设完善程度", "项", "≥", "5"),
]


# --------------------------------------------------------------------------
# Money helpers
# --------------------------------------------------------------------------

def cents(rng, lo, hi):
    """A random amount of 万元 between lo and hi cents (ints), exact."""
    return (D(rng.randint(lo, hi)) / 100).quantize(CENT)


def q2(v):
    return v.quantize(CENT, rounding=ROUND_HALF_UP)


def pct(v, p):
    """v × p/100, rounded to the cent (p an int)."""
    return q2(v * D(p) / D(100))


def fmt_amount(v, style):
    """A figure as printed: '2dp' 1996.06, 'sep' 1,996.06, 'trim' 1932.1 / 17."""
    if style == "sep":
        return format(v, ",.2f")
    s = format(v, ".2f")
    if style == "trim" and "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def scale_of(printed):
    s = printed.replace(",", "")
    return len(s.split(".")[1]) if "." in s else 0


def fmt_scale(v, scale, sep=False):
    q = D(1).scaleb(-scale) if scale > 0 else D(1)
    v = v.quantize(q, rounding=ROUND_HALF_UP)
    return format(v, (",." if sep else ".") + "%df" % scale)


# br_diagnose (libcore/src/diagnose.c), for choosing injected changes.
def _digits(v, scale):
    q = D(1).scaleb(-scale) if scale > 0 else D(1)
    return "".join(c for c in format(abs(v).quantize(q), "f") if c.isdigit())


def diagnose(expected, actual):
    if expected == 0 or actual == 0:
        return None
    if -expected == actual:
        return "sign_error"
    for k in (1, -1, 2, -2):
        if expected.scaleb(k) == actual:
            return "decimal_shift"
    if expected.scaleb(4) == actual or expected.scaleb(-4) == actual:
        return "unit_slip"
    if (expected < 0) == (actual < 0):
        sc = max(-expected.as_tuple().exponent, -actual.as_tuple().exponent, 0)
        a, b = _digits(expected, sc), _digits(actual, sc)
        if len(a) == len(b):
            diff = [i for i in range(len(a)) if a[i] != b[i]]
            if (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                    and a[diff[1]] == b[diff[0]]):
                return "transposed_digits"
    return None


def norm_label(s):
    return unicodedata.normalize("NFKC", s).replace(" ", "")


# --------------------------------------------------------------------------
# Model: cells, rows, tables
# --------------------------------------------------------------------------

class Cell:
    """One money figure: its exact value and the string printed for it."""
    __slots__ = ("value", "printed")

    def __init__(self, value, printed):
        self.value = value
        self.printed = printed


class Row:
    def __init__(self, code, label, key=None, side=None):
        self.code = code
        self.label = label
        self.key = key or code or label
        self.side = side
        self.cells = {}
        self.line = None
        self.text = {}  # text fields (performance tables)

    def s(self, role):
        c = self.cells.get(role)
        return c.printed if c else ""


class Table:
    def __init__(self, kind, style):
        self.kind = kind
        self.style = style  # role -> style, or a default style under None
        self.rows = []
        self.line = None  # first line (its annex marker)
        self.end = None

    def add(self, row):
        self.rows.append(row)
        return row

    def put(self, row, role, value, style=None):
        """Set a cell (value None or zero-and-blankable leaves it blank)."""
        if value is None:
            return
        st = style or self.style.get(role) or self.style.get(None, "2dp")
        if st == "mixed":
            st = "trim" if row.rng_trim else "2dp"
        row.cells[role] = Cell(value, fmt_amount(value, st))

    def find(self, key, side=None):
        for r in self.rows:
            if r.key == key and (side is None or r.side == side):
                return r
        raise KeyError(key)


# --------------------------------------------------------------------------
# The document generator
# --------------------------------------------------------------------------

class Generator:
    def __init__(self, seed, rounding="lossy", vary=None, vary_p=0.5, layout="tab", force=None):
        self.rng = random.Random(seed)
        self.seed = seed
        self.rounding = rounding
        self.tables = []
        self.claims = []  # narrative claims stated: dict(class, value(printed), line, code, label)
        self.versus_lines = []  # (line, word) of each 决算数…预算数 statement
        self.lines = []
        # variation: its own random stream, so that the budget and the
        # default printing are those of the same seed without --vary
        self.vrng = random.Random(seed ^ 0x7A51A7)
        self.vary = {}
        for fam in vary or []:
            if fam not in OWN_STREAM and self.vrng.random() < vary_p:
                self.vary[fam] = self.vrng.choice(VARIANTS[fam])
        self.frng = {}
        for fam in vary or []:
            if fam in OWN_STREAM:
                r = self.frng[fam] = random.Random("%s:%d" % (fam, seed))
                if r.random() < vary_p:
                    self.vary[fam] = r.choice(VARIANTS[fam])
        for fam, variant in (force or {}).items():
            self.vary[fam] = variant
            if fam in OWN_STREAM and fam not in self.frng:
                self.frng[fam] = random.Random("%s:%d" % (fam, seed))
        # final_accounts: the document is the year's final accounts (决算)
        self.final = "final_accounts" in self.vary
        self.tp_budget = None  # final_accounts: the 三公 年初预算 by part
        if layout == "mixed":
            layout = self.vrng.choice(["tab", "space"])
        # pdf: the space layout, to be drawn as a PDF (render_pdf.py)
        self.pdf = layout == "pdf"
        self.layout = "space" if self.pdf else layout
        self.vary_detail = {}
        self.page_starts = set()   # lines that begin a page (\f in the space layout)
        self.row_lines = set()     # table lines that print (part of) a row
        self.page_no = self.vrng.randint(5, 12)
        self.annex_no = 0
        self.wrapped = {}          # id(row) -> (first line, last line)
        self.wrap_width = None     # wrapped_labels: the label column's width, in characters
        self.glued = {}            # page_number_glued: line -> page number text on it
        self.label_line = {}       # figures_above: id(row) -> the line of its label
        if "page_number_glued" in self.vary:
            self.page_base = self.frng["page_number_glued"].randint(3, 12)

    # ---- writer ----
    def emit(self, s=""):
        self.lines.append(s)
        return len(self.lines)

    def para(self, s):
        n = self.emit(s)
        self.emit("")
        return n

    # ---- the budget ----
    def build(self):
        rng = self.rng
        self.year = rng.choice([2020, 2021, 2022, 2023, 2024])
        self.prev = self.year - 1
        self.district = rng.choice(DISTRICTS)
        dep = rng.choice(DEPARTMENTS)
        (self.office, self.short, self.main_class, (self.kuan, self.kuan_name), items,
         self.duties, project_names) = dep
        self.dept = "重庆市%s区%s" % (self.district, self.office)
        self.dept_code = str(rng.randint(101, 498))
        self.items = items

        # people and vehicles
        self.staff = rng.randint(6, 48)
        self.retired = rng.randint(0, 12)
        self.dispatched = rng.choice([0, 0, rng.randint(3, 40)])
        self.sections = rng.randint(3, 9)
        self.vehicles = rng.choice([0, 1, 1, 2, 3])

        # ---- economic classification of basic expenditure ----
        s = self.staff
        econ = {}  # code -> (label, value)
        order = []

        def put(code, label, v):
            if v is not None and v > 0:
                econ[code] = (label, v)
                order.append(code)

        base = cents(rng, 280, 450) * s
        put("30101", "基本工资", q2(base))
        put("30102", "津贴补贴", q2(cents(rng, 200, 420) * s))
        if rng.random() < 0.6:
            put("30103", "奖金", q2(cents(rng, 30, 90) * s))
        if rng.random() < 0.5:
            put("30107", "绩效工资", q2(cents(rng, 100, 300) * s))
        wages = sum(econ[c][1] for c in order)
        put("30108", "机关事业单位基本养老保险缴费", pct(wages, 16))
        put("30109", "职业年金缴费", pct(wages, 8))
        put("30110", "职工基本医疗保险缴费", pct(wages, rng.choice([6, 7, 8])))
        if rng.random() < 0.4:
            put("30111", "公务员医疗补助缴费", pct(wages, 3))
        put("30112", "其他社会保障缴费", q2(cents(rng, 3, 20) * s))
        put("30113", "住房公积金", pct(wages, 12))
        if rng.random() < 0.5:
            put("30114", "医疗费", cents(rng, 50, 400))
        if rng.random() < 0.3:
            put("30199", "其他工资福利支出", cents(rng, 50, 800))
        c301 = list(order)

        # 三公 (current year; reception / vehicle operation / abroad come out
        # of basic expenditure, vehicle purchase out of a project)
        self.tp_reception = rng.choice([ZERO, cents(rng, 50, 600), D(rng.randint(1, 6)).quantize(CENT),
                                        D(rng.randint(1, 6)).quantize(CENT)])
        self.tp_vehicle_op = (D(rng.randint(2, 12)).quantize(CENT) if rng.random() < 0.6
                              else cents(rng, 150, 1500)) if self.vehicles else ZERO
        self.tp_abroad = cents(rng, 200, 1000) if rng.random() < 0.15 else ZERO
        self.tp_vehicle_purchase = (D(rng.randint(15, 30)).quantize(CENT)
                                    if self.vehicles and rng.random() < 0.15 else ZERO)
        if self.vary.get("table_set") == "three_public_note":  # no 三公 at all
            self.tp_reception = self.tp_vehicle_op = self.tp_abroad = ZERO
            self.tp_vehicle_purchase = ZERO
        items302 = rng.sample(ECON_302, rng.randint(6, 14))
        extra = []
        if self.tp_abroad:
            extra.append(("30212", "因公出国（境）费用", self.tp_abroad))
        if self.tp_reception:
            extra.append(("30217", "公务接待费", self.tp_reception))
        if self.tp_vehicle_op:
            extra.append(("30231", "公务用车运行维护费", self.tp_vehicle_op))
        c302 = []
        all302 = [(c, l, None) for c, l in items302] + extra
        all302.sort(key=lambda x: x[0])
        for code, label, v in all302:
            if v is None:
                v = rng.choice([cents(rng, 10, 800), cents(rng, 100, 3000),
                                D(rng.randint(1, 20)).quantize(CENT)])
            econ[code] = (label, v)
            c302.append(code)
        c303 = []
        if rng.random() < 0.7:
            for code, label in [("30302", "退休费"), ("30305", "生活补助"), ("30307", "医疗费补助"),
                                ("30309", "奖励金"), ("30399", "其他对个人和家庭的补助")]:
                if rng.random() < 0.45 or (code == "30307" and not c303):
                    econ[code] = (label, rng.choice([cents(rng, 50, 600),
                                                     D(rng.randint(1, 12)).quantize(CENT)]))
                    c303.append(code)
        self.econ = econ
        self.econ_groups = [("301", c301), ("302", c302)] + ([("303", c303)] if c303 else [])
        self.personnel = sum(econ[c][1] for c in c301 + c303)
        self.public = sum(econ[c][1] for c in c302)
        self.basic = self.personnel + self.public

        # ---- projects ----
        n_proj = rng.randint(2, min(7, len(project_names)))
        names = rng.sample(project_names, n_proj)
        projects = []
        for i, nm in enumerate(names):
            amt = rng.choice([cents(rng, 200, 9000), cents(rng, 5000, 60000),
                              D(rng.randint(2, 300)).quantize(CENT),
                              cents(rng, 30000, 150000)])
            projects.append({"name": nm, "amount": amt, "kind": "annual",
                             "sub": rng.choice(["general"] * 5 + ["personnel", "livelihood"])})
        if self.tp_vehicle_purchase:
            projects.append({"name": "公务用车购置经费", "amount": self.tp_vehicle_purchase,
                             "kind": "annual", "sub": "general"})
        if rng.random() < 0.4:
            projects.append({"name": "%d 年上级转移支付专项" % self.prev if rng.random() < 0.5
                             else "上级专项补助资金",
                             "amount": cents(rng, 300, 5000), "kind": "superior",
                             "sub": rng.choice(["advance", "carryover", "municipal"])})
        # functional 项 of each project: 一般行政管理事务 mostly, special ones too
        special = items[2:]
        for p in projects:
            if special and rng.random() < 0.4:
                p["item"] = rng.choice(special)[0]
            else:
                p["item"] = items[1][0]
        for i, p in enumerate(projects):
            p["code"] = "5001%02d%02dT%012d" % (DISTRICTS.index(self.district) + 10,
                                                 self.year % 100,
                                                 rng.randint(10 ** 8, 10 ** 9) + i)
        self.projects = projects
        self.project_total = sum(p["amount"] for p in projects)
        self.annual_total = sum(p["amount"] for p in projects if p["kind"] == "annual")

        # ---- functional classification ----
        # basic expenditure by 项: pensions, medical, housing from the economic
        # items they pay; the rest is the department's 行政运行.
        fb = {}
        fb["2080505"] = econ["30108"][1]
        fb["2080506"] = econ["30109"][1]
        if "30302" in econ:
            fb["2080501"] = econ["30302"][1]
        fb["2101101"] = econ["30110"][1]
        if "30111" in econ:
            fb["2101103"] = econ["30111"][1]
        if "30307" in econ:
            fb["2101199"] = econ["30307"][1]
        fb["2210201"] = econ["30113"][1]
        rest = self.basic - sum(fb.values())
        assert rest > 0
        fb[items[0][0]] = rest
        fp = {}
        for p in projects:
            fp[p["item"]] = fp.get(p["item"], ZERO) + p["amount"]
        leaves = sorted(set(fb) | set(fp))
        names = dict(FUNC_NAMES)
        for c, n in items:
            names[c] = n
        names[self.kuan] = self.kuan_name
        # rows: class, 款, 项 — codes sort into hierarchy order
        func = {}
        for leaf in leaves:
            b = fb.get(leaf)
            pj = fp.get(leaf)
            func[leaf] = (b, pj)
        codes = set(leaves)
        for leaf in leaves:
            codes.add(leaf[:3])
            codes.add(leaf[:5])
        self.func_codes = sorted(codes)
        self.func_names = {c: (CLASS_NAME[c] if len(c) == 3 else names[c]) for c in codes}
        self.func_leaf = func
        self.class_name = dict(CLASS_NAME)
        self.class_short = dict(CLASS_SHORT)
        if self.vary.get("narrative_scope") == "old_class_names":
            self.class_name.update(OLD_CLASS_NAMES)
            self.class_short.update(OLD_CLASS_SHORT)
            for c in self.func_codes:
                if c in OLD_CLASS_NAMES:
                    self.func_names[c] = OLD_CLASS_NAMES[c]

        def agg(code, which):
            t = ZERO
            for leaf, (b, pj) in func.items():
                if leaf.startswith(code):
                    if which in ("basic", "total") and b:
                        t += b
                    if which in ("project", "total") and pj:
                        t += pj
            return t
        self.agg = agg
        self.total = self.basic + self.project_total
        assert agg("2", "total") == self.total

        # previous year, per 项 (blank for a new 项), then basic / project split
        prev = {}
        for leaf in leaves:
            cur = agg(leaf, "total")
            if fp.get(leaf) and not fb.get(leaf) and rng.random() < 0.15:
                continue  # a new 项 this year
            prev[leaf] = q2(cur * D(rng.randint(70, 125)) / D(100))
        self.prev_leaf = prev
        self.prev_total = sum(prev.values())
        pb = q2(self.basic * D(rng.randint(85, 115)) / D(100))
        if pb >= self.prev_total:
            pb = q2(self.prev_total * D(rng.randint(30, 80)) / D(100))
        self.prev_basic = pb
        self.prev_project = self.prev_total - pb

        # 三公 of the previous year
        if rng.random() < 0.35:
            self.tp_prev = dict(abroad=self.tp_abroad, purchase=self.tp_vehicle_purchase,
                                operation=self.tp_vehicle_op, reception=self.tp_reception)
        else:
            self.tp_prev = dict(
                abroad=cents(rng, 200, 1000) if rng.random() < 0.15 else ZERO,
                purchase=ZERO,
                operation=(D(rng.randint(2, 14)).quantize(CENT) if self.vehicles or rng.random() < 0.2
                           else ZERO),
                reception=rng.choice([ZERO, cents(rng, 50, 600), D(rng.randint(1, 6)).quantize(CENT)]))
        if self.vary.get("table_set") == "three_public_note":
            self.tp_prev = dict(abroad=ZERO, purchase=ZERO, operation=ZERO, reception=ZERO)
        self.tp_total = self.tp_abroad + self.tp_vehicle_purchase + self.tp_vehicle_op + self.tp_reception
        self.tp_prev_total = sum(self.tp_prev.values())

        self.oper = self.public
        self.oper_change = cents(rng, -1500, 1500)
        if self.oper_change == 0:
            self.oper_change = D("1.00")

        # procurement (goods / services bought with project money)
        if rng.random() < 0.5:
            self.proc_goods = ZERO
            self.proc_services = ZERO
        else:
            big = max(projects, key=lambda p: p["amount"])["amount"]
            self.proc_goods = q2(big * D(rng.randint(0, 30)) / D(100)) if rng.random() < 0.7 else ZERO
            self.proc_services = q2(big * D(rng.randint(10, 60)) / D(100))
        self.proc_total = self.proc_goods + self.proc_services

        # ---- print styles ----
        self.styles = {
            "fiscal_summary": {None: "sep"},
            "gpb_expenditure": {None: "trim", "prev_total": rng.choice(["sep", "mixed"])},
            "gpb_basic": {None: "trim"},
            "three_public": {None: "2dp"},
            "summary": {None: "2dp"},
            "income": {None: "2dp"},
            "expenditure": {None: "2dp"},
            "procurement": {None: "2dp"},
            "projects": {None: rng.choice(["sep", "2dp"])},
        }
        if rng.random() < 0.3:  # another hand made these: other habits
            for k in ("gpb_basic", "gpb_expenditure"):
                self.styles[k][None] = rng.choice(["2dp", "mixed"])
            self.styles["summary"][None] = rng.choice(["2dp", "trim"])
        if self.rounding == "exact":  # every figure with its two decimals
            for st in self.styles.values():
                for k, v in st.items():
                    if v in ("trim", "mixed"):
                        st[k] = "2dp"
        self.build_tables()
        self.vary_tables()

    # ---- variation of the tables' content (after build_tables) ----
    def vary_tables(self):
        v = self.vary
        vr = self.vrng
        if ("three_public_order" in v or "header_wording" in v) and \
                any(t.kind == "three_public" for t in self.tables):
            t = self.table("three_public")
            for r in t.rows:
                t.put(r, "prev_vehicle_subtotal",
                      (self.tp_prev["purchase"] + self.tp_prev["operation"]) or None)
        if v.get("three_public_order") == "admin_operation":
            t = self.table("three_public")
            for r in t.rows:
                t.put(r, "admin_operation", self.oper)
        if "meeting_training" in v.get("three_public_order", ""):
            t = self.table("three_public")
            for r in t.rows:
                for role, code in (("meeting", "30215"), ("training", "30216")):
                    if code in self.econ:
                        t.put(r, role, self.econ[code][1])
        if self.final and any(t.kind == "three_public" for t in self.tables):
            self.final_three_public(self.table("three_public"))
        ts = v.get("table_set")
        if ts == "three_public_note":
            self.table("three_public").rows = []
        drop = {"no_three_public": "three_public", "no_gov_fund": "gov_fund",
                "no_projects": "projects"}.get(ts)
        if drop:
            self.tables = [t for t in self.tables if t.kind != drop]
        if "basic_panels" in v and any(t.kind == "gpb_basic" for t in self.tables):
            self.basic_panels(self.table("gpb_basic"))
        if "zeros" in v:
            z = v["zeros"]
            for t in self.tables:
                if t.kind in ("gov_fund", "performance_overall", "performance_project"):
                    continue
                if t.kind == "gpb_basic" and "basic_panels" in v:
                    continue  # a panel row prints its one figure: no empty cells
                roles = defaultdict(list)
                for r in t.rows:
                    for role in r.cells:
                        if role not in roles[r.side]:
                            roles[r.side].append(role)
                for r in t.rows:
                    for role in roles[r.side]:
                        if role not in r.cells:
                            r.cells[role] = Cell(ZERO, z)
        self.units = {}
        if v.get("units") == "yuan_tables":
            kinds = [t.kind for t in self.tables if t.kind in
                     ("gpb_basic", "three_public", "procurement", "expenditure", "income",
                      "projects")]
            for k in vr.sample(kinds, min(len(kinds), vr.randint(1, 2))):
                self.units[k] = "元"
                for r in self.table(k).rows:
                    # (a figure a row holds in two roles is one Cell: once)
                    for c in {id(c): c for c in r.cells.values()}.values():
                        c.value = c.value * 10000
                        c.printed = format(c.value, ",.2f")
            self.vary_detail["yuan_tables"] = sorted(self.units)

    def final_three_public(self, t):
        """final_accounts: the 三公 table is the 决算 table, 预算数 | 决算数 under
        each heading.  The model's 三公 figures are the 决算数 (the year's
        actual spending, which the basic-expenditure table's 30212 / 30217 /
        30231 and the narrative state in a final account too); the 预算数 (the
        year's initial budget) are drawn from the family's own stream, part by
        part, so that both stages add up.  No previous-year columns.  Zero
        figures print 0.00 in some documents (as Shanghai prints them), and
        always where both stages are all zero (not a table of blank rows)."""
        actual = self.three_public_parts()
        budget = {k: self.initial_budget(v) for k, v in actual.items()}
        self.tp_budget = budget
        zeros = self.frng["final_accounts"].random() < 0.5 or \
            not any(budget.values()) and not any(actual.values())
        for stage, fig in (("budget_", budget), ("", actual)):
            fig = dict(fig, vehicle_subtotal=fig["vehicle_purchase"] + fig["vehicle_operation"])
            fig["total"] = fig["abroad"] + fig["vehicle_subtotal"] + fig["reception"]
            for r in t.rows:
                for role in ("total", "abroad", "vehicle_subtotal", "vehicle_purchase",
                             "vehicle_operation", "reception"):
                    r.cells.pop(stage + role, None)
                    t.put(r, stage + role, fig[role] if zeros else fig[role] or None)
        for r in t.rows:  # no previous year, no columns beside the 三公
            for role in list(r.cells):
                if role.startswith("prev_") or role in ("admin_operation", "meeting", "training"):
                    del r.cells[role]

    def initial_budget(self, spent):
        """The 年初预算 of a 三公 part that spent `spent`: as much or more (an
        unspent part may have had a budget), never less."""
        fr = self.frng["final_accounts"]
        if not spent:
            return cents(fr, 100, 600) if fr.random() < 0.15 else ZERO
        if fr.random() < 0.3:
            return spent
        return q2(spent * D(fr.randint(101, 160)) / D(100))

    def basic_panels(self, t):
        """The 基本支出 table printed in two panels (basic_panels): 人员经费 (301,
        303) left, 公用经费 (302) right, one figure per row.  What each row
        holds is the one-panel table's: its figure is its panel's part and,
        the other part blank, its total — one printed figure in two roles,
        so one Cell (an injected change changes both).  The 合计 row is
        printed across the panels with its total only (two_panels_total_row),
        or each panel ends with its own total (two_panels_panel_totals:
        人员经费合计 | 公用经费合计, each its part and its total, no 合计)."""
        grand = [r for r in t.rows if not r.code]
        for r in t.rows:
            if not r.code:
                continue
            role = "public" if r.code.startswith(("302", "310")) else "personnel"
            c = r.cells[role]
            assert r.cells["total"].printed == c.printed
            r.cells = {"total": c, role: c}
        g = grand[0]
        if self.vary["basic_panels"] == "two_panels_total_row":
            g.cells = {"total": g.cells["total"]}
            t.rows = [r for r in t.rows if r.code] + [g]  # printed last
            return
        rows = []
        for label, role in (("人员经费合计", "personnel"), ("公用经费合计", "public")):
            r = Row(None, label)
            r.rng_trim = g.rng_trim
            r.cells = {"total": g.cells[role], role: g.cells[role]}
            rows.append(r)
        t.rows = [r for r in t.rows if r.code] + rows

    # ---- tables of the model ----
    def mk(self, kind):
        t = Table(kind, self.styles.get(kind, {None: "2dp"}))
        self.tables.append(t)
        return t

    def mkrow(self, t, code, label, key=None, side=None):
        r = Row(code, label, key, side)
        r.rng_trim = self.rng.random() < 0.5
        return t.add(r)

    def build_tables(self):
        rng = self.rng
        T, B, P = self.total, self.basic, self.project_total
        agg = self.agg
        cls_codes = [c for c in self.func_codes if len(c) == 3]

        # 附件1 财政拨款收支总表
        t = self.mk("fiscal_summary")
        inc_rows = [("一、本年收入", T), ("(一) 一般公共预算拨款", T), ("(二) 政府性基金预算拨款", None),
                    ("(三) 国有资本经营预算拨款", None), ("二、上年结转", None),
                    ("(一) 一般公共预算拨款", None), ("(二) 政府性基金预算拨款", None),
                    ("(三) 国有资本经营预算拨款", None)]
        exp_rows = [("一、本年支出", T)] + [
            ("(%s) %s" % (CN_NUM[i], self.class_name[code]),
             agg(code, "total") if code in cls_codes else None)
            for i, (code, name) in enumerate(CLASSES)] + [("二、结转下年", None)]
        t.pairs = []
        for i in range(max(len(inc_rows), len(exp_rows))):
            ri = re = None
            if i < len(inc_rows):
                lab, v = inc_rows[i]
                ri = self.mkrow(t, None, lab, key=strip_enum(lab), side="income")
                t.put(ri, "amount", v)
            if i < len(exp_rows):
                lab, v = exp_rows[i]
                re = self.mkrow(t, None, lab, key=strip_enum(lab), side="expenditure")
                t.put(re, "total", v)
                t.put(re, "gpb", v)
            t.pairs.append((ri, re))
        ri = self.mkrow(t, None, "收入总计", side="income")
        t.put(ri, "amount", T)
        re = self.mkrow(t, None, "支出总计", side="expenditure")
        t.put(re, "total", T)
        t.put(re, "gpb", T)
        t.pairs.append((ri, re))

        # 附件2 一般公共预算财政拨款支出预算表
        t = self.mk("gpb_expenditure")
        r = self.mkrow(t, None, "合计")
        t.put(r, "prev_total", self.prev_total)
        t.put(r, "total", T)
        t.put(r, "basic", B)
        t.put(r, "project", P)
        for c in self.func_codes:
            r = self.mkrow(t, c, self.func_names[c])
            pv = sum((v for k, v in self.prev_leaf.items() if k.startswith(c)), ZERO)
            if any(k.startswith(c) for k in self.prev_leaf):
                t.put(r, "prev_total", pv)
            t.put(r, "total", agg(c, "total"))
            t.put(r, "basic", agg(c, "basic") or None)
            t.put(r, "project", agg(c, "project") or None)

        # 附件3 基本支出 (economic)
        t = self.mk("gpb_basic")
        r = self.mkrow(t, None, "合计")
        t.put(r, "total", B)
        t.put(r, "personnel", self.personnel)
        t.put(r, "public", self.public)
        for cls, members in self.econ_groups:
            tot = sum(self.econ[c][1] for c in members)
            r = self.mkrow(t, cls, ECON_CLASS[cls])
            t.put(r, "total", tot)
            t.put(r, "public" if cls == "302" else "personnel", tot)
            for c in members:
                label, v = self.econ[c]
                r = self.mkrow(t, c, label)
                t.put(r, "total", v)
                t.put(r, "public" if cls == "302" else "personnel", v)

        # 附件4 三公
        t = self.mk("three_public")
        pv = self.tp_prev
        for code, label in ((None, "合计"), (self.dept_code, self.short)):
            r = self.mkrow(t, code, label, key=label)
            t.put(r, "prev_total", self.tp_prev_total)
            t.put(r, "prev_abroad", pv["abroad"] or None)
            t.put(r, "prev_vehicle_purchase", pv["purchase"] or None)
            t.put(r, "prev_vehicle_operation", pv["operation"] or None)
            t.put(r, "prev_reception", pv["reception"] or None)
            t.put(r, "total", self.tp_total)
            t.put(r, "abroad", self.tp_abroad or None)
            vs = self.tp_vehicle_purchase + self.tp_vehicle_op
            t.put(r, "vehicle_subtotal", vs or None)
            t.put(r, "vehicle_purchase", self.tp_vehicle_purchase or None)
            t.put(r, "vehicle_operation", self.tp_vehicle_op or None)
            t.put(r, "reception", self.tp_reception or None)

        # 附件5 政府性基金 (empty)
        t = self.mk("gov_fund")
        self.mkrow(t, None, "合计")

        # 附件6 部门收支总表
        t = self.mk("summary")
        inc = ["一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
               "财政专户管理资金收入", "事业收入", "上级补助收入", "附属单位上缴收入",
               "事业单位经营收入", "其他收入"]
        t.pairs = []
        for i, (code, name) in enumerate(CLASSES):
            name = self.class_name[code]
            ri = None
            if i < len(inc):
                ri = self.mkrow(t, None, inc[i], side="income")
                t.put(ri, "amount", T if i == 0 else None)
            lab = "%s、%s" % (CN_NUM[i], name)
            re = self.mkrow(t, None, lab, key=name, side="expenditure")
            t.put(re, "amount", agg(code, "total") if code in cls_codes else None)
            t.pairs.append((ri, re))
        for il, el, v in (("本年收入合计", "本年支出合计", T), ("上年结转", "结转下年", None),
                          ("收入总计", "支出总计", T)):
            ri = self.mkrow(t, None, il, side="income")
            t.put(ri, "amount", v)
            re = self.mkrow(t, None, el, side="expenditure")
            t.put(re, "amount", v)
            t.pairs.append((ri, re))

        # 附件7 部门收入总表
        t = self.mk("income")
        r = self.mkrow(t, None, "合计")
        t.put(r, "total", T)
        t.put(r, "gpb", T)
        for c in self.func_codes:
            r = self.mkrow(t, c, self.func_names[c])
            t.put(r, "total", agg(c, "total"))
            t.put(r, "gpb", agg(c, "total"))

        # 附件8 部门支出总表
        t = self.mk("expenditure")
        r = self.mkrow(t, None, "合计")
        t.put(r, "total", T)
        t.put(r, "basic", B)
        t.put(r, "project", P)
        for c in self.func_codes:
            r = self.mkrow(t, c, self.func_names[c])
            t.put(r, "total", agg(c, "total"))
            t.put(r, "basic", agg(c, "basic") or None)
            t.put(r, "project", agg(c, "project") or None)

        # 附件9 政府采购
        t = self.mk("procurement")
        r = self.mkrow(t, None, "合计")
        t.put(r, "total", self.proc_total or None)
        t.put(r, "gpb", self.proc_total or None)
        for no, lab, v in (("1", "货物类", self.proc_goods), ("2", "服务类", self.proc_services)):
            r = self.mkrow(t, None, lab)
            r.seq = no
            t.put(r, "total", v or None)
            t.put(r, "gpb", v or None)

        # 附件10 项目支出明细表
        t = self.mk("projects")
        r = self.mkrow(t, None, "合计")
        ann = [p for p in self.projects if p["kind"] == "annual"]
        sup = [p for p in self.projects if p["kind"] == "superior"]
        t.put(r, "total", P)
        t.put(r, "annual_subtotal", sum((p["amount"] for p in ann), ZERO) or None)
        for sub in ("personnel", "general", "livelihood"):
            t.put(r, "annual_" + sub,
                  sum((p["amount"] for p in ann if p["sub"] == sub), ZERO) or None)
        t.put(r, "superior_subtotal", sum((p["amount"] for p in sup), ZERO) or None)
        for sub in ("advance", "carryover", "municipal"):
            t.put(r, "superior_" + sub,
                  sum((p["amount"] for p in sup if p["sub"] == sub), ZERO) or None)
        for p in self.projects:
            r = self.mkrow(t, None, p["name"])
            p["row"] = r
            t.put(r, "total", p["amount"])
            pre = "annual_" if p["kind"] == "annual" else "superior_"
            t.put(r, pre + "subtotal", p["amount"])
            t.put(r, pre + p["sub"], p["amount"])

        # 附件11 整体绩效目标表
        t = self.mk("performance_overall")
        inds = rng.sample(OVERALL_IND, rng.randint(5, 9))
        ws = split_weights(rng, 100, len(inds), 5)
        for (name, unit, op, target), w in zip(inds, ws):
            r = self.mkrow(t, None, name)
            r.text = {"name": name, "weight": "%d%%" % w, "unit": unit, "operator": op,
                      "target": target}
            r.weight = w

        # 附件12-N 项目绩效目标表
        targets = {}
        for p in self.projects:
            t = self.mk("performance_project")
            t.project = p
            p["perf"] = t
            p["perf_name"] = (p["name"] if rng.random() < 0.4
                              else "%s区%s" % (self.district, p["name"]))
            p["amount_printed"] = self.fa(p["amount"], rng.choice(["trim", "2dp"]))
            inds = []
            inds += [("产出指标",) + x for x in rng.sample(OUTPUT_IND, rng.randint(2, 4))]
            inds.append(("产出指标", "成本指标", "%s支出" % p["name"], "万元"))
            inds += [("效益指标",) + x for x in rng.sample(EFFECT_IND, rng.randint(1, 3))]
            inds += [("满意度指标",) + x for x in rng.sample(SATISFY_IND, rng.randint(1, 2))]
            ws = split_weights(rng, 100, len(inds), rng.choice([1, 5, 5]))
            for (l1, l2, name, unit), w in zip(inds, ws):
                r = self.mkrow(t, None, name)
                if l2 == "成本指标":
                    target, op = fmt_amount(p["amount"], "trim"), "≤"
                elif name in targets:  # one indicator, one target in a document
                    target, op = targets[name]
                elif unit == "%":
                    target, op = rng.choice(["95", "90", "100", "98"]), rng.choice(["≥", "≥", "="])
                else:
                    target, op = str(rng.randint(2, 300)), rng.choice(["≥", "="])
                targets[name] = (target, op)
                if op == "≥" and rng.random() < 0.1:
                    op = "\\geq"  # an extraction artefact of the reference
                r.text = {"level1": l1, "level2": l2, "name": name, "target": target,
                          "operator": op, "unit": unit, "weight": str(w)}
                r.weight = w

    # ---- lossy rounding of a few printed figures ----
    def apply_rounding(self):
        if self.rounding != "lossy":
            return
        t = self.table("gpb_expenditure")
        cands = [r for r in t.rows if r.code and len(r.code) == 3
                 and r.cells["total"].value != r.cells["total"].value.quantize(D("0.1"))]
        for r in self.rng.sample(cands, min(len(cands), self.rng.randint(0, 2))):
            c = r.cells["total"]
            c.printed = fmt_scale(c.value, 1)

    def table(self, kind, i=0):
        return [t for t in self.tables if t.kind == kind][i]

    # ----------------------------------------------------------------------
    # Rendering
    # ----------------------------------------------------------------------

    def money_n(self, v, lossy_ok=False):
        """A narrative amount: 2 decimals (sometimes rounded to 1 when lossy)."""
        if lossy_ok and self.rounding == "lossy" and self.rng.random() < 0.15 \
                and v != v.quantize(D("0.1")):
            return fmt_scale(v, 1)
        return format(v, ".2f")

    def fa(self, v, style):
        """An amount in a style, except that exact printing keeps 2 decimals."""
        return fmt_amount(v, "2dp" if self.rounding == "exact" and style == "trim" else style)

    def rates(self):
        return "rates" in self.vary.get("narrative_arith", "")

    def shares(self):
        return "shares" in self.vary.get("narrative_arith", "")

    @staticmethod
    def rate_of(amount, change):
        """The growth rate (%, 2 decimals) of an amount reached by a change."""
        prev = amount - change
        return q2(abs(change) * 100 / prev) if prev > 0 else None

    def rate_text(self, amount, change, pending):
        """"，增长 r %" after a change (nothing when no rate is stated); the
        rate's claim goes to `pending` as (printed, label)."""
        r = self.rate_of(D(amount), change) if self.rates() and change else None
        if r is None:
            return ""
        word = "增长" if change > 0 else "下降"
        pending.append((format(r, ".2f"), word))
        return "，%s %s %%" % (word, format(r, ".2f"))

    def claim(self, cls, printed, line, label, code=None):
        self.claims.append({"class": cls, "value": printed.replace(",", ""), "line": line,
                            "label": label, "code": code})

    def render(self):
        rng = self.rng
        y, py = self.year, self.prev
        self.emit("")
        self.emit("")
        fin = self.final
        self.para("%s %d 年%s情况说明" % (self.dept, y, "度部门决算" if fin else "部门预算"))
        self.para("一、单位基本情况")
        self.para("（一）职能职责")
        self.para(self.duties)
        self.para("（二）单位构成")
        sub = rng.randint(0, 2)
        parts = ["%s内设 %d 个职能科室" % (self.short, self.sections)]
        if sub:
            parts.append("%d 个下属事业单位" % sub)
        text = "，".join(parts) + "；在职在编职工 %d 人，退休 %d 人" % (self.staff, self.retired)
        if self.dispatched:
            text += "，劳务派遣人员 %d 名" % self.dispatched
        text += "；"
        n = self.para(text)
        self.claim("staff_count", str(self.staff), n, "在职在编职工")
        self.claim("retired_count", str(self.retired), n, "退休")
        if self.dispatched:
            self.claim("dispatched_count", str(self.dispatched), n, "劳务派遣人员")
        if self.vehicles:
            n = self.para("在编公务车 %d 辆。" % self.vehicles)
            self.claim("vehicle_count", str(self.vehicles), n, "在编公务车")
        else:
            self.para("无在编公务车。")

        T, B, P = self.total, self.basic, self.project_total
        d_total = T - self.prev_total
        self.para("二、部门收支总体情况")
        tp = self.money_n(T)
        dt = format(abs(d_total), ".2f")
        word = "增加" if d_total > 0 else "减少"
        # (final accounts: the year's 收入总计 / 支出总计; "年初预算数" there is
        # the budget the actuals are compared with, not a figure of the tables)
        total_word = ("收入决算", "收入总计") if fin else ("收入预算", "年初预算数")
        line = ("(一) %s：%d 年%s %s 万元，其中：一般公共预算拨款 %s 万元。"
                % (total_word[0], y, total_word[1], tp, tp))
        if d_total:
            line += "收入较去年%s %s 万元，主要是一般公共预算拨款%s %s 万元。" % (word, dt, word, dt)
        n = self.para(line)
        self.claim("income_total", tp, n, total_word[1])
        self.claim("income_gpb", tp, n, "一般公共预算拨款")
        if d_total:
            self.claim("income_change", dt, n, "收入较去年" + word)
            self.claim("income_gpb_change", dt, n, "一般公共预算拨款" + word)

        cls_codes = [c for c in self.func_codes if len(c) == 3]
        parts = []
        pending = []
        for c in cls_codes:
            name = self.class_short[c] + ("支出" if rng.random() < 0.3 else "")
            v = self.money_n(self.agg(c, "total"), lossy_ok=True)
            if self.shares() and T > 0:
                s = format(q2(D(v) * 100 / D(tp)), ".2f")
                parts.append("%s %s 万元，占 %s %%" % (name, v, s))
                pending.append(("expenditure_class", v, name, c))
                pending.append((None, s, "占", None))
                continue
            parts.append("%s %s 万元" % (name, v))
            pending.append(("expenditure_class", v, name, c))
        d_b = B - self.prev_basic
        d_p = P - self.prev_project
        total_word = ("支出决算", "支出总计") if fin else ("支出预算", "年初预算数")
        line = "(二) %s：%d 年%s %s 万元，其中：%s。" % (total_word[0], y, total_word[1], tp,
                                                    ("；" if self.shares() else "，").join(parts))
        def how(d):  # a change as the narrative states it, and its claim's value
            if not d:
                return "与上年持平", "0"
            s = format(abs(d), ".2f")
            return "%s %s 万元" % ("增加" if d > 0 else "减少", s), s
        if d_total:
            line += "支出较去年%s %s 万元，主要是基本支出%s，项目支出%s。" % (
                word, dt, how(d_b)[0], how(d_p)[0])
        n = self.para(line)
        ns = self.vary.get("narrative_scope")
        if ns == "kuan_sentence":  # a 款 subtotal: no claim of its 类
            kv = self.agg(self.kuan, "total")
            self.para("其中：%s（类）%s（款）%s万元，主要用于保障%s正常运转及开展各项业务工作。" % (
                self.class_name[self.main_class], self.kuan_name,
                self.vrng.choice([format(kv, ",.2f"), format(kv, ".2f")]), self.short))
        self.claim("expenditure_total", tp, n, total_word[1])
        for cls, v, name, c in pending:
            self.claim(cls, v, n, name, code=c)
        if d_total:
            self.claim("expenditure_change", dt, n, "支出较去年" + word)
            self.claim("basic_change", how(d_b)[1], n, "基本支出")
            self.claim("project_change", how(d_p)[1], n, "项目支出")

        self.para("三、一般公共预算财政拨款决算情况说明" if fin else "三、部门预算情况说明")
        bp, pp = self.money_n(B), self.money_n(P)
        new = [p for p in self.projects if p["kind"] == "annual"][:2]
        reason_b = rng.choice(["人员变动及工资调整", "在职人员减少", "社会保险缴费基数调整",
                               "日常公用经费压减"])
        text = ("%d 年一般公共预算财政拨款收入 %s 万元，一般公共预算财政拨款支出 %s 万元，"
                % (y, tp, tp))
        rates = {"gpb": [], "basic": [], "project": []}
        if d_total:
            text += "比 %d 年%s %s 万元%s。" % (py, word, dt, self.rate_text(tp, d_total, rates["gpb"]))
        else:
            text += "与 %d 年持平。" % py
        text += "其中：基本支出 %s 万元，" % bp
        if d_b:
            text += "比 %d 年%s %s 万元%s，主要原因是%s。" % (
                py, "增加" if d_b > 0 else "减少", format(abs(d_b), ".2f"),
                self.rate_text(bp, d_b, rates["basic"]), reason_b)
        else:
            text += "与上年持平。"
        text += ("基本支出主要用于保障在职人员工资福利及社会保险缴费等，保障部门正常运转的各项商品服务支出；"
                 "项目支出 %s 万元，" % pp)
        if d_p:
            text += "比 %d 年%s %s 万元%s，主要原因是：" % (py, "增加" if d_p > 0 else "减少",
                                                    format(abs(d_p), ".2f"),
                                                    self.rate_text(pp, d_p, rates["project"]))
        else:
            text += "与上年持平。"
        cut = None
        if d_p:
            tail = "%d 年新增%s等项目，项目资金主要用于%s等重点工作。" % (
                y, "、".join(p["name"] for p in new), self.short + "日常运行")
            if rng.random() < 0.4:
                cut = text + "一是项目调整；二是 %d" % y  # a line broken mid-sentence
                rest = tail[len(str(y)):]
                text = text + "一是项目调整；二是 " + tail
            else:
                text = text + tail
        if cut:
            n = self.para(cut)
            self.para(rest.lstrip())
        else:
            n = self.para(text)
        self.claim("gpb_income_total", tp, n, "一般公共预算财政拨款收入")
        self.claim("gpb_expenditure_total", tp, n, "一般公共预算财政拨款支出")
        self.claim("gpb_expenditure_change", dt if d_total else "0", n, "比%d年%s" % (py, word))
        self.claim("basic", bp, n, "基本支出")
        self.claim("basic_change", how(d_b)[1], n, "比%d年" % py)
        self.claim("project", pp, n, "项目支出")
        self.claim("project_change", how(d_p)[1], n, "比%d年" % py)
        for scope, cls in (("gpb", "gpb_expenditure_change"), ("basic", "basic_change"),
                           ("project", "project_change")):
            for printed, label in rates[scope]:
                self.claim(cls, printed, n, label)
        if self.vary.get("narrative_scope") == "last_year":  # figures of last year: no claims
            a = cents(self.vrng, 1000, 30000)
            b = q2(self.prev_total * D(self.vrng.randint(85, 105)) / D(100))
            self.para("上年度列入此项的预留机动经费%s万元，本年度未安排。%d年当年预算执行数为%s万元，"
                      "%d年上年结转结余资金%s万元。" % (
                          format(a, ".2f"), py, format(b, ".2f"), py,
                          format(cents(self.vrng, 100, 9000), ".2f")))
        self.para("%s %d 年未使用政府性基金预算拨款安排的支出。" % (self.dept, y))
        self.para("%s %d 年未使用国有资本经营预算拨款安排的支出。" % (self.dept, y))

        # 三公
        if fin:
            self.final_three_public_text()
        else:
            self.three_public_text()
        self.other_matters_text()

        # tables
        for k, t in enumerate(self.tables):
            getattr(self, "r_" + t.kind)(t)

    def three_public_text(self):
        """The 三公 section of a budget: the year's budget, its change, its parts."""
        rng = self.rng
        y, py = self.year, self.prev
        self.para("四、“三公”经费情况说明")
        tpv = self.fa(self.tp_total, "trim")
        dtp = self.tp_total - self.tp_prev_total
        text = "%d 年“三公”经费预算 %s 万元，" % (y, tpv)
        if dtp:
            text += "比 %d 年%s %s 万元。" % (py, "增加" if dtp > 0 else "减少",
                                          self.fa(abs(dtp), "trim"))
        else:
            text += "与 %d 年持平。" % py
        parts = []
        pl = []
        for label, cls, key in self.THREE_PUBLIC_PARTS:
            v = self.three_public_parts()[key]
            if v or rng.random() < 0.2:
                s = self.fa(v, "trim")
                parts.append("%s %s 万元" % (label, s))
                pl.append((cls, s, label))
        if parts:
            text += "其中：" + "，".join(parts) + "。"
        n = self.para(text)
        self.three_public_claims(n, tpv, "“三公”经费预算", dtp, "比%d年" % py, pl)

    def three_public_claims(self, n, total, total_label, change, change_label, parts):
        """The 三公 sentence's claims at line n: its total, its change on last
        year, each part it names ((class, printed, label))."""
        self.claim("three_public_total", total, n, total_label)
        self.claim("three_public_change", self.fa(abs(change), "trim") if change else "0", n,
                   change_label)
        for cls, s, label in parts:
            self.claim(cls, s, n, label)

    def three_public_parts(self):
        """The year's 三公 figures by part (the table's roles)."""
        return {"abroad": self.tp_abroad, "reception": self.tp_reception,
                "vehicle_purchase": self.tp_vehicle_purchase,
                "vehicle_operation": self.tp_vehicle_op}

    # the parts as the narrative names them, in its order
    THREE_PUBLIC_PARTS = (("因公出国（境）费", "three_public_abroad", "abroad"),
                          ("公务接待费", "three_public_reception", "reception"),
                          ("公务用车购置费", "three_public_vehicle_purchase", "vehicle_purchase"),
                          ("公务用车运行维护费", "three_public_vehicle_operation",
                           "vehicle_operation"))

    def final_three_public_text(self):
        """The 三公 section of final accounts, as Shanghai words it: the 决算数,
        its change on last year's, how much of the 年初预算 it used; then each
        part's 决算 and its share of its budget.  The 年初预算 and the
        percentages are no claims (the reader leaves a final account's budget
        figures unclassified)."""
        rng = self.rng
        y, py = self.year, self.prev
        self.para("四、“三公”经费财政拨款支出决算情况说明")
        actual = self.three_public_parts()
        budget = self.tp_budget or actual  # (no 三公 table: spent as budgeted)
        tpv = self.fa(self.tp_total, "trim")
        dtp = self.tp_total - self.tp_prev_total
        text = "%d 年度“三公”经费财政拨款支出决算数为 %s 万元，" % (y, tpv)
        if dtp:
            text += "比 %d 年度%s %s 万元，" % (py, "增加" if dtp > 0 else "减少",
                                           self.fa(abs(dtp), "trim"))
        else:
            text += "与 %d 年度持平，" % py
        budget_total = sum(budget.values())
        if budget_total:
            text += "%s，" % self.used_of(self.tp_total, budget_total)
        text += "年初预算为 %s 万元。" % self.fa(budget_total, "trim")
        parts, pl = [], []
        for label, cls, key in self.THREE_PUBLIC_PARTS:
            v = actual[key]
            if v or rng.random() < 0.2:
                s = self.fa(v, "trim")
                used = "，" + self.used_of(v, budget[key]) if budget[key] else ""
                parts.append("%s支出决算为 %s 万元%s" % (label, s, used))
                pl.append((cls, s, label))
        if parts:
            text += "其中：" + "；".join(parts) + "。"
        n = self.para(text)
        self.three_public_claims(n, tpv, "“三公”经费财政拨款支出决算数", dtp, "比%d年度" % py, pl)
        if "narrative_arith" in self.vary and budget_total:
            self.versus_text(self.tp_total, budget_total)

    def versus_text(self, actual, budget):
        """The 三公 budget against its actual, as Shanghai's final accounts say it:
        年初预算为 B，支出决算为 A，完成年初预算的 P%。决算数小于预算数的主要原因…"""
        b, a = self.fa(budget, "2dp"), self.fa(actual, "2dp")
        word = "小于" if actual < budget else "大于" if actual > budget else "等于"
        self.para("“三公”经费财政拨款支出年初预算为 %s 万元，支出决算为 %s 万元，完成年初预算的 %s %%。"
                  % (b, a, format(q2(actual * 100 / budget), ".2f")))
        n = self.para("决算数%s预算数的主要原因是严格落实中央八项规定精神，从严控制“三公”经费支出。" % word)
        self.versus_lines.append((n, word))

    @staticmethod
    def used_of(spent, budget):
        """"完成预算的 P%": the share of a (non-zero) budget spent."""
        return "完成预算的 %s%%" % format(q2(spent * 100 / budget), ".2f")

    def other_matters_text(self):
        rng = self.rng
        y, py = self.year, self.prev
        fin = self.final
        self.para("五、其他重要事项的情况说明")
        ov = self.money_n(self.oper)
        oc = format(abs(self.oper_change), ".2f")
        n = self.para("1、机关运行经费。%d 年一般公共预算财政拨款运行经费 %s 万元，比上年%s %s 万元。"
                      "运行经费主要用于办公费、印刷费、邮电费、水电费、差旅费、会议费、培训费及其他商品和服务支出等。"
                      % (y, ov, "增加" if self.oper_change > 0 else "减少", oc))
        self.claim("operating_expenses", ov, n, "一般公共预算财政拨款运行经费")
        self.claim("operating_expenses_change", oc, n, "比上年")
        pt = self.fa(self.proc_total, "trim" if not self.proc_total else "2dp")
        pg = self.fa(self.proc_goods, "trim" if not self.proc_goods else "2dp")
        ps = self.fa(self.proc_services, "trim" if not self.proc_services else "2dp")
        stage = "支出" if fin else "预算"
        n = self.para("2、政府采购%s情况。%s政府采购%s总额 %s 万元，其中一般公共预算拨款政府采购 %s 万元，"
                      "含政府采购货物%s %s 万元，政府采购服务%s %s 万元。" % (
                          "支出" if fin else "", "%d 年度" % y if fin else "", stage, pt, pt,
                          stage, pg, stage, ps))
        self.claim("procurement_total", pt, n, "政府采购%s总额" % stage)
        self.claim("procurement_gpb", pt, n, "一般公共预算拨款政府采购")
        self.claim("procurement_goods", pg, n, "政府采购货物" + stage)
        self.claim("procurement_services", ps, n, "政府采购服务" + stage)
        pa = self.money_n(self.annual_total)
        if rng.random() < 0.4:  # broken as the reference's line is
            self.para("3、绩效目标设置情况。%d 年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨" % y)
            n = self.para("款 %s 万元。" % pa)
        else:
            n = self.para("3、绩效目标设置情况。%d 年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款 %s 万元。"
                          % (y, pa))
        self.claim("performance_amount", pa, n, "涉及一般公共预算当年财政拨款")
        # (a budget counts the vehicles at the end of last year, final accounts
        # at the end of their year)
        at = "截至 %d 年 12 月 31 日" % y if fin else "截止 %d 年 12 月" % py
        if self.vehicles:
            text = ("4、国有资产占有使用情况。%s，所属各预算单位共有车辆 %d 辆，其中一般公务用车 %d 辆。"
                    % (at, self.vehicles, self.vehicles))
        else:
            text = "4、国有资产占有使用情况。%s，所属各预算单位无公务用车。" % at
        if self.tp_vehicle_purchase:
            text += "%d 年一般公共预算安排购置公务用车。" % y
        else:
            text += "%d 年一般公共预算无购置车辆安排。" % y
        n = self.para(text)
        if self.vehicles:
            self.claim("vehicle_count", str(self.vehicles), n, "车辆")
            self.claim("vehicle_official_count", str(self.vehicles), n, "一般公务用车")
        self.para("六、专业性名词解释")
        for s in GLOSSARY:
            self.para(s)
        self.para("部门%s公开联系人：%s" % ("决算" if fin else "预算", rng.choice(["张敏", "李娜", "王磊", "刘洋", "陈静"])))
        self.para("联系方式：%s，电话：023-%08d" % (rng.choice(["赵倩", "孙伟", "周丽"]),
                                            rng.randint(40000000, 89999999)))

    # ---- table rendering helpers ----
    def title(self, what):
        return "%s %d 年%s" % (self.dept, self.year, self.phased(what))

    def phased(self, title):
        """A table's title in the document's phase: final accounts print
        决算表 where a budget prints 预算表 (the phase a reader tells from the
        titles); a 总表 or 明细表 says 决算 before it."""
        if not self.final:
            return title
        for budget, final in (("预算表", "决算表"), ("预算明细表", "决算明细表"),
                              ("明细表", "决算明细表"), ("总表", "决算总表")):
            if title.endswith(budget):
                return title[:-len(budget)] + final
        return title

    def stage_word(self):
        """The figures' column word: 预算数, or 决算数 in final accounts."""
        return "决算数" if self.final else "预算数"

    def paged(self, t, title_lines, header, rows, first=None, more=32, retitle=True,
              squeezed=None):
        """Title, unit line, header and rows, over pages that repeat them.

        `squeezed`, a shortened header: pages after the first print it and
        their rows lose their empty cells, as the reference's 基本支出 table
        does on its second page (the reader places such figures by
        arithmetic)."""
        title_lines = self.wrap_title(title_lines)
        for s in title_lines:
            self.para(s)
        self.unit_line(t)
        for h in header:
            self.emit(h)
        first = first or self.rng.randint(10, 26)
        left = first
        page = 0
        for item in rows:
            r, fields = item[0], item[1]
            label_at = item[2] if len(item) > 2 else None
            if left == 0:
                page += 1
                self.page_end()
                self.emit("")
                self.page_starts.add(len(self.lines) + 1)
                if retitle:
                    tl = title_lines
                    if len(tl) == 1 and (squeezed or self.rng.random() < 0.25):
                        tl = [self.dept, tl[0][len(self.dept):].lstrip()]
                    for s in tl:
                        self.para(s)
                    self.unit_line(t)
                for h in (squeezed if squeezed else header):
                    self.emit(h)
                left = more
            # (the tab text loses them; a printed page keeps each figure
            # under its column, so the space layout keeps the empty cells)
            if page and squeezed and self.layout != "space":
                fields = [x for x in fields if x != ""]
            n = self.emit_row(r, fields, label_at)
            for x in (r if isinstance(r, list) else [r]):
                x.line = n
            left -= 1
        if "page_number_glued" in self.vary or (
                "page_footer" in self.vary and self.vary["page_footer"] != "title_wrapped"):
            self.page_end()
        self.emit("")

    # ---- variation helpers of rendering ----
    def page_end(self):
        """The end of a page of a table: its footer (page_footer); with
        page_number_glued its number on the line of the page's last row when
        that line ends with a figure, else on a line of its own.  Pages are
        then numbered by the page breaks (page_starts), footers too."""
        g = self.vary.get("page_number_glued")
        if not g:
            return self.footer()
        rng = self.frng["page_number_glued"]
        n = self.page_base + len(self.page_starts)
        f = self.vary.get("page_footer")
        style = {"em_dash": "— %d —", "di_ye": "第 %d 页", "hyphen": "-%d-"}.get(f, "%d")
        last = len(self.lines)
        fields = self.lines[-1].split("\t") if self.lines else []
        k = max([i for i, x in enumerate(fields) if x.strip()], default=-1)
        if last in self.row_lines and k >= 2 and NUM_RE.match(fields[k]) and \
                rng.random() < 0.8:
            self.glued[last] = (style if g == "far_right" else "%d") % n
        else:
            self.emit(style % n)
    def footer(self):
        """A page footer (page_footer family): between a page's rows and the next."""
        f = self.vary.get("page_footer")
        self.page_no += 1
        if not f or f == "title_wrapped":
            return
        n = self.page_no
        self.emit({"em_dash": "— %d —", "di_ye": "第 %d 页", "hyphen": "-%d-"}[f] % n)

    def wrap_title(self, title_lines):
        """A long table title wrapped onto a second line (page_footer family)."""
        if self.vary.get("page_footer") != "title_wrapped" or len(title_lines) != 1:
            return title_lines
        s = title_lines[0]
        if len(s) < 16:
            return title_lines
        cut = len(s) - self.vrng.randint(3, 6)
        return [s[:cut], s[cut:]]

    def unit_line(self, t, unit=None):
        unit = unit or getattr(self, "units", {}).get(t.kind if t else None, "万元")
        if self.vary.get("units") and not hasattr(self, "dept_unit"):
            self.dept_unit = (self.vary["units"] == "dept_unit_line" or self.vrng.random() < 0.5,
                              self.vrng.choice(["编制部门", "编制单位", "部门名称"]),
                              self.vrng.choice(["：", ":"]))
        if getattr(self, "dept_unit", (False,))[0]:
            _, word, colon = self.dept_unit
            self.para("%s：%s\x00单位%s%s" % (word, self.dept, colon, unit))
        else:
            self.para("单位：%s" % unit)

    def emit_row(self, r, fields, label_at):
        """A table row; with wrapped_labels a long label over two or three lines,
        the figures on the first, middle or last of them (the row's line)."""
        w = self.vary.get("wrapped_labels")
        label = fields[label_at] if label_at is not None else ""
        # a label wraps the way typesetting wraps it: at the label column's
        # width (one per document), every line but the last that wide
        if self.wrap_width is None:
            self.wrap_width = self.vrng.randint(7, 11)
        width = self.wrap_width
        if not w or isinstance(r, list) or len(label) <= width:
            if self.above(r, fields, label_at):
                return self.emit_above(r, fields, label_at)
            n = self.emit("\t".join(fields))
            self.row_lines.add(n)
            return n
        if len(label) > 3 * width:  # a wider column rather than a fourth line
            width = -(-len(label) // 3)
        pieces = [label[i:i + width] for i in range(0, len(label), width)]
        at = {"figures_first_line": 0, "figures_middle_line": len(pieces) // 2,
              "figures_last_line": len(pieces) - 1}[w]
        first = len(self.lines) + 1
        n = None
        for i, piece in enumerate(pieces):
            if i == at:
                f = list(fields)
                f[label_at] = piece
            else:
                f = [""] * len(fields)
                f[label_at] = piece
            m = self.emit("\t".join(f))
            self.row_lines.add(m)
            if i == at:
                n = m
        self.wrapped[id(r)] = (first, len(self.lines))
        return n

    def above(self, r, fields, label_at):
        """figures_above: this row prints its figures a line above its label
        (a row of one panel, with a label and a figure)."""
        if "figures_above" not in self.vary or isinstance(r, list) or \
                getattr(self, "above_off", False):
            return False
        # (figures set higher than their label, and figures on a wrapped
        # label's middle or last line, are opposite alignments of one
        # table's cells: a document typesets its tables one way)
        if self.vary.get("wrapped_labels") in ("figures_middle_line", "figures_last_line"):
            return False
        at = 1 if label_at is None else label_at
        if not fields[at].strip() or not any(x.strip() for x in fields[at + 1:]):
            return False
        return self.frng["figures_above"].random() < 0.4

    def emit_above(self, r, fields, label_at):
        """The figures' line (the row's line), then the label's."""
        at = 1 if label_at is None else label_at
        code_up = self.vary["figures_above"] == "code_with_figures" and at >= 1 and \
            any(x.strip() for x in fields[:at])
        top = [x if (k > at or (code_up and k < at)) else "" for k, x in enumerate(fields)]
        low = ["" if (k > at or (code_up and k < at)) else x for k, x in enumerate(fields)]
        n = self.emit("\t".join(top))
        m = self.emit("\t".join(low))
        self.row_lines.update((n, m))
        self.label_line[id(r)] = m
        return n

    def annex(self, t, label):
        """The table's annex marker; the annex_label family prints it other
        ways or not at all (then the table's line is its title's)."""
        if t.kind != "performance_project":
            self.annex_no += 1
            label = "附件 %d" % self.annex_no
        a = self.vary.get("annex_label")
        self.page_starts.add(len(self.lines) + 1)
        if a:
            if t.kind == "performance_project":
                k = self.projects.index(t.project) + 1
                n, sub = self.annex_no + 1, "-%d" % k
            else:
                n, sub = self.annex_no, ""
            if a == "none":
                t.line = len(self.lines) + 1
                return
            label = {"附件N": "附件%d%s" % (n, sub), "表N": "表%s%s" % (cn_no(n), sub),
                     "公开0N表": "公开%02d%s表" % (n, sub),
                     "公开表N": "公开表%s%s" % (cn_no(n), sub)}[a]
        t.line = self.para(label)

    def r_fiscal_summary(self, t):
        self.annex(t, "附件 1")
        header = ["收入\t\t支出\t\t\t\t",
                  "项目\t%s\t支出科目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算"
                  % self.stage_word()]
        out = []
        for ri, re in t.pairs:
            f = [ri.label if ri else "", ri.s("amount") if ri else "",
                 re.label if re else "", re.s("total") if re else "", re.s("gpb") if re else "",
                 "", ""]
            out.append(([x for x in (ri, re) if x is not None], f))
        self.paged(t, [self.title("财政拨款收支总表")], header, out,
                   first=self.rng.randint(12, 22), retitle=False)
        t.end = len(self.lines)

    # ---- the coded tables and the 三公 table under variation ----
    GENERIC = ("header_wording", "header_stack", "codes", "project_first", "wrapped_labels",
               "total_last")

    def generic(self):
        return any(f in self.vary for f in self.GENERIC)

    def words(self):
        """Header words: the year columns, the label column (header_wording)."""
        if hasattr(self, "_words"):
            return self._words
        y, py = self.year, self.prev
        w = {"prev": "%d 年预算数" % py, "cur": "%d 年预算数" % y, "label": "科目名称",
             "econ_label": "科目名称", "basic_cur": "%d 年基本支出" % y, "sum": "总计"}
        hw = self.vary.get("header_wording")
        c = self.vrng.choice
        if hw == "relative":
            w.update(prev="上年预算数", cur="本年预算数", basic_cur="本年基本支出")
        elif hw == "absolute_execution":
            w.update(prev=c(["%d年预算执行数" % py, "%d年执行数" % py]), cur="%d年预算数" % y,
                     basic_cur="%d年基本支出" % y)
        elif hw == "relative_execution":
            w.update(prev=c(["上年预算执行数", "上年执行数"]), cur=c(["本年预算数", "预算数"]),
                     basic_cur="本年基本支出")
        elif hw == "final_accounts":
            w.update(prev="%d年决算数" % py, cur="%d年预算数" % y, basic_cur="基本支出")
        if self.final:  # final accounts: each year's 决算数
            w.update(prev=w["prev"].replace("预算执行数", "决算数").replace("执行数", "决算数")
                     .replace("预算数", "决算数"),
                     cur=w["cur"].replace("预算数", "决算数"))
        if hw:
            w["label"] = c(["项目", "功能分类科目名称", "科目名称"])
            w["econ_label"] = c(["项目", "经济分类科目名称", "科目名称"])
            w["sum"] = c(["合计", "总计", "小计"])
            self.vary_detail["header_wording"] = dict(w)
        self._words = w
        return w

    def chunk(self):
        return {"three_lines": 3, "four_lines": 2}.get(self.vary.get("header_stack"), 99)

    def build_header(self, cols):
        """Header lines of columns (text, group): a group's name on the top line
        over its columns, whose texts start on the next; a text split every
        `chunk` characters over lines (header_stack) as merged cells print."""
        ch = self.chunk()
        has_group = any(g for _, g in cols)
        pieces = []
        for text, g in cols:
            p = split_cell(text, ch) if text else []
            start = 1 if (g and has_group) else 0
            pieces.append((start, p))
        depth = max(st + len(p) for st, p in pieces)
        lines = [[""] * len(cols) for _ in range(depth)]
        prev_g = None
        for i, ((text, g), (st, p)) in enumerate(zip(cols, pieces)):
            if g and g != prev_g:
                lines[0][i] = g
            prev_g = g
            for k, x in enumerate(p):
                lines[st + k][i] = x
        return ["\t".join(L) for L in lines]

    def code_cols(self, econ=False, group=None):
        """Header columns of code and label (codes family)."""
        w = self.words()
        label = w["econ_label"] if econ else w["label"]
        cv = self.vary.get("codes")
        stacked = "header_stack" in self.vary
        g = group or (("经济分类" if econ else "功能分类") if stacked else None)
        if cv in ("lei_kuan_xiang_columns", "lost_zero"):
            n = 2 if econ else 3
            return [(x, "科目编码") for x in ("类", "款", "项")[:n]] + [(label, None)]
        if cv in ("spaced_code_label", "code_space_label", "glued"):
            return [(label, g)]
        return [("科目编码", g), (label, g)]

    def code_fields(self, code, label, econ=False):
        """Row fields of code and label; the label's index."""
        cv = self.vary.get("codes")
        if cv in ("lei_kuan_xiang_columns", "lost_zero"):
            n = 2 if econ else 3
            if code:
                parts = [code[:3], code[3:5], code[5:7]][:n]
                # lost_zero: the last part's leading zero lost in print
                # ("301 | 2" for 30102), on some rows
                last = len([x for x in parts if x]) - 1
                if cv == "lost_zero" and last > 0 and parts[last].startswith("0") and \
                        self.vrng.random() < 0.2:
                    parts[last] = parts[last][1:]
            else:
                parts = [""] * n
            return parts + [label], n
        if cv in ("spaced_code_label", "code_space_label", "glued"):
            if not code:
                return [label], 0
            if cv == "spaced_code_label":
                c = " ".join(x for x in (code[:3], code[3:5], code[5:7]) if x)
                return [c + " " + label], 0
            return [code + (" " if cv == "code_space_label" else "") + label], 0
        return [code or "", label], 1

    def ordered_rows(self, t):
        rows = list(t.rows)
        if "total_last" in self.vary:
            tot = [r for r in rows if not r.code]
            rows = [r for r in rows if r.code] + tot
        return rows

    def r_generic_coded(self, t, title):
        w = self.words()
        econ = t.kind == "gpb_basic"
        if t.kind == "gpb_basic":
            money = [("total", "总计"), ("personnel", "人员经费"), ("public", "日常公用经费")]
            cols = self.code_cols(True, "经济分类科目")
            head = cols + [(x, w["basic_cur"]) for _, x in money]
        elif t.kind == "income":
            money = [("total", "总计"), ("gpb", "一般公共预算拨款收入")]
            extra = ["政府性基金预算拨款收入", "国有资本经营预算拨款收入", "财政专户管理资金收入",
                     "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入"]
            cols = self.code_cols(False, "科目")
            head = cols + [(x, None) for _, x in money] + [(x, None) for x in extra]
        else:
            money = [("total", w["sum"]), ("basic", "基本支出"), ("project", "项目支出")]
            if "project_first" in self.vary:
                money = [money[0], money[2], money[1]]
            cols = self.code_cols(False)
            grp = w["cur"] if (t.kind == "gpb_expenditure" or "header_wording" in self.vary) \
                else None
            head = list(cols)
            if t.kind == "gpb_expenditure":
                head.append((w["prev"], None))
                money = [("prev_total", None)] + money
                head += [(x, grp) for _, x in money[1:]]
            else:
                head += [(x, grp) for _, x in money]
        header = self.build_header(head)
        rows = []
        for r in self.ordered_rows(t):
            f, at = self.code_fields(r.code, r.label, econ)
            f += [r.s(role) for role, _ in money]
            if t.kind == "income":
                f += [""] * 8
            rows.append((r, f, at))
        self.paged(t, [self.title(title)], header, rows)
        t.end = len(self.lines)

    def r_generic_three_public(self, t):
        y, p = self.year, self.prev
        w = self.words()
        order = self.vary.get("three_public_order", "")
        veh = [("vehicle_subtotal", "小计"), ("vehicle_purchase", self.vrng.choice(["购置费", "公务用车购置费"])),
               ("vehicle_operation", self.vrng.choice(["运行费", "公务用车运行维护费"]))]
        top = [("total", "合计"), ("abroad", "因公出国(境)费")]
        if "reception" in order:
            block = top + [("reception", "公务接待费")] + veh
        else:
            block = top + veh + [("reception", "公务接待费")]
        blocks = [("prev_", w["prev"]), ("", w["cur"])]
        if "prev_after" in order:
            blocks.reverse()
        tail = [("meeting", "会议费"), ("training", "培训费")] if "meeting_training" in order else []
        if order == "admin_operation":
            tail = [("admin_operation", "机关运行经费")]
        L0, L1, L2, roles = ["部门编码", "部门名称"], ["", ""], ["", ""], []
        if order == "year_pairs":
            # each item over its two years (the years at the bottom, the
            # vehicle group's parts between)
            blocks = []
            for role, name in block:
                for j, (pre, title) in enumerate((("prev_", w["prev"]), ("", w["cur"]))):
                    if role.startswith("vehicle"):
                        L0.append("公务用车购置及运行费" if role == "vehicle_subtotal" and j == 0 else "")
                        L1.append(name if j == 0 else "")
                    else:
                        L0.append(name if j == 0 else "")
                        L1.append("")
                    L2.append(title)
                    roles.append(pre + role)
        for pre, title in blocks:
            for i, (role, name) in enumerate(block):
                L0.append(title if i == 0 else "")
                if role.startswith("vehicle"):
                    L1.append("公务用车购置及运行费" if role == "vehicle_subtotal" else "")
                    L2.append(name)
                else:
                    L1.append(name)
                    L2.append("")
                roles.append(pre + role)
        for role, name in tail:
            L0.append(name)
            L1.append("")
            L2.append("")
            roles.append(role)
        header = ["\t".join(x) for x in (L0, L1, L2)]
        rows = [(r, [r.code or "", r.label] + [r.s(x) for x in roles]) for r in t.rows]
        self.paged(t, [self.title("一般公共预算“三公”经费支出表")], header, rows, first=50)
        t.end = len(self.lines)

    def r_gpb_expenditure(self, t):
        if self.generic():
            self.annex(t, "附件 2")
            return self.r_generic_coded(t, "一般公共预算财政拨款支出预算表")
        self.annex(t, "附件 2")
        header = ["科目编码\t科目名称\t%d 年%s\t%d 年%s\t\t" % (
                      self.prev, self.stage_word(), self.year, self.stage_word()),
                  "\t\t\t总计\t基本支出\t项目支出"]
        rows = []
        for r in t.rows:
            if r.code is None:
                f = [r.label, ""]
            else:
                f = [r.code, r.label]
            f += [r.s("prev_total"), r.s("total"), r.s("basic"), r.s("project")]
            rows.append((r, f))
        self.paged(t, [self.title("一般公共预算财政拨款支出预算表")], header, rows)
        t.end = len(self.lines)

    def r_gpb_basic(self, t):
        self.annex(t, "附件 3")
        if "basic_panels" in self.vary:
            return self.r_gpb_basic_panels(t)
        if self.generic():
            return self.r_generic_coded(t, "一般公共预算财政拨款基本支出预算表")
        header = ["经济分类科目\t\t%d 年基本支出\t\t" % self.year,
                  "科目编码\t科目名称\t总计\t人员经费\t日常公用经费"]
        rows = []
        for r in t.rows:
            f = [r.code or "", r.label, r.s("total"), r.s("personnel"), r.s("public")]
            rows.append((r, f))
        squeezed = None
        if self.rounding != "exact" and self.rng.random() < 0.25:
            squeezed = ["经济分类科目\t\t%d 年基本支出\t" % self.year]
        self.paged(t, [self.title("一般公共预算财政拨款基本支出预算表")], header, rows,
                   squeezed=squeezed)
        t.end = len(self.lines)

    def r_gpb_basic_panels(self, t):
        """basic_panels: 人员经费 | 公用经费 side by side, each 科目编码 | 科目名称 |
        金额, a line carrying a row of each (the longer panel's last lines a
        blank other half); the 合计 across the panels, or each panel's own
        total, on the last line.  Choices from the family's own stream."""
        fr = self.frng["basic_panels"]
        amount = fr.choice(["金额", "预算数"])
        public = fr.choice(["公用经费", "日常公用经费"])
        header = ["人员经费\t\t\t%s\t\t" % public,
                  "科目编码\t科目名称\t%s\t科目编码\t科目名称\t%s" % (amount, amount)]
        left = [r for r in t.rows if r.code and "personnel" in r.cells]
        right = [r for r in t.rows if r.code and "public" in r.cells]
        totals = [r for r in t.rows if not r.code]

        def half(r, role):
            return [r.code, r.label, r.s(role)] if r else ["", "", ""]
        rows = []
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else None
            b = right[i] if i < len(right) else None
            rows.append(([x for x in (a, b) if x], half(a, "personnel") + half(b, "public")))
        if len(totals) == 1:  # 合计 across the panels: its label left or right
            g = totals[0]
            f = [""] * 6
            f[fr.choice([1, 4])] = g.label
            f[5] = g.s("total")
            rows.append(([g], f))
        else:  # each panel's own total, its label in the code cell or the label cell
            at = fr.choice([0, 1])
            f = [""] * 6
            for k, (g, role) in enumerate(zip(totals, ("personnel", "public"))):
                f[3 * k + at] = g.label
                f[3 * k + 2] = g.s(role)
            rows.append((totals, f))
        self.paged(t, [self.title("一般公共预算财政拨款基本支出预算表")], header, rows)
        t.end = len(self.lines)

    def r_three_public(self, t):
        self.annex(t, "附件 4")
        if self.final:
            return self.r_final_three_public(t)
        if self.vary.get("table_set") == "three_public_note":
            self.para(self.title("一般公共预算“三公”经费支出表"))
            self.unit_line(t)
            self.emit("\t".join(["部门编码", "部门名称", "合计", "因公出国(境)费",
                                  "公务用车购置及运行费", "公务接待费"]))
            self.emit("注：本单位无“三公”经费支出。")
            self.emit("")
            t.end = len(self.lines)
            return
        if "three_public_order" in self.vary or "header_wording" in self.vary:
            return self.r_generic_three_public(t)
        y, p = self.year, self.prev
        header = [
            "部门编 码\t部门名称\t%d 年预算数\t\t\t\t\t%d 年预算数\t\t\t\t\t" % (p, y),
            "\t\t总计\t因公出国 (境) 费 用\t公务用车购置及运行费\t\t公务接待费\t总计\t因公出 国(境) 费用"
            "\t公务用车购置及运行费\t\t\t公务接 待费",
            "\t\t\t\t公务用车 购置\t公务用车运行 维护费\t\t\t\t小计\t公务用车购置\t公务用车运 行维护费\t",
        ]
        rows = []
        for r in t.rows:
            f = [r.code or "", r.label] + [r.s(x) for x in (
                "prev_total", "prev_abroad", "prev_vehicle_purchase", "prev_vehicle_operation",
                "prev_reception", "total", "abroad", "vehicle_subtotal", "vehicle_purchase",
                "vehicle_operation", "reception")]
            rows.append((r, f))
        self.paged(t, [self.title("一般公共预算“三公”经费支出表")], header, rows, first=50)
        t.end = len(self.lines)

    FINAL_THREE_PUBLIC = "财政拨款“三公”经费支出决算表"

    def r_final_three_public(self, t):
        """final_accounts: the 财政拨款“三公”经费支出决算表, 预算数 | 决算数 under
        each heading (合计, 因公出国(境)费, 公务用车购置及运行维护费 小计 / 购置费 /
        运行维护费, 公务接待费; 接待 before the vehicles where three_public_order
        says so), with "财政拨款“三公”经费" over them all
        (budget_final_pairs_grouped).  Stated empty (table_set
        three_public_note): the header, then the note, as Shanghai prints it."""
        fr = self.frng["final_accounts"]
        veh = [("vehicle_subtotal", "小计"),
               ("vehicle_purchase", fr.choice(["购置费", "公务用车购置费"])),
               ("vehicle_operation", fr.choice(["运行维护费", "公务用车运行维护费"]))]
        block = [("total", "合计"), ("abroad", "因公出国(境)费")]
        tail = [("reception", "公务接待费")]
        # (接待 first only without the group's title: the grouped table is
        # Shanghai's, which prints the vehicles first)
        if "reception" in self.vary.get("three_public_order", "") and \
                self.vary["final_accounts"] == "budget_final_pairs":
            block, tail = block + tail, []
        block += veh + tail
        L0, L1, L2, roles = ["部门编码", "部门名称"], ["", ""], ["", ""], []
        for role, name in block:
            for stage, word in (("budget_", "预算数"), ("", "决算数")):
                first = stage == "budget_"
                if role.startswith("vehicle"):
                    L0.append("公务用车购置及运行维护费" if role == "vehicle_subtotal" and first
                              else "")
                    L1.append(name if first else "")
                else:
                    L0.append(name if first else "")
                    L1.append("")
                L2.append(word)
                roles.append(stage + role)
        lines = [L0, L1, L2]
        if self.vary["final_accounts"] == "budget_final_pairs_grouped":
            lines.insert(0, ["", ""] + ["财政拨款“三公”经费"] + [""] * (len(roles) - 1))
        header = ["\t".join(x) for x in lines]
        title = self.title(self.FINAL_THREE_PUBLIC)
        if self.vary.get("table_set") == "three_public_note":
            self.para(title)
            self.unit_line(t)
            for h in header:
                self.emit(h)
            self.emit("说明：%s本年度没有财政拨款“三公”经费支出，故本表无数据。" % self.dept)
            self.emit("")
            t.end = len(self.lines)
            return
        rows = [(r, [r.code or "", r.label] + [r.s(x) for x in roles]) for r in t.rows]
        self.paged(t, [title], header, rows, first=50)
        t.end = len(self.lines)

    def r_gov_fund(self, t):
        self.annex(t, "附件 5")
        self.emit(self.dept)
        self.para("%d 年%s" % (self.year, self.phased("政府性基金预算财政拨款支出预算表")))
        self.unit_line(t)
        self.emit("科目编码\t科目名称\t%s\t\t" % self.stage_word())
        self.emit("\t\t总计\t基本支出\t项目支出")
        t.rows[0].line = self.emit("\t合计\t\t\t")
        self.emit("")
        t.end = len(self.lines)

    def r_summary(self, t):
        self.annex(t, "附件 6")
        header = ["收入\t\t支出\t", "项目\t%s\t支出科目\t%s" % ((self.stage_word(),) * 2)]
        out = []
        for ri, re in t.pairs:
            f = [ri.label if ri else "", ri.s("amount") if ri else "", re.label, re.s("amount")]
            out.append(([x for x in (ri, re) if x is not None], f))
        self.paged(t, [self.title("部门收支总表")], header, out, first=self.rng.randint(12, 20))
        t.end = len(self.lines)

    def r_income(self, t):
        self.annex(t, "附件 7")
        if self.generic():
            return self.r_generic_coded(t, "部门收入总表")
        header = ["科目\t\t总计\t一般公共预算 拨款收入\t政府性 基金预 算拨款 收入\t国有资 本经营 预算拨 款收入"
                  "\t财政专 户管理 资金收 入\t事业 收入\t上级 补助 收入\t附属 单位 上缴 收入\t事业 单位 经营 收入\t其他 收入",
                  "科目编码\t科目名称\t\t\t\t\t\t\t\t\t\t"]
        rows = []
        for r in t.rows:
            f = [r.code or "", r.label, r.s("total"), r.s("gpb")] + [""] * 8
            rows.append((r, f))
        self.paged(t, [self.title("部门收入总表")], header, rows)
        t.end = len(self.lines)

    def r_expenditure(self, t):
        self.annex(t, "附件 8")
        if self.generic():
            return self.r_generic_coded(t, "部门支出总表")
        header = ["科目编码\t科目名称\t合计\t基本支出\t项目支出"]
        rows = []
        for r in t.rows:
            f = [r.code or "", r.label, r.s("total"), r.s("basic"), r.s("project")]
            rows.append((r, f))
        self.paged(t, [self.title("部门支出总表")], header, rows)
        t.end = len(self.lines)

    def r_procurement(self, t):
        self.annex(t, "附件 9")
        header = ["项目编号\t项目\t总计\t一般公共预算拨款收入\t政府性基金预算拨款收入\t国有资本经营预算拨款收入"
                  "\t财政专户管理资金收入\t事业收入\t上级补助收入\t附属单位上缴收入\t事业单位经营收入\t其他收入"]
        rows = []
        for r in t.rows:
            if r.label == "合计":
                f = ["合计", ""]
            else:
                f = [r.seq, r.label]
            f += [r.s("total"), r.s("gpb")] + [""] * 8
            rows.append((r, f))
        self.above_off = True  # figures_above: not in this list (see the docstring)
        self.paged(t, ["%s%s" % (self.dept, self.phased("政府采购预算明细表"))], header, rows,
                   first=50)
        self.above_off = False
        t.end = len(self.lines)

    def r_projects(self, t):
        self.annex(t, "附件 10")
        header = ["序号\t预算单位\t项目名称\t合计\t年初特定目标\t\t\t上级专项\t\t\t\t",
                  "\t\t\t\t小计\t人员性项目\t一般性项目\t民生配套项目\t小计\t提前下达专项\t结转项目\t市级专项"]
        if self.layout == "space":
            # the reference's tab text starts 上级专项 one field early; on
            # the printed page each group title spans its own four columns
            header[0] = "序号\t预算单位\t项目名称\t合计\t年初特定目标\t\t\t\t上级专项\t\t\t"

        rows = []
        roles = ("total", "annual_subtotal", "annual_personnel", "annual_general",
                 "annual_livelihood", "superior_subtotal", "superior_advance",
                 "superior_carryover", "superior_municipal")
        for i, r in enumerate(t.rows):
            if i == 0:
                f = ["", "", "合计"]
            else:
                f = [str(i), self.dept, r.label]
            f += [r.s(x) for x in roles]
            rows.append((r, f, 2))
        if "total_last" in self.vary:
            rows = rows[1:] + rows[:1]
        self.paged(t, [self.title("项目支出明细表")], header, rows, first=self.rng.randint(4, 12))
        t.end = len(self.lines)

    def r_performance_overall(self, t):
        self.annex(t, "附件 11")
        # (final accounts: the title without 预算, a 绩效 table saying nothing
        # of the phase — the 决算's 绩效自评 tables are not generated)
        self.para("%d 年区%s%s整体绩效目标表" % (self.year, self.short, "" if self.final else "预算"))
        self.unit_line(t)
        tv = format(self.total, ".2f")
        self.emit("部门（单位）名称\t%s\t\t支出预算总量\t%s\t" % (self.dept, tv))
        self.emit("\t\t\t其中：部门预算支出\t%s\t" % tv)
        self.emit("当年整体绩效目标\t1. 保障%s正常运行，顺利开展各项工作； 2. 推进重点工作任务落实； "
                  "3. 提高服务对象满意度。\t\t\t\t" % self.short)
        self.emit("绩效指标\t指标名称\t指标权重\t计量单位\t指标性质\t指标值")
        for r in t.rows:
            x = r.text
            r.line = self.emit("\t".join(["", x["name"], x["weight"], x["unit"], x["operator"],
                                          x["target"]]))
        self.emit("")
        t.end = len(self.lines)

    def r_performance_project(self, t):
        p = t.project
        k = self.projects.index(p) + 1
        self.annex(t, ("附件 12-%d" if k == 1 else "表 12-%d") % k)
        self.para("%d 年区级%s绩效目标%s表" % (self.year, *(("项目", "") if self.final
                                                          else ("预算", "申报"))))
        self.unit_line(t)
        c = self.dept_code
        self.emit("项目名称\t%s-%s\t\t\t\t\t\t" % (p["code"], p["perf_name"]))
        self.emit("主管部门\t%s-%s\t实施单位\t\t\t%s001-%s（本级）\t\t" % (c, self.short, c, self.short))
        self.emit("资金总额（万元）\t%s\t项目属性\t\t\t%s\t\t" % (
            p["amount_printed"], "延续" if self.rng.random() < 0.6 else "新增"))
        self.emit("项目起始时间\t%d 年\t项目终止时间\t\t\t%s\t\t" % (
            self.year - self.rng.randint(0, 2), self.rng.choice(["长期", "1 年", "2 年"])))
        self.emit("项目概况\t用于%s，保障%s相关工作顺利开展。\t\t\t\t\t\t" % (p["name"], self.short))
        self.emit("立项依据\t《关于%s的请示》及区政府常务会议纪要\t\t\t\t\t\t" % p["name"])
        self.emit("项目当年绩效目标\t按期完成%s各项任务，提高资金使用效益。\t\t\t\t\t\t" % p["name"])
        self.emit("绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t指标性质\t度量单位\t权重")
        brk = self.rng.randint(3, 8)
        for i, r in enumerate(t.rows):
            if i == brk and self.rng.random() < 0.6:
                self.emit("")  # a page break inside the indicators, as in the reference
            x = r.text
            r.line = self.emit("\t".join(["", x["level1"], x["level2"], x["name"], x["target"],
                                          x["operator"], x["unit"], x["weight"]]))
        self.emit("")
        t.end = len(self.lines)

    # ----------------------------------------------------------------------
    # Expected model (what a reader must find)
    # ----------------------------------------------------------------------

    def model(self):
        tables = []
        for t in self.tables:
            rows = []
            for r in t.rows:
                cells = {k: c.printed.replace(",", "") for k, c in r.cells.items() if c.printed}
                if r.text:
                    cells.update({k: v for k, v in r.text.items() if k == "weight"})
                rows.append({"code": r.code if t.kind not in ("three_public",) else None,
                             "label": r.label, "key": r.key, "side": r.side, "line": r.line,
                             "cells": cells})
                if id(r) in self.wrapped:  # the label over these lines, figures on `line`
                    rows[-1]["wrapped"] = list(self.wrapped[id(r)])
                if id(r) in self.label_line:  # figures on `line`, the label below
                    rows[-1]["label_line"] = self.label_line[id(r)]
            d = {"kind": t.kind, "line": t.line, "end": t.end, "rows": rows}
            if getattr(self, "units", {}).get(t.kind):
                d["unit"] = self.units[t.kind]
            if t.kind == "performance_project":
                d["project"] = {"code": t.project["code"], "name": t.project["perf_name"],
                                "amount": t.project["amount_printed"].replace(",", "")}
            tables.append(d)
        claims = [{k: c[k] for k in ("class", "value", "line", "code")} for c in self.claims]
        return {"department": self.dept, "year": self.year, "tables": tables, "claims": claims}

    def text(self):
        if self.layout == "space":
            return "\n".join(self.space_lines()) + "\n"
        out = [x.replace("\x00", "\t") for x in self.lines]
        for n, num in sorted(self.glued.items()):  # page_number_glued
            if self.vary["page_number_glued"] == "far_right":
                out[n - 1] += "\t" + num  # a field after the row's last (its empty cells kept)
            else:  # one space after the last figure, in its field
                f = out[n - 1].split("\t")
                k = max(i for i, x in enumerate(f) if x.strip())
                f[k] += " " + num
                out[n - 1] = "\t".join(f)
        return "\n".join(out) + "\n"

    def space_lines(self):
        """The `pdftotext -layout` look: each table's fields in columns (CJK
        characters two columns wide) separated by runs of two or more spaces,
        figures right-aligned, header words centred; a form feed starts each
        page.  Line numbers are those of the tab layout."""
        out = list(self.lines)
        gap = self.vrng.randint(2, 4)
        indent = self.vrng.choice([0, 0, 1, 2, 4])
        tables = [(t.line, t.end) for t in self.tables if t.line and t.end]
        panels = {(t.line, t.end) for t in self.tables
                  if t.kind == "gpb_basic" and "basic_panels" in self.vary}
        for a, b in tables:
            idx = [i for i in range(a - 1, min(b, len(out))) if "\t" in out[i]]
            if not idx:
                continue
            grid = {i: out[i].split("\t") for i in idx}
            ncol = max(len(f) for f in grid.values())
            for f in grid.values():
                f.extend([""] * (ncol - len(f)))
            # header cells of an upper header line span the empty cells after
            # them (a merged cell: a group's name over its columns) as far as
            # the header lines below have cells under them ("公务接待费" of
            # the last group does not reach over 会议费 beside the group)
            spans = {}
            above = []  # the header lines above line i in this table
            for i in idx:
                row = (i + 1) in self.row_lines
                if row:
                    above = []
                nxt_is_header = (i + 1) in grid and (i + 2) not in self.row_lines
                below = []
                j = i + 1
                while j in grid and (j + 1) not in self.row_lines:
                    below.append(grid[j])
                    j += 1
                f = grid[i]
                sp = []
                k = 0
                while k < ncol:
                    n = 1
                    if not row and nxt_is_header and f[k].strip():
                        # (never across a cell that starts on a line above:
                        # 公务用车运行维护费 stops where 公务接待费 starts)
                        while k + n < ncol and not f[k + n].strip() and \
                                not any(g[k + n].strip() for g in above):
                            n += 1
                        while n > 1 and not any(g[k + n - 1].strip() for g in below):
                            n -= 1
                    sp.append((k, n))
                    k += n
                spans[i] = sp
                if not row:
                    above.append(f)
            width = [0] * ncol
            for i in idx:
                for k, n in spans[i]:
                    if n == 1:
                        width[k] = max(width[k], disp_width(grid[i][k].strip()))
            for i in idx:
                for k, n in spans[i]:
                    if n > 1:
                        have = sum(width[k:k + n]) + gap * (n - 1)
                        need = disp_width(grid[i][k].strip())
                        if need > have:
                            width[k + n - 1] += need - have
            codecol = set()  # columns of codes (left-aligned, not figures)
            for k in range(min(ncol, 3)):
                xs = [grid[i][k].strip() for i in idx if (i + 1) in self.row_lines
                      and grid[i][k].strip()]
                if xs and all(x.isdigit() and len(x) in (1, 2, 3, 5, 7) for x in xs):
                    codecol.add(k)
            if (a, b) in panels:  # each panel's 科目编码 (a panel total's label in it)
                codecol = {0, 3}
            for i, f in grid.items():
                row = (i + 1) in self.row_lines
                parts = []
                for k, n in spans[i]:
                    x = f[k].strip()
                    w = sum(width[k:k + n]) + gap * (n - 1)
                    pad = w - disp_width(x)
                    if row and NUM_RE.match(x) and k not in codecol:
                        parts.append(" " * pad + x)
                    elif not row:
                        parts.append(" " * (pad // 2) + x + " " * (pad - pad // 2))
                    else:
                        parts.append(x + " " * pad)
                out[i] = (" " * indent + (" " * gap).join(parts)).rstrip()
        for i, x in enumerate(out):
            if "\x00" in x:  # 编制部门：…   单位：万元
                x = x.replace("\x00", " " * self.vrng.randint(8, 40))
            if "\t" in x:  # a tab line outside a table
                x = x.replace("\t", " " * gap)
            if (i + 1) in self.page_starts and i > 0:
                x = "\f" + x
            out[i] = x
        # page_number_glued: the page's number on its last row's line, right
        # of the table's widest line, or one space after the line's last figure
        rng = self.frng.get("page_number_glued")
        for n, num in sorted(self.glued.items()):
            # (in a PDF the number is text of its own, apart from the
            # figures: glued by one space only in pdftotext's rendering)
            if self.vary["page_number_glued"] == "one_space" and not self.pdf:
                out[n - 1] += " " + num
                continue
            a, b = next((a, b) for a, b in tables if a <= n <= b)
            right = max(disp_width(out[i].lstrip("\f")) for i in range(a - 1, b))
            x = out[n - 1]
            out[n - 1] = x + " " * (right - disp_width(x.lstrip("\f")) + rng.randint(4, 24)) + num
        return out


GLOSSARY = [
    "（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。",
    "（二）其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。",
    "（三）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
    "（四）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    "（五）“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。",
]


def strip_enum(label):
    """'(一) 一般公共预算拨款' → '一般公共预算拨款'; '一、本年收入' → '本年收入'."""
    s = label
    if s.startswith("("):
        s = s[s.index(")") + 1:]
    elif "、" in s[:4]:
        s = s[s.index("、") + 1:]
    return s.strip()


def split_cell(text, ch):
    """A header cell's text over lines `ch` CJK characters wide, as a narrow
    merged cell wraps it: between characters, never inside a number or a
    Latin word, a digit half as wide as a CJK character ("2020 年预算数" →
    "2020 年" / "预算数" in three, "2020 " / "年预" / "算数" in two; not "202" /
    "0 年")."""
    def em(u):
        return sum(0 if c == " " else 1 if disp_width(c) == 2 else 0.5 for c in u)
    units = __import__("re").findall(r"[0-9A-Za-z.]+ ?|.", text)
    out, cur = [], ""
    for u in units:
        if cur and em(cur) + em(u) > ch:
            out.append(cur)
            cur = ""
        cur += u
    if cur:
        out.append(cur)
    return out


def split_weights(rng, total, n, step):
    """n positive weights, multiples of step where possible, summing to total:
    an even split, then a few units moved between indicators."""
    if total // step < n:
        step = 1
    units = total // step
    parts = [units // n + (1 if i < units % n else 0) for i in range(n)]
    for _ in range(rng.randint(0, n)):
        a, b = rng.randrange(n), rng.randrange(n)
        if parts[a] > 1:
            parts[a] -= 1
            parts[b] += 1
    rng.shuffle(parts)
    ws = [p * step for p in parts]
    ws[-1] += total - sum(ws)
    return ws


# --------------------------------------------------------------------------
# Injection
# --------------------------------------------------------------------------

class NoTarget(Exception):
    pass


def all_values(g):
    vals = set()
    for t in g.tables:
        for r in t.rows:
            for c in r.cells.values():
                vals.add(abs(c.value))
    return vals


def leaf_rows(t):
    """Rows of a table that no other row sums."""
    out = []
    rows = t.rows
    for i, r in enumerate(rows):
        if t.kind == "projects":
            if i > 0:
                out.append(r)
            continue
        if not r.code:
            continue
        if any(o.code and o.code != r.code and o.code.startswith(r.code) for o in rows):
            continue
        out.append(r)
    return out


def children(t, r):
    """The rows a parent row sums (direct children)."""
    if t.kind == "projects":
        return t.rows[1:] if r is t.rows[0] else []
    coded = [o for o in t.rows if o.code]
    if not r.code and r.label not in ("合计", "总计"):
        return []  # a panel's own total (人员经费合计) sums a part of the classes only
    if not r.code:  # 合计: the classes
        lens = sorted({len(o.code) for o in coded})
        return [o for o in coded if len(o.code) == lens[0]] if lens else []
    sub = [o for o in coded if o.code != r.code and o.code.startswith(r.code)]
    if not sub:
        return []
    m = min(len(o.code) for o in sub)
    return [o for o in sub if len(o.code) == m]


LEAF_TABLES = ("gpb_basic", "expenditure", "gpb_expenditure", "income", "projects")
PARENT_TABLES = ("gpb_basic", "expenditure", "gpb_expenditure", "income", "projects")
MONEY_ROLES = ("total", "basic", "project", "personnel", "public", "gpb", "annual_subtotal",
               "annual_general", "annual_personnel", "annual_livelihood", "superior_subtotal",
               "superior_advance", "superior_carryover", "superior_municipal")


def row_key(t, r):
    return r.code if (r.code and t.kind != "three_public") else norm_label(r.key)


def reprint(cell, value):
    """value printed with the cell's own decimals and separator habit."""
    return fmt_scale(value, scale_of(cell.printed), sep="," in cell.printed)


MIN_CHANGE = D("0.50")  # beyond the rounding of any identity of 2-decimal figures


def random_delta(g, rng, v, scale):
    """A change that is no slip of v and equals no figure of the document."""
    vals = all_values(g)
    for _ in range(200):
        frac = D(rng.randint(3, 35)) / D(100)
        delta = (v * frac).quantize(D(1).scaleb(-scale) if scale else D(1))
        if delta < MIN_CHANGE:
            delta = (MIN_CHANGE + D(rng.randint(0, 150)) / 100).quantize(
                D(1).scaleb(-scale) if scale else D(1))
        if v - delta > 0 and rng.random() < 0.5:
            delta = -delta
        new = v + delta
        if new <= 0 or abs(delta) in vals or diagnose(v, new) is not None:
            continue
        return new
    raise NoTarget("no plain change of %s" % v)


def inject(g, family, rng):
    """Change one printed figure of g; return the expected finding."""
    if family in ("decimal_shift", "transposed_digits", "sign_error", "unit_slip"):
        cands = []
        for t in g.tables:
            if t.kind in LEAF_TABLES:
                for r in leaf_rows(t):
                    for role, c in r.cells.items():
                        if c.value >= 1:
                            cands.append((t, r, role, c))
        rng.shuffle(cands)
        for t, r, role, c in cands:
            v = D(c.printed.replace(",", ""))
            sc = scale_of(c.printed)
            if family == "decimal_shift":
                new = v * 10
            elif family == "unit_slip":
                new = v * 10000
            elif family == "sign_error":
                new = -v
            else:
                s = fmt_scale(v, sc)
                digs = [i for i, ch in enumerate(s) if ch.isdigit()]
                pairs = [(a, b) for a, b in zip(digs, digs[1:]) if b == a + 1 and s[a] != s[b]
                         and not (a == 0 and s[b] == "0")]
                if not pairs:
                    continue
                a, b = rng.choice(pairs)
                s = s[:a] + s[b] + s[a] + s[b + 1:]
                new = D(s)
            if diagnose(v, new) != family or abs(new - v) < MIN_CHANGE:
                continue
            return set_cell(g, t, r, role, c, new, family, family)
        raise NoTarget(family)
    if family in ("missing_child", "double_counted_child"):
        cands = []
        for t in g.tables:
            if t.kind not in PARENT_TABLES:
                continue
            for r in t.rows:
                kids = children(t, r)
                for role, c in r.cells.items():
                    kv = [k.cells[role].value for k in kids if role in k.cells]
                    if len(kv) >= 2:
                        cands.append((t, r, role, c, kv))
        rng.shuffle(cands)
        for t, r, role, c, kv in cands:
            v = D(c.printed.replace(",", ""))
            uniq = [x for x in kv if kv.count(x) == 1 and MIN_CHANGE <= x < v]
            if not uniq:
                continue
            child = rng.choice(uniq)
            new = v - child if family == "missing_child" else v + child
            if new <= 0 or diagnose(v, new) is not None:
                continue
            return set_cell(g, t, r, role, c, new, family, family)
        raise NoTarget(family)
    if family == "cross_table":
        cands = []
        for t in g.tables:
            for r in t.rows:
                if t.kind in ("expenditure", "gpb_expenditure", "income") and r.code \
                        and len(r.code) == 3:
                    cands.append((t, r, "total"))
                elif t.kind in ("summary", "fiscal_summary") and r.side == "expenditure" \
                        and r.key in CLASS_KEYS and "amount" in r.cells:
                    cands.append((t, r, "amount"))
                elif t.kind == "fiscal_summary" and r.side == "expenditure" \
                        and r.key in CLASS_KEYS and "total" in r.cells:
                    cands.append((t, r, "total"))
        t, r, role = rng.choice(cands)
        c = r.cells[role]
        v = D(c.printed.replace(",", ""))
        new = random_delta(g, rng, v, scale_of(c.printed))
        return set_cell(g, t, r, role, c, new, family, None)
    if family == "three_public":
        t = g.table("three_public")
        r = t.rows[0]  # 合计: the row the narrative states
        roles = [x for x in ("abroad", "vehicle_purchase", "vehicle_operation", "reception")
                 if x in r.cells]
        if not roles:
            raise NoTarget(family)
        role = rng.choice(roles)
        c = r.cells[role]
        v = D(c.printed.replace(",", ""))
        new = random_delta(g, rng, v, scale_of(c.printed))
        return set_cell(g, t, r, role, c, new, family, None)
    if family == "performance_weights":
        perf = [t for t in g.tables if t.kind == "performance_project"]
        t = rng.choice(perf)
        r = rng.choice(t.rows)
        w = r.weight
        # Each printed weight stands for the interval that rounds to it (SPEC
        # §5): n integer weights add up to 100 ± n/2.  The change must be beyond
        # that, and not land on 90 ± n/2 (the listed weights of tables that
        # leave out the 10-point 预算执行率 indicator by convention).
        half = len(t.rows) // 2
        delta = half + rng.randint(1, 6)
        if rng.random() < 0.4 and w - (10 + half + 1) > 0:
            delta = -(10 + half + rng.randint(1, min(6, w - 11 - half)))
        r.text["weight"] = str(w + delta)
        return {"family": family, "table": t.kind, "row": norm_label(r.label),
                "column": "weight", "line": None, "changed_line": None, "cause": None,
                "original": str(w), "printed": r.text["weight"], "_row": r, "_table": t}
    if family in ("narrative", "narrative_slip"):
        cands = [c for c in g.claims
                 if c["class"] in ("income_total", "expenditure_total", "expenditure_class",
                                   "basic", "project", "gpb_income_total",
                                   "gpb_expenditure_total", "three_public_total",
                                   "operating_expenses", "performance_amount")
                 and D(c["value"]) >= 1]
        if not cands:
            raise NoTarget(family)
        cl = rng.choice(cands)
        v = D(cl["value"])
        cause = None
        if family == "narrative_slip":  # a printing slip of the stated figure
            new, cause = narrative_slip(v, scale_of(cl["value"]), rng)
        else:
            new = random_delta(g, rng, v, scale_of(cl["value"]))
        cl["new"] = fmt_scale(new, scale_of(cl["value"]))
        return {"family": family, "table": "narrative", "row": cl["label"],
                "column": cl["class"], "line": cl["line"], "cause": cause,
                "original": cl["value"], "printed": cl["new"], "_claim": cl}
    if family in ("narrative_rate", "narrative_share"):
        return inject_percentage(g, family, rng)
    if family == "narrative_direction":
        if not g.versus_lines:
            raise NoTarget(family)
        n, word = rng.choice(g.versus_lines)
        wrong = rng.choice([w for w in ("小于", "大于", "等于") if w != word])
        g.lines[n - 1] = g.lines[n - 1].replace("决算数" + word, "决算数" + wrong, 1)
        # reported at the words, with the actual figure (the line before) as its actual
        m = None
        for k in range(n - 2, max(n - 6, -1), -1):
            m = m or __import__("re").search(r"支出决算为 ([0-9.]+) 万元", g.lines[k])
        return {"family": family, "table": "narrative", "row": "支出决算",
                "column": None, "line": n, "cause": "direction",
                "original": word, "printed": m.group(1) if m else None}
    if family in WORDING_FAMILIES:
        return inject_wording(g, family, rng)
    raise ValueError("unknown family %s" % family)


def narrative_slip(v, scale, rng):
    """A stated figure printed with a slip: ten times itself, in 元 for 万元
    (×10⁴) or with two adjacent digits swapped; (new value, cause)."""
    kind = rng.choice(["decimal_shift", "unit_slip", "transposed_digits"])
    if kind == "transposed_digits":
        s = fmt_scale(v, scale)
        digs = [i for i, ch in enumerate(s) if ch.isdigit()]
        pairs = [(a, b) for a, b in zip(digs, digs[1:]) if b == a + 1 and s[a] != s[b]
                 and not (a == 0 and s[b] == "0")]
        if pairs:
            a, b = rng.choice(pairs)
            new = D(s[:a] + s[b] + s[a] + s[b + 1:])
            if diagnose(v, new) == kind:
                return new, kind
        kind = "decimal_shift"
    return (v * 10, kind) if kind == "decimal_shift" else (v * 10000, kind)


def inject_percentage(g, family, rng):
    """A stated rate ("增长 12.08 %") or share ("占 55.10 %") printed wrong:
    ten times itself (a decimal shift) or off by a few points."""
    cls_ok = (lambda c: c["label"] in ("增长", "下降")) if family == "narrative_rate" \
        else (lambda c: c["label"] == "占")
    cands = [c for c in g.claims if cls_ok(c) and D(c["value"]) >= D("0.5")]
    if not cands:
        raise NoTarget(family)
    cl = rng.choice(cands)
    v = D(cl["value"])
    if family == "narrative_rate" and rng.random() < 0.5:
        new, cause = v * 10, "decimal_shift"
    else:
        delta = D(rng.randint(30, 300)) / 100
        new = v + delta if (family == "narrative_share" or rng.random() < 0.5 or v <= delta) \
            else v - delta
        cause = None
        if abs(new - v * 10) < D("0.1") or abs(new * 10 - v) < D("0.1"):
            new, cause = v * 10, "decimal_shift"
    cl["new"] = format(q2(new), ".2f")
    return {"family": family, "table": "narrative", "row": cl["label"], "column": cl["class"],
            "line": cl["line"], "cause": cause, "original": cl["value"], "printed": cl["new"],
            "_claim": cl}


# --------------------------------------------------------------------------
# Wording defects (plugins/wording): changed in the printed narrative
# --------------------------------------------------------------------------

WORDING_FAMILIES = ("placeholder", "wrong_year")
AFTER_RENDER = NARRATIVE_FAMILIES + WORDING_FAMILIES


def inject_group(name):
    """The families --inject NAME rotates over: all; figures (the changed
    table and narrative figures, without the sentence and wording families,
    so a corpus of them is the one it was before those were added);
    sentences (a rate, a share, a direction word of the narrative); wording."""
    if name == "figures":
        return [f for f in FAMILIES if f not in WORDING_FAMILIES and f not in SENTENCE_FAMILIES]
    if name == "wording":
        return list(WORDING_FAMILIES)
    if name == "sentences":
        return list(SENTENCE_FAMILIES)
    return FAMILIES if name == "all" else None


INJECT_CHOICES = FAMILIES + ["all", "figures", "wording", "sentences"]


def wording_side(family, check, line, row, original, printed):
    """The expected finding: a warning of `check` at the changed line."""
    return {"family": family, "table": "narrative", "row": row, "column": None, "line": line,
            "cause": None, "original": original, "printed": printed, "check": check,
            "severity": "warning"}


def inject_wording(g, family, rng):
    """placeholder: the department's name in a sentence (its 单位构成) or the
    contact's name left as a template's XX局 / 某某 / ××; wrong_year: the year
    of the 截至 date of the assets or of a comparison with the previous year
    (比 2021 年增加, 与 2021 年持平) changed to one that is not the document's."""
    import re
    cands = []
    for i, line in enumerate(g.lines):
        if family == "placeholder":
            if g.short + "内设" in line:
                new = rng.choice(["XX局", "某某单位", "××单位"])
                cands.append((i, line.index(g.short), g.short, new, new[:2]))
            m = re.search("公开联系人：(.+)$", line)
            if m:
                new = rng.choice(["XXX", "某某", "××"])
                cands.append((i, m.start(1), m.group(1), new, new))
        else:
            for pat in (r"(?:截至|截止) (\d{4}) 年 12 月", r"比 (\d{4}) 年(?:增加|减少)",
                        r"与 (\d{4}) 年持平"):
                for m in re.finditer(pat, line):
                    y = int(m.group(1))
                    new = str(rng.choice([y - 1, y + 1]))
                    cands.append((i, m.start(1), m.group(1), new, new))
    if not cands:
        raise NoTarget(family)
    i, at, old, new, row = rng.choice(cands)
    g.lines[i] = g.lines[i][:at] + new + g.lines[i][at + len(old):]
    check = "wording.placeholders" if family == "placeholder" else "wording.years"
    return wording_side(family, check, i + 1, row, old, new)


def set_cell(g, t, r, role, c, new, family, cause):
    # one figure in two roles (basic_panels: a panel row's part and total):
    # the change is at the part its panel prints
    role = next((x for x, y in r.cells.items() if y is c and x != "total"), role)
    orig = c.printed
    c.printed = reprint(c, new)
    idx = [x for x in g.tables if x.kind == t.kind].index(t)
    return {"family": family, "table": t.kind, "table_index": idx, "row": row_key(t, r),
            "column": role, "line": None, "cause": cause, "original": orig.replace(",", ""),
            "printed": c.printed.replace(",", ""), "_row": r, "_table": t}


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------

def make_document(seed, family=None, rounding=None, vary=None, vary_p=0.5, layout="tab"):
    """One document: (text, model, sidecar or None, vary record or None)."""
    for attempt in range(50):
        s = seed * 1000 + attempt
        g = Generator(s, rounding or ("exact" if family else "lossy"), vary, vary_p, layout,
                      FAMILY_NEEDS.get(family))
        g.build()
        g.apply_rounding()
        side = None
        irng = random.Random(s ^ 0x5EED)
        try:
            if family and family not in AFTER_RENDER:
                side = inject(g, family, irng)  # a table figure: before printing
            g.render()
            if family in AFTER_RENDER:
                side = inject(g, family, irng)  # a stated figure, wording: once stated
        except (NoTarget, IndexError):
            continue
        if side:
            cl = side.pop("_claim", None)
            if cl:
                patch_claim(g, cl)
            if "_row" in side:
                r = side.pop("_row")
                t = side.pop("_table")
                side["line"] = r.line
                if family == "performance_weights":
                    side["changed_line"] = r.line
                    side["line"] = None
                    side["accept_lines"] = [t.line, t.end]
        rec = None
        if vary is not None or layout != "tab":
            rec = {"families": dict(g.vary), "layout": g.layout, "detail": g.vary_detail}
        return g.text(), g.model(), side, rec
    raise RuntimeError("could not inject %s (seed %d)" % (family, seed))


def patch_claim(g, cl):
    """Print a changed narrative figure (the first occurrence on its line)."""
    i = cl["line"] - 1
    line = g.lines[i]
    old = cl["value"]
    label = cl["label"]
    # the figure stated right after its label
    pos = line.find(label)
    at = line.find(" " + old + " ", pos if pos >= 0 else 0)
    if at < 0:  # a rate or share: "增长 12.08 %", "占 55.10 %"
        at = line.find(" " + old + "%", pos if pos >= 0 else 0)
    if at < 0:
        raise RuntimeError("claim %s %s not found on line %d" % (label, old, cl["line"]))
    g.lines[i] = line[:at + 1] + cl["new"] + line[at + 1 + len(old):]
    cl["value"] = cl["new"]


def drawing_unavailable(layout):
    """None when documents of this layout can be made, else why not."""
    why = render_pdf.available()
    if not why and layout == "pdftotext" and not shutil.which("pdftotext"):
        why = "pdftotext is not installed (apt-get install poppler-utils)"
    return why


def parse_vary(spec):
    """'all' or a comma-separated list of families → list of families."""
    if not spec:
        return None
    if spec == "all":
        return list(VARY_FAMILIES)
    fams = [x.strip() for x in spec.split(",") if x.strip()]
    bad = [x for x in fams if x not in VARY_FAMILIES]
    if bad:
        raise ValueError("unknown variation families: %s" % ", ".join(bad))
    return fams


def to_pdf_lines(mapping, model, side):
    """Model and sidecar lines as the pdf reader numbers them (render_pdf's
    line map: non-blank lines counted through the document), with the page
    of every table, row and claim; the layout text's line kept as text_line."""
    def pl(no):
        return mapping[no][1] if no else no

    for t in model["tables"]:
        t["text_line"] = t["line"]
        t["page"] = mapping[t["line"]][0] if t["line"] else None
        t["line"], t["end"] = pl(t["line"]), pl(t["end"])
        for r in t["rows"]:
            r["text_line"] = r["line"]
            r["page"] = mapping[r["line"]][0]
            r["line"] = pl(r["line"])
            if "wrapped" in r:
                r["wrapped"] = [pl(x) for x in r["wrapped"]]
            if "label_line" in r:
                r["label_line"] = pl(r["label_line"])
    for c in model["claims"]:
        c["text_line"] = c["line"]
        c["page"] = mapping[c["line"]][0]
        c["line"] = pl(c["line"])
    if side:
        for k in ("line", "changed_line"):
            if side.get(k):
                side["text_" + k] = side[k]
                side[k] = pl(side[k])
        if side.get("accept_lines"):
            side["accept_lines"] = [pl(x) for x in side["accept_lines"]]


def pdftotext_layout(pdf, txt):
    """`pdftotext -layout pdf txt` (poppler-utils); the text's line number of
    every non-blank line, in order: pdftotext prints one non-blank line for
    each line the pdf reader counts, the vertical gaps as blank lines."""
    subprocess.run(["pdftotext", "-layout", pdf, txt], check=True)
    with open(txt, encoding="utf-8") as f:
        lines = f.read().split("\n")
    return [no for no, ln in enumerate(lines, 1) if ln.replace("\f", "").strip()]


def to_text_lines(nonblank, model, side):
    """Model and sidecar lines (pdf lines, to_pdf_lines) as lines of the text
    pdftotext printed: pdf line k is its k-th non-blank line."""
    def tl(no):
        return nonblank[no - 1] if no else no

    for t in model["tables"]:
        t["line"], t["end"] = tl(t["line"]), tl(t["end"])
        for r in t["rows"]:
            r["line"] = tl(r["line"])
            if "wrapped" in r:
                r["wrapped"] = [tl(x) for x in r["wrapped"]]
            if "label_line" in r:
                r["label_line"] = tl(r["label_line"])
    for c in model["claims"]:
        c["line"] = tl(c["line"])
    if side:
        for k in ("line", "changed_line"):
            if side.get(k):
                side[k] = tl(side[k])
        if side.get("accept_lines"):
            side["accept_lines"] = [tl(x) for x in side["accept_lines"]]


def generate(out, docs, seed, inject_family=None, rounding=None, vary=None, vary_p=None,
             layout="tab", jobs=1):
    """Write the corpus; [(path, model, inject sidecar, vary record)].

    vary: 'all' or 'f1,f2' (families drawn per document with probability
    vary_p: default 0.5 with 'all', 1 with a list).  layout pdf: the space
    layout drawn as NNNN_<hex>.pdf (render_pdf.py, on `jobs` processes), the
    text kept as NNNN_<hex>.layout."""
    fams = parse_vary(vary)
    if vary_p is None:
        vary_p = 0.5 if vary == "all" else 1.0
    os.makedirs(out, exist_ok=True)
    master = random.Random(seed)
    written = []
    pool = None
    drawn = layout in ("pdf", "pdftotext")
    if drawn and jobs > 1:
        import concurrent.futures
        pool = concurrent.futures.ProcessPoolExecutor(jobs)
    for i in range(docs):
        s = master.randrange(1 << 30)
        fam = None
        if inject_group(inject_family):
            group = inject_group(inject_family)
            fam = group[i % len(group)]
        elif inject_family:
            fam = inject_family
        text, model, side, rec = make_document(s, fam, rounding, fams, vary_p,
                                               "pdf" if drawn else layout)
        name = "%04d_%08x" % (i, s)
        path = os.path.join(out, name + ".txt")
        mapping = None
        if drawn:
            # the space layout drawn as a PDF; the text kept as .layout (not
            # *.txt: `budgetrec check DIR` reads the PDF only)
            with open(os.path.join(out, name + ".layout"), "w", encoding="utf-8") as f:
                f.write(text)
            path = os.path.join(out, name + ".pdf")
            mapping = pool.submit(render_pdf.render, text, path) if pool else \
                render_pdf.render(text, path)
            rec["layout"] = layout
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        written.append((path, model, side, rec, name, mapping))
    if pool:
        pool.shutdown()
    for i, (path, model, side, rec, name, mapping) in enumerate(written):
        if mapping is not None:
            to_pdf_lines(mapping if isinstance(mapping, dict) else mapping.result(), model, side)
        if layout == "pdftotext":
            # the PDF's text as a user gets it; the PDF kept as *.pdf.src
            # (a directory check reads the text only)
            txt = os.path.join(out, name + ".txt")
            to_text_lines(pdftotext_layout(path, txt), model, side)
            os.replace(path, path + ".src")
            path = txt
            written[i] = (path, model, side, rec, name, mapping)
        with open(os.path.join(out, name + ".model.json"), "w", encoding="utf-8") as f:
            json.dump(model, f, ensure_ascii=False, indent=0)
        if side is not None:
            with open(os.path.join(out, name + ".inject.json"), "w", encoding="utf-8") as f:
                json.dump(side, f, ensure_ascii=False, indent=1)
        if rec is not None:
            with open(os.path.join(out, name + ".vary.json"), "w", encoding="utf-8") as f:
                json.dump(rec, f, ensure_ascii=False, indent=1)
    return [w[:4] for w in written]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="directory to write into")
    ap.add_argument("--docs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--inject", choices=INJECT_CHOICES)
    ap.add_argument("--rounding", choices=["lossy", "lossless", "exact"])
    ap.add_argument("--vary", help="variation families: all or FAMILY[,FAMILY…] (%s)"
                    % ", ".join(VARY_FAMILIES))
    ap.add_argument("--vary-p", type=float,
                    help="probability of each family per document (default 0.5 with all, "
                         "1 with a list)")
    ap.add_argument("--layout", choices=["tab", "space", "mixed", "pdf", "pdftotext"],
                    default="tab")
    ap.add_argument("--jobs", type=int, default=1, help="processes drawing PDFs (--layout pdf)")
    a = ap.parse_args(argv)
    try:
        parse_vary(a.vary)
    except ValueError as e:
        ap.error(str(e))
    if a.layout in ("pdf", "pdftotext") and drawing_unavailable(a.layout):
        ap.error("--layout %s: %s" % (a.layout, drawing_unavailable(a.layout)))
    generate(a.out, a.docs, a.seed, a.inject, a.rounding, a.vary, a.vary_p, a.layout, a.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
