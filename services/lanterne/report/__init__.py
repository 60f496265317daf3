"""Rendering what the index holds: a ``Report`` as terminal tables or as one self-contained HTML page.

A ``Report`` carries only counts, sizes, scores and folder/owner/format/identifier-type names (never a sample nor a
fingerprint), and the renderers add nothing else, so a printed or mailed report holds no identifier.
"""

from lanterne.report.html import render_html
from lanterne.report.text import render_text

__all__ = ["render_html", "render_text"]
