"""The SEC's Financial Statement Data Sets layout (sub.txt, num.txt, tag.txt, pre.txt) for one filing, and a
data set that a batch appends filing by filing.

Columns, their order and meaning follow the SEC's readme for the data sets (the 2024 layout, with `segments` in
NUM). What a pre-XBRL filing cannot give is left empty (addresses, EIN, filer status) and listed in README.md.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from calendar import monthrange
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from edgar2xbrl.model import Period
from edgar2xbrl.xbrl_report import UNIT_MEASURES, XbrlReport, months

COLUMNS: dict[str, tuple[str, ...]] = {
    "sub": ("adsh", "cik", "name", "sic", "countryba", "stprba", "cityba", "zipba", "bas1", "bas2", "baph",
            "countryma", "stprma", "cityma", "zipma", "mas1", "mas2", "countryinc", "stprinc", "ein", "former",
            "changed", "afs", "wksi", "fye", "form", "period", "fy", "fp", "filed", "accepted", "prevrpt", "detail",
            "instance", "nciks", "aciks"),
    "tag": ("tag", "version", "custom", "abstract", "datatype", "iord", "crdr", "tlabel", "doc"),
    "num": ("adsh", "tag", "version", "ddate", "qtrs", "uom", "segments", "coreg", "value", "footnote"),
    "pre": ("adsh", "report", "line", "stmt", "inpth", "rfile", "tag", "version", "plabel", "negating"),
}
TABLES = tuple(COLUMNS)  # sub, tag, num, pre
# The readme's types, as pandas dtypes ("Int64": a NUMERIC, DATE or BOOLEAN field that may be empty; the rest
# text). Dates stay yyyymmdd numbers, as the SEC writes them.
DTYPES: dict[str, dict[str, str]] = {
    "sub": {**{c: "string" for c in COLUMNS["sub"]},
            **{c: "Int64" for c in ("cik", "sic", "ein", "changed", "wksi", "period", "fy", "filed", "prevrpt",
                                    "detail", "nciks")}},
    "tag": {**{c: "string" for c in COLUMNS["tag"]}, "custom": "Int64", "abstract": "Int64"},
    "num": {**{c: "string" for c in COLUMNS["num"]}, "ddate": "Int64", "qtrs": "Int64", "value": "float64"},
    "pre": {**{c: "string" for c in COLUMNS["pre"]}, **{c: "Int64" for c in ("report", "line", "inpth",
                                                                                "negating")}},
}
FILES = {t: f"{t}.txt" for t in TABLES}
README = "fsds-README.md"
MADE_UP_ADSH = re.compile(r"E2X-[0-9A-F]{16}")


ACCESSION_IN_NAME = re.compile(r"(?<!\d)(\d{10}-\d{2}-\d{6})(?!\d)")


def adsh_of(x: XbrlReport, source) -> str:
    """The EDGAR accession number from the header, else from the file's name (as a batch names its folders);
    for a file with neither, "E2X-" and 16 hex digits of the filing's SHA-256: the same bytes always get the same
    key, and it cannot be mistaken for a real accession number (20 characters, as the SEC's field)."""
    if x.entity.accession:
        return x.entity.accession
    m = ACCESSION_IN_NAME.search(x.entity.source)
    if m:
        return m.group(1)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        data = Path(source).read_bytes()
    return "E2X-" + hashlib.sha256(data).hexdigest()[:16].upper()


def month_end(d: date) -> date:
    """The nearest month end, as the SEC rounds `ddate` and `period` (a 52-53 week year ending 2 October is
    September's); halfway, the month's own end."""
    own = d.replace(day=monthrange(d.year, d.month)[1])
    before = d.replace(day=1) - timedelta(days=1)
    return before if (d - before) < (own - d) else own


def ddate(p: Period) -> str:
    return month_end(p.end).strftime("%Y%m%d")


def qtrs(p: Period) -> int:
    """Quarters a duration covers, rounded (0: an instant)."""
    if p.start is None:
        return 0
    return max(1, round(months(p) / 3))


def uom(unit_id: str) -> str:
    num, den = UNIT_MEASURES[unit_id]
    name = lambda qs: "*".join(q.split(":", 1)[1] for q in qs)  # noqa: E731
    return name(num) + ("/" + name(den) if den else "")


def _short(local: str, prefix: str, suffix: str) -> str:
    if local.startswith(prefix) and len(local) > len(prefix):
        local = local[len(prefix):]
    return local[: -len(suffix)] if local.endswith(suffix) and len(local) > len(suffix) else local


def segments(dims) -> str:
    """`Axis=Member;` per dimension, as the SEC writes them: local names without "Statement"/"Axis" and
    "Member" (us-gaap:StatementEquityComponentsAxis=us-gaap:CommonStockMember → EquityComponents=CommonStock;),
    several in the order of the axes (ClassOfStock=CommonClassA;EquityComponents=CommonStock;)."""
    pairs = sorted((_short(a.split(":", 1)[1], "Statement", "Axis"), _short(m.split(":", 1)[1], "", "Member"))
                   for a, m in dims)
    return "".join(f"{a}={m};" for a, m in pairs)  # in the order of the short axis names


def version(x: XbrlReport, qname: str, adsh: str) -> str:
    """us-gaap/2024, dei/2024; the accession number for the filer's own tags, as the SEC does."""
    prefix = qname.split(":", 1)[0]
    if prefix == x.prefix:
        return adsh
    ns = x.namespaces.get(prefix, "")
    return f"{prefix}/{ns.rstrip('/').rsplit('/', 1)[-1]}" if ns else prefix


def number(value: str) -> str:
    """The value rounded to 4 decimal places (the SEC's precision), without an exponent or trailing zeros."""
    d = Decimal(value).quantize(Decimal("0.0001"))
    s = format(d.normalize(), "f")
    return "0" if s in ("-0", "") else s


def stmt_of(title: str, group: str) -> str:
    t = title.lower()
    if group == "Document" or "cover" in t:
        return "CP"
    if "comprehensive" in t:
        return "CI"
    if "cash flow" in t:
        return "CF"
    if "equity" in t or "stockholders" in t or "shareholders" in t:
        return "EQ"
    if "balance sheet" in t or "financial position" in t or "financial condition" in t:
        return "BS"
    if any(w in t for w in ("operations", "income", "earnings", "loss")):
        return "IS"
    return "UN"


# EDGAR's state codes for the United States (states, DC, territories); its other codes (X0 for the UK, A0 for
# Alberta, ...) are countries and provinces, which the data sets' ISO country field cannot take from them
US_STATES = frozenset("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
                      "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP".split())
SUB_WIDTHS = {"name": 150, "cityba": 30, "zipba": 10, "bas1": 40, "bas2": 40, "baph": 20, "former": 150}


def _header_fields(h: dict[str, str]) -> dict[str, str]:
    """The SUB fields an EDGAR header gives: the business address and phone, the state of incorporation, the
    IRS number (EIN)."""
    out = {"cityba": h.get("city", ""), "zipba": h.get("zip", ""), "bas1": h.get("street1", ""),
           "bas2": h.get("street2", ""), "baph": h.get("phone", "")}
    state = h.get("state", "").upper()
    if state in US_STATES:
        out.update(countryba="US", stprba=state)
    inc = h.get("state_of_incorporation", "").upper()
    if inc in US_STATES:
        out.update(countryinc="US", stprinc=inc)
    ein = re.sub(r"\D", "", h.get("irs_number", ""))
    if ein.strip("0"):
        out["ein"] = str(int(ein))
    return out


def _clean(v) -> str:
    """A field value: tab-separated lines leave no room for tabs or line breaks in a label."""
    return re.sub(r"[\t\r\n]+", " ", str(v))


def rows(x: XbrlReport, adsh: str) -> dict[str, list[tuple[str, ...]]]:
    """Each table's rows (strings, in COLUMNS order) for one filing."""
    e = x.entity
    fye = e.fiscal_year_end.replace("-", "")[-4:] if e.fiscal_year_end else ""
    accepted = f"{e.filed[:4]}-{e.filed[4:6]}-{e.filed[6:8]} 00:00:00.0" if len(e.filed) == 8 else ""
    sub = {"adsh": adsh, "cik": str(int(e.cik)) if e.cik.isdigit() and not e.cik_placeholder else "",
           "name": (dict(e.edgar_header).get("company") or e.registrant).upper(),  # EDGAR's conformed name
           "sic": e.sic, "wksi": "0", "fye": fye, "form": e.form,
           "period": month_end(e.period_end).strftime("%Y%m%d"), "fy": e.fiscal_year_focus,
           "fp": e.fiscal_period_focus, "filed": e.filed, "accepted": accepted, "prevrpt": "0", "detail": "0",
           "instance": x.instance_file, "nciks": "1", **_header_fields(dict(e.edgar_header))}
    out: dict[str, list[tuple[str, ...]]] = {"sub": [tuple(_clean(sub.get(c, ""))[:SUB_WIDTHS.get(c, 1000)]
                                                           for c in COLUMNS["sub"])]}

    num, num_concepts, seen = [], [], set()
    for f in x.facts:
        if not f.unit or f.number is None:
            continue
        p = f.context.period
        key = (f.concept, ddate(p), qtrs(p), uom(f.unit), segments(f.context.dims))
        if key in seen:  # two contexts the month-end rounding makes one: the SEC keeps one row
            continue
        seen.add(key)
        num_concepts.append(f.concept)
        num.append((adsh, f.concept.split(":", 1)[1], version(x, f.concept, adsh), key[1], str(key[2]), key[3],
                    key[4], "", number(f.value), ""))
    out["num"] = num

    pre, pre_concepts = [], []
    report = 0
    for n in x.networks:
        if n.group not in ("Statement", "Document"):
            continue  # the data sets present the statements (and the cover), not the notes
        report += 1
        stmt = stmt_of(n.title, n.group)
        inpth = "1" if "parenthetical" in n.title.lower() else "0"
        for line, ln in enumerate(n.lines[1:], 1):  # (the first line is the network's root heading)
            c = x.concept(ln.concept)
            labels = dict(c.labels) if c else {}
            plabel = labels.get(ln.label_role) or labels.get("label") or ln.concept.split(":", 1)[1]
            pre_concepts.append(ln.concept)
            pre.append((adsh, str(report), str(line), stmt, inpth, "H", ln.concept.split(":", 1)[1],
                        version(x, ln.concept, adsh), _clean(plabel), "1" if "negated" in ln.label_role.lower()
                        else "0"))
    out["pre"] = pre

    tags = {(r[1], r[2]): q for r, q in zip(num, num_concepts)}
    tags.update({(r[6], r[7]): q for r, q in zip(pre, pre_concepts)})
    tag = []
    for (name, ver), qname in sorted(tags.items()):
        c = x.concept(qname)
        xsd = (c.xsd_type if c else "").split(":")[-1]
        datatype = xsd[: -len("ItemType")] if xsd.endswith("ItemType") else xsd
        tag.append((name, ver, "1" if ver == adsh else "0", "1" if c and c.abstract else "0", datatype,
                    {"instant": "I", "duration": "D"}.get(c.period if c else "", ""),
                    {"credit": "C", "debit": "D"}.get(c.balance if c else "", ""),
                    _clean(c.label if c else name), ""))
    out["tag"] = tag
    return out


def table_text(table: str, table_rows) -> str:
    lines = ["\t".join(COLUMNS[table])] + ["\t".join(r) for r in table_rows]
    return "\n".join(lines) + "\n"


def readme(adsh_made_up: bool) -> str:
    return README_TEXT + (MADE_UP_NOTE if adsh_made_up else "")


README_TEXT = """\
# Financial Statement Data Sets layout, written by edgar2xbrl

sub.txt, num.txt, tag.txt and pre.txt are tab-separated UTF-8 with a header line, with the SEC's column names
and order (the 2024 layout: NUM has `segments`). What differs from the SEC's data sets:

- adsh: the EDGAR accession number from the filing's header, else from its file name; a file with neither
  gets "E2X-" and the first 16 hex digits of the SHA-256 of its bytes (stable: the same file always gets the
  same key; never a real accession number).
- sub: the business address, phone, state of incorporation and EIN come from the EDGAR header (countryba and
  countryinc only for a US state: the header's other codes are not ISO countries); the mailing address, former
  name and date of change, filer status (afs) and aciks are empty and wksi is 0: the converter does not read
  them. `accepted` is the filing date at midnight; `detail` is 0 (notes are tagged as text blocks); `instance`
  names the converted instance.
- num: every numeric fact of the converted instance, notes' details included; `value` is rounded to 4 decimal
  places, `ddate` to the nearest month end; `coreg` and `footnote` are empty.
- pre: the statements and the cover page (stmt BS, IS, CF, EQ, CI, CP, UN) in the converted presentation order;
  `report` counts those networks from 1, `rfile` is H; stmt is read off the statement's title.
- tag: every tag num or pre names, once per (tag, version); `doc` (the documentation label) is empty and
  `tlabel` for US-GAAP and dei tags is edgar2xbrl's catalog label.
"""

MADE_UP_NOTE = """
This filing had no EDGAR header: its adsh is made up as described above.
"""


def write_fsds(x: XbrlReport, source) -> dict[str, str]:
    adsh = adsh_of(x, source)
    t = rows(x, adsh)
    files = {FILES[name]: table_text(name, t[name]) for name in TABLES}
    files[README] = readme(bool(MADE_UP_ADSH.fullmatch(adsh)))
    return files


# ---------------------------------------------------------------------------------------------------------------
# one data set for a batch

DATASET_README = README_TEXT + """
## This data set

One batch's filings, appended one by one as each conversion finishes (so in the order they finished, not the
input's). Each filing's own sub/num/tag/pre files are in its output folder; here they are merged: a tag of
US-GAAP or dei is listed once, and a filing converted again (--force, --retry-failed) replaces its rows. An
interrupted batch leaves no half-appended filing: the next run cuts each file back to the length `.state.json`
recorded after the last whole filing. num.parquet, when pyarrow is installed, is num.txt with the readme's
types (written at the end of each batch run).
"""


class DataSet:
    """The four tables of many filings in one folder, appended filing by filing.

    A filing is appended whole or not at all, as far as a reader after a crash can tell: its num, pre and tag rows
    go first and its sub row last, and `.state.json` then records the length of every file. The next DataSet on
    the folder cuts the files back to those lengths, dropping what a killed run had half written."""

    STATE = ".state.json"

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.adsh: set[str] = set()
        self.tags: set[tuple[str, str]] = set()
        self._recover()
        (folder / "README.md").write_text(DATASET_README, encoding="utf-8")

    def path(self, table: str) -> Path:
        return self.folder / FILES[table]

    def _state(self) -> dict | None:
        try:
            sizes = json.loads((self.folder / self.STATE).read_text(encoding="utf-8"))["sizes"]
            return {t: int(sizes[t]) for t in TABLES}
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _save_state(self) -> None:
        tmp = self.folder / f"{self.STATE}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"sizes": {t: self.path(t).stat().st_size for t in TABLES}}), encoding="utf-8")
        os.replace(tmp, self.folder / self.STATE)

    def _recover(self) -> None:
        state = self._state()
        present = [t for t in TABLES if self.path(t).exists()]
        if not present:
            for t in TABLES:
                self.path(t).write_text(table_text(t, []), encoding="utf-8")
            self._save_state()
            return
        if state is not None and len(present) == len(TABLES) and all(
                self.path(t).stat().st_size >= state[t] for t in TABLES):
            for t in TABLES:
                if self.path(t).stat().st_size > state[t]:
                    os.truncate(self.path(t), state[t])
        else:  # the state file is lost or does not fit the files: keep the filings whose sub row was written
            self._rewrite(drop=set(), keep=set(self._read_column("sub", 0)))
        self.adsh = set(self._read_column("sub", 0))
        self.tags = {(r[0], r[1]) for r in self._read_rows("tag")}

    def _read_rows(self, table: str):
        try:
            with open(self.path(table), encoding="utf-8", newline="\n") as fh:
                header = fh.readline()
                if header.rstrip("\n").split("\t") != list(COLUMNS[table]):
                    return
                for line in fh:
                    if line.endswith("\n"):  # (a last line without its newline was cut short)
                        yield line[:-1].split("\t")
        except FileNotFoundError:
            return

    def _read_column(self, table: str, i: int) -> list[str]:
        return [r[i] for r in self._read_rows(table) if len(r) > i]

    def _rewrite(self, drop: set[str], keep: set[str] | None) -> None:
        """Every table without the rows of the filings in `drop` (and, with `keep`, of those not in it)."""
        def wanted(adsh: str) -> bool:
            return adsh not in drop and (keep is None or adsh in keep)
        for t in TABLES:
            tmp = self.path(t).with_name(f".{FILES[t]}.{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8", newline="\n") as out:
                out.write("\t".join(COLUMNS[t]) + "\n")
                for r in self._read_rows(t):
                    if len(r) != len(COLUMNS[t]):
                        continue
                    # a filer's own tags carry its adsh as their version; US-GAAP and dei tags are shared
                    if (t == "tag" and (r[2] != "1" or wanted(r[1]))) or (t != "tag" and wanted(r[0])):
                        out.write("\t".join(r) + "\n")
            os.replace(tmp, self.path(t))
        self._save_state()

    @staticmethod
    def adsh_in(filing_dir: Path) -> str:
        """The adsh of the conversion in `filing_dir` ("" when it wrote no data-set files)."""
        try:
            with open(filing_dir / FILES["sub"], encoding="utf-8") as fh:
                fh.readline()
                return fh.readline().split("\t", 1)[0].strip()
        except (OSError, UnicodeDecodeError):
            return ""

    def drop(self, adshs: set[str]) -> None:
        """Remove these filings (one rewrite for all: a batch converting everything again drops them at once,
        rather than once per filing as `add` would replace them)."""
        adshs = adshs & self.adsh
        if adshs:
            self._rewrite(drop=adshs, keep=None)
            self.adsh -= adshs
            self.tags = {k for k in self.tags if k[1] not in adshs}

    def add(self, filing_dir: Path, replace: bool = True) -> str | None:
        """Append the filing whose fsds files are in `filing_dir`; its adsh, or None when the folder has none.
        A filing already in the data set is replaced (or, with replace=False, left as it is)."""
        tables = {}
        for t in TABLES:
            try:
                lines = (filing_dir / FILES[t]).read_text(encoding="utf-8").split("\n")
            except (OSError, UnicodeDecodeError):
                return None
            if lines[0].split("\t") != list(COLUMNS[t]):
                return None
            tables[t] = [ln.split("\t") for ln in lines[1:] if ln]
        if len(tables["sub"]) != 1:
            return None
        adsh = tables["sub"][0][0]
        if adsh in self.adsh:
            if not replace:
                return adsh
            self._rewrite(drop={adsh}, keep=None)
            self.adsh.discard(adsh)
            self.tags = {k for k in self.tags if k[1] != adsh}
        new_tags = []
        for r in tables["tag"]:
            if (r[0], r[1]) not in self.tags:
                self.tags.add((r[0], r[1]))
                new_tags.append(r)
        for t, rows_ in (("num", tables["num"]), ("pre", tables["pre"]), ("tag", new_tags), ("sub", tables["sub"])):
            if rows_:
                with open(self.path(t), "a", encoding="utf-8", newline="\n") as fh:
                    fh.write("".join("\t".join(r) + "\n" for r in rows_))
        self.adsh.add(adsh)
        self._save_state()
        return adsh

    def write_parquet(self) -> Path | None:
        """num.parquet beside num.txt, with the readme's types; None when pyarrow is not installed."""
        try:
            import pyarrow as pa
            import pyarrow.csv as pacsv
            import pyarrow.parquet as pq
        except ImportError:
            return None
        kinds = {"string": pa.string(), "Int64": pa.int64(), "float64": pa.float64()}
        table = pacsv.read_csv(
            self.path("num"), parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
            convert_options=pacsv.ConvertOptions(column_types={c: kinds[d] for c, d in DTYPES["num"].items()},
                                                 strings_can_be_null=False))
        target = self.folder / "num.parquet"
        tmp = self.folder / f".num.parquet.{os.getpid()}.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, target)
        return target
