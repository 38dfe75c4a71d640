#!/usr/bin/env python3
"""Regenerate the jdmatch sample documents from the plain-text sources in src/.

    python samples/build.py

Every file in samples/resumes/ and samples/postings/ (and samples/labels.csv)
is produced from samples/src/ by this script. Output is deterministic: PDFs are
written by reportlab with invariant=1, DOCX files get fixed core properties and
fixed zip timestamps, so re-running gives byte-identical files.

Source format (plain UTF-8 text):

    # Title                      name of the person / title of the posting
    subtitle line(s)             until the first blank line
    ## Section                   add " [side]" to put it in the sidebar of a
                                 two-column layout
    ### Entry title              job / degree; the line right after it (no
    date and place line          blank line) is its date/place line
    - bullet item
    | a | table | row |          first row is the header
    any other line               a paragraph (one paragraph per line)
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

# ---------------------------------------------------------------------------
# THE TABLE: source file -> output file, format, render options and labels.
#   fmt: txt | md | html | pdf | pdf2col | pdfmargin | docx
#   pdf options: size, footer (name + "Page N"), running (a header and a footer
#   on every page, "N/M" page numbers), icons ({phone} {mail} {github} {pin} in
#   the subtitle drawn with the generated icon font); pdf2col: side=right
#   labels: kind, role, backend (2 backend / 1 adjacent technical / 0 not
#   technical), seniority, years (resume: total professional years as of
#   Nov 2026; posting: minimum years required; "" if none)
# ---------------------------------------------------------------------------
DOCS = [
    # src                                   output                                      fmt       options                                kind       role                  be  seniority    years
    (
        "resume-junior-backend-python.txt",
        "resumes/junior-backend-python.md",
        "md",
        {},
        "resume",
        "backend",
        2,
        "entry",
        "2",
    ),
    (
        "resume-senior-backend-java.txt",
        "resumes/senior-backend-java.pdf",
        "pdf",
        {"size": 11.5, "footer": True},
        "resume",
        "backend",
        2,
        "senior",
        "11",
    ),
    (
        "resume-staff-backend-go.txt",
        "resumes/staff-backend-go.pdf",
        "pdf2col",
        {},
        "resume",
        "backend",
        2,
        "staff",
        "13",
    ),
    (
        "resume-dotnet-backend.txt",
        "resumes/dotnet-backend.docx",
        "docx",
        {},
        "resume",
        "backend",
        2,
        "senior",
        "8",
    ),
    (
        "resume-nodejs-backend.txt",
        "resumes/nodejs-backend.txt",
        "txt",
        {"heading": "upper", "bullet": "•"},
        "resume",
        "backend",
        2,
        "mid",
        "6",
    ),
    (
        "resume-frontend-react.txt",
        "resumes/frontend-react.md",
        "md",
        {},
        "resume",
        "frontend",
        1,
        "senior",
        "7",
    ),
    (
        "resume-data-scientist.txt",
        "resumes/data-scientist.pdf",
        "pdf",
        {},
        "resume",
        "data-science",
        1,
        "senior",
        "9",
    ),
    (
        "resume-devops-engineer.txt",
        "resumes/devops-engineer.pdf",
        "pdf",
        {},
        "resume",
        "devops",
        1,
        "senior",
        "8",
    ),
    (
        "resume-qa-engineer.txt",
        "resumes/qa-engineer.txt",
        "txt",
        {"heading": "underline", "bullet": "-"},
        "resume",
        "qa",
        1,
        "mid",
        "6",
    ),
    (
        "resume-nurse.txt",
        "resumes/nurse.txt",
        "txt",
        {"heading": "colon", "bullet": "*"},
        "resume",
        "nurse",
        0,
        "n/a",
        "10",
    ),
    (
        "resume-accountant.txt",
        "resumes/accountant.pdf",
        "pdf",
        {},
        "resume",
        "accountant",
        0,
        "n/a",
        "12",
    ),
    (
        "resume-backend-moderncv.txt",
        "resumes/backend-moderncv.pdf",
        "pdfmargin",
        {},
        "resume",
        "backend",
        2,
        "senior",
        "11",
    ),
    (
        "resume-data-engineer-sidebar.txt",
        "resumes/data-engineer-sidebar.pdf",
        "pdf2col",
        {"side": "right"},
        "resume",
        "data-engineering",
        1,
        "senior",
        "6",
    ),
    (
        "resume-sre-two-page.txt",
        "resumes/sre-two-page.pdf",
        "pdf",
        {"size": 11, "running": True},
        "resume",
        "devops",
        1,
        "senior",
        "13",
    ),
    (
        "resume-mobile-icons.txt",
        "resumes/mobile-icons.pdf",
        "pdf",
        {"icons": True},
        "resume",
        "mobile",
        1,
        "senior",
        "9",
    ),
    (
        "posting-backend-junior-python.txt",
        "postings/backend-junior-python.txt",
        "txt",
        {"heading": "upper", "bullet": "-"},
        "posting",
        "backend",
        2,
        "entry",
        "",
    ),
    (
        "posting-backend-mid-node.txt",
        "postings/backend-mid-node.md",
        "md",
        {},
        "posting",
        "backend",
        2,
        "mid",
        "3",
    ),
    (
        "posting-backend-mid-dotnet.txt",
        "postings/backend-mid-dotnet.txt",
        "txt",
        {"heading": "underline", "bullet": "•"},
        "posting",
        "backend",
        2,
        "mid",
        "3",
    ),
    (
        "posting-backend-mid-java.txt",
        "postings/backend-mid-java.txt",
        "txt",
        {"heading": "colon", "bullet": "*"},
        "posting",
        "backend",
        2,
        "mid",
        "4",
    ),
    (
        "posting-backend-senior-java.txt",
        "postings/backend-senior-java.html",
        "html",
        {},
        "posting",
        "backend",
        2,
        "senior",
        "6",
    ),
    (
        "posting-backend-senior-python.txt",
        "postings/backend-senior-python.md",
        "md",
        {},
        "posting",
        "backend",
        2,
        "senior",
        "5",
    ),
    (
        "posting-backend-staff-go.txt",
        "postings/backend-staff-go.pdf",
        "pdf",
        {"footer": True},
        "posting",
        "backend",
        2,
        "staff",
        "10",
    ),
    (
        "posting-backend-principal-java.txt",
        "postings/backend-principal-java.pdf",
        "pdf",
        {"size": 11, "footer": True},
        "posting",
        "backend",
        2,
        "principal",
        "12",
    ),
    (
        "posting-engineering-manager.txt",
        "postings/engineering-manager.html",
        "html",
        {},
        "posting",
        "engineering-manager",
        1,
        "manager",
        "8",
    ),
    (
        "posting-solutions-architect.txt",
        "postings/solutions-architect.pdf",
        "pdf",
        {},
        "posting",
        "solutions-architect",
        1,
        "architect",
        "7",
    ),
    (
        "posting-frontend-react.txt",
        "postings/frontend-react.html",
        "html",
        {},
        "posting",
        "frontend",
        1,
        "mid",
        "3",
    ),
    (
        "posting-data-scientist.txt",
        "postings/data-scientist.md",
        "md",
        {},
        "posting",
        "data-science",
        1,
        "mid",
        "2",
    ),
    (
        "posting-data-engineer.txt",
        "postings/data-engineer.txt",
        "txt",
        {"heading": "upper", "bullet": "•"},
        "posting",
        "data-engineering",
        1,
        "mid",
        "4",
    ),
    (
        "posting-devops-sre.txt",
        "postings/devops-sre.pdf",
        "pdf",
        {},
        "posting",
        "devops",
        1,
        "senior",
        "5",
    ),
    (
        "posting-qa-automation.txt",
        "postings/qa-automation.txt",
        "txt",
        {"heading": "underline", "bullet": "-"},
        "posting",
        "qa",
        1,
        "mid",
        "3",
    ),
    (
        "posting-mobile-ios.txt",
        "postings/mobile-ios.md",
        "md",
        {},
        "posting",
        "mobile",
        1,
        "mid",
        "3",
    ),
    (
        "posting-ux-designer.txt",
        "postings/ux-designer.html",
        "html",
        {},
        "posting",
        "ux-design",
        0,
        "n/a",
        "4",
    ),
    (
        "posting-product-manager.txt",
        "postings/product-manager.txt",
        "txt",
        {"heading": "upper", "bullet": "*"},
        "posting",
        "product-management",
        0,
        "n/a",
        "5",
    ),
    (
        "posting-nurse.txt",
        "postings/nurse.pdf",
        "pdf",
        {"footer": True},
        "posting",
        "nurse",
        0,
        "n/a",
        "2",
    ),
    (
        "posting-accountant.txt",
        "postings/accountant.md",
        "md",
        {},
        "posting",
        "accountant",
        0,
        "n/a",
        "3",
    ),
    (
        "posting-sales-representative.txt",
        "postings/sales-representative.txt",
        "txt",
        {"heading": "colon", "bullet": "-"},
        "posting",
        "sales",
        0,
        "n/a",
        "1",
    ),
    (
        "posting-teacher.txt",
        "postings/teacher.html",
        "html",
        {},
        "posting",
        "teacher",
        0,
        "n/a",
        "",
    ),
    (
        "posting-warehouse-associate.txt",
        "postings/warehouse-associate.txt",
        "txt",
        {"heading": "underline", "bullet": "•"},
        "posting",
        "warehouse",
        0,
        "n/a",
        "",
    ),
    (
        "posting-marketing-manager.txt",
        "postings/marketing-manager.md",
        "md",
        {},
        "posting",
        "marketing",
        0,
        "n/a",
        "6",
    ),
    ("posting-chef.txt", "postings/chef.html", "html", {}, "posting", "chef", 0, "n/a", "3"),
    (
        "posting-hr-generalist.txt",
        "postings/hr-generalist.txt",
        "txt",
        {"heading": "upper", "bullet": "•"},
        "posting",
        "hr",
        0,
        "n/a",
        "3",
    ),
]

FIXED_DATE = _dt.datetime(2026, 1, 1, 0, 0, 0)
CREATOR = "jdmatch samples/build.py"

# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------


def parse(text: str) -> dict:
    lines = text.splitlines()
    doc = {"title": "", "subtitle": [], "sections": []}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if not lines[i].startswith("# "):
        raise ValueError("source must start with '# Title'")
    doc["title"] = lines[i][2:].strip()
    i += 1
    while i < len(lines) and lines[i].strip():
        doc["subtitle"].append(lines[i].strip())
        i += 1
    section = None
    prev_h3 = False
    for raw in lines[i:]:
        line = raw.rstrip()
        if not line.strip():
            prev_h3 = False
            continue
        if line.startswith("## "):
            head = line[3:].strip()
            side = head.endswith("[side]")
            if side:
                head = head[: -len("[side]")].strip()
            section = {"heading": head, "side": side, "blocks": []}
            doc["sections"].append(section)
            prev_h3 = False
            continue
        if section is None:
            raise ValueError("content before first section: %r" % line)
        blocks = section["blocks"]
        if line.startswith("### "):
            blocks.append({"t": "h3", "text": line[4:].strip(), "meta": []})
            prev_h3 = True
            continue
        if prev_h3 and not line.startswith(("- ", "|")):
            blocks[-1]["meta"].append(line.strip())
            continue
        prev_h3 = False
        if line.startswith("- "):
            if blocks and blocks[-1]["t"] == "ul":
                blocks[-1]["items"].append(line[2:].strip())
            else:
                blocks.append({"t": "ul", "items": [line[2:].strip()]})
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if blocks and blocks[-1]["t"] == "table":
                blocks[-1]["rows"].append(cells)
            else:
                blocks.append({"t": "table", "rows": [cells]})
        else:
            blocks.append({"t": "p", "text": line.strip()})
    return doc


# ---------------------------------------------------------------------------
# Plain text and Markdown
# ---------------------------------------------------------------------------


def render_txt(doc: dict, opts: dict) -> bytes:
    style = opts.get("heading", "upper")
    bullet = opts.get("bullet", "-")
    out = [doc["title"]] + doc["subtitle"] + [""]
    for sec in doc["sections"]:
        h = sec["heading"]
        if style == "upper":
            out += [h.upper(), ""]
        elif style == "underline":
            out += [h, "=" * len(h), ""]
        else:
            out += [h + ":", ""]
        for b in sec["blocks"]:
            if b["t"] == "p":
                out += [b["text"], ""]
            elif b["t"] == "h3":
                out += [b["text"]] + b["meta"]
            elif b["t"] == "ul":
                out += ["%s %s" % (bullet, it) for it in b["items"]] + [""]
            elif b["t"] == "table":
                out += ["  ".join(r) for r in b["rows"]] + [""]
        if out[-1] != "":
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return ("\n".join(out) + "\n").encode("utf-8")


def render_md(doc: dict, opts: dict) -> bytes:
    out = ["# " + doc["title"], ""]
    out += [s + "  " for s in doc["subtitle"][:-1]] + doc["subtitle"][-1:] + [""]
    for sec in doc["sections"]:
        out += ["## " + sec["heading"], ""]
        for b in sec["blocks"]:
            if b["t"] == "p":
                out += [b["text"], ""]
            elif b["t"] == "h3":
                out += ["### " + b["text"], ""]
                if b["meta"]:
                    out += ["*" + " · ".join(b["meta"]) + "*", ""]
            elif b["t"] == "ul":
                out += ["- " + it for it in b["items"]] + [""]
            elif b["t"] == "table":
                rows = b["rows"]
                out.append("| " + " | ".join(rows[0]) + " |")
                out.append("|" + "|".join("---" for _ in rows[0]) + "|")
                out += ["| " + " | ".join(r) + " |" for r in rows[1:]] + [""]
    while out and out[-1] == "":
        out.pop()
    return ("\n".join(out) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# HTML (realistic careers page with style/script that must not be read)
# ---------------------------------------------------------------------------

HTML_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} &ndash; {company} Careers</title>
<style>
  /* careers site theme: tags such as .chip-java, .chip-kubernetes are styled below */
  :root {{ --brand: #2f5d50; --ink: #1d1d1f; }}
  body {{ font-family: "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.55; }}
  .site-header {{ background: var(--brand); padding: 12px 24px; }}
  .site-header a {{ color: #fff; text-decoration: none; margin-right: 18px; }}
  .nav {{ list-style: none; display: inline; padding: 0; }}
  .nav li {{ display: inline; }}
  main {{ max-width: 760px; margin: 32px auto; padding: 0 16px; }}
  .meta {{ color: #555; font-size: 0.95rem; }}
  .chip-java::after {{ content: "Java"; }}
  .chip-kubernetes::after {{ content: "Kubernetes"; }}
  .apply-btn {{ display: inline-block; background: var(--brand); color: #fff; padding: 10px 22px; border-radius: 4px; }}
  footer {{ border-top: 1px solid #ddd; margin-top: 48px; padding: 16px 24px; font-size: 0.85rem; color: #666; }}
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  var jobTags = ["python", "java", "react", "node.js", "kubernetes", "docker", "aws", "sql"];
  function trackApply(jobId) {{
    window.dataLayer.push({{ event: "apply_click", job: jobId, tags: jobTags }});
  }}
  document.addEventListener("DOMContentLoaded", function () {{
    var y = document.getElementById("year");
    if (y) {{ y.textContent = new Date().getFullYear(); }}
  }});
</script>
</head>
<body>
<header class="site-header">
  <nav aria-label="Main">
    <a class="logo" href="/">{company}</a>
    <ul class="nav">
      <li><a href="/careers">Careers</a></li>
      <li><a href="/about">About us</a></li>
      <li><a href="/life">Life at {company}</a></li>
      <li><a href="/contact">Contact</a></li>
    </ul>
  </nav>
</header>
<main>
<article class="job-posting" id="{slug}">
"""

HTML_FOOT = """<p><a class="apply-btn" href="#apply" onclick="trackApply('{slug}'); return false;">Apply now</a></p>
</article>
</main>
<footer>
  <p>&copy; <span id="year">2026</span> {company}. All rights reserved.</p>
  <p>{company} is an equal opportunity employer. We welcome applicants of every background &amp; ability.</p>
  <p><a href="/privacy">Privacy</a> &middot; <a href="/cookies">Cookie settings</a> &middot; <a href="/accessibility">Accessibility</a></p>
</footer>
<script>
  /* cookie banner; loads after content */
  (function () {{ if (!document.cookie.match(/consent=1/)) {{ console.log("show consent banner: spring sale, go now"); }} }})();
</script>
</body>
</html>
"""


def html_text(s: str) -> str:
    s = html.escape(s, quote=False)  # & -> &amp;
    s = s.replace("'", "&rsquo;")
    s = re.sub(r"(\d) (days|weeks|hours|years|pounds|minutes)\b", r"\1&nbsp;\2", s)
    s = s.replace(" – ", "&nbsp;&ndash; ")
    return s


def render_html(doc: dict, opts: dict, slug: str) -> bytes:
    company = doc["subtitle"][0].split(" · ")[0]
    parts = [HTML_HEAD.format(title=html_text(doc["title"]), company=html_text(company), slug=slug)]
    parts.append("<h1>%s</h1>\n" % html_text(doc["title"]))
    for s in doc["subtitle"]:
        parts.append('<p class="meta">%s</p>\n' % html_text(s).replace(" · ", " &middot; "))
    for sec in doc["sections"]:
        parts.append("<section>\n<h2>%s</h2>\n" % html_text(sec["heading"]))
        for b in sec["blocks"]:
            if b["t"] == "p":
                parts.append("<p>%s</p>\n" % html_text(b["text"]))
            elif b["t"] == "h3":
                parts.append("<h3>%s</h3>\n" % html_text(b["text"]))
                for m in b["meta"]:
                    parts.append('<p class="meta">%s</p>\n' % html_text(m))
            elif b["t"] == "ul":
                parts.append("<ul>\n")
                for it in b["items"]:
                    parts.append("  <li>%s</li>\n" % html_text(it))
                parts.append("</ul>\n")
            elif b["t"] == "table":
                parts.append("<table>\n")
                for r in b["rows"]:
                    parts.append(
                        "<tr>" + "".join("<td>%s</td>" % html_text(c) for c in r) + "</tr>\n"
                    )
                parts.append("</table>\n")
        parts.append("</section>\n")
    parts.append(HTML_FOOT.format(company=html_text(company), slug=slug))
    return "".join(parts).encode("utf-8")


# ---------------------------------------------------------------------------
# PDF (reportlab, Helvetica, real text layer, deterministic)
# ---------------------------------------------------------------------------


def _fix_bullet_encoding() -> None:
    """reportlab encodes U+2022 as WinAnsi code 0x7F; by the PDF spec that is a
    bullet too, but text extractors (pdfminer) only know the canonical 0x95 and
    print "(cid:127)". Make reportlab emit 0x95 instead. Must run before the
    first PDF is drawn (Python caches codec look-ups)."""
    from reportlab.pdfbase.rl_codecs import RL_Codecs

    data = RL_Codecs._RL_Codecs__rl_codecs_data  # private, but stable for years
    data["winansi"].rexceptions[0x2022] = 0x95
    RL_Codecs._RL_Codecs__rl_codecs_cache.pop("winansi", None)


_fix_bullet_encoding()


def _pdf_styles(size: float = 10.0) -> dict:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    lead = size * 1.32
    return {
        "title": ParagraphStyle(
            "title", fontName="Helvetica-Bold", fontSize=size + 8, leading=size + 12, spaceAfter=4
        ),
        "sub": ParagraphStyle(
            "sub",
            fontName="Helvetica",
            fontSize=size - 0.5,
            leading=lead,
            textColor=colors.HexColor("#444444"),
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName="Helvetica-Bold",
            fontSize=size + 2,
            leading=size + 5,
            spaceBefore=size * 1.1,
            spaceAfter=3,
            textColor=colors.HexColor("#1f4e79"),
        ),
        "h3": ParagraphStyle(
            "h3", fontName="Helvetica-Bold", fontSize=size + 0.5, leading=lead, spaceBefore=5
        ),
        "meta": ParagraphStyle(
            "meta",
            fontName="Helvetica-Oblique",
            fontSize=size - 0.5,
            leading=lead,
            spaceAfter=2,
            textColor=colors.HexColor("#555555"),
        ),
        "body": ParagraphStyle(
            "body", fontName="Helvetica", fontSize=size, leading=lead, spaceAfter=4
        ),
        # hanging indent kept small (5pt at 10pt type): pdfminer only groups a
        # wrapped bullet item into one text box if its lines start within
        # ~half a line height of each other; a wider indent splits items.
        "bullet": ParagraphStyle(
            "bullet",
            fontName="Helvetica",
            fontSize=size,
            leading=lead,
            leftIndent=size * 0.7,
            bulletIndent=size * 0.2,
            bulletFontName="Helvetica",
            spaceAfter=1.5,
        ),
    }


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


def _flowables(sections, st, with_rule=True):
    from reportlab.lib import colors
    from reportlab.platypus import HRFlowable, Paragraph, Spacer, Table, TableStyle

    out = []
    for sec in sections:
        out.append(Paragraph(_esc(sec["heading"]), st["h2"]))
        if with_rule:
            out.append(
                HRFlowable(
                    width="100%", thickness=0.6, color=colors.HexColor("#9fb3c8"), spaceAfter=3
                )
            )
        for b in sec["blocks"]:
            if b["t"] == "p":
                out.append(Paragraph(_esc(b["text"]), st["body"]))
            elif b["t"] == "h3":
                out.append(Paragraph(_esc(b["text"]), st["h3"]))
                for m in b["meta"]:
                    out.append(Paragraph(_esc(m), st["meta"]))
            elif b["t"] == "ul":
                for it in b["items"]:
                    out.append(Paragraph(_esc(it), st["bullet"], bulletText="\u2022"))
                out.append(Spacer(1, 3))
            elif b["t"] == "table":
                t = Table(b["rows"])
                t.setStyle(
                    TableStyle(
                        [
                            ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
                            ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                        ]
                    )
                )
                out.append(t)
    return out


ICON_FONT = "JdmatchIcons"
# Font Awesome 4 code points (private use area), plus two letters the font also
# maps to icons, as icon fonts used through a letter encoding do (LaTeX marvosym).
ICON_CODES = {"phone": "I", "mail": "\uf0e0", "github": "\u00a7", "pin": "\uf041"}


def icon_font_ttf() -> bytes:
    """A tiny TrueType font of four geometric icons, written here with fontTools (no third-party glyphs, no licence to track)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def box(pen, x0, y0, x1, y1):
        pen.moveTo((x0, y0))
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()

    shapes = {
        ".notdef": [(100, 0, 600, 700)],
        "space": [],
        "phone": [(250, 0, 550, 800), (300, 650, 500, 700)],
        "envelope": [(50, 100, 750, 600)],
        "github": [(100, 100, 700, 700), (300, 300, 500, 500)],
        "marker": [(300, 0, 500, 400), (200, 400, 600, 800)],
    }
    order = list(shapes)
    glyphs = {}
    for name, boxes in shapes.items():
        pen = TTGlyphPen(None)
        for bx in boxes:
            box(pen, *bx)
        glyphs[name] = pen.glyph()
    cmap = {
        0x20: "space",
        0xF095: "phone",
        ord("I"): "phone",
        0xF0E0: "envelope",
        0xF09B: "github",
        0xA7: "github",
        0xF041: "marker",
    }
    fb = FontBuilder(1000, isTTF=True)
    fb.updateHead(created=0x0DDDDDDD, modified=0x0DDDDDDD)  # fixed: byte-identical output
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(
        {
            n: (300 if n == "space" else 800, 0 if not shapes[n] else min(b[0] for b in shapes[n]))
            for n in order
        }
    )
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": ICON_FONT, "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()


def _register_icon_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if ICON_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(ICON_FONT, io.BytesIO(icon_font_ttf())))


def _with_icons(text: str) -> str:
    """Escape ``text`` and draw its {phone} {mail} {github} {pin} marks with the icon font."""
    out = _esc(text)
    for key, char in ICON_CODES.items():
        out = out.replace("{%s}" % key, '<font name="%s">%s</font>' % (ICON_FONT, char))
    return out


def render_pdf(doc: dict, opts: dict) -> bytes:
    """One-column PDF; with ``running`` the total page count is found by a first build."""
    if opts.get("running"):
        first = _render_pdf(doc, opts, total=0)
        total = len(re.findall(rb"/Type /Page\b(?!s)", first))
        return _render_pdf(doc, opts, total=total)
    return _render_pdf(doc, opts, total=0)


def _render_pdf(doc: dict, opts: dict, total: int) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = _pdf_styles(opts.get("size", 10.0))
    buf = io.BytesIO()
    footer_text = doc["title"] if opts.get("footer") else None
    running = opts.get("running")

    def on_page(canvas, tmpl):
        if footer_text:
            canvas.saveState()
            canvas.setFont("Helvetica", 8)
            canvas.setFillGray(0.45)
            canvas.drawString(54, 30, footer_text)
            canvas.drawRightString(letter[0] - 54, 30, "Page %d" % canvas.getPageNumber())
            canvas.restoreState()
        if running:
            canvas.saveState()
            canvas.setFont("Helvetica", 8)
            canvas.setFillGray(0.45)
            canvas.drawString(54, letter[1] - 30, "%s \u2013 Curriculum Vitae" % doc["title"])
            canvas.drawString(
                54, 30, "%s \u00b7 %s" % (doc["title"], doc["subtitle"][1].split(" \u00b7 ")[0])
            )
            canvas.drawRightString(letter[0] - 54, 30, "%d/%d" % (canvas.getPageNumber(), total))
            canvas.restoreState()

    if opts.get("icons"):
        _register_icon_font()
    tmpl = SimpleDocTemplate(
        buf,
        pagesize=letter,
        leftMargin=54,
        rightMargin=54,
        topMargin=50,
        bottomMargin=50,
        title=doc["title"],
        author="jdmatch samples",
        subject="jdmatch sample document",
        creator=CREATOR,
        invariant=1,
    )
    story = [Paragraph(_esc(doc["title"]), st["title"])]
    story += [
        Paragraph(_with_icons(s) if opts.get("icons") else _esc(s), st["sub"])
        for s in doc["subtitle"]
    ]
    story.append(Spacer(1, 4))
    story += _flowables(doc["sections"], st)
    tmpl.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()


def render_pdf_margin(doc: dict, opts: dict) -> bytes:
    """moderncv-like resume: dates (two lines: "June 2020 –" / "Present") and labels in a narrow
    left margin, right-aligned; entry titles, places, bullets and section headings to their right."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas as rl_canvas

    W, H = letter
    margin_right = 138  # right edge of the date margin
    main_x = 156  # left edge of the main column
    main_w = W - 54 - main_x
    size, lead = 10, 13.2
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setTitle(doc["title"])
    c.setAuthor("jdmatch samples")
    c.setSubject("jdmatch sample document")
    c.setCreator(CREATOR)
    y = H - 60
    c.setFont("Helvetica-Bold", 22)
    c.drawString(main_x, y, doc["title"])
    y -= 22
    for sub in doc["subtitle"]:
        c.setFont("Helvetica", 10)
        c.setFillGray(0.3)
        c.drawString(main_x, y, sub)
        y -= lead
    c.setFillGray(0)

    def text(x, font, fsize, value):
        c.setFont(font, fsize)
        c.drawString(x, y, value)

    def wrapped(value, font="Helvetica", indent=0.0, bullet=False):
        nonlocal y
        lines = simpleSplit(value, font, size, main_w - indent)
        for i, ln in enumerate(lines):
            if bullet and i == 0:
                c.setFont("Helvetica", size)
                c.drawString(main_x, y, "\u2022")
            text(main_x + indent, font, size, ln)
            y -= lead

    for sec in doc["sections"]:
        y -= 10
        c.setFillColor(colors.HexColor("#3873b3"))
        c.rect(main_x - 8 - 80, y - 1, 80, 7, stroke=0, fill=1)
        c.setFillColor(colors.HexColor("#3873b3"))
        text(main_x, "Helvetica", 13, sec["heading"])
        c.setFillGray(0)
        y -= lead + 4
        for b in sec["blocks"]:
            if b["t"] == "h3":
                meta = b["meta"][0].split(" \u00b7 ") if b["meta"] else [""]
                when, place = meta[0], meta[1] if len(meta) > 1 else ""
                start, _, end = when.partition(" \u2013 ")
                dates = [start + " \u2013", end] if end else [start]
                c.setFont("Helvetica", 9)
                for i, d in enumerate(dates):
                    c.drawRightString(margin_right, y - i * lead, d)
                text(main_x, "Helvetica-Bold", size, b["text"])
                y -= lead
                if place:
                    text(main_x, "Helvetica-Oblique", size, place)
                    y -= lead
                if len(dates) > 1 and not place:
                    y -= lead
            elif b["t"] == "ul":
                for it in b["items"]:
                    wrapped(it, indent=10, bullet=True)
                y -= 4
            elif b["t"] == "p":
                label, sep, rest = b["text"].partition(": ")
                if sep and len(label) < 16:  # a moderncv cvitem: label in the margin
                    c.setFont("Helvetica-Bold", 9)
                    c.drawRightString(margin_right, y, label)
                    wrapped(rest)
                else:
                    wrapped(b["text"])
                y -= 3
    c.showPage()
    c.save()
    return buf.getvalue()


GUTTER = 40  # points between sidebar and main column (pdfminer must not merge lines across it)
SIDEBAR_W = 160


def render_pdf2col(doc: dict, opts: dict) -> bytes:
    """Two-column resume: narrow left sidebar and wide right column, side by side."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    W, H = letter
    margin = 36
    header_h = 64
    body_h = H - 2 * margin - header_h
    main_w = W - 2 * margin - SIDEBAR_W - GUTTER
    if opts.get("side") == "right":  # main column first, sidebar on the right
        side_x, main_x = margin + main_w + GUTTER, margin
    else:
        side_x, main_x = margin, margin + SIDEBAR_W + GUTTER
    left_x, right_x, right_w = side_x, main_x, main_w

    st = _pdf_styles(9.5)
    side = dict(st)
    # same leading as the main column so sidebar and main lines sit on the same
    # baselines (they share y positions on the page), only a smaller type size
    lead = st["body"].leading
    side["body"] = ParagraphStyle(
        "sbody", parent=st["body"], fontSize=8.5, leading=lead, spaceAfter=0
    )
    side["bullet"] = ParagraphStyle(
        "sbullet",
        parent=st["bullet"],
        fontSize=8.5,
        leading=lead,
        leftIndent=6,
        bulletIndent=1.7,
        spaceAfter=0,
    )
    side["h3"] = ParagraphStyle("sh3", parent=st["h3"], fontSize=8.5, leading=lead, spaceBefore=0)
    side["meta"] = ParagraphStyle(
        "smeta", parent=st["meta"], fontSize=8, leading=lead, spaceAfter=0
    )

    frames = [
        Frame(
            margin,
            H - margin - header_h,
            W - 2 * margin,
            header_h,
            id="header",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        ),
        Frame(
            left_x,
            margin,
            SIDEBAR_W,
            body_h,
            id="sidebar",
            leftPadding=8,
            rightPadding=6,
            topPadding=4,
            bottomPadding=0,
        ),
        Frame(
            right_x,
            margin,
            right_w,
            body_h,
            id="main",
            leftPadding=0,
            rightPadding=0,
            topPadding=4,
            bottomPadding=0,
        ),
    ]

    def background(canvas, _doc):
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#eef2f6"))
        canvas.rect(left_x, margin, SIDEBAR_W, body_h, stroke=0, fill=1)
        canvas.restoreState()

    buf = io.BytesIO()
    tmpl = BaseDocTemplate(
        buf,
        pagesize=letter,
        title=doc["title"],
        author="jdmatch samples",
        subject="jdmatch sample document",
        creator=CREATOR,
        invariant=1,
    )
    tmpl.addPageTemplates([PageTemplate(id="twocol", frames=frames, onPage=background)])
    story = [Paragraph(_esc(doc["title"]), st["title"])]
    story += [Paragraph(_esc(s), st["sub"]) for s in doc["subtitle"]]
    story.append(FrameBreak())
    sidebar_secs = [s for s in doc["sections"] if s["side"]]
    main_secs = [s for s in doc["sections"] if not s["side"]]
    for sec in sidebar_secs:
        story += _flowables([sec], side, with_rule=False)
    story.append(FrameBreak())
    story += _flowables(main_secs, st)
    tmpl.build(story)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# DOCX (python-docx; fixed metadata and zip timestamps)
# ---------------------------------------------------------------------------


def render_docx(doc: dict, opts: dict) -> bytes:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    cp = d.core_properties
    cp.author = "jdmatch samples"
    cp.last_modified_by = "jdmatch samples"
    cp.title = doc["title"]
    cp.subject = "jdmatch sample document"
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1

    d.add_heading(doc["title"], level=0)
    for s in doc["subtitle"]:
        d.add_paragraph(s)
    for sec in doc["sections"]:
        d.add_heading(sec["heading"], level=1)
        for b in sec["blocks"]:
            if b["t"] == "p":
                d.add_paragraph(b["text"])
            elif b["t"] == "h3":
                p = d.add_paragraph()
                p.add_run(b["text"]).bold = True
                for m in b["meta"]:
                    p.add_run("\n" + m).italic = True
            elif b["t"] == "ul":
                for it in b["items"]:
                    d.add_paragraph(it, style="List Bullet")
            elif b["t"] == "table":
                rows = b["rows"]
                t = d.add_table(rows=len(rows), cols=len(rows[0]))
                t.style = "Table Grid"
                for r, row in enumerate(rows):
                    for c, val in enumerate(row):
                        cell = t.cell(r, c)
                        cell.text = val
                        if r == 0:
                            for run in cell.paragraphs[0].runs:
                                run.bold = True
    raw = io.BytesIO()
    d.save(raw)
    # rewrite the zip with fixed timestamps so the bytes are reproducible
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------


def main() -> int:
    (HERE / "resumes").mkdir(exist_ok=True)
    (HERE / "postings").mkdir(exist_ok=True)
    expected = set()
    for src, out, fmt, opts, *_ in DOCS:
        doc = parse((SRC / src).read_text(encoding="utf-8"))
        slug = Path(out).stem
        if fmt == "txt":
            data = render_txt(doc, opts)
        elif fmt == "md":
            data = render_md(doc, opts)
        elif fmt == "html":
            data = render_html(doc, opts, slug)
        elif fmt == "pdf":
            data = render_pdf(doc, opts)
        elif fmt == "pdf2col":
            data = render_pdf2col(doc, opts)
        elif fmt == "pdfmargin":
            data = render_pdf_margin(doc, opts)
        elif fmt == "docx":
            data = render_docx(doc, opts)
        else:
            raise ValueError(fmt)
        path = HERE / out
        path.write_bytes(data)
        expected.add(path)
        print("wrote %-42s (%s, %d bytes)" % (out, fmt, len(data)))
    # remove stale outputs that are no longer in the table
    for sub in ("resumes", "postings"):
        for p in (HERE / sub).iterdir():
            if p.is_file() and p not in expected:
                print("removing stale", p.relative_to(HERE))
                p.unlink()
    with open(HERE / "labels.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["path", "kind", "role", "backend", "seniority", "years"])
        for _src, out, _fmt, _opts, kind, role, backend, seniority, years in DOCS:
            w.writerow([out, kind, role, backend, seniority, years])
    print("wrote labels.csv (%d rows)" % len(DOCS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
