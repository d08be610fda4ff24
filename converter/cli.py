"""edgar2xbrl: a thin command line over converter.convert and converter.validate."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import ConversionError


@click.group()
@click.version_option(package_name="edgar2xbrl")
def main() -> None:
    """Turn pre-XBRL SEC filings (text and HTML 10-Q/10-K) into XBRL."""


@main.command()
@click.argument("filing", type=click.Path(dir_okay=False))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder (replaced as a whole when the conversion succeeds).")
@click.option("--prefix", help="Extension taxonomy prefix (default: derived from the registrant's name).")
@click.option("--cik", help="The registrant's CIK, when the filing has no EDGAR header.")
@click.option("--no-validate", is_flag=True, help="Skip Arelle validation.")
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Validate against this taxonomy package (repeatable) instead of the built-in offline stand-ins.")
def convert(filing, out_dir, prefix, cik, no_validate, packages) -> None:
    """Convert FILING into an XBRL instance, its extension taxonomy and a report in OUT."""
    from .pipeline import convert as run
    try:
        res = run(filing, out_dir, prefix=prefix, cik=cik, run_validation=not no_validate,
                  taxonomy_packages=[Path(p) for p in packages])
    except ConversionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for w in res.warnings:
        click.echo(w, err=True)
    s = res.report["summary"]
    click.echo(f"wrote {len(res.files)} files to {res.out_dir}")
    click.echo(f"statements: {len(res.report['statements'])}; numbers in statements: {s['numbers_in_statements']}, "
               f"tagged {s['numbers_tagged']}, listed as not tagged {s['numbers_untagged']}; "
               f"subtotal checks {s['checks_passed']} passed, {s['checks_failed']} failed")
    if res.validation is not None:
        click.echo(res.validation.summary())
        for m in res.validation.errors[:20]:
            click.echo(f"  {m.level} {m.code}: {m.text}", err=True)
        if res.validation.errors:
            sys.exit(1)


@main.command()
@click.argument("path", type=click.Path(exists=True))
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Validate against this taxonomy package (repeatable) instead of the built-in offline stand-ins.")
def validate(path, packages) -> None:
    """Validate an instance (or the instance in a conversion's output folder) with Arelle and EDGAR rules."""
    from .validate import validate as run
    p = Path(path)
    if p.is_dir():
        found = [x for x in p.glob("*.xml") if not x.name.endswith(("_pre.xml", "_cal.xml", "_def.xml", "_lab.xml"))]
        if len(found) != 1:
            click.echo(f"error: {p}: expected one instance document, found {len(found)}", err=True)
            sys.exit(2)
        p = found[0]
    res = run(p, [Path(x) for x in packages])
    for m in res.errors + res.warnings:
        click.echo(f"  {m.level} {m.code}: {m.text}")
    click.echo(res.summary())
    sys.exit(1 if res.errors else 0)


@main.command()
@click.argument("source", type=click.Path(exists=True))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: one sub-folder per filing, plus summary.csv and summary.json.")
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
def batch(source, out_dir, jobs, timeout, force, retry_failed, engine, scheduler, log_every, no_validate,
          packages) -> None:
    """Convert every filing in SOURCE (a folder, or a manifest CSV); one failure never stops the run.

    Exit code 0, or 1 if any filing crashed (statuses are in the summary); 2 if SOURCE is neither a folder nor
    a manifest; 130 or 143 when stopped by Ctrl-C or SIGTERM (the summary of what finished is written)."""
    from .batch import BatchInputError, report_lines, run_batch
    try:
        run = run_batch(Path(source), Path(out_dir), jobs=jobs, force=force, validate=not no_validate,
                        packages=[Path(p) for p in packages], progress="bar" if sys.stderr.isatty() else "log",
                        timeout=timeout, retry_failed=retry_failed, engine=engine, scheduler=scheduler,
                        log_every=log_every, echo=lambda s: click.echo(s, err=True))
    except BatchInputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for line in report_lines(run):
        click.echo(line)
    if run.interrupted:
        sys.exit(143 if run.interrupted == "SIGTERM" else 130)
    sys.exit(1 if run.crashed else 0)


@main.command()
def packages() -> None:
    """Print the paths of the offline taxonomy packages, one per line."""
    from .packages import build_packages
    for p in build_packages():
        click.echo(str(p))


if __name__ == "__main__":
    main()
