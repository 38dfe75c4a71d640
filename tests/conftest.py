"""Shared fixtures: paths to the samples and small real files made on the spot."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


def make_pdf(
    pages: list[list[tuple[float, float, str]]],
    *,
    encrypt: str | None = None,
    font_size: float = 10,
) -> bytes:
    """A real text PDF made with reportlab: each page is a list of (x, y-from-top, text)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1, encrypt=encrypt)
    _, height = letter
    for page in pages:
        c.setFont("Helvetica", font_size)
        for x, y, text in page:
            c.drawString(x, height - y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def make_image_only_pdf() -> bytes:
    """A PDF whose single page holds only vector shapes: no text layer at all."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.rect(72, 72, 300, 400, fill=1)
    c.circle(300, 500, 50)
    c.showPage()
    c.save()
    return buf.getvalue()


def two_column_page(
    left: list[str],
    right: list[str],
    *,
    left_x: float = 50,
    right_x: float = 250,
    top: float = 120,
    leading: float = 14,
) -> list[tuple[float, float, str]]:
    """Lines of two side-by-side columns sharing baselines, under a full-width banner."""
    page = [(left_x, 60, "Jordan Example - Backend Engineer - jordan@example.org - +1 555 0100")]
    for i, text in enumerate(left):
        page.append((left_x, top + i * leading, text))
    for i, text in enumerate(right):
        page.append((right_x, top + i * leading, text))
    return page


from tests.serve_support import live_server  # noqa: E402,F401  (a session-scoped live `jdmatch serve`)

# -- running on both cores (pytest-xdist, `--dist loadgroup` in pyproject.toml) ---------------------


# Tests that use the live `jdmatch serve` run on one worker (one server for the session instead of
# one per worker), the page tests among them; the report's browser tests, which need no server, run
# on one worker too (one Chromium each), beside the server's.
def _group(fixturenames: Iterable[str]) -> str | None:
    names = set(fixturenames)
    if "live_server" in names:
        return "live"
    if "browser" in names:
        return "browser"
    return None


# tryfirst: xdist's own hook (on the workers) turns the marks into the "@group" node-id suffix that
# `--dist loadgroup` schedules by, so the marks must be there before it runs
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        group = _group(getattr(item, "fixturenames", ()))
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
    # the slow tests first (a stable sort: the rest keep their order), so that the two workers end
    # together instead of one waiting on the other's last long test
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


class _GroupIds:
    """pytest-xdist 3.8 schedules `--dist loadgroup` by a "@group" suffix it writes to ``item._nodeid``, which
    pytest 9.2 no longer reads (a node id is now ``item._id``): without this, grouped tests were spread over
    both workers and each started its own server. Runs after xdist's hook and adds the suffix it meant to."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        if not config.getoption("loadgroup", False):
            return
        try:
            from _pytest.nodeid import NodeId
        except (
            ImportError
        ):  # an older pytest reads item._nodeid, where xdist already put the suffix
            return
        for item in items:
            names = sorted(
                {
                    str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                    for m in item.iter_markers("xdist_group")
                }
            )
            if names and not item.nodeid.endswith("@" + "_".join(names)):
                item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_GroupIds(), "jdmatch-xdist-group-ids")
