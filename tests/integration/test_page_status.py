"""HTTP status of the screens: a missing région, TI or page says so (with the friendly page)."""

from __future__ import annotations

import pytest

from app import create_app


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/region/27", 200),
        ("/region/outre-mer", 200),
        ("/region/99", 404),
        ("/region/<b>27</b>", 404),
        ("/ti/ti-9301", 200),
        ("/ti/inconnu", 404),
        ("/presentation", 200),
        ("/presentation?diapos=<b>27</b>", 200),
        ("/nulle-part", 404),
    ],
)
def test_unknown_regions_tis_and_paths_answer_404(client, path, status):
    answer = client.get(path)
    assert answer.status_code == status
    assert b"<b>27</b>" not in answer.data
