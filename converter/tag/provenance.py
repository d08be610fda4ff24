"""Where each fact of an HTML filing was printed: the filing's own source lines and the elements of its cells
(the text it was read from is a rendering of the HTML)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.read.html import split_element


def attach_elements(b: Builder, cells: dict[int, list[tuple[int, int, str]]], path: str) -> None:
    """HTML: each fact printed in a table cell learns the cell's element, while its source still names the
    rendered line (the inline XBRL writer finds the number there in the original markup)."""
    for f in b.facts.values():
        head, _, n = f.source.rpartition(":")
        if head != path or not n.isdigit() or (f.start < 0 and f.unit is None):
            continue  # (a note's text block is not in one element)
        for start, end, element in cells.get(int(n) - 1, ()):
            # a fact with no offsets was read from a label or a sentence: the element that starts the line
            if (start < f.end and f.start < end) if f.start >= 0 else start == 0:
                f.element = element
                xpath, offset = split_element(element)
                if offset is not None and f.start >= 0:  # a <pre> line: the offset of the fact's characters
                    f.element = f"{xpath}#{offset + f.start - start}"
                elif offset is not None:
                    f.element = xpath
                break


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


def map_sources(b: Builder, line_map: list[int], path: str) -> None:
    """HTML was read as rendered text: name the source lines of the HTML itself in the report and the instance."""
    fix = html_source(line_map, path)
    for f in b.facts.values():
        f.source = fix(f.source)
    for r in b.rows:
        r["source"] = fix(r["source"])
    b.untagged = [replace(u, source=fix(u.source)) for u in b.untagged]
    b.checks = [replace(c, line=line_map[c.line - 1]) if 0 < c.line <= len(line_map) else c for c in b.checks]
