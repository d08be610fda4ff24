"""Jinja environment over templates/ (every XBRL file written comes from one of them).

Every template writes XML, so every value is escaped (autoescape) and loses the characters XML 1.0 forbids
(the source text has them dropped and reported already; this is the last guard)."""
from __future__ import annotations

from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from edgar2xbrl.resources import TEMPLATES_DIR
from edgar2xbrl.write.xmlsafe import FORBIDDEN, clean

_drop_forbidden = FORBIDDEN.sub  # bound once: every value a template writes passes here


def _finalize(value):
    if type(value) is str:  # the common case first (most values are plain strings)
        if value.isascii() and value.isprintable():
            return value  # (nothing to drop: what the pattern would give back)
        return _drop_forbidden("", value)
    if isinstance(value, Markup):  # already escaped (a macro's output): keep it markup
        return Markup(clean(str(value)))
    return clean(value) if isinstance(value, str) else value


class _Environment(Environment):
    def getattr(self, obj, attribute):
        """`x.name` in a template: Jinja tries the attribute first, and on a dict (what the report's views and
        the taxonomy's rows are) that fails with an exception raised and caught on every lookup, before the key
        is read. A plain dict's key is read first here; no template names a key that is also a dict method, so
        what a lookup gives is unchanged."""
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        try:  # (what Jinja tries first, without a call into it: most lookups end here)
            return getattr(obj, attribute)
        except AttributeError:
            pass
        return super().getattr(obj, attribute)  # (the attribute again, then the item, else undefined)


@pass_context
def _href(context, concept: str) -> str:
    """`href(concept)` in the linkbases' templates: a concept's locator href, from the template's `urls` and
    `schema_file` (a standard concept's element in its published schema, an extension's in ours). A function, not
    a macro: a macro call per locator cost more than the rest of the linkbase. Read as the templates read them
    (a name or key missing is undefined, and says so when written); the template escapes what it returns."""
    urls = context.resolve("urls")
    get = context.environment.getattr
    if concept.startswith("us-gaap:"):
        return f"{get(urls, 'us_gaap')}#us-gaap_{concept[8:]}"
    if concept.startswith("dei:"):
        return f"{get(urls, 'dei')}#dei_{concept[4:]}"
    if concept.startswith("srt:"):
        return f"{get(urls, 'srt')}#srt_{concept[4:]}"
    return f"{context.resolve('schema_file')}#{concept.replace(':', '_')}"


@lru_cache(maxsize=1)
def env() -> Environment:
    e = _Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), undefined=StrictUndefined,
                     keep_trailing_newline=True, autoescape=True, finalize=_finalize)
    e.globals["href"] = _href
    return e


def render(template: str, **ctx) -> str:
    # what Template.generate yields, without its extra generator in front of every piece (a large document is
    # hundreds of thousands of pieces); an error is reported as Jinja reports it, with the template's line
    t = env().get_template(template)
    try:
        return join_pieces(t.root_render_func(t.new_context(ctx)))
    except Exception:
        env().handle_exception()
        raise  # (handle_exception raises)


class Rendered:
    """A file a template makes, rendered when it is written: whole for a file kept in memory (`text`), a chunk at
    a time for a file written as it comes (`chunks`: never held whole)."""
    __slots__ = ("template", "ctx")

    def __init__(self, template: str, **ctx) -> None:
        self.template, self.ctx = template, ctx

    def text(self) -> str:
        return render(self.template, **self.ctx)

    def chunks(self) -> Iterator[str]:
        return render_chunks(self.template, **self.ctx)


def render_chunks(template: str, batch: int = 4096, **ctx) -> Iterator[str]:
    """What `render` returns, given as it is made, a batch of pieces at a time (for a file written as it comes:
    the text is never held whole)."""
    t = env().get_template(template)
    context = t.new_context(ctx)
    pieces = t.root_render_func(context)
    try:
        yield from chunked(pieces, batch)
    except Exception:
        env().handle_exception()
        raise  # (handle_exception raises)
    finally:
        pieces.close()
        _let_go(context)


def _let_go(context) -> None:
    """Empty a rendered template's context, and those of the macro modules it imported `with context`: a module's
    macros and its context refer to each other, a cycle only the collector frees, and the module's context holds
    every variable of the template (every fact, every row) until then."""
    from jinja2.environment import TemplateModule
    from jinja2.runtime import Context, Macro
    for value in list(context.vars.values()):
        if not isinstance(value, TemplateModule):
            continue
        for macro in list(vars(value).values()):
            func = getattr(macro, "_func", None) if isinstance(macro, Macro) else None
            for cell in getattr(func, "__closure__", None) or ():
                try:
                    inner = cell.cell_contents
                except ValueError:  # (an empty cell)
                    continue
                if isinstance(inner, Context) and inner is not context:
                    inner.vars.clear()
                    inner.parent.clear()
    context.vars.clear()
    context.parent.clear()


def chunked(pieces: Iterable[str], batch: int = 4096) -> Iterator[str]:
    """The pieces joined a batch at a time (a template or an encoder yields many small strings: a file is written
    a chunk at a time, not a piece at a time)."""
    pieces = iter(pieces)
    while True:
        buf = list(islice(pieces, batch))
        yield "".join(buf)
        if len(buf) < batch:
            return


def join_pieces(pieces: Iterable[str], batch: int = 4096) -> str:
    """`"".join(pieces)`, without holding every piece at once: a template (or an encoder) yields many small
    strings, and a list of them all costs several times the text they make. They are joined a batch at a time,
    so at most the text twice (the batches, then the whole) is held."""
    pieces = iter(pieces)
    chunks: list[str] = []
    while True:
        buf = list(islice(pieces, batch))  # a batch taken at C speed, not a Python step per piece
        chunks.append("".join(buf))
        if len(buf) < batch:
            break
    return chunks[0] if len(chunks) == 1 else "".join(chunks)
