"""The package's shape: stages in folders, no import cycles between modules, no library code reaching into tests/."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "graphkit"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Module → the graphkit modules it imports anywhere (also inside functions), except under TYPE_CHECKING."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found = set()
        skip = {id(n) for top in ast.walk(tree) if isinstance(top, ast.If) and "TYPE_CHECKING" in ast.unparse(top.test)
                for n in ast.walk(top)}
        for node in ast.walk(tree):     # imports inside functions count: a lazy import is still a dependency
            if id(node) in skip:
                continue
            targets = []
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def test_no_import_cycles_between_modules():
    graph = _imports()
    cycles = []
    state: dict[str, int] = {}

    def visit(node, stack):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + ".") or node.startswith(nxt + "."):
                continue            # a package and its own submodules
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def test_library_never_imports_tests():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "world_support" not in text.replace(">>>", "") or ">>>" in text, path
        assert "from tests" not in text and "import tests" not in text, path


def test_stages_are_folders_and_the_root_is_small():
    stages = {"sources", "graph", "store", "analysis", "reports", "render", "extract", "cli", "resources"}
    assert stages <= {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    root = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(root) <= 8, root


_IMPORT_EACH = """
import importlib, importlib.util, sys, types
spec = importlib.util.find_spec("graphkit")
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "graphkit" or m.startswith("graphkit.")]:
        del sys.modules[loaded]
    stub = types.ModuleType("graphkit")           # the package without its __init__: the module's own import order
    stub.__path__ = list(spec.submodule_search_locations)
    sys.modules["graphkit"] = stub
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print("\\n".join(failed))
"""


def test_every_module_imports_first():
    """Each module imports when it is the first graphkit module loaded (a cycle through a package's __init__ fails here
    even when `import graphkit` hides it by loading modules in a lucky order)."""
    import subprocess
    import sys

    names = sorted(n for n in _imports() if n not in ("graphkit", "graphkit.__main__"))
    out = subprocess.run([sys.executable, "-c", _IMPORT_EACH, *names], capture_output=True, text=True, timeout=600,
                         cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "", out.stdout
