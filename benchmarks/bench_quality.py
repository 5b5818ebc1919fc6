"""Does answerlint rank answers the way a recruiter does? Quality on labelled data.

    python benchmarks/bench_quality.py                 # corpus/labelled (written by the project)
    python benchmarks/bench_quality.py --data DIR      # any folder with the same files
    python benchmarks/bench_quality.py --speed         # also: selective parsing, words/s
    python benchmarks/bench_quality.py --model PATH    # another spaCy pipeline (as check --model)

The data: pairs.yaml (the weak and the strong answer to the same question, with its `type`),
optionally singles.yaml (one answer labelled weak or strong) and questions.yaml (candidate
questions labelled wiifm: true/false). The answer kind is inferred from the question, as in a
real bank. Prints, overall and per question type:

- pairs: share of pairs whose weak answer scores below the strong one; AUC over every weak x
  strong answer (chance of a weak answer scoring below a strong one, ties counting half);
- weak caught: share of weak answers with a warning or an error, or a score under 60;
- strong clean: share of strong answers with no error and a score of 60 or more;
- kind inference: share of questions whose inferred kind is the labelled type;
- WIIFM: recall and precision of the wiifm pack on candidate questions at first-round, by casing
  and by topic.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import yaml

from answerlint.answerkinds import infer_kind
from answerlint.config import Settings
from answerlint.engine import Linter, Profile
from answerlint.model import ANSWER, QUESTION, Bank, Item
from answerlint.packs import RuleSet
from answerlint.sentences import word_spans
from answerlint.textmap import TextBuilder

ROOT = Path(__file__).resolve().parents[1]
CAUGHT_UNDER = 60


def item(text: str, role: str, index: int, question: str | None = None, kind: str = "general") -> Item:
    builder = TextBuilder()
    builder.add(text, 0)
    return Item(role, index, builder.build(), question, kind if role == ANSWER else "question")


def single(text: str, role: str, question=None, kind="general", stage=None, company=None) -> Bank:
    bank = Bank("labelled", text, "text", [item(text, role, 1, question, kind)], stage=stage)
    bank.company = company
    return bank


class Judge:
    def __init__(self, model: str | None = None) -> None:
        self.linter = Linter(model)
        self.profile = Profile(Settings(root=ROOT), RuleSet.load())

    def answer(self, text: str, question: str, company: str | None = None) -> tuple[int, list[str]]:
        bank = single(text, ANSWER, question, infer_kind(question), company=company)
        findings, scores = self.linter.lint_scored(bank, self.profile)
        return scores[0].score, [f.severity for f in findings]

    def wiifm(self, text: str) -> bool:
        findings = self.linter.lint(single(text, QUESTION, stage="first-round"), self.profile)
        return any(f.rule.startswith("wiifm/") for f in findings)


def caught(score: int, severities: list[str]) -> bool:
    return score < CAUGHT_UNDER or any(s in ("warning", "error") for s in severities)


def clean(score: int, severities: list[str]) -> bool:
    return score >= CAUGHT_UNDER and "error" not in severities


def auc(weak: list[int], strong: list[int]) -> float:
    if not weak or not strong:
        return float("nan")
    wins = sum((w < s) + 0.5 * (w == s) for w in weak for s in strong)
    return wins / (len(weak) * len(strong))


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.1%}" if b else "-"


def pairs(judge: Judge, path: Path, verbose: bool) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = defaultdict(list)
    for pair in data:
        kind = pair.get("type") or pair.get("kind") or "general"
        weak = judge.answer(pair["weak"], pair["question"], pair.get("company"))
        strong = judge.answer(pair["strong"], pair["question"], pair.get("company"))
        inferred = infer_kind(pair["question"])
        rows[kind].append((pair, weak, strong, inferred == kind))
        if verbose and not (weak[0] < strong[0] and caught(*weak) and clean(*strong)):
            print(f"  [{kind}] {pair.get('id', '')}: weak {weak[0]} {weak[1]} / strong {strong[0]} {strong[1]}"
                  f" (inferred {inferred})")
    print(f"pairs: {path}")
    print(f"  {'type':<20} {'n':>3}  {'pairs':>6} {'AUC':>6} {'weak caught':>12} {'strong clean':>13} {'kind ok':>8}")
    every = [r for v in rows.values() for r in v]
    for kind, entries in sorted(rows.items()) + [("ALL", every)]:
        n = len(entries)
        ordered = sum(w[0] < s[0] for _, w, s, _ in entries)
        a = auc([w[0] for _, w, _, _ in entries], [s[0] for _, _, s, _ in entries])
        wc = sum(caught(*w) for _, w, _, _ in entries)
        sc = sum(clean(*s) for _, _, s, _ in entries)
        ko = sum(ok for *_, ok in entries)
        print(f"  {kind:<20} {n:>3}  {ordered / n:>6.1%} {a:>6.3f} {wc / n:>12.1%} {sc / n:>13.1%} {ko / n:>8.1%}")
    weak_scores = [w[0] for _, w, _, _ in every]
    strong_scores = [s[0] for _, _, s, _ in every]
    print(f"  mean score: weak {sum(weak_scores) / len(every):.1f}, strong {sum(strong_scores) / len(every):.1f}")


def singles(judge: Judge, path: Path, verbose: bool) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    weak, strong = [], []
    for entry in data:
        score, severities = judge.answer(entry["text"], entry["question"], entry.get("company"))
        (weak if entry["label"] == "weak" else strong).append((score, severities, entry))
    wc = sum(caught(s, v) for s, v, _ in weak)
    sc = sum(clean(s, v) for s, v, _ in strong)
    print(f"singles: {path}: weak caught {pct(wc, len(weak))}, strong clean {pct(sc, len(strong))}, "
          f"AUC {auc([s for s, _, _ in weak], [s for s, _, _ in strong]):.3f}")
    if verbose:
        for s, v, e in weak:
            if not caught(s, v):
                print(f"  missed weak [{infer_kind(e['question'])}] {s}: {e['text'][:100]}")
        for s, v, e in strong:
            if not clean(s, v):
                print(f"  flagged strong [{infer_kind(e['question'])}] {s} {v}: {e['text'][:100]}")


def casing(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return "upper"
    if letters and all(c.islower() for c in letters):
        return "lower"
    return "mixed"


def wiifm(judge: Judge, path: Path, verbose: bool) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    counts = defaultdict(lambda: [0, 0, 0])  # casing -> tp, fp, fn
    for q in data:
        flagged = judge.wiifm(q["text"])
        for key in (casing(q["text"]), f"topic {q.get('topic', 'other')}", "ALL"):
            c = counts[key]
            if q["wiifm"] and flagged:
                c[0] += 1
            elif flagged:
                c[1] += 1
            elif q["wiifm"]:
                c[2] += 1
        if verbose and flagged != bool(q["wiifm"]):
            print(f"  {'missed' if q['wiifm'] else 'false alarm'}: {q['text']}")
    print(f"WIIFM: {path} ({len(data)} questions)")
    for key, (tp, fp, fn) in sorted(counts.items()):
        recall = tp / (tp + fn) if tp + fn else float("nan")
        precision = tp / (tp + fp) if tp + fp else float("nan")
        print(f"  {key:<20} recall {recall:.1%} ({tp}/{tp + fn}), precision {precision:.1%} ({tp}/{tp + fp})")


def selective_parsing(data_dir: Path, model: str | None = None) -> None:
    data = yaml.safe_load((data_dir / "pairs.yaml").read_text(encoding="utf-8"))
    texts = [p[v] for p in data for v in ("weak", "strong")]
    words = sum(len(word_spans(t)) for t in texts)
    ruleset = RuleSet.load()
    results = {}
    for parse_all in (True, False, True, False):
        linter = Linter(model, parse_all=parse_all)
        profile = Profile(Settings(root=ROOT), ruleset)
        linter.lint(single("I am a team player.", ANSWER), profile)  # load the pipeline first
        banks = [Bank("x", t, "text", [item(t, ANSWER, 1)]) for t in texts]
        start = time.perf_counter()
        found = [[(f.rule, f.start, f.end, f.message) for f in linter.lint(b, profile)] for b in banks]
        results.setdefault(parse_all, []).append((time.perf_counter() - start, found))
    best = {k: min(e for e, _ in v) for k, v in results.items()}
    same = results[True][0][1] == results[False][0][1]
    print(f"selective parsing: {words / best[False]:,.0f} words/s (candidate sentences parsed) vs "
          f"{words / best[True]:,.0f} words/s (every sentence parsed); identical findings: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "corpus" / "labelled")
    parser.add_argument("--speed", action="store_true", help="also measure selective parsing")
    parser.add_argument("--model", help="spaCy pipeline name or path (default: the bundled one)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what each measure gets wrong")
    args = parser.parse_args()
    judge = Judge(args.model)
    for name, run in (("pairs.yaml", pairs), ("singles.yaml", singles), ("questions.yaml", wiifm)):
        if (args.data / name).exists():
            run(judge, args.data / name, args.verbose)
    if args.speed:
        selective_parsing(args.data, args.model)


if __name__ == "__main__":
    main()
