"""The cover page as dei facts: registrant, CIK, document type and period, fiscal focus."""
from __future__ import annotations

import re
from datetime import date, timedelta

from edgar2xbrl.tag.builder import Builder, Network, PresItem
from edgar2xbrl.read.cover import fiscal_year_end_from_text
from edgar2xbrl.errors import BadOption
from edgar2xbrl.model import Context, Fact, Period
from edgar2xbrl.tables.periods import add_months
from edgar2xbrl.xbrl_report import Entity, ReportRow, RowStatus


PLACEHOLDER_CIK = "0000000000"


def set_cik(cover, cik: str | None, path: str, warnings: list[str]) -> bool:
    """The CIK from --cik, else the EDGAR header, else the placeholder (said loudly). True for the placeholder."""
    if cik:
        if not re.fullmatch(r"\d{1,10}", cik):
            raise BadOption(f"--cik {cik!r} is not a CIK (up to 10 digits)", path)
        cover.cik, cover.cik_source = cik.zfill(10), "--cik"
    if cover.cik:
        return False
    cover.cik, cover.cik_source = PLACEHOLDER_CIK, "placeholder"
    warnings.append(f"WARNING: no CIK in the filing (no EDGAR header) and no --cik given: the instance uses the "
                    f"placeholder CIK {PLACEHOLDER_CIK}. Pass --cik to write the real one.")
    return True


def fiscal_year_end(cover, lines: list[str], layout, period_end, form: str) -> str:
    """--MM-DD from the EDGAR header, a "year ending" date in the text, a 10-K's period end, or a 10-Q balance
    sheet's comparative year-end column; cover.fiscal_year_end_source says which."""
    fye = cover.fiscal_year_end
    if not fye:
        fye = fiscal_year_end_from_text(lines, period_end)
        cover.fiscal_year_end_source = "the notes' 'year ending' date" if fye else ""
    if not fye:
        bs = next((s for s in layout.statements if s.kind == "balance_sheet"), None)
        dates = sorted({c.period.end for c in bs.columns if c.period}) if bs else []
        if form.startswith("10-K"):
            fye, cover.fiscal_year_end_source = f"--{period_end.month:02d}-{period_end.day:02d}", "the period end of a 10-K"
        elif len(dates) > 1 and dates[0] < period_end:
            fye, cover.fiscal_year_end_source = f"--{dates[0].month:02d}-{dates[0].day:02d}", \
                "the balance sheet's comparative year-end column"
    return fye


def latest_date(layout):
    ends = [c.period.end for s in layout.statements for c in s.columns if c.period]
    return max(ends) if ends else None


def document_period(layout, period_end, form) -> Period:
    spans = [c.period for s in layout.statements if s.kind in ("income", "cash_flow") for c in s.columns
             if c.period and c.period.start and c.period.end == period_end]
    if spans:
        return min(spans, key=lambda p: p.end - p.start)
    months = 12 if form.startswith("10-K") else 3
    return Period(end=period_end, start=add_months(period_end + timedelta(days=1), -months))


def dei_document_type(form: str) -> str:
    """The dei list of document types has no 10-K405, 10-KSB or 10-QSB: they are written as 10-K and 10-Q."""
    f = form.upper().replace("/A", "")
    m = re.match(r"^(10-K|10-Q)(405|SB|SB40)?$", f)
    return m.group(1) if m else (f or "Other")


def cover_facts(b: Builder, cv, form, period_end, fye, fy_focus, fp_focus, doc_period, placeholder) -> None:
    net = Network(role_id="Cover", title="Cover", order=1, group="Document")
    ctx = Context(doc_period)
    values = [
        ("DocumentType", dei_document_type(form)), ("AmendmentFlag", "true" if cv.amendment else "false"),
        ("DocumentQuarterlyReport", "true" if form.startswith("10-Q") else None),
        ("DocumentAnnualReport", "true" if form.startswith("10-K") else None),
        ("DocumentTransitionReport", "false"),
        ("DocumentPeriodEndDate", period_end.isoformat()),
        ("DocumentFiscalYearFocus", fy_focus), ("DocumentFiscalPeriodFocus", fp_focus or None),
        ("CurrentFiscalYearEndDate", fye or None),
        ("EntityRegistrantName", cv.registrant or None), ("EntityCentralIndexKey", cv.cik),
        ("EntityFileNumber", cv.file_number or None), ("EntityTaxIdentificationNumber", cv.irs_number or None),
        ("EntityIncorporationStateCountryCode", cv.state_of_incorporation or None),
        ("EntityAddressAddressLine1", cv.address or None), ("EntityAddressCityOrTown", cv.city or None),
        ("EntityAddressStateOrProvince", cv.state or None), ("EntityAddressPostalZipCode", cv.zip or None),
        ("CityAreaCode", cv.area_code or None), ("LocalPhoneNumber", cv.phone or None),
        ("Security12gTitle", cv.security_12g or None), ("EntityCurrentReportingStatus", cv.current_reporting or None),
    ]
    for name, value in values:
        if value is None:
            continue
        q = f"dei:{name}"
        b.add_fact(Fact(concept=q, context=ctx, value=str(value), source=f"{b.path}:cover", statement="Cover",
                        row_label=name, confidence=0.0 if name == "EntityCentralIndexKey" and placeholder else 1.0))
        b.add_row(ReportRow(source=f"{b.path}:cover", statement="Cover", row=name, column=None, printed=value,
                            concept=q, value=value, period=str(doc_period), dimensions=(), unit=None, decimals=None,
                            sign="", confidence=0.0 if name == "EntityCentralIndexKey" and placeholder else 1.0,
                            status=RowStatus.ADDED, extension_reason="", alternatives=(),
                            note="PLACEHOLDER CIK" if name == "EntityCentralIndexKey" and placeholder else "",
                            cover=True))
        net.items.append(PresItem(q, 1, name, "label"))
    if cv.shares_outstanding is not None and cv.shares_date is not None:
        q = "dei:EntityCommonStockSharesOutstanding"
        b.add_fact(Fact(concept=q, context=Context(Period(end=cv.shares_date)), value=str(cv.shares_outstanding),
                        unit="shares", decimals="0", source=f"{b.path}:cover", statement="Cover",
                        row_label="Common shares outstanding", printed=f"{cv.shares_outstanding:,}"))
        # (no `cover` row: report.json has always written this one's keys in the statements' rows' order)
        b.add_row(ReportRow(source=f"{b.path}:cover", statement="Cover", row="Common shares outstanding",
                            column=None, printed=f"{cv.shares_outstanding:,}", concept=q,
                            value=str(cv.shares_outstanding), period=cv.shares_date.isoformat(), dimensions=(),
                            unit="shares", decimals="0", sign="as printed", confidence=1.0, status=RowStatus.ADDED,
                            extension_reason="", alternatives=()))
        net.items.append(PresItem(q, 1, "Entity Common Stock, Shares Outstanding", "label"))
    b.add_network(net)
