"""The guidebook: facts from data/ rendered into every page in its language, checked, built
into a site and printed (the ``guidebook`` command, guidebook.cli). mkdocs-macros reaches the
page macros through the thin ``macros`` package (guidebook.page_macros)."""
