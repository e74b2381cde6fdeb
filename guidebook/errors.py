"""Errors that stop the build, each naming the file, the line and the field."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        path = os.path.relpath(self.path) if Path(self.path).is_absolute() else self.path
        where = f"{path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataError(Exception):
    """One or more problems in data/ or in a catalog; the build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class MacroError(Exception):
    """A macro was called with arguments it cannot render."""
