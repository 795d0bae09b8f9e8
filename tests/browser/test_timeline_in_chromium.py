"""Open the report of two Keystone releases in headless Chromium: the warrants chart shows the fall.

The region's warrants since launch fall from 522 (2021) to 498 (2023): the
chart must be drawn, the 2023 point red and labelled, its link must lead to
its line, and the page must log no error and fetch nothing.  The screenshot
goes to ``FIGCHECK_SCREENSHOT_DIR`` (else the test's tmp_path).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks.pipeline import check_paths
from checks.reports import html
from tests.browser.conftest import LazyChromium
from tests.browser.test_html_in_chromium import PageLog
from tests.conftest import EXPECTATIONS

CORPUS = Path("/work/shared/corpus/docs")
KEYSTONE_2021 = CORPUS / "keystone_update_2021.html"
KEYSTONE_2023 = CORPUS / "keystone_update_2023.txt"
ERROR_RED = "rgb(207, 34, 46)"  # --error in report.css


def anchor_slug(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(path).lower()).strip("-")


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    if not (KEYSTONE_2021.is_file() and KEYSTONE_2023.is_file()):
        pytest.skip("the shared corpus is absent")
    result = check_paths([KEYSTONE_2021, KEYSTONE_2023], [EXPECTATIONS])
    path = tmp_path / "keystone.html"
    path.write_text(html.render(result), encoding="utf-8")
    return path


def test_the_warrants_chart_shows_the_fall(
    chromium: LazyChromium, report_file: Path, screenshot_dir: Path
) -> None:
    from playwright.sync_api import expect

    page = chromium.browser().new_page(viewport={"width": 1280, "height": 900})
    log = PageLog(page)
    page.goto(report_file.as_uri(), wait_until="load")

    chart = page.locator("figure.timeline", has_text="region warrants").first
    chart.scroll_into_view_if_needed()
    expect(chart).to_be_visible()
    expect(chart).to_be_in_viewport()
    svg = chart.locator("svg.chart")
    box = svg.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 120
    expect(chart.locator("circle.point")).to_have_count(2)
    fallen = chart.locator("circle.point.fell")
    expect(fallen).to_have_count(1)
    expect(fallen).to_be_visible()
    assert fallen.evaluate("c => getComputedStyle(c).fill") == ERROR_RED
    assert chart.locator("circle.point:not(.fell)").evaluate(
        "c => getComputedStyle(c).fill") != ERROR_RED
    expect(chart.locator("text.fall-label")).to_have_text("▼ fell below 522")
    expect(chart.locator("text.fall-label")).to_be_visible()
    expect(chart.locator("table.timeline-points tr.fell")).to_contain_text("498")
    # The fallen point sits right of and below the earlier one.
    old, new = (chart.locator("circle.point").nth(i).bounding_box() for i in (0, 1))
    assert old is not None and new is not None
    assert new["x"] > old["x"] and new["y"] > old["y"]
    chart.screenshot(path=str(screenshot_dir / "keystone-warrants-chart.png"))
    page.screenshot(path=str(screenshot_dir / "keystone-totals-over-time.png"))

    # The red point links to its line in the 2023 release.
    fallen.click()
    line = f"#{anchor_slug(KEYSTONE_2023)}-L7"
    assert page.evaluate("location.hash") == line
    expect(page.locator(line)).to_be_in_viewport()
    expect(page.locator(f"{line} .src")).to_contain_text("498 warrants")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert log.errors == []
    assert all(url.startswith(report_file.as_uri()) for url in log.requests)
    page.close()
