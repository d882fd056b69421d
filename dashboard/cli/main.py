"""Command line: check data files, publish them, manage versions and accounts.

    python -m dashboard import KIND FILE    report of one file (KIND: laureats,
                                            territoires_industrie, clusters, indicateurs)
    python -m dashboard check DIR           report of every file of a data folder
    python -m dashboard publish KIND FILE --user NAME
                                            same report, then the file becomes a new version
    python -m dashboard versions            one line per version, newest first
    python -m dashboard migrate             bring the database's schema to the newest revision
    python -m dashboard rollback N --user NAME
    python -m dashboard users add NAME --role editeur [--regions 27,44]
    python -m dashboard users list | users remove NAME | users unlock NAME

The database is the app's (``TI_DATABASE_URL``, SQLite file by default). The
password of ``users add`` comes from ``TI_PASSWORD`` or is asked on the terminal.

Exit status: 0 when a report was produced, even with rejected rows (the
report is the point) or when the action was done; 2 when the input is unusable
(missing file or folder, unknown kind, file refused as a whole) or when nothing
was published, rolled back or changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.data.ingest.scope import DEFAULT_MODE, MODES
from dashboard.data.schemas import KINDS

EXIT_OK = 0
EXIT_UNUSABLE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Contrôle des fichiers de données du tableau de bord Territoires d'industrie.",
    )
    parser.add_argument(
        "--sans-geographie",
        action="store_true",
        help="ne pas charger le référentiel géographique (codes INSEE et coordonnées non vérifiés)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("import", help="rapport de chargement d'un fichier")
    one.add_argument("kind", metavar="TYPE", help=f"type de données : {', '.join(KINDS)}")
    one.add_argument("file", metavar="FICHIER", type=Path)
    folder = commands.add_parser("check", help="rapport de chargement d'un dossier de données")
    folder.add_argument("folder", metavar="DOSSIER", type=Path)
    publish = commands.add_parser("publish", help="publier un fichier comme nouvelle version")
    publish.add_argument("kind", metavar="TYPE", help=f"type de données : {', '.join(KINDS)}")
    publish.add_argument("file", metavar="FICHIER", type=Path)
    publish.add_argument("--user", required=True, metavar="NOM", help="compte éditeur")
    publish.add_argument(
        "--mode",
        choices=MODES,
        default=DEFAULT_MODE,
        help="ajouter (ajout ou mise à jour, par défaut), retirer (identifiants) ou remplacer",
    )
    publish.add_argument(
        "--date-donnees",
        metavar="JJ/MM/AAAA",
        dest="data_date",
        help="date d'arrêt des données (par défaut : la date de décision la plus récente)",
    )
    publish.add_argument(
        "--confirmer-retraits",
        type=int,
        metavar="N",
        dest="confirmed_removals",
        help="nombre de lignes retirées, à confirmer quand la publication en retire",
    )
    commands.add_parser("versions", help="liste des versions des données")
    commands.add_parser("migrate", help="mettre le schéma de la base à jour (migrations)")
    rollback = commands.add_parser("rollback", help="revenir aux données d'une version")
    rollback.add_argument("number", metavar="N", type=int)
    rollback.add_argument("--user", required=True, metavar="NOM", help="compte administrateur")
    users = commands.add_parser("users", help="comptes").add_subparsers(
        dest="users_command", required=True
    )
    add = users.add_parser("add", help="créer un compte")
    add.add_argument("name", metavar="NOM")
    add.add_argument("--role", required=True, help="lecteur, editeur ou administrateur")
    add.add_argument("--regions", default="", help="codes de région de l'éditeur, ex. 27,44")
    users.add_parser("list", help="lister les comptes")
    unlock = users.add_parser("unlock", help="oublier les échecs de connexion d'un compte")
    unlock.add_argument("name", metavar="NOM")
    remove = users.add_parser("remove", help="supprimer un compte")
    remove.add_argument("name", metavar="NOM")
    return parser


def _geography(skip: bool):
    """The reference geography, or None (with a note) when skipped or unavailable."""
    if skip:
        return None
    try:
        from dashboard.territory.geography import Geography

        return Geography.load()
    except Exception as error:  # the report stays useful without geographic checks
        print(
            f"Attention : référentiel géographique indisponible ({type(error).__name__} : {error})",
            file=sys.stderr,
        )
        return None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in ("publish", "versions", "rollback", "users", "migrate"):
        from dashboard.cli.admin import run

        return run(args)
    from dashboard.data.ingest import load_file, load_folder
    from dashboard.data.ingest.load import unknown_kind_message

    if args.command == "import":
        if args.kind not in KINDS:
            print(f"Erreur : {unknown_kind_message(args.kind)}", file=sys.stderr)
            return EXIT_UNUSABLE
        if not args.file.is_file():
            print(f"Erreur : fichier introuvable : {args.file}", file=sys.stderr)
            return EXIT_UNUSABLE
        geography = _geography(args.sans_geographie)
        result = load_file(args.kind, args.file, geography)
        if geography is not None:
            from dashboard.data.ingest.links import link_with_folder
            from dashboard.settings import Settings

            link_with_folder(result, geography, Settings.from_env().data_dir)
        print(result.report.to_text())
        return EXIT_OK if result.ok else EXIT_UNUSABLE
    if not args.folder.is_dir():
        print(f"Erreur : dossier introuvable : {args.folder}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(load_folder(args.folder, _geography(args.sans_geographie)).to_text())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
