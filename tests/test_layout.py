"""The package's layout rules (issue: one room per stage), checked over the imports of every module.

1. Imports point down the flow: the spine (modules directly in ``pipeline/``) may import any stage; ``events``
   may import ``entities``, ``gazetteer``, ``text`` and ``values``; ``entities`` may import ``gazetteer``,
   ``values`` and ``text``; ``io``, ``text``, ``values`` and ``gazetteer`` import no other stage; ``evaluate``
   and ``kb`` import nothing else of ``pipeline``. Every subpackage may import ``models`` and
   ``pipeline.settings``; ``models`` imports neither ``pipeline`` nor spaCy.
2. No import circle between modules, counting imports inside functions and under ``TYPE_CHECKING``.
3. Code outside a subpackage imports it through its face (``from pipeline.events import ...``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ALLOWED: dict[str, set[str]] = {
    "io": set(),
    "text": set(),
    "values": set(),
    "gazetteer": set(),
    "entities": {"gazetteer", "values", "text"},
    "events": {"entities", "gazetteer", "text", "values"},
    "evaluate": set(),
    "kb": set(),
}
SHARED = {"pipeline.settings"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(p): p for top in ("pipeline", "models") for p in sorted((ROOT / top).rglob("*.py"))}


def imported_modules(path: Path, known: set[str]) -> Iterator[tuple[str, int]]:
    """Every project module ``path`` imports (anywhere in the file), with the line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    this = module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield (candidate if candidate in known else base), node.lineno


@lru_cache(maxsize=1)
def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {m for m, _ in imported_modules(path, known) if m in known and m != name}
    return graph


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "pipeline" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in ALLOWED else None


def longest_chain(graph: dict[str, set[str]]) -> list[str]:
    """The longest import chain (modules), for the layout note; assumes no circle."""
    best: dict[str, list[str]] = {}

    def walk(node: str, seen: frozenset[str]) -> list[str]:
        if node in best:
            return best[node]
        tails = [walk(n, seen | {n}) for n in sorted(graph[node]) if n not in seen]
        best[node] = [node, *max(tails, key=len, default=[])]
        return best[node]

    return max((walk(n, frozenset({n})) for n in sorted(graph)), key=len)


def test_imports_point_down_the_flow() -> None:
    modules = package_modules()
    known = set(modules)
    wrong = []
    for name, path in modules.items():
        stage = stage_of(name)
        for target, line in imported_modules(path, known):
            if name.startswith("models") and (target.startswith("pipeline") or target.split(".")[0] == "spacy"):
                wrong.append(f"{path.relative_to(ROOT)}:{line} models imports {target}")
            if stage is None or target not in known or target in SHARED or not target.startswith("pipeline"):
                continue
            target_stage = stage_of(target)
            if target_stage == stage:
                continue
            if target_stage is None or target_stage not in ALLOWED[stage]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} ({stage}) imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_import_circles() -> None:
    graph = import_graph()
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not circles, "\n".join(" -> ".join(c) for c in circles)


def test_other_code_imports_a_stage_through_its_face() -> None:
    modules = package_modules()
    known = set(modules)
    wrong = []
    for name, path in modules.items():
        for target, line in imported_modules(path, known):
            target_stage = stage_of(target)
            if target_stage is None or stage_of(name) == target_stage or target == f"pipeline.{target_stage}":
                continue
            wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target} (use pipeline.{target_stage})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("stage", sorted(s for s in ALLOWED if (ROOT / "pipeline" / s).is_dir()))
def test_each_stage_has_a_face_naming_its_public_objects(stage: str) -> None:
    face = ast.parse((ROOT / "pipeline" / stage / "__init__.py").read_text(encoding="utf-8"))
    names = [
        n for n in face.body if isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets)
    ]
    assert names and ast.get_docstring(face), f"pipeline/{stage}/__init__.py needs a docstring and __all__"


def test_the_spine_stays_small() -> None:
    spine = [p for p in (ROOT / "pipeline").glob("*.py")]
    assert len(spine) <= 14, sorted(p.name for p in spine)


if __name__ == "__main__":  # python tests/test_layout.py: the longest import chain
    chain = longest_chain(import_graph())
    print(f"{len(chain)} modules: " + " -> ".join(chain))
