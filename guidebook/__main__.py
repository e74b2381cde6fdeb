"""``python -m guidebook``: the ``guidebook`` command."""

from .cli import main

raise SystemExit(main())
