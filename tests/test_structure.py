"""The code's structure (ARCHITECTURE.md): the guidebook's modules import one another without
a cycle; macros/ only hands mkdocs-macros the page macros; the MkDocs plugin is registered and
keeps its state on itself, not in its module."""

from __future__ import annotations

import ast
import importlib.metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "guidebook"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, modules) -> set[str]:
    """The guidebook modules that ``name`` imports (``from . import x`` names the module x)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {module for module in found if module in modules and module != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for other in sorted(graph[node]):
            if state.get(other) == "open":
                cycles.append(path[path.index(other):] + [node, other] if other in path else [node, other])
            elif other not in state:
                visit(other, path + [node])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return cycles


def test_no_import_cycles():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert len(graph) > 30 and graph["guidebook.plugin"], "the import graph was not read"
    cycles = _cycles(graph)
    assert not cycles, "import cycles: " + "; ".join(" → ".join(cycle) for cycle in cycles)


def test_macros_only_hands_mkdocs_macros_the_page_macros():
    files = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "macros").rglob("*.py"))
    assert files == ["macros/__init__.py"], f"macros/ holds more than its entry point: {files}"
    tree = ast.parse((ROOT / "macros/__init__.py").read_text(encoding="utf-8"))
    code = [node for node in tree.body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    imports = [node for node in code if isinstance(node, ast.ImportFrom)]
    assert [node.module for node in imports] == ["guidebook.page_macros"], "macros/ imports from elsewhere"
    others = [node.lineno for node in code if not isinstance(node, ast.ImportFrom)
              and not (isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == ["__all__"])]
    assert not others, f"macros/__init__.py does more than import the page macros (line {others[0]})"


def test_the_plugin_is_registered_and_keeps_no_module_state():
    plugin = next(point for point in importlib.metadata.entry_points(group="mkdocs.plugins") if point.name == "guidebook")
    assert plugin.value == "guidebook.plugin:GuidebookPlugin"
    tree = ast.parse((PACKAGE / "plugin.py").read_text(encoding="utf-8"))
    mutable = [f"line {node.lineno}" for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
               and (isinstance(node.value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp))
                    or isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") in ("dict", "list", "set"))]
    assert not mutable, f"guidebook/plugin.py keeps state in its module ({', '.join(mutable)}): keep it on the plugin"
    assert not any(isinstance(node, ast.Global) for node in ast.walk(tree)), "guidebook/plugin.py writes a global"
