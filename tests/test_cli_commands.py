"""The ``ecoplan`` commands as a user meets them: log lines, names, existing files, the store."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ecoplan import Zone
from ecoplan.cli import main
from ecoplan.console import ConsoleFormatter
from ecoplan.i18n import use_locale
from ecoplan.io import write_zone

ECOPLAN = str(Path(sys.executable).parent / "ecoplan")


def record(level: int, message: str) -> logging.LogRecord:
    return logging.LogRecord("ecoplan.accounting.balance", level, __file__, 1, message, None, None)


@pytest.mark.parametrize(
    ("locale", "level", "line"),
    [
        ("en", logging.WARNING, "Warning: 1 node balance(s) exceed the tolerance"),
        ("zh_CN", logging.WARNING, "警告：1 node balance(s) exceed the tolerance"),
        ("en", logging.ERROR, "Error: 1 node balance(s) exceed the tolerance"),
        ("zh_CN", logging.ERROR, "错误：1 node balance(s) exceed the tolerance"),
        ("zh_CN", logging.INFO, "1 node balance(s) exceed the tolerance"),
    ],
)
def test_log_line_plain(locale: str, level: int, line: str) -> None:
    with use_locale(locale):
        shown = ConsoleFormatter().format(record(level, "1 node balance(s) exceed the tolerance"))

    assert shown == line


def test_plan_warning_without_module_path(make_zone: Callable[..., Zone], tmp_path: Path) -> None:
    # The plant takes in 1,000 MWh of coal and gives out 900 MWh of heat: a 10 % residual.
    zone = make_zone(
        resources=[
            {"resource_id": "coal", "name": "Coal", "type": "energy", "dimension": "energy"},
            {"resource_id": "heat", "name": "Heat", "type": "energy", "dimension": "energy"},
        ],
        flows=[
            {
                "flow_id": "f1",
                "from_node": "import",
                "to_node": "plant",
                "resource_id": "coal",
                "year": 2020,
                "amount": 1000,
                "unit": "MWh",
            },
            {
                "flow_id": "f2",
                "from_node": "plant",
                "to_node": "landfill",
                "resource_id": "heat",
                "year": 2020,
                "amount": 900,
                "unit": "MWh",
            },
        ],
    )
    path = write_zone(zone, tmp_path / "zone.json")
    env = {name: value for name, value in os.environ.items() if name != "ECOPLAN_LANG"}

    finished = subprocess.run(
        [ECOPLAN, "--lang", "zh_CN", "plan", str(path), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    assert "\n警告：1 项节点平衡超出容差 1.00%。" in finished.stderr
    assert "WARNING" not in finished.stderr
    assert "ecoplan.accounting" not in finished.stderr


def test_plan_misspelt_example_suggests_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["--lang", "en", "plan", "daliann", "--out", str(tmp_path / "out")])

    assert status == 1
    assert capsys.readouterr().err == (
        "No file, folder or example zone is named 'daliann'. Did you mean the example 'dalian'?\n"
    )


def test_plan_unknown_name_lists_examples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["--lang", "zh_CN", "plan", "nowhere", "--out", str(tmp_path / "out")])

    assert status == 1
    error = capsys.readouterr().err
    assert error.startswith("没有名为 'nowhere' 的文件、文件夹或示例区域。")
    assert "dalian, kalundborg, finland-pirkanmaa" in error


def test_plan_rejects_unusable_out_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder", encoding="utf-8")

    status = main(["--lang", "en", "plan", "--out", str(blocker / "out")])

    assert status == 1
    captured = capsys.readouterr()
    assert captured.err == (
        f"Cannot write the report to {blocker / 'out'}: {blocker} is a file, not a folder. "
        "Choose another folder with --out.\n"
    )
    # Nothing ran: the first progress line would be "[1/16] ...".
    assert "[1/" not in captured.err
    assert not (blocker.parent / "out").exists()


def test_store_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"

    assert main(["--lang", "en", "info", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "No zones are stored. Store one with: ecoplan import ZONE_FILE"
    )

    assert main(["--lang", "en", "import", "dalian", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("Stored zone dalian-ddz (58 flows)")

    assert main(["--lang", "zh_CN", "info", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "  dalian-ddz\t大连经济技术开发区\t58 条流"
    assert main(["--lang", "en", "info", "--db", db]) == 0
    assert "\tDalian Economic and Technological Development Zone (DDZ)\t" in capsys.readouterr().out

    target = tmp_path / "dalian.json"
    target.write_text("{}", encoding="utf-8")
    assert main(["--lang", "en", "export", "dalian-ddz", str(target), "--db", db]) == 1
    assert capsys.readouterr().err == (
        f"{target} exists; choose another name, or add --force to overwrite it.\n"
    )
    assert target.read_text(encoding="utf-8") == "{}"

    assert main(["--lang", "en", "export", "dalian-ddz", str(target), "--db", db, "--force"]) == 0
    assert '"ecoplan-zone"' in target.read_text(encoding="utf-8")
