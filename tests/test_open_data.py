"""Open data read back from the built site and compared with data/."""

import csv
import datetime as dt
import io
import json
import re

from bs4 import BeautifulSoup

from guidebook import rules
from guidebook.data import load


def _normal(value):
    """YAML writes "9:30"; JSON writes "09:30"."""
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value):
        return value.zfill(5)
    return value


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, path + (index,))
    else:
        yield path, value


def test_guidebook_json_holds_every_value_of_data(site, book):
    exported = json.loads((site / "data/guidebook.json").read_text(encoding="utf-8"))
    checked = 0
    for name, source in book.sources.items():
        for path, value in _leaves(source.value):
            found = exported["facts"][name]
            for step in path:
                found = found[step]
            assert _normal(found) == _normal(value), f"{name}.{'.'.join(map(str, path))}"
            checked += 1
    assert checked > 100
    assert exported["glossary"] == book.glossary
    assert exported["facts"]["fees"]["reissue"]["total"] == book.fees.reissue.total


def test_offices_csv_matches_data(site, book):
    text = (site / "data/offices.csv").read_bytes().decode("utf-8-sig")
    rows = {row["ID"]: row for row in csv.DictReader(io.StringIO(text))}
    assert set(rows) == set(book.offices)
    for office_id, office in book.offices.items():
        row = rows[office_id]
        assert row["全国地方公共団体コード"] == book.publication.municipality_code
        assert row["名称"].startswith(office.name_ja)
        assert row["住所"].endswith(office.address.town_ja + office.address.block)
        assert row["電話番号"] == (office.phone or "")
        assert (row["開始時間"], row["終了時間"]) == (f"{office.hours.weekdays.opens:%H:%M}", f"{office.hours.weekdays.closes:%H:%M}")
        assert re.fullmatch(r"[ァ-ヶー]+", row["名称_カナ"])


def _jsonld(path):
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]


def test_office_jsonld_matches_data_and_rules(site, book):
    for page in (site / "offices/index.html", site / "en/offices/index.html"):
        items = _jsonld(page)
        offices = {item["@id"].rsplit("#", 1)[1]: item for item in items}
        assert sorted(item["@id"].rsplit("#", 1)[1] for item in items) == sorted(book.offices), "one item per office"
        start, end = rules.calendar_window(book)
        for office_id, item in offices.items():
            office = book.offices[office_id]
            assert item["@type"] == "GovernmentOffice" and item["telephone"] == office.phone
            weekly, *dated = item["openingHoursSpecification"]
            assert (weekly["opens"], weekly["closes"]) == (f"{office.hours.weekdays.opens:%H:%M}", f"{office.hours.weekdays.closes:%H:%M}")
            open_saturdays = {d.date.isoformat() for d in rules.opening_days(book, office_id, start, end)
                              if d.open and d.date.weekday() == 5}
            assert {s["validFrom"] for s in dated if s["opens"] != "00:00"} == open_saturdays


def test_hotline_jsonld_matches_data(site, book):
    items = _jsonld(site / "contacts/index.html")
    points = {item["telephone"]: item for item in items}
    assert sorted(item["telephone"] for item in items) == sorted(line.phone for line in book.hotlines.values()), (
        "one item per hotline")
    foreign = book.hotlines["foreign"]
    assert points[foreign.phone]["availableLanguage"] == list(foreign.languages)
    jlis = book.hotlines["jlis"].hours
    weekdays = points[book.hotlines["jlis"].phone]["hoursAvailable"][0]
    assert (weekdays["opens"], weekdays["closes"]) == (f"{jlis.weekdays.opens:%H:%M}", f"{jlis.weekdays.closes:%H:%M}")


def test_calendar_window_follows_the_build_date(book, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 15, tzinfo=dt.timezone.utc).timestamp())))
    start, end = rules.calendar_window(book)
    assert start == dt.date(2026, 12, 1)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1 == book.publication.calendar_months
    assert (end + dt.timedelta(days=1)).day == 1


def test_wording_from_data_is_text_in_the_csv_and_json_ld(tmp_path):
    """A spreadsheet formula stays text in offices.csv; Markdown punctuation escaped for the
    pages is read back as written in the open data."""
    import shutil

    from conftest import ROOT, replace_once

    from guidebook import open_data

    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    formula = '=HYPERLINK("https://www.city.minato.tokyo.jp/","*x*")'
    replace_once(data / "offices.yml", "building_ja: VORT浜松町IV", f"building_ja: '{formula}'")
    book = load(data)
    rows = list(csv.DictReader(io.StringIO(open_data.offices_csv(book))))
    assert rows[0]["方書"].startswith(f"'{formula} "), rows[0]["方書"]
    office = next(iter(book.offices))
    start, end = rules.calendar_window(book)
    address = open_data.office_jsonld(book, "ja", office, start, end)["address"]["streetAddress"]
    assert formula in address and "&#" not in address, address
