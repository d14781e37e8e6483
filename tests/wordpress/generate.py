"""A generated WordPress export of any size, with an uploads folder, for measuring the import
(test_import_time.py). Each post has the parts real ones have: classic paragraphs, a captioned
inline image, a featured image, categories, tags and a TYPO3 address."""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Mekong Institute</title><link>https://www.mekonginstitute.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
"""
SITE = "https://www.mekonginstitute.org"
PARAGRAPH = (
    "Officials and researchers from Cambodia, Lao PDR, Myanmar, Thailand, Viet Nam and Yunnan "
    "met for {n} days to share what works in cross-border trade, food safety and migration."
)
CATEGORIES = [("migration", "Migration"), ("trade-and-investment-facilitation",
              "Trade and Investment Facilitation"), ("uncategorized", "Uncategorized")]  # fmt: skip
TAGS = ["GMS", "ความปลอดภัยอาหาร", "labour migration", "SME", "ພາສາລາວ", "agriculture"]


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def meta(key: str, value: str) -> str:
    pair = f"<wp:meta_key>{key}</wp:meta_key><wp:meta_value>{cdata(value)}</wp:meta_value>"
    return f"<wp:postmeta>{pair}</wp:postmeta>"


def jpeg(n: int, size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    colour = (n * 37 % 256, n * 91 % 256, n * 53 % 256)
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def post(n: int, year: int, month: int) -> str:
    folder = f"{year}/{month:02d}"
    body = "\n\n".join(PARAGRAPH.format(n=k + 2) for k in range(6))
    body += (
        f'\n\n[caption id="attachment_{100000 + n}" width="300"]<img src="{SITE}/wp-content/'
        f'uploads/{folder}/inline-{n}.jpg" alt="Group work" width="300" height="200" /> '
        f"Group work on day {n % 5 + 1}[/caption]\n\nMore text after the picture."
    )
    slug = f"mi-news-item-{n}-regional-cooperation"
    category, name = CATEGORIES[n % len(CATEGORIES)]
    tags = "".join(
        f'<category domain="post_tag" nicename="t{k}">{cdata(TAGS[(n + k) % len(TAGS)])}</category>'
        for k in range(2)
    )
    return f"""<item><title>{cdata(f"News item {n}: regional cooperation in the Mekong")}</title>
<link>{SITE}/{slug}/</link><content:encoded>{cdata(body)}</content:encoded>
<excerpt:encoded>{cdata(f"Summary of news item {n}.")}</excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>{year}-{month:02d}-14 10:00:00</wp:post_date>
<wp:post_date_gmt>{year}-{month:02d}-14 03:00:00</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<category domain="category" nicename="{category}">{cdata(escape(name))}</category>{tags}
{meta("_thumbnail_id", str(200000 + n))}
{meta("_typo3_url", f"/news-activities/news-details/{year}/{month:02d}/14/mi-news-{n}/")}
</item>
"""  # fmt: skip


def attachment(n: int, year: int, month: int) -> str:
    url = f"{SITE}/wp-content/uploads/{year}/{month:02d}/hero-{n}.jpg"
    return f"""<item><title>hero-{n}</title><wp:post_id>{200000 + n}</wp:post_id>
<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>{url}</wp:attachment_url>
{meta("_wp_attachment_image_alt", f"Participants of event {n}")}</item>
"""


def write_export(path: Path, uploads: Path, *, posts: int, hero_size=(1200, 800)) -> None:
    """`posts` posts, each with a featured image (`hero_size`) and a 300x200 inline image."""
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for n in range(1, posts + 1):
            year, month = 2010 + n % 14, n % 12 + 1
            folder = uploads / f"{year}/{month:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"hero-{n}.jpg").write_bytes(jpeg(n, hero_size))
            (folder / f"inline-{n}.jpg").write_bytes(jpeg(n + 7, (300, 200)))
            out.write(attachment(n, year, month))
            out.write(post(n, year, month))
        out.write("</channel></rss>\n")
