"""The :class:`Synthesizer`: a graph of the curated graph's shape, one document at a time, as
N-Triples lines."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from decimal import Decimal

from aikg.errors import SettingError
from aikg.number_display import display_number
from aikg.synth.vocabulary import (
    AGE,
    AGE_GROUPS,
    ATTRIBUTED,
    DCT_TYPE,
    DERIVED,
    DOCTYPES,
    EFFECTS,
    FIELDS,
    LABEL,
    MAX_TRIPLES,
    MIN_TRIPLES,
    OA,
    ORG_KINDS,
    ORG_MEMBER,
    ORG_MEMBERSHIP,
    ORG_ORGANIZATION,
    ORG_ROLE,
    PRIMARY,
    QUALIFIERS,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_STATEMENT,
    RDF_SUBJECT,
    REF_AREA,
    REF_PERIOD,
    REGIONS,
    RELIABILITY,
    SECTORS,
    SKOS_ALT,
    SKOS_BROADER,
    SKOS_NOTATION,
    SYN,
    TIME_BEGIN,
    TIME_DATE,
    TIME_END,
    TIME_INSTANT,
    TIME_INTERVAL,
    TYPE,
    UNITS,
    VARIABLE_WORDS,
    A,
    S,
    _Document,
    _iri,
    _lang,
    _round,
    _syn,
    _text,
    _typed,
    _Variable,
    _vocab,
)


class Synthesizer:
    """A deterministic stream of exactly ``triples`` distinct N-Triples lines (see the module)."""

    def __init__(self, triples: int, seed: int = 1) -> None:
        if not MIN_TRIPLES <= triples <= MAX_TRIPLES:
            raise SettingError(
                "triples", f"{triples}: give {MIN_TRIPLES:,} to {MAX_TRIPLES:,} triples"
            )
        self.triples = triples
        self.seed = seed
        self.rng = random.Random(seed)
        self.counts: dict[str, int] = {}
        self.samples: dict[str, str] = {}
        self._emitted = 0
        self._serial: dict[str, int] = {}
        self._entities: list[str] = []  # every entity written, for the last few triples
        self._orgs: list[str] = []
        self._policies: list[str] = []
        self._initiatives: list[str] = []
        self._sectors: list[str] = []
        self._techs: list[str] = []
        self._variables: list[_Variable] = []
        self._periods: set[str] = set()
        self._areas: list[str] = []
        self._ages: list[str] = []
        self._recent: list[tuple[_Variable, str, str, int | float, str]] = []
        self._people: list[str] = []
        self._asserted: set[tuple[str, str, str]] = set()

    # --- the stream ----------------------------------------------------------------------------

    def lines(self) -> Iterator[str]:
        """The graph, one N-Triples line at a time."""
        self._emitted = 0
        yield from self._committed(self._world())
        number, written = 0, dict(self.counts)
        while True:
            number += 1
            doc = self._document(number)
            if self._emitted + len(doc.lines) > self.triples:
                self.counts = written  # what the last document added is left out
                break
            written = dict(self.counts)
            self._entities.extend(doc.created)
            yield from self._committed(doc.lines)
        yield from self._committed(self._fill(self.triples - self._emitted))

    def _committed(self, lines: list[str]) -> Iterator[str]:
        self._emitted += len(lines)
        yield from lines

    def _next(self, kind: str) -> int:
        self._serial[kind] = self._serial.get(kind, 0) + 1
        self.counts[kind] = self._serial[kind]
        return self._serial[kind]

    def _pick(self, pool: list, hub_share: float = 0.0) -> object:
        """An item of ``pool``: the first with ``hub_share``, else Zipf-like (rank ~ 1/r)."""
        if hub_share and self.rng.random() < hub_share:
            return pool[0]
        return pool[min(int(len(pool) ** self.rng.random()) - 1, len(pool) - 1)]

    def _fill(self, count: int) -> list[str]:
        """``count`` more distinct triples: aliases of entities already written."""
        lines = []
        pool = self._entities or [_syn("place", "CN")]
        for index in range(count):
            entity = pool[index % len(pool)]
            lines.append(f"{entity} {SKOS_ALT} {_lang(f'别名{index + 1}', 'zh-hans')} .\n")
        return lines

    # --- what every document uses --------------------------------------------------------------

    def _world(self) -> list[str]:
        """Areas and age groups (no evidence needed), written first."""
        doc = _Document(0, "", "")
        country = _syn("place", "CN")
        doc.add(country, TYPE, S["Place"])
        doc.add(country, LABEL, _lang("中国", "zh-hans"))
        doc.add(country, LABEL, _lang("China", "en"))
        self._areas.append(country)
        for index, (zh, en) in enumerate(REGIONS):
            area = _syn("place", f"R{index + 1:02d}")
            doc.add(area, TYPE, S["Place"])
            doc.add(area, LABEL, _lang(zh, "zh-hans"))
            doc.add(area, LABEL, _lang(en, "en"))
            doc.add(area, S["containedInPlace"], country)
            self._areas.append(area)
        for low, high in AGE_GROUPS:
            age = _syn("age", f"{low}-{high}")
            doc.add(age, TYPE, A["AgeGroup"])
            doc.add(age, LABEL, _lang(f"{low}~{high}岁", "zh-hans"))
            doc.add(age, LABEL, _lang(f"aged {low}-{high}", "en"))
            doc.add(age, SKOS_NOTATION, _text(f"{low}-{high}"))
            doc.add(age, S["minValue"], _typed(str(low), "integer"))
            doc.add(age, S["maxValue"], _typed(str(high), "integer"))
            self._ages.append(age)
        return doc.lines

    def _evidence(self, doc: _Document, body: str, quote: str) -> None:
        """An annotation of ``body`` whose target selects ``quote`` in the document's text."""
        doc.evidence += 1
        anno = f"{SYN}anno/{doc.number}-{doc.evidence}"
        a, target, pos, exact = (_iri(anno + s) for s in ("", "-target", "-pos", "-quote"))
        start = doc.length + 1  # after the separator
        doc.text.append("\n" + quote)
        doc.length = start + len(quote)
        doc.add(a, TYPE, OA["Annotation"])
        doc.add(a, OA["hasBody"], body)
        doc.add(a, OA["hasTarget"], target)
        doc.add(a, OA["motivatedBy"], OA["identifying"])
        doc.add(target, TYPE, OA["SpecificResource"])
        doc.add(target, OA["hasSource"], doc.text_iri)
        doc.add(target, OA["hasSelector"], pos)
        doc.add(target, OA["hasSelector"], exact)
        doc.add(pos, TYPE, OA["TextPositionSelector"])
        doc.add(pos, OA["start"], _typed(str(start), "nonNegativeInteger"))
        doc.add(pos, OA["end"], _typed(str(doc.length), "nonNegativeInteger"))
        doc.add(exact, TYPE, OA["TextQuoteSelector"])
        doc.add(exact, OA["exact"], _text(quote))

    def _entity(self, doc: _Document, iri: str, cls: str, zh: str, en: str) -> str:
        """A new entity, with its labels and its evidence in ``doc``."""
        doc.add(iri, TYPE, cls)
        doc.add(iri, LABEL, _lang(zh, "zh-hans"))
        doc.add(iri, LABEL, _lang(en, "en"))
        self._evidence(doc, iri, zh)
        doc.created.append(iri)
        doc.mentions[iri] = None
        return iri

    def _mention(self, doc: _Document, iri: str, zh: str | None = None) -> str:
        """``iri`` mentioned in ``doc`` (with evidence now and then)."""
        if iri not in doc.mentions:
            doc.mentions[iri] = None
            if zh and self.rng.random() < 0.3:
                self._evidence(doc, iri, zh)
        return iri

    def _statement(self, doc: _Document, s: str, p: str, o: str, quote: str) -> str:
        """The triple ``s p o`` (once in the graph) and the statement of it that ``doc`` makes,
        with evidence."""
        if (s, p, o) not in self._asserted:
            self._asserted.add((s, p, o))
            doc.add(s, p, o)
        stmt = _syn("stmt", f"{doc.number}-{doc.evidence + 1}")
        doc.add(stmt, TYPE, RDF_STATEMENT)
        doc.add(stmt, RDF_SUBJECT, s)
        doc.add(stmt, RDF_PREDICATE, p)
        doc.add(stmt, RDF_OBJECT, o)
        doc.add(stmt, DERIVED, doc.iri)
        self._evidence(doc, stmt, quote)
        return stmt

    # --- pools ---------------------------------------------------------------------------------

    def _label(self, words: list[tuple[str, str]], number: int) -> tuple[str, str]:
        zh, en = words[self.rng.randrange(len(words))]
        return f"{zh}{number}", f"{en} {number}"

    def _organization(self, doc: _Document) -> str:
        if self._orgs and self.rng.random() > 0.15:
            org = self._pick(self._orgs, hub_share=0.25)
            return self._mention(doc, str(org), "机构")
        number = self._next("organization")
        if number == 1:  # the big organization: a hub
            zh, en = "国家人工智能发展委员会", "National AI Development Commission"
        else:
            region, field_ = REGIONS[number % len(REGIONS)], FIELDS[number % len(FIELDS)]
            kind = ORG_KINDS[self.rng.randrange(len(ORG_KINDS))]
            zh = f"{region[0]}{field_[0]}{kind[0]}{number}"
            en = f"{region[1]} {field_[1]} {kind[1]} {number}"
        org = self._entity(doc, _syn("organization", number), S["Organization"], zh, en)
        self._orgs.append(org)
        self.samples.setdefault("organization", org[1:-1])
        if number % 7 == 3:  # now and then a person with a role in it
            self._person(doc, org)
        return org

    def _person(self, doc: _Document, org: str) -> None:
        number = self._next("person")
        person = self._entity(
            doc, _syn("person", number), S["Person"], f"张{number}号", f"Zhang No. {number}"
        )
        membership = _syn("membership", number)
        doc.add(membership, TYPE, ORG_MEMBERSHIP)
        doc.add(membership, ORG_MEMBER, person)
        doc.add(membership, ORG_ORGANIZATION, org)
        doc.add(membership, ORG_ROLE, _syn("role", "director"))
        if number == 1:
            role = _syn("role", "director")
            doc.add(role, LABEL, _lang("主任", "zh-hans"))
            doc.add(role, LABEL, _lang("director", "en"))
        self._people.append(person)

    def _sector(self, doc: _Document) -> str:
        if len(self._sectors) >= len(SECTORS) * 4 or (self._sectors and self.rng.random() < 0.8):
            return self._mention(doc, str(self._pick(self._sectors, hub_share=0.2)), "行业")
        number = self._next("sector")
        zh, en = SECTORS[(number - 1) % len(SECTORS)]
        parent = None
        if number > len(SECTORS):  # a sub-sector
            parent = self._sectors[(number - 1) % len(SECTORS)]
            zh, en = f"{zh}细分领域{number}", f"{en} segment {number}"
        sector = self._entity(doc, _syn("sector", number), A["Sector"], zh, en)
        if parent is not None:
            doc.add(sector, SKOS_BROADER, parent)
        self._sectors.append(sector)
        self.samples.setdefault("sector", sector[1:-1])
        return sector

    def _technology(self, doc: _Document) -> str:
        if self._techs and self.rng.random() < 0.75:
            return self._mention(doc, str(self._pick(self._techs)), "技术")
        number = self._next("technology")
        zh, en = self._label(FIELDS, number)
        tech = self._entity(doc, _syn("tech", number), A["Technology"], f"{zh}技术", f"{en} tech")
        doc.add(tech, A["appliesToSector"], self._sector(doc))
        if self._techs and (number == 2 or self.rng.random() < 0.3):
            doc.add(tech, SKOS_BROADER, str(self._pick(self._techs)))
        self._techs.append(tech)
        return tech

    def _variable(self, doc: _Document, kind: str | None = None, genai: bool = False) -> _Variable:
        """A variable of ``kind`` (about generative AI when ``genai``): mostly a known one."""
        wanted = [
            v
            for v in self._variables[-50:]
            if (kind is None or v.kind == kind) and (v.genai or not genai)
        ]
        if wanted and self.rng.random() < 0.85:
            variable = self._pick(self._variables if kind is None and not genai else wanted)
            assert isinstance(variable, _Variable)
            self._mention(doc, variable.iri)
            return variable
        number = self._next("variable")
        field_zh, field_en = FIELDS[7] if genai else FIELDS[self.rng.randrange(len(FIELDS))]
        if kind in (None, "count", "number", "money"):
            words = [w for w in VARIABLE_WORDS if kind is None or w[2] == kind]
            word_zh, word_en, kind = words[number % len(words)]  # every word early on
            zh, en = (
                f"{field_zh}{word_zh}（口径{number}）",
                f"{field_en} {word_en} (scope {number})",
            )
            variable = _Variable(_syn("var", number), zh, en, kind, 10 ** self.rng.uniform(3, 9))
        elif kind == "share":
            count = self._variable(doc, "count")
            base = self._variable(doc, "count")
            zh, en = f"{count.label}占比（口径{number}）", f"share of {count.label_en} ({number})"
            variable = _Variable(_syn("var", number), zh, en, kind, numerator=count, base=base)
        else:  # growth
            changed = self._variable(doc, "number")
            zh, en = f"{changed.label}同比增长率", f"growth of {changed.label_en}"
            variable = _Variable(_syn("var", number), zh, en, kind, changed=changed)
        iri = self._entity(doc, variable.iri, S["StatisticalVariable"], variable.label, en)
        if variable.numerator is not None:
            doc.add(iri, A["numerator"], variable.numerator.iri)
        if variable.changed is not None:
            doc.add(iri, A["changeOf"], variable.changed.iri)
            doc.add(iri, A["changeType"], A["RelativeChange"])
        if self.rng.random() < 0.5:
            doc.add(iri, A["appliesToSector"], self._sector(doc))
        self._variables.append(variable)
        self.samples.setdefault("metric", iri[1:-1])
        return variable

    def _period(self, doc: _Document, year: int, half: bool, interval: bool) -> str:
        """The period IRI (an instant at the end of the year or half, or the span to it)."""
        end = f"{year}-06-30" if half else f"{year}-12-31"
        if not interval:
            return self._instant(doc, end)
        start = f"{year}-01-01"
        iri = _syn("period", f"{start}--{end}")
        if iri not in self._periods:
            self._periods.add(iri)
            doc.add(iri, TYPE, TIME_INTERVAL)
            doc.add(iri, LABEL, _lang(f"{start}至{end}", "zh-hans"))
            doc.add(iri, LABEL, _lang(f"{start} to {end}", "en"))
            doc.add(iri, SKOS_NOTATION, _text(f"{start}/{end}"))
            doc.add(iri, TIME_BEGIN, self._instant(doc, start))
            doc.add(iri, TIME_END, self._instant(doc, end))
        return iri

    def _instant(self, doc: _Document, date: str) -> str:
        iri = _syn("period", date)
        if iri not in self._periods:
            self._periods.add(iri)
            doc.add(iri, TYPE, TIME_INSTANT)
            doc.add(iri, LABEL, _lang(date, "zh-hans"))
            doc.add(iri, LABEL, _lang(date, "en"))
            doc.add(iri, SKOS_NOTATION, _text(date))
            doc.add(iri, TIME_DATE, _typed(date, "date"))
        return iri

    # --- facts ---------------------------------------------------------------------------------

    def _value(self, variable: _Variable) -> tuple[int | float, str, str]:
        """A value of ``variable``: the number, its lexical form and datatype, its precision."""
        if variable.kind in ("share", "growth"):
            low, high = (0.5, 99.5) if variable.kind == "share" else (-20.0, 150.0)
            value = round(self.rng.uniform(low, high), 1)
            return value, "decimal", "0.1"
        number, step = _round(variable.scale * self.rng.uniform(0.5, 2.0), 3)
        return number, "integer", str(step)

    def _observation(
        self,
        doc: _Document,
        variable: _Variable,
        area: str,
        period: str,
        value: int | float | None = None,
        **extra: str,
    ) -> str:
        number = self._next("observation")
        obs = _syn("obs", number)
        if value is None:
            value, datatype, precision = self._value(variable)
        else:
            datatype = "decimal" if isinstance(value, float) else "integer"
            precision = "0.1" if isinstance(value, float) else "1"
        lexical = f"{value:.1f}" if isinstance(value, float) else str(value)
        unit, unit_text = UNITS[variable.kind]
        if isinstance(value, float):
            shown = lexical
        else:
            shown = display_number(Decimal(int(value)), "zh", "scaled")
        qualifier = None
        if self.rng.random() < 0.2 and not extra:
            qualifier = QUALIFIERS[self.rng.randrange(len(QUALIFIERS))]
        quote = f"{qualifier[1] if qualifier else ''}{shown}{unit_text}"
        doc.add(obs, TYPE, S["Observation"])
        doc.add(obs, LABEL, _lang(f"{variable.label}：{quote}", "zh-hans"))
        doc.add(obs, LABEL, _lang(f"{variable.label_en}: {lexical} {unit_text}", "en"))
        doc.add(obs, S["variableMeasured"], variable.iri)
        doc.add(obs, S["value"], _typed(lexical, datatype))
        doc.add(obs, S["unitCode"], unit)
        doc.add(obs, S["unitText"], _text(unit_text))
        doc.add(obs, REF_PERIOD, period)
        doc.add(obs, REF_AREA, area)
        doc.add(obs, DERIVED, doc.iri)
        doc.add(obs, A["precision"], _typed(precision, "decimal"))
        if qualifier is not None:
            doc.add(obs, A["valueQualifier"], qualifier[0])
            if qualifier[2] is not None:
                doc.add(obs, qualifier[2], _typed(lexical, datatype))
        for prop, term in extra.items():
            doc.add(obs, {"base": A["basePeriod"], "denominator": S["measurementDenominator"],
                          "age": AGE, "about": S["observationAbout"]}[prop], term)  # fmt: skip
        if self.rng.random() < 0.1:
            doc.add(obs, ATTRIBUTED, str(self._pick(self._orgs)))
        if self.rng.random() < 0.05:
            doc.add(obs, PRIMARY, str(self._pick(self._orgs, hub_share=0.5)))
        self._evidence(doc, obs, f"{variable.label}{quote}")
        self.samples.setdefault("fact", obs[1:-1])
        if not extra and qualifier is None:
            self._recent = [*self._recent[-30:], (variable, area, period, value, doc.iri)]
        return obs

    def _facts(self, doc: _Document, count: int, year: int) -> None:
        """``count`` observations (some in groups: a share with its count and base, a change
        with its two values, an age breakdown, a restatement of another source's figure)."""
        rng = self.rng
        first = [0.15, 0.25, 0.3] if doc.number == 1 else []  # every kind, even in small graphs
        for index in range(max(count, len(first))):
            roll = first[index] if index < len(first) else rng.random()
            area = str(self._pick(self._areas, hub_share=0.4))
            when = year - int(rng.random() ** 2 * 8)
            half, interval = rng.random() < 0.3, rng.random() < 0.4
            if roll < 0.12 and self._recent:  # another source states a known figure
                variable, area, period, value, source = self._recent[
                    rng.randrange(len(self._recent))
                ]
                if source != doc.iri:
                    if rng.random() < 0.4:
                        value = value + 1 if isinstance(value, int) else round(value + 0.1, 1)
                    self._observation(doc, variable, area, period, value)
                    continue
            if roll < 0.2:
                share = self._variable(doc, "share")
                assert share.numerator is not None and share.base is not None
                period = self._period(doc, when, half, False)
                base, _, _ = self._value(share.base)
                part = int(base * float(rng.uniform(0.05, 0.95)))
                self._observation(doc, share.base, area, period, int(base))
                self._observation(doc, share.numerator, area, period, max(part, 1))
                value = round(max(part, 1) / base * 100, 1)
                self._observation(doc, share, area, period, value, denominator=share.base.iri)
            elif roll < 0.27:
                growth = self._variable(doc, "growth")
                assert growth.changed is not None
                before = self._period(doc, when - 1, half, interval)
                after = self._period(doc, when, half, interval)
                old, _, _ = self._value(growth.changed)
                new = int(old * rng.uniform(0.9, 1.6))
                self._observation(doc, growth.changed, area, before, int(old))
                self._observation(doc, growth.changed, area, after, new)
                change = round((new / old - 1) * 100, 1)
                self._observation(doc, growth, area, after, change, base=before)
            elif roll < 0.32:
                variable = self._variable(doc, "count", genai=True)  # users by age group
                period = self._period(doc, when, half, interval)
                for age in self._ages:
                    self._observation(doc, variable, area, period, age=age)
            else:
                variable = self._variable(doc)
                period = self._period(doc, when, half, interval)
                extra = {"about": self._technology(doc)} if rng.random() < 0.1 else {}
                self._observation(doc, variable, area, period, None, **extra)

    def _policy(self, doc: _Document, year: int) -> str:
        number = self._next("policy")
        if number == 1:  # the national plan: a hub
            zh, en = "新一代人工智能发展规划", "New Generation AI Development Plan"
        else:
            field_zh, field_en = FIELDS[self.rng.randrange(len(FIELDS))]
            kind = DOCTYPES[self.rng.randrange(len(DOCTYPES))]
            zh, en = (
                f"关于促进{field_zh}发展的{kind}第{number}号",
                f"{field_en} {kind} No. {number}",
            )
        policy = self._entity(doc, _syn("policy", number), S["Legislation"], zh, en)
        doctype = DOCTYPES[0] if number == 1 else DOCTYPES[self.rng.randrange(len(DOCTYPES))]
        doc.add(policy, S["legislationType"], _vocab("doctype", doctype))
        doc.add(policy, S["legislationJurisdiction"], self._areas[0])
        issuers = 3 if number == 1 else 1 + int(self.rng.random() < 0.2)
        for _ in range(issuers):
            org = self._organization(doc)
            self._statement(doc, policy, S["legislationPassedBy"], org, f"{zh}由机构印发")
        if number == 2 or self.rng.random() < 0.1:  # the source leaves the date unstated
            doc.add(policy, A["unstatedProperty"], S["legislationDate"])
        else:
            month = self.rng.randint(1, 12)
            date = _typed(f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}", "date")
            if self.rng.random() < 0.2:
                date = _typed(f"{year}-{month:02d}", "gYearMonth")
            self._statement(doc, policy, S["legislationDate"], date, f"{year}年{month}月{zh}发布")
        for _ in range(8 if number == 1 else self.rng.randint(1, 3)):
            doc.add(policy, A["appliesToSector"], self._sector(doc))
        doc.add(policy, A["promotes"], self._technology(doc))
        self._policies.append(policy)
        self.samples.setdefault("policy", policy[1:-1])
        return policy

    def _target(self, doc: _Document, policy: str, year: int) -> None:
        number = self._next("target")
        variable = self._variable(doc)
        value, datatype, precision = self._value(variable)
        lexical = f"{value:.1f}" if isinstance(value, float) else str(value)
        unit, unit_text = UNITS[variable.kind]
        target = _syn("target", number)
        goal = year + self.rng.randint(2, 8)
        zh = f"到{goal}年{variable.label}达到{lexical}{unit_text}"
        self._entity(doc, target, A["Target"], zh, f"{variable.label_en}: {lexical} by {goal}")
        doc.add(target, S["variableMeasured"], variable.iri)
        doc.add(target, S["value"], _typed(lexical, datatype))
        doc.add(target, S["unitCode"], unit)
        doc.add(target, S["unitText"], _text(unit_text))
        doc.add(target, A["targetYear"], _typed(str(goal), "gYear"))
        doc.add(target, A["targetOf"], policy)
        doc.add(target, DERIVED, doc.iri)
        doc.add(target, A["precision"], _typed(precision, "decimal"))
        doc.add(target, REF_AREA, self._areas[0])

    def _initiative(self, doc: _Document, policy: str) -> None:
        number = self._next("initiative")
        field_zh, field_en = FIELDS[self.rng.randrange(len(FIELDS))]
        zh, en = f"“{field_zh}+”行动{number}", f'"{field_en}+" initiative {number}'
        initiative = self._entity(doc, _syn("initiative", number), A["Initiative"], zh, en)
        self._statement(doc, initiative, A["launchedBy"], policy, f"{zh}由政策提出")
        doc.add(initiative, A["appliesToSector"], self._sector(doc))
        self._initiatives.append(initiative)

    def _empowers(self, doc: _Document) -> None:
        tech, sector = self._technology(doc), self._sector(doc)
        effect = EFFECTS[self.rng.randrange(len(EFFECTS))]
        stmt = self._statement(doc, tech, A["empowers"], sector, f"技术赋能行业{effect[0]}")
        doc.add(stmt, A["effect"], _lang(effect[0], "zh-hans"))
        doc.add(stmt, A["effect"], _lang(effect[1], "en"))
        doc.add(stmt, A["applicationScenario"], _lang(f"场景{doc.number}", "zh-hans"))

    # --- documents -----------------------------------------------------------------------------

    def _document(self, number: int) -> _Document:
        rng = self.rng
        doc = _Document(number, _syn("doc", number), _syn("text", number))
        year = 2015 + min(int(number**0.5) // 3, 12) - int(rng.random() ** 3 * 6)
        kind = "report" if rng.random() < 0.1 else ("policy" if rng.random() < 0.2 else "article")
        publisher = self._organization(doc)
        if kind == "policy" or not self._policies:
            policy = self._policy(doc, year)
            for _ in range(rng.randint(1 if len(self._policies) == 1 else 0, 3)):
                self._target(doc, policy, year)
            if rng.random() < 0.3 or len(self._policies) == 1:
                self._initiative(doc, policy)
        about = str(self._pick(self._policies, hub_share=0.3))
        self._mention(doc, about, "政策")
        if rng.random() < 0.15:  # a later source names the national plan's targets again
            self._target(doc, self._policies[0], year)
        if rng.random() < 0.05:
            self._initiative(doc, self._policies[0])
        count = 40 + int(rng.paretovariate(1.2) * 40) if kind == "report" else rng.randint(2, 14)
        self._facts(doc, min(count, 400), year)
        for _ in range(rng.randint(0, 2)):
            self._empowers(doc)
        for _ in range(rng.randint(1, 4)):
            self._technology(doc)
        title_zh = {"report": "统计报告", "policy": "政策原文", "article": "报道"}[kind]
        zh, en = f"人工智能{title_zh}第{number}号", f"AI {kind} No. {number}"
        self._entity(doc, doc.iri, A["SourceDocument"], zh, en)
        doc.add(doc.iri, TYPE, S["Report"] if kind == "report" else S["Article"])
        doc.add(doc.iri, S["name"], _lang(zh, "zh-hans"))
        doc.add(doc.iri, S["publisher"], publisher)
        if rng.random() < 0.02:
            doc.add(doc.iri, A["dateUnknown"], _typed("true", "boolean"))
        else:
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            doc.add(doc.iri, S["datePublished"], _typed(date, "date"))
        doc.add(
            doc.iri, S["url"], _typed(f"https://example.org/aikg-synth/source/{number}", "anyURI")
        )
        reliability = RELIABILITY[rng.randrange(len(RELIABILITY))]
        doc.add(doc.iri, A["reliability"], _vocab("reliability", reliability))
        doc.add(doc.iri, A["sourceText"], doc.text_iri)
        doc.add(
            doc.iri,
            DCT_TYPE,
            _vocab("doctype", "statistical-report" if kind == "report" else "article"),
        )
        doc.add(doc.iri, S["inLanguage"], _text("zh-hans"))
        doc.add(doc.iri, S["about"], about)
        for entity in doc.mentions:
            if entity != doc.iri:
                doc.add(doc.iri, S["mentions"], entity)
        text = "".join(doc.text).encode("utf-8")
        doc.add(doc.text_iri, TYPE, A["SourceText"])
        doc.add(doc.text_iri, LABEL, _lang(f"synth/{number}.md 的文本", "zh-hans"))
        doc.add(doc.text_iri, LABEL, _lang(f"text of synth/{number}.md", "en"))
        doc.add(doc.text_iri, S["encodesCreativeWork"], doc.iri)
        doc.add(doc.text_iri, S["encodingFormat"], _text("text/markdown"))
        doc.add(doc.text_iri, S["sha256"], _text(hashlib.sha256(text).hexdigest()))
        doc.add(doc.text_iri, A["sourcePath"], _text(f"synth/{number}.md"))
        self.counts["document"] = number
        self.samples.setdefault("source", doc.iri[1:-1])
        return doc


# --------------------------------------------------------------------------------------------
# Writing
