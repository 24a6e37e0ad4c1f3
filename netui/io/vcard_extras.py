"""How we met, in a vCard: written twice, read back once.

No standard vCard property holds how two people met, and address books deal with what
they do not know in their own ways: Apple, Google and Android keep ``NOTE`` and show it,
but drop or hide an ``X-`` property they do not know. So netui writes it twice:

- as the last paragraph of ``NOTE`` (``How we met: ...``), which every address book shows;
- as ``X-NETUI-HOW-WE-MET``, which netui reads back exactly (khard shows it too, given
  ``private_objects = NETUI-HOW-WE-MET`` in its configuration).

Reading a card that has the ``X-`` property, netui takes how we met from it and takes the
paragraph it wrote off the notes again, so an exported card comes back as it left. A card
without the property (an address book dropped it) keeps the paragraph in its notes:
nothing is lost, and nothing is guessed from a note someone may have written by hand.
"""

from __future__ import annotations

from netui.io.text import clean_multiline

__all__ = ["HOW_WE_MET_LABEL", "HOW_WE_MET_PROPERTY", "note_with_how_we_met", "notes_without"]

HOW_WE_MET_PROPERTY = "X-NETUI-HOW-WE-MET"
HOW_WE_MET_LABEL = "How we met: "
_PARAGRAPH_BREAK = "\n\n"


def note_with_how_we_met(notes: str, how_we_met: str) -> str:
    """The text of a card's ``NOTE``: the notes, then how we met as a paragraph of its own."""
    if not how_we_met:
        return notes
    paragraph = HOW_WE_MET_LABEL + how_we_met
    return f"{notes}{_PARAGRAPH_BREAK}{paragraph}" if notes else paragraph


def notes_without(note: str, how_we_met: str) -> str:
    """A card's ``NOTE`` (as read: cleaned by ``clean_multiline``) without the paragraph
    :func:`note_with_how_we_met` added for ``how_we_met`` (the property's text as it is in
    the card), when it is there, last, as written; any other note is returned as it is."""
    if not how_we_met:
        return note
    paragraph = clean_multiline(HOW_WE_MET_LABEL + how_we_met)  # as the note's was cleaned
    if note == paragraph:
        return ""
    if note.endswith(_PARAGRAPH_BREAK + paragraph):
        return note[: -len(_PARAGRAPH_BREAK + paragraph)].rstrip()
    return note
