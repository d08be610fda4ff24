"""The library entry point: convert(filing) → XBRL instance, extension taxonomy, report (and validation)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.tag.catalog import era_of, load_catalog
from edgar2xbrl.read.cover import fiscal_focus, read_cover
from edgar2xbrl.gcscope import only_new_objects_collected
from edgar2xbrl.errors import BadOption, NotAFiling
from edgar2xbrl.write.sink import FolderSink
from edgar2xbrl.read.source import read_filing, statement_documents
from edgar2xbrl.tables.statements import locate
from edgar2xbrl.tables.tables import find_tables, _is_numeric_row
from edgar2xbrl.tables.layout import _split_cached
from edgar2xbrl.read.numbers import _read as _read_cell
from edgar2xbrl.check.validate import ValidationResult
from edgar2xbrl.write.writer import namespace
from edgar2xbrl.write import DEFAULT_FORMATS, normalize as normalize_formats, write_formats
from edgar2xbrl.xbrl_report import Entity, XbrlReport
from edgar2xbrl.write.xmlsafe import is_reserved_prefix
from edgar2xbrl.tables.usable import usable_statements, check_digits
from edgar2xbrl.tag.cover_facts import set_cik, fiscal_year_end, latest_date, document_period, cover_facts
from edgar2xbrl.tag.tagging import tag_statements, tag_notes, list_overflow, list_undated, tag_legal_proceedings
from edgar2xbrl.tag.finish import finish
from edgar2xbrl.write.conversion_report import printed_tables, taxonomy_name, validation_summary, build_report
from edgar2xbrl.write.atomic import check_output_folder, write_atomically


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
    check_output_folder(out_dir, str(path))
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
    validation, rep = write_atomically(out_dir, produce, run_validation, taxonomy_packages, str(path))
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
        return _build(source, name, prefix=prefix, cik=cik, taxonomy_packages=taxonomy_packages, form=form,
                      period_end=period_end, formats=formats, sink=sink)
    finally:
        _release_line_caches()


def _release_line_caches() -> None:
    # these caches are keyed by the filing's own lines and cells: they pay within a conversion (a line is asked
    # again and again while tables are looked for), hardly across filings (another filing prints other lines:
    # over the text corpus 10-30% more misses), yet full they held ~36 MB of a worker's memory after the HTML
    # corpus, the lines of filings long done
    _is_numeric_row.cache_clear()
    _split_cached.cache_clear()
    _read_cell.cache_clear()


def _build(source, name: str, *, prefix, cik, taxonomy_packages, form, period_end, formats, sink) -> Built:
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
    undated = usable_statements(layout, filing, docs, path)
    check_digits(layout, filing, path)

    warnings: list[str] = [f"warning: {x}" for x in cover.problems]
    placeholder = set_cik(cover, cik, path, warnings)
    period_end = cover.period_end or latest_date(layout)
    if period_end is None:
        raise NotAFiling("cannot tell the period the report covers (no 'period ended' on the cover)", path)
    form = cover.form or ("10-K" if "annual" in filing.text[:3000].lower() else "10-Q")
    fye = fiscal_year_end(cover, filing.lines, layout, period_end, form)
    fy_focus, fp_focus = fiscal_focus(period_end, fye, form)
    doc_period = document_period(layout, period_end, form)
    registrant = cover.registrant or filing.header.get("company", "") or Path(path).stem
    prefix = (prefix or derive_prefix(registrant)).lower()
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,19}", prefix, re.ASCII):
        raise BadOption(f"--prefix {prefix!r} is not a valid XML prefix (letters, digits, dashes)", path)
    if is_reserved_prefix(prefix):
        raise BadOption(f"--prefix {prefix!r} is reserved (an XML, XBRL or SEC/FASB taxonomy prefix); "
                              "choose another", path)

    b = Builder(load_catalog(era=era_of(period_end)), prefix, Path(path).name,  # the file name only: same bytes, same output
                remarks=filing.remarks + cover.problems, printed_dates=layout.printed_dates or frozenset(),
                report_end=period_end)
    cover_facts(b, cover, form, period_end, fye, fy_focus, fp_focus, doc_period, placeholder)
    tag_statements(b, layout)
    tag_notes(b, layout, doc_period, path)
    for note in layout.notes:  # each note's text is in its text block and its facts now: nothing reads it again
        note.text = ""
    list_overflow(b, layout)
    tag_legal_proceedings(b, filing.lines, docs, layout, doc_period)
    list_undated(b, undated)
    entity = _entity(cover, filing, form, period_end, fye, fy_focus, fp_focus, registrant, placeholder, path)
    date_tag = period_end.strftime("%Y%m%d")
    xbrl = finish(b, layout, filing, entity, f"{prefix}-{date_tag}", namespace(prefix, date_tag))
    del b  # (every writer reads the typed report)
    printed = printed_tables(entity.source, layout, undated, filing.line_map)
    # the report as far as it is known before validation (its taxonomy, files and validation are set after): what
    # it needs of the layout is in it, and the layout goes before the files are written
    known = build_report(xbrl, layout, cover, None, (), taxonomy_packages, undated, printed, taxonomy="")
    del layout, printed, undated
    filing = _for_writers(filing)
    files = write_formats(formats, xbrl, source, filing, sink=sink)
    names = sorted(files if sink is None else sink.names)

    def report(validation):
        rep = dict(known)  # (the keys keep their places)
        rep["taxonomy"] = validation.taxonomy if validation else taxonomy_name(taxonomy_packages)
        rep["files"] = sorted(names)
        rep["validation"] = validation_summary(validation)
        rep["formats"] = list(formats)
        return rep
    return Built(files, f"{prefix}-{date_tag}.xml", report, warnings, xbrl)


def _entity(cover, filing, form: str, period_end: date, fye: str, fy_focus: str, fp_focus: str, registrant: str,
            placeholder: bool, path: str) -> Entity:
    sic = re.search(r"\[(\d{4})\]", filing.header.get("sic", ""))
    return Entity(cik=cover.cik, cik_placeholder=placeholder, registrant=registrant, form=form, period_end=period_end,
                  fiscal_year_focus=fy_focus, fiscal_period_focus=fp_focus or "", fiscal_year_end=fye or "",
                  accession=filing.header.get("accession", ""), filed=filing.header.get("filed", ""),
                  sic=sic.group(1) if sic else "", source=Path(path).name,
                  edgar_header=tuple(sorted(filing.header.items())))


def _for_writers(filing):
    """The filing as the output formats read it (the inline document: a text filing's lines, an HTML filing's
    markup and its line map), without what only reading and tagging used (an HTML filing's rendered lines and its
    cells' elements, a text filing's text): a large filing's copies are let go before the inline tree is made."""
    if filing.line_map is None:
        return replace(filing, text="", cell_elements=None)
    return replace(filing, lines=[], cell_elements=None)


