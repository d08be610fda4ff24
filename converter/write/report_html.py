"""The conversion report for a person: one self-contained HTML page (`report.html`).

It reads the report dict (what `report.json` holds) and, when given, the typed XBRL report for the concepts'
labels; it computes nothing about the filing itself. The page shows the summary and the findings that need review
first, then each statement as the filing printed it with, beside each row, what was written for it. Everything
that comes from the filing is escaped by the template (autoescape) and loses the control characters HTML has no
use for, so a hostile label stays text.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Iterator

from markupsafe import Markup, escape

from edgar2xbrl.write.render import _finalize, render, render_chunks
from edgar2xbrl.xbrl_report import XbrlReport

# C0 controls but tab and newline, DEL, C1 controls, lone surrogates, the two non-characters: none is text
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CAMEL = re.compile(r"[A-Z]*[^A-Z]+|[A-Z]+(?![^A-Z])")
STANDARD_PREFIXES = ("us-gaap", "dei", "srt", "country", "currency", "exch", "naics", "sic", "stpr", "invest")
TAGGED = ("added", "duplicate")
LOW_CONFIDENCE = 0.6  # below this a concept was chosen on weak evidence: shown in red
MID_CONFIDENCE = 0.85


def text(value: Any) -> str:
    """A string from the filing or the report, fit for an HTML page (escaping is the template's job)."""
    if value is None:
        return ""
    s = str(value)
    if s.isascii() and s.isprintable():  # (most values: printable ASCII holds no control character)
        return s
    return _CONTROL.sub("", s)


def norm(label: Any) -> str:
    return " ".join(text(label).split())


def grouped(value: Any) -> str:
    """A value as written, with thousands separators where it is a number (a reader compares it with print)."""
    s = text(value)
    try:
        d = Decimal(s)
    except (InvalidOperation, ValueError):
        return s
    if not d.is_finite() or abs(d.adjusted()) > 40:  # not a figure a filing prints: shown as given, not expanded
        return s
    return f"{d:,}".replace("-", "\u2212")


def extension_share(tagged: int, extension: int) -> float | None:
    """The share of tagged numbers whose concept is the filer's own (None when nothing was tagged)."""
    return extension / tagged if tagged else None


def percent(x: float | None) -> str:
    return "\u2013" if x is None else f"{100 * x:.1f}%"


def _parts(name: str) -> list[str]:
    parts = _CAMEL.findall(name)
    return parts if "".join(parts) == name else [name]


def _short(source: str, document: str) -> str:
    """A source in the filing itself by its line alone (the file is named once, at the top)."""
    doc, _, where = source.rpartition(":")
    return f"line {where}" if doc == document and where else source


def _alternatives(r: dict) -> list[tuple[str, float]]:
    out = []
    for a in r.get("alternatives") or ():
        if isinstance(a, (list, tuple)) and a:
            try:
                score = float(a[1]) if len(a) > 1 else 0.0
            except (TypeError, ValueError):
                score = 0.0
            out.append((text(a[0]), score))
    return out


def _member(m: str) -> str:
    name = text(m).rpartition(":")[2]
    return name[:-6] if name.endswith("Member") and len(name) > 6 else name


class _Concepts:
    """Whether a concept is the filer's extension, and its label, from the typed report when there is one."""

    def __init__(self, report: dict, xbrl: XbrlReport | None):
        self.ext = {text(e.get("concept")) for e in report.get("extensions") or () if isinstance(e, dict)}
        self.reasons = {text(e.get("concept")): text(e.get("reason")) for e in report.get("extensions") or ()
                        if isinstance(e, dict)}
        self.xbrl = xbrl
        self._views: dict[str, dict] = {}

    def view(self, qname: Any) -> dict:
        """The concept as the page shows it; one dict per concept, shared by every row that names it (the template
        only reads it)."""
        q = text(qname)
        v = self._views.get(q)
        if v is None:
            v = self._views[q] = self._view(q)
        return v

    def _view(self, q: str) -> dict:
        prefix = q.partition(":")[0] if ":" in q else ""
        c = self.xbrl.concept(q) if self.xbrl is not None else None
        ext = (c.extension if c is not None else False) or q in self.ext or (
            bool(prefix) and prefix not in STANDARD_PREFIXES)
        kind = "ext" if ext else "dei" if prefix == "dei" else "gaap"
        title = text(c.label) if c is not None else ""
        if ext and self.reasons.get(q):
            title = f"{title} \u2014 extension: {self.reasons[q]}" if title else f"extension: {self.reasons[q]}"
        name = q.partition(":")[2] or q
        # long camel-case names break between words, not inside one, in a narrow column
        return {"qname": q, "prefix": prefix, "name": name, "parts": _parts(name), "kind": kind,
                "title": title}


def _confidence(values: Iterable[float]) -> dict | None:
    vals = []
    for v in values:
        try:
            vals.append(float(v))
        except (TypeError, ValueError):
            continue
    if not vals:
        return None
    low = min(vals)
    return {"value": f"{low:.2f}", "level": "low" if low < LOW_CONFIDENCE else "mid" if low < MID_CONFIDENCE
            else "high"}


def _row_state(rs: list[dict]) -> tuple[str, list[str]]:
    """The strongest thing a consistency rule did to the row's facts (its CSS class) and the rules' words."""
    said = sorted({text(x) for r in rs for x in (r.get("rules") or ())})
    if any(r.get("status") == "removed" for r in rs):
        return "removed", said
    if any(text(x).endswith("flagged") for x in said):
        return "flagged", said
    if any(r.get("corrected_from") not in (None, "") for r in rs) or any(text(x).endswith("corrected")
                                                                           for x in said):
        return "corrected", said
    return ("named" if said else ""), said


def _pick(rs: list[dict]) -> dict | None:
    """The row a cell shows: the first that wrote (or had removed) a fact, else the first."""
    return next((x for x in rs if x.get("status") in TAGGED + ("removed",)), rs[0] if rs else None)


def _cell_state(printed: Any, r: dict | None, untagged: list[dict]) -> str:
    """A cell's state (its CSS class): what was written for the number printed there, `r` its row (`_pick`)."""
    if printed is None:
        return ""
    state = ""
    if r is not None:
        status = text(r.get("status"))
        if status in TAGGED:
            state = "dup" if status == "duplicate" else ""
            if r.get("corrected_from") not in (None, ""):
                state = "corrected"
        elif status == "removed":
            state = "removed"
        else:
            state = "untagged"
    if untagged:
        state = state or "untagged"
    if r is None and not untagged:
        state = "untagged"
    return state


def _cell(printed: Any, rs: list[dict], untagged: list[dict], concepts: _Concepts, per_cell_concept: bool) -> dict:
    cell: dict = {"printed": text(printed), "written": "", "member": "", "lines": [], "state": "", "concept": None,
                  "title": ""}
    if printed is None:
        return cell
    r = _pick(rs)
    cell["state"] = _cell_state(printed, r, untagged)
    if r is not None:
        status = text(r.get("status"))
        dims = r.get("dimensions") or {}
        member = ", ".join(_member(m) for m in dims.values()) if isinstance(dims, dict) else ""
        cell["title"] = " ".join(x for x in (text(r.get("concept")), text(r.get("period")),
                                             f"[{member}]" if member else "", f"decimals {text(r.get('decimals'))}"
                                             if r.get("decimals") not in (None, "") else "",
                                             text(r.get("sign"))) if x)
        if per_cell_concept:
            cell["concept"] = concepts.view(r.get("concept"))
        if status in TAGGED:
            cell["written"] = grouped(r.get("value"))
            if r.get("corrected_from") not in (None, ""):
                cell["lines"].append(f"was {grouped(r.get('corrected_from'))}")
            if status == "duplicate":
                cell["title"] += " — the same fact is written from another row"
        if member:
            cell["member"] = member
    for u in untagged:
        cell["lines"].append(text(u.get("reason")))
    if r is None and not untagged:
        cell["lines"].append("no fact and no reason recorded for this number")
    return cell


class _Lazy:
    """Rows made as the template reads them and let go after (a large filing's page is never held whole as
    dicts): `len` is known beforehand, each pass over it makes the rows anew."""

    def __init__(self, n: int, make):
        self.n, self.make = n, make

    def __len__(self) -> int:
        return self.n

    def __bool__(self) -> bool:
        return self.n > 0

    def __iter__(self):
        return iter(self.make())


def _view(report: dict, xbrl: XbrlReport | None, concept=None) -> dict:
    """The page's data (`concept`: the page's concept markup, `_concept_markup()`, which the statements' rows are
    written with)."""
    concept = concept or _concept_markup()
    concepts = _Concepts(report, xbrl)
    document = text(report.get("source"))
    rows = [r for r in report.get("rows") or () if isinstance(r, dict)]
    by_row: dict[tuple, list[int]] = {}
    by_source: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        by_row.setdefault((text(r.get("statement")), text(r.get("source")), norm(r.get("row"))), []).append(i)
        by_source.setdefault((text(r.get("statement")), text(r.get("source"))), []).append(i)
    untagged = [u for u in report.get("untagged") or () if isinstance(u, dict)]
    un_row: dict[tuple, list[int]] = {}
    for i, u in enumerate(untagged):
        un_row.setdefault((text(u.get("statement")), text(u.get("source")), norm(u.get("row"))), []).append(i)

    used: set[int] = set()
    used_untagged: set[int] = set()
    anchors: dict[str, str] = {}  # a source ("file:line") → the first row printed there
    tables = []
    # first the matching, in page order (which report rows and which reasons each printed row claims: what the
    # anchors, the counts and the other facts need); each table's rows are then made as the page is written
    for t_no, t in enumerate(x for x in report.get("printed_tables") or () if isinstance(x, dict)):
        title = text(t.get("title"))
        columns = [text(c) for c in t.get("columns") or ()]
        printed_rows = [x for x in t.get("rows") or () if isinstance(x, dict)]
        labels_at: dict[str, set[str]] = {}
        for pr in printed_rows:
            labels_at.setdefault(text(pr.get("source")), set()).add(norm(pr.get("label")))
        plan = []  # per printed row: the report rows it claims, and per cell the reason it claims (or None)
        width, flagged, n_untagged = len(columns), 0, 0
        for r_no, pr in enumerate(printed_rows):
            src, label = text(pr.get("source")), norm(pr.get("label"))
            idx = [i for i in by_row.get((title, src, label), []) if i not in used]
            if not idx:  # the report names the row otherwise: take the line's rows no printed row claims
                idx = [i for i in by_source.get((title, src), []) if i not in used
                       and norm(rows[i].get("row")) not in labels_at[src]]
            used.update(idx)
            mine = [rows[i] for i in idx]
            un_idx = [i for i in un_row.get((title, src, label), []) if i not in used_untagged]
            cells_in = list(pr.get("cells") or ())
            n = max(len(cells_in), len(columns))
            claimed = []
            any_untagged = False
            for k in range(n):
                printed = cells_in[k] if k < len(cells_in) else None
                i = None
                if printed is not None:
                    # one number, one reason: the same figure printed in several columns has a reason each
                    i = next((i for i in un_idx if i not in used_untagged
                              and norm(untagged[i].get("value")) == norm(printed)), None)
                    if i is not None:
                        used_untagged.add(i)
                claimed.append(i)
                if _cell_state(printed, _pick([r for r in mine if r.get("column") == k + 1]),
                               [] if i is None else [untagged[i]]) == "untagged":
                    any_untagged = True
                    n_untagged += 1
            state, _ = _row_state(mine)
            if any_untagged and not state:
                state = "untagged"
            flagged += state in ("flagged", "removed", "corrected")
            width = max(width, n)
            _anchor(anchors, src, f"t{t_no + 1}r{r_no + 1}")
            plan.append((tuple(idx), tuple(claimed)))
        tables.append({"id": f"t{t_no + 1}", "title": title, "kind": text(t.get("kind")), "columns": columns,
                       "rows": _Lazy(len(plan), lambda t_no=t_no, printed_rows=printed_rows, plan=plan,
                                     columns=columns, width=width: map(
                                         _RowMarkup(width, concept), _table_rows(t_no, printed_rows, plan, columns,
                                                                                 rows, untagged, concepts, document))),
                       "width": width, "flagged": flagged, "untagged": n_untagged})

    others: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if i in used:
            continue
        _anchor(anchors, text(r.get("source")), f"o{i + 1}")
        others.setdefault(text(r.get("statement")), []).append(i)

    def finding(f: dict) -> dict:
        srcs = [text(s) for s in f.get("sources") or ()]
        return {"rule": text(f.get("rule")), "action": text(f.get("action")), "message": text(f.get("message")),
                "facts": [text(x) for x in f.get("facts") or ()],
                "sources": [{"text": _short(s, document), "anchor": anchors.get(s, "")} for s in srcs]}

    s = report.get("summary") or {}

    def num(k: str) -> int:
        try:
            return int(s.get(k) or 0)
        except (TypeError, ValueError):
            return 0

    seen, tagged, ext = num("numbers_in_statements"), num("numbers_tagged"), num("numbers_tagged_extension")
    v = report.get("validation")
    untagged_view = [{"source": _short(text(u.get("source")), document), "anchor": anchors.get(text(u.get("source")), ""),
                      "statement": text(u.get("statement")), "row": text(u.get("row")), "value": text(u.get("value")),
                      "reason": text(u.get("reason"))} for u in untagged]
    checks = [c for c in report.get("checks") or () if isinstance(c, dict)]
    return {
        "source": text(report.get("source")), "registrant": text(report.get("registrant")),
        "form": text(report.get("form")), "period_end": text(report.get("period_end")),
        "fiscal": f"{text(report.get('fiscal_year_focus'))} {text(report.get('fiscal_period_focus'))}".strip(),
        "cik": text(report.get("cik")), "cik_source": text(report.get("cik_source")),
        "cik_placeholder": bool(report.get("cik_placeholder")), "taxonomy": text(report.get("taxonomy")),
        "summary": {"seen": seen, "tagged": tagged, "untagged": num("numbers_untagged"),
                    "tag_rate": percent(tagged / seen if seen else None), "extension": ext,
                    "extension_share": percent(extension_share(tagged, ext)), "facts": num("facts"),
                    "extension_concepts": num("extension_concepts"), "checks_passed": num("checks_passed"),
                    "checks_failed": num("checks_failed"), "flags": num("flags"), "corrections": num("corrections")},
        "validation": None if not isinstance(v, dict) else {
            "summary": text(v.get("summary")),
            "errors": [{"code": text(e.get("code")), "text": text(e.get("text"))} for e in v.get("errors") or ()
                       if isinstance(e, dict)]},
        "needs_review": [finding(f) for f in report.get("needs_review") or () if isinstance(f, dict)],
        "corrections": [finding(f) for f in report.get("corrections") or () if isinstance(f, dict)],
        "tables": tables,
        "others": [{"title": k, "rows": _Lazy(len(v), lambda v=v: _other_rows(v, rows, concepts, document))}
                   for k, v in others.items()],
        "untagged": untagged_view,
        "checks_failed": [c for c in (_check(c) for c in checks) if not c["ok"]],
        "checks": sorted((_check(c) for c in checks), key=lambda c: c["ok"]),  # what does not add up first
        "extensions": [{"concept": concepts.view(e.get("concept")), "label": text(e.get("label")),
                        "reason": text(e.get("reason"))} for e in report.get("extensions") or ()
                       if isinstance(e, dict)],
        "skipped": [{"lines": text(t.get("lines")), "reason": text(t.get("reason"))}
                    for t in report.get("skipped_tables") or () if isinstance(t, dict)],
        "remarks": [text(x) for x in report.get("remarks") or ()],
    }


def _table_rows(t_no: int, printed_rows: list[dict], plan: list[tuple], columns: list[str], rows: list[dict],
                untagged: list[dict], concepts: _Concepts, document: str) -> Iterator[dict]:
    """A printed table's rows as the page shows them, one at a time, from the matching `_view` made."""
    for r_no, (pr, (idx, claimed)) in enumerate(zip(printed_rows, plan)):
        src = text(pr.get("source"))
        mine = [rows[i] for i in idx]
        cells_in = list(pr.get("cells") or ())
        n = max(len(cells_in), len(columns))
        qnames = [text(r.get("concept")) for r in mine if r.get("status") in TAGGED + ("removed",)]
        distinct = list(dict.fromkeys(qnames))
        cells = []
        for k in range(n):
            printed = cells_in[k] if k < len(cells_in) else None
            rs = [r for r in mine if r.get("column") == k + 1]
            us = [] if claimed[k] is None else [untagged[claimed[k]]]
            cells.append(_cell(printed, rs, us, concepts, len(distinct) > 1))
        state, said = _row_state(mine)
        if any(c["state"] == "untagged" for c in cells) and not state:
            state = "untagged"
        alts = _alternatives(mine[0]) if mine else []
        chosen = distinct[0] if len(distinct) == 1 else ""
        runner = next(((a, s) for a, s in alts if a and a != chosen), None) if chosen else None
        reasons = sorted({text(r.get("extension_reason")) for r in mine if r.get("extension_reason")})
        yield {
            "id": f"t{t_no + 1}r{r_no + 1}", "label": text(pr.get("label")), "source": _short(src, document),
            "level": _level(pr.get("level")),
            "rule": bool(pr.get("rule_above")), "cells": cells, "heading": not any(
                c is not None for c in cells_in),
            "concept": concepts.view(chosen) if chosen else None, "per_cell": len(distinct) > 1,
            "confidence": _confidence(r.get("confidence") for r in mine if r.get("status") in TAGGED),
            "runner_up": {"concept": concepts.view(runner[0]), "score": f"{runner[1]:.2f}"} if runner else None,
            "state": state, "rules": said, "extension_reason": "; ".join(reasons)}


def _other_rows(indices: list[int], rows: list[dict], concepts: _Concepts, document: str) -> Iterator[dict]:
    """The rows no printed table claims (of one statement), as the page shows them, one at a time."""
    for i in indices:
        r = rows[i]
        state, said = _row_state([r])
        status = text(r.get("status"))
        dims = r.get("dimensions") or {}
        yield {
            "id": f"o{i + 1}", "source": _short(text(r.get("source")), document), "label": text(r.get("row")),
            "printed": text(r.get("printed")), "concept": concepts.view(r.get("concept")),
            "written": grouped(r.get("value")) if status in TAGGED else "", "period": text(r.get("period")),
            "member": ", ".join(_member(m) for m in dims.values()) if isinstance(dims, dict) else "",
            "confidence": _confidence([r.get("confidence")]), "status": status,
            "state": state or ("untagged" if status not in TAGGED else ""), "rules": said,
            "corrected_from": grouped(r.get("corrected_from")) if r.get("corrected_from") not in (None, "") else ""}


def _anchor(anchors: dict[str, str], source: str, anchor: str) -> None:
    """The first row printed at a source, under both names the report gives a line ("file:12", "line 12")."""
    anchors.setdefault(source, anchor)
    where = source.rpartition(":")[2]
    if where.isdigit():
        anchors.setdefault(f"line {where}", anchor)


def _level(v: Any) -> int:
    try:
        return max(0, min(int(v or 0), 6))
    except (TypeError, ValueError):
        return 0


def _check(c: dict) -> dict:
    return {"statement": text(c.get("statement")), "row": text(c.get("row")), "line": text(c.get("line")),
            "column": text(c.get("column")), "expected": grouped(c.get("expected")),
            "computed": grouped(c.get("computed")), "ok": bool(c.get("ok")),
            "in_calc_link": bool(c.get("in_calc_link")), "note": text(c.get("note"))}


try:  # (markupsafe's escaping of a plain string, without the Markup that `escape` wraps it in)
    from markupsafe import _escape_inner
except ImportError:  # pragma: no cover (another markupsafe)
    def _escape_inner(s: str) -> str:
        return str(escape(s))


def _e(x) -> str:
    """A value as the page's template writes `{{ x }}`: `finalize` (characters XML forbids dropped), then escaped
    (autoescape); markup (a concept's) stays markup."""
    if type(x) is str:
        return _escape_inner(x if x.isascii() and x.isprintable() else _finalize(x))
    return str(escape(_finalize(x)))


class _RowMarkup:
    """A statement row of the page (a `_table_rows` dict) as markup, what the template wrote for it before: a row
    is a few dozen values, each an attribute lookup, a `finalize` and an escape in the template, and a large
    filing's statements are thousands of rows. The page writes it whole (`{{ row }}`, markup: kept as it is)."""

    def __init__(self, width: int, concept) -> None:
        self.width, self.concept = width, concept

    def __call__(self, row: dict) -> Markup:
        e, concept = _e, self.concept
        out = [f'<tr id="{e(row["id"])}" class="']
        if row["state"]:
            out.append(f"st-{e(row['state'])}")
        if row["heading"]:
            out.append(" heading")
        if row["rule"]:
            out.append(" rule")
        out.append(f'">\n<td class="lbl" style="padding-left: {e(0.4 + 1.1 * row["level"])}em">{e(row["label"])}')
        if row["rules"]:
            out.append("<br>")
            for x in row["rules"]:
                out.append(f'<span class="badge b-{e(x.rsplit(" ", 1)[-1])}">{e(x)}</span>')
        out.append("</td>\n")
        for c in row["cells"]:
            out.append(_cell_markup(c, concept))
        out.append("\n" + "<td></td>" * max(0, self.width - len(row["cells"])) + '\n<td class="side">')
        if row["concept"]:
            out.append(e(concept(row["concept"])))
        elif row["per_cell"]:
            out.append('<span class="note">a concept per column (under each number)</span>')
        if row["extension_reason"]:
            out.append(f'<span class="note">extension: {e(row["extension_reason"])}</span>')
        out.append("</td>\n<td>")
        if row["confidence"]:
            out.append(f'<span class="conf conf-{e(row["confidence"]["level"])}">{e(row["confidence"]["value"])}</span>')
        out.append("</td>\n<td>")
        if row["runner_up"]:
            out.append(f'{e(concept(row["runner_up"]["concept"]))} <span class="src">{e(row["runner_up"]["score"])}</span>')
        out.append(f'</td>\n<td class="src">{e(row["source"])}</td>\n</tr>\n')
        return Markup("".join(out))


def _cell_markup(c: dict, concept) -> str:
    e = _e
    out = ['<td class="num']
    if c["state"]:
        out.append(f" cs-{e(c['state'])}")
    out.append('"')
    if c["title"]:
        out.append(f' title="{e(c["title"])}"')
    out.append(">")
    if c["printed"]:
        out.append(f'<span class="p">{e(c["printed"])}</span>')
        if c["written"]:
            out.append(f'<span class="w">{e(c["written"])}')
            if c["member"]:
                out.append(f" &middot; {e(c['member'])}")
            out.append("</span>")
        elif c["state"] == "removed":
            out.append('<span class="w">removed</span>')
        elif c["state"] == "untagged":
            out.append('<span class="w">not tagged</span>')
        if c["concept"]:
            out.append(f'<span class="w">{e(concept(c["concept"], False))}</span>')
        for x in c["lines"]:
            out.append(f'<span class="note">{e(x)}</span>')
    out.append("</td>")
    return "".join(out)


def _concept_markup():
    """The page's `concept(c, full=true)`: a concept view's markup, what a template macro made before, made once
    per concept (the views are shared, and a concept is named on many rows). Every value is escaped as the
    template escapes it (`finalize`, then autoescape)."""
    from markupsafe import Markup, escape
    from edgar2xbrl.write.render import _finalize

    def e(x) -> str:
        return str(escape(_finalize(x)))

    made: dict[tuple[int, bool], tuple[dict, Markup]] = {}  # (the view's id, full) → (the view, its markup)

    def concept(c: dict, full: bool = True) -> Markup:
        key = (id(c), bool(full))
        hit = made.get(key)
        if hit is not None:
            return hit[1]
        kind = c["kind"]
        s = f'<span class="c c-{e(kind)}"'
        if c["title"]:
            s += f' title="{e(c["title"])}"'
        s += ">"
        if kind == "ext":
            s += '<b class="tag">ext</b> '
        if full:
            s += f'<span class="px">{e(c["prefix"])}:</span>'
        s += "<wbr>".join(e(p) for p in c["parts"]) + "</span>"
        m = Markup(s)
        made[key] = (c, m)  # (the view held: its id stays its own)
        return m
    return concept


def report_html(report: dict, xbrl: XbrlReport | None = None) -> str:
    """The report as one HTML page: inline CSS, no script, nothing fetched."""
    concept = _concept_markup()
    return render("report.html.j2", r=_view(report, xbrl, concept), concept=concept)


def report_html_chunks(report: dict, xbrl: XbrlReport | None = None) -> Iterator[str]:
    """`report_html`'s text in pieces, as it is rendered."""
    concept = _concept_markup()
    return render_chunks("report.html.j2", r=_view(report, xbrl, concept), concept=concept)


STATUS_ORDER = ("converted", "flagged", "invalid", "no-statements", "rejected", "crashed", "timeout")


def batch_index_html(rows: list[dict], links: dict[str, str]) -> str:
    """The batch's index page: totals, then one line per filing (summary rows as dicts, in the summary's order)
    with a link to its report where `links` (file → path relative to the page) names one."""
    from urllib.parse import quote

    def num(r: dict, k: str, kind=int):
        try:
            return kind(float(r.get(k) or 0))
        except (TypeError, ValueError, OverflowError):
            return kind(0)

    lines = []
    for r in rows:
        seen, tagged, ext = num(r, "numbers_in_statements"), num(r, "numbers_tagged"), num(r, "numbers_tagged_extension")
        link = links.get(r.get("file", ""))
        lines.append({
            "file": text(r.get("file")), "status": text(r.get("status")), "output": text(r.get("output")),
            "href": quote(link, safe="/") if link else "", "form": text(r.get("form")),
            "period": text(r.get("period")), "statements": num(r, "statements"), "seen": seen, "tagged": tagged,
            "tag_rate": percent(tagged / seen if seen else None),
            "extension_share": percent(extension_share(tagged, ext)), "flags": num(r, "flags"),
            "checks_failed": num(r, "checks_failed"), "arelle_errors": num(r, "arelle_errors"),
            "seconds": f"{num(r, 'seconds', float):.1f}", "message": text(r.get("message"))})
    by_status: dict[str, int] = {}
    for x in lines:
        by_status[x["status"]] = by_status.get(x["status"], 0) + 1
    seen = sum(x["seen"] for x in lines)
    tagged = sum(x["tagged"] for x in lines)
    ext = sum(num(r, "numbers_tagged_extension") for r in rows)
    totals = {"filings": len(lines),
              "by_status": [(s, by_status[s]) for s in STATUS_ORDER if s in by_status] +
                           sorted((s, n) for s, n in by_status.items() if s not in STATUS_ORDER),
              "seen": seen, "tagged": tagged, "tag_rate": percent(tagged / seen if seen else None),
              "extension_share": percent(extension_share(tagged, ext)),
              "flags": sum(x["flags"] for x in lines), "flagged_filings": sum(1 for x in lines if x["flags"]),
              "checks_failed": sum(x["checks_failed"] for x in lines),
              "arelle_errors": sum(x["arelle_errors"] for x in lines)}
    return render("batch_index.html.j2", t=totals, rows=lines)
