"""Compare the converter with what filers submitted: the ground-truth pairs of ../shared/corpus/pairs.

For each pair holding an HTML filing and the XBRL instance its filer submitted (2009-2012), convert the HTML and,
for every numeric us-gaap fact the filer reported without dimensions, look for a fact of ours with the same
period and value: "found" when one exists, "same concept" when it also carries the filer's concept. Filers used
the 2009-2011 US-GAAP taxonomies, whose names the 2024 taxonomy has partly replaced (SalesRevenueNet became
RevenueFromContractWithCustomer...), so "same concept" is a floor, not the full agreement.

Usage: python3 benchmarks/pairs_eval.py [PAIRS_DIR]
"""
from __future__ import annotations

import re
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from lxml import etree  # noqa: E402

from edgar2xbrl import ConversionError, convert  # noqa: E402

X = "{http://www.xbrl.org/2003/instance}"


def numeric_facts(xml: bytes) -> dict[tuple[str, tuple], Decimal]:
    parser = etree.XMLParser(recover=True, huge_tree=True)
    root = etree.fromstring(xml, parser)
    ctx = {}
    for c in root.iter(X + "context"):
        if c.find(f"{X}entity/{X}segment") is not None or c.find(f"{X}scenario") is not None:
            continue
        p = c.find(X + "period")
        inst = p.find(X + "instant")
        ctx[c.get("id")] = (inst.text.strip(),) if inst is not None else \
            (p.find(X + "startDate").text.strip(), p.find(X + "endDate").text.strip())
    out = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("contextRef") not in ctx or el.get("unitRef") is None:
            continue
        q = etree.QName(el)
        if "us-gaap" not in (q.namespace or "") or not (el.text or "").strip():
            continue
        try:
            out[(q.localname, ctx[el.get("contextRef")])] = Decimal(el.text.strip())
        except Exception:
            continue
    return out


def pairs(folder: Path):
    for d in sorted(p for p in folder.iterdir() if p.is_dir()):
        full = d / "full-submission.txt"
        if full.exists():
            text = full.read_text(errors="replace")
            m = re.search(r"<TYPE>EX-101\.INS.*?<XBRL>(.*?)</XBRL>", text, re.S)
            if m:
                yield d.name, full, m.group(1).strip().encode()
            continue
        xml = [p for p in d.glob("*.xml") if not p.name.endswith(".xsd.xml")]
        html = [p for p in d.iterdir() if p.suffix.lower() in (".htm", ".html")]
        if len(xml) == 1 and len(html) == 1 and b"ix:header" not in html[0].read_bytes()[:400000].lower():
            yield d.name, html[0], xml[0].read_bytes()


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT.parent / "shared" / "corpus" / "pairs"
    totals = [0, 0, 0]
    print(f"{'pair':28} {'filer facts':>11} {'found':>6} {'same concept':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, src, xml in pairs(folder):
            truth = numeric_facts(xml)
            try:
                res = convert(src, Path(tmp) / name, run_validation=False)
            except ConversionError as exc:
                print(f"{name:28} {len(truth):11} not converted: {exc.reason}")
                totals[0] += len(truth)
                continue
            instance = next(p for p in res.files if p.suffix == ".xml" and "_" not in p.name)
            ours = numeric_facts(instance.read_bytes())
            by_value: dict[tuple, set[str]] = {}
            for (concept, period), v in ours.items():
                by_value.setdefault((period, abs(v)), set()).add(concept)
            found = same = 0
            for (concept, period), v in truth.items():
                names = by_value.get((period, abs(v)))
                if names:
                    found += 1
                    same += concept in names
            totals[0] += len(truth)
            totals[1] += found
            totals[2] += same
            print(f"{name:28} {len(truth):11} {found:6} {same:12}")
    n, f, s = totals
    print(f"\nfiler facts: {n}; found with the same period and value: {f} ({100 * f / n if n else 0:.1f}%); "
          f"of those with the filer's own concept: {s} ({100 * s / f if f else 0:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
