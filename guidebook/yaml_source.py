"""Read a YAML file into plain Python values plus a map from each value's path to its line.

PyYAML alone loses line numbers, silently keeps the last of two equal keys and reads
``9:30`` as the sexagesimal integer 570 (YAML 1.1). Editors write times like that, so
this loader reads them as strings, leaves dates to the schema and refuses duplicate keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import text_files
from .errors import DataError, Problem

Path_ = tuple[str | int, ...]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader without the YAML 1.1 sexagesimal numbers, and with dates left as text so that
    the schema, not the parser, refuses a date like 2026-04-31 (with its field and line). The
    parser is libyaml's where PyYAML has it (its wheels do): five times faster than PyYAML's own,
    which took a fifth of a preview rebuild after a data edit; the resolvers below are Python's
    either way."""


_REPLACED = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Integers in decimal only: YAML 1.1 reads 0300 as octal (192), and 0x, 0b and 1_000 are
# no way to write a fee. Numbers written so are refused (_NOT_DECIMAL), not read as text.
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$"), list("-+0123456789"))
_NOT_DECIMAL = re.compile(r"^[-+]?(?:0[0-9_]+|0[xXoObB][0-9a-fA-F_]*|[0-9][0-9]*_[0-9_]*|[0-9_]+\.[0-9_]*_[0-9_]*)$")


@dataclass
class Source:
    """A loaded file: its values and where each of them stands."""

    path: Path
    value: object
    lines: dict[Path_, int]

    def line_of(self, loc: Path_) -> int:
        """Line of the deepest known ancestor of ``loc`` (a missing key points at its parent)."""
        loc = tuple(loc)
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc, 1)


def load(path: Path) -> Source:
    text = text_files.read(path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise DataError([Problem(path, line, "", f"not valid YAML: {getattr(exc, 'problem', exc)}")]) from None
    if node is None:
        raise DataError([Problem(path, 1, "", "the file is empty")])
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    _walk(node, (), lines, problems, path)
    if problems:
        raise DataError(problems)
    loader = _Loader("")
    value = loader.construct_document(node)
    return Source(path, value, lines)


# More values than any data file of the guidebook holds by far: aliases that repeat aliases
# ("billion laughs") reach it long before they exhaust memory.
MAX_VALUES = 20_000


def _walk(node: yaml.Node, loc: Path_, lines: dict, problems: list, path: Path) -> None:
    if len(lines) >= MAX_VALUES:
        if not any("values" in p.message and p.path == path for p in problems):
            problems.append(Problem(path, node.start_mark.line + 1, ".".join(map(str, loc)),
                                    f"more than {MAX_VALUES} values: aliases (*name) that repeat other aliases?"))
        return
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                field = ".".join(map(str, loc + (key,)))
                problems.append(Problem(path, line, field, f"duplicate key (first on line {seen[key]}): keep one"))
            seen[key] = line
            _walk(value_node, loc + (key,), lines, problems, path)
            lines[loc + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines, problems, path)
    elif isinstance(node, yaml.ScalarNode):
        field, line = ".".join(map(str, loc)), node.start_mark.line + 1
        if not node.style and _NOT_DECIMAL.match(node.value):  # plain: None in PyYAML, "" in libyaml
            problems.append(Problem(path, line, field, f"{node.value!r} is not a decimal number: write integers "
                                                       f"in decimal, without leading zeros or underscores"))
        foreign = sorted({ch for ch in node.value if ch.isdigit() and not ch.isascii()})
        if foreign:
            problems.append(Problem(path, line, field, f"digits other than 0-9 ({''.join(foreign)!r}) in "
                                                       f"{node.value!r}: write digits as 0-9"))
