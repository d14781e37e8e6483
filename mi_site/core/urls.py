from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("richtext/image/", views.richtext_image_upload, name="richtext-image-upload"),
]
