"""Bad input: one clear message naming the file, exit code 2, nothing left in the output folder."""
import pytest
from click.testing import CliRunner

from conftest import SAMPLE
from edgar2xbrl.cli import main

SAMPLE_TEXT = SAMPLE.read_text()
CUT = SAMPLE_TEXT[: SAMPLE_TEXT.index("Other receivables                                                   57")]


@pytest.mark.parametrize("name,data,words", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.bin", bytes(range(256)) * 40, "binary"),
    ("prose.txt", b"This is a letter to shareholders.\nNothing else here.\n" * 20, "no financial statements"),
    ("cut.txt", CUT.encode(), "cut off"),
    ("latin.txt", ("caf\u00e9 \u00e8\u00e9\u00ea\u00eb " * 3000).encode("latin-1"), "cannot decode"),
])
def test_bad_input(tmp_path, name, data, words):
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == 2, res.output
    assert words in res.output
    assert name in res.output
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary folder left behind


def test_layout_table_cut_off_names_the_line(tmp_path):
    text = SAMPLE_TEXT[: SAMPLE_TEXT.index("           Inventories                                           267")]
    src = tmp_path / "cutcf.txt"
    src.write_text(text)
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "o"), "--no-validate"])
    assert res.exit_code == 2
    assert "cutcf.txt:" in res.output and "cut off" in res.output


def test_output_folder_with_other_files_is_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")
    res = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(out), "--no-validate"])
    assert res.exit_code == 2 and "earlier edgar2xbrl conversion" in res.output
    assert (out / "precious.txt").read_text() == "keep me"
    # an earlier conversion is replaced
    fresh = tmp_path / "conv"
    assert CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(fresh), "--no-validate"]).exit_code == 0
    assert CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(fresh), "--no-validate"]).exit_code == 0


def test_statements_incorporated_by_reference_are_named_as_the_cause(tmp_path):
    text = ("                              FORM 10-K\n\n"
            "ITEM 7.   MANAGEMENT'S DISCUSSION AND ANALYSIS\n\n"
            "     Revenues grew in every segment.\n\n"
            "ITEM 8.   FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA\n\n"
            "     The consolidated financial statements, together with the report thereon of\n"
            "Smith & Jones LLP dated January 24, 2002, contained in our 2001 Annual\n"
            "Report to Shareholders, are incorporated herein by reference.\n")
    src = tmp_path / "tenk.txt"
    src.write_text(text)
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "o"), "--no-validate"])
    assert res.exit_code == 2
    assert "tenk.txt:9:" in res.output and "incorporates them by reference" in res.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("name,data,kind", [
    ("empty.txt", b"", "UnreadableInput"),
    ("binary.bin", bytes(range(256)) * 40, "UnreadableInput"),
    ("latin.txt", ("caf\u00e9 \u00e8\u00e9\u00ea\u00eb " * 3000).encode("latin-1"), "UnreadableInput"),
    ("prose.txt", b"This is a letter to shareholders.\nNothing else here.\n" * 20, "NoStatements"),
    ("cut.txt", CUT.encode(), "CutOff"),
])
def test_each_failure_has_its_own_class(name, data, kind):
    import edgar2xbrl
    from edgar2xbrl import ConversionError, Options, convert
    with pytest.raises(ConversionError) as info:
        convert(data, Options(name=name, validate=False))
    # a caller (the batch) tells the kinds apart by class, never by the message's words
    assert type(info.value).__name__ == kind and isinstance(info.value, getattr(edgar2xbrl, kind))
    assert name in str(info.value)


def test_a_bad_option_and_an_unusable_output_folder_have_their_classes(tmp_path):
    from edgar2xbrl import BadOption, Options, OutputFolderError, convert
    with pytest.raises(BadOption):
        convert(SAMPLE, Options(prefix="xbrli", validate=False))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputFolderError):
        convert(SAMPLE, Options(validate=False)).save(blocker / "out")


def test_an_amount_the_columns_cannot_place_is_listed_as_not_tagged():
    from edgar2xbrl import Options, convert
    text = SAMPLE_TEXT.replace("Other receivables                                                   57         257",
                               "Other receivables                                                   57  9      257", 1)
    assert text != SAMPLE_TEXT
    conv = convert(text.encode(), Options(name="spill.txt", validate=False))
    listed = [u for u in conv.report["untagged"] if "fell into one column" in u["reason"]]
    assert [(u["row"], u["value"]) for u in listed] == [("Other receivables", "9")]
    # counted among the numbers printed in the statements, and not among the tagged ones
    base = convert(SAMPLE, Options(validate=False)).report["summary"]
    s = conv.report["summary"]
    assert s["numbers_in_statements"] == base["numbers_in_statements"] + 1
    assert s["numbers_tagged"] == base["numbers_tagged"]
