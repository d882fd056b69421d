"""Written data contracts: the columns each kind of file may hold, with type, unit and aliases.

One ``Schema`` per kind of dataset the dashboard reads (``laureats``,
``territoires_industrie``, ``clusters``, ``indicateurs``). The importer maps a
file's headers onto these canonical names (case, accents, spaces and
punctuation ignored; aliases accepted), then checks each value against its
column. Canonical names are shared with the demo-data builder and the store,
so they never change silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from dashboard.text.formatting import DESCRIPTION_LIMIT, NAME_LIMIT

Dtype = Literal["str", "float", "int", "date", "bool", "insee", "siret", "category", "list"]

# Separators accepted inside a multi-valued cell ("transition écologique; compétences").
LIST_SEPARATOR = "; "
LIST_SPLIT = r"\s*[;|]\s*"

# Pandas dtype of each schema type in a clean frame.
PANDAS_DTYPES: dict[str, str] = {
    "str": "str",
    "insee": "str",
    "siret": "str",
    "category": "str",
    "list": "str",
    "float": "float64",
    "int": "Int64",
    "date": "datetime64[us]",
    "bool": "bool",
}


@dataclass(frozen=True)
class Column:
    """One canonical column.

    ``required``: the column must be present in the file. ``nullable``: an
    empty cell is allowed (it means "unknown", never zero). ``on_invalid``:
    "reject" drops the row (figures that get summed), "blank" keeps the row,
    empties the cell and warns (descriptive attributes such as a SIRET).
    """

    name: str
    dtype: Dtype
    label: str
    required: bool = False
    nullable: bool = True
    unique: bool = False
    minimum: float | None = None
    unit: str | None = None
    allowed: tuple[str, ...] = ()
    value_aliases: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    default: object = None
    on_invalid: Literal["reject", "blank"] = "reject"
    # Longer texts are kept whole (exports) but shortened on screens, with a warning.
    display_limit: int | None = None


@dataclass(frozen=True)
class Schema:
    """The contract of one kind of file."""

    kind: str
    label: str
    columns: tuple[Column, ...]
    # Groups of columns of which at least one complete group must be present
    # (e.g. a commune code, or both coordinates).
    location: tuple[tuple[str, ...], ...] = ()

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)

    @property
    def dtypes(self) -> dict[str, str]:
        return {column.name: PANDAS_DTYPES[column.dtype] for column in self.columns}

    def empty_frame(self) -> pd.DataFrame:
        """A clean frame with no rows and the canonical dtypes (for concatenation)."""
        return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in self.dtypes.items()})

    def alias_map(self) -> dict[str, str]:
        """Normalised header -> canonical column, canonical names and every alias included."""
        mapping: dict[str, str] = {}
        for column in self.columns:
            for alias in (column.name, column.label, *column.aliases):
                mapping.setdefault(normalise_header(alias), column.name)
        return mapping

    def accepted_names(self, name: str) -> list[str]:
        """The headers a user may write for ``name`` (for error messages)."""
        column = self.column(name)
        return [column.name, *column.aliases]


def normalise_header(text: object) -> str:
    """Header key ignoring case, accents, units in brackets, spaces and punctuation.

    "Montant de l'aide (€)", "MONTANT_DE_L_AIDE" and "montant de l’aide" give the
    same key, which is how spreadsheets exported by different services differ.
    """
    text = str(text).replace("\ufeff", "")
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def normalise_value(text: str) -> str:
    """Key for matching allowed values: lower case, no accents, single spaces."""
    return " ".join(normalise_header(text).split("_"))


def split_list(values: pd.Series) -> pd.Series:
    """Cells of a ``list`` column (``"a; b"``) as Python lists, for filtering with explode."""
    return (
        values.fillna("")
        .str.split(LIST_SPLIT, regex=True)
        .map(lambda items: [item for item in items if item])
    )


_INSEE_ALIASES = (
    "code_insee",
    "INSEE",
    "insee_com",
    "code commune",
    "code_commune_insee",
    "code INSEE commune",
    "code INSEE de la commune",
    "codgeo",
    "com",
    "depcom",
    "code_com",
    "cog",
    "code officiel géographique",
)
_LONGITUDE_ALIASES = ("longitude", "lon", "lng", "long", "x", "longitude_wgs84", "coord_x")
_LATITUDE_ALIASES = ("latitude", "lat", "y", "latitude_wgs84", "coord_y")
_SOURCE_ALIASES = ("source", "sources", "origine", "origine des données", "producteur")

TAILLE_ENTREPRISE = {
    "tpe": "TPE",
    "micro": "TPE",
    "microentreprise": "TPE",
    "micro entreprise": "TPE",
    "très petite entreprise": "TPE",
    "pme": "PME",
    "petite et moyenne entreprise": "PME",
    "petite ou moyenne entreprise": "PME",
    "eti": "ETI",
    "entreprise de taille intermédiaire": "ETI",
    "ge": "GE",
    "grande entreprise": "GE",
    "grandes entreprises": "GE",
    "grand groupe": "GE",
}

LAUREATS = Schema(
    kind="laureats",
    label="Lauréats",
    location=(("code_commune",), ("longitude", "latitude")),
    columns=(
        Column(
            "id_laureat",
            "str",
            "Identifiant du lauréat",
            required=True,
            nullable=False,
            unique=True,
            aliases=(
                "id",
                "identifiant",
                "identifiant projet",
                "id_projet",
                "numéro dossier",
                "n° dossier",
                "numéro de dossier",
                "référence",
                "ref dossier",
                "code projet",
            ),
        ),
        Column(
            "beneficiaire",
            "str",
            "Bénéficiaire",
            display_limit=NAME_LIMIT,
            required=True,
            nullable=False,
            aliases=(
                "nom du bénéficiaire",
                "nom bénéficiaire",
                "entreprise",
                "raison sociale",
                "société",
                "porteur",
                "porteur de projet",
                "nom de l'entreprise",
                "lauréat",
                "nom du lauréat",
                "dénomination",
            ),
        ),
        Column(
            "siret",
            "siret",
            "SIRET",
            on_invalid="blank",
            aliases=("numéro SIRET", "n° SIRET", "SIRET bénéficiaire", "SIRET du bénéficiaire"),
        ),
        Column("code_commune", "insee", "Code commune (INSEE)", aliases=_INSEE_ALIASES),
        Column("longitude", "float", "Longitude", unit="degré WGS 84", aliases=_LONGITUDE_ALIASES),
        Column("latitude", "float", "Latitude", unit="degré WGS 84", aliases=_LATITUDE_ALIASES),
        Column(
            "programme",
            "str",
            "Programme",
            display_limit=NAME_LIMIT,
            required=True,
            nullable=False,
            aliases=(
                "dispositif",
                "appel à projets",
                "AAP",
                "fonds",
                "programme de soutien",
                "nom du programme",
                "action",
            ),
        ),
        Column(
            "montant_aide",
            "float",
            "Montant de l'aide",
            required=True,
            minimum=0,
            unit="EUR",
            aliases=(
                "montant de l'aide",
                "aide",
                "montant aide",
                "aide accordée",
                "montant de l'aide accordée",
                "subvention",
                "montant subvention",
                "aide publique",
                "montant",
                "aide État",
                "montant de la subvention",
            ),
        ),
        Column(
            "investissement",
            "float",
            "Investissement",
            minimum=0,
            unit="EUR",
            aliases=(
                "montant investissement",
                "investissement total",
                "montant du projet",
                "coût total",
                "coût du projet",
                "assiette",
                "investissement productif",
                "montant total du projet",
                "montant de l'investissement",
            ),
        ),
        Column(
            "emplois_prevus",
            "int",
            "Emplois prévus",
            minimum=0,
            unit="emplois",
            aliases=(
                "emplois",
                "emplois créés",
                "créations d'emplois",
                "emplois à créer",
                "nombre d'emplois",
                "nb emplois",
                "emplois créés prévus",
                "créations d'emplois prévues",
                "emplois prévus",
            ),
        ),
        Column(
            "filiere",
            "str",
            "Filière",
            display_limit=NAME_LIMIT,
            aliases=("secteur", "secteur d'activité", "filière industrielle"),
        ),
        Column(
            "activite",
            "str",
            "Activité",
            display_limit=NAME_LIMIT,
            aliases=("activité précise", "métier", "libellé d'activité"),
        ),
        Column(
            "enjeux",
            "list",
            "Enjeux",
            aliases=("enjeu", "thématique", "thématiques", "thèmes", "thème", "axes"),
        ),
        Column(
            "taille_entreprise",
            "category",
            "Taille d'entreprise",
            on_invalid="blank",
            allowed=("TPE", "PME", "ETI", "GE"),
            value_aliases=TAILLE_ENTREPRISE,
            aliases=(
                "taille",
                "catégorie entreprise",
                "catégorie d'entreprise",
                "type d'entreprise",
                "taille de l'entreprise",
            ),
        ),
        Column(
            "date_decision",
            "date",
            "Date de décision",
            on_invalid="blank",
            aliases=(
                "date",
                "date de décision",
                "date décision",
                "date d'attribution",
                "date de sélection",
                "date du comité",
                "date de notification",
            ),
        ),
        Column(
            "description",
            "str",
            "Description",
            display_limit=DESCRIPTION_LIMIT,
            aliases=(
                "description du projet",
                "objet",
                "intitulé",
                "intitulé du projet",
                "projet",
                "résumé",
                "libellé projet",
                "objet du projet",
            ),
        ),
        Column(
            "fictif",
            "bool",
            "Donnée fictive",
            default=False,
            on_invalid="blank",
            aliases=("synthétique", "donnée fictive", "fictive"),
        ),
        Column(
            "deduit",
            "bool",
            "Chiffres déduits",
            default=False,
            on_invalid="blank",
            aliases=("déduite", "inféré", "estimé", "chiffres déduits"),
        ),
        Column(
            "mis_en_avant",
            "bool",
            "Projet mis en avant",
            default=False,
            on_invalid="blank",
            aliases=("projet inspirant", "à la une", "vitrine", "mise en avant"),
        ),
        Column(
            "emplois_texte",
            "str",
            "Texte emplois",
            aliases=("texte emplois", "emplois libellé", "phrase emplois"),
        ),
        Column("source", "str", "Source", aliases=_SOURCE_ALIASES),
    ),
)

TERRITOIRES_INDUSTRIE = Schema(
    kind="territoires_industrie",
    label="Territoires d'industrie",
    columns=(
        Column(
            "insee_com",
            "insee",
            "Code commune (INSEE)",
            required=True,
            nullable=False,
            aliases=(*(alias for alias in _INSEE_ALIASES if alias != "insee_com"), "code_commune"),
        ),
        Column(
            "lib_com",
            "str",
            "Commune",
            aliases=(
                "nom commune",
                "nom de la commune",
                "libellé commune",
                "commune",
                "libgeo",
                "nom_com",
            ),
        ),
        Column(
            "id_ti",
            "str",
            "Identifiant du TI",
            required=True,
            nullable=False,
            aliases=(
                "code TI",
                "identifiant TI",
                "id territoire",
                "code territoire",
                "code territoire d'industrie",
                "id territoire d'industrie",
            ),
        ),
        Column(
            "lib_ti",
            "str",
            "Territoire d'industrie",
            display_limit=NAME_LIMIT,
            required=True,
            nullable=False,
            aliases=(
                "nom TI",
                "libellé TI",
                "territoire d'industrie",
                "nom du territoire",
                "nom territoire d'industrie",
                "territoire",
            ),
        ),
        Column(
            "millesime",
            "str",
            "Millésime",
            aliases=("vintage", "année", "période", "phase", "version"),
        ),
    ),
)

CLUSTER_TYPES = {
    "cluster": "cluster",
    "clusters": "cluster",
    "grappe d'entreprises": "cluster",
    "pole de competitivite": "pôle de compétitivité",
    "pole": "pôle de compétitivité",
    "poles de competitivite": "pôle de compétitivité",
    "reseau": "réseau",
    "reseau d entreprises": "réseau",
    "association": "réseau",
    "groupement": "groupement",
    "groupement d entreprises": "groupement",
    "groupements": "groupement",
    "gip": "groupement",
    "club": "club",
    "club d entreprises": "club",
    "club interentreprises": "club",
    "autre": "autre",
    "other": "autre",
}

CLUSTERS = Schema(
    kind="clusters",
    label="Clusters et pôles",
    columns=(
        Column(
            "id_cluster",
            "str",
            "Identifiant du cluster",
            # Absent or empty: derived from the name and place (see ingest.validate).
            unique=True,
            aliases=("id", "identifiant", "code cluster", "code"),
        ),
        Column(
            "nom",
            "str",
            "Nom",
            display_limit=NAME_LIMIT,
            required=True,
            nullable=False,
            aliases=(
                "name",
                "nom du cluster",
                "cluster",
                "nom cluster",
                "dénomination",
                "libellé",
                "raison sociale",
            ),
        ),
        Column(
            "type",
            "category",
            "Type",
            on_invalid="blank",
            allowed=("cluster", "pôle de compétitivité", "groupement", "réseau", "club", "autre"),
            value_aliases=CLUSTER_TYPES,
            aliases=("kind", "nature", "type de structure", "catégorie"),
        ),
        Column(
            "filieres",
            "list",
            "Filières",
            aliases=("filière", "secteur", "secteurs", "sector filière", "sector"),
        ),
        Column("code_commune", "insee", "Code commune (INSEE)", aliases=_INSEE_ALIASES),
        Column("longitude", "float", "Longitude", unit="degré WGS 84", aliases=_LONGITUDE_ALIASES),
        Column("latitude", "float", "Latitude", unit="degré WGS 84", aliases=_LATITUDE_ALIASES),
        # Where a cluster without commune or coordinates sits (a TI, EPCI, département or
        # région by name or code, « national », « étranger (Espagne) »): placed at its
        # main commune and marked « localisation approchée ».
        Column(
            "territoire",
            "str",
            "Territoire d'implantation",
            aliases=(
                "location",
                "localisation",
                "implantation",
                "siège",
                "territoire d'implantation",
            ),
        ),
        Column(
            "territoires_lies",
            "list",
            "Territoires liés",
            aliases=(
                "territoires",
                "territoire lié",
                "collaborations",
                "liens territoires",
                "linked territoire industrie",
                "TI liés",
            ),
        ),
        Column("themes", "list", "Thèmes", aliases=("thème", "thématiques", "enjeux")),
        Column(
            "description",
            "str",
            "Description",
            display_limit=DESCRIPTION_LIMIT,
            aliases=("context", "contexte", "objet"),
        ),
        Column("source", "str", "Source", aliases=(*_SOURCE_ALIASES, "source file")),
    ),
)

COLLABORATIONS = Schema(
    kind="collaborations",
    label="Collaborations clusters × territoires",
    columns=(
        Column(
            "cluster",
            "str",
            "Cluster",
            display_limit=NAME_LIMIT,
            required=True,
            nullable=False,
            aliases=("id_cluster", "nom du cluster", "structure", "réseau", "pôle"),
        ),
        Column(
            "territoire",
            "str",
            "Territoire",
            required=True,
            nullable=False,
            aliases=("territory", "territoire lié", "territoire partenaire", "partenaire"),
        ),
        Column("themes", "list", "Thèmes", aliases=("theme", "thème", "thématiques", "enjeux")),
        Column(
            "description",
            "str",
            "Description",
            display_limit=DESCRIPTION_LIMIT,
            aliases=("description fr", "objet", "action", "contenu"),
        ),
        Column(
            "chiffres_cles",
            "str",
            "Chiffres clés",
            display_limit=DESCRIPTION_LIMIT,
            aliases=("key figures", "chiffres", "chiffres clés", "indicateurs clés"),
        ),
        Column("source", "str", "Source", aliases=(*_SOURCE_ALIASES, "source file")),
        Column("lignes", "str", "Lignes de la source", aliases=("lines", "lignes", "ligne")),
    ),
)

NIVEAUX = {
    "commune": "commune",
    "communes": "commune",
    "com": "commune",
    "epci": "epci",
    "intercommunalite": "epci",
    "departement": "departement",
    "dep": "departement",
    "dept": "departement",
    "region": "region",
    "reg": "region",
    "ti": "ti",
    "territoire d industrie": "ti",
    "france": "france",
    "national": "france",
    "nation": "france",
}

INDICATEURS = Schema(
    kind="indicateurs",
    label="Indicateurs territoriaux",
    columns=(
        Column(
            "code_territoire",
            "str",
            "Code du territoire",
            required=True,
            nullable=False,
            aliases=(
                "code",
                "code geo",
                "codgeo",
                "code_commune",
                "code INSEE",
                "code territoire",
                "territoire",
            ),
        ),
        Column(
            "niveau",
            "category",
            "Niveau",
            required=True,
            nullable=False,
            allowed=("commune", "epci", "departement", "region", "ti", "france"),
            value_aliases=NIVEAUX,
            aliases=("échelon", "niveau géographique", "maille"),
        ),
        Column(
            "indicateur",
            "str",
            "Indicateur",
            required=True,
            nullable=False,
            aliases=("variable", "nom indicateur", "libellé indicateur", "mesure"),
        ),
        Column("valeur", "float", "Valeur", required=True, aliases=("value", "val")),
        Column("unite", "str", "Unité", aliases=("unit", "unités")),
        Column("source", "str", "Source", aliases=_SOURCE_ALIASES),
        Column("annee", "int", "Année", aliases=("year", "millésime", "an")),
    ),
)

SCHEMAS: dict[str, Schema] = {
    schema.kind: schema
    for schema in (LAUREATS, TERRITOIRES_INDUSTRIE, CLUSTERS, COLLABORATIONS, INDICATEURS)
}
KINDS = tuple(SCHEMAS)
