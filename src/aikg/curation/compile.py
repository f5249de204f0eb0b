"""Compile curation sheets into RDF graphs (one per source document, one of shared entities)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from aikg.curation.periods import add_period
from aikg.curation.terms import as_list, iri, term, texts
from aikg.errors import EvidenceError, InputError
from aikg.labels import label
from aikg.namespaces import AIKG, AIKGUNIT, CUR, ID, OA, QUAL, QUDT, SCHEMA, SDMX_DIM, UNIT, shorten
from aikg.number_display import chinese_quantity, display_number
from aikg.numbers import (
    Quantity,
    QuantityError,
    canonical,
    is_integral,
    parse_quantity,
    precision,
)
from aikg.qualifiers import QUALIFIERS, bounds
from aikg.sources import SourceText, find_span, read_source

#: Unit kinds of :func:`aikg.numbers.parse_quantity` and the unit IRIs they map to.
UNIT_IRIS: dict[str, URIRef] = {
    "CNY": CUR.CNY,
    "USD": CUR.USD,
    "HKD": CUR.HKD,
    "EFLOPS": AIKGUNIT.EFLOPS,
    "PFLOPS": AIKGUNIT.PFLOPS,
    "percent": UNIT.PERCENT,
    "percentage_point": AIKGUNIT.PERCENT_POINT,
    "times": AIKGUNIT.TIMES,
    "person": AIKGUNIT.PERSON,
    "person_time": AIKGUNIT.PERSON_TIME,
    "count": UNIT.NUM,
    "year": UNIT.YR,
    "month": UNIT.MO,
    "day": UNIT.DAY,
    "hour": UNIT.HR,
}

_CJK = re.compile(r"[\u3400-\u9fff]")

#: Sheet keys of an observation or target that link it to an entity, and their properties.
_LINKS: dict[str, URIRef] = {
    "area": SDMX_DIM.refArea,
    "about": SCHEMA.observationAbout,
    "denominator": SCHEMA.measurementDenominator,
    "age": SDMX_DIM.age,
    "attributed_to": PROV.wasAttributedTo,
    "primary_source": PROV.hadPrimarySource,
}

# The keys each kind of sheet entry may have. A key outside them is refused, not ignored: a
# misspelt key would silently drop a fact, and a comma inside an unquoted flow-mapping value
# (``{quote: 產業數字化,促進}``) makes YAML split the value and read its tail as a stray key.
_DESCRIBE_KEYS = frozenset(
    {"a", "label", "alt", "definition", "note", "reading", "en_translated", "unstated", "props"}
)
_SPAN_KEYS = frozenset({"quote", "prefix", "suffix", "occurrence"})
KEYS: dict[str, frozenset[str]] = {
    "sheet": frozenset(
        {"document", "mentions", "statements", "observations", "targets", "explanations"}
    ),
    "entity": _DESCRIBE_KEYS | {"id"},
    "document": _DESCRIBE_KEYS
    | {"id", "key", "path", "language", "publisher", "reliability", "evidence"},
    "evidence": _SPAN_KEYS,
    "mention": _SPAN_KEYS | {"id"},
    "statement": _SPAN_KEYS | {"s", "p", "o", "a", "effects", "note", "reading", "props"},
    "observation": _SPAN_KEYS
    | set(_LINKS)
    | {"id", "var", "value_text", "qualifier", "unit", "unit_text", "period", "base_period"}
    | {"reading", "note", "props"},
    "explanation": _SPAN_KEYS | {"id", "observations", "kind", "explanation", "note"},
}
KEYS["target"] = KEYS["observation"] | {"year", "policy"}
#: The key of a draft sheet (``aikg extract``) that lists the figures the draft left out, each
#: with a part the rules assumed (:mod:`aikg.extraction.doubts`): not a key of a curated sheet.
UNSURE = "unsure"


# --------------------------------------------------------------------------------------------
# Reading sheets


class _Mapping(dict[str, Any]):
    """A mapping of a sheet that remembers the line where it starts (for error messages)."""

    line = 0


# libyaml's loader where PyYAML has it (reading every sheet takes 0.2 s, not 1.5 s)
_BaseLoader: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _SheetLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML's base loader (every scalar kept as text) whose mappings know their line."""


def _construct_mapping(loader: _SheetLoader, node: yaml.MappingNode) -> _Mapping:
    # A key given twice: YAML keeps the last value and drops the first without a word (a second
    # `note:` would erase the first note), so it is refused with the line of each.
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key, line = str(key_node.value), key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"key {key!r} given twice (lines {seen[key]} and {line})",
                    key_node.start_mark,
                )
            seen[key] = line
    # the base loader keeps every scalar, keys included, as text: str() changes none
    pairs = loader.construct_mapping(node, deep=True).items()
    mapping = _Mapping({str(key): value for key, value in pairs})
    mapping.line = node.start_mark.line + 1
    return mapping


_SheetLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_sheet(path: Path) -> Any:
    """A YAML sheet, every scalar kept as text (no implicit dates or numbers)."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_SheetLoader)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"{mark.line + 1}" if mark else "?"
        reason = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{path}:{line}: {reason}") from None


def check_keys(entry: Any, kind: str, where: str) -> dict[str, Any]:
    """``entry`` if it is a mapping whose keys are all keys of ``kind`` (see :data:`KEYS`).

    Example:
        >>> check_keys({"id": "place:CN", "quote": "中国"}, "mention", "x.yaml.mentions[0]")
        {'id': 'place:CN', 'quote': '中国'}
        >>> check_keys({"quote": "产业", "qoute": "产业"}, "evidence", "e")
        Traceback (most recent call last):
        ...
        aikg.errors.InputError: e: unknown key 'qoute'; evidence keys are: occurrence, prefix, ...
    """
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected a mapping, got {entry!r}")
    unknown = sorted(set(entry) - KEYS[kind])
    if unknown:
        names = ", ".join(repr(key) for key in unknown)
        allowed = ", ".join(sorted(KEYS[kind]))
        plural = "s" if len(unknown) > 1 else ""
        raise InputError(f"{where}: unknown key{plural} {names}; {kind} keys are: {allowed}")
    return entry


def _occurrence(value: Any) -> int | None:
    """A sheet's ``occurrence`` (the sheet loader keeps scalars as text) as a number; whether
    there is such an occurrence is :func:`aikg.sources.find_span`'s to check.

    Example:
        >>> _occurrence("2"), _occurrence(None)
        (2, None)
        >>> _occurrence("first")
        Traceback (most recent call last):
        ...
        aikg.errors.EvidenceError: occurrence 'first' is not a whole number from 1
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text.isascii() or not text.isdigit():
        raise EvidenceError(f"occurrence {value!r} is not a whole number from 1")
    return int(text)


def _line(entry: Any) -> str:
    return f" (line {entry.line})" if getattr(entry, "line", 0) else ""


def _flag(value: Any) -> bool:
    return str(value).lower() in {"true", "yes", "1"}


def _add_texts(graph: Graph, subject: URIRef, predicate: URIRef, value: Any, where: str) -> None:
    for literal in texts(value, where):
        graph.add((subject, predicate, literal))


def _add_props(graph: Graph, subject: URIRef, props: Any, where: str) -> None:
    for key, values in (props or {}).items():
        predicate = iri(key, f"{where}.props")
        for value in as_list(values):
            graph.add((subject, predicate, term(value, f"{where}.props.{key}")))


def _describe(graph: Graph, subject: URIRef, entry: dict[str, Any], where: str) -> None:
    """Types, labels, notes and properties shared by entity entries and documents."""
    for kind in as_list(entry.get("a")):
        graph.add((subject, RDF.type, iri(kind, f"{where}.a")))
    _add_texts(graph, subject, RDFS.label, entry.get("label"), f"{where}.label")
    _add_texts(graph, subject, SKOS.altLabel, entry.get("alt"), f"{where}.alt")
    _add_texts(graph, subject, SKOS.definition, entry.get("definition"), f"{where}.definition")
    _add_texts(graph, subject, SKOS.note, entry.get("note"), f"{where}.note")
    _add_texts(graph, subject, AIKG.readingNote, entry.get("reading"), f"{where}.reading")
    if _flag(entry.get("en_translated")):
        graph.add((subject, AIKG.englishLabelTranslated, Literal(True)))
    for prop in as_list(entry.get("unstated")):
        graph.add((subject, AIKG.unstatedProperty, iri(prop, f"{where}.unstated")))
    _add_props(graph, subject, entry.get("props"), where)


# --------------------------------------------------------------------------------------------
# Shared entities


def compile_entities(sheet_path: Path) -> Graph:
    """The graph of the shared entities sheet (a list of entity entries)."""
    sheet = load_sheet(sheet_path)
    if not isinstance(sheet, list):
        raise InputError(f"{sheet_path}: expected a list of entities")
    return compile_entity_list(sheet, sheet_path.name)


def compile_entity_list(entries: list[Any], name: str) -> Graph:
    """The graph of entity entries held in memory; ``name`` says where they come from in
    error messages (``name[index]``). Scalars are strings, as :func:`load_sheet` reads them."""
    graph = Graph()
    seen: dict[str, str] = {}  # id -> where it is defined
    for index, entry in enumerate(entries):
        where = f"{name}[{index}]"
        if not isinstance(entry, dict) or "id" not in entry:
            raise InputError(f"{where}: an entity needs an 'id'")
        place = f"{where}{_line(entry)}"
        check_keys(entry, "entity", place)
        if entry["id"] in seen:
            # Two entries of one IRI would merge silently into one node with both sets of
            # labels and notes: one definition per entity.
            raise InputError(
                f"{name}: entity {entry['id']} is defined twice, "
                f"at {seen[entry['id']]} and at {place}"
            )
        seen[entry["id"]] = place
        _describe(graph, iri(entry["id"], f"{where}.id"), entry, where)
    return graph


# --------------------------------------------------------------------------------------------
# Documents


@dataclass
class _Doc:
    """What compiling one document needs at hand."""

    iri: URIRef
    slug: str
    text_iri: URIRef
    source: SourceText
    graph: Graph
    known: Graph  # shared entities, for labels

    def annotate(self, body: URIRef, key: str, spec: dict[str, Any], where: str) -> URIRef:
        """An oa:Annotation of ``body`` whose target selects the quoted span of the source."""
        quote = spec.get("quote")
        if not quote:
            raise InputError(f"{where}: needs a 'quote'")
        try:
            span = find_span(
                self.source.text,
                quote,
                spec.get("prefix", ""),
                spec.get("suffix", ""),
                _occurrence(spec.get("occurrence")),
            )
        except InputError as exc:
            raise InputError(f"{where}: {exc}") from None
        g, anno = self.graph, ID["anno"][f"{self.slug}--{key}"]
        target, pos, sel = (URIRef(f"{anno}-{part}") for part in ("target", "pos", "quote"))
        g.add((anno, RDF.type, OA.Annotation))
        g.add((anno, OA.hasBody, body))
        g.add((anno, OA.hasTarget, target))
        g.add((anno, OA.motivatedBy, OA.identifying))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, self.text_iri))
        g.add((target, OA.hasSelector, pos))
        g.add((target, OA.hasSelector, sel))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((pos, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((sel, RDF.type, OA.TextQuoteSelector))
        g.add((sel, OA.exact, Literal(span.exact)))
        if span.prefix:
            g.add((sel, OA.prefix, Literal(span.prefix)))
        if span.suffix:
            g.add((sel, OA.suffix, Literal(span.suffix)))
        if span.occurrence is not None:
            # the quote's context recurs (a repeated paragraph): say which occurrence it is,
            # so that the quote selector alone still names one span, as the position does
            g.add((sel, AIKG.occurrence, Literal(span.occurrence, datatype=XSD.positiveInteger)))
        return anno

    def label(self, subject: URIRef, lang: str) -> str:
        """The subject's label tagged exactly ``lang``'s first choice (``zh-hans``, ``en``),
        from this document's graph or the known one; else its prefixed name."""
        return label((self.graph, self.known), subject, lang, strict=True)


def _key(value: URIRef) -> str:
    """A readable annotation key for an entity IRI: ``org:cnnic`` -> ``org-cnnic``."""
    return shorten(str(value)).replace(":", "-")


def _number(value: Decimal) -> Literal:
    datatype = XSD.integer if is_integral(value) else XSD.decimal
    return Literal(canonical(value), datatype=datatype)


def _english_number(quantity: Quantity, unit_label: str) -> str:
    shown = display_number(quantity.value, "en")
    qualifier = QUALIFIERS.get(quantity.qualifier or "")
    prefix = qualifier.en if qualifier else ""
    if quantity.unit == "percent":
        return f"{prefix}{shown}%"
    return f"{prefix}{shown} {unit_label}".strip()


#: How the corpus front matter says that the stored excerpt shows no title.
UNTITLED = "not shown in excerpt"


def _document_node(doc: _Doc, spec: dict[str, Any], where: str) -> None:
    g, fm, subject = doc.graph, doc.source.front_matter, doc.iri
    g.add((subject, RDF.type, AIKG.SourceDocument))
    language = spec.get("language", "zh-hans")
    title = fm.get("title", "")
    if len(title) > 1 and title[0] == title[-1] and title[0] in "\"'":
        title = title[1:-1]  # a YAML-quoted front-matter value
    if title.startswith(UNTITLED):
        # The front matter describes the item instead of giving its title: record that the
        # title is unstated rather than tagging the description as the title.
        title = ""
        g.add((subject, AIKG.unstatedProperty, SCHEMA.name))
    if title:
        g.add((subject, SCHEMA.name, Literal(title, lang=language)))
    labels = dict(spec.get("label") or {})
    if title and not any(key.startswith(language[:2]) for key in labels):
        spec = {**spec, "label": {language: title, **labels}}
    _describe(g, subject, spec, where)
    if fm.get("url"):
        g.add((subject, SCHEMA.url, Literal(fm["url"], datatype=XSD.anyURI)))
    date = fm.get("date", "unknown")
    if date == "unknown":
        g.add((subject, AIKG.dateUnknown, Literal(True)))
    else:
        g.add((subject, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
    g.add((subject, SCHEMA.inLanguage, Literal(language)))
    for key, predicate in (("publisher", SCHEMA.publisher), ("reliability", AIKG.reliability)):
        if key not in spec:
            raise InputError(f"{where}: needs '{key}'")
        g.add((subject, predicate, iri(spec[key], f"{where}.{key}")))
    g.add((subject, AIKG.sourceText, doc.text_iri))
    text = doc.text_iri
    g.add((text, RDF.type, AIKG.SourceText))
    g.add((text, SCHEMA.sha256, Literal(doc.source.sha256)))
    g.add((text, AIKG.sourcePath, Literal(spec["path"])))
    g.add((text, SCHEMA.encodingFormat, Literal("text/markdown")))
    g.add((text, SCHEMA.encodesCreativeWork, subject))
    g.add((text, RDFS.label, Literal(f"{spec['path']} 的文本", lang="zh-hans")))
    g.add((text, RDFS.label, Literal(f"text of {spec['path']}", lang="en")))
    doc.annotate(subject, "document", spec.get("evidence") or {}, f"{where}.evidence")


def _statement(doc: _Doc, spec: dict[str, Any], where: str) -> None:
    """A disputable triple, stated by the document: the triple, its rdf:Statement, evidence."""
    g = doc.graph
    s, p = iri(spec.get("s", ""), f"{where}.s"), iri(spec.get("p", ""), f"{where}.p")
    if "o" not in spec:
        raise InputError(f"{where}: needs 'o'")
    o = term(spec["o"], f"{where}.o")
    g.add((s, p, o))
    digest = hashlib.sha1(f"{s} {p} {o.n3()}".encode()).hexdigest()[:10]
    stmt = ID["stmt"][f"{doc.slug}--{digest}"]
    g.add((stmt, RDF.type, RDF.Statement))
    for kind in as_list(spec.get("a")):
        g.add((stmt, RDF.type, iri(kind, f"{where}.a")))
    g.add((stmt, RDF.subject, s))
    g.add((stmt, RDF.predicate, p))
    g.add((stmt, RDF.object, o))
    g.add((stmt, PROV.wasDerivedFrom, doc.iri))
    _add_texts(g, stmt, AIKG.effect, spec.get("effects"), f"{where}.effects")
    _add_texts(g, stmt, SKOS.note, spec.get("note"), f"{where}.note")
    _add_texts(g, stmt, AIKG.readingNote, spec.get("reading"), f"{where}.reading")
    _add_props(g, stmt, spec.get("props"), where)
    doc.annotate(stmt, f"stmt-{digest}", spec, where)


def _requalify(quantity: Quantity, spec: dict[str, Any], where: str) -> Quantity:
    """Apply a ``qualifier`` that a word of the quote outside ``value_text`` states.

    For wording the number parser does not read ("Surpasses 700 Billion Yuan", "expected to
    exceed"): the sheet names the qualifier and must say in ``reading`` how it reads the word.
    """
    qualifier = spec["qualifier"]
    if qualifier not in QUALIFIERS:
        raise InputError(f"{where}.qualifier: {qualifier!r} is not one of {sorted(QUALIFIERS)}")
    if quantity.qualifier not in (None, qualifier):
        raise InputError(
            f"{where}.qualifier: {qualifier!r} contradicts {quantity.qualifier!r} in the value text"
        )
    if not spec.get("reading"):
        raise InputError(f"{where}: a 'qualifier' needs a 'reading' that explains the word")
    low, high, low_exclusive, high_exclusive = bounds(qualifier, quantity.value)
    return replace(
        quantity,
        qualifier=qualifier,
        min_value=low,
        max_value=high,
        min_exclusive=low_exclusive,
        max_exclusive=high_exclusive,
    )


def _observation(doc: _Doc, spec: dict[str, Any], where: str, kind: URIRef) -> None:
    g = doc.graph
    subject = iri(spec.get("id", ""), f"{where}.id")
    variable = iri(spec.get("var", ""), f"{where}.var")
    quote = spec.get("quote", "")
    value_text = spec.get("value_text", quote)
    if value_text not in quote:
        raise InputError(f"{where}: value_text {value_text!r} is not part of quote {quote!r}")
    try:
        quantity = parse_quantity(value_text)
    except QuantityError as exc:
        raise InputError(f"{where}: {exc}") from None
    if "qualifier" in spec:
        quantity = _requalify(quantity, spec, where)
    if "unit" in spec:
        unit = iri(spec["unit"], f"{where}.unit")
    elif quantity.unit in UNIT_IRIS:
        unit = UNIT_IRIS[quantity.unit]
    else:
        raise InputError(f"{where}: {value_text!r} has no unit; give 'unit'")
    if (unit, RDF.type, QUDT.Unit) not in doc.known:
        # a misspelt unit (unit:PERCNT) would compile, validate and show as a bare IRI
        raise InputError(
            f"{where}.unit: {shorten(str(unit))} is not a unit of ontology/schemes.ttl; "
            "add it there (with its labels) or use one of its units"
        )
    g.add((subject, RDF.type, kind))
    g.add((subject, SCHEMA.variableMeasured, variable))
    g.add((subject, SCHEMA.value, _number(quantity.value)))
    g.add((subject, SCHEMA.unitCode, unit))
    unit_text = spec.get("unit_text", quantity.unit_text)
    if unit_text:
        g.add((subject, SCHEMA.unitText, Literal(unit_text)))
    g.add((subject, AIKG.precision, Literal(canonical(precision(quantity)), datatype=XSD.decimal)))
    if quantity.qualifier:
        g.add((subject, AIKG.valueQualifier, QUAL[quantity.qualifier]))
    if quantity.min_value is not None:
        g.add((subject, SCHEMA.minValue, _number(quantity.min_value)))
    if quantity.max_value is not None:
        g.add((subject, SCHEMA.maxValue, _number(quantity.max_value)))
    period_text = ""
    if "period" in spec:
        period = add_period(g, spec["period"])
        g.add((subject, SDMX_DIM.refPeriod, period))
        period_text = doc.label(period, "en")
    if "base_period" in spec:
        g.add((subject, AIKG.basePeriod, add_period(g, spec["base_period"])))
    if kind == AIKG.Target:
        if "year" not in spec or "policy" not in spec:
            raise InputError(f"{where}: a target needs 'year' and 'policy'")
        g.add((subject, AIKG.targetYear, Literal(spec["year"], datatype=XSD.gYear)))
        g.add((subject, AIKG.targetOf, iri(spec["policy"], f"{where}.policy")))
        period_text = f"by {spec['year']}"
    for key, predicate in _LINKS.items():
        for value in as_list(spec.get(key)):
            g.add((subject, predicate, iri(value, f"{where}.{key}")))
    g.add((subject, PROV.wasDerivedFrom, doc.iri))
    _add_texts(g, subject, AIKG.readingNote, spec.get("reading"), f"{where}.reading")
    _add_texts(g, subject, SKOS.note, spec.get("note"), f"{where}.note")
    _add_props(g, subject, spec.get("props"), where)
    var_zh, var_en = doc.label(variable, "zh"), doc.label(variable, "en")
    qualifiers = [iri(spec[k], f"{where}.{k}") for k in ("about", "age") if k in spec]
    if qualifiers:
        var_zh += "（" + "，".join(doc.label(q, "zh") for q in qualifiers) + "）"
        var_en += " (" + ", ".join(doc.label(q, "en") for q in qualifiers) + ")"
    number_en = _english_number(quantity, "" if unit == UNIT.NUM else doc.label(unit, "en"))
    # A Chinese source keeps its own wording; an English one is rendered in Chinese.
    number_zh = value_text if _CJK.search(value_text) else chinese_quantity(quantity)
    g.add((subject, RDFS.label, Literal(f"{var_zh}：{number_zh}", lang="zh-hans")))
    g.add((subject, RDFS.label, Literal(f"{var_en}: {number_en} ({period_text})", lang="en")))
    doc.annotate(subject, _key(subject), spec, where)


def _disagreement_kind(known: Graph, value: Any, where: str) -> URIRef:
    """A kind of disagreement: its notation (``revision``) or IRI, from the ontology's scheme."""
    kinds = {
        str(known.value(concept, SKOS.notation)): concept
        for concept in known.subjects(RDF.type, AIKG.DisagreementKind)
        if isinstance(concept, URIRef)
    }
    if value in kinds:
        return kinds[value]
    if isinstance(value, str) and ":" in value and iri(value, where) in kinds.values():
        return iri(value, where)
    raise InputError(f"{where}: {value!r} is not one of {', '.join(sorted(kinds))}")


def _explanation(doc: _Doc, spec: dict[str, Any], where: str) -> None:
    """An explained disagreement: the observations whose values differ, why, and on what basis.

    With a ``quote`` the document states the reason (derived from it, with evidence); without
    one the explanation is the curators' own, attributed to ``aikg:curators``.
    """
    g = doc.graph
    subject = iri(spec.get("id", ""), f"{where}.id")
    observations = [iri(o, f"{where}.observations") for o in as_list(spec.get("observations"))]
    if len(set(observations)) < 2:
        raise InputError(f"{where}: an explanation names two or more 'observations'")
    kind = _disagreement_kind(doc.known, spec.get("kind"), f"{where}.kind")
    explanation = texts(spec.get("explanation"), f"{where}.explanation")
    if not {"zh", "en"} <= {(text.language or "")[:2] for text in explanation}:
        raise InputError(f"{where}: needs an 'explanation' in Chinese (zh) and English (en)")
    g.add((subject, RDF.type, AIKG.ExplainedDisagreement))
    for observation in observations:
        g.add((subject, AIKG.disagreeingObservation, observation))
    g.add((subject, AIKG.disagreementKind, kind))
    for text in explanation:
        g.add((subject, AIKG.explanation, text))
    name = str(subject).rsplit("/", 1)[-1]
    g.add((subject, RDFS.label, Literal(f"已解释的数据分歧：{name}", lang="zh-hans")))
    g.add((subject, RDFS.label, Literal(f"explained disagreement: {name}", lang="en")))
    _add_texts(g, subject, SKOS.note, spec.get("note"), f"{where}.note")
    if spec.get("quote"):
        g.add((subject, PROV.wasDerivedFrom, doc.iri))
        doc.annotate(subject, _key(subject), spec, where)
    else:
        g.add((subject, PROV.wasAttributedTo, AIKG.curators))


def compile_document(sheet_path: Path, shared: Path, known: Graph) -> Graph:
    """The graph of one document sheet, anchored in its source text under ``shared``."""
    return compile_sheet(load_sheet(sheet_path), shared, known, name=sheet_path.name)


def compile_sheet(sheet: Any, shared: Path, known: Graph, *, name: str = "sheet") -> Graph:
    """The graph of a document sheet held in memory (the mapping a sheet file holds, every
    scalar a string as :func:`load_sheet` reads them), anchored in its source under ``shared``.

    ``known`` holds the entities its mentions may name and the labels of units and qualifiers;
    ``name`` says where the sheet comes from in error messages.
    """
    if not isinstance(sheet, dict) or "document" not in sheet:
        raise InputError(f"{name}: expected a mapping with a 'document' entry")
    if UNSURE in sheet:
        raise InputError(
            f"{name}: '{UNSURE}' lists figures the draft left out, each with a part assumed "
            "(its reading says which): complete them and move them to 'observations' or "
            "'targets', or delete them"
        )
    check_keys(sheet, "sheet", name)
    spec = check_keys(sheet["document"], "document", f"{name}.document")
    check_keys(spec.get("evidence") or {}, "evidence", f"{name}.document.evidence")
    entries = {
        section: [
            check_keys(entry, kind, f"{name}.{section}[{index}]{_line(entry)}")
            for index, entry in enumerate(as_list(sheet.get(section)))
        ]
        for section, kind in (
            ("mentions", "mention"),
            ("statements", "statement"),
            ("observations", "observation"),
            ("targets", "target"),
            ("explanations", "explanation"),
        )
    }
    if "id" not in spec or "path" not in spec:
        raise InputError(f"{name}: document needs 'id' and 'path'")
    subject = iri(spec["id"], f"{name}.document.id")
    source = read_source(shared / spec["path"])
    slug = spec.get("key") or str(subject).rsplit("/", 1)[-1]
    doc = _Doc(subject, slug, ID["text"][f"sha256-{source.sha256}"], source, Graph(), known)
    _document_node(doc, spec, f"{name}.document")
    for index, mention in enumerate(entries["mentions"]):
        where = f"{name}.mentions[{index}]"
        entity = iri(mention.get("id", ""), f"{where}.id")
        if (entity, None, None) not in known and (entity, None, None) not in doc.graph:
            raise InputError(f"{where}: {mention['id']} is not defined in the entities sheet")
        doc.graph.add((subject, SCHEMA.mentions, entity))
        doc.annotate(entity, _key(entity), mention, where)
    for index, statement in enumerate(entries["statements"]):
        _statement(doc, statement, f"{name}.statements[{index}]")
    for index, observation in enumerate(entries["observations"]):
        _observation(doc, observation, f"{name}.observations[{index}]", SCHEMA.Observation)
    for index, target in enumerate(entries["targets"]):
        _observation(doc, target, f"{name}.targets[{index}]", AIKG.Target)
    for index, explanation in enumerate(entries["explanations"]):
        _explanation(doc, explanation, f"{name}.explanations[{index}]")
    return doc.graph


def compile_all(curation: Path, shared: Path) -> dict[str, Graph]:
    """Every sheet of ``curation``: ``{output file name: graph}``; ``entities.yaml`` first."""
    from aikg.store.files import ontology_graph

    entities = compile_entities(curation / "entities.yaml")
    known = ontology_graph() + entities  # labels of units, qualifiers and entities
    graphs = {"entities.ttl": entities}
    for sheet in sorted(curation.glob("*.yaml")):
        if sheet.name != "entities.yaml":
            graphs[sheet.stem + ".ttl"] = compile_document(sheet, shared, known)
    return graphs
