"""``config``: where the settings file is, and every setting in force with its source.

Also :func:`warn_about_settings`, which the ``netui`` group runs before any command: each
problem in the settings file becomes one ``netui: warning: ...`` line on stderr, and the
command goes on, on the defaults for those keys.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import time
from typing import TYPE_CHECKING, Any

import click

from netui.cli.base import db_option, json_option, open_services
from netui.cli.output import echo_json, printable
from netui.domain.free_gaps import WakingHours
from netui.domain.settings_rules import KEYS, THEME
from netui.services.settings import Effective, SettingsFile, Source
from netui.settings_file import resolve_settings_path

if TYPE_CHECKING:
    from netui.tui.settings_check import AppSettings

NO_COLOR_ENV_VAR = "NO_COLOR"


def warn_about_settings(ctx: click.Context) -> None:
    """Print the settings file's problems once, before the command runs; honour NO_COLOR."""
    if NO_COLOR_ENV_VAR in os.environ:  # as Textual reads it: set at all, even empty
        ctx.color = False
    for line in SettingsFile(resolve_settings_path()).problems():
        click.echo(f"netui: warning: {printable(line)}", err=True)


@click.group()
def config() -> None:
    """The settings file (TOML): where it is and what is in force."""


@config.command("path")
@db_option
def config_path() -> None:
    """Print the settings file's path (NETUI_CONFIG, else your user config folder).

    The file may not exist yet: netui writes it when a setting is first changed.
    """
    click.echo(printable(str(resolve_settings_path())))


def _plain(value: Any) -> Any:
    """A setting's value as JSON (and TOML) hold it."""
    if isinstance(value, WakingHours):
        return {"start": _clock(value.start), "end": _clock(value.end)}
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def _clock(moment: time) -> str:
    return "24:00" if moment == time.max else f"{moment:%H:%M}"


def _toml(value: Any) -> str:
    """A value written as the file would hold it."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "(Textual's default theme)"
    return json.dumps(value, ensure_ascii=False)


def _as_applied(setting: Effective, checked: AppSettings) -> Effective:
    """A theme that does not exist, or a remap that clashes, is not in force: say so."""
    if setting.key == THEME and setting.value is not None and checked.theme is None:
        return Effective(THEME, None, Source.DEFAULT)
    if setting.key == KEYS and setting.source is Source.FILE:
        return Effective(KEYS, checked.keymap, Source.FILE)
    return setting


@config.command("show")
@json_option
@db_option
def config_show(as_json: bool) -> None:
    """Every setting, its value in force and where it came from (file, database, default).

    Key remaps and the theme's name are checked against the app's actions and themes
    here too (the app does the same at start).
    """
    from textual.theme import BUILTIN_THEMES

    from netui.tui.settings_check import check_app_settings

    with open_services(writing=False) as services:
        settings = services.settings
        path = settings.path
        found = settings.every_setting()
        checked = check_app_settings(settings.theme(), settings.key_remaps(), BUILTIN_THEMES)
    problems = [p.text(path.name) for p in checked.problems]
    found = tuple(_as_applied(s, checked) for s in found)
    for line in problems:
        click.echo(f"netui: warning: {printable(line)}", err=True)
    if as_json:
        echo_json(
            {
                "path": str(path),
                "settings": {
                    s.key: {"value": _plain(s.value), "source": s.source.value} for s in found
                },
                "problems": [*settings.problems(), *problems],
            }
        )
        return
    click.echo(f"# {printable(str(path))}")
    for setting in found:
        value = _plain(setting.value)
        source = f"  # {setting.source.value}"
        if isinstance(value, dict):
            click.echo(f"[{setting.key}]{source}")
            for name, part in value.items():
                name = name if name.isidentifier() else _toml(name)
                click.echo(f"{printable(name)} = {printable(_toml(part))}")
            if not value:
                click.echo("# (none)")
        else:
            click.echo(f"{setting.key} = {printable(_toml(value))}{source}")
