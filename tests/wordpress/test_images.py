"""Images of the uploads folder: copied once through the image gate, nothing outside the
folder ever read, and the address in the body rewritten to the stored copy."""

import pytest
from django.core.files.storage import default_storage

from mi_site.wordpress.images import Images, NotCopied, uploads_path
from tests.factories.images import image_bytes

SITE = "https://www.mekonginstitute.org/wp-content/uploads"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "uploads"
    (root / "2019/05").mkdir(parents=True)
    (root / "2019/05/a b.jpg").write_bytes(image_bytes("JPEG"))
    (tmp_path / "secret.jpg").write_bytes(image_bytes("JPEG", color="#ff0000"))
    return root


def test_the_path_after_wp_content_uploads_is_read_percent_decoded():
    assert uploads_path(f"{SITE}/2019/05/a%20b.jpg?ver=2") == "2019/05/a b.jpg"
    assert uploads_path("/wp-content/uploads/2019/05/x.png") == "2019/05/x.png"
    assert uploads_path("https://flickr.com/photos/x.jpg") is None


def test_one_file_shown_twice_is_stored_once(folder):
    images = Images(folder)
    first = images.store(f"{SITE}/2019/05/a%20b.jpg", folder="editor", year=2024)
    again = images.store(f"{SITE}/2019/05/a b.jpg", folder="editor", year=2024)
    assert first == again and first.startswith("editor/2019/")
    assert (images.copied, images.reused) == (1, 1)
    assert default_storage.exists(first)
    # A new run finds the file stored: nothing is decoded or written again.
    rerun = Images(folder)
    assert rerun.store(f"{SITE}/2019/05/a b.jpg", folder="editor", year=2024) == first
    assert (rerun.copied, rerun.reused) == (0, 1)


def test_nothing_outside_the_uploads_folder_is_read(folder):
    with pytest.raises(NotCopied, match="outside the uploads folder"):
        Images(folder).store(f"{SITE}/../secret.jpg", folder="editor", year=2024)
    with pytest.raises(NotCopied, match="outside the uploads folder"):
        Images(folder).store(f"{SITE}/2019/%2e%2e/%2e%2e/../secret.jpg", folder="editor", year=2024)


def test_a_dry_run_stores_nothing(folder):
    images = Images(folder, dry_run=True)
    name = images.store(f"{SITE}/2019/05/a b.jpg", folder="editor", year=2024)
    assert images.copied == 1 and not default_storage.exists(name)


@pytest.mark.django_db  # each image shown is a media library image
def test_the_body_points_at_the_stored_copy_and_loses_what_cannot_be_had(folder):
    problems = []
    body = Images(folder).rewrite(
        f'<p><img data-src="{SITE}/2019/05/lazy.jpg" src="{SITE}/2019/05/a%20b.jpg" alt="A"></p>'
        f'<p><img src="{SITE}/2018/01/gone.jpg" alt="Gone"></p>'
        f'<figure><a href="{SITE}/2018/01/gone.jpg"><img src="{SITE}/2018/01/gone.jpg"></a>'
        "<figcaption>Kept as text</figcaption></figure>"
        f'<p><a href="{SITE}/2019/05/report.pdf">Report</a> <img src="https://x.org/y.jpg"></p>',
        year=2024,
        problems=problems,
    )
    assert f'data-src="{SITE}/2019/05/lazy.jpg" src="/media/editor/2019/' in body
    assert "gone.jpg" not in body
    assert "<p>Kept as text</p>" in body
    assert f'<a href="{SITE}/2019/05/report.pdf">Report</a>' in body  # not an image: left
    assert '<img src="https://x.org/y.jpg">' in body  # not from the uploads folder: left
    assert problems == [("2018/01/gone.jpg", "missing from the uploads folder")]
