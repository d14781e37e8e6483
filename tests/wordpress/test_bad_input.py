"""A file that is not a sound WordPress export is refused with a clear message before
anything is written: broken XML (with its line), a DTD or entity bomb, an RSS feed, a bad
categories file."""

import pytest
from django.core.management import CommandError, call_command

from news.models import Article

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>&lol9;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status></item></channel></rss>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&secret;</title></channel></rss>
"""
BROKEN = """<?xml version="1.0"?>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>Unclosed</item>
</channel></rss>
"""
A_FEED = """<?xml version="1.0"?>
<rss><channel><title>News</title><item><title>A post</title></item></channel></rss>
"""


def run(tmp_path, text: str, *options: str) -> str:
    path = tmp_path / "export.xml"
    path.write_text(text)
    with pytest.raises(CommandError) as caught:
        call_command("import_wordpress", str(path), *options)
    assert not Article.objects.exists()
    return str(caught.value)


def test_broken_xml_is_refused_with_its_line(tmp_path):
    message = run(tmp_path, BROKEN)
    assert "not well-formed XML" in message and "line 4" in message


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_a_dtd_or_entities_are_refused(tmp_path, text):
    assert "document type (DTD) or entities" in run(tmp_path, text)


def test_an_rss_feed_is_not_a_wordpress_export(tmp_path):
    assert "not a WordPress export" in run(tmp_path, A_FEED)


def test_a_missing_file_or_folder_is_named(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_wordpress", str(tmp_path / "nope.xml"))
    (tmp_path / "export.xml").write_text(A_FEED)
    with pytest.raises(CommandError, match="There is no folder"):
        call_command("import_wordpress", str(tmp_path / "export.xml"), "--uploads", "/nope")


def test_a_bad_categories_file_names_its_lines(tmp_path, hubs):
    from .conftest import EXPORT

    mapping = tmp_path / "categories.csv"
    mapping.write_text(
        "category_nicename,kind,slug\nmigration,theme,no-such-theme\nfood,program,x\nuncategorized,ignore\nshort\n"
    )
    with pytest.raises(CommandError) as caught:
        call_command("import_wordpress", str(EXPORT), "--categories", str(mapping))
    message = str(caught.value)
    assert "line 2: no theme has the slug \u201cno-such-theme\u201d" in message
    assert "line 3: kind \u201cprogram\u201d is not department, theme or ignore" in message
    assert "line 5: expected category_nicename,kind,slug" in message
    assert "line 4" not in message
    assert not Article.objects.exists()
