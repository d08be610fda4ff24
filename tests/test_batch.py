"""Batch mode: every filing converted or explained, failures isolated, resumable."""
import csv
import json
import shutil

from click.testing import CliRunner

from conftest import SAMPLE
from edgar2xbrl.cli import main


def test_batch_isolates_failures_and_resumes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "prose.txt").write_text("Nothing but words here.\n" * 30)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == 0, res.output
    rows = {r["file"]: r for r in csv.DictReader(open(out / "summary.csv"))}
    assert rows["good.txt"]["status"] == "converted"
    assert int(rows["good.txt"]["numbers_tagged"]) > 100
    assert rows["empty.txt"]["status"] == "rejected" and "empty" in rows["empty.txt"]["message"]
    assert rows["prose.txt"]["status"] == "no-statements"
    assert (out / "good" / "report.json").exists()
    summary = json.loads((out / "summary.json").read_text())
    assert summary["filings"] == 3
    # a second run skips what is done, unless --force
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate"])
    rows = {r["file"]: r for r in csv.DictReader(open(out / "summary.csv"))}
    assert rows["good.txt"]["status"] == "skipped"
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate", "--force"])
    rows = {r["file"]: r for r in csv.DictReader(open(out / "summary.csv"))}
    assert rows["good.txt"]["status"] == "converted"


def test_batch_survives_a_crash(tmp_path, monkeypatch):
    from edgar2xbrl import batch
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.txt")
    shutil.copy(SAMPLE, src / "b.txt")
    import edgar2xbrl.pipeline as pipeline
    real = pipeline.convert

    def flaky(path, out_dir, **kw):
        if str(path).endswith("a.txt"):
            raise RuntimeError("boom")
        return real(path, out_dir, **kw)
    monkeypatch.setattr(pipeline, "convert", flaky)
    rows = batch.run_batch(src, tmp_path / "out", jobs=1, validate=False, progress=False)
    status = {r.file: r.status for r in rows}
    assert status == {"a.txt": "crashed", "b.txt": "converted"}
    assert "boom" in next(r.message for r in rows if r.file == "a.txt")
