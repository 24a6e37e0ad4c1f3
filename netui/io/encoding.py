"""Find out how a file's bytes are encoded, and refuse files that are not text."""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO, TextIO

from netui.io.errors import ImportFileError

#: How much of the start of a file is decoded up front to find the header or first card.
HEAD_SIZE = 64 * 1024
#: Lines are read in pieces of at most this many characters, so memory stays bounded.
MAX_LINE_LENGTH = 1024 * 1024
_CHUNK_SIZE = 1024 * 1024
_LEGACY_SAMPLE_SIZE = 64 * 1024

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (
        b"PK\x03\x04",
        "a ZIP archive (an Excel .xlsx workbook, or a zipped export): unzip it, or save "
        "the sheet as CSV, and import that",
    ),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (
        b"\xd0\xcf\x11\xe0",
        "an old-style Office document (.xls?): save the sheet as CSV and import that",
    ),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive: unpack it first"),
    (b"Rar!", "a RAR archive: unpack it first"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"bplist", "a binary property list"),
    (b"\x7fELF", "a program, not a text file"),
)

# Characters that do not occur in text files: NUL, most other C0 controls (not tab, line
# breaks or ESC) and the replacement character that undecodable bytes become.
_BINARYISH = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")
#: A file is refused as binary when more than this share of the lines in its decoded
#: start (the first HEAD_SIZE bytes) hold a character of ``_BINARYISH``. A text export
#: with a damaged row or two stays far below it, and those rows are reported one by one;
#: binary data has such characters on nearly every line (about one random byte in ten is
#: one), and a blob without line breaks is one such line. UTF-16 and UTF-32 files are
#: decoded before this is measured, so the NUL bytes of their encoding never count.
BINARY_LINE_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Encoding:
    """How to decode a file: skip ``bom_length`` bytes, then decode with ``codec``."""

    codec: str
    name: str  # what to report: a Python codec name, "utf-8-sig" when there is a BOM
    bom_length: int = 0


@dataclass(frozen=True, slots=True)
class Head:
    """The detected encoding and the decoded start of the file."""

    encoding: Encoding
    text: str
    complete: bool  # whether ``text`` is the whole file


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except IsADirectoryError:
        raise ImportFileError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise ImportFileError(path, "does not exist") from None
    except OSError as error:
        raise ImportFileError(path, f"cannot be opened ({error.strerror or error})") from None


def _read(path: Path, stream: BinaryIO, size: int) -> bytes:
    try:
        return stream.read(size)
    except OSError as error:
        raise ImportFileError(path, f"cannot be read ({error.strerror or error})") from None


def _utf16_without_bom(head: bytes) -> Encoding | None:
    """UTF-16 without a BOM shows as a NUL in every other byte of ASCII-heavy text."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_nuls, odd_nuls = head[0 : pairs * 2 : 2].count(0), head[1 : pairs * 2 : 2].count(0)
    if odd_nuls > 0.2 * pairs and even_nuls < 0.02 * pairs:
        return Encoding("utf-16-le", "utf-16-le")
    if even_nuls > 0.2 * pairs and odd_nuls < 0.02 * pairs:
        return Encoding("utf-16-be", "utf-16-be")
    return None


def _scan(path: Path, stream: BinaryIO, head: bytes) -> tuple[bool, bytes]:
    """Read the whole file once: check UTF-8, collect non-ASCII lines.

    Returns whether every byte is valid UTF-8, and a sample of lines with non-ASCII
    bytes for guessing a legacy encoding. A NUL byte here and there is left for the row
    reader, which reports its row as damaged.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    valid_utf8 = True
    sample: list[bytes] = []
    sample_size = 0
    chunk = head
    while chunk:
        if not chunk.isascii():
            if valid_utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    valid_utf8 = False
            if sample_size < _LEGACY_SAMPLE_SIZE:
                for line_bytes in chunk.split(b"\n"):
                    if not line_bytes.isascii():
                        sample.append(line_bytes)
                        sample_size += len(line_bytes) + 1
                        if sample_size >= _LEGACY_SAMPLE_SIZE:
                            break
        elif valid_utf8:
            decoder.decode(chunk)  # an ASCII chunk may complete a character begun before
        chunk = _read(path, stream, _CHUNK_SIZE)
    if valid_utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid_utf8 = False
    return valid_utf8, b"\n".join(sample)


def _guess_legacy(sample: bytes) -> Encoding:
    """Name a legacy 8-bit (or East Asian) encoding for bytes that are not UTF-8.

    Windows-1252 wins whenever it reads the text as cleanly as the best guess: small
    samples of Western names fit many code pages equally well, and detectors then pick
    one at random.
    """
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return Encoding("cp1252", "cp1252")
    try:
        best = from_bytes(sample).best()
        western = from_bytes(sample, cp_isolation=["cp1252"]).best()
    except Exception:  # pragma: no cover - the detector must never sink an import
        return Encoding("cp1252", "cp1252")
    if western is not None and (best is None or western.percent_chaos <= best.percent_chaos):
        return Encoding("cp1252", "cp1252")
    if best is None:
        return Encoding("cp1252", "cp1252")
    try:
        name = codecs.lookup(best.encoding).name
    except LookupError:  # pragma: no cover
        return Encoding("cp1252", "cp1252")
    return Encoding(name, name)


def _describe_binary(head: bytes) -> str | None:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return None


def detect(path: Path) -> Head:
    """Detect the encoding of ``path`` and decode its start.

    Raises :class:`ImportFileError` for a missing, empty or binary file (see
    :data:`BINARY_LINE_SHARE`); NUL bytes in a few rows are left for the row reader.
    """
    with _open(path) as stream:
        head = _read(path, stream, HEAD_SIZE)
        complete = len(head) < HEAD_SIZE or not _read(path, stream, 1)
        if not head:
            raise ImportFileError(path, "is empty")
        if what := _describe_binary(head):
            raise ImportFileError(path, f"is {what}, not a CSV or vCard file")
        encoding = next(
            (Encoding(codec, name, len(bom)) for bom, codec, name in _BOMS if head.startswith(bom)),
            None,
        ) or _utf16_without_bom(head)
        if encoding is None or encoding.codec == "utf-8":
            stream.seek(len(head))
            valid_utf8, sample = _scan(path, stream, head)
            if encoding is None:
                encoding = Encoding("utf-8", "utf-8") if valid_utf8 else _guess_legacy(sample)
    decoder = codecs.getincrementaldecoder(encoding.codec)("replace")
    text = decoder.decode(head[encoding.bom_length :], final=complete)
    if not text.strip():
        raise ImportFileError(path, "is empty" if complete else "starts with 64 KB of blank space")
    if problem := _binary_start(text):
        raise ImportFileError(path, problem)
    return Head(encoding, text, complete)


def _binary_start(text: str) -> str:
    """Why the decoded start of a file is binary data rather than text ("" if it is text)."""
    if _BINARYISH.search(text) is None:  # the common case: clean text
        return ""
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # what follows the last line break is no line
    damaged = sum(1 for line in lines if _BINARYISH.search(line))
    if damaged <= BINARY_LINE_SHARE * len(lines):
        return ""
    if len(lines) == 1:
        return (
            "is not a text file (it looks like binary data: its start holds NUL or other "
            "control bytes and no line breaks)"
        )
    return (
        f"is not a text file (it looks like binary data: {damaged:,} of the {len(lines):,} "
        "lines at its start hold NUL or other control bytes)"
    )


def open_text(path: Path, encoding: Encoding) -> TextIO:
    """Open ``path`` for streaming text, with line endings left as they are (for ``csv``)."""
    stream = _open(path)
    try:
        stream.seek(encoding.bom_length)
        return io.TextIOWrapper(stream, encoding=encoding.codec, errors="replace", newline="")
    except (OSError, LookupError) as error:
        stream.close()
        raise ImportFileError(path, f"cannot be read ({error})") from None


def text_lines(path: Path, text: TextIO, *, split_long: bool = False) -> Iterator[str]:
    """The lines of ``text``, endings kept, none longer than :data:`MAX_LINE_LENGTH`.

    A longer line raises :class:`ImportFileError`, or with ``split_long`` comes in
    pieces (a vCard's unfolded picture data, which is skipped anyway).
    """
    for number, line in enumerate(iter(partial(text.readline, MAX_LINE_LENGTH), ""), 1):
        if len(line) == MAX_LINE_LENGTH and line[-1] not in "\r\n" and not split_long:
            raise ImportFileError(
                path,
                f"line {number:,} is longer than {MAX_LINE_LENGTH // 1024:,} KB: "
                "this is not a contacts export",
            )
        yield line
