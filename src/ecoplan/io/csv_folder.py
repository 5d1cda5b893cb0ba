"""Read and write a zone as a folder of CSV files, one ``<table>.csv`` per table.

Files are comma separated. They are read as UTF-8 (with or without a byte order mark) or,
failing that, as GB18030, the superset of GBK that Excel in China writes. They are written
as UTF-8 with a byte order mark, so Excel shows Chinese text correctly. Rows are numbered as
a spreadsheet shows the file: the heading row is row 1.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ecoplan.errors import Problem
from ecoplan.i18n import N_
from ecoplan.io import tables
from ecoplan.io.cell_values import text_rows
from ecoplan.io.headings import match_headings, table_with_headings
from ecoplan.model import schema
from ecoplan.model.validate import RawTable
from ecoplan.model.zone import Zone

_ENCODINGS = ("utf-8-sig", "gb18030")


def read_csv_folder(folder: Path) -> Zone:
    """Read and validate the zone in the CSV files of ``folder``.

    A CSV file named after no table is ignored with a warning, unless its name is close to a
    missing table's or it has that table's headings: then it is a problem.

    Raises
    ------
    InputError
        Listing every problem of every file; nothing is returned in part.
    """
    raw: dict[str, RawTable] = {}
    names: dict[str, str] = {}
    unknown: list[Path] = []
    problems: list[Problem] = []
    ignored: list[Problem] = []
    for path in sorted(folder.glob("*.csv")):
        file = f"{folder.name}/{path.name}"
        table = tables.table_for_name(path.stem)
        if table is None:
            unknown.append(path)
            continue
        if table in names:
            problems.append(
                tables.duplicate_table_problem(folder.name, table, names[table], path.name)
            )
            continue
        names[table] = path.name
        text = _decode(path, file, problems)
        if text is not None:
            raw[table] = _read_text(text, table, file, (problems, ignored))

    for path in unknown:
        _check_unknown_file(path, f"{folder.name}/{path.name}", set(names), problems, ignored)
    return tables.validate(raw, problems, source=str(folder), warnings=ignored)


def _check_unknown_file(
    path: Path, file: str, present: set[str], problems: list[Problem], ignored: list[Problem]
) -> None:
    """Report a CSV file of no known table: a misspelt or misnamed table, or an extra file."""
    match = tables.closest_table_name(path.stem, present)
    if match is not None:
        problems.append(
            Problem(
                file=file,
                message=N_("Unknown CSV file {name!r}. Did you mean {match!r}?"),
                expected=N_("a file named after a table, e.g. {example}"),
                params={"name": path.name, "match": f"{match}.csv", "example": "flows.csv"},
            )
        )
        return
    text = _decode(path, file, [])
    header = _first_row(text) if text is not None else []
    table = table_with_headings(header, set(schema.TABLES) - present)
    if table is not None:
        problems.append(
            Problem(
                file=file,
                message=N_(
                    "The file has the headings of table {table} but not its name, "
                    "so it cannot be read."
                ),
                expected=N_("the file renamed to {name}"),
                params={"table": table, "name": f"{table}.csv"},
            )
        )
        return
    ignored.append(
        Problem(file=file, message=N_("The file is not a zone table, so it was ignored."))
    )


def _first_row(text: str) -> list[str]:
    """Return the first row of CSV ``text`` that is not blank, or an empty list."""
    rows = (row for row in csv.reader(io.StringIO(text)) if not tables.is_blank_row(row))
    return next(rows, [])


def _decode(path: Path, file: str, problems: list[Problem]) -> str | None:
    data = path.read_bytes()
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    problems.append(
        Problem(
            file=file,
            message=N_("The file is neither UTF-8 nor GB18030 (GBK) text."),
            expected=N_("a CSV file saved as UTF-8"),
        )
    )
    return None


def _read_text(
    text: str, table: str, file: str, found: tuple[list[Problem], list[Problem]]
) -> RawTable:
    """Read one table file; ``found`` contains the problem and warning lists to add to."""
    problems, ignored = found
    grid = [
        (number, row)
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1)
        if not tables.is_blank_row(row)
    ]
    if not grid:
        return tables.build_raw_table(table, [], file, None, {})

    (header_row, header), body = grid[0], _without_total_rows(grid[1:], file, problems)
    filled = {position for _, row in body for position, value in enumerate(row) if value.strip()}
    match = match_headings(table, header, filled, file, None, header_row)
    problems.extend(match.problems)
    ignored.extend(match.warnings)

    rows: list[tuple[int, dict[str, Any]]] = []
    for number, row in body:
        values = {
            name: (row[position] if position < len(row) and row[position] != "" else None)
            for position, name in match.positions.items()
        }
        rows.append((number, values))
    return tables.build_raw_table(table, rows, file, None, match.labels)


def _without_total_rows(
    body: list[tuple[int, list[str]]], file: str, problems: list[Problem]
) -> list[tuple[int, list[str]]]:
    """Return the rows that are not total rows, adding one problem per total row."""
    kept = []
    for number, row in body:
        total = tables.total_label(list(row))
        if total is None:
            kept.append((number, row))
            continue
        position, label = total
        problems.append(
            tables.total_row_problem(file, None, number, get_column_letter(position + 1), label)
        )
    return kept


def write_csv_folder(tables_by_name: dict[str, Any], folder: Path) -> Path:
    """Write each table to ``folder/<table>.csv`` and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in schema.TABLES:
        frame = tables_by_name[table]
        with (folder / f"{table}.csv").open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(list(frame.columns))
            writer.writerows(text_rows(frame))
    return folder
