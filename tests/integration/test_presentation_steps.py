"""The slides a shared presentation address plays: only what exists, never what it says."""

from __future__ import annotations

import pytest

from app import create_app

STEPS = "/presentation/etapes.json"
# The annex's order (report 2021): national map, then Bourgogne-Franche-Comté, Bretagne…
REPORT_START = ["/", "/region/27", "/region/53"]


@pytest.fixture(scope="module")
def client(demo_store):
    return create_app(demo_store.settings, store=demo_store).server.test_client()


def steps_for(client, query: str = "") -> dict:
    answer = client.get(STEPS + query)
    assert answer.status_code == 200
    assert answer.mimetype == "application/json"
    return answer.get_json()


def test_without_a_sequence_the_report_order_is_played(client):
    assert steps_for(client)["steps"][:3] == REPORT_START
    assert steps_for(client, "?diapos=")["steps"][:3] == REPORT_START


def test_a_composed_sequence_is_played_in_its_own_order_repeats_included(client):
    answer = steps_for(client, "?diapos=sans-financement,ti-ti-7603,region-53,carte,region-53")
    assert answer["steps"] == [
        "/territoires-sans-financement",
        "/ti/ti-7603",
        "/region/53",
        "/",
        "/region/53",
    ]
    assert answer["ignored"] == []


@pytest.mark.parametrize(
    "hostile",
    [
        "region-99",
        "ti-inconnu",
        "<script>alert(1)</script>",
        "//evil.example/x",
        "ti-../../donnees/publier",
        "javascript:alert(1)",
    ],
)
def test_slides_that_do_not_exist_are_left_out_never_followed(client, hostile):
    answer = steps_for(client, f"?diapos=region-27,{hostile}")
    assert answer["steps"] == ["/region/27"]
    assert answer["ignored"] == [hostile]


def test_a_sequence_of_nothing_valid_falls_back_to_the_report_and_a_huge_one_is_cut(client):
    assert steps_for(client, "?diapos=foo,bar")["steps"][:3] == REPORT_START
    answer = steps_for(client, "?diapos=" + ",".join(["carte"] * 5000))
    assert answer["steps"] == ["/"] * 60
