from django.views.generic import DetailView, ListView

from mi_site.core.views import LiveMixin

from .models import Person


class PersonListView(LiveMixin, ListView):
    model = Person
    queryset = Person.objects.filter(is_active=True).select_related("department")


class PersonDetailView(LiveMixin, DetailView):
    model = Person
    queryset = Person.objects.select_related("department")
