"""The minimized hostile inputs of ../shared/fuzz (read from there, never copied): each converts or is refused with
a message, in under 10 s and 300 MB, and every XML file written parses back."""
import json
import os
import resource
import subprocess
import sys
import threading
import time

import pytest
from lxml import etree

from conftest import ROOT, SHARED

FUZZ = SHARED / "fuzz"
FILES = sorted(p.name for p in FUZZ.iterdir() if p.name != "README.md") if FUZZ.is_dir() else []
LIMIT_S, LIMIT_MB = 10.0, 300.0


def run_limited(cmd, timeout: float):
    """(exit code or None if killed, seconds, peak RSS in MB, stdout+stderr) of one child process."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)))
    killed = []
    timer = threading.Timer(timeout, lambda: (killed.append(1), p.kill()))
    timer.start()
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    return (None if killed else p.returncode), time.monotonic() - t0, usage.ru_maxrss / 1024, \
        out.decode("utf-8", "replace")


@pytest.mark.skipif(not FILES, reason="../shared/fuzz is not present")
@pytest.mark.parametrize("name", FILES)
def test_fuzz_input(tmp_path, name):
    src = FUZZ / name
    out = tmp_path / "out"
    if name.endswith("_instance.xml"):
        cmd = [sys.executable, "-m", "edgar2xbrl.cli", "validate", str(src)]
    else:
        cmd = [sys.executable, "-m", "edgar2xbrl.cli", "convert", str(src), "-o", str(out), "--no-validate"]
    code, secs, mb, text = run_limited(cmd, 2 * LIMIT_S)
    assert code is not None, f"{name}: still running after {2 * LIMIT_S:.0f} s"
    assert "Traceback" not in text and "internal error" not in text, text[-2000:]
    assert secs < LIMIT_S, f"{name}: {secs:.1f} s"
    assert mb < LIMIT_MB, f"{name}: {mb:.0f} MB"
    if name.endswith("_instance.xml"):
        assert code == 1 and name in text and "canary" not in text.lower()
        return
    assert code in (0, 2), text[-2000:]
    if code == 2:
        assert text.startswith("error: ") and name in text and not out.exists()
        return
    for p in out.iterdir():
        if p.suffix in (".xml", ".xsd"):
            etree.parse(str(p))
    blob = "\n".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "root:x:0:0" not in blob and "CANARY" not in blob and "evil.js" not in blob
    assert str(SHARED) not in blob  # the source is named by its file name only


@pytest.mark.skipif(not FILES, reason="../shared/fuzz is not present")
@pytest.mark.parametrize("name,words", [
    ("html_cut_mid_table.htm", "cut off"),
    ("bignum_precision.txt", "digits"),
])
def test_fuzz_inputs_that_must_be_refused(tmp_path, name, words):
    code, _, _, text = run_limited([sys.executable, "-m", "edgar2xbrl.cli", "convert", str(FUZZ / name), "-o",
                                    str(tmp_path / "o"), "--no-validate"], 2 * LIMIT_S)
    assert code == 2 and words in text and name in text


@pytest.mark.skipif("hdr_period_9999.txt" not in FILES, reason="../shared/fuzz is not present")
def test_fuzz_bad_header_is_reported(tmp_path):
    code, _, _, text = run_limited([sys.executable, "-m", "edgar2xbrl.cli", "convert", str(FUZZ / "hdr_period_9999.txt"),
                                    "-o", str(tmp_path / "o"), "--no-validate"], 2 * LIMIT_S)
    assert code == 0 and "99991231" in text and "ignored" in text
    rep = json.loads((tmp_path / "o" / "report.json").read_text())
    assert rep["period_end"] == "2004-09-30" and any("99991231" in r for r in rep["remarks"])
