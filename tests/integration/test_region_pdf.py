"""The A4 région sheet, downloaded over HTTP and read back as a user would: text and image."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app import create_app
from dashboard.text import labels

POPPLER = "paquet Debian poppler-utils"


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


@pytest.fixture(scope="module")
def bfc_pdf(client, tmp_path_factory) -> Path:
    response = client.get("/export/region/27.pdf")
    assert response.status_code == 200
    path = tmp_path_factory.mktemp("pdf") / "bfc.pdf"
    path.write_bytes(response.data)
    return path


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} absent ({POPPLER}) : le PDF n'est pas relu")
    return found


def pdf_text(path: Path) -> str:
    """Text of page 1, every kind of space (no-break, narrow) read as one plain space."""
    out = subprocess.run(
        [tool("pdftotext"), "-f", "1", "-l", "1", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return re.sub(r"[\s\u00a0\u202f]+", " ", out)


def test_region_pdf_is_an_a4_attachment(client, bfc_pdf):
    response = client.get("/export/region/27.pdf")
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith(
        'attachment; filename="fiche-region-27'
    )
    assert bfc_pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(
        [tool("pdfinfo"), str(bfc_pdf)], check=True, capture_output=True, text=True
    ).stdout
    assert re.search(r"Pages:\s+1\b", info)
    assert "595.44 x 841.68 pts (A4)" in info


def test_bfc_sheet_shows_annex_figures(bfc_pdf):
    text = pdf_text(bfc_pdf)
    for expected in (
        "87 projets lauréats en Bourgogne-Franche-Comté",
        "Territoires d'industrie",
        "Projets remontés dans les plans d'actions par les binômes élus – industriels",
        "D'investissements industriels soutenus",
        "Créations d'emplois prévus dans le cadre des projets industriels soutenus",
        "285,5 M€",
        "41,7 M€",
        "Engagés par l'Etat et la Région (2020-2021)",
        "1 966",
        "*Les données sont arrêtées au 24/09/2021",
        "Source :",
        labels.IN_TI,
        labels.OUT_TI,
        "ATELIER HAUTE LUNETTERIE BOURGEAT",
        "PME – Lunetterie",
        "Hauts de Bienne – TI Haut-Jura",
        "Données de démonstration : projets fictifs",
    ):
        assert expected in text, expected
    # Tiles: each value above its label (pdftotext reads a row of values, then labels).
    for value in ("10", "112", "87", "285,5 M€", "41,7 M€", "1 966"):
        assert re.search(rf"(?<![\d,]){re.escape(value)}(?![\d,])", text), value


def test_bfc_sheet_page_one_renders_with_both_pin_colours(bfc_pdf, tmp_path):
    subprocess.run(
        [
            tool("pdftoppm"),
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(bfc_pdf),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    image = np.asarray(Image.open(png).convert("RGB")).astype(int)
    height, width, _ = image.shape
    assert height / width == pytest.approx(297 / 210, rel=0.01)

    def near(colour: str) -> int:
        rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
        return int((np.abs(image - rgb).sum(axis=2) < 40).sum())

    assert near("#c0392b") > 20  # pins in a TI (and the title rule)
    assert near("#f39c12") > 20  # pins outside a TI
    assert (image.sum(axis=2) < 765).mean() > 0.2  # a filled page, not a blank one


def test_corse_and_overseas_sheets_use_the_state_only_label(client, tmp_path):
    for code, title in (
        ("94", "10 projets lauréats en Corse"),
        ("outre-mer", "54 projets lauréats dans les Outre-mer"),
    ):
        path = tmp_path / f"{code}.pdf"
        path.write_bytes(client.get(f"/export/region/{code}.pdf").data)
        text = pdf_text(path)
        assert title in text
        assert "Engagés par l'Etat (2020-2021)" in text
        assert "l'Etat et la Région" not in text
    assert "Guyane" in text and "La Réunion" in text  # one inset per overseas région


def test_unknown_region_pdf_is_not_found(client):
    assert client.get("/export/region/99.pdf").status_code == 404
