"""Open the HTML report of the seeds in headless Chromium, as a reviewer would.

The line-39 finding of the 2017 seed and its explanation must be visible, the
summary must link to it, and the page must log no error and fetch nothing.
Screenshots go to ``FIGCHECK_SCREENSHOT_DIR`` (else the test's tmp_path).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from checks.model import RunResult
from checks.pipeline import check_paths
from checks.reports import html
from tests.browser.conftest import LazyChromium
from tests.conftest import EXPECTATIONS, SAFENET_2017, SEEDS

if TYPE_CHECKING:
    from playwright.sync_api import Page


def anchor_slug(path: Path) -> str:
    """Return the slug the report gives ``path`` in its ids."""
    return re.sub(r"[^a-z0-9]+", "-", str(path).lower()).strip("-")


FINDING_39 = f"#f-{anchor_slug(SAFENET_2017)}-L39"
LINE_39 = f"#{anchor_slug(SAFENET_2017)}-L39"


@pytest.fixture(scope="module")
def seeds_result() -> RunResult:
    return check_paths([SEEDS], [EXPECTATIONS])


@pytest.fixture
def report_file(seeds_result: RunResult, tmp_path: Path) -> Path:
    path = tmp_path / "seeds.html"
    path.write_text(html.render(seeds_result), encoding="utf-8")
    return path


class PageLog:
    """What a page asked the network for and what it logged as errors."""

    def __init__(self, page: Page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self._console(message.type, message.text))
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _console(self, kind: str, text: str) -> None:
        if kind == "error":
            self.errors.append(text)


def open_report(chromium: LazyChromium, report_file: Path) -> tuple[Page, PageLog]:
    page = chromium.browser().new_page(viewport={"width": 1280, "height": 900})
    log = PageLog(page)
    page.goto(report_file.as_uri(), wait_until="load")
    return page, log


def test_line_39_finding_is_visible_with_its_explanation(
    chromium: LazyChromium, report_file: Path, screenshot_dir: Path
) -> None:
    from playwright.sync_api import expect

    page, log = open_report(chromium, report_file)
    page.screenshot(path=str(screenshot_dir / "seeds-report-top.png"))

    finding = page.locator(FINDING_39)
    finding.scroll_into_view_if_needed()
    expect(finding).to_be_visible()
    expect(finding).to_be_in_viewport()
    expect(finding.locator(".finding-head")).to_contain_text("FC102")
    expect(finding.locator(".finding-head")).to_contain_text("missing")
    expect(finding.locator(".message")).to_contain_text("593 investigations")
    expect(finding.locator(".hint")).to_be_visible()
    expect(finding.locator(".hint")).to_contain_text("117 warrants")
    expect(page.locator(LINE_39)).to_be_visible()
    expect(page.locator(f"{LINE_39} mark.flagged")).to_have_text("593")
    page.screenshot(path=str(screenshot_dir / "seeds-finding-line-39.png"))

    # Long lines wrap: the page never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert log.errors == []
    assert log.requests == [report_file.as_uri()]
    page.close()


def test_summary_link_leads_to_the_finding(chromium: LazyChromium, report_file: Path) -> None:
    from playwright.sync_api import expect

    page, log = open_report(chromium, report_file)
    page.locator(f'table.index a[href="{FINDING_39}"]').click()

    assert page.evaluate("location.hash") == FINDING_39
    expect(page.locator(FINDING_39)).to_be_in_viewport()
    # A related figure links to its own line, which then shows.
    page.locator(f"{FINDING_39} .related a", has_text="117").click()
    expect(page.locator(f"#{anchor_slug(SAFENET_2017)}-L75")).to_be_in_viewport()
    assert log.errors == []
    assert all(url.startswith(report_file.as_uri()) for url in log.requests)
    page.close()


def test_figure_tooltip_says_what_was_read(chromium: LazyChromium, report_file: Path) -> None:
    page, _ = open_report(chromium, report_file)
    title = page.locator(f"{LINE_39} mark.flagged").get_attribute("title") or ""

    assert "count: 593" in title
    assert "noun: investigations" in title
    assert "entity: region" in title
    assert "compared by a check" in title
    page.close()
