"""Search shows what the public may see, through live(): never a draft, an item in review, a
scheduled, expired or archived one, former staff, or a partner named only by drafts."""

import pytest

from tests.factories import (
    ArticleFactory,
    ArticlePartnerFactory,
    PageFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
)
from tests.site.content import non_live_states

STATES = list(non_live_states())


@pytest.mark.parametrize("state", STATES)
def test_no_hidden_item_of_any_kind_is_found(search, state):
    fields = non_live_states()[state]
    ArticleFactory(title="Zanzibar article", **fields)
    PersonFactory(display_name="Zanzibar Person", **fields)
    ProgramFactory(title="Zanzibar program", **fields)
    PageFactory(title="Zanzibar page", **fields)
    ArticleFactory(title="Zanzibar live article")
    assert search("zanzibar") == ["Zanzibar live article"]


def test_former_staff_are_not_found(search):
    PersonFactory(display_name="Zanzibar Former", is_active=False)
    assert search("zanzibar") == []


def test_a_partner_named_only_by_a_draft_is_not_found(search):
    hidden = PartnerFactory(name="Zanzibar Fund")
    ArticlePartnerFactory(partner=hidden, article=ArticleFactory(**non_live_states()["draft"]))
    assert search("zanzibar") == []
    ArticlePartnerFactory(partner=hidden, article=ArticleFactory(title="Other"))
    assert search("zanzibar fund") == [str(hidden)]


def test_the_visibility_check_fails_when_live_is_bypassed(search, monkeypatch):
    """The tests above would catch a search that forgot live()."""
    from mi_site.core.publishing import PublishableQuerySet

    ArticleFactory(title="Zanzibar draft", **non_live_states()["draft"])
    monkeypatch.setattr(PublishableQuerySet, "live", lambda self, now=None: self.all())
    assert search("zanzibar") == ["Zanzibar draft"]
