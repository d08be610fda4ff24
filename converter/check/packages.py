"""Offline taxonomy packages built from the concept catalog, so Arelle validates without the internet.

The official us-gaap-2024.xsd and dei-2024.xsd cannot be had on these machines (nor the SEC country taxonomy the
official srt-2024.xsd imports); these packages remap exactly those three URLs to stand-in schemas that declare the
catalog's concepts with their official names, ids, types, period types and balances.  A user who has the official packages passes them with --taxonomy-package instead.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from edgar2xbrl.tag.catalog import TYPES, load_catalog
from edgar2xbrl.write.render import TEMPLATES_DIR, render

US_GAAP_NS = "http://fasb.org/us-gaap/2024"
DEI_NS = "http://xbrl.sec.gov/dei/2024"
US_GAAP_URL = "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"
DEI_URL = "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"
SRT_NS = "http://fasb.org/srt/2024"
# the official srt-2024.xsd imports the SEC country taxonomy, which cannot be had here either: its stand-in declares
# the catalog's srt axes and members (attributes from the official srt-2024.xsd) and imports nothing
SRT_URL = "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd"

# dei's own item types, as the official dei-2024.xsd restricts them
DEI_TYPES = [
    {"name": "submissionTypeItemType", "base": "normalizedStringItemType", "pattern": "", "enum": []},
    {"name": "fiscalPeriodItemType", "base": "tokenItemType", "pattern": "",
     "enum": ["FY", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "M9", "T1", "T2", "T3", "M8", "CY"]},
    {"name": "centralIndexKeyItemType", "base": "tokenItemType", "pattern": "[0-9]{10}", "enum": []},
    {"name": "fileNumberItemType", "base": "tokenItemType", "pattern": "", "enum": []},
    {"name": "employerIdItemType", "base": "tokenItemType", "pattern": "[0-9]{2}-[0-9]{7}", "enum": []},
    {"name": "edgarStateCountryItemType", "base": "tokenItemType", "pattern": "[A-Z][0-9A-Z]", "enum": []},
    {"name": "stateOrProvinceItemType", "base": "tokenItemType", "pattern": "[A-Z]{2}", "enum": []},
    {"name": "securityTitleItemType", "base": "normalizedStringItemType", "pattern": "", "enum": []},
    {"name": "yesNoItemType", "base": "tokenItemType", "pattern": "", "enum": ["Yes", "No"]},
]


@lru_cache(maxsize=1)
def _digest() -> str:
    # from the concepts this process declares, not from the files they came from: a process that read the catalog
    # before the files changed must not file its stand-ins under the new files' name
    h = hashlib.sha256(json.dumps([_concepts("us-gaap"), _concepts("dei"), _concepts("srt")], sort_keys=True).encode())
    for p in sorted(TEMPLATES_DIR.glob("*.j2")):
        h.update(p.read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    base = os.environ.get("EDGAR2XBRL_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "edgar2xbrl")
    return Path(base) / "packages" / _digest()


def _concepts(prefix: str) -> list[dict]:
    out = []
    for c in load_catalog().concepts.values():
        if c.prefix != prefix:
            continue
        subst = {"hypercube": "xbrldt:hypercubeItem", "dimension": "xbrldt:dimensionItem"}.get(c.substitution,
                                                                                            "xbrli:item")
        out.append({"name": c.name, "xsd_type": TYPES[c.type], "subst": subst, "abstract": c.abstract,
                    "period": c.period, "balance": c.balance, "label": c.label})
    return out


def _build(name: str, title: str, prefix: str, namespace: str, url: str, types: list[dict], target: Path,
           only: frozenset[str] | None = None) -> Path:
    digest = _digest()
    folder = name
    elts_dir = url.rsplit("/", 1)[0] + "/"
    file_name = url.rsplit("/", 1)[1]
    concepts = [c for c in _concepts(prefix) if only is None or c["name"] in only]
    # no label linkbase: Arelle would load and schema-check its thousands of labels on every validation (a quarter
    # of the sample's validation time) for nothing, since the instance's own _lab.xml labels every concept it uses
    schema = render("standin-schema.xsd.j2", url=url, prefix=prefix, namespace=namespace, concepts=concepts,
                    types=types, label_file="")
    tp = render("taxonomyPackage.xml.j2", name=name, digest=digest, title=title, url=url)
    cat = render("catalog.xml.j2", url_prefix=elts_dir, local_prefix="elts/")
    for text in (schema, tp, cat):
        etree.fromstring(text.encode())  # each file is well-formed before it is packed
    tmp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")  # builders may race
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{folder}/META-INF/taxonomyPackage.xml", tp)
        z.writestr(f"{folder}/META-INF/catalog.xml", cat)
        z.writestr(f"{folder}/elts/{file_name}", schema)
    os.replace(tmp, target)
    return target


def build_packages() -> list[Path]:
    """The offline packages (us-gaap, dei, srt; built once per catalog version, then reused)."""
    d = cache_dir()
    d.mkdir(parents=True, exist_ok=True)
    specs = [("edgar2xbrl-us-gaap-2024", "US GAAP 2024 (edgar2xbrl offline subset)", "us-gaap", US_GAAP_NS,
              US_GAAP_URL, []),
             ("edgar2xbrl-dei-2024", "SEC dei 2024 (edgar2xbrl offline subset)", "dei", DEI_NS, DEI_URL, DEI_TYPES),
             ("edgar2xbrl-srt-2024", "SRT 2024 (edgar2xbrl offline subset)", "srt", SRT_NS, SRT_URL, [])]
    out = []
    for name, title, prefix, ns, url, types in specs:
        target = d / f"{name}.zip"
        if not target.exists():
            _build(name, title, prefix, ns, url, types, target)
        out.append(target)
    return out


_US_GAAP_NAME = re.compile(r"us-gaap-2024\.xsd#us-gaap_([A-Za-z0-9_]+)|<us-gaap:([A-Za-z0-9_]+)")


def slim_packages(folder: Path, into: Path) -> list[Path]:
    """The offline packages for the conversion in `folder`, the us-gaap stand-in declaring only the catalog
    concepts its files name (into `into`). Arelle reads a stand-in schema on every validation: the whole catalog's
    (some 5,000 concepts) takes three times as long as the conversion's own hundred or two, and a concept outside
    the catalog is missing from either."""
    names: set[str] = set()
    for f in sorted(folder.iterdir()):
        if f.suffix in (".xml", ".xsd") and f.is_file():
            names |= {a or b for a, b in _US_GAAP_NAME.findall(f.read_text(encoding="utf-8", errors="replace"))}
    us_gaap, dei, srt = build_packages()
    target = into / us_gaap.name
    _build("edgar2xbrl-us-gaap-2024", "US GAAP 2024 (edgar2xbrl offline subset)", "us-gaap", US_GAAP_NS,
           US_GAAP_URL, [], target, only=frozenset(names))
    return [target, dei, srt]


def remapped_prefixes(package: Path) -> list[str]:
    """URL prefixes a taxonomy package's catalog rewrites."""
    out = []
    with zipfile.ZipFile(package) as z:
        for n in z.namelist():
            if n.endswith("META-INF/catalog.xml"):
                root = etree.fromstring(z.read(n))
                for el in root.iter():
                    if isinstance(el.tag, str) and re.search(r"rewrite(URI|System)$", el.tag):
                        out.append(el.get("uriStartString") or el.get("systemIdStartString") or "")
    return out


def packages_for(user_packages: list[Path] | None) -> tuple[list[Path], str]:
    """Packages to validate with, and a sentence saying which taxonomy that is."""
    user = [Path(p) for p in (user_packages or [])]
    built = build_packages()
    if not user:
        return built, ("edgar2xbrl offline stand-ins for us-gaap-2024.xsd, dei-2024.xsd and srt-2024.xsd, built from the catalog "
                       "(taxonomy/concepts.csv, taxonomy/official_concepts.csv)")
    covered = [pre for p in user for pre in remapped_prefixes(p)]
    chosen = list(user)
    kept = []
    for pkg, url in zip(built, (US_GAAP_URL, DEI_URL, SRT_URL)):
        if not any(url.startswith(pre) for pre in covered if pre):
            chosen.append(pkg)
            kept.append(url.rsplit("/", 1)[1])
    desc = "taxonomy packages given with --taxonomy-package: " + ", ".join(p.name for p in user)
    if kept:
        desc += "; edgar2xbrl stand-ins for " + ", ".join(kept) + " (no given package covers them)"
    return chosen, desc
