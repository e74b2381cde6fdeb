"""Numbers a reader sees, and the numbers each fact of data/ can explain."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString
from pydantic import BaseModel, HttpUrl

from macros.values import MonthDay, YearMonth

# A number as printed: digit groups with thousands separators (1,000 / 1.000 / 1 000) or plain digits.
NUMBER = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|\d+")


def numbers_in(text: str) -> list[int]:
    return [int(re.sub(r"\D", "", match)) for match in NUMBER.findall(text)]


def numbers_of(value) -> set[int]:
    """Every number a correct rendering of ``value`` may show."""
    if isinstance(value, bool) or value is None:
        return set()
    if isinstance(value, int):
        return {value}
    if isinstance(value, dt.date):
        return {value.year, value.month, value.day}
    if isinstance(value, dt.time):
        return {value.hour, value.minute, value.hour % 12 or 12}
    if isinstance(value, YearMonth):
        return {value.year, value.month}
    if isinstance(value, MonthDay):
        return {value.month, value.day}
    if isinstance(value, str):
        return set(numbers_in(value))
    if isinstance(value, HttpUrl):
        return set(numbers_in(str(value)))
    if isinstance(value, BaseModel):
        names = list(type(value).model_fields) + list(type(value).model_computed_fields)
        return set().union(*(numbers_of(getattr(value, name)) for name in names))
    if isinstance(value, dict):
        return set().union(*(numbers_of(v) for v in value.values()))
    if isinstance(value, (list, tuple)):
        return set().union(*(numbers_of(v) for v in value))
    raise TypeError(f"no numbers known for {type(value).__name__}")


def main_content(html_path: Path):
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "lxml")
    return soup.select_one("article.md-content__inner")


def mark_of(node):
    """The closest mark around a text node: ("fact", path) for a fact of data/, ("date", ISO
    date) for a day of the opening calendar (the calendar itself, not a fact), or None."""
    for parent in node.parents:
        if parent.has_attr("data-fact"):
            return "fact", parent["data-fact"]
        if parent.has_attr("data-date"):
            return "date", parent["data-date"]
    return None


def seen_numbers(article):
    """(number, mark or None, surrounding text) for every number in the main content."""
    for node in article.find_all(string=True):
        if isinstance(node, NavigableString) and node.parent.name not in ("script", "style"):
            for number in numbers_in(str(node)):
                yield number, mark_of(node), str(node).strip()


def facts_on(article) -> set[str]:
    return {element["data-fact"] for element in article.select("[data-fact]")}


def pages(site: Path, lang: str, languages) -> dict[str, Path]:
    """Built pages of one language, keyed by their path relative to the language root."""
    root = site if lang == "ja" else site / lang
    others = {site / code for code in languages if code != "ja"}
    found = {}
    for path in sorted(root.rglob("index.html")):
        if lang == "ja" and any(path.is_relative_to(other) for other in others):
            continue
        found[str(path.relative_to(root).parent)] = path
    return found
