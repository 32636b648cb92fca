"""How a claim stands in its sentence (Claim.sentence, role, of, base_class,
versus, compared_with), and the narrative's coverage, from Python."""
from decimal import Decimal

import budgetrec as br

FINAL = ("某区规划和自然资源局 2024 年度部门决算情况说明\n"
         "一、一般公共预算财政拨款支出决算情况说明\n"
         "本年支出合计 9759.38 万元，其中：基本支出 5377.64 万元，占 55.10%；"
         "项目支出 4381.74 万元，占 44.90%。\n"
         "年初预算为 452.40 万元，支出决算为 446.11 万元，完成年初预算的 98.61%。\n"
         "决算数大于预算数的主要原因：年中社会保险缴费基数变更。\n"
         "项目支出 4381.74 万元，比上年决算数增加 100.00 万元，增长 2.43%。\n")


def test_claim_forms(tmp_path):
    p = tmp_path / "final.txt"
    p.write_text(FINAL, encoding="utf-8")
    d = br.load(str(p))
    c = d.claims
    assert [x.role for x in c] == ["amount", "amount", "share", "amount", "share", "budget",
                                   "amount", "completion", "amount", "change", "rate"]
    assert (c[2].of, c[4].of, c[6].of, c[7].of, c[9].of, c[10].of) == (1, 3, 5, 6, 8, 9)
    assert c[6].versus == "increase" and c[6].versus_line == 5
    assert c[9].compared_with == "last_year" and c[0].compared_with is None
    assert c[0].sentence == 1 and c[10].sentence == c[9].sentence
    assert c[2].value == Decimal("55.10")
    r = d.check(only=["narrative.direction", "narrative.arithmetic", "narrative.shares"])
    found = [(f.check, f.line, f.cause) for f in r.findings]
    assert found == [("narrative.arithmetic", 6, None), ("narrative.direction", 5, "direction")]
    cov = d.check().coverage
    assert cov["claims"] == 11 and cov["claims_checked"] >= 9
