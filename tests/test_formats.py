"""The output formats behind --format: xBRL-JSON and xBRL-CSV load back into Arelle with the classic instance's
facts; the SEC data-set layout reads with the SEC's columns and types and holds the instance's numbers; a batch
appends one data set without duplicates across resumes."""
import csv
import json
import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE, SHARED, facts_of
from edgar2xbrl import Options, convert
from edgar2xbrl.cli import main
from edgar2xbrl.check.packages import packages_for

HEADER = ("<SEC-HEADER>\nACCESSION NUMBER:\t\t0000950123-04-012345\nCONFORMED SUBMISSION TYPE:\t10-Q\n"
          "CONFORMED PERIOD OF REPORT:\t20040930\nFILED AS OF DATE:\t\t20041115\n"
          "\t\tCOMPANY CONFORMED NAME:\t\t\tNUTRITION 21 INC\n"
          "\t\tCENTRAL INDEX KEY:\t\t\t0000737207\n\t\tIRS NUMBER:\t\t\t112653613\n"
          "\t\tSTATE OF INCORPORATION:\t\t\tNY\n\tBUSINESS ADDRESS:\t\n\t\tSTREET 1:\t\t4 MANHATTANVILLE RD\n"
          "\t\tCITY:\t\t\tPURCHASE\n\t\tSTATE:\t\t\tNY\n\t\tZIP:\t\t\t10577\n"
          "\t\tBUSINESS PHONE:\t\t9147012810\n</SEC-HEADER>\n")
ALL = ("xbrl-json", "xbrl-csv", "fsds")

# The SEC's readme for the Financial Statement Data Sets, field by field (the 2024 layout), spelled out here rather
# than taken from the writer, so a wrong column fails.
SEC_COLUMNS = {
    "sub": "adsh cik name sic countryba stprba cityba zipba bas1 bas2 baph countryma stprma cityma zipma mas1 mas2 "
           "countryinc stprinc ein former changed afs wksi fye form period fy fp filed accepted prevrpt detail "
           "instance nciks aciks",
    "tag": "tag version custom abstract datatype iord crdr tlabel doc",
    "num": "adsh tag version ddate qtrs uom segments coreg value footnote",
    "pre": "adsh report line stmt inpth rfile tag version plabel negating",
}
SEC_DTYPES = {
    "sub": {c: "Int64" for c in "cik sic ein changed wksi period fy filed prevrpt detail nciks".split()},
    "tag": {"custom": "Int64", "abstract": "Int64"},
    "num": {"ddate": "Int64", "qtrs": "Int64", "value": "float64"},
    "pre": {"report": "Int64", "line": "Int64", "inpth": "Int64", "negating": "Int64"},
}


def _read(folder: Path, table: str):
    pd = pytest.importorskip("pandas")
    cols = SEC_COLUMNS[table].split()
    dtype = {c: "string" for c in cols} | SEC_DTYPES[table]
    df = pd.read_csv(folder / f"{table}.txt", sep="\t", dtype=dtype, keep_default_na=False,
                     na_values={c: [""] for c in SEC_DTYPES[table]}, quoting=csv.QUOTE_NONE)
    assert list(df.columns) == cols
    return df


def _arelle(path: Path):
    """(messages above INFO, facts as Arelle reads them: concept, period, dims, unit measures, value, decimals)."""
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions
    from edgar2xbrl.check.validate import _Collect
    opts = RuntimeOptions(entrypointFile=str(path), packages=[str(p) for p in packages_for(None)[0]], validate=True,
                          internetConnectivity="offline", disablePersistentConfig=True, logFile="logToBuffer",
                          keepOpen=True)
    handler = _Collect()
    facts = []
    with Session() as s:
        s.run(opts, logHandler=handler)
        for m in s.get_models():
            for f in m.facts:
                c = f.context
                period = str(c.instantDatetime) if c.isInstantPeriod else f"{c.startDatetime}/{c.endDatetime}"
                dims = tuple(sorted((str(k), str(v.memberQname)) for k, v in c.qnameDims.items()))
                unit = None if f.unit is None else tuple(tuple(sorted(map(str, m_))) for m_ in f.unit.measures)
                facts.append((str(f.qname), period, dims, unit, str(f.xValue) if f.isNumeric else f.value,
                              f.decimals))
    return [m for m in handler.records if m.level not in ("INFO", "DEBUG")], sorted(facts)


def _save(conv, folder: Path) -> Path:
    conv.save(folder)
    return folder


@pytest.fixture(scope="module")
def sample_all(tmp_path_factory):
    conv = convert(SAMPLE, Options(validate=False, formats=ALL))
    return conv, _save(conv, tmp_path_factory.mktemp("formats") / "out")


def _oim_matches_classic(conv, folder: Path) -> int:
    base = conv.xbrl.base_name
    msgs, classic = _arelle(folder / conv.instance)
    assert not [m for m in msgs if m.level in ("ERROR", "CRITICAL", "FATAL")], msgs[:5]
    assert len(classic) == len(conv.xbrl.facts) > 0
    for entry in (f"{base}.json", f"{base}-csv.json"):
        msgs, facts = _arelle(folder / entry)
        assert msgs == [], f"{entry}: {[(m.level, m.code, m.text[:200]) for m in msgs[:5]]}"
        assert facts == classic, f"{entry}: {sorted(set(facts) ^ set(classic))[:4]}"
    return len(classic)


def test_xbrl_json_and_csv_load_back_with_the_classic_facts(sample_all):
    conv, folder = sample_all
    assert _oim_matches_classic(conv, folder) == len(facts_of_folder(folder))


def facts_of_folder(folder: Path):
    class R:  # facts_of reads a Result's files
        files = sorted(folder.iterdir())
    return facts_of(R)


def test_xbrl_json_references_the_extension_schema(sample_all):
    conv, folder = sample_all
    doc = json.loads((folder / f"{conv.xbrl.base_name}.json").read_text())
    assert doc["documentInfo"]["taxonomy"] == [conv.xbrl.schema_file]
    assert (folder / conv.xbrl.schema_file).exists()
    dims = [f["dimensions"] for f in doc["facts"].values()]
    assert {d["entity"] for d in dims} == {f"cik:{conv.xbrl.entity.cik}"}
    assert sum(1 for d in dims if "us-gaap:StatementEquityComponentsAxis" in d) > 0


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("pattern", ["text/MSFT_10-Q_1996*", "html/*10-Q*"])
def test_oim_load_back_on_corpus_filings(pattern, tmp_path):
    found = sorted((SHARED / "corpus").glob(pattern))
    if not found:
        pytest.skip(f"no {pattern} in the corpus")
    conv = convert(found[0], Options(validate=False, formats=("xbrl-json", "xbrl-csv")))
    assert _oim_matches_classic(conv, _save(conv, tmp_path / "out")) > 10


def _nearest_month_end(d: date) -> int:
    """The readme: ddate is rounded to the nearest month end."""
    import calendar
    candidates = [date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])]
    prev = date(d.year, d.month, 1).toordinal() - 1
    candidates.append(date.fromordinal(prev))
    best = min(candidates, key=lambda c: abs(c.toordinal() - d.toordinal()))
    return int(best.strftime("%Y%m%d"))


def _expected_num(folder: Path):
    """(tag, ddate, qtrs, uom, value) of every numeric fact of the classic instance, read off its XML."""
    from lxml import etree
    root = etree.parse(str(next(p for p in folder.glob("*.xml") if "_" not in p.name))).getroot()
    X = "{http://www.xbrl.org/2003/instance}"
    periods = {}
    for c in root.findall(f"{X}context"):
        p = c.find(f"{X}period")
        inst = p.find(f"{X}instant")
        end = date.fromisoformat((inst if inst is not None else p.find(f"{X}endDate")).text)
        start = None if inst is not None else date.fromisoformat(p.find(f"{X}startDate").text)
        periods[c.get("id")] = (end, 0 if start is None else round(((end - start).days + 1) / 91.31))
    uoms = {}
    for u in root.findall(f"{X}unit"):
        ms = [m.text.split(":")[1] for m in u.iter(f"{X}measure")]
        uoms[u.get("id")] = "/".join(ms)
    out = []
    for el in root:
        if isinstance(el.tag, str) and el.get("unitRef"):
            end, q = periods[el.get("contextRef")]
            out.append((etree.QName(el).localname, _nearest_month_end(end), q, uoms[el.get("unitRef")],
                        float(Decimal(el.text))))
    return out


def test_fsds_tables_read_with_the_sec_columns_and_hold_the_instance_numbers(sample_all):
    conv, folder = sample_all
    sub, num, tag, pre = (_read(folder, t) for t in ("sub", "num", "tag", "pre"))
    assert len(sub) == 1
    adsh = sub.loc[0, "adsh"]
    assert re.fullmatch(r"E2X-[0-9A-F]{16}", adsh)  # no EDGAR header: the made-up key the README describes
    assert "E2X-" in (folder / "fsds-README.md").read_text()
    assert sub.loc[0, "instance"] == conv.instance and sub.loc[0, "form"] == "10-Q"
    assert sub.loc[0, "period"] == int(conv.xbrl.entity.period_end.strftime("%Y%m%d"))
    expected = _expected_num(folder)
    assert len(expected) > 100
    got = sorted(zip(num["tag"], num["ddate"], num["qtrs"], num["uom"], num["value"]))
    assert got == sorted(expected)
    assert set(num["adsh"]) == {adsh} and set(pre["adsh"]) == {adsh}
    # every tag num and pre name is described once in tag
    keys = set(zip(tag["tag"], tag["version"]))
    assert len(keys) == len(tag)
    assert set(zip(num["tag"], num["version"])) | set(zip(pre["tag"], pre["version"])) <= keys
    ext = tag[tag["custom"] == 1]
    assert len(ext) > 0 and set(ext["version"]) == {adsh}
    # the statements are presented: a balance sheet, an income statement, cash flows, the cover
    assert {"BS", "IS", "CF", "CP"} <= set(pre["stmt"])
    assert pre.groupby("report")["line"].apply(lambda s: list(s) == list(range(1, len(s) + 1))).all()


def test_fsds_adsh_is_the_accession_number_when_the_header_has_one(tmp_path):
    conv = convert(HEADER.encode() + SAMPLE.read_bytes(), Options(validate=False, formats=("fsds",)))
    conv.save(tmp_path / "out")
    sub = _read(tmp_path / "out", "sub")
    assert list(sub["adsh"]) == ["0000950123-04-012345"]
    assert sub.loc[0, "cik"] == 737207 and sub.loc[0, "filed"] == 20041115
    row = sub.loc[0]
    assert (row["cityba"], row["stprba"], row["countryba"], row["zipba"], row["bas1"], row["baph"]) == \
        ("PURCHASE", "NY", "US", "10577", "4 MANHATTANVILLE RD", "9147012810")
    assert (row["ein"], row["stprinc"], row["countryinc"]) == (112653613, "NY", "US")
    assert (row["name"], row["form"], row["fye"]) == ("NUTRITION 21 INC", "10-Q", "0630")  # EDGAR's name
    assert set(_read(tmp_path / "out", "num")["adsh"]) == {"0000950123-04-012345"}


def test_fsds_adsh_from_the_file_name_when_the_header_has_none(tmp_path):
    named = tmp_path / "NUT_10-Q_2004-09-30_0000950123-04-099999.txt"
    shutil.copy(SAMPLE, named)
    sub = convert(named, Options(validate=False, formats=("fsds",))).files["sub.txt"]
    assert sub.split("\n")[1].split("\t")[0] == "0000950123-04-099999"


def test_made_up_adsh_is_stable_and_differs_between_files():
    def adsh(data: bytes) -> str:
        files = convert(data, Options(validate=False, formats=("fsds",))).files
        return files["sub.txt"].split("\n")[1].split("\t")[0]
    data = SAMPLE.read_bytes()
    assert adsh(data) == adsh(data)
    assert adsh(data) != adsh(data + b"\n")


def test_default_output_is_the_classic_one_and_formats_add_files():
    plain = convert(SAMPLE, Options(validate=False))
    assert plain.report["formats"] == ["xbrl", "ixbrl"]
    assert f"{plain.xbrl.base_name}.htm" in plain.files
    classic = convert(SAMPLE, Options(validate=False, formats=("xbrl",)))
    assert set(plain.files) - set(classic.files) == {f"{plain.xbrl.base_name}.htm"}
    assert not [n for n in plain.files if n.endswith((".json", ".csv", ".txt")) and not n.startswith("report")]
    both = convert(SAMPLE, Options(validate=False, formats=("ixbrl", "xbrl-json")))
    assert set(both.files) - set(plain.files) == {f"{plain.xbrl.base_name}.json"}
    assert both.instance_text == plain.instance_text


def test_unknown_format_is_one_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown output format 'xml2'"):
        Options(formats=("xml2",))
    res = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(tmp_path / "o"), "--format", "xml2"])
    assert res.exit_code == 2 and "--format" in res.output and not (tmp_path / "o").exists()
    from edgar2xbrl.batch import BatchInputError, run_batch
    with pytest.raises(BatchInputError):
        run_batch(SAMPLE.parent, tmp_path / "b", formats=("xml2",), progress=False)


def test_cli_convert_writes_the_formats(tmp_path):
    out = tmp_path / "o"
    res = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(out), "--no-validate", "--json",
                                    "--format", "xbrl-csv", "--format", "fsds"])
    assert res.exit_code == 0, res.output
    files = json.loads(res.output.strip().splitlines()[-1])["files"]
    assert {"num.txt", "sub.txt", "tag.txt", "pre.txt"} <= set(files)
    assert any(f.endswith("-facts.csv") for f in files) and any(f.endswith("-csv.json") for f in files)
    # the folder is ours to replace on the next run
    res = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(out), "--no-validate"])
    assert res.exit_code == 0, res.output
    assert not (out / "num.txt").exists()


# ---------------------------------------------------------------------------------------------------------------
# a batch's one data set

@pytest.fixture()
def batch_input(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    data = SAMPLE.read_bytes()
    (src / "a.txt").write_bytes(data)
    (src / "b.txt").write_bytes(HEADER.encode() + data)
    (src / "c.txt").write_bytes(data.replace(b"NUTRITION 21", b"NUTRITION 22"))
    (src / "bad.txt").write_bytes(b"not a filing\n")
    return src


def _dataset(out: Path):
    return {t: _read(out / "fsds", t) for t in ("sub", "num", "tag", "pre")}


def _per_filing_rows(out: Path, table: str) -> int:
    return sum(len(_read(p.parent, table)) for p in out.glob("*/sub.txt") if p.parent.name != "fsds")


def _batch(src, out, *args):
    return CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--no-validate", "-q", *args])


def test_batch_appends_one_data_set_without_duplicates_across_resumes(batch_input, tmp_path):
    out = tmp_path / "out"
    res = _batch(batch_input, out, "--format", "fsds")
    assert res.exit_code == 0, res.output
    ds = _dataset(out)
    res = CliRunner().invoke(main, ["batch", str(batch_input), "-o", str(out), "--no-validate", "--format", "fsds"])
    assert f"data set: {out / 'fsds'} (3 filings)" in res.output
    assert len(ds["sub"]) == 3 and ds["sub"]["adsh"].is_unique  # the bad file adds nothing
    assert "0000950123-04-012345" in set(ds["sub"]["adsh"])
    assert len(ds["num"]) == _per_filing_rows(out, "num") > 300
    assert len(ds["pre"]) == _per_filing_rows(out, "pre")
    assert set(ds["num"]["adsh"]) == set(ds["sub"]["adsh"])
    num_key = ["adsh", "tag", "version", "ddate", "qtrs", "uom", "segments", "coreg"]
    assert not ds["num"].duplicated(num_key).any()
    assert not ds["tag"].duplicated(["tag", "version"]).any()
    snapshot = {t: (out / "fsds" / f"{t}.txt").read_bytes() for t in ds}

    for args in ((), ("--retry-failed",)):  # a resume converts nothing new and appends nothing
        assert _batch(batch_input, out, "--format", "fsds", *args).exit_code == 0
        assert {t: (out / "fsds" / f"{t}.txt").read_bytes() for t in ds} == snapshot
    assert _batch(batch_input, out, "--format", "fsds", "--force").exit_code == 0
    again = _dataset(out)
    assert {t: len(again[t]) for t in again} == {t: len(ds[t]) for t in ds}
    assert sorted(again["num"]["value"]) == sorted(ds["num"]["value"])


def test_batch_data_set_survives_a_run_killed_mid_append(batch_input, tmp_path):
    out = tmp_path / "out"
    assert _batch(batch_input, out, "--format", "fsds").exit_code == 0
    before = {t: (out / "fsds" / f"{t}.txt").read_bytes() for t in ("sub", "num", "tag", "pre")}
    with open(out / "fsds" / "num.txt", "a") as fh:  # a filing's rows half written, its sub row never
        fh.write("E2X-0000000000000000\tAssets\tus-gaap/2024\t2004")
    assert _batch(batch_input, out, "--format", "fsds").exit_code == 0
    assert {t: (out / "fsds" / f"{t}.txt").read_bytes() for t in before} == before
    (out / "fsds" / ".state.json").unlink()  # the state lost as well: rows without a sub row are dropped
    with open(out / "fsds" / "pre.txt", "a") as fh:
        fh.write("E2X-0000000000000000\t1\t1\tBS\t0\tH\tAssets\tus-gaap/2024\tAssets\t0\n")
    assert _batch(batch_input, out, "--format", "fsds").exit_code == 0
    assert {t: (out / "fsds" / f"{t}.txt").read_bytes() for t in before} == before


def test_batch_converts_again_filings_whose_output_lacks_the_format(batch_input, tmp_path):
    out = tmp_path / "out"
    assert _batch(batch_input, out).exit_code == 0
    assert not (out / "fsds").exists()
    res = CliRunner().invoke(main, ["batch", str(batch_input), "-o", str(out), "--no-validate", "--json",
                                    "--format", "fsds"])
    assert json.loads(res.output.strip().splitlines()[-1])["ran"] == 3  # the three with output; bad.txt is kept
    assert len(_dataset(out)["sub"]) == 3


def test_batch_data_set_parquet_copy_of_num(batch_input, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    assert _batch(batch_input, out, "--format", "fsds").exit_code == 0
    pq = pd.read_parquet(out / "fsds" / "num.parquet")
    txt = _read(out / "fsds", "num")
    assert list(pq.columns) == SEC_COLUMNS["num"].split() and len(pq) == len(txt) > 0
    assert str(pq["value"].dtype) == "float64" and str(pq["ddate"].dtype) == "int64"
    key = lambda df: sorted(zip(df["adsh"], df["tag"], df["ddate"].astype(int), df["value"]))  # noqa: E731
    assert key(pq) == key(txt)


def test_every_format_is_a_pure_function_of_the_report(sample_all):
    from edgar2xbrl.read.source import read_filing
    from edgar2xbrl.write import FORMATS, write_formats
    conv, _ = sample_all
    filing = read_filing(SAMPLE)
    classic = {n: conv.files[n] for n in conv.files if n.endswith((".xml", ".xsd"))}
    for name in FORMATS:
        once = write_formats((name,), conv.xbrl, SAMPLE, filing)
        assert once == write_formats((name,), conv.xbrl, SAMPLE, filing), name
        assert {n: once[n] for n in classic} == classic, name  # the classic files come with every format
    assert set(write_formats(tuple(FORMATS), conv.xbrl, SAMPLE, filing)) >= \
        {n for n in conv.files if not n.startswith("report.")}


def test_fsds_segments_and_rounding_follow_the_readme():
    from edgar2xbrl.model import Period
    from edgar2xbrl.write.fsds import ddate, qtrs, segments
    two = (("us-gaap:StatementEquityComponentsAxis", "us-gaap:CommonStockMember"),
           ("abc:StatementClassOfStockAxis", "abc:CommonClassAMember"))
    assert segments(two) == "ClassOfStock=CommonClassA;EquityComponents=CommonStock;"
    assert segments(()) == ""
    year_52_weeks = Period(date(2004, 10, 2), date(2003, 10, 5))  # a 52-week year ending on a Saturday
    assert (ddate(year_52_weeks), qtrs(year_52_weeks)) == ("20040930", 4)
    assert (ddate(Period(date(2004, 6, 30))), qtrs(Period(date(2004, 6, 30)))) == ("20040630", 0)
    nine_months = Period(date(2004, 9, 30), date(2004, 1, 1))
    assert qtrs(nine_months) == 3


def test_batch_force_rewrites_the_data_set_once_not_once_per_filing(batch_input, tmp_path, monkeypatch):
    from edgar2xbrl.batch import run_batch
    from edgar2xbrl.write.fsds import DataSet
    out = tmp_path / "out"
    run_batch(batch_input, out, validate=False, progress=False, formats=("fsds",))
    before = _dataset(out)
    rewrites = []
    real = DataSet._rewrite
    monkeypatch.setattr(DataSet, "_rewrite", lambda self, **kw: (rewrites.append(kw), real(self, **kw))[1])
    run = run_batch(batch_input, out, validate=False, progress=False, formats=("fsds",), force=True)
    assert run.ran == 4 and run.dataset_filings == 3
    assert len(rewrites) == 1 and len(rewrites[0]["drop"]) == 3
    after = _dataset(out)
    assert {t: len(after[t]) for t in after} == {t: len(before[t]) for t in before}
