"""A commune employment file with mistakes: each bad line is named, the good ones kept."""

from __future__ import annotations

import pandas as pd

from dashboard.data.ingest import load_file
from tests.conftest_ingest import DATA, fake_geography


def test_bad_cells_drop_one_value_bad_codes_and_repeats_drop_the_row():
    result = load_file("indicateurs", DATA / "emploi_industriel_erreurs.csv", fake_geography())
    reasons = {(r.line, r.column): r.reason for r in result.report.rejections}
    assert reasons == {
        (5, "code_commune"): "code INSEE inconnu : 99999",
        (6, "code_commune"): "commune en double pour cette année (déjà vue ligne 2)",
    }
    warnings = {(w.line, w.column): w.reason for w in result.report.warnings}
    assert warnings[(3, "effectif_salarie_prive")] == (
        "valeur écartée, effectif négatif : -12 (les autres valeurs de la ligne sont conservées)"
    )
    # Lons-le-Saunier, Dole (without its negative value) and Bourg-en-Bresse are kept.
    assert result.report.rows_kept == 3
    kept = result.frame.pivot(index="code_territoire", columns="indicateur", values="valeur")
    assert kept.loc["39300", "effectif_salarie_industrie"] == 900
    assert kept.loc["01053", "etablissements_employeurs_industrie"] == 40
    assert kept.loc["39198", "effectif_salarie_industrie"] == 400
    assert pd.isna(kept.loc["39198", "effectif_salarie_prive"])
