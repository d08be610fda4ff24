"""Writing a conversion's output folder as a whole, or not at all."""
from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Callable

from edgar2xbrl.errors import InternalError, OutputFolderError
from edgar2xbrl.write.outdir import clean_leftovers, foreign_files
from edgar2xbrl.write.report import write_report_files
from edgar2xbrl.write.sink import FolderSink
from edgar2xbrl.check.validate import validate
from edgar2xbrl.write.xmlsafe import parse_back


def check_output_folder(out_dir: Path, path: str) -> None:
    """The output folder is replaced as a whole: never one that holds anything but an earlier conversion."""
    try:
        clean_leftovers(out_dir)  # what a run killed while writing here left behind
        if out_dir.exists() and not out_dir.is_dir():
            raise OutputFolderError(f"the output folder {out_dir} exists and is not a folder", path)
        base = next(a for a in out_dir.absolute().parents if os.path.lexists(a))  # where folders would be made
        if not base.is_dir():
            raise OutputFolderError(f"cannot make the output folder {out_dir}: {base} is a file, not a folder", path)
        if not os.access(base, os.W_OK | os.X_OK):
            raise OutputFolderError(f"cannot make the output folder {out_dir}: {base} is not writable", path)
        foreign = foreign_files(out_dir) if out_dir.is_dir() else []
    except OSError as exc:
        raise OutputFolderError(f"cannot use the output folder {out_dir}: {exc.strerror or exc}", path) from None
    if foreign is None:
        raise OutputFolderError(f"the output folder {out_dir} exists and holds files that are not an earlier "
                              "edgar2xbrl conversion; give an empty or a new folder", path)
    if foreign:
        raise OutputFolderError(f"the output folder {out_dir} holds an earlier edgar2xbrl conversion and files it did "
                              f"not write ({', '.join(foreign[:5])}{', ...' if len(foreign) > 5 else ''}); move them "
                              "or give another folder", path)


def write_atomically(out_dir: Path, produce: Callable, run_validation: bool, taxonomy_packages,
                      source: str = ""):
    """Write into a temporary folder beside out_dir, validate there, and put it in place only when complete.

    `produce(sink)` writes the XBRL files into the sink (`FolderSink`: each file written as it is made) and
    returns the instance's name, the report's maker (validation → report dict) and the typed XBRL report; the
    report files are written after validation, the report's maker let go first. Any failure removes the
    temporary folder: the previous output, if any, is left as it was."""
    sink = FolderSink(out_dir, source)
    try:
        instance_name, report, xbrl = produce(sink)
        tmp = sink.folder()
        bad = parse_back(tmp)  # every XML file must parse back before anything is put in place
        if bad:
            raise InternalError("edgar2xbrl wrote XML that does not parse back (a bug; nothing was written): "
                                + "; ".join(bad))
        validation = validate(tmp / instance_name, taxonomy_packages) if run_validation else None
        rep = report(validation)
        del report  # the builder and the layout the report was made from go before the report files are made
        write_report_files(sink, rep, xbrl)
        try:
            if out_dir.exists():
                old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
                os.replace(out_dir, old)
                try:
                    os.replace(tmp, out_dir)  # (a run killed between these two renames is undone by the next one)
                except OSError:
                    os.replace(old, out_dir)
                    raise
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(tmp, out_dir)
        except OSError as exc:
            raise OutputFolderError(f"cannot replace the output folder {out_dir}: {exc.strerror or exc}",
                                    source) from None
    except BaseException:
        sink.discard()
        raise
    if validation is not None:
        validation.instance = str(out_dir / instance_name)
    return validation, rep
