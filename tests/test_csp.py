"""The Content-Security-Policy comes from the source: the inline scripts that the theme's and
overrides/' template files hold run; any other inline script stops the build."""

import base64
import hashlib
import re
from pathlib import Path

import material
import pytest
from conftest import ROOT

from guidebook import csp, open_data
from guidebook.errors import MacroError

THEME = (str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates"))
# The theme's first script as its template writes it (partials/javascripts/base.html), with the
# site's base address where the template has {{ config.extra.scope | d(base_url) }}.
BASE_SCRIPT = ('__md_scope=new URL("{base}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
               '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
               '__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}')


def _page(*scripts: str) -> str:
    return '<html><head><meta charset="utf-8"></head><body>' + "".join(scripts) + "</body></html>"


def _policy(html: str) -> str:
    return re.search(r'Content-Security-Policy" content="([^"]*)"', html).group(1)


def test_the_theme_script_runs_by_its_hash():
    html = csp.with_policy(_page(f"<script>{BASE_SCRIPT.format(base='../..')}</script>"), "en/faq.md", THEME)
    # sha256 of the script text, computed here with the standard library.
    digest = base64.b64encode(hashlib.sha256(BASE_SCRIPT.format(base="../..").encode()).digest()).decode()
    assert _policy(html).count("sha256-") == 1 and f"'sha256-{digest}'" in _policy(html)


HOSTILE_SCRIPTS = {
    "a script of its own": "<script>alert(document.domain)</script>",
    "a theme script whose address ends the string": "<script>" + BASE_SCRIPT.format(base='",alert(1),"') + "</script>",
    "a module script": '<script type="module">alert(1)</script>',
    "a script with a nonce": '<script nonce="x">alert(1)</script>',
    "a theme script with code added": f"<script>{BASE_SCRIPT.format(base='.')};alert(1)</script>",
}


@pytest.mark.parametrize("case", HOSTILE_SCRIPTS, ids=str)
def test_any_other_inline_script_stops_the_build(case):
    with pytest.raises(MacroError, match=r"^en/faq\.md: an inline script that the theme does not ship"):
        csp.with_policy(_page(HOSTILE_SCRIPTS[case]), "en/faq.md", THEME)


def test_data_blocks_do_not_need_a_hash_and_cannot_be_ended_by_data():
    """JSON-LD built from data: a name that tries to end the element stays inside it, escaped."""
    block = open_data.script({"name": "</script><script>alert(1)</script><!--&"})
    assert "<" not in str(block)[len('<script type="application/ld+json">'):-len("</script>")]
    html = csp.with_policy(_page(str(block)), "ja/offices.md", THEME)
    assert "sha256-" not in _policy(html)
