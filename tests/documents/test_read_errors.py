"""Tests for read_document's refusals: each names the file, and the line where it can."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.documents import parse_document, read_document
from checks.errors import DocumentError, FigcheckError


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path, **options: int) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        read_document(path, **options)
    error = caught.value
    assert error.path == str(path)
    assert "\n" not in str(error), "one clear line"
    assert str(error).startswith(str(path))
    return error


def test_a_missing_file(tmp_path: Path) -> None:
    error = refusal(tmp_path / "absent.md")
    assert "no such file" in error.message


def test_a_directory(tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    error = refusal(tmp_path / "folder.md")
    assert "directory" in error.message


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", b"A release.\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, which reads files whatever their mode.
    monkeypatch.setattr(Path, "open", refuse)
    error = refusal(path)
    assert error.message == "cannot read the file: Permission denied"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty document"),
        (b" \n\t\r\n  \n", "document holds only whitespace"),
        (b"\xef\xbb\xbf", "empty document"),
    ],
    ids=["empty", "whitespace", "bom-only"],
)
def test_an_empty_file(tmp_path: Path, data: bytes, expected: str) -> None:
    assert refusal(write(tmp_path, "empty.txt", data)).message == expected


def test_unicode_whitespace_only_is_empty(tmp_path: Path) -> None:
    error = refusal(write(tmp_path, "nbsp.txt", "\u00a0\u2003\n".encode()))
    assert error.message == "document holds only whitespace"


def test_a_nul_byte_marks_a_binary_file_and_its_line(tmp_path: Path) -> None:
    error = refusal(write(tmp_path, "image.md", b"line one\nline two\nbad\x00byte\n"))
    assert "binary" in error.message
    assert error.line == 3
    assert str(error).startswith(f"{tmp_path / 'image.md'}:3: ")


def test_mostly_control_characters_is_binary(tmp_path: Path) -> None:
    error = refusal(write(tmp_path, "blob.txt", bytes(range(1, 9)) * 200 + b"text"))
    assert "binary" in error.message
    assert "control characters" in error.message


def test_a_few_control_characters_are_tolerated(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "form-feed.txt", b"Page one.\x0c\n\nPage \x07two.\n"))
    assert [block.text for block in document.blocks] == ["Page one.", "Page \x07two."]


def test_bad_utf8_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    data = "Caf\u00e9 line one\nline two\n".encode() + b"Windows \x93quote\x94\n"
    error = refusal(write(tmp_path, "latin.txt", data))
    assert error.line == 3
    assert "not valid UTF-8" in error.message
    assert "0x93" in error.message
    assert str(error).startswith(f"{tmp_path / 'latin.txt'}:3: ")


def test_utf16_is_recognised(tmp_path: Path) -> None:
    error = refusal(write(tmp_path, "wide.txt", "A release.\n".encode("utf-16")))
    assert "UTF-16" in error.message


def test_a_file_over_the_limit_says_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 300)
    error = refusal(path, max_bytes=1_000)
    assert error.message == "larger than the limit of 1,000 bytes"


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "exact.txt", b"x" * 999 + b"\n")
    assert read_document(path, max_bytes=1_000).blocks[0].text == "x" * 999


def test_the_default_limit_is_five_megabytes(tmp_path: Path) -> None:
    path = write(tmp_path, "huge.txt", b"a " * 2_500_001)
    assert refusal(path).message == "larger than the limit of 5,000,000 bytes"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('---\ntitle: ok\nbad: "unclosed\n---\nBody.\n', 3, "bad YAML in front matter"),
        ("---\ntitle: one\n  bad: two\n---\nBody.\n", 3, "bad YAML in front matter"),
        (
            "```yaml\narea: Staffordshire\npublish:\n  date: [09:26\n```\n\nBody.\n",
            4,
            "bad YAML in front matter",
        ),
        ("---\na: 1\nb: 2\nc: {x: 1\nd: 4\n---\nBody.\n", 5, "bad YAML in front matter"),
    ],
    ids=["unclosed-quote", "bad-indent", "fenced", "unclosed-flow"],
)
def test_bad_front_matter_yaml_names_the_file_line(
    tmp_path: Path, text: str, line: int, problem: str
) -> None:
    path = write(tmp_path, "release.md", text.encode())
    error = refusal(path)
    assert error.line == line
    assert error.message.startswith(problem)
    assert isinstance(error, FigcheckError) and error.exit_code == 2


def test_bad_front_matter_in_plain_text_too(tmp_path: Path) -> None:
    error = refusal(write(tmp_path, "release.txt", b"---\nkey: [\n---\nBody.\n"))
    assert error.line is not None and error.line >= 2


def test_parse_document_rejects_an_unknown_format() -> None:
    with pytest.raises(DocumentError, match="unknown document format 'pdf'"):
        parse_document("text", "x.pdf", format="pdf")
