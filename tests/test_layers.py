"""The floors of the house (DESIGN §3), checked on every run.

- Every module under src/glimmers imports on its own, in an interpreter where nothing of ours but
  Django's own start-up has been imported yet (an import cycle shows up here as an ImportError).
- Apps depend downward only, in one order: accounts ← journal ← states ← kit ← practice ← patterns ←
  sharing ← portability. An app may import only apps to its left; nothing inside an app imports the
  project's wiring (glimmers.cli, glimmers.api, glimmers.urls, …); lib/ imports no app at all (a
  typing-only import excepted). Read from the source with `ast`, imports inside functions included,
  so an arrow that only runs later is caught too.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import glimmers

SRC = Path(glimmers.__file__).parent
ORDER = ["accounts", "journal", "states", "kit", "practice", "patterns", "sharing", "portability"]
WIRING = {"cli", "api", "urls", "server", "console", "wsgi", "__main__"}  # glimmers.<these>: the project's wiring


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> list[str]:
    return sorted(module_name(path) for path in SRC.rglob("*.py"))


def _typing_only(tree: ast.Module) -> set[int]:
    """Line numbers of imports inside `if TYPE_CHECKING:` blocks (never run)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                for sub in ast.walk(inner):
                    if isinstance(sub, ast.Import | ast.ImportFrom):
                        lines.add(sub.lineno)
    return lines


def imports_of(path: Path) -> list[tuple[str, int, bool]]:
    """Each module `path` imports, anywhere in it: (dotted name, line, typing only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    typing_only = _typing_only(tree)
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, node.lineno in typing_only) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from glimmers import cli` names a module; `from glimmers.x import thing` names its module.
            names = [f"{target}.{alias.name}" for alias in node.names] if target == "glimmers" else [target]
            found += [(name, node.lineno, node.lineno in typing_only) for name in names]
    return found


def floor_of(module: str) -> str | None:
    """The app (or "lib") a dotted module name lives in; None for the project's own modules."""
    parts = module.split(".")
    if len(parts) > 1 and parts[0] == "glimmers" and (parts[1] in ORDER or parts[1] == "lib"):
        return parts[1]
    return None


def wrong_arrows(path: Path) -> list[str]:
    """What `path` imports against the floors, each saying which arrow it breaks."""
    here = floor_of(module_name(path))
    if here is None:
        return []
    where = f"{path.relative_to(SRC.parent.parent)}"
    wrong: list[str] = []
    for target, line, typing_only in imports_of(path):
        parts = target.split(".")
        if parts[0] != "glimmers" or len(parts) < 2:
            continue
        if parts[1] in WIRING:
            wrong.append(
                f"{where}:{line} imports {target}: nothing inside an app imports the project's wiring "
                f"(shared adapter code lives in glimmers.lib; the root only assembles the apps)"
            )
            continue
        there = floor_of(target)
        if there is None or there == here:
            continue
        if here == "lib":
            if not typing_only:
                wrong.append(f"{where}:{line} imports {target}: lib is the lowest floor and imports no app")
        elif there != "lib" and ORDER.index(there) > ORDER.index(here):
            wrong.append(
                f"{where}:{line} imports {target}: the arrow {here} → {there} points up "
                f"(the order is {' ← '.join(ORDER)}; an app imports only apps to its left — "
                f"a higher app adds to a lower one by registering, see glimmers.lib.hooks and glimmers.lib.cli)"
            )
    return wrong


def test_no_app_imports_upward_or_the_wiring() -> None:
    wrong = [arrow for path in sorted(SRC.rglob("*.py")) for arrow in wrong_arrows(path)]
    assert not wrong, "Imports against the floors of the house (DESIGN §3):\n" + "\n".join(wrong)


def test_the_guard_sees_an_upward_arrow_and_the_wiring(tmp_path: Path) -> None:
    """The guard itself: an upward import inside a function, and the wiring, are both caught."""
    fake = SRC / "journal" / "_layers_probe.py"
    fake.write_text("def later():\n    from glimmers.kit import services\n    from glimmers import cli\n")
    try:
        wrong = wrong_arrows(fake)
    finally:
        fake.unlink()
    assert len(wrong) == 2
    assert "journal → kit points up" in wrong[0]
    assert "glimmers.cli" in wrong[1] and "wiring" in wrong[1]


# One interpreter: Django is set up once (every app loaded, as `glimmers serve` does), then each of our
# modules is imported with our part of sys.modules as it was straight after start-up, and forgotten again
# (libraries stay loaded: they are not ours, and importing them again each time would be slow).
PROBE = r"""
import importlib, json, sys, traceback
import django
from glimmers.lib import runtime
runtime.web = True
django.setup()
baseline = dict(sys.modules)
failures = {}
for name in json.loads(sys.argv[1]):
    if name in baseline:
        continue
    try:
        importlib.import_module(name)
    except BaseException:
        failures[name] = traceback.format_exc(limit=-3)
    for added in [name for name in sys.modules if name not in baseline and name.startswith("glimmers")]:
        module = sys.modules.pop(added)
        parent, _, child = added.rpartition(".")
        if parent in sys.modules and getattr(sys.modules[parent], child, None) is module:
            delattr(sys.modules[parent], child)
print(json.dumps(failures))
"""


def test_every_module_imports_on_its_own() -> None:
    modules = [name for name in all_modules() if not name.endswith("__main__")]  # __main__ runs the CLI
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="tests.settings")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(modules)],
        capture_output=True,
        text=True,
        env=env,
        cwd=SRC.parent.parent,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    failures: dict[str, str] = json.loads(result.stdout.strip().splitlines()[-1])
    assert not failures, "These modules don't import on their own (an import cycle?):\n" + "\n".join(
        f"{name}:\n{trace}" for name, trace in failures.items()
    )


def test_url_names_are_written_out_so_grep_finds_them() -> None:
    """Every route's name is a plain string in a `path(…)` call (none made in a loop or an f-string)."""
    generated: list[str] = []
    for path in sorted(SRC.rglob("urls.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        loops = [node for node in ast.walk(tree) if isinstance(node, ast.For | ast.comprehension)]
        in_loop = {id(inner) for loop in loops for inner in ast.walk(loop)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("path", "re_path"):
                name = next((kw.value for kw in node.keywords if kw.arg == "name"), None)
                if name is not None and (not isinstance(name, ast.Constant) or id(node) in in_loop):
                    generated.append(f"{path.relative_to(SRC.parent.parent)}:{node.lineno}")
    assert not generated, "Write these route names out as plain strings:\n" + "\n".join(generated)
