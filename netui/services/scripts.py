"""Reconnect scripts: the use cases the Script pane and ``netui script ...`` share.

Every save keeps a revision; a draft (edits not saved yet) is one small write on the script
row. Built-in scripts are added by :meth:`ScriptService.ensure_builtins`, which the pane's
first load and the script commands call (not every start-up: opening the database stays
fast). A built-in keeps its ``builtin_key`` through renames and remembers which version of
netui's text it holds; the user's own words (or a draft in progress) are never overwritten,
and "reset to the built-in text" is an explicit call.

Text entering here is cleaned and bounded by :mod:`netui.domain.script_inputs`; a bad
value raises :class:`~netui.errors.ValidationError` naming the field (``name``,
``subject``, ``body``, or the profile's ``name``/``situation``/``ask``).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from netui.db.contacts import ContactRepository
from netui.db.engine import Database
from netui.db.interactions import InteractionRepository
from netui.db.scripts import BuiltinState, ScriptRepository
from netui.db.settings import SettingsRepository
from netui.db.write_lock import hold_write_lock
from netui.domain.builtin_scripts import BUILTIN_SCRIPTS, BuiltinScript, builtin
from netui.domain.clean_text import clean_line
from netui.domain.clock import Clock, local_today
from netui.domain.dates import shown_input
from netui.domain.inputs import InputError
from netui.domain.script_inputs import (
    name_key,
    read_profile,
    read_script_body,
    read_script_name,
    read_script_subject,
    unused_name,
)
from netui.domain.script_types import (
    RenderedScript,
    Revision,
    Script,
    ScriptDraft,
    ScriptSummary,
    render_script,
)
from netui.domain.script_values import Profile, script_values
from netui.domain.scripts import ScriptChannel
from netui.errors import NotFoundError, ValidationError
from netui.services.script_profile import PROFILE_KEY, profile_from_setting, profile_setting

__all__ = ["ScriptService"]

P = ParamSpec("P")
T = TypeVar("T")
_BUILTIN_ORDER = {script.key: index for index, script in enumerate(BUILTIN_SCRIPTS)}


def _field(
    name: str, reader: Callable[Concatenate[str, P], T], text: str, *args: P.args, **kw: P.kwargs
) -> T:
    """``reader(text, ...)``, its InputError raised as a ValidationError naming ``name``."""
    try:
        return reader(text, *args, **kw)
    except InputError as error:
        raise ValidationError(name, str(error)) from None


def _text(subject: str, body: str) -> tuple[str, str]:
    return _field("subject", read_script_subject, subject), _field("body", read_script_body, body)


def _builtin_text(script: BuiltinScript) -> tuple[str, str]:
    """netui's own text, as saving it would store it."""
    return read_script_subject(script.subject), read_script_body(script.body)


def _builtin_version(key: str | None, subject: str, body: str) -> int | None:
    """The version of netui's text ``subject``/``body`` are, or None (the user's own words)."""
    shipped = builtin(key) if key else None
    if shipped is None or _builtin_text(shipped) != (subject, body):
        return None
    return shipped.version


def _refreshable(state: BuiltinState, shipped: BuiltinScript) -> bool:
    """An unedited, visible built-in without a draft, whose text netui has since improved."""
    return (
        not state.hidden
        and not state.has_draft
        and state.version is not None
        and state.version < shipped.version
    )


def _order(summary: ScriptSummary) -> tuple[int, str, int]:
    """Built-ins in netui's order first, then the user's scripts by name."""
    place = _BUILTIN_ORDER.get(summary.builtin_key or "", len(_BUILTIN_ORDER))
    return place, name_key(summary.name), summary.id


def _taken(repo: ScriptRepository, except_id: int | None = None) -> builtins.list[str]:
    return [name for script_id, name in repo.live_names() if script_id != except_id]


class ScriptService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # --- built-ins ----------------------------------------------------------------------------

    def ensure_builtins(self) -> None:
        """Add the built-ins this database lacks and refresh unedited ones netui improved.

        One small read when there is nothing to do. A built-in the user edited, deleted
        (it stays hidden, so it is not added back) or has a draft of is left alone.
        """
        if not self.builtins_due():
            return
        with self.db.session() as session:
            hold_write_lock(session)  # another netui may be adding them too
            repo = ScriptRepository(session)
            states = repo.builtin_states()
            taken = _taken(repo)
            for shipped in BUILTIN_SCRIPTS:
                subject, body = _builtin_text(shipped)
                state = states.get(shipped.key)
                if state is None:
                    name = unused_name(shipped.name, taken, "netui")
                    channel = ScriptChannel(shipped.channel)
                    repo.add(
                        name,
                        channel,
                        subject,
                        body,
                        builtin_key=shipped.key,
                        builtin_version=shipped.version,
                    )
                    taken.append(name)
                elif _refreshable(state, shipped):
                    repo.save_text(state.script_id, subject, body, shipped.version)

    def builtins_due(self) -> bool:
        """Whether :meth:`ensure_builtins` has anything to write (one small read).

        A command that only reads asks first, so that it opens the database as a writer
        (checked for damage first) only the one time it adds them.
        """
        with self.db.session() as session:
            states = ScriptRepository(session).builtin_states()
        return any(
            shipped.key not in states or _refreshable(states[shipped.key], shipped)
            for shipped in BUILTIN_SCRIPTS
        )

    def reset_to_builtin(self, script_id: int) -> Script:
        """Save netui's own text (and channel) as a new revision of a built-in script."""
        with self.db.session() as session:
            hold_write_lock(session)
            repo = ScriptRepository(session)
            script = repo.get(script_id)
            shipped = builtin(script.builtin_key) if script.builtin_key else None
            if shipped is None:
                raise ValidationError(
                    "script",
                    f'"{shown_input(script.name)}" did not start as one of netui\'s built-in'
                    " scripts, so there is no built-in text to reset it to",
                )
            subject, body = _builtin_text(shipped)
            repo.set_channel(script_id, ScriptChannel(shipped.channel))
            repo.save_text(script_id, subject, body, shipped.version)
            return repo.get(script_id)

    # --- reading ------------------------------------------------------------------------------

    def list(self) -> builtins.list[ScriptSummary]:
        """Every script not deleted: built-ins in netui's order first, then by name."""
        with self.db.session() as session:
            return sorted(ScriptRepository(session).summaries(), key=_order)

    def get(self, script_id: int) -> Script:
        with self.db.session() as session:
            return ScriptRepository(session).get(script_id)

    def find(self, name: str) -> Script:
        """The script called ``name`` (any case), or NotFoundError naming it.

        Both names are compared cleaned, so a name stored before text was cleaned (or by
        another program) is found by what it shows.
        """
        key = name_key(clean_line(name))
        with self.db.session() as session:
            repo = ScriptRepository(session)
            for script_id, stored in repo.live_names():
                if name_key(clean_line(stored)) == key:
                    return repo.get(script_id)
        raise NotFoundError(f'no script named "{shown_input(name)}"')

    def revisions(self, script_id: int) -> builtins.list[Revision]:
        """The script's saved texts, newest first."""
        with self.db.session() as session:
            return ScriptRepository(session).revisions(script_id)

    def revision(self, revision_id: int) -> Revision:
        """Any revision, a deleted script's too (logged interactions name them)."""
        with self.db.session() as session:
            return ScriptRepository(session).revision(revision_id)

    # --- changing a script --------------------------------------------------------------------

    def create(
        self, name: str, channel: ScriptChannel, subject: str = "", body: str = ""
    ) -> Script:
        subject, body = _text(subject, body)
        with self.db.session() as session:
            hold_write_lock(session)  # the name is checked against what is stored now
            repo = ScriptRepository(session)
            name = _field("name", read_script_name, name, _taken(repo))
            return repo.get(repo.add(name, channel, subject, body))

    def rename(self, script_id: int, name: str) -> Script:
        with self.db.session() as session:
            hold_write_lock(session)
            repo = ScriptRepository(session)
            repo.get(script_id)
            repo.set_name(
                script_id, _field("name", read_script_name, name, _taken(repo, script_id))
            )
            return repo.get(script_id)

    def set_channel(self, script_id: int, channel: ScriptChannel) -> Script:
        with self.db.session() as session:
            repo = ScriptRepository(session)
            repo.set_channel(script_id, channel)
            return repo.get(script_id)

    def duplicate(self, script_id: int, name: str | None = None) -> Script:
        """A new script of the user's own with this one's saved text and channel.

        Its name is ``name``, or "<name> (copy)" (then "(copy 2)"...) when none is given.
        """
        with self.db.session() as session:
            hold_write_lock(session)
            repo = ScriptRepository(session)
            source = repo.get(script_id)
            taken = _taken(repo)
            if name is None:
                new_name = unused_name(source.name, taken, "copy")
            else:
                new_name = _field("name", read_script_name, name, taken)
            new_id = repo.add(new_name, source.channel, source.subject, source.body)
            return repo.get(new_id)

    def delete(self, script_id: int) -> None:
        """Remove the script with its revisions, or hide it when history needs it.

        Hidden, not removed: a script an interaction was logged with (the history and the
        usage counts keep naming it), and a built-in (so it is not added back). Either way
        it leaves every list and its name is free again.
        """
        with self.db.session() as session:
            hold_write_lock(session)
            repo = ScriptRepository(session)
            script = repo.get(script_id)
            if script.builtin_key is not None or repo.in_use(script_id):
                repo.hide(script_id, self.clock())
            else:
                repo.remove(script_id)

    def save(self, script_id: int, subject: str, body: str) -> Script:
        """Save the text: a new revision when it differs from the latest; the draft goes."""
        subject, body = _text(subject, body)
        with self.db.session() as session:
            hold_write_lock(session)  # the next revision number comes from what is stored
            repo = ScriptRepository(session)
            key = repo.get(script_id).builtin_key
            repo.save_text(script_id, subject, body, _builtin_version(key, subject, body))
            return repo.get(script_id)

    def save_draft(self, script_id: int, subject: str, body: str) -> ScriptDraft:
        """Keep unsaved edits (no revision). Text equal to the saved text is no draft: the
        stored draft is cleared, and the draft returned is only what was given, cleaned."""
        subject, body = _text(subject, body)
        now = self.clock()
        with self.db.session() as session:
            repo = ScriptRepository(session)
            saved = repo.get(script_id)
            if (saved.subject, saved.body) == (subject, body):
                if saved.draft is not None:
                    repo.clear_draft(script_id)
                return ScriptDraft(subject, body, now)
            return repo.set_draft(script_id, subject, body, now)

    def discard_draft(self, script_id: int) -> Script:
        with self.db.session() as session:
            repo = ScriptRepository(session)
            repo.clear_draft(script_id)
            return repo.get(script_id)

    def restore_revision(self, script_id: int, revision_id: int) -> Script:
        """Make an older revision's text the saved text again, as a new revision."""
        with self.db.session() as session:
            hold_write_lock(session)
            repo = ScriptRepository(session)
            script = repo.get(script_id)
            old = repo.revision(revision_id)
            if old.script_id != script_id:
                raise ValidationError(
                    "revision", f"revision {revision_id} is not one of this script's revisions"
                )
            version = _builtin_version(script.builtin_key, old.subject, old.body)
            repo.save_text(script_id, old.subject, old.body, version)
            return repo.get(script_id)

    # --- the profile and rendering ------------------------------------------------------------

    def profile(self) -> Profile:
        with self.db.session() as session:
            return profile_from_setting(SettingsRepository(session).get(PROFILE_KEY))

    def set_profile(self, profile: Profile) -> Profile:
        """Store the profile, each field cleaned to one line; ValidationError on the first
        field too long (named ``name``, ``situation`` or ``ask``), nothing stored then."""
        read, errors = read_profile(profile)
        for field, message in errors.items():
            raise ValidationError(field, message)
        with self.db.session() as session:
            SettingsRepository(session).set(PROFILE_KEY, profile_setting(read))
        return read

    def values_for(self, contact_id: int) -> dict[str, str]:
        """Every placeholder's value for the contact, in one read (NotFoundError if gone)."""
        with self.db.session() as session:
            contact = ContactRepository(session).get(contact_id)
            note = InteractionRepository(session).last_note(contact_id)
            profile = profile_from_setting(SettingsRepository(session).get(PROFILE_KEY))
        return script_values(contact, note, profile, local_today(self.clock))

    def render(self, script_id: int, contact_id: int) -> RenderedScript:
        """The script's saved text filled in for the contact (what the CLI prints)."""
        script = self.get(script_id)
        return render_script(script, script.channel, contact_id, self.values_for(contact_id))
