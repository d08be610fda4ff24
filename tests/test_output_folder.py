"""The user's files are safe: only our own files are replaced, interrupted runs are undone or cleaned up by the next
run, output-folder problems are messages, and the output follows the umask."""
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import ROOT, SAMPLE
from edgar2xbrl.cli import main
from edgar2xbrl.write.outdir import REPORTS
from edgar2xbrl.write.xmlsafe import parse_back


def _run(src, out, *args):
    return CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--no-validate", *args])


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def _is_complete(out) -> bool:
    rep = json.loads((out / "report.json").read_text())
    names = {p.name for p in out.iterdir()}
    return set(rep["files"]) | set(REPORTS) == names and not parse_back(out)


def test_output_under_a_file_is_a_message(tmp_path):
    (tmp_path / "afile").write_text("x")
    res = _run(SAMPLE, tmp_path / "afile" / "out")
    assert res.exit_code == 2
    assert "afile" in res.output and "not a folder" in res.output and SAMPLE.name in res.output
    assert "Traceback" not in res.output


def test_unwritable_parent_is_a_message(tmp_path, monkeypatch):
    import edgar2xbrl.write.atomic as atomic
    real = os.access
    monkeypatch.setattr(atomic.os, "access", lambda p, mode: False if str(p) == str(tmp_path / "ro") else real(p, mode))
    (tmp_path / "ro").mkdir()
    res = _run(SAMPLE, tmp_path / "ro" / "out")
    assert res.exit_code == 2 and "not writable" in res.output


def test_a_write_error_is_a_message_and_leaves_nothing(tmp_path, monkeypatch):
    import builtins
    import pathlib
    import edgar2xbrl.write.sink as sink_mod
    real, real_open = pathlib.Path.write_text, builtins.open

    def full(self, *a, **k):
        if self.name.endswith("_lab.xml"):
            raise OSError(28, "No space left on device")
        return real(self, *a, **k)

    def full_open(file, *a, **k):  # a file written as it is rendered
        if str(file).endswith("_lab.xml"):
            raise OSError(28, "No space left on device")
        return real_open(file, *a, **k)
    monkeypatch.setattr(pathlib.Path, "write_text", full)
    monkeypatch.setattr(sink_mod, "open", full_open, raising=False)
    res = _run(SAMPLE, tmp_path / "out")
    assert res.exit_code == 2 and "No space left on device" in res.output
    assert list(tmp_path.iterdir()) == []


def test_files_the_user_added_are_never_replaced(tmp_path):
    out = tmp_path / "out"
    assert _run(SAMPLE, out).exit_code == 0
    (out / "my-notes.txt").write_text("keep me")
    res = _run(SAMPLE, out)
    assert res.exit_code == 2 and "my-notes.txt" in res.output
    assert (out / "my-notes.txt").read_text() == "keep me"
    assert _is_complete_but(out, "my-notes.txt")


def _is_complete_but(out, extra):
    rep = json.loads((out / "report.json").read_text())
    return set(rep["files"]) | set(REPORTS) | {extra} == {p.name for p in out.iterdir()}


def test_interrupted_between_renames_is_restored_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    assert _run(SAMPLE, out).exit_code == 0
    pid = _dead_pid()
    # the state a kill -9 between the two renames leaves: no out, the previous output aside, the new one in tmp
    os.replace(out, tmp_path / f".out.old-{pid}")
    (tmp_path / f".out.tmp-{pid}-abcd1234").mkdir()
    (tmp_path / f".out.tmp-{pid}-abcd1234" / "x.xml").write_text("<half")
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    res = _run(bad, out)  # even a run that refuses its input puts the previous output back
    assert res.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out"]
    assert _is_complete(out)


def test_leftovers_of_a_run_still_going_are_left_alone(tmp_path):
    out = tmp_path / "out"
    live = tmp_path / f".out.tmp-{os.getppid()}-abcd1234"
    live.mkdir()
    assert _run(SAMPLE, out).exit_code == 0
    assert live.exists()


def test_output_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        assert _run(SAMPLE, tmp_path / "out").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in (tmp_path / "out").iterdir())


def test_same_bytes_give_byte_identical_files(tmp_path):
    """Issue 7 item 5: the source is named by its file name only, whatever path it was given by."""
    a, b = tmp_path / "a", tmp_path / "deep" / "er"
    b.mkdir(parents=True)
    (a.mkdir())
    (a / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (b / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert _run(f"a/{SAMPLE.name}", tmp_path / "o1").exit_code == 0
        assert _run(str(b / SAMPLE.name), tmp_path / "o2").exit_code == 0
    finally:
        os.chdir(cwd)
    one = {p.name: p.read_bytes() for p in (tmp_path / "o1").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "o2").iterdir()}
    assert one == two
    for data in one.values():
        assert str(tmp_path).encode() not in data


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_9_at_random_moments_loses_nothing(tmp_path):
    out = tmp_path / "out"
    assert _run(SAMPLE, out).exit_code == 0
    rng = random.Random(7)
    for _ in range(6):
        p = subprocess.Popen([sys.executable, "-m", "edgar2xbrl.cli", "convert", str(SAMPLE), "-o", str(out),
                              "--no-validate"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.2))
        p.send_signal(signal.SIGKILL)
        p.wait()
        # the previous output or the new one, complete (or aside, for the next run to restore)
        if out.exists():
            assert _is_complete(out)
        else:
            assert any(x.name.startswith(".out.old-") for x in tmp_path.iterdir())
    assert _run(SAMPLE, out).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert _is_complete(out)


def test_same_bytes_give_the_same_files_whatever_the_hash_seed(tmp_path):
    """String hashing (set order) changes from run to run: outputs must not follow it."""
    from conftest import SHARED
    corpus = SHARED / "corpus" / "text" / "AAPL_10-Q_1998-06-26_0000320193-98-000008.txt"
    src = corpus if corpus.exists() else SAMPLE
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"o{seed}"
        subprocess.run([sys.executable, "-m", "edgar2xbrl.cli", "convert", str(src), "-o", str(out), "--no-validate"],
                       cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
        outs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outs[0] == outs[1]


def test_leftovers_of_earlier_versions_are_removed_but_not_lookalikes(tmp_path):
    out = tmp_path / "out"
    legacy = tmp_path / ".out.ab12cd_9"  # mkdtemp's name, as runs before the PID was in the name left it
    legacy.mkdir()
    (legacy / "nutrition21-20040930.xml").write_text("<half")
    lookalike = tmp_path / ".out.settings"
    lookalike.mkdir()
    (lookalike / "mine.xml").write_text("<mine/>")
    assert _run(SAMPLE, out).exit_code == 0
    assert not legacy.exists()
    assert (lookalike / "mine.xml").read_text() == "<mine/>"
