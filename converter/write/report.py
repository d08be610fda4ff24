"""The conversion report: JSON for machines, Markdown and HTML (report_html.py) for people."""
from __future__ import annotations

import json
from typing import Iterator


REPORT_FILES = ("report.json", "report.md", "report.html")


def report_files(data: dict, xbrl=None) -> dict[str, str]:
    """The report files of a conversion, name → text (`xbrl`, the typed XBRL report, gives the HTML page the
    concepts' labels)."""
    from edgar2xbrl.write.report_html import report_html
    html = report_html(data, xbrl)  # first: the page's working set is the largest, and nothing else is held yet
    return {"report.json": report_json(data), "report.md": report_markdown(data), "report.html": html}


def write_report_files(sink, data: dict, xbrl=None) -> None:
    """The report files handed to a sink (`converter.sink`) one after the other, the page and the JSON as they
    are rendered (neither is held whole when the sink writes them at once); the same text as `report_files`."""
    from edgar2xbrl.write.render import chunked
    from edgar2xbrl.write.report_html import report_html_chunks
    sink.stream("report.html", report_html_chunks(data, xbrl))
    sink.stream("report.json", chunked(json_pieces(data)))
    sink.stream("report.md", chunked(line + "\n" for line in markdown_lines(data)))


def report_json(data: dict) -> str:
    # what json.dumps(data, indent=1, default=str) returns, its pieces joined as they come (json.dumps lists them
    # all first: many times the text for a large report)
    from edgar2xbrl.write.render import join_pieces
    return join_pieces(json_pieces(data))


# json.JSONEncoder(indent=1, default=str).iterencode(data), made faster: with an indent the standard library
# encodes in Python, a generator per container and a piece per token. Here a container below the second level
# is encoded whole into a list by plain recursion, and only the top two levels (the report's keys, its rows) are
# given as they are made: the same text (same dispatch order, float and key rules, `default=str`), in far fewer
# and larger pieces.
_encode_str = json.encoder.encode_basestring_ascii
_INF = float("inf")


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INF:
        return "Infinity"
    if o == -_INF:
        return "-Infinity"
    return float.__repr__(o)


def _key(key) -> str:
    """A mapping key as the standard encoder writes it: a string as it is, a scalar as its JSON."""
    if isinstance(key, str):
        return key
    s = _scalar(key)
    if s is None:
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
    return s


def _scalar(o) -> str | None:
    """A value's JSON if it is no container and needs no `default`, else None."""
    if isinstance(o, str):
        return _encode_str(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    return None


def _encode(o, level: int, out: list) -> None:
    if type(o) is str:  # (most values)
        out.append(_encode_str(o))
        return
    s = _scalar(o)
    if s is not None:
        out.append(s)
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        nl = "\n" + " " * (level + 1)
        sep = "," + nl
        out.append("[" + nl)
        first = True
        for v in o:
            if first:
                first = False
            else:
                out.append(sep)
            if type(v) is str:
                out.append(_encode_str(v))  # (what the call below appends, without the call)
            else:
                _encode(v, level + 1, out)
        out.append("\n" + " " * level + "]")
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        nl = "\n" + " " * (level + 1)
        sep = "," + nl
        out.append("{" + nl)
        first = True
        for k, v in o.items():
            k = _key(k)
            if first:
                first = False
            else:
                out.append(sep)
            if type(v) is str:
                out.append(_encode_str(k) + ": " + _encode_str(v))  # (a row's values: most are strings)
            else:
                out.append(_encode_str(k) + ": ")
                _encode(v, level + 1, out)
        out.append("\n" + " " * level + "}")
    else:
        _encode(str(o), level, out)


def json_pieces(o, level: int = 0, depth: int = 2) -> Iterator[str]:
    """The report's JSON text (indent 1, `default=str`) in pieces: a piece per item of the top `depth` levels."""
    if depth == 0 or not isinstance(o, (list, tuple, dict)) or not o or _scalar(o) is not None:
        out: list[str] = []
        _encode(o, level, out)
        yield "".join(out)
        return
    nl = "\n" + " " * (level + 1)
    if isinstance(o, dict):
        yield "{" + nl
        first = True
        for k, v in o.items():
            k = _key(k)
            if first:
                first = False
            else:
                yield "," + nl
            yield _encode_str(k) + ": "
            yield from json_pieces(v, level + 1, depth - 1)
        yield "\n" + " " * level + "}"
    else:
        yield "[" + nl
        first = True
        for v in o:
            if first:
                first = False
            else:
                yield "," + nl
            yield from json_pieces(v, level + 1, depth - 1)
        yield "\n" + " " * level + "]"


def _esc(s) -> str:
    return str(s if s is not None else "").replace("|", "\\|").replace("\n", " ")


def report_markdown(d: dict) -> str:
    return "\n".join(markdown_lines(d)) + "\n"


def markdown_lines(d: dict) -> Iterator[str]:
    """report.md's lines (each to be followed by a newline); the rows, one a line, as they are made."""
    out = [f"# Conversion report: {d['source']}", ""]
    if d.get("cik_placeholder"):
        out += [f"> **WARNING: the CIK {d['cik']} is a placeholder.** The filing has no EDGAR header and no `--cik` "
                "was given; pass `--cik` to write the registrant's real CIK.", ""]
    s = d["summary"]
    out += [f"- Registrant: {d['registrant']} (CIK {d['cik']}, from {d['cik_source']})",
            f"- Form: {d['form']}, period ended {d['period_end']}, fiscal year focus {d['fiscal_year_focus']} "
            f"{d['fiscal_period_focus']}",
            f"- Taxonomy used for validation: {d['taxonomy']}",
            f"- Statements found: {', '.join(d['statements'])}",
            f"- Numbers printed in statements: {s['numbers_in_statements']}; tagged: {s['numbers_tagged']}; "
            f"not tagged: {s['numbers_untagged']}",
            f"- Facts written: {s['facts']}; extension concepts: {s['extension_concepts']}",
            f"- Subtotal checks: {s['checks_passed']} passed, {s['checks_failed']} failed",
            f"- Consistency rules: {s.get('flags', 0)} finding(s) need review, {s.get('corrections', 0)} value(s) "
            "corrected",
            f"- Validation: {d['validation']['summary'] if d.get('validation') else 'not run (--no-validate)'}", ""]
    review = d.get("needs_review") or []
    out += ["## Needs review", ""]
    if review:
        out += [f"{len(review)} finding(s) of the consistency rules. Facts marked *removed* are not in the instance; "
                "*flagged* ones are, but may be wrong.", "",
                "| rule | action | what | facts | source |", "|---|---|---|---|---|"]
        out += [f"| {r['rule']} | {r['action']} | {_esc(r['message'])} | {_esc('; '.join(r['facts']))} | "
                f"{_esc(', '.join(r['sources']))} |" for r in review]
    else:
        out.append("Nothing: every consistency rule holds on the facts written.")
    if d.get("corrections"):
        out += ["", "Corrected by a rule that pins down the cause:", ""]
        out += [f"- {r['rule']}: {_esc(r['message'])} ({_esc(', '.join(r['sources']))})" for r in d["corrections"]]
    out.append("")
    if d.get("validation") and d["validation"]["errors"]:
        out += ["## Validation errors", ""] + [f"- `{e['code']}` {_esc(e['text'])}" for e in d["validation"]["errors"]]
        out.append("")
    out += ["## Not tagged", ""]
    if d["untagged"]:
        out += ["| source | statement | row | printed | reason |", "|---|---|---|---|---|"]
        out += [f"| {_esc(u['source'])} | {_esc(u['statement'])} | {_esc(u['row'])} | {_esc(u['value'])} | "
                f"{_esc(u['reason'])} |" for u in d["untagged"]]
    else:
        out.append("Every number printed in the statements is tagged.")
    out += ["", "## Subtotal checks", "", "| statement | row | line | column | printed | computed | ok | in calc link |",
            "|---|---|---|---|---|---|---|---|"]
    out += [f"| {_esc(c['statement'])} | {_esc(c['row'])} | {c['line']} | {_esc(c['column'])} | {c['expected']} | "
            f"{c['computed']} | {'yes' if c['ok'] else '**NO**'} | {'yes' if c['in_calc_link'] else 'no: ' + c['note']} |"
            for c in d["checks"]]
    out += ["", "## Extension concepts", "", "| concept | label | why |", "|---|---|---|"]
    out += [f"| {_esc(e['concept'])} | {_esc(e['label'])} | {_esc(e['reason'])} |" for e in d["extensions"]]
    out += ["", "## Every source row", "",
            "| source | statement | row | printed | concept | value | period | dims | decimals | sign | confidence | status |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    yield from out
    out = []
    for r in d["rows"]:
        dims = ", ".join(f"{a.split(':')[1]}={m.split(':')[1]}" for a, m in (r.get("dimensions") or {}).items())
        yield (f"| {_esc(r['source'])} | {_esc(r['statement'])} | {_esc(r['row'][:70])} | {_esc(r['printed'])} | "
               f"{_esc(r['concept'])} | {_esc(r['value'])} | {_esc(r['period'])} | {_esc(dims)} | "
               f"{_esc(r['decimals'])} | {_esc(r['sign'])} | {r['confidence']} | {r['status']} |")
    if d.get("skipped_tables"):
        out += ["", "## Tables not converted", "", "| lines | why |", "|---|---|"]
        out += [f"| {t['lines']} | {_esc(t['reason'])} |" for t in d["skipped_tables"]]
    if d.get("remarks"):
        out += ["", "## Remarks", ""] + [f"- {_esc(x)}" for x in d["remarks"]]
    yield from out
