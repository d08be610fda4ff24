"""Where a conversion's files go as they are made, for the CLI and the batch: written at once into the temporary
output folder and let go, so that a large filing's outputs are never all held together (the in-memory API keeps
them in a dict, `pipeline.build` without a sink).

A file is given whole (`put`: text or bytes) or as the pieces of its text (`stream`: a template's or an
encoder's pieces, a batch at a time, written as they come). Either way the bytes are those of the text encoded as UTF-8, as
`Path.write_text(text, encoding="utf-8")` writes it.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from edgar2xbrl.errors import InternalError, OutputFolderError
from edgar2xbrl.write.outdir import follow_umask


def _same(a: str | bytes, b: str | bytes) -> bool:
    if isinstance(a, str) != isinstance(b, str):
        a = a.encode("utf-8") if isinstance(a, str) else a
        b = b.encode("utf-8") if isinstance(b, str) else b
    return a == b


class FolderSink:
    """The files written into a temporary folder beside `out_dir` (`.OUT.tmp-PID-XXXX`, made at the first file:
    a filing rejected before any output makes no folder at all), each let go once written. `discard` removes the
    folder; putting it in place is the caller's (`write.atomic.write_atomically`)."""

    def __init__(self, out_dir: Path, source: str = "") -> None:
        self.out_dir, self.source = out_dir, source
        self.tmp: Path | None = None
        self.made: list[Path] = []
        self.names: list[str] = []

    def folder(self) -> Path:
        if self.tmp is None:
            try:
                missing = [a for a in self.out_dir.absolute().parents if not os.path.lexists(a)]
                self.out_dir.parent.mkdir(parents=True, exist_ok=True)
                self.made = missing  # (deepest first: removed again, when empty, if the conversion fails)
                self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.tmp-{os.getpid()}-",
                                                 dir=self.out_dir.parent))
                follow_umask(self.tmp)
            except OSError as exc:
                raise OutputFolderError(f"cannot write the output folder {self.out_dir}: {exc.strerror or exc}",
                                        self.source) from None
        return self.tmp

    def _fail(self, exc: OSError) -> OutputFolderError:  # a full disk, a quota
        return OutputFolderError(f"cannot write the output folder {self.out_dir}: {exc.strerror or exc}",
                                 self.source)

    def _new(self, name: str, data: str | bytes | None) -> Path | None:
        """The path to write `name` to; None when it was written already with the same content."""
        target = self.folder() / name
        if name in self.names:
            if data is not None and _same(target.read_bytes(), data):
                return None
            raise InternalError(f"output formats collide on the file name {name!r}")
        self.names.append(name)
        return target

    def put(self, name: str, data: str | bytes) -> None:
        target = self._new(name, data)
        if target is None:
            return
        try:
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                target.write_text(data, encoding="utf-8")
        except OSError as exc:
            raise self._fail(exc) from None

    def stream(self, name: str, pieces: Iterable[str]) -> None:
        """Write the pieces one after the other as they come (many small pieces are best joined a batch at a time
        first: `render.chunked`)."""
        target = self._new(name, None)
        try:
            with open(target, "w", encoding="utf-8") as f:  # (as write_text opens it)
                for piece in pieces:
                    if isinstance(piece, str):
                        f.write(piece)
                    else:  # an lxml tree (writers.Pieces): serialized into the file as UTF-8
                        from lxml import etree
                        f.flush()
                        etree.ElementTree(piece).write(f.buffer, encoding="utf-8")
                        f.buffer.flush()
        except OSError as exc:
            raise self._fail(exc) from None

    def discard(self) -> None:
        if self.tmp is not None:
            import shutil
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
        for d in self.made:  # the folders made to hold the output: a failed conversion leaves none behind
            try:
                os.rmdir(d)
            except OSError:
                break
        self.made = []
