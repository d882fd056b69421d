"""Write the bad-input corpus: each file with what the importer must do of it.

Run ``python tests/data/corpus/build.py`` to regenerate the files (they are
committed; the XLSX ones need openpyxl). Every expectation below is written by
hand from the file's content: rows kept, rows rejected, and phrases the report
must contain (French, naming line and column where it applies).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
H = "id_laureat;beneficiaire;code_commune;programme;montant_aide"
CASES: dict[str, dict] = {}


def case(name, kind, content, kept, rejected, says=(), refused=False):
    CASES[name] = {
        "kind": kind,
        "kept": kept,
        "rejected": rejected,
        "says": list(says),
        "refused": refused,
        "content": content,
    }


def lines(*rows: str, end: str = "\n") -> str:
    return end.join(rows) + end


# --- encodings -----------------------------------------------------------------------
case(
    "enc_utf8_bom.csv",
    "laureats",
    b"\xef\xbb\xbf"
    + lines(
        H,
        "L1;Forges de Franche-Comté;39300;Relance;1000",
        "L2;Scierie Jurassienne;39198;Relance;2000",
    ).encode(),
    2,
    0,
    ["UTF-8 (avec BOM)"],
)
case(
    "enc_windows1252.csv",
    "laureats",
    lines(
        H, "L1;Fromagerie de l'Étoile;39300;Relance;1000", "L2;Bœuf & Cie;39198;Relance;2000"
    ).encode("cp1252"),
    2,
    0,
    ["Windows-1252"],
)
case(
    "enc_latin9.csv",
    "laureats",
    lines(
        H, "L1;Sœurs Métallurgie;39300;Relance;1000", "L2;Œuvres Textiles;39198;Relance;2000"
    ).encode("iso-8859-15"),
    2,
    0,
    ["ISO-8859-15", "« € », « œ »"],
)
case(
    "enc_mixte.csv",
    "laureats",
    lines(H, "L1;Décolletage Arve;39300;Relance;1000").encode("utf-8")
    + lines("L2;Fonderie Générale;39198;Relance;2000").encode("cp1252")
    + lines("L3;Tôlerie Comtoise;39300;Relance;500").encode("utf-8"),
    3,
    0,
    ["encodage mixte : 1 ligne(s) en Windows-1252 (3)"],
)
case(
    "enc_utf16.csv",
    "laureats",
    lines(H, "L1;Lunetterie Morez;39300;Relance;1000").encode("utf-16"),
    1,
    0,
    ["UTF-16"],
)

# --- separators ----------------------------------------------------------------------
case(
    "sep_virgule.csv",
    "laureats",
    lines(
        H.replace(";", ","), "L1,Alpha,39300,Relance,1000", "L2,Beta,39198,Relance,2000"
    ).encode(),
    2,
    0,
    ["séparateur « , »"],
)
case(
    "sep_tabulation.tsv",
    "laureats",
    lines(H.replace(";", "\t"), "L1\tAlpha\t39300\tRelance\t1000").encode(),
    1,
    0,
    ["tabulation"],
)
case(
    "sep_barre.csv",
    "laureats",
    lines(H.replace(";", "|"), "L1|Alpha|39300|Relance|1000", "L2|Beta|39198|Relance|5").encode(),
    2,
    0,
    ["« | »"],
)
case(
    "sep_decimales_francaises.csv",
    "laureats",
    lines(
        H,
        "L1;Alpha;39300;Relance;1 234,50",
        "L2;Beta;39198;Relance;1.234.567,89",
        "L3;Gamma;39198;Relance;2\u202f000",
    ).encode(),
    3,
    0,
)
case(
    "sep_virgule_non_protegee.csv",
    "laureats",
    lines(
        H.replace(";", ","),
        "L1,Alpha,39300,Relance,1000",
        "L2,Dupont, Fils et Cie,39198,Relance,2000",
    ).encode(),
    1,
    1,
    ["ligne 3", "plus de valeurs que de colonnes d'en-tête"],
)
case(
    "lignes_finales_crlf.csv",
    "laureats",
    lines(H, "L1;Alpha;39300;Relance;1000", "L2;Beta;39198;Relance;2000", end="\r\n").encode(),
    2,
    0,
)

# --- headers -------------------------------------------------------------------------
case(
    "entete_titre_au_dessus.csv",
    "laureats",
    lines("Export du 24/09/2021;;;;", ";;;;", H, "L1;Alpha;39300;Relance;1000").encode(),
    1,
    0,
)
case(
    "entete_alias.csv",
    "laureats",
    lines(
        "Numéro de dossier;Entreprise;Code INSEE;Dispositif;Montant de l'aide (€)",
        "L1;Alpha;39300;Relance;1000",
    ).encode(),
    1,
    0,
    ["id_laureat ← « Numéro de dossier »"],
)
case(
    "entete_colonne_absente.csv",
    "laureats",
    lines("id_laureat;beneficiaire;code_commune;montant_aide", "L1;Alpha;39300;1000").encode(),
    0,
    1,
    ["FICHIER REFUSÉ", "colonne obligatoire absente : programme"],
    refused=True,
)
case(
    "entete_sans_montant.csv",
    "laureats",
    lines("id_laureat;beneficiaire;code_commune;programme", "L1;Alpha;39300;Relance").encode(),
    0,
    1,
    ["colonne obligatoire absente : montant_aide"],
    refused=True,
)
case(
    "entete_colonne_double.csv",
    "laureats",
    lines(H + ";Montant", "L1;Alpha;39300;Relance;1000;9999").encode(),
    1,
    0,
    ["colonne « Montant » ignorée : montant_aide est déjà lu"],
)
case("entete_seule.csv", "laureats", lines(H).encode(), 0, 0)
case("fichier_vide.csv", "laureats", b"", 0, 0, ["fichier vide"], refused=True)
case(
    "colonnes_inconnues.csv",
    "laureats",
    lines(H + ";Commentaire interne", "L1;Alpha;39300;Relance;1000;à revoir").encode(),
    1,
    0,
    ["colonnes non reconnues, ignorées : « Commentaire interne »"],
)

# --- commune codes and places --------------------------------------------------------
case(
    "codes_inconnus.csv",
    "laureats",
    lines(H, "L1;Alpha;39300;Relance;1000", "L2;Beta;99999;Relance;2000").encode(),
    1,
    1,
    ["ligne 3, colonne « code_commune » : code INSEE inconnu : 99999"],
)
case(
    "codes_arrondissements.csv",
    "laureats",
    lines(
        H,
        "L1;Atelier Paris 8e;75108;Relance;1000",
        "L2;Soierie Lyon 3e;69383;Relance;1000",
        "L3;Chantier Marseille 1er;13201;Relance;1000",
    ).encode(),
    3,
    0,
    [
        "arrondissement municipal 75108 rattaché à sa commune : Paris (75056)",
        "Lyon (69123)",
        "Marseille (13055)",
    ],
)
case(
    "codes_collectivites_outre_mer.csv",
    "laureats",
    lines(
        H,
        "L1;Pêcherie;97502;Relance;1000",
        "L2;Marina;97701;Relance;1000",
        "L3;Perles;98735;Relance;1000",
        "L4;Rhum;97209;Relance;1000",
    ).encode(),
    1,
    3,
    [
        "collectivité d'outre-mer hors du référentiel géographique (Saint-Pierre-et-Miquelon)",
        "(Polynésie française)",
    ],
)
case(
    "codes_zero_perdu.csv",
    "laureats",
    lines(H, "L1;Bresse Bois;1053;Relance;1000").encode(),
    1,
    0,
    ['code complété : "1053" lu comme 01053'],
)
case(
    "codes_invalides.csv",
    "laureats",
    lines(
        H, "L1;Alpha;ABCDE;Relance;1000", "L2;Beta;123;Relance;1000", "L3;Gamma;39300;Relance;1000"
    ).encode(),
    1,
    2,
    ['code INSEE invalide : "ABCDE"'],
)
case(
    "codes_corse.csv", "laureats", lines(H, "L1;Chantier Ajaccio;2A004;Relance;1000").encode(), 1, 0
)
case(
    "coordonnees_hors_france.csv",
    "laureats",
    lines(
        "id_laureat;beneficiaire;longitude;latitude;programme;montant_aide",
        "L1;Alpha;5.55;46.67;Relance;1000",
        "L2;Beta;-30.0;45.0;Relance;1000",
        "L3;Gamma;46.67;5.55;Relance;1000",
        "L4;Delta;200;10;Relance;1000",
    ).encode(),
    1,
    3,
    ["coordonnées hors de France", "(longitude et latitude inversées ?)", "coordonnées invalides"],
)
case(
    "localisation_absente.csv",
    "laureats",
    lines(H, "L1;Alpha;;Relance;1000").encode(),
    0,
    1,
    ["localisation manquante"],
)

# --- amounts -------------------------------------------------------------------------
case(
    "montants_negatifs.csv",
    "laureats",
    lines(H, "L1;Alpha;39300;Relance;-500", "L2;Beta;39300;Relance;500").encode(),
    1,
    1,
    ["montant négatif : -500"],
)
case(
    "montants_texte.csv",
    "laureats",
    lines(H, "L1;Alpha;39300;Relance;beaucoup", "L2;Beta;39300;Relance;500").encode(),
    1,
    1,
    ['valeur non numérique : "beaucoup"'],
)
case(
    "montants_avec_unite.csv",
    "laureats",
    lines(H, "L1;Alpha;39300;Relance;12,5 M€", "L2;Beta;39300;Relance;300 k€").encode(),
    0,
    2,
    ["unité non prise en charge"],
)
case(
    "montants_symbole_euro.csv",
    "laureats",
    lines(
        H,
        "L1;Alpha;39300;Relance;€ 1000",
        "L2;Beta;39300;Relance;1000 €",
        "L3;Gamma;39300;Relance;1 000 EUR",
    ).encode(),
    3,
    0,
)
case(
    "montants_entete_millions.csv",
    "laureats",
    lines(
        "id_laureat;beneficiaire;code_commune;programme;Aide (M€)", "L1;Alpha;39300;Relance;1,5"
    ).encode(),
    1,
    0,
    ["valeurs multipliées par 1\u202f000\u202f000"],
)
case(
    "montants_vides.csv",
    "laureats",
    lines(H, "L1;Alpha;39300;Relance;", "L2;Beta;39300;Relance;10").encode(),
    2,
    0,
)
case(
    "emplois_decimaux.csv",
    "laureats",
    lines(
        H + ";emplois_prevus", "L1;Alpha;39300;Relance;100;2,5", "L2;Beta;39300;Relance;1;3"
    ).encode(),
    1,
    1,
    ["nombre entier attendu"],
)

case(
    "montants_hors_limites.csv",
    "laureats",
    lines(
        H,
        "L1;Alpha;39300;Relance;1e309",
        "L2;Beta;39300;Relance;inf",
        "L3;Gamma;39300;Relance;NaN",
        "L4;Delta;39300;Relance;12",
    ).encode(),
    1,
    3,
    ['nombre hors limites : "1e309"', 'valeur non numérique : "inf"'],
)
case(
    "cellule_nul_et_emoji.csv",
    "laureats",
    lines(H, "L1;Us\x00ine 🏭;39300;Relance;1", 'L2;"guillemet ouvert;39300;Relance;1').encode(),
    1,
    1,
)
case(
    "fichier_binaire.csv",
    "laureats",
    bytes(range(256)) * 20,
    0,
    0,
    ["FICHIER REFUSÉ : fichier binaire"],
    refused=True,
)

# --- dates ---------------------------------------------------------------------------
case(
    "dates_formats.csv",
    "laureats",
    lines(
        H + ";date_decision",
        "L1;Alpha;39300;Relance;1;24/09/2021",
        "L2;Beta;39300;Relance;1;2021-09-24",
        "L3;Gamma;39300;Relance;1;24.09.2021",
        "L4;Delta;39300;Relance;1;44463",
    ).encode(),
    4,
    0,
)
case(
    "dates_invalides.csv",
    "laureats",
    lines(
        H + ";date_decision",
        "L1;Alpha;39300;Relance;1;31/02/2021",
        "L2;Beta;39300;Relance;1;demain",
        "L3;Gamma;39300;Relance;1;01/03/2021",
    ).encode(),
    3,
    0,
    ['ligne 2, colonne « date_decision » : date non reconnue : "31/02/2021"', "(valeur ignorée)"],
)

# --- duplicates, HTML, formulas, long texts, control characters ----------------------
case(
    "doublons_identifiant.csv",
    "laureats",
    lines(H, "L1;Alpha;39300;Relance;1000", "L1;Alpha bis;39300;Relance;1000").encode(),
    1,
    1,
    ["identifiant en double (déjà vu ligne 2)"],
)
case(
    "html_dans_les_noms.csv",
    "laureats",
    lines(
        H,
        "L1;<script>alert(1)</script>Forges SAS;39300;Relance;1000",
        'L2;<img src=x onerror="alert(2)">;39300;<b>Relance</b>;1000',
    ).encode(),
    2,
    0,
    ["balises HTML dans le texte : conservé tel quel"],
)
case(
    "formules_injection.csv",
    "laureats",
    lines(
        H,
        'L1;=HYPERLINK("http://x","clic");39300;Relance;1000',
        "L2;+33 Industrie;39300;@SUM(A1);1000",
    ).encode(),
    2,
    0,
)
case(
    "textes_longs.csv",
    "laureats",
    lines(
        H + ";description",
        "L1;" + "A" * 100_000 + ";39300;Relance;1000;" + "d" * 30_000,
        "L2;Court;39300;" + "P" * 5000 + ";1000;ok",
    ).encode(),
    2,
    0,
    [
        "texte de 100\u202f000 caractères : conservé entier dans les exports, "
        "raccourci à 2\u202f000 à l'écran",
        "texte de 30\u202f000 caractères",
        "raccourci à 20\u202f000",
    ],
)
case(
    "caracteres_de_controle.csv",
    "laureats",
    lines(H, "L1;Alp\x00ha\x07;39300;Relance;1000").encode(),
    1,
    0,
)

# --- TI lists ------------------------------------------------------------------------
T = "insee_com;lib_com;id_ti;lib_ti"
case(
    "ti_codes_a_verifier.csv",
    "territoires_industrie",
    lines(
        T,
        "39300;Lons-le-Saunier;ti-1;Jura Sud",
        "75101;Paris 1er;ti-2;Paris",
        "98735;Papeete;ti-3;Polynésie",
        "99999;Nulle part;ti-1;Jura Sud",
    ).encode(),
    2,
    2,
    [
        "rattaché à sa commune : Paris (75056)",
        "collectivité d'outre-mer",
        "code INSEE inconnu : 99999",
    ],
)
case(
    "ti_commune_en_double.csv",
    "territoires_industrie",
    lines(
        T, "39300;Lons;ti-1;Jura Sud", "39300;Lons;ti-1;Jura Sud", "39300;Lons;ti-2;Bresse"
    ).encode(),
    2,
    1,
    [
        "commune en double dans ce territoire (déjà vue ligne 2)",
        "commune présente dans plusieurs Territoires d'industrie",
    ],
)
case(
    "ti_colonne_absente.csv",
    "territoires_industrie",
    lines("insee_com;id_ti", "39300;ti-1").encode(),
    0,
    1,
    ["colonne obligatoire absente : lib_ti"],
    refused=True,
)

# --- clusters ------------------------------------------------------------------------
case(
    "clusters_sans_identifiant.csv",
    "clusters",
    lines(
        "nom;type;code_commune",
        "Mont-Blanc Industries;cluster;74256",
        "Plastipolis;pôle de compétitivité;01283",
        ";cluster;39300",
    ).encode(),
    2,
    1,
    [
        "identifiant absent : cl-",
        "attribué d'après le nom et la localisation",
        "valeur obligatoire manquante",
    ],
)
case(
    "clusters_type_inconnu.csv",
    "clusters",
    lines("id_cluster;nom;type;code_commune", "c1;Vallée de l'Arve;consortium;74256").encode(),
    1,
    0,
    ['valeur non reconnue : "consortium"'],
)
case(
    "clusters_noms_de_territoires.csv",
    "clusters",
    lines(
        "id_cluster;nom;type;code_commune;territoires_lies",
        "n1;Vallée de l'Arve;cluster;74256;TI Vallee de l'Arve",
        "n2;Cluster de Dieppe;cluster;76217;Dieppe | Saint-Denis",
        "n3;Cluster du Jura;réseau;39300;Haut Jura | Jurassie",
        "n4;Réseau national;réseau;75056;national",
        "n5;Cluster <b>HTML</b>;club;01283;<script>alert(1)</script>",
    ).encode("cp1252"),
    5,
    0,
    [
        "territoire ambigu « Saint-Denis » : ",
        "territoire inconnu « Jurassie »",
        "territoire inconnu « <script>alert(1)</script> »",
    ],
)
case(
    "collaborations_cluster_inconnu.csv",
    "collaborations",
    lines(
        "cluster;territoire;description",
        "Mecanic Vallée;TI Aurillac Figeac Rodez;Gouvernance du TI",
        "Cluster qui n'existe pas;Lot-et-Garonne;Texte",
        ";Lot-et-Garonne;Sans cluster",
    ).encode(),
    2,
    1,
    [
        "cluster inconnu « Cluster qui n'existe pas »",
        "valeur obligatoire manquante",
    ],
)

# --- indicators ----------------------------------------------------------------------
case(
    "indicateurs_sans_valeur.csv",
    "indicateurs",
    lines("code_territoire;niveau;indicateur;unite", "39300;commune;population;hab").encode(),
    0,
    1,
    ["colonne obligatoire absente : valeur"],
    refused=True,
)
case(
    "indicateurs_large_cellule_invalide.csv",
    "indicateurs",
    lines(
        "code_commune,annee,effectif_salarie_prive,effectif_salarie_industrie",
        "39300,2025,4200,900",
        "39198,2025,n/d,400",
        "39198,2025,10,10",
    ).encode(),
    2,
    1,
    [
        "valeur écartée",
        "(les autres valeurs de la ligne sont conservées)",
        "commune en double pour cette année (déjà vue ligne 3)",
    ],
)
case(
    "indicateurs_niveau_inconnu.csv",
    "indicateurs",
    lines(
        "code_territoire;niveau;indicateur;valeur",
        "39300;commune;population;17000",
        "39;canton;population;5",
    ).encode(),
    1,
    1,
)


def write_xlsx_cases() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id_laureat", "beneficiaire", "code_commune", "programme", "montant_aide"])
    sheet.append(["X1", "Alpha", "39300", "Relance", 1000])
    sheet.append(["X2", "Beta", "39198", "Relance", "=E2*2"])
    workbook.save(HERE / "xlsx_formule_sans_valeur.xlsx")
    CASES["xlsx_formule_sans_valeur.xlsx"] = {
        "kind": "laureats",
        "kept": 1,
        "rejected": 1,
        "refused": False,
        "says": ["formule sans valeur calculée (E3)", 'formule sans valeur calculée : "=E2*2"'],
    }

    workbook = Workbook()
    notes = workbook.active
    notes.title = "Notes"
    notes.append(["Liste transmise par la région"])
    data = workbook.create_sheet("Lauréats")
    data.append(
        ["id_laureat", "beneficiaire", "code_commune", "programme", "montant_aide", "date_decision"]
    )
    import datetime as dt

    data.append(["X1", "Alpha", 39300, "Relance", 1000.0, dt.datetime(2021, 9, 24)])
    data.append(["X2", "Beta", 1053, "Relance", 2000, dt.date(2022, 1, 5)])
    workbook.save(HERE / "xlsx_deux_feuilles.xlsx")
    CASES["xlsx_deux_feuilles.xlsx"] = {
        "kind": "laureats",
        "kept": 2,
        "rejected": 0,
        "refused": False,
        "says": ["feuille « Lauréats »", 'code complété : "1053"'],
    }

    (HERE / "xlsx_csv_renomme.xlsx").write_bytes(lines(H, "L1;Alpha;39300;Relance;1").encode())
    CASES["xlsx_csv_renomme.xlsx"] = {
        "kind": "laureats",
        "kept": 0,
        "rejected": 0,
        "refused": True,
        "says": ["c'est sans doute un CSV renommé en .xlsx"],
    }
    with zipfile.ZipFile(HERE / "xlsx_endommage.xlsx", "w") as archive:
        archive.writestr("bonjour.txt", "pas un classeur")
    CASES["xlsx_endommage.xlsx"] = {
        "kind": "laureats",
        "kept": 0,
        "rejected": 0,
        "refused": True,
        "says": ["le classeur est endommagé ou n'est pas au format .xlsx"],
    }
    (HERE / "ancien_format.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    CASES["ancien_format.xls"] = {
        "kind": "laureats",
        "kept": 0,
        "rejected": 0,
        "refused": True,
        "says": ["format .xls non pris en charge"],
    }


def main() -> None:
    for name, spec in CASES.items():
        (HERE / name).write_bytes(spec.pop("content"))
    write_xlsx_cases()
    expected = dict(sorted(CASES.items()))
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(expected)} fichiers écrits dans {HERE}")


if __name__ == "__main__":
    main()
