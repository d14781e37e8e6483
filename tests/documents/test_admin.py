"""Documents in the admin: Editors and Publishers upload them through the real forms, attach
them to articles and programs with the autocomplete, and only Publishers delete them."""

import re

import pytest
from django.urls import reverse

from documents.models import Document, Language
from news.models import Article
from programs.models import Program
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, DocumentFactory
from tests.factories.documents import pdf_bytes, pdf_file

from .conftest import RANDOM_NAME, files_in

pytestmark = pytest.mark.django_db

ADD = reverse("admin:documents_document_add")
CHANGELIST = reverse("admin:documents_document_changelist")


def upload(client, file, **fields):
    """Post the add form as a browser would, with `file` chosen."""
    data = form_data(client.get(ADD), **fields)
    return client.post(ADD, {**data, "file": file})


@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_editors_and_publishers_upload_a_document(client, login, role):
    login(role)
    content = pdf_bytes()
    response = upload(client, pdf_file("Synthesis Report.PDF", content),
                      title="Synthesis report", language="th", year="2020")  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(title="Synthesis report")
    assert (document.language, document.year, document.size) == ("th", 2020, len(content))
    assert RANDOM_NAME.fullmatch(document.file.name)
    with document.file.open("rb") as stored:
        assert stored.read() == content


def test_the_form_says_what_it_accepts(client, login):
    login("Editors")
    page = client.get(ADD).content.decode()
    assert 'accept="application/pdf,.pdf"' in page
    assert "checked by its content, not its name" in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<!DOCTYPE html><html><body>Saved page</body></html>", "a web page (HTML), not a PDF"),
        (b"", "The submitted file is empty."),
        (pdf_bytes()[:600], "This PDF is incomplete"),
    ],
    ids=["html", "empty", "cut-short"],
)
def test_a_refused_upload_says_why_and_leaves_no_file(client, login, settings, content, message):
    login("Editors")
    response = upload(client, pdf_file("report.pdf", content), title="Annual report")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Annual report" in response.content.decode()  # the typed title is kept
    assert not Document.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


def test_a_file_over_the_limit_is_refused_with_both_sizes(client, login, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    login("Publishers")
    response = upload(client, pdf_file(), title="Large report")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"This file is {len(pdf_bytes()) / 1024:.1f}\xa0KB; documents may be at most " in page
    assert "1.0\xa0KB" in page
    assert not Document.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


def test_editors_may_not_delete_documents_and_publishers_may(client, login):
    document = DocumentFactory()
    delete = reverse("admin:documents_document_delete", args=[document.pk])
    login("Editors")
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Document.objects.filter(pk=document.pk).exists()
    login("Publishers")
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()


def test_the_list_shows_size_and_filters_by_language_and_year(client, login):
    DocumentFactory(title="Thai brief", language=Language.THAI, year=2021)
    DocumentFactory(title="English report", language=Language.ENGLISH, year=2019)
    login("Editors")
    page = client.get(CHANGELIST).content.decode()
    assert f"{len(pdf_bytes()) / 1024:.1f}\xa0KB" in page
    filtered = client.get(CHANGELIST, {"language__exact": "th", "year": "2021"}).content.decode()
    assert "Thai brief" in filtered and "English report" not in filtered
    searched = client.get(CHANGELIST, {"q": "english"}).content.decode()
    assert "English report" in searched and "Thai brief" not in searched


@pytest.mark.parametrize(
    ("add_url", "model", "fields"),
    [
        ("admin:news_article_add", Article, {"title": "Workshop", "body": "<p>Met.</p>"}),
        ("admin:programs_program_add", Program, {"title": "Capacity program"}),
    ],
    ids=["article", "program"],
)
def test_editor_attaches_documents_with_the_autocomplete(client, login, add_url, model, fields):
    report, brief = DocumentFactory(title="Synthesis report"), DocumentFactory(title="Brief")
    login("Editors")
    url = reverse(add_url)
    page = client.get(url)
    widget = re.search(r'<select name="documents"[^>]*>', page.content.decode()).group(0)
    assert "admin-autocomplete" in widget
    response = client.post(url, form_data(page, documents=[str(report.pk), str(brief.pk)],
                                          **fields))  # fmt: skip
    assert response.status_code == 302
    item = model.objects.get(title=fields["title"])
    assert set(item.documents.all()) == {report, brief}


@pytest.mark.parametrize("model", ["article", "program"])
def test_the_autocomplete_finds_documents_by_title(client, login, model):
    DocumentFactory(title="Policy brief on labour migration")
    DocumentFactory(title="Trade report")
    login("Editors")
    app_label = {"article": "news", "program": "programs"}[model]
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model, "field_name": "documents", "term": "labour"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [
        "Policy brief on labour migration (2020)"
    ]


def test_the_change_form_shows_the_documents_already_attached(client, login):
    article = ArticleFactory()
    article.documents.add(DocumentFactory(title="Proceedings"))
    login("Editors")
    page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert re.search(r'<option value="\d+" selected>Proceedings \(2020\)</option>', page)
