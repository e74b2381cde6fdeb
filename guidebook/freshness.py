"""Translation freshness: each translated page records, in its front matter, the hash of the
Japanese page it translates (``source_hash``). When the Japanese page changes, the hash no
longer matches: the page is stale, the report says so and the page shows a notice.
``guidebook freshness`` reports; ``guidebook freshness --stamp LANG [PAGE ...]`` records that
a translation now matches its Japanese page.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .languages import LANGUAGES, SOURCE

CONTENT = Path(__file__).resolve().parent.parent / "content"
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HASH_LINE = re.compile(r"^source_hash:\s*(\S+)\s*$", re.M)

UP_TO_DATE, STALE, MISSING = "up to date", "stale", "missing"


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def recorded_hash(text: str) -> str | None:
    front = _FRONT_MATTER.match(text)
    found = front and _HASH_LINE.search(front.group(1))
    return found.group(1) if found else None


@dataclass(frozen=True)
class Status:
    lang: str
    page: str
    state: str


def status(lang: str, page: str, content: Path = CONTENT) -> Status:
    source = _text(content / SOURCE / page)
    translated = content / lang / page
    if not translated.exists():
        return Status(lang, page, MISSING)
    fresh = recorded_hash(_text(translated)) == source_hash(source)
    return Status(lang, page, UP_TO_DATE if fresh else STALE)


def _text(path: Path) -> str:
    # Tolerant: a page that is not UTF-8 is refused by guidebook check (text_files), not here.
    return path.read_bytes().decode("utf-8", errors="replace")


def report(content: Path = CONTENT, languages=LANGUAGES) -> list[Status]:
    pages = sorted(p.name for p in (content / SOURCE).glob("*.md"))
    return [status(lang, page, content) for lang in languages if lang != SOURCE for page in pages]


def stamp(lang: str, page: str, content: Path = CONTENT) -> None:
    """Record the current Japanese page's hash in the translated page's front matter."""
    path = content / lang / page
    text = path.read_text(encoding="utf-8")
    line = f"source_hash: {source_hash((content / SOURCE / page).read_text(encoding='utf-8'))}"
    front = _FRONT_MATTER.match(text)
    if not front:
        text = f"---\n{line}\n---\n\n{text}"
    elif _HASH_LINE.search(front.group(1)):
        text = text[: front.start(1)] + _HASH_LINE.sub(line, front.group(1)) + text[front.end(1):]
    else:
        text = text[: front.end(1)] + f"\n{line}" + text[front.end(1):]
    path.write_text(text, encoding="utf-8")
