"""edgar2xbrl: a thin command line over converter.convert and converter.validate."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from edgar2xbrl.errors import ConversionError, InternalError
from edgar2xbrl.write import FORMATS

EXIT_CLEAN, EXIT_INVALID, EXIT_REJECTED, EXIT_FLAGGED, EXIT_INTERNAL = 0, 1, 2, 3, 4


@click.group(epilog="""\b
Exit codes of convert (each command's --help lists its own):
  0 clean, 1 invalid, 2 rejected, 3 flagged, 4 internal error""")
@click.version_option(package_name="edgar2xbrl")
def main() -> None:
    """Turn pre-XBRL SEC filings (text and HTML 10-Q/10-K) into XBRL."""


def _where(exc: BaseException) -> str:
    """The exception in one line, with the place in our code it came from."""
    import traceback
    frames = traceback.extract_tb(exc.__traceback__)
    at = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{at}"


CONVERT_EXIT_CODES = """\b
Exit codes:
  0  clean: valid, and every consistency rule holds
  1  invalid: Arelle or the EDGAR checks report errors (the output is written, errors in the report)
  2  rejected: the input is not a convertible filing, or OUT holds other files (nothing is written)
  3  flagged: valid, but a consistency rule removed or flagged facts (report.md, "Needs review")
  4  internal error: a bug in edgar2xbrl (one line names the file; nothing is left half-written)"""

STATUS = {EXIT_CLEAN: "clean", EXIT_INVALID: "invalid", EXIT_REJECTED: "rejected", EXIT_FLAGGED: "flagged",
          EXIT_INTERNAL: "internal-error"}


def _verbosity(f):
    """-q / -v on a command: `verbosity` is -1 (only errors), 0, or 1 (more detail)."""
    f = click.option("-v", "--verbose", "verbosity", flag_value=1, help="More detail (every finding, message and "
                     "file).")(f)
    f = click.option("-q", "--quiet", "verbosity", flag_value=-1, help="Print only errors.")(f)
    return f


def _formats(f):
    """--format on a command: `formats` is the tuple of output formats asked for (the classic one is always
    written)."""
    return click.option("--format", "formats", multiple=True, type=click.Choice(list(FORMATS), case_sensitive=False),
                        help="Write this output format (repeatable; the classic instance and taxonomy always; "
                        "without --format: xbrl and ixbrl): " + "; ".join(
                            f"{n}: {fmt.summary}" for n, fmt in FORMATS.items()) + ".")(f)


def _json_out(obj: dict) -> None:
    import json
    click.echo(json.dumps(obj, indent=None, sort_keys=False, default=str))


@main.command(epilog=CONVERT_EXIT_CODES)
@click.argument("filing", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder (replaced as a whole when the conversion succeeds).")
@click.option("--prefix", help="Extension taxonomy prefix (default: derived from the registrant's name).")
@click.option("--cik", help="The registrant's CIK, when the filing has no EDGAR header.")
@click.option("--no-validate", is_flag=True, help="Skip Arelle validation.")
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Validate against this taxonomy package (repeatable) instead of the built-in offline stand-ins.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object on standard output "
              "(status, exit_code, files, summary counts, validation summary).")
@_formats
@_verbosity
def convert(filing, out_dir, prefix, cik, no_validate, packages, as_json, formats, verbosity) -> None:
    """Convert FILING into an XBRL instance, its extension taxonomy and a report in OUT.

    FILING "-" reads the filing from standard input (named "stdin" in the report; its EDGAR header, if any,
    still gives the CIK).
    """
    from edgar2xbrl.pipeline import convert as run
    verbosity = verbosity or 0
    name = "stdin" if filing == "-" else filing
    result: dict = {"status": None, "exit_code": None, "source": name, "out_dir": str(out_dir), "files": [],
                    "summary": None, "validation": None, "needs_review": [], "warnings": [], "error": None}

    def fail(code: int, message: str) -> None:
        click.echo(message, err=True)
        if as_json:
            result.update(status=STATUS[code], exit_code=code, error=message)
            _json_out(result)
        sys.exit(code)

    try:
        data = click.open_file("-", "rb").read() if filing == "-" else None
        res = run(name, out_dir, prefix=prefix, cik=cik, run_validation=not no_validate,
                  taxonomy_packages=[Path(p) for p in packages], data=data, formats=formats)
    except ConversionError as exc:
        fail(EXIT_REJECTED, f"error: {exc}")
    except InternalError as exc:
        fail(EXIT_INTERNAL, f"internal error: {Path(name).name}: {exc}")
    except (Exception, MemoryError) as exc:  # a bug: one line that names the file, never a traceback or exit 0
        fail(EXIT_INTERNAL, f"internal error: {Path(name).name}: {_where(exc)}")
    flags = res.report.get("needs_review") or []
    errors = res.validation.errors if res.validation is not None else []
    code = EXIT_INVALID if errors else EXIT_FLAGGED if flags else EXIT_CLEAN
    if verbosity >= 0:
        for w in res.warnings:
            click.echo(w, err=True)
    for m in errors[:None if verbosity > 0 else 20]:
        click.echo(f"  {m.level} {m.code}: {m.text}", err=True)
    if as_json:
        v = res.validation
        result.update(status=STATUS[code], exit_code=code, files=[p.name for p in res.files],
                      summary={"statements": len(res.report["statements"]), **res.report["summary"]},
                      validation=None if v is None else {
                          "errors": len(v.errors), "warnings": len(v.warnings),
                          "calc_inconsistencies": len(v.calc_inconsistencies), "facts": v.facts,
                          "contexts": v.contexts, "taxonomy": v.taxonomy, "summary": v.summary()},
                      needs_review=flags, warnings=list(res.warnings))
        _json_out(result)
        sys.exit(code)
    if verbosity >= 0:
        s = res.report["summary"]
        click.echo(f"wrote {len(res.files)} files to {res.out_dir}")
        if verbosity > 0:
            for p in res.files:
                click.echo(f"  {p.name}")
        click.echo(f"statements: {len(res.report['statements'])}; numbers in statements: "
                   f"{s['numbers_in_statements']}, tagged {s['numbers_tagged']}, listed as not tagged "
                   f"{s['numbers_untagged']}; subtotal checks {s['checks_passed']} passed, {s['checks_failed']} failed")
        if verbosity > 0:
            for st in res.report["statements"]:
                click.echo(f"  {st}")
        click.echo(f"consistency rules: {len(flags)} finding(s) need review, "
                   f"{len(res.report.get('corrections') or [])} value(s) corrected"
                   + (f" (see {Path(res.out_dir) / 'report.md'}, 'Needs review')" if flags else ""))
        if verbosity > 0:
            for f in flags:
                click.echo(f"  {f.get('rule')} {f.get('action')}: {f.get('message')} "
                           f"({', '.join(f.get('sources') or [])})")
        if res.validation is not None:
            click.echo(res.validation.summary())
            if verbosity > 0:
                for m in res.validation.warnings:
                    click.echo(f"  {m.level} {m.code}: {m.text}")
    sys.exit(code)


VALIDATE_EXIT_CODES = """\b
Exit codes:
  0  valid: no errors (warnings may be printed)
  1  invalid: Arelle or the EDGAR checks report errors
  2  PATH is not an instance, nor a folder holding exactly one
  4  internal error: a bug in edgar2xbrl"""


@main.command(epilog=VALIDATE_EXIT_CODES)
@click.argument("path", type=click.Path(exists=True))
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Validate against this taxonomy package (repeatable) instead of the built-in offline stand-ins.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object on standard output "
              "(status, exit_code, counts, every message).")
@_verbosity
def validate(path, packages, as_json, verbosity) -> None:
    """Validate an instance (or the instance in a conversion's output folder) with Arelle and EDGAR rules."""
    from dataclasses import asdict
    from edgar2xbrl.check.validate import validate as run
    verbosity = verbosity or 0
    p = Path(path)
    if p.is_dir():
        found = [x for x in p.glob("*.xml") if not x.name.endswith(("_pre.xml", "_cal.xml", "_def.xml", "_lab.xml"))]
        if len(found) != 1:
            msg = f"error: {p}: expected one instance document, found {len(found)}"
            click.echo(msg, err=True)
            if as_json:
                _json_out({"status": "rejected", "exit_code": EXIT_REJECTED, "instance": str(p), "error": msg})
            sys.exit(EXIT_REJECTED)
        p = found[0]
    try:
        res = run(p, [Path(x) for x in packages])
    except (Exception, MemoryError) as exc:
        msg = f"internal error: {p.name}: {_where(exc)}"
        click.echo(msg, err=True)
        if as_json:
            _json_out({"status": STATUS[EXIT_INTERNAL], "exit_code": EXIT_INTERNAL, "instance": str(p), "error": msg})
        sys.exit(EXIT_INTERNAL)
    code = EXIT_INVALID if res.errors else EXIT_CLEAN
    if as_json:
        _json_out({"status": "invalid" if res.errors else "valid", "exit_code": code, "instance": str(p),
                   "facts": res.facts, "contexts": res.contexts, "errors": len(res.errors),
                   "warnings": len(res.warnings), "calc_inconsistencies": len(res.calc_inconsistencies),
                   "taxonomy": res.taxonomy, "summary": res.summary(),
                   "messages": [asdict(m) for m in res.errors + res.warnings]})
        sys.exit(code)
    for m in res.errors:
        click.echo(f"  {m.level} {m.code}: {m.text}", err=verbosity < 0)
    if verbosity >= 0:
        for m in res.warnings:
            click.echo(f"  {m.level} {m.code}: {m.text}")
        click.echo(res.summary())
        if verbosity > 0:
            click.echo(f"instance: {p}")
    sys.exit(code)


BATCH_EXIT_CODES = """\b
Exit codes:
  0    the batch ran (each filing's status is in the summary: converted, flagged, invalid, rejected, ...)
  1    some filing crashed (an internal error, or its process died)
  2    SOURCE is neither a folder nor a manifest CSV
  130  stopped by Ctrl-C, 143 by SIGTERM (the summary of what finished is written)"""


@main.command(epilog=BATCH_EXIT_CODES)
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: one sub-folder per filing, plus summary.csv, summary.json and index.html.")
@click.option("--jobs", default=1, show_default=True, help="Filings converted in parallel (processes, or Dask "
              "workers of a local cluster).")
@click.option("--timeout", default=300.0, show_default=True, type=float,
              help="Seconds one filing may take before its conversion is stopped (status timeout); 0: no limit.")
@click.option("--force", is_flag=True, help="Convert every filing again, even those done by an earlier run.")
@click.option("--retry-failed", is_flag=True,
              help="Convert again the filings an earlier run left without output (rejected, crashed, timed out).")
@click.option("--engine", type=click.Choice(["process", "dask"]), default="process", show_default=True,
              help="Where the conversions run: local processes, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler (e.g. tcp://host:8786); "
              "without it, a local cluster of --jobs workers.")
@click.option("--log-every", default=30.0, show_default=True, type=float,
              help="Seconds between progress lines when standard error is not a terminal.")
@click.option("--no-validate", is_flag=True, help="Skip Arelle validation.")
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Validate against this taxonomy package (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object on standard output "
              "(exit_code, counts by status, totals, summary files) instead of the closing lines.")
@_formats
@_verbosity
def batch(source, out_dir, jobs, timeout, force, retry_failed, engine, scheduler, log_every, no_validate,
          packages, as_json, formats, verbosity) -> None:
    """Convert every filing in SOURCE (a folder, or a manifest CSV); one failure never stops the run.

    -q prints no progress and only the closing count line; -v also prints a line for every filing left without a
    valid output. With --format fsds, every filing is also appended to one data set for the batch, OUT/fsds/."""
    from edgar2xbrl.batch import BatchInputError, report_lines, run_batch
    verbosity = verbosity or 0
    progress = False if verbosity < 0 else "bar" if sys.stderr.isatty() else "log"
    try:
        run = run_batch(Path(source), Path(out_dir), jobs=jobs, force=force, validate=not no_validate,
                        packages=[Path(p) for p in packages], progress=progress,
                        timeout=timeout, retry_failed=retry_failed, engine=engine, scheduler=scheduler,
                        log_every=log_every, echo=lambda s: click.echo(s, err=True), formats=formats)
    except BatchInputError as exc:
        click.echo(f"error: {exc}", err=True)
        if as_json:
            _json_out({"status": "rejected", "exit_code": 2, "error": f"error: {exc}"})
        sys.exit(2)
    code = (143 if run.interrupted == "SIGTERM" else 130) if run.interrupted else 1 if run.crashed else 0
    if verbosity > 0:
        for r in run.rows:
            if r.status not in ("converted", "flagged"):
                click.echo(f"  {r.status}: {r.file}" + (f": {r.message}" if r.message else ""), err=as_json)
    if as_json:
        rows = run.rows
        _json_out({"status": "interrupted" if run.interrupted else "crashed" if run.crashed else "done",
                   "exit_code": code, "filings": len(rows), "by_status": run.counts(),
                   "totals": {k: sum(getattr(r, k) for r in rows) for k in
                              ("flags", "numbers_in_statements", "numbers_tagged", "numbers_untagged",
                               "checks_passed", "checks_failed", "arelle_errors", "calc_inconsistencies")},
                   "ran": run.ran, "kept": len(rows) - run.ran, "pending": run.pending, "seconds": round(run.seconds, 3),
                   "summary": [str(run.out_dir / "summary.csv"), str(run.out_dir / "summary.json"),
                               str(run.out_dir / "index.html")],
                   "dataset": run.dataset or None})
        sys.exit(code)
    lines = report_lines(run)
    for line in lines if verbosity >= 0 else lines[-1:]:
        click.echo(line)
    sys.exit(code)


@main.command(epilog="""\b
Exit codes:
  0  the viewer page is written (its path is printed)
  2  OUT holds no converted filing, or ixbrl-viewer is not installed (pip install 'edgar2xbrl[viewer]')
  4  internal error: a bug in edgar2xbrl""")
@click.argument("out_dir", metavar="OUT", type=click.Path(exists=True, file_okay=False))
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Load the filing with this taxonomy package (repeatable) instead of the built-in offline stand-ins.")
def view(out_dir, packages) -> None:
    """Write a viewer page for the inline XBRL document in OUT (a conversion's output folder) to OUT/viewer/.

    The page (index.html) and the viewer's script beside it work offline: open it in a browser from the disk.
    Needs the optional ixbrl-viewer package.
    """
    from edgar2xbrl.write.viewer import make_viewer
    try:
        page = make_viewer(out_dir, [Path(x) for x in packages])
    except ConversionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_REJECTED)
    except (Exception, MemoryError) as exc:
        click.echo(f"internal error: {out_dir}: {_where(exc)}", err=True)
        sys.exit(EXIT_INTERNAL)
    click.echo(str(page))


@main.command(epilog="""\b
Exit codes:
  0  the packages are built (or were already) and printed
  4  internal error: a bug in edgar2xbrl""")
def packages() -> None:
    """Print the paths of the offline taxonomy packages, one per line."""
    from edgar2xbrl.check.packages import build_packages
    try:
        built = build_packages()
    except (Exception, MemoryError) as exc:
        click.echo(f"internal error: {_where(exc)}", err=True)
        sys.exit(EXIT_INTERNAL)
    for p in built:
        click.echo(str(p))


if __name__ == "__main__":
    main()
