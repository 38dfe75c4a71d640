"""Self-contained HTML reports: one file each, no network, no external resources.

``score_html(result, profile)`` renders one :meth:`FitResult.to_dict` against a
:meth:`Profile.to_dict`; ``summary_html(summary, rows)`` renders a batch run from
:meth:`batch.Summary.to_dict` and the rows of its output (``batch.read_rows``).
Charts are inline SVG, styles and the few lines of script are inline, and a
strict Content-Security-Policy forbids loading anything. Every string that comes
from a document (ids, titles, file names, evidence, errors) is HTML-escaped; data
never goes into a script, a URL or an event handler. Only the standard library
is used (and the plain helpers of :mod:`jdmatch.report`, so that the terminal,
HTML and Markdown reports state the same facts in the same words).
"""

from jdmatch.report_html.page import CSP, MAX_FAILURES, MAX_ROWS, write_html  # noqa: F401  (MAX_FAILURES as before)
from jdmatch.report_html.score import score_html
from jdmatch.report_html.summary import summary_html

__all__ = ["score_html", "summary_html", "write_html", "CSP", "MAX_ROWS"]
