"""A headless Chromium for the browser tests, driven by Python Playwright.

The browser is Debian's ``chromium`` (Playwright's own download does not work
offline); ``scripts/install-browser`` installs it and the ``playwright``
package.  Without them the tests are skipped, except under CI (``CI`` set),
where a missing piece fails them: CI must not pass by silently skipping.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> Path | None:
    """Return the Chromium to drive: ``FIGCHECK_CHROMIUM``, Debian's, or one on PATH."""
    override = os.environ.get("FIGCHECK_CHROMIUM")
    if override:
        return Path(override) if Path(override).is_file() else None
    if CHROMIUM.is_file():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


def missing_pieces() -> list[str]:
    """Return what the browser tests need and cannot find."""
    missing = []
    if chromium_path() is None:
        where = os.environ.get("FIGCHECK_CHROMIUM") or CHROMIUM
        missing.append(f"chromium ({where})")
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright package")
    return missing


def in_ci() -> bool:
    """Return whether this runs under CI, where a skipped browser test is a failure."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_browser() -> Path:
    """Return Chromium's path, or skip (locally) or fail (under CI) naming what is missing."""
    missing = missing_pieces()
    if missing:
        reason = f"browser test needs {' and '.join(missing)}: run scripts/install-browser"
        if in_ci():
            pytest.fail(f"CI is set and the {reason}", pytrace=False)
        pytest.skip(reason)
    path = chromium_path()
    assert path is not None
    return path


class LazyChromium:
    """Launch Chromium on first use, inside the test, so that a missing piece fails or
    skips the test itself rather than erroring in a fixture."""

    def __init__(self, stack: ExitStack) -> None:
        self._stack = stack
        self._browser: Browser | None = None

    def browser(self) -> Browser:
        """Return the running browser; Playwright gives each launch a fresh temporary profile."""
        if self._browser is None:
            executable = require_browser()
            from playwright.sync_api import sync_playwright

            playwright = self._stack.enter_context(sync_playwright())
            self._browser = playwright.chromium.launch(
                executable_path=str(executable), headless=True, args=LAUNCH_ARGS,
            )
            self._stack.callback(self._browser.close)
        return self._browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[LazyChromium]:
    """Yield one headless Chromium per test module, launched when a test first asks."""
    with ExitStack() as stack:
        yield LazyChromium(stack)


@pytest.fixture
def screenshot_dir(tmp_path: Path) -> Path:
    """Return where screenshots go: ``FIGCHECK_SCREENSHOT_DIR`` if set, else ``tmp_path``."""
    configured = os.environ.get("FIGCHECK_SCREENSHOT_DIR")
    directory = Path(configured) if configured else tmp_path
    directory.mkdir(parents=True, exist_ok=True)
    return directory
