"""The parts of the map figures a filter change sends, on small tables worked out by hand."""

from __future__ import annotations

import pandas as pd

from layouts.figures.choropleth import choropleth_encoding
from layouts.figures.pins import commune_pins, pin_encoding

NNBSP, NBSP = "\u202f", "\u00a0"


def test_choropleth_classes_ranks_and_legend_for_five_territories():
    counts = pd.Series([0, 1, 2, 2, 5], index=["a", "b", "c", "d", "e"], dtype=float)
    encoding = choropleth_encoding(counts, "n_laureats", per_capita=False)
    # Distinct positive values 1, 2, 5 are their own classes; 0 is « Aucun lauréat ».
    assert encoding["z"].tolist() == [0, 1, 2, 2, 3]
    ranks = [row[1] for row in encoding["customdata"]]
    # Descending ranks over all 5 (5 first; the two 2s share 2nd; 1 is 4th); 0 has none.
    assert ranks == ["–", "4 / 5", "2 / 5", "2 / 5", "1 / 5"]
    ticks = encoding["colorbar"]["ticktext"]
    assert ticks[0] == "Aucun lauréat" and len(ticks) == 4
    assert (encoding["zmin"], encoding["zmax"]) == (-0.5, 3.5)


LAUREATS = pd.DataFrame(
    {
        "id_laureat": ["L1", "L2", "L3"],
        "beneficiaire": ["Forge <b>du</b> Jura", "Tissage", "Scierie"],
        "commune": ["Morez", "Morez", "Dole"],
        "code_commune": ["39367", "39367", "39198"],
        "lib_ti": ["Haut-Jura", "Haut-Jura", None],
        "dans_ti": [True, True, False],
        "programme": ["France 2030", "France 2030", "France Relance"],
        "montant_aide": [1_200_000.0, 300_000.0, None],
        "investissement": [4_000_000.0, 1_000_000.0, 250_000.0],
        "emplois_prevus": [12.0, None, 3.0],
        "lon": [6.06123, 6.06123, 5.49012],
        "lat": [46.52345, 46.52345, 47.09234],
        "fictif": [False, True, False],
    }
)


def test_pins_inside_and_outside_a_ti_carry_their_own_rows():
    inside = pin_encoding(LAUREATS, inside=True)
    outside = pin_encoding(LAUREATS, inside=False)
    assert inside["lon"].tolist() == [6.0612, 6.0612]  # rounded to 4 decimals (~10 m)
    assert [row[0] for row in inside["customdata"]] == ["L1", "L2"]
    assert [row[0] for row in outside["customdata"]] == ["L3"]
    assert outside["customdata"][0][3] == "hors Territoire d'industrie"
    assert "&lt;b&gt;" in inside["customdata"][0][1]  # a name is text, never HTML
    assert "prévus" in inside["customdata"][0][7]


def test_pins_grouped_by_commune_sum_what_they_hold():
    pins = commune_pins(LAUREATS).set_index("code_commune")
    assert pins.loc["39367", "n"] == 2
    assert pins.loc["39367", "montant_aide"] == 1_500_000.0
    assert pins.loc["39367", "investissement"] == 5_000_000.0
    assert pins.loc["39367", "emplois_prevus"] == 12.0  # an unknown count adds nothing
    assert pins.loc["39198", "n"] == 1
