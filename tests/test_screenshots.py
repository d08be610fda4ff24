"""Screenshot smoke test: the sample's report.html and inline XBRL document, opened in a headless Chromium (Debian's
`chromium` package), draw a page that is not blank. Skipped where no Chromium is installed."""
import shutil
import struct
import subprocess

import pytest

from conftest import SAMPLE
from edgar2xbrl import Options, convert

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no headless Chromium on this machine")


def _shot(page, png):
    subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={png}", "--window-size=1200,900", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24]), len(data)


def test_report_and_inline_document_draw_a_page(tmp_path):
    conv = convert(SAMPLE, Options(validate=False))
    conv.save(tmp_path / "out")
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body></body></html>")
    size, empty = _shot(blank, tmp_path / "blank.png")
    assert size == (1200, 900)
    for name in ("report.html", conv.instance.replace(".xml", ".htm")):
        size, drawn = _shot(tmp_path / "out" / name, tmp_path / f"{name}.png")
        # a page of text and tables compresses far worse than an empty one (5 KB here; the report's is ~180 KB)
        assert size == (1200, 900) and drawn > 8 * empty, name
