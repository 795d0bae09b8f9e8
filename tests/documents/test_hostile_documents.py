"""Large and hostile inputs: nothing hangs, nothing crashes, ordinary text is fast."""

from __future__ import annotations

import pytest
from document_examples import all_example_files, corpus_file, seed_file

from checks.documents import parse_document, read_document

MEGABYTE = 1_000_000


def megabyte_of(text: str) -> str:
    return (text * (MEGABYTE // len(text) + 1))[:MEGABYTE]


def parsed_cleanly(raw: str, path: str) -> bool:
    """Parse ``raw`` and say whether its blocks are well formed.  Speed is measured by
    bench/ (a timed assertion here would only measure how busy the machine is); a
    backtracking or quadratic parser shows as a run that does not finish."""
    document = parse_document(raw, path)
    return all("\n" not in block.text and "\r" not in block.text for block in document.blocks)


def article_of(name: str) -> str:
    page = corpus_file(name).read_text(encoding="utf-8")
    start, end = page.index("<article>") + len("<article>"), page.index("</article>")
    return page[:start] + page[start:end] * (MEGABYTE // (end - start)) + page[end:]


@pytest.mark.parametrize(
    ("path", "make"),
    [
        (
            "release.txt",
            lambda: megabyte_of(
                seed_file("2017-02-01-operation-safenet.txt").read_text(encoding="utf-8")
            ),
        ),
        (
            "release.md",
            lambda: megabyte_of(corpus_file("keystone_update_2019.md").read_text(encoding="utf-8")),
        ),
        ("release.html", lambda: article_of("keystone_update_2021.html")),
    ],
    ids=["text", "markdown", "html"],
)
def test_a_megabyte_release_is_read(path: str, make: object) -> None:
    raw = make()  # type: ignore[operator]
    assert len(raw) >= 0.9 * MEGABYTE
    assert parsed_cleanly(raw, path)


HOSTILE_SIZE = 100_000


def hostile(unit: str) -> str:
    return unit * (HOSTILE_SIZE // len(unit))


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("x.md", hostile("[")),
        ("x.md", hostile("[a](")),
        ("x.md", hostile("![x](")),
        ("x.md", hostile("`a``b```c")),
        ("x.md", hostile("*a _b ~~c ")),
        ("x.md", hostile("<!--")),
        ("x.md", hostile("<a ")),
        ("x.md", hostile("&#")),
        ("x.md", hostile("a\n")),
        ("x.md", hostile("- a\n")),
        ("x.md", "|a|b|\n|-|-|\n" + hostile("|1|2|\n")),
        ("x.md", hostile(">")),
        ("x.md", hostile("#")),
        ("x.md", "a" + " " * HOSTILE_SIZE + "#"),
        ("x.md", "---\n" + hostile("a: b\n")),
        ("x.txt", hostile("a\n")),
        ("x.txt", hostile("  a  b  c\n")),
        ("x.txt", hostile("Date: 1 2 3 4 5 March 2021 ")),
        ("x.txt", "a" + " " * HOSTILE_SIZE + "b"),
        ("x.html", hostile("<div>")),
        ("x.html", hostile("<")),
        ("x.html", "<p>" + hostile("&amp;")),
        ("x.html", hostile("<p>a</p>")),
        ("x.html", "<table>" + hostile("<td>1")),
        ("x.html", hostile("</div>")),
        ("x.html", hostile("<ul><li>")),
        ("x.html", hostile("<!--")),
        ("x.html", hostile("<a ")),
        ("x.html", hostile("<a b='>' ")),
        ("x.html", hostile("<a x='<a' y='<a' z=")),
        ("x.html", hostile("<p x=")),
        ("x.html", hostile("<![")),
        ("x.html", hostile("<?")),
        ("x.html", hostile("</a")),
        ("x.html", "<p>" + hostile("& ")),
        ("x.html", hostile("a < b ")),
        ("x.html", "<title>" + hostile("<b>x")),
    ],
    ids=lambda value: value if len(value) < 8 else repr(value[:12]),
)
def test_hostile_input_is_processed(path: str, raw: str) -> None:
    assert parsed_cleanly(raw, path)


def test_every_example_reads() -> None:
    for path in all_example_files():
        assert read_document(path).blocks
