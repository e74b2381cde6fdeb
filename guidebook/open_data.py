"""Open data made at build time from data/: every fact as JSON, the offices as a CSV in the
columns of Japan's recommended open-data set for public facilities (公共施設一覧), and
schema.org JSON-LD for the pages about the offices and the hotlines."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re

from markupsafe import Markup
from pydantic import BaseModel

from .catalog import translate
from .context import Context
from .data import Guidebook
from .languages import SOURCE
from .rules import opening_days
from .values import MonthDay, YearMonth


def plain(value):
    """A fact as JSON: times "09:00", dates ISO, months "2026-06", days of the year "12-29"."""
    if isinstance(value, BaseModel):
        names = list(type(value).model_fields) + list(type(value).model_computed_fields)
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, YearMonth):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, MonthDay):
        return f"{value.month:02d}-{value.day:02d}"
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    return str(value)


def guidebook_json(book: Guidebook) -> str:
    return json.dumps({"facts": plain(book.files), "glossary": book.glossary}, ensure_ascii=False, indent=1, sort_keys=True)


def _text(markup: str) -> str:
    """The text of rendered HTML: tags dropped, character references read (``&#42;`` is ``*``)."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", str(markup))).strip())


def _address(book: Guidebook, office: str, lang: str = SOURCE) -> str:
    return _text(Context(lang=lang, book=book).render("address.html", id=office, office=book.offices[office]))


def _katakana(hiragana: str) -> str:
    """The data set writes readings in katakana; data/ keeps them in hiragana."""
    return "".join(chr(ord(ch) + 0x60) if "ぁ" <= ch <= "ゖ" else ch for ch in hiragana)


# Columns of 公共施設一覧 (the Digital Agency's recommended data set for public facilities).
OFFICE_COLUMNS = ("全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "名称_英字", "住所", "方書",
                  "緯度", "経度", "電話番号", "利用可能曜日", "開始時間", "終了時間", "利用可能日時特記事項", "説明", "URL", "備考")


def offices_csv(book: Guidebook) -> str:
    ja = Context(lang=SOURCE, book=book)
    publication = book.publication
    out = io.StringIO()
    writer = csv.DictWriter(out, OFFICE_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for office_id, office in book.offices.items():
        address = office.address
        days = "月火水木金" + ("土" if office.hours.saturdays else "")
        notes = []
        if office.hours.weekdays.last_entry:
            notes.append(f"平日 最終受付{ja.fmt.time(office.hours.weekdays.last_entry)}")
        if office.hours.saturdays:
            saturdays = office.hours.saturdays
            notes.append(f"第{ja.fmt.weeks(saturdays.open_weeks)}土曜日 {ja.fmt.time_range(saturdays.opens, saturdays.closes)}"
                         f"（最終受付{ja.fmt.time(saturdays.last_entry)}）")
        notes.append("休館日：" + _text(ja.render("closed_days.html", id=office_id, office=office)))
        writer.writerow({column: _cell(value) for column, value in {
            "全国地方公共団体コード": publication.municipality_code,
            "ID": office_id,
            "地方公共団体名": publication.prefecture_name + publication.municipality_name,
            "名称": office.name_ja + (f" {office.section_ja}" if office.section_ja else ""),
            "名称_カナ": _katakana(office.name_kana),
            "名称_英字": translate("en", office.name_ja),
            "住所": f"{publication.prefecture_name}{publication.municipality_name}{address.town_ja}{address.block}",
            "方書": f"{address.building_ja} {address.floor}階" if address.building_ja else "",
            "緯度": "", "経度": "",
            "電話番号": office.phone or "",
            "利用可能曜日": days,
            "開始時間": f"{office.hours.weekdays.opens:%H:%M}",
            "終了時間": f"{office.hours.weekdays.closes:%H:%M}",
            "利用可能日時特記事項": " / ".join(notes),
            "説明": "マイナンバーカードの手続き",
            "URL": f"{publication.online_edition}offices/",
            "備考": "予約優先" if office.reservation == "priority" else "",
        }.items()})
    return out.getvalue()


def _cell(value: str) -> str:
    """A spreadsheet reads a cell that begins with = + - @ (or a tab or return) as a formula:
    such wording from data/ or a catalog is kept as text by a leading apostrophe."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _hours(days: list[str], hours, **extra) -> dict:
    return {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{d}" for d in days],
            "opens": f"{hours.opens:%H:%M}", "closes": f"{hours.closes:%H:%M}", **extra}


def office_jsonld(book: Guidebook, lang: str, office_id: str, start: dt.date, end: dt.date) -> dict:
    """A GovernmentOffice: weekday hours, each open Saturday and each closed weekday of the
    calendar's months as dated specifications (schema.org has no "1st, 2nd and 4th Saturday")."""
    office = book.offices[office_id]
    specs = [_hours(list(_WEEKDAYS[:5]), office.hours.weekdays)]
    for day in opening_days(book, office_id, start, end):
        iso = day.date.isoformat()
        if day.open and day.date.weekday() == 5:
            specs.append(_hours(["Saturday"], day, validFrom=iso, validThrough=iso))
        elif not day.open and day.date.weekday() < 5:
            specs.append({"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{_WEEKDAYS[day.date.weekday()]}"],
                          "opens": "00:00", "closes": "00:00", "validFrom": iso, "validThrough": iso})
    publication = book.publication
    return {
        "@context": "https://schema.org", "@type": "GovernmentOffice", "@id": f"{publication.online_edition}offices/#{office_id}",
        "name": translate(lang, office.name_ja), "telephone": office.phone,
        "address": {"@type": "PostalAddress", "streetAddress": _address(book, office_id, lang),
                    "addressLocality": publication.municipality_name,
                    "addressRegion": publication.prefecture_name, "addressCountry": "JP"},
        "openingHoursSpecification": specs,
    }


def hotline_jsonld(book: Guidebook, lang: str, hotline_id: str) -> dict:
    line = book.hotlines[hotline_id]
    hours_of = book.hotlines[line.hours_as] if line.hours_as else line
    point = {"@context": "https://schema.org", "@type": "ContactPoint", "name": translate(lang, line.name_ja),
             "telephone": line.phone, "contactType": "customer support",
             "availableLanguage": list(line.languages) or [SOURCE]}
    if hours_of.hours:
        point["hoursAvailable"] = [_hours(list(_WEEKDAYS[:5]), hours_of.hours.weekdays),
                                   _hours(list(_WEEKDAYS[5:]), hours_of.hours.weekends_holidays)]
    elif line.hours_a_day == 24:
        point["hoursAvailable"] = [{"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{d}" for d in _WEEKDAYS],
                                    "opens": "00:00", "closes": "23:59"}]
    return point


def script(data) -> Markup:
    # No <, > or & inside the element: text from data cannot end it or open a comment.
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')
