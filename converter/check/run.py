"""Running the consistency rules on a conversion: the facts they correct or leave out, and the report rows
of every fact a rule named."""
from __future__ import annotations


from edgar2xbrl.tag.builder import Builder
from edgar2xbrl.xbrl_report import Findings, Untagged
from edgar2xbrl.tables.periods import printed_dates
from edgar2xbrl.check import rules


def rule_input(b: Builder, layout, filing) -> rules.RuleInput:
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


def apply_rules(b: Builder, layout, filing) -> Findings:
    """Run the consistency rules; write the facts they correct, leave out the facts they remove, and mark the
    report rows of every fact a rule named. Returns the findings and what the rules still find afterwards."""
    inp = rule_input(b, layout, filing)
    found = rules.check(inp)
    b.facts = rules.apply(b.facts, found)
    left = rules.check(rule_input(b, layout, filing))
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
    return Findings(tuple(found), tuple(left))


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
