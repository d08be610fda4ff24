"""The folder path writes each file as it is made (converter/write/sink.py): the same bytes as the in-memory API, and a
failure part way leaves no partial output, the previous output as it was, and no folder it made."""
import builtins

import pytest
from click.testing import CliRunner

from conftest import SAMPLE
from edgar2xbrl import Options, convert
from edgar2xbrl.cli import main
from edgar2xbrl.errors import InternalError, OutputFolderError
from edgar2xbrl.write.render import render, render_chunks
from edgar2xbrl.write.sink import FolderSink
from edgar2xbrl.write import FORMATS

ALL = [a for f in FORMATS for a in ("--format", f)]


def _run(out, *args):
    return CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(out), "--no-validate", "--cik", "737207",
                                     *args])


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_folder_holds_the_bytes_of_the_in_memory_conversion(tmp_path):
    out = tmp_path / "out"
    assert _run(out, *ALL).exit_code == 0
    conv = convert(SAMPLE, Options(cik="737207", validate=False, formats=tuple(FORMATS)))
    on_disk = _snapshot(out)
    assert set(on_disk) == set(conv.files)
    for name, text in conv.files.items():
        assert on_disk[name] == (text if isinstance(text, bytes) else text.encode("utf-8")), name


@pytest.mark.parametrize("victim", ["_pre.xml", ".htm", "facts.csv", "report.html", "report.json", "report.md"])
def test_a_failure_mid_write_leaves_the_previous_output_intact(tmp_path, monkeypatch, victim):
    import pathlib
    import edgar2xbrl.write.sink as sink_mod
    out = tmp_path / "out"
    assert _run(out, *ALL).exit_code == 0
    before = _snapshot(out)
    real_open, real_write = builtins.open, pathlib.Path.write_text

    def failing_open(file, mode="r", *a, **k):
        f = real_open(file, mode, *a, **k)
        if str(file).endswith(victim) and "w" in mode:
            f.write("a partial file")  # something is written before the disk fills
            f.close()
            raise OSError(28, "No space left on device")
        return f

    def failing_write(self, *a, **k):
        if self.name.endswith(victim):
            real_write(self, "a partial file")
            raise OSError(28, "No space left on device")
        return real_write(self, *a, **k)
    monkeypatch.setattr(sink_mod, "open", failing_open, raising=False)
    monkeypatch.setattr(pathlib.Path, "write_text", failing_write)
    res = _run(out, *ALL)
    assert res.exit_code == 2 and "No space left on device" in res.output
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left beside it


def test_a_bug_after_the_first_files_leaves_nothing_and_no_folder_made(tmp_path, monkeypatch):
    from dataclasses import replace

    from edgar2xbrl.write import FORMATS

    def boom(*a, **k):
        raise RuntimeError("boom")
    # the inline document is written after the classic files
    monkeypatch.setitem(FORMATS, "ixbrl", replace(FORMATS["ixbrl"], write=boom))
    out = tmp_path / "new" / "deeper" / "out"
    res = _run(out)
    assert res.exit_code == 4 and "boom" in res.output
    assert list(tmp_path.iterdir()) == []


def test_a_rejected_filing_makes_no_folder(tmp_path):
    src = tmp_path / "empty.txt"
    src.write_text("nothing to convert here\n")
    out = tmp_path / "a" / "out"
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["empty.txt"]


def test_the_folder_sink(tmp_path):
    sink = FolderSink(tmp_path / "x" / "out", "s.txt")
    assert sink.tmp is None and not (tmp_path / "x").exists()  # nothing made before the first file
    sink.put("a.xml", "<a>é</a>")
    sink.put("b.bin", b"\x00\x01")
    sink.stream("c.txt", (str(k) for k in range(10000)))
    sink.stream("d.txt", ("one ", "two", "\n"))
    sink.put("a.xml", "<a>é</a>")  # the same file twice: fine
    with pytest.raises(InternalError, match="collide"):
        sink.put("a.xml", "<b/>")
    assert sink.names == ["a.xml", "b.bin", "c.txt", "d.txt"]
    folder = sink.tmp
    assert folder.parent == tmp_path / "x" and folder.name.startswith(".out.tmp-")
    assert (folder / "a.xml").read_bytes() == "<a>é</a>".encode("utf-8")
    assert (folder / "b.bin").read_bytes() == b"\x00\x01"
    assert (folder / "c.txt").read_text() == "".join(str(k) for k in range(10000))
    assert (folder / "d.txt").read_text() == "one two\n"
    sink.discard()
    assert not (tmp_path / "x").exists()  # the folder it made went with it


def test_a_sink_that_cannot_make_its_folder_says_so(tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputFolderError, match="cannot write the output folder"):
        FolderSink(tmp_path / "afile" / "out").put("a.xml", "<a/>")


def test_render_in_pieces_is_render():
    ctx = dict(labels=[{"concept": f"ext:C{k}", "id": f"ext_C{k}", "texts": [("label", f"C & {k}")]}
                       for k in range(3000)],
               prefix="p", ns={"us_gaap": "u", "dei": "d", "ext": "e"}, urls={"us_gaap": "u", "dei": "d"},
               schema_file="s.xsd")
    assert "".join(render_chunks("lab.xml.j2", **ctx)) == render("lab.xml.j2", **ctx)


def test_the_year_end_in_the_text_is_read_as_in_the_squeezed_text():
    """fiscal_year_end_from_text no longer squeezes the whole text's white space first: the same answers."""
    import random
    import re
    from datetime import date
    from edgar2xbrl.read.cover import fiscal_year_end_from_text
    from edgar2xbrl.tables.periods import add_months
    from edgar2xbrl.read.cover import parse_date

    def squeezed(lines, period_end):  # the earlier reading
        flat = " ".join(" ".join(lines).split())
        for m in re.finditer(r"(?:fiscal\s+)?year\s+end(?:ed|ing)\s+([A-Za-z]+\.?\s+\d{1,2}\s*,\s*(?:19|20)\d\d)",
                             flat, re.I):
            d = parse_date(m.group(1))
            if d and period_end < d <= add_months(period_end, 12):
                return f"--{d.month:02d}-{d.day:02d}"
        return ""
    rnd = random.Random(7)
    spaces = [" ", "  ", "\t", "\xa0", "\u2003", " \x0c", "\x1f", ""]
    words = ["fiscal", "year", "ending", "ended", "end", "June", "Sept.", "December", "30", "31", ",", "2004",
             "2005", "1999", "the", "for"]
    for _ in range(400):
        text = "".join(rnd.choice(words) + rnd.choice(spaces) for _ in range(rnd.randint(5, 40)))
        cut = sorted(rnd.sample(range(len(text)), min(3, len(text))))
        lines = [text[a:b] for a, b in zip([0] + cut, cut + [len(text)])]
        end = date(2004, rnd.choice([3, 6, 9, 12]), 28)
        assert fiscal_year_end_from_text(lines, end) == squeezed(lines, end), lines
    assert fiscal_year_end_from_text(["for the fiscal year", "ending   June\n30 ,\t2005"], date(2004, 9, 30)) == "--06-30"
