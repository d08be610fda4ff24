"""Median conversion time of the bundled sample, without and with validation, and peak memory.

Prints figures; asserts nothing."""
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from edgar2xbrl import convert  # noqa: E402

SAMPLE = ROOT / "examples" / "nutrition21-10q-2004-09-30.txt"


def median_seconds(validate: bool, runs: int) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as d:
            t = time.perf_counter()
            convert(SAMPLE, Path(d) / "out", run_validation=validate)
            times.append(time.perf_counter() - t)
    return statistics.median(times)


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    convert(SAMPLE, Path(tempfile.mkdtemp()) / "warm", run_validation=True)  # builds the offline packages once
    print(f"sample: {SAMPLE.name}, {runs} runs each")
    print(f"conversion only (--no-validate): median {median_seconds(False, runs) * 1000:.0f} ms")
    print(f"conversion + Arelle validation:  median {median_seconds(True, runs) * 1000:.0f} ms")
    import resource
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
