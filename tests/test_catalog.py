"""The concept catalog against the official US-GAAP 2024 linkbases (skipped when ../shared is absent)."""
import glob
import zipfile
from collections import defaultdict

import pytest
from lxml import etree

from conftest import SHARED
from edgar2xbrl.tag.catalog import load_catalog

ZIP = SHARED / "taxonomies" / "us-gaap-2024-partial.zip"
X = "{http://www.w3.org/1999/xlink}"
L = "{http://www.xbrl.org/2003/linkbase}"
# the official calculation where NetIncomeLoss = ProfitLoss - NetIncomeLossAttributableToNoncontrollingInterest:
# two credit concepts joined by a -1 arc, an exception to the balance rule in the taxonomy itself
OFFICIAL_EXCEPTIONS = {("NetIncomeLoss", "NetIncomeLossAttributableToNoncontrollingInterest")}

pytestmark = pytest.mark.skipif(not ZIP.exists(), reason="../shared/taxonomies is not present")


@pytest.fixture(scope="module")
def official():
    arcs, placement, names = [], defaultdict(set), set()
    with zipfile.ZipFile(ZIP) as z:
        for n in z.namelist():
            if not n.endswith(".xml") or not ("/stm/" in n or "/dis/" in n or "/elts/" in n):
                continue
            root = etree.fromstring(z.read(n))
            for link in root:
                if not isinstance(link.tag, str):
                    continue
                locs = {l.get(X + "label"): l.get(X + "href").split("#")[1] for l in link.findall(L + "loc")}
                for v in locs.values():
                    if v.startswith("us-gaap_"):
                        names.add(v[8:])
                        if "/stm/" in n and "us-gaap-stm-" in n:
                            placement[v[8:]].add(n.split("us-gaap-stm-")[1].split("-")[0])
                if link.tag == L + "calculationLink":
                    for a in link.findall(L + "calculationArc"):
                        f, t = locs[a.get(X + "from")], locs[a.get(X + "to")]
                        if f.startswith("us-gaap_") and t.startswith("us-gaap_"):
                            arcs.append((f[8:], t[8:], float(a.get("weight"))))
    return names, arcs, placement


def test_every_catalog_concept_is_official(official):
    names, _, _ = official
    cat = load_catalog()
    missing = [c.name for c in cat.concepts.values() if c.prefix == "us-gaap" and c.name not in names]
    assert missing == []


def test_balances_agree_with_calculation_weights(official):
    _, arcs, _ = official
    cat = load_catalog()
    bad = []
    for parent, child, w in arcs:
        p, c = cat.find(parent), cat.find(child)
        if p is None or c is None or not p.balance or not c.balance or (parent, child) in OFFICIAL_EXCEPTIONS:
            continue
        if (p.balance == c.balance) != (w > 0):
            bad.append((parent, p.balance, child, c.balance, w))
    assert bad == []


def test_period_types_agree_with_statement_placement(official):
    _, _, placement = official
    cat = load_catalog()
    bad = []
    for c in cat.concepts.values():
        where = placement.get(c.name, set())
        # (the hand-kept rows: an official row's period type is the official schema's own)
        if c.prefix != "us-gaap" or c.abstract or not where or not c.kept:
            continue
        if where == {"sfp"} and c.period != "instant":
            bad.append((c.name, c.period, where))
        if where and where <= {"soi", "scf"} and c.period != "duration":
            bad.append((c.name, c.period, where))
    assert bad == []


def test_catalog_rows_are_complete():
    cat = load_catalog()
    for c in cat.concepts.values():
        assert c.label and c.period in ("instant", "duration")
        if c.type == "monetary" and not c.abstract and c.prefix == "us-gaap":
            assert c.balance in ("debit", "credit", ""), c.name


def test_parents_column_matches_the_official_calculations():
    import sys
    from conftest import ROOT
    sys.path.insert(0, str(ROOT / "taxonomy"))
    from derive_parents import ancestors, official_parents
    parents = official_parents(ZIP)
    cat = load_catalog()
    names = {c.name for c in cat.concepts.values() if c.prefix == "us-gaap" and c.kept}
    # the parents column of taxonomy/concepts.csv (the official rows carry their direct official parents)
    wrong = [c.name for c in cat.concepts.values() if c.prefix == "us-gaap" and c.kept and
             set(c.parents) != ancestors(parents, c.name) & names]
    assert wrong == []


def test_srt_axes_and_members_are_srt_2024s_own():
    """Every srt concept of the catalog, with its type, substitution group and period type, is in the official
    srt-2024.xsd (`../shared/taxonomies/srt-2024.zip`)."""
    import re
    import zipfile
    from conftest import SHARED
    z = SHARED / "taxonomies" / "srt-2024.zip"
    if not z.exists():
        pytest.skip("../shared/taxonomies is not here")
    xsd = zipfile.ZipFile(z).read("srt-2024/elts/srt-2024.xsd").decode()
    official = {}
    for el in re.findall(r"<xs:element [^>]*>", xsd):
        attrs = dict(re.findall(r"([\w:]+)='([^']*)'", el))
        official[attrs["name"]] = attrs
    srt = [c for c in load_catalog().concepts.values() if c.prefix == "srt"]
    assert len(srt) >= 10
    for c in srt:
        o = official.get(c.name)
        assert o is not None, c.name
        assert o["xbrli:periodType"] == c.period and (o.get("abstract") == "true") == c.abstract, c.name
        want = {"xbrldt:dimensionItem": "dimension"}.get(o["substitutionGroup"], "item")
        assert c.substitution == want, c.name
        assert {"dtr-types:domainItemType": "domain", "xbrli:stringItemType": "string"}[o["type"]] == c.type, c.name
