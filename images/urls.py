from django.urls import path

from . import views

app_name = "images"
urlpatterns = [
    # Under /editor/ (mi_site/urls.py): the address CKEditor has always posted to.
    path("richtext/image/", views.editor_upload, name="editor-upload"),
]
