"""The ``ecoplan`` command: plan a zone, write a template, import and export zones."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ecoplan.cli_parser import TranslatedParser
from ecoplan.cli_paths import check_new_file, check_output_folder, zone_file
from ecoplan.console import configure_logging
from ecoplan.errors import EcoplanError, describe_warnings
from ecoplan.exchange.cli import add_parser as add_exchange_parser
from ecoplan.i18n import LOCALES, _, get_locale, set_locale
from ecoplan.model.zone import Zone


def main(argv: list[str] | None = None) -> int:
    """Run the ``ecoplan`` command and return its exit status."""
    set_locale(_requested_locale(sys.argv[1:] if argv is None else argv))
    parser = _parser()
    args = parser.parse_args(argv)
    set_locale(args.lang)
    configure_logging(args.verbose)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except EcoplanError as error:
        print(str(error), file=sys.stderr)
        return 1
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            _("Cannot read or write {path}: {reason}").format(path=error.filename, reason=reason),
            file=sys.stderr,
        )
        return 1


def _requested_locale(argv: list[str]) -> str | None:
    """Return the value of ``--lang`` before parsing, so the help text is in that language.

    A value that is no supported locale is left for the parser to reject in the language of
    the environment.
    """
    for position, argument in enumerate(argv):
        value = None
        if argument.startswith("--lang="):
            value = argument.removeprefix("--lang=")
        elif argument == "--lang" and position + 1 < len(argv):
            value = argv[position + 1]
        if value in LOCALES:
            return value
    return None


def _common_options() -> argparse.ArgumentParser:
    """Return the options every command also takes after its name (``plan --lang zh_CN``)."""
    common = TranslatedParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        default=argparse.SUPPRESS,
        help=_("language of messages (default: from LANG)"),
    )
    common.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("log progress details"),
    )
    return common


def _subparser_class(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    """Return a parser class whose instances include the common options."""

    class CommandParser(TranslatedParser):
        def __init__(self, **kwargs: object) -> None:
            kwargs.setdefault("parents", [common])
            super().__init__(**kwargs)

    return CommandParser


def _parser() -> argparse.ArgumentParser:
    parser = TranslatedParser(
        prog="ecoplan",
        description=_("Circular-economy planning for industrial zones and eco-industrial parks."),
    )
    parser.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        default=None,
        help=_("language of messages (default: from LANG)"),
    )
    parser.add_argument("--verbose", "-v", action="store_true", help=_("log progress details"))
    common = _common_options()
    commands = parser.add_subparsers(title=_("commands"), parser_class=_subparser_class(common))

    plan = commands.add_parser("plan", help=_("write the plan report of a zone"))
    plan.add_argument(
        "zone",
        nargs="?",
        default=None,
        help=_(
            "workbook (.xlsx), CSV folder, JSON file, store:ZONE_ID or an example name; "
            "default: the embedded example zone"
        ),
    )
    plan.add_argument(
        "--out",
        default="out",
        help=_("folder for the report and results (default: %(default)s)"),
    )
    plan.add_argument(
        "--db",
        default=None,
        help=_("database URL for store:ZONE_ID (default: the local SQLite)"),
    )
    plan.set_defaults(handler=_plan)

    template = commands.add_parser("template", help=_("write an empty zone workbook"))
    template.add_argument("path", help=_("workbook to write (.xlsx)"))
    template.add_argument("--force", action="store_true", help=_("overwrite the file if it exists"))
    template.set_defaults(handler=_template)

    importer = commands.add_parser("import", help=_("validate a zone file and store it"))
    importer.add_argument(
        "zone", help=_("workbook (.xlsx), CSV folder, JSON file or an example name")
    )
    importer.add_argument("--db", default=None, help=_("database URL (default: the local SQLite)"))
    importer.set_defaults(handler=_import)

    exporter = commands.add_parser("export", help=_("write a stored zone to a file"))
    exporter.add_argument("zone_id", help=_("identifier of the stored zone"))
    exporter.add_argument("path", help=_(".xlsx workbook, .json file, or a folder for CSV"))
    exporter.add_argument("--db", default=None, help=_("database URL (default: the local SQLite)"))
    exporter.add_argument(
        "--force", action="store_true", help=_("overwrite the file or folder if it exists")
    )
    exporter.set_defaults(handler=_export)

    info = commands.add_parser("info", help=_("show the database and the stored zones"))
    info.add_argument("--db", default=None, help=_("database URL (default: the local SQLite)"))
    info.set_defaults(handler=_info)

    examples = commands.add_parser("examples", help=_("list the embedded example zones"))
    examples.set_defaults(handler=_examples)

    add_exchange_parser(commands)
    return parser


def load_zone(spec: str | None, db: str | None = None) -> Zone:
    """Load a zone from a file, a ``store:ZONE_ID`` reference, an example name, or the default.

    The warnings of the file (an ignored notes sheet, for example) are printed to stderr.
    """
    zone = _load_zone(spec, db)
    print_warnings(zone)
    return zone


def _load_zone(spec: str | None, db: str | None) -> Zone:
    from ecoplan import examples
    from ecoplan.io import read_zone

    if spec is None:
        return read_zone(examples.example_path())
    if spec.startswith("store:"):
        from ecoplan.store import Store

        with Store(db) as store:
            return store.load(spec.removeprefix("store:"))
    return read_zone(zone_file(spec))


def print_warnings(zone: Zone) -> None:
    """Print the warnings of the zone's file to stderr, if it has any."""
    if zone.warnings:
        print(describe_warnings(zone.warnings), file=sys.stderr)


def _plan(args: argparse.Namespace) -> int:
    from ecoplan.plan import run_plan
    from ecoplan.progress import PrintProgress

    check_output_folder(Path(args.out))
    zone = load_zone(args.zone, args.db)
    result = run_plan(zone, Path(args.out), progress=PrintProgress())
    print(_("Report: {path}").format(path=result.report_path.resolve()))
    return 0


def _template(args: argparse.Namespace) -> int:
    from ecoplan.io.template import write_template

    target = Path(args.path)
    check_new_file(target, args.force)
    path = write_template(target)
    print(_("Template: {path}").format(path=path.resolve()))
    return 0


def _import(args: argparse.Namespace) -> int:
    from ecoplan.io import read_zone
    from ecoplan.store import Store

    zone = read_zone(zone_file(args.zone))
    print_warnings(zone)
    with Store(args.db) as store:
        replaced = zone.zone_id in {stored[0] for stored in store.list()}
        store.save(zone)
        url = store.display_url
    message = (
        _("Replaced the stored zone {zone_id} ({flows} flows) in {url}")
        if replaced
        else _("Stored zone {zone_id} ({flows} flows) in {url}")
    )
    print(message.format(zone_id=zone.zone_id, flows=len(zone.flows), url=url))
    return 0


def _export(args: argparse.Namespace) -> int:
    from ecoplan.io import write_zone
    from ecoplan.store import Store

    target = Path(args.path)
    check_new_file(target, args.force)
    with Store(args.db) as store:
        zone = store.load(args.zone_id)
    path = write_zone(zone, target)
    print(_("Written: {path}").format(path=path))
    return 0


def _info(args: argparse.Namespace) -> int:
    from ecoplan.store import Store

    with Store(args.db) as store:
        print(_("Database: {url}").format(url=store.display_url))
        stored = store.list()
        chinese = chinese_zone_names(store) if get_locale() == "zh_CN" else {}
    if not stored:
        print(_("No zones are stored. Store one with: ecoplan import ZONE_FILE"))
    for zone_id, name, flows in stored:
        shown = chinese.get(zone_id) or name
        print(f"  {zone_id}\t{shown}\t" + _("{count} flows").format(count=flows))
    return 0


def chinese_zone_names(store: Any) -> dict[str, str]:
    """Return the Chinese name (``zone.name_zh``) of each stored zone that has one."""
    import sqlalchemy as sa

    from ecoplan.store.tables import ZONE_KEY, ZONES

    query = sa.select(ZONES.c[ZONE_KEY], ZONES.c.name_zh)
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    return {str(zone_id): str(name) for zone_id, name in rows if name}


def _examples(args: argparse.Namespace) -> int:
    from ecoplan import examples

    for name in examples.names():
        print(f"{name}\t{examples.example_path(name)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
