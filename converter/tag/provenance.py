"""Where each fact of an HTML filing was printed: the filing's own source lines and the elements of its cells
(the text it was read from is a rendering of the HTML)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from edgar2xbrl.model import Fact
from edgar2xbrl.read.html import split_element
from edgar2xbrl.tag.tagged import Tagged


def html_sources(t: Tagged, line_map: list[int], cells: dict[int, list[tuple[int, int, str]]]) -> Tagged:
    """HTML was read as rendered text: each fact printed in a table cell learns the cell's element, and the
    instance and the report name the HTML's own source lines."""
    fix = html_source(line_map, t.path)
    facts = {k: replace(f, element=_element(f, cells, t.path), source=fix(f.source)) for k, f in t.facts.items()}
    rows = tuple(replace(r, source=fix(r.source)) for r in t.rows)
    untagged = tuple(replace(u, source=fix(u.source)) for u in t.untagged)
    checks = tuple(replace(c, line=line_map[c.line - 1]) if 0 < c.line <= len(line_map) else c for c in t.checks)
    return replace(t, facts=facts, rows=rows, untagged=untagged, checks=checks)


def _element(f: Fact, cells: dict[int, list[tuple[int, int, str]]], path: str) -> str:
    """The element of the table cell a fact was printed in, found by the rendered line its source names (the
    inline XBRL writer finds the number there in the original markup); else the fact's own."""
    head, _, n = f.source.rpartition(":")
    if head != path or not n.isdigit() or (f.start < 0 and f.unit is None):
        return f.element  # (a note's text block is not in one element)
    for start, end, element in cells.get(int(n) - 1, ()):
        # a fact with no offsets was read from a label or a sentence: the element that starts the line
        if (start < f.end and f.start < end) if f.start >= 0 else start == 0:
            xpath, offset = split_element(element)
            if offset is None:
                return element
            # a <pre> line: the offset of the fact's characters
            return f"{xpath}#{offset + f.start - start}" if f.start >= 0 else xpath
    return f.element


def html_source(line_map: list[int], path: str) -> Callable[[str], str]:
    """A source as the rendered text names it (`path:N`, "line N") → as the HTML's own lines do."""
    def name(src: str) -> str:
        head, _, n = src.rpartition(":")
        if head == path and n.isdigit() and 0 < int(n) <= len(line_map):
            return f"{head}:{line_map[int(n) - 1]}"
        m = re.fullmatch(r"line (\d+)", src)
        if m and 0 < int(m.group(1)) <= len(line_map):
            return f"line {line_map[int(m.group(1)) - 1]}"
        return src
    return name
