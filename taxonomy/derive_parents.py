"""Fill the `parents` column of concepts.csv from the official US-GAAP calculation linkbases.

`parents` lists, for each catalog concept, the catalog concepts that sum it in the official statement
calculations (stm/*cal*), directly or through concepts the catalog does not hold (Assets sums PropertyPlantAndEquipmentNet
through AssetsNoncurrent). The mapper uses it to name a subtotal printed with no label from what it adds up.
Run when the official files are at hand:

    python3 taxonomy/derive_parents.py ../shared/taxonomies/us-gaap-2024-partial.zip
"""
from __future__ import annotations

import csv
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from lxml import etree

X = "{http://www.w3.org/1999/xlink}"
L = "{http://www.xbrl.org/2003/linkbase}"
CATALOG = Path(__file__).resolve().parent / "concepts.csv"


def official_parents(zip_path: Path) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = defaultdict(set)
    with zipfile.ZipFile(zip_path) as z:
        for n in z.namelist():
            if "/stm/" not in n or "-cal-" not in n:
                continue
            root = etree.fromstring(z.read(n))
            for link in root.iter(L + "calculationLink"):
                locs = {l.get(X + "label"): l.get(X + "href").split("#")[1] for l in link.findall(L + "loc")}
                for a in link.findall(L + "calculationArc"):
                    f, t = locs[a.get(X + "from")], locs[a.get(X + "to")]
                    if f.startswith("us-gaap_") and t.startswith("us-gaap_"):
                        parents[t[8:]].add(f[8:])
    return parents


def ancestors(parents: dict[str, set[str]], name: str) -> set[str]:
    """Every concept that sums `name`, directly or through others."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        for p in parents.get(todo.pop(), ()):
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return seen


def main(zip_path: str) -> None:
    parents = official_parents(Path(zip_path))
    with open(CATALOG, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = {r["name"] for r in rows if r["prefix"] == "us-gaap"}
    fields = list(rows[0].keys())
    if "parents" not in fields:
        fields.append("parents")
    for r in rows:
        r["parents"] = " ".join(sorted(ancestors(parents, r["name"]) & names)) if r["prefix"] == "us-gaap" else ""
    with open(CATALOG, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(CATALOG.parent.parent.parent / "shared" / "taxonomies" /
                                                    "us-gaap-2024-partial.zip"))
