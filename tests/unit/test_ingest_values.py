"""Typing of single cells: the number, date and code spellings found in real files."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data.ingest.values import clean_date, clean_insee, clean_siret, parse_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1\u202f234,5", 1234.5),
        ("1234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234.567", 1_234_567.0),
        ("12,5", 12.5),
        ("-500", -500.0),
        ("\u2212500", -500.0),
        ("1e3", 1000.0),
    ],
)
def test_numbers_in_french_and_english_spellings(text, expected):
    values, invalid, _ = parse_numbers(pd.Series([text]))
    assert not invalid[0] and values[0] == expected


@pytest.mark.parametrize("text", ["abc", "1,2,3", "12,5 M€", "300 k€", "2 millions", "inf"])
def test_anything_else_is_not_a_number(text):
    values, invalid, _ = parse_numbers(pd.Series([text]))
    assert invalid[0] and pd.isna(values[0])


def test_euro_sign_is_accepted_only_for_euro_columns():
    assert parse_numbers(pd.Series(["300 000 €"]), euros=True)[0][0] == 300_000
    assert parse_numbers(pd.Series(["300 000 €"]), euros=False)[1][0]


def test_insee_codes_are_padded_or_refused():
    cleaned = clean_insee(pd.Series(["1053", "01053", "2a004", "2B033", "123", "1053.0", ""]))
    assert cleaned.values.tolist()[:4] == ["01053", "01053", "2A004", "2B033"]
    assert cleaned.invalid.tolist() == [False, False, False, False, True, False, False]
    assert cleaned.values[5] == "01053"


def test_siret_names_a_siren_given_instead():
    cleaned = clean_siret(pd.Series(["552 100 554 00013", "552100554"]))
    assert cleaned.values[0] == "55210055400013"
    assert cleaned.reasons[1].endswith("(14 chiffres attendus ; 9 chiffres : c'est un SIREN)")


def test_dates_in_the_usual_spellings():
    cleaned = clean_date(
        pd.Series(["24/09/2021", "2021-09-24", "44463", "24.09.2021", "31/02/2021"])
    )
    assert cleaned.values[:4].tolist() == [pd.Timestamp("2021-09-24")] * 4
    assert cleaned.invalid.tolist() == [False, False, False, False, True]
    assert cleaned.reasons[4] == 'date non reconnue : "31/02/2021" (format attendu JJ/MM/AAAA)'
