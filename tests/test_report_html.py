"""Self-contained HTML reports: structure, charts, tables, escaping of document text, no network."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from jdmatch import batch
from jdmatch.matcher import Matcher
from jdmatch.report_html import CSP, score_html, summary_html, write_html

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
RESOURCE_ATTRS = {
    "src",
    "href",
    "action",
    "formaction",
    "data",
    "poster",
    "srcset",
    "xlink:href",
    "background",
    "style",
}


class Doc(HTMLParser):
    """Every element (tag, attrs, parent chain) and the text under each element id."""

    VOID = {
        "meta",
        "br",
        "img",
        "input",
        "link",
        "hr",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    }

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, tuple[str | None, ...]]] = []
        self.decl: list[str] = []
        # body rows of every table with an id: the cells' text, as body_rows() reads them
        self.table_rows: dict[str, list[list[str]]] = {}
        self._tables: list[str | None] = []
        self._in_body = False
        self._cell: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.decl.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a, tuple(t for t, _ in self.stack)))
        if tag not in self.VOID:
            self.stack.append((tag, a.get("id")))
        if tag == "table":
            self._tables.append(a.get("id"))
        elif tag == "tbody":
            self._in_body = True
        elif self._in_body and self._tables and self._tables[-1] is not None:
            if tag == "tr":
                self.table_rows.setdefault(self._tables[-1], []).append([])
            elif tag == "td":
                self._cell = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), tuple(t for t, _ in self.stack)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._tables:
            self._tables.pop()
        elif tag == "tbody":
            self._in_body = False
        elif tag == "td" and self._cell is not None:
            self.table_rows[self._tables[-1] or ""][-1].append("".join(self._cell).strip())
            self._cell = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        self.texts.append((data, tuple(i for _, i in self.stack)))
        if self._cell is not None:
            self._cell.append(data)

    # queries
    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [a for t, a, _ in self.elements if t == name]

    def text(self) -> str:
        return "".join(t for t, _ in self.texts)


def parse_checked(page: str) -> Doc:
    """Parse and check what every report must satisfy."""
    doc = Doc(page)
    assert page.startswith("<!DOCTYPE html>")
    assert [d.lower() for d in doc.decl] == ["doctype html"]
    assert doc.tags("html")[0].get("lang") == "en"
    assert any(m.get("charset", "").lower() == "utf-8" for m in doc.tags("meta"))
    csp = [
        m
        for m in doc.tags("meta")
        if (m.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(csp) == 1 and csp[0]["content"] == CSP
    assert "default-src 'none'" in CSP
    assert len(
        [1 for t, _, parents in doc.elements if t == "title" and parents == ("html", "head")]
    ) == 1 and doc.tags("body")
    # no network: nothing that loads or links anything
    for tag in (
        "link",
        "iframe",
        "object",
        "embed",
        "img",
        "image",
        "use",
        "base",
        "form",
        "a",
        "audio",
        "video",
        "source",
    ):
        assert doc.tags(tag) == [], tag
    for tag, attrs, _ in doc.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)  # no inline event handlers at all
            if name in RESOURCE_ATTRS and value:
                assert (
                    "://" not in value
                    and "url(" not in value.lower()
                    and "javascript:" not in value.lower()
                ), (tag, name, value)
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:|//|javascript:)", page, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:|//)", page, re.I)
    assert "@import" not in page
    # scripts: only our own inline sorter, never a src and never document data
    for s in doc.tags("script"):
        assert "src" not in s
    # inline SVG needs no xmlns URL; the page refers to no URL at all outside document text
    assert "http://www.w3.org" not in page
    return doc


class Under(HTMLParser):
    """Tags (name, attrs) inside the element with id ``target`` (elements nested any depth)."""

    VOID = Doc.VOID

    def __init__(self, text: str, target: str) -> None:
        super().__init__(convert_charrefs=True)
        self.target, self.depth, self.found = target, 0, []
        self.count_targets = 0
        self.text = ""
        self.feed(text)
        self.close()

    def _enter(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
        a = dict(attrs)
        if self.depth:
            self.found.append((tag, a))
            if not void:
                self.depth += 1
        elif a.get("id") == self.target:
            self.count_targets += 1
            self.found.append((tag, a))
            if not void:
                self.depth = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._enter(tag, attrs, tag in self.VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._enter(tag, attrs, True)

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text += data

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.found if t == name]


def under(page: str, target: str) -> Under:
    u = Under(page, target)
    assert u.count_targets == 1, (
        f"expected exactly one element with id {target!r}, found {u.count_targets}"
    )
    return u


def body_rows(page: str, table_id: str) -> list[list[str]]:
    """The text of each cell of each body row of a table."""

    class Rows(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.rows: list[list[str]] = []
            self.depth = 0
            self.in_body = False
            self.cell: list[str] | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "table" and dict(attrs).get("id") == table_id:
                self.depth = 1
            elif self.depth and tag == "table":
                self.depth += 1
            elif self.depth and tag == "tbody":
                self.in_body = True
            elif self.depth and self.in_body and tag == "tr":
                self.rows.append([])
            elif self.depth and self.in_body and tag == "td":
                self.cell = []

        def handle_endtag(self, tag: str) -> None:
            if self.depth and tag == "table":
                self.depth -= 1
            elif tag == "tbody":
                self.in_body = False
            elif tag == "td" and self.cell is not None:
                self.rows[-1].append("".join(self.cell).strip())
                self.cell = None

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.append(data)

    p = Rows()
    p.feed(page)
    return p.rows


def _slice(page: str, element_id: str) -> str:
    start = page.index(f'id="{element_id}"')
    return page[start : page.index("</table>", start)]


# -- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


@pytest.fixture(scope="module")
def node_result(matcher: Matcher) -> tuple[dict, dict]:
    r = matcher.score((SAMPLES / "resumes" / "nodejs-backend.txt").read_text(encoding="utf-8"))
    d = r.to_dict()
    d["source"] = "samples/resumes/nodejs-backend.txt"
    return d, matcher.profile.to_dict()


MALICIOUS = (
    "Jane <script>alert(1)</script> Doe\n"
    "Senior backend engineer <img src=x onerror=alert(1)> with Python, Django and PostgreSQL.\n"
    "Built REST APIs with <b onmouseover=alert(2)>FastAPI</b> and Docker; see javascript:alert(3) and https://evil.example/x.js\n"
    "Skills: Python\"><script>alert(4)</script>, Kubernetes', AWS & Terraform </td></tr></table><svg onload=alert(5)>\n"
)


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, list[dict], Path]:
    tmp = tmp_path_factory.mktemp("batch")
    folder = tmp / "postings"
    shutil.copytree(SAMPLES / "postings", folder)
    (folder / "broken.txt").write_text("", encoding="utf-8")  # an empty file: a failed row
    (folder / "evil <img src=x onerror=alert(1)>.txt").write_text(MALICIOUS, encoding="utf-8")
    out = tmp / "out.csv"
    summary = batch.run([str(folder)], str(out), workers=1, force=True)
    rows = list(batch.read_rows(out))
    return summary.to_dict(), rows, out


# -- score report ------------------------------------------------------------------------------------


def test_score_report_structure(node_result: tuple[dict, dict]) -> None:
    d, profile = node_result
    page = score_html(d, profile)
    doc = parse_checked(page)
    assert doc.tags("script") == []  # the score page needs no script at all
    # the big score number
    assert under(page, "score-value").text.strip().startswith(f"{d['score']:.1f}")
    assert f"{d['score']:.1f}" in doc.text()
    # one SVG chart for the groups, one bar per group, names, weights, % labels and core marks
    assert len(doc.tags("svg")) == 2  # the coverage chart, wide and stacked for a phone
    chart = under(page, "chart-groups")
    rects = chart.tags("rect")
    assert len(rects) == len(d["groups"]) == len(profile["groups"]) >= 10
    core = [g for g in d["groups"] if g["core"]]
    assert sum(1 for r in rects if r["class"] == "bar-core") == len(core)
    for g in d["groups"]:
        assert g["name"] in chart.text
        assert f"{g['coverage'] * 100:.0f}%" in chart.text
        assert f"\u00d7{g['weight']:g}" in chart.text
    assert chart.text.count("\u2605") == len(core)
    narrow = under(page, "chart-groups-narrow")
    assert [float(r["width"]) for r in narrow.tags("rect")] == pytest.approx(
        [330 * g["coverage"] for g in d["groups"]], abs=0.2
    )
    widths = [float(r["width"]) for r in rects]
    full = max(widths)
    for g, w in zip(d["groups"], widths):
        assert w == pytest.approx(full * g["coverage"], abs=0.2)
    # tables
    matched = body_rows(page, "table-matched")
    assert [r[0] for r in matched] == [m["name"] for m in d["matched"]]
    nodejs = next(r for r in matched if r[0] == "Node.js")
    assert "NodeJS" in nodejs[3]
    # the depth of evidence sits beside it: roles, years, last use
    node = next(m for m in d["matched"] if m["name"] == "Node.js")
    assert node["depth"] and nodejs[2] == node["depth"]["summary"] and "role" in nodejs[2]
    implied = next(m for m in d["matched"] if m["implied_by"] and not m["mentions"])
    assert "implied by" in next(r for r in matched if r[0] == implied["name"])[3]
    missing = body_rows(page, "table-missing")
    assert len(missing) == len(d["missing"]) == 40
    assert missing[0] == [
        d["missing"][0]["name"],
        d["missing"][0]["group"],
        f"{d['missing'][0]['gain']:+.1f}",
    ]
    terms = body_rows(page, "table-terms")
    assert len(terms) == len(d["top_terms"]) > 0
    assert terms[0][0] == d["top_terms"][0]["name"]
    assert "Backend Engineer" in doc.text()
    assert "http://" not in page and "https://" not in page  # no URL at all for the samples


def test_score_report_escapes_malicious_resume(matcher: Matcher) -> None:
    r = matcher.score(MALICIOUS)
    d = r.to_dict()
    d["source"] = "resume <script>alert(1)</script>.txt"
    assert {"Python", "Django", "Docker"} <= {
        m["name"] for m in d["matched"]
    }  # still scored as a resume
    page = score_html(
        d, matcher.profile.to_dict(), title='Report for "<img src=x onerror=alert(1)>"'
    )
    doc = parse_checked(page)
    # nothing from the document became markup
    assert doc.tags("script") == [] and doc.tags("img") == [] and doc.tags("b") == []
    assert len(doc.tags("svg")) == 2  # the coverage chart, wide and stacked for a phone
    for tag, attrs, _ in doc.elements:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    assert (
        XSS_SCRIPT not in page
        and "<img" not in page
        and "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")
    )
    # ... but it is all there as text
    text = doc.text()
    assert "resume <script>alert(1)</script>.txt" in text
    assert 'Report for "<img src=x onerror=alert(1)>"' in text
    assert html.escape(XSS_SCRIPT) in page


def test_score_report_evidence_is_escaped(node_result: tuple[dict, dict]) -> None:
    d, profile = node_result
    d = {**d, "matched": [dict(m) for m in d["matched"]]}
    d["matched"][0]["mentions"] = [XSS_SCRIPT, XSS_IMG, "a\ud800b"]
    d["missing"] = [{**d["missing"][0], "name": XSS_IMG, "group": "</td><script>x</script>"}]
    d["groups"] = [{**d["groups"][0], "name": "<svg onload=alert(1)>"}] + d["groups"][1:]
    page = score_html(d, profile)
    doc = parse_checked(page)
    assert doc.tags("script") == [] and doc.tags("img") == []
    assert len(doc.tags("svg")) == 2  # the injected <svg> in a group name stayed text
    assert len(under(page, "chart-groups").tags("rect")) == len(d["groups"])
    evidence = body_rows(page, "table-matched")[0][3]
    assert XSS_SCRIPT in evidence and XSS_IMG in evidence and "a\ufffdb" in evidence
    assert body_rows(page, "table-missing") == [
        [XSS_IMG, "</td><script>x</script>", f"{d['missing'][0]['gain']:+.1f}"]
    ]
    assert "<svg onload=alert(1)>"[:30] in under(page, "chart-groups").text


def test_score_report_empty_and_surrogates(tmp_path: Path) -> None:
    page = score_html({}, {})
    doc = parse_checked(page)
    assert doc.tags("svg") == [] and doc.tags("table") == []
    assert under(page, "score-value").text.startswith("0.0")
    d = {
        "source": "res\ud800ume\udfff.txt",
        "score": 12.5,
        "coverage": 0.1,
        "similarity": 0.2,
        "groups": [],
        "matched": [
            {"name": "Py\ud800thon", "group": "g", "mentions": ["\udcff"], "implied_by": []}
        ],
        "missing": [],
        "top_terms": [],
    }
    page = score_html(d, {"title": "T\ud800"}, title="x\udc00y")
    page.encode("utf-8")  # no lone surrogate is left
    doc = parse_checked(page)
    assert "res\ufffdume\ufffd.txt" in doc.text() and "x\ufffdy" in doc.text()
    assert body_rows(page, "table-matched") == [["Py\ufffdthon", "g", "", "\ufffd"]]
    write_html(tmp_path / "r.html", "<p>\ud800</p>")  # even raw HTML with a surrogate is written
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == "<p>\ufffd</p>"


def test_score_report_non_numeric_values_do_not_leak_into_attributes() -> None:
    d = {
        "score": '50" onload="alert(1)',
        "coverage": "nan",
        "similarity": float("inf"),
        "groups": [{"name": "g", "coverage": '1" onmouseover="x', "weight": "<b>", "core": True}],
    }
    page = score_html(d, {})
    parse_checked(page)  # raises on any event handler or resource tag
    rect = under(page, "chart-groups").tags("rect")
    assert len(rect) == 1 and float(rect[0]["width"]) == 0.0
    assert under(page, "score-value").text.startswith("0.0")


# -- batch summary -------------------------------------------------------------------------------------


def test_summary_report_structure(batch_run: tuple[dict, list[dict], Path]) -> None:
    summary, rows, _ = batch_run
    assert summary["failed"] == 1 and summary["ok"] == len(rows) - 1 == 27
    page = summary_html(summary, rows)
    doc = parse_checked(page)
    # counts
    cards = under(page, "counts").text
    assert (
        "documents" in cards
        and str(summary["count"]) in cards
        and str(summary["ok"]) in cards
        and str(summary["failed"]) in cards
    )
    # exactly one svg per chart, one bar per bin / per skill
    assert len(doc.tags("svg")) == 2
    hist = summary["score_distribution"]["histogram"]
    bars = under(page, "chart-histogram").tags("rect")
    assert len(bars) == len(hist) == 10
    heights = [float(b["height"]) for b in bars]
    tallest = max(heights)
    top_count = max(hist.values())
    for h, n in zip(heights, hist.values()):
        assert h == pytest.approx(tallest * n / top_count, abs=0.2)
    for label in hist:
        assert label in under(page, "chart-histogram").text
    demanded = under(page, "chart-demanded")
    assert len(demanded.tags("rect")) == len(summary["most_demanded_skills"]) == 30
    assert summary["most_demanded_skills"][0]["name"] in demanded.text
    # most missing
    assert len(body_rows(page, "table-missing")) == len(summary["most_missing_skills"])
    # the ranked table: every row, best first, failed rows last
    ranked = body_rows(page, "table-ranked")
    assert len(ranked) == len(rows) == 28
    # the one-parse reader of the big-page test reads the same cells
    assert doc.table_rows["table-ranked"] == ranked
    assert doc.table_rows["table-missing"] == body_rows(page, "table-missing")
    heads = re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", _slice(page, "table-ranked"))
    assert heads == ["#", "id", "title", "score", "top skills", "missing core", "status"]
    scores = [float(r[3]) for r in ranked if r[3]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 27
    best = max((r for r in rows if r["status"] == "ok"), key=lambda r: float(r["score"]))
    assert ranked[0][1] == best["id"] and ranked[0][2] == best["title"]
    assert ranked[-1][1] == "broken.txt" and ranked[-1][6].startswith("error")
    # sortable by clicking a header: the table is marked, and the sorter is a static inline script
    assert "sortable" in (under(page, "table-ranked").found[0][1]["class"] or "")
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1 and "addEventListener" in scripts[0] and "innerHTML" not in scripts[0]
    # readable without script: the hint that needs JS is hidden by default
    assert "hidden" in under(page, "table-ranked-hint").found[0][1]
    # failures
    failures = body_rows(page, "table-failures")
    assert (
        len(failures) == 1 and failures[0][0].endswith("broken.txt") and "empty" in failures[0][1]
    )


def test_summary_report_escapes_document_text(batch_run: tuple[dict, list[dict], Path]) -> None:
    summary, rows, _ = batch_run
    evil = next(r for r in rows if r["id"].startswith("evil"))
    assert (
        evil["status"] == "ok" and "<script>" in evil["title"]
    )  # the title comes from the document text
    rows = rows + [
        {
            "id": XSS_SCRIPT,
            "source": XSS_IMG,
            "title": "",
            "score": "",
            "status": "error",
            "error": '"><script>alert(9)</script>',
            "top_skills": "",
            "missing_core": "",
        },
        {
            "id": "q",
            "source": "q",
            "title": "q",
            "score": "",
            "status": 'x" onclick="alert(1)',
            "error": "e",
            "top_skills": "",
            "missing_core": "",
        },
    ]
    summary = {
        **summary,
        "most_demanded_skills": summary["most_demanded_skills"]
        + [{"id": "x", "name": XSS_SCRIPT, "postings": 1, "share": 0.01}],
    }
    page = summary_html(summary, rows, title="batch <script>alert(1)</script>")
    doc = parse_checked(page)
    assert len(doc.tags("script")) == 1 and doc.tags("img") == [] and len(doc.tags("svg")) == 2
    assert len(under(page, "chart-demanded").tags("rect")) == 31
    assert "batch <script>alert(1)</script>" in doc.text()
    ranked = body_rows(page, "table-ranked")
    assert any(r[1] == evil["id"] and r[2] == evil["title"] for r in ranked)
    assert any(r[1] == XSS_SCRIPT for r in ranked)
    assert any(
        r[1] == "q" and r[6].startswith('x" onclick="alert(1)') for r in ranked
    )  # a status with quotes stays in its attribute
    failures = body_rows(page, "table-failures")
    assert [XSS_IMG, '"><script>alert(9)</script>'] in failures
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert "alert" not in scripts[0]


def test_summary_report_caps_the_table() -> None:
    rows = [
        {
            "id": f"doc-{i}",
            "source": f"doc-{i}.txt",
            "title": f"Doc {i}",
            "score": f"{(i * 37) % 1000 / 10:.2f}",
            "status": "ok",
            "top_skills": "",
            "missing_core": "",
            "error": "",
        }
        for i in range(6000)
    ]
    page = summary_html({"count": 6000, "ok": 6000, "failed": 0}, iter(rows))
    ranked = parse_checked(page).table_rows["table-ranked"]  # one parse of the 1.6 MB page
    assert len(ranked) == 5000
    # the note stands before the table: parse only that far (the page is 1.6 MB)
    head = page[: page.index('id="table-ranked"')]
    assert "5,000 highest-scoring of 6,000" in under(head, "table-ranked-capped").text
    shown = [float(r[3]) for r in ranked]
    assert shown == sorted(shown, reverse=True)
    cutoff = sorted((float(r["score"]) for r in rows), reverse=True)[4999]
    assert min(shown) == pytest.approx(cutoff, abs=0.05)
    small = summary_html({}, rows[:10], max_rows=3)
    assert len(body_rows(small, "table-ranked")) == 3


def test_summary_report_empty_inputs() -> None:
    for summary in (
        {},
        {
            "count": 0,
            "ok": 0,
            "failed": 0,
            "score_distribution": {},
            "most_demanded_skills": [],
            "most_missing_skills": [],
            "failures": [],
        },
    ):
        page = summary_html(summary, [])
        doc = parse_checked(page)
        assert doc.tags("svg") == [] and doc.tags("table") == [] and doc.tags("script") == []
        assert "There are no rows" in doc.text()


def test_summary_report_failures_from_summary_and_surrogates() -> None:
    summary = {
        "count": 1,
        "ok": 0,
        "failed": 1,
        "failures": [{"source": "bad\ud800.pdf", "error": "unreadable \udfff"}],
    }
    page = summary_html(summary, [], title="t\ud800")
    page.encode("utf-8")
    parse_checked(page)
    assert body_rows(page, "table-failures") == [["bad\ufffd.pdf", "unreadable \ufffd"]]


def test_write_html_is_atomic_and_utf8(
    tmp_path: Path, batch_run: tuple[dict, list[dict], Path]
) -> None:
    summary, _, out = batch_run
    target = tmp_path / "summary.html"
    page = summary_html(
        summary, batch.read_rows(out)
    )  # rows streamed straight from the output file
    write_html(target, page)
    assert target.read_text(encoding="utf-8") == page
    assert [p.name for p in tmp_path.iterdir()] == ["summary.html"]  # no temporary file left behind
