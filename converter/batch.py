"""Batch conversion: many filings, one process each at a time, failures isolated, resumable."""
from __future__ import annotations

import csv
import json
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

SUFFIXES = {".txt", ".htm", ".html", ".sgml", ".nc"}
FIELDS = ["file", "status", "form", "period", "statements", "numbers_in_statements", "numbers_tagged",
          "numbers_untagged", "checks_passed", "checks_failed", "arelle_errors", "calc_inconsistencies", "seconds",
          "message"]


@dataclass
class Row:
    file: str
    status: str  # converted | invalid | no-statements | rejected | crashed | skipped
    form: str = ""
    period: str = ""
    statements: int = 0
    numbers_in_statements: int = 0
    numbers_tagged: int = 0
    numbers_untagged: int = 0
    checks_passed: int = 0
    checks_failed: int = 0
    arelle_errors: int = 0
    calc_inconsistencies: int = 0
    seconds: float = 0.0
    message: str = ""


def filings_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def _row_from_report(name: str, report: dict, status: str, seconds: float) -> Row:
    s = report["summary"]
    v = report.get("validation") or {}
    return Row(file=name, status=status, form=report.get("form", ""), period=report.get("period_end", ""),
               statements=len(report.get("statements", [])), numbers_in_statements=s["numbers_in_statements"],
               numbers_tagged=s["numbers_tagged"], numbers_untagged=s["numbers_untagged"],
               checks_passed=s["checks_passed"], checks_failed=s["checks_failed"],
               arelle_errors=len(v.get("errors", [])),
               calc_inconsistencies=sum(1 for e in v.get("errors", []) + v.get("warnings", [])
                                        if "calc" in e.get("code", "").lower()),
               seconds=round(seconds, 3))


def convert_one(path: str, out_dir: str, validate: bool, packages: list[str]) -> Row:
    """Runs in a worker process; never raises."""
    from .errors import ConversionError
    from .pipeline import convert

    name = Path(path).name
    t = time.perf_counter()
    try:
        res = convert(path, out_dir, run_validation=validate, taxonomy_packages=[Path(p) for p in packages])
        status = "converted" if res.ok else "invalid"
        return _row_from_report(name, res.report, status, time.perf_counter() - t)
    except ConversionError as exc:
        status = "no-statements" if "no financial statements" in exc.reason else "rejected"
        return Row(file=name, status=status, seconds=round(time.perf_counter() - t, 3), message=str(exc))
    except Exception as exc:  # a crash in one filing must not stop the batch
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        return Row(file=name, status="crashed", seconds=round(time.perf_counter() - t, 3),
                   message=f"{type(exc).__name__}: {exc} ({Path(tb.filename).name}:{tb.lineno})")


def run_batch(input_dir: Path, out_dir: Path, jobs: int = 1, force: bool = False, validate: bool = True,
              packages: list[Path] | None = None, progress: bool = True) -> list[Row]:
    from .packages import build_packages
    build_packages()  # once, before the workers start
    out_dir.mkdir(parents=True, exist_ok=True)
    files = filings_in(input_dir)
    rows: dict[str, Row] = {}
    todo = []
    for f in files:
        target = out_dir / f.stem
        report = target / "report.json"
        if report.exists() and not force:
            rows[f.name] = _row_from_report(f.name, json.loads(report.read_text()), "skipped", 0.0)
        else:
            todo.append(f)
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="filing", desc="converting")
    pkgs = [str(p) for p in (packages or [])]
    if jobs <= 1:
        for f in todo:
            rows[f.name] = convert_one(str(f), str(out_dir / f.stem), validate, pkgs)
            if bar:
                bar.update(1)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(convert_one, str(f), str(out_dir / f.stem), validate, pkgs): f for f in todo}
            for fut in as_completed(futures):
                f = futures[fut]
                try:
                    rows[f.name] = fut.result()
                except Exception as exc:  # the worker itself died
                    rows[f.name] = Row(file=f.name, status="crashed", message=f"worker died: {exc}")
                if bar:
                    bar.update(1)
    if bar:
        bar.close()
    ordered = [rows[f.name] for f in files]
    write_summary(out_dir, ordered)
    return ordered


def write_summary(out_dir: Path, rows: list[Row]) -> None:
    with open(out_dir / "summary.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        for r in rows:
            w.writerow(asdict(r))
    totals = {k: sum(getattr(r, k) for r in rows) for k in
              ("numbers_in_statements", "numbers_tagged", "numbers_untagged", "checks_passed", "checks_failed",
               "arelle_errors", "calc_inconsistencies")}
    by_status: dict[str, int] = {}
    for r in rows:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    (out_dir / "summary.json").write_text(json.dumps({"filings": len(rows), "by_status": by_status,
                                                      "totals": totals, "rows": [asdict(r) for r in rows]},
                                                     indent=1), encoding="utf-8")
