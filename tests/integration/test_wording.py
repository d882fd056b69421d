"""French wording of the summary lines: agreement of counts, dates as jj/mm/aaaa."""

from __future__ import annotations

import re

import pytest

from dashboard.analysis.filters import FilterState
from dashboard.analysis.funding_gaps import GapState, counts_sentence, funding_gaps
from dashboard.analysis.queries import describe_filters as filters_text
from dashboard.text import formatting
from layouts.national_map import summary_line

NNBSP, NBSP = "\u202f", "\u00a0"


def totals(n: int, jobs: int) -> dict[str, float]:
    return {"n_laureats": n, "investissement": 0.0, "montant_aide": 0.0, "emplois_prevus": jobs}


def test_zero_and_one_are_singular_two_is_plural():
    assert summary_line(totals(0, 1), "").split(" · ")[0] == f"0{NBSP}lauréat"
    assert summary_line(totals(1, 1), "").split(" · ")[3] == f"1{NBSP}emploi prévu"
    line = summary_line(totals(1416, 2), "")
    assert line.startswith(f"1{NNBSP}416{NBSP}lauréats · ")
    assert f"2{NBSP}emplois prévus" in line
    assert formatting.plural(1, "commune") == f"1{NBSP}commune"


def test_the_period_filter_reads_in_french_dates(demo_store):
    both = FilterState(date_from="2021-01-01", date_to="2022-06-30")
    assert filters_text(demo_store, both) == "du 01/01/2021 au 30/06/2022"
    assert filters_text(demo_store, FilterState(date_from="2021-01-01")) == "depuis le 01/01/2021"
    assert filters_text(demo_store, FilterState(date_to="2022-06-30")) == "jusqu'au 30/06/2022"


def test_the_gaps_summary_agrees_its_counts(demo_store):
    state = GapState(level="epci")
    sentence = counts_sentence(funding_gaps(demo_store, state), state)
    assert "(s)" not in sentence
    counts = rf"\d+{NBSP}non financés? · \d+{NBSP}sous-financés? · \d+{NBSP}financés?"
    pattern = rf"^{counts}, sur 1{NNBSP}253 EPCI"
    assert re.match(pattern, sentence), sentence


def test_filters_that_match_nothing_say_so():
    line = summary_line(totals(0, 0), "Corse, du 01/01/2030 au 31/12/2030")
    assert line.endswith(
        "aucun lauréat ne correspond à ces filtres : retirez-en un ou élargissez la période."
    )
    assert "correspond" not in summary_line(totals(0, 0), "")  # an empty file says it elsewhere


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("01/03/2023", "2023-03-01"),  # 1 March, not 3 January
        ("1/3/2023", "2023-03-01"),
        ("01.03.2023", "2023-03-01"),
        (" 2023-03-01 ", "2023-03-01"),
        ("29/02/2024", "2024-02-29"),
        ("29/02/2023", None),
        ("31/13/2021", None),
        ("03/2023", None),
        ("", None),
    ],
)
def test_typed_dates_are_read_day_first(typed, iso):
    assert formatting.parse_date(typed) == iso
    assert formatting.date_is_unreadable(typed) == (iso is None and bool(typed.strip()))
