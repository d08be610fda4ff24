"""What tagging made, frozen: the state `finish`'s steps read and return anew, and `freeze` turns into the typed
report (the builder is not read after it)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Mapping

from edgar2xbrl.check.rules import FactKey
from edgar2xbrl.model import Concept, Fact
from edgar2xbrl.tag.catalog import Catalog
from edgar2xbrl.xbrl_report import Check, Network, ReportRow, Untagged


@dataclass(frozen=True)
class Tagged:
    """The builder's state once tagging is done (`Builder.snapshot`); a step after it returns a new one."""

    prefix: str
    path: str  # the source's name in the facts' sources ("path:line")
    catalog: Catalog
    extensions: Mapping[str, Concept]  # in the order they were made: the taxonomy's order
    labels: Mapping[str, Mapping[str, str]]  # concept → {role: text}
    facts: Mapping[FactKey, Fact]
    networks: tuple[Network, ...]  # frozen, as the taggers handed them over (their order field sorts them)
    rows: tuple[ReportRow, ...]  # every source row and its decision
    untagged: tuple[Untagged, ...]
    checks: tuple[Check, ...]
    remarks: tuple[str, ...]
    conflicts: tuple[tuple[Fact, str], ...]  # (a second reading of a written figure, its statement title)
    mixed: frozenset  # the keys of the facts of rows printed with both signs
    report_end: date | None

    def __post_init__(self):
        # a step returns its facts as a new dict: read-only from here, whoever holds the snapshot
        if not isinstance(self.facts, MappingProxyType):
            object.__setattr__(self, "facts", MappingProxyType(dict(self.facts)))

    def concept(self, qname: str) -> Concept:
        """An extension of the filer's, else the catalog's concept (KeyError for neither)."""
        found = self.extensions.get(qname)
        return found if found is not None else self.catalog.get(qname)
