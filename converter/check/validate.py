"""Validation: Arelle (XBRL 2.1, dimensions, Calculations 1.1 round-to-nearest) behind one small function, plus
the EDGAR structural rules that Arelle's PyPI release does not check."""
from __future__ import annotations

import logging
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from edgar2xbrl.gcscope import only_new_objects_collected
from edgar2xbrl.check.packages import packages_for, slim_packages
from edgar2xbrl.write.xmlsafe import safe_parser

XBRLI = "{http://www.xbrl.org/2003/instance}"
REQUIRED_DEI = ["DocumentType", "DocumentPeriodEndDate", "EntityRegistrantName", "EntityCentralIndexKey",
                "AmendmentFlag", "CurrentFiscalYearEndDate", "DocumentFiscalYearFocus", "DocumentFiscalPeriodFocus"]


@dataclass
class Message:
    level: str
    code: str
    text: str


@dataclass
class ValidationResult:
    instance: str
    taxonomy: str
    messages: list[Message] = field(default_factory=list)
    facts: int = 0
    contexts: int = 0

    @property
    def errors(self) -> list[Message]:
        return [m for m in self.messages if m.level in ("ERROR", "CRITICAL", "FATAL")]

    @property
    def warnings(self) -> list[Message]:
        return [m for m in self.messages if m.level == "WARNING"]

    @property
    def calc_inconsistencies(self) -> list[Message]:
        return [m for m in self.messages if "calc" in m.code.lower() and m.level != "INFO"]

    def summary(self) -> str:
        return (f"{Path(self.instance).name}: {self.facts} facts, {self.contexts} contexts; "
                f"{len(self.errors)} errors, {len(self.warnings)} warnings, "
                f"{len(self.calc_inconsistencies)} calculation inconsistencies (taxonomy: {self.taxonomy})")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records: list[Message] = []

    def emit(self, record: logging.LogRecord) -> None:
        code = getattr(record, "messageCode", "") or ""
        try:
            text = record.getMessage()
        except Exception:  # Arelle formats some arguments lazily
            text = str(record.msg)
        self.records.append(Message(record.levelname, str(code), text))


def run_arelle(instance: Path, packages: list[Path]) -> list[Message]:
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    opts = RuntimeOptions(entrypointFile=str(instance), packages=[str(p) for p in packages], validate=True,
                          calcs="c11r", internetConnectivity="offline", disablePersistentConfig=True,
                          logFile="logToBuffer", keepOpen=False)
    handler = _Collect()
    # Arelle calls gc.collect() when it closes the model: a full collection, which walks only what the run made
    with only_new_objects_collected():
        with Session() as session:
            session.run(opts, logHandler=handler)
    ignore = {"", "info", "arelle:info"}
    return [m for m in handler.records if not (m.level in ("INFO", "DEBUG") and m.code in ignore)]


def edgar_checks(instance: Path, root=None) -> list[Message]:
    """CIK scheme, unused contexts, duplicate facts, required dei facts (`root`: the instance's root element, when
    the caller has read it already)."""
    out: list[Message] = []
    if root is None:
        root = etree.parse(str(instance), safe_parser()).getroot()
    ctx_ids = set()
    for ctx in root.findall(f"{XBRLI}context"):
        ctx_ids.add(ctx.get("id"))
        ident = ctx.find(f"{XBRLI}entity/{XBRLI}identifier")
        if ident is None or ident.get("scheme") != "http://www.sec.gov/CIK" or not re.fullmatch(r"\d{10}",
                                                                                               ident.text or ""):
            out.append(Message("ERROR", "EFM.6.05.01", f"context {ctx.get('id')}: identifier must be a 10-digit CIK "
                                                     "with scheme http://www.sec.gov/CIK"))
    used = Counter()
    keys = Counter()
    dei_present = set()
    for el in root:
        if not isinstance(el.tag, str) or el.get("contextRef") is None:
            continue
        used[el.get("contextRef")] += 1
        keys[(el.tag, el.get("contextRef"), el.get("unitRef"))] += 1
        if el.tag.startswith("{http://xbrl.sec.gov/dei/"):
            dei_present.add(etree.QName(el).localname)
    for cid in sorted(ctx_ids - set(used)):
        out.append(Message("ERROR", "EFM.6.05.08", f"context {cid} is not used by any fact"))
    for (tag, cid, unit), n in keys.items():
        if n > 1:
            out.append(Message("ERROR", "EFM.6.05.12", f"{etree.QName(tag).localname} is reported {n} times in "
                                                     f"context {cid}"))
    for name in REQUIRED_DEI:
        if name not in dei_present:
            out.append(Message("ERROR", "EFM.6.05.20", f"required dei fact {name} is missing"))
    return out


def validate(instance: str | Path, taxonomy_packages: list[Path] | None = None) -> ValidationResult:
    instance = Path(instance)
    packages, desc = packages_for(taxonomy_packages)
    res = ValidationResult(instance=str(instance), taxonomy=desc)
    # read it ourselves first, without DTDs, entities or network: a file that is not well-formed XML, or that
    # carries a DOCTYPE (no XBRL instance does; entity tricks need one), is an error and never reaches Arelle
    try:
        tree = etree.parse(str(instance), safe_parser())
    except (etree.XMLSyntaxError, OSError) as exc:
        res.messages = [Message("FATAL", "xmlSyntax", f"{instance.name}: not well-formed XML: {exc}")]
        return res
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        res.messages = [Message("FATAL", "xmlDoctype", f"{instance.name}: has a DOCTYPE declaration; an XBRL "
                                                       "instance has none (not read further)")]
        return res
    if not taxonomy_packages:
        with tempfile.TemporaryDirectory(prefix="edgar2xbrl-standin-") as d:
            res.messages = run_arelle(instance, slim_packages(instance.parent, Path(d)))
    else:
        res.messages = run_arelle(instance, packages)
    root = tree.getroot()
    res.messages += edgar_checks(instance, root)  # the tree read above: Arelle changes nothing on disk
    res.contexts = len(root.findall(f"{XBRLI}context"))
    res.facts = sum(1 for el in root if isinstance(el.tag, str) and el.get("contextRef") is not None)
    return res
