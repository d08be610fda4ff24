"""Batch mode: every filing converted or explained, failures isolated, names that never collide, resumable,
a time limit per filing, prompt stop on Ctrl-C / SIGTERM."""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePath

import pytest
from click.testing import CliRunner

from conftest import SAMPLE, SHARED
from edgar2xbrl.cli import main


def summary_rows(out):
    return {r["file"]: r for r in csv.DictReader(open(out / "summary.csv"))}


def test_batch_isolates_failures_and_resumes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "prose.txt").write_text("Nothing but words here.\n" * 30)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == 0, res.output
    rows = summary_rows(out)
    assert rows["good.txt"]["status"] == "converted" and rows["good.txt"]["output"] == "good"
    assert rows["good.txt"]["flags"] == "0"
    assert int(rows["good.txt"]["numbers_tagged"]) > 100
    assert rows["empty.txt"]["status"] == "rejected" and "empty" in rows["empty.txt"]["message"]
    assert rows["prose.txt"]["status"] == "no-statements"
    assert (out / "good" / "report.json").exists()
    summary = json.loads((out / "summary.json").read_text())
    assert summary["filings"] == 3
    assert res.stdout.splitlines()[-1] == ("3 filings: 1 converted, 0 flagged, 0 invalid, 2 rejected (1 with no "
                                           "statements), 0 crashed, 0 timed out")
    # a second run keeps every earlier row as it was, failures included
    before = (out / "summary.json").read_text()
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == 0, res.output
    assert json.loads((out / "summary.json").read_text())["rows"] == json.loads(before)["rows"]
    assert "0 run now, 3 kept" in res.stdout
    # --force converts everything again
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate", "--force"])
    assert "3 run now" in res.stdout
    assert summary_rows(out)["good.txt"]["status"] == "converted"


@pytest.fixture(autouse=True)
def forked_workers(monkeypatch):
    """Worker processes forked from this one (whatever threads an earlier test left), so they see its patches."""
    monkeypatch.setenv("EDGAR2XBRL_START_METHOD", "fork")


def _patch_convert(monkeypatch, behaviour):
    """Replace pipeline.convert in this process; worker processes are forked from it and see the same."""
    import edgar2xbrl.pipeline as pipeline
    real = pipeline.convert

    def patched(path, out_dir, **kw):
        behaviour(Path(path).name)
        return real(path, out_dir, **kw)
    monkeypatch.setattr(pipeline, "convert", patched)
    return real


def _two_samples(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.txt")
    shutil.copy(SAMPLE, src / "b.txt")
    return src


def test_batch_survives_a_crash(tmp_path, monkeypatch):
    from edgar2xbrl import batch
    src = _two_samples(tmp_path)

    def boom(name):
        if name == "a.txt":
            raise RuntimeError("boom")
    _patch_convert(monkeypatch, boom)
    run = batch.run_batch(src, tmp_path / "out", jobs=1, validate=False, progress=False)
    status = {r.file: r.status for r in run.rows}
    assert status == {"a.txt": "crashed", "b.txt": "converted"}
    assert "boom" in next(r.message for r in run.rows if r.file == "a.txt")
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out2"), "--no-validate"])
    assert res.exit_code == 1  # a crash is the batch's one failing exit code


def test_retry_failed_reruns_only_failures(tmp_path, monkeypatch):
    src = _two_samples(tmp_path)
    out = tmp_path / "out"
    state = {"crash": True}

    def sometimes(name):
        if name == "a.txt" and state["crash"]:
            raise RuntimeError("boom")
    _patch_convert(monkeypatch, sometimes)
    CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate"])
    first = summary_rows(out)
    assert first["a.txt"]["status"] == "crashed"
    state["crash"] = False
    CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate"])
    assert summary_rows(out) == first  # resume does not rerun failures
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate", "--retry-failed"])
    again = summary_rows(out)
    assert again["a.txt"]["status"] == "converted"
    assert again["b.txt"] == first["b.txt"]  # kept exactly as it was
    assert "1 run now, 1 kept" in res.stdout


def test_timeout_stops_a_stuck_conversion(tmp_path, monkeypatch):
    from edgar2xbrl import batch
    src = _two_samples(tmp_path)

    def stuck(name):
        if name == "a.txt":
            time.sleep(120)
    _patch_convert(monkeypatch, stuck)
    t = time.monotonic()
    # the limit leaves the other (normal) conversion room on a loaded machine; the stuck one sleeps 120 s
    run = batch.run_batch(src, tmp_path / "out", jobs=2, validate=False, progress=False, timeout=6)
    assert time.monotonic() - t < 30
    rows = {r.file: r for r in run.rows}
    assert rows["a.txt"].status == "timeout" and "time limit" in rows["a.txt"].message
    assert rows["b.txt"].status == "converted"
    assert "1 timed out" in run.counts_line()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b", "index.html", "summary.csv", "summary.json"]


def test_flags_come_from_the_report(tmp_path, monkeypatch):
    """A valid output whose report lists findings to review is `flagged`, with their number."""
    from edgar2xbrl import batch
    import edgar2xbrl.pipeline as pipeline
    src = _two_samples(tmp_path)
    real = pipeline.convert

    def with_findings(path, out_dir, **kw):
        res = real(path, out_dir, **kw)
        if Path(path).name == "a.txt":
            rep = json.loads((Path(out_dir) / "report.json").read_text())
            rep["needs_review"] = [{"rule": "x"}, {"rule": "y"}]
            (Path(out_dir) / "report.json").write_text(json.dumps(rep))
        return res
    monkeypatch.setattr(pipeline, "convert", with_findings)
    run = batch.run_batch(src, tmp_path / "out", validate=False, progress=False)
    rows = {r.file: r for r in run.rows}
    assert (rows["a.txt"].status, rows["a.txt"].flags) == ("flagged", 2)
    assert (rows["b.txt"].status, rows["b.txt"].flags) == ("converted", 0)


def test_output_names_never_collide():
    from edgar2xbrl.batch import output_names
    items = [(PurePath("x/full-submission.txt"), "0001193125-10-036181"),
             (PurePath("y/full-submission.txt"), "0001193125-09-154174"),
             (PurePath("a/10-K.htm"), ""), (PurePath("b/10-K.htm"), ""),
             (PurePath("c/f.txt"), "0000000001-01-000001"), (PurePath("d/f.txt"), "0000000001-01-000001"),
             (PurePath("e/g.txt"), ""), (PurePath("e/g.htm"), "")]
    names = output_names(items)
    assert names[:4] == ["0001193125-10-036181", "0001193125-09-154174", "a__10-K", "b__10-K"]
    assert names[4:6] == ["c__f", "d__f"]  # one accession number, two files: both named by their paths
    assert names[6:] == ["e__g.txt", "e__g.htm"]
    assert len({n.lower() for n in names}) == len(names)


def test_accession_from_header_or_file_name(tmp_path):
    from edgar2xbrl.batch import accession_of
    f = tmp_path / "full-submission.txt"
    f.write_text("<SEC-DOCUMENT>0000950123-97-001234.txt : 19970101\nACCESSION NUMBER:\t0000950123-97-001234\n")
    assert accession_of(f) == "0000950123-97-001234"
    g = tmp_path / "MSFT_10-Q_1996-09-30_0000891020-96-001234.txt"
    g.write_text("no header\n")
    assert accession_of(g) == "0000891020-96-001234"
    assert accession_of(tmp_path / "nothing.txt") == ""


def test_manifest_input(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SAMPLE, data / "n21.txt")
    shutil.copy(SAMPLE, data / "other.txt")
    (tmp_path / "list.csv").write_text("path,cik,form,period\n"
                                       "data/n21.txt,1234567,10-Q,2004-09-30\n"
                                       "data/missing.txt,,,\n"
                                       f"{data / 'n21.txt'},,,\n"  # the same file again: one filing
                                       "data/other.txt,,,not-a-date\n")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(tmp_path / "list.csv"), "-o", str(out), "--no-validate"])
    assert res.exit_code == 0, res.output
    rows = summary_rows(out)
    assert list(rows) == ["data/n21.txt", "data/missing.txt", "data/other.txt"]
    assert rows["data/other.txt"]["status"] == "rejected" and "not a date" in rows["data/other.txt"]["message"]
    assert rows["data/n21.txt"]["status"] == "converted" and rows["data/n21.txt"]["output"] == "data__n21"
    report = json.loads((out / "data__n21" / "report.json").read_text())
    assert report["cik"] == "0001234567" and report["cik_source"] == "--cik"
    assert rows["data/missing.txt"]["status"] == "rejected" and "no such file" in rows["data/missing.txt"]["message"]


def test_a_source_that_is_no_manifest_is_refused(tmp_path):
    res = CliRunner().invoke(main, ["batch", str(SAMPLE), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2 and "manifest" in res.stderr


def test_progress_lines_when_not_a_terminal(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.txt")
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out"), "--no-validate",
                                    "--log-every", "0"])
    assert res.exit_code == 0, res.output
    assert "batch: 1/1 done (0 without a valid output)" in res.stderr
    assert "filings/s" in res.stderr


SLOW_CLI = """
import sys, time
import edgar2xbrl.pipeline as p
real = p.convert
def slow(path, out, **kw):
    if 'slow' in str(path):
        time.sleep(120)
    return real(path, out, **kw)
p.convert = slow
from edgar2xbrl.cli import main
main(sys.argv[1:], prog_name="edgar2xbrl")
"""


@pytest.mark.parametrize("sig,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_batch_promptly(tmp_path, sig, code):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a-fast.txt")
    for i in range(3):
        shutil.copy(SAMPLE, src / f"slow{i}.txt")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_CLI, "batch", str(src), "-o", str(out), "--no-validate",
                             "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (out / "a-fast" / "report.json").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)  # a slow one is running, the others wait
    t = time.monotonic()
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=30)
    assert time.monotonic() - t < 10, "the batch did not stop promptly"
    assert proc.returncode == code, stderr
    rows = summary_rows(out)
    assert list(rows) == ["a-fast.txt"] and rows["a-fast.txt"]["status"] == "converted"
    assert "3 filings not converted" in stdout
    assert stdout.splitlines()[-1].startswith("1 filings: 1 converted")
    assert sorted(p.name for p in out.iterdir()) == ["a-fast", "index.html", "summary.csv", "summary.json"]


def _children_of(pid):
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(d.name))
    return out


def _alive(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2:].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_stuck_conversion_does_not_outlive_a_killed_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "slow.txt")
    proc = subprocess.Popen([sys.executable, "-c", SLOW_CLI, "batch", str(src), "-o", str(tmp_path / "out"),
                             "--no-validate"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    kids = []
    while not kids and time.monotonic() < deadline:
        time.sleep(0.2)
        kids = _children_of(proc.pid)
    assert kids, "no worker process started"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 20  # the kernel's death signal reaches a busy machine's worker late
    while any(_alive(k) for k in kids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(k) for k in kids), "a worker outlived its batch"


@pytest.mark.skipif(not (SHARED / "corpus" / "pairs").exists(), reason="../shared/corpus/pairs is not present")
def test_pairs_full_submissions_land_in_their_own_folders(tmp_path):
    """The 12 `full-submission.txt` of the pairs corpus (the layout EDGAR download tools write): 12 folders."""
    pairs = SHARED / "corpus" / "pairs"
    subs = sorted(pairs.glob("*/full-submission.txt"))
    assert len(subs) == 12
    manifest = tmp_path / "subs.csv"
    manifest.write_text("path\n" + "".join(f"{p}\n" for p in subs))
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(out), "--no-validate", "--jobs", "2"])
    assert res.exit_code == 0, res.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["filings"] == 12
    assert len({r["output"] for r in summary["rows"]}) == 12
    assert {r["output"] for r in summary["rows"]} == {p.parent.name for p in subs}  # their accession numbers
    assert all(r["status"] in ("converted", "flagged") for r in summary["rows"]), summary["by_status"]
    assert all((out / r["output"] / "report.json").exists() for r in summary["rows"])
    # the folder itself names the same 12 the same way
    from edgar2xbrl.batch import tasks_for
    names = {t.file: t.output for t in tasks_for(pairs)}
    assert all(names[f"{p.parent.name}/full-submission.txt"] == p.parent.name for p in subs)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_whose_batch_died_while_it_started_ends_at_once():
    import multiprocessing
    from edgar2xbrl.batch import _die_with_parent
    ctx = multiprocessing.get_context("fork")
    gone = ctx.Process(target=_die_with_parent, args=(2 ** 22 + 1,))  # a parent pid that is not its parent's
    gone.start(); gone.join(10)
    here = ctx.Process(target=_die_with_parent, args=(os.getpid(),))
    here.start(); here.join(10)
    assert (gone.exitcode, here.exitcode) == (1, 0)
