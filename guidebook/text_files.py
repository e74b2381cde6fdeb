"""Reading the files people write (pages, data, catalogs): UTF-8 without a byte-order mark, and
no invisible characters that reorder or hide text (a right-to-left override can show a phone
number backwards; none of the guidebook's languages is written right to left). Anything else
is refused with the file and line, never guessed at."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from .errors import DataError, Problem

# C0 and C1 controls other than tab and line ends, bidirectional controls, and a BOM inside the text.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def read(path: Path, shown: Path | str | None = None) -> str:
    return decode(path.read_bytes(), shown or path)


def decode(data: bytes, shown: Path | str) -> str:
    """The text of a file's bytes, or DataError naming ``shown`` and the line."""
    if data.startswith(codecs.BOM_UTF8):
        raise DataError([Problem(shown, 1, "", "saved with a byte-order mark (BOM): save it as UTF-8 without BOM")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError([Problem(shown, line, "", f"not UTF-8 (byte {data[exc.start]:#04x}): save it as UTF-8, "
                                                  f"the encoding of every file of the guidebook")]) from None
    problems = [Problem(shown, text.count("\n", 0, m.start()) + 1, "",
                        f"invisible character U+{ord(m.group(0)):04X} "
                        f"({unicodedata.name(m.group(0), 'control character')}): delete it")
                for m in _INVISIBLE.finditer(text)]
    if problems:
        raise DataError(problems)
    return text
