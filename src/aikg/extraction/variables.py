"""The variable a quantitative statement measures: a phrase from its clause, matched to the graph.

The phrase is the clause's subject: the text from the start of the clause (or the end of a time
expression in it) to the number, without area words (我国, China's), connectives (其中, while)
and the verbs and qualifiers before the number (达到, had reached, 超过). When that leaves nothing
(有2.49亿人表示…, China had 1.125 billion internet users), the words after the number are used.
A change (同比增长1.6%, a 141.7-percent increase) measures the change of the variable of the
number before it in the sentence.

The phrase reuses a variable of the graph only when it names the same measure by construction
(issue 12's fifth revision): its :func:`~aikg.extraction.measures.measure_key` (the name
normalised: script folded; place, area and measure words aside; a share's whole kept) equals the
key of one of the variable's labels, the variable's observations have the same kind of unit and
are in the figure's area, and the phrase names no breakdown (农村, rural, aged …) or scope (发明,
granted …) that the variable's labels lack; a change reuses the graph's change of the same base
and kind only. Labels that merely overlap (Dice coefficient of character bigrams or word stems)
name the close variable passed over in the new variable's note; otherwise the phrase labels a new
draft variable.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, Namespace

from aikg.extraction.measures import (
    STATED_SCOPE_EN,
    STATED_SCOPE_ZH,
    STOP_WORDS_EN,
    dice,
    measure_key,
    names_a_place,
    share_scope,
    subject_tokens,
    tokens,
)
from aikg.extraction.places import NATIONAL_WORDS
from aikg.extraction.script import fold, has_cjk, name_key
from aikg.namespaces import AIKG, SCHEMA, SDMX_DIM, shorten

_AREA = NATIONAL_WORDS["subject"]
_LEAD_CN = re.compile(
    r"^(?:其中|其次|首先|此外|另外|同时|並且|并且|而且|而|和|以及|与|仅|就|共|也|还|均|都|在|据|当中|中)+"
)
_TRAIL_CN = re.compile(
    r"(?:已经|已|就|共|总计|合计|累计|分别|也|均|都|达到|达|为|是|有|共有|超过|超|逾|接近|近|约|突破"
    r"|已有|发生|增长|增加|下降|减少|比上年末|比上年|同比|较上年|了|的|目前|也达到|比例|比重"
    r"|增长至|增长到|增至|升至|提升至|提高到|上升至|从|由|力争|确保|争取|预计|有望|将)+$"
)
#: A change (增长3549万), not a level it grew to (增长至11.08亿人, 提升到78.6%).
_CHANGE_CN = re.compile(
    # 增加值 is value added, a level (数字经济核心产业增加值), not an increase
    r"(?:(同比|比上年末?|较上年|較上年|环比|環比)?(增长|增長|增加(?!值)|提高|提升|下降|减少|減少|增幅)"
    r"|年增|年减|年減)(?!\s*(?:至|到))"
)
_CHANGE_EN = re.compile(r"\b(increase|growth|rise|decrease|decline|drop|up|down)\b")
#: Words that name a breakdown: a phrase with one is not the variable without it.
_BREAKDOWN = re.compile(
    r"农村|城镇|城市|乡村|男性|女性|老年|未成年|rural|urban|male|female|elderly|aged|older|minors?"
    r"|月活|日活|monthly active|daily active|villages?|countryside"
)
#: Breakdown words that name the same breakdown ("netizens based in villages": rural ones).
_SAME_BREAKDOWN = {"village": "rural", "villages": "rural", "countryside": "rural"}


#: The words of a rank after what is ranked (全球排名, "world rank by").
_RANK_WORDS = re.compile(
    r"(?:全球|世界|全国|全國|亚洲|亞洲)?排名$|^world rank(?:ing)? (?:by|of|in) "
)
#: Words of an average change over years (年均增长, "average annual growth").
_AVERAGE = re.compile(r"年均|年平均|average annual|annual average|\bcagr\b", re.I)
#: Words of a change on the period just before (环比, "month-on-month"), not on a year before.
_SEQUENTIAL = re.compile(r"环比|環比|month-on-month|quarter-on-quarter|\bsequential", re.I)


#: Words that define what a measure counts, beyond the words a label shares with a figure's
#: phrase (issue 12's linking policy): a figure reuses a graph variable only when they agree on
#: each of these families. Invention patents are not all patents, patents granted are not
#: applications, a pledge financing is not all investment and financing, a count at local offices
#: is not a national body's, a patent in force is not one granted, the core industry or its
#: terminals are not the whole industry.
_SCOPE_WORDS = {
    "invention": re.compile(r"发明|發明|\binventions?\b"),
    "granted": re.compile(r"授权|授權|\bgrant(?:s|ed)?\b"),
    "applications": re.compile(r"申请|申請|\bapplications? for\b|\bpatent applications?\b"),
    "pledge": re.compile(r"质押|質押|\bpledge[sd]?\b"),
    "in force": re.compile(r"有效|\bin force\b|\bvalid\b"),
    "local": re.compile(r"地方|\blocal\b"),
    # subsets of an industry or of its firms: the core industry, terminals, manufacturing,
    # firms above a designated size
    "core": re.compile(r"核心|\bcore\b"),
    "terminal": re.compile(r"终端|\bterminals?\b"),
    "manufacturing": re.compile(r"制造业|\bmanufactur"),
    "above size": re.compile(r"规模以上|规上|\babove designated size\b"),
}
#: Scope words a text may leave implicit (robot density is per manufacturing worker whether
#: or not the sentence says so): a figure that states one is not a variable without it, but a
#: variable with one is not refused for a sentence that does not repeat it.
_IMPLICIT = frozenset({"manufacturing"})
_IMPLICIT_WORDS = re.compile(r"制造业|製造業|\bmanufacturing\b", re.I)
#: A flow over a period (前4月, 上半年新增, "in the first four months"): never a cumulative
#: count's or a stock's variable. (Script folding writes 新增 as 添加.)
_FLOW = re.compile(
    r"前\s*[\d一二三四五六七八九十]+\s*个?月|前[一二三]季|首[一二三]季|上半年|下半年|[一二三四]季度"
    r"|新增|添加|当年|當年|全年|\bin the first (?:\w+ )?(?:months?|quarters?|half)\b"
    r"|\bnewly\b|\bduring the (?:first|second) half\b"
)
#: Words of a label that names a cumulative count or a stock.
_CUMULATIVE = re.compile(r"累计|累計|\bcumulative\b|\bto date\b")
#: Words of a label that names a share or a rate, not a level.
_SHARE_LABEL = re.compile(
    r"比重|占比|佔比|份额|份額|占全|佔全|率|\bshare\b|\brate\b|\bproportion\b|\bpercent|\bpenetration\b"
)


def scope_words(text: str) -> frozenset[str]:
    """The families of :data:`_SCOPE_WORDS` that ``text`` names.

    >>> sorted(scope_words("人工智能发明专利授权量")), sorted(scope_words("專利權質押融資金額"))
    (['granted', 'invention'], ['pledge'])
    >>> sorted(scope_words("AI patent applications"))
    ['applications']
    """
    lowered = fold(text).lower()
    return frozenset(k for k, words in _SCOPE_WORDS.items() if words.search(lowered))


def is_flow(text: str) -> bool:
    """Whether ``text`` states a flow over a period (前4月, "in the first four months").

    >>> is_flow("今年前4月授权1.9万件"), is_flow("截至4月底累计授权"), is_flow("in the first half")
    (True, False, True)
    """
    return bool(_FLOW.search(fold(text).lower()))


def breakdowns(text: str) -> set[str]:
    """The breakdown words of ``text`` (农村, rural, aged …), synonyms as one."""
    return {_SAME_BREAKDOWN.get(w, w) for w in _BREAKDOWN.findall(fold(text))}


#: A change's verb left at the end of its subject (示範製造業增加值增長): not the measure's name.
_CHANGE_VERB = re.compile(r"(?:同比|比上年|较上年)?(?:增长|增速|增幅|上升|提高|下降)$")


def clean_subject(phrase: str) -> str:
    """The subject phrase without area words, connectives, verbs and qualifiers."""
    text = phrase.strip(' ,，、:：;；"“”「」()（）')
    if has_cjk(text):
        text = _AREA.sub("", text)
        previous = None
        while previous != text:
            previous = text
            text = _LEAD_CN.sub("", text).strip()
            text = _TRAIL_CN.sub("", text).strip(" ,，、")
        return text
    words = [w for w in re.split(r"\s+", _AREA.sub(" ", text.lower())) if w]
    while words and words[0].strip("(),.") in STOP_WORDS_EN:
        words.pop(0)
    while words and words[-1].strip("(),.") in STOP_WORDS_EN:
        words.pop()
    return " ".join(words).strip(" ,.")


#: Things a count counts, by kind: a figure whose phrase counts one kind is not a variable
#: whose labels count only others ("346 generative AI services" is not "generative AI users").
_COUNTED = {
    "users": re.compile(r"\busers?\b|\bnetizens\b|用户|用戶|网民|網民"),
    "services": re.compile(r"\bservices?\b|服务|服務"),
    "enterprises": re.compile(r"\benterprises?\b|\bcompan(?:y|ies)\b|\bfirms?\b|企业|企業|公司"),
    "models": re.compile(r"\bmodels?\b|模型"),
    "websites": re.compile(r"\bwebsites?\b|网站|網站"),
    "stations": re.compile(r"\bstations?\b|基站"),
    "patents": re.compile(r"\bpatents?\b|专利|專利"),
}


def counted_things(phrase: str) -> frozenset[str]:
    """The kinds of things ``phrase`` counts (users, services, enterprises …).

    >>> sorted(counted_things("346 generative AI services")), sorted(counted_things("网民规模"))
    (['services'], ['users'])
    """
    lowered = phrase.lower()
    return frozenset(kind for kind, words in _COUNTED.items() if words.search(lowered))


_BROAD = {"place:CN", "place:world"}
_NOT_A_BASE = {"unit:PERCENT", "aikgunit:PERCENT_POINT", "aikgunit:RANK"}


#: A country's area (``place:CN``, ``place:KR``: ISO 3166 alpha-2 codes).
_COUNTRY_AREA = re.compile(r"place:[A-Z]{2}")


def _broad(area: str, areas: set[str]) -> bool:
    """Whether ``area`` and ``areas`` are both national or global (one series may hold both):
    China, the world or another country (robot density in Korea is the measure of China's)."""

    def broad(a: str) -> bool:
        return a in _BROAD or bool(_COUNTRY_AREA.fullmatch(a))

    return broad(area) and any(broad(a) for a in areas)


#: "up" that is not a rise: making up, up to, set up.
_NOT_CHANGE_EN = re.compile(
    r"\b(?:mak(?:e|es|ing)|made|set(?:ting)?|sets|end(?:s|ed)?)\s+up\b|\bup\s+to\b"
)


def is_change(phrase: str) -> bool:
    english = _NOT_CHANGE_EN.sub(" ", phrase.lower())
    return bool(_CHANGE_CN.search(phrase) or _CHANGE_EN.search(english))


@dataclass
class Variable:
    iri: URIRef
    labels: list[str]
    units: set[str] = field(default_factory=set)  # unit kinds of its observations
    areas: set[str] = field(default_factory=set)  # areas of its observations and targets
    token_sets: list[frozenset[str]] = field(default_factory=list)
    #: the breakdown words of its labels (read once: folding is slow and labels do not change)
    breakdowns: frozenset[str] = frozenset()
    #: the scope its labels state (（工业和信息化部口径）, "(as stated by MIIT)"): its names as
    #: name keys, one of which a figure's text must name to be of this variable; empty: any
    scope: frozenset[str] = frozenset()
    scope_words: str = ""  # the scope as its label states it, for a note
    #: the kinds of things its labels count (:func:`counted_things`)
    counted: frozenset[str] = frozenset()
    #: per label, the scope words it names (:func:`scope_words`)
    scopes: list[frozenset[str]] = field(default_factory=list)
    cumulative: bool = False  # a label names a cumulative count or a stock
    share: bool = False  # a label names a share or a rate
    #: per label, its :func:`measure_key`: a figure reuses the variable only with one of these
    keys: list[frozenset[str]] = field(default_factory=list)
    local: bool = False  # a label names a province or a city


_ORDINAL = re.compile(r"第\d+次")


def _scope(labels: list[str], names: dict[str, frozenset[str]]) -> tuple[str, frozenset[str]]:
    """The scope the ``labels`` of a variable state, and the name keys that name it: the
    scope's words, the other names of the graph entity they name (``names``: 工信部 for
    工业和信息化部), and a report's edition (第56次)."""
    words = []
    for label in labels:
        found = STATED_SCOPE_ZH.search(label) or STATED_SCOPE_EN.search(label)
        if found:
            words.append(next(g for g in found.groups() if g))
    keys: set[str] = set()
    for word in words:
        key = name_key(word)
        keys |= {key, *_ORDINAL.findall(key), *names.get(key, ())}
    keys.discard("")
    return "; ".join(words), frozenset(keys)


def _entity_names(graph: Graph) -> dict[str, frozenset[str]]:
    """Each name of a graph entity that is not a variable (as a name key) -> all its names."""
    labels: dict[object, set[str]] = defaultdict(set)
    for p in (RDFS.label, SKOS.altLabel):
        for entity, label in graph.subject_objects(p):
            if (
                isinstance(label, Literal)
                and (entity, RDF.type, SCHEMA.StatisticalVariable) not in graph
            ):
                labels[entity].add(name_key(str(label)))
    out: dict[str, frozenset[str]] = {}
    for keys in labels.values():
        for key in keys:
            out[key] = out.get(key, frozenset()) | frozenset(keys)
    return out


def _not_the_same(phrase: str, var: Variable) -> str:
    """Why ``var``, whose labels overlap ``phrase``, is not reused: a share of another whole,
    or another measure's name (issue 12's fifth revision)."""
    ours = share_scope(phrase)
    theirs = {s for s in (share_scope(label) for label in var.labels) if s}
    if (ours or theirs) and ours not in theirs:
        return (
            f"its share is of {' or '.join(f'the {s}' for s in sorted(theirs)) or 'another whole'}"
            f", the figure's of {f'the {ours}' if ours else 'a whole it does not name'}"
        )
    return (
        "its label overlaps the figure's words but does not name the same measure (only the "
        "same name, or the same base and kind of change, is reused)"
    )


@dataclass
class NewVariable:
    iri: URIRef
    label: str
    unit: str


class VariableIndex:
    """The graph's statistical variables, and the draft ones created while extracting."""

    def __init__(self, graph: Graph, unit_kind: Callable[[URIRef], str]) -> None:
        self.variables: dict[URIRef, Variable] = {}
        units: dict[URIRef, set[str]] = defaultdict(set)
        areas: dict[URIRef, set[str]] = defaultdict(set)
        for obs in {
            *graph.subjects(RDF.type, SCHEMA.Observation),
            *graph.subjects(RDF.type, AIKG.Target),
        }:
            var = graph.value(obs, SCHEMA.variableMeasured)
            unit = graph.value(obs, SCHEMA.unitCode)
            if isinstance(var, URIRef) and isinstance(unit, URIRef):
                units[var].add(unit_kind(unit))
        for cls in (SCHEMA.Observation, AIKG.Target):
            for obs in graph.subjects(RDF.type, cls):
                var, area = (
                    graph.value(obs, SCHEMA.variableMeasured),
                    graph.value(obs, SDMX_DIM.refArea),
                )
                if isinstance(var, URIRef) and isinstance(area, URIRef):
                    areas[var].add(shorten(str(area)))
        names = _entity_names(graph)
        for var in graph.subjects(RDF.type, SCHEMA.StatisticalVariable):
            if not isinstance(var, URIRef):
                continue
            labels = [
                str(o)
                for p in (RDFS.label, SKOS.altLabel)
                for o in graph.objects(var, p)
                if isinstance(o, Literal)
            ]
            entry = Variable(var, labels, units.get(var, set()), areas.get(var, set()))
            # a label read as a figure's subject is read (国内生产总值 as 生产总值: 国内 is an
            # area word, dropped from subjects)
            entry.token_sets = list(
                dict.fromkeys(t for label in labels for t in (tokens(label), subject_tokens(label)))
            )
            entry.breakdowns = frozenset(w for label in labels for w in breakdowns(label))
            entry.counted = frozenset(k for label in labels for k in counted_things(label))
            entry.scopes = list(dict.fromkeys(scope_words(label) for label in labels))
            entry.cumulative = any(_CUMULATIVE.search(fold(label).lower()) for label in labels)
            entry.share = any(_SHARE_LABEL.search(fold(label).lower()) for label in labels)
            entry.scope_words, entry.scope = _scope(labels, names)
            # a scope word a text may leave implicit (robot density is per manufacturing
            # worker) may be left out of the name too
            entry.keys = [
                k
                for label in labels
                for k in dict.fromkeys(
                    (measure_key(label), measure_key(_IMPLICIT_WORDS.sub("", label)))
                )
                if k
            ]
            entry.local = any(names_a_place(label) for label in labels)
            self.variables[var] = entry
        self.new: dict[str, NewVariable] = {}
        found: dict[URIRef, set[URIRef]] = defaultdict(set)
        for obs, base in graph.subject_objects(SCHEMA.measurementDenominator):
            var = graph.value(obs, SCHEMA.variableMeasured)
            if isinstance(var, URIRef) and isinstance(base, URIRef):
                found[var].add(base)
        self.denominators = {var: next(iter(b)) for var, b in found.items() if len(b) == 1}
        #: change variables of the graph: (variable it is the change of, change type) -> vars
        self.changes: dict[tuple[str, str], list[URIRef]] = defaultdict(list)
        for var, of in graph.subject_objects(AIKG.changeOf):
            kind = graph.value(var, AIKG.changeType)
            if isinstance(var, URIRef) and kind is not None:
                self.changes[(shorten(str(of)), str(kind).rsplit("#", 1)[-1])].append(var)

    def denominator_of(self, variable: URIRef) -> URIRef | None:
        """The one denominator the graph gives the variable's observations, if any."""
        return self.denominators.get(variable)

    def change_of(self, variable: str, unit: str, phrase: str = "") -> URIRef | None:
        """The graph's variable for the change of ``variable`` in ``unit``, if it has one; of
        several, the one that is an average over years when ``phrase`` (the figure's clause)
        says so (年均, "average annual"), else the one that is not."""
        kind = {"percent": "RelativeChange", "percentage_point": "PercentagePointChange"}.get(
            unit, "AbsoluteChange"
        )
        self.passed_over, self.passed_reason = None, ""
        candidates = [
            var for var in self.changes.get((variable, kind), []) if var in self.variables
        ]
        # the same kind of change (fifth revision): a year-on-year growth is not an average
        # over years, nor a change on the month or quarter before, whichever the graph holds

        def kind_of(text: str) -> tuple[bool, bool]:
            said = fold(text).lower()
            return bool(_AVERAGE.search(said)), bool(_SEQUENTIAL.search(said))

        wanted = kind_of(phrase)
        found = [
            var
            for var in candidates
            if any(kind_of(label) == wanted for label in self.variables[var].labels)
        ]
        if not found and candidates:
            theirs = kind_of(self.variables[candidates[0]].labels[0])
            names = {(True, False): "an average annual change", (False, True): "a change on the "
                     "period just before", (False, False): "a change on a year before"}  # fmt: skip
            self.passed_over = self.variables[candidates[0]]
            self.passed_reason = (
                f"it is {names.get(theirs, 'another change')}, and the figure "
                f"{names.get(wanted, 'another change')}"
            )
        return found[0] if len(found) == 1 else None

    def change_by_base(self, phrase: str, unit: str, area: str, said: str) -> URIRef | None:
        """The graph's change variable of the one variable ``phrase`` names by its measure key
        (高技术制造业增加值增长9.4%: the growth of the value added the graph records as
        aikg:changeOf it), of the kind ``said`` states, even when the graph has no figure of
        that base; None unless exactly one base and one change agree."""
        same_as = measure_key(_CHANGE_VERB.sub("", fold(phrase).strip()))
        if not same_as:
            return None
        bases = [
            var
            for var in self.variables.values()
            if same_as in var.keys
            and not var.scope
            and not (var.areas and area not in var.areas and not _broad(area, var.areas))
        ]
        if len(bases) != 1:
            return None
        found = self.change_of(shorten(str(bases[0].iri)), unit, said)
        if found is None or found not in self.variables:
            return None
        theirs = self.variables[found].areas
        if theirs and area not in theirs and not _broad(area, theirs):
            return None
        return found

    def match(
        self,
        phrase: str,
        unit: str,
        *,
        any_unit: bool = False,
        area: str | None = None,
        context: str | None = None,
        exclude: frozenset[URIRef] = frozenset(),
        change: bool = False,
        clause: str = "",
        own: str | None = None,
    ) -> URIRef | None:
        """The graph variable that ``phrase`` names, measured in ``unit``, or None.

        With ``area``: a variable whose figures are all in other areas (a national series for a
        province's figure, or the reverse) is another series; China and the world may share one.
        With ``context`` (the text the figure is stated in): a
        variable whose label states a scope (another body's measure, another report's) is
        another series unless the context names that scope; the best such variable passed over
        is left in :attr:`passed_over`, for the note of the new variable. The variables in
        ``exclude`` are not matched (a part's figure is not of its whole's variable); a
        ``change`` is never of a variable the graph has no figure of (its label names a level).

        Issue 12's fifth revision: only a variable one of whose labels has the phrase's
        :func:`measure_key` is reused; of those, the one whose labels overlap the phrase most.
        A variable whose labels overlap the phrase (Dice ≥ 0.6) but name another measure is
        left in :attr:`passed_over`, with the reason (:func:`_not_the_same`).

        Issue 12's fourth revision: a variable of the same name is still another
        series when they disagree on a word that defines what is counted (:func:`scope_words`:
        invention, granted, applications, pledge …; the variable's words must be in the phrase
        or its ``clause``, the phrase's in one of the variable's labels), when the variable
        counts cumulatively or a stock and the figure's ``own`` words (the clause after the
        figure before it, if any; else ``clause``) state a flow over a period
        (:func:`is_flow`), or when one is a share and the other a level. The closest such
        variable is left in :attr:`passed_over` with the reason in :attr:`passed_reason`.
        """
        self.passed_over = None
        self.passed_reason = ""
        wanted = tokens(phrase)
        if not wanted:
            return None
        key = name_key(context) if context is not None else None
        best, best_score = None, 0.0
        passed, passed_score = None, 0.0
        breakdown = breakdowns(phrase)
        counted = counted_things(phrase)
        phrase_scope = scope_words(phrase)
        clause_scope = phrase_scope | scope_words(clause)
        flow = is_flow(f"{clause if own is None else own} {phrase}")
        reason = ""
        same_as = measure_key(phrase)
        for var in self.variables.values():
            if var.iri in exclude:
                continue
            if breakdown - var.breakdowns:
                continue  # a breakdown (rural, 农村, aged …) the variable does not have
            if counted and var.counted and not counted & var.counted:
                continue  # services are not users, nor companies models
            if not any_unit and var.units and unit not in var.units:
                continue
            unitless = not any_unit and not var.units
            if unitless and change:
                continue  # a change (增长4.8%) is not the level its label names
            if any_unit and var.units and var.units <= _NOT_A_BASE:
                continue  # a denominator counts something: not a rate, a share or a rank
            if area and var.areas and area not in var.areas and not _broad(area, var.areas):
                continue
            score = max((dice(wanted, t) for t in var.token_sets), default=0.0)
            # the same measure by construction: its name, normalised (measure_key), is one of
            # the variable's; labels that only overlap name another measure (fifth revision)
            same = bool(same_as) and same_as in var.keys
            if unitless and (not same or var.local or (area and not _broad(area, {"place:CN"}))):
                # no figure says its unit or its area: only its very name links to it, and
                # only for a national or global figure (a city's is another series)
                continue
            if key is not None and var.scope and not any(k in key for k in var.scope):
                if score > passed_score:
                    passed, passed_score, reason = var, score, ""
                continue  # another body's or another report's measure: another series
            why = self._other_scope(var, phrase_scope, clause_scope, flow, unit, any_unit)
            if why or not same:
                if score > passed_score:
                    passed, passed_score = var, score
                    reason = why or _not_the_same(phrase, var)
                continue
            if best is None or score > best_score:
                best, best_score = var.iri, score
        if best is None and passed_score >= 0.6:
            self.passed_over, self.passed_reason = passed, reason
        return best

    passed_over: Variable | None = None
    passed_reason: str = ""

    @staticmethod
    def _other_scope(
        var: Variable,
        phrase_scope: frozenset[str],
        clause_scope: frozenset[str],
        flow: bool,
        unit: str,
        any_unit: bool,
    ) -> str:
        """Why ``var`` measures another scope than the figure (issue 12's linking policy), or
        "" when they agree."""
        if var.scopes and not any(
            phrase_scope <= s and s - _IMPLICIT <= clause_scope for s in var.scopes
        ):
            nearest = sorted(var.scopes, key=lambda words: len(words ^ clause_scope))[0]
            theirs = sorted(nearest)
            return (
                f"its label counts {', '.join(theirs) or 'no such subset'} where the figure "
                f"counts {', '.join(sorted(clause_scope)) or 'none of these'}"
            )
        if var.cumulative and flow:
            return "it is a cumulative count, and the figure a flow over a period"
        if any_unit or var.units:
            return ""  # the units of its figures say whether it is a share
        if unit == "unit:PERCENT" and not var.share:
            return "it is a level, and the figure a share"
        if var.share and (unit in ("count", "aikgunit:PERSON") or unit.startswith("currency:")):
            return "it is a share, and the figure a level"
        return ""

    def ranks_the_same(self, variable: URIRef, phrase: str) -> bool:
        """Whether a rank's ``phrase`` (算力总规模全球排名) ranks what one of ``variable``'s labels
        ranks, the rank words aside: their shared 全球排名 makes 数字经济规模全球排名 overlap
        算力规模全球排名 enough to pass the threshold, though they rank different things."""
        ranked = tokens(_RANK_WORDS.sub("", phrase))
        entry = self.variables.get(variable)
        return entry is not None and any(
            dice(ranked, tokens(_RANK_WORDS.sub("", label))) >= 0.6 for label in entry.labels
        )

    def draft(self, phrase: str, unit: str, namespace: Namespace) -> NewVariable:
        """A new draft variable labeled ``phrase`` (one per phrase and unit kind)."""
        key = f"{fold(phrase)}|{unit}"
        if key not in self.new:
            words = re.findall(r"[a-z0-9]+", phrase.lower())
            slug = "-".join(words[:6]) if words and not has_cjk(phrase) else ""
            digest = hashlib.sha1(key.encode()).hexdigest()[:8]
            local = f"draft-{slug}-{digest}" if slug else f"draft-{digest}"
            self.new[key] = NewVariable(namespace[local], phrase, unit)
        return self.new[key]
