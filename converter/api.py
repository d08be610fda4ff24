"""The typed Python API: convert a filing in memory, look at the result, save it when asked.

Example::

    >>> from edgar2xbrl import Options, convert
    >>> conv = convert("examples/nutrition21-10q-2004-09-30.txt", Options(cik="737207", validate=False))
    >>> conv.status, conv.exit_code
    ('clean', 0)
    >>> conv.counts.numbers_tagged, conv.counts.flags
    (134, 0)
    >>> conv.instance
    'nutrition21-20040930.xml'
    >>> conv.report["registrant"]
    'NUTRITION 21, INC.'
    >>> paths = conv.save("out/")  # doctest: +SKIP
    >>> # nothing is written until save; it is atomic, as the CLI writes

`convert` takes a path or the filing's bytes (`Path("f.txt").read_bytes()`, a download, standard input) and
never writes anything; validation (on by default) runs Arelle on a temporary copy that is removed afterwards.
Converting the same bytes with the same options twice gives the same files, byte for byte.

The 0.1 call `convert(path, out_dir, cik=..., run_validation=...)`, which converts and writes at once and returns
a `edgar2xbrl.pipeline.Result`, still works.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Union, overload

from lxml import etree

from edgar2xbrl import pipeline
from edgar2xbrl.write.atomic import check_output_folder, write_atomically
from edgar2xbrl.errors import InternalError
from edgar2xbrl.gcscope import only_new_objects_collected
from edgar2xbrl.write.report import report_files
from edgar2xbrl.check.validate import ValidationResult, validate as _validate
from edgar2xbrl.write import DEFAULT_FORMATS, normalize as normalize_formats
from edgar2xbrl.xbrl_report import XbrlReport
from edgar2xbrl.write.xmlsafe import check_well_formed

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]

EXIT_CODES = {"clean": 0, "invalid": 1, "rejected": 2, "flagged": 3, "internal-error": 4}


@dataclass(frozen=True)
class Options:
    """How to convert. Every field has a default: `Options()` converts and validates with the offline stand-ins.

    >>> Options(cik="320193", validate=False).cik
    '320193'
    """

    prefix: str | None = None
    """The extension taxonomy's prefix (letters, digits, dashes); default: derived from the registrant's name."""
    cik: str | None = None
    """The registrant's CIK when the filing has no EDGAR header (the header's CIK wins otherwise)."""
    validate: bool = True
    """Run Arelle and the EDGAR checks on the result (in a temporary folder; nothing is left behind)."""
    taxonomy_packages: tuple[Path, ...] = ()
    """Taxonomy packages (zip) to validate with instead of the built-in offline stand-ins."""
    form: str | None = None
    """The form (10-Q, 10-K) for a file whose header and cover do not say it."""
    period_end: date | None = None
    """The period end for a file whose header and cover do not say it."""
    name: str | None = None
    """The source's name in messages and in the report; default: the file's name for a path, "input" for bytes."""
    formats: tuple[str, ...] = DEFAULT_FORMATS
    """Output formats (`edgar2xbrl.write.FORMATS`: "xbrl", "ixbrl", "xbrl-json", "xbrl-csv", "fsds"); the classic
    XBRL instance and taxonomy ("xbrl") are always written, since the others reference the taxonomy. Default: the
    classic files and the inline XBRL document."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "taxonomy_packages", tuple(Path(p) for p in self.taxonomy_packages))
        fmts = (self.formats,) if isinstance(self.formats, str) else self.formats
        object.__setattr__(self, "formats", normalize_formats(fmts))  # an unknown name fails here, a ValueError


@dataclass(frozen=True)
class Counts:
    """The report's figures, typed.

    `validation_errors`, `validation_warnings` and `calc_inconsistencies` are None when the conversion was not
    validated."""

    statements: int
    numbers_in_statements: int
    numbers_tagged: int
    numbers_untagged: int
    facts: int
    extension_concepts: int
    checks_passed: int
    checks_failed: int
    flags: int
    corrections: int
    validation_errors: int | None = None
    validation_warnings: int | None = None
    calc_inconsistencies: int | None = None

    @classmethod
    def from_report(cls, report: Mapping[str, Any]) -> "Counts":
        """The counts of a report dict (as `Conversion.report`, or `report.json` read back)."""
        s = report.get("summary") or {}
        kw = {f.name: int(s.get(f.name, 0) or 0) for f in fields(cls) if f.name in s}
        v = report.get("validation")
        if v is not None:
            msgs = list(v.get("errors", [])) + list(v.get("warnings", []))
            kw.update(validation_errors=len(v.get("errors", [])), validation_warnings=len(v.get("warnings", [])),
                      calc_inconsistencies=sum(1 for m in msgs if "calc" in str(m.get("code", "")).lower()
                                               and m.get("level") != "INFO"))
        return cls(statements=len(report.get("statements") or []), **{k: kw.get(k, 0) for k in (
            "numbers_in_statements", "numbers_tagged", "numbers_untagged", "facts", "extension_concepts",
            "checks_passed", "checks_failed", "flags", "corrections")},
            **{k: kw.get(k) for k in ("validation_errors", "validation_warnings", "calc_inconsistencies")})


@dataclass(frozen=True, eq=False)
class Conversion:
    """A converted filing, in memory.

    - `files`: every file `save` writes, name → text (the instance, the schema, the linkbases, the inline XBRL
      document `.htm` and the files of the other `Options.formats`, `report.json`, `report.md`, `report.html`);
    - `report`: the conversion report as a dict (what `report.json` holds), `counts` its figures typed;
    - `validation`: Arelle's and the EDGAR checks' result, or None when not validated;
    - `status`: "clean", "flagged" (valid, but a consistency rule removed or flagged facts: see
      `report["needs_review"]`) or "invalid"; `exit_code` is the CLI's (0, 3, 1).
    """

    source: str
    instance: str
    files: Mapping[str, str | bytes]
    report: dict
    counts: Counts
    validation: ValidationResult | None = None
    warnings: tuple[str, ...] = ()
    _xbrl: tuple[str, ...] = field(default=(), repr=False)
    xbrl: XbrlReport | None = field(default=None, repr=False, compare=False)
    """The typed XBRL report (facts with provenance, contexts, units, concepts, networks) the files were written
    from."""

    @property
    def valid(self) -> bool:
        """No validation errors (True when not validated)."""
        return self.validation is None or not self.validation.errors

    @property
    def flagged(self) -> bool:
        return bool(self.report.get("needs_review"))

    @property
    def status(self) -> str:
        return "invalid" if not self.valid else "flagged" if self.flagged else "clean"

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    @property
    def instance_text(self) -> str:
        """The XBRL instance document."""
        return self.files[self.instance]

    def save(self, out_dir: str | os.PathLike[str]) -> list[Path]:
        """Write every file into `out_dir` and return their paths.

        Atomic, as the CLI writes: the files go to a temporary folder beside `out_dir`, which replaces it only
        when complete. A folder that holds anything but an earlier conversion is never replaced
        (`ConversionError`).

        >>> conv.save("out/nutrition21")  # doctest: +SKIP
        [PosixPath('out/nutrition21/nutrition21-20040930.xml'), ...]
        """
        out = Path(out_dir)
        check_output_folder(out, self.source)

        def produce(sink):
            for n in self._xbrl:
                sink.put(n, self.files[n])
            return self.instance, lambda _v: self.report, self.xbrl
        write_atomically(out, produce, False, None, self.source)
        return sorted(out / n for n in self.files)


@overload
def convert(source: Source, options: Options | None = None, **overrides: Any) -> Conversion: ...


@overload
def convert(source: str | os.PathLike[str], options: str | os.PathLike[str], **legacy: Any) -> pipeline.Result: ...


def convert(source, options=None, **kw):
    """Convert a filing (a path, or its bytes) in memory; nothing is written (see `Conversion.save`).

    `options` (an `Options`) or keyword overrides of its fields say how::

        >>> conv = convert(Path("filing.txt").read_bytes(), cik="320193", validate=False)  # doctest: +SKIP
        >>> conv.counts.facts                                                               # doctest: +SKIP
        192

    Raises `ConversionError` when the input is not a convertible filing, `InternalError` on a bug of ours.

    The 0.1 call `convert(path, out_dir, prefix=, cik=, run_validation=, taxonomy_packages=)` converts and writes
    `out_dir` at once, and returns a `pipeline.Result`.
    """
    if isinstance(options, (str, os.PathLike)) or (options is None and "out_dir" in kw):
        out_dir = options if options is not None else kw.pop("out_dir")
        return pipeline.convert(source, out_dir, **kw)
    opts = options or Options()
    if kw:
        from dataclasses import replace
        opts = replace(opts, **kw)
    with only_new_objects_collected():  # (the collector walks what this conversion makes, not the catalog)
        return _convert(source, opts)


def _convert(source: Source, opts: Options) -> Conversion:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data: bytes | Path = bytes(source)
        name = opts.name or "input"
    else:
        data = Path(source)
        name = opts.name or data.name
    packages = list(opts.taxonomy_packages)
    built = pipeline.build(data, name, prefix=opts.prefix, cik=opts.cik, taxonomy_packages=packages,
                           form=opts.form, period_end=opts.period_end, formats=opts.formats)
    _parse_back(built.files)  # every XML file must parse back, as before anything is written by the CLI
    validation = _validate_in_memory(built.files, built.instance_name, packages) if opts.validate else None
    report = built.report(validation)
    files, instance, warnings, xbrl = dict(built.files), built.instance_name, tuple(built.warnings), built.xbrl
    del built  # the builder and the layout the report was made from go before the report files are rendered
    classic = tuple(sorted(files))
    files.update(report_files(report, xbrl))
    return Conversion(source=name, instance=instance, files=MappingProxyType(dict(sorted(files.items()))),
                      report=report, counts=Counts.from_report(report), validation=validation,
                      warnings=warnings, _xbrl=classic, xbrl=xbrl)


def _parse_back(files: Mapping[str, str | bytes]) -> None:
    bad = []
    for name, text in files.items():
        if name.endswith((".xml", ".xsd")):
            try:
                check_well_formed(text if isinstance(text, bytes) else text.encode("utf-8"))
            except etree.XMLSyntaxError as exc:
                bad.append(f"{name}: {exc}")
    if bad:
        raise InternalError("edgar2xbrl wrote XML that does not parse back (a bug): " + "; ".join(bad))


def _validate_in_memory(files: Mapping[str, str | bytes], instance: str, packages: list[Path]) -> ValidationResult:
    """Validate the files in a temporary folder (removed afterwards); the result names the instance by name. Only
    the XML files are written there: the instance and its taxonomy are all Arelle and the EDGAR checks read (the
    inline document, often the largest file, and the other formats are not validated here)."""
    with tempfile.TemporaryDirectory(prefix="edgar2xbrl-") as d:
        for name, text in files.items():
            if not name.endswith((".xml", ".xsd")):
                continue
            if isinstance(text, bytes):
                (Path(d) / name).write_bytes(text)
            else:
                (Path(d) / name).write_text(text, encoding="utf-8")
        res = _validate(Path(d) / instance, packages)
    res.instance = instance
    return res
