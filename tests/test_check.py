"""``guidebook check``: every validation without a build, with a summary and exit code 1."""

import subprocess
import sys
import time

from conftest import ROOT, copy_project


def check(project):
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "guidebook.cli", "check"], cwd=project, capture_output=True, text=True)
    return result, time.monotonic() - started


def test_the_guidebook_passes_its_checks_in_seconds():
    result, seconds = check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("everything is in order")
    assert seconds < 5


def test_problems_are_listed_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "content/en/faq.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("Call us before 5 pm. See [the FAQ](faq.md#nowhere) and [old site](http://example.org/).")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fees = project / "data/fees.yml"
    fees.write_text(fees.read_text(encoding="utf-8").replace("card: 800", "card: -800"), encoding="utf-8")
    result, _ = check(project)
    assert result.returncode == 1
    n = len(lines)
    for expected in (f"content/en/faq.md:{n}: a number typed outside a macro",
                     f"content/en/faq.md:{n}: link to faq.md#nowhere: faq.md has no heading {{ #nowhere }}",
                     f"content/en/faq.md:{n}: http://example.org/: links must use https",
                     "reissue.card: Input should be greater than or equal to 0",
                     "ERROR data/", "problem(s) to fix before publishing"):
        assert expected in result.stdout, expected
