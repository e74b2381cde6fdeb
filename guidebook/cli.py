"""The ``guidebook`` command for editors and translators (``make site`` installs it in .venv/bin).

    guidebook validity --birth YYYY-MM-DD --issued YYYY-MM-DD [--stay-until YYYY-MM-DD]
    guidebook open-days --office ID --from YYYY-MM-DD --to YYYY-MM-DD
    guidebook check                                 every check of data, catalogs and pages, without a build
    guidebook freshness [--stamp LANG [PAGE ...]]   which translations lag behind the Japanese
    guidebook catalogs                              add new labels and wording to locales/*.po
    guidebook build [--site DIR]                    the site, every language (make site: check, build, pdf)
    guidebook pdf [--lang L] [--edition E] [--site DIR] [--jobs N] [--press]   the print edition from the built site

Answers are JSON on standard output; a bad argument gives a one-line error and exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import traceback
from pathlib import Path

from . import catalog, checks, freshness, rules, sitemap
from .data import load
from .errors import DataError
from .languages import LANGUAGES, SOURCE
from .print_files import EDITIONS
from .values import FIRST_DATE, LAST_DATE


def _freshness(args) -> int:
    if args.stamp:
        lang, pages = args.stamp[0], args.stamp[1:]
        if lang not in LANGUAGES or lang == SOURCE:
            print(f"guidebook: error: no translated language {lang!r}", file=sys.stderr)
            return 2
        known = sorted(p.name for p in (freshness.CONTENT / SOURCE).glob("*.md"))
        unknown = [page for page in pages if page not in known]  # never a path: only pages of content/
        if unknown:
            print(f"guidebook: error: no page {unknown[0]!r}; pages: {', '.join(known)}", file=sys.stderr)
            return 2
        for page in pages or known:
            freshness.stamp(lang, page)
        return 0
    statuses = freshness.report()
    for item in statuses:
        print(f"{item.lang:3} {item.page:16} {item.state}")
    counts = {state: sum(s.state == state for s in statuses) for state in (freshness.UP_TO_DATE, freshness.STALE, freshness.MISSING)}
    print(", ".join(f"{n} {state}" for state, n in counts.items()))
    return 0


def _dates_between(first: dt.date, last: dt.date):
    """An argument type: a date YYYY-MM-DD from ``first`` to ``last``."""
    def parse(text: str) -> dt.date:
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, found {text!r}") from None
        if not first <= day <= last:
            raise argparse.ArgumentTypeError(f"{text} is outside {first} to {last}")
        return day

    return parse


# Births of living card holders; issue, stay and opening days within the guidebook's dates.
_birth = _dates_between(dt.date(1900, 1, 1), LAST_DATE)
_date = _dates_between(FIRST_DATE, LAST_DATE)
# Opening days asked for at once: a calendar of two years at most.
MAX_OPEN_DAYS = 731


def _jobs(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"expected a number of PDFs at a time from 1 to 64, found {text!r}")
    return int(text)


def _validity(args) -> int:
    result = rules.validity(load(), args.birth, args.issued, args.stay_until)
    print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    return 0


def _open_days(args) -> int:
    first, last = getattr(args, "from"), args.to
    if (last - first).days >= MAX_OPEN_DAYS:
        print(f"guidebook: error: at most {MAX_OPEN_DAYS} days at once (--from {first} --to {last})", file=sys.stderr)
        return 2
    days = rules.opening_days(load(), args.office, first, last)
    print(json.dumps([day.as_json() for day in days], ensure_ascii=False, indent=2))
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # One line, for scripts and people alike.
        print(f"guidebook: error: {message}", file=sys.stderr)
        sys.exit(2)


def _check(args) -> int:
    """Each check in turn; a summary an editor can act on; exit 1 when anything is wrong."""
    sections = []
    try:
        book = load()
        sections.append(("data/", []))
    except DataError as exc:
        book = None
        sections.append(("data/", checks.Finding.of(exc)))
    sections.append(("pages and links", checks.content_findings(book=book)))
    if book is not None:
        sections.append(("catalogs", checks.catalog_findings(book)))
    total = 0
    for title, findings in sections:
        print(f"{'ok   ' if not findings else 'ERROR'} {title}: {len(findings) or 'no'} problem{'s' if len(findings) != 1 else ''}")
        for finding in findings:
            print(f"      {finding}")
        total += len(findings)
    # A stale translation is published with a notice: worth knowing, not a reason to stop.
    lagging = checks.freshness_findings()
    print(f"{'ok   ' if not lagging else 'note '} translation freshness: {len(lagging) or 'no'} page{'s' if len(lagging) != 1 else ''} behind the Japanese")
    for finding in lagging:
        print(f"      {finding}")
    print("everything is in order" if not total else f"{total} problem(s) to fix before publishing")
    return 1 if total else 0


def _catalogs(args) -> int:
    catalog.update(list(LANGUAGES), load())
    return 0


def _build(args) -> int:
    """A strict MkDocs build of every language into --site; a failure is one line and exit 1."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.basicConfig(format="%(levelname)s  %(message)s", level=logging.WARNING)
    try:
        build(load_config(str(catalog.ROOT / "mkdocs.yml"), strict=True, site_dir=str(args.site.resolve())))
    except MkDocsException as exc:  # MkDocs has already logged what stopped it, with the page
        print(f"guidebook build: error: {exc}", file=sys.stderr)
        return 1
    if (args.site / "sitemap.xml").exists():  # not when one language is built (GUIDEBOOK_LANGUAGE)
        sitemap.add_x_default(args.site)
    return 0


def _pdf(args) -> int:
    """PDFs of the print edition into <site>/pdf/, from the site as built (make site runs this)."""
    from . import print_pdf  # WeasyPrint and its fonts: loaded for this command only

    results = print_pdf.build(args.site, args.lang or list(LANGUAGES), args.edition, args.jobs, args.press)
    for (lang, edition), result in results.items():
        if isinstance(result, Exception):
            print(f"guidebook pdf: {lang} {edition}: {result}", file=sys.stderr)
            continue
        print(result.path)
        for line in result.early_lines:  # the file is made; the print team should look at the page
            print(f"guidebook pdf: {lang} {edition}: warning: {line}", file=sys.stderr)
    return 1 if any(isinstance(result, Exception) for result in results.values()) else 0


def _readability(args) -> int:
    """How plain each page of the built Japanese and Easy Japanese editions reads, side by side
    (guidebook/readability.py says what each column counts)."""
    from . import readability  # the morphological analyser: loaded for this command only

    for lang in args.lang or ["ja", "easy"]:
        measured = readability.report(args.site, lang)
        if not measured:
            raise ValueError(f"no pages of {lang!r} in {args.site}: build the site first (guidebook build)")
        print(f"{lang}\n{readability.HEADER}")
        for row in measured:
            print(row.row())
    return 0


def main(argv=None) -> int:
    parser = _Parser(prog="guidebook", description="The guidebook's rules, and tools for its editors and translators.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    valid = commands.add_parser("validity", help="expiry and renewal of a card and its certificates")
    valid.add_argument("--birth", type=_birth, required=True, help="date of birth")
    valid.add_argument("--issued", type=_date, required=True, help="date the card was issued")
    valid.add_argument("--stay-until", type=_date, help="last day of the period of stay (foreign residents)")
    valid.set_defaults(run=_validity)
    days = commands.add_parser("open-days", help="opening days and hours of an office")
    days.add_argument("--office", required=True, help="center, shiba, azabu, akasaka, takanawa or shibaura")
    days.add_argument("--from", type=_date, required=True, help="first day")
    days.add_argument("--to", type=_date, required=True, help="last day")
    days.set_defaults(run=_open_days)
    fresh = commands.add_parser("freshness", help="report translations that lag behind the Japanese pages")
    fresh.add_argument("--stamp", nargs="+", metavar="LANG [PAGE]",
                       help="record that LANG's pages (all, or the PAGEs named) now match the Japanese")
    fresh.set_defaults(run=_freshness)
    commands.add_parser("check", help="check data, catalogs, pages, links and freshness without a build").set_defaults(run=_check)
    commands.add_parser("catalogs", help="add new labels and data wording to every locales/*.po").set_defaults(run=_catalogs)
    site = commands.add_parser("build", help="the site of every language, strictly (make site runs this)")
    site.add_argument("--site", type=Path, default=catalog.ROOT / "site", help="where to build (default: site/)")
    site.set_defaults(run=_build)
    pdf = commands.add_parser("pdf", help="the print edition: a PDF per language and edition, from the built site")
    pdf.add_argument("--lang", action="append", choices=list(LANGUAGES), help="a language (repeat for several; default: all)")
    pdf.add_argument("--edition", action="append", choices=list(EDITIONS), help="standard or large (default: both)")
    pdf.add_argument("--site", type=Path, default=catalog.ROOT / "site", help="the built site (default: site/); PDFs go to its pdf/")
    pdf.add_argument("--jobs", type=_jobs, help="PDFs made at the same time (default: one per processor)")
    pdf.add_argument("--press", action="store_true",
                     help="the press variant for the printer: 3 mm bleed and crop marks (guidebook-<lang>-<edition>-press.pdf)")
    pdf.set_defaults(run=_pdf)
    plain = commands.add_parser("readability", help="sentence length, honorifics, passives and kango of each Japanese page")
    plain.add_argument("--lang", action="append", choices=["ja", "easy"], help="ja or easy (default: both)")
    plain.add_argument("--site", type=Path, default=catalog.ROOT / "site", help="the built site (default: site/)")
    plain.set_defaults(run=_readability)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    except ValueError as exc:
        parser.error(str(exc))
    except Exception as exc:  # a failure is a failure: one line naming the file, exit 1
        print(f"guidebook {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 1


def _one_line(exc: Exception) -> str:
    """What went wrong and where: the file an OSError names, else the project's deepest line."""
    if isinstance(exc, OSError) and exc.filename:
        path = Path(exc.filename)
        shown = path.relative_to(catalog.ROOT) if path.is_absolute() and path.is_relative_to(catalog.ROOT) else path
        return f"{shown}: {exc.strerror or exc}"
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).is_relative_to(catalog.ROOT)]
    where = f" (at {Path(frames[-1].filename).relative_to(catalog.ROOT)}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}{where}"


if __name__ == "__main__":
    sys.exit(main())
