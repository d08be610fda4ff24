"""What may go into the XML we write: characters XML 1.0 allows, ASCII NCNames, prefixes that are ours; and the
check that every file written parses back."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

# XML 1.0 (5th ed.) Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# prefixes of the XBRL, XML and SEC/FASB taxonomy namespaces an instance or a filer's taxonomy may meet; an
# extension prefix must be none of them (nor start with "xml", which XML Namespaces reserves)
RESERVED_PREFIXES = frozenset({
    "xbrli", "xbrldi", "xbrldt", "xl", "xlink", "link", "xsi", "xs", "xsd", "xml", "xmlns", "xhtml", "ix", "ixt",
    "ixt-sec", "dtr-types", "dtr", "ref", "nonnum", "num", "enum", "enum2", "gen", "label", "reference", "formula",
    "utr", "iso4217", "dei", "us-gaap", "usgaap", "gaap", "us-types", "us-roles", "srt", "srt-types", "srt-roles",
    "country", "currency", "exch", "naics", "sic", "stpr", "invest", "ecd", "cyd", "ffd", "rr", "rxp", "spac",
    "vip", "cef", "oef", "sro", "snj", "ifrs", "ifrs-full", "ifrs-smes", "esef", "esef_cor", "edgar", "sec",
    "fasb", "xbrl", "arelle",
})


def strip_forbidden(text: str) -> tuple[str, int]:
    """text without the characters XML 1.0 forbids, and how many were dropped."""
    out, n = FORBIDDEN.subn("", text)
    return out, n


def clean(text: str) -> str:
    return FORBIDDEN.sub("", text)


def is_reserved_prefix(prefix: str) -> bool:
    p = prefix.lower()
    return p in RESERVED_PREFIXES or p.startswith("xml")


_NC_START = re.compile(r"[A-Za-z_]")


def ncname(text: str, fallback: str = "id") -> str:
    """An ASCII NCName from text (letters, digits, '_', '-', '.'; a letter or '_' first)."""
    s = re.sub(r"[^A-Za-z0-9_.\-]", "", text)
    if not s:
        return fallback
    if not _NC_START.match(s):
        s = fallback[:1] + s if _NC_START.match(fallback[:1]) else "_" + s
    return s


def safe_parser(huge: bool = False) -> etree.XMLParser:
    """No DTD loading, no entity expansion, no network: a file we read or write is only its own bytes. `huge`
    lifts libxml2's 10 MB limit on one text node, for files we wrote ourselves (a note's text block can be that
    long; with no entities, size is the only cost)."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=huge,
                           dtd_validation=False)


def parse_back(folder: Path) -> list[str]:
    """'file: error' for every .xml/.xsd file in folder that is not well-formed XML."""
    bad = []
    for p in sorted(folder.iterdir()):
        if p.suffix not in (".xml", ".xsd"):
            continue
        try:
            with open(p, "rb") as fh:
                check_well_formed(_Reader(fh), huge=True)  # read as parsed: the file is not held whole
        except etree.XMLSyntaxError as exc:
            bad.append(f"{p.name}: {exc}")
    return bad


class _Reader:
    """A file as lxml reads it, by `read` alone (a file object's name would turn up in lxml's messages)."""

    def __init__(self, fh) -> None:
        self.read = fh.read


def check_well_formed(data, huge: bool = False) -> None:
    """Raise etree.XMLSyntaxError unless `data` is well-formed XML that a default parser accepts (libxml2's 10 MB
    limit on one text node included unless `huge`, as in `safe_parser`), with the safe parser's settings. Elements
    are let go as they are read: a large file costs no more memory than its deepest branch, not a whole tree."""
    import io
    source = io.BytesIO(data) if isinstance(data, (bytes, bytearray, memoryview)) else data  # (or a reader)
    for _, el in etree.iterparse(source, events=("end",), resolve_entities=False, load_dtd=False,
                                 no_network=True, huge_tree=huge, dtd_validation=False, remove_comments=False):
        el.clear()
        parent = el.getparent()
        while parent is not None and el.getprevious() is not None:  # (the root's siblings are comments, PIs)
            del parent[0]
