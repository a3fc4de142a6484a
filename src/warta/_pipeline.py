"""Stages and the pipeline that runs them.

A stage is a plain function ``Article -> None`` that fills fields in place,
declared with what it needs and what it sets (as spaCy components declare
``requires``/``assigns``). ``Pipeline`` checks at construction that every
need is met by the input or an earlier stage, so a misordered pipeline
fails before it reads a single page. How a pipeline is *run* (one process,
a pool, Spark) is not its business.

A stage may also have a ``many`` form that does the same to several articles
at once, for a runner that holds a batch (the entity stage shares its
model's work between them); ``Pipeline.run_many`` uses it.
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
    #: The stage over several articles at once, with the same result as one
    #: by one; it changes no article unless it succeeds for all of them.
    many: Callable[[list[Article]], None] | None = None

    def __call__(self, article: Article) -> None:
        self.func(article)


def stage(*, needs: Iterable[str] = (), sets: Iterable[str] = (),
          many: Callable[[list[Article]], None] | None = None):
    """Declare a function as a stage: ``@stage(needs=("paragraphs",), sets=("language",))``."""

    def wrap(func: Callable[[Article], None]) -> Stage:
        return Stage(func.__name__.lstrip("_"), func, tuple(needs), tuple(sets), many)

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

    def run_many(self, articles: list[Article]) -> list[Article | Exception]:
        """Every article through every stage, as ``__call__`` does, stages
        with a ``many`` form taking them together. An article that makes a
        stage raise leaves the run, its exception in its place; the others
        go on."""
        results: list[Article | Exception] = list(articles)
        for s in self.stages:
            alive = [i for i, r in enumerate(results) if isinstance(r, Article)]
            if s.many and len(alive) > 1:
                try:
                    s.many([results[i] for i in alive])
                    continue
                except Exception:  # noqa: BLE001 - one of them is bad: one by one finds which
                    pass
            for i in alive:
                try:
                    s(results[i])
                except Exception as exc:  # noqa: BLE001 - reported in the article's place
                    results[i] = exc
        return results
