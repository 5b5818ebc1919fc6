"""Quality on the labelled corpus (corpus/labelled/), and the effect of parsing only what rules need.

    python benchmarks/bench_quality.py

Prints:
- weak/strong pairs: share of pairs where the weak answer gets more findings than the strong one;
  findings per weak and per strong answer (warnings and errors; info counted apart);
- WIIFM: recall and precision of the wiifm pack on labelled candidate questions, at first-round;
- selective parsing: words/s with the parser run only on candidate sentences versus on every
  sentence, and whether both give identical findings.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import yaml

from answerlint.config import Settings
from answerlint.engine import Linter, Profile
from answerlint.model import ANSWER, QUESTION, Bank, Item
from answerlint.packs import RuleSet
from answerlint.sentences import word_spans
from answerlint.textmap import TextBuilder

ROOT = Path(__file__).resolve().parents[1]


def item(text: str, role: str, index: int, question: str | None = None, kind: str = "general") -> Item:
    builder = TextBuilder()
    builder.add(text, 0)
    return Item(role, index, builder.build(), question, kind if role == ANSWER else "question")


def single(text: str, role: str, question=None, kind="general", stage=None) -> Bank:
    return Bank("labelled", text, "text", [item(text, role, 1, question, kind)], stage=stage)


def pairs(linter: Linter, profile: Profile) -> None:
    data = yaml.safe_load((ROOT / "corpus/labelled/pairs.yaml").read_text(encoding="utf-8"))
    better = 0
    weak_counts, strong_counts = [], []
    per_rule_strong: Counter = Counter()
    for pair in data:
        counts = []
        for version in ("weak", "strong"):
            findings = linter.lint(single(pair[version], ANSWER, pair["question"], pair.get("kind", "general")), profile)
            serious = [f for f in findings if f.severity != "info"]
            counts.append(len(serious))
            if version == "strong":
                per_rule_strong.update(f.rule for f in serious)
        weak_counts.append(counts[0])
        strong_counts.append(counts[1])
        better += counts[0] > counts[1]
    n = len(data)
    print(f"pairs: {n}; weak answer has more findings in {better}/{n} = {better / n:.1%}")
    print(f"  warnings+errors per weak answer: {sum(weak_counts) / n:.2f}; per strong answer: {sum(strong_counts) / n:.2f}")
    print(f"  strong answers with no warning or error: {sum(c == 0 for c in strong_counts)}/{n}")
    if per_rule_strong:
        print("  rules firing on strong answers: " + ", ".join(f"{r} {c}" for r, c in per_rule_strong.most_common(6)))


def wiifm(linter: Linter, profile: Profile) -> None:
    data = yaml.safe_load((ROOT / "corpus/labelled/questions.yaml").read_text(encoding="utf-8"))
    tp = fp = fn = tn = 0
    misses, false_alarms = [], []
    for q in data:
        findings = linter.lint(single(q["text"], QUESTION, stage="first-round"), profile)
        flagged = any(f.rule.startswith("wiifm/") for f in findings)
        if q["wiifm"] and flagged:
            tp += 1
        elif q["wiifm"]:
            fn += 1
            misses.append(q["text"])
        elif flagged:
            fp += 1
            false_alarms.append(q["text"])
        else:
            tn += 1
    recall = tp / (tp + fn) if tp + fn else 0
    precision = tp / (tp + fp) if tp + fp else 0
    print(f"WIIFM questions: {len(data)} ({tp + fn} WIIFM); recall {recall:.1%}, precision {precision:.1%}")
    for text in misses[:8]:
        print(f"  missed: {text}")
    for text in false_alarms[:8]:
        print(f"  false alarm: {text}")


def selective_parsing(ruleset: RuleSet) -> None:
    data = yaml.safe_load((ROOT / "corpus/labelled/pairs.yaml").read_text(encoding="utf-8"))
    texts = [p[v] for p in data for v in ("weak", "strong")] * 3
    words = sum(len(word_spans(t)) for t in texts)
    results = {}
    for parse_all in (True, False, True, False):
        linter = Linter(parse_all=parse_all)
        profile = Profile(Settings(root=ROOT), ruleset)
        linter.lint(single("I am a team player.", ANSWER), profile)  # load the pipeline first
        banks = [Bank("x", t, "text", [item(t, ANSWER, 1)]) for t in texts]
        start = time.perf_counter()
        found = [[(f.rule, f.start, f.end, f.message) for f in linter.lint(b, profile)] for b in banks]
        elapsed = time.perf_counter() - start
        results.setdefault(parse_all, []).append((elapsed, found))
    best = {k: min(e for e, _ in v) for k, v in results.items()}
    same = results[True][0][1] == results[False][0][1]
    print(f"selective parsing: {words / best[False]:,.0f} words/s (candidate sentences parsed) vs "
          f"{words / best[True]:,.0f} words/s (every sentence parsed): {best[True] / best[False]:.2f}x; "
          f"identical findings: {same}")


def main() -> None:
    ruleset = RuleSet.load()
    linter = Linter()
    profile = Profile(Settings(root=ROOT), ruleset)
    pairs(linter, profile)
    wiifm(linter, profile)
    selective_parsing(ruleset)


if __name__ == "__main__":
    main()
