"""Hostile RDF input: entity bombs, byte-order marks, ill-typed literals, datatype fidelity.

Every case runs ``aikg`` as a real process on real files, bounded in time; a refusal is one line
on stderr naming the file, exit 2, no traceback.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from oxigraph_server import run_aikg

ROOT = Path(__file__).resolve().parents[2]
STORES = ("memory", "oxigraph")

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a">
    <ex:p>&lol9;</ex:p>
  </rdf:Description>
</rdf:RDF>
"""

TURTLE = """@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:label "a" .
"""


def aikg(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_aikg(*args, env={"COLUMNS": "200"}, timeout=timeout)


def one_line_refusal(result: subprocess.CompletedProcess[str], name: str) -> str:
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    return lines[0]


# --- item 8: entity expansion -------------------------------------------------------------------


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("suffix", [".rdf", ".owl", ".xml"])
def test_billion_laughs_is_refused_before_parsing(tmp_path: Path, store: str, suffix: str) -> None:
    bomb = tmp_path / f"bomb{suffix}"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert bomb.stat().st_size < 2000
    result = aikg("--store", store, "--data", str(bomb), "stats", timeout=30)
    line = one_line_refusal(result, str(bomb))
    assert "entit" in line.lower()


@pytest.mark.parametrize("store", STORES)
def test_external_entity_is_refused(tmp_path: Path, store: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    xxe = tmp_path / "xxe.rdf"
    xxe.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE r [ <!ENTITY s SYSTEM "{secret.as_uri()}"> ]>\n'
        + BILLION_LAUGHS.split("]>\n", 1)[1].replace("&lol9;", "&s;"),
        encoding="utf-8",
    )
    result = aikg("--store", store, "--data", str(xxe), "export", "--format", "nt", timeout=30)
    one_line_refusal(result, str(xxe))
    assert "top secret" not in result.stdout


# --- item 14: byte-order mark, ill-typed literals ------------------------------------------------


@pytest.mark.parametrize("store", [*STORES, "oxigraph:DIR"])
@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".trig", ".jsonld", ".rdf"])
def test_utf8_bom_is_accepted_on_every_store(tmp_path: Path, store: str, suffix: str) -> None:
    bodies = {
        ".ttl": TURTLE,
        ".nt": '<http://example.org/a> <http://example.org/label> "a" .\n',
        ".trig": TURTLE,
        ".jsonld": '{"@id": "http://example.org/a", "http://example.org/label": "a"}',
        ".rdf": BILLION_LAUGHS.split("]>\n", 1)[1].replace("&lol9;", "a"),
    }
    data = tmp_path / f"bom{suffix}"
    data.write_bytes(b"\xef\xbb\xbf" + bodies[suffix].encode())
    spec = f"oxigraph:{tmp_path / 'db'}" if store == "oxigraph:DIR" else store
    result = aikg("--store", spec, "--data", str(data), "export", "--format", "nt")
    assert result.returncode == 0, result.stderr
    assert "\ufeff" not in result.stderr
    assert "<http://example.org/a>" in result.stdout


@pytest.mark.parametrize("store", STORES)
def test_ill_typed_literal_gives_no_traceback(tmp_path: Path, store: str) -> None:
    data = tmp_path / "bad.ttl"
    data.write_text(TURTLE + 'ex:a ex:when "not a date"^^xsd:date ; ex:n "x1"^^xsd:integer .\n')
    result = aikg("--store", store, "--data", str(data), "export", "--format", "nt")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Failed to convert" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2
    assert '"not a date"^^<http://www.w3.org/2001/XMLSchema#date>' in result.stdout


# --- item 15: the datatypes the data states ------------------------------------------------------

DATATYPES = """@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:start "12"^^xsd:nonNegativeInteger ; ex:end "0012"^^xsd:int ;
     ex:d "2024-01-01"^^xsd:date ; ex:x "1.50"^^xsd:decimal ; ex:b "1"^^xsd:boolean .
"""


QUERIES = {
    "nonNegativeInteger": (
        "SELECT ?v WHERE { ex:a ?p ?v FILTER(DATATYPE(?v) = xsd:nonNegativeInteger) }"
    ),
    "integer": "SELECT ?v WHERE { ex:a ?p ?v FILTER(DATATYPE(?v) = xsd:integer) }",
    "date": "SELECT ?v WHERE { ex:a ?p ?v FILTER(DATATYPE(?v) = xsd:date) }",
    "boolean": "SELECT ?v WHERE { ex:a ?p ?v FILTER(DATATYPE(?v) = xsd:boolean) }",
    "bound": "SELECT ?s WHERE { ?s ex:start 12 }",
    "bound-int": 'SELECT ?s WHERE { ?s ex:end "12"^^xsd:int }',
    "join": "SELECT ?s WHERE { ?s ex:start ?v . ?s ex:end ?v }",
    "sameterm": "SELECT ?s WHERE { ?s ex:start ?v FILTER(sameTerm(?v, 12)) }",
}
ROWS = {"nonNegativeInteger": 0, "integer": 2, "date": 1, "boolean": 1}


@pytest.mark.parametrize("name", QUERIES)
def test_datatype_query_agrees_on_every_store(tmp_path: Path, name: str) -> None:
    data = tmp_path / "typed.ttl"
    data.write_text(DATATYPES, encoding="utf-8")
    query = tmp_path / "q.rq"
    query.write_text(
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> PREFIX ex: <http://example.org/>\n"
        + QUERIES[name],
        encoding="utf-8",
    )
    answers = {}
    for store in ("memory", "oxigraph", f"oxigraph:{tmp_path / 'db'}"):
        result = aikg("--store", store, "--data", str(data), "query", str(query), "-f", "csv")
        assert result.returncode == 0, result.stderr
        answers[store] = sorted(result.stdout.strip().splitlines()[1:])
    assert len(set(map(tuple, answers.values()))) == 1, answers
    assert len(answers["memory"]) == ROWS.get(name, 1), answers


@pytest.mark.parametrize("store", STORES)
def test_export_keeps_the_stated_datatypes(tmp_path: Path, store: str) -> None:
    data = tmp_path / "typed.ttl"
    data.write_text(DATATYPES, encoding="utf-8")
    result = aikg("--store", store, "--data", str(data), "export", "--format", "nt")
    assert result.returncode == 0, result.stderr
    assert '"12"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>' in result.stdout
