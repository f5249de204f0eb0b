"""Synthetic graphs shaped like the curated one, for benchmarks and scale tests (issue #6).

:class:`Synthesizer` makes, from a seed, a graph of exactly the number of triples asked for, as
N-Triples lines, one source document at a time (nothing but the entity pools is kept in memory),
and :func:`write_synth` streams them to numbered chunk files. What it makes has the curated
graph's shape and passes the SHACL shapes:

- source documents (articles, statistical reports, policy texts) with their source text (a
  virtual text made of the quotes; its SHA-256 and the selectors' offsets are those of that text),
  publisher, date, reliability, and the entities they mention;
- policies with issuers, dates (some left unstated, with the marker), types, jurisdiction and
  sectors; initiatives launched by policies; targets set by policies;
- organizations, people with their role in an organization, sectors (in a hierarchy),
  technologies (applying to and empowering sectors, as disputable statements with effects);
- statistical variables (counts, amounts in yuan, shares with their numerator and base, growth
  rates with the variable they change), observations with periods (instants and intervals),
  areas, units, qualifiers with their bounds, age groups, and restatements by other sources
  (some with other values, which the disagreement queries find);
- every entity, observation, target and statement with its evidence: a W3C Web Annotation whose
  target selects the span of its quote (``oa:TextPositionSelector`` and
  ``oa:TextQuoteSelector``) in the document's source text.

Skew is realistic: a national plan and a big organization are hubs (a large share of
publications, issuers, targets, initiatives and mentions), most other things are drawn with a
Zipf-like law (a few popular, many leaves), and a few documents are long statistical reports.
IRIs are under ``https://example.org/aikg-synth/``: synthetic data never passes for the project's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from aikg.errors import InputError
from aikg.synth.generator import (
    Synthesizer,
)
from aikg.synth.vocabulary import CHUNK_PREFIX, CHUNK_TRIPLES, INFO_FILE, SYN

__all__ = ["INFO_FILE", "SYN", "SynthResult", "Synthesizer", "read_info", "write_synth"]


@dataclass
class SynthResult:
    folder: Path
    triples: int
    seed: int
    files: list[Path]
    counts: dict[str, int]
    samples: dict[str, str]


def write_synth(
    folder: Path, triples: int, seed: int = 1, *, chunk_triples: int = CHUNK_TRIPLES
) -> SynthResult:
    """Write a synthetic graph of ``triples`` triples to ``folder`` as N-Triples chunks.

    The chunks (``synth-00001.nt`` ...) and ``synth-info.yaml`` are written to a temporary
    folder beside ``folder``, which then takes its place: an interrupted run leaves nothing. A
    ``folder`` that holds anything but an earlier synthetic graph is refused.
    """
    import yaml

    synthesizer = Synthesizer(triples, seed)  # checks the size first
    if folder.exists():
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder")
        _check_own(folder)
    from aikg.store.export import check_writable

    check_writable(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        names: list[str] = []
        handle = None
        for index, line in enumerate(synthesizer.lines()):
            if index % chunk_triples == 0:
                if handle is not None:
                    handle.close()
                names.append(f"{CHUNK_PREFIX}{len(names) + 1:05d}.nt")
                handle = open(temp / names[-1], "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            assert handle is not None
            handle.write(line)
        if handle is not None:
            handle.close()
        info = {
            "triples": triples,
            "seed": seed,
            "generator": "aikg synth",
            "files": names,
            "counts": dict(sorted(synthesizer.counts.items())),
            "samples": synthesizer.samples,
            "note": "Synthetic data for benchmarks and tests: not facts.",
        }
        text = yaml.safe_dump(info, allow_unicode=True, sort_keys=False)
        (temp / INFO_FILE).write_text(text, encoding="utf-8")
        os.chmod(temp, 0o755)
        old = None
        if folder.exists():
            old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
            folder.rename(old)
        temp.rename(folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return SynthResult(
        folder, triples, seed, [folder / n for n in names], synthesizer.counts, synthesizer.samples
    )


def _check_own(folder: Path) -> None:
    """Refuse ``folder`` unless it is empty or holds only what an earlier ``write_synth`` wrote
    (the chunks its ``synth-info.yaml`` lists, and that file): a user's files are never deleted.
    """
    present = {p.name for p in folder.iterdir()}
    if not present:
        return
    if INFO_FILE not in present:
        raise InputError(f"{folder}: the folder is not empty and holds no synthetic graph")
    listed = read_info(folder).get("files")
    own = {INFO_FILE, *(str(n) for n in listed)} if isinstance(listed, list) else {INFO_FILE}
    odd = [n for n in sorted(present) if (folder / n).is_symlink() or not (folder / n).is_file()]
    foreign = sorted(present - own) + odd
    if foreign:
        first = foreign[0]
        raise InputError(
            f"{folder}: holds {first!r}, which synth did not write; "
            "remove it or choose another folder (synth replaces the whole folder)"
        )


def read_info(folder: Path) -> dict[str, object]:
    """The ``synth-info.yaml`` of a synthetic graph folder."""
    import yaml

    path = folder / INFO_FILE
    try:
        return dict(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(f"{path}: not a synthetic graph's info file ({exc})") from None
