"""An HTML filing's own markup in the inline XBRL document: numbers wrapped where they were printed, the HTML of
the era (font, center, align=, tables in paragraphs) made into the XHTML 1.1 that inline XBRL requires."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lxml import etree

from edgar2xbrl.read.html import _span as cell_span, parse as parse_html, split_element, MAX_COLSPAN, MAX_ROWSPAN
from edgar2xbrl.write.ixbrl import (IX, XHTML, _DIGITS, _append_text, _fact_attrs, _Wrap, _token, find_string,
                                    number_attrs)
from edgar2xbrl.xbrl_report import ReportFact
from edgar2xbrl.write.xmlsafe import clean

_BLOCK = {"div", "p", "table", "ul", "ol", "dl", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr",
          "address", "fieldset"}
# XHTML 1.1 elements whose content may only be text and inline elements
_INLINE_ONLY = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "b", "i", "em", "strong", "small", "big", "tt",
                "sub", "sup", "code", "cite", "abbr", "acronym", "dfn", "kbd", "samp", "var", "q", "pre", "address",
                "dt", "caption", "label", "legend"}
_INLINE = {"span", "a", "b", "i", "em", "strong", "small", "big", "tt", "sub", "sup", "code", "cite", "abbr",
           "acronym", "dfn", "kbd", "samp", "var", "q", "br"}
_FLOW = {"div", "li", "dd", "td", "th", "fieldset"}
# the era's presentational elements → an XHTML element and the style that shows the same
_RENAME = {"font": ("span", ""), "a": ("span", ""), "center": ("div", "text-align:center"),
           "u": ("span", "text-decoration:underline"),
           "s": ("span", "text-decoration:line-through"), "strike": ("span", "text-decoration:line-through"),
           "blockquote": ("div", "margin-left:2em"), "form": ("div", ""), "body": ("div", ""),
           "html": ("div", ""), "dir": ("ul", ""), "menu": ("ul", ""), "listing": ("pre", ""),
           "xmp": ("pre", ""), "plaintext": ("pre", ""), "nobr": ("span", "white-space:nowrap"),
           "marquee": ("div", ""), "layer": ("div", ""), "ilayer": ("span", ""), "thead": (None, ""),
           "tbody": (None, ""), "tfoot": (None, "")}
_KNOWN = _BLOCK | _INLINE | _FLOW | {"li", "dd", "dt", "td", "th", "tr", "table", "caption", "col", "colgroup",
                                    "ul", "ol", "dl", "hr"}
# not the filing's text, or a reference to something outside it (a page that loads nothing is safe to open)
_DROP = {"img", "script", "style", "object", "embed", "applet", "iframe", "frame", "frameset", "noscript", "template",
         "input", "select", "textarea", "button", "map", "area", "meta", "link", "title", "head", "base",
         "basefont", "param"}
_FONT_SIZE = {"1": "8pt", "2": "10pt", "3": "12pt", "4": "14pt", "5": "18pt", "6": "24pt", "7": "36pt"}
_CSS_PROPS = {"align": "text-align", "valign": "vertical-align", "bgcolor": "background-color", "color": "color",
              "face": "font-family"}
_PIXELS = re.compile(r"\d{1,5}")
_PERCENT = re.compile(r"\d{1,3}(\.\d+)?%")
_CSS_VALUE = re.compile(r"^[#\w.%\- ,'\"]{1,60}$")
# Clark names, made once: every element of a long filing is tested against them
_IX_PREFIX = f"{{{IX}}}"
_TR = f"{{{XHTML}}}tr"
_CELLS = frozenset({f"{{{XHTML}}}td", f"{{{XHTML}}}th"})
_XHTML_TAGS = {t: f"{{{XHTML}}}{t}" for t in ("div", "span", "p", "td", "th", "tr", "table", "br", "b", "i")}


def html_part(part, text: str, facts: list[ReportFact], cover: list[ReportFact]) -> set[str]:
    """Fill `part` with the HTML document `text` (one document of the submission), its facts wrapped in place
    (`cover`: the cover facts, looked for at its top); the ids of the facts placed."""
    root, _, _ = parse_html(text)
    if root is None:
        return set()
    # (the facts are wrapped apart: what holds on to the document's elements is let go before it is copied, so
    # each part of the document is freed once copied)
    placed = _wrap_facts(root, facts, cover)
    body = root.find("body")
    _xhtml_into(part, body if body is not None else root)
    return placed


def _wrap_facts(root, facts: list[ReportFact], cover: list[ReportFact]) -> set[str]:
    """Each fact's printed characters in the document wrapped in its ix elements; the ids of the facts placed."""
    tree = root.getroottree()
    find = _PathFinder(root)
    placed: set[str] = set()
    located: list[tuple[object, str, int, int, ReportFact, dict]] = []
    taken: set[tuple[int, str, int]] = set()
    # in printed order within an element: a paragraph's equal amounts go to their facts left to right
    for f in sorted(facts, key=lambda f: (f.span.element, f.span.line, f.span.start)):
        if not f.numeric or not f.span.element:
            continue
        xpath, offset = split_element(f.span.element)
        found = find(xpath)
        if found is None:
            try:
                found = tree.xpath(xpath)
            except etree.XPathError:
                continue
        if not isinstance(found, list) or len(found) != 1:
            continue  # an expression of a damaged document's path may evaluate to a boolean, a number or a string
        hit = None
        # a number no other fact took, else one another fact took (a par value printed once for two dates: the
        # facts nest)
        for skip in (taken, set()):
            for el in _near(found[0]) if offset is None else found:
                hit = _find(el, f, offset, skip)
                if hit is not None:
                    break
            if hit is not None:
                break
        if hit is not None:
            node, attr, s, e, attrs = hit
            taken.add((id(node), attr, s))
            located.append((node, attr, s, e, f, attrs))
    located += _cover(root, cover, taken)
    # wrap after every element is found: wrapping changes the text nodes the XPaths and offsets point into
    by_node: dict[tuple[int, str], tuple[object, dict[int, _Wrap]]] = {}  # text node → (its element, its runs)
    for node, attr, s, e, f, attrs in located:
        runs = by_node.setdefault((id(node), attr), (node, {}))[1]
        w = runs.get(s)
        if w is None:
            if any(r.start < e and s < r.end for r in runs.values()):
                continue  # overlaps a run another fact wraps
            w = runs[s] = _Wrap(s, e)
        elif w.end != e or any(g.concept == f.concept and g.context == f.context for g, _ in w.facts):
            continue
        w.facts.append((f, attrs))
        placed.add(f.id)
    for (_, attr), (node, runs) in by_node.items():
        # right to left, so the offsets of the runs still to wrap stay valid
        for start in sorted(runs, reverse=True):
            _wrap_text(node, attr, runs[start].start, runs[start].end, runs[start].facts)
    return placed


# an XPath as read.html writes it ("/html/body/table[3]/tr[2]/td[4]"): element names and positions only
_PLAIN_PATH = re.compile(r"(?:/[A-Za-z][A-Za-z0-9]{0,40}(?:\[[1-9][0-9]{0,8}\])?){1,1000}")
_STEP = re.compile(r"/([A-Za-z][A-Za-z0-9]*)(?:\[([0-9]+)\])?")


class _PathFinder:
    """What tree.xpath(path) finds for a plain path, each parent's children grouped by name once: libxml2 scans
    every step's siblings again for each path, and the facts of a long document are thousands of paths through
    the same parents. None for any other path, or where a step without a position finds more than one element
    (left to libxml2)."""

    def __init__(self, root) -> None:
        self.root = root
        self.named: dict[object, dict[str, list]] = {}  # parent → its element children by name, in order

    def __call__(self, path: str) -> list | None:
        if not _PLAIN_PATH.fullmatch(path):
            return None
        nodes = None
        for m in _STEP.finditer(path):
            name, pos = m.group(1), m.group(2)
            if nodes is None:
                same = [self.root] if self.root.tag == name else []  # the document's one element
            else:
                by_name = self.named.get(nodes)
                if by_name is None:
                    by_name = self.named[nodes] = {}
                    for c in nodes:
                        if isinstance(c.tag, str):
                            by_name.setdefault(c.tag, []).append(c)
                same = by_name.get(name, [])
            if pos is not None:
                k = int(pos)
                same = same[k - 1:k]
            if not same:
                return []
            if len(same) > 1:
                return None
            nodes = same[0]
        return [nodes]


_COVER_NODES = 400  # text nodes from the top of the document where the cover page is looked for


def _cover(root, cover: list[ReportFact], taken: set[tuple[int, str, int]]) -> list:
    """Where the cover facts are printed on the cover page, when they are printed as they are written."""
    body = root.find("body")
    nodes = []
    for node, attr in _text_nodes(body if body is not None else root):
        nodes.append((node, attr))
        if len(nodes) >= _COVER_NODES:
            break
    out = []
    for f in cover:
        for node, attr in nodes:
            t = getattr(node, attr)
            hit = None
            if f.numeric:
                for m in _DIGITS.finditer(t):
                    attrs = number_attrs(f, m.group()) if _amount(m.group()) == f.number else None
                    if attrs is not None and (id(node), attr, m.start()) not in taken:
                        hit = (m.start(), m.end(), attrs)
                        break
            elif f.value.strip() and "\n" not in f.value:
                hit = find_string(t, f.value)  # the exact characters: a value read with &nbsp; as a space is not
            if hit is not None:
                taken.add((id(node), attr, hit[0]))
                out.append((node, attr, hit[0], hit[1], f, hit[2]))
                break
    return out


def _near(el, reach: int = 6):
    """The element, then the ones above it a label wrapped over (the previous paragraphs, or rows of its table):
    an amount stated inside a long label is printed lines above the row's values."""
    yield el
    yield from list(el.itersiblings(preceding=True))[:reach]
    if isinstance(el.tag, str) and el.tag.lower() in ("td", "th") and el.getparent() is not None:
        yield from list(el.getparent().itersiblings(preceding=True))[:reach]


def _text_nodes(el):
    """(element, "text" | "tail") of each text node under el, in document order, as XPath string() reads them
    (comments' own text left out)."""
    if el.text is not None and isinstance(el.tag, str):
        yield el, "text"
    for child in el:
        if isinstance(child.tag, str):
            yield from _text_nodes(child)
        if child.tail is not None:
            yield child, "tail"


def _find(el, f: ReportFact, offset: int | None, taken: set[tuple[int, str, int]]):
    """(node, "text" | "tail", start, end, ix attributes) of the fact's printed digits under el: at `offset` in
    its text, else the first such number not `taken` by another fact."""
    tok = _token(f.span.text)
    if tok is None:
        return None
    want = f.span.text[tok[0]:tok[1]]
    attrs = number_attrs(f, want)
    if attrs is None and offset is not None:
        return None
    wanted = _amount(want)
    pos = 0
    for node, attr in _text_nodes(el):
        t = getattr(node, attr)
        if offset is not None:
            # a line of a <pre>: the offset says where, in the element's text, the printed amount starts
            at = offset + tok[0] - pos
            if 0 <= at < len(t):
                return (node, attr, at, at + len(want), attrs) if t[at:at + len(want)] == want else None
        else:
            for m in (_DIGITS.finditer(t) if wanted is not None else re.finditer(re.escape(want), t)):
                # the same amount, however printed ("717794" read from "717,794" in a sentence)
                if (id(node), attr, m.start()) in taken or (m.group() != want and _amount(m.group()) != wanted):
                    continue
                before = t[m.start() - 1:m.start()]
                found = number_attrs(f, m.group())
                if found is not None and not (before and (before.isalnum() or before in ".-")):
                    return node, attr, m.start(), m.end(), found
        pos += len(t)
    return None


def _amount(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")) if _DIGITS.fullmatch(text) else None
    except InvalidOperation:
        return None


def _wrap_text(node, attr: str, s: int, e: int, facts: list[tuple[ReportFact, dict]]) -> None:
    t = getattr(node, attr)
    outer = inner = None
    for f, attrs in facts:
        el = etree.Element(f"{{{IX}}}{'nonFraction' if f.numeric else 'nonNumeric'}", _fact_attrs(f, attrs))
        if outer is None:
            outer = el
        else:
            inner.append(el)
        inner = el
    inner.text = t[s:e]
    outer.tail = t[e:]
    setattr(node, attr, t[:s])
    if attr == "text":
        node.insert(0, outer)
    else:
        parent = node.getparent()
        parent.insert(parent.index(node) + 1, outer)


# (source tag, its attributes) → the copy's attributes: a document repeats a few sets on thousands of elements
_ATTRS: dict[tuple, dict[str, str]] = {}
_ATTRS_KEPT = 4096
_NO_ATTRS: dict[str, str] = {}  # (SubElement reads the attributes it is given, and keeps no hold on the dict)


def _attrs(el, source_tag: str, tag: str, extra: str) -> dict[str, str]:
    """The copy's attributes: the style (the renamed element's `extra`, then the element's own presentational
    attributes said in CSS), a cell's colspan and rowspan as a browser reads them. Shared between elements: not
    to be changed."""
    items = el.items()
    if not items:
        return {"style": extra} if extra else _NO_ATTRS
    key = (source_tag, tuple(items))
    attrs = _ATTRS.get(key)
    if attrs is None:
        attrs = _attrs_of(source_tag, tag, extra, key[1])
        if sum(len(v) for _, v in key[1]) <= 1000:  # (attributes of a size no document repeats are not kept)
            if len(_ATTRS) >= _ATTRS_KEPT:
                _ATTRS.clear()
            _ATTRS[key] = attrs
    return attrs


def _attrs_of(source_tag: str, tag: str, extra: str, items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    own = _style_of(source_tag, items)
    style = f"{extra};{own}" if extra and own else extra or own
    attrs = {}
    if style:
        attrs["style"] = style
    if tag in ("td", "th"):
        given: dict[str, str] = {}
        for k, v in items:
            given.setdefault(k, v)  # (el.get: the first of a name)
        for name, cap in (("colspan", MAX_COLSPAN), ("rowspan", MAX_ROWSPAN)):
            if given.get(name) is not None:
                n = cell_span(given[name], cap)
                if n != 1:
                    attrs[name] = str(n)
    return attrs


def _style_of(tag: str, items: tuple[tuple[str, str], ...]) -> str:
    css = []
    own = ""
    for k, v in items:
        k = k.lower() if isinstance(k, str) else ""
        if k == "style":
            own = clean(v).replace("\n", " ").strip()
        elif k == "nowrap":
            css.append("white-space:nowrap")
        elif k in _CSS_PROPS and _CSS_VALUE.match(v):
            if k == "align" and tag == "table" and v.lower() == "center":
                css.append("margin-left:auto;margin-right:auto")
            else:
                css.append(f"{_CSS_PROPS[k]}:{v.lower() if k in ('align', 'valign') else v}")
        elif k in ("width", "height"):
            v = v.strip()
            if _PIXELS.fullmatch(v):
                css.append(f"{k}:{v}px")
            elif _PERCENT.fullmatch(v):
                css.append(f"{k}:{v}")
        elif k == "size" and tag == "font" and v.strip().lstrip("+-") in _FONT_SIZE:
            css.append(f"font-size:{_FONT_SIZE[v.strip().lstrip('+-')]}")
    return ";".join(css + ([own] if own else []))


def _xhtml(el):
    """A copy of the lxml.html element `el` as valid XHTML 1.1 (None to leave it out, a <fragment> element holding
    what is kept of an element that is left out with its content); ix elements inside kept."""
    holder = etree.Element("fragment")  # (no namespace of its own: a copy read from it declares only XHTML's)
    _xhtml_into(holder, el)
    if len(holder) == 1 and not holder.text:
        return holder[0]
    return holder if len(holder) or holder.text else None


def _ix_copy(el):
    """A fact's wrapping (ix elements, nested outermost first, as `_wrap_text` makes them), copied."""
    out = etree.Element(el.tag, dict(el.attrib))
    out.text = el.text
    for c in el:
        out.append(_ix_copy(c))
    return out


def _xhtml_into(parent, el) -> None:
    """`el` as XHTML added under `parent`: the copy of its element, or for an element that is left out with its
    content kept (a namespaced Word tag, tbody) that content; built where it will stay. An element made apart
    and appended is a document of its own moved into its parent's, which lxml walks node by node: a copy built
    from the leaves up was walked once per level above each node. `el`'s content is emptied once copied (its
    text, attributes and children; its tail stays, for the caller)."""
    raw = el.tag
    if not isinstance(raw, str):
        return  # comments, processing instructions
    how = _HOW.get(raw)
    if how is None:
        how = _how(raw)
    tag, extra, clark, source_tag = how
    if clark is None:
        if tag is not None:
            _ix_or_splice(parent, el, tag)
        return
    out = etree.SubElement(parent, clark, _attrs(el, source_tag, tag, extra))
    text = el.text
    if text:
        out.text = clean(text)
    copied = False
    for c in el:
        _xhtml_into(out, c)
        tail = c.tail
        if tail:
            # (what `_append_text(out, tail)` does, without the call: most elements have a tail)
            tail = clean(tail)
            try:
                last = out[-1]
            except IndexError:
                out.text = (out.text or "") + tail
            else:
                last.tail = (last.tail or "") + tail
        copied = True
    if copied:
        # the source's subtree is let go as soon as it is copied: the parsed document and its copy were both whole
        # at the end (60 MB more for JPMorgan's 10-K), and the document was freed in one go after
        el.clear(keep_tail=True)
    if tag in _FITTED:
        if tag in _INLINE_ONLY_FLAT:
            # (most: spans and paragraphs) what `_fit` does to them, without the call
            if any(c.tag in _BLOCK_TAGS for c in out):
                out.tag = _DIV  # renamed in place, as `_fit` says why
            return
        fitted = _fit(out, tag)
        if fitted is not out:
            parent.replace(out, fitted)


# source tag → (the copy's local name, the style its renaming adds, its Clark name, the source tag lowered);
# (None, "", None, ...) for an element left out with its content, ("ix" | "splice", "", None, ...) for one whose
# content is kept otherwise. A document has a few dozen tags, each on thousands of elements.
_HOW: dict[str, tuple] = {}
_DIV = f"{{{XHTML}}}div"


def _how(raw: str) -> tuple:
    if raw.startswith(_IX_PREFIX):
        return ("ix", "", None, raw)  # (a fact's wrapping: a few elements; not kept, nor are other Clark names)
    tag = source_tag = raw.lower()
    extra = ""
    if tag in _DROP or ":" in tag:
        how = (("splice" if ":" in tag else None), "", None, source_tag)
    elif tag in _RENAME and _RENAME[tag][0] is None:
        how = ("splice", "", None, source_tag)
    else:
        if tag in _RENAME:
            tag, extra = _RENAME[tag]
        elif tag not in _KNOWN:
            tag = "span"
        how = (tag, extra, _XHTML_TAGS.get(tag) or f"{{{XHTML}}}{tag}", source_tag)
    if len(_HOW) < 1024 and not raw.startswith("{"):  # (a damaged document's made-up tags are not kept)
        _HOW[raw] = how
    return how


def _ix_or_splice(parent, el, how: str) -> None:
    if how == "ix":
        parent.append(_ix_copy(el))
    else:
        _splice(parent, el)


def _splice(parent, el) -> None:
    """The converted content of `el` without the element, added to `parent` (a text piece that cleans to nothing
    adds nothing)."""
    text = el.text
    _append_text(parent, clean(text) if text else None)
    for c in el:
        _xhtml_into(parent, c)
        tail = c.tail
        if tail:
            _append_text(parent, clean(tail))


def _local(el) -> str:
    return el.tag.rpartition("}")[2] if isinstance(el.tag, str) else ""


_BLOCK_TAGS = frozenset(f"{{{XHTML}}}{t}" for t in _BLOCK | {"li", "dd", "dt", "tr", "td", "th"})


_FITTED = frozenset(_INLINE_ONLY | {"pre", "table", "tr", "ul", "ol", "dl"})  # what `_fit` may change
_INLINE_ONLY_FLAT = frozenset(_INLINE_ONLY - {"pre"})  # of those, what `_fit` only renames (a block inside)


def _fit(out, tag: str):
    """Make an element's content fit XHTML 1.1's content models: inline-only elements holding blocks become
    <div>s, tables hold rows and rows hold cells, lists hold items (`tag`: out's local name)."""
    if tag in _INLINE_ONLY and any(c.tag in _BLOCK_TAGS for c in out):
        # renamed in place (its only attribute is its style): moved to a new element, every child's whole subtree
        # would be walked again (lxml fixes up each node moved), and fonts nested around most of a document made
        # that quadratic
        if tag == "pre":
            out.set("style", ";".join(s for s in ("white-space:pre", out.get("style")) if s))
        out.tag = f"{{{XHTML}}}div"
        tag = "div"
    if tag == "pre":
        for c in list(out.iter()):  # XHTML 1.1 keeps images and font size changes out of <pre>
            if c is not out and _local(c) in ("big", "small", "sub", "sup"):
                c.tag = f"{{{XHTML}}}span"
    if tag == "table":
        return _fit_table(out)
    if tag == "tr":
        return _fit_row(out)
    if tag in ("ul", "ol"):
        return _fit_list(out, "li")
    if tag == "dl":
        return _fit_list(out, "dd", allowed=("dt", "dd"))
    return out


def _fit_row(tr):
    if tr.text is None or not tr.text.strip():
        if all(c.tag in _CELLS for c in tr):
            # cells only (most rows): fitted in place, as the copy below would make it
            tr.text = None
            for c in tr:
                c.tail = None
            if not len(tr):
                etree.SubElement(tr, f"{{{XHTML}}}td")
            return tr
    cells, others = [], []
    for c in tr:
        (cells if c.tag in _CELLS else others).append(c)
    if others or (tr.text and tr.text.strip()):
        # text or elements between the cells: kept in a cell of their own, so no tagged number is lost
        cell = etree.Element(f"{{{XHTML}}}td")
        cell.text = tr.text if tr.text and tr.text.strip() else None
        for c in others:
            cell.append(c)
        cells.append(cell)
    new = etree.Element(f"{{{XHTML}}}tr", dict(tr.attrib))
    for c in cells:
        c.tail = None
        new.append(c)
    if not len(new):
        etree.SubElement(new, f"{{{XHTML}}}td")
    return new


def _fit_table(table):
    if (table.text is None or not table.text.strip()) and len(table) and all(_local(c) == "tr" for c in table):
        # rows only (most tables), fitted already: in place, as the copy below would make it
        table.text = None
        for c in table:
            c.tail = None
        return table
    rows = []  # (row, whether it is fitted already)
    loose = []
    for c in table:
        name = _local(c)
        if name == "tr":
            rows.append((c, True))  # made by _xhtml, which fitted it: fitting it again would copy it unchanged
        elif name in ("td", "th"):
            tr = etree.Element(f"{{{XHTML}}}tr")
            tr.append(c)
            rows.append((tr, False))
        elif name != "caption" and name not in ("col", "colgroup"):
            loose.append(c)
    if loose or (table.text and table.text.strip()):
        tr = etree.Element(f"{{{XHTML}}}tr")
        td = etree.SubElement(tr, f"{{{XHTML}}}td")
        td.text = table.text if table.text and table.text.strip() else None
        for c in loose:
            td.append(c)
        rows.append((tr, False))
    if not rows:
        div = etree.Element(f"{{{XHTML}}}div", dict(table.attrib))
        for c in list(table):
            div.append(c)
        return div
    new = etree.Element(f"{{{XHTML}}}table", dict(table.attrib))
    for r, fitted in rows:
        r.tail = None
        new.append(r if fitted else _fit_row(r))
    return new


def _fit_list(lst, item: str, allowed: tuple[str, ...] = ("li",)):
    new = etree.Element(lst.tag, dict(lst.attrib))
    pending = None
    if lst.text and lst.text.strip():
        pending = etree.SubElement(new, f"{{{XHTML}}}{item}")
        pending.text = lst.text
    for c in list(lst):
        if _local(c) in allowed:
            new.append(c)
            pending = None
            continue
        if pending is None:
            pending = etree.SubElement(new, f"{{{XHTML}}}{item}")
        tail, c.tail = c.tail, None
        pending.append(c)
        _append_text(pending, tail)
    if not len(new):
        etree.SubElement(new, f"{{{XHTML}}}{item}")
    return new
