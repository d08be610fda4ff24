"""CLI conventions: `-` for standard input, --json, -q / -v, exit codes in every --help, and a README that
documents every command and option (in the manner of sqlite-utils' test_docs.py)."""
import json
import re

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT, SAMPLE
from edgar2xbrl.cli import main

README = ROOT / "README.md"
HEADER = ("<SEC-HEADER>\nACCESSION NUMBER:\t\t0000000000-04-000001\nCONFORMED SUBMISSION TYPE:\t10-Q\n"
          "CONFORMED PERIOD OF REPORT:\t20040930\n\t\tCENTRAL INDEX KEY:\t\t\t0000737207\n</SEC-HEADER>\n")


def _commands_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Commands\n")
    return text[start:text.index("\n## ", start + 1)]


def _command_text(name: str) -> str:
    """The README bullet of `edgar2xbrl NAME` with its sub-bullets (up to the next command's bullet)."""
    section = _commands_section()
    m = re.search(rf"^- `edgar2xbrl {name}\b", section, re.M)
    assert m, f"README's Commands section does not document `edgar2xbrl {name}`"
    nxt = re.search(r"\n(?=- `edgar2xbrl |\S)", section[m.end():])
    return section[m.start():m.end() + (nxt.start() if nxt else len(section))]


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_and_option_is_in_the_readme(name):
    text = _command_text(name)
    usage = re.match(r"- `(edgar2xbrl [^`]*)`", text).group(1)
    for param in main.commands[name].params:
        if isinstance(param, click.Option):
            for opt in param.opts + param.secondary_opts:
                assert re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text), \
                    f"README does not document `edgar2xbrl {name} {opt}`"
            assert any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", usage) for o in param.opts), \
                f"the README usage line of `edgar2xbrl {name}` does not show {param.opts[0]}"
        elif isinstance(param, click.Argument):
            assert param.human_readable_name.upper() in usage, \
                f"the README usage line of `edgar2xbrl {name}` does not show {param.human_readable_name}"


def test_group_options_are_in_the_readme():
    section = _commands_section()
    for param in main.params:
        for opt in param.opts:
            assert f"edgar2xbrl {opt}" in section, f"README does not document `edgar2xbrl {opt}`"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_documents_its_exit_codes(name):
    res = CliRunner().invoke(main, [name, "--help"])
    assert res.exit_code == 0
    assert "Exit codes:" in res.output
    assert re.search(r"^\s+0\s+\S", res.output, re.M)


def test_convert_help_lists_all_five_exit_codes():
    out = CliRunner().invoke(main, ["convert", "--help"]).output
    for code, word in [(0, "clean"), (1, "invalid"), (2, "rejected"), (3, "flagged"), (4, "internal error")]:
        assert re.search(rf"^\s+{code}\s+{word}", out, re.M), (code, word)


def test_stdin_is_named_stdin_and_the_header_gives_the_cik(tmp_path):
    data = (HEADER + SAMPLE.read_text(encoding="utf-8")).encode()
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["convert", "-", "-o", str(out), "--no-validate", "--json"], input=data)
    assert res.exit_code == 0, res.output
    obj = json.loads(res.stdout)
    assert obj["status"] == "clean" and obj["exit_code"] == 0 and obj["source"] == "stdin"
    rep = json.loads((out / "report.json").read_text())
    assert rep["source"] == "stdin" and rep["cik"] == "0000737207" and not rep["cik_placeholder"]
    assert "0000737207" in next(p for p in out.glob("*-20040930.xml")).read_text()


def test_json_result(tmp_path):
    res = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(tmp_path / "o"), "--no-validate", "--json",
                                    "--cik", "737207"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 1, "--json prints one JSON object and nothing else on stdout"
    obj = json.loads(lines[0])
    assert set(obj) >= {"status", "exit_code", "files", "summary", "validation", "needs_review"}
    assert "report.json" in obj["files"] and any(f.endswith("_cal.xml") for f in obj["files"])
    assert obj["summary"]["flags"] == 0 and obj["summary"]["numbers_tagged"] > 0
    assert obj["validation"] is None


def test_json_with_validation(converted, tmp_path):
    res = CliRunner().invoke(main, ["validate", str(converted.out_dir), "--json"])
    obj = json.loads(res.stdout)
    assert res.exit_code == 0 and obj["exit_code"] == 0 and obj["status"] == "valid" and obj["errors"] == 0


def test_json_on_rejected_input(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    res = CliRunner().invoke(main, ["convert", str(bad), "-o", str(tmp_path / "o"), "--json"])
    assert res.exit_code == 2
    obj = json.loads(res.stdout)
    assert obj["status"] == "rejected" and obj["exit_code"] == 2 and "empty" in obj["error"]
    assert not (tmp_path / "o").exists()


def test_quiet_and_verbose(tmp_path):
    args = ["convert", str(SAMPLE), "--no-validate"]
    quiet = CliRunner().invoke(main, args + ["-o", str(tmp_path / "q"), "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""  # not even the placeholder-CIK warning
    normal = CliRunner().invoke(main, args + ["-o", str(tmp_path / "n")])
    verbose = CliRunner().invoke(main, args + ["-o", str(tmp_path / "v"), "-v"])
    assert verbose.exit_code == 0
    assert "report.md" in verbose.stdout and "report.md" not in normal.stdout
    assert len(verbose.stdout.splitlines()) > len(normal.stdout.splitlines())
