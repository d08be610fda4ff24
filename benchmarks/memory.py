"""Peak memory of the folder path (`edgar2xbrl convert FILE -o DIR`, as the CLI and the batch write) per input size:
synthetic 1, 5 and 20 MB filings (the sample's notes repeated, as benchmarks/throughput.py makes them), each
converted by a fresh `edgar2xbrl convert` process whose peak resident set size (ru_maxrss) is read when it ends.

    python benchmarks/memory.py                        # 1, 5 and 20 MB, without validation, the default formats
    python benchmarks/memory.py --sizes 1,5            # fewer sizes
    python benchmarks/memory.py --format xbrl-json --format fsds   # more formats (repeatable, as the CLI's)
    python benchmarks/memory.py --validate             # with Arelle's validation (Arelle's own memory included)
    python benchmarks/memory.py --sizes "" --filing big.htm   # a filing of your own (repeatable), e.g. a large HTML
                                                       # one made by repeating an HTML filing's notes

The sample filing itself is converted first: its peak is the process's fixed cost (the interpreter, lxml, Jinja,
the concept catalog), the "fixed MB" column. For each size: the peak, the peak over the input size ("x input"),
and what the conversion added to the fixed cost over the input size ("x input over fixed"). Prints figures;
asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import SAMPLE, synthetic_filing  # noqa: E402

CLI = [sys.executable, "-m", "edgar2xbrl"]


def peak_of_convert(filing: Path, out: Path, validate: bool, formats: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, wall seconds, exit code) of one `edgar2xbrl convert` process."""
    cmd = CLI + ["convert", str(filing), "-o", str(out), "-q", "--cik", "1"]
    cmd += [] if validate else ["--no-validate"]
    for f in formats:
        cmd += ["--format", f]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace").strip() if p.stderr else ""
    if p.returncode not in (0, 1, 3):
        print(f"  {filing.name}: exit {p.returncode}: {err[-300:]}")
    return usage.ru_maxrss / 1024, time.perf_counter() - t, p.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,5,20", help="synthetic filing sizes in MB (default 1,5,20)")
    ap.add_argument("--validate", action="store_true", help="validate too (default: --no-validate)")
    ap.add_argument("--format", dest="formats", action="append", default=[], help="an output format (repeatable)")
    ap.add_argument("--filing", dest="filings", action="append", default=[], type=Path,
                    help="also measure this filing (repeatable; it is read, never changed)")
    args = ap.parse_args()
    sizes = [float(x) for x in args.sizes.split(",") if x]
    print(f"edgar2xbrl peak memory, folder path (python {sys.version.split()[0]}; one fresh process per filing; "
          f"{'with' if args.validate else 'without'} validation; formats: {', '.join(args.formats) or 'default'})")
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        fixed, _, _ = peak_of_convert(SAMPLE, d / "out-sample", args.validate, args.formats)
        print(f"fixed: the sample ({SAMPLE.stat().st_size / 1e6:.2f} MB) peaks at {fixed:.0f} MB")
        print(f"{'size':>6} {'input MB':>9} {'output MB':>9} {'wall s':>7} {'peak MB':>8} {'x input':>8} "
              f"{'x input over fixed':>18}")

        def measure(label: str, p: Path, out: Path) -> None:
            size = p.stat().st_size / 1e6
            peak, wall, code = peak_of_convert(p, out, args.validate, args.formats)
            written = sum(f.stat().st_size for f in out.iterdir()) / 1e6 if out.is_dir() else 0.0
            print(f"{label:>6} {size:9.2f} {written:9.1f} {wall:7.1f} {peak:8.0f} {peak / size:8.1f} "
                  f"{(peak - fixed) / size:18.1f}" + ("" if code in (0, 1, 3) else f"  (exit {code})"))
            sys.stdout.flush()
            shutil.rmtree(out, ignore_errors=True)

        for mb in sizes:
            p = synthetic_filing(mb, d)
            measure(f"{mb:g}M", p, d / f"out-{mb:g}")
            p.unlink()
        for k, p in enumerate(args.filings, 1):
            measure(f"file{k}", p, d / f"out-file{k}")
            print(f"{'':>6} (file{k}: {p})")


if __name__ == "__main__":
    main()
