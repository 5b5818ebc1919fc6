"""A run's results as the formatters see them: findings, per-item metrics, errors, statistics."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from answerlint.engine import FileResult
from answerlint.errors import AnswerlintError
from answerlint.kinds.length import speaking_seconds
from answerlint.model import Finding
from answerlint.rules import Rule
from answerlint.sentences import word_spans
from answerlint.textstats import readability


@dataclass
class Report:
    results: list[FileResult]
    rules: dict[str, Rule] = field(default_factory=dict)
    words_per_minute: dict[str, float] = field(default_factory=dict)  # path -> rate
    show_suggestions: bool = True
    statistics: bool = False
    explain_scores: bool = False
    baselined: int | None = None  # findings hidden by --baseline (None: no baseline)
    baseline_unused: int = 0  # baseline entries that matched nothing

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def errors(self) -> list[AnswerlintError]:
        return [e for r in self.results for e in ([r.error] if r.error is not None else r.refused)]

    def distinct_errors(self) -> list[AnswerlintError]:
        """Each error once (a broken config is the error of every file under it), in order."""
        seen, out = set(), []
        for e in self.errors:
            key = (e.path, e.line, e.column, e.problem)
            if key not in seen:
                seen.add(key)
                out.append(e)
        return out

    def baseline_summary(self) -> str:
        n = self.baselined or 0
        text = f"{n} finding{'s' if n != 1 else ''} hidden by the baseline"
        if self.baseline_unused:
            n = self.baseline_unused
            text += (f"; {n} baseline entr{'ies' if n != 1 else 'y'} matched nothing: "
                     "run --write-baseline again to shrink it")
        return text

    def counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    def rule_counts(self) -> list[tuple[str, int, str]]:
        """(rule id, count, severity) for --statistics, most frequent first."""
        counter = Counter(f.rule for f in self.findings)
        severity = {f.rule: f.severity for f in self.findings}
        return sorted(((r, n, severity[r]) for r, n in counter.items()), key=lambda x: (-x[1], x[0]))

    def items(self) -> list[dict]:
        """Per-item metrics: words, speaking time and readability of every answer and question."""
        out = []
        for result in self.results:
            bank = result.bank
            if bank is None:
                continue
            from answerlint.lines import LineIndex

            index = LineIndex(bank.source)
            wpm = self.words_per_minute.get(bank.path, 150)
            scores = {id(s.item): s for s in result.scores}
            for item in bank.items:
                words = len(word_spans(item.text))
                start = item.body.offsets[0] if item.body.offsets else 0
                out.append({
                    "path": bank.path, "kind": item.role, "index": item.index, "question": item.question,
                    "answer_kind": item.kind if item.role == "answer" else None,
                    "line": index.position(start)[0], "words": words,
                    "speaking_seconds": round(speaking_seconds(words, wpm), 1),
                    "readability": result.metrics.get(id(item)) or readability(item.text),
                })
                score = scores.get(id(item))
                if score is not None:
                    out[-1].update({"score": score.score, "verdict": score.verdict, "missing": list(score.missing),
                                    "strengths": list(score.strengths), "fix_first": score.fix_first})
        return out

