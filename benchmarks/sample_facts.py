"""Is each fact right? A seeded random sample of the numeric facts written for a corpus, for a reader to judge.

Tag rate and validity say nothing of whether a fact is right; the consistency rules and the pairs catch only some of
what can be wrong. This draws facts at random, every numeric fact of every filing equally likely, and prints each
with what a reader needs to judge it against the printed filing: the concept (and whether it is an extension), the
period, the dimensions, the value with its unit and decimals, the sign decision, what chose the concept, and the
lines around where it was printed (an HTML filing's lines as the converter reads them rendered).

    python3 benchmarks/sample_facts.py draw [CORPUS_DIR ...] [--n 100] [--seed 1] [--out SHEET.md]
    python3 benchmarks/sample_facts.py score SHEET.md

`draw` writes the sheet: one section per fact ending in a verdict line `verdict: ` for the reader to complete with
`right`, or `wrong: concept|period|value|sign|member` (any of them, comma-separated) and a few words. `score` counts
the verdicts of a completed sheet: facts judged, right, wrong by what was wrong. Defaults: the text and HTML corpus
of ../shared/corpus, 100 facts from each.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
WHAT = ("concept", "period", "value", "sign", "member")

from edgar2xbrl import ConversionError, convert  # noqa: E402
from edgar2xbrl.api import Options  # noqa: E402
from edgar2xbrl.read.source import read_filing  # noqa: E402


@dataclass(frozen=True)
class Drawn:
    """One fact drawn, with what a reader needs to judge it."""

    filing: str
    fact_id: str
    concept: str
    extension: bool
    period: str
    dimensions: str
    value: str
    unit: str
    decimals: str
    printed: str
    sign: str
    chosen_by: str
    statement: str
    row: str
    column: str  # the printed column's header, "" when not in a column
    line: int
    context: tuple[str, ...]  # the lines around where it was printed, the fact's own marked ">>"


def filings(corpus: Path) -> list[Path]:
    """The filings of a corpus folder: every file but its documentation."""
    return sorted(p for p in corpus.iterdir()
                  if p.is_file() and p.name not in ("MANIFEST", "README.md") and not p.suffix in (".md", ".csv", ".json"))


def _context(lines: list[str], line_map: list[int] | None, line: int, around: int = 6) -> tuple[str, ...]:
    """The lines around a source line; for HTML the rendered lines whose source line is nearest."""
    if not lines or line <= 0:
        return ()
    if line_map:
        at = min(range(len(line_map)), key=lambda i: (abs((line_map[i] or 0) - line), i))
    else:
        at = line - 1
    lo, hi = max(0, at - around), min(len(lines), at + around + 1)
    return tuple((">> " if i == at else "   ") + lines[i].rstrip()[:160] for i in range(lo, hi))


def facts_of(path: Path) -> list[Drawn]:
    """Every numeric fact written for one filing (none when it is refused)."""
    try:
        conv = convert(path, Options(validate=False, formats=("xbrl",)))
    except ConversionError:
        return []
    filing = read_filing(path)
    # the printed table a fact was read from: the one printing its source line (a note prints several tables
    # under one title)
    columns_at = {r["source"]: t["columns"] for t in conv.report.get("printed_tables", []) for r in t["rows"]}
    out = []
    for f in conv.xbrl.facts:
        if not f.numeric:
            continue
        p = f.context.period
        period = f"{p.start}..{p.end}" if p.start else f"{p.end}"
        dims = ", ".join(f"{a}={m}" for a, m in f.context.dims)
        cols = columns_at.get(str(f.span), [])
        k = f.provenance.column  # (1-based, as the report counts columns)
        column = cols[k - 1] if k is not None and 0 < k <= len(cols) else ""
        out.append(Drawn(path.name, f.id, f.concept, f.extension, period, dims, f.value, f.unit or "",
                         f.decimals or "", f.printed, f.provenance.sign, f.provenance.chosen_by,
                         f.provenance.statement, f.provenance.row_label, column, f.span.line,
                         _context(filing.lines, filing.line_map, f.span.line)))
    return out


def draw(corpus: Path, n: int, seed: int) -> list[Drawn]:
    """n facts drawn without replacement, every numeric fact of the corpus equally likely; the same for the same
    corpus and seed."""
    every = [d for p in filings(corpus) for d in facts_of(p)]
    rng = random.Random(seed)
    return sorted(rng.sample(every, min(n, len(every))), key=lambda d: (d.filing, d.line, d.fact_id))


def sheet(drawn: list[Drawn], title: str) -> str:
    out = [f"# {title}", "", "Complete each `verdict:` with `right`, or `wrong: " + "|".join(WHAT) +
           "` (any, comma-separated) and a few words.", ""]
    for k, d in enumerate(drawn, 1):
        ext = " (extension)" if d.extension else ""
        out += [f"## {k}. {d.filing} {d.fact_id}: {d.concept}{ext}", "",
                f"- period {d.period}" + (f"; dimensions {d.dimensions}" if d.dimensions else ""),
                f"- value {d.value} {d.unit} (decimals {d.decimals}); printed {d.printed!r}; sign: {d.sign}",
                f"- {d.statement} / {d.row!r}" + (f" / column {d.column!r}" if d.column else "") +
                f" (line {d.line}); chosen by {d.chosen_by}", "", "```",
                *d.context, "```", "", "verdict: ", ""]
    return "\n".join(out)


_VERDICT = re.compile(r"^verdict:[ \t]*(\S[^\n]*)?$", re.M)


def score(text: str) -> tuple[int, int, Counter]:
    """(judged, right, wrong by what) of a completed sheet."""
    judged = right = 0
    wrong: Counter = Counter()
    for m in _VERDICT.finditer(text):
        v = (m.group(1) or "").strip().lower()
        if not v:
            continue
        judged += 1
        if v.startswith("right"):
            right += 1
        elif v.startswith("wrong"):
            named = []
            for w in v.partition(":")[2].replace(",", " ").replace("|", " ").split():
                if w.strip(";.") not in WHAT:
                    break  # the words after what was wrong
                named.append(w.strip(";."))
            for w in named or ["unspecified"]:
                wrong[w] += 1
            wrong["(facts)"] += 1
        else:
            raise SystemExit(f"verdict neither right nor wrong: {m.group(0)!r}")
    return judged, right, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("corpus", nargs="*", type=Path)
    d.add_argument("--n", type=int, default=100, help="facts per corpus folder")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--out", type=Path)
    s = sub.add_parser("score")
    s.add_argument("sheet", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "score":
        judged, right, wrong = score(a.sheet.read_text(encoding="utf-8"))
        print(f"{judged} judged: {right} right ({right / judged:.1%}), {wrong.pop('(facts)', 0)} wrong" if judged
              else "0 judged")
        for w, n in wrong.most_common():
            print(f"  wrong {w}: {n}")
        return 0
    corpora = a.corpus or [SHARED / "text", SHARED / "html"]
    parts = []
    for c in corpora:
        if not c.is_dir():
            print(f"error: {c}: not a folder", file=sys.stderr)
            return 2
        drawn = draw(c, a.n, a.seed)
        parts.append(sheet(drawn, f"{len(drawn)} facts drawn from {c.name} (seed {a.seed})"))
    text = "\n\n".join(parts)
    if a.out:
        a.out.write_text(text, encoding="utf-8")
        print(f"wrote {a.out}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
