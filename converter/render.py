"""Jinja environment over templates/ (every XBRL file written comes from one of them)."""
from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .resources import TEMPLATES_DIR


@lru_cache(maxsize=1)
def env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), undefined=StrictUndefined,
                       keep_trailing_newline=True, autoescape=False)


def render(template: str, **ctx) -> str:
    return env().get_template(template).render(**ctx)
