"""export.xml imported end to end: articles and pages with their fields, categories mapped,
tags, statuses and publish times, images stored clean, and what could not be imported
reported while the rest goes on."""

import io
import re
from datetime import UTC, datetime

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image
from reversion.models import Version

from mi_site.core.publishing import State, Status
from mi_site.core.slugs import slug_from
from mi_site.pages.models import Page
from news.models import Article

from .conftest import EXPORT, GPS

pytestmark = pytest.mark.django_db
STORED_NAME = re.compile(r"^(editor|images|news|pages)/\d{4}/[0-9a-f]{32}\.(jpg|png)$")


def article(wordpress_id: int) -> Article:
    return Article.objects.get(wordpress_id=wordpress_id)


def page(wordpress_id: int) -> Page:
    return Page.objects.get(wordpress_id=wordpress_id)


def media_name(url: str) -> str:
    assert url.startswith("/media/")
    return url.removeprefix("/media/")


def test_posts_become_articles_and_pages_pages(imported):
    assert sorted(Article.objects.values_list("wordpress_id", flat=True)) == [
        101, 102, 103, 104, 105, 106, 108, 109, 110, 111
    ]  # fmt: skip
    assert sorted(Page.objects.values_list("wordpress_id", flat=True)) == [50, 51, 52, 53]
    assert "Articles: 10 created, 0 updated, 0 unchanged." in imported
    assert "Pages: 4 created, 0 updated, 0 unchanged." in imported


def test_a_block_editor_post_keeps_its_fields(imported, hubs):
    item = article(101)
    assert item.title == "MI holds workshop on regional migration management"
    assert item.slug == "mi-holds-workshop-on-regional-migration-management"
    assert item.standfirst == "Officials from the six GMS countries met in Khon Kaen."
    assert item.status == Status.PUBLISHED
    assert item.publish_at == datetime(2019, 5, 14, 3, 30, tzinfo=UTC)
    assert item.body.startswith(
        "<p>Thirty officials from the six GMS countries met in <strong>Khon Kaen</strong>"
    )
    assert "wp:" not in item.body and "[gallery" not in item.body and "srcset" not in item.body
    assert re.search(
        r'<figure class="image"><img data-image="\d+" src="/media/editor/2019/[0-9a-f]{32}\.jpg" '
        r'alt="Group work on the second day"><figcaption>Group work</figcaption></figure>',
        item.body,
    )
    # Categories by name: a department and a theme; "Uncategorized" matches nothing.
    assert item.department == hubs["tif"]
    assert list(item.themes.all()) == [hubs["migration"]]
    assert sorted(item.tags.names()) == ["labour migration", "ความปลอดภัยอาหาร"]


def test_a_classic_post_is_paragraphed_and_its_shortcodes_are_gone(imported, hubs):
    item = article(102)
    assert item.body.startswith(
        "<p>Twenty inspectors from Lao PDR &amp; Thailand were trained.<br>\n"
        "They visited three markets.</p>"
    )
    assert re.search(
        r'<figure class="image"><a href="/media/editor/2019/[0-9a-f]{32}\.jpg" '
        r'rel="noopener noreferrer"><img data-image="\d+" '
        r'src="/media/editor/2019/[0-9a-f]{32}\.jpg" '
        r'alt="Inspectors at a market" width="300" height="200"></a>'
        r"<figcaption>Inspectors at Talat Sao market</figcaption></figure>",
        item.body,
    )
    for gone in ("[caption", "[/caption]", "mi_button", "contact-form-7", "wp-content", "<p></p>"):
        assert gone not in item.body
    assert "<p>Apply now</p>" in item.body
    assert "Sampling [sic] methods" in item.body
    assert "Read the [gallery] shortcode guide." in item.body
    # Mapped by the categories file (a theme), and by a department's short name.
    assert list(item.themes.all()) == [hubs["food"]]
    assert item.department == hubs["adc"]
    assert item.standfirst == ""


def test_a_thai_post_gets_a_transliterated_slug_and_its_thai_tag(imported):
    item = article(103)
    assert item.title == "การประชุมเชิงปฏิบัติการด้านความปลอดภัยอาหาร"
    assert item.slug == slug_from(item.title, fallback="article", max_length=200)
    assert re.fullmatch(r"[a-z0-9-]+", item.slug)
    (tag,) = item.tags.all()
    assert tag.name == "ความปลอดภัยอาหาร"
    assert re.fullmatch(r"[a-z0-9-]+", tag.slug)
    assert tag == article(101).tags.get(name="ความปลอดภัยอาหาร")  # one tag, not two


def test_slugs_are_made_from_the_title_or_get_a_suffix(imported):
    no_slug = article(104)
    assert no_slug.slug == "call-for-applications-mekong-leadership-program-2020"
    # No GMT date: WordPress's local date, in Bangkok time.
    assert no_slug.publish_at == datetime(2020, 2, 1, 2, 0, tzinfo=UTC)
    assert article(105).slug == "mekong-forum-2019"
    assert article(106).slug == "mekong-forum-2019-2"


def test_statuses(imported):
    draft, pending, private, future = article(108), article(109), article(110), article(111)
    assert (draft.status, draft.publish_at) == (Status.DRAFT, None)
    assert (pending.status, pending.publish_at) == (Status.REVIEW, None)
    assert private.status == Status.DRAFT
    assert private.publish_at == datetime(2023, 6, 1, 2, 0, tzinfo=UTC)
    assert future.status == Status.PUBLISHED
    assert future.publish_at == datetime(2031, 1, 15, 2, 0, tzinfo=UTC)
    assert future.state == State.SCHEDULED
    assert "post 107 \u201cOld announcement\u201d: in WordPress's trash" in imported
    assert "post 112 \u201cAuto Draft\u201d: an automatic draft" in imported
    assert "1 nav_menu_item" in imported


def test_pages_keep_their_parents_wherever_they_come_in_the_file(imported):
    about, governance = page(50), page(51)
    assert (about.url_path, about.parent) == ("who-we-are", None)
    assert (governance.url_path, governance.parent) == ("who-we-are/governance", about)
    assert page(52).url_path == "events/25th-anniversary"
    assert page(52).parent == page(53)
    assert page(53).sort_order == 3
    assert about.standfirst == "An intergovernmental organization."
    assert about.body == (
        "<h2>Our mandate</h2>\n<p>Mekong Institute is an intergovernmental organization of "
        "the six GMS countries.</p>\n<p>It was founded in 1996.</p>"
    )


def test_every_created_item_has_its_first_revision(imported):
    for item in [article(101), article(108), page(51)]:
        (version,) = Version.objects.get_for_object(item)
        assert version.revision.comment == "Imported from WordPress"
    assert article(101).tag_links.count() == 2


def test_images_are_stored_clean_where_an_editors_would_be(imported):
    hero = article(101)
    assert STORED_NAME.match(hero.hero_image.file.name)
    assert hero.hero_image.file.name.startswith("images/2019/")  # the media library's folder
    assert hero.hero_alt == "Participants of the migration workshop in Khon Kaen"
    assert hero.hero_caption == "Photo: MI / Somchai"
    png = article(102)
    png_name = png.hero_image.file.name
    assert png_name.startswith("images/2020/") and png_name.endswith(".png")
    assert png.hero_alt == "Rice field in Savannakhet"  # no alt text: the attachment's title
    inline = re.search(r'src="(/media/editor/2019/[0-9a-f]{32}\.jpg)"', hero.body).group(1)
    assert (hero.hero_image.width, png.hero_image.title) == (90, "Rice field in Savannakhet")
    for name in [hero.hero_image.file.name, png_name, media_name(inline)]:
        assert STORED_NAME.match(name)
        with default_storage.open(name) as file, Image.open(file) as image:
            image.load()
            assert GPS not in image.getexif() and "exif" not in image.info
    with default_storage.open(media_name(inline)) as file, Image.open(file) as image:
        assert image.size == (64, 48)  # the photo that carried a GPS position


def test_an_image_that_cannot_be_had_is_reported_and_the_post_imported_without_it(imported):
    assert "post 102: 2017/02/missing-inline.jpg: missing from the uploads folder" in imported
    assert "A lost picture" not in article(102).body
    assert "post 105: 2019/11/forum-group-photo.jpg: missing from the uploads folder" in imported
    assert not article(105).hero_image and article(105).hero_alt == ""
    assert "post 106: 2019/11/statement.jpg: This file is not an image we can use" in imported
    assert article(106).body == "<p>The forum closed with a joint statement.</p>"
    assert "post 102: \u201cRice field in Savannakhet\u201d" in imported  # alt from the title
    assert "\u201cUncategorized\u201d (1 post)" in imported


def test_without_an_uploads_folder_images_are_reported_not_fetched(db, hubs):
    out = io.StringIO()
    call_command("import_wordpress", str(EXPORT), stdout=out)
    assert "post 101: 2019/05/workshop-khon-kaen.jpg: no uploads folder given" in out.getvalue()
    assert not article(101).hero_image
    assert "<img" not in article(101).body


def test_a_category_marked_ignore_is_neither_mapped_nor_reported(run_import, categories_file):
    with categories_file.open("a") as mapping:
        mapping.write("uncategorized,ignore\n")
    summary = run_import()
    assert "Uncategorized" not in summary
    assert article(101).themes.count() == 1
