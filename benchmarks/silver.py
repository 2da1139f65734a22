"""Recall against the agencies' own tables: CFPB/Federal Reserve actions and GDPR-tracker summaries.

    python benchmarks/silver.py [--results DIR] [--pred-cfpb FILE --pred-gdpr FILE]

``source.structured`` of ``../shared/corpora/cfpb_frb.jsonl`` and ``gdpr.jsonl`` was filled by the agencies or the
tracker, not from the text: silver labels (who, how much, which provisions) that measure recall over hundreds of
articles without annotating them. They are never input to the pipeline. Articles of the sealed validation set are
left out, so that this per-article view never shows a sealed document. For each corpus it prints, over the
articles whose row names a penalty:

- relevant: the article gets at least one event;
- target: a FINE, SETTLEMENT or LAWSUIT names the institution (FINE target, SETTLEMENT/LAWSUIT defendant);
- amount: an event's amount equals the penalty (within 0.5%; GDPR penalties are given in EUR by the tracker, so an
  article that states another currency first cannot match: the figure is a lower bound there);
- law (GDPR only): share of the cited provisions ("Art. 6 (1) f) GDPR" -> article 6 of the GDPR) found among the
  article's LAW entities.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from pipeline.evaluate.match import names_match  # noqa: E402

CORPORA = REPO_ROOT.parent / "shared" / "corpora"
SEALED_GOLD = REPO_ROOT / "benchmarks" / "sealed" / "gold.jsonl"
DEFAULT_RESULTS = REPO_ROOT / "benchmarks" / "results"
#: Relative tolerance of an amount match (the scorer's).
AMOUNT_TOLERANCE = 0.005
ARTICLE_REF = re.compile(r"Art(?:icle)?\.?\s*(\d+)", re.IGNORECASE)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def number(text: Any) -> float | None:
    if text in (None, "", "None"):
        return None
    try:
        value = float(str(text).replace(",", "").replace("$", "").strip())
    except ValueError:
        return None
    return value if value > 0 else None


def silver_row(article: dict[str, Any]) -> dict[str, Any] | None:
    """Institution, penalty and cited provisions of an article's structured row; None without a penalty."""
    row = article["source"].get("structured") or {}
    if "controller_processor" in row:  # GDPR tracker
        penalty = number(row.get("fine"))
        refs = {
            m.group(1) for m in ARTICLE_REF.finditer(row.get("article") or "") if "GDPR" in (row.get("article") or "")
        }
        return (
            {"who": row.get("controller_processor"), "penalty": penalty, "currency": "EUR", "laws": refs}
            if penalty
            else None
        )
    who = row.get("Institution") or row.get("Banking Organization")
    penalty = number(row.get("Civil_money_penalty") or row.get("Civil money penalty"))
    return {"who": who, "penalty": penalty, "currency": "USD", "laws": set()} if penalty and who else None


def entity_forms(entity: dict[str, Any]) -> set[str]:
    return {entity["name"], *entity.get("aliases", []), *(m["text"] for m in entity.get("mentions", []))}


def judge(article: dict[str, Any], record: dict[str, Any] | None, silver: dict[str, Any]) -> dict[str, bool | float]:
    entities = {e["id"]: e for e in (record or {}).get("entities", [])}
    events = (record or {}).get("events", [])
    parties: list[set[str]] = []
    amounts: list[dict[str, Any]] = []
    for event in events:
        for role in ("target", "defendant"):
            parties += [entity_forms(entities[i]) for i in event["roles"].get(role, []) if i in entities]
        amounts += [entities[i]["value"] for i in event["roles"].get("amount", []) if i in entities]
    target = bool(silver["who"]) and any(names_match(forms, [silver["who"]]) for forms in parties)
    amount = any(
        isinstance(a, dict)
        and a.get("currency") == silver["currency"]
        and abs(a["value"] - silver["penalty"]) <= AMOUNT_TOLERANCE * silver["penalty"]
        for a in amounts
    )
    law = 1.0
    if silver["laws"]:
        found = {
            m.group(1)
            for e in entities.values()
            if e["type"] == "LAW"
            for f in entity_forms(e)
            for m in ARTICLE_REF.finditer(f)
        }
        law = len(silver["laws"] & found) / len(silver["laws"])
    return {"relevant": bool(events), "target": target, "amount": amount, "law": law}


def run_pipeline(docs: Path, output: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(docs), "--output", str(output)],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )


def report(name: str, articles: Iterable[dict[str, Any]], records: dict[str, dict[str, Any]]) -> str:
    judged = []
    for article in articles:
        silver = silver_row(article)
        if silver is not None:
            judged.append((silver, judge(article, records.get(article["id"]), silver)))
    n = len(judged)
    if not n:
        return f"{name}: no article with a penalty"
    share = {key: sum(float(j[key]) for _, j in judged) / n for key in ("relevant", "target", "amount")}
    with_laws = [j["law"] for s, j in judged if s["laws"]]
    law = (
        f", law {sum(with_laws) / len(with_laws):.3f} ({len(with_laws)} articles cite GDPR articles)"
        if with_laws
        else ""
    )
    return (
        f"{name}: {n} articles with a penalty: relevant {share['relevant']:.3f}, target {share['target']:.3f}, "
        f"amount {share['amount']:.3f}{law}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS)
    args = parser.parse_args(argv)
    sealed = {json.loads(line)["id"] for line in SEALED_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()}
    args.results.mkdir(parents=True, exist_ok=True)
    for corpus in ("cfpb_frb", "gdpr"):
        articles = [a for a in read_jsonl(CORPORA / f"{corpus}.jsonl") if a["id"] not in sealed]
        docs = args.results / f"silver-{corpus}-docs.jsonl"
        docs.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        pred = args.results / f"silver-{corpus}-pred.jsonl"
        run_pipeline(docs, pred)
        records = {r["id"]: r for r in read_jsonl(pred)}
        print(report(corpus, articles, records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
