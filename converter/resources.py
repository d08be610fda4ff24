"""Where the package's data lives: the concept catalog and the templates, found with importlib.resources.

Installed from a wheel they are the sub-packages ``edgar2xbrl.taxonomy`` and ``edgar2xbrl.templates``; in the
repository (editable install) they are the top-level ``taxonomy/`` and ``templates/`` folders.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_dir(name: str) -> Path:
    """The folder of package data `name` ("taxonomy" or "templates") as a real file-system path."""
    here = files(f"{__package__}.{name}")
    if not isinstance(here, Path):  # a zipped install: Jinja and the digest need real files
        raise RuntimeError(f"edgar2xbrl's {name} data is not on the file system ({here}); install it unzipped")
    return here


TAXONOMY_DIR = data_dir("taxonomy")
TEMPLATES_DIR = data_dir("templates")
