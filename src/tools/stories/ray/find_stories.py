#!/usr/bin/env python3
"""stories:find on Ray: the driver of an archive's run on a cluster (or a local instance).

    python src/tools/stories/ray/find_stories.py ARCHIVE --out FOLDER [--address ADDRESS]
        [--workers N] [--shard-size N] [--no-draft] [--summary FILE]

The work is the project's TypeScript: every task runs one step of src/tools/stories/task.ts in
Node on a shard (its input as JSON on standard input, its output as JSON on standard output).
This driver only deals shards to tasks, routes the articles' records (which it never reads
inside: vectors stay TypeScript's), retries a failed shard, and shows progress:

    list -> read (shards of files) -> plan -> compare (shards of blocks) -> components
         -> embed (shards of the components' articles)
         -> refine (shards of components) -> draft (batches of stories) -> write

Each node needs Node 20 and this repository with `npm ci` run, at the same path or at
PARALLAX_ROOT; the archive and --out must be paths the driver's node can read and write, and the
archive one every node can read (a shared file system). Without --address a local Ray instance is
started with --workers CPUs (default: all), so --workers 1 runs one task at a time.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import ray

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("PARALLAX_ROOT") or os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
TASK = os.path.join("src", "tools", "stories", "task.ts")
# A shard whose task fails (its Node process exits non-zero) is submitted again, this many times in all.
ATTEMPTS = 3
# Stories drafted per task: the encoder is loaded once per task.
STORIES_PER_DRAFT_TASK = 8


class StepFailed(Exception):
    pass


def run_node_step(step, payload, root):
    """Runs one step in Node: JSON in, JSON out, with the process's peak memory."""
    started = time.time()
    proc = subprocess.run(["node", "--import", "tsx", TASK, step], input=payload, capture_output=True, cwd=root)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf8", "replace").strip().splitlines()[-12:]
        raise StepFailed(f"step {step} exited with status {proc.returncode}: " + "\n".join(tail))
    # The largest of this worker process's children so far (kilobytes on Linux): the worker's peak.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stats = {"seconds": time.time() - started, "peakMb": round(peak, 1), "worker": f"{ray.util.get_node_ip_address()}:{os.getpid()}"}
    return proc.stdout, stats


@ray.remote(max_retries=3)  # Ray itself resubmits a task whose worker or node died.
def step_task(step, payload, shared, fail_marker):
    if shared is not None:
        # The part every shard of a step shares (the names' index), put in the object store once.
        payload = b'{"index":' + shared + b"," + payload[1:]
    if fail_marker is not None and not os.path.exists(fail_marker):
        # Test hook (PARALLAX_STORIES_FAIL_ONCE): the first attempt of the first read shard fails.
        open(fail_marker, "w").close()
        raise StepFailed("injected failure (PARALLAX_STORIES_FAIL_ONCE)")
    return run_node_step(step, payload, ROOT)


class Progress:
    """One line per finished shard: how far the step is, how fast, what was retried."""

    def __init__(self, step, total, unit):
        self.step, self.total, self.unit = step, total, unit
        self.done = 0
        self.items = 0
        self.retries = 0
        self.started = time.time()

    def shard_done(self, items):
        self.done += 1
        self.items += items
        elapsed = max(time.time() - self.started, 1e-6)
        rate = f", {self.items / elapsed:.1f} {self.unit}/s" if self.unit else ""
        retried = f", {self.retries} retried" if self.retries else ""
        print(f"stories:find [ray] {self.step}: {self.done}/{self.total} shards{rate}{retried}", file=sys.stderr, flush=True)


def run_shards(step, payloads, shared=None, unit=None, count=lambda out: 0, fail_marker=None, stats=None):
    """Runs a step's shards as Ray tasks; a shard that fails is submitted again (ATTEMPTS in all).
    Returns the outputs in the shards' order."""
    progress = Progress(step, len(payloads), unit)
    shared_ref = ray.put(shared) if shared is not None else None
    attempts = {}
    pending = {}
    for i, payload in enumerate(payloads):
        marker = fail_marker if i == 0 else None
        pending[step_task.remote(step, payload, shared_ref, marker)] = i
        attempts[i] = 1
    outputs = [None] * len(payloads)
    while pending:
        ready, _ = ray.wait(list(pending), num_returns=1)
        ref = ready[0]
        i = pending.pop(ref)
        try:
            raw, task_stats = ray.get(ref)
        except Exception as error:  # the task's error, raised again here
            if attempts[i] >= ATTEMPTS:
                raise SystemExit(f"stories:find [ray] {step}: shard {i} failed {ATTEMPTS} times, the last: {error}")
            attempts[i] += 1
            progress.retries += 1
            reason = str(error).strip().splitlines()[-1][:200]
            print(f"stories:find [ray] {step}: shard {i} failed ({reason}); attempt {attempts[i]} of {ATTEMPTS}", file=sys.stderr, flush=True)
            pending[step_task.remote(step, payloads[i], shared_ref, None)] = i
            continue
        outputs[i] = json.loads(raw)
        if stats is not None:
            stats.append({"step": step, **task_stats})
        progress.shard_done(count(outputs[i]))
    return outputs, progress.retries


def local_step(step, payload):
    raw, _ = run_node_step(step, json.dumps(payload).encode("utf8"), ROOT)
    return json.loads(raw)


def chunks(items, size):
    return [items[i : i + size] for i in range(0, len(items), size)]


def main():
    parser = argparse.ArgumentParser(description="stories:find on Ray")
    parser.add_argument("archive")
    parser.add_argument("--out", required=True)
    parser.add_argument("--address", help="a running cluster's address (else a local instance is started)")
    parser.add_argument("--workers", type=int, help="CPUs of the local instance: tasks at once (default: all)")
    parser.add_argument("--shard-size", type=int, help="article files per read task (default: about four shards per CPU)")
    parser.add_argument("--no-draft", action="store_true", help="find the stories without drafting their packs")
    parser.add_argument("--summary", help="write the run's timings and peak memory per worker as JSON to this file")
    args = parser.parse_args()
    archive = os.path.abspath(args.archive)
    out = os.path.abspath(args.out)

    started = time.time()
    if args.address:
        ray.init(address=args.address, logging_level="ERROR", log_to_driver=False)
    else:
        ray.init(num_cpus=args.workers, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    cpus = int(ray.cluster_resources().get("CPU", 1))
    print(f"stories:find [ray] on {cpus} CPUs ({'cluster ' + args.address if args.address else 'local instance'})", file=sys.stderr, flush=True)
    timings = {"start": time.time() - started}
    stats = []

    def timed(name, since):
        timings[name] = round(time.time() - since, 2)
        return time.time()

    at = time.time()
    files = local_step("list", {"archive": archive})
    shard_size = args.shard_size or max(50, min(2000, -(-len(files) // (4 * cpus))))
    fail_marker = os.environ.get("PARALLAX_STORIES_FAIL_ONCE")
    fail_marker = os.path.join(fail_marker, "read-0") if fail_marker else None
    payloads = [json.dumps({"archive": archive, "files": shard}).encode("utf8") for shard in chunks(files, shard_size)]
    read, retries = run_shards("read", payloads, unit="files", count=lambda out: len(out["articles"]) + len(out["setAside"]), fail_marker=fail_marker, stats=stats)
    records = {r["id"]: r for shard in read for r in shard["articles"]}
    set_aside = [s for shard in read for s in shard["setAside"]]
    at = timed("read", at)

    plan = local_step("plan", {"records": [{"id": r["id"], "site": r["site"], "names": r["names"], "wording": r["wording"]} for r in records.values()]})
    index = json.dumps(plan["index"]).encode("utf8")
    at = timed("plan", at)

    def with_records(key, value, ids):
        return json.dumps({key: value, "records": [records[i] for i in ids]}).encode("utf8")

    payloads = [with_records("blocks", blocks, sorted({i for b in blocks for i in b["ids"]})) for blocks in plan["shards"]]
    compared, more = run_shards("compare", payloads, shared=index, stats=stats)
    retries += more
    edges = [e for shard in compared for e in shard]
    at = timed("compare", at)

    refine_shards = local_step("components", {"edges": edges, "sites": {i: records[i]["site"] for e in edges for i in (e["a"], e["b"])}})
    at = timed("components", at)

    # Only the articles of components that may hold a story are embedded: most are in none.
    to_embed = sorted({i for shard in refine_shards for group in shard for i in group})
    embed_size = max(50, min(1000, -(-len(to_embed) // (4 * cpus))))
    payloads = [json.dumps({"leads": [{"id": i, "lead": records[i]["lead"]} for i in ids]}).encode("utf8") for ids in chunks(to_embed, embed_size)]
    embedded, more = run_shards("embed", payloads, unit="leads", count=len, stats=stats)
    retries += more
    for vectors in embedded:
        for i, vector in vectors.items():
            records[i]["vector"] = vector
    at = timed("embed", at)

    payloads = [with_records("components", shard, sorted({i for g in shard for i in g})) for shard in refine_shards]
    refined, more = run_shards("refine", payloads, shared=index, stats=stats)
    retries += more
    stories = [s for shard in refined for s in shard["stories"]]
    set_aside += [s for shard in refined for s in shard["setAside"]]
    at = timed("refine", at)

    if args.no_draft:
        drafted = [{**s, "pack": None, "draft": "not drafted (--no-draft)"} for s in stories]
    else:
        payloads = [json.dumps({"archive": archive, "stories": batch}).encode("utf8") for batch in chunks(stories, STORIES_PER_DRAFT_TASK)]
        outputs, more = run_shards("draft", payloads, unit="stories", count=len, stats=stats)
        retries += more
        drafted = [s for batch in outputs for s in batch]
    at = timed("draft", at)

    written = local_step("write", {"out": out, "archive": archive, "files": len(files), "articles": list(records), "setAside": set_aside, "stories": drafted})
    timed("write", at)
    print(written["report"])

    total = time.time() - started
    workers = {}
    for s in stats:
        workers[s["worker"]] = max(workers.get(s["worker"], 0), s["peakMb"])
    summary = {
        "files": len(files),
        "articles": len(records),
        "embedded": len(to_embed),
        "stories": written["stories"],
        "cpus": cpus,
        "shardSize": shard_size,
        "seconds": round(total, 2),
        "filesPerSecond": round(len(files) / total, 2),
        "steps": timings,
        "retries": retries,
        "peakMbPerWorker": workers,
        "tasks": len(stats),
    }
    print(f"stories:find [ray] {len(files)} files in {total:.1f} s ({summary['filesPerSecond']} a second) on {cpus} CPUs; {retries} shards retried", file=sys.stderr)
    if args.summary:
        with open(args.summary, "w") as f:
            json.dump(summary, f, indent=2)
    ray.shutdown()


if __name__ == "__main__":
    main()
