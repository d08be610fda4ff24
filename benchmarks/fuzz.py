"""Seeded mutation fuzzer: N mutations of corpus filings, each converted once; counts what happened.

    python3 benchmarks/fuzz.py N [--seed S] [--timeout 30] [--validate] [--json FILE] [--keep DIR] [--shared DIR]
    python3 benchmarks/fuzz.py --regressions      # each file of ../shared/fuzz: exit code, time, peak memory

Each input is a filing of ../shared/corpus (text and HTML; the bundled sample when the corpus is absent) with one
mutation: bytes flipped, a span deleted or duplicated, lines shuffled, the text cut short, stray table tags, odd
numbers, odd Unicode (control characters, U+FFFE, NUL, full-width digits, markup characters), a damaged SGML
header, a huge colspan, a long run of spaces. It is converted by the library in a worker process (restarted when
it is killed for taking too long), and counted as:

- converted: written (exit code 0 or 1, validation errors included) and every XML file parses back;
- rejected: a ConversionError (exit code 2) whose message names the file;
- crashed: any other exception (what the command line reports as an internal error, exit code 4);
- over-time: still running after --timeout seconds (the worker is killed);
- ill-formed: written, but an XML file does not parse back (must stay 0);
- unclear: rejected with a message that does not name the file.

The same seed gives the same inputs. --keep DIR keeps the inputs that crashed, ran over time or were ill-formed.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def corpus_files(shared: Path = SHARED) -> list[Path]:
    files = sorted((shared / "corpus" / "text").glob("*")) + sorted((shared / "corpus" / "html").glob("*"))
    files = [f for f in files if f.is_file() and f.stat().st_size < 3_000_000]
    return files or [ROOT / "examples" / "nutrition21-10q-2004-09-30.txt"]


# ----- mutations: (name, function(rng, bytes) -> bytes) ---------------------------------------------------------
def _flip(rng, d):
    b = bytearray(d)
    for _ in range(rng.randint(1, 20)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _delete(rng, d):
    i = rng.randrange(len(d))
    return d[:i] + d[i + rng.randint(1, min(20000, len(d) - i)):]


def _duplicate(rng, d):
    i = rng.randrange(len(d))
    j = min(len(d), i + rng.randint(1, 20000))
    return d[:j] + d[i:j] * rng.randint(1, 5) + d[j:]


def _shuffle(rng, d):
    lines = d.split(b"\n")
    i = rng.randrange(len(lines))
    window = lines[i:i + rng.randint(2, 60)]
    rng.shuffle(window)
    return b"\n".join(lines[:i] + window + lines[i + len(window):])


def _truncate(rng, d):
    return d[:rng.randrange(1, len(d))]


def _table_tags(rng, d):
    tags = [b"<TABLE>", b"</TABLE>", b"<table>", b"</table>", b"<tr>", b"<td>", b"</td>", b"<S>", b"<C>", b"<PAGE>",
            b"<td colspan=\"9999999999\">", b"<td rowspan=\"99999\">"]
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(d))
        d = d[:i] + rng.choice(tags) + d[i:]
    return d


def _numbers(rng, d):
    odd = [b"12,345,678,901,234,567,890,123,456,789", b"(((1,234)))", b"1.2.3", b"--1,234", b"9" * 60, b"$$$",
           b"1,23,4", b"0.0000000000001", b"-0-", b"(0)", b"1e308", b"NaN", b"\xef\xbc\x91,234"]
    spots = list(re.finditer(rb"\d[\d,]{2,}", d))
    if not spots:
        return d
    # replaced from the end, so earlier positions stay valid
    for m in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 5))), key=lambda m: -m.start()):
        d = d[:m.start()] + rng.choice(odd) + d[m.end():]
    return d


def _unicode(rng, d):
    odd = ["\x00", "\x01", "\x0b", "\x1b", "\ufffe", "\uffff", "\u202e", "\ufeff", "\uff14", "--", "-->", "<!--", "&",
           "<", "]]>", "\u00e9", "\U0001f600", "\r", "\u2028"]
    for _ in range(rng.randint(1, 10)):
        i = rng.randrange(len(d))
        d = d[:i] + rng.choice(odd).encode("utf-8") + d[i:]
    return d


def _header(rng, d):
    fields = [(rb"CONFORMED PERIOD OF REPORT:\s*\S+", [b"20041331", b"99991231", b"00010101", b"abcdefgh", b"2004"]),
              (rb"FISCAL YEAR END:\s*\S+", [b"1399", b"0229", b"0000", b"ab"]),
              (rb"CENTRAL INDEX KEY:\s*\S+", [b"07&07", b"<x/>", b"123456789012345"]),
              (rb"COMPANY CONFORMED NAME:[^\n]*", [b"DEI HOLDINGS INC", b"A-->B <!-- C", b"XML & CO"])]
    pat, values = rng.choice(fields)
    m = re.search(pat, d)
    if not m:
        head = (b"<SEC-HEADER>\nCONFORMED PERIOD OF REPORT:\t" + rng.choice(fields[0][1]) +
                b"\nCENTRAL INDEX KEY:\t" + rng.choice(fields[2][1]) + b"\n</SEC-HEADER>\n")
        return head + d
    key = m.group().split(b":")[0]
    return d[:m.start()] + key + b":\t" + rng.choice(values) + d[m.end():]


def _colspan(rng, d):
    m = list(re.finditer(rb"<t[dh]\b", d, re.I))
    if not m:
        return _table_tags(rng, d)
    i = rng.choice(m).end()
    return d[:i] + b' colspan="' + str(rng.choice([0, 1000, 10 ** 7, 2 * 10 ** 9, 10 ** 20])).encode() + b'"' + d[i:]


def _spaces(rng, d):
    i = rng.randrange(len(d))
    return d[:i] + rng.choice([b" ", b"\t", b"\xc2\xa0"]) * rng.choice([1000, 40000, 200000]) + d[i:]


MUTATIONS = [("flip", _flip), ("delete", _delete), ("duplicate", _duplicate), ("shuffle", _shuffle),
             ("truncate", _truncate), ("table-tags", _table_tags), ("numbers", _numbers), ("unicode", _unicode),
             ("header", _header), ("colspan", _colspan), ("spaces", _spaces)]


# ----- the worker ------------------------------------------------------------------------------------------------
def _worker(conn, validate: bool) -> None:
    import traceback

    from edgar2xbrl import convert
    from edgar2xbrl.errors import ConversionError
    while True:
        job = conn.recv()
        if job is None:
            return
        src, out = job
        t, cpu = time.perf_counter(), time.process_time()
        try:
            res = convert(src, out, run_validation=validate)
            status, msg = "converted", "" if res.ok else "invalid"
        except ConversionError as exc:
            status, msg = "rejected", str(exc)
        except BaseException as exc:  # noqa: BLE001 - the point is to count them
            tb = traceback.extract_tb(exc.__traceback__)
            where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
            status, msg = "crashed", f"{type(exc).__name__}: {exc} ({where})"[:300]
        conn.send((status, msg, time.perf_counter() - t, time.process_time() - cpu))


class Worker:
    def __init__(self, validate: bool):
        self.validate = validate
        self.start()

    def start(self):
        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, self.validate), daemon=True)
        self.proc.start()

    def run(self, src: str, out: str, timeout: float):
        self.conn.send((src, out))
        if self.conn.poll(timeout):
            try:
                return self.conn.recv()
            except EOFError:
                pass
        else:
            self.proc.kill()
            self.proc.join()
            self.start()
            return ("over-time", f"still running after {timeout:.0f} s", timeout, timeout)
        self.proc.join()
        code = self.proc.exitcode
        self.start()
        return ("crashed", f"worker died (exit code {code}; out of memory?)", 0.0, 0.0)

    def close(self):
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(5)


def well_formed(out: Path) -> list[str]:
    """'file: error' for each XML file of out that does not parse (read without DTDs, entities or network)."""
    from lxml import etree
    bad = []
    for p in sorted(out.glob("*")) if out.is_dir() else []:
        if p.suffix in (".xml", ".xsd"):
            try:
                etree.parse(str(p), etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
            except etree.XMLSyntaxError as exc:
                bad.append(f"{p.name}: {exc}")
    return bad


def regressions(shared: Path) -> None:
    """Each file of ../shared/fuzz through the command line (convert --no-validate; validate for instances): exit
    code, seconds, peak memory of the process, and the last line it printed."""
    import os
    import resource
    import subprocess
    files = sorted(p for p in (shared / "fuzz").glob("*") if p.name != "README.md")
    worst_s = worst_mb = 0.0
    for f in files:
        out = Path(tempfile.mkdtemp(prefix="edgar2xbrl-fuzz-")) / "out"
        cmd = [sys.executable, "-m", "edgar2xbrl.cli"] + (["validate", str(f)] if f.name.endswith("_instance.xml") else
                                                         ["convert", str(f), "-o", str(out), "--no-validate"])
        t = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)))
        text = p.stdout.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(p.pid, 0)
        secs, mb = time.perf_counter() - t, usage.ru_maxrss / 1024
        worst_s, worst_mb = max(worst_s, secs), max(worst_mb, mb)
        last = next((ln for ln in reversed(text.splitlines()) if ln.strip()), "")
        print(f"{f.name:30s} exit {os.waitstatus_to_exitcode(status)}  {secs:5.2f} s  {mb:6.0f} MB  {last[:90]}")
        shutil.rmtree(out.parent, ignore_errors=True)
    print(f"{len(files)} files; slowest {worst_s:.2f} s, largest {worst_mb:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--validate", action="store_true", help="also validate with Arelle (slower)")
    ap.add_argument("--json", help="write every input's outcome to this file")
    ap.add_argument("--keep", help="copy inputs that crashed, ran over time or were ill-formed here")
    ap.add_argument("--shared", default=str(SHARED), help="the shared folder holding corpus/ (default ../shared)")
    ap.add_argument("--regressions", action="store_true",
                    help="instead: run each minimized input of ../shared/fuzz and print time and memory")
    args = ap.parse_args()
    if args.regressions:
        return regressions(Path(args.shared))

    rng = random.Random(args.seed)
    files = corpus_files(Path(args.shared))
    cache: dict[Path, bytes] = {}
    counts: Counter = Counter()
    by_mutation: dict[str, Counter] = {}
    rows = []
    slowest = slowest_cpu = 0.0
    work = Path(tempfile.mkdtemp(prefix="edgar2xbrl-fuzz-"))
    worker = Worker(args.validate)
    t0 = time.time()
    try:
        for i in range(args.n):
            f = rng.choice(files)
            data = cache.setdefault(f, f.read_bytes()) if len(cache) < 40 or f in cache else f.read_bytes()
            mname, mutate = rng.choice(MUTATIONS)
            mutated = mutate(rng, data) if data else data
            src = work / f"{i:05d}-{mname}-{f.name}"
            src.write_bytes(mutated)
            out = work / f"out{i:05d}"
            status, msg, secs, cpu = worker.run(str(src), str(out), args.timeout)
            if status == "converted":
                bad = well_formed(out)
                if bad:
                    status, msg = "ill-formed", "; ".join(bad)[:300]
            if status == "rejected" and src.name not in msg:
                status = "unclear"
            slowest, slowest_cpu = max(slowest, secs), max(slowest_cpu, cpu)
            counts[status] += 1
            by_mutation.setdefault(mname, Counter())[status] += 1
            rows.append({"input": src.name, "source": f.name, "mutation": mname, "status": status,
                         "seconds": round(secs, 3), "cpu_seconds": round(cpu, 3), "message": msg[:300]})
            if status in ("crashed", "over-time", "ill-formed") and args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(src, Path(args.keep) / src.name)
            if status in ("crashed", "over-time", "ill-formed", "unclear"):
                print(f"{status}: {src.name}: {msg[:200]}", file=sys.stderr)
            src.unlink()
            shutil.rmtree(out, ignore_errors=True)
            if (i + 1) % 100 == 0:
                print(f"{i + 1}/{args.n} done, {time.time() - t0:.0f} s: {dict(counts)}", file=sys.stderr)
    finally:
        worker.close()
        shutil.rmtree(work, ignore_errors=True)
    total = sum(counts.values())
    print(f"{total} mutated filings (seed {args.seed}, timeout {args.timeout:.0f} s, "
          f"{'with' if args.validate else 'without'} validation, {time.time() - t0:.0f} s):")
    for k in ("converted", "rejected", "crashed", "over-time", "ill-formed", "unclear"):
        print(f"  {k:10s} {counts.get(k, 0)}")
    print(f"  slowest    {slowest:.1f} s ({slowest_cpu:.1f} s of CPU time)")
    print("by mutation: " + "; ".join(f"{m} {dict(c)}" for m, c in sorted(by_mutation.items())))
    if args.json:
        Path(args.json).write_text(json.dumps({"seed": args.seed, "n": total, "counts": dict(counts),
                                               "rows": rows}, indent=1))
    sys.exit(1 if counts.get("crashed") or counts.get("ill-formed") or counts.get("over-time") else 0)


if __name__ == "__main__":
    main()
