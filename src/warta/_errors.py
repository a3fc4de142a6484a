"""The one error hierarchy of warta.

Every failure that warta reports on purpose is one of these; anything else
escaping the library is a bug.

    WartaError                  base of everything warta raises on purpose
    ├── InputError              the input cannot be read as a page at all
    │   ├── EmptyInputError     nothing but whitespace
    │   ├── BinaryInputError    bytes that are not text (images, archives, ...)
    │   └── InputTooLargeError  larger than the configured limit
    ├── PipelineError           stages put together in an order that cannot work
    ├── StoreError              the store cannot be opened or written
    ├── IngestError             an input cannot be ingested at all
    ├── QueryError              a search query or filter that cannot be understood
    └── FetchError              a URL that could not be fetched (crawl)
        └── UnsafeURLError      a URL the crawler refuses (scheme, port, address)

Inputs that *can* be read but lack something (no date, no headline, not
news at all) never raise: the record says what is missing in ``warnings``.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "FetchError",
    "IngestError",
    "InputError",
    "InputTooLargeError",
    "PipelineError",
    "QueryError",
    "StoreError",
    "UnsafeURLError",
    "WartaError",
]


class WartaError(Exception):
    """Base class of every error warta raises on purpose."""


class InputError(WartaError):
    """The input cannot be read as a page at all."""


class EmptyInputError(InputError):
    """The input holds nothing but whitespace."""


class BinaryInputError(InputError):
    """The input is binary data, not text or HTML."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit (``settings.max_input_bytes``)."""


class PipelineError(WartaError):
    """A pipeline whose stages need something no earlier stage sets."""


class StoreError(WartaError):
    """The store cannot be opened or written: not a warta store, a newer schema
    version than this warta knows, a disk that is full or read-only."""


class IngestError(WartaError):
    """An input cannot be ingested at all: an unknown format, a CSV without the
    mapped columns. (A single bad document inside an input is not an error:
    it is recorded in the store's failures and the batch goes on.)"""


class QueryError(WartaError):
    """A search query that cannot be understood (an unclosed quote, NOT with
    nothing before it, a date that is not YYYY-MM-DD)."""


class FetchError(WartaError):
    """A URL that could not be fetched (after retries), with the reason."""


class UnsafeURLError(FetchError):
    """A URL the crawler refuses to fetch (scheme, port or address)."""
