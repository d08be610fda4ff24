"""The batch on a Dask cluster (a local one here): the same tasks and rows as the process pool."""
import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import SAMPLE
from edgar2xbrl.cli import main

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")


def test_batch_on_a_local_dask_cluster(tmp_path):
    src = tmp_path / "in"
    (src / "q3").mkdir(parents=True)
    shutil.copy(SAMPLE, src / "q3" / "n21.txt")
    shutil.copy(SAMPLE, src / "again.txt")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--engine", "dask", "--jobs", "2",
                                    "--no-validate", "--log-every", "0"])
    assert res.exit_code == 0, res.output
    rows = {r["file"]: r for r in json.loads((out / "summary.json").read_text())["rows"]}
    assert rows["q3/n21.txt"]["status"] == "converted" and rows["q3/n21.txt"]["output"] == "q3__n21"
    assert rows["again.txt"]["status"] == "converted"
    assert rows["empty.txt"]["status"] == "rejected"
    assert (out / "q3__n21" / "report.json").exists()
    assert res.stdout.splitlines()[-1].startswith("3 filings: 2 converted, 0 flagged, 0 invalid, 1 rejected")


def test_the_dask_task_is_picklable_and_keeps_its_time_limit(tmp_path):
    """The task and its result travel by pickle; in a Dask worker thread the conversion runs in a child process
    that is killed at the time limit (here one too short for any conversion), and the next task gets a new one."""
    import pickle
    from edgar2xbrl.batch import Settings, Task, dask_convert
    task = Task(file="n21.txt", path=str(SAMPLE), output="n21")
    quick = Settings(out_dir=str(tmp_path / "out"), validate=False, timeout=0.01)
    assert pickle.loads(pickle.dumps(task)) == task
    row = dask_convert(task, quick)
    assert row.status == "timeout", row
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    row = dask_convert(task, Settings(out_dir=str(tmp_path / "out"), validate=False, timeout=120))
    assert row.status == "converted", row
    assert pickle.loads(pickle.dumps(row)) == row
