"""Exports: deterministic Turtle that declares its prefixes and round-trips through pyoxigraph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from aikg.store.export import serialize, write_atomic
from aikg.store.files import load_graph
from aikg.store.formats import FORMATS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_turtle_is_byte_identical_across_loads_and_insertion_orders(graph: Graph) -> None:
    reversed_copy = Graph()
    for triple in sorted(graph, key=str, reverse=True):
        reversed_copy.add(triple)
    assert serialize(graph) == serialize(load_graph()) == serialize(reversed_copy)


def test_turtle_is_byte_identical_across_processes() -> None:
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-m", "aikg", "export"],
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_turtle_declares_its_prefixes(graph: Graph) -> None:
    text = serialize(graph).decode("utf-8")
    for prefix in ("schema", "aikg", "oa", "prov", "obs", "var"):
        assert f"@prefix {prefix}: <" in text


def test_turtle_round_trips_through_an_independent_parser(graph: Graph) -> None:
    """pyoxigraph parses aikg's Turtle to the same graph rdflib holds."""
    turtle = serialize(graph)
    triples = list(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(graph)
    ntriples = "".join(f"{t} .\n" for t in triples)
    reparsed = Graph().parse(data=ntriples, format="nt")
    assert isomorphic(reparsed, graph)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_parses_back_to_the_same_graph(graph: Graph, fmt: str) -> None:
    parser = {"turtle": "turtle", "jsonld": "json-ld", "nt": "nt", "xml": "xml", "trig": "trig"}
    payload = serialize(graph, fmt)
    assert payload == serialize(graph, fmt)  # deterministic
    if fmt == "jsonld":
        json.loads(payload)
    if fmt == "trig":
        dataset = Dataset()
        dataset.parse(data=payload, format="trig")
        reparsed = Graph()
        for s, p, o, _ in dataset.quads():
            reparsed.add((s, p, o))
    else:
        reparsed = Graph().parse(data=payload, format=parser[fmt])
    assert isomorphic(reparsed, graph)


def test_write_atomic_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    write_atomic(target, b"first")

    with pytest.raises(TypeError):
        write_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]
