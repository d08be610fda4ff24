"""Output formats behind one interface: each is a pure function of the typed report (`XbrlReport`) and the
source filing, to {file name: text, bytes, or a text made as it is written}.

The classic XBRL instance and its extension taxonomy are always written, first: every other format references
that taxonomy (xBRL-JSON's and xBRL-CSV's `documentInfo.taxonomy`, the inline document's schemaRef), and
validation reads the instance. `--format` (and `Options.formats`) adds the others.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Union

from edgar2xbrl.errors import InternalError
from edgar2xbrl.write.render import Rendered
from edgar2xbrl.xbrl_report import XbrlReport

if TYPE_CHECKING:
    from edgar2xbrl.model import Filing  # the filing as read (its text and lines), for the inline document

Source = Union[str, "os.PathLike[str]", bytes]  # the filing as the pipeline was given it: a path, or its bytes


class Pieces(tuple):
    """A file's text given as pieces, in order: joined for a file kept in memory, written one after the other
    for a file written at once (a large text is not copied to be joined). A piece is a string, or an lxml tree:
    its text is `etree.tostring(tree, encoding="unicode")`, and a file written at once gets it serialized into
    it, never held whole."""

    def text(self) -> str:
        from lxml import etree
        return "".join(p if isinstance(p, str) else etree.tostring(p, encoding="unicode") for p in self)


Files = dict[str, Union[str, bytes, Pieces, Rendered]]
Writer = Callable[[XbrlReport, Source, "Filing"], Files]


@dataclass(frozen=True)
class Format:
    name: str
    summary: str  # one line, for --help and the README
    write: Writer


def _classic(x: XbrlReport, source: Source, filing: "Filing") -> Files:
    from edgar2xbrl.write.writer import write_files
    return write_files(x)


def _json(x: XbrlReport, source: Source, filing: "Filing") -> Files:
    from edgar2xbrl.write.oim import xbrl_json
    return xbrl_json(x)


def _csv(x: XbrlReport, source: Source, filing: "Filing") -> Files:
    from edgar2xbrl.write.oim import xbrl_csv
    return xbrl_csv(x)


def _fsds(x: XbrlReport, source: Source, filing: "Filing") -> Files:
    from edgar2xbrl.write.fsds import write_fsds
    return write_fsds(x, source)


def _inline(x: XbrlReport, source: Source, filing: "Filing") -> Files:
    from edgar2xbrl.write.ixbrl import XML_DECLARATION, inline_tree
    name, root = inline_tree(x, filing)
    return {name: Pieces((XML_DECLARATION, root, "\n"))}


CLASSIC = "xbrl"
FORMATS: dict[str, Format] = {f.name: f for f in (
    Format(CLASSIC, "XBRL 2.1 instance + extension taxonomy (always written)", _classic),
    Format("xbrl-json", "xBRL-JSON (OIM 1.0): PREFIX-DATE.json", _json),
    Format("xbrl-csv", "xBRL-CSV (OIM 1.0): PREFIX-DATE-csv.json + PREFIX-DATE-facts.csv", _csv),
    Format("fsds", "SEC Financial Statement Data Sets layout: sub.txt, num.txt, tag.txt, pre.txt", _fsds),
    Format("ixbrl", "inline XBRL 1.1: the filing as printed, its numbers tagged in place: PREFIX-DATE.htm", _inline),
)}
# the classic files and the inline document: what validators and what viewers (and people) open
DEFAULT_FORMATS: tuple[str, ...] = (CLASSIC, "ixbrl")


def normalize(formats) -> tuple[str, ...]:
    """The formats to write, in registry order, the classic one always first (none asked for: the default set);
    an unknown name is a ValueError that lists the known ones."""
    asked = {CLASSIC} | {str(f).strip().lower() for f in (formats or DEFAULT_FORMATS)}
    unknown = sorted(asked - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown output format {', '.join(map(repr, unknown))} (known: {', '.join(FORMATS)})")
    return tuple(n for n in FORMATS if n in asked)


def write_formats(formats, x: XbrlReport, source: Source, filing: "Filing", sink=None) -> Files:
    """Every file of the formats asked for, the classic ones first. Two formats may not write the same name (a
    bug, not a choice). Given a `sink` (`converter.sink`), each format's files are handed to it as soon as that
    format is written, and let go, and the dict returned is empty."""
    out: Files = {}
    for name in normalize(formats):
        files = FORMATS[name].write(x, source, filing)
        if sink is not None:
            for fname in list(files):
                data = files.pop(fname)
                if isinstance(data, Pieces):
                    sink.stream(fname, data)
                elif isinstance(data, Rendered):
                    sink.stream(fname, data.chunks())
                else:
                    sink.put(fname, data)
                del data
            continue
        for fname, data in files.items():
            if isinstance(data, (Pieces, Rendered)):
                data = data.text()
            if fname in out and out[fname] != data:
                raise InternalError(f"output formats collide on the file name {fname!r} ({name})")
            out[fname] = data
    return out
