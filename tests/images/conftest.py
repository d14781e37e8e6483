import pytest

from .samples import upload


@pytest.fixture
def new_image(db, django_capture_on_commit_callbacks):
    """`new_image(size=..., fmt=...)`: a library image saved and committed, renditions made."""
    from images.models import Image

    def make(name="photo.jpg", data=None, *, focal=(75, 50), **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            image = Image.objects.create(
                file=upload(name, data, **kwargs), alt_text="A field visit",
                focal_x=focal[0], focal_y=focal[1],
            )  # fmt: skip
        image.refresh_from_db()
        return image

    return make
