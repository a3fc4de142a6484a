"""The one error hierarchy of warta.

Every failure that warta reports on purpose is one of these; anything else
escaping the library is a bug.

    WartaError                  base of everything warta raises on purpose
    ├── InputError              the input cannot be read as a page at all
    │   ├── EmptyInputError     nothing but whitespace
    │   ├── BinaryInputError    bytes that are not text (images, archives, ...)
    │   └── InputTooLargeError  larger than the configured limit
    └── PipelineError           stages put together in an order that cannot work

Inputs that *can* be read but lack something (no date, no headline, not
news at all) never raise: the record says what is missing in ``warnings``.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "PipelineError",
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
