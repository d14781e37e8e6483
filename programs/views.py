from django.views.generic import DetailView, ListView

from mi_site.core.views import LiveMixin

from .models import Program


class ProgramListView(LiveMixin, ListView):
    model = Program
    queryset = Program.objects.select_related("department")


class ProgramDetailView(LiveMixin, DetailView):
    model = Program
    queryset = Program.objects.select_related("department")
