"""Every picture the README shows is in assets/ (made by tests/make_screenshots.py)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]*\ssrc=\"([^\"]+)\"", re.DOTALL)


def readme_images() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [markdown or html for markdown, html in IMAGE.findall(text)]


def test_every_image_the_readme_shows_is_in_assets() -> None:
    images = readme_images()
    assert images, "the README shows no pictures"
    for image in images:
        assert image.startswith("assets/"), f"{image}: keep README pictures in assets/"
        path = ROOT / image
        assert path.is_file(), f"{image}: not in the repository"
        if path.suffix == ".svg":
            assert path.read_text(encoding="utf-8").lstrip().startswith("<svg"), image


def test_the_pattern_finds_both_kinds_of_image() -> None:
    found = IMAGE.findall('![a\nshot](assets/a.svg) and <img alt="b" src="assets/b.png">')
    assert [m or h for m, h in found] == ["assets/a.svg", "assets/b.png"]
