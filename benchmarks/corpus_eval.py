"""Measure the converter on the text-era corpus against each filing's own EX-27 Financial Data Schedule.

For every filing in ../shared/corpus/text (or the folder given): remove its EX-27 documents so the converter never
sees them, convert (timing the conversion alone, then validation), and compare the instance's facts with the
schedule's TOTAL-ASSETS, CURRENT-ASSETS, CURRENT-LIABILITIES, TOTAL-LIABILITY-AND-EQUITY, TOTAL-REVENUES,
INCOME-PRETAX, NET-INCOME, EPS-PRIMARY and EPS-DILUTED for the schedule's period.

The schedule's MULTIPLIER line is not trusted: its amounts are read in the scale of the filing's own statements.

Usage: python3 benchmarks/corpus_eval.py [CORPUS_DIR] [--json OUT.json]
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from lxml import etree  # noqa: E402

from edgar2xbrl import ConversionError, convert, validate  # noqa: E402

# EX-27 tag → the concepts a correct conversion may use for it
TAGS = {
    "TOTAL-ASSETS": ["Assets"],
    "CURRENT-ASSETS": ["AssetsCurrent"],
    "CURRENT-LIABILITIES": ["LiabilitiesCurrent"],
    "TOTAL-LIABILITY-AND-EQUITY": ["LiabilitiesAndStockholdersEquity"],
    "TOTAL-REVENUES": ["Revenues", "RevenueFromContractWithCustomerExcludingAssessedTax"],
    "INCOME-PRETAX": ["IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
                      # the era's pretax concept (before the 2011 taxonomy), the one the converter uses for the era
                      "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments"],
    "NET-INCOME": ["NetIncomeLoss"],
    "EPS-PRIMARY": ["EarningsPerShareBasic", "EarningsPerShareBasicAndDiluted"],
    "EPS-DILUTED": ["EarningsPerShareDiluted", "EarningsPerShareBasicAndDiluted"],
}
INSTANT_TAGS = {"TOTAL-ASSETS", "CURRENT-ASSETS", "CURRENT-LIABILITIES", "TOTAL-LIABILITY-AND-EQUITY"}
PER_SHARE = {"EPS-PRIMARY", "EPS-DILUTED"}
MONTHS = {"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10,
          "NOV": 11, "DEC": 12}
X = "{http://www.xbrl.org/2003/instance}"


def split_ex27(text: str) -> tuple[str, list[str]]:
    """The filing without its EX-27 documents, and the texts of those documents."""
    schedules = []

    def cut(m: re.Match) -> str:
        schedules.append(m.group(0))
        return ""
    rest = re.sub(r"<DOCUMENT>\s*\n\s*<TYPE>\s*EX-27.*?</DOCUMENT>\s*\n?", cut, text, flags=re.S | re.I)
    return rest, schedules


def parse_schedule(doc: str) -> dict:
    out = {}
    for m in re.finditer(r"<([A-Z0-9&-]+)>\s+([^\n<]+)", doc):
        out.setdefault(m.group(1).strip(), m.group(2).strip())
    return out


def _date(s: str) -> date | None:
    m = re.match(r"([A-Z]{3})-(\d{1,2})-(\d{4})", s.strip().upper())
    if not m or m.group(1) not in MONTHS:
        return None
    return date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))


def _months(period_type: str) -> int | None:
    t = period_type.strip().upper()
    m = re.match(r"(\d+)-MOS", t)
    if m:
        return int(m.group(1))
    if t in ("YEAR", "12-MOS"):
        return 12
    return None


def _number(s: str) -> Decimal | None:
    t = s.replace(",", "").replace("$", "").strip()
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()")
    try:
        v = Decimal(t)
    except Exception:
        return None
    return -v if neg else v


def instance_facts(instance: Path) -> list[tuple[str, date | None, date, Decimal]]:
    root = etree.parse(str(instance)).getroot()
    ctx = {}
    for c in root.findall(f"{X}context"):
        if c.find(f"{X}entity/{X}segment") is not None:
            continue
        p = c.find(f"{X}period")
        inst = p.find(f"{X}instant")
        if inst is not None:
            ctx[c.get("id")] = (None, date.fromisoformat(inst.text))
        else:
            ctx[c.get("id")] = (date.fromisoformat(p.find(f"{X}startDate").text),
                                date.fromisoformat(p.find(f"{X}endDate").text))
    out = []
    for el in root:
        if not isinstance(el.tag, str) or el.get("contextRef") not in ctx or el.get("unitRef") is None:
            continue
        start, end = ctx[el.get("contextRef")]
        out.append((etree.QName(el).localname, start, end, Decimal(el.text)))
    return out


def compare(schedule: dict, facts, scale: int) -> list[dict]:
    end = _date(schedule.get("PERIOD-END", ""))
    months = _months(schedule.get("PERIOD-TYPE", ""))
    checks = []
    for tag, concepts in TAGS.items():
        if tag not in schedule or end is None:
            continue
        raw = _number(schedule[tag])
        if raw is None:
            continue
        expected = raw if tag in PER_SHARE else raw * (Decimal(10) ** scale)
        if expected == 0:
            continue  # a zero in a schedule usually means "not reported"
        found = []
        for name, start, fend, value in facts:
            if name not in concepts or abs((fend - end).days) > 4:
                continue
            if tag in INSTANT_TAGS:
                if start is not None:
                    continue
            else:
                if start is None or months is None:
                    continue
                length = (fend - start).days + 1
                if abs(length - months * 30.44) > 12:
                    continue
            found.append(value)
        if tag in INSTANT_TAGS:
            # a balance sheet date: several instant concepts there (an equity roll-forward or the cash flow's
            # opening cash alone do not make one)
            presented = len({n for n, start, fend, _ in facts if start is None and abs((fend - end).days) <= 4}) >= 5
        else:
            presented = any(abs((fend - end).days) <= 4 and start is not None and months is not None and
                            abs((fend - start).days + 1 - months * 30.44) <= 12 for _, start, fend, _ in facts)
        if not found and not presented:
            status = "not-presented"  # the schedule's period is not a column of any converted statement
        elif not found:
            status = "missing"
        elif any(v == expected or (tag in PER_SHARE and abs(v - expected) <= Decimal("0.011")) for v in found):
            status = "agree"
        else:
            status = "differ"
        checks.append({"tag": tag, "expected": str(expected), "found": [str(v) for v in found], "status": status,
                       "period_end": str(end), "months": months})
    return checks


def statement_scale(report: dict) -> int:
    scales = report.get("statement_scales") or {}
    for kind in ("balance_sheet", "income"):
        if kind in scales:
            return scales[kind]
    return next(iter(scales.values()), 0)


def extension_count(instance: Path) -> tuple[int, int]:
    """(numeric facts, facts on the filer's extension concepts) of an instance."""
    from lxml import etree
    root = etree.parse(str(instance)).getroot()
    numeric = [el for el in root if isinstance(el.tag, str) and el.get("unitRef") is not None]
    ext = sum(1 for el in numeric if not any(s in etree.QName(el).namespace for s in ("fasb.org/", "xbrl.sec.gov/")))
    return len(numeric), ext


def main(argv: list[str]) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "text"))
    ap.add_argument("--json", help="also write every row and check to this JSON file")
    opts = ap.parse_args(argv)
    corpus, out_json = Path(opts.corpus), opts.json
    files = sorted(p for p in corpus.glob("*") if p.suffix.lower() in (".txt", ".htm", ".html"))
    rows, all_checks, times, vtimes = [], [], [], []
    totals = Counter()
    rule_totals = Counter()
    tmp = tempfile.TemporaryDirectory(prefix="corpus-eval-")
    work = Path(tmp.name)
    print(f"{'filing':58} {'status':10} {'seen':>5} {'tagged':>6} {'%':>6} {'arelle':>6} {'calc':>4} "
          f"{'ex27 ok/n':>9} {'conv s':>7}")
    for f in files:
        text = f.read_bytes().decode("latin-1")
        stripped, schedules = split_ex27(text)
        src = work / f.name
        src.write_text(stripped, encoding="latin-1")
        row = {"file": f.name, "schedules": len(schedules)}
        t = time.perf_counter()
        try:
            res = convert(src, work / f.stem, run_validation=False)
        except ConversionError as exc:
            row.update(status="no-statements" if "no financial statements" in exc.reason else "rejected",
                       message=str(exc))
            rows.append(row)
            print(f"{f.name[:58]:58} {row['status']:10} {exc.reason[:60]}")
            continue
        except Exception as exc:  # counted, never hidden
            row.update(status="crashed", message=f"{type(exc).__name__}: {exc}")
            rows.append(row)
            totals["crashed"] += 1
            print(f"{f.name[:58]:58} crashed    {row['message'][:60]}")
            continue
        conv = time.perf_counter() - t
        times.append(conv)
        instance = next(p for p in res.files if p.suffix == ".xml" and "_" not in p.name)
        t = time.perf_counter()
        v = validate(instance)
        vtimes.append(time.perf_counter() - t)
        facts = instance_facts(instance)
        scale = statement_scale(res.report)
        checks = [c for s in schedules for c in compare(parse_schedule(s), facts, scale)]
        for c in checks:
            c["file"] = f.name
        all_checks += checks
        s = res.report["summary"]
        ok = sum(1 for c in checks if c["status"] == "agree")
        judged_here = sum(1 for c in checks if c["status"] != "not-presented")
        calc = len(v.calc_inconsistencies)
        row.update(status="converted", seen=s["numbers_in_statements"], tagged=s["numbers_tagged"],
                   untagged=s["numbers_untagged"], arelle_errors=len(v.errors), calc_inconsistencies=calc,
                   ex27_agree=ok, ex27_checks=judged_here, seconds=round(conv, 3))
        row.update(rules=res.report.get("rules", {}), flags=len(res.report.get("needs_review") or []))
        row.update(zip(("numeric", "extension"), extension_count(instance)))
        totals["numeric"] += row["numeric"]
        totals["extension"] += row["extension"]
        for rid, c in row["rules"].items():
            for k, n in c.items():
                rule_totals[(rid, k)] += n
        rows.append(row)
        for k in ("seen", "tagged", "untagged", "arelle_errors", "calc_inconsistencies", "ex27_agree", "ex27_checks"):
            totals[k] += row[k]
        pct = 100 * row["tagged"] / row["seen"] if row["seen"] else 100.0
        print(f"{f.name[:58]:58} {'converted':10} {row['seen']:5} {row['tagged']:6} {pct:6.1f} {len(v.errors):6} "
              f"{calc:4} {ok:>4}/{judged_here:<4} {conv:7.3f}")
    by_status = Counter(r["status"] for r in rows)
    print()
    print(f"filings: {len(rows)} — " + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items())))
    if totals["seen"]:
        print(f"numbers in detected statements: {totals['seen']}, tagged {totals['tagged']} "
              f"({100 * totals['tagged'] / totals['seen']:.1f}%), listed as not tagged {totals['untagged']}")
    print(f"Arelle errors: {totals['arelle_errors']}; calculation inconsistencies: {totals['calc_inconsistencies']}")
    if totals["numeric"]:
        print(f"extension concepts: {totals['extension']} of {totals['numeric']} numeric facts "
              f"({100 * totals['extension'] / totals['numeric']:.1f}%)")
    if totals["ex27_checks"]:
        status = Counter(c["status"] for c in all_checks)
        judged = len(all_checks) - status["not-presented"]
        print(f"EX-27 checks: {len(all_checks)}; {status['not-presented']} name a period no converted statement "
              f"presents (set aside); of the other {judged}: {status['agree']} agree "
              f"({100 * status['agree'] / judged if judged else 0:.1f}%), {status['differ']} differ, "
              f"{status['missing']} missing")
        per_tag = Counter((c["tag"], c["status"]) for c in all_checks)
        for tag in TAGS:
            n = sum(v for (t, st), v in per_tag.items() if t == tag and st != "not-presented")
            if n:
                print(f"  {tag:28} {per_tag[(tag, 'agree')]:3} / {n:3} agree")
    converted = [r for r in rows if r["status"] == "converted"]
    if converted:
        flagged = sum(1 for r in converted if r["flags"])
        print(f"consistency rules: {flagged} of {len(converted)} converted filings flagged "
              f"({100 * flagged / len(converted):.1f}%)")
        print(f"  {'rule':10} {'found':>6} {'corrected':>9} {'removed':>7} {'flagged':>7} {'left':>5}   (found: on the "
              "facts as built; left: on the facts written)")
        for rid in sorted({k[0] for k in rule_totals}):
            print(f"  {rid:10} {rule_totals[(rid, 'found')]:6} {rule_totals[(rid, 'corrected')]:9} "
                  f"{rule_totals[(rid, 'removed')]:7} {rule_totals[(rid, 'flagged')]:7} {rule_totals[(rid, 'left')]:5}")
    if times:
        print(f"conversion alone: median {statistics.median(times):.3f} s per filing "
              f"(max {max(times):.3f} s); validation: median {statistics.median(vtimes):.3f} s")
    tmp.cleanup()
    if out_json:
        Path(out_json).write_text(json.dumps({"rows": rows, "checks": all_checks, "totals": totals}, indent=1,
                                             default=str))
    return 1 if by_status.get("crashed") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
