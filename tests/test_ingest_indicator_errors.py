"""A commune employment file with mistakes: each bad line is named, the good ones kept."""

from __future__ import annotations

from dashboard.ingest import load_file
from tests.conftest_ingest import DATA, fake_geography


def test_negative_head_count_unknown_code_and_text_are_rejected_with_their_line():
    result = load_file("indicateurs", DATA / "emploi_industriel_erreurs.csv", fake_geography())
    reasons = {(r.line, r.column): r.reason for r in result.report.rejections}
    assert reasons == {
        (3, "effectif_salarie_prive"): "effectif négatif : -12",
        (5, "code_commune"): "code INSEE inconnu : 99999",
        (6, "effectif_salarie_prive"): 'valeur non numérique : "douze"',
    }
    # Lons-le-Saunier and Bourg-en-Bresse (its lost leading zero restored) are kept whole.
    assert result.report.rows_kept == 2
    kept = result.frame.pivot(index="code_territoire", columns="indicateur", values="valeur")
    assert kept.loc["39300", "effectif_salarie_industrie"] == 900
    assert kept.loc["01053", "etablissements_employeurs_industrie"] == 40
