"""Batch conversion: many filings, each in a worker process with a time limit, failures isolated, resumable.

The unit of work is a `Task` (a filing's path and the output folder it goes to), and its result a `Row` (one line
of summary.csv): both small and picklable, so the same task runs in the local process pool (the default) or on a
Dask cluster (`engine="dask"`).

Library use::

    from pathlib import Path
    from edgar2xbrl.batch import run_batch
    if __name__ == "__main__":  # needed with engine="dask": its workers start as new processes
        run = run_batch(Path("filings/"), Path("out/"), jobs=2, timeout=300)
        print(run.counts_line())
"""
from __future__ import annotations

import csv
import json
import multiprocessing
import os
import re
import shutil
import signal
import sys
import threading
import time
import traceback
from collections import deque
from dataclasses import asdict, dataclass, fields
from datetime import date
from multiprocessing.connection import wait as wait_for
from pathlib import Path, PurePath
from typing import Callable, Iterator

SUFFIXES = {".txt", ".htm", ".html", ".sgml", ".nc"}
DEFAULT_TIMEOUT = 300.0  # seconds per filing; 0 means no limit
DEFAULT_LOG_EVERY = 30.0  # seconds between progress lines when the output is not a terminal
SUMMARY_EVERY = 60.0  # seconds between rewrites of the summary while a batch runs (what a kill -9 would lose)

# statuses: a valid output (converted, flagged), an output with validation errors (invalid), no output because of
# the input (no-statements, rejected), no output because of the run (crashed, timeout)
OK_STATUSES = ("converted", "flagged")
FAILED_STATUSES = ("no-statements", "rejected", "crashed", "timeout")  # no output: what --retry-failed reruns
WITH_OUTPUT = ("converted", "flagged", "invalid")
ACCESSION = re.compile(r"(?<!\d)(\d{10}-\d{2}-\d{6})(?!\d)")
DATASET_DIR = "fsds"  # with --format fsds: the batch's one data set, beside the filings' folders
RESERVED_OUTPUTS = {DATASET_DIR}
HEADER_ACCESSION = re.compile(rb"(?:ACCESSION NUMBER:|<SEC-DOCUMENT>|<IMS-DOCUMENT>)\s*(\d{10}-\d{2}-\d{6})")


class BatchInputError(ValueError):
    """The batch's input cannot be read (a manifest without a `path` column)."""


@dataclass
class Row:
    """One filing's line in summary.csv / summary.json."""
    file: str  # the input path relative to the input folder, or as the manifest gives it
    status: str  # converted | flagged | invalid | no-statements | rejected | crashed | timeout
    output: str = ""  # the output folder, relative to the batch's output folder
    flags: int = 0  # len(report["needs_review"]): findings a person should look at
    form: str = ""
    period: str = ""
    statements: int = 0
    numbers_in_statements: int = 0
    numbers_tagged: int = 0
    numbers_untagged: int = 0
    numbers_tagged_extension: int = 0  # tagged with the filer's own (extension) concepts
    checks_passed: int = 0
    checks_failed: int = 0
    arelle_errors: int = 0
    calc_inconsistencies: int = 0
    seconds: float = 0.0
    message: str = ""

    @classmethod
    def from_dict(cls, d: dict) -> "Row":
        """A row read back from summary.json or summary.csv (unknown keys ignored, numbers parsed)."""
        kw = {}
        for f in fields(cls):
            if f.name in d and d[f.name] is not None:
                v = d[f.name]
                kw[f.name] = (int(float(v or 0)) if f.type == "int" else float(v or 0) if f.type == "float"
                              else str(v))
        return cls(**kw)


FIELDS = [f.name for f in fields(Row)]


@dataclass(frozen=True)
class Task:
    """One filing to convert: small and picklable (it travels to a worker process or a Dask worker)."""
    file: str  # as shown in the summary
    path: str  # absolute path to read
    output: str  # folder name under the batch's output folder
    cik: str | None = None
    form: str | None = None
    period: date | None = None
    error: str = ""  # a manifest line that cannot be converted: reported as rejected without running


@dataclass(frozen=True)
class Settings:
    """What every task of one batch shares."""
    out_dir: str  # absolute
    validate: bool = True
    packages: tuple[str, ...] = ()
    timeout: float = DEFAULT_TIMEOUT
    umask: int | None = None  # the batch's umask, for worker processes that did not inherit it (forkserver, Dask)
    formats: tuple[str, ...] = ("xbrl",)  # output formats (writers.FORMATS) of every filing


# ---------------------------------------------------------------------------------------------------------------
# inputs and output names

def filings_in(folder: Path) -> list[Path]:
    """The filings in a folder, searched recursively, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def accession_of(path: Path) -> str:
    """The accession number from the file's SGML header, else from its file name; "" when it has none."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16384)
    except OSError:
        head = b""
    m = HEADER_ACCESSION.search(head)
    if m:
        return m.group(1).decode()
    m = ACCESSION.search(path.name)
    return m.group(1) if m else ""


def _flat(rel: PurePath, keep_suffix: bool) -> str:
    parts = [p for p in rel.parts if p not in ("", "/", "..", ".")] or ["filing"]
    if not keep_suffix and len(parts[-1]) > len(PurePath(parts[-1]).suffix):
        parts[-1] = parts[-1][: len(parts[-1]) - len(PurePath(parts[-1]).suffix)]
    name = "__".join(re.sub(r"[^\w.+-]", "_", p) for p in parts)
    return ("_" + name) if name.startswith(".") else name


def output_names(items: list[tuple[PurePath, str]]) -> list[str]:
    """Output folder names that never collide, for (path relative to the input, accession number) pairs.

    The accession number where there is one; otherwise, and for every filing whose accession number another
    filing of the batch shares, the relative path (folders joined with "__", suffix dropped; kept where dropping
    it would collide); a number is added in the last resort."""
    def groups(names: list[str]) -> dict[str, list[int]]:
        g: dict[str, list[int]] = {}
        for i, n in enumerate(names):
            g.setdefault(n.lower(), []).append(i)
        return g

    names = [acc or _flat(rel, False) for rel, acc in items]
    names = [n + "-filing" if n.lower() in RESERVED_OUTPUTS else n for n in names]
    for idxs in groups(names).values():
        if len(idxs) > 1:
            for i in idxs:
                names[i] = _flat(items[i][0], False)
    for idxs in groups(names).values():
        if len(idxs) > 1:
            for i in idxs:
                names[i] = _flat(items[i][0], True)
    taken = {n.lower() for n in names} | {"summary.csv", "summary.json", "index.html"} | RESERVED_OUTPUTS
    for idxs in groups(names).values():
        for k, i in enumerate(idxs[1:], start=2) if len(idxs) > 1 else ():
            n = f"{names[i]}-{k}"
            while n.lower() in taken:
                n += "-x"
            taken.add(n.lower())
            names[i] = n
    return names


def _parse_period(text: str) -> date:
    t = text.strip()
    if re.fullmatch(r"\d{8}", t):
        t = f"{t[:4]}-{t[4:6]}-{t[6:]}"
    return date.fromisoformat(t)


def read_manifest(manifest: Path) -> list[tuple[Path, str, dict]]:
    """(path, as written, {cik, form, period, error}) for each line of a manifest CSV.

    Columns (a header line is required, names case-insensitive): `path` (or `file`), relative to the manifest's
    folder or absolute; optional `cik`, `form` and `period` (YYYY-MM-DD or YYYYMMDD), used for filings whose
    own header does not give them (`cik` is used as `convert --cik` is)."""
    out = []
    with open(manifest, newline="", encoding="utf-8-sig", errors="replace") as fh:
        reader = csv.DictReader(fh)
        try:
            cols = {c.strip().lower(): c for c in (reader.fieldnames or [])}
        except csv.Error as exc:
            raise BatchInputError(f"{manifest}: not a manifest CSV ({exc})") from exc
        key = cols.get("path") or cols.get("file")
        if not key:
            raise BatchInputError(f"{manifest}: not a folder, nor a manifest CSV with a header line naming a 'path' "
                                  "column")
        for rec in reader:
            written = (rec.get(key) or "").strip()
            if not written:
                continue
            p = Path(written)
            p = p if p.is_absolute() else manifest.parent / p
            extra: dict = {"cik": None, "form": None, "period": None, "error": ""}
            cik = (rec.get(cols.get("cik", ""), "") or "").strip()
            form = (rec.get(cols.get("form", ""), "") or "").strip()
            period = (rec.get(cols.get("period", ""), "") or "").strip()
            if cik:
                extra["cik"] = cik
            if form:
                extra["form"] = form.upper()
            if period:
                try:
                    extra["period"] = _parse_period(period)
                except ValueError:
                    extra["error"] = f"manifest: period {period!r} is not a date (YYYY-MM-DD or YYYYMMDD)"
            if not p.is_file():
                extra["error"] = f"manifest: no such file: {p}"
            out.append((p, written, extra))
    return out


def tasks_for(source: Path) -> list[Task]:
    """The tasks of a batch: every filing of a folder, or every line of a manifest CSV."""
    if source.is_dir():
        found = [(p, p.relative_to(source).as_posix(), {}) for p in filings_in(source)]
        rels = [PurePath(w) for _, w, _ in found]
    else:
        found = read_manifest(source)
        seen: set[str] = set()
        unique = []
        for p, w, e in found:  # the same file twice in a manifest is one filing
            k = str(p.resolve())
            if k not in seen:
                seen.add(k)
                unique.append((p, w, e))
        found = unique
        base = source.parent.resolve()
        rels = []
        for p, _, _ in found:
            r = p.resolve()
            rels.append(PurePath(r.relative_to(base)) if r.is_relative_to(base) else PurePath(*r.parts[1:]))
    names = output_names([(rel, accession_of(p) if not e.get("error") else "")
                          for rel, (p, _, e) in zip(rels, found)])
    return [Task(file=w, path=str(p.resolve()), output=n, cik=e.get("cik"), form=e.get("form"),
                 period=e.get("period"), error=e.get("error", ""))
            for (p, w, e), n in zip(found, names)]


# ---------------------------------------------------------------------------------------------------------------
# one filing

def read_flags(report: dict) -> int:
    """The number of findings a person should review (0 when the report has no `needs_review` list)."""
    return len(report.get("needs_review") or [])


def row_from_report(task_file: str, output: str, report: dict, valid: bool, seconds: float) -> Row:
    s = report.get("summary", {})
    v = report.get("validation") or {}
    flags = read_flags(report)
    status = ("flagged" if flags else "converted") if valid else "invalid"
    return Row(file=task_file, output=output, status=status, flags=flags, form=report.get("form", ""),
               period=report.get("period_end", ""), statements=len(report.get("statements", [])),
               numbers_in_statements=s.get("numbers_in_statements", 0), numbers_tagged=s.get("numbers_tagged", 0),
               numbers_untagged=s.get("numbers_untagged", 0),
               numbers_tagged_extension=s.get("numbers_tagged_extension", 0), checks_passed=s.get("checks_passed", 0),
               checks_failed=s.get("checks_failed", 0), arelle_errors=len(v.get("errors", [])),
               calc_inconsistencies=sum(1 for e in v.get("errors", []) + v.get("warnings", [])
                                        if "calc" in e.get("code", "").lower()),
               seconds=round(seconds, 3))


def convert_task(task: Task, settings: Settings) -> Row:
    """Convert one filing in this process and summarise it; never raises."""
    from edgar2xbrl.errors import ConversionError, NoStatements
    from edgar2xbrl import pipeline

    t = time.perf_counter()
    if task.error:
        return Row(file=task.file, output=task.output, status="rejected", message=task.error)
    out = Path(settings.out_dir) / task.output
    try:
        kw = {}
        if task.form:
            kw["form"] = task.form
        if task.period:
            kw["period_end"] = task.period
        res = pipeline.convert(task.path, out, cik=task.cik, run_validation=settings.validate,
                               taxonomy_packages=[Path(p) for p in settings.packages], formats=settings.formats, **kw)
        try:  # flags as the written report says them (the report on disk is what a reader will open)
            report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            report = res.report
        return row_from_report(task.file, task.output, report, res.ok, time.perf_counter() - t)
    except ConversionError as exc:
        status = "no-statements" if isinstance(exc, NoStatements) else "rejected"
        return Row(file=task.file, output=task.output, status=status, seconds=round(time.perf_counter() - t, 3),
                   message=str(exc))
    except Exception as exc:  # a crash in one filing must not stop the batch
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" ({Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
        return Row(file=task.file, output=task.output, status="crashed",
                   seconds=round(time.perf_counter() - t, 3), message=f"{type(exc).__name__}: {exc}{where}")


def _remove_partial(settings: Settings, task: Task) -> None:
    """After a killed conversion: the temporary folders it left beside its output folder."""
    parent = Path(settings.out_dir)
    for p in parent.glob(f".{glob_escape(task.output)}.*"):
        shutil.rmtree(p, ignore_errors=True)


def glob_escape(s: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", s)


# ---------------------------------------------------------------------------------------------------------------
# worker processes with a time limit

def _die_with_parent(parent: int | None = None) -> None:
    """On Linux, have this process killed when the one that started it dies, even by kill -9 (a stuck conversion
    must not outlive its batch). A parent that died before this process asked is seen by its pid having changed:
    the process ends at once."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # the batch was killed while this worker was starting


def _child_main(conn, parent: int | None = None) -> None:
    """A conversion process: (task, settings) in, Row out, until the pipe closes. Ctrl-C is the parent's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        task, settings = msg
        if settings.umask is not None:
            os.umask(settings.umask)
        try:
            conn.send(convert_task(task, settings))
        except (BrokenPipeError, OSError):
            return


class _Child:
    """One long-lived conversion process, fed one task at a time; killed (and replaced) when a task overruns."""

    def __init__(self, ctx):
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_child_main, daemon=True, name="edgar2xbrl-convert",
                                # a forkserver's child has the forkserver for parent, not this process
                                args=(theirs, None if ctx.get_start_method() == "forkserver" else os.getpid()))
        self.proc.start()
        theirs.close()
        self.task: Task | None = None
        self.started = 0.0

    def send(self, task: Task, settings: Settings) -> None:
        self.task, self.started = task, time.monotonic()
        self.conn.send((task, settings))

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        self.conn.close()


def _died(task: Task, child: _Child) -> Row:
    code = child.proc.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return Row(file=task.file, output=task.output, status="crashed",
               seconds=round(time.monotonic() - child.started, 3),
               message=f"the conversion process died ({how}; out of memory?)")


def _timed_out(task: Task, settings: Settings, child: _Child) -> Row:
    return Row(file=task.file, output=task.output, status="timeout",
               seconds=round(time.monotonic() - child.started, 3),
               message=f"stopped after the time limit of {settings.timeout:g} s")


def _mp_context(threads_around: bool):
    """fork where it is safe and cheap (Linux, a single-threaded parent); forkserver or spawn otherwise.
    EDGAR2XBRL_START_METHOD (fork, forkserver, spawn) overrides the choice."""
    methods = multiprocessing.get_all_start_methods()
    method = os.environ.get("EDGAR2XBRL_START_METHOD", "")
    if method not in methods:
        method = ("fork" if sys.platform.startswith("linux") and not threads_around
                  else "forkserver" if "forkserver" in methods else "spawn")
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload([__name__])  # (not the host's __main__: a Dask worker's is not ours)
    return ctx


class ProcessEngine:
    """`jobs` conversion processes on this machine (the default engine)."""

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)

    def run(self, tasks: list[Task], settings: Settings, stop: threading.Event) -> Iterator[tuple[Task, Row] | None]:
        ctx = _mp_context(threading.active_count() > 1)
        queue = deque(tasks)
        children: list[_Child] = []
        try:
            while queue or any(c.task for c in children):
                if stop.is_set():
                    return
                for c in children:
                    if c.task is None and queue:
                        c.send(queue.popleft(), settings)
                while queue and len(children) < self.jobs:
                    c = _Child(ctx)
                    children.append(c)
                    c.send(queue.popleft(), settings)
                busy = [c for c in children if c.task]
                wait = 0.25
                if settings.timeout > 0 and busy:
                    left = min(c.started + settings.timeout for c in busy) - time.monotonic()
                    wait = max(0.0, min(wait, left))
                wait_for([c.conn for c in busy] + [c.proc.sentinel for c in busy], timeout=wait)
                progressed = False
                for c in list(children):
                    task = c.task
                    if task is None:
                        continue
                    row, dead = None, False
                    try:
                        if c.conn.poll():
                            row = c.conn.recv()
                    except (EOFError, OSError):
                        dead = True
                    if row is None:
                        if dead or not c.proc.is_alive():
                            c.proc.join(1)
                            row, dead = _died(task, c), True
                        elif settings.timeout > 0 and time.monotonic() - c.started >= settings.timeout:
                            row, dead = _timed_out(task, settings, c), True
                        else:
                            continue
                    c.task = None
                    if dead:  # a new process takes its place at the top of the loop
                        c.kill()
                        children.remove(c)
                        _remove_partial(settings, task)
                    progressed = True
                    yield task, row
                if not progressed:
                    yield None
        finally:
            for c in children:
                if c.task is not None:  # cancelled mid-conversion
                    c.kill()
                    _remove_partial(settings, c.task)
                else:
                    c.close()


# ---------------------------------------------------------------------------------------------------------------
# Dask

_local = threading.local()
_running: dict[int, tuple[_Child, str]] = {}  # thread id → (its conversion process, the batch's output folder)


def cancel_running(out_dir: str) -> int:
    """Kill the conversions of the batch writing to `out_dir` that run in this process (run on every Dask worker
    when the batch is stopped: Dask cannot interrupt a running task, but its child process can be killed)."""
    n = 0
    for child, folder in list(_running.values()):
        if folder == out_dir and child.proc.is_alive():
            child.proc.kill()
            n += 1
    return n


def dask_convert(task: Task, settings: Settings) -> Row:
    """The Dask task: convert one filing on a worker, in a child process that is killed at the time limit.

    A worker runs its tasks in threads; each thread keeps one conversion process (started by forkserver, never
    by fork of the threaded worker). On a worker that may not start processes (Dask's daemonic workers), the
    conversion runs in the thread itself and the time limit is not enforced (the row says so)."""
    if settings.timeout <= 0:
        return convert_task(task, settings)
    if multiprocessing.current_process().daemon:
        row = convert_task(task, settings)
        row.message = (row.message + "; " if row.message else "") + \
            "time limit not enforced: the Dask worker is daemonic (set distributed.worker.daemon to False)"
        return row
    child: _Child | None = getattr(_local, "child", None)
    if child is None or not child.proc.is_alive():
        child = _local.child = _Child(_mp_context(True))
    child.send(task, settings)
    row, dead = None, False
    _running[threading.get_ident()] = (child, settings.out_dir)
    try:
        if child.conn.poll(settings.timeout):
            row = child.conn.recv()
    except (EOFError, OSError):
        dead = True
    finally:
        _running.pop(threading.get_ident(), None)
    if row is None:
        if not dead and child.proc.is_alive():
            row = _timed_out(task, settings, child)
        else:
            child.proc.join(1)
            row = _died(task, child)
        dead = True
    child.task = None
    if dead:
        child.kill()
        _local.child = None
        _remove_partial(settings, task)
    return row


class DaskEngine:
    """Tasks on a Dask cluster: the scheduler at `scheduler`, or a local cluster of `jobs` worker processes."""

    def __init__(self, jobs: int = 1, scheduler: str | None = None):
        self.jobs = max(1, jobs)
        self.scheduler = scheduler

    def run(self, tasks: list[Task], settings: Settings, stop: threading.Event) -> Iterator[tuple[Task, Row] | None]:
        try:
            import dask
            from distributed import Client, LocalCluster, as_completed
        except ImportError as exc:
            raise RuntimeError("--engine dask needs Dask: pip install 'edgar2xbrl[dask]'") from exc
        cluster = None
        with dask.config.set({"distributed.worker.daemon": False}):  # workers may start conversion processes
            if self.scheduler:
                client = Client(self.scheduler)
            else:
                cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
                client = Client(cluster)
        futures = {}
        try:
            for i, t in enumerate(tasks):
                futures[client.submit(dask_convert, t, settings, key=f"edgar2xbrl-{i}-{t.output}", pure=False)] = t
            ac = as_completed(list(futures))
            while not ac.is_empty():
                if stop.is_set():
                    return
                done = ac.next_batch(block=False) if ac.has_ready() else []
                if not done:
                    time.sleep(0.2)
                    yield None
                    continue
                for fut in done:
                    t = futures.pop(fut)
                    try:
                        row = fut.result()
                    except Exception as exc:  # the worker died, or the task could not run
                        row = Row(file=t.file, output=t.output, status="crashed",
                                  message=f"Dask: {type(exc).__name__}: {exc}")
                    yield t, row
        finally:
            if futures:
                client.cancel(list(futures), force=True)
                try:  # and end the conversions already running (cancel alone lets them finish)
                    client.run(cancel_running, settings.out_dir)
                except Exception:
                    pass
            client.close()
            if cluster is not None:
                cluster.close()


# ---------------------------------------------------------------------------------------------------------------
# the batch

@dataclass
class BatchRun:
    """What a batch did: its rows in input order (earlier rows kept), and whether it was stopped early."""
    rows: list[Row]
    out_dir: Path
    ran: int = 0  # filings run by this batch (the others were kept from an earlier one)
    pending: int = 0  # filings left unconverted because the run was stopped
    interrupted: str = ""  # "SIGINT" or "SIGTERM" when stopped
    seconds: float = 0.0
    dataset: str = ""  # with --format fsds: the batch's data set folder
    dataset_filings: int = 0  # filings in it

    def counts(self) -> dict[str, int]:
        c = {s: 0 for s in ("converted", "flagged", "invalid", "rejected", "crashed", "timeout")}
        for r in self.rows:
            k = "rejected" if r.status == "no-statements" else r.status
            c[k] = c.get(k, 0) + 1
        return c

    def counts_line(self) -> str:
        c = self.counts()
        nost = sum(1 for r in self.rows if r.status == "no-statements")
        rej = f"{c['rejected']} rejected" + (f" ({nost} with no statements)" if nost else "")
        return (f"{len(self.rows)} filings: {c['converted']} converted, {c['flagged']} flagged, {c['invalid']} "
                f"invalid, {rej}, {c['crashed']} crashed, {c['timeout']} timed out")

    @property
    def crashed(self) -> int:
        return sum(1 for r in self.rows if r.status == "crashed")


def _earlier_rows(out_dir: Path) -> dict[str, Row]:
    """The rows of the previous run's summary, by file (summary.json, else summary.csv)."""
    try:
        data = json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
        return {r["file"]: Row.from_dict(r) for r in data.get("rows", []) if r.get("file")}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        with open(out_dir / "summary.csv", newline="", encoding="utf-8") as fh:
            return {r["file"]: Row.from_dict(r) for r in csv.DictReader(fh) if r.get("file")}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _kept_row(task: Task, earlier: Row | None, out_dir: Path, force: bool, retry_failed: bool) -> Row | None:
    """The earlier row to keep for this filing, or None to convert it (again)."""
    if force:
        return None
    report = out_dir / task.output / "report.json"
    if earlier is not None and earlier.status in ("skipped", ""):
        earlier = None  # written by an older edgar2xbrl: read the report instead
    if earlier is not None and earlier.output and earlier.output != task.output:
        earlier = None  # the same input now goes elsewhere
    if earlier is not None:
        if earlier.status in WITH_OUTPUT:
            return earlier if report.exists() else None  # its output was removed: convert again
        return None if retry_failed else earlier
    if report.exists():  # output of an earlier run whose summary was lost
        try:
            rep = json.loads(report.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        errors = (rep.get("validation") or {}).get("errors", [])
        row = row_from_report(task.file, task.output, rep, not errors, 0.0)
        row.message = "kept: converted by an earlier run"
        return row
    return None


def _has_formats(folder: Path, formats) -> bool:
    """Whether the conversion in `folder` wrote every one of `formats` (its report.json says which)."""
    try:
        rep = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    written = rep.get("formats") or ["xbrl"]  # (a report of before --format)
    return isinstance(written, list) and set(formats) <= set(written)


def write_summary(out_dir: Path, rows: list[Row]) -> None:
    """summary.csv, summary.json and index.html, each written beside and then moved into place (never
    half-written)."""
    tmp = out_dir / f".summary.csv.{os.getpid()}.tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS)
        w.writeheader()
        for r in rows:
            w.writerow(asdict(r))
    os.replace(tmp, out_dir / "summary.csv")
    totals = {k: sum(getattr(r, k) for r in rows) for k in
              ("flags", "numbers_in_statements", "numbers_tagged", "numbers_untagged", "checks_passed",
               "checks_failed", "arelle_errors", "calc_inconsistencies")}
    by_status: dict[str, int] = {}
    for r in rows:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    tmp = out_dir / f".summary.json.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"filings": len(rows), "by_status": by_status, "totals": totals,
                               "rows": [asdict(r) for r in rows]}, indent=1), encoding="utf-8")
    os.replace(tmp, out_dir / "summary.json")
    write_index(out_dir, rows)


def write_index(out_dir: Path, rows: list[Row]) -> None:
    """index.html: the batch at a glance, each filing linked to its report.html (or, written by an older
    edgar2xbrl, its report.md) when that file is there."""
    from edgar2xbrl.write.report_html import batch_index_html
    links = {}
    for r in rows:
        for name in ("report.html", "report.md"):
            if r.output and r.status in WITH_OUTPUT and (out_dir / r.output / name).is_file():
                links[r.file] = f"{r.output}/{name}"
                break
    tmp = out_dir / f".index.html.{os.getpid()}.tmp"
    tmp.write_text(batch_index_html([asdict(r) for r in rows], links), encoding="utf-8")
    os.replace(tmp, out_dir / "index.html")


class _Progress:
    """A bar on a terminal; otherwise a line every `every` seconds (done, failed, rate, time left)."""

    def __init__(self, mode: str, total: int, every: float, echo: Callable[[str], None]):
        self.mode, self.total, self.every, self.echo = mode, total, every, echo
        self.done = self.failed = 0
        self.t0 = self.last = time.monotonic()
        self.bar = None
        if mode == "bar" and total:
            from tqdm import tqdm
            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked from this one
            self.bar = tqdm(total=total, unit="filing", desc="converting", file=sys.stderr)

    def line(self) -> str:
        el = time.monotonic() - self.t0
        rate = self.done / el if el > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = "" if left is None or self.done >= self.total else f", about {_duration(left)} left"
        return (f"batch: {self.done}/{self.total} done ({self.failed} without a valid output), "
                f"{rate:.2f} filings/s{eta}")

    def update(self, row: Row | None) -> None:
        if row is not None:
            self.done += 1
            if row.status not in OK_STATUSES:
                self.failed += 1
            if self.bar is not None:
                self.bar.update(1)
                if row.status not in OK_STATUSES:
                    self.bar.set_postfix(failed=self.failed, refresh=False)
        if self.mode == "log" and time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            self.echo(self.line())

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.mode == "log" and self.total:
            self.echo(self.line())


def _duration(s: float) -> str:
    s = int(s)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


class _Signals:
    """SIGINT and SIGTERM set `stop` (the batch then ends what runs, drops what waits, writes the summary)."""

    def __init__(self, stop: threading.Event):
        self.stop, self.which, self.saved = stop, "", {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.saved[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        if self.stop.is_set() and signum == signal.SIGINT:  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        self.which = signal.Signals(signum).name
        self.stop.set()

    def __exit__(self, *exc):
        for sig, h in self.saved.items():
            signal.signal(sig, h)
        return False


def run_batch(source: Path, out_dir: Path, jobs: int = 1, force: bool = False, validate: bool = True,
              packages: list[Path] | None = None, progress: bool | str = True, timeout: float = DEFAULT_TIMEOUT,
              retry_failed: bool = False, engine: str = "process", scheduler: str | None = None,
              log_every: float = DEFAULT_LOG_EVERY, echo: Callable[[str], None] | None = None,
              stop: threading.Event | None = None, formats=("xbrl",)) -> BatchRun:
    """Convert every filing of `source` (a folder, searched recursively, or a manifest CSV) into `out_dir`.

    Each filing goes to its own folder (`Task.output`), in a worker process killed after `timeout` seconds
    (0: no limit). Filings with a row in an earlier summary are kept as they were, unless `force`; with
    `retry_failed`, those without output (rejected, no statements, crashed, timed out) run again. `progress`:
    "bar", "log" (a line every `log_every` seconds through `echo`), or False. SIGINT/SIGTERM (or `stop`) end the
    run early: running conversions are killed, queued ones dropped, and the summary of what finished written.

    `formats` are every filing's output formats (writers.FORMATS); a filing kept from an earlier run without one
    of them is converted again. With "fsds", every filing with an output is also appended to one data set for the
    whole batch, `out_dir/fsds/` (see writers.fsds.DataSet)."""
    from edgar2xbrl.write.fsmode import current_umask
    from edgar2xbrl.check.packages import build_packages
    echo = echo or (lambda s: print(s, file=sys.stderr, flush=True))
    mode = {True: "bar", False: "", None: ""}.get(progress, progress) if not isinstance(progress, str) else progress
    t0 = time.monotonic()
    build_packages()  # once, before the workers start
    from edgar2xbrl.write import normalize as normalize_formats
    from edgar2xbrl.write.fsds import DataSet
    try:
        formats = normalize_formats(formats)
    except ValueError as exc:
        raise BatchInputError(str(exc)) from None
    out_dir.mkdir(parents=True, exist_ok=True)
    tasks = tasks_for(source)
    earlier = {} if force else _earlier_rows(out_dir)
    rows: dict[str, Row] = {}
    todo: list[Task] = []
    for t in tasks:
        kept = _kept_row(t, earlier.get(t.file), out_dir, force, retry_failed)
        if kept is not None and len(formats) > 1 and kept.status in WITH_OUTPUT and \
                not _has_formats(out_dir / t.output, formats):
            kept = None  # its output lacks a format asked for now (the classic one every output has)
        if kept is not None:
            rows[t.file] = kept
        else:
            todo.append(t)
    dataset = DataSet(out_dir / DATASET_DIR) if "fsds" in formats else None
    if dataset is not None:
        for t in tasks:  # filings kept from an earlier run that the data set lacks (it was removed, say)
            if t.file in rows and rows[t.file].status in WITH_OUTPUT and \
                    dataset.add(out_dir / t.output, replace=False) is None:
                echo(f"warning: {t.output} has no data-set files of this version: not in {dataset.folder}")
        # the rows of filings converted again go now, all at once; each conversion appends its own
        dataset.drop({a for t in todo if (a := dataset.adsh_in(out_dir / t.output))})
    settings = Settings(out_dir=str(out_dir.resolve()), validate=validate,
                        packages=tuple(str(Path(p).resolve()) for p in (packages or [])), timeout=float(timeout or 0),
                        umask=current_umask(), formats=formats)
    if engine not in ("process", "dask"):
        raise ValueError(f"unknown engine {engine!r}")
    eng = DaskEngine(jobs, scheduler) if engine == "dask" else ProcessEngine(jobs)
    stop = stop or threading.Event()
    prog = _Progress(mode, len(todo), log_every, echo)
    ran = 0

    def ordered() -> list[Row]:
        return [rows[t.file] for t in tasks if t.file in rows]

    last_write = time.monotonic()
    with _Signals(stop) as sigs:
        try:
            for item in eng.run(todo, settings, stop):
                if item is not None:
                    task, row = item
                    rows[task.file] = row
                    ran += 1
                    if dataset is not None and row.status in WITH_OUTPUT and dataset.add(out_dir / task.output) is None:
                        echo(f"warning: {task.output} has no data-set files: not in {dataset.folder}")
                prog.update(item[1] if item else None)
                if time.monotonic() - last_write >= SUMMARY_EVERY:
                    write_summary(out_dir, ordered())
                    last_write = time.monotonic()
        finally:
            prog.close()
            write_summary(out_dir, ordered())
            if dataset is not None:
                dataset.write_parquet()
    done = ordered()
    return BatchRun(rows=done, out_dir=out_dir, ran=ran, pending=len(tasks) - len(done),
                    interrupted=sigs.which or ("stopped" if stop.is_set() and len(done) < len(tasks) else ""),
                    seconds=round(time.monotonic() - t0, 3),
                    dataset=str(dataset.folder) if dataset is not None else "",
                    dataset_filings=len(dataset.adsh) if dataset is not None else 0)


def report_lines(run: BatchRun) -> list[str]:
    """What `edgar2xbrl batch` prints at the end; the last line counts the statuses."""
    rows = run.rows
    seen = sum(r.numbers_in_statements for r in rows)
    tagged = sum(r.numbers_tagged for r in rows)
    out = [f"numbers in statements: {seen}, tagged {tagged} ({100 * tagged / seen if seen else 0:.1f}%); "
           f"Arelle errors {sum(r.arelle_errors for r in rows)}, calculation inconsistencies "
           f"{sum(r.calc_inconsistencies for r in rows)}; flags for review {sum(r.flags for r in rows)}",
           f"summary: {run.out_dir / 'summary.csv'}, {run.out_dir / 'summary.json'}, {run.out_dir / 'index.html'} "
           f"({run.ran} run now, {len(rows) - run.ran} kept from an earlier run, {run.seconds:.1f} s)"]
    if run.dataset:
        out.append(f"data set: {run.dataset} ({run.dataset_filings} filings)")
    if run.interrupted:
        out.append(f"interrupted ({run.interrupted}): {run.pending} filings not converted; run the same command "
                   "again to go on")
    out.append(run.counts_line())
    return out

