"""Read and write a zone as one JSON document.

The document is ``{"format": "ecoplan-zone", "version": 1, "tables": {table: [row, ...]}}``
with one object per row, keyed by schema column name; a missing key is an empty cell.
Messages name a row as ``item N``, its index in the table's array, counting from 0.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from ecoplan.errors import InputError, Problem
from ecoplan.i18n import N_
from ecoplan.io import tables
from ecoplan.io.cell_values import plain_rows
from ecoplan.io.headings import normalise_heading
from ecoplan.model import schema
from ecoplan.model.validate import RawTable
from ecoplan.model.zone import Zone

FORMAT = "ecoplan-zone"
VERSION = 1
_TABLE_LABEL = N_("table {sheet}")
_ITEM_LABEL = N_("item {row}")


def read_json(path: Path) -> Zone:
    """Read and validate the zone in JSON file ``path``.

    Raises
    ------
    InputError
        Listing every problem of the document; nothing is returned in part.
    """
    file = path.name
    document = _load(path)
    problems = _check_envelope(document, file)
    raw: dict[str, RawTable] = {}
    for name, rows in document.get("tables", {}).items() if isinstance(document, dict) else ():
        table = tables.table_for_name(str(name))
        if table is None or not isinstance(rows, list):
            problems.append(_table_problem(file, str(name), rows, known=table is not None))
            continue
        raw[table] = _read_rows(table, rows, file, problems)
    return tables.validate(raw, problems, source=str(path))


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        raise InputError(
            [
                Problem(
                    file=path.name,
                    message=N_("Invalid JSON at line {line}, column {column}: {reason}."),
                    expected=N_("a JSON document"),
                    params={"line": error.lineno, "column": error.colno, "reason": error.msg},
                )
            ]
        ) from None
    except UnicodeDecodeError as error:
        raise InputError(
            [
                Problem(
                    file=path.name,
                    message=N_("The file is not UTF-8 text."),
                    expected=N_("a JSON document saved as UTF-8"),
                )
            ]
        ) from error


def _check_envelope(document: Any, file: str) -> list[Problem]:
    expected = N_('an object with "format": "{format}", "version": {version} and "tables"')
    params = {"format": FORMAT, "version": VERSION}
    if not isinstance(document, dict) or not isinstance(document.get("tables"), dict):
        return [
            Problem(
                file=file,
                message=N_('The document has no "tables" object.'),
                expected=expected,
                params=params,
            )
        ]
    if document.get("format") != FORMAT or document.get("version") != VERSION:
        return [
            Problem(
                file=file,
                message=N_("Unknown format or version of the document."),
                value=[document.get("format"), document.get("version")],
                expected=expected,
                params=params,
            )
        ]
    return []


def _table_problem(file: str, name: str, rows: Any, known: bool) -> Problem:
    if known:
        return Problem(
            file=file,
            sheet=name,
            sheet_label=_TABLE_LABEL,
            message=N_("A table must be an array of row objects."),
            value=type(rows).__name__,
            expected=N_("an array of objects"),
        )
    return Problem(
        file=file,
        sheet=name,
        sheet_label=_TABLE_LABEL,
        message=N_("Unknown table {name!r}."),
        expected=N_("one of: {tables}"),
        params={"name": name, "tables": ", ".join(schema.TABLES)},
    )


def _read_rows(table: str, items: list[Any], file: str, problems: list[Problem]) -> RawTable:
    accepted = {normalise_heading(key): name for key, name in schema.header_map(table).items()}
    labels: dict[str, str] = {}
    rows: list[tuple[int, dict[str, Any]]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(
                _item_problem(
                    file,
                    table,
                    index,
                    None,
                    N_("A row must be an object."),
                    item,
                    N_("an object of column names and values"),
                )
            )
            continue
        values: dict[str, Any] = {}
        for key, value in item.items():
            name = accepted.get(normalise_heading(key))
            if name is None:
                problems.append(
                    _item_problem(
                        file,
                        table,
                        index,
                        str(key),
                        N_("Unknown column {key!r}."),
                        value,
                        N_("one of: {headings}"),
                        key=key,
                        headings=", ".join(schema.column_names(table)),
                    )
                )
            elif isinstance(value, dict | list):
                problems.append(
                    _item_problem(
                        file,
                        table,
                        index,
                        name,
                        N_("A cell must hold a single value."),
                        value,
                        N_("a string, number, true, false or null"),
                    )
                )
            else:
                values[name] = value
                labels[name] = name
        rows.append((index, values))
    raw = tables.build_raw_table(table, rows, file, table, labels)
    raw.sheet_label, raw.row_label = _TABLE_LABEL, _ITEM_LABEL
    return raw


def _item_problem(
    file: str,
    table: str,
    index: int,
    column: str | None,
    message: str,
    value: Any,
    expected: str,
    **params: Any,
) -> Problem:
    return Problem(
        file=file,
        sheet=table,
        row=index,
        column=column,
        message=message,
        value=value,
        expected=expected,
        params=params,
        sheet_label=_TABLE_LABEL,
        row_label=_ITEM_LABEL,
    )


def write_json(tables_by_name: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write the tables to JSON file ``path`` and return the path; empty cells are left out."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "tables": {
            table: [
                {
                    name: value
                    for name, value in zip(frame.columns, row, strict=True)
                    if value is not None
                }
                for row in plain_rows(frame)
            ]
            for table, frame in tables_by_name.items()
        },
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
