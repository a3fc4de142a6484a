"""Named entities for Indonesian text: a spaCy pipeline trained and shipped with warta.

``nlp()`` returns the cached ``Language``; the ``entities`` stage (in
``warta.ner._stage``) fills ``Article.entities`` from ``Article.body``.
"""

from ._model import nlp

__all__ = ["nlp"]
