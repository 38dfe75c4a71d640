"""The score and match HTML reports in headless Chromium: screenshots at 1280 and 390 px wide,
no horizontal overflow on a phone, and the level, years and gaps visible on the page.

Needs Debian's chromium and chromium-driver (``apt-get install chromium chromium-driver``) and
selenium (the test extra). Without them the test skips locally and fails on CI (``CI=true``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from jdmatch.matcher import Matcher
from jdmatch.report_html import score_html, write_html

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{what} is needed on CI (apt-get install chromium chromium-driver; pip install -e '.[test]')"
        )
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        _missing("chromium and chromium-driver")
    profile = tempfile.mkdtemp(prefix="jdmatch-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict, str]]:
    tmp = tmp_path_factory.mktemp("reports")
    out = {}
    for name, resume, posting in (
        ("score-pdf", "resumes/senior-backend-java.pdf", None),
        ("match", "resumes/junior-backend-python.md", "postings/backend-senior-java.html"),
    ):
        matcher = Matcher(job=SAMPLES / posting) if posting else Matcher()
        d = matcher.score(SAMPLES / resume).to_dict()
        d["as_of"], d["as_of_source"] = (
            "2026-06-30",
            "the date given",
        )  # as a result with a document date carries it
        path = tmp / f"{name}.html"
        write_html(path, score_html(d, matcher.profile.to_dict()))
        out[name] = (path, d, matcher.profile.title)
    return out


def _visible_text(driver, element_id: str) -> str:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    element = driver.find_element(By.ID, element_id)
    assert element.is_displayed(), element_id
    return element.text


@pytest.mark.parametrize("name", ["score-pdf", "match"])
def test_report_in_chromium(browser, reports: dict, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    path, d, ptitle = reports[name]
    expected_title = f"{Path(d['source']).name} vs " + (
        f"the posting “{ptitle}”" if name == "match" else ptitle
    )
    for width in (1280, 390):
        browser.set_window_size(width, 900)
        browser.get(path.as_uri())
        assert browser.execute_script("return window.innerWidth") == width
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(height + 120, 8000))
        shot = tmp_path / f"{name}-{width}.png"
        assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
        # nothing sticks out sideways: wide tables and the chart scroll inside their own box
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
        assert (
            browser.title == expected_title
        )  # the file's name and the posting's title, not a path
        assert f"{d['score']:.1f}" in _visible_text(browser, "score-value")
        assert _visible_text(browser, "band") == d["band"]
        level = _visible_text(browser, "fact-level")
        assert level.startswith(d["seniority"]["level"])
        assert f"about {d['years']:g} years" == _visible_text(browser, "fact-years")
        assert "2026-06-30" in _visible_text(browser, "fact-as-of")
        gaps = _visible_text(browser, "gaps")
        for gap in d["gaps"]:
            if not gap.startswith("required skill missing: "):
                assert gap in gaps
        if d["gaps"]:
            assert "required skill" in gaps
        else:
            assert "No gap" in gaps
        shown, hidden = (
            ("chart-groups", "chart-groups-narrow")
            if width > 600
            else ("chart-groups-narrow", "chart-groups")
        )
        assert _visible_text(
            browser, shown
        )  # the coverage chart that fits the screen draws, the other does not
        assert not browser.find_element(By.ID, hidden).is_displayed()
        depth = _visible_text(browser, "table-matched")
        assert d["matched"][0]["depth"]["summary"] in depth
        assert d["missing"][0]["name"] in _visible_text(browser, "table-missing")
