"""The graph commands as real processes: outputs, summaries, exit codes, one-line errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from aikg import paths

BAD_TURTLE = """@prefix ex: <http://example.org/> .
ex:a ex:b ex:c .
ex:a ex:b "unterminated .
"""


def _no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


@pytest.mark.slow
def test_build_writes_outputs_and_a_summary(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("build", "-o", str(out))
    assert result.returncode == 0, result.stderr
    names = {p.name for p in out.iterdir()}
    assert {"aikg.ttl", "aikg.jsonld", "aikg.nt", "ontology.html"} <= names
    assert "triples" in result.stdout and "entities" in result.stdout
    assert "schema:Observation" in result.stdout
    assert isomorphic(Graph().parse(out / "aikg.ttl"), Graph().parse(out / "aikg.nt", format="nt"))
    page = (out / "ontology.html").read_text(encoding="utf-8")
    assert "aikg" in page and "valueQualifier" in page


@pytest.mark.slow
def test_validate_passes_on_the_bundled_graph(cli) -> None:
    result = cli("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Conforms" in result.stdout


def _broken_copy(tmp_path: Path) -> Path:
    """A copy of the bundled graph with one observation's value removed."""
    folder = tmp_path / "graph"
    shutil.copytree(paths.graph_dir(), folder)
    seed = next(folder.glob("2025-01-22-*.ttl"))
    text = seed.read_text(encoding="utf-8")
    marker = "obs:cnnic55r-ai-enterprises a schema:Observation ;"
    start = text.index(marker)
    value_line = text.index("    schema:value 4500 ;\n", start)
    seed.write_text(text[:value_line] + text[value_line + len("    schema:value 4500 ;\n") :])
    return folder


@pytest.mark.slow
def test_validate_reports_findings_and_exits_1(cli, tmp_path: Path) -> None:
    result = cli("--data", str(_broken_copy(tmp_path)), "validate")
    assert result.returncode == 1
    assert "obs:cnnic55r-ai-enterprises" in result.stdout
    assert "schema:value" in result.stdout
    _no_traceback(result)


@pytest.mark.slow
def test_build_on_a_nonconforming_graph_exits_1_and_writes_nothing(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("--data", str(_broken_copy(tmp_path)), "build", "-o", str(out))
    assert result.returncode == 1
    assert not out.exists()
    assert "does not conform" in result.stderr
    _no_traceback(result)


def test_malformed_turtle_gives_file_line_reason_and_exit_2(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD_TURTLE, encoding="utf-8")
    for command in (["validate"], ["export"], ["stats"], ["build", "-o", str(tmp_path / "o")]):
        result = cli("--data", str(bad), *command)
        assert result.returncode == 2, command
        assert f"{bad}:3:" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        _no_traceback(result)
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--data", "/nonexistent/graph.ttl", "stats"], "no such file"),
        (["export", "--format", "bogus"], "unknown format"),
    ],
)
def test_bad_input_is_one_line_exit_2(cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    _no_traceback(result)


def test_unknown_command_is_a_usage_error(cli) -> None:
    result = cli("no-such-command")
    assert result.returncode == 2
    _no_traceback(result)


def test_export_to_file_and_stdout_agree(cli, tmp_path: Path) -> None:
    target = tmp_path / "g.jsonld"
    written = cli("export", "--format", "jsonld", "-o", str(target))
    assert written.returncode == 0
    printed = cli("export", "--format", "jsonld")
    assert printed.stdout.encode("utf-8") == target.read_bytes()


def test_failed_export_leaves_no_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "g.ttl"
    result = cli("--data", "/nonexistent.ttl", "export", "-o", str(target))
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_stats_counts_entities_by_class(cli, graph: Graph) -> None:
    from aikg.store.stats import summarize

    result = cli("stats")
    assert result.returncode == 0
    summary = summarize(graph)
    assert f"{summary.entities} entities" in result.stdout
    assert f"{summary.observations} observations" in result.stdout
    assert "schema:variableMeasured" in result.stdout  # property counts


def test_data_option_replaces_the_bundled_graph(cli, tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.ttl"
    tiny.write_text("<http://example.org/a> <http://example.org/b> 1 .\n", encoding="utf-8")
    result = cli("--data", str(tiny), "stats", "--no-properties")
    assert result.returncode == 0
    assert "0 entities" in result.stdout


def test_version(cli) -> None:
    from aikg import __version__

    assert cli("--version").stdout.strip() == f"aikg {__version__}"


def test_build_leaves_out_a_view_too_large_to_draw_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same limit as `aikg view`; lowered here so that a small synthetic graph crosses it
    from aikg.build import build
    from aikg.store import open_store
    from aikg.synth import write_synth

    monkeypatch.setattr("aikg.view.draw.WHOLE_LIMIT", 50)
    data = tmp_path / "synth"
    write_synth(data, 3000)
    store = open_store("oxigraph", [data])
    result = build(tmp_path / "out", store=store)
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert "graph.html" not in names and {"aikg.ttl", "aikg.jsonld", "aikg.nt"} <= names
    assert result.note is not None and "graph.html not written" in result.note
    assert f"{store.entity_count():,} entities" in result.note
    assert result.summary == store.summary()
