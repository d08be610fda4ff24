"""Deprecation chains 2009 -> 2024 (taxonomy/build_deprecations.py, converter/tag/deprecations.py)."""
from __future__ import annotations

import csv
import importlib.util
import re
import sys
import zipfile

import pytest

from conftest import ROOT, SHARED
from edgar2xbrl.tag.deprecations import load_deprecations, read_deprecations

TAX = SHARED / "taxonomies"
HIST = TAX / "history"


def _builder():
    spec = importlib.util.spec_from_file_location("build_deprecations", ROOT / "taxonomy" / "build_deprecations.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_deprecations"] = mod
    spec.loader.exec_module(mod)
    return mod


B = _builder()
ARC = "http://www.xbrl.org/2009/arcrole/"
KIND_ARCROLE = {
    "concept": ARC + "dep-concept-deprecatedConcept",
    "alias": "http://www.xbrl.org/2003/arcrole/essence-alias",
    "dimensional": ARC + "dep-dimensionallyQualifiedConcept-deprecatedConcept",
    "aggregate": ARC + "dep-aggregateConcept-deprecatedPartConcept",
    "exclusive": ARC + "dep-mutuallyExclusiveConcept-deprecatedConcept",
    "part": ARC + "dep-partConcept-deprecatedAggregateConcept",
}


def linkbase(year: int, arcs: list[tuple[str, str, str]]) -> bytes:
    """A deprecation definition linkbase in the official layout: arcs are (kind, current, deprecated)."""
    names = sorted({n for _, a, b in arcs for n in (a, b)})
    locs = "".join(
        f"<link:loc xlink:type='locator' xlink:label='loc_{n.replace(':', '_')}' "
        f"xlink:href='{'us-gaap-%d.xsd#us-gaap_%s' % (year, n) if ':' not in n else '%s.xsd#%s_%s' % (n.split(':')[0], *n.split(':'))}'/>"
        for n in names)
    arcs_xml = "".join(
        f"<link:definitionArc xlink:type='arc' xlink:arcrole='{KIND_ARCROLE[k]}' "
        f"xlink:from='loc_{a.replace(':', '_')}' xlink:to='loc_{b.replace(':', '_')}'/>" for k, a, b in arcs)
    return (f"<link:linkbase xmlns:link='http://www.xbrl.org/2003/linkbase' xmlns:xlink='http://www.w3.org/1999/xlink'>"
            f"<link:definitionLink xlink:type='extended' xlink:role='http://fasb.org/us-gaap/role/deprecated/deprecated'>"
            f"{locs}{arcs_xml}</link:definitionLink></link:linkbase>").encode()


def synthetic_rows():
    files = [
        ("dep-def-2011-01-31", linkbase(2011, [
            ("concept", "B", "A"),                       # A -> B in 2011 ...
            ("alias", "B", "A"),
            ("exclusive", "E", "D"), ("exclusive", "F", "D"),   # D -> E or F
            ("part", "H", "G"), ("part", "I", "G"),      # G split into H and I
            ("concept", "M", "L"),                       # L deprecated, later reinstated
            ("concept", "S", "R"),                       # restated in 2012
            ("concept", "Q", "P"), ("concept", "V", "U"),
        ])),
        ("dep-def-2012-01-31", linkbase(2012, [
            ("concept", "T", "R"),
            ("concept", "P", "Q"),                       # Q -> P: a cycle back to a current name
            ("dimensional", "K", "J"), ("dimensional", "SegmentAxis", "J"), ("dimensional", "srt:FooMember", "J"),
        ])),
        ("depcon-def-2018-01-31", linkbase(2018, [("concept", "C", "B")])),   # ... and B -> C in 2018
        ("depcon-def-2024", linkbase(2024, [("aggregate", "W", "C2")])),
    ]
    names_2024 = {"C", "E", "F", "H", "I", "K", "L", "M", "P", "T", "W", "C2", "SegmentAxis"}
    edgar = {"N": "2019", "V": "2020", "X2025": "2025"}
    return {(r["deprecated"], r["replacement"]): r for r in B.build(files, names_2024, edgar, {}, {})}


def test_chain_across_years():
    rows = synthetic_rows()
    r = rows[("A", "C")]
    assert (r["role"], r["status"], r["chain"]) == ("primary", "resolved", "A>B>C")
    assert r["relation"] == "concept>concept"
    assert r["sources"] == "dep-def-2011-01-31>depcon-def-2018-01-31"
    assert rows[("B", "C")]["chain"] == "B>C"
    assert ("A", "B") not in rows  # B is not a 2024 name: only the end of the chain is written


def test_one_to_many_kept_and_marked():
    rows = synthetic_rows()
    assert {rows[("D", "E")]["role"], rows[("D", "F")]["role"]} == {"ambiguous"}
    assert rows[("D", "E")]["relation"] == "exclusive"
    assert {rows[("G", "H")]["role"], rows[("G", "I")]["role"]} == {"ambiguous"}
    j = rows[("J", "K")]
    assert j["role"] == "primary" and j["relation"] == "dimensional"
    assert j["qualifiers"] == "SegmentAxis srt:FooMember"
    assert ("J", "SegmentAxis") not in rows


def test_latest_file_wins_and_current_names_stay():
    rows = synthetic_rows()
    assert ("R", "T") in rows and ("R", "S") not in rows
    assert rows[("L", "L")]["status"] == "reinstated"
    assert rows[("Q", "P")]["chain"] == "Q>P" and rows[("P", "P")]["status"] == "reinstated"
    assert rows[("C2", "W")]["relation"] == "aggregate"
    assert rows[("N", "")]["status"] == "no-replacement" and rows[("N", "")]["role"] == "none"
    assert rows[("U", "V")]["status"] == "chain-ends-deprecated"
    assert not any(d == "X2025" for d, _ in rows)  # deprecated after 2024: still current in 2024


def test_module_reads_the_table(tmp_path):
    path = tmp_path / "dep.csv"
    B.write(list(synthetic_rows().values()), path)
    dep = read_deprecations(path)
    assert dep.forward("A") == "C" and dep.forward("us-gaap:A") == "C"
    assert dep.forward("Assets") == "Assets" and dep.candidates("Assets") == ["Assets"]
    assert dep.forward("D") is None and sorted(dep.candidates("D")) == ["E", "F"]
    assert dep.forward("N") is None and dep.candidates("N") == []
    assert dep.forward("L") == "L" and not dep.is_deprecated("L")
    assert dep.is_deprecated("A") and "A" in dep
    assert dep.forward("J") == "K"


# --- the real files -------------------------------------------------------------------------------------------

real = pytest.mark.skipif(not (HIST / "dep").is_dir() or not (TAX / "us-gaap-2024-partial.zip").exists(),
                          reason="../shared/taxonomies is not present")


def _raw_arcs(text: str) -> set[tuple[str, str, str]]:
    """(arcrole tail, from, to) straight from the XML text by regex, independent of the builder."""
    loc = dict(re.findall(r"xlink:label=['\"]([^'\"]+)['\"][^>]*?xlink:href=['\"][^#]*#[a-z-]+_([^'\"]+)['\"]", text))
    loc.update({lab: n for n, lab in re.findall(
        r"xlink:href=['\"][^#]*#[a-z-]+_([^'\"]+)['\"][^>]*?xlink:label=['\"]([^'\"]+)['\"]", text)})
    out = set()
    for arc in re.findall(r"<(?:link:)?definitionArc\b[^>]*>", text):
        role = re.search(r"arcrole=['\"][^'\"]*/([^/'\"]+)['\"]", arc).group(1)
        f = re.search(r"xlink:from=['\"]([^'\"]+)", arc).group(1)
        t = re.search(r"xlink:to=['\"]([^'\"]+)", arc).group(1)
        out.add((role, loc[f], loc[t]))
    return out


@real
def test_committed_table_is_what_the_script_builds():
    rows = B.build(*B.read_sources(TAX))
    with open(ROOT / "taxonomy" / "deprecations.csv", newline="", encoding="utf-8") as f:
        committed = list(csv.DictReader(f))
    assert committed == rows


@real
def test_known_mappings_match_the_official_files():
    dep = load_deprecations()
    arcs11 = _raw_arcs((HIST / "dep" / "us-gaap-dep-def-2011-01-31.xml").read_text())
    arcs12 = _raw_arcs((HIST / "dep" / "us-gaap-dep-def-2012-01-31.xml").read_text())
    arcs13 = _raw_arcs((HIST / "dep" / "us-gaap-dep-def-2013-01-31.xml").read_text())
    with zipfile.ZipFile(TAX / "us-gaap-2024-partial.zip") as z:
        arcs24 = _raw_arcs(z.read("us-gaap-2024/elts/us-gaap-depcon-def-2024.xml").decode())
    names_2024 = set(re.findall(r'"us_gaap_tag": "([^"]+)"',
                                (HIST / "lists" / "fintagging-us_gaap_2024_BM25.jsonl").read_text()))
    edgar = (HIST / "deprecation" / "arelle-edgar-us-gaap-deprecated-concepts.json").read_text()

    # The names issue 6 quotes as misses were not deprecated: all three are plain 2024 names (in the 2024 schema's
    # element list, in no deprecation file), so they map to themselves.
    for name in ("CostOfRevenue", "PaymentsToAcquirePropertyPlantAndEquipment", "NonoperatingIncomeExpense"):
        assert name in names_2024 and f'"{name}"' not in edgar
        assert not any(name == t for arcs in (arcs11, arcs12, arcs13, arcs24) for _, _, t in arcs)
        assert dep.forward(name) == name
    # The excess tax benefit concepts were deprecated in 2022 (EDGAR resource) and no linkbase names a replacement
    # (ASU 2016-09 removed the item).
    for name in ("ExcessTaxBenefitFromShareBasedCompensationOperatingActivities",
                 "ExcessTaxBenefitFromShareBasedCompensationFinancingActivities"):
        assert f'"{name}": "2022"' in edgar and not any(name == t for _, _, t in arcs24)
        assert dep.forward(name) is None and dep.candidates(name) == []
        assert dep.rows(name)[0].status == "no-replacement"

    # one-to-many: AccountsPayable (a 2008 name) is either current or current-and-noncurrent
    assert ("dep-mutuallyExclusiveConcept-deprecatedConcept", "AccountsPayableCurrent", "AccountsPayable") in arcs11
    assert ("dep-mutuallyExclusiveConcept-deprecatedConcept", "AccountsPayableCurrentAndNoncurrent",
            "AccountsPayable") in arcs11
    assert dep.forward("AccountsPayable") is None
    assert sorted(dep.candidates("AccountsPayable")) == ["AccountsPayableCurrent", "AccountsPayableCurrentAndNoncurrent"]

    # a chain: 2012 renames the 2009-2011 "OtherComprehensiveIncome..." concepts, 2013 renames them again ("FromAOCI")
    old = "OtherComprehensiveIncomeReclassificationAdjustmentOnSecuritiesIncludedInNetIncomeTax"
    mid = "OtherComprehensiveIncomeLossReclassificationAdjustmentForSaleOfSecuritiesIncludedInNetIncomeTax"
    new = "OtherComprehensiveIncomeLossReclassificationAdjustmentFromAOCIForSaleOfSecuritiesTax"
    assert ("dep-concept-deprecatedConcept", mid, old) in arcs12
    assert ("dep-concept-deprecatedConcept", new, mid) in arcs13
    assert new in names_2024
    assert dep.forward(old) == new
    assert dep.rows(old)[0].chain == f"{old}>{mid}>{new}"

    # 2024 depcon, dimensional: due from officers -> other receivables qualified by the officer member
    assert ("dep-dimensionallyQualifiedConcept-deprecatedConcept", "OfficerMember",
            "DueFromOfficersOrStockholdersCurrent") in arcs24
    assert ("dep-dimensionallyQualifiedConcept-deprecatedConcept", "OtherReceivablesNetCurrent",
            "DueFromOfficersOrStockholdersCurrent") in arcs24
    r = dep.rows("DueFromOfficersOrStockholdersCurrent")[0]
    assert (r.replacement, r.role, r.relation) == ("OtherReceivablesNetCurrent", "primary", "dimensional")
    assert "srt:OfficerMember" in r.qualifiers.split()

    # alias: DepreciationExpense (2008) is Depreciation
    assert ("essence-alias", "Depreciation", "DepreciationExpense") in arcs11
    assert dep.forward("DepreciationExpense") == "Depreciation"
