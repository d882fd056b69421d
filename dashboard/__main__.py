"""Command line: check data files before handing them to the dashboard.

    python -m dashboard import KIND FILE    report of one file (KIND: laureats,
                                            territoires_industrie, clusters, indicateurs)
    python -m dashboard check DIR           report of every file of a data folder

Exit status: 0 when a report was produced, even with rejected rows (the
report is the point); 2 when the input is unusable (missing file or folder,
unknown kind, file refused as a whole).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.schemas import KINDS

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
    return parser


def _geography(skip: bool):
    """The reference geography, or None (with a note) when skipped or unavailable."""
    if skip:
        return None
    try:
        from dashboard.territory import Geography

        return Geography.load()
    except Exception as error:  # the report stays useful without geographic checks
        print(
            f"Attention : référentiel géographique indisponible ({type(error).__name__} : {error})",
            file=sys.stderr,
        )
        return None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from dashboard.ingest import load_file, load_folder
    from dashboard.ingest.load import unknown_kind_message

    if args.command == "import":
        if args.kind not in KINDS:
            print(f"Erreur : {unknown_kind_message(args.kind)}", file=sys.stderr)
            return EXIT_UNUSABLE
        if not args.file.is_file():
            print(f"Erreur : fichier introuvable : {args.file}", file=sys.stderr)
            return EXIT_UNUSABLE
        result = load_file(args.kind, args.file, _geography(args.sans_geographie))
        print(result.report.to_text())
        return EXIT_OK if result.ok else EXIT_UNUSABLE
    if not args.folder.is_dir():
        print(f"Erreur : dossier introuvable : {args.folder}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(load_folder(args.folder, _geography(args.sans_geographie)).to_text())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
