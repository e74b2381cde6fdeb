"""Packaging (README, Set-up): every installed package is the one requirements.lock names, at its
version and with its hashes; the lock holds the pins of pyproject.toml; `guidebook` is a console
script of the project."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
# Installed by `python -m venv` itself, and the project (editable): not dependencies to lock.
NOT_LOCKED = {"pip", "setuptools", "minato-guidebook"}


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, tuple[str, int]]:
    """{package: (version, number of hashes)} from the lock file."""
    found, current = {}, None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", line):
            current = _name(match[1])
            found[current] = (match[2], 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = found[current]
            found[current] = (version, hashes + 1)
    return found


def test_every_pin_of_pyproject_is_in_the_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = _locked()
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        name, version = requirement.split("==")
        assert locked.get(_name(name), ("none",))[0] == version, (
            f"pyproject.toml pins {requirement}, requirements.lock has {locked.get(_name(name))}: run pip-compile (README)")


def test_every_installed_package_is_locked_with_its_hashes():
    locked = _locked()
    installed = {_name(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}
    wrong = [f"{name} {version} installed, lock: {locked.get(name, ('not locked',))[0]}"
             for name, version in sorted(installed.items())
             if name not in NOT_LOCKED and locked.get(name, (None,))[0] != version]
    assert not wrong, "\n".join(wrong)
    missing = sorted(set(locked) - set(installed))
    assert not missing, f"locked, not installed: {missing}"
    assert all(hashes for _, hashes in locked.values()), "a locked package without a hash"


def test_guidebook_is_a_console_script_of_the_project():
    command = Path(sys.executable).parent / "guidebook"
    result = subprocess.run([str(command), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "usage: guidebook" in result.stdout, result.stderr
