"""The tokens and outline of a SPARQL query's text, without evaluating it.

What the catalog and the parameter binder need to know about a query before any engine sees it:
its form (SELECT, CONSTRUCT, ASK, DESCRIBE), its projected columns, its prefixes, the variables
it mentions, and where its outermost ``WHERE`` group opens and closes (the place where bound
parameters go as a ``VALUES`` block). Strings, IRIs and comments are skipped as wholes, so a
brace or a ``?_name`` inside them is never taken for syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aikg.errors import InputError

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>"{3}(?:[^"\\]|\\.|"(?!""))*"{3}
              | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
              | "(?:[^"\\\n\r]|\\.)*"
              | '(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
  | (?P<word>[^\W\d][\w\-.:%\u00B7]*|:[\w\-.:%\u00B7]*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<punct>[{}()\[\],;.])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_MODIFIERS = {"GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"}


@dataclass(frozen=True)
class Token:
    kind: str  # ws, comment, string, iri, var, word, number, punct, other
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def upper(self) -> str:
        return self.text.upper()


def tokenize(text: str) -> list[Token]:
    """Every token of ``text``, whitespace and comments included (they cover the text)."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        value = match.group()
        if kind == "word" and value.endswith(".") and len(value) > 1:
            # A prefixed name never ends with a dot: the dot ends the triple.
            stripped = value.rstrip(".")
            tokens.append(Token(kind, stripped, match.start()))
            for offset in range(len(stripped), len(value)):
                tokens.append(Token("punct", ".", match.start() + offset))
            continue
        tokens.append(Token(kind, value, match.start()))
    return tokens


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@dataclass
class Outline:
    """What the text of a query says about its shape."""

    form: str  # SELECT, CONSTRUCT, DESCRIBE, ASK, or "" when none was found
    columns: list[str] = field(default_factory=list)  # projected variables; ["*"] for SELECT *
    prefixes: dict[str, str] = field(default_factory=dict)
    variables: list[str] = field(default_factory=list)  # names without ? or $, first use order
    where_open: int | None = None  # offset of the outermost WHERE group's "{"
    where_close: int | None = None  # offset of its matching "}"
    body_is_subselect: bool = False  # the group's only content is a sub-SELECT
    short_construct: bool = False  # CONSTRUCT WHERE { template }
    describe_end: int | None = None  # where a DESCRIBE without WHERE ends (to append one)
    variable_offsets: dict[str, int] = field(default_factory=dict)


def _matching(tokens: list[Token], index: int) -> int:
    """Index of the ``}`` that closes the ``{`` at ``index`` (or -1 when unbalanced)."""
    depth = 0
    for position in range(index, len(tokens)):
        text = tokens[position].text
        if tokens[position].kind != "punct":
            continue
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
            if depth == 0:
                return position
    return -1


def outline(text: str) -> Outline:
    """The outline of ``text`` (a query that may not be valid: nothing here raises)."""
    tokens = [t for t in tokenize(text) if t.kind not in ("ws", "comment")]
    result = Outline(form="")
    for token in tokens:
        if token.kind == "var":
            name = token.text[1:]
            if name not in result.variable_offsets:
                result.variable_offsets[name] = token.start
                result.variables.append(name)
    # Prologue: PREFIX p: <iri> and BASE <iri>, then the query form.
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "word" and token.upper == "PREFIX" and index + 2 < len(tokens):
            prefix, iri = tokens[index + 1], tokens[index + 2]
            if prefix.text.endswith(":") and iri.kind == "iri":
                result.prefixes[prefix.text[:-1]] = iri.text[1:-1]
            index += 3
            continue
        if token.kind == "word" and token.upper == "BASE":
            index += 2
            continue
        break
    if index >= len(tokens) or tokens[index].upper not in FORMS:
        return result
    result.form = tokens[index].upper
    index += 1
    if result.form == "CONSTRUCT" and index < len(tokens):
        if tokens[index].upper == "WHERE":
            result.short_construct = True
        elif tokens[index].text == "{":
            close = _matching(tokens, index)
            index = close + 1 if close >= 0 else len(tokens)
    paren = 0
    after_as = False
    open_index = -1
    for position in range(index, len(tokens)):
        token = tokens[position]
        if token.kind == "punct" and token.text == "(":
            paren += 1
        elif token.kind == "punct" and token.text == ")":
            paren -= 1
        elif token.kind == "punct" and token.text == "{" and paren == 0:
            open_index = position
            break
        elif result.form == "SELECT":
            if token.kind == "word" and token.upper == "AS":
                after_as = True
                continue
            if token.kind == "var" and (paren == 0 or after_as):
                result.columns.append(token.text[1:])
            elif token.text == "*" and paren == 0:
                result.columns.append("*")
        elif (
            result.form == "DESCRIBE"
            and result.describe_end is None
            and token.kind == "word"
            and token.upper in _MODIFIERS
        ):
            result.describe_end = token.start
        after_as = False
    if open_index < 0:
        if result.form == "DESCRIBE" and result.describe_end is None and tokens:
            result.describe_end = tokens[-1].end
        return result
    close_index = _matching(tokens, open_index)
    result.where_open = tokens[open_index].start
    if close_index >= 0:
        result.where_close = tokens[close_index].start
    inner = tokens[open_index + 1] if open_index + 1 < len(tokens) else None
    result.body_is_subselect = bool(inner and inner.kind == "word" and inner.upper == "SELECT")
    return result


def insert_values(text: str, shape: Outline, block: str) -> str:
    """``text`` with ``block`` (a VALUES clause) first in its outermost WHERE group.

    Placed first, the block is joined with the rest of the group before the group's filters
    apply, on every engine alike. Nothing of ``text`` is moved: lines and columns after the
    insertion point keep their numbers.
    """
    if shape.short_construct:
        raise InputError(
            "parameters cannot be bound in the short form 'CONSTRUCT WHERE { ... }': "
            "write 'CONSTRUCT { ... } WHERE { ... }'"
        )
    if shape.where_open is None:
        if shape.form == "DESCRIBE" and shape.describe_end is not None:
            at = shape.describe_end
            return f"{text[:at]} WHERE {{ {block} }} {text[at:]}"
        raise InputError("parameters cannot be bound: the query has no WHERE group")
    at = shape.where_open + 1
    if shape.body_is_subselect:
        if shape.where_close is None:
            raise InputError("parameters cannot be bound: the WHERE group is not closed")
        close = shape.where_close
        return f"{text[:at]} {block} {{{text[at:close]}}}{text[close:]}"
    gap = "" if text[at : at + 1].isspace() else " "
    return f"{text[:at]} {block}{gap}{text[at:]}"
