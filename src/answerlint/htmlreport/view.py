"""What the HTML report shows, worked out from a run's results: per answer its speaking time
against its type's target band, its score and its findings located in its text; per candidate
question its stage verdict; per run the counts per rule and the weakest answers.

The band of an answer is the one the selected ``length`` rules enforce for its kind (their
effective options, config overrides included: ``LengthKind.limits``), so an answer whose bar
leaves the band is one a length rule flags.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from answerlint.engine import FileResult, Profile
from answerlint.htmlreport.highlight import Span, item_span
from answerlint.kinds import get_kind
from answerlint.kinds.length import speaking_seconds
from answerlint.model import ANSWER, QUESTION, STAGES, Finding, Item, severity_rank
from answerlint.rules import Rule
from answerlint.scoring import Score
from answerlint.sentences import word_spans

WIIFM = "wiifm/"


@dataclass(frozen=True)
class Band:
    """The speaking time a length rule accepts, in seconds at the bank's rate (None: no bound)."""

    min_seconds: float | None
    max_seconds: float | None
    min_words: int | None
    max_words: int | None

    def status(self, words: int) -> str:
        if self.max_words is not None and words > self.max_words:
            return "too long"
        if self.min_words is not None and words < self.min_words:
            return "too short"
        return "in band" if self.min_words is not None or self.max_words is not None else "no target"


@dataclass
class Located:
    """A finding of an item, numbered in the item's list; ``span`` is None when it could not be
    placed in the item's text."""

    number: int
    finding: Finding
    span: tuple[int, int] | None

    @property
    def text(self) -> str:
        return self.finding.item.text[self.span[0]:self.span[1]] if self.span and self.finding.item else ""


@dataclass
class ItemView:
    path: str
    item: Item
    line: int
    findings: list[Located]
    words: int = 0
    seconds: float = 0.0
    band: Band | None = None
    score: Score | None = None
    verdict: str = ""  # questions: the stage verdict
    verdict_level: str = ""  # questions: ok | info | warning | error
    fine_from: str | None = None  # questions: the first stage from which the verdict is only info
    bank_number: int = 1  # the bank's place in the report, for anchors

    @property
    def anchor(self) -> str:
        return f"{'a' if self.item.role == ANSWER else 'q'}{self.bank_number}-{self.item.index}"

    @property
    def spans(self) -> list[Span]:
        return [Span(loc.span[0], loc.span[1], loc.number, loc.finding.severity,
                     f"{loc.finding.severity} [{loc.finding.rule}]: {loc.finding.message}")
                for loc in self.findings if loc.span is not None]


@dataclass
class BankView:
    path: str
    stage: str | None
    words_per_minute: float
    answers: list[ItemView] = field(default_factory=list)
    questions: list[ItemView] = field(default_factory=list)
    bank_findings: list[Finding] = field(default_factory=list)  # not inside an item


@dataclass
class RunView:
    banks: list[BankView]
    errors: list[str]
    rules: dict[str, Rule]
    scored: bool  # did any bank get scores?

    @property
    def answers(self) -> list[ItemView]:
        return [a for b in self.banks for a in b.answers]

    @property
    def questions(self) -> list[ItemView]:
        return [q for b in self.banks for q in b.questions]

    @property
    def findings(self) -> list[Finding]:
        return ([loc.finding for b in self.banks for i in b.answers + b.questions for loc in i.findings]
                + [f for b in self.banks for f in b.bank_findings])

    def severity_counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    def rule_counts(self) -> list[tuple[str, int, str]]:
        """(rule id, count, severity), most frequent first."""
        found = self.findings
        counter = Counter(f.rule for f in found)
        worst: dict[str, str] = {}
        for f in found:
            if f.rule not in worst or severity_rank(f.severity) > severity_rank(worst[f.rule]):
                worst[f.rule] = f.severity
        return sorted(((r, n, worst[r]) for r, n in counter.items()), key=lambda x: (-x[1], x[0]))

    def weakest(self, n: int = 3) -> list[ItemView]:
        scored = [a for a in self.answers if a.score is not None]
        return sorted(scored, key=lambda a: (a.score.score, a.path, a.item.index))[:n]


def bank_view(result: FileResult, profile: Profile, cli_stage: str | None, number: int = 1) -> BankView:
    from answerlint.lines import LineIndex

    bank = result.bank
    index = LineIndex(bank.source)
    settings = profile.settings
    stage = profile.decider.stage(bank, cli_stage)
    view = BankView(result.path, stage, settings.words_per_minute)
    length_rules = [r for r in profile.rules_for(bank.path) if r.kind == "length" and r.scope in ("answer", "item")]
    scores = {id(s.item): s for s in result.scores}
    mine: dict[int, list[Finding]] = {id(i): [] for i in bank.items}
    for f in result.findings:
        if f.item is not None and id(f.item) in mine:
            mine[id(f.item)].append(f)
        else:
            view.bank_findings.append(f)
    for item in bank.items:
        located = []
        for f in mine[id(item)]:
            located.append(Located(len(located) + 1, f, item_span(item, f)))
        start = item.body.offsets[0] if item.body.offsets else 0
        iv = ItemView(result.path, item, index.position(start)[0], located, bank_number=number)
        iv.words = len(word_spans(item.text))
        iv.seconds = speaking_seconds(iv.words, settings.words_per_minute)
        if item.role == ANSWER:
            iv.band = band(length_rules, item.kind, iv.words, settings.words_per_minute)
            iv.score = scores.get(id(item))
            view.answers.append(iv)
        elif item.role == QUESTION:
            _stage_verdict(iv, profile, stage)
            view.questions.append(iv)
    return view


def band(rules: list[Rule], kind: str, words: int, wpm: float) -> Band:
    """The target band of an answer of ``kind`` under the length rules that look at it: the
    tightest of their bounds, computed as ``LengthKind.check`` does."""
    length = get_kind("length")
    most: list[int] = []
    least: list[int] = []
    for rule in rules:
        if not rule.applies_to.everything and not rule.applies_to.admits(kind, words):
            continue
        lim = length.limits(rule, kind, wpm)
        rate = lim["words_per_minute"]
        if "max_words" in lim:
            most.append(int(lim["max_words"]))
        if "max_seconds" in lim:
            most.append(int(lim["max_seconds"] * rate / 60))
        if "min_words" in lim:
            least.append(int(lim["min_words"]))
        if "min_seconds" in lim:
            least.append(int(-(-lim["min_seconds"] * rate // 60)))
    max_words = min(most) if most else None
    min_words = max(least) if least else None
    to_seconds = (lambda w: None if w is None else speaking_seconds(w, wpm))
    return Band(to_seconds(min_words), to_seconds(max_words), min_words, max_words)


def _stage_verdict(iv: ItemView, profile: Profile, stage: str | None) -> None:
    """The candidate question's verdict at the bank's stage, from its ``wiifm`` findings, and
    the first stage at which those rules only inform."""
    wiifm = [loc.finding for loc in iv.findings if loc.finding.rule.startswith(WIIFM)]
    at = f"at the {stage} stage" if stage else "(no stage set)"
    if not wiifm:
        iv.verdict, iv.verdict_level = f"Fine to ask {at}", "ok"
        return
    worst = max((f.severity for f in wiifm), key=severity_rank)
    iv.verdict_level = worst
    iv.verdict = {"error": f"Too early {at}: don't ask it yet", "warning": f"Risky {at}",
                  "info": f"Fine to ask {at}, with care"}[worst]
    rules = [profile.rules[f.rule] for f in wiifm if f.rule in profile.rules]
    if worst != "info" and rules:
        later = STAGES[STAGES.index(stage) + 1:] if stage in STAGES else STAGES
        iv.fine_from = next((s for s in later if all(profile.decider.severity(r, s) == "info" for r in rules)),
                            None)

