"""The typed report → one inline XBRL 1.1 document: the filing as it was printed, its numbers tagged in place.

A text filing becomes fixed-width lines in `<pre>` blocks, so the page looks like the printed filing; an HTML
filing keeps its own markup, made into valid XHTML. Every fact of the classic instance is in the document: tagged
where it was printed when the writer can find the exact characters (the source span), else in `ix:hidden` (cover
facts the converter computed, a note whose text block is not one run of lines). So the facts an inline XBRL
processor reads are the classic instance's facts, value for value.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from lxml import etree

from edgar2xbrl.read.html import looks_like_html
from edgar2xbrl.model import Filing
from edgar2xbrl.read.source import _STATEMENT_DOCS, Document, documents
from edgar2xbrl.xbrl_report import UNIT_MEASURES, ReportFact, XbrlReport
from edgar2xbrl.write.xmlsafe import clean

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"  # Transformation Registry 4
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDI = "http://xbrl.org/2006/xbrldi"
ISO4217 = "http://www.xbrl.org/2003/iso4217"

NUMBER = "ixt:num-dot-decimal"
ZERO = "ixt:fixed-zero"
DATE = "ixt:date-monthname-day-year-en"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_PRINTED_DATE = re.compile(r"\b(" + "|".join([m.capitalize() for m in _MONTHS] + [m.upper() for m in _MONTHS])
                           + r")\s+(\d{1,2}),\s*((?:19|20)\d\d)\b")

_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")  # (compiled once: a cover value is looked for line by line)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_DASH = re.compile(r"-+|\u2014+|\u2013+|-0-|- -|nil|none", re.I)
# SGML markup of the EDGAR text era: not printed (statements.split_notes leaves such lines out of a note's text)
_MARKUP_LINE = re.compile(r"^\s*</?(TABLE|CAPTION|S|C|FN)>", re.I)
_PAGE = re.compile(r"^\s*<PAGE>\s*$", re.I)
_SEARCH_LINES = 60  # how far below its source line a number stated in a sentence or a label is looked for
_LABEL_LINES = 6  # how far above its row's last line a wrapped label may start
_COVER_LINES = 250  # the cover page, where the registrant's name, shares outstanding and the period are printed

CSS = """body { margin: 1em; }
pre { margin: 0; font-family: "Courier New", Courier, monospace; font-size: 10pt; }
hr.page { border: 0; border-top: 1px dashed #999; margin: 1em 0; }
"""


@dataclass
class _Wrap:
    """Facts tagging one run of printed characters: several facts can share one printed number (a par value
    printed once for two balance sheet dates); they nest, outermost first."""

    start: int
    end: int
    facts: list[tuple[ReportFact, dict]] = field(default_factory=list)  # (fact, its ix attributes)


_SCALES = {Decimal(10) ** k: k for k in range(-12, 16)}  # 10^k → k, the scales ix:nonFraction is given


def number_attrs(f: ReportFact, text: str) -> dict | None:
    """The ix:nonFraction attributes that make `text`, as printed, read as the fact's value; None when no scale
    and format do (the characters are not this fact's number)."""
    v = f.number
    if v is None:
        return None
    attrs = {"unitRef": f.unit, "decimals": f.decimals or "0"}
    # (the common case first: a printed number, which holds a digit)
    if not _DIGITS.fullmatch(text):
        if any(ch.isdigit() for ch in text) or not _DASH.fullmatch(text.strip()) or v != 0:
            return None
        return {**attrs, "format": ZERO}
    try:
        printed = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    if printed == 0:
        return {**attrs, "format": NUMBER} if v == 0 else None
    ratio = abs(v) / printed
    scale = _SCALES.get(ratio)  # (a Decimal's hash is its number's: 1E+3 finds 1000)
    if scale is None:
        return None
    attrs["format"] = NUMBER
    if scale:
        attrs["scale"] = str(scale)
    if v < 0:
        attrs["sign"] = "-"
    return attrs


def _token(printed: str) -> tuple[int, int] | None:
    """The characters of a printed amount the tag wraps: the digits ("(1,227)" → "1,227", the parentheses stay
    outside), or a dash that prints a zero."""
    m = _DIGITS.search(printed)
    if m:
        return m.span()
    bare = printed.replace("$", "").strip()
    if bare and _DASH.fullmatch(bare):
        k = printed.index(bare)
        return k, k + len(bare)
    return None


def find_string(text: str, value: str) -> tuple[int, int, dict] | None:
    """(start, end, ix attributes) of a cover value printed in `text`: the words themselves, or a date printed
    as "September 30, 2004" for 2004-09-30."""
    if _ISO_DATE.fullmatch(value):
        for m in _PRINTED_DATE.finditer(text):
            month = _MONTHS.index(m.group(1).lower()) + 1
            if f"{m.group(3)}-{month:02d}-{int(m.group(2)):02d}" == value:
                return m.start(), m.end(), {"format": DATE}
        return None
    k = text.find(value)
    while k >= 0:
        edge = text[k - 1:k] + text[k + len(value):k + len(value) + 1] if k else text[len(value):len(value) + 1]
        if not any(ch.isalnum() for ch in edge):  # "NY" is not the one inside "COMPANY"
            return k, k + len(value), {}
        k = text.find(value, k + 1)
    return None


def _is_text_block(f: ReportFact) -> bool:
    return f.unit is None and f.concept.endswith("TextBlock") and f.value.startswith("<pre>") \
        and f.value.endswith("</pre>")


def _block_text(f: ReportFact) -> str:
    import html
    return html.unescape(f.value[len("<pre>"):-len("</pre>")])


class _Plan:
    """Where each fact goes: wraps by (line index, start) for text, by element for HTML; the rest is hidden."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.wraps: dict[int, dict[int, _Wrap]] = {}  # line index → start → wrap
        self.blocks: dict[int, tuple[int, ReportFact]] = {}  # first line index → (end index, text block fact)
        self.placed: set[str] = set()

    def taken(self, i: int, start: int, end: int) -> _Wrap | None | bool:
        """The wrap over exactly [start, end) on line i, False when [start, end) overlaps another one."""
        for w in self.wraps.get(i, {}).values():
            if w.start == start and w.end == end:
                return w
            if w.start < end and start < w.end:
                return False
        return None

    def wrap(self, i: int, start: int, end: int, f: ReportFact, attrs: dict, reuse: bool = True) -> bool:
        w = self.taken(i, start, end)
        if w is False or (w is not None and not reuse):
            return False
        if w is None:
            w = self.wraps.setdefault(i, {}).setdefault(start, _Wrap(start, end))
        if any(g.concept == f.concept and g.context == f.context for g, _ in w.facts):
            return False
        w.facts.append((f, attrs))
        self.placed.add(f.id)
        return True

    def place_number(self, f: ReportFact, i: int) -> bool:
        """A numeric fact at its span on line i, else the first number on the lines below that reads as it."""
        line = self.lines[i] if 0 <= i < len(self.lines) else ""
        sp = f.span
        if sp.start >= 0 and line[sp.start:sp.end] == sp.text:
            tok = _token(sp.text)
            if tok is not None:
                s, e = sp.start + tok[0], sp.start + tok[1]
                attrs = number_attrs(f, line[s:e])
                if attrs is not None and self.wrap(i, s, e, f, attrs):
                    return True
        # a row's amounts are on its last line, an amount inside its label may be on the lines above
        return self.search_number(f, i, min(len(self.lines), i + _SEARCH_LINES), above=_LABEL_LINES)

    def search_number(self, f: ReportFact, lo: int, hi: int, above: int = 0) -> bool:
        want = _DIGITS.search(f.printed.replace("$", ""))
        if want is None:
            return False
        try:
            wanted = Decimal(want.group().replace(",", ""))
        except InvalidOperation:
            return False
        for i in list(range(lo, max(0, lo - above) - 1, -1)) + list(range(lo + 1, hi)):
            if not 0 <= i < len(self.lines):
                continue
            for m in _DIGITS.finditer(self.lines[i]):
                try:
                    if Decimal(m.group().replace(",", "")) != wanted:
                        continue
                except InvalidOperation:
                    continue
                # a number inside a longer word or figure ("1,234" of "A1,234" or "1,234-5") is not this one
                before = self.lines[i][m.start() - 1:m.start()]
                if before and (before.isalnum() or before in ".-"):
                    continue
                attrs = number_attrs(f, m.group())
                if attrs is not None and self.wrap(i, m.start(), m.end(), f, attrs):
                    return True
        return False

    def search_string(self, f: ReportFact, lo: int, hi: int) -> bool:
        value = f.value
        if not value.strip() or value != value.strip() or "\n" in value:
            return False
        for i in range(max(0, lo), hi):
            hit = find_string(self.lines[i], value)
            if hit is not None and self.wrap(i, hit[0], hit[1], f, hit[2], reuse=False):
                return True
        return False

    def place_block(self, f: ReportFact, i: int, hi: int) -> bool:
        """A note's text block over the run of lines it was read from, when they are exactly its text."""
        text = _block_text(f).split("\n")
        j = i + len(text)
        if j > hi or self.lines[i:j] != text or any(k in self.blocks or any(
                b <= k < e for b, (e, _) in self.blocks.items()) for k in (i, j - 1)):
            return False
        self.blocks[i] = (j, f)
        self.placed.add(f.id)
        return True


def write_inline(x: XbrlReport, source: Filing) -> dict[str, str]:
    """{name: text} of the inline XBRL document of the report `x` read from the filing `source`."""
    name, root = inline_tree(x, source)
    xml = etree.tostring(root, encoding="unicode")
    del root  # the tree goes before the document is copied once more
    return {name: "".join((XML_DECLARATION, xml, "\n"))}


XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def inline_tree(x: XbrlReport, source: Filing) -> tuple[str, etree._Element]:
    """The inline XBRL document's name and its tree: the document is the XML declaration, the tree serialized
    (`etree.tostring(root, encoding="unicode")`) and a newline; a file written at once gets the tree serialized
    into it as UTF-8, the same bytes, and the text is never held whole."""
    # the filing's own lines for a text filing (read from its text just so, and never changed); an HTML filing's
    # are the rendered text, and its markup's lines are read here
    raw = (source.lines if source.line_map is None
           else [ln.expandtabs(8).rstrip() for ln in source.text.split("\n")])
    docs = [d for d in documents(raw) if not d.type or _STATEMENT_DOCS.match(d.type)] or documents(raw)[:1]
    nsmap = {None: XHTML, "ix": IX, "ixt": IXT, "xbrli": XBRLI, "link": LINK, "xlink": XLINK, "xbrldi": XBRLDI,
             "iso4217": ISO4217, **x.namespaces}
    root = etree.Element(f"{{{XHTML}}}html", nsmap=nsmap)
    head = etree.SubElement(root, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}meta", {"http-equiv": "Content-Type",
                                                "content": "text/html; charset=utf-8"})
    title = etree.SubElement(head, f"{{{XHTML}}}title")
    title.text = clean(f"{x.entity.registrant} {x.entity.form} {x.entity.period_end.isoformat()}")
    style = etree.SubElement(head, f"{{{XHTML}}}style", {"type": "text/css"})
    style.text = CSS
    body = etree.SubElement(root, f"{{{XHTML}}}body")
    hidden_div = etree.SubElement(body, f"{{{XHTML}}}div", {"style": "display:none"})

    by_doc: dict[int, list[ReportFact]] = {}
    cover: list[ReportFact] = []
    for f in x.facts:
        k = next((n for n, d in enumerate(docs) if d.start < f.span.line <= d.end), None)
        if k is not None:
            by_doc.setdefault(k, []).append(f)
        elif f.span.line == 0:
            cover.append(f)
    placed: set[str] = set()
    text = facts = part = None
    for n, d in enumerate(docs):
        text = "\n".join(raw[d.start:d.end])
        part = etree.SubElement(body, f"{{{XHTML}}}div", {"class": "document"})
        facts = by_doc.get(n, []) + (cover if n == 0 else [])
        if source.line_map is not None and looks_like_html(text):
            from edgar2xbrl.write.ixbrl_html import html_part
            placed |= html_part(part, text, facts, cover if n == 0 else [])
        else:
            placed |= _text_part(part, raw, d, facts, cover if n == 0 else [])
    _header(hidden_div, x, [f for f in x.facts if f.id not in placed])
    # only the tree is written: the lines and every other handle on the tree go first
    del raw, by_doc, cover, text, facts, part, head, title, style, body, hidden_div
    return f"{x.base_name}.htm", root


def _text_part(part, raw: list[str], d: Document, facts: list[ReportFact], cover: list[ReportFact]) -> set[str]:
    lines = raw
    plan = _Plan(lines)
    cover_ids = {f.id for f in cover}
    for f in facts:  # text blocks first: the numbers inside them nest in the block
        if _is_text_block(f) and f.span.line:
            plan.place_block(f, f.span.line - 1, d.end)
    for f in facts:
        if f.id in plan.placed or _is_text_block(f):
            continue
        if f.id in cover_ids:
            lo, hi = d.start, min(d.end, d.start + _COVER_LINES)
            if f.numeric:
                plan.search_number(f, lo, hi)
            else:
                plan.search_string(f, lo, hi)
        elif f.numeric:
            plan.place_number(f, f.span.line - 1)
    pre: _Sink | None = None
    i = d.start
    while i < d.end:
        if i in plan.blocks:
            end, f = plan.blocks[i]
            if pre is not None:
                pre.flush()
            nn = etree.SubElement(part, f"{{{IX}}}nonNumeric", _fact_attrs(f, {"escape": "true"}))
            # the <pre> has no attributes: the escaped value is then "<pre>" + the note + "</pre>", as classic
            inner = _Sink(etree.SubElement(nn, f"{{{XHTML}}}pre"))
            for k in range(i, end):
                _line(inner, lines[k], plan.wraps.get(k), newline=k < end - 1)
            inner.flush()
            pre, i = None, end
            continue
        line = lines[i]
        if _PAGE.match(line):
            if pre is not None:
                pre.flush()
            etree.SubElement(part, f"{{{XHTML}}}hr", {"class": "page"})
            pre, i = None, i + 1
            continue
        if _MARKUP_LINE.match(line) and i not in plan.wraps:
            i += 1
            continue
        if pre is None:
            pre = _Sink(etree.SubElement(part, f"{{{XHTML}}}pre"))
        else:
            pre.text("\n")
        _line(pre, line, plan.wraps.get(i))
        i += 1
    if pre is not None:
        pre.flush()
    return plan.placed


class _Sink:
    """Text and elements appended to an element in order. The text between two elements is joined once: adding
    each line to an lxml element's text copies all the text before it, which is quadratic in a long run."""

    def __init__(self, el):
        self.el, self.pending = el, []

    def text(self, text: str) -> None:
        if text:
            self.pending.append(text)

    def flush(self) -> None:
        if self.pending:
            _append_text(self.el, "".join(self.pending))
            self.pending.clear()

    def element(self, tag: str, attrs: dict):
        self.flush()
        return etree.SubElement(self.el, tag, attrs)


def _line(sink: _Sink, line: str, wraps: dict[int, _Wrap] | None, newline: bool = False) -> None:
    pos = 0
    for start in sorted(wraps or {}):
        w = wraps[start]
        sink.text(line[pos:w.start])
        _nest(sink, w.facts, line[w.start:w.end])
        pos = w.end
    sink.text(line[pos:] + ("\n" if newline else ""))


def _nest(sink: _Sink, facts: list[tuple[ReportFact, dict]], text: str):
    """The facts of one printed run, nested outermost first (iXBRL lets an ix:nonFraction hold one other)."""
    numeric = [(f, a) for f, a in facts if f.numeric]
    chain = numeric if numeric else facts[:1]
    el = None
    for f, attrs in chain:
        tag = "nonFraction" if f.numeric else "nonNumeric"
        el = sink.element(f"{{{IX}}}{tag}", _fact_attrs(f, attrs)) if el is None else \
            etree.SubElement(el, f"{{{IX}}}{tag}", _fact_attrs(f, attrs))
    el.text = clean(text)
    return el


def _append_text(parent, text: str) -> None:
    if not text:
        return
    text = clean(text)
    last = _last_child(parent)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _last_child(el):
    """The element's last child, or None. Not len(el): lxml counts the children one by one, and text is appended
    after every child of a long run (quadratic); el[-1] is found from the end at once."""
    try:
        return el[-1]
    except IndexError:
        return None


@lru_cache(maxsize=4096)  # a filing's facts share a few dozen contexts (frozen), each id formatted from dates
def _context_id(context) -> str:
    return context.id


def _fact_attrs(f: ReportFact, extra: dict) -> dict:
    out = {"name": f.concept, "contextRef": _context_id(f.context), "id": f.id}
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def _header(container, x: XbrlReport, hidden: list[ReportFact]) -> None:
    header = etree.SubElement(container, f"{{{IX}}}header")
    if hidden:
        h = etree.SubElement(header, f"{{{IX}}}hidden")
        for f in hidden:
            if f.numeric:
                v = f.number if f.number is not None else Decimal(0)
                attrs = {"unitRef": f.unit, "decimals": f.decimals or "0"}
                if v < 0:
                    attrs["sign"] = "-"
                el = etree.SubElement(h, f"{{{IX}}}nonFraction", _fact_attrs(f, attrs))
                el.text = _plain(abs(v))
            else:
                el = etree.SubElement(h, f"{{{IX}}}nonNumeric", _fact_attrs(f, {}))
                el.text = clean(f.value)
    refs = etree.SubElement(header, f"{{{IX}}}references")
    etree.SubElement(refs, f"{{{LINK}}}schemaRef", {f"{{{XLINK}}}type": "simple", f"{{{XLINK}}}href": x.schema_file})
    res = etree.SubElement(header, f"{{{IX}}}resources")
    for c in x.contexts:
        ctx = etree.SubElement(res, f"{{{XBRLI}}}context", {"id": c.id})
        ent = etree.SubElement(ctx, f"{{{XBRLI}}}entity")
        ident = etree.SubElement(ent, f"{{{XBRLI}}}identifier", {"scheme": "http://www.sec.gov/CIK"})
        ident.text = x.entity.cik
        if c.dims:
            seg = etree.SubElement(ent, f"{{{XBRLI}}}segment")
            for axis, member in c.dims:
                m = etree.SubElement(seg, f"{{{XBRLDI}}}explicitMember", {"dimension": axis})
                m.text = member
        per = etree.SubElement(ctx, f"{{{XBRLI}}}period")
        if c.period.is_instant:
            etree.SubElement(per, f"{{{XBRLI}}}instant").text = c.period.end.isoformat()
        else:
            etree.SubElement(per, f"{{{XBRLI}}}startDate").text = c.period.start.isoformat()
            etree.SubElement(per, f"{{{XBRLI}}}endDate").text = c.period.end.isoformat()
    for u in x.units:
        num, den = UNIT_MEASURES[u]
        unit = etree.SubElement(res, f"{{{XBRLI}}}unit", {"id": u})
        if den:
            div = etree.SubElement(unit, f"{{{XBRLI}}}divide")
            for tag, ms in (("unitNumerator", num), ("unitDenominator", den)):
                holder = etree.SubElement(div, f"{{{XBRLI}}}{tag}")
                for m in ms:
                    etree.SubElement(holder, f"{{{XBRLI}}}measure").text = m
        else:
            for m in num:
                etree.SubElement(unit, f"{{{XBRLI}}}measure").text = m


def _plain(v: Decimal) -> str:
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def load_inline(path, packages=None) -> tuple[list, list[tuple[str, str, str | None, str]]]:
    """Arelle's reading of an inline XBRL document: (its messages, as validate.Message, and its facts as
    (concept, context key, unit, value)); the context key is "period|dims" so it compares across documents."""
    from edgar2xbrl.check.packages import packages_for
    from edgar2xbrl.check.validate import _Collect
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    pkgs, _ = packages_for(packages)
    opts = RuntimeOptions(entrypointFile=str(path), packages=[str(p) for p in pkgs], validate=True,
                          internetConnectivity="offline", disablePersistentConfig=True, logFile="logToBuffer",
                          keepOpen=True)
    handler = _Collect()
    with Session() as session:
        session.run(opts, logHandler=handler)
        models = session.get_models()
        facts = [_fact_key(f) for m in models for f in m.facts]
    msgs = [m for m in handler.records if not (m.level in ("INFO", "DEBUG") and m.code in ("", "info", "arelle:info"))]
    return msgs, facts


def _fact_key(f) -> tuple[str, str, str | None, str]:
    ctx = f.context
    period = (ctx.instantDatetime.date() if ctx.isInstantPeriod else None)
    if ctx.isInstantPeriod:
        from datetime import timedelta
        when = str(ctx.instantDatetime.date() - timedelta(days=1))
    else:
        from datetime import timedelta
        when = f"{ctx.startDatetime.date()}..{ctx.endDatetime.date() - timedelta(days=1)}"
    del period
    dims = ",".join(sorted(f"{d.dimensionQname}={d.memberQname}" for d in ctx.qnameDims.values()))
    unit = f.unit.id if f.unit is not None else None
    value = _plain(Decimal(str(f.xValue))) if f.isNumeric and f.xValue is not None else f.value
    return str(f.qname), f"{when}|{dims}", unit, value
