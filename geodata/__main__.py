"""``python -m geodata build [--force]``: build the reference geography once."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from geodata import paths
from geodata.build import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geodata")
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="construit la géographie de référence")
    build_cmd.add_argument("--force", action="store_true", help="reconstruit même si présente")
    args = parser.parse_args(argv)
    if args.command == "build":
        already = paths.is_built() and not args.force
        report = build(force=args.force)
        state = "déjà construite" if already else "construite"
        print(f"Géographie de référence {state} dans {paths.build_dir()}")
        print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
