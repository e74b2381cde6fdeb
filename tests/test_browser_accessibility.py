"""Every page of every language (content pages and 404 pages) in headless Chromium: axe-core finds
no WCAG 2.2 AA or best-practice violation, in the light and the dark scheme; the first Tab reaches
the skip link, which moves focus to the main content; text is at least 18px; tables are named; at
320 CSS pixels nothing scrolls sideways, and with the text spacing of WCAG 1.4.12 no text is cut
off; no request leaves the site.

One browser page visits each page once and records every check (the audit fixture); each test
then reports the pages that fail it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from browser import AXE, chromium, contrast, site_pages

import contract
from bs4 import BeautifulSoup

from guidebook.catalog import translate
from guidebook.languages import LANGUAGES, SOURCE, folder, hreflang, html_lang
from tracing import pages

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    # Text at 7:1 (WCAG's enhanced contrast), the guidebook's own rule for large type. Both rules
    # are needed: axe's enhanced rule leaves out text that already fails AA's 4.5:1.
    "rules": {"color-contrast-enhanced": {"enabled": True}},
    "resultTypes": ["violations"],
}
CONTRAST_ONLY = {"runOnly": {"type": "rule", "values": ["color-contrast", "color-contrast-enhanced"]},
                 "resultTypes": ["violations"]}
# On a phone, a table too wide for the screen scrolls: a region the keyboard reaches, and named.
SCROLLING_ONLY = {"runOnly": {"type": "rule", "values": ["scrollable-region-focusable", "aria-allowed-role",
                                                         "landmark-unique", "region"]},
                  "resultTypes": ["violations"]}
# Languages whose pages are read back after their scripts ran: each script, and a language of
# each kind of formatting (Japanese, 12-hour English, Thai, Nepali).
LIVE_CHECKED = ("ja", "en", "th", "ne")
# Links whose printed address (data-href, shown by the print stylesheet) is not their own.
PRINTED_ADDRESSES = """() => [...document.querySelectorAll("a[data-href]")]
  .filter(a => a.dataset.href !== a.href.replace(/#.*$/, ""))
  .map(a => `link ${a.textContent.trim()} prints ${a.dataset.href}, leads to ${a.href}`)"""
# Resize events are dispatched before the next frame's callbacks.
NEXT_FRAME = "() => new Promise(resolve => requestAnimationFrame(() => resolve()))"
WIDE, NARROW = {"width": 1280, "height": 900}, {"width": 320, "height": 640}
MIN_FONT_PX = 18

RUN_AXE = "options => axe.run(document, options).then(r => r.violations.map(v => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`))"

# Text smaller than the minimum: each element with its own visible text.
SMALL_TEXT = """min => {
  const found = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest("script, style, template, noscript")) continue;
    if (!el.checkVisibility({visibilityProperty: true}) || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    // A reading over kanji (Easy Japanese) is half its word's size, as furigana are; no smaller.
    const least = el.closest("rt") ? min / 2 : min;
    if (size < least - 0.05) found.add(`${el.tagName.toLowerCase()}.${el.className} ${size}px: ${node.textContent.trim().slice(0, 30)}`);
  }
  return [...found];
}"""

# Content wider than the viewport, outside any element that scrolls or clips it on its own.
WIDER_THAN_VIEWPORT = """() => {
  const width = document.documentElement.clientWidth, found = [];
  if (document.documentElement.scrollWidth > width) found.push(`page is ${document.documentElement.scrollWidth}px wide`);
  for (const el of document.body.querySelectorAll("*")) {
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const rect = el.getBoundingClientRect();
    if (!rect.width || (rect.right <= width + 1 && rect.left >= -1)) continue;
    let contained = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
      if (getComputedStyle(up).overflowX !== "visible") { contained = true; break; }
    if (!contained) found.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(rect.left)}..${Math.round(rect.right)}px`);
  }
  return found;
}"""

# Words split across two lines: each word of each visible text (words as Intl.Segmenter finds
# them in the page's language; Japanese and Chinese break between characters, so on their pages,
# and for Japanese quoted in another language, only the guidebook's values count), and each
# value that must stay whole (a time, date, fee, phone number, ...) as a whole, and each of the
# page language's NAMES. A range over a word gives one rectangle per line it is laid out on.
SPLIT_WORDS = """([lang, names]) => {
  const whole = '.fact:not([data-form="words"], [data-form="text"], [data-form="time_range"], [data-form="weeks_of_month"])';
  const cjk = lang === "ja" || lang === "zh", segmenter = new Intl.Segmenter(lang, {granularity: "word"});
  const range = document.createRange(), found = [];
  const split = () => {
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    return rects.some(r => r.top >= rects[0].bottom - 2);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const fact = parent.closest(".fact");
    if (cjk && !(fact && fact.matches(whole.replace('.fact', '*')))) continue;
    for (const seg of segmenter.segment(node.data)) {
      if (!seg.isWordLike || /[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]/u.test(seg.segment)) continue;
      range.setStart(node, seg.index);
      range.setEnd(node, seg.index + seg.segment.length);
      if (split()) found.push(`"${seg.segment}" in "${node.data.trim().slice(0, 50)}"`);
    }
    for (const name of names)
      for (let at = node.data.indexOf(name); at >= 0; at = node.data.indexOf(name, at + 1)) {
        range.setStart(node, at);
        range.setEnd(node, at + name.length);
        if (split()) found.push(`"${name}" in "${node.data.trim().slice(0, 50)}"`);
      }
  }
  for (const fact of document.querySelectorAll(whole)) {
    range.selectNodeContents(fact);
    if (split()) found.push(`${fact.dataset.form} "${fact.textContent}"`);
  }
  return [...new Set(found)];
}"""

# Words the browser's dictionary does not know, which Intl.Segmenter cuts as the line breaker
# does: the guidebook's Thai transliterations of My Number, Mynaportal and Minato ("มินา|โตะ").
NAMES = {"th": ["มายนัมเบอร์", "มายนาพอร์ทัล", "มินาโตะ"]}


def _split_words(page, lang: str) -> list[str]:
    return page.evaluate(SPLIT_WORDS, [lang, NAMES.get(lang, [])])


# WCAG 1.4.12: line height 1.5, paragraph spacing 2em, letter spacing .12em, word spacing .16em.
# A constructed style sheet: the page's Content-Security-Policy refuses inline <style>.
TEXT_SPACING = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
                     p { margin-bottom: 2em !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# The sidebar at its place: the current page's link in view below the sidebar's sticky title,
# and the first link too whenever the current one is in view with the sidebar at its top.
SIDEBAR = """() => {
  const wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
  if (!wrap || !wrap.checkVisibility()) return [];
  const title = wrap.querySelector(".md-nav--primary > .md-nav__title");
  const view = wrap.getBoundingClientRect(), top = title && title.checkVisibility() ? title.getBoundingClientRect().bottom : view.top;
  const links = [...wrap.querySelectorAll("a.md-nav__link[href]")].filter(a => a.checkVisibility());
  const current = wrap.querySelector("a.md-nav__link--active[href]"), found = [];
  const shown = a => { const r = a.getBoundingClientRect(); return r.top >= top - 1 && r.bottom <= view.bottom + 1; };
  if (current && !shown(current)) found.push(`the current page's link "${current.textContent.trim()}" is not in view`);
  if (current && links.length && !shown(links[0]) && current.getBoundingClientRect().bottom + wrap.scrollTop <= view.bottom + 1)
    found.push(`the first link "${links[0].textContent.trim()}" is scrolled out of view or under the title (scrolled ${wrap.scrollTop}px)`);
  return found;
}"""

# Elements that cut off their own text (overflow hidden or clip, content larger than the box).
CLIPPED_TEXT = """() => {
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    const hidesX = ["hidden", "clip"].includes(style.overflowX), hidesY = ["hidden", "clip"].includes(style.overflowY);
    if ((!hidesX && !hidesY) || !el.innerText || !el.innerText.trim()) continue;
    if (!el.checkVisibility({visibilityProperty: true}) || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    if ((hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 1))
      found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.innerText.trim().slice(0, 40)}`);
  }
  return found;
}"""

# Tables without a name (a caption, or the heading before a Markdown table) or with a header
# cell whose direction is not given (scope, or a row of column headers in thead).
UNNAMED_TABLES = """() => [...document.querySelectorAll("article table")].filter(table =>
  !(table.caption && table.caption.textContent.trim()) && !table.getAttribute("aria-labelledby")
  || [...table.querySelectorAll("th")].some(th => !th.getAttribute("scope") && !th.closest("thead"))
).map(table => table.outerHTML.slice(0, 80))"""

FOCUSED = """() => {
  const el = document.activeElement, rect = el.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  return {id: el.id, classes: el.className, visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight,
          belowHeader: rect.top >= header.bottom - 1};
}"""


@dataclasses.dataclass
class Audit:
    axe: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    axe_dark: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    axe_narrow: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    keyboard: dict[str, str] = dataclasses.field(default_factory=dict)
    small_text: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    tables: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    wide: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    split_words: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    clipped: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    sidebar: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    requests: list[str] = dataclasses.field(default_factory=list)
    failures: list[str] = dataclasses.field(default_factory=list)
    live_digits: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    visited: list[str] = dataclasses.field(default_factory=list)


def _keyboard(page) -> str | None:
    """What is wrong with the skip link on a freshly loaded page, or None."""
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    if "guidebook-skip" not in first["classes"] or not first["visible"]:
        return f"first Tab reached {first}, not a visible skip link"
    page.keyboard.press("Enter")
    target = page.evaluate(FOCUSED)
    if target["id"] != "main-content" or not target["belowHeader"]:
        return f"the skip link moved focus to {target}, not to the main content below the header"
    return None


def _audit(browser, base_url: str, addresses: list[str], result: Audit) -> None:
    """Visit ``addresses`` in one page of ``browser`` and record every check into ``result``."""
    origin = urlsplit(base_url)[:2]
    # Reduced motion: no transition half-way when axe reads a colour after a change of scheme.
    page = browser.new_page(viewport=WIDE, reduced_motion="reduce")
    page.add_init_script(path=str(AXE))
    page.on("request", lambda r: result.requests.append(r.url) if urlsplit(r.url)[:2] != origin and not r.url.startswith("data:") else None)
    # Every response counts: nothing a page view asks for may fail.
    page.on("response", lambda r: result.failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: result.failures.append(f"console: {m.text}")
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda e: result.failures.append(f"script error: {e}"))
    for address in addresses:
        page.set_viewport_size(WIDE)
        page.goto(base_url + address)
        # What the page holds once its scripts ran: no digit from outside a fact there either, and
        # the address printed after each link is that link's (in a few languages: the scripts
        # are the same for all).
        lang = html_lang(address.split("/")[0] if address.split("/")[0] in LANGUAGES else SOURCE)
        if lang in LIVE_CHECKED:
            result.live_digits[address] = contract.digits_in(BeautifulSoup(page.content(), "lxml"), lang, address)
            result.live_digits[address] += page.evaluate(PRINTED_ADDRESSES)
        if problem := _keyboard(page):
            result.keyboard[address] = problem
        result.small_text[address] = page.evaluate(SMALL_TEXT, MIN_FONT_PX)
        result.tables[address] = page.evaluate(UNNAMED_TABLES)
        page.evaluate(NEXT_FRAME)  # Material scrolls the sidebar on the frame after the page is mounted, then guidebook.js
        page.evaluate(NEXT_FRAME)
        result.sidebar[address] = page.evaluate(SIDEBAR)
        result.split_words[address] = [f"1280px: {w}" for w in _split_words(page, lang)]
        result.axe[address] = page.evaluate(RUN_AXE, AXE_OPTIONS)
        page.emulate_media(color_scheme="dark")
        result.axe_dark[address] = page.evaluate(RUN_AXE, CONTRAST_ONLY)
        page.emulate_media(color_scheme="light")
        page.set_viewport_size(NARROW)
        page.evaluate(NEXT_FRAME)  # the page's resize handlers have run (on a busy machine, not yet)
        result.wide[address] = page.evaluate(WIDER_THAN_VIEWPORT)
        result.axe_narrow[address] = page.evaluate(RUN_AXE, SCROLLING_ONLY)
        result.split_words[address] += [f"320px: {w}" for w in _split_words(page, lang)]
        page.evaluate(TEXT_SPACING)
        result.clipped[address] = page.evaluate(CLIPPED_TEXT)
        result.visited.append(address)
    page.close()


def _audit_in_own_browser(base_url: str, addresses: list[str], result: Audit) -> None:
    with chromium() as browser:  # Playwright's sync API: one instance per thread
        _audit(browser, base_url, addresses, result)


@pytest.fixture(scope="module")
def audit(browser, served_site) -> Audit:
    """Every check on every page. One renderer keeps about one core busy: the pages are shared
    among one browser per core (the session's, and one more per further core, each in a thread
    of its own)."""
    site, base_url = served_site
    result = Audit()
    addresses = site_pages(site, LANGUAGES)
    shares = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(shares - 1 or 1) as pool:
        others = [pool.submit(_audit_in_own_browser, base_url, addresses[i::shares], result) for i in range(1, shares)]
        _audit(browser, base_url, addresses[::shares], result)
        for other in others:
            other.result()  # an error in a thread fails the audit
    return result


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{address or '/'}: {problem}" for address, problems in found.items() for problem in problems)


def test_every_page_of_every_language_is_audited(audit, served_site):
    site = served_site[0]
    for lang in LANGUAGES:
        prefix = folder(lang)
        expected = {prefix + ("" if n == "." else f"{n}/") for n in pages(site, SOURCE, LANGUAGES)} | {f"{prefix}404.html"}
        assert expected <= set(audit.visited), f"{lang}: not audited {sorted(expected - set(audit.visited))}"


def test_axe_finds_no_violation(audit):
    assert not any(audit.axe.values()), _report(audit.axe)


def test_axe_finds_no_contrast_violation_in_the_dark_scheme(audit):
    assert not any(audit.axe_dark.values()), _report(audit.axe_dark)


def test_at_320px_every_table_that_scrolls_is_a_named_region_the_keyboard_reaches(audit):
    assert not any(audit.axe_narrow.values()), _report(audit.axe_narrow)


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_the_main_content(audit):
    assert not audit.keyboard, "\n".join(f"{a or '/'}: {p}" for a, p in audit.keyboard.items())


def test_text_is_at_least_18px(audit):
    assert not any(audit.small_text.values()), _report(audit.small_text)


def test_every_table_has_a_name_and_headers_with_a_direction(audit):
    assert not any(audit.tables.values()), _report(audit.tables)


def test_the_sidebar_shows_the_current_page_and_its_first_link(audit):
    assert not any(audit.sidebar.values()), _report(audit.sidebar)


def test_nothing_scrolls_sideways_at_320px(audit):
    assert not any(audit.wide.values()), _report(audit.wide)


def test_no_word_is_split_across_lines(audit):
    """Lines break between words (Japanese at phrases), and a value of the guidebook never breaks."""
    split = {address: problems for address, problems in audit.split_words.items() if problems}
    assert not split, f"{sum(map(len, split.values()))} split words:\n" + _report(split)[:4000]


# Between the audit's two widths, a phone and a tablet, on the pages with most to break: words,
# addresses, values, the calendar, the glossary's Japanese.
SAMPLE_WIDTHS = (375, 768)
SAMPLE_PAGES = [f"{folder(lang)}{page}/" for lang in ("ja", "en", "th", "ne", "ko") for page in ("offices", "what-to-do")]


@pytest.mark.parametrize("width", SAMPLE_WIDTHS, ids=lambda w: f"{w}px")
def test_no_word_is_split_across_lines_on_a_phone_and_a_tablet(browser, base_url, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    split = {}
    for address in SAMPLE_PAGES:
        page.goto(base_url + address)
        lang = html_lang(address.split("/")[0] if address.split("/")[0] in LANGUAGES else SOURCE)
        split[address] = _split_words(page, lang)
    page.close()
    assert not any(split.values()), _report(split)[:4000]


def test_no_text_is_cut_off_with_wcag_text_spacing(audit):
    assert not any(audit.clipped.values()), _report(audit.clipped)


def test_no_request_leaves_the_site_and_nothing_fails(audit):
    assert not audit.requests, audit.requests[:20]
    assert not audit.failures, audit.failures[:20]


# The element that has focus after a Tab (None when it had it before): is it shown, with a ring of 3px or more, not covered (by
# the sticky header), and (unless a link inside running text) at least 44 by 44 pixels?
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el.dataset.walked) return null;
  el.dataset.walked = "yes";
  const rect = el.getBoundingClientRect(), style = getComputedStyle(el);
  const inText = el.tagName === "A" && style.display === "inline";
  // The middle of the first line box (a link in text may wrap), or of the top of a large box.
  const first = el.getClientRects()[0] || rect;
  const top = document.elementFromPoint(first.left + first.width / 2, first.top + Math.min(first.height / 2, 10));
  return {
    name: `${el.tagName.toLowerCase()}.${el.className} ${(el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 30)}`,
    shown: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight && el.checkVisibility({visibilityProperty: true, opacityProperty: true}),
    covered: !(top && (el.contains(top) || top.contains(el))) && `by ${top && top.tagName.toLowerCase()}.${top && top.className}`,
    ring: el.id === "main-content" || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 3),
    small: !inText && (rect.width < 43.5 || rect.height < 43.5),
  };
}"""
WALKED = ["", "en/what-to-do/", "th/faq/", "ne/404.html"]


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280px", "320px"])
def test_every_control_shows_its_focus_and_is_large_enough(browser, base_url, viewport):
    page = browser.new_page(viewport=viewport, reduced_motion="reduce")
    problems = []
    for address in WALKED:
        page.goto(base_url + address)
        seen = []
        for _ in range(500):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state is None:  # back at an element already seen: every one was reached
                break
            seen.append(state["name"])
            wrong = [what for what, bad in (("not shown", not state["shown"]), (state["covered"], state["covered"]),
                                            ("no 3px ring", not state["ring"]), ("smaller than 44px", state["small"])) if bad]
            if wrong:
                problems.append(f"{address or '/'}: {state['name']}: {', '.join(wrong)}")
        assert len(seen) >= 5, f"{address}: Tab reached only {seen}"
    page.close()
    assert not problems, "\n".join(problems)


def test_the_navigation_drawer_opens_and_closes_with_the_keyboard(browser, base_url):
    page = browser.new_page(viewport=NARROW, reduced_motion="reduce")
    page.goto(base_url + "en/")
    button = page.locator("button.guidebook-toggle[data-toggle=__drawer]")
    assert button.get_attribute("aria-label") and button.get_attribute("aria-expanded") == "false"
    assert not page.locator(".md-sidebar--primary a.md-nav__link[href$='card/']").is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator(".md-sidebar--primary a.md-nav__link[href$='card/']").is_visible()
    assert page.evaluate("() => document.querySelector('.md-sidebar--primary').contains(document.activeElement)"), (
        "the opened drawer did not take focus")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.dataset.toggle") == "__drawer"
    page.close()


# The language menu's state: which element has focus, and where the list is.
MENU_STATE = """() => {
  const button = document.querySelector(".guidebook-languages__button"), list = document.getElementById(button.getAttribute("aria-controls"));
  const rect = list.getBoundingClientRect(), active = document.activeElement;
  return {expanded: button.getAttribute("aria-expanded"), shown: list.checkVisibility(), label: button.innerText.trim(),
          focus: active === button ? "button" : (list.contains(active) ? active.getAttribute("hreflang") : active.tagName.toLowerCase()),
          left: rect.left, right: rect.right, width: document.documentElement.clientWidth,
          current: [...list.querySelectorAll("[aria-current=page]")].map(a => a.getAttribute("hreflang"))};
}"""


@pytest.mark.parametrize("address, viewport", [("", NARROW), ("th/faq/", NARROW), ("ne/404.html", NARROW), ("en/", WIDE)],
                         ids=["ja-320px", "th-320px", "ne-404-320px", "en-1280px"])
def test_the_language_menu_is_a_labelled_disclosure_for_the_keyboard(browser, base_url, address, viewport):
    lang = address.split("/")[0] or SOURCE
    own, english = translate(lang, "言語"), translate("en", "言語")
    page = browser.new_page(viewport=viewport, reduced_motion="reduce")
    page.goto(base_url + address)
    page.focus(".guidebook-languages__button")
    state = page.evaluate(MENU_STATE)
    assert own in state["label"] and english in state["label"], f"the menu's button reads {state['label']!r}"
    assert state["expanded"] == "false" and not state["shown"], state
    page.keyboard.press("Tab")  # closed, its links are out of the tab order
    order = [hreflang(code) for code in LANGUAGES]  # each link names its edition (Easy Japanese: ja-x-easy)
    assert page.evaluate(MENU_STATE)["focus"] not in order, "Tab went into the closed language menu"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(MENU_STATE)["focus"] == "button", "Shift+Tab did not come back to the menu's button"
    page.keyboard.press("Enter")
    state = page.evaluate(MENU_STATE)
    assert state["expanded"] == "true" and state["shown"], f"Enter did not open the menu: {state}"
    assert 0 <= state["left"] and state["right"] <= state["width"], f"the open menu leaves the screen: {state}"
    assert state["current"] == [hreflang(lang)], f"the current language is marked {state['current']}"
    visited = []
    for key in ("ArrowDown", "ArrowDown", "ArrowUp", "End", "Home"):
        page.keyboard.press(key)
        visited.append(page.evaluate(MENU_STATE)["focus"])
    assert visited == [order[0], order[1], order[0], order[-1], order[0]], f"the arrow keys moved focus to {visited}"
    page.keyboard.press("Escape")
    state = page.evaluate(MENU_STATE)
    assert (state["expanded"], state["shown"], state["focus"]) == ("false", False, "button"), f"Escape: {state}"
    page.keyboard.press("Space")
    assert page.evaluate(MENU_STATE)["expanded"] == "true", f"Space did not open the menu: {page.evaluate(MENU_STATE)}"
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_calculator_button_keeps_7_to_1_at_rest_hovered_and_focused(browser, base_url, scheme):
    page = browser.new_page(viewport=WIDE, reduced_motion="reduce", color_scheme=scheme)
    page.goto(base_url + "en/what-to-do/")
    button = page.locator(".validity-calculator button[type=submit]")
    problems = []
    for state, act in (("at rest", lambda: None), ("hovered", button.hover),
                       ("focused", lambda: (page.mouse.move(0, 0), button.focus()))):
        act()
        color, background = button.evaluate("b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]")
        if (ratio := contrast(color, background)) < 7:
            problems.append(f"{state}: {color} on {background}, {ratio:.2f}:1")
    page.close()
    assert not problems, f"{scheme} scheme: " + "; ".join(problems)


def test_headings_have_readable_ids(served_site):
    """pymdownx's slugify keeps Japanese and every script (Material's default gives "_1")."""
    site = served_site[0]
    numbered = [f"{path.relative_to(site)}: {match}" for path in site.rglob("*.html")
                for match in re.findall(r'<h[1-6] id="(_\d+)"', path.read_text(encoding="utf-8"))]
    assert not numbered, numbered[:10]


def test_a_printed_page_has_no_navigation_and_shows_link_addresses(browser, base_url):
    page = browser.new_page(viewport=WIDE)
    page.goto(base_url + "en/")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]
        .filter(selector => getComputedStyle(document.querySelector(selector)).display !== "none")""")
    assert not shown, f"printed: {shown}"
    links = page.evaluate("""() => [...document.querySelectorAll("article a[href]")].map(a =>
        [a.getAttribute("href"), getComputedStyle(a, "::after").content])""")
    page.close()
    external = [(href, after) for href, after in links if href.startswith("https://")]
    internal = [(href, after) for href, after in links if not href.startswith(("https://", "tel:", "#"))]
    assert external and internal
    for href, after in external:
        assert href in after, (href, after)
    for href, after in internal:
        assert base_url in after, (href, after)
    assert all(after in ("none", "normal") for href, after in links if href.startswith("tel:"))


def test_the_accessibility_statement_links_the_pdfs_of_its_language(served_site):
    """Each statement links both PDF editions of its language where ``make site`` writes them."""
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    from guidebook.print_files import EDITIONS, PDF_FOLDER, pdf_name

    site = served_site[0]
    for lang in LANGUAGES:
        page = folder(lang) + "accessibility/"
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")
        linked = {urljoin("/" + page, a["href"]) for a in soup.select("article a[href$='.pdf']")}
        assert linked == {f"/{PDF_FOLDER}/{pdf_name(lang, edition)}" for edition in EDITIONS}, lang


def test_no_script_writes_a_digit_from_outside_a_fact(audit):
    """The live page after its scripts ran (Material's included) holds no digit outside a mark."""
    assert not any(audit.live_digits.values()), _report(audit.live_digits)


CALENDAR_ON_A_PHONE = """() => [...document.querySelectorAll(".opening-calendar table")].map(table => {
  const scroller = table.closest(".md-typeset__scrollwrap") || table.parentElement;
  const days = [...table.querySelectorAll("td[data-weekday]")];
  return {month: table.caption.textContent, scrolls: scroller.scrollWidth > scroller.clientWidth + 1, days: days.length,
          lines: new Set(days.map(day => Math.round(day.getBoundingClientRect().top))).size,
          weekdays: days.filter(day => getComputedStyle(day, "::before").content === `"${day.dataset.weekday}"`).length};
})"""


@pytest.mark.parametrize("address", ["offices/", "en/offices/", "th/offices/", "ne/offices/"])
def test_on_a_phone_the_calendar_is_a_list_of_days_with_their_weekdays(browser, base_url, address):
    """No month scrolls sideways at 320px: each day is a line of its own that names its weekday."""
    page = browser.new_page(viewport=NARROW)
    page.goto(base_url + address)
    months = page.evaluate(CALENDAR_ON_A_PHONE)
    page.close()
    assert months, f"{address}: no calendar"
    wrong = [month for month in months if month["scrolls"] or not month["days"] == month["lines"] == month["weekdays"]]
    assert not wrong, f"{address}: {wrong}"


CALENDAR_MONTHS = """() => [...document.querySelectorAll(".opening-calendar table")].map(table => ({
  month: table.querySelector("caption [data-date]").dataset.date,
  shown: !!(table.offsetWidth || table.offsetHeight)}))"""


def _calendar_on(browser, base_url: str, address: str, today) -> tuple[list[dict], bool, str]:
    page = browser.new_page()
    page.clock.set_fixed_time(dt.datetime.combine(today, dt.time(12)))
    page.goto(base_url + address)
    months = page.evaluate(CALENDAR_MONTHS)
    ended = page.locator(".opening-calendar .calendar-ended")
    result = months, ended.is_visible(), ended.inner_text() if ended.is_visible() else ""
    page.close()
    return result


def test_the_calendar_shows_no_month_before_the_readers_month(browser, served_site):
    """Read after its build, the calendar starts at the reader's month; once every month is past,
    a line in the page's language says the calendar has ended (dates only compared, never written)."""
    site, base_url = served_site
    built = BeautifulSoup((site / "en/offices/index.html").read_text(encoding="utf-8"), "lxml")
    firsts = [dt.date.fromisoformat(mark["data-date"]) for mark in built.select(".opening-calendar caption [data-date]")]
    months, ended, _ = _calendar_on(browser, base_url, "en/offices/", firsts[0])
    assert len(firsts) > 1 and all(month["shown"] for month in months) and not ended, months
    second_month = firsts[1] + dt.timedelta(days=3)
    months, ended, _ = _calendar_on(browser, base_url, "en/offices/", second_month)
    assert [month["shown"] for month in months] == [False] + [True] * (len(firsts) - 1) and not ended, months
    after = max(firsts) + dt.timedelta(days=40)
    months, ended, text = _calendar_on(browser, base_url, "en/offices/", after)
    assert not any(month["shown"] for month in months), months
    assert ended and text == translate("en", "このカレンダーの期間は終わりました。開館日と開館時間は上の表のとおりです。")
