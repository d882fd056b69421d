"""The filter state and its URL codec: what a shared address restores, what it ignores."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.analysis.filters import FilterState

# Five lauréats written by hand; the expected rows below are counted on this table.
LAUREATS = pd.DataFrame(
    {
        "reg": ["27", "27", "53", "44", "27"],
        "dep": ["39", "21", "29", "57", "39"],
        "id_ti": ["ti-a", None, "ti-b", "ti-c", "ti-a"],
        "programme": ["France Relance", "France 2030", "France Relance", "AMI", "AMI"],
        "filiere": ["Bois", "Chimie", "Bois", "Métal", "Chimie"],
        "taille_entreprise": ["PME", "GE", "PME", "ETI", "TPE"],
        "enjeux": ["Compétences;Décarbonation", "Innovation", "", "Décarbonation", None],
        "date_decision": pd.to_datetime(
            ["2021-01-15", "2021-06-30", "2022-03-01", "2020-12-31", "2021-07-01"]
        ),
        "dans_ti": [True, False, True, True, True],
    }
)


def kept(query: str) -> list[int]:
    state = FilterState.from_query(query)
    return [i for i, keep in enumerate(state.mask(LAUREATS)) if keep]


def test_a_full_state_survives_the_round_trip_through_its_address():
    state = FilterState(
        level="id_ti",
        metric="montant_aide",
        per_capita=True,
        regions=("27", "53"),
        programmes=("France 2030",),
        date_from="2021-01-01",
        date_to="2021-12-31",
        ti_scope="dans",
        view=(46.5, 2.4, 5.25),
    )
    query = state.to_query()
    assert query == (
        "?niveau=ti&indicateur=montant_aide&par_habitant=1&region=27,53"
        "&programme=France+2030&du=2021-01-01&au=2021-12-31&ti_statut=dans&vue=46.5,2.4,5.25"
    )
    again = FilterState.from_query(query)
    assert again == state and again.view == (46.5, 2.4, 5.25)


def test_the_default_state_has_an_empty_address():
    assert FilterState().to_query() == ""
    assert FilterState.from_query("") == FilterState()


def test_one_selection_has_one_address_whatever_the_order_chosen():
    assert FilterState.from_query("?region=53,27").to_query() == "?region=27,53"


@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        ("?niveau=canton", ("niveau=canton",)),
        ("?du=2021-W01-1", ("du=2021-W01-1",)),
        ("?au=2021-02-30", ("au=2021-02-30",)),
        ("?vue=95,2,5", ("vue=95,2,5",)),
        ("?vue=nan,2,5", ("vue=nan,2,5",)),
        ("?par_habitant=oui", ("par_habitant=oui",)),
        ("?indicateur=<script>", ("indicateur=<script>",)),
    ],
)
def test_an_unreadable_value_is_left_at_its_default_and_named(query, ignored):
    state = FilterState.from_query(query)
    assert state.ignored == ignored
    assert state.to_query() == ""


def test_anything_but_a_string_is_no_filter():
    assert FilterState.from_query(None) == FilterState()
    assert FilterState.from_query(42) == FilterState()


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("", [0, 1, 2, 3, 4]),
        ("?region=27", [0, 1, 4]),
        ("?region=27&departement=39", [0, 4]),
        ("?ti=ti-a,ti-c", [0, 3, 4]),
        ("?programme=AMI", [3, 4]),
        ("?filiere=Bois&taille=PME", [0, 2]),
        ("?enjeu=Décarbonation", [0, 3]),
        ("?enjeu=Compétences,Innovation", [0, 1]),
        ("?du=2021-01-01&au=2021-06-30", [0, 1]),
        ("?du=2021-07-01", [2, 4]),
        ("?ti_statut=dans", [0, 2, 3, 4]),
        ("?ti_statut=hors", [1]),
        ("?region=44&ti_statut=hors", []),
    ],
)
def test_filters_keep_the_rows_counted_by_hand(query, rows):
    assert kept(query) == rows


def test_the_summary_lists_only_filters_that_restrict_rows():
    state = FilterState.from_query("?niveau=region&region=27&du=2021-01-01&ti_statut=hors")
    assert state.active_filters() == {
        "regions": ("27",),
        "periode": ("2021-01-01", None),
        "ti_scope": "hors",
    }
    assert state.cleared() == FilterState(level="reg")
