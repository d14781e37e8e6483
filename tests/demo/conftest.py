import pytest

from mi_site.demo import images
from mi_site.demo.loader import load_demo_content


@pytest.fixture(autouse=True)
def _small_pictures(monkeypatch):
    """Draw small pictures, also through the command: the content is the same at any size
    (test_images checks the drawing itself), and the tests stay fast."""
    monkeypatch.setattr(images, "FULL", images.SMALL)


@pytest.fixture
def demo(db):
    return load_demo_content()
