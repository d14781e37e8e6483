"""What is found and in which order, on SQLite and PostgreSQL alike (and what only
PostgreSQL's trigrams find)."""

import datetime

from django.utils import timezone

from tests.factories import ArticleFactory, PartnerFactory, PersonFactory, ProgramFactory
from tests.search.conftest import postgres_only

DAY = datetime.timedelta(days=1)


def test_a_title_hit_ranks_above_a_newer_body_hit(search):
    now = timezone.now()
    ArticleFactory(title="Market days in Luang Prabang", body="<p>Rice farmers met.</p>",
                   publish_at=now - DAY)  # fmt: skip
    ArticleFactory(title="Rice cooperatives sign a pact", publish_at=now - 30 * DAY)
    ArticleFactory(title="An older rice story", publish_at=now - 60 * DAY)
    assert search("rice") == [
        "Rice cooperatives sign a pact",
        "An older rice story",
        "Market days in Luang Prabang",
    ]


def test_a_standfirst_hit_ranks_between_title_and_body(search):
    ArticleFactory(title="Body only", body="<p>Agroforestry plots</p>")
    ArticleFactory(title="Lead", standfirst="Agroforestry in Lao PDR", publish_at=timezone.now()
                   - 40 * DAY)  # fmt: skip
    assert search("agroforestry") == ["Lead", "Body only"]


def test_a_person_is_found_by_name_and_ranks_above_news_of_them(search):
    PersonFactory(display_name="Suriyan Vichitlekarn", position="Executive Director")
    ArticleFactory(title="Vichitlekarn opens the forum")
    assert search("Vichitlekarn") == ["Suriyan Vichitlekarn", "Vichitlekarn opens the forum"]
    assert search("vichit") == ["Suriyan Vichitlekarn", "Vichitlekarn opens the forum"]
    assert search("suriyan", kind="person") == ["Suriyan Vichitlekarn"]


@postgres_only
def test_a_misspelt_name_still_finds_the_person(search):
    PersonFactory(display_name="Suriyan Vichitlekarn")
    PersonFactory(display_name="Guohua Liu", sort_name="Liu Guohua")
    PersonFactory(display_name="Anong Staff")
    assert search("Vichitlkarn") == ["Suriyan Vichitlekarn"]
    assert search("Guohau") == ["Guohua Liu"]


def test_acronyms_and_their_first_letters(search):
    ProgramFactory(title="Promoting Safe Food (PROSAFE)", summary="Food safety in the GMS.")
    ProgramFactory(title="Partnership Linkages (P-LINK)")
    ArticleFactory(title="Training news", body="<p>Funded under P-LINK and PROSAFE.</p>")
    assert search("PROSAFE") == ["Promoting Safe Food (PROSAFE)", "Training news"]
    assert search("prosa") == ["Promoting Safe Food (PROSAFE)", "Training news"]
    assert search("P-LINK") == ["Partnership Linkages (P-LINK)", "Training news"]


def test_partners_by_name_and_acronym(search):
    partner = PartnerFactory(name="Thailand International Cooperation Agency", acronym="TICA")
    ArticleFactory().partner_roles.create(partner=partner, role="funder")
    assert search("TICA", kind="partner") == [str(partner)]


def test_english_stemming_and_phrases(search):
    ArticleFactory(title="Labour migrations in the region")
    ArticleFactory(title="Migration of birds", body="<p>No labour here.</p>")
    assert sorted(search("migration")) == ["Labour migrations in the region", "Migration of birds"]
    assert search('"labour migration"') == ["Labour migrations in the region"]
    assert search("migration -birds") == ["Labour migrations in the region"]


def test_related_names_are_searched(search):
    article = ArticleFactory(title="A workshop", body="<p>Nothing else.</p>")
    article.tags.add("cross-border e-commerce")
    assert search("e-commerce") == ["A workshop"]
    assert search(article.department.name.split()[0]) == ["A workshop"]


def test_non_latin_queries(search):
    ArticleFactory(title="ການຝຶກອົບຮົມ ຫຼວງພະບາງ", body="<p>ข่าวการประชุมความปลอดภัยอาหาร</p>")
    ArticleFactory(title="澜湄合作专项基金", body="<p>Lancang-Mekong cooperation</p>")
    ArticleFactory(title="Hội thảo tại Hà Nội", body="<p>Cà phê và lúa gạo</p>")
    assert search("ຫຼວງພະບາງ") == ["ການຝຶກອົບຮົມ ຫຼວງພະບາງ"]
    assert search("ความปลอดภัย") == ["ການຝຶກອົບຮົມ ຫຼວງພະບາງ"]  # inside a run, in the body
    assert search("合作") == ["澜湄合作专项基金"]
    assert search("专项基金") == ["澜湄合作专项基金"]
    assert search("Hà Nội") == ["Hội thảo tại Hà Nội"]
    assert search("ha noi") == ["Hội thảo tại Hà Nội"]
    assert search("lúa gạo") == ["Hội thảo tại Hà Nội"]
    assert search("ประชุมใหญ่") == []
