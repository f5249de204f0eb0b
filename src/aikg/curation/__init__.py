"""Curation: turn curation sheets (YAML) into the Turtle files of ``graph/``.

A sheet names facts and the short quote that states each one; the compiler anchors every quote
in the source text (refusing quotes that are absent or ambiguous), normalizes every number with
:func:`aikg.numbers.parse_quantity`, and writes deterministic Turtle.
"""

from aikg.curation.compile import (
    compile_all,
    compile_document,
    compile_entities,
    compile_entity_list,
    compile_sheet,
)

__all__ = [
    "compile_all",
    "compile_document",
    "compile_entities",
    "compile_entity_list",
    "compile_sheet",
]
