"""Read and write a zone as one JSON document.

The document is ``{"format": "ecoplan-zone", "version": 1, "tables": {table: [row, ...]}}``
with one object per row, keyed by schema column name; a missing key is an empty cell.
Messages name a row as ``item N``, its index in the table's array, counting from 0.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from ecoplan.errors import InputError, Problem
from ecoplan.i18n import N_
from ecoplan.io import tables
from ecoplan.io.cell_values import plain_rows
from ecoplan.io.headings import closest, normalise_heading
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
    ignored: list[Problem] = []
    raw: dict[str, RawTable] = {}
    unknown: list[str] = []
    for name, rows in document.get("tables", {}).items() if isinstance(document, dict) else ():
        table = tables.table_for_name(str(name))
        if table is None:
            unknown.append(str(name))
        elif not isinstance(rows, list):
            problems.append(_not_an_array(file, str(name), rows))
        else:
            raw[table] = _read_rows(table, rows, file, (problems, ignored))

    for name in unknown:
        _check_unknown_table(file, name, set(raw), problems, ignored)
    return tables.validate(raw, problems, source=str(path), warnings=ignored)


JSON_EXPECTED = N_("a JSON document as ecoplan export writes it (UTF-8 text)")
JSON_HINTS = {
    "Expecting property name enclosed in double quotes": N_(
        "a JSON document as ecoplan export writes it. Names are in double quotes "
        "(\"zone\", not 'zone'), and no comma follows the last entry of an object"
    ),
    "Expecting value": N_(
        "a JSON document as ecoplan export writes it. Each value is a number, text in double "
        "quotes, true, false, null, an object or a list, and no comma follows the last item "
        "of a list"
    ),
}
"""Expected text, with the usual fix, for the commonest messages of Python's JSON parser.

The parser's messages are in English and are shown as they are, in brackets."""


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        raise InputError(
            [
                Problem(
                    file=path.name,
                    message=N_(
                        "The file is not valid JSON: reading stopped at line {line}, column "
                        "{column} ({reason})."
                    ),
                    expected=JSON_HINTS.get(error.msg, JSON_EXPECTED),
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


def _not_an_array(file: str, name: str, rows: Any) -> Problem:
    return Problem(
        file=file,
        sheet=name,
        sheet_label=_TABLE_LABEL,
        message=N_("A table must be an array of row objects."),
        value=type(rows).__name__,
        expected=N_("an array of objects"),
    )


def _check_unknown_table(
    file: str, name: str, present: set[str], problems: list[Problem], ignored: list[Problem]
) -> None:
    """Report a misspelt table name, or ignore an extra table with a warning."""
    match = tables.closest_table_name(name, present)
    if match is None:
        ignored.append(
            Problem(
                file=file,
                sheet=name,
                sheet_label=_TABLE_LABEL,
                message=N_("The table is not a zone table, so it was ignored."),
            )
        )
        return
    problems.append(
        Problem(
            file=file,
            sheet=name,
            sheet_label=_TABLE_LABEL,
            message=N_("Unknown table {name!r}. Did you mean {match!r}?"),
            expected=N_("one of: {tables}"),
            params={"name": name, "match": match, "tables": ", ".join(schema.TABLES)},
        )
    )


def _read_rows(
    table: str, items: list[Any], file: str, found: tuple[list[Problem], list[Problem]]
) -> RawTable:
    """Read one table's array; ``found`` contains the problem and warning lists to add to.

    A key close to the name of a column that no item has is a misspelling, reported per
    item. Any other unknown key is an extra field, ignored with one warning per table.
    """
    problems, ignored = found
    accepted = {normalise_heading(key): name for key, name in schema.header_map(table).items()}
    misspelt, extra = _unknown_keys(items, accepted)
    ignored.extend(_extra_key_warning(file, table, key) for key in extra)
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
        total = tables.total_label(list(item.values()))
        if total is not None:
            problem = tables.total_row_problem(
                file, table, index, str(list(item)[total[0]]), total[1]
            )
            problems.append(replace(problem, sheet_label=_TABLE_LABEL, row_label=_ITEM_LABEL))
            continue
        values: dict[str, Any] = {}
        for key, value in item.items():
            name = accepted.get(normalise_heading(key))
            if name is None:
                if str(key) in misspelt:
                    problems.append(
                        _misspelt_key(file, table, index, str(key), value, misspelt[str(key)])
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


def _unknown_keys(items: list[Any], accepted: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Sort the keys that name no column into misspelt ones and extra ones.

    Returns the column each misspelt key nearly spells, and the extra keys. A key is misspelt
    when it is close to a column that no item of the table has.
    """
    keys = sorted({str(key) for item in items if isinstance(item, dict) for key in item})
    unknown = [key for key in keys if normalise_heading(key) not in accepted]
    used = {accepted[normalise_heading(key)] for key in keys if key not in unknown}
    absent = {folded: name for folded, name in accepted.items() if name not in used}
    misspelt: dict[str, str] = {}
    for key in unknown:
        match = closest(normalise_heading(key), list(absent))
        if match is not None:
            misspelt[key] = absent[match]
    return misspelt, [key for key in unknown if key not in misspelt]


def _misspelt_key(file: str, table: str, index: int, key: str, value: Any, match: str) -> Problem:
    return _item_problem(
        file,
        table,
        index,
        key,
        N_("Unknown column {key!r}. Did you mean {match!r}?"),
        value,
        N_("one of: {headings}"),
        key=key,
        match=match,
        headings=", ".join(schema.column_names(table)),
    )


def _extra_key_warning(file: str, table: str, key: str) -> Problem:
    return Problem(
        file=file,
        sheet=table,
        sheet_label=_TABLE_LABEL,
        column=key,
        message=N_("The key is not a column of table {table}, so it was ignored in every item."),
        params={"table": table},
    )


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
