"""The key tables as Markdown, made from the one action table (help screen and README).

Run ``python -m netui.tui.keys_doc README.md`` after changing :mod:`netui.tui.actions`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from netui.tui.actions import Action, Scope, by_scope

_KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "esc",
    "enter": "Enter",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    **{f"f{number}": f"F{number}" for number in range(1, 13)},
}


def key_names(action: Action) -> list[str]:
    """The keys as a reader would write them: ``["K", "shift+↑"]`` (the palette's for none)."""
    if action.key_display:
        return [action.key_display]
    if not action.keys:
        return ["ctrl+p"]
    shown = []
    for key in action.keys.split(","):
        modifiers, _, name = key.rpartition("+")
        name = _KEY_NAMES.get(name, name)
        shown.append(f"{modifiers}+{name}" if modifiers else name)
    return shown


def key_text(action: Action) -> str:
    """The keys as Markdown: `K` / `shift+↑`."""
    return " / ".join(f"`{name}`" for name in key_names(action))


def keys_markdown(scopes: tuple[Scope, ...] = tuple(Scope)) -> str:
    """The key tables, one per scope with documented actions, as Markdown."""
    parts: list[str] = []
    for scope in scopes:
        rows = [action for action in by_scope(scope) if action.documented]
        if not rows:
            continue
        parts.append(f"### {scope.heading}\n\n| Key | Action | What it does |\n|---|---|---|")
        parts.extend(f"| {key_text(a)} | {a.doc_title or a.title} | {a.help} |" for a in rows)
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


README_START = (
    "<!-- keys: made by `python -m netui.tui.keys_doc README.md`; edit netui/tui/actions.py -->"
)
README_END = "<!-- end of keys -->"


def between_markers(text: str, start_marker: str, end_marker: str, body: str) -> str:
    """``text`` with what lies between its two markers replaced by ``body``."""
    start = text.index(start_marker) + len(start_marker)
    end = text.index(end_marker)
    return f"{text[:start]}\n\n{body}\n{text[end:]}"


def rewrite_readmes(argv: list[str], markdown: Callable[[], str], start: str, end: str) -> int:
    """Put ``markdown()`` between the markers of each README named in ``argv`` (or print it)."""
    if not argv:
        sys.stdout.write(markdown())
        return 0
    for name in argv:
        path = Path(name)
        text = between_markers(path.read_text(encoding="utf-8"), start, end, markdown())
        path.write_text(text, encoding="utf-8")
    return 0


def main(argv: list[str]) -> int:
    """Rewrite the key tables in the README files given (or print them)."""
    return rewrite_readmes(argv, keys_markdown, README_START, README_END)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
