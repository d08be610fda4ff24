"""Plain data passed between the pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, order=True)
class Period:
    """An instant (start is None) or a duration [start, end], both inclusive days."""

    end: date
    start: date | None = None

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def __str__(self) -> str:
        return self.end.isoformat() if self.start is None else f"{self.start.isoformat()}..{self.end.isoformat()}"


@dataclass
class Cell:
    text: str
    value: Decimal | None  # None for a blank cell
    dash: bool = False  # printed "--": a reported zero (see README, "Dashes")
    places: int = 0  # digits printed after the decimal point
    percent: bool = False  # printed with a % sign (a rate, not an amount)
    # where the cell was cut from its (rendered) line: text == line[start:end]. Not part of the value: two
    # readings of "1,234" are the same cell wherever they were printed
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)
    # the line it was printed on where that is not its row's: a table printed in two halves, one under the other,
    # is read as one, and the second half's amounts keep their own line (0: the row's line)
    line: int = field(default=0, compare=False)


@dataclass
class Row:
    label: str
    cells: list[Cell | None]
    line: int  # 1-based line of the filing where the row's values are printed
    first_line: int = 0  # where the (possibly wrapped) label starts
    rule_above: bool = False  # an underline (---- or ====) separates it from the row above
    indent: int = 0
    # amounts printed in the row that fell into a column another of its amounts already holds (columns that do not
    # line up): not told apart, so never tagged, but listed in the report
    overflow: list[Cell] = field(default_factory=list)

    @property
    def has_values(self) -> bool:
        return any(c is not None for c in self.cells)


@dataclass
class Column:
    index: int
    header: str  # all header text over the column, top to bottom
    right: int  # right edge (character position) in the text layout
    left: int = 0
    period: Period | None = None
    member_text: str | None = None  # for matrix tables (equity): the column's component words
    # a note column headed by a year alone in an annual report: its instant is the year's end, and a flow in it
    # is the fiscal year that ends there (this period); None elsewhere
    year_period: Period | None = None


@dataclass
class Table:
    rows: list[Row]
    columns: list[Column]
    start_line: int
    end_line: int
    title: str = ""  # heading lines above the table (statement name, scale, period phrase)
    scale_text: str = ""
    markup: bool = False  # found inside <TABLE> markup (else from layout alone)


@dataclass
class Section:
    """A part of the document: cover, a statement page, notes, an item."""

    kind: str
    title: str
    start_line: int
    end_line: int


@dataclass
class Filing:
    path: str
    text: str
    lines: list[str]
    header: dict[str, str] = field(default_factory=dict)  # EDGAR SGML header fields
    form_type: str = ""
    line_offset: int = 0  # line number in the file where `lines` starts (1-based minus one)
    line_map: list[int] | None = None  # for HTML: the source line of each rendered line
    remarks: list[str] = field(default_factory=list)  # what reading the file changed (for the report)
    cut_table_line: int | None = None  # HTML cut short inside a table: the line of its <TABLE>
    # for HTML: rendered line (0-based) → (start, end, element) of each cell drawn on it (see html.render)
    cell_elements: dict[int, list[tuple[int, int, str]]] | None = None


@dataclass
class Statement:
    kind: str  # balance_sheet | income | equity | cash_flow | note
    title: str
    tables: list[Table]
    scale: int  # power of ten for monetary amounts (3 = thousands)
    share_scale: int = 0
    note_number: str | None = None
    # items a scale phrase excepts with their own scale ("except net income in millions"): (words, power of ten)
    scale_exceptions: tuple[tuple[str, int], ...] = ()

    @property
    def rows(self) -> list[Row]:
        return [r for t in self.tables for r in t.rows]

    @property
    def columns(self) -> list[Column]:
        return self.tables[0].columns if self.tables else []


@dataclass(frozen=True)
class Context:
    period: Period
    dims: tuple[tuple[str, str], ...] = ()  # ((axis qname, member qname), ...)

    @property
    def id(self) -> str:
        p = self.period
        base = f"I{p.end:%Y%m%d}" if p.is_instant else f"D{p.start:%Y%m%d}_{p.end:%Y%m%d}"
        for axis, member in self.dims:
            # a filer's member may sit on a us-gaap axis and an srt one (Japan, a segment and an area): the srt
            # axis's name keeps the two contexts' ids apart
            if axis.startswith("srt:"):
                base += "_" + axis.split(":")[1].removeprefix("Statement").removesuffix("Axis")
            base += "_" + member.split(":")[1]
        return base


@dataclass(frozen=True)
class Fact:
    """A fact as tagged; a later step that changes it (a rule's correction, an HTML filing's own line) makes a new
    one."""

    concept: str  # qname, e.g. us-gaap:Assets
    context: Context
    value: str  # lexical value as written
    unit: str | None = None  # USD | shares | USDPerShare | None for non-numeric
    decimals: str | None = None
    source: str = ""  # file:line
    statement: str = ""
    row_label: str = ""
    printed: str = ""
    sign: str = ""  # the sign decision, in words
    confidence: float = 1.0
    extension: bool = False
    start: int = -1  # the printed text's offsets in its (rendered) line, -1 unknown
    end: int = -1
    element: str = ""  # HTML: the element it was printed in, an XPath into its document (see html.render)


@dataclass
class Concept:
    prefix: str
    name: str
    type: str
    substitution: str
    period: str
    balance: str
    abstract: bool
    label: str
    statements: tuple[str, ...]
    aliases: tuple[str, ...]
    axis: str = ""
    parents: tuple[str, ...] = ()  # catalog concepts that sum this one in the official calculations
    extension: bool = False
    kept: bool = True  # a hand-kept row with its wordings; False: known only from the official files (name words)
    era_counterpart: str = ""  # a later standard's concept: the era's concept for its meaning (catalog.load_catalog)
    since: int = 9999  # year of the oldest official era schema (2008, 2009, 2011) that declares it; 9999: none
    era_weight: float = 1.0  # < 1 for a concept newer than the filing (catalog.load_catalog): it yields in ties
    # "prefix:name", kept rather than rebuilt: it is asked for hundreds of thousands of times a conversion
    qname: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        self.qname = f"{self.prefix}:{self.name}"
