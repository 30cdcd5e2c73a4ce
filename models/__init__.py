"""Vigie's data layer: records (validated data), tables (stored rows), the store, config and plan import.

`models` imports no other Vigie package.
"""
