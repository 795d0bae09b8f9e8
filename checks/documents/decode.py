"""Read a document's bytes and decode them, refusing what is not UTF-8 text."""

from __future__ import annotations

from pathlib import Path

from checks.errors import DocumentError

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control bytes that do not occur in text (tab, newlines, form feed and
# carriage return are allowed).
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])
_SAMPLE_SIZE = 65_536
_MAX_CONTROL_SHARE = 0.3


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Return the bytes of ``path``, at most ``max_bytes`` of them."""
    name = str(path)
    if path.is_dir():
        raise DocumentError("is a directory, not a document", name)
    try:
        with path.open("rb") as handle:
            # One byte more than allowed tells a file at the limit from one over it.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError("no such file", name) from None
    except IsADirectoryError:
        raise DocumentError("is a directory, not a document", name) from None
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror or error}", name) from None
    if len(data) > max_bytes:
        raise DocumentError(f"larger than the limit of {max_bytes:,} bytes", name)
    return data


def decode(data: bytes, path: str) -> str:
    """Return ``data`` decoded as UTF-8 text, without a leading byte-order mark.

    Raises :class:`DocumentError` for an empty or whitespace-only document,
    binary data and bytes that are not UTF-8 (naming the line of the first).
    """
    if data.startswith(_UTF16_BOMS):
        raise DocumentError("encoded as UTF-16; figcheck reads UTF-8 documents", path)
    # The BOM is dropped: offsets in the Document count from the character
    # after it, so lines and columns match what editors show.
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if not data.strip():
        raise DocumentError(
            "empty document" if not data else "document holds only whitespace", path
        )
    _refuse_binary(data, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise DocumentError(
            f"not valid UTF-8 (byte 0x{byte:02x} on line {line})", path, line
        ) from None
    if not text.strip():
        raise DocumentError("document holds only whitespace", path)
    return text


def _refuse_binary(data: bytes, path: str) -> None:
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise DocumentError(
            f"binary file (NUL byte on line {line}), not a text document", path, line
        )
    sample = data[:_SAMPLE_SIZE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise DocumentError("binary file (mostly control characters), not a text document", path)
