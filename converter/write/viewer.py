"""A viewer page for a converted filing: the inline XBRL document in Workiva's ixbrl-viewer, working offline.

Arelle loads the inline document with the iXBRLViewerPlugin (the optional `viewer` extra) and the offline stand-in
taxonomies; the plugin writes the page and a copy of its JavaScript beside it, so opening the page needs no
network and no web server.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from edgar2xbrl.errors import ConversionError
from edgar2xbrl.write.outdir import VIEWER

PAGE = "index.html"


class ViewerUnavailable(ConversionError):
    """ixbrl-viewer is not installed."""


def plugin_dir() -> Path:
    try:
        import iXBRLViewerPlugin
    except ImportError:
        raise ViewerUnavailable("the viewer needs the ixbrl-viewer package, which is not installed: "
                                "pip install 'edgar2xbrl[viewer]' (or pip install ixbrl-viewer)") from None
    return Path(iXBRLViewerPlugin.__file__).parent


def inline_document(out_dir: Path) -> Path:
    """The inline XBRL document of the conversion in out_dir."""
    try:
        names = json.loads((out_dir / "report.json").read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        names = [p.name for p in out_dir.glob("*.htm")]
    found = [out_dir / n for n in names if isinstance(n, str) and n.endswith(".htm") and (out_dir / n).is_file()]
    if len(found) != 1:
        raise ConversionError("holds no inline XBRL document (.htm) of a conversion: convert a filing into it first",
                              str(out_dir))
    return found[0]


def make_viewer(out_dir: str | Path, taxonomy_packages: list[Path] | None = None) -> Path:
    """Write the viewer page of the conversion in out_dir into out_dir/viewer/ (replaced); its path."""
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    from edgar2xbrl.check.packages import packages_for
    from edgar2xbrl.check.validate import _Collect

    out_dir = Path(out_dir)
    plugin = plugin_dir()
    script = plugin / "viewer" / "dist" / "ixbrlviewer.js"
    if not script.is_file():
        raise ViewerUnavailable(f"the ixbrl-viewer package has no viewer script at {script}")
    doc = inline_document(out_dir)
    dest = out_dir / VIEWER
    tmp = out_dir / f".{VIEWER}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    packages, _ = packages_for(taxonomy_packages)
    opts = RuntimeOptions(entrypointFile=str(doc), packages=[str(p) for p in packages], plugins=str(plugin),
                          internetConnectivity="offline", disablePersistentConfig=True, logFile="logToBuffer",
                          keepOpen=False,
                          # the script is copied beside the page and named relatively: the page works offline
                          pluginOptions={"saveViewerDest": str(tmp / PAGE), "viewerURL": str(script)})
    handler = _Collect()
    with Session() as session:
        session.run(opts, logHandler=handler)
    page = tmp / PAGE
    if not page.is_file() or not (tmp / script.name).is_file():
        shutil.rmtree(tmp, ignore_errors=True)
        errors = [m.text for m in handler.records if m.level in ("ERROR", "CRITICAL", "FATAL") or
                  "exception" in m.code.lower()]
        raise ConversionError("the viewer could not be generated" + (": " + "; ".join(errors[:3]) if errors else ""),
                              str(doc))
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    return dest / PAGE
