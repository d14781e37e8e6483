"""The program and person addresses (namespaces `programs` and `people`): the lists are the
apps' own views, the detail pages the composed ones of `composed.py`."""

from django.urls import path

from people.views import PersonListView
from programs.views import ProgramListView

from .composed import PersonPageView, ProgramPageView

programs = (
    [
        path("", ProgramListView.as_view(), name="program-list"),
        path("<slug:slug>/", ProgramPageView.as_view(), name="program-detail"),
    ],
    "programs",
)
people = (
    [
        path("", PersonListView.as_view(), name="person-list"),
        path("<slug:slug>/", PersonPageView.as_view(), name="person-detail"),
    ],
    "people",
)
