"""Segment notes: a table whose caption groups repeat the same measures once per segment.

    North America:                       International:                      Consolidated:
      Net sales          $ 2,830           Net sales          $ 2,436          Net sales        $ 5,266
      Operating income       150           Operating income       130          ...

A filer tags each group's rows with the US-GAAP concept of the measure (Revenues, OperatingIncomeLoss) in the
context of a member of the business segments axis, not with one extension concept per segment: the consolidated
figures already hold those concepts, and extensions compare with nothing. A group named for the whole company
("Consolidated", "Total") is the consolidated figure itself and gets no member.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from edgar2xbrl.tag.builder import Builder, Network
from edgar2xbrl.tag.catalog import Catalog
from edgar2xbrl.tag.labels import tokens
from edgar2xbrl.tag.mapper import candidates, core_label, score_concept
from edgar2xbrl.tag.members import SEGMENTS, Axis, open_hypercube, own_heading
from edgar2xbrl.model import Statement

AXIS = SEGMENTS.axis

_SEGMENT_NOTE = re.compile(r"\bsegments?\b", re.I)
_WHOLE = re.compile(r"^\s*(consolidated|total|totals|combined|company[\s-]?wide|all\s+segments)\b", re.I)
_MIN_SHARED = 2  # measures a group must repeat from another group


@dataclass(frozen=True)
class Breakdown:
    """Row groups of a statement (row indexes) and the dimensions their facts carry; members with their captions."""

    groups: tuple[tuple[tuple[int, ...], tuple[tuple[str, str], ...]], ...]
    members: tuple[tuple[str, str], ...]  # (member qname, caption)
    # what the member says already: "Segment operating income" of a segment is its operating income
    implied: re.Pattern[str] = re.compile(r"\bsegments?\b", re.I)
    axis: Axis = SEGMENTS

    def open_network(self, b: Builder, net: Network) -> int:
        """Start the network with the table, axis, domain and members; the rows go under the line items (the
        depth returned)."""
        return open_hypercube(net, self.axis, list(self.members), lambda m, c: b.label_for(m, c, "terseLabel"))


def _groups(st: Statement) -> list[tuple[str, list[int]]]:
    """(caption, valued row indexes) for each caption row followed by valued rows. A caption printed in every
    group ("Operating expenses:" over the costs of each segment) heads a part of a group, not a group."""
    captions = [core_label(r.label).rstrip(":").strip().lower() for r in st.rows if not r.has_values]
    out: list[tuple[str, list[int]]] = []
    for i, r in enumerate(st.rows):
        if not r.has_values:
            caption = core_label(r.label).rstrip(":").strip()
            if captions.count(caption.lower()) == 1 or not out:
                out.append((caption, []))
        elif out:
            out[-1][1].append(i)
    return [(c, idx) for c, idx in out if c and len(idx) >= 2]


def _best(catalog: Catalog, st: Statement, label: str) -> float:
    near = catalog.sharing(label)
    return max((score_concept(label, "", c) for c in candidates(catalog, st, "monetary", "duration")
                if c.qname in near), default=0.0)


def segment_breakdown(b: Builder, st: Statement, title: str) -> Breakdown | None:
    """The breakdown of a segment note laid out as caption groups of the same measures, else None.

    The measures must be what the rows name: the repeated row labels have to fit US-GAAP concepts better than the
    captions do (else the captions are the measures and the rows the segments, a layout not read here)."""
    if not _SEGMENT_NOTE.search(title):
        return None
    groups = _groups(st)
    if len(groups) < 2:
        return None
    rows = st.rows
    words = [{tokens(core_label(rows[i].label)) for i in idx} - {()} for _, idx in groups]
    repeating = [k for k, w in enumerate(words)
                 if any(len(w & other) >= _MIN_SHARED for j, other in enumerate(words) if j != k)]
    members = [k for k in repeating if not _WHOLE.match(groups[k][0])]
    if len(members) < 2:
        return None
    shared = set.intersection(*(words[k] for k in repeating))
    measures = [rows[i].label for i in groups[repeating[0]][1] if tokens(core_label(rows[i].label)) in shared]
    fit_rows = sum(_best(b.catalog, st, core_label(m)) for m in measures) / max(len(measures), 1)
    fit_captions = sum(_best(b.catalog, st, groups[k][0]) for k in members) / len(members)
    if not measures or fit_rows <= fit_captions:
        return None
    out_groups, out_members = [], []
    for k in members:
        caption = groups[k][0]
        member = b.own_member(caption)
        if member not in (m for m, _ in out_members):
            out_members.append((member, caption))
        out_groups.append((tuple(groups[k][1]), ((AXIS, member),)))
    return Breakdown(tuple(out_groups), tuple(out_members))


PARENT = Axis("us-gaap:StatementTable", "srt:ConsolidatedEntitiesAxis", "srt:ConsolidatedEntitiesDomain",
              "us-gaap:StatementLineItems",
              ("Statement [Table]", "Consolidated Entities [Axis]", "Consolidated Entities [Domain]",
               "Statement [Line Items]"))
PARENT_MEMBER = "srt:ParentCompanyMember"
# "Parent company – statements of income", "Condensed financial information of registrant", "(Parent Company Only)"
_PARENT = re.compile(r"\bparent[\s-]+company\b|\bparent\s+only\b|\bof\s+(the\s+)?registrant\b|"
                     r"\bregistrant[\s-]+only\b", re.I)


def parent_breakdown(st: Statement, title: str) -> Breakdown | None:
    """The parent company's own statements in a note (a bank holding company's "Parent company" note, Schedule
    I's condensed financial information of the registrant): the tables headed so are the parent's figures, in the
    context of srt's ParentCompanyMember, not the consolidated ones they would contradict. Tables of the note
    headed otherwise (the supplementary data an annual report prints after its last note) stay as they are."""
    if not _PARENT.search(title) and not any(_PARENT.search(t.title[-300:]) for t in st.tables):
        return None
    groups, start = [], 0
    for t in st.tables:
        if _PARENT.search(own_heading(t.title)):
            groups.append((tuple(range(start, start + len(t.rows))), ((PARENT.axis, PARENT_MEMBER),)))
        start += len(t.rows)
    if not groups:
        return None
    return Breakdown(tuple(groups), ((PARENT_MEMBER, "Parent Company"),),
                     implied=re.compile(r"\bparent(\s+company)?\b", re.I), axis=PARENT)
