"""Builds are atomic (a failed ``make site`` leaves the previous site/ as it was) and
reproducible (the same sources give the same files)."""

import filecmp
import hashlib
import os
import shutil
import subprocess
import sys

from conftest import ROOT, build, copy_project

# Any fixed day: both builds must see the same one (the calendar shows the months from it).
FIXED_EPOCH = "1790000000"


def _tree(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_sources_are_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        result = build(ROOT, out)
        assert result.returncode == 0, result.stderr
    a, b = _tree(first), _tree(second)
    assert set(a) == set(b)
    differing = [name for name in a if a[name] != b[name]]
    assert not differing, differing[:10]


def _make_site(project):
    """`make site` in the copy, with this project's environment as it is: the copy's own set-up
    step would install the copy, editable, into it (and leave it pointing at a deleted folder)."""
    venv, installed = ROOT / ".venv", project.parent / "installed"
    installed.touch()  # newer than the copied requirements.lock and pyproject.toml: up to date
    return subprocess.run(["make", "site", f"VENV={venv}", f"STAMP={installed}", f"PYTHON={sys.executable}"],
                          cwd=project, capture_output=True, text=True, timeout=1200)


def test_a_failed_build_leaves_the_previous_site_intact(tmp_path):
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / name, project / name)
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("the site as published yesterday\n", encoding="utf-8")
    kept = tmp_path / "kept"
    shutil.copytree(previous, kept)

    # refused by the checks, before any building
    fees = project / "data/fees.yml"
    good = fees.read_text(encoding="utf-8")
    fees.write_text(good.replace("card: 800", "card: -800"), encoding="utf-8")
    result = _make_site(project)
    assert result.returncode != 0 and "reissue.card" in result.stdout + result.stderr
    assert not filecmp.dircmp(previous, kept).diff_files and set(os.listdir(previous)) == set(os.listdir(kept))

    # refused by the build itself, half-way through the languages
    fees.write_text(good, encoding="utf-8")
    page = project / "content/en/faq.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ hours_table("minato") }}\n', encoding="utf-8")
    result = _make_site(project)
    assert result.returncode != 0 and "no office 'minato'" in result.stdout + result.stderr
    assert set(os.listdir(previous)) == set(os.listdir(kept))
    assert (previous / "index.html").read_text(encoding="utf-8") == "the site as published yesterday\n"


def test_no_pass_over_a_page_rewrites_what_is_not_markup():
    """The passes over a page's text (glossary, language of parts, readings, Thai words) share
    guidebook/html_text.py: the content of script, style, textarea and title is left exactly
    as it was (a "<" in a script is not a tag), whatever the pass itself leaves alone."""
    from guidebook.html_text import rewrite_text

    kept = ('<script>if (a < b && c > d) { x = "<b>港区</b>"; }</script><style>p::after { content: "港区"; }</style>'
            '<title>港区</title><textarea>港区</textarea>')
    html = f"<head>{kept}</head><p>港区 <em>港区</em></p>"
    out = rewrite_text(html, lambda name, attributes: False, lambda text: text.replace("港区", "MINATO"))
    assert out == f"<head>{kept}</head><p>MINATO <em>MINATO</em></p>", out


def test_pages_are_rendered_as_jinja_would_render_them():
    """Pages' macro calls are rendered by guidebook/page_jinja.py from the checked parse, not by
    Jinja's compiler: the text around the calls (whitespace control, comments, raw blocks, the
    last newline) and the calls' arguments come out as Jinja's own rendering of the same page
    gives them, for every page of content/ and for the cases pages do not have yet."""
    import jinja2
    from mkdocs.utils.meta import get_data

    from guidebook.components import PAGE_MACROS
    from guidebook.page_jinja import render

    def stub(name):
        return lambda *args, **kwargs: f"[{name} {args!r} {sorted(kwargs.items())!r}]"

    macros = {name: stub(name) for name in PAGE_MACROS}
    pages = {str(path.relative_to(ROOT)): get_data(path.read_text(encoding="utf-8"))[0]
             for path in sorted((ROOT / "content").rglob("*.md"))}
    pages.update({
        "whitespace control": 'a  {{- fact("x") -}}  b\n  {{ fact("y", form="z") }}\n',
        "comment and raw": '{# a note #}x {% raw %}{{ not a call }}{% endraw %} y',
        "last newlines": '{{ words("w") }}\n\n',
        "numbers and text": '{{ hours_table("center") }} {{ fact("a", 2) }} ¥{{ fact("b") }}',
    })
    jinja = jinja2.Environment()  # mkdocs-macros' syntax: mkdocs.yml sets none of its j2_ options
    wrong = [name for name, markdown in pages.items()
             if render(markdown, macros) != jinja.from_string(markdown).render(**macros)]
    assert len(pages) > 100 and not wrong, f"rendered unlike Jinja: {wrong[:10]}"


def test_the_preview_hears_of_changes_at_once(tmp_path):
    """`mkdocs serve` polls its folders every half second; the plugin moves them to the system's
    change notices. After the move, an edit of a page, of mkdocs.yml or of a watched folder
    still brings a rebuild."""
    import threading
    import time
    from types import SimpleNamespace

    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    from guidebook.plugin import GuidebookPlugin

    docs, data, theme = tmp_path / "content", tmp_path / "data", tmp_path / "theme"
    for folder in (docs, data, theme):
        folder.mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\n", encoding="utf-8")
    builds = []
    server = LiveReloadServer(builder=lambda: builds.append(time.monotonic()), host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs))  # as mkdocs serve does before the plugins' on_serve
    server.watch(str(config_file))
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=str(config_file), theme=SimpleNamespace(dirs=[str(theme)]))
    server = GuidebookPlugin().on_serve(server, config=config, builder=server.builder)
    server.watch(str(data))  # mkdocs.yml's watch:, after on_serve
    assert not isinstance(server.observer, PollingObserver), type(server.observer)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.observer.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # its watches set up
        for edited in (docs / "index.md", config_file, data / "fees.yml"):
            before = len(builds)
            edited.write_text(f"{time.time()}\n", encoding="utf-8")
            deadline = time.monotonic() + 10
            while len(builds) == before and time.monotonic() < deadline:
                time.sleep(0.02)
            assert len(builds) > before, f"no rebuild after an edit of {edited.name}"
            time.sleep(0.3)  # the rebuild's own wait for more edits
    finally:
        server.shutdown()
        thread.join(5)
