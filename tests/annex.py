"""The report's annex panels, as tests refer to them."""

from __future__ import annotations

# Panel name in regions_annex.csv -> the code of its page (/region/<code>).
ANNEX_PANEL_CODES = {
    "Bourgogne-Franche-Comté": "27",
    "Bretagne": "53",
    "Corse": "94",
    "Centre-Val de Loire": "24",
    "Grand Est": "44",
    "Hauts-de-France": "32",
    "Île-de-France": "11",
    "Normandie": "28",
    "Nouvelle-Aquitaine": "75",
    "Occitanie": "76",
    "Pays de la Loire": "52",
    "Provence-Alpes-Côte d'Azur": "93",
    "Outre-mer": "outre-mer",
}
