"""Errors of the corpus (defined with the others in warta._errors)."""

from .._errors import IngestError, QueryError, StoreError

__all__ = ["IngestError", "QueryError", "StoreError"]
