"""``python -m geodata build [--force]``: build the reference geography once."""

from __future__ import annotations

import argparse

from geodata import paths
from geodata.build import build

LEVEL_NAMES = {"epci": "EPCI", "departements": "départements", "regions": "régions"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata")
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="construit la géographie de référence")
    build_cmd.add_argument("--force", action="store_true", help="reconstruit même si présente")
    args = parser.parse_args(argv)
    if args.command == "build":
        already = paths.is_built() and not args.force
        if not already:
            print("Construction de la géographie de référence (une fois) :", flush=True)
        report = build(force=args.force, say=lambda line: print(line, flush=True))
        seconds = str(report.seconds).replace(".", ",")
        state = "déjà construite" if already else f"construite en {seconds} s"
        counts = ", ".join(
            f"{count:,} {LEVEL_NAMES.get(name, name)}".replace(",", "\u202f")
            for name, count in report.counts.items()
        )
        print(f"Géographie de référence {state} dans {paths.build_dir()} ({counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
