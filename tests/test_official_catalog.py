"""taxonomy/official_concepts.csv: every attribute traceable to an official file (skipped when ../shared is absent)."""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
import zipfile

import pytest

from conftest import ROOT, SHARED

TAX = SHARED / "taxonomies"
HIST = TAX / "history"
ZIP = TAX / "us-gaap-2024-partial.zip"
pytestmark = pytest.mark.skipif(not ZIP.exists() or not (HIST / "xsd").is_dir(),
                                reason="../shared/taxonomies is not present")


def _builder():
    spec = importlib.util.spec_from_file_location("build_catalog", ROOT / "taxonomy" / "build_catalog.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_catalog"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def rows():
    with open(ROOT / "taxonomy" / "official_concepts.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def sample(rows):
    named = {"Assets", "NetIncomeLoss", "EarningsPerShareBasic", "CostOfRevenue", "AccountsPayableCurrent",
             "PaymentsToAcquirePropertyPlantAndEquipment", "IncreaseDecreaseInAccountsReceivable",
             "ExcessTaxBenefitFromShareBasedCompensationFinancingActivities", "CurrentFederalTaxExpenseBenefit"}
    return [r for i, r in enumerate(rows) if i % 97 == 0 or r["name"] in named or
            ("#" in r["attributes_from"] and i % 7 == 0)]


def test_committed_table_is_what_the_script_builds(rows):
    assert _builder().build(TAX) == rows


def test_size_and_no_guessing(rows):
    assert len(rows) >= 5000
    list_2024 = {json.loads(l)["us_gaap_tag"] for l in
                 (HIST / "lists" / "fintagging-us_gaap_2024_BM25.jsonl").read_text().splitlines() if l.strip()}
    names = {r["name"] for r in rows}
    assert names <= list_2024
    xsd = (HIST / "xsd" / "us-gaap-2011-01-31.xsd").read_text() + (HIST / "xsd" / "us-gaap-2009-01-31.xsd").read_text()
    declared = set(re.findall(r"<xs:element\b[^>]*\bname=['\"]([^'\"]+)", xsd))
    # a 2024 name no old schema declares is left out, not guessed, unless the deprecation linkbases give it as the
    # one-for-one replacement of a name an old schema does declare (attributes_from names that old element)
    only_2024 = sorted(list_2024 - declared)
    renamed = {r["name"]: r["attributes_from"].split("#")[1] for r in rows if "#" in r["attributes_from"]}
    assert only_2024 and names & set(only_2024) == set(renamed)
    assert all(old in declared for old in renamed.values())
    steps = {(d["deprecated"], d["replacement"]) for d in csv.DictReader(
        open(ROOT / "taxonomy" / "deprecations.csv", newline="", encoding="utf-8"))
        if d["role"] == "primary" and re.fullmatch(r"(concept|alias)(>(concept|alias))*", d["relation"])}
    assert all((old, new) in steps for new, old in renamed.items())
    # renamed after 2011: OCI on available-for-sale securities, its balance stated by the name it replaced
    afs = next(r for r in rows if r["name"] == "OtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentNetOfTax")
    assert (afs["period_type"], afs["balance"]) == ("duration", "credit")
    # change notes: the 2024 period type of MaturityOfTimeDeposits was modified, so 2011's is not carried forward
    assert "MaturityOfTimeDeposits" in list_2024 and "MaturityOfTimeDeposits" not in names


def _elements(xsd_text: str) -> dict[str, str]:
    """name -> the raw <xs:element ...> tag."""
    return {re.search(r"\bname=['\"]([^'\"]+)", el).group(1): el
            for el in re.findall(r"<xs:element\b[^>]*\bname=[^>]*>", xsd_text)}


def _attr(el: str, attr: str) -> str:
    m = re.search(r"\b%s=['\"]([^'\"]*)['\"]" % re.escape(attr), el)
    return m.group(1) if m else ""


def test_schema_attributes_trace_to_the_official_schemas(sample):
    types = {}
    for line in (HIST / "lists" / "fintagging-us_gaap_2024_BM25.jsonl").read_text().splitlines():
        if line.strip():
            d = json.loads(line)
            types[d["us_gaap_tag"]] = d["entity_type"]
    xsd = {s: _elements((HIST / "xsd" / s).read_text()) for s in ("us-gaap-2011-01-31.xsd", "us-gaap-2009-01-31.xsd")}
    edgar = json.loads((HIST / "deprecation" / "arelle-edgar-us-gaap-deprecated-concepts.json").read_text())
    for r in sample:
        assert r["type"] == types[r["name"]]
        schema, _, old = r["attributes_from"].partition("#")
        el = xsd[schema][old or r["name"]]
        assert _attr(el, "type").split(":")[-1] == r["type"], r["name"]
        assert _attr(el, "xbrli:periodType") == r["period_type"], r["name"]
        # a renamed concept whose old name stated no balance takes the one its 2024 calculation arcs imply
        assert _attr(el, "xbrli:balance") == r["balance"] or (old and not _attr(el, "xbrli:balance")), r["name"]
        assert _attr(el, "substitutionGroup") == r["substitution_group"], r["name"]
        assert (_attr(el, "abstract") == "true") == (r["abstract"] == "true"), r["name"]
        if r["deprecated"] and r["name"] in edgar:
            assert edgar[r["name"]].startswith(r["deprecated"])
        elif r["name"] in edgar:
            assert int(edgar[r["name"]][:4]) > 2024


def _reached(name, arcs, kept):
    """(parent, weight) of the concepts of `kept` the arcs add `name` into, directly or through concepts not kept."""
    out, todo, seen = set(), [(name, 1.0)], set()
    while todo:
        child, w = todo.pop()
        for f, t, weight in arcs:
            if t != child or (f, w * weight) in seen:
                continue
            seen.add((f, w * weight))
            if f in kept:
                out.add((f, w * weight))
            else:
                todo.append((f, w * weight))
    return out


def test_statements_and_calculations_trace_to_the_2024_linkbases(sample, rows):
    with zipfile.ZipFile(ZIP) as z:
        files = {n: z.read(n).decode() for n in z.namelist() if re.search(r"/(stm|dis)/.*-(pre|cal)-2024\.xml$", n)
                 and "/ebp/" not in n}
    arcs = set()  # (parent, child, weight) of every calculation arc, read by regex
    for n, text in files.items():
        if not n.endswith("-cal-2024.xml"):
            continue
        labels = {}
        for loc in re.findall(r"<link:loc\b[^>]*>", text):
            frag = re.search(r"#us-gaap_([^'\"]+)['\"]", loc)
            if frag:
                labels[re.search(r"xlink:label=['\"]([^'\"]+)", loc).group(1)] = frag.group(1)
        for arc in re.findall(r"<link:calculationArc\b[^>]*>", text):
            f = labels.get(re.search(r"xlink:from=['\"]([^'\"]+)", arc).group(1))
            t = labels.get(re.search(r"xlink:to=['\"]([^'\"]+)", arc).group(1))
            arcs.add((f, t, float(re.search(r"weight=['\"]([^'\"]+)", arc).group(1))))
    checked_stm = checked_cal = bridged = 0
    kept = {row["name"] for row in rows}
    for r in sample:
        ref = re.compile(r"#us-gaap_%s['\"]" % re.escape(r["name"]))
        for code in r["stm"].split():
            assert ref.search(files[f"us-gaap-2024/stm/us-gaap-stm-{code}-pre-2024.xml"]), (r["name"], code)
            checked_stm += 1
        # no statement presentation file the row leaves out names the concept
        for n, text in files.items():
            if "/stm/" in n and n.endswith("-pre-2024.xml") and ref.search(text):
                assert n.rsplit("/", 1)[1][len("us-gaap-stm-"):-len("-pre-2024.xml")] in r["stm"].split()
        for pw in r["calc_parents"].split():
            parent, weight = pw.rsplit(":", 1)
            # an arc, or a chain of arcs through concepts the catalog leaves out, weights multiplied
            assert (parent, float(weight)) in _reached(r["name"], arcs, kept), (r["name"], pw)
            checked_cal += 1
            bridged += (parent, r["name"], float(weight)) not in arcs
    assert checked_stm > 10 and checked_cal > 5 and bridged > 0


def test_known_rows(rows):
    by = {r["name"]: r for r in rows}
    assert (by["Assets"]["period_type"], by["Assets"]["balance"], by["Assets"]["statements"]) == ("instant", "debit", "bs")
    assert by["CostOfRevenue"]["calc_parents"].split() == ["CostsAndExpenses:+1", "GrossProfit:-1"]
    assert by["EarningsPerShareBasic"]["type"] == "perShareItemType" and by["EarningsPerShareBasic"]["balance"] == ""
    assert by["ExcessTaxBenefitFromShareBasedCompensationFinancingActivities"]["deprecated"] == "2022"
