"""mkdocs-macros module: facts from data/, rendered in the language being built.

Content calls ``{{ fact("fees.certificates.juminhyo.konbini") }}`` for one value,
``{{ words("offices.center.name_ja") }}`` for wording that belongs to data, and the
components in ``guidebook.components`` for tables and lists."""

from __future__ import annotations

import functools
import inspect
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import checks, freshness, page_jinja, text_files
from .catalog import N_
from .components import COMPONENTS, PAGE_MACROS
from .context import Context
from .data import load_cached
from .errors import DataError

__all__ = ["define_env", "on_pre_page_macros"]

STALE_NOTICE = N_("このページの翻訳は、日本語版の最新の内容に追いついていない可能性があります。")


def define_env(env) -> None:
    try:
        book = load_cached()
    except DataError as exc:
        raise PluginError(f"data/ has {len(exc.problems)} problem(s):\n{exc}") from None
    contexts: dict[str, Context] = {}

    def context() -> Context:
        # The language being built: static-i18n sets theme.language for each language it builds.
        lang = env.conf["theme"]["language"]
        if lang not in contexts:
            contexts[lang] = Context(lang=lang, book=book)
        return contexts[lang]

    env.macro(lambda path, form=None: context().fact(path, form), "fact")
    env.macro(lambda path: context().words(path), "words")
    env.macro(lambda path: context().words_list(path), "words_list")
    for name, component in COMPONENTS.items():
        env.macro(_bound(component, context), name)


def _bound(component, context):
    @functools.wraps(component)
    def call(*args, **kwargs):
        return component(context(), *args, **kwargs)

    # What a page may pass: the component's parameters after the context (page_jinja.render checks them).
    signature = inspect.signature(component)
    call.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])
    return call


def on_pre_page_macros(env) -> None:
    """A page's source is checked before it is rendered (checks.page_problems: front matter,
    ids, an empty translation, Jinja other than macro calls); a problem stops the build. Then its
    macro calls are rendered (page_jinja.render; mkdocs-macros renders no page itself,
    mkdocs.yml ``render_by_default: false``). A translated page whose Japanese source changed
    since it was translated says so, first."""
    lang = env.conf["theme"]["language"]
    where = f"content/{env.page.file.src_uri}"
    try:
        text = text_files.read(Path(env.page.file.abs_src_path), where)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    refused = checks.page_problems(text, lang != freshness.SOURCE)
    if refused:
        raise PluginError("\n".join(f"{where}:{line}: {problem}" for line, problem in refused))
    first_line = page_jinja.markdown_of(text)[1]
    try:
        env.markdown = page_jinja.render(env.markdown, {name: env.macros[name] for name in PAGE_MACROS}, first_line)
    except page_jinja.RenderError as exc:
        raise PluginError(f"{where}:{exc.line}: {exc}") from None
    if lang == freshness.SOURCE:
        return
    if freshness.status(lang, env.page.file.src_uri.split("/")[-1]).state == freshness.STALE:
        notice = Context(lang=lang, book=load_cached())._(STALE_NOTICE)
        env.markdown = f'!!! warning "" \n\n    {notice}\n\n{env.markdown}'
