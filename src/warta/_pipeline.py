"""Stages and the pipeline that runs them.

A stage is a plain function ``Article -> None`` that fills fields in place,
declared with what it needs and what it sets (as spaCy components declare
``requires``/``assigns``). ``Pipeline`` checks at construction that every
need is met by the input or an earlier stage, so a misordered pipeline
fails before it reads a single page. How a pipeline is *run* (one process,
a pool, Spark) is not its business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ._article import Article
from ._errors import PipelineError

__all__ = ["Pipeline", "Stage", "stage"]


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Article], None]
    needs: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()

    def __call__(self, article: Article) -> None:
        self.func(article)


def stage(*, needs: Iterable[str] = (), sets: Iterable[str] = ()):
    """Declare a function as a stage: ``@stage(needs=("paragraphs",), sets=("language",))``."""

    def wrap(func: Callable[[Article], None]) -> Stage:
        return Stage(func.__name__.lstrip("_"), func, tuple(needs), tuple(sets))

    return wrap


class Pipeline:
    """An ordered list of stages, checked once when it is built."""

    def __init__(self, stages: Sequence[Stage], *, provided: Iterable[str] = ()):
        self.stages = tuple(stages)
        available = set(provided)
        for s in self.stages:
            missing = [n for n in s.needs if n not in available]
            if missing:
                raise PipelineError(
                    f"stage {s.name!r} needs {', '.join(missing)}, which no earlier stage sets"
                )
            available.update(s.sets)
        self.sets = frozenset(available)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Article:
        for s in self.stages:
            s(article)
        return article
