"""The conversion report as a dict (report.json): the filing, the statements, every row and what became of it,
the rules' findings, what was not tagged and why."""
from __future__ import annotations

from dataclasses import asdict

from edgar2xbrl.check import rules
from edgar2xbrl.check.validate import ValidationResult
from edgar2xbrl.check.run import rule_counts
from edgar2xbrl.tag.cover_facts import PLACEHOLDER_CIK
from edgar2xbrl.tag.cover_facts import dei_document_type
from edgar2xbrl.xbrl_report import RowStatus, XbrlReport


def printed_tables(path: str, layout, undated, line_map: list[int] | None) -> list[dict]:
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


def taxonomy_name(packages) -> str:
    from edgar2xbrl.check.packages import packages_for
    return packages_for(packages)[1]


def validation_summary(validation: ValidationResult | None) -> dict | None:
    return None if validation is None else {
        "summary": validation.summary(), "errors": [asdict(m) for m in validation.errors],
        "warnings": [asdict(m) for m in validation.warnings]}


def build_report(x: XbrlReport, layout, cover, validation, files, packages, undated=(), printed=(),
                 taxonomy: str | None = None):
    """The report of the typed report `x`, the statements and notes as `layout` found them and the `cover` page
    read."""
    e, log, findings = x.entity, x.log, x.log.findings
    numbers = sum(sum(1 for c in r.cells if c is not None) + len(r.overflow)
                  for st in list(layout.statements) + list(undated) for r in st.rows)
    stmt_titles = {st.title for st in list(layout.statements) + list(undated)}
    tagged_rows = [r for r in log.rows if r.statement in stmt_titles and r.column and
                   r.status in (RowStatus.ADDED, RowStatus.DUPLICATE)]
    tagged = len(tagged_rows)
    untagged_stmt = sum(1 for u in log.untagged if u.statement in stmt_titles)
    if taxonomy is None:
        taxonomy = validation.taxonomy if validation else taxonomy_name(packages)
    reasons: dict[str, str] = {}  # each extension concept's reason: that of its first row that gives one
    for r in log.rows:
        if r.extension_reason:
            reasons.setdefault(r.concept, r.extension_reason)
    extensions = {c.qname for c in x.extensions}
    d = {
        "source": e.source, "form": e.form, "registrant": e.registrant, "cik": e.cik, "cik_source": cover.cik_source,
        "cik_placeholder": e.cik_placeholder, "period_end": e.period_end.isoformat(),
        "fiscal_year_focus": e.fiscal_year_focus, "fiscal_period_focus": e.fiscal_period_focus,
        "fiscal_year_end": cover.fiscal_year_end or "", "taxonomy": taxonomy, "files": sorted(files),
        "statements": [f"{st.title} ({st.kind}, lines {st.tables[0].start_line}-{st.tables[-1].end_line})"
                       for st in layout.statements],
        "statement_scales": {st.kind: st.scale for st in layout.statements},
        "summary": {"numbers_in_statements": numbers, "numbers_tagged": tagged, "numbers_untagged": untagged_stmt,
                    "numbers_tagged_extension": sum(1 for r in tagged_rows if r.concept in extensions),
                    "facts": len(x.facts), "extension_concepts": sum(1 for c in x.extensions if not c.abstract),
                    "checks_passed": sum(1 for c in log.checks if c.ok),
                    "checks_failed": sum(1 for c in log.checks if not c.ok),
                    "flags": sum(1 for f in findings.found if f.action is not rules.Action.CORRECTED),
                    "corrections": sum(1 for f in findings.found if f.action is rules.Action.CORRECTED)},
        "needs_review": [f.as_dict() for f in findings.found if f.action is not rules.Action.CORRECTED],
        "corrections": [f.as_dict() for f in findings.found if f.action is rules.Action.CORRECTED],
        "rules": rule_counts(findings),
        "rows": [r.as_json() for r in log.rows], "printed_tables": list(printed),
        "untagged": [asdict(u) for u in log.untagged],
        "checks": [asdict(c) for c in log.checks],
        "extensions": [{"concept": c.qname, "label": c.label, "type": c.type, "period": c.period,
                        "balance": c.balance,
                        "reason": reasons.get(c.qname, "presentation heading" if c.abstract else "")}
                       for c in x.extensions],
        "skipped_tables": [{"lines": f"{t.start_line}-{t.end_line}", "reason": r} for t, r in layout.skipped],
        "remarks": ([f"PLACEHOLDER CIK {PLACEHOLDER_CIK}: pass --cik"] if e.cik_placeholder else []) +
                   ([f"form {e.form} is written as dei:DocumentType {dei_document_type(e.form)} (the dei list of "
                     "document types has no such form)"] if dei_document_type(e.form) != e.form else []) +
                   ["'--' is read as a reported zero (value 0) everywhere"] + list(log.remarks) +
                   ([f"fiscal year end {cover.fiscal_year_end} from {cover.fiscal_year_end_source}"]
                    if cover.fiscal_year_end else []),
        "validation": validation_summary(validation),
    }
    return d
