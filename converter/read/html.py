"""HTML filings → the fixed-width text layout the rest of the pipeline reads.

Tables become aligned columns (labels left, amounts right-aligned, headers centred over the columns they span);
paragraphs become lines. Each rendered line remembers the source line it came from, so reports still name it.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from itertools import islice

from lxml import etree

from edgar2xbrl.read.numbers import is_amount

_YEAR_CELL = re.compile(r"\s{0,3}(19|20)\d\d\s{0,3}")

_HTML_HINT = re.compile(r"<(html|body|td|tr|div|font|p)\b", re.I)
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "center", "hr", "ul", "ol", "blockquote",
          "title", "dl", "dt", "dd", "address"}


def looks_like_html(text: str) -> bool:
    # (three tags in the first 200,000 characters: found, the search stops; the text is not copied)
    return len(list(islice(_HTML_HINT.finditer(text, 0, 200000), 3))) >= 3


def _clean(s: str) -> str:
    s = s.replace("\xa0", " ").replace("\u200b", "")
    return " ".join(s.split())


_MONO = re.compile(r"font-family\s*:\s*['\"]?(courier|monospace|lucida console|consolas)", re.I)
_MONO_FACE = re.compile(r"courier|monospace|lucida console|consolas", re.I)


def _is_mono(el) -> bool:
    return bool(_MONO.search(el.get("style") or "") or _MONO_FACE.search(el.get("face") or ""))


def _clean_mono(s: str) -> str:
    """Browser whitespace rules in a monospace paragraph: ordinary spaces collapse, &nbsp; does not.

    Filers who typed their statements in Courier line the columns up with runs of &nbsp;; keeping them keeps the
    columns, so the text-table parser can read the paragraph lines as it reads a plain-text filing.
    """
    s = re.sub(r"[ \t\r\n\f]+", " ", s.replace("\u200b", "")).strip(" ")
    return s.replace("\xa0", " ").rstrip()


_FRAGMENTS = frozenset({"$", "($", "$(", ")", "%", ")%", "%)"})  # what _merge_fragments moves


def _merge_fragments(cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """"$" | "1,234" | ")" in three cells is one amount."""
    out: list[list] = [[t, span] for t, span in cells]
    for k, (t, _) in enumerate(out):
        if t in ("$", "($", "$(") :
            nxt = next((j for j in range(k + 1, len(out)) if out[j][0]), None)
            if nxt is not None:
                out[nxt][0] = t + out[nxt][0]
                out[k][0] = ""
        elif t in (")", "%", ")%", "%)"):
            prv = next((j for j in range(k - 1, -1, -1) if out[j][0]), None)
            if prv is not None:
                out[prv][0] = out[prv][0] + t
                out[k][0] = ""
    return [(t, span) for t, span in out]


# what browsers do (the HTML standard clamps colspan to 1..1000 and rowspan to 0..65534)
MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534
# no statement is this wide; cells further right are not read (and the report says so)
MAX_TABLE_COLUMNS = 2000
MAX_LABEL_CHARS = 300
MAX_TABLE_CHARS = 20_000_000  # a table's laid-out size (width × rows); no real statement comes near
# a cell's text kept: no cell of a statement comes near, but a cell that damaged markup left open holds the rest of
# the document, tables inside it, and every nested cell would hold it again (quadratic in the document)
MAX_CELL_CHARS = 20_000


def split_element(element: str) -> tuple[str, int | None]:
    """(XPath, character offset or None) of an element reference "XPATH" or "XPATH#OFFSET" (a <pre> line). Only
    digits after the last "#" are an offset: a damaged tag name can hold a "#" of its own."""
    head, sep, tail = element.rpartition("#")
    return (head, int(tail)) if sep and tail.isdigit() else (element, None)


def _span(value: str | None, cap: int) -> int:
    """A colspan or rowspan as a browser reads it: leading digits, 1 when absent or unreadable, at most cap."""
    if value is None:
        return 1  # (most cells)
    m = re.match(r"\s*\+?([0-9]+)", value)
    if not m:
        return 1
    digits = m.group(1).lstrip("0")
    if len(digits) > len(str(cap)):
        return cap
    return min(max(1, int(digits or "0")), cap)


def _between(sorted_cols: list[int], lo: int, hi: int) -> list[int]:
    """The columns c of a sorted list with lo <= c < hi (without a scan of the whole list per cell)."""
    return sorted_cols[bisect_left(sorted_cols, lo):bisect_left(sorted_cols, hi)]


class _Cells(dict):
    """A table row: start column → (text, colspan); a column where no cell starts reads as an empty cell."""

    def __missing__(self, key):
        return ("", 1)


def _table_lines(table, too_wide: list[int] | None = None,
                 anchors: list[list[tuple[int, int, str]]] | None = None,
                 paths: _CellPaths | None = None, line_of=None) -> list[tuple[str, int]]:
    """The table laid out as text lines (text, source line); when `anchors` is a list, it gets for each line the
    (start, end, XPath of the <td>) of every cell drawn on it (`paths`: the document's, when it has one;
    `line_of`: an element's source line, when the document's are not all its `sourceline`)."""
    if line_of is None:
        line_of = _sourceline
    for br in table.iter("br"):
        _prefix_newline(br, "tail")  # a line break inside a cell: a heading stacked over several lines
    for block in table.iter("p", "div", "P", "DIV"):
        _prefix_newline(block, "text")  # so do paragraphs inside a cell
        _prefix_newline(block, "tail")
    rows = []
    parts: dict[tuple[int, int], list[str]] = {}  # (row, start column) → the cell's lines
    tds: dict[tuple[int, int], object] = {}  # (row, start column) → the cell's element
    # column → (last row a cell above still takes it (rowspan), the column after that cell)
    carried: dict[int, tuple[int, int]] = {}
    for t_row, tr in enumerate(table.iter("tr")):
        cells = []  # (text, colspan, start column)
        pos = 0
        for td in tr:
            tag = td.tag
            if not isinstance(tag, str) or tag.lower() not in ("td", "th"):
                continue
            span, down = td.get("colspan"), td.get("rowspan")
            span = 1 if span is None else _span(span, MAX_COLSPAN)
            down = 1 if down is None else _span(down, MAX_ROWSPAN)
            while carried.get(pos, (-1, 0))[0] >= t_row:
                pos = carried[pos][1]  # past the cell above that still takes this column
            if pos >= MAX_TABLE_COLUMNS:
                if too_wide is not None:
                    too_wide.append(line_of(table))
                break
            span = min(span, MAX_TABLE_COLUMNS - pos)
            # a cell of text alone (no element, comment or instruction inside) is its text: most cells, many
            # of them empty spacers
            raw = (td.text or "")[:MAX_CELL_CHARS] if not len(td) else _text_content(td)[:MAX_CELL_CHARS]
            if not raw or raw.isspace():
                cell_lines = []
            elif "\n" not in raw:
                cell_lines = [one] if (one := _clean(raw)) else []
            else:
                cell_lines = [x for x in (_clean(y) for y in raw.split("\n")) if x]
            key = (len(rows), pos)
            parts[key] = cell_lines
            tds[key] = td
            cells.append((" ".join(cell_lines), span, pos))  # (= _clean(raw): the same words, in the same order)
            if down > 1:
                for c in range(pos, pos + span):
                    if carried.get(c, (-1, 0))[0] < t_row + down - 1:
                        carried[c] = (t_row + down - 1, pos + span)  # the rows below it that it covers
            pos += span
        if any(t in _FRAGMENTS for t, _, _ in cells):
            merged = _merge_fragments([(t, span) for t, span, _ in cells])
            cells = [(t, span, start) for (t, span), (_, _, start) in zip(merged, cells)]
        if any(t for t, _, _ in cells):
            rows.append((cells, line_of(tr) or line_of(table)))
    if not rows:
        return []
    grid = []
    stacked = []  # per row: start column → the cell's lines, for heading rows whose cells break over lines
    for r, (cells, line) in enumerate(rows):
        g = _Cells()  # only the columns where a cell starts (a colspan of 1,000 costs no more than 1)
        for t, span, start in cells:
            g[start] = (t, span)
        grid.append((g, line))
        stacked.append({start: parts.get((r, start), [t]) for t, span, start in cells if t})
    cols = sorted({c for g, _ in grid for c, (t, _) in g.items() if t})
    if not cols:
        return []
    # the label is whatever text stands left of the first column of amounts (spacer cells indent it)
    numeric = sorted({c for g, _ in grid for c, (t, _) in g.items() if c > cols[0] and t and is_amount(t)})
    first_num = numeric[0] if numeric else cols[-1] + 1
    # a heading that starts over a spacer but spans into the amounts ("March 31, 2005" over "$" and "1,200")
    # belongs to the amounts
    for r, (g, _) in enumerate(grid):
        for c in cols:
            t, span = g[c]
            if t and c < first_num < c + span:
                g[c] = ("", 1)
                g[first_num] = (t, c + span - first_num)
                stacked[r][first_num] = stacked[r].pop(c, [t])
    # a heading row keeps the line breaks of its cells ("Additional<br>Paid-In<br>Capital"), stacked and
    # bottom-aligned as a typist would set them, so narrow columns stay narrow; a row of amounts is one line
    # (a year is a heading: "2005" over "Number of options | Weighted-average exercise price" gets its rule)
    heading_row = [not any(is_amount(g[c][0]) and not _YEAR_CELL.fullmatch(g[c][0])
                           for c in cols if c >= first_num and g[c][0])
                   for g, _ in grid]
    for r, (g, _) in enumerate(grid):
        if not heading_row[r]:
            continue
        for c in cols:
            over = _between(numeric, c, c + g[c][1])
            # a heading over several columns has room on one line (and its rule shows its span)
            if c >= first_num and g[c][0] and len(stacked[r].get(c, [])) > 1 and len(over) <= 1:
                g[c] = ("\n".join(stacked[r][c]), g[c][1])
    labels = [" ".join(g[c][0] for c in cols if c < first_num and g[c][0]) for g, _ in grid]
    value_cols = [c for c in cols if c >= first_num]
    # a label is laid out whole (its end carries what the row is: "... shares issued and outstanding"); the cap
    # only keeps a paragraph set in a label cell from widening every line of its table
    label_w = min(max([len(t) for t in labels] + [10]), MAX_LABEL_CHARS)
    width = {c: 0 for c in value_cols}
    def wide(t: str) -> int:
        return max(len(x) for x in t.split("\n"))

    for g, _ in grid:
        for c in value_cols:
            t, span = g[c]
            if t and span == 1:
                width[c] = max(width[c], wide(t))
    # a heading spanning several columns ("March 31, 2005" over "$" and "1,200") must fit over them
    for g, _ in grid:
        for c in value_cols:
            t, span = g[c]
            if not t or span == 1:
                continue
            covered = _between(value_cols, c, c + span)
            room = sum(width[cc] for cc in covered) + 3 * (len(covered) - 1)
            if wide(t) > room:
                width[covered[-1]] += wide(t) - room
    starts = {}
    x = label_w + 4
    for c in value_cols:
        starts[c] = x
        x += width[c] + 3
    if x * len(grid) > MAX_TABLE_CHARS:
        # laid out, it would be hundreds of megabytes (damaged markup merged tables into one of 2,000 columns):
        # each row is kept as plain text, cells side by side, and the report says so
        if too_wide is not None:
            too_wide.append(line_of(table))
        if anchors is not None:
            anchors.extend([] for _ in grid)
        return [((label + "   " + "   ".join(g[c][0].replace("\n", " ") for c in value_cols if g[c][0])).strip(),
                 line) for (g, line), label in zip(grid, labels)]
    out = []
    amount_cols = set(numeric)
    path = (paths if paths is not None else _CellPaths(table.getroottree().getpath)) if anchors is not None else None
    for r, ((g, line), label) in enumerate(zip(grid, labels)):
        height = max([t.count("\n") + 1 for c in value_cols for t, _ in [g[c]] if t] + [1])
        numeric_row = any(is_amount(g[c][0]) for c in value_cols if g[c][0])
        for k in range(height):
            buf = [" "] * (x + 2)
            drawn: list[tuple[int, int, str]] = []
            if k == height - 1:
                text = label[:label_w]
                buf[0:len(text)] = list(text)
                first = next((c for c in cols if c < first_num and g[c][0] and (r, c) in tds), None)
                if path is not None and text and first is not None:
                    drawn.append((0, len(text), path(tds[(r, first)])))  # (amounts stated inside a label)
            for c in value_cols:
                t, span = g[c]
                if not t:
                    continue
                pieces = t.split("\n")
                at = k - (height - len(pieces))  # bottom-aligned
                if at < 0:
                    continue
                t = pieces[at]
                # (a cell of one column, most of them, ends in its own)
                end_col = c if span == 1 else max(_between(value_cols, c, c + span) or [c])
                right = starts[end_col] + width[end_col]
                left = starts[c]
                if numeric_row or is_amount(t):
                    pos = max(left, right - len(t))  # amounts right-aligned
                else:
                    pos = max(left, left + (right - left - len(t)) // 2)  # headings centred over their span
                while len(buf) < pos + len(t) + 1:
                    buf.append(" ")
                buf[pos:pos + len(t)] = list(t)
                if path is not None and (r, c) in tds:
                    drawn.append((pos, pos + len(t), path(tds[(r, c)])))
            out.append(("".join(buf).rstrip(), line))
            if anchors is not None:
                anchors.append(drawn)
        if heading_row[r]:
            # a heading over several columns of amounts gets the rule a typist would draw under it, so the
            # layout reader knows which columns it spans (HTML says so with colspan; text says so with dashes)
            rule = [" "] * (x + 2)
            for c in value_cols:
                t, span = g[c]
                covered = _between(value_cols, c, c + span)
                if t and not t.startswith("(") and len([cc for cc in covered if cc in amount_cols]) >= 2:
                    left, right = starts[covered[0]], starts[covered[-1]] + width[covered[-1]]
                    rule[left:right] = ["-"] * (right - left)
            if "-" in rule:
                out.append(("".join(rule).rstrip(), line))
                if anchors is not None:
                    anchors.append([])
    return out


class _CellPaths(dict):
    """An element's XPath as `getpath` writes it, made from its parent's (made the same way, and kept): libxml2
    counts, at each level up to the root, the siblings before the element, so asked for every cell of a long
    document it would cost the cells times the siblings of each of their ancestors. An element's step is its
    name, with its position among its parent's element children of that name when there is more than one; each
    parent's children are counted once, for all of them. (One per document: the tree's shape must not change.)"""

    def __init__(self, getpath) -> None:
        super().__init__()
        self.getpath = getpath

    def __call__(self, el) -> str:
        # the ancestors whose children's paths are to be made, from el's parent up to one whose path is known
        # (or the root, the one path asked of libxml2); a loop, not a recursion: a damaged document nests deep
        todo = []
        node = el
        while node not in self:
            parent = node.getparent()
            if parent is None:
                self[node] = self.getpath(node)
                break
            todo.append(parent)
            node = parent
        for parent in reversed(todo):
            self._children(parent)
        return self[el]

    def _children(self, parent) -> None:
        """The paths of the parent's element children (comments and instructions have none)."""
        base = self[parent]
        kids = list(parent.iterchildren(etree.Element))
        tags = [c.tag for c in kids]  # (each name read once: lxml makes a new string per read)
        total = Counter(tags)
        if len(total) == 1:
            # one name (a row's cells, a table's rows: most parents asked), numbered when there are several
            step = f"{base}/{tags[0]}"
            self.update(zip(kids, [f"{step}[{k}]" for k in range(1, len(kids) + 1)] if len(kids) > 1 else [step]))
            return
        seen = dict.fromkeys(total, 0)
        for c, tag in zip(kids, tags):
            if total[tag] > 1:
                seen[tag] += 1
                self[c] = f"{base}/{tag}[{seen[tag]}]"
            else:
                self[c] = f"{base}/{tag}"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_SPACES = {c: " " for c in (*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f)}  # (= _CONTROL)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _prefix_newline(el, attr: str) -> None:
    """el.text or el.tail with a line break in front; a character reference to a control character ("&#1;")
    leaves text lxml will not take back, so such characters become spaces."""
    value = "\n" + (getattr(el, attr) or "")
    try:
        setattr(el, attr, value)
    except ValueError:
        setattr(el, attr, _NOT_XML.sub(" ", value))


def unwrap(html_text: str) -> tuple[str, list[int]]:
    """Undo hard line wrapping at a fixed width; (text, original first line of each new line).

    Some filings reach us with every long line cut at the same width, which splits entities ("&nb" / "sp;") and
    puts a false space inside text. The width gives it away: many lines of exactly one length, well over what a
    person types. Lines of that length are joined to the next one without a separator.
    """
    raw = html_text.split("\n")
    long_lengths = Counter(len(x.rstrip("\r")) for x in raw if len(x) >= 200)
    if not long_lengths:
        return html_text, list(range(1, len(raw) + 1))
    width, count = long_lengths.most_common(1)[0]
    if count < 5 or count < 0.5 * sum(long_lengths.values()):
        return html_text, list(range(1, len(raw) + 1))
    out: list[str] = []
    first: list[int] = []
    joining = False
    for k, x in enumerate(raw, start=1):
        body = x.rstrip("\r")
        if joining:
            out[-1] += body
        else:
            out.append(body)
            first.append(k)
        nxt = raw[k] if k < len(raw) else ""
        joining = len(body) == width or (len(body) >= width and _cut_entity(body, nxt))
    return "\n".join(out), first


_ENTITY_HEAD = re.compile(r"&#?[A-Za-z0-9]{0,8}$")
_ENTITY_TAIL = re.compile(r"^(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,8});")


def _cut_entity(body: str, nxt: str) -> bool:
    """Whether a long line of a wrapped file ends inside an entity the next line finishes ("&" / "nbsp;"). The
    wrapping tool does not always cut at the same width (a line a few characters longer than the rest); where it
    cut an entity in two the cut is certain, and left apart the entity would print as "& nbsp;", moving every
    column after it."""
    head = _ENTITY_HEAD.search(body)
    return head is not None and _ENTITY_TAIL.match(head.group()[1:] + nxt) is not None


# lxml.html's parser, without its element class lookup: lxml.html calls a Python method for every element proxy it
# makes (each element the reader and the inline writer walk, hundreds of thousands in a long filing), to give
# HtmlElement methods nothing here uses but text_content (`_text_content`, the same XPath); the tree is the same
_PARSER = etree.HTMLParser()
_text_content = etree.XPath("string()", smart_strings=False)  # (lxml.html's HtmlElement.text_content)


def _prepared(html_text: str) -> tuple[str, list[int]]:
    """The text as parsed, and the original first line of each of its lines."""
    html_text, first_line = unwrap(html_text)
    # control characters (a stray form feed, a NUL) are not text; lxml refuses to set them back into the tree
    # (ASCII text, EDGAR's: a translation table, at C speed; any other text by the pattern; the same spaces)
    html_text = html_text.translate(_CONTROL_SPACES) if html_text.isascii() else _CONTROL.sub(" ", html_text)
    return html_text, first_line


def _parsed(html_text: str):
    """The element tree of prepared text, or None when lxml cannot read it."""
    try:
        root = etree.fromstring(html_text, _PARSER)  # (what lxml.html.document_fromstring does, but for the lookup)
    except (etree.ParserError, ValueError):
        return None
    if root is None:
        return None  # (an empty document: document_fromstring's ParserError)
    # scripts and style sheets are not text, in a table cell no more than elsewhere
    etree.strip_elements(root, "script", "style", with_tail=False)
    return root


def parse(html_text: str):
    """(the document's element tree or None when lxml cannot read it, the text as parsed, the original first
    line of each of its lines). The inline XBRL writer parses the document again with this, so the XPaths
    `render` records name the same elements."""
    html_text, first_line = _prepared(html_text)
    return _parsed(html_text), html_text, first_line


def _sourceline(el) -> int:
    return el.sourceline or 0


# libxml2 keeps an element's source line in 16 bits: past line 65,535 every element reads 65,535 (a 92,000-line
# annual report put its last third, the notes, all on one line). The text parsed again with the newlines of its
# first lines made spaces is the same tree with lines counted from further on (a newline is a space to HTML
# outside <pre>, and there it breaks no element): each pass reads 60,000 lines further, up to 8 passes
# (545,535 lines: no filing of the era comes near); beyond that, lines stay at the cap and the report says so.
# The passes run before the document's own tree is made and keep only a line per element, in document order, so
# no two trees are held at once.
_LINE_CAP = 65535
_LINE_STEP = 60000
_LINE_PASSES = 8


def _far_lines(html_text: str) -> list[array]:
    """For each pass that reads further into a long document, each element's line (in document order; 0 where that
    pass does not know it)."""
    total = html_text.count("\n") + 1
    passes: list[array] = []
    newline = -1
    for k in range(1, _LINE_PASSES + 1):
        if total <= (k - 1) * _LINE_STEP + _LINE_CAP - 1:
            break  # (the passes before reach the last line)
        for _ in range(_LINE_STEP):  # the end of line k * _LINE_STEP
            newline = html_text.find("\n", newline + 1)
            if newline < 0:
                return passes
        offset = k * _LINE_STEP
        again = _parsed(html_text[:newline + 1].replace("\n", " ") + html_text[newline + 1:])
        if again is None:
            break
        passes.append(array("i", (el.sourceline + offset if el.sourceline and el.sourceline < _LINE_CAP else 0
                                  for el in again.iter())))
        again = None  # (one tree at a time)
    return passes


def _lines_past_cap(root, passes: list[array]) -> tuple[dict, bool]:
    """The source lines of the elements libxml2 reads at its cap, from the passes made before, and whether every
    one was found."""
    found: dict = {}
    capped = 0
    count = sum(1 for _ in root.iter())
    usable = [p for p in passes if len(p) == count]  # (not the same tree after all: keep the cap rather than guess)
    for i, el in enumerate(root.iter()):
        if el.sourceline != _LINE_CAP:
            continue
        capped += 1
        line = next((p[i] for p in usable if p[i]), 0)
        if line:
            found[el] = line
    return found, len(found) >= capped


def render(html_text: str, remarks: list[str] | None = None,
           elements: dict[int, list[tuple[int, int, str]]] | None = None) -> tuple[list[str], list[int]]:
    """(text lines, the source line of each); what had to be left out is added to remarks. When `elements` is a
    dict it gets, for each rendered line (0-based) that draws cells, the (start, end, element) of each: the XPath
    of the table cell, or for a line of a <pre> the XPath and "#" the line's offset in the element's text."""
    html_text, first_line = _prepared(html_text)
    passes = _far_lines(html_text) if html_text.count("\n") >= _LINE_CAP - 1 else []
    root = _parsed(html_text)
    if root is None:
        return html_text.splitlines(), list(range(1, html_text.count("\n") + 2))
    lines: list[str] = []
    where: list[int] = []
    past_cap, every_line = _lines_past_cap(root, passes)
    passes = None  # noqa: F841
    line_of = (lambda el: past_cap.get(el) or el.sourceline or 0) if past_cap else _sourceline
    paths = _CellPaths(root.getroottree().getpath)  # (the elements' XPaths; walking adds text, never elements)
    buf: list[str] = []
    buf_line = [0]
    buf_mono = [True]

    def flush(line: int, block=None) -> None:
        raw = "".join(buf)
        text = _clean_mono(raw) if buf_mono[0] and "\xa0\xa0" in raw else _clean(raw)
        if text.strip():
            if elements is not None and block is not None:
                # a paragraph: its text was laid out anew, so only the element (not an offset) is known
                elements[len(lines)] = [(0, len(text), paths(block))]
            lines.append(text)
            where.append(buf_line[0] or line)
        buf.clear()
        buf_line[0] = 0
        buf_mono[0] = True

    def add(text: str | None, line: int, mono: bool = False) -> None:
        if text:
            if not buf:
                buf_line[0] = line
            buf.append(text)
            if text.strip() and not mono:
                buf_mono[0] = False

    def walk(el, mono: bool = False, block=None) -> None:
        """`block`: the nearest enclosing block element, which the text buffered so far belongs to."""
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        line = line_of(el)
        outer = mono
        mono = mono or (isinstance(el.tag, str) and _is_mono(el))
        if tag in ("script", "style", "head"):
            add(el.tail, line, outer)
            return
        if tag == "table":
            flush(line, block)
            drawn: list | None = [] if elements is not None else None
            rendered = _table_lines(el, too_wide, drawn, paths, line_of)
            if rendered:
                lines.append("")
                where.append(line)
                for k, (text, src) in enumerate(rendered):
                    if drawn:
                        elements[len(lines)] = drawn[k]
                    lines.append(text)
                    where.append(src)
                lines.append("")
                where.append(line)
            add(el.tail, line, outer)
            return
        if tag == "pre":
            flush(line, block)
            offset = 0
            xpath = paths(el) if elements is not None else ""
            for k, text in enumerate((_text_content(el) or "").splitlines(keepends=True)):
                shown = text.splitlines()[0] if text.splitlines() else ""
                if elements is not None and shown.strip():
                    elements[len(lines)] = [(0, len(shown), f"{xpath}#{offset}")]
                lines.append(shown.replace("\xa0", " ").rstrip())
                where.append(line + k)
                offset += len(text)
            add(el.tail, line, outer)
            return
        if tag in _BLOCK:
            flush(line, block)
        own = el if tag in _BLOCK and tag not in ("br", "hr") else block
        if tag == "hr" or "page-break" in (el.get("style") or "").lower():
            lines.append("<PAGE>")
            where.append(line)
        add(el.text, line, mono)
        for child in el:
            walk(child, mono, own)
        if tag in _BLOCK:
            flush(line, own)
        add(el.tail, line, outer)

    too_wide: list[int] = []
    body = root.find("body")
    top = body if body is not None else root
    try:
        walk(top, block=top)
        flush(0, top)
    finally:
        # `walk` calls itself, so its closure (and `paths`, holding every element's proxy and, by its getpath, the
        # whole tree) is a cycle only the collector frees: let go of them now, not when a collection comes round
        # (the tree outlived the conversion into its validation: 250 MB more at the peak)
        paths.clear()
        paths.getpath = None
        past_cap.clear()
        walk = None  # noqa: F841
    if not every_line and remarks is not None:
        remarks.append(f"source lines past {_LINE_CAP:,} are not all known (the HTML parser counts no further): "
                       f"facts printed there name line {_LINE_CAP:,}")
    if too_wide and remarks is not None:
        remarks.append(f"{len(set(too_wide))} HTML table(s) wider than {MAX_TABLE_COLUMNS} columns or too large to lay "
                       f"out ({MAX_TABLE_CHARS:,} characters): the cells beyond, or the layout, are not read (first at line {first_line[too_wide[0] - 1] if 0 < too_wide[0] <= len(first_line) else too_wide[0]})")
    return lines, [first_line[w - 1] if 0 < w <= len(first_line) else w for w in where]
