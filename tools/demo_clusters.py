"""The clusters, networks and groupings of the sources, and their collaborations, for the demo.

Every entry of ``../shared/reference/clusters.csv`` (62) and
``collaborations.csv`` (31), in the project's own words. Territories are
written by name, as a user's file would write them; the importer resolves them
(``dashboard.data.ingest.links``). A cluster whose commune the source states is
placed there; the others sit at the main commune of the territory the source
ties them to (``territoire``, « localisation approchée » on screen); national
networks and entries abroad are listed, not placed.
"""

from __future__ import annotations

from dataclasses import dataclass

DIEPPE_TI = "TI Dieppe Côte d'Albâtre"
AFR_TI = "TI Aurillac Figeac Rodez"
LOT_ET_GARONNE = "Lot-et-Garonne"


@dataclass(frozen=True)
class DemoCluster:
    reference: str  # ``name`` in clusters.csv
    nom: str
    type: str
    filieres: str
    commune: str  # « Dieppe|76 » when the source states the commune, else ""
    territoire: str  # where it sits when no commune is stated
    links: str  # territories it works with, « ; »-separated, by name
    description: str
    note: str = ""


def lot_et_garonne(reference: str, nom: str, type_: str, filieres: str, description: str):
    return DemoCluster(reference, nom, type_, filieres, "", LOT_ET_GARONNE, "", description)


def cluster_47(reference: str, nom: str, filieres: str):
    return lot_et_garonne(
        reference, nom, "cluster", filieres, "Cluster labellisé par le Département (Clusters 47)."
    )


DEMO_CLUSTERS = (
    DemoCluster(
        "Atlantic Cluster",
        "Atlantic Cluster",
        "cluster",
        "nautisme; naval",
        "",
        "TI Rochefort Royan Marennes Oléron",
        "TI Rochefort Royan Marennes Oléron; Région Nouvelle-Aquitaine",
        "Cluster de la filière nautique et navale, engagé avec la Région dans une feuille de "
        "route Industrie verte.",
    ),
    DemoCluster(
        "Tenerrdis",
        "Tenerrdis",
        "pôle de compétitivité",
        "énergie; hydrogène; photovoltaïque",
        "",
        "TI Saint-Marcellin Vercors Bièvre Isère",
        "TI Saint-Marcellin Vercors Bièvre Isère; TI Pays d'Evian Vallée d'Abondance",
        "Pôle des nouvelles technologies de l'énergie (créé en 2005) qui accompagne aussi des "
        "collectivités dans des projets d'autoconsommation.",
        "Siège non indiqué par la source : placé sur le TI avec lequel il travaille.",
    ),
    DemoCluster(
        "Axelera",
        "Axelera",
        "pôle de compétitivité",
        "chimie; environnement; économie circulaire",
        "Lyon|69",
        "",
        "Métropole de Lyon",
        "Pôle chimie-environnement, copilote avec la Métropole de Lyon d'un projet de "
        "décarbonation de la Vallée de la Chimie.",
    ),
    DemoCluster(
        "ÉcosystèmeD",
        "ÉcosystèmeD",
        "autre",
        "décarbonation; hydrogène; chaleur fatale",
        "Dunkerque|59",
        "",
        "Communauté urbaine de Dunkerque",
        "Organisation qui anime le projet dunkerquois de décarbonation et fédère ses acteurs.",
    ),
    DemoCluster(
        "Brit'Inov (Brit'Innov)",
        "Brit'Inov",
        "cluster",
        "nutrition-santé; agroalimentaire; biodiversité marine",
        "",
        "Lamballe Terre & Mer",
        "TI Baie d'Armor Industrie",
        "Cluster breton d'une quarantaine d'entreprises (créé en 2008), pilote d'un projet de "
        "réutilisation des eaux industrielles.",
        "Hébergé au tiers-lieu Dix7 : placé sur l'agglomération Lamballe Terre et Mer.",
    ),
    DemoCluster(
        "Association Dix7",
        "Association Dix7",
        "autre",
        "tiers-lieu économique",
        "",
        "Lamballe Terre & Mer",
        "TI Baie d'Armor Industrie",
        "Tiers-lieu associatif qui accueille Brit'Inov et l'équipe du TI et réunit les acteurs "
        "économiques locaux.",
    ),
    DemoCluster(
        "Cluster Pays Basque Industrie (PBI)",
        "Cluster Pays Basque Industrie",
        "cluster",
        "industrie multisectorielle; industrie 4.0; décarbonation",
        "",
        "TI Pays Basque",
        "TI Pays Basque",
        "Association d'environ 70 membres (industriels, CCI, école d'ingénieurs, laboratoires) "
        "fondée en 2020.",
    ),
    DemoCluster(
        "Mecanic Vallée (Mécanic Vallée ; « Mécane Vallée » en 001)",
        "Mecanic Vallée",
        "cluster",
        "mécanique; aéronautique; automobile; ferroviaire",
        "",
        AFR_TI,
        f"{AFR_TI}; Cantal",
        "Cluster mécanique de plus de 200 adhérents, créé en 2000 par des industriels, premier "
        "coordinateur du TI.",
    ),
    DemoCluster(
        "Cluster bois (projet, nom non donné)",
        "Cluster bois d'Aurillac Figeac Rodez",
        "cluster",
        "bois",
        "",
        AFR_TI,
        AFR_TI,
        "Cluster de la filière bois dont le TI a financé la création, accompagné par Mecanic "
        "Vallée.",
        "Nom non donné par la source.",
    ),
    DemoCluster(
        "Pôle d'économie circulaire (ESS, nom non donné)",
        "Pôle d'économie circulaire d'Aurillac Figeac Rodez",
        "autre",
        "économie circulaire; économie sociale et solidaire",
        "",
        AFR_TI,
        AFR_TI,
        "Acteur de l'économie sociale associé, avec des entreprises d'insertion, aux actions "
        "de Mecanic Vallée et du TI.",
        "Nom non donné par la source.",
    ),
    DemoCluster(
        "Minalogic",
        "Minalogic",
        "pôle de compétitivité",
        "numérique",
        "",
        "TI Sud Isère",
        "TI Sud Isère",
        "Pôle partenaire depuis 2021 des rencontres de l'industrie organisées pour les TPE et "
        "PME du TI.",
        "Filière non précisée par la source ; siège non indiqué.",
    ),
    DemoCluster(
        "Dieppe Méca Énergies",
        "Dieppe Méca Énergies",
        "cluster",
        "mécanique; énergie",
        "Dieppe|76",
        "",
        DIEPPE_TI,
        "Cluster local qui apporte expertise technique et réseau d'entreprises au projet "
        "d'école de production de Dieppe.",
    ),
    DemoCluster(
        "UIMM Rouen-Dieppe",
        "UIMM Rouen-Dieppe",
        "autre",
        "métallurgie",
        "",
        "Dieppe (76)",
        DIEPPE_TI,
        "Organisation professionnelle qui porte la formation, le modèle financier et la "
        "gouvernance de la future école de production.",
    ),
    DemoCluster(
        "France Clusters",
        "France Clusters",
        "réseau",
        "réseau national des clusters",
        "",
        "national",
        "",
        "Réseau national des clusters, auteur de l'étude sur leurs liens avec les TI.",
    ),
    DemoCluster(
        "Fédération nationale des écoles de production (FNEP)",
        "Fédération nationale des écoles de production",
        "réseau",
        "formation; écoles de production",
        "",
        "national",
        DIEPPE_TI,
        "Fédération des écoles de production : 71 écoles en janvier 2026, 100 visées en 2028.",
    ),
    DemoCluster(
        "CCI de Lot-et-Garonne",
        "CCI de Lot-et-Garonne",
        "autre",
        "chambre consulaire",
        "",
        LOT_ET_GARONNE,
        LOT_ET_GARONNE,
        "Chambre consulaire qui crée et anime les groupements industriels du département.",
    ),
    lot_et_garonne(
        "Gascogne Environnement",
        "Gascogne Environnement",
        "groupement",
        "développement durable",
        "Groupement transversal animé par la CCI : 139 adhérents, 11 000 salariés.",
    ),
    lot_et_garonne(
        "PROD'IAA (Prodiaa)",
        "PROD'IAA",
        "groupement",
        "agroalimentaire",
        "Groupement de la filière agroalimentaire : 38 adhérents, 2 300 salariés.",
    ),
    lot_et_garonne(
        "SOTRA (Sotra)",
        "SOTRA",
        "groupement",
        "construction; sous-traitance",
        "Groupement de la construction et de la sous-traitance : 36 adhérents, 1 800 salariés.",
    ),
    lot_et_garonne(
        "PROMOBOIS (Promobois)",
        "PROMOBOIS",
        "groupement",
        "bois",
        "Groupement de la transformation du bois : 29 adhérents, 1 300 salariés.",
    ),
    lot_et_garonne(
        "CIEL (Ciel47)",
        "CIEL",
        "groupement",
        "international",
        "Groupement pour le développement international : 40 adhérents, 2 000 salariés.",
    ),
    lot_et_garonne(
        "eTIC (eTIC47)",
        "eTIC",
        "groupement",
        "numérique",
        "Groupement des entreprises du numérique animé par la CCI.",
    ),
    lot_et_garonne(
        "ADEBAG (Association des Entreprises du Bassin Adour-Garonne)",
        "ADEBAG",
        "groupement",
        "eau",
        "Association d'industriels sur l'eau : 114 adhérents, 50 000 salariés, sur le bassin "
        "Adour-Garonne.",
    ),
    lot_et_garonne(
        "Groupe Innovation de la CCI de Lot-et-Garonne",
        "Groupe Innovation de la CCI de Lot-et-Garonne",
        "club",
        "innovation",
        "Club d'une cinquantaine de dirigeants, à l'origine du cluster Fruits et légumes.",
    ),
    lot_et_garonne(
        "Cluster Fruits et Légumes / Nutrition Santé",
        "Cluster Fruits et Légumes / Nutrition Santé",
        "cluster",
        "fruits et légumes; nutrition-santé",
        "Grappe d'entreprises labellisée par la DATAR en 2010, aussi labellisée Cluster 47.",
    ),
    lot_et_garonne(
        "Clusters 47 (dispositif / label départemental)",
        "Clusters 47",
        "autre",
        "multisectoriel",
        "Label du Département (2011) qui finance trois ans de fonctionnement et d'actions ; "
        "une dizaine de clusters fin 2014.",
    ),
    DemoCluster(
        "Cluster Bois et Energie du Fumélois",
        "Cluster Bois et Énergie du Fumélois",
        "cluster",
        "bois-énergie",
        "Fumel|47",
        "",
        "",
        "Cluster de la filière bois-énergie labellisé par le Département (Clusters 47).",
        "Placé à Fumel, commune qui donne son nom au Fumélois.",
    ),
    cluster_47(
        "Cluster Cinéma et économie créative",
        "Cluster Cinéma et économie créative",
        "cinéma; économie créative",
    ),
    cluster_47("Cluster DEMAIN", "Cluster DEMAIN", "agroressources"),
    cluster_47(
        "Cluster Eau et adaptation au changement climatique",
        "Cluster Eau et adaptation au changement climatique",
        "eau; adaptation au changement climatique",
    ),
    cluster_47("Cluster ECLAIR", "Cluster ECLAIR", "construction basse consommation"),
    cluster_47("Cluster INOO", "Cluster INOO", "numérique"),
    cluster_47(
        "Cluster Les plantes au service des Plantes",
        "Cluster Les plantes au service des Plantes",
        "végétal",
    ),
    cluster_47(
        "Cluster Machinisme agricole, l'innovation en action",
        "Cluster Machinisme agricole, l'innovation en action",
        "machinisme agricole",
    ),
    cluster_47("Cluster Pain bio local", "Cluster Pain bio local", "boulangerie; blé bio"),
    lot_et_garonne(
        "Cluster économie circulaire (à venir, nom non donné)",
        "Cluster économie circulaire de Lot-et-Garonne",
        "cluster",
        "économie circulaire",
        "Cluster annoncé pour rejoindre le label départemental (nom non donné par la source).",
    ),
    DemoCluster(
        "EuroSIMA Cluster",
        "EuroSIMA Cluster",
        "cluster",
        "glisse; sports de nature",
        "",
        "Pyrénées-Atlantiques",
        "",
        "Cluster sud-aquitain à l'origine en 2011 d'un plan de formation commun à plusieurs "
        "clusters.",
        "Filière et siège non indiqués par la source : placé sur le département partenaire.",
    ),
    DemoCluster(
        "7 clusters régionaux sud-aquitains (dont 2 Grappes d'entreprises DATAR ; non nommés)",
        "Clusters sud-aquitains",
        "cluster",
        "multisectoriel",
        "",
        "Pyrénées-Atlantiques",
        "",
        "Sept clusters qui coopèrent depuis 2011 : 12 modules de formation, environ 650 "
        "salariés formés en 2013.",
        "Non nommés par la source.",
    ),
    DemoCluster(
        "Nuclear Valley",
        "Nuclear Valley",
        "pôle de compétitivité",
        "nucléaire",
        "Chalon-sur-Saône|71",
        "",
        "TI Grand Chalon",
        "Pôle de la filière nucléaire dont les projets de R&D servent aussi d'autres filières "
        "du Grand Chalon.",
        "Source citant Saint-Marcel et Chalon-sur-Saône ; placé à Chalon-sur-Saône.",
    ),
    DemoCluster(
        "NextMove",
        "NextMove",
        "pôle de compétitivité",
        "automobile; mobilité",
        "",
        "Île-de-France",
        "Île-de-France",
        "Pôle de la mobilité, cofondateur d'un campus sur l'industrie circulaire de l'automobile.",
    ),
    DemoCluster(
        "Plateforme automobile (PFA)",
        "Plateforme automobile (PFA)",
        "réseau",
        "automobile",
        "",
        "national",
        "",
        "Organisation de la filière automobile, partenaire du campus de la mobilité circulaire.",
    ),
    DemoCluster(
        "Campus Industrie circulaire de la mobilité",
        "Campus Industrie circulaire de la mobilité",
        "autre",
        "mobilité; recyclage des batteries",
        "",
        "Île-de-France",
        "Île-de-France",
        "Campus créé par un constructeur, une université, les académies, la Région et la "
        "filière pour le recyclage des batteries et des véhicules.",
    ),
    DemoCluster(
        "Réseau Marne Industrie (réseau des industriels marnais)",
        "Réseau Marne Industrie",
        "réseau",
        "industrie multisectorielle",
        "",
        "Marne",
        "Marne",
        "Réseau de 110 industriels marnais (créé en 2021) qui se retrouvent trois ou quatre "
        "fois par an chez l'un d'eux.",
    ),
    DemoCluster(
        "Club interentreprises du littoral (Dieppe)",
        "Club interentreprises du littoral",
        "club",
        "multisectoriel",
        "Dieppe|76",
        "",
        DIEPPE_TI,
        "Club de dirigeants de trois zones d'activités dieppoises, réunis une dizaine de fois "
        "par an.",
    ),
    DemoCluster(
        "Groupements d'entreprises dieppois (≈400 entreprises, non nommés)",
        "Groupements d'entreprises dieppois",
        "groupement",
        "multisectoriel",
        "",
        DIEPPE_TI,
        DIEPPE_TI,
        "Environ 400 des 650 entreprises industrielles du territoire regroupées par zone ou "
        "par filière.",
        "Non nommés par la source.",
    ),
    DemoCluster(
        "Vialog",
        "Vialog",
        "groupement",
        "groupement d'entreprises",
        "Dieppe|76",
        "",
        DIEPPE_TI,
        "Groupement d'entreprises dieppois cité en modèle de coopération territoriale.",
        "Lien au TI déduit du contexte.",
    ),
    DemoCluster(
        "Logistique Seine Normandie (LSN)",
        "Logistique Seine Normandie",
        "réseau",
        "logistique",
        "",
        "Normandie",
        "",
        "Filière régionale de la logistique de la vallée de la Seine.",
    ),
    DemoCluster(
        "Entente Axe Seine",
        "Entente Axe Seine",
        "autre",
        "aménagement",
        "",
        "TI Axe Seine",
        "",
        "Entente de villes et d'intercommunalités de la vallée de la Seine sur l'aménagement.",
        "Lien au TI Axe Seine non explicite dans la source : placé sur ce TI, sans lien.",
    ),
    DemoCluster(
        "Label Vosges terre textile",
        "Label Vosges terre textile",
        "autre",
        "textile",
        "",
        "Vosges",
        "Vosges",
        "Label privé (vers 2015) qui rend visibles la filière textile vosgienne et ses "
        "savoir-faire.",
    ),
    DemoCluster(
        "GIP Chemparc",
        "GIP Chemparc",
        "groupement",
        "chimie",
        "",
        "TI Lacq-Pau-Tarbes",
        "TI Lacq-Pau-Tarbes",
        "Groupement dont la direction pilote le TI Lacq-Pau-Tarbes (10 EPCI).",
    ),
    DemoCluster(
        "UIMM (dont UIMM 71)",
        "UIMM",
        "autre",
        "métallurgie",
        "",
        "national",
        "TI Lacq-Pau-Tarbes; TI Grand Chalon",
        "Fédération de la métallurgie ; son prêt de main-d'œuvre entre entreprises, né "
        "pendant la crise sanitaire, a été pérennisé.",
    ),
    DemoCluster(
        "France Horlogerie",
        "France Horlogerie",
        "réseau",
        "horlogerie",
        "",
        "national",
        "",
        "Organisation des fabricants de montres, à l'origine d'un projet de montre durable.",
    ),
    DemoCluster(
        "Union de la Bijouterie Horlogerie",
        "Union de la Bijouterie Horlogerie",
        "réseau",
        "bijouterie; horlogerie",
        "",
        "national",
        "",
        "Organisation professionnelle de la bijouterie et de l'horlogerie.",
    ),
    DemoCluster(
        "Grappes d'entreprises horlogères (non nommées)",
        "Grappes d'entreprises horlogères",
        "cluster",
        "horlogerie",
        "",
        "Doubs",
        "",
        "Entreprises horlogères qui mutualisent outils et offres sans fusionner.",
        "Non nommées par la source ; placées sur le Doubs (sites de Besançon et Morteau).",
    ),
    DemoCluster(
        "Espace collaboratif d'innovation (ECI) horloger",
        "Espace collaboratif d'innovation horloger",
        "autre",
        "horlogerie",
        "Besançon|25",
        "",
        "",
        "Projet de lieu commun aux horlogers (prototypage, guichet unique, coworking) prévu à "
        "Besançon et à Morteau.",
        "Deux sites prévus ; placé à Besançon.",
    ),
    DemoCluster(
        "Piicto (Plateforme industrielle et d'innovation Caban-Tonkin)",
        "Piicto",
        "groupement",
        "chimie; énergie",
        "Fos-sur-Mer|13",
        "",
        "TI Aix-Marseille-Provence",
        "Plateforme d'industriels de Caban-Tonkin qui mutualise vapeur, chaleur fatale et "
        "flux de matières.",
    ),
    DemoCluster(
        "Ecopal",
        "Ecopal",
        "réseau",
        "écologie industrielle et territoriale",
        "Dunkerque|59",
        "",
        "Communauté urbaine de Dunkerque",
        "Association d'écologie industrielle qui a cartographié avec l'agence d'urbanisme les "
        "échanges entre industriels.",
    ),
    DemoCluster(
        "Vallée de la batterie (future)",
        "Vallée de la batterie",
        "cluster",
        "batteries",
        "",
        "Hauts-de-France",
        "Hauts-de-France",
        "Futur cluster technologique des batteries, à cheval sur plusieurs TI de la région.",
        "TI non nommés par la source : lié à la région.",
    ),
    DemoCluster(
        "Cluster d'innovation entrepreneuriale du Pays basque (Espagne)",
        "Cluster d'innovation entrepreneuriale du Pays basque",
        "cluster",
        "mécanique; métallurgie",
        "",
        "étranger (Pays basque espagnol)",
        "",
        "Partenaire espagnol de Mecanic Vallée dans un projet européen (2015-2018).",
    ),
    DemoCluster(
        "Eiffo",
        "Eiffo",
        "cluster",
        "industrie; innovation",
        "",
        "étranger (Allemagne, Autriche)",
        "",
        "Cluster industriel partenaire de Mecanic Vallée dans le même projet européen.",
    ),
    DemoCluster(
        "CAAR",
        "CAAR",
        "cluster",
        "automobile",
        "",
        "étranger (Espagne)",
        "",
        "Cluster automobile partenaire de Mecanic Vallée pour des formations en ligne à "
        "l'industrie 4.0.",
    ),
    DemoCluster(
        "C3D",
        "C3D",
        "réseau",
        "développement durable",
        "",
        "national",
        "",
        "Réseau des responsables du développement durable en entreprise.",
    ),
)


@dataclass(frozen=True)
class DemoCollaboration:
    reference: tuple[str, str]  # (``cluster``, ``territory``) in collaborations.csv
    cluster: str  # as a user would write it (names resolved by the importer)
    territoire: str
    description: str
    chiffres_cles: str = ""


DEMO_COLLABORATIONS = (
    DemoCollaboration(
        ("Atlantic Cluster", "TI Rochefort Royan Marennes Oléron"),
        "Atlantic Cluster",
        "TI Rochefort Royan Marennes Oléron",
        "Formations à la décarbonation du transport maritime et à l'éco-conception, recyclage "
        "des composites inscrit au CRTE, appui à l'innovation du TI.",
        "TI labellisé en 2019 ; rencontres depuis 2020 ; pôle régional de formation maritime "
        "visé pour 2028",
    ),
    DemoCollaboration(
        ("Atlantic Cluster", "Région Nouvelle-Aquitaine"),
        "Atlantic Cluster",
        "Région Nouvelle-Aquitaine",
        "Feuille de route Industrie verte ; la Région suit le volet formation.",
    ),
    DemoCollaboration(
        ("Tenerrdis", "TI Saint-Marcellin Vercors Bièvre Isère"),
        "Tenerrdis",
        "TI Saint-Marcellin Vercors Bièvre Isère",
        "Autoconsommation collective : électricité photovoltaïque stockée puis revendue aux "
        "entreprises voisines, après une enquête et une étude d'opportunité.",
        "≈15 entreprises en zones d'activités ; 260 établissements industriels employeurs ; "
        "démarrage en 2023",
    ),
    DemoCollaboration(
        ("Tenerrdis (implication non précisée)", "TI Pays d'Evian Vallée d'Abondance"),
        "Tenerrdis (implication non précisée)",
        "TI Pays d'Evian Vallée d'Abondance",
        "Le projet d'autoconsommation de Bièvre-Isère doit y être reproduit presque à l'identique.",
    ),
    DemoCollaboration(
        ("Axelera", "Métropole de Lyon"),
        "Axelera",
        "Métropole de Lyon",
        "Copilotage d'un projet de décarbonation de la Vallée de la Chimie, lauréat de l'appel "
        "à projets ZIBAC (France 2030).",
    ),
    DemoCollaboration(
        ("ÉcosystèmeD", "Communauté urbaine de Dunkerque"),
        "ÉcosystèmeD",
        "Communauté urbaine de Dunkerque",
        "Animation du projet territorial de décarbonation (hydrogène, captage du carbone, "
        "chaleur fatale).",
    ),
    DemoCollaboration(
        ("Brit'Inov", "TI Lamballe Terre & Mer"),
        "Brit'Inov",
        "TI Baie d'Armor Industrie",
        "Projet de réutilisation des eaux industrielles porté avec le TI, au tiers-lieu Dix7.",
        "≈40 entreprises ; cluster créé en 2008",
    ),
    DemoCollaboration(
        ("Cluster Pays Basque Industrie (PBI)", "TI Pays Basque"),
        "Cluster Pays Basque Industrie",
        "TI Pays Basque",
        "Actions communes sur la décarbonation, l'industrie 4.0 et l'attractivité des métiers.",
        "≈70 membres ; association fondée en juillet 2020",
    ),
    DemoCollaboration(
        ("Mecanic Vallée", "TI Aurillac Figeac Rodez"),
        "Mecanic Vallée",
        "TI Aurillac Figeac Rodez",
        "Premier coordinateur du TI : innovation, compétences et transition des entreprises "
        "mécaniques.",
        "plus de 200 adhérents ; 12 000 salariés",
    ),
    DemoCollaboration(
        ("Mecanic Vallée", "Département du Cantal"),
        "Mecanic Vallée",
        "Département du Cantal",
        "Partenariat avec le Département sur le territoire cantalien du cluster.",
    ),
    DemoCollaboration(
        ("Cluster bois (en création) avec Mecanic Vallée", "TI Aurillac Figeac Rodez"),
        "Cluster bois d'Aurillac Figeac Rodez",
        "TI Aurillac Figeac Rodez",
        "Création d'un cluster de la filière bois financée par le TI après une étude, avec "
        "l'appui de Mecanic Vallée.",
    ),
    DemoCollaboration(
        ("Minalogic", "TI Sud Isère"),
        "Minalogic",
        "TI Sud Isère",
        "Rencontres de l'industrie pour les TPE et PME du territoire, depuis 2021.",
    ),
    DemoCollaboration(
        ("Dieppe Méca Énergies (avec UIMM Rouen-Dieppe)", "TI Dieppe-Côte d'Albâtre"),
        "Dieppe Méca Énergies",
        "TI Dieppe-Côte d'Albâtre",
        "École de production de Dieppe : expertise technique et réseau d'entreprises du "
        "cluster, formation et gouvernance portées par l'UIMM.",
        "ouverture prévue en septembre 2026",
    ),
    DemoCollaboration(
        ("Mecanic Vallée", "TI Aurillac-Figeac-Rodez"),
        "Mecanic Vallée",
        "TI Aurillac-Figeac-Rodez",
        "Gouvernance du TI : le cluster a coordonné le territoire à ses débuts.",
    ),
    DemoCollaboration(
        ("Nuclear Valley", "Grand Chalon (CA du Grand Chalon)"),
        "Nuclear Valley",
        "TI Grand Chalon",
        "Projets de R&D ouverts à d'autres filières et réseau de fournisseurs locaux.",
        "80 % des projets R&D multi-filières ; 540 fournisseurs locaux dont 210 au Grand Chalon",
    ),
    DemoCollaboration(
        ("NextMove (avec PFA, Renault, UVSQ, académies)", "Région Île-de-France"),
        "NextMove",
        "Région Île-de-France",
        "Campus de l'industrie circulaire de la mobilité : recyclage des batteries et fin de "
        "vie des véhicules.",
    ),
    DemoCollaboration(
        ("Réseau Marne Industrie", "Marne"),
        "Réseau Marne Industrie",
        "Département de la Marne",
        "Journées d'échanges de pratiques chez un industriel hôte, animées par l'agence de "
        "développement du département.",
        "110 adhérents ; créé en 2021 ; 3 à 4 journées par an",
    ),
    DemoCollaboration(
        ("Club interentreprises du littoral", "Territoire de Dieppe"),
        "Club interentreprises du littoral",
        DIEPPE_TI,
        "Rencontres régulières de chefs d'entreprise pour se connaître et travailler ensemble.",
        "≈10 rencontres par an ; trois zones d'activités",
    ),
    DemoCollaboration(
        ("GIP Chemparc", "TI Lacq-Pau-Tarbes"),
        "GIP Chemparc",
        "TI Lacq-Pau-Tarbes",
        "Pilotage du TI par la direction du groupement, avec comités de suivi, technique et local.",
        "10 EPCI",
    ),
    DemoCollaboration(
        ("UIMM", "TI Lacq-Pau-Tarbes"),
        "UIMM",
        "TI Lacq-Pau-Tarbes",
        "Prêt de main-d'œuvre entre entreprises, né pendant la crise sanitaire et pérennisé.",
    ),
    DemoCollaboration(
        ("Piicto", "TI Marseille-Fos"),
        "Piicto",
        "TI Aix-Marseille-Provence",
        "Réseau de vapeur, valorisation de la chaleur fatale et économie circulaire entre "
        "industriels de la zone portuaire.",
    ),
    DemoCollaboration(
        ("Ecopal (avec l'AGUR)", "Dunkerque"),
        "Ecopal",
        "Communauté urbaine de Dunkerque",
        "Schéma des symbioses industrielles établi avec l'agence d'urbanisme : qui échange "
        "quels flux avec qui.",
    ),
    DemoCollaboration(
        ("Vallée de la batterie (future)", "Plusieurs TI des Hauts-de-France"),
        "Vallée de la batterie",
        "Hauts-de-France",
        "Futur cluster technologique des batteries sur plusieurs TI de la région.",
    ),
    DemoCollaboration(
        ("Grappes horlogères / France Horlogerie", "Besançon et Morteau"),
        "Grappes d'entreprises horlogères",
        "Besançon (25)",
        "Espace collaboratif d'innovation horloger prévu sur deux sites, Besançon et Morteau.",
    ),
    DemoCollaboration(
        ("Label Vosges terre textile", "Vosges"),
        "Label Vosges terre textile",
        "Vosges",
        "Visibilité et attractivité de la filière textile du département.",
    ),
    DemoCollaboration(
        ("Mecanic Vallée", "Coopérations inter-clusters européennes"),
        "Mecanic Vallée",
        "étranger (Pays basque espagnol, Allemagne, Autriche, Espagne)",
        "Projets européens avec des clusters étrangers : compétences et formations en ligne à "
        "l'industrie 4.0.",
        "projet 2015-2018",
    ),
    DemoCollaboration(
        ("Clusters 47 (≈10 clusters labellisés)", "Département de Lot-et-Garonne"),
        "Clusters 47",
        "Département de Lot-et-Garonne",
        "Label départemental qui finance trois ans de fonctionnement et d'actions des clusters.",
        "appel à projets de 2011 ; ≈10 clusters fin 2014",
    ),
    DemoCollaboration(
        ("Groupements industriels de la CCI", "Lot-et-Garonne"),
        "CCI de Lot-et-Garonne",
        "Lot-et-Garonne",
        "Groupements industriels créés et animés par la CCI, avec le Département.",
    ),
    DemoCollaboration(
        ("Interclustering 47 (clusters, groupements, clubs)", "Lot-et-Garonne"),
        "France Clusters",
        "Lot-et-Garonne",
        "Démarche d'interclustering entre clusters, groupements et clubs du département, "
        "lancée avec le réseau national.",
    ),
    DemoCollaboration(
        ("Cluster Fruits et Légumes / Nutrition Santé", "Lot-et-Garonne"),
        "Cluster Fruits et Légumes / Nutrition Santé",
        "Lot-et-Garonne",
        "Grappe d'entreprises née du Groupe Innovation de la CCI, labellisée par la DATAR.",
        "label DATAR de 2010",
    ),
    DemoCollaboration(
        ("EuroSIMA Cluster et 7 clusters sud-aquitains", "Pays Basque et Sud des Landes"),
        "EuroSIMA Cluster",
        "Pyrénées-Atlantiques",
        "Plan de formation commun à plusieurs clusters sud-aquitains, avec l'État, la Région et "
        "le Département.",
        "12 modules de formation ; ≈650 salariés formés en 2013",
    ),
)
