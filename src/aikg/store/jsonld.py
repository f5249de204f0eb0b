"""JSON-LD input that names its ``@context`` by reference is refused: the one check every JSON-LD
parse goes through (files given with ``--data``, CONSTRUCT answers of endpoints), so that no
JSON-LD document makes aikg fetch a URL (``http://``), read a file (``file://``, a path) or
follow a remote ``@import``."""

from __future__ import annotations

import json
from typing import Any

from aikg.errors import AikgError, InputError


def external_context(document: Any) -> str | None:
    """The first ``@context`` (or ``@import``) given by reference in ``document``, a parsed JSON
    value, or ``None``. Walks without recursion, so depth is no danger."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("@context", "@import"):
                    refs = value if isinstance(value, list) else [value]
                    for ref in refs:
                        if isinstance(ref, str):
                            return ref
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return None


def check_jsonld(data: bytes | str, origin: str, *, kind: type[AikgError] = InputError) -> None:
    """Raise ``kind`` (:class:`InputError` by default) if the JSON-LD ``data`` from
    ``origin`` is not JSON or names a context by reference (remote or local)."""
    try:
        document = json.loads(data)
    except RecursionError:
        raise kind(f"{origin}: the JSON-LD is nested too deeply to read") from None
    except ValueError as exc:
        raise kind(f"{origin}: not JSON: {exc}") from None
    ref = external_context(document)
    if ref is not None:
        raise kind(
            f"{origin}: the JSON-LD names its @context by reference ({ref[:80]!r}); aikg fetches "
            "no context, remote or local: give the context inline"
        )
