"""The cover page: registrant, identifiers, address, period, fiscal year, shares outstanding (dei)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from edgar2xbrl.tables.periods import add_months, parse_date

STATES = {"alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
          "connecticut": "CT", "delaware": "DE", "district of columbia": "DC", "florida": "FL", "georgia": "GA",
          "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
          "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
          "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
          "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
          "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
          "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
          "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
          "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY"}


@dataclass
class Cover:
    form: str = ""
    registrant: str = ""
    cik: str = ""
    cik_source: str = ""
    file_number: str = ""
    irs_number: str = ""
    state_of_incorporation: str = ""
    address: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    area_code: str = ""
    phone: str = ""
    period_end: date | None = None
    fiscal_year_end: str = ""  # --MM-DD
    fiscal_year_end_source: str = ""
    shares_outstanding: int | None = None
    shares_date: date | None = None
    security_12g: str = ""
    current_reporting: str = ""
    amendment: bool = False
    lines: dict[str, int] = field(default_factory=dict)  # field → 1-based source line
    problems: list[str] = field(default_factory=list)  # header fields that were wrong and were ignored


# the dates a filing on EDGAR can carry (a header date outside them is damage, not a date)
ERA = (date(1980, 1, 1), date(2099, 12, 31))


def header_date(text: str) -> date | None:
    """A CCYYMMDD header date that exists and lies in the EDGAR era, else None."""
    if not re.fullmatch(r"[0-9]{8}", text):
        return None
    try:
        d = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return d if ERA[0] <= d <= ERA[1] else None


def month_day_ok(mmdd: str) -> bool:
    """An MMDD fiscal year end that exists in some year (0229 does)."""
    if not re.fullmatch(r"[0-9]{4}", mmdd):
        return False
    try:
        date(2000, int(mmdd[:2]), int(mmdd[2:]))
    except ValueError:
        return False
    return True


def _shown(value: str) -> str:
    return repr(value[:40] + ("..." if len(value) > 40 else ""))


def _above(lines: list[str], pattern: str, start: int, stop: int) -> tuple[str, int] | None:
    for i in range(start, stop):
        if re.search(pattern, lines[i], re.I):
            k = i - 1
            while k >= start and (not lines[k].strip() or set(lines[k].strip()) <= set("-_= ")):
                k -= 1
            if k >= start:
                return lines[k], k
    return None


def read_cover(lines: list[str], header: dict[str, str], start: int, stop: int) -> Cover:
    cv = Cover()
    stop = min(stop, start + 160)
    flat = " ".join(" ".join(lines[start:stop]).split())
    m = re.search(r"FORM\s+(10-?K(?:SB|405|T)?|10-?Q(?:SB|T)?)(/A)?\b", flat, re.I)
    cv.form = (header.get("form") or (m.group(1).upper() if m else "")).replace("10K", "10-K").replace("10Q", "10-Q")
    cv.amendment = cv.form.endswith("/A") or bool(m and m.group(2)) or bool(re.search(r"\bAMENDMENT\s+NO\.", flat))
    cv.form = cv.form.replace("/A", "")
    got = _above(lines, r"\(\s*exact\s+name\s+of\s+registrant", start, stop)
    if got:
        cv.registrant, k = " ".join(got[0].split()), got[1]
        cv.lines["registrant"] = k + 1
    if header.get("company") and not cv.registrant:
        cv.registrant = header["company"]
    m = re.search(r"commission\s+file\s+(?:number|no\.?)\s*:?\s*([0-9][0-9-]+)", flat, re.I)
    if m:
        cv.file_number = m.group(1)
    elif header.get("file_number"):
        cv.file_number = header["file_number"]
    got = _above(lines, r"\(\s*state\s+or\s+other\s+jurisdiction", start, stop)
    if got:
        parts = [p for p in re.split(r"\s{2,}", got[0].strip()) if p]
        if parts:
            cv.state_of_incorporation = STATES.get(parts[0].lower().strip(" ."), "")
            irs = re.search(r"\b(\d{2}-\d{7})\b", got[0])
            if irs:
                cv.irs_number = irs.group(1)
        cv.lines["state_of_incorporation"] = got[1] + 1
    if not cv.state_of_incorporation and header.get("state_of_incorporation"):
        cv.state_of_incorporation = header["state_of_incorporation"]
    if not cv.irs_number and header.get("irs_number") and len(header["irs_number"]) == 9:
        cv.irs_number = header["irs_number"][:2] + "-" + header["irs_number"][2:]
    for i in range(start, stop):
        if re.search(r"\(\s*address\s+of\s+principal\s+executive", lines[i], re.I):
            block = []
            k = i - 1
            while k > start and lines[k].strip() and not re.search(r"identification|jurisdiction|\(", lines[k], re.I):
                if not set(lines[k].strip()) <= set("-_= "):
                    block.insert(0, lines[k])
                k -= 1
            left = [re.split(r"\s{3,}", b.strip())[0] for b in block]
            zips = [re.search(r"\b(\d{5}(?:-\d{4})?)\s*$", b) for b in block]
            zipm = next((z for z in zips if z), None)
            if zipm:
                cv.zip = zipm.group(1)
            if left:
                cv.address = left[0]
                cityline = left[-1] if len(left) > 1 else ""
                cm = re.match(r"^(.*?),\s*([A-Za-z .]+?)(?:\s+\d{5}.*)?$", cityline)
                if cm:
                    cv.city = cm.group(1).strip()
                    st = cm.group(2).strip().lower()
                    cv.state = STATES.get(st, st.upper() if len(st) == 2 else "")
            cv.lines["address"] = i
            break
    if not cv.address and header.get("street1"):
        cv.address, cv.city, cv.state, cv.zip = header["street1"], header.get("city", "").title(), \
            header.get("state", ""), header.get("zip", "")
    m = re.search(r"telephone\s+number[^(0-9]*\(?(\d{3})\)?\s*(\d{3}[-\s]\d{4})", flat, re.I)
    if m:
        cv.area_code, cv.phone = m.group(1), m.group(2).replace(" ", "-")
    m = re.search(r"for\s+the\s+(?:quarterly\s+period|fiscal\s+year|period|year|quarter)\s+ended:?\s*" +
                  r"([A-Za-z]+\.?\s+\d{1,2}\s*(?:,\s*)?(?:19|20)\d\d)", flat, re.I)
    if m:
        cv.period_end = parse_date(m.group(1))
    if header.get("period"):
        d = header_date(header["period"])
        if d:
            cv.period_end = d
        else:
            cv.problems.append(f"the EDGAR header's CONFORMED PERIOD OF REPORT {_shown(header['period'])} is not a "
                               f"date between {ERA[0].year} and {ERA[1].year}: ignored")
    m = re.search(r"section\s+12\(g\)\s+of\s+the\s+act:?\s*(.+?)\s*(?:-{3,}|\(title of class\)|title of class)", flat,
                  re.I)
    if m and not re.match(r"none\b", m.group(1), re.I):
        cv.security_12g = m.group(1).strip(" -")
    m = re.search(r"shares\s+outstanding\s+of\s+(?:the\s+)?registrant'?s\s+common\s+stock,?\s+as\s+of\s+"
                  r"([A-Za-z]+\.?\s+\d{1,2}\s*(?:,\s*)?(?:19|20)\d\d)\s*(?:[:,]\s*)?(?:was\s+)?([\d,]{3,})", flat, re.I) or \
        re.search(r"([\d,]{5,})\s+shares\s+of\s+(?:the\s+registrant'?s\s+)?common\s+stock[^.]{0,80}?(?:as\s+of|at|on)\s+"
                  r"([A-Za-z]+\.?\s+\d{1,2}\s*(?:,\s*)?(?:19|20)\d\d)", flat, re.I) or \
        re.search(r"outstanding\s+(?:as\s+of|at)\s+([A-Za-z]+\.?\s+\d{1,2}\s*(?:,\s*)?(?:19|20)\d\d)\s*(?:[:,]\s*)?([\d,]{5,})",
                  flat, re.I) or \
        re.search(r"(?:as\s+of|at|on)\s+([A-Za-z]+\.?\s+\d{1,2}\s*(?:,\s*)?(?:19|20)\d\d)\s*(?:,\s*)?(?:there\s+were\s+)?"
                  r"([\d,]{5,})\s+shares\s+of\s+(?:the\s+)?(?:registrant'?s\s+)?(?:class\s+a\s+)?common\s+stock", flat, re.I)
    if m:
        g1, g2 = m.group(1), m.group(2)
        if re.match(r"[\d,]+$", g1):
            g1, g2 = g2, g1
        cv.shares_date = parse_date(g1)
        cv.shares_outstanding = int(g2.replace(",", "").rstrip("."))
    m = re.search(r"yes\s*_*\s*x\s*_*\s*no|\[\s*x\s*\]\s*yes", flat, re.I)
    if m:
        cv.current_reporting = "Yes"
    elif re.search(r"yes\s*_+\s*no\s*_*x", flat, re.I):
        cv.current_reporting = "No"
    if header.get("cik"):
        if re.fullmatch(r"[0-9]{1,10}", header["cik"]):
            cv.cik, cv.cik_source = header["cik"].zfill(10), "EDGAR header"
        else:
            cv.problems.append(f"the EDGAR header's CENTRAL INDEX KEY {_shown(header['cik'])} is not a CIK (up to 10 "
                               "digits): ignored")
    if header.get("fiscal_year_end"):
        fye = header["fiscal_year_end"]
        if month_day_ok(fye):
            cv.fiscal_year_end, cv.fiscal_year_end_source = f"--{fye[:2]}-{fye[2:]}", "EDGAR header"
        else:
            cv.problems.append(f"the EDGAR header's FISCAL YEAR END {_shown(fye)} is not a month and day (MMDD): "
                               "ignored")
    return cv


def fiscal_year_end_from_text(lines: list[str], period_end: date | None) -> str:
    """"year ending June 30, 2005" in the text, after the period end, names the fiscal year end."""
    if period_end is None:
        return ""
    # the pattern reads any run of white space as one (it has no literal space), so it finds in the text what it
    # finds in the text with its white space squeezed (" ".join(text.split()), a list of every word: many times
    # the text), the date squeezed as it is read
    text = " ".join(lines)
    for m in re.finditer(r"(?:fiscal\s+)?year\s+end(?:ed|ing)\s+([A-Za-z]+\.?\s+\d{1,2}\s*,\s*(?:19|20)\d\d)", text, re.I):
        d = parse_date(" ".join(m.group(1).split()))
        if d and period_end < d <= add_months(period_end, 12):
            return f"--{d.month:02d}-{d.day:02d}"
    return ""


def fiscal_focus(period_end: date, fye: str, form: str) -> tuple[str, str]:
    """(DocumentFiscalYearFocus, DocumentFiscalPeriodFocus) from the period end and the fiscal year end."""
    if not fye:
        return str(period_end.year), "FY" if form.startswith("10-K") else ""
    month, day = int(fye[2:4]), int(fye[5:7])
    year = period_end.year
    def year_end(y: int) -> date:  # February 29 ends the year on the 28th in a common year
        return date(y, month, min(day, calendar.monthrange(y, month)[1]))
    fy_end = year_end(year)
    # a 52-53 week year may end a few days either side of the month end
    if (period_end - fy_end).days > 7:
        fy_end = year_end(year + 1)
    if form.startswith("10-K"):
        return str(fy_end.year), "FY"
    months = (period_end.year - fy_end.year) * 12 + period_end.month - fy_end.month + 12
    months = months % 12 or 12
    q = {3: "Q1", 6: "Q2", 9: "Q3", 12: "FY"}.get(round(months / 3) * 3, "")
    return str(fy_end.year), q
