"""mailto: URLs by RFC 6068 and LinkedIn pages safe to open."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netui.domain.outreach_links import first_email, linkedin_page, mailto_url
from netui.errors import ValidationError


def test_spaces_are_percent_20_and_never_plus() -> None:
    url = mailto_url("ann@example.org", "Long time no see", "Hi Ann, it's been a while")
    assert url == (
        "mailto:ann@example.org?subject=Long%20time%20no%20see"
        "&body=Hi%20Ann%2C%20it%27s%20been%20a%20while"
    )
    assert "+" not in url


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_break_in_the_body_becomes_crlf(newline: str) -> None:
    url = mailto_url("ann@example.org", body=f"Hi Ann,{newline}{newline}Sam")
    assert url.endswith("body=Hi%20Ann%2C%0D%0A%0D%0ASam")


def test_a_plus_sign_in_the_text_is_encoded_so_it_is_not_read_as_a_space() -> None:
    url = mailto_url("ann+jobs@example.org", "C++ & Rust", "1+1=2?")
    assert url == "mailto:ann%2Bjobs@example.org?subject=C%2B%2B%20%26%20Rust&body=1%2B1%3D2%3F"


def test_non_ascii_is_utf8_percent_encoded() -> None:
    url = mailto_url("zoe@example.org", "Grüße", "Zoë — ça va?")
    assert "subject=Gr%C3%BC%C3%9Fe" in url
    assert unquote(url.split("body=")[1]) == "Zoë — ça va?"


def test_nothing_in_a_subject_or_body_can_add_a_header_or_a_recipient() -> None:
    url = mailto_url("ann@example.org", "Hi\r\nBcc: eve@example.org", "x&cc=eve@example.org#y")
    query = urlsplit(url).query
    assert query.count("&") == 1  # only the one between subject and body
    assert "#" not in url
    assert "Bcc" not in unquote(query.split("&")[0]).splitlines()[1:]


def test_no_subject_and_no_body_is_the_bare_address() -> None:
    assert mailto_url("ann@example.org") == "mailto:ann@example.org"
    assert mailto_url("ann@example.org", body="Hi") == "mailto:ann@example.org?body=Hi"


@pytest.mark.parametrize("address", ["", "not an address", "ann@", "a b@example.org"])
def test_an_address_that_is_not_one_is_refused_naming_the_field(address: str) -> None:
    with pytest.raises(ValidationError) as raised:
        mailto_url(address, "Hi", "there")
    assert raised.value.field == "email"


@given(subject=st.text(max_size=60), body=st.text(max_size=300))
def test_any_text_round_trips_and_the_url_is_plain_ascii(subject: str, body: str) -> None:
    url = mailto_url("ann@example.org", subject, body)
    assert url.isascii()
    assert url.isprintable()
    assert " " not in url
    assert "+" not in url.split("?")[-1]
    fields = dict(part.split("=", 1) for part in urlsplit(url).query.split("&") if part)
    if body:
        assert unquote(fields["body"]) == body.replace("\r\n", "\n").replace("\r", "\n").replace(
            "\n", "\r\n"
        )
    if subject:
        assert unquote(fields["subject"]) == " ".join(subject.splitlines())


def test_the_first_email_that_is_an_address() -> None:
    assert first_email(("not one", " ann@example.org ", "bo@example.org")) == "ann@example.org"
    assert first_email(()) is None
    assert first_email(("nope",)) is None


@pytest.mark.parametrize(
    ("stored", "opened"),
    [
        ("https://www.linkedin.com/in/dana-w", "https://www.linkedin.com/in/dana-w"),
        ("linkedin.com/in/dana-w", "https://linkedin.com/in/dana-w"),
        ("http://uk.linkedin.com/pub/dana-w/1/2/3", "http://uk.linkedin.com/pub/dana-w/1/2/3"),
        ("dana-w", "https://www.linkedin.com/in/dana-w"),
    ],
)
def test_a_linkedin_address_opens_as_stored(stored: str, opened: str) -> None:
    assert linkedin_page(stored) == opened


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "   ",
        "javascript:alert(1)",
        "https://linkedin.com.evil.example/in/dana",
        "https://user@www.linkedin.com/in/dana",
        "https://www.linkedin.com:8080/in/dana",
        "file:///etc/passwd",
        "https://www.linkedin.com/in/da na",
    ],
)
def test_anything_else_is_not_opened(stored: str) -> None:
    assert linkedin_page(stored) is None
