"""netui.display: the one rule for what user text may reach a terminal (app and CLI)."""

from __future__ import annotations

from netui.display import REPLACEMENT, one_line, printable


def test_one_line_replaces_controls_and_flattens_breaks() -> None:
    assert (
        one_line("a\x1bb\x00c\x7fd\x85e")
        == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d{REPLACEMENT}e"
    )
    assert one_line("a\tb\nc\r\vd\fe\u2028f\u2029g") == "a b c  d e f g"
    assert one_line("r\u202eevil\u2066x\u202a\u2069") == "revilx"
    assert one_line("[bold]ok[/] 李 🎉\u200d") == "[bold]ok[/] 李 🎉\u200d"


def test_one_line_can_drop_controls() -> None:
    assert one_line("\x1b[31mEvil\x1b[0m\x9b", control="") == "[31mEvil[0m"
    assert one_line("tab\there\nnext\r", control="") == "tab here next "


def test_printable_keeps_line_breaks() -> None:
    assert printable("two\nlines\x1b[31m") == f"two\nlines{REPLACEMENT}[31m"
    assert printable("a\tb\r\nc\u2028d") == "a\tb \nc d"
    assert printable("a\tb\nc\x00", control="", tab="    ") == "a    b\nc"
    assert printable("\u202eevil\n", control="") == "evil\n"
