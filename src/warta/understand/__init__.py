"""Understanding stages that run after ``read``: who said what, when, how much.

    pipeline = warta.read_pipeline(extra=STAGES)
    article = warta.read(page, pipeline=pipeline)

``STAGES`` is in pipeline order; each stage reads ``Article.body`` and gives
offsets into it (docs/understand.md).
"""

from .quantities import quantities
from .quotes import quotes
from .summary import summary
from .times import times

__all__ = ["STAGES", "quantities", "quotes", "summary", "times"]

STAGES = (quotes, times, quantities, summary)
