"""Filing bytes → text lines: decoding, the EDGAR SGML header, the documents to read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from edgar2xbrl.errors import UnreadableInput
from edgar2xbrl.read.html import looks_like_html
from edgar2xbrl.model import Filing
from edgar2xbrl.write.xmlsafe import FORBIDDEN, strip_forbidden

_HEADER_FIELDS = {
    "ACCESSION NUMBER": "accession",
    "CONFORMED SUBMISSION TYPE": "form",
    "CONFORMED PERIOD OF REPORT": "period",
    "FILED AS OF DATE": "filed",
    "COMPANY CONFORMED NAME": "company",
    "CENTRAL INDEX KEY": "cik",
    "STATE OF INCORPORATION": "state_of_incorporation",
    "FISCAL YEAR END": "fiscal_year_end",
    "IRS NUMBER": "irs_number",
    "SEC FILE NUMBER": "file_number",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic",
}
# documents whose text carries the statements; exhibits such as EX-27 (financial data schedule) are never read
_STATEMENT_DOCS = re.compile(r"^(10-?K|10-?Q|10-K405|10-KSB|10-QSB|10-KT|10-QT|EX-13)", re.I)


@dataclass
class Document:
    type: str
    start: int  # 0-based index of the first line of its <TEXT>
    end: int  # exclusive


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # control bytes that are not text
_HIGH_BYTES = bytes(range(128, 256))


def decode(data: bytes, path: str) -> str:
    """Text of a filing, or a ConversionError saying why it is not one."""
    if not data.strip():
        raise UnreadableInput("the file is empty", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableInput(f"cannot decode the UTF-16 text ({exc.reason} at byte {exc.start})", path) from None
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # (counted in C, not byte by byte)
    if b"\x00" in sample or controls > len(sample) * 0.01:
        raise UnreadableInput("this is a binary file, not a filing's text", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # EDGAR text of the era is ASCII with the odd Windows-1252 character (curly quotes, section signs)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high <= max(20, len(data) // 200):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    line = data[: utf8_error.start].count(b"\n") + 1
    raise UnreadableInput(
        f"cannot decode the text: not UTF-8 (byte 0x{data[utf8_error.start]:02x}) and not Windows-1252 text "
        f"({high} non-ASCII bytes)", path, line)


def read_filing(path: str | Path, data: bytes | None = None, name: str | None = None) -> Filing:
    """The filing at `path` (or its bytes, `data`, already read), named `name` (default: `path` as given) in every
    message and report."""
    p = Path(name if name is not None else path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise UnreadableInput(f"cannot read the file: {exc.strerror}", str(p)) from None
    text = decode(data, str(p))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n<PAGE>\n")
    # characters XML 1.0 forbids (NUL, control characters, U+FFFE/U+FFFF, lone surrogates) are not text: dropped
    # here, once, and reported, so that no stage can carry them into the XML written
    dropped = _forbidden_lines(text)
    if dropped:  # (none found: the text is kept as it is, not scanned again)
        text = strip_forbidden(text)[0]
    lines = [ln.expandtabs(8).rstrip() for ln in text.split("\n")]
    header = parse_sgml_header(lines)
    line_map = None
    remarks: list[str] = []
    cut_tables: list[int] = []
    cells: dict[int, list[tuple[int, int, str]]] = {}
    if looks_like_html(text):
        lines, line_map = _render_html_documents(lines, remarks, cut_tables, cells)
        for k, ln in enumerate(lines):  # character references ("&#1;", "&#xFFFE;") in the HTML
            if FORBIDDEN.search(ln):
                dropped.append(line_map[k] if k < len(line_map) else k + 1)
                lines[k] = strip_forbidden(ln)[0]
    if header.get("form"):
        header["form"] = normalize_form(header["form"])
    filing = Filing(path=str(p), text=text, lines=lines, header=header, form_type=header.get("form", ""))
    filing.line_map = line_map
    filing.cell_elements = cells if line_map is not None else None
    filing.remarks += remarks
    filing.cut_table_line = cut_tables[0] if cut_tables else None
    if dropped:
        first = ", ".join(str(n) for n in sorted(set(dropped))[:5])
        filing.remarks.append(f"{len(dropped)} characters that XML 1.0 forbids (control characters, NUL, U+FFFE, "
                              f"U+FFFF) were dropped from the text (first on lines {first})")
    return filing


_FORBIDDEN_ASCII = bytes((*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20)))  # FORBIDDEN's ASCII characters


def _forbidden_lines(text: str) -> list[int]:
    """The 1-based line of every character XML 1.0 forbids in text."""
    if text.isascii():
        raw = text.encode("ascii")
        if len(raw.translate(None, _FORBIDDEN_ASCII)) == len(raw):
            return []  # (the usual case, told at C speed: the pattern's pass over the whole text costs more)
    out = []
    line, pos = 1, 0
    for m in FORBIDDEN.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        out.append(line)
    return out


_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_HTML_END = re.compile(r"</(body|html)\s*>", re.I)


def _cut_inside_table(body: str) -> int | None:
    """The 1-based line (within body) of the <TABLE> the HTML ends inside, when it was cut short there: its last
    <TABLE> is never closed and no </BODY> or </HTML> follows. (lxml closes such a table quietly.)"""
    opened = None
    for opened in _TABLE_OPEN.finditer(body):
        pass
    if opened is None:
        return None
    rest = body[opened.end():]
    if _TABLE_CLOSE.search(rest) or _HTML_END.search(rest):
        return None
    return body.count("\n", 0, opened.start()) + 1


def _render_html_documents(lines: list[str], remarks: list[str] | None = None,
                           cut_tables: list[int] | None = None,
                           cells: dict[int, list[tuple[int, int, str]]] | None = None
                           ) -> tuple[list[str], list[int]]:
    """HTML inside the submission's documents (or the whole file) rendered to text; the SGML around it kept."""
    from edgar2xbrl.read.html import looks_like_html as is_html, render
    docs = documents(lines)
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for d in docs:
        out.extend(lines[pos:d.start])
        where.extend(range(pos + 1, d.start + 1))
        body = "\n".join(lines[d.start:d.end])
        if is_html(body) and not (d.type and not _STATEMENT_DOCS.match(d.type)):
            cut = _cut_inside_table(body)
            if cut is not None and cut_tables is not None:
                cut_tables.append(d.start + cut)
            drawn: dict[int, list[tuple[int, int, str]]] | None = {} if cells is not None else None
            rendered, src = render(body, remarks, drawn)
            if cells is not None and drawn:
                cells.update((len(out) + k, v) for k, v in drawn.items())
            out.extend(rendered)
            where.extend(d.start + s for s in src)
        else:
            out.extend(lines[d.start:d.end])
            where.extend(range(d.start + 1, d.end + 1))
        pos = d.end
    out.extend(lines[pos:])
    where.extend(range(pos + 1, len(lines) + 1))
    return out, where


def normalize_form(form: str) -> str:
    """"10K405" → "10-K405", "10-q" → "10-Q"."""
    f = form.strip().upper()
    return re.sub(r"^(10|20|40)-?([A-Z])", r"\1-\2", f)


def parse_sgml_header(lines: list[str]) -> dict[str, str]:
    """Fields of the <SEC-HEADER> (or the <SEC-DOCUMENT> preamble), when the file has one."""
    out: dict[str, str] = {}
    section = ""
    for i, line in enumerate(lines[:400]):
        s = line.strip()
        if s.upper().startswith(("</SEC-HEADER>", "</IMS-HEADER>")) or s.upper().startswith("<DOCUMENT>"):
            break
        if s.endswith(":") and not s.startswith("<"):
            section = s[:-1].strip().upper()
            continue
        m = re.match(r"^([A-Z][A-Z0-9 ./&'-]+):\s*(.*)$", s)
        if not m:
            continue
        key, val = m.group(1).strip().upper(), m.group(2).strip()
        if key in _HEADER_FIELDS and val and _HEADER_FIELDS[key] not in out:
            out[_HEADER_FIELDS[key]] = val
        elif section == "BUSINESS ADDRESS" and val:
            field = {"STREET 1": "street1", "STREET 2": "street2", "CITY": "city", "STATE": "state",
                     "ZIP": "zip", "BUSINESS PHONE": "phone"}.get(key)
            if field and field not in out:
                out[field] = val
    return out


def documents(lines: list[str]) -> list[Document]:
    """The <DOCUMENT>s of a full submission; a file without them is one document."""
    docs: list[Document] = []
    i = 0
    n = len(lines)
    # (a line is none of the tags unless the few characters from its first "<" are one: most lines, every line of
    # an HTML document among them, are passed over without being copied whole)
    while i < n:
        line = lines[i]
        k = line.find("<")
        if k >= 0 and line[k:k + 10].upper() == "<DOCUMENT>" and line.strip().upper() == "<DOCUMENT>":
            dtype = ""
            j = i + 1
            text_start = None
            while j < n:
                line = lines[j]
                k = line.find("<")
                if k >= 0 and line[k:k + 11].upper().startswith(("</DOCUMENT>", "<TYPE>", "<TEXT>")):
                    u = line.strip().upper()
                    if u == "</DOCUMENT>":
                        break
                    if u.startswith("<TYPE>") and not dtype:
                        dtype = line.strip()[6:].strip()
                    if u.startswith("<TEXT>") and text_start is None:
                        text_start = j + 1
                j += 1
            docs.append(Document(type=dtype, start=text_start if text_start is not None else i + 1, end=j))
            i = j + 1
        else:
            i += 1
    if not docs:
        docs = [Document(type="", start=0, end=n)]
    return docs


def statement_documents(lines: list[str]) -> list[Document]:
    """Documents that may hold the financial statements: the form itself and an EX-13 annual report."""
    docs = documents(lines)
    chosen = [d for d in docs if not d.type or _STATEMENT_DOCS.match(d.type)]
    return chosen or docs[:1]
