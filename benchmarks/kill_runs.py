"""kill -9 conversions at random moments and check that no output is lost and nothing is left behind.

    python3 benchmarks/kill_runs.py [RUNS] [--seed S] [--validate]

Converts the bundled sample into a scratch folder once, then RUNS times starts the same conversion again and kills
it (SIGKILL) after a random delay. After each kill the output folder must hold a complete conversion (every file
its report.json lists, each XML file well-formed, nothing else), or be absent with the previous one set aside as
.out.old-PID (killed between the two renames). A last, uninterrupted run must then leave the output folder alone
in its parent: every leftover restored or removed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "nutrition21-10q-2004-09-30.txt"


def complete(out: Path) -> bool:
    from lxml import etree
    try:
        listed = set(json.loads((out / "report.json").read_text())["files"]) | {"report.json", "report.md"}
    except (OSError, ValueError, KeyError):
        return False
    if listed != {p.name for p in out.iterdir()}:
        return False
    try:
        for p in out.iterdir():
            if p.suffix in (".xml", ".xsd"):
                etree.parse(str(p))
    except etree.XMLSyntaxError:
        return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("runs", type=int, nargs="?", default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--validate", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    parent = Path(tempfile.mkdtemp(prefix="edgar2xbrl-kill-"))
    out = parent / "out"
    cmd = [sys.executable, "-m", "edgar2xbrl.cli", "convert", str(SAMPLE), "-o", str(out)] + \
        ([] if args.validate else ["--no-validate"])
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    full = time.perf_counter() - t
    lost = aside = writing = 0
    for _ in range(args.runs):
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # half the kills anywhere, half in the last part of the run, where the files are written and swapped
        time.sleep(rng.uniform(0, full * 1.1) if rng.random() < 0.5 else rng.uniform(full * 0.6, full * 1.05))
        p.send_signal(signal.SIGKILL)
        p.wait()
        writing += any(x.name.startswith(".out.tmp-") for x in parent.iterdir())
        if out.exists():
            lost += not complete(out)
        elif any(x.name.startswith(".out.old-") and complete(x) for x in parent.iterdir()):
            aside += 1
        else:
            lost += 1
    leftovers_before = sorted(x.name for x in parent.iterdir() if x.name != "out")
    final = subprocess.run(cmd, cwd=ROOT, capture_output=True)
    left = sorted(x.name for x in parent.iterdir() if x.name != "out")
    print(f"{args.runs} runs killed at random moments (0-{full * 1.1:.1f} s; an uninterrupted run takes {full:.1f} s): "
          f"killed while writing {writing}; outputs lost or incomplete {lost}; killed between the renames (previous output aside, restored by the "
          f"next run) {aside}; leftovers before the next run {len(leftovers_before)}, after it {len(left)}; "
          f"next run exit code {final.returncode}, output complete: {complete(out)}")
    ok = not (lost or left or final.returncode or not complete(out))
    shutil.rmtree(parent, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
