"""The Documents list on article and program pages: a link to the file with its type, language
and size; only on live items; a fixed number of queries however many documents there are."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents.models import Language
from tests.factories import ArticleFactory, DocumentFactory, ProgramFactory
from tests.factories.documents import pdf_bytes
from tests.site.content import non_live_states
from tests.site.crawler import crawl

pytestmark = pytest.mark.django_db

SIZE = f"PDF, {len(pdf_bytes()) / 1024:.1f}\xa0KB"


def listed(page: str) -> list[str]:
    """The entries of the page's Documents list, tags stripped, spaces collapsed."""
    found = re.search(r'<ul class="document-list">(.*?)</ul>', page, re.S)
    if found is None:
        return []
    items = re.findall(r"<li>(.*?)</li>", found.group(1), re.S)
    return [re.sub(r"[ \n]+", " ", re.sub(r"<[^>]+>", " ", item)).strip() for item in items]


@pytest.fixture
def documents():
    return [
        DocumentFactory(title="Synthesis report", language=Language.THAI, year=2020),
        DocumentFactory(title="Notes", language=Language.OTHER, year=None),
    ]


@pytest.mark.parametrize("factory", [ArticleFactory, ProgramFactory], ids=["article", "program"])
def test_the_page_lists_each_document_with_language_year_and_size(client, factory, documents):
    item = factory()
    item.documents.set(documents)
    page = client.get(item.get_absolute_url()).content.decode()

    assert listed(page) == [
        f"Synthesis report {SIZE} · Thai · 2020",
        f"Notes {SIZE} · Other language",
    ]
    report, notes = documents
    assert (
        f'<a href="{report.file.url}" type="application/pdf" hreflang="th">Synthesis report</a>'
        in page
    )
    assert f'<a href="{notes.file.url}" type="application/pdf">Notes</a>' in page


@pytest.mark.parametrize("factory", [ArticleFactory, ProgramFactory], ids=["article", "program"])
def test_no_documents_no_list(client, factory):
    page = client.get(factory().get_absolute_url()).content.decode()
    assert "document-list" not in page and ">Documents<" not in page


def test_the_page_shows_the_recorded_size_without_opening_the_file(client, documents):
    program = ProgramFactory()
    program.documents.set(documents)
    for document in documents:
        document.file.storage.delete(document.file.name)
    page = client.get(program.get_absolute_url()).content.decode()
    assert f"Synthesis report {SIZE} · Thai · 2020" in listed(page)


# Archived items keep their page (with a notice), so their documents stay with them.
@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "expired"])
def test_a_hidden_articles_documents_appear_nowhere_public(state):
    ArticleFactory(title="A live story")
    hidden = ArticleFactory(title="Unpublished story", **non_live_states()[state])
    hidden.documents.add(DocumentFactory(title="SECRETDRAFTREPORT"))
    hidden.programs.add(ProgramFactory())

    pages = crawl(Client(), ["/", reverse("sitemap-index"), hidden.get_absolute_url()])

    assert pages["/"].status == 200
    assert all("SECRETDRAFTREPORT" not in page.body for page in pages.values())


@pytest.mark.parametrize("factory", [ArticleFactory, ProgramFactory], ids=["article", "program"])
def test_queries_do_not_grow_with_the_documents(client, factory, django_assert_num_queries):
    item = factory()
    item.documents.add(DocumentFactory())
    url = item.get_absolute_url()
    client.get(url)  # warm what Django caches for the life of the process
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    item.documents.add(*(DocumentFactory() for _ in range(6)))
    with django_assert_num_queries(len(one)):
        page = client.get(url).content.decode()
    assert len(listed(page)) == 7
