"""The library entry point: convert(filing) → XBRL instance, extension taxonomy, report (and validation)."""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Sequence

from edgar2xbrl.tag.builder import Builder, Network, PresItem, Untagged, prune_calcs
from edgar2xbrl.tag.catalog import TYPES, era_of, load_catalog
from edgar2xbrl.read.cover import fiscal_focus, fiscal_year_end_from_text, read_cover
from edgar2xbrl.tag.equity import build_equity, build_equity_rollforward
from edgar2xbrl.gcscope import only_new_objects_collected
from edgar2xbrl.read.html import split_element
from edgar2xbrl.errors import (AmountTooLong, BadOption, CutOff, InternalError, NoStatements, NotAFiling,
                     OutputFolderError, UndatedStatements)
from edgar2xbrl.tag.labels import camel
from edgar2xbrl.write.outdir import clean_leftovers, foreign_files
from edgar2xbrl.model import Context, Fact, Period, Statement
from edgar2xbrl.tag.notes import build_measure_table, build_text_blocks, is_measure_table, prose_facts
from edgar2xbrl.tag.parenthetical import build_parentheticals
from edgar2xbrl.tables.periods import add_months
from edgar2xbrl.tables.periods import printed_dates
from edgar2xbrl.write.report import write_report_files
from edgar2xbrl.check import rules
from edgar2xbrl.check.rules import FUTURE_DAYS
from edgar2xbrl.tag.segments import segment_breakdown
from edgar2xbrl.write.sink import FolderSink
from edgar2xbrl.read.source import read_filing, statement_documents
from edgar2xbrl.tables.statements import TITLES, locate
from edgar2xbrl.tables.tables import find_tables
from edgar2xbrl.check.validate import ValidationResult, validate
from edgar2xbrl.write.writer import namespace, settle_networks, write_files
from edgar2xbrl.write import DEFAULT_FORMATS, normalize as normalize_formats, write_formats
from edgar2xbrl.xbrl_report import Entity, XbrlReport, freeze
from edgar2xbrl.write.xmlsafe import is_reserved_prefix, parse_back

PLACEHOLDER_CIK = "0000000000"


@dataclass
class Result:
    out_dir: Path
    files: list[Path]
    report: dict
    validation: ValidationResult | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.validation is None or not self.validation.errors

    @property
    def flagged(self) -> bool:
        """True when a consistency rule left something for a person to review (see report["needs_review"])."""
        return bool(self.report.get("needs_review"))


def derive_prefix(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z0-9]+", name) if w.lower() not in
             {"inc", "corp", "corporation", "co", "company", "ltd", "llc", "the", "plc", "holdings", "group"}]
    p = "".join(w[0] for w in words).lower() if len(words) > 2 else "".join(words).lower()[:20] or "co"
    p = re.sub(r"[^a-z0-9]", "", p) or "co"
    if p[0].isdigit():
        p = "c" + p
    p = p[:20]
    if is_reserved_prefix(p):  # "DEI Holdings" must not become dei:, nor "XML Inc" xml...
        p = "x" + p[:19] if p.startswith("xml") else p[:18] + "co"
    return p


def convert(path: str | Path, out_dir: str | Path, *, prefix: str | None = None, cik: str | None = None,
            run_validation: bool = True, taxonomy_packages: list[Path] | None = None, form: str | None = None,
            period_end: date | None = None, data: bytes | None = None,
            formats: Sequence[str] = DEFAULT_FORMATS) -> Result:
    """Convert the filing at `path` (or its bytes, `data`, named `path`) and write it to `out_dir` (the 0.1 call,
    kept for its callers). The report names the source as `path` was given."""
    out_dir = Path(out_dir)
    _check_output_folder(out_dir, str(path))
    with only_new_objects_collected():  # (the collector walks what this conversion makes, not the catalog)
        return _convert(path, out_dir, prefix=prefix, cik=cik, run_validation=run_validation,
                        taxonomy_packages=taxonomy_packages, form=form, period_end=period_end, data=data,
                        formats=formats)


def _convert(path, out_dir: Path, *, prefix, cik, run_validation, taxonomy_packages, form, period_end, data,
             formats) -> Result:
    warnings: list[str] = []

    def produce(sink: FolderSink):
        # each file is written as it is made and let go; what is kept past here is what the report needs
        built = build(path if data is None else data, str(path), prefix=prefix, cik=cik,
                      taxonomy_packages=taxonomy_packages, form=form, period_end=period_end, formats=formats,
                      sink=sink)
        warnings.extend(built.warnings)
        return built.instance_name, built.report, built.xbrl
    validation, rep = _write_atomically(out_dir, produce, run_validation, taxonomy_packages, str(path))
    return Result(out_dir=out_dir, files=sorted(out_dir.iterdir()), report=rep, validation=validation,
                  warnings=warnings)


@dataclass
class Built:
    """A conversion: the files of every output format (name → text, or bytes; empty when they were handed to a
    folder sink as they were made) and the report, made once validation is known."""
    files: dict[str, str | bytes]
    instance_name: str
    report: Callable[[ValidationResult | None], dict]
    warnings: list[str]
    xbrl: XbrlReport | None = None  # the typed report every writer reads


def build(source: str | Path | bytes, name: str, *, prefix: str | None = None, cik: str | None = None,
          taxonomy_packages: list[Path] | None = None, form: str | None = None,
          period_end: date | None = None, formats: Sequence[str] = DEFAULT_FORMATS, sink=None) -> Built:
    """Read the filing (a path, or its bytes) and build its XBRL files in memory, and those of the other output
    `formats` (see `writers.FORMATS`); `name` is the source's name in messages and reports. Nothing is written,
    unless a `sink` (`converter.sink.FolderSink`) is given: each file is then handed to it as soon as it is made,
    and not kept."""
    try:
        formats = normalize_formats(formats)
    except ValueError as exc:
        raise BadOption(str(exc), name) from None
    path = name
    filing = (read_filing(path, bytes(source)) if isinstance(source, (bytes, bytearray, memoryview))
              else read_filing(source, name=path))
    docs = statement_documents(filing.lines)
    cover = read_cover(filing.lines, filing.header, docs[0].start, docs[0].end)
    cover.form, cover.period_end = cover.form or form or "", cover.period_end or period_end  # (batch manifests)
    layout = locate(filing.lines, find_tables(filing.lines, docs, path), docs, filing.form_type or cover.form,
                    cover.period_end)
    undated = _usable_statements(layout, filing, docs, path)
    _check_digits(layout, filing, path)

    warnings: list[str] = [f"warning: {x}" for x in cover.problems]
    placeholder = _set_cik(cover, cik, path, warnings)
    period_end = cover.period_end or _latest_date(layout)
    if period_end is None:
        raise NotAFiling("cannot tell the period the report covers (no 'period ended' on the cover)", path)
    form = cover.form or ("10-K" if "annual" in filing.text[:3000].lower() else "10-Q")
    fye = _fiscal_year_end(cover, filing.lines, layout, period_end, form)
    fy_focus, fp_focus = fiscal_focus(period_end, fye, form)
    doc_period = _document_period(layout, period_end, form)
    registrant = cover.registrant or filing.header.get("company", "") or Path(path).stem
    prefix = (prefix or derive_prefix(registrant)).lower()
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,19}", prefix, re.ASCII):
        raise BadOption(f"--prefix {prefix!r} is not a valid XML prefix (letters, digits, dashes)", path)
    if is_reserved_prefix(prefix):
        raise BadOption(f"--prefix {prefix!r} is reserved (an XML, XBRL or SEC/FASB taxonomy prefix); "
                              "choose another", path)

    b = Builder(load_catalog(era=era_of(period_end)), prefix, Path(path).name)  # the file name only: same bytes, same output
    b.notes += filing.remarks + cover.problems
    b.printed_dates = layout.printed_dates or frozenset()
    b.report_end = period_end
    _cover_facts(b, cover, form, period_end, fye, fy_focus, fp_focus, doc_period, placeholder)
    _statements(b, layout)
    _notes(b, layout, doc_period, path)
    for note in layout.notes:  # each note's text is in its text block and its facts now: nothing reads it again
        note.text = ""
    _list_overflow(b, layout)
    legal = _legal_proceedings(filing.lines, docs, layout)
    if legal:
        net = prose_facts(b, legal[1], legal[0], "Part II Item 1 - Legal Proceedings", doc_period)
        if net:
            net.order = 300
            b.networks.append(net)
    for st in undated:
        _list_all(b, st, st.title, "the statement's columns carry no dates the converter can read "
                  f"(headers: {', '.join(repr(col.header) for col in st.columns)})")
    findings = _apply_rules(b, layout, filing)
    prune_calcs(b)
    if filing.line_map:
        _attach_elements(b, filing.cell_elements or {}, b.path)
        _map_sources(b, filing.line_map, b.path, findings)
    date_tag = period_end.strftime("%Y%m%d")
    settle_networks(b)
    files = write_files(b, prefix, date_tag, cover.cik, placeholder, Path(path).name, registrant, sink=sink)
    sic = re.search(r"\[(\d{4})\]", filing.header.get("sic", ""))
    entity = Entity(cik=cover.cik, cik_placeholder=placeholder, registrant=registrant, form=form,
                    period_end=period_end, fiscal_year_focus=fy_focus, fiscal_period_focus=fp_focus or "",
                    fiscal_year_end=fye or "", accession=filing.header.get("accession", ""),
                    filed=filing.header.get("filed", ""), sic=sic.group(1) if sic else "", source=Path(path).name,
                    edgar_header=tuple(sorted(filing.header.items())))
    xbrl = freeze(b, entity, f"{prefix}-{date_tag}", namespace(prefix, date_tag), TYPES)
    printed = _printed_tables(b.path, layout, undated, filing.line_map)
    # the report as far as it is known before validation (its taxonomy, files and validation are set after): what
    # it needs of the builder and the layout is in it, and they go before the other formats are written
    known = _report(b, layout, cover, form, period_end, fy_focus, fp_focus, registrant, placeholder, None, (),
                    taxonomy_packages, undated, findings, printed, taxonomy="")
    del b, layout, printed, undated, findings
    filing = _for_writers(filing)
    files = write_formats(formats, xbrl, files, source, filing, sink=sink)
    names = sorted(files if sink is None else sink.names)

    def report(validation):
        rep = dict(known)  # (the keys keep their places)
        rep["taxonomy"] = validation.taxonomy if validation else _taxonomy(taxonomy_packages)
        rep["files"] = sorted(names)
        rep["validation"] = _validation(validation)
        rep["formats"] = list(formats)
        return rep
    return Built(files, f"{prefix}-{date_tag}.xml", report, warnings, xbrl)


def _for_writers(filing):
    """The filing as the output formats read it (the inline document: a text filing's lines, an HTML filing's
    markup and its line map), without what only reading and tagging used (an HTML filing's rendered lines and its
    cells' elements, a text filing's text): a large filing's copies are let go before the inline tree is made."""
    if filing.line_map is None:
        return replace(filing, text="", cell_elements=None)
    return replace(filing, lines=[], cell_elements=None)


def _rule_input(b: Builder, layout, filing) -> rules.RuleInput:
    kinds = {st.title: st.kind for st in layout.statements}
    for note, st in layout.note_tables:
        kinds[f"Note {note.number} - {note.title} (Details)"] = "note"
    conflicts = tuple(rules.Conflict(f.concept, f.context, f.value, f.source, kinds.get(title, ""))
                      for f, title in b.conflicts)
    return rules.RuleInput(facts=dict(b.facts), concept=lambda q: b.extensions.get(q) or b.catalog.concepts.get(q),
                           statement_kinds=kinds, printed_dates=frozenset(layout.printed_dates or printed_dates("\n".join(filing.lines))),
                           conflicts=conflicts,
                           conflict_titles={(f.concept, f.context, f.source): t for f, t in b.conflicts},
                           failed_checks=tuple(c for c in b.checks if not c.ok), mixed_rows=frozenset(b.mixed),
                           report_end=b.report_end)


def _apply_rules(b: Builder, layout, filing) -> dict:
    """Run the consistency rules; write the facts they correct, leave out the facts they remove, and mark the
    report rows of every fact a rule named. Returns the findings and what the rules still find afterwards."""
    inp = _rule_input(b, layout, filing)
    found = rules.check(inp)
    b.facts = rules.apply(b.facts, found)
    left = rules.check(_rule_input(b, layout, filing))
    marks: dict[tuple, list[str]] = {}
    why: dict[tuple, str] = {}
    for fd in found:
        for key in fd.facts + tuple(k for k, _ in fd.corrections):
            marks.setdefault((key[0], str(key[1].period), key[1].dims), []).append(f"{fd.rule} {fd.action.value}")
            if fd.action is rules.Action.REMOVED:
                why[(key[0], str(key[1].period), key[1].dims)] = f"left out by {fd.rule}: {fd.message}"
    written = {(k[0], str(k[1].period), k[1].dims): f.value for k, f in b.facts.items()}
    for r in b.rows:
        dims = tuple((a, m) for a, m in (r.get("dimensions") or {}).items())
        key = (r["concept"], r["period"], dims)
        m = marks.get(key)
        if m and r["status"] in ("added", "duplicate"):
            r["rules"] = sorted(set(m))
            if key not in written:
                r["status"] = "removed"  # by a rule: not in the instance, so listed as not tagged with the reason
                b.untagged.append(Untagged(r["source"], r["statement"], r["row"], r["printed"],
                                           why.get(key, "left out by a consistency rule")))
            elif written[key] != r["value"]:
                r["corrected_from"], r["value"] = r["value"], written[key]
    return {"found": found, "left": left}


def _check_output_folder(out_dir: Path, path: str) -> None:
    """The output folder is replaced as a whole: never one that holds anything but an earlier conversion."""
    try:
        clean_leftovers(out_dir)  # what a run killed while writing here left behind
        if out_dir.exists() and not out_dir.is_dir():
            raise OutputFolderError(f"the output folder {out_dir} exists and is not a folder", path)
        base = next(a for a in out_dir.absolute().parents if os.path.lexists(a))  # where folders would be made
        if not base.is_dir():
            raise OutputFolderError(f"cannot make the output folder {out_dir}: {base} is a file, not a folder", path)
        if not os.access(base, os.W_OK | os.X_OK):
            raise OutputFolderError(f"cannot make the output folder {out_dir}: {base} is not writable", path)
        foreign = foreign_files(out_dir) if out_dir.is_dir() else []
    except OSError as exc:
        raise OutputFolderError(f"cannot use the output folder {out_dir}: {exc.strerror or exc}", path) from None
    if foreign is None:
        raise OutputFolderError(f"the output folder {out_dir} exists and holds files that are not an earlier "
                              "edgar2xbrl conversion; give an empty or a new folder", path)
    if foreign:
        raise OutputFolderError(f"the output folder {out_dir} holds an earlier edgar2xbrl conversion and files it did "
                              f"not write ({', '.join(foreign[:5])}{', ...' if len(foreign) > 5 else ''}); move them "
                              "or give another folder", path)


_BY_REFERENCE = re.compile(
    r"financial\s+statements.{0,400}annual\s+report\s+to\s+(share|stock)holders.{0,400}incorporated\s+(herein\s+)?"
    r"by\s+reference", re.I)


def _by_reference(lines: list[str]) -> list[tuple[int, str]]:
    """(line index, sentence) where the text says the financial statements are incorporated by reference from the
    annual report; a sentence wrapped over lines is read across them (up to 8 lines, not past a blank one)."""
    out: list[tuple[int, str]] = []
    for k, line in enumerate(lines):
        if not re.search(r"financial\s+statements", line, re.I):
            continue
        window = [line]
        for nxt in lines[k + 1:k + 8]:
            if not nxt.strip():
                break
            window.append(nxt)
        text = " ".join(x.strip() for x in window)
        m = _BY_REFERENCE.search(text)
        if m and m.start() < len(line.strip()):
            out.append((k, text[m.start():m.end()]))
    return out


def _usable_statements(layout, filing, docs, path: str) -> list[Statement]:
    """Refuse a filing with no statements or a statement cut off; set aside (and return) undated statements."""
    if not layout.statements:
        # a 10-K whose Item 8 points to the annual report (Exhibit 13) filed as another document; the Item 8
        # sentence itself (it names the auditor's report) is the line to show
        hits = _by_reference(filing.lines)
        hits.sort(key=lambda h: not re.search(r"independent|supplementary\s+data|item\s*8", filing.lines[h[0]], re.I))
        if hits:
            k = hits[0][0]
            raise NoStatements("no financial statements found: the filing incorporates them by reference from "
                                  "the annual report to shareholders, which is not part of this file (convert the "
                                  "submission that holds Exhibit 13)", path,
                                  filing.line_map[k] if filing.line_map else k + 1)
        raise NoStatements("no financial statements found (no balance sheet, statement of operations, "
                              "stockholders' equity or cash flows with numbers under its heading)", path)
    lines = filing.lines
    for st in layout.statements:
        last = st.tables[-1]
        doc = next(d for d in docs if d.start <= last.start_line - 1 < d.end)
        tail = any(ln.strip() and not re.match(r"\s*</?(TEXT|DOCUMENT|PAGE)>", ln, re.I)
                   for ln in map(lines.__getitem__, range(last.end_line, doc.end)))  # stops at the first text
        if not last.markup and not tail and not filing.line_map:  # (rendered HTML tables are closed by their markup)
            raise CutOff(f"the {TITLES[st.kind].lower()} is cut off: the text ends inside its table",
                                  path, last.end_line)
        cut = filing.cut_table_line
        if cut and filing.line_map and 0 < last.end_line <= len(filing.line_map) and filing.line_map[last.end_line - 1] >= cut:
            raise CutOff(f"the {TITLES[st.kind].lower()} is cut off: the HTML ends inside its table (the "
                                  f"<TABLE> at line {cut} is never closed)", path, cut)
    # a statement whose columns carry no dates cannot be tagged: it is reported, the others are converted
    undated = [st for st in layout.statements if st.kind != "equity" and not any(c.period for c in st.columns)]
    if undated and len(undated) == len(layout.statements):
        st = undated[0]
        raise UndatedStatements(f"the {TITLES[st.kind].lower()} has no dates over its columns", path,
                              st.tables[0].start_line)
    layout.statements = [st for st in layout.statements if st not in undated]
    return undated


MAX_DIGITS = 18  # with a scale of up to 10^9, sums of such amounts stay inside Decimal's 28 digits: nothing rounds


def _check_digits(layout, filing, path: str) -> None:
    """Refuse an amount with more digits than the arithmetic carries exactly (it would be rounded, silently)."""
    tables = list(layout.statements) + [st for _, st in layout.note_tables]
    for st in tables:
        for r in st.rows:
            for c in r.cells:
                if c is not None and c.value is not None and len(c.value.as_tuple().digits) > MAX_DIGITS:
                    line = filing.line_map[r.line - 1] if filing.line_map and 0 < r.line <= len(filing.line_map) \
                        else r.line
                    raise AmountTooLong(f"the amount {c.text[:60]!r} has {len(c.value.as_tuple().digits)} digits, "
                                          f"more than the {MAX_DIGITS} the converter carries exactly (it would be "
                                          "rounded)", path, line)


def _set_cik(cover, cik: str | None, path: str, warnings: list[str]) -> bool:
    """The CIK from --cik, else the EDGAR header, else the placeholder (said loudly). True for the placeholder."""
    if cik:
        if not re.fullmatch(r"\d{1,10}", cik):
            raise BadOption(f"--cik {cik!r} is not a CIK (up to 10 digits)", path)
        cover.cik, cover.cik_source = cik.zfill(10), "--cik"
    if cover.cik:
        return False
    cover.cik, cover.cik_source = PLACEHOLDER_CIK, "placeholder"
    warnings.append(f"WARNING: no CIK in the filing (no EDGAR header) and no --cik given: the instance uses the "
                    f"placeholder CIK {PLACEHOLDER_CIK}. Pass --cik to write the real one.")
    return True


def _fiscal_year_end(cover, lines: list[str], layout, period_end, form: str) -> str:
    """--MM-DD from the EDGAR header, a "year ending" date in the text, a 10-K's period end, or a 10-Q balance
    sheet's comparative year-end column; cover.fiscal_year_end_source says which."""
    fye = cover.fiscal_year_end
    if not fye:
        fye = fiscal_year_end_from_text(lines, period_end)
        cover.fiscal_year_end_source = "the notes' 'year ending' date" if fye else ""
    if not fye:
        bs = next((s for s in layout.statements if s.kind == "balance_sheet"), None)
        dates = sorted({c.period.end for c in bs.columns if c.period}) if bs else []
        if form.startswith("10-K"):
            fye, cover.fiscal_year_end_source = f"--{period_end.month:02d}-{period_end.day:02d}", "the period end of a 10-K"
        elif len(dates) > 1 and dates[0] < period_end:
            fye, cover.fiscal_year_end_source = f"--{dates[0].month:02d}-{dates[0].day:02d}", \
                "the balance sheet's comparative year-end column"
    return fye


def _statements(b: Builder, layout) -> None:
    order = 2  # the cover is 1
    for st in layout.statements:
        role = camel(st.title)[:60] or camel(TITLES[st.kind])
        if st.kind == "equity" and any(c.period for c in st.columns):
            build_equity_rollforward(b, st, order, role, st.title)
        elif st.kind == "equity":
            build_equity(b, st, order, role, st.title)
        else:
            b.build_statement(st, order, role, st.title)
        order += 1
        if st.kind == "balance_sheet":
            if build_parentheticals(b, st, order, role + "Parenthetical", st.title + " (Parenthetical)"):
                order += 1


def _notes(b: Builder, layout, doc_period: Period, path: str) -> None:
    build_text_blocks(b, layout.notes, doc_period, 100)
    order = 200
    for note, st in layout.note_tables:
        title = f"Note {note.number} - {note.title} (Details)"
        role = f"Note{note.number}{camel(note.title)[:40]}Details"
        if not any(c.period for c in st.columns):
            _list_all(b, st, title, "the note table's columns carry no dates")
            continue
        if b.report_end is not None and all(c.period is None or (c.period.end - b.report_end).days > FUTURE_DAYS
                                            for c in st.columns):
            _list_all(b, st, title, f"every column ends after the report's period ({b.report_end}): amounts "
                      "expected or due in future years, not facts of a period")
            continue
        if is_measure_table(st):
            build_measure_table(b, note, st, order, role, title)
        else:
            b.build_statement(st, order, role, title, group="Disclosure", breakdown=segment_breakdown(b, st, title))
        order += 1
    for note in layout.notes:
        net = prose_facts(b, note.text, note.start_line, f"Note {note.number} - {note.title}", doc_period)
        if net:
            net.order, net.role_id = order, f"Note{note.number}{camel(note.title)[:40]}Narrative"
            b.networks.append(net)
            order += 1


def _list_overflow(b: Builder, layout) -> None:
    """Amounts that fell into a column another amount of their row holds: listed as not tagged, with the reason."""
    tables = [(st.title, st) for st in layout.statements]
    tables += [(f"Note {note.number} - {note.title} (Details)", st) for note, st in layout.note_tables]
    for title, st in tables:
        for r in st.rows:
            for c in r.overflow:
                b.untagged.append(Untagged(f"{b.path}:{c.line or r.line}", title, r.label, c.text,
                                           "two amounts of the row fell into one column (the columns do not line "
                                           "up): not told apart"))


def _list_all(b: Builder, st: Statement, title: str, reason: str) -> None:
    for r in st.rows:
        for c in r.cells:
            if c is not None:
                b.untagged.append(Untagged(f"{b.path}:{c.line or r.line}", title, r.label, c.text, reason))


def _write_atomically(out_dir: Path, produce: Callable, run_validation: bool, taxonomy_packages,
                      source: str = ""):
    """Write into a temporary folder beside out_dir, validate there, and put it in place only when complete.

    `produce(sink)` writes the XBRL files into the sink (`FolderSink`: each file written as it is made) and
    returns the instance's name, the report's maker (validation → report dict) and the typed XBRL report; the
    report files are written after validation, the report's maker let go first. Any failure removes the
    temporary folder: the previous output, if any, is left as it was."""
    sink = FolderSink(out_dir, source)
    try:
        instance_name, report, xbrl = produce(sink)
        tmp = sink.folder()
        bad = parse_back(tmp)  # every XML file must parse back before anything is put in place
        if bad:
            raise InternalError("edgar2xbrl wrote XML that does not parse back (a bug; nothing was written): "
                                + "; ".join(bad))
        validation = validate(tmp / instance_name, taxonomy_packages) if run_validation else None
        rep = report(validation)
        del report  # the builder and the layout the report was made from go before the report files are made
        write_report_files(sink, rep, xbrl)
        try:
            if out_dir.exists():
                old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
                os.replace(out_dir, old)
                try:
                    os.replace(tmp, out_dir)  # (a run killed between these two renames is undone by the next one)
                except OSError:
                    os.replace(old, out_dir)
                    raise
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(tmp, out_dir)
        except OSError as exc:
            raise OutputFolderError(f"cannot replace the output folder {out_dir}: {exc.strerror or exc}",
                                    source) from None
    except BaseException:
        sink.discard()
        raise
    if validation is not None:
        validation.instance = str(out_dir / instance_name)
    return validation, rep


def _attach_elements(b: Builder, cells: dict[int, list[tuple[int, int, str]]], path: str) -> None:
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


def _map_sources(b: Builder, line_map: list[int], path: str, findings: dict | None = None) -> None:
    """HTML was read as rendered text: name the source lines of the HTML itself in the report, the instance and
    the consistency rules' findings."""
    def fix(src: str) -> str:
        head, _, n = src.rpartition(":")
        if head == path and n.isdigit() and 0 < int(n) <= len(line_map):
            return f"{head}:{line_map[int(n) - 1]}"
        m = re.fullmatch(r"line (\d+)", src)
        if m and 0 < int(m.group(1)) <= len(line_map):
            return f"line {line_map[int(m.group(1)) - 1]}"
        return src
    for key in ("found", "left") if findings else ():
        findings[key] = [replace(f, sources=tuple(fix(s) for s in f.sources)) for f in findings[key]]
    for f in b.facts.values():
        f.source = fix(f.source)
    for r in b.rows:
        r["source"] = fix(r["source"])
    for u in b.untagged:
        u.source = fix(u.source)
    for c in b.checks:
        if 0 < c.line <= len(line_map):
            c.line = line_map[c.line - 1]


def _latest_date(layout):
    ends = [c.period.end for s in layout.statements for c in s.columns if c.period]
    return max(ends) if ends else None


def _document_period(layout, period_end, form) -> Period:
    spans = [c.period for s in layout.statements if s.kind in ("income", "cash_flow") for c in s.columns
             if c.period and c.period.start and c.period.end == period_end]
    if spans:
        return min(spans, key=lambda p: p.end - p.start)
    months = 12 if form.startswith("10-K") else 3
    return Period(end=period_end, start=add_months(period_end + timedelta(days=1), -months))


def _legal_proceedings(lines, docs, layout):
    zone_end = layout.notes_zone[1] if layout.notes_zone else 0
    for doc in docs:
        for i in range(max(doc.start, zone_end), doc.end):
            if re.match(r"^\s*ITEM\s+1\.?\s*[-:.]?\s*LEGAL\s+PROCEEDINGS\s*$", lines[i], re.I):
                j = i + 1
                while j < doc.end and not re.match(r"^\s*ITEM\s+\d", lines[j], re.I):
                    j += 1
                return i + 1, "\n".join(lines[i + 1:j])
    return None


def _rule_counts(findings: dict) -> dict:
    """Per rule id: findings on the facts as built, by action, and findings left on the facts as written."""
    out: dict[str, dict[str, int]] = {}
    for rule in rules.RULES:
        out[rules.rule_id(rule)] = {"found": 0, "corrected": 0, "removed": 0, "flagged": 0, "left": 0}
    for f in findings["found"]:
        out[f.rule]["found"] += 1
        out[f.rule][f.action.value] += 1
    for f in findings["left"]:
        out[f.rule]["left"] += 1
    return out


def dei_document_type(form: str) -> str:
    """The dei list of document types has no 10-K405, 10-KSB or 10-QSB: they are written as 10-K and 10-Q."""
    f = form.upper().replace("/A", "")
    m = re.match(r"^(10-K|10-Q)(405|SB|SB40)?$", f)
    return m.group(1) if m else (f or "Other")


def _cover_facts(b: Builder, cv, form, period_end, fye, fy_focus, fp_focus, doc_period, placeholder) -> None:
    net = Network(role_id="Cover", title="Cover", order=1, group="Document")
    ctx = Context(doc_period)
    values = [
        ("DocumentType", dei_document_type(form)), ("AmendmentFlag", "true" if cv.amendment else "false"),
        ("DocumentQuarterlyReport", "true" if form.startswith("10-Q") else None),
        ("DocumentAnnualReport", "true" if form.startswith("10-K") else None),
        ("DocumentTransitionReport", "false"),
        ("DocumentPeriodEndDate", period_end.isoformat()),
        ("DocumentFiscalYearFocus", fy_focus), ("DocumentFiscalPeriodFocus", fp_focus or None),
        ("CurrentFiscalYearEndDate", fye or None),
        ("EntityRegistrantName", cv.registrant or None), ("EntityCentralIndexKey", cv.cik),
        ("EntityFileNumber", cv.file_number or None), ("EntityTaxIdentificationNumber", cv.irs_number or None),
        ("EntityIncorporationStateCountryCode", cv.state_of_incorporation or None),
        ("EntityAddressAddressLine1", cv.address or None), ("EntityAddressCityOrTown", cv.city or None),
        ("EntityAddressStateOrProvince", cv.state or None), ("EntityAddressPostalZipCode", cv.zip or None),
        ("CityAreaCode", cv.area_code or None), ("LocalPhoneNumber", cv.phone or None),
        ("Security12gTitle", cv.security_12g or None), ("EntityCurrentReportingStatus", cv.current_reporting or None),
    ]
    for name, value in values:
        if value is None:
            continue
        q = f"dei:{name}"
        b.add_fact(Fact(concept=q, context=ctx, value=str(value), source=f"{b.path}:cover", statement="Cover",
                        row_label=name, confidence=0.0 if name == "EntityCentralIndexKey" and placeholder else 1.0))
        b.rows.append({"source": f"{b.path}:cover", "statement": "Cover", "row": name, "column": None,
                       "printed": value, "concept": q, "value": value, "period": str(doc_period), "dimensions": {},
                       "unit": None, "decimals": None, "sign": "", "status": "added",
                       "confidence": 0.0 if name == "EntityCentralIndexKey" and placeholder else 1.0,
                       "extension_reason": "", "alternatives": [],
                       "note": "PLACEHOLDER CIK" if name == "EntityCentralIndexKey" and placeholder else ""})
        net.items.append(PresItem(q, 1, name, "label"))
    if cv.shares_outstanding is not None and cv.shares_date is not None:
        q = "dei:EntityCommonStockSharesOutstanding"
        b.add_fact(Fact(concept=q, context=Context(Period(end=cv.shares_date)), value=str(cv.shares_outstanding),
                        unit="shares", decimals="0", source=f"{b.path}:cover", statement="Cover",
                        row_label="Common shares outstanding", printed=f"{cv.shares_outstanding:,}"))
        b.rows.append({"source": f"{b.path}:cover", "statement": "Cover", "row": "Common shares outstanding",
                       "column": None, "printed": f"{cv.shares_outstanding:,}", "concept": q,
                       "value": str(cv.shares_outstanding), "period": cv.shares_date.isoformat(), "dimensions": {},
                       "unit": "shares", "decimals": "0", "sign": "as printed", "confidence": 1.0, "status": "added",
                       "extension_reason": "", "alternatives": []})
        net.items.append(PresItem(q, 1, "Entity Common Stock, Shares Outstanding", "label"))
    b.networks.append(net)


def _printed_tables(path: str, layout, undated, line_map: list[int] | None) -> list[dict]:
    """Each statement and note table as the filing printed it (row labels, their indentation level, the printed
    cells), so that a reader of the report can see every row in place; rows name their source as the report's
    rows do (`file:line`, HTML lines mapped to the HTML file), and cells are in the order of the rows' `column`."""
    def source(line: int) -> str:
        if line_map and 0 < line <= len(line_map):
            line = line_map[line - 1]
        return f"{path}:{line}"

    tables = [(st.title, st) for st in list(layout.statements) + list(undated)]
    tables += [(f"Note {note.number} - {note.title} (Details)", st) for note, st in layout.note_tables]
    out = []
    for title, st in tables:
        # indentation is printed in characters (or CSS padding rendered as spaces): its rank within the table is
        # the level a reader sees, whatever the filing's step
        ranks = {ind: k for k, ind in enumerate(sorted({r.indent for r in st.rows}))}
        out.append({"title": title, "kind": st.kind, "columns": [c.header for c in st.columns],
                    "rows": [{"source": source(r.line), "label": r.label, "level": min(ranks[r.indent], 6),
                              "rule_above": r.rule_above,
                              "cells": [None if c is None else c.text for c in r.cells]} for r in st.rows]})
    return out


def _taxonomy(packages) -> str:
    from edgar2xbrl.check.packages import packages_for
    return packages_for(packages)[1]


def _validation(validation: ValidationResult | None) -> dict | None:
    return None if validation is None else {
        "summary": validation.summary(), "errors": [asdict(m) for m in validation.errors],
        "warnings": [asdict(m) for m in validation.warnings]}


def _report(b, layout, cover, form, period_end, fy, fp, registrant, placeholder, validation, files, packages,
            undated=(), findings=None, printed=(), taxonomy: str | None = None):
    numbers = sum(sum(1 for c in r.cells if c is not None) + len(r.overflow)
                  for st in list(layout.statements) + list(undated) for r in st.rows)
    stmt_titles = {st.title for st in list(layout.statements) + list(undated)}
    tagged_rows = [r for r in b.rows if r["statement"] in stmt_titles and r.get("column") and
                   r["status"] in ("added", "duplicate")]
    tagged = len(tagged_rows)
    untagged_stmt = sum(1 for u in b.untagged if u.statement in stmt_titles)
    if taxonomy is None:
        taxonomy = validation.taxonomy if validation else _taxonomy(packages)
    reasons: dict[str, str] = {}  # each extension concept's reason: that of its first row that gives one
    for r in b.rows:
        if r["extension_reason"]:
            reasons.setdefault(r["concept"], r["extension_reason"])
    d = {
        "source": b.path, "form": form, "registrant": registrant, "cik": cover.cik, "cik_source": cover.cik_source,
        "cik_placeholder": placeholder, "period_end": period_end.isoformat(), "fiscal_year_focus": fy,
        "fiscal_period_focus": fp, "fiscal_year_end": cover.fiscal_year_end or "",
        "taxonomy": taxonomy, "files": sorted(files),
        "statements": [f"{st.title} ({st.kind}, lines {st.tables[0].start_line}-{st.tables[-1].end_line})"
                       for st in layout.statements],
        "statement_scales": {st.kind: st.scale for st in layout.statements},
        "summary": {"numbers_in_statements": numbers, "numbers_tagged": tagged, "numbers_untagged": untagged_stmt,
                    "numbers_tagged_extension": sum(1 for r in tagged_rows if r["concept"] in b.extensions),
                    "facts": len(b.facts), "extension_concepts": sum(1 for c in b.extensions.values() if not c.abstract),
                    "checks_passed": sum(1 for c in b.checks if c.ok),
                    "checks_failed": sum(1 for c in b.checks if not c.ok),
                    "flags": sum(1 for f in findings["found"] if f.action is not rules.Action.CORRECTED),
                    "corrections": sum(1 for f in findings["found"] if f.action is rules.Action.CORRECTED)},
        "needs_review": [f.as_dict() for f in findings["found"] if f.action is not rules.Action.CORRECTED],
        "corrections": [f.as_dict() for f in findings["found"] if f.action is rules.Action.CORRECTED],
        "rules": _rule_counts(findings),
        "rows": b.rows, "printed_tables": list(printed), "untagged": [asdict(u) for u in b.untagged],
        "checks": [asdict(c) for c in b.checks],
        "extensions": [{"concept": c.qname, "label": c.label, "type": c.type, "period": c.period,
                        "balance": c.balance,
                        "reason": reasons.get(c.qname, "presentation heading" if c.abstract else "")}
                       for c in b.extensions.values()],
        "skipped_tables": [{"lines": f"{t.start_line}-{t.end_line}", "reason": r} for t, r in layout.skipped],
        "remarks": ([f"PLACEHOLDER CIK {PLACEHOLDER_CIK}: pass --cik"] if placeholder else []) +
                   ([f"form {form} is written as dei:DocumentType {dei_document_type(form)} (the dei list of "
                     "document types has no such form)"] if dei_document_type(form) != form else []) +
                   ["'--' is read as a reported zero (value 0) everywhere"] + b.notes +
                   ([f"fiscal year end {cover.fiscal_year_end} from {cover.fiscal_year_end_source}"]
                    if cover.fiscal_year_end else []),
        "validation": _validation(validation),
    }
    return d
