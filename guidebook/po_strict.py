"""A strict reading of a PO file before Babel reads it: Babel's reader forgives what must stop
the build (an unterminated string silently ends the catalog early, a stray line is skipped,
the last of two equal msgids wins, any plural count is taken as given). Each problem names the
file and line."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.plurals import get_plural

from .errors import MacroError

_STRING = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(rf'^(?:(msgctxt|msgid|msgid_plural|msgstr|msgstr\[(\d)\])\s+)?({_STRING})\s*$')
_PLURAL_FORMS = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$")


def check(path: Path, text: str, babel_locale: str) -> None:
    """Raise MacroError listing every malformed line, duplicate entry or wrong plural count."""
    problems, seen = [], {}
    entries = []  # [first line, {keyword: text}]
    keyword = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            keyword = None if not stripped else keyword
            continue
        match = _LINE.match(stripped)
        if not match:
            problems.append(f"{path}:{number}: not a PO line (an unterminated string, or a stray line): {stripped[:60]!r}")
            continue
        word, index, string = match.groups()
        if word is None:  # a continuation of the string before it
            if keyword is None:
                problems.append(f"{path}:{number}: a string that continues nothing: {stripped[:60]!r}")
            else:
                entries[-1][1][keyword] += _unquote(string)
            continue
        if word in ("msgctxt", "msgid") and (not entries or set(entries[-1][1]) & {"msgstr", "msgstr[0]"}):
            entries.append([number, {}])
        elif not entries:
            problems.append(f"{path}:{number}: {word} before any msgid")
            continue
        keyword = word
        if keyword in entries[-1][1]:
            problems.append(f"{path}:{number}: a second {keyword} in one entry")
        entries[-1][1][keyword] = _unquote(string)
    nplurals, expression = get_plural(babel_locale).num_plurals, get_plural(babel_locale).plural_expr
    for number, fields in entries:
        key = (fields.get("msgctxt"), fields.get("msgid"))
        if "msgid" not in fields:
            problems.append(f"{path}:{number}: an entry without msgid")
            continue
        if key in seen:
            problems.append(f"{path}:{number}: duplicate entry {key[1][:40]!r} (first on line {seen[key]})")
        seen[key] = number
        if key == (None, ""):
            declared = _PLURAL_FORMS.search(next((h for h in fields.get("msgstr", "").split("\n")
                                                  if h.startswith("Plural-Forms:")), ""))
            if not declared or int(declared.group(1)) != nplurals or declared.group(2).strip() != expression:
                problems.append(f"{path}:{number}: Plural-Forms must be 'nplurals={nplurals}; plural={expression};' "
                                f"(CLDR's rule for {babel_locale})")
        if "msgid_plural" in fields:
            forms = sorted(k for k in fields if k.startswith("msgstr["))
            if forms != [f"msgstr[{i}]" for i in range(nplurals)]:
                problems.append(f"{path}:{number}: {fields['msgid'][:40]!r} needs msgstr[0] to msgstr[{nplurals - 1}] "
                                f"({nplurals} plural forms in {babel_locale}), has {len(forms)}")
        elif "msgstr" not in fields:
            problems.append(f"{path}:{number}: {fields['msgid'][:40]!r} has no msgstr")
    if problems:
        raise MacroError("\n".join(problems))


def _unquote(string: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), string[1:-1])
