"""One spider per source kind; each turns a listing into RawItems (see crawlers/items.py)."""
