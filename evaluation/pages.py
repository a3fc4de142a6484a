"""Pages for evaluations and benchmarks: text dumps and HTML pages built from
the Detik evaluation set (../shared, read at run time, never stored), or the
golden fixtures when ../shared is absent.

HTML pages come in two templates: detik's own (its body container is one warta
knows) and an unknown one (the same page with neutral class names), which
takes the general extractor's path."""

from __future__ import annotations

import csv
import html
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DETIK = ROOT.parent / "shared/data/news/detik-2025-dev.csv"
GOLDEN = ROOT / "tests/golden"

# A page as CMSs serve it: metadata, menus, sidebars, ads, scripts, footer.
_TEMPLATE = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{title} - detikNews</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="detikNews">
<meta name="publishdate" content="{date}"><meta name="author" content="Tim detikcom">
<script>window.dataLayer=[{{"page":"article"}}];function track(){{return 1}}</script>
<style>.nav{{display:flex}} .ad{{height:250px}}</style></head><body>
<header class="nav"><ul>{menu}</ul><form><input name="q"></form></header>
<main><article class="detail"><h1 class="detail__title">{title}</h1>
<div class="detail__author">Tim detikcom - detikNews</div>
<div class="detail__date">{visible_date}</div>
<figure><img src="/foto.jpg" alt=""><figcaption>Ilustrasi: {title}</figcaption></figure>
<div class="detail__body-text">{body}</div>
<div class="detail__body-tag"><a href="/tag/a">berita</a><a href="/tag/b">nasional</a></div>
</article><aside class="sidebar"><h3>Berita Terpopuler</h3><ol>{popular}</ol></aside></main>
<footer><p>Copyright &copy; 2025 detikcom. All rights reserved.</p><ul>{menu}</ul></footer>
<script src="/app.js"></script></body></html>"""


def detik_rows(limit: int):
    csv.field_size_limit(10**9)
    with DETIK.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= limit:
                return
            yield row


def text_pages(limit: int = 500) -> list[str]:
    if DETIK.exists():
        return [f"{r['judul']}\n\n{r['tanggal']}\n\n{r['isi_berita']}" for r in detik_rows(limit)]
    return [p.read_text("utf-8") for p in sorted(GOLDEN.glob("*.txt"))]


def html_pages(limit: int = 500) -> list[str]:
    if not DETIK.exists():
        return [p.read_text("utf-8") for p in sorted(GOLDEN.glob("*.html"))]
    return [as_html(r) for r in detik_rows(limit)]


def html_pages_unknown_template(limit: int = 500) -> list[str]:
    pages = html_pages(limit)
    return [p.replace("detail__", "blk-").replace('class="detail"', 'class="blk"') for p in pages]


def as_html(row: dict) -> str:
    paragraphs = [html.escape(line) for line in row["isi_berita"].splitlines() if line.strip()]
    body = "".join(
        f'<div class="ad">{p}</div>' if p in ("SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT") else f"<p>{p}</p>"
        for p in paragraphs
    )
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in
                   ("Berita", "Daerah", "Internasional", "Finance", "Sport", "Hot", "Inet", "Oto", "Travel"))
    popular = "".join(f'<li><a href="/p/{i}">Berita populer nomor {i} hari ini</a></li>' for i in range(1, 11))
    title = html.escape(row["judul"])
    return _TEMPLATE.format(title=title, date=row["tanggal"], visible_date=row["tanggal"] + " WIB",
                            body=body, menu=menu, popular=popular)
