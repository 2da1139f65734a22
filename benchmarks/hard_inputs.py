"""Cost per byte of long and adversarial articles, stage by stage, in one run.

    python benchmarks/hard_inputs.py                              # ordinary 10 KB / 100 KB / 1 MB + adversarial at 1 MB
    python benchmarks/hard_inputs.py --adversarial-kb 100 --kinds currency_line repeated_sentence
    python benchmarks/hard_inputs.py --json

Ordinary articles are public-domain DOJ press releases (``../shared/corpora/doj.jsonl``) joined, one per
paragraph, until the target size; the 10 KB and 100 KB figures average several such articles so each size
processes about the same number of bytes. Adversarial texts are generated: a line of currency symbols and
scale words, one fine sentence repeated 3,000 times, deeply nested brackets, a long list of company names, a
page with no full stops, and DOJ text with Windows line endings hard-wrapped mid-amount ("$25\\r\\nmillion").

Every article runs stage by stage (``make_doc``, each spaCy component, ``to_record``) and each stage is timed
with the process CPU time (``time.process_time``), so other jobs on the machine barely move the figures.
Printed: seconds per 100 KB for each input kind, the slowest article in seconds, the ratio of the 1 MB cost
per byte to the 10 KB one (target <= 2) and per-stage seconds per 100 KB. Targets: ratio <= 2 and no article
up to ``Settings.max_text_bytes`` over 30 s.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.extract import Extractor  # noqa: E402
from pipeline.io.source import InputRecord  # noqa: E402
from pipeline.serialize import to_record  # noqa: E402

DOJ = REPO.parent / "shared" / "corpora" / "doj.jsonl"
KB = 1000
#: Largest ordinary article: just under the default size limit (``Settings.max_text_bytes``).
MB_TARGET = 990 * KB
#: Articles per ordinary size, so each size processes about 1 MB in all.
ORDINARY_SIZES = {"ordinary_10kb": (10 * KB, 40), "ordinary_100kb": (100 * KB, 5), "ordinary_1mb": (MB_TARGET, 1)}
#: Seconds one article up to the size limit may take on one core.
MAX_ARTICLE_SECONDS = 30.0
#: Largest allowed ratio of the 1 MB cost per byte to the 10 KB one.
MAX_RATIO = 2.0
SEED = 20261206


# --- Inputs --------------------------------------------------------------------------------------


def doj_texts() -> Iterator[str]:
    with DOJ.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text")
            if text:
                yield text.strip()


def join_to(texts: Iterator[str], size: int, *, separator: str = "\n\n") -> str:
    """Texts joined by ``separator`` until the result reaches ``size`` UTF-8 bytes (cut there)."""
    parts: list[str] = []
    total = 0
    for text in texts:
        parts.append(text)
        total += len(text.encode("utf-8")) + len(separator)
        if total >= size:
            break
    return cut_to(separator.join(parts), size)


def cut_to(text: str, size: int) -> str:
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def repeat_to(pieces: Callable[[random.Random], str], size: int, *, separator: str = " ") -> str:
    rng = random.Random(SEED)
    out: list[str] = []
    total = 0
    while total < size:
        piece = pieces(rng)
        out.append(piece)
        total += len(piece.encode("utf-8")) + len(separator)
    return cut_to(separator.join(out), size)


CURRENCY_TOKENS = ("$", "€", "£", "US$", "C$", "EUR", "USD", "GBP", "Rs", "¥", "dlrs", "stg", "francs")
SCALE_TOKENS = ("million", "billion", "mln", "bn", "m", "crore", "thousand", "trillion", "k")
NUMBER_TOKENS = ("1", "25", "2.5", "1,000", "3-5", "to", "and", "-", "40.000", "")


def currency_line(size: int) -> str:
    """One line of currency symbols, scale words and numbers, no sentence end."""

    def piece(rng: random.Random) -> str:
        return rng.choice(CURRENCY_TOKENS) + rng.choice(NUMBER_TOKENS) + " " + rng.choice(SCALE_TOKENS)

    return repeat_to(piece, size)


FINE_SENTENCE = (
    "The Securities and Exchange Commission fined Acme Holdings Inc. $25 million on March 3, 2021 for "
    "misleading investors."
)


def repeated_sentence(size: int) -> str:
    """One fine sentence repeated (3,000 times at 230 KB), one paragraph."""
    return repeat_to(lambda rng: FINE_SENTENCE, size)


def nested_brackets(size: int) -> str:
    """Sentences inside deeply nested brackets of every kind."""
    depth = 200
    inner = "Acme Corp. (the Company) agreed to pay $5 million [about EUR 4.6 million] to the SEC"

    def piece(rng: random.Random) -> str:
        opening = "".join(rng.choice("([{") for _ in range(depth))
        closing = "".join({"(": ")", "[": "]", "{": "}"}[c] for c in reversed(opening))
        return opening + inner + closing + "."

    return repeat_to(piece, size)


SYLLABLES = ("ac", "me", "be", "ta", "gam", "ma", "del", "to", "ver", "ix", "lo", "no", "zen", "tra", "cor", "qua")
SUFFIXES = ("Inc.", "LLC", "Corp.", "Ltd.", "GmbH", "S.A.", "plc", "Holdings", "Co.", "LP")


def company_list(size: int) -> str:
    """One sentence naming thousands of companies: "The SEC fined Acme Inc., Beta LLC, ..."."""

    def name(rng: random.Random) -> str:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        return f"{word} {rng.choice(SUFFIXES)},"

    return "The Securities and Exchange Commission fined " + repeat_to(name, size - 60) + " and Omega Inc."


def no_full_stops(size: int) -> str:
    """Ordinary DOJ copy with no sentence end and no line break: one sentence for the whole page."""
    text = join_to(doj_texts(), size, separator=" ")
    return text.translate(str.maketrans({".": " ", "!": " ", "?": " ", "\n": " ", ";": ","}))


def crlf_wrapped(size: int, *, width: int = 70) -> str:
    """DOJ copy with Windows line endings, hard-wrapped at ``width`` so amounts split ("$25\\r\\nmillion")."""
    text = join_to(doj_texts(), size)
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return cut_to("\r\n".join(lines), size)


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "currency_line": currency_line,
    "repeated_sentence": repeated_sentence,
    "nested_brackets": nested_brackets,
    "company_list": company_list,
    "no_full_stops": no_full_stops,
    "crlf_wrapped": crlf_wrapped,
}


def ordinary_articles(size: int, count: int) -> list[str]:
    texts = doj_texts()
    return [join_to(texts, size) for _ in range(count)]


# --- Measuring -----------------------------------------------------------------------------------


class StageFailed(Exception):
    """A stage raised on an article (the runner would reject the article as an internal failure)."""

    def __init__(self, stage: str, error: Exception, seconds: dict[str, float]) -> None:
        super().__init__(f"{stage}: {type(error).__name__}: {error}")
        self.seconds = seconds


def timed_stages(extractor: Extractor, record: InputRecord) -> dict[str, float]:
    """CPU seconds of each stage on one article (``make_doc``, every component, ``to_record``)."""
    seconds: dict[str, float] = {}
    steps: list[tuple[str, Callable[[Any], Any]]] = [("make_doc", lambda _: extractor._make_doc(record))]
    steps += [(name, lambda state, c=component: (c(state[0]), state[1])) for name, component in extractor.nlp.pipeline]
    steps.append(("to_record", lambda state: to_record(state[0], record, state[1])))
    state: Any = None
    for name, step in steps:
        started = time.process_time()
        try:
            state = step(state)
        except Exception as err:  # noqa: BLE001 - reported in the table
            seconds[name] = time.process_time() - started
            raise StageFailed(name, err, seconds) from err
        seconds[name] = time.process_time() - started
    return seconds


def measure(extractor: Extractor, kind: str, texts: list[str]) -> dict[str, Any]:
    """Seconds per 100 KB for ``texts`` (total and per stage) and the slowest article."""
    stages: dict[str, float] = {}
    worst = 0.0
    failures: list[str] = []
    size = sum(len(text.encode("utf-8")) for text in texts)
    for i, text in enumerate(texts):
        try:
            seconds = timed_stages(extractor, InputRecord(id=f"{kind}-{i}", text=text))
        except StageFailed as failed:
            failures.append(str(failed))
            seconds = failed.seconds
        for name, value in seconds.items():
            stages[name] = stages.get(name, 0.0) + value
        worst = max(worst, sum(seconds.values()))
    per = 100 * KB / size
    return {
        "kind": kind,
        "articles": len(texts),
        "kb_per_article": size / len(texts) / KB,
        "s_per_100kb": sum(stages.values()) * per,
        "worst_s": worst,
        "failures": failures,
        "stages_s_per_100kb": {name: value * per for name, value in stages.items()},
    }


def run(*, kinds: list[str], adversarial_kb: int, ordinary: bool) -> dict[str, Any]:
    extractor = Extractor()
    timed_stages(extractor, InputRecord(id="warm-up", text=FINE_SENTENCE))
    results = []
    if ordinary:
        for kind, (size, count) in ORDINARY_SIZES.items():
            results.append(measure(extractor, kind, ordinary_articles(size, count)))
    for kind in kinds:
        results.append(measure(extractor, kind, [ADVERSARIAL[kind](adversarial_kb * KB)]))
    by_kind = {result["kind"]: result for result in results}
    ratio = (
        by_kind["ordinary_1mb"]["s_per_100kb"] / by_kind["ordinary_10kb"]["s_per_100kb"] if ordinary else None
    )
    return {"results": results, "ratio_1mb_10kb": ratio, "worst_s": max(r["worst_s"] for r in results)}


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{'input':<18} {'articles':>8} {'KB each':>8} {'s/100KB':>8} {'worst s':>8}"]
    for r in report["results"]:
        lines.append(
            f"{r['kind']:<18} {r['articles']:>8} {r['kb_per_article']:>8.0f} {r['s_per_100kb']:>8.2f} "
            f"{r['worst_s']:>8.2f}"
            + (f"  FAILED {len(r['failures'])}: {r['failures'][0][:80]}" if r["failures"] else "")
        )
    ratio = report["ratio_1mb_10kb"]
    if ratio is not None:
        verdict = "ok" if ratio <= MAX_RATIO else "MISSED"
        lines.append(f"1 MB / 10 KB cost per byte: {ratio:.2f}x  {verdict} (target <= {MAX_RATIO})")
    worst = report["worst_s"]
    verdict = "ok" if worst <= MAX_ARTICLE_SECONDS else "MISSED"
    lines.append(f"slowest article: {worst:.1f} s  {verdict} (target <= {MAX_ARTICLE_SECONDS:.0f} s)")
    lines.append("")
    stages = list(dict.fromkeys(itertools.chain.from_iterable(r["stages_s_per_100kb"] for r in report["results"])))
    short = {name: name.removeprefix("newspipe_") for name in stages}
    lines.append("seconds per 100 KB by stage")
    lines.append(f"{'input':<18} " + " ".join(f"{short[n][:10]:>10}" for n in stages))
    for r in report["results"]:
        lines.append(
            f"{r['kind']:<18} " + " ".join(f"{r['stages_s_per_100kb'].get(n, 0.0):>10.3f}" for n in stages)
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--adversarial-kb", type=int, default=MB_TARGET // KB, help="size of each adversarial text")
    parser.add_argument("--kinds", nargs="*", default=list(ADVERSARIAL), choices=list(ADVERSARIAL))
    parser.add_argument("--no-ordinary", action="store_true", help="skip the ordinary 10 KB / 100 KB / 1 MB articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    report = run(kinds=args.kinds, adversarial_kb=args.adversarial_kb, ordinary=not args.no_ordinary)
    print(json.dumps(report, indent=2) if args.json else format_report(report))


if __name__ == "__main__":
    main()
