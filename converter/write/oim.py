"""xBRL-JSON and xBRL-CSV (Open Information Model 1.0) from the typed report.

Written directly rather than through Arelle's saveLoadableOIM: that needs the instance loaded into Arelle first
(the taxonomy included), which costs more than the whole conversion. Both reference the extension schema beside
them, as the classic instance's schemaRef does, so they resolve (and validate) the same way.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from edgar2xbrl.model import Period
from edgar2xbrl.xbrl_report import UNIT_MEASURES, XbrlReport

JSON_DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
CSV_DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-csv"
CIK_SCHEME = "http://www.sec.gov/CIK"


def json_file(x: XbrlReport) -> str:
    return f"{x.base_name}.json"


def csv_metadata_file(x: XbrlReport) -> str:
    return f"{x.base_name}-csv.json"


def csv_table_file(x: XbrlReport) -> str:
    return f"{x.base_name}-facts.csv"


def _namespaces(x: XbrlReport) -> dict[str, str]:
    return {"xbrl": "https://xbrl.org/2021", "xbrli": "http://www.xbrl.org/2003/instance",
            "iso4217": "http://www.xbrl.org/2003/iso4217", "cik": CIK_SCHEME, **x.namespaces}


def _document_info(x: XbrlReport, document_type: str) -> dict:
    return {"documentType": document_type, "namespaces": _namespaces(x), "taxonomy": [x.schema_file]}


def oim_period(p: Period) -> str:
    """OIM periods are date-times; an XBRL 2.1 date means the end of that day, i.e. midnight of the next one."""
    end = f"{(p.end + timedelta(days=1)).isoformat()}T00:00:00"
    return end if p.start is None else f"{p.start.isoformat()}T00:00:00/{end}"


def oim_unit(unit_id: str) -> str:
    num, den = UNIT_MEASURES[unit_id]
    return "*".join(num) + ("/" + "*".join(den) if den else "")


def _decimals(d: str | None) -> int | None:
    return None if d in (None, "", "INF") else int(d)


def xbrl_json(x: XbrlReport) -> dict[str, str]:
    entity = f"cik:{x.entity.cik}"
    facts = {}
    for f in x.facts:
        dims = {"concept": f.concept, "entity": entity, "period": oim_period(f.context.period)}
        if f.unit:
            dims["unit"] = oim_unit(f.unit)
        dims.update(dict(f.context.dims))
        fact: dict = {"value": f.value}
        dec = _decimals(f.decimals) if f.unit else None
        if dec is not None:
            fact["decimals"] = dec
        fact["dimensions"] = dims
        facts[f.id] = fact
    doc = {"documentInfo": _document_info(x, JSON_DOCUMENT_TYPE), "facts": facts}
    return {json_file(x): json.dumps(doc, indent=1, ensure_ascii=False) + "\n"}


def _cell(value: str) -> str:
    """A value as an xBRL-CSV cell: an empty cell means no fact and a leading # a special value, so both are
    escaped."""
    if value == "":
        return "#empty"
    return "#" + value if value.startswith("#") else value


def xbrl_csv(x: XbrlReport) -> dict[str, str]:
    """One table, one row per fact: concept, period, unit, decimals and one column per axis the report uses (an
    empty cell: the fact has no member on that axis) parameterise the single fact column, `value`."""
    axes = sorted({a for c in x.contexts for a, _ in c.dims})
    axis_col = {a: f"dim{i}" for i, a in enumerate(axes, 1)}
    columns: dict[str, dict] = {"id": {}, "concept": {}, "period": {}, "unit": {}, "decimals": {}}
    columns.update({col: {} for col in axis_col.values()})
    dims = {"concept": "$concept", "period": "$period", "unit": "$unit"}
    dims.update({a: f"${col}" for a, col in axis_col.items()})
    columns["value"] = {"dimensions": dims, "decimals": "$decimals"}
    table = csv_table_file(x)
    meta = {"documentInfo": _document_info(x, CSV_DOCUMENT_TYPE),
            "tableTemplates": {"facts": {"rowIdColumn": "id", "dimensions": {"entity": f"cik:{x.entity.cik}"},
                                         "columns": columns}},
            "tables": {"facts": {"template": "facts", "url": table}}}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(columns))
    for f in x.facts:
        members = dict(f.context.dims)
        dec = _decimals(f.decimals) if f.unit else None
        w.writerow([f.id, f.concept, oim_period(f.context.period), oim_unit(f.unit) if f.unit else "",
                    "" if dec is None else str(dec), *(members.get(a, "") for a in axes), _cell(f.value)])
    return {csv_metadata_file(x): json.dumps(meta, indent=1, ensure_ascii=False) + "\n", table: buf.getvalue()}
