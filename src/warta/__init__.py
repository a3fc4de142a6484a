"""warta: read Indonesian online news the way an analyst does.

    >>> import warta
    >>> article = warta.read(Path("page.html"), url="https://...")
    >>> article.to_dict()["headline"]

The public API is what ``__all__`` lists; every other module is private.
"""

from ._article import Article, Dateline, Outlet, Removed, Source
from ._errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    IngestError,
    InputError,
    InputTooLargeError,
    PipelineError,
    QueryError,
    StoreError,
    UnsafeURLError,
    WartaError,
)
from ._export import to_jsonld, to_text
from ._pipeline import Pipeline, Stage, stage
from ._read import read, read_pipeline
from ._settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BinaryInputError",
    "Dateline",
    "EmptyInputError",
    "FetchError",
    "IngestError",
    "InputError",
    "InputTooLargeError",
    "Outlet",
    "Pipeline",
    "PipelineError",
    "QueryError",
    "Removed",
    "Settings",
    "Source",
    "Stage",
    "Store",
    "StoreError",
    "UnsafeURLError",
    "WartaError",
    "nlp",
    "read",
    "read_pipeline",
    "stage",
    "to_jsonld",
    "to_text",
]


def __getattr__(name: str):
    # Lazy: the store pulls in numpy and the lemmatiser, nlp() spaCy and the
    # NER model; only those who use them pay.
    if name == "Store":
        from .corpus import Store

        return Store
    if name == "nlp":
        from .ner import nlp

        return nlp
    raise AttributeError(f"module 'warta' has no attribute {name!r}")
