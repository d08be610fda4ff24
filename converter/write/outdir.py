"""The output folder: what is ours in it, and what an interrupted run left beside it.

A conversion is written into a temporary folder beside the output folder (`.OUT.tmp-PID-XXXX`) and swapped in
with two renames (the old output goes to `.OUT.old-PID` first, and is removed after). A run killed at any point
leaves the previous output or the new one in place, or (between the two renames) the previous one under
`.OUT.old-PID`: the next run into the same folder puts that back, and removes the temporary folders of runs
that are no longer running.

What a conversion wrote is listed in its `report.json` (`files`, plus the reports): a folder that holds
anything else is not ours to replace.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

REPORTS = ("report.json", "report.md", "report.html")
VIEWER = "viewer"  # what `edgar2xbrl view` writes into a conversion's folder


def _ours(name: str) -> bool:
    """A name this converter writes: PREFIX-CCYYMMDD.xml/.xsd/.htm (inline XBRL), PREFIX-CCYYMMDD_pre.xml (and
    _cal, _def, _lab), or one of the reports."""
    if name in REPORTS:
        return True
    stem, dot, ext = name.rpartition(".")
    if not dot or ext not in ("xml", "xsd", "htm"):
        return False
    for suffix in ("_pre", "_cal", "_def", "_lab"):
        if stem.endswith(suffix):
            stem = stem[:-len(suffix)]
            break
    prefix, dash, day = stem.rpartition("-")
    return bool(prefix) and dash == "-" and len(day) == 8 and day.isascii() and day.isdigit()


def manifest(folder: Path) -> set[str] | None:
    """The files an earlier conversion wrote into folder (from its report.json), or None if it is not one."""
    try:
        data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return set(files) | set(REPORTS) | {VIEWER}


def foreign_files(folder: Path) -> list[str] | None:
    """Entries of an existing folder that no earlier conversion wrote; None when the folder holds no conversion
    (no readable report.json) but is not empty either."""
    names = sorted(p.name for p in folder.iterdir())
    if not names:
        return []
    ours = manifest(folder)
    if ours is None:
        return None
    return [n for n in names if n not in ours]


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _leftover_pattern(name: str) -> re.Pattern:
    # ours: .NAME.tmp-PID-XXXX, .NAME.old-PID; earlier versions: .NAME.XXXXXXXX (mkdtemp) and .NAME.old-PID
    return re.compile(r"\." + re.escape(name) + r"\.(?:(tmp|old)-(\d+)(?:-[a-z0-9_]+)?|([a-z0-9_]{8}))$")


def clean_leftovers(out_dir: Path) -> list[str]:
    """Restore or remove what interrupted runs into out_dir left beside it; what was done, in words."""
    parent = out_dir.parent
    done: list[str] = []
    try:
        entries = sorted(parent.iterdir())
    except OSError:
        return done
    rx = _leftover_pattern(out_dir.name)
    olds, tmps = [], []
    for p in entries:
        m = rx.fullmatch(p.name)
        if not m or not p.is_dir() or p.is_symlink():
            continue
        kind, pid = m.group(1), m.group(2)
        if pid is not None and _alive(int(pid)):
            continue  # a run still going (or a process that took its number): not ours to touch
        if kind is None:
            inside = [x.name for x in p.iterdir()]
            if not inside or not all(_ours(x) for x in inside):
                continue  # an eight-character hidden folder that is not a conversion left half-written
        (olds if kind == "old" else tmps).append(p)
    for p in olds:
        if not out_dir.exists() and os.path.lexists(p) and manifest(p) is not None:
            os.replace(p, out_dir)  # killed between the two renames: the previous output comes back
            done.append(f"restored {out_dir.name} from {p.name} (a run was interrupted while replacing it)")
        else:
            shutil.rmtree(p, ignore_errors=True)
            done.append(f"removed {p.name} (left by an interrupted run)")
    for p in tmps:
        shutil.rmtree(p, ignore_errors=True)
        done.append(f"removed {p.name} (left by an interrupted run)")
    return done


def follow_umask(folder: Path) -> None:
    """mkdtemp makes a folder only its owner can read; the output follows the umask like any other folder."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(folder, 0o777 & ~mask)
