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
    if type(text) is str and text.isascii() and text.isprintable():
        return text  # (most pieces: printable ASCII holds no forbidden character, and the text is the same str)
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


class _NoTree:
    """A parser target that keeps nothing (it has no start, end or data method, so the parser makes no call into
    Python per element either): what is left of a parse is the parser's verdict."""

    def close(self) -> None:
        return None


# libxml2 refuses a text node over 10,000,000 bytes (UTF-8) unless told `huge`, and only where it builds the tree:
# data of at most this many bytes (of any encoding: a byte decodes to at most 3 bytes of UTF-8) holds no such node
_NO_HUGE_TEXT = 10_000_000 // 4


def check_well_formed(data, huge: bool = False) -> None:
    """Raise etree.XMLSyntaxError unless `data` is well-formed XML that a default parser accepts (libxml2's 10 MB
    limit on one text node included unless `huge`, as in `safe_parser`), with the safe parser's settings. No tree
    is kept: a large file costs no more memory than its deepest branch."""
    import io
    source = io.BytesIO(data) if isinstance(data, (bytes, bytearray, memoryview)) else data  # (or a reader)
    if huge or (source is not data and len(data) <= _NO_HUGE_TEXT):
        # the parser's verdict alone, with no element made (nor a call into Python per element)
        parser = etree.XMLParser(target=_NoTree(), resolve_entities=False, load_dtd=False, no_network=True,
                                 huge_tree=huge, dtd_validation=False)
        etree.parse(source, parser)
        # a target's parse fails only when the XML is not well-formed; a tree's also when the last error reported
        # is one (a namespace prefix not declared: XML well-formed, its namespaces not)
        last = parser.error_log.last_error
        if last is not None and last.level >= etree.ErrorLevels.ERROR:
            raise etree.XMLSyntaxError(f"{last.message}, line {last.line}, column {last.column}", last.type,
                                       last.line, last.column)
        return
    # the text node limit is checked as the tree is built: elements are built, and let go as they are read
    for _, el in etree.iterparse(source, events=("end",), resolve_entities=False, load_dtd=False,
                                 no_network=True, huge_tree=huge, dtd_validation=False, remove_comments=False):
        el.clear()
        parent = el.getparent()
        while parent is not None and el.getprevious() is not None:  # (the root's siblings are comments, PIs)
            del parent[0]
