"""The shared CLI options (aikg.cli.options): one spelling of -o/--output and --format, old
spellings kept as aliases, an Example on every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer

from aikg.cli.main import app
from sample_network import write_sample


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample(tmp_path_factory.mktemp("sample"))


def _commands() -> dict:  # name -> the click command Typer builds
    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_every_output_option_is_spelled_output_and_out_stays_an_alias() -> None:
    with_out = set()
    for name, command in _commands().items():
        for param in command.params:
            if "--out" in param.opts or "-o" in param.opts:
                assert param.opts[:2] == ["-o", "--output"], (name, param.opts)
            if "--out" in param.opts:
                with_out.add(name)
                assert "--out is the old spelling" in (getattr(param, "help", "") or "")
    assert with_out == {"build", "curate", "synth", "extract"}


def test_every_format_option_is_spelled_the_same_way() -> None:
    for name, command in _commands().items():
        for param in command.params:
            if "--format" in param.opts:
                assert sorted(param.opts) == ["--format", "-f"], (name, param.opts)


def test_every_command_has_an_example() -> None:
    for name, command in _commands().items():
        assert "Example" in (command.help or ""), name


def test_out_and_output_write_the_same_synthetic_graph(cli, tmp_path: Path) -> None:
    for flag in ("--out", "--output", "-o"):
        result = cli("synth", "--triples", "2000", flag, str(tmp_path / flag.strip("-")))
        assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "output").iterdir())
    for name in files:
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "output" / name).read_bytes()


def test_analyze_format_json_is_the_old_json_flag(cli, sample_path: Path) -> None:
    old = cli("--data", str(sample_path), "analyze", "--json", "--top", "2", "--lang", "en")
    new = cli("--data", str(sample_path), "analyze", "-f", "json", "--top", "2", "--lang", "en")
    assert old.returncode == new.returncode == 0, old.stderr + new.stderr
    assert json.loads(old.stdout) == json.loads(new.stdout)
