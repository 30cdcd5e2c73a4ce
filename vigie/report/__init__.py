"""The COPIL report: loaded from the store (load.py), built by models.copil, rendered as HTML (print-ready A4),
PDF (WeasyPrint, from that HTML) and XLSX (one sheet per view)."""
