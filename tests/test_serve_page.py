"""The web page of `jdmatch serve`, driven in headless Chromium (Debian's chromium + chromium-driver, via Selenium).

Locally the test is skipped when chromium is not installed; in CI (CI=true) it fails instead,
since `.ci/run` installs it.
"""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.serve_support import LiveServer

RESUME_PDF = SAMPLES / "resumes" / "senior-backend-java.pdf"
POSTING_TXT = SAMPLES / "postings" / "backend-senior-python.md"

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
]


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One headless Chromium for the tests of this file (a start costs about a second)."""
    chromium = _find("chromium", "chromium-browser")
    driver_path = _find("chromedriver", "chromium-driver")
    if chromium is None or driver_path is None:
        message = "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message + "; .ci/run should have installed them")
        pytest.skip(message)
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium') / 'profile'}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager never downloads anything
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(chromium: object) -> Iterator[object]:
    """The shared Chromium as a new one: a fresh tab (no sessionStorage, so no token kept), the
    window at 1280 x 1000, and the console log emptied of earlier tests' messages."""
    driver = chromium
    old = driver.window_handles
    driver.switch_to.new_window("tab")
    fresh = driver.current_window_handle
    for handle in old:
        driver.switch_to.window(handle)
        driver.close()
    driver.switch_to.window(fresh)
    driver.set_window_size(1280, 1000)
    driver.get_log("browser")
    yield driver


def _screenshot(driver: object, path: Path, width: int) -> None:
    """A full-page PNG at ``width`` CSS pixels."""
    driver.set_window_size(width, 1000)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500},
    )
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    path.write_bytes(base64.b64decode(shot["data"]))


def test_page_scores_an_uploaded_resume_against_a_pasted_posting(
    browser: object, live_server: LiveServer, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    wait = WebDriverWait(driver, 60, poll_frequency=0.02)
    driver.get(live_server.url + "/")
    # the server has a token: the page asks for it once, and keeps it for the tab
    wait.until(ec.visibility_of_element_located((By.ID, "token")))
    assert driver.switch_to.active_element.get_attribute("id") == "token"
    driver.find_element(By.ID, "token").send_keys(live_server.token + Keys.ENTER)
    wait.until(ec.invisibility_of_element_located((By.ID, "token-box")))
    assert (
        driver.execute_script("return sessionStorage.getItem('jdmatch.token')") == live_server.token
    )
    wait.until(lambda d: "Backend" in d.find_element(By.ID, "profile").get_attribute("textContent"))

    driver.find_element(By.ID, "resume").send_keys(str(RESUME_PDF))
    assert RESUME_PDF.name in driver.find_element(By.ID, "resume-name").text
    posting = POSTING_TXT.read_text(encoding="utf-8")
    area = driver.find_element(By.ID, "posting")
    area.send_keys(posting[:40])  # typed, then the rest arrives as a paste would
    driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
        area,
        posting,
    )
    driver.find_element(By.ID, "go").click()

    wait.until(ec.visibility_of_element_located((By.ID, "result")))
    shown = float(driver.find_element(By.ID, "score-value").text)

    # the page shows what the API answers for the same two documents
    with live_server.client() as c:
        api = c.post(
            "/v1/match",
            files={
                "resume": (RESUME_PDF.name, RESUME_PDF.read_bytes()),
                "posting": ("posting.txt", posting.encode("utf-8")),
            },
        ).json()
    assert shown == round(api["score"], 1) and 0 < shown <= 100
    groups = driver.find_elements(By.CSS_SELECTOR, "#groups li")
    assert len(groups) == len(api["groups"])
    matched = driver.find_elements(By.CSS_SELECTOR, "#matched tbody tr")
    assert len(matched) == len(api["matched"])
    assert api["matched"][0]["name"] in matched[0].text
    assert len(driver.find_elements(By.CSS_SELECTOR, "#missing tbody tr")) == len(api["missing"])
    assert api["seniority"]["level"] in driver.find_element(By.ID, "facts").text
    if api["gaps"]:
        assert driver.find_element(By.ID, "gaps").text.count("\n") + 1 == len(api["gaps"])

    _screenshot(driver, tmp_path / "page-1280.png", 1280)
    _screenshot(driver, tmp_path / "page-390.png", 390)
    assert (tmp_path / "page-390.png").stat().st_size > 10_000
    # at a phone's width nothing is wider than the screen
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True},
    )
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # nothing was blocked by the Content-Security-Policy, nothing failed in the script
    logs = [entry["message"] for entry in driver.get_log("browser")]
    assert not [m for m in logs if "Content Security Policy" in m or "Uncaught" in m], logs


def test_page_scores_against_the_profile_by_keyboard(
    browser: object, live_server: LiveServer
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    wait = WebDriverWait(driver, 60, poll_frequency=0.02)
    driver.get(live_server.url + "/")
    driver.execute_script(
        "sessionStorage.setItem('jdmatch.token', arguments[0])", live_server.token
    )
    driver.refresh()
    wait.until(lambda d: "Backend" in d.find_element(By.ID, "profile").get_attribute("textContent"))
    assert not driver.find_element(
        By.ID, "token-box"
    ).is_displayed()  # asked once: the tab keeps it

    # every control is reachable with Tab, in order (from the top of a freshly loaded page)
    reached = []
    for _ in range(12):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        reached.append(driver.switch_to.active_element.get_attribute("id"))
    assert (
        reached.index("resume")
        < reached.index("against-posting")
        < reached.index("posting")
        < reached.index("go")
    )

    driver.find_element(By.ID, "resume").send_keys(str(RESUME_PDF))
    driver.find_element(By.ID, "against-profile").send_keys(Keys.SPACE)
    assert (
        driver.find_element(By.ID, "profile").is_displayed()
        and not driver.find_element(By.ID, "posting").is_displayed()
    )
    driver.find_element(By.ID, "go").send_keys(Keys.ENTER)
    wait.until(ec.visibility_of_element_located((By.ID, "result")))
    with live_server.client() as c:
        api = c.post("/v1/score", files={"file": (RESUME_PDF.name, RESUME_PDF.read_bytes())}).json()
    assert float(driver.find_element(By.ID, "score-value").text) == round(api["score"], 1)
    assert driver.find_element(By.ID, "result-sub").text.startswith(
        f"{RESUME_PDF.name} against the profile Backend Engineer"
    )


def test_page_shows_a_server_error_in_words(
    browser: object, live_server: LiveServer, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(RESUME_PDF.read_bytes()[:300])
    driver = browser
    driver.get(live_server.url + "/")
    driver.execute_script(
        "sessionStorage.setItem('jdmatch.token', arguments[0])", live_server.token
    )
    driver.refresh()
    driver.find_element(By.ID, "resume").send_keys(str(broken))
    driver.find_element(By.ID, "against-profile").click()
    driver.find_element(By.ID, "go").click()
    error = WebDriverWait(driver, 60, poll_frequency=0.02).until(
        ec.visibility_of_element_located((By.ID, "error"))
    )
    assert "broken.pdf" in error.text and "422" in error.text
    assert not driver.find_element(By.ID, "result").is_displayed()


def test_page_shows_fields_a_newer_result_carries(browser: object, live_server: LiveServer) -> None:
    """Fields other work adds to the result (band, notes, depth, alternatives, a document date...) are shown, not lost."""
    import json

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    with live_server.client() as c:
        result = c.post(
            "/v1/score", files={"file": (RESUME_PDF.name, RESUME_PDF.read_bytes())}
        ).json()
    result.update(
        band="strong fit",
        notes=["a note from a newer scorer"],
        contrast=0.7,
        as_of="2026-11-30",
        as_of_source="header",
        document_date="2026-11-30",
        reviewer={"name": "<b>not markup</b>"},
    )
    result["matched"][0]["depth"] = {"factor": 1.0, "summary": "3 roles, 6.5 years, last used 2026"}
    result["matched"][0]["confidence"] = "high"
    result["missing"][0]["alternatives"] = ["Alternative One", "Alternative Two"]
    driver = browser
    driver.get(live_server.url + "/")
    driver.execute_script(
        "sessionStorage.setItem('jdmatch.token', arguments[0])", live_server.token
    )
    driver.refresh()
    # the server's answer to /v1/score is replaced by the enriched one, in the page itself
    driver.execute_script(
        "const body = arguments[0]; const real = window.fetch;"
        "window.fetch = (url, opts) => url === '/v1/score' ? Promise.resolve(new Response(body, {status: 200, headers: {'content-type': 'application/json'}})) : real(url, opts);",
        json.dumps(result),
    )
    driver.find_element(By.ID, "resume").send_keys(str(RESUME_PDF))
    driver.find_element(By.ID, "against-profile").click()
    driver.find_element(By.ID, "go").click()
    page = (
        WebDriverWait(driver, 60, poll_frequency=0.02)
        .until(ec.visibility_of_element_located((By.ID, "result")))
        .text
    )
    for shown in [
        "Band: strong fit",
        "a note from a newer scorer",
        "role contrast 70%",
        "2026-11-30 (header)",
        "3 roles, 6.5 years, last used 2026",
        "confidence: high",
        "or Alternative One, Alternative Two",
        "document date",
        '{"name":"<b>not markup</b>"}',
    ]:
        assert shown in page, shown
    assert not driver.find_elements(By.CSS_SELECTOR, "#result b")  # text stays text
