from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "nutrition21-10q-2004-09-30.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """The bundled sample converted once (with Arelle validation) for the whole session."""
    import os
    from edgar2xbrl import convert
    out = tmp_path_factory.mktemp("conv") / "out"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return convert("examples/nutrition21-10q-2004-09-30.txt", out)
    finally:
        os.chdir(cwd)


def facts_of(result):
    from lxml import etree
    inst = next(p for p in result.files if p.suffix == ".xml" and "_" not in p.name)
    root = etree.parse(str(inst)).getroot()
    ctx = {}
    X = "{http://www.xbrl.org/2003/instance}"
    for c in root.findall(f"{X}context"):
        p = c.find(f"{X}period")
        inst_ = p.find(f"{X}instant")
        period = inst_.text if inst_ is not None else f"{p.find(f'{X}startDate').text}..{p.find(f'{X}endDate').text}"
        dims = tuple(sorted((m.get("dimension"), m.text) for m in c.iter("{http://xbrl.org/2006/xbrldi}explicitMember")))
        ctx[c.get("id")] = (period, dims)
    out = {}
    for el in root:
        if isinstance(el.tag, str) and el.get("contextRef"):
            qn = etree.QName(el)
            prefix = {"http://fasb.org/us-gaap/2024": "us-gaap", "http://xbrl.sec.gov/dei/2024": "dei"}.get(
                qn.namespace, "ext")
            period, dims = ctx[el.get("contextRef")]
            out[(f"{prefix}:{qn.localname}", period, dims)] = (el.text, el.get("decimals"))
    return out
