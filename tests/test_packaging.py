"""The installed package: import name edgar2xbrl, package data read with importlib.resources, any directory."""
import subprocess
import sys
from importlib.resources import files

from conftest import ROOT, SAMPLE


def test_package_data_is_found_through_the_import_system():
    import edgar2xbrl
    from edgar2xbrl.tag.catalog import CATALOG_PATH, load_catalog
    from edgar2xbrl.write.render import TEMPLATES_DIR
    assert CATALOG_PATH.is_file() and len(load_catalog().concepts) > 200
    assert (TEMPLATES_DIR / "instance.xml.j2").is_file()
    assert files("edgar2xbrl").joinpath("py.typed").is_file()
    assert edgar2xbrl.convert is not None


def test_python_m_edgar2xbrl_works_from_another_directory(tmp_path):
    """`python -m edgar2xbrl` from a folder that is neither the checkout nor holds a converter/ of its own."""
    (tmp_path / "converter").mkdir()  # a user's own package named converter must not shadow ours
    (tmp_path / "converter" / "__init__.py").write_text("raise ImportError('the wrong converter')\n")
    res = subprocess.run([sys.executable, "-m", "edgar2xbrl", "convert", str(SAMPLE), "-o", str(tmp_path / "o"),
                          "--no-validate"], cwd=tmp_path, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "o" / "report.json").is_file()


def test_every_data_file_the_package_reads_is_shipped_in_the_wheel():
    """A file read at run time but missing from package-data works in the checkout and fails once installed."""
    import tomllib
    from edgar2xbrl.tag.catalog import CATALOG_PATH, OFFICIAL_PATH
    from edgar2xbrl.tag.deprecations import DEPRECATIONS_PATH
    shipped = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    for path in (CATALOG_PATH, OFFICIAL_PATH, DEPRECATIONS_PATH):
        assert path.name in shipped["edgar2xbrl.taxonomy"], path.name
