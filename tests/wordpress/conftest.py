"""The hand-written export (export.xml), a tiny uploads folder and an import through the
command, as MI would run it."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from tests.factories import DepartmentFactory, ThemeFactory
from tests.factories.images import image_bytes

EXPORT = Path(__file__).with_name("export.xml")
GPS = 0x8825


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[GPS] = {1: "N", 2: (16.0, 26.0, 0.0), 3: "E", 4: (102.0, 50.0, 0.0)}  # Khon Kaen
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "#2a7a3b").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


UPLOADS = {
    "2019/05/workshop-khon-kaen.jpg": lambda: image_bytes("JPEG", size=(90, 60)),
    "2019/05/workshop-khon-kaen-300x200.jpg": lambda: image_bytes("JPEG", size=(30, 20)),
    "2019/05/gps-photo.jpg": jpeg_with_gps,
    "2020/01/rice-field.png": lambda: image_bytes("PNG", size=(40, 30), color="#c8a400"),
    # Not an image at all: refused by the image gate.
    "2019/11/statement.jpg": lambda: b"%PDF-1.4 not a picture",
    # Missing on purpose: 2017/02/missing-inline.jpg, 2019/11/forum-group-photo.jpg
}


@pytest.fixture
def uploads(tmp_path) -> Path:
    root = tmp_path / "uploads"
    for relative, make in UPLOADS.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
    return root


@pytest.fixture
def hubs(db):
    return {
        "tif": DepartmentFactory(name="Trade and Investment Facilitation", short_name="TIF"),
        "adc": DepartmentFactory(
            name="Agricultural Development and Commercialization", short_name="ADC"
        ),
        "migration": ThemeFactory(name="Migration"),
        "food": ThemeFactory(name="Food Safety"),
    }


@pytest.fixture
def categories_file(tmp_path, hubs) -> Path:
    path = tmp_path / "categories.csv"
    path.write_text(
        "category_nicename,kind,slug\n"
        f"food-safety-news,theme,{hubs['food'].slug}\n"
    )  # fmt: skip
    return path


@pytest.fixture
def run_import(db, uploads, categories_file):
    """`run_import()` imports export.xml (or another file) and returns what it printed."""

    def run(export: Path = EXPORT, *options: str) -> str:
        out = io.StringIO()
        call_command(
            "import_wordpress",
            str(export),
            "--uploads", str(uploads),
            "--categories", str(categories_file),
            *options,
            stdout=out,
        )  # fmt: skip
        return out.getvalue()

    return run


@pytest.fixture
def imported(run_import) -> str:
    """export.xml imported once; the command's summary."""
    return run_import()
