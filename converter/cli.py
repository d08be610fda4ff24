"""edgar2xbrl: a thin command line over converter.convert and converter.validate."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import ConversionError, InternalError


@click.group()
@click.version_option(package_name="edgar2xbrl")
def main() -> None:
    """Turn pre-XBRL SEC filings (text and HTML 10-Q/10-K) into XBRL."""


def _where(exc: BaseException) -> str:
    """The exception in one line, with the place in our code it came from."""
    import traceback
    frames = traceback.extract_tb(exc.__traceback__)
    at = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{at}"


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
    except InternalError as exc:
        click.echo(f"internal error: {Path(filing).name}: {exc}", err=True)
        sys.exit(4)
    except (Exception, MemoryError) as exc:  # a bug: one line that names the file, never a traceback or exit 0
        click.echo(f"internal error: {Path(filing).name}: {_where(exc)}", err=True)
        sys.exit(4)
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
@click.argument("input_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: one sub-folder per filing, plus summary.csv and summary.json.")
@click.option("--jobs", default=1, show_default=True, help="Filings converted in parallel (processes).")
@click.option("--force", is_flag=True, help="Convert again filings that already have output.")
@click.option("--no-validate", is_flag=True, help="Skip Arelle validation.")
@click.option("--taxonomy-package", "packages", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Validate against this taxonomy package (repeatable).")
def batch(input_dir, out_dir, jobs, force, no_validate, packages) -> None:
    """Convert every filing in INPUT_DIR; one failure never stops the run."""
    from .batch import run_batch
    rows = run_batch(Path(input_dir), Path(out_dir), jobs=jobs, force=force, validate=not no_validate,
                     packages=[Path(p) for p in packages], progress=sys.stderr.isatty())
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    seen = sum(r.numbers_in_statements for r in rows)
    tagged = sum(r.numbers_tagged for r in rows)
    click.echo(f"{len(rows)} filings: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    click.echo(f"numbers in statements: {seen}, tagged {tagged} ({100 * tagged / seen if seen else 0:.1f}%); "
               f"Arelle errors {sum(r.arelle_errors for r in rows)}, calculation inconsistencies "
               f"{sum(r.calc_inconsistencies for r in rows)}")
    click.echo(f"summary: {Path(out_dir) / 'summary.csv'}, {Path(out_dir) / 'summary.json'}")
    sys.exit(1 if counts.get("crashed") else 0)


@main.command()
def packages() -> None:
    """Print the paths of the offline taxonomy packages, one per line."""
    from .packages import build_packages
    for p in build_packages():
        click.echo(str(p))


if __name__ == "__main__":
    main()
