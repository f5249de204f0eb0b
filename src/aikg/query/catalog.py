"""The catalog of saved SPARQL queries: ``queries/*.rq`` with grlc headers and BASIL parameters.

Each file is one query. Its header is the lines that start with ``#+``: YAML, as grlc reads it::

    #+ summary: One line that says what the query answers
    #+ description: A paragraph for the catalog page.
    #+ tags:
    #+   - observations
    #+ defaults:
    #+   - type: plan
    #+ enumerate:
    #+   - type:
    #+     - plan
    #+     - guideline

Parameters are the query's variables named in the BASIL convention that grlc follows:
``?_name`` is required, ``?__name`` optional, and a suffix gives the type (``?_entity_iri``,
``?_year_integer``, ``?_day_xsd_date``, ``?_text_en`` for a literal in English). The name part
is what the command line calls it: ``?_entity_iri`` is ``--param entity=...``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from aikg import paths
from aikg.errors import InputError, excerpt, located
from aikg.namespaces import PREFIXES, XSD_IRI
from aikg.query.text import Outline, outline

#: XSD datatypes a parameter suffix may name directly (``?_n_integer``), as grlc allows.
XSD_TYPES = (
    "string", "integer", "decimal", "double", "float", "boolean", "date", "dateTime", "time",
    "gYear", "gYearMonth", "duration", "anyURI", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "long", "int", "short", "byte",
)  # fmt: skip

#: Header keys grlc knows; any other key is a typo that would be silently ignored.
HEADER_KEYS = (
    "summary", "description", "tags", "defaults", "enumerate", "endpoint", "method",
    "pagination", "mime", "transform", "endpoint_in_url",
)  # fmt: skip

_PARAMETER = re.compile(
    r"^(?P<marker>_{1,2})(?P<name>[A-Za-z0-9]+)"
    r"(?:_(?P<kind>[A-Za-z0-9]+)(?:_(?P<local>[A-Za-z0-9]+))?)?$"
)
_QUERY_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Parameter:
    """One parameter of a saved query, declared by a BASIL variable name."""

    name: str  # the command line's name: ``entity`` for ``?_entity_iri``
    variable: str  # the variable without its sigil: ``_entity_iri``
    required: bool
    kind: str  # "iri", "string", "number", "typed" (datatype) or "lang" (language tag)
    datatype: str | None = None  # the datatype IRI of a "typed" parameter
    lang: str | None = None  # the language tag of a "lang" parameter
    default: str | None = None
    enum: tuple[str, ...] = ()

    @property
    def type_label(self) -> str:
        """The type as the catalog shows it: ``IRI``, ``string``, ``xsd:integer``, ``@en``."""
        if self.kind == "iri":
            return "IRI"
        if self.kind == "typed" and self.datatype:
            if self.datatype.startswith(XSD_IRI):
                return "xsd:" + self.datatype[len(XSD_IRI) :]
            return self.datatype
        if self.kind == "lang":
            return f"string@{self.lang}"
        return self.kind

    @property
    def usage(self) -> str:
        """How to give it on the command line: ``--param entity=IRI``."""
        placeholder = "IRI" if self.kind == "iri" else "VALUE"
        return f"--param {self.name}={placeholder}"


@dataclass(frozen=True)
class SavedQuery:
    """A query with its header and parameters (from a catalog file, a file or the command line)."""

    name: str
    text: str
    origin: str  # the file the text came from, or "<expression>": error messages start with it
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    shape: Outline = field(default_factory=lambda: Outline(form=""))
    path: Path | None = None

    @property
    def form(self) -> str:
        return self.shape.form

    @property
    def columns(self) -> list[str]:
        return self.shape.columns

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


# --------------------------------------------------------------------------------------------
# Reading one query


def _header(text: str, origin: str) -> dict[str, Any]:
    """The YAML of the ``#+`` lines, read the way grlc reads it."""
    lines = [line.lstrip("#+") for line in text.splitlines() if line.startswith("#+")]
    if not lines:
        return {}
    first = next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("#+"))
    try:
        data = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first + mark.line if mark is not None else first
        reason = getattr(exc, "problem", None) or "invalid YAML"
        raise located(origin, line, None, f"query header: {reason}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{origin}:{first}: query header: expected 'key: value' lines")
    unknown = sorted(set(data) - set(HEADER_KEYS))
    if unknown:
        raise InputError(
            f"{origin}:{first}: query header: unknown key {unknown[0]!r} "
            f"(known: {', '.join(HEADER_KEYS)})"
        )
    return data


def _text_field(header: dict[str, Any], key: str, origin: str) -> str:
    value = header.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise InputError(f"{origin}: query header: {key!r} must be text")
    return " ".join(str(value).split())


def _name_values(header: dict[str, Any], key: str, origin: str) -> dict[str, Any]:
    """``defaults`` / ``enumerate``: grlc writes a list of one-key mappings; a mapping is fine."""
    raw = header.get(key) or []
    items: Iterable[tuple[Any, Any]] | None = raw.items() if isinstance(raw, dict) else None
    if items is None:
        if not isinstance(raw, list) or not all(
            isinstance(entry, dict) and len(entry) == 1 for entry in raw
        ):
            raise InputError(f"{origin}: query header: {key!r} must be a list of 'name: value'")
        items = [next(iter(entry.items())) for entry in raw]
    found: dict[str, Any] = {}
    for name, value in items:
        if str(name) in found:
            raise InputError(f"{origin}: query header: {key!r} names {name!r} twice")
        found[str(name)] = value
    return found


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _parameter(
    variable: str, prefixes: dict[str, str], origin: str
) -> tuple[str, bool, str, str | None, str | None]:
    """Name, required, kind, datatype and language of the BASIL variable ``variable``."""
    match = _PARAMETER.match(variable)
    if not match:
        raise InputError(
            f"{origin}: ?{variable}: a parameter variable is ?_name or ?__name with an optional "
            "type suffix (_iri, _integer, _xsd_date, _en ...); names have letters and digits only"
        )
    name, required = match["name"], match["marker"] == "_"
    kind, local = match["kind"], match["local"]
    if kind is None or kind in ("string", "literal"):
        if local:
            raise InputError(f"{origin}: ?{variable}: unknown parameter type {kind}_{local}")
        return name, required, "string", None, None
    if local is None:
        if kind == "iri":
            return name, required, "iri", None, None
        if kind == "number":
            return name, required, "number", None, None
        if kind in XSD_TYPES:
            return name, required, "typed", XSD_IRI + kind, None
        if re.fullmatch(r"[a-z]{2}", kind):
            return name, required, "lang", None, kind
        raise InputError(
            f"{origin}: ?{variable}: unknown parameter type {kind!r} "
            "(use iri, string, number, an XSD type, a two-letter language or prefix_type)"
        )
    namespace = prefixes.get(kind) or (XSD_IRI if kind == "xsd" else None)
    if namespace is None:
        known = PREFIXES.get(kind)
        namespace = str(known) if known is not None else None
    if namespace is None:
        raise InputError(f"{origin}: ?{variable}: unknown prefix {kind!r} in its type")
    return name, required, "typed", namespace + local, None


def parse_query(text: str, name: str, origin: str, path: Path | None = None) -> SavedQuery:
    """A saved query from its text: header, outline and parameters (no engine involved)."""
    header = _header(text, origin)
    shape = outline(text)
    defaults = _name_values(header, "defaults", origin)
    enumerate_ = _name_values(header, "enumerate", origin)
    tags = header.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list):
        raise InputError(f"{origin}: query header: 'tags' must be a list")
    parameters: dict[str, Parameter] = {}
    for variable in shape.variables:
        if not variable.startswith("_"):
            continue
        pname, required, kind, datatype, lang = _parameter(variable, shape.prefixes, origin)
        if pname in parameters:
            if parameters[pname].variable != variable:
                raise InputError(
                    f"{origin}: parameter {pname!r} is declared twice, as "
                    f"?{parameters[pname].variable} and ?{variable}"
                )
            continue
        enum = enumerate_.get(pname) or []
        if not isinstance(enum, list):
            raise InputError(f"{origin}: query header: 'enumerate' of {pname!r} must be a list")
        default = defaults.get(pname)
        parameters[pname] = Parameter(
            name=pname,
            variable=variable,
            required=required,
            kind=kind,
            datatype=datatype,
            lang=lang,
            default=None if default is None else _scalar(default),
            enum=tuple(_scalar(value) for value in enum),
        )
    for key, given in (("defaults", defaults), ("enumerate", enumerate_)):
        for pname in given:
            if pname not in parameters:
                raise InputError(
                    f"{origin}: query header: {key!r} names {pname!r}, which is not a parameter "
                    f"of the query (parameters: {', '.join(parameters) or 'none'})"
                )
    return SavedQuery(
        name=name,
        text=text,
        origin=origin,
        summary=_text_field(header, "summary", origin),
        description=_text_field(header, "description", origin),
        tags=tuple(str(tag) for tag in tags),
        parameters=tuple(parameters.values()),
        shape=shape,
        path=path,
    )


def read_query_file(path: Path, name: str | None = None) -> SavedQuery:
    """The saved query in ``path`` (a ``.rq`` file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such query file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return parse_query(text, name or path.stem, str(path), path)


# --------------------------------------------------------------------------------------------
# The catalog


def catalog_dir(folder: Path | None = None) -> Path:
    return folder if folder is not None else paths.queries_dir()


def load_catalog(folder: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query of ``folder`` (the bundled ``queries/`` by default), by name."""
    root = catalog_dir(folder)
    if not root.is_dir():
        raise InputError(f"{root}: no such query catalog folder")
    catalog: dict[str, SavedQuery] = {}
    for path in sorted(root.glob("*.rq")):
        if not _QUERY_NAME.match(path.stem):
            raise InputError(f"{path}: a query name has lowercase letters, digits and hyphens")
        catalog[path.stem] = read_query_file(path)
    return catalog


#: Text that starts as a SPARQL query does (a keyword, then a space or a brace).
_QUERY_TEXT = re.compile(
    r"\s*(?:#[^\n]*\n\s*)*(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)[\s{*]", re.IGNORECASE
)


def find_query(reference: str, folder: Path | None = None) -> SavedQuery:
    """A saved query by catalog name, or the ``.rq`` file at ``reference``."""
    candidate = Path(reference)
    if _QUERY_TEXT.match(reference) and not candidate.is_file():
        # query text where a name or a file goes: said as such, not as a missing file whose
        # "path" is the text with its // folded
        raise InputError(
            f"{excerpt(reference, 39)!r} is query text, not a saved query's name or a .rq "
            "file: give it with -e (aikg query -e 'SELECT ...')"
        )
    if reference.endswith(".rq") or "/" in reference or "\\" in reference:
        return read_query_file(candidate)
    root = catalog_dir(folder)
    path = root / f"{reference}.rq"
    if _QUERY_NAME.match(reference) and path.is_file():
        return read_query_file(path)
    if candidate.is_file():
        return read_query_file(candidate)
    names = sorted(p.stem for p in root.glob("*.rq")) if root.is_dir() else []
    close = difflib.get_close_matches(reference, names, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else " (list them with 'aikg queries')"
    raise InputError(f"no saved query named {reference!r}{hint}")


def expression_query(text: str) -> SavedQuery:
    """A query given on the command line (``-e``)."""
    if not text.strip():
        raise InputError("the query given with -e is empty: give the text of a SPARQL query")
    return parse_query(text, "<expression>", "<expression>")


# --------------------------------------------------------------------------------------------
# The catalog page


def _parameter_line(parameter: Parameter) -> str:
    need = "required" if parameter.required else "optional"
    parts = [f"`{parameter.name}` ({parameter.type_label}, {need})"]
    if parameter.default is not None:
        parts.append(f"default `{parameter.default}`")
    if parameter.enum:
        parts.append("one of " + ", ".join(f"`{value}`" for value in parameter.enum))
    return "; ".join(parts)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def usage(query: SavedQuery) -> str:
    """A command that runs the query, with its required parameters."""
    words = ["aikg query", query.name]
    for parameter in query.parameters:
        if parameter.required and parameter.default is None:
            words.append(parameter.usage)
    return " ".join(words)


def render_markdown(catalog: dict[str, SavedQuery]) -> str:
    """The catalog page (``queries/README.md``): an index, then one section per query."""
    out = [
        "# Saved queries",
        "",
        "<!-- Generated by `aikg queries --markdown -o queries/README.md` from the headers of "
        "the .rq files: do not edit by hand (a test keeps it in sync). -->",
        "",
        f"{len(catalog)} saved SPARQL 1.1 queries. Run one with "
        "`aikg query NAME [--param name=value]... [--format F] [-o FILE] [--endpoint URL]`; "
        "the guide is [docs/queries.md](../docs/queries.md). The files follow grlc's "
        "conventions (`#+` YAML headers, BASIL parameter names: `?_name` required, "
        "`?__name` optional, a suffix for the type), so this folder also serves as a grlc API.",
        "",
        "| query | answers | parameters |",
        "| --- | --- | --- |",
    ]
    for name, query in catalog.items():
        params = ", ".join(f"`{p.name}`" + ("" if p.required else "?") for p in query.parameters)
        out.append(f"| [{name}](#{name}) | {_md(query.summary)} | {params or '—'} |")
    for name, query in catalog.items():
        out += ["", f"## {name}", "", f"**{_md(query.summary)}**", ""]
        if query.description:
            out += [query.description, ""]
        if query.form == "SELECT":
            columns = ", ".join(f"`{c}`" for c in query.columns)
            out.append(f"- Returns: a table with the columns {columns}.")
        elif query.form == "ASK":
            out.append("- Returns: true or false.")
        else:
            out.append(f"- Returns: a graph ({query.form}); formats turtle, jsonld, nt.")
        if query.parameters:
            out.append("- Parameters:")
            out += [f"  - {_parameter_line(p)}" for p in query.parameters]
        else:
            out.append("- Parameters: none.")
        if query.tags:
            out.append("- Tags: " + ", ".join(query.tags) + ".")
        out.append(f"- File: [{name}.rq]({name}.rq)")
        out += ["", "```sh", usage(query), "```"]
    return "\n".join(out) + "\n"
