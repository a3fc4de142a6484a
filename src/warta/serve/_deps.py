"""Dependencies of the routes, as ``Annotated`` types (FastAPI's style):
the corpus of the app, and the bounded search parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from ._data import Corpus
from ._params import DAY, SearchParams, search_params

__all__ = ["CorpusDep", "DayParam", "SearchDep"]


async def _corpus(request: Request) -> Corpus:
    # async: FastAPI runs a plain def dependency on the thread pool, a hop there and back per request
    return request.app.state.corpus


CorpusDep = Annotated[Corpus, Depends(_corpus)]
SearchDep = Annotated[SearchParams, Depends(search_params)]
DayParam = Annotated[str, Query(pattern=DAY, description="YYYY-MM-DD; empty: the newest day stored")]
