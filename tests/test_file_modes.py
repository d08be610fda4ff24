"""What the converter writes follows the umask, as any program's files do (not 0700 folders)."""
import os
import shutil
import stat

import pytest
from click.testing import CliRunner

from conftest import SAMPLE
from edgar2xbrl.cli import main


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_output_follows_the_umask(tmp_path, umask):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "n21.txt")
    old = os.umask(umask)
    try:
        res = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(tmp_path / "one"), "--no-validate"])
        assert res.exit_code == 0, res.output
        res = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "many"), "--no-validate"])
        assert res.exit_code == 0, res.output
    finally:
        os.umask(old)
    for folder in (tmp_path / "one", tmp_path / "many", tmp_path / "many" / "n21"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o777 & ~umask, folder
        for f in folder.iterdir():
            if f.is_file():
                assert stat.S_IMODE(f.stat().st_mode) == 0o666 & ~umask, f
