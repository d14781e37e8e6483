"""Images stored by the editor before the media library become library images, in place, and
the rich text showing them gets its references: by the command (idempotent, with progress),
by the data migration on small sites, and by the WordPress importer as it copies them."""

import importlib
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from images.adoption import adopt_editor_images
from images.models import Image
from images.richtext import with_renditions
from mi_site.wordpress.images import Images
from news.models import Article
from people.models import Person
from tests.factories import ArticleFactory, PersonFactory
from tests.factories.images import image_bytes

pytestmark = pytest.mark.django_db
migration = importlib.import_module("images.migrations.0002_adopt_editor_images")
SITE = "https://www.mekonginstitute.org/wp-content/uploads"


def editor_file(name: str, size=(80, 60)) -> str:
    return default_storage.save(f"editor/2024/{name}", ContentFile(image_bytes(size=size)))


@pytest.fixture
def old_content():
    """Two articles and a biography showing editor files, as stored before the library."""
    photo, chart = editor_file("4f3a9c.jpg"), editor_file("9b2e11.jpg", size=(30, 20))
    url = default_storage.url
    first = ArticleFactory(
        title="Workshop in Mae Sot",
        body=f'<figure class="image"><img src="{url(photo)}" alt="Officials in Mae Sot">'
        f'</figure><p><img src="{url(chart)}"></p><p><img src="https://example.org/x.jpg"></p>'
        '<p><img src="/media/editor/2024/gone.jpg" alt="Lost"></p>',
    )
    second = ArticleFactory(body=f'<p><img src="{url(photo)}" alt="The same photo"></p>')
    person = PersonFactory(biography=f'<p><img src="{url(chart)}" alt="A chart"></p>')
    plain = ArticleFactory(body="<p>No pictures.</p>")
    return SimpleNamespace(photo=photo, chart=chart, articles=[first, second, plain], person=person)


def stored_bodies() -> dict:
    articles = Article.objects.values_list("pk", "body", "updated_at")
    return {
        "articles": {pk: (body, updated) for pk, body, updated in articles},
        "people": dict(Person.objects.values_list("pk", "biography")),
    }


def check_adopted(content):
    photo = Image.objects.get(file=content.photo)
    chart = Image.objects.get(file=content.chart)
    assert Image.objects.count() == 2
    assert photo.title == "Officials in Mae Sot"  # the first words a body gives it
    assert chart.title == "A chart"  # the biography's, not "Image in “Workshop in Mae Sot”"
    assert (photo.width, photo.height, chart.width, chart.height) == (80, 60, 30, 20)
    first, second, plain = (Article.objects.get(pk=a.pk) for a in content.articles)
    assert f'<img data-image="{photo.pk}" src="/media/{content.photo}"' in first.body
    assert f'<img data-image="{chart.pk}" src="/media/{content.chart}"' in first.body
    assert '<img src="https://example.org/x.jpg">' in first.body
    assert '<img src="/media/editor/2024/gone.jpg" alt="Lost">' in first.body
    assert f'data-image="{photo.pk}"' in second.body
    assert plain.body == "<p>No pictures.</p>"
    assert f'data-image="{chart.pk}"' in Person.objects.get(pk=content.person.pk).biography
    return first, second


def test_the_command_adopts_editor_files_in_place_and_a_second_run_changes_nothing(old_content):
    before = stored_bodies()
    out = StringIO()
    call_command("adopt_editor_images", stdout=out, verbosity=0)
    assert out.getvalue() == (
        "Editor images: 2 added to the media library, 3 rich-text fields given references, "
        "1 missing from storage.\n"
    )
    first, _second = check_adopted(old_content)
    assert first.updated_at == before["articles"][first.pk][1]  # not an editor's change
    assert default_storage.exists(old_content.photo)  # the published address still works

    adopted = stored_bodies()
    again = adopt_editor_images()
    assert (again.images, again.bodies) == (0, 0)
    assert stored_bodies() == adopted and Image.objects.count() == 2


def test_the_command_shows_progress(old_content, capsys):
    call_command("adopt_editor_images", stdout=StringIO())
    assert "bodies" in capsys.readouterr().err


def test_an_adopted_image_is_served_as_the_library_image(old_content):
    adopt_editor_images()

    html = with_renditions(Article.objects.get(pk=old_content.articles[0].pk).body)
    assert 'width="80" height="60" alt="Officials in Mae Sot" loading="lazy"' in html


def run_migration(monkeypatch=None, limit=None):
    if limit is not None:
        monkeypatch.setattr(migration, "LIMIT", limit)
    migration.adopt(apps, SimpleNamespace(connection=connection))


def test_the_data_migration_adopts_on_a_small_site_and_is_idempotent(old_content, capsys):
    run_migration()
    check_adopted(old_content)
    assert "2 editor images added to the media library" in capsys.readouterr().out
    adopted = stored_bodies()
    run_migration()
    assert stored_bodies() == adopted and Image.objects.count() == 2


def test_the_data_migration_leaves_a_large_site_to_the_command(old_content, monkeypatch, capsys):
    before = stored_bodies()
    run_migration(monkeypatch, limit=1)
    assert "run `manage.py adopt_editor_images`" in capsys.readouterr().out
    assert stored_bodies() == before and not Image.objects.exists()


def test_wordpress_inline_images_are_library_images_found_again_on_a_rerun(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2019/05").mkdir(parents=True)
    (uploads / "2019/05/field-visit.jpg").write_bytes(image_bytes(size=(50, 40)))
    html = f'<p><img src="{SITE}/2019/05/field-visit.jpg" alt="A field visit"></p>'

    body = Images(uploads).rewrite(html, year=2024, problems=[])
    image = Image.objects.get()
    assert image.title == "field visit" and (image.width, image.height) == (50, 40)
    assert image.file.name.startswith("editor/2019/")
    article = ArticleFactory(body=body)
    assert f'data-image="{image.pk}"' in Article.objects.get(pk=article.pk).body

    assert Images(uploads).rewrite(html, year=2024, problems=[]) == body  # a re-run
    assert Image.objects.count() == 1
    Images(uploads, dry_run=True).rewrite(
        f'<p><img src="{SITE}/2019/05/field-visit.jpg" alt="Again"></p>', year=2024, problems=[]
    )
    assert Image.objects.count() == 1
