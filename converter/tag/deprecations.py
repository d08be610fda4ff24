"""US-GAAP names deprecated 2009-2024 and what they became in 2024 (taxonomy/deprecations.csv).

The table is built from the official deprecation linkbases by `taxonomy/build_deprecations.py`; see that script for
what each column means. Here it is only read:

    >>> from edgar2xbrl.deprecations import load_deprecations
    >>> dep = load_deprecations()
    >>> dep.forward("CommitmentsAndContingencies2009")
    'CommitmentsAndContingencies'

`forward` gives the one 2024 name a deprecated name maps to, or None when the files name several (a deprecated
aggregate split into parts, mutually exclusive concepts) or none; `candidates` gives every 2024 name it may have
become. A name that is not deprecated maps to itself.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from edgar2xbrl.tag.catalog import TAXONOMY_DIR

DEPRECATIONS_PATH = TAXONOMY_DIR / "deprecations.csv"


@dataclass(frozen=True)
class Replacement:
    deprecated: str
    replacement: str  # "" when no official file gives one; "prefix:Name" for another taxonomy
    role: str  # primary | alternative | ambiguous | none
    status: str  # resolved | reinstated | no-replacement | chain-ends-deprecated | other-taxonomy
    relation: str
    qualifiers: str
    chain: str
    sources: str
    deprecated_in: str


def _local(name: str) -> str:
    return name[len("us-gaap:"):] if name.startswith("us-gaap:") else name


class Deprecations:
    def __init__(self, rows: list[Replacement]):
        self._by_name: dict[str, list[Replacement]] = {}
        for r in rows:
            self._by_name.setdefault(r.deprecated, []).append(r)

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, name: str) -> bool:
        return self.is_deprecated(name)

    def is_deprecated(self, name: str) -> bool:
        rows = self._by_name.get(_local(name))
        return bool(rows) and rows[0].status != "reinstated"

    def rows(self, name: str) -> list[Replacement]:
        return list(self._by_name.get(_local(name), ()))

    def candidates(self, name: str) -> list[str]:
        """Every 2024 name `name` may have become, primary first; [name] when it is not deprecated."""
        name = _local(name)
        rows = self._by_name.get(name)
        if not rows:
            return [name]
        order = {"primary": 0, "alternative": 1, "ambiguous": 2}
        return [r.replacement for r in sorted(rows, key=lambda r: order.get(r.role, 3))
                if r.replacement and r.status in ("resolved", "reinstated", "other-taxonomy")]

    def forward(self, name: str) -> str | None:
        """The 2024 name `name` became when the files name one (the primary replacement); `name` itself when it is
        not deprecated; None when the replacement is ambiguous or unknown."""
        name = _local(name)
        rows = self._by_name.get(name)
        if not rows:
            return name
        for r in rows:
            if r.role == "primary" and r.status in ("resolved", "reinstated", "other-taxonomy"):
                return r.replacement
        return None


def read_deprecations(path: Path) -> Deprecations:
    with open(path, newline="", encoding="utf-8") as f:
        return Deprecations([Replacement(**row) for row in csv.DictReader(f)])


@lru_cache(maxsize=1)
def load_deprecations() -> Deprecations:
    return read_deprecations(DEPRECATIONS_PATH)
