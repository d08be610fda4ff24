"""Throughput: filings per CPU-second on the text and HTML corpora, without and with validation; peak memory per
worker; time on synthetic 1, 5 and 20 MB filings (the sample's notes repeated) to show that time is linear in size.

    python benchmarks/throughput.py                      # everything (../shared/corpus needed for the corpora)
    python benchmarks/throughput.py --sizes 1,5          # fewer synthetic sizes
    python benchmarks/throughput.py --skip-corpus        # only the synthetic filings
    python benchmarks/throughput.py --every 3            # every third corpus filing (a quicker look)

Each (corpus, validation) run is one worker process (started fresh, so its peak memory is its own) converting the
filings one after another in memory (`edgar2xbrl.convert`, nothing written; benchmarks/memory.py measures the
folder path's peak memory per input size); CPU time is the worker's own
(`time.process_time`: user + system), which a shared machine leaves stable where wall time is not. Rejected
filings count as filings (their time is spent too). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import multiprocessing
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "nutrition21-10q-2004-09-30.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = {".txt", ".htm", ".html"}
TARGETS = {("text", False): 10.0, ("text", True): 4.0, ("html", False): 3.0, ("html", True): 2.0}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _corpus_worker(files: list[str], validate: bool, q) -> None:
    from edgar2xbrl import ConversionError, Options, convert
    from edgar2xbrl.check.packages import build_packages
    build_packages()  # the offline packages are built once per machine, not per filing
    opts = Options(validate=validate, cik="1")
    n = rejected = crashed = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    slowest = (0.0, "")
    for f in files:
        t = time.process_time()
        try:
            convert(Path(f), opts)
        except ConversionError:
            rejected += 1
        except Exception:  # an internal error: counted, and the run goes on
            crashed += 1
        n += 1
        slowest = max(slowest, (time.process_time() - t, Path(f).name))
    q.put({"n": n, "rejected": rejected, "crashed": crashed, "cpu": time.process_time() - cpu0, "wall": time.perf_counter() - wall0,
           "peak_mb": _peak_mb(), "slowest": slowest})


def _synthetic_worker(path: str, q) -> None:
    from edgar2xbrl import Options, convert
    t, w = time.process_time(), time.perf_counter()
    try:
        facts = convert(Path(path), Options(validate=False)).counts.facts
    except Exception as exc:  # said in the table, never a benchmark left waiting
        facts = f"{type(exc).__name__}: {str(exc)[:80]}"
    q.put({"cpu": time.process_time() - t, "wall": time.perf_counter() - w, "peak_mb": _peak_mb(),
           "facts": facts})


def _in_worker(target, *args) -> dict:
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    out = q.get()
    p.join()
    return out


def synthetic_filing(megabytes: float, folder: Path) -> Path:
    """The sample 10-Q with its notes (Note 1 to the end of Note 7) repeated up to `megabytes`, numbered 1 to 98
    and again (so every note stays a note of ordinary size)."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if re.match(r"^Note 1\s", ln))
    end = next(i for i, ln in enumerate(lines) if i > start and re.match(r"^ITEM 2\b", ln))
    head, notes, tail = lines[:start], lines[start:end], lines[end:]
    size = sum(len(x) + 1 for x in head + tail)
    block_size = sum(len(x) + 1 for x in notes)
    out = list(head)
    k = 0
    while size + block_size <= megabytes * 1_000_000 or k == 0:
        base = 7 * (k % 14)  # notes 1 to 98 over and over (a heading's number has at most two digits)
        out += [re.sub(r"^Note (\d+)", lambda m: f"Note {int(m.group(1)) + base}", ln) for ln in notes]
        size += block_size + 7 * len(str(base))
        k += 1
    out += tail
    p = folder / f"synthetic-{megabytes:g}mb.txt"
    p.write_text("\n".join(out), encoding="utf-8")
    return p


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,5,20", help="synthetic filing sizes in MB (default 1,5,20)")
    ap.add_argument("--every", type=int, default=1, help="take every Nth corpus filing")
    ap.add_argument("--skip-corpus", action="store_true")
    ap.add_argument("--skip-synthetic", action="store_true")
    args = ap.parse_args()
    import tempfile
    print(f"edgar2xbrl throughput (python {sys.version.split()[0]}; CPU time of one worker process per run)")
    if not args.skip_corpus:
        if not CORPUS.exists():
            print(f"{CORPUS} is not present: corpus runs skipped")
        else:
            print(f"{'corpus':6} {'validation':10} {'filings':>7} {'CPU s':>7} {'filings/CPU-s':>13} {'target':>6} "
                  f"{'wall s':>7} {'peak MB':>7}  slowest")
            for kind in ("text", "html"):
                files = sorted(str(p) for p in (CORPUS / kind).rglob("*") if p.suffix.lower() in SUFFIXES)
                files = files[::args.every]
                for validate in (False, True):
                    r = _in_worker(_corpus_worker, files, validate)
                    rate = r["n"] / r["cpu"] if r["cpu"] else 0.0
                    target = TARGETS[(kind, validate)]
                    print(f"{kind:6} {'with' if validate else 'without':10} {r['n']:7d} {r['cpu']:7.1f} "
                          f"{rate:13.2f} {('>=' + format(target, 'g')):>6} {r['wall']:7.1f} {r['peak_mb']:7.0f}  "
                          f"{r['slowest'][1]} {r['slowest'][0]:.2f} s" + ("" if rate >= target else "  (below target)"))
                    sys.stdout.flush()
    if not args.skip_synthetic:
        sizes = [float(x) for x in args.sizes.split(",") if x]
        print(f"synthetic filings (the sample's notes repeated), without validation:")
        print(f"{'size':>6} {'bytes':>10} {'CPU s':>8} {'s per MB':>9} {'x 1st':>6} {'facts':>7} {'peak MB':>7}")
        with tempfile.TemporaryDirectory() as d:
            first = None
            for mb in sizes:
                p = synthetic_filing(mb, Path(d))
                nbytes = p.stat().st_size
                r = _in_worker(_synthetic_worker, str(p))
                per_mb = r["cpu"] / (nbytes / 1e6)
                first = first or per_mb
                print(f"{mb:5g}M {nbytes:10d} {r['cpu']:8.1f} {per_mb:9.2f} {per_mb / first:6.2f} {r['facts']!s:>7} "
                      f"{r['peak_mb']:7.0f}")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
