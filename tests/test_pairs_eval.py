"""benchmarks/pairs_eval.py on tiny synthetic submissions (the real pairs are measured by running the script)."""
from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal

from conftest import ROOT


def _module():
    spec = importlib.util.spec_from_file_location("pairs_eval", ROOT / "benchmarks" / "pairs_eval.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["pairs_eval"] = mod
    spec.loader.exec_module(mod)
    return mod


PE = _module()

SCH = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:link="http://www.xbrl.org/2003/linkbase">
<xs:annotation><xs:appinfo>
<link:roleType roleURI="http://co/role/BalanceSheet" id="bs"><link:definition>101 - Statement - Balance Sheets</link:definition></link:roleType>
<link:roleType roleURI="http://co/role/Debt" id="debt"><link:definition>105 - Disclosure - Note 3 - Debt</link:definition></link:roleType>
</xs:appinfo></xs:annotation></xs:schema>"""

PRE = """<linkbase xmlns="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
<presentationLink xlink:type="extended" xlink:role="http://co/role/BalanceSheet">
<loc xlink:type="locator" xlink:href="http://xbrl.us/us-gaap/2009-01-31/us-gaap-2009-01-31.xsd#us-gaap_Assets" xlink:label="a"/>
<loc xlink:type="locator" xlink:href="http://xbrl.us/us-gaap/2009-01-31/us-gaap-2009-01-31.xsd#us-gaap_AccountsPayable" xlink:label="b"/>
<loc xlink:type="locator" xlink:href="co-20091231.xsd#co_WidgetReserve" xlink:label="c"/>
</presentationLink>
<presentationLink xlink:type="extended" xlink:role="http://co/role/Debt">
<loc xlink:type="locator" xlink:href="http://xbrl.us/us-gaap/2009-01-31/us-gaap-2009-01-31.xsd#us-gaap_LongTermDebt" xlink:label="d"/>
</presentationLink></linkbase>"""


def instance(facts: list[tuple[str, str, str, str]]) -> bytes:
    """facts: (prefix, name, context id, value); contexts I (instant 2009-12-31) and D (with a dimension)."""
    ns = {"us-gaap": "http://xbrl.us/us-gaap/2009-01-31", "co": "http://co.example/20091231",
          "ext": "http://edgar2xbrl/co/20091231", "dei": "http://xbrl.us/dei/2009-01-31"}
    body = "".join(f'<{p}:{n} contextRef="{c}" unitRef="U" decimals="-6">{v}</{p}:{n}>' for p, n, c, v in facts)
    decl = " ".join(f'xmlns:{p}="{u}"' for p, u in ns.items())
    return (f'<xbrl xmlns="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" {decl}>'
            '<context id="I"><entity><identifier scheme="http://www.sec.gov/CIK">1</identifier></entity>'
            '<period><instant>2009-12-31</instant></period></context>'
            '<context id="D"><entity><identifier scheme="http://www.sec.gov/CIK">1</identifier><segment>'
            '<xbrldi:explicitMember dimension="us-gaap:X">us-gaap:Y</xbrldi:explicitMember></segment></entity>'
            '<period><instant>2009-12-31</instant></period></context>'
            f'<unit id="U"><measure>iso4217:USD</measure></unit>{body}</xbrl>').encode()


class FakeDeprecations:
    table = {"AccountsPayable": ["AccountsPayableCurrent", "AccountsPayableCurrentAndNoncurrent"], "SalesRevenueNet": []}

    def candidates(self, name):
        return self.table.get(name, [name])

    def is_deprecated(self, name):
        return name in self.table


def test_face_concepts_come_from_statement_roles():
    assert PE.face_concepts(SCH, PRE) == {"Assets", "AccountsPayable", "WidgetReserve"}


def test_documents_split_a_submission():
    sub = ("<DOCUMENT>\n<TYPE>10-K\n<TEXT>x</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-101.PRE\n<TEXT>\n<XBRL>\n"
           f"{PRE}\n</XBRL>\n</TEXT>\n</DOCUMENT>")
    assert list(PE.documents(sub)) == ["EX-101.PRE"]


def test_evaluate_splits_and_is_fair():
    filer = instance([
        ("us-gaap", "Assets", "I", "100"),              # face, found, same concept
        ("us-gaap", "AccountsPayable", "I", "40"),      # face, deprecated 2008 name -> AccountsPayableCurrent
        ("co", "WidgetReserve", "I", "7"),              # face, filer extension: found, not counted for agreement
        ("us-gaap", "LongTermDebt", "I", "55"),         # note, found under another concept
        ("us-gaap", "SalesRevenueNet", "I", "300"),     # note, deprecated with no replacement
        ("us-gaap", "Liabilities", "I", "999"),         # note, not found
        ("us-gaap", "Assets", "D", "60"),               # dimensional: left out
        ("dei", "EntityCommonStockSharesOutstanding", "I", "5"),  # dei: left out
    ])
    ours = PE.numeric_facts(instance([
        ("us-gaap", "Assets", "I", "100"), ("us-gaap", "AccountsPayableCurrent", "I", "-40"),
        ("ext", "WidgetReserve", "I", "7"), ("us-gaap", "OtherLiabilities", "I", "55"),
        ("us-gaap", "Revenues", "I", "300"), ("ext", "Other", "I", "1"),
    ]))
    report = {"rows": [
        {"concept": "us-gaap:Assets", "period": "2009-12-31", "dimensions": {}, "confidence": 1.0},
        {"concept": "us-gaap:AccountsPayableCurrent", "period": "2009-12-31", "dimensions": {}, "confidence": 0.75},
        {"concept": "us-gaap:OtherLiabilities", "period": "2009-12-31", "dimensions": {}, "confidence": 0.55},
        {"concept": "us-gaap:Revenues", "period": "2009-12-31", "dimensions": {}, "confidence": 0.95},
    ]}
    pair = PE.Pair("p", ROOT, filer, "1", None)
    r = PE.evaluate(pair, PE.face_concepts(SCH, PRE), ours, report, FakeDeprecations())
    assert r["filer_facts"] == {"face": 3, "notes": 3}
    assert r["found"] == {"face": 3, "notes": 2}
    assert r["found_extension"] == {"face": 1, "notes": 0}
    assert r["deprecated_no_replacement"] == {"face": 0, "notes": 1}
    assert r["eligible"] == {"face": 2, "notes": 1}
    assert r["same_concept"] == {"face": 2, "notes": 0}
    assert r["same_name_before_mapping"] == {"face": 1, "notes": 0}
    assert r["mapped_forward"] == {"face": 1, "notes": 0}
    assert (r["ours_numeric"], r["ours_extension"]) == (6, 2)
    assert (r["filer_numeric"], r["filer_extension"]) == (8, 1)
    # Revenues matches SalesRevenueNet, which is not eligible: not in the calibration
    assert r["calibration"] == {">= 0.9": [1, 1], "0.7-0.9": [1, 1], "0.5-0.7": [1, 0], "< 0.5": [0, 0]}
    assert PE.numeric_facts(filer)[0].value == Decimal("100")
