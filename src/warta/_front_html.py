"""Front end for HTML pages: metadata (JSON-LD, OpenGraph, meta tags, visible
date and byline elements, figure captions) read here; the main text found by
trafilatura, then cleaned by the same body stages as text dumps."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import lxml.etree
import lxml.html

from ._article import Article
from ._boilerplate import LIST_HEADERS, line_reason
from ._container import body_container, container_text
from ._credits import looks_like_name, parse_credit_line
from ._front_text import caption_text, parse_text, peel_known_lines, split_lines
from ._normalise import clean_line
from ._outlets import from_mention

__all__ = ["looks_like_html", "parse_html"]

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body|meta|div|article|p|title)\b", re.I | re.S)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "blogposting", "webpage", "report", "backgroundnewsarticle"}
_META_KEYS = {
    "og:title": "titles", "twitter:title": "titles",
    "og:site_name": "meta_outlets", "publisher": "meta_outlets", "application-name": "meta_outlets",
    "article:published_time": "published_candidates", "pubdate": "published_candidates",
    "publishdate": "published_candidates", "publish-date": "published_candidates",
    "datepublished": "published_candidates", "dc.date": "published_candidates",
    "dc.date.issued": "published_candidates", "content_publisheddate": "published_candidates",
    "dtk:publishdate": "published_candidates", "date": "published_candidates",
    "article:modified_time": "updated_candidates", "og:updated_time": "updated_candidates",
    "datemodified": "updated_candidates", "lastmod": "updated_candidates",
    "author": "meta_authors", "article:author": "meta_authors", "dtk:author": "meta_authors",
    "content_author": "meta_authors", "dc.creator": "meta_authors",
    "og:url": "canonical_url", "og:description": "description", "description": "description",
    "article:section": "section", "keywords": "keywords", "news_keywords": "keywords",
}
_DATE_MARK = re.compile("date|time|tanggal|publish|waktu")
_CAPTION_MARK = re.compile("caption|keterangan-foto|photo-desc")
_BYLINE_MARK = re.compile("author|penulis|byline|reporter|editor|credit|writer")
# Less than this in a known container means the template changed: ask trafilatura.
_MIN_CONTAINER_TEXT = 200
_YMD_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000])) or ("</p>" in text[:20000] and "<" in text[:200])


def parse_html(text: str, article: Article) -> None:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        article.warn("html: the markup could not be parsed; read as text")
        parse_text(re.sub(r"<[^>]*>", "\n", text), article)
        return
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        article.warn("html: the markup nests deeper than the parser allows (256); text below that depth is lost")
    _read_metadata(tree, article.hints)
    captions = [*_texts(tree, "//figcaption"), *article.hints.get("captions", [])]
    article.captions = _unique(caption_text(c) for c in captions)
    _drop_furniture(tree, article)
    article.headline = article.hints.get("meta_headline")
    lines = split_lines(_main_text(tree, article))
    article.paragraphs = peel_known_lines(lines, article)


# Short blocks that may be furniture inside the article body: "Baca juga"
# boxes, ad slots, pagers, tag rows, share rows, promos.
# Menus, headers, footers and sidebars are left to the extractor, which drops them whole.
_SHORT_BLOCKS = (
    "//body//*[self::p or self::div or self::span or self::strong or self::b or self::li"
    " or self::h2 or self::h3 or self::h4 or self::h5 or self::ul or self::ol or self::section]"
    "[string-length(normalize-space()) < 300]"
    "[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"
)


def _drop_furniture(tree, article: Article) -> None:
    """Take furniture out of the tree before extraction, so that the extractor
    does not keep it and ``removed`` says what it was."""
    dropped: set = set()
    for el in tree.xpath(_SHORT_BLOCKS):
        if dropped and any(a in dropped for a in el.iterancestors()):
            continue
        text = clean_line(el.text_content())
        reason = line_reason(text) if text else None
        if reason is None and LIST_HEADERS.match(text):
            reason = _drop_list_after(el, article)
        if reason:
            article.remove(text, reason)
            dropped.add(el)
    for el in dropped:
        el.drop_tree()


def _drop_list_after(heading, article: Article) -> str | None:
    """A "Berita Terkait" heading: the list that follows it goes with it."""
    following = heading.getnext()
    if following is None or following.tag not in ("ul", "ol"):
        return None
    article.remove(clean_line(following.text_content()), "related list")
    following.drop_tree()
    return "related list"


def _main_text(tree, article: Article) -> str:
    container = body_container(tree)
    if container is not None:
        text = container_text(container)
        if len(text) >= _MIN_CONTAINER_TEXT:
            return text
    import trafilatura  # heavy to import; text dumps never need it

    try:
        doc = trafilatura.bare_extraction(
            tree, url=article.url, fast=True, include_comments=False, include_tables=True,
            with_metadata=False,
        )
    except Exception as exc:  # an extractor bug must not lose the page
        article.warn(f"html: the main-text extractor failed ({type(exc).__name__}); used the page text")
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if text:
        return text
    article.warn("html: no main text found by the extractor; used the page text")
    body = tree.find("body")
    return "\n".join(_block_texts(body if body is not None else tree))


def _block_texts(root) -> Iterator[str]:
    for el in root.iter("p", "h1", "h2", "h3", "li", "div", "td"):
        if el.tag == "div" and len(el):
            continue
        yield el.text_content()


def _read_metadata(tree, hints: dict) -> None:
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = clean_line(el.get("content") or "")
        if name in _META_KEYS and content:
            if _META_KEYS[name] == "canonical_url":
                hints.setdefault("canonical_url", content)
            else:
                _add(hints, _META_KEYS[name], content)
    for link in tree.xpath("//link[@rel='canonical'][@href]"):
        hints.setdefault("canonical_url", link.get("href"))
    for obj in _json_ld_articles(tree):
        _read_json_ld(obj, hints)
    _read_visible(tree, hints)
    _fix_meta_values(hints)
    title = "".join(_texts(tree, "//title"))[:500]
    h1 = next(iter(_texts(tree, "//h1")), "")
    candidates = [*hints.get("ld_headline", []), h1, *hints.get("titles", []), title]
    hints["meta_headline"] = next((clean_line(c) for c in candidates if clean_line(c)), None)


def _read_json_ld(obj: dict, hints: dict) -> None:
    _add(hints, "ld_headline", obj.get("headline") or obj.get("name"))
    hints.setdefault("published_candidates", [])[:0] = [str(obj["datePublished"])] if obj.get("datePublished") else []
    hints.setdefault("updated_candidates", [])[:0] = [str(obj["dateModified"])] if obj.get("dateModified") else []
    for author in _as_list(obj.get("author")):
        _add(hints, "meta_authors", author.get("name") if isinstance(author, dict) else author)
    publisher = obj.get("publisher")
    if isinstance(publisher, dict):
        hints.setdefault("meta_outlets", [])[:0] = [publisher.get("name")] if publisher.get("name") else []
    url = obj.get("url") or obj.get("mainEntityOfPage")
    if isinstance(url, dict):
        url = url.get("@id")
    if isinstance(url, str) and url.startswith("http"):
        hints.setdefault("canonical_url", url)


def _json_ld_articles(tree) -> Iterator[dict]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        yield from (o for o in _walk(data) if _is_article(o))


def _walk(data) -> Iterator[dict]:
    for obj in _as_list(data):
        if isinstance(obj, dict):
            yield obj
            yield from _walk(obj.get("@graph", []))


def _is_article(obj: dict) -> bool:
    types = {str(t).lower() for t in _as_list(obj.get("@type"))}
    return bool(types & _ARTICLE_TYPES) and bool(obj.get("headline") or obj.get("datePublished"))


def _read_visible(tree, hints: dict) -> None:
    """Dates and bylines shown on the page (byline boxes often hold the date too)."""
    dates, bylines, captions = _marked_elements(tree)
    hints["captions"] = [t for t in map(_text, captions) if t]
    found = [el.get("datetime") for el in tree.iter("time")] + [_text(el)[:200] for el in dates]
    for line in (line for el in bylines for line in split_lines(el.text_content())):
        credits = parse_credit_line(line, from_mention)
        if credits:
            hints.setdefault("credits", []).append(credits)
        elif looks_like_name(line):
            _add(hints, "meta_authors", line)
        else:
            found.append(line[:200])
    hints.setdefault("published_candidates", []).extend(d for d in found if d)


def _marked_elements(tree) -> tuple[list, list, list]:
    """Small elements whose class or id says they hold a date, a byline or a
    caption (one pass over the attributes: far cheaper than XPath contains())."""
    dates, bylines, captions = [], [], []
    for el in tree.xpath("//*[@class or @id][count(.//*) < 8]"):
        if el.tag in ("script", "style", "body", "html"):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if _BYLINE_MARK.search(marks):
            bylines.append(el)
        elif _DATE_MARK.search(marks):
            dates.append(el)
        elif _CAPTION_MARK.search(marks) and el.tag != "figcaption":
            captions.append(el)
    return dates, bylines, captions


def _text(el) -> str:
    return clean_line(el.text_content())


def _fix_meta_values(hints: dict) -> None:
    for field in ("published_candidates", "updated_candidates"):
        hints[field] = [_YMD_SLASH.sub(r"\1-\2-\3", v) for v in hints.get(field, [])]
    hints["meta_authors"] = [a for a in hints.get("meta_authors", []) if not a.startswith("http")]


def _texts(tree, xpath: str) -> Iterator[str]:
    for el in tree.xpath(xpath):
        text = clean_line(el.text_content() if hasattr(el, "text_content") else str(el))
        if text:
            yield text


def _add(hints: dict, name: str, value) -> None:
    if isinstance(value, str) and value.strip():
        values = hints.setdefault(name, [])
        if value not in values:
            values.append(value)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def _unique(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
