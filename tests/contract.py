"""The consistency contract, read back from built pages: each check returns a list of problems,
one line each, naming the page, the block and the fact, so that the tests can assert that the
list is empty and the mutation tests that a broken copy gives the expected line.

What the pages say is compared with data/ rendered again here, never with a set of numbers
that a value "may" show:

- ``mark_problems``: every fact mark (``data-fact`` + ``data-form``) shows exactly the text of
  its fact in its form and the page's language; a ``tel:`` link dials exactly its number; an
  attribute that carries a fact (``data-fact-value``) holds exactly that fact.
- ``stray_digits``: no digit that a reader or a screen reader gets (text anywhere in the page,
  title, header, footer, navigation, and the attributes read aloud) lies outside a mark.
- ``block_problems``: a translated page has the Japanese page's blocks, in order, each with the
  same facts as often.
- ``calendar_problems``: every day of the opening calendar is in its weekday's column and says
  what the rules say of that day; ``print_calendar_problems``: the print edition's calendar
  covers the months from the issue and says of each day what the rules say.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import TemplateString

from guidebook import catalog, rules
from guidebook.formatting import formatter
from guidebook.languages import LANGUAGES, SOURCE, root

# Attributes a browser shows or a screen reader reads out.
READ_ATTRIBUTES = ("title", "aria-label", "alt", "value", "placeholder", "aria-valuetext", "label")
# data-* attributes read by machines only: marks, the theme's state, the calculator's rules and
# date patterns (whose output the browser tests compare with the formatter).
# data-href is the address the print stylesheet writes after a link (the browser tests compare
# it with the link's own address).
MACHINE_DATA = ("data-fact", "data-form", "data-date", "data-md-", "data-rules", "data-dates", "data-href")
# Any decimal digit of any script (Devanagari, full-width and Arabic-Indic digits too).
DIGIT = re.compile(r"\d")
# Forms that are counts with a unit: the plural entry of the label, with the number in it.
DURATIONS = {"minutes": "{n}分", "hours": "{n}時間", "days": "{n}日", "weeks": "{n}週間", "months": "{n}か月",
             "years": "{n}年"}
# Forms of a count: a translation picks the one its grammar needs ("10回目" is "10th").
COUNT_FORMS = ("number", "ordinal", *DURATIONS)
# Blocks of a page: the units a translation must keep, each with its facts.
BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td", "caption", "summary")
# A translator's explanation of a Japanese term: a paragraph with no fact, skipped by the block
# comparison (written ``{ .translation-note }`` under the paragraph).
NOTE = "translation-note"
# An office's name and address in Japanese on a page of another language (components/offices.py):
# not part of the block a translation shares with the Japanese page.
IN_JAPANESE = "in-japanese"
_PHONE = re.compile(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{2,4}")


# Kanji (with 々), and a reading in kana (Easy Japanese).
KANJI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]")
KANA = re.compile("^[\u3041-\u3096\u30a1-\u30fc]+$")


def read(path: Path) -> BeautifulSoup:
    """A built page, parsed once for all the checks (again if the file changed). Read only.

    The readings over kanji (Easy Japanese) are not the text: a reader reads the word, and the
    checks compare the word (tests/test_furigana.py reads the readings; the PDFs print them and
    give them no text, tests/test_print.py)."""
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)  # the pages of two sites: the session's and a copy built from changed data
def _parsed(path: Path, mtime_ns: int, size: int) -> BeautifulSoup:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    for annotation in soup.select("ruby > rt, ruby > rp"):
        annotation.decompose()
    return soup


def built_pages(site: Path) -> list[tuple[str, str, Path]]:
    """(language, page, file) of every HTML page a reader can open, 404 pages included."""
    found = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        lang = relative.parts[0] if relative.parts[0] in LANGUAGES else SOURCE
        if relative.parts[0] in ("assets", "pdf", "data"):
            continue
        name = str(path.relative_to(root(site, lang)))
        found.append((lang, name.removesuffix("/index.html").removesuffix("index.html") or "index", path))
    return found


def article_of(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


# --- facts rendered again ------------------------------------------------------------------


def expected_text(book, lang: str, path: str, form: str) -> str:
    """The text of a fact in a form and a language, from data/ and the formatter."""
    value = book.fact(path)
    fmt = formatter(lang)
    if isinstance(value, bool):
        raise ValueError("a yes/no value is never shown")
    if form == "text" or form == "phone":
        return str(value)
    if form == "words":
        return catalog.translate(lang, value)
    if form in DURATIONS:
        return catalog.translate_plural(lang, DURATIONS[form], value).replace("{n}", fmt.number(value))
    if form == "time_range":
        return fmt.time_range(value.opens, value.closes)
    if form == "weeks_of_month":
        return fmt.weeks(list(value))
    return getattr(fmt, form)(value)


def tel_of(number: str) -> str:
    """``tel:`` address of a number dialled in Japan: +81 and the number without its first 0."""
    assert _PHONE.fullmatch(number), f"{number!r} is not a phone number as dialled in Japan"
    return "tel:+81" + number[1:].replace("-", "")


@dataclass(frozen=True)
class Where:
    lang: str
    page: str
    block: str

    def __str__(self):
        return f"{self.lang}/{self.page} [{self.block}]"


def _heading_before(element) -> str:
    heading = element if element.name in ("h1", "h2", "h3", "h4") else element.find_previous(["h1", "h2", "h3", "h4"])
    return heading.get_text(" ", strip=True)[:60] if heading else "top"


def _block_of(element) -> str:
    block = next((p for p in [element, *element.parents] if isinstance(p, Tag) and p.name in BLOCKS), None)
    text = (block or element).get_text(" ", strip=True)
    return f"{_heading_before(element)} › {(block.name if block else element.name)} {text[:50]!r}"


def mark_problems(site: Path, book) -> list[str]:
    return [problem for lang, name, path in built_pages(site) for problem in marks_in(read(path), lang, name, book)]


def _language_of(element, page_lang: str) -> str:
    """The language a fact is written in: its element's (Japanese quoted on a page of another
    language, for the counter), else the page's (the Easy Japanese pages are lang="ja": the
    edition, not the tag, says how they word a fact)."""
    marked = element.find_parent(lambda tag: tag.has_attr("lang") and tag.name != "html")
    return marked["lang"] if marked is not None and marked["lang"] in LANGUAGES else page_lang


def marks_in(soup, lang: str, name: str, book) -> list[str]:
    problems = []
    for element in soup.select("[data-fact]"):
        where = Where(lang, name, _block_of(element))
        fact, form = element["data-fact"], element.get("data-form")
        if not form:
            problems.append(f"{where}: {fact} has no data-form")
            continue
        try:
            expected = expected_text(book, _language_of(element, lang), fact, form)
        except KeyError:
            problems.append(f"{where}: marked with {fact!r}, which is not a fact of data/")
            continue
        except Exception as exc:  # a form the value cannot take: the mark lies
            problems.append(f"{where}: {fact} cannot be shown as {form!r} ({type(exc).__name__}: {exc})")
            continue
        shown = element.get_text()
        if shown != expected:
            problems.append(f"{where}: {fact} as {form} should read {expected!r}, shows {shown!r}")
        if form == "phone" and element.get("href") != tel_of(str(book.fact(fact))):
            problems.append(f"{where}: {fact} links to {element.get('href')!r}, not {tel_of(str(book.fact(fact)))!r}")
    for element in soup.select("a[href^='tel:']"):
        if element.get("data-form") != "phone":
            problems.append(f"{Where(lang, name, _block_of(element))}: a tel: link that is no phone fact")
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            if attribute.startswith("data-fact-"):
                target = attribute.removeprefix("data-fact-")
                try:
                    expected = str(book.fact(value))
                except KeyError:
                    expected = f"(no fact {value!r})"
                if element.get(target) != expected:
                    problems.append(f"{Where(lang, name, _block_of(element))}: {target}={element.get(target)!r} "
                                    f"should be {value} = {expected!r}")
    return problems


# --- digits from nowhere -------------------------------------------------------------------


def _marked(node) -> bool:
    return any(parent.has_attr("data-fact") or parent.has_attr("data-date") for parent in node.parents)


def _copy_of_heading(soup, node) -> bool:
    """The table of contents repeats a heading as plain text: its digits are the heading's
    marked facts if the entry reads exactly as the heading does."""
    link = node.find_parent("a", href=re.compile(r"^#."))
    if link is None or "md-nav__link" not in link.get("class", []):
        return False
    heading = soup.find(id=link["href"][1:])
    return heading is not None and heading.name in BLOCKS[:6] and (
        " ".join(node.split()) == " ".join(heading.get_text().split()))


def stray_digits(site: Path) -> list[str]:
    """Digits outside fact and calendar marks, in everything a reader or screen reader gets."""
    return [problem for lang, name, path in built_pages(site) for problem in digits_in(read(path), lang, name)]


def digits_in(soup, lang: str, name: str) -> list[str]:
    problems = []
    for node in soup.find_all(string=DIGIT):
        # Text and the text of <template>s (which scripts put on the page); not comments,
        # doctype, scripts or styles.
        if type(node) not in (NavigableString, TemplateString) or node.parent.name in ("script", "style"):
            continue
        if not _marked(node) and not _copy_of_heading(soup, node):
            problems.append(f"{Where(lang, name, _block_of(node.parent))}: digit outside a fact: {node.strip()!r}")
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            # Text that a script shows comes from the page's text and marks, not from data-*.
            if (attribute.startswith("data-") and not attribute.startswith(MACHINE_DATA)
                    and isinstance(value, str) and DIGIT.search(value)):
                problems.append(f"{Where(lang, name, _block_of(element))}: digit in {attribute}={value!r} "
                                f"outside a fact")
        for attribute in READ_ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str) and DIGIT.search(value) and not element.has_attr(f"data-fact-{attribute}"):
                if element.name == "meta" or (attribute == "value" and element.name in ("input", "option")
                                              and element.get("type") in ("hidden", "date")):
                    continue
                problems.append(f"{Where(lang, name, _block_of(element))}: digit in {attribute}={value!r} "
                                f"outside a fact")
    return problems


# --- the same blocks in every language -----------------------------------------------------


@dataclass
class Block:
    kind: str
    element: Tag
    facts: list[tuple[str, str]]  # (path, form) in reading order

    def counted(self) -> Counter:
        return Counter(path for path, _ in self.facts)

    def text(self, width: int = 50) -> str:
        return repr(" ".join(self.element.get_text(" ", strip=True).split())[:width])


def blocks(article) -> list[Block]:
    """The blocks of a page in reading order, each with its facts. A fact belongs to its
    innermost block; the opening calendar is one block (its columns follow the language's first
    weekday and are checked day by day on their own)."""
    out, index = [], {}
    for element in article.find_all(True):
        calendar = "opening-calendar" in element.get("class", [])
        if calendar or (element.name in BLOCKS and NOTE not in element.get("class", [])
                        and not element.find_parent(class_="opening-calendar")):
            index[id(element)] = len(out)
            out.append(Block("calendar" if calendar else element.name, element, []))
    for mark in article.select("[data-fact]"):
        if mark.find_parent(class_=IN_JAPANESE):  # the Japanese for the counter: checked as marks, in Japanese
            continue
        block = next((p for p in mark.parents if id(p) in index), None)
        if block is not None:
            out[index[id(block)]].facts.append((mark["data-fact"], mark.get("data-form", "")))
    return out


def _form_problem(want: Block, have: Block) -> str | None:
    """A translation may say a count as a number, an ordinal or a duration, as its grammar asks;
    every other form (a date, a time, money, a name) it shows as Japanese does."""
    source = {}
    for path, form in want.facts:
        source.setdefault(path, set()).add(form)
    for path, form in have.facts:
        if form not in COUNT_FORMS and form not in source.get(path, set()):
            return f"{path} shown as {form}, the Japanese page shows it as {' or '.join(sorted(source.get(path, ())))}"
    return None


def _order_problem(want: Block, have: Block) -> str | None:
    """Facts a translation shows in the same form (two ordinals, two fees) come in the Japanese
    order: a reader tells them apart only by where they stand. Other facts may move within the
    block, as word order asks."""
    for form in sorted({form for _, form in have.facts if form not in ("words", "text")}):
        mine = [path for path, f in have.facts if f == form]
        source = [path for path, _ in want.facts if path in mine]
        if mine != source:
            return f"the {form} facts come as {mine}, the Japanese order is {source}"
    return None


def block_problems(site: Path) -> list[str]:
    problems = []
    pages = {(lang, name): path for lang, name, path in built_pages(site) if not name.endswith("404.html")}
    for (lang, name), path in sorted(pages.items()):
        if lang == SOURCE:
            continue
        source = pages.get((SOURCE, name))
        if source is None:
            problems.append(f"{lang}/{name}: no Japanese page of that name")
            continue
        article = article_of(read(path))
        for note in article.select(f".{NOTE}"):
            if note.select("[data-fact]"):
                problems.append(f"{lang}/{name}: a translation note carries a fact: {note.get_text(' ', strip=True)[:60]!r}")
        wanted, found = blocks(article_of(read(source))), blocks(article)
        for number, (want, have) in enumerate(zip(wanted, found), 1):
            if want.kind != have.kind:
                detail = f"a {have.kind} where Japanese has a {want.kind}"
            elif want.counted() != have.counted():
                missing, extra = want.counted() - have.counted(), have.counted() - want.counted()
                detail = f"missing {dict(missing)}, extra {dict(extra)}"
            else:
                detail = _form_problem(want, have) or _order_problem(want, have)
            if detail:
                problems.append(f"content/{lang}/{name}.md: block {number} ({_heading_before(have.element)} › "
                                f"{have.text()}) differs from the Japanese block ({want.text(40)}): {detail}")
                break
        else:
            if len(wanted) != len(found):
                problems.append(f"content/{lang}/{name}.md: {len(found)} blocks, the Japanese page has {len(wanted)}")
    return problems


# --- the opening calendar ------------------------------------------------------------------


def calendar_problems(site: Path, book) -> list[str]:
    """Every month of every calendar read back: columns, open or closed, hours, reason."""
    from guidebook.components.calendar import REASONS

    problems, checked = [], 0
    for lang, name, path in built_pages(site):
        fmt = formatter(lang)
        for calendar in read(path).select(".opening-calendar"):
            office = calendar["data-office"]
            where = f"{lang}/{name} calendar of {office}"
            for table in calendar.select("table"):
                columns = [th.abbr["title"] for th in table.select("thead th")]
                weekday_names = [fmt.locale.days["format"]["wide"][d] for d in range(7)]
                month = table.select_one("caption [data-date]")
                first = dt.date.fromisoformat(month["data-date"])
                if month.get_text() != fmt.year_month(first):
                    problems.append(f"{where}: month {first:%Y-%m} captioned {month.get_text()!r}")
                for row in table.select("tbody tr"):
                    for column, cell in enumerate(row.find_all("td")):
                        day_mark = cell.select_one("[data-date]")
                        if day_mark is None:
                            continue
                        checked += 1
                        day = dt.date.fromisoformat(day_mark["data-date"])
                        at = f"{where}, {day.isoformat()}"
                        if columns[column] != weekday_names[day.weekday()]:
                            problems.append(f"{at}: in the column of {columns[column]}, "
                                            f"not {weekday_names[day.weekday()]}")
                        if cell.get("data-weekday") != weekday_names[day.weekday()]:  # shown on a phone
                            problems.append(f"{at}: says it is {cell.get('data-weekday')!r}, not {weekday_names[day.weekday()]}")
                        if day_mark.get_text() != fmt.number(day.day):
                            problems.append(f"{at}: shows the day as {day_mark.get_text()!r}")
                        problems += _day_problems(book, lang, at, office, day, cell, REASONS)
                        problems += _last_entry_problems(book, lang, at, office, day, cell)
            problems += _period_problems(lang, where, calendar)
    if not checked:
        problems.append("no calendar day found on any page")
    return problems


def _period_problems(lang: str, where: str, calendar) -> list[str]:
    """The line under the calendar gives the last day the calendar shows, as the formatter writes it."""
    days = [dt.date.fromisoformat(mark["data-date"]) for mark in calendar.select("td [data-date]")]
    period = calendar.select_one(".calendar-period [data-date]")
    if period is None:
        return [f"{where}: no line says up to when the calendar is valid"]
    shown = dt.date.fromisoformat(period["data-date"])
    if not days or shown != max(days) or period.get_text() != formatter(lang).date(shown):
        return [f"{where}: valid until {period.get_text()!r} ({shown}), the last day shown is {max(days, default=None)}"]
    return []


def _day_problems(book, lang, at, office, day, cell, reasons) -> list[str]:
    """Open with the rules' hours, or closed with the rules' reason."""
    truth = rules.opening_day(book, office, day)
    fmt, problems = formatter(lang), []
    hours = cell.select(".hours [data-fact]")
    if truth.open:
        shown = [element.get_text() for element in hours]
        want = [fmt.time_range(truth.opens, truth.closes)]
        if shown != want:
            problems.append(f"{at}: open {want[0]}, shows {shown or 'no hours'}")
    else:
        reason = cell.select_one(".closed-reason")
        want = catalog.translate(lang, reasons[truth.reason_closed])
        if cell.select("[data-fact]") or reason is None or " ".join(reason.get_text().split()) != want:
            problems.append(f"{at}: closed ({want}), shows {cell.get_text(' ', strip=True)!r}")
    return problems


def _last_entry_problems(book, lang, at, office, day, cell) -> list[str]:
    truth = rules.opening_day(book, office, day)
    if not truth.last_entry:
        return []
    last = cell.select_one(".last-entry [data-fact]")
    want = formatter(lang).time(truth.last_entry)
    return [] if last is not None and last.get_text() == want else [f"{at}: last entry {want} not shown"]


def print_calendar_problems(soup, lang: str, name: str, book) -> list[str]:
    """The print document's calendars read back: the months of data/publication.yml from the
    month of issue, each whole and in order, each day's weekday and what the rules say of it,
    and the last entries of the month's open days in its key."""
    from guidebook.components.calendar import REASONS

    fmt, problems = formatter(lang), []
    calendars = soup.select(".print-calendar")
    if not calendars:
        return [f"{lang} {name}: no printed calendar"]
    issued = book.publication.issued
    first_months = [(issued.year * 12 + issued.month - 1 + n) for n in range(book.publication.print_calendar_months)]
    want_months = [dt.date(index // 12, index % 12 + 1, 1) for index in first_months]
    short = fmt.locale.days["format"]["abbreviated"]
    wide = fmt.locale.days["format"]["wide"]
    for calendar in calendars:
        office, where = calendar["data-office"], f"{lang} {name} printed calendar of {calendar['data-office']}"
        months = calendar.select(".print-calendar-month")
        shown_months = [dt.date.fromisoformat(m.select_one("h4 [data-date]")["data-date"]) for m in months]
        if shown_months != want_months:
            problems.append(f"{where}: months {[f'{m:%Y-%m}' for m in shown_months]}, "
                            f"expected {[f'{m:%Y-%m}' for m in want_months]}")
        for month, first in zip(months, shown_months):
            heading = month.select_one("h4 [data-date]")
            if heading.get_text() != fmt.year_month(first):
                problems.append(f"{where}: month {first:%Y-%m} headed {heading.get_text()!r}")
            items = month.select("li")
            days = [dt.date.fromisoformat(item.select_one(".day[data-date]")["data-date"]) for item in items]
            every_day = [first + dt.timedelta(days=n) for n in range(31) if (first + dt.timedelta(days=n)).month == first.month]
            if days != every_day:
                problems.append(f"{where}: {first:%Y-%m} lists {len(days)} days, not each day of the month once in order")
            for item, day in zip(items, days):
                at = f"{where}, {day.isoformat()}"
                weekday = item.select_one(".weekday").get_text()
                if weekday not in (short[day.weekday()], wide[day.weekday()]):
                    problems.append(f"{at}: says it is {weekday!r}, not {short[day.weekday()]}")
                if item.select_one(".day").get_text() != fmt.number(day.day):
                    problems.append(f"{at}: shows the day as {item.select_one('.day').get_text()!r}")
                problems += _day_problems(book, lang, at, office, day, item, REASONS)
            truths = [rules.opening_day(book, office, day) for day in days]
            want_last = {fmt.time(t.last_entry) for t in truths if t.open and t.last_entry}
            shown_last = {e.get_text() for e in month.select(".print-calendar-key [data-form=time]")}
            if shown_last != want_last:
                problems.append(f"{where}, {first:%Y-%m}: the key gives the last entry as {sorted(shown_last)}, "
                                f"the month's open days {sorted(want_last)}")
    return problems
