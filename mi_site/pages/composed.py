"""The program and person pages, composed: each app's own view renders what it holds, and this
layer adds what higher apps hold, as the hub pages do. A lower app never reads a higher app's
reverse relation (tests/test_architecture.py): a program's team lives in people and its news in
news, a person's news in news."""

from news.models import Article
from people.models import ProgramMembership
from people.views import PersonDetailView
from programs.views import ProgramDetailView

PROGRAM_NEWS_COUNT = 6
PROFILE_NEWS_COUNT = 6


class ProgramPageView(ProgramDetailView):
    def get_context_data(self, **kwargs):
        news = Article.objects.live().about(self.object).for_cards()
        return super().get_context_data(
            team=ProgramMembership.objects.team(self.object),
            news=news[:PROGRAM_NEWS_COUNT],
            **kwargs,
        )


class PersonPageView(PersonDetailView):
    def get_context_data(self, **kwargs):
        news = Article.objects.live().filter(people=self.object).for_cards()
        return super().get_context_data(news=news[:PROFILE_NEWS_COUNT], **kwargs)
