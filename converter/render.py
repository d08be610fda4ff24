"""Jinja environment over templates/ (every XBRL file written comes from one of them).

Every template writes XML, so every value is escaped (autoescape) and loses the characters XML 1.0 forbids
(the source text has them dropped and reported already; this is the last guard)."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .resources import TEMPLATES_DIR
from .xmlsafe import clean


def _finalize(value):
    if isinstance(value, Markup):  # already escaped (a macro's output): keep it markup
        return Markup(clean(str(value)))
    return clean(value) if isinstance(value, str) else value


@lru_cache(maxsize=1)
def env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), undefined=StrictUndefined,
                       keep_trailing_newline=True, autoescape=True, finalize=_finalize)


def render(template: str, **ctx) -> str:
    return join_pieces(env().get_template(template).generate(**ctx))


def join_pieces(pieces: Iterable[str], batch: int = 4096) -> str:
    """`"".join(pieces)`, without holding every piece at once: a template (or an encoder) yields many small
    strings, and a list of them all costs several times the text they make. They are joined a batch at a time,
    so at most the text twice (the batches, then the whole) is held."""
    chunks: list[str] = []
    buf: list[str] = []
    for p in pieces:
        buf.append(p)
        if len(buf) >= batch:
            chunks.append("".join(buf))
            buf.clear()
    if not chunks:
        return "".join(buf)
    chunks.append("".join(buf))
    return "".join(chunks)
