"""Reading the article text straight from the element that known Indonesian
news templates put it in (``itemprop="articleBody"``, ``detail__body-text``,
``read__content``, ...; the list is data in outlets.json). Pages without one
go through trafilatura. Far cheaper than general extraction, and it keeps the
body's own furniture visible to the body stages, which record what they cut."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["body_container", "container_text"]

_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote table tr section article br dd dt".split()
)
_SKIPPED = frozenset(
    "script style noscript iframe figure figcaption form button aside nav svg template select "
    "input textarea video audio object embed".split()
)


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], frozenset[str]]:
    raw = json.loads(resources.files("warta").joinpath("data/outlets.json").read_text("utf-8"))
    known = raw["body_containers"]
    return frozenset(known["itemprop"]), frozenset(known["class"])


def body_container(tree):
    """The element holding the article text, or None on an unknown template.
    (Class tokens are checked in Python: one XPath contains() per known class
    costs ten times more on a large page.)"""
    itemprops, classes = _known()
    for el in tree.xpath("//body//*[@class or @itemprop]"):
        if el.get("itemprop") in itemprops or not classes.isdisjoint((el.get("class") or "").split()):
            return el
    return None


def container_text(container) -> str:
    """The container's text with one line per block element."""
    out: list[str] = []
    _flatten(container, out, is_root=True)
    return "".join(out)


def _flatten(el, out: list[str], is_root: bool = False) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIPPED or "display:none" in (el.get("style") or "").replace(" ", ""):
        if el.tail and not is_root:
            out.append(_inline(el.tail))
        return
    block = tag in _BLOCKS
    if block:
        out.append("\n")
    if el.text and tag:
        out.append(_inline(el.text))
    for child in el:
        _flatten(child, out)
    if block:
        out.append("\n")
    if el.tail and not is_root:
        out.append(_inline(el.tail))


def _inline(text: str) -> str:
    # Line breaks in the HTML source are spaces; only block elements break lines.
    return text.replace("\n", " ").replace("\r", " ")
