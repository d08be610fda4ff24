"""Running the consistency rules on a conversion: the facts they correct or leave out, and the report rows
of every fact a rule named."""
from __future__ import annotations

from dataclasses import replace

from edgar2xbrl.tag.tagged import Tagged
from edgar2xbrl.xbrl_report import Findings, ReportRow, RowStatus, Untagged
from edgar2xbrl.tables.periods import printed_dates
from edgar2xbrl.check import rules


def rule_input(t: Tagged, layout, filing) -> rules.RuleInput:
    kinds = {st.title: st.kind for st in layout.statements}
    for note, st in layout.note_tables:
        kinds[f"Note {note.number} - {note.title} (Details)"] = "note"
    conflicts = tuple(rules.Conflict(f.concept, f.context, f.value, f.source, kinds.get(title, ""))
                      for f, title in t.conflicts)
    return rules.RuleInput(facts=dict(t.facts), concept=lambda q: t.extensions.get(q) or t.catalog.concepts.get(q),
                           statement_kinds=kinds, printed_dates=frozenset(layout.printed_dates or printed_dates("\n".join(filing.lines))),
                           conflicts=conflicts,
                           conflict_titles={(f.concept, f.context, f.source): title for f, title in t.conflicts},
                           failed_checks=tuple(c for c in t.checks if not c.ok), mixed_rows=t.mixed,
                           report_end=t.report_end)


def apply_rules(t: Tagged, layout, filing) -> tuple[Tagged, Findings]:
    """Run the consistency rules: the facts they correct written, those they remove left out, and the report rows
    of every fact a rule named marked. Returns the tagged state so changed, and the findings with what the rules
    still find afterwards."""
    inp = rule_input(t, layout, filing)
    found = rules.check(inp)
    facts = rules.apply(t.facts, found)
    left = rules.check(replace(inp, facts=facts))
    rows, removed = _marked(t.rows, found, facts)
    return replace(t, facts=facts, rows=rows, untagged=t.untagged + removed), Findings(tuple(found), tuple(left))


def _marked(rows: tuple[ReportRow, ...], found, facts) -> tuple[tuple[ReportRow, ...], tuple[Untagged, ...]]:
    """The report rows, those of a fact a rule named with the rules, its corrected value or its removal (new rows:
    the rows as tagged stay as they were); and the removed rows, as not tagged with the reason."""
    marks: dict[tuple, list[str]] = {}
    why: dict[tuple, str] = {}
    for fd in found:
        for key in fd.facts + tuple(k for k, _ in fd.corrections):
            marks.setdefault((key[0], str(key[1].period), key[1].dims), []).append(f"{fd.rule} {fd.action.value}")
            if fd.action is rules.Action.REMOVED:
                why[(key[0], str(key[1].period), key[1].dims)] = f"left out by {fd.rule}: {fd.message}"
    written = {(k[0], str(k[1].period), k[1].dims): f.value for k, f in facts.items()}
    out: list[ReportRow] = []
    removed: list[Untagged] = []
    for r in rows:
        key = (r.concept, r.period, r.dimensions)
        m = marks.get(key)
        if m and r.status in (RowStatus.ADDED, RowStatus.DUPLICATE):
            r = replace(r, rules=tuple(sorted(set(m))))
            if key not in written:
                # by a rule: not in the instance, so listed as not tagged with the reason
                r = replace(r, status=RowStatus.REMOVED)
                removed.append(Untagged(r.source, r.statement, r.row, r.printed,
                                        why.get(key, "left out by a consistency rule")))
            elif written[key] != r.value:
                r = replace(r, corrected_from=r.value, value=written[key])
        out.append(r)
    return tuple(out), tuple(removed)


def rule_counts(findings: Findings) -> dict:
    """Per rule id: findings on the facts as built, by action, and findings left on the facts as written."""
    out: dict[str, dict[str, int]] = {}
    for rule in rules.RULES:
        out[rules.rule_id(rule)] = {"found": 0, "corrected": 0, "removed": 0, "flagged": 0, "left": 0}
    for f in findings.found:
        out[f.rule]["found"] += 1
        out[f.rule][f.action.value] += 1
    for f in findings.left:
        out[f.rule]["left"] += 1
    return out
