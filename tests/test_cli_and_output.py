"""The CLI, the offline packages, and the converted sample kept in out/."""
import os
import re
import zipfile
from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT
from edgar2xbrl.cli import main


def test_packages_command_prints_zips():
    res = CliRunner().invoke(main, ["packages"])
    assert res.exit_code == 0
    paths = [Path(p) for p in res.output.split()]
    assert len(paths) == 3 and all(p.suffix == ".zip" and p.exists() for p in paths)
    assert [p.name for p in paths] == ["edgar2xbrl-us-gaap-2024.zip", "edgar2xbrl-dei-2024.zip", "edgar2xbrl-srt-2024.zip"]
    with zipfile.ZipFile(paths[0]) as z:
        assert any(n.endswith("META-INF/catalog.xml") for n in z.namelist())


def test_out_folder_is_current(tmp_path):
    """out/ must be what the converter writes today for the bundled sample."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        res = CliRunner().invoke(main, ["convert", "examples/nutrition21-10q-2004-09-30.txt", "-o",
                                        str(tmp_path / "o"), "--no-validate"])
    finally:
        os.chdir(cwd)
    assert res.exit_code == 0, res.output
    fresh = {p.name: p.read_text() for p in (tmp_path / "o").iterdir()
             if p.name not in ("report.json", "report.md", "report.html")}
    kept = {p.name: p.read_text() for p in (ROOT / "out").iterdir() if p.name in fresh}
    assert kept.keys() == fresh.keys(), "out/ is stale: run the quick-start command again"
    for name in fresh:
        assert kept[name] == fresh[name], f"out/{name} is stale: run the quick-start command again"


def test_validate_command(converted):
    res = CliRunner().invoke(main, ["validate", str(converted.out_dir)])
    assert res.exit_code == 0, res.output
    assert "0 errors" in res.output


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name in main.commands:
        assert re.search(rf"edgar2xbrl {name}\b", readme), f"README does not document `edgar2xbrl {name}`"


def test_user_packages_replace_the_stand_ins_they_cover():
    """Given the official US-GAAP package, the us-gaap stand-in steps aside; dei still needs its own."""
    import pytest
    from conftest import SHARED
    from edgar2xbrl.check.packages import packages_for
    official = SHARED / "taxonomies" / "us-gaap-2024-partial.zip"
    if not official.exists():
        pytest.skip("../shared/taxonomies is not present")
    chosen, desc = packages_for([official])
    names = [p.name for p in chosen]
    assert "us-gaap-2024-partial.zip" in names
    assert "edgar2xbrl-us-gaap-2024.zip" not in names
    assert "edgar2xbrl-dei-2024.zip" in names
    assert "dei-2024.xsd" in desc
