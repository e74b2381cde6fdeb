"""What the print edition's PDFs need for PDF/UA beyond WeasyPrint's own tagging, in one place.

- The running heads and page numbers become pagination artifacts, on the written file (pikepdf):
  WeasyPrint tags the text of page margins like body text but leaves it out of the structure
  tree; PDF/UA asks for such repeated furniture to be an artifact, which screen readers skip.
- Text runs whose glyphs do not follow their characters one to one (Thai, Nepali) get their
  characters as /ActualText, and a reading over kanji an empty one, while WeasyPrint draws: the
  characters of a run and whether it is a reading exist only then, and WeasyPrint has no public
  hook for it, so its Stream.marked is wrapped for the time of one write (``actual_text``).

Written for the versions of VERSIONS (tests/test_print.py checks them): another WeasyPrint may
draw or tag differently, and the wrapped method must be read again."""

from __future__ import annotations

import contextlib
import unicodedata
from pathlib import Path

import pikepdf
import pydyf
from weasyprint.formatting_structure.boxes import TextBox
from weasyprint.pdf.stream import Stream

from .print_phrases import BREAK

VERSIONS = {"weasyprint": "70.0", "pydyf": "0.13.0", "pikepdf": "10.17.0"}

_PAGINATION = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)
_BDC, _BMC, _EMC = pikepdf.Operator("BDC"), pikepdf.Operator("BMC"), pikepdf.Operator("EMC")


def _is_reading(box) -> bool:
    """Text of a reading over kanji: print/guidebook.css sets the glyphs for readings
    (font-variant-east-asian: ruby) on them and nothing else."""
    return "ruby" in (box.style["font_variant_east_asian"] or ())


def _shaped(text: str) -> bool:
    """Text whose glyphs need not follow its characters one to one: combining marks, Indic
    scripts and Thai (a vowel sign drawn before its consonant, a vowel drawn as two glyphs)."""
    return any("\u0900" <= ch <= "\u0e7f" or unicodedata.category(ch) in ("Mn", "Mc", "Me") for ch in text)


# Holds a page reference's number to its words in print (print/guidebook.css): layout, not text.
WORD_JOINER = "\u2060"
# What the print document adds for layout only, left out of the text: the word joiners, and the
# zero-width spaces that mark where Thai and Japanese may break (print_phrases.BREAK).
_LAYOUT_ONLY = str.maketrans("", "", WORD_JOINER + BREAK)


@contextlib.contextmanager
def actual_text():
    """Give each run of shaped text its characters as /ActualText while WeasyPrint draws.

    WeasyPrint maps every glyph to one text for the whole file, taken from the first cluster
    it is drawn in: the consonant of "सि" then reads "सि" everywhere, and Thai or Nepali
    copied or extracted from the PDF comes out garbled. /ActualText on the marked content of
    the run gives readers, screen readers and pdftotext the characters in logical order.
    A reading over kanji (Easy Japanese) gets an empty /ActualText: the word under it is read
    once, not its reading and then the word."""
    original = Stream.marked

    @contextlib.contextmanager
    def marked(self, box, tag):
        with original(self, box, tag):
            if self._tags is not None and isinstance(box, TextBox):
                if _is_reading(box):
                    self.stream[-2]["ActualText"] = pydyf.String("")  # the BDC's property list
                elif _shaped(box.text):
                    self.stream[-2]["ActualText"] = pydyf.String(box.text.translate(_LAYOUT_ONLY))
            yield

    Stream.marked = marked
    try:
        yield
    finally:
        Stream.marked = original


def running_heads_as_artifacts(path: Path) -> None:
    """Rewrite the PDF at ``path`` with the marked content of its page margins as pagination
    artifacts. The margins' marked content is found by its structure element: one that the
    structure tree, walked from its root, never reaches."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        root = pdf.Root.StructTreeRoot
        reachable, pending = set(), [root]
        while pending:
            kids = pending.pop().get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and kid.is_indirect and kid.objgen not in reachable:
                    reachable.add(kid.objgen)
                    pending.append(kid)
        nums = root.ParentTree.Nums
        elements_of = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for number, page in enumerate(pdf.pages):
            elements = elements_of.get(number)
            if not isinstance(elements, pikepdf.Array):
                continue
            margins = {mcid for mcid, element in enumerate(elements)
                       if not (isinstance(element, pikepdf.Dictionary) and element.objgen in reachable)}
            if not margins:
                continue
            content = _as_artifacts(pikepdf.parse_content_stream(page), margins)
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(content))
            for mcid in margins:
                elements[mcid] = None  # no structure element behind an artifact
        pdf.save(path, deterministic_id=True)  # the file identifier a hash of the content


def _as_artifacts(instructions, mcids: set[int]) -> list:
    """The page's drawing operations with the marked content of ``mcids`` as artifacts; their
    /ActualText stays on a /Span inside (the only place text extractors look for it). Every other
    operation is passed on as parsed (an Easy Japanese PDF has some 360,000)."""
    out, closing = [], []  # closing: how many EMC each open marked-content sequence needs
    for instruction in instructions:
        operator = instruction.operator
        if operator == _BDC:
            operands = instruction.operands
            properties = operands[1] if len(operands) == 2 else None
            if isinstance(properties, pikepdf.Dictionary) and properties.get("/MCID") in mcids:
                out.append(pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact, _PAGINATION], _BDC))
                text = properties.get("/ActualText")
                if text is not None:
                    out.append(pikepdf.ContentStreamInstruction(
                        [pikepdf.Name.Span, pikepdf.Dictionary(ActualText=text)], _BDC))
                closing.append(2 if text is not None else 1)
                continue
            closing.append(1)
        elif operator == _BMC:
            closing.append(1)
        elif operator == _EMC:
            out += [instruction] * closing.pop()
            continue
        out.append(instruction)
    return out
