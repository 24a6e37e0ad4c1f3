"""The one action table agrees with every binding, the palette, the help screen and the README."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from builders import AppFactory, WaitReady
from textual.binding import Binding
from textual.dom import DOMNode

import netui.tui
from netui.services.context import Services
from netui.tui.actions import ACTIONS, Scope, palette_actions
from netui.tui.keys_doc import README_END, README_START, key_text, keys_markdown
from netui.tui.screens.help_rows import key_rows

README = Path(__file__).parents[2] / "README.md"


def netui_classes_with_bindings() -> dict[str, list[Binding]]:
    """Every widget, screen and app class netui defines, with the bindings it declares."""
    found: dict[str, list[Binding]] = {}
    for module_info in pkgutil.walk_packages(netui.tui.__path__, "netui.tui."):
        module = importlib.import_module(module_info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, DOMNode):
                continue
            declared = cls.__dict__.get("BINDINGS", [])
            found[f"{module.__name__}.{name}"] = [b for b in declared if isinstance(b, Binding)]
            assert len(found[f"{module.__name__}.{name}"]) == len(declared), (
                f"{name} declares a binding that is not a Binding from the action table"
            )
    return found


def test_every_binding_comes_from_the_table_and_every_key_is_bound_once() -> None:
    bound: dict[str, Binding] = {}
    for owner, declared in netui_classes_with_bindings().items():
        for binding in declared:
            assert binding.id is not None, f"{owner} binds {binding.key!r} without an id"
            assert binding.id not in bound, f"{binding.id} is bound twice"
            bound[binding.id] = binding
    table = {action.id: action for action in ACTIONS if action.keys}
    assert set(bound) == set(table)
    for action_id, binding in bound.items():
        action = table[action_id]
        assert (binding.key, binding.action, binding.description) == (
            action.keys,
            action.action,
            action.label,
        )


def test_the_help_screen_lists_every_documented_key() -> None:
    listed = {row.action_id: row for row in key_rows()}
    for action in ACTIONS:
        if action.documented:
            row = listed.pop(action.id)
            assert row.title == (action.doc_title or action.title)
            assert f"`{row.key.replace(' / ', '` / `')}`" == key_text(action)
    assert not listed


def test_the_readme_key_table_is_the_one_made_from_the_table() -> None:
    readme = README.read_text(encoding="utf-8")
    start = readme.index(README_START) + len(README_START)
    shown = readme[start : readme.index(README_END)].strip()
    assert shown == keys_markdown().strip(), (
        "README's keys differ from netui/tui/actions.py: run python -m netui.tui.keys_doc README.md"
    )


async def test_the_palette_offers_every_action_that_can_run(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_ready(app, pilot)
        offered = {command.title for command in app.get_system_commands(app.main_screen)}
    # The highlighted contact is not on the Top 20, so it cannot move up or down in it; no
    # session runs, so only starting one is offered; nobody is due, so no call from the queue.
    unavailable = {"contacts.move_up", "contacts.move_down", "today.log"}
    unavailable |= {f"today.{name}" for name in ("pause", "resume", "stop", "extend", "recover")}
    expected = {a.title for a in palette_actions() if a.id not in unavailable}
    assert expected <= offered
    assert not {a.title for a in ACTIONS if a.id in unavailable} & offered


async def test_a_palette_command_runs_in_its_pane(
    seeded: Services, make_app: AppFactory, wait_ready: WaitReady
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("tab")  # into Today: the Contacts pane is hidden at 80 columns
        commands = {c.title: c for c in app.get_system_commands(app.main_screen)}
        await commands["Sort by name"].callback()
        await pilot.pause()
        contacts = app.main_screen.contacts
        assert contacts.display
        assert contacts.has_focus_within
        names = [row.full_name for row in contacts.table.rows]
        assert names == sorted(names)


def test_each_scope_has_a_heading() -> None:
    assert all(scope.heading for scope in Scope)
