"""One alternative-text rule for every picture of every content type: image blocks (hero,
photo, logo) with their fallbacks, and images in every rich-text field."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import (
    ArticleFactory,
    DepartmentFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
)
from tests.factories.images import library_image

pytestmark = pytest.mark.django_db


def errors_of(item) -> dict[str, list[str]]:
    try:
        item.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as refused:
        return refused.message_dict
    return {}


def test_a_hero_needs_words_from_the_article_or_the_library_or_the_decorative_tick():
    bare = library_image("field-visit.jpg")
    article = ArticleFactory.build(hero_image=bare, slug="a")
    assert errors_of(article)["hero_alt"] == [
        "The hero image \u201cfield visit\u201d has no alternative text: describe it here (or in "
        "the media library), or tick \u201chero image is decorative\u201d."
    ]
    article.hero_decorative = True
    assert errors_of(article) == {}
    described = library_image(alt_text="Farmers at a field school")
    assert errors_of(ArticleFactory.build(hero_image=described, slug="b")) == {}
    program = ProgramFactory.build(hero_image=bare, slug="c")
    assert "hero_alt" in errors_of(program)


def test_a_photo_and_a_logo_fall_back_to_the_name_explicitly():
    person = PersonFactory.build(display_name="Somchai", photo=library_image(), slug="s")
    assert errors_of(person) == {} and person.placed_photo.alt == "Portrait of Somchai"
    partner = PartnerFactory.build(name="TICA", logo=library_image(), slug="tica")
    assert errors_of(partner) == {} and partner.placed_logo.alt == "TICA"
    decorative = library_image(alt_text="")
    decorative.decorative = True
    partner.logo, partner.logo_alt = decorative, ""
    assert partner.placed_logo.alt == "", "the library's decorative choice holds"


def test_a_decorative_image_has_no_words_and_a_file_name_is_never_words():
    article = ArticleFactory.build(hero_image=library_image(), slug="a", hero_decorative=True,
                                   hero_alt="Officials")  # fmt: skip
    assert "is decorative" in errors_of(article)["hero_alt"][0]
    article.hero_decorative, article.hero_alt = False, "DSC01234.JPG"
    assert "looks like a file name" in errors_of(article)["hero_alt"][0]


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda html: PersonFactory.build(slug="p", biography=html), "biography"),
        (lambda html: PersonFactory.build(slug="p", education=html), "education"),
        (lambda html: DepartmentFactory.build(slug="d", description=html), "description"),
        (lambda html: ProgramFactory.build(slug="g", body=html), "body"),
    ],
    ids=["biography", "education", "department", "program"],
)
def test_images_in_every_rich_text_field_need_words(make, field):
    image = library_image("border-market.jpg")
    item = make(f'<p><img src="{image.url}"></p>')
    assert "\u201cborder market\u201d" in errors_of(item)[field][0]
    assert errors_of(make(f'<p><img src="{image.url}" alt="Traders at the market"></p>')) == {}
