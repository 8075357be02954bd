#!/usr/bin/env python3
"""Runs `newsgraph build` over shards of a corpus on a Dask distributed cluster.

Map: the corpus (files and folders of .txt, .md and .jsonl articles, walked as
`newsgraph build` walks them) is cut into shards of about equal size; a JSONL
file may be cut between lines. Each shard is one Dask task that runs the
`newsgraph` binary (`subprocess`) on its articles, in its own scratch folder on
the worker, and returns the shard's graph.json.
Reduce: `newsgraph merge` in a tree (`--fan-in` graphs a task) down to one
graph; the last merge writes the formats asked for, which land in `-o DIR`.
Optionally a last task pushes the graph to FalkorDB (`newsgraph push`).

Every shard recreates its articles under the same relative paths the corpus
has, so graph.json records the paths a single `newsgraph build` of the same
arguments records, and since `merge` is associative and commutative the result
does not depend on the shard count or the order tasks finish in. Where shards
lean on each other (a surname whose full name is in another shard), the merge
differs from one build as README.md#merge says.

The cluster: `--scheduler tcp://host:8786` (or `--scheduler-file`) connects to
a running one; without either, a LocalCluster of `--workers N` processes starts
on this machine. Every worker needs the binary (`--binary`, default `newsgraph`
on PATH). By default a task reads its byte ranges of the corpus files itself
(the corpus on a filesystem the workers share, at the same path); `--ship`
sends the bytes from this client inside the tasks instead. Graphs travel
between tasks as bytes, so no output folder needs to be shared.

Needs `dask[distributed]` (scripts/distributed/requirements.txt).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl")


@dataclass
class Piece:
    """Bytes [start, end) of the corpus file `source`, recreated at `path` in a shard.

    A JSONL piece that starts at line `first_line` of its file is written after
    `first_line - 1` empty lines (which `build` skips), so a warning or error
    names the line of the corpus file.
    """

    path: str
    source: str
    start: int
    end: int
    first_line: int = 1
    data: bytes | None = None


@dataclass
class Shard:
    """The pieces one build task reads."""

    number: int
    pieces: list[Piece] = field(default_factory=list)

    def size(self) -> int:
        return sum(piece.end - piece.start for piece in self.pieces)


def log(message: str) -> None:
    """One line of the run's log, with the time since the start."""
    print(f"[{time.monotonic() - STARTED:7.2f} s] {message}", flush=True)


STARTED = time.monotonic()


def fail(message: str) -> None:
    """Ends the run with `newsgraph_dask: error: MESSAGE` and exit code 2, as newsgraph does on bad input."""
    print(f"newsgraph_dask: error: {message}", file=sys.stderr)
    sys.exit(2)


def recorded_path(argument: str, path: str) -> str:
    """The path a shard recreates `path` at (found under the input `argument`).

    A relative path without `..` is kept, so graph.json records what a single
    `newsgraph build` run from the same folder records; any other is made
    relative to the argument's parent folder (`/data/news/a.jsonl` given as
    `/data/news` becomes `news/a.jsonl`).
    """
    parts = path.split(os.sep)
    if not os.path.isabs(path) and ".." not in parts:
        return path
    parent = os.path.dirname(os.path.normpath(os.path.abspath(argument)))
    return os.path.relpath(os.path.abspath(path), parent)


def article_files(arguments: list[str]) -> list[tuple[str, str]]:
    """(recorded path, real path) of every article file, in `newsgraph build`'s order.

    Folders are walked recursively in name order, following links, each real
    folder once; files given by name are taken whatever their suffix.
    """
    files: list[tuple[str, str]] = []
    visited: set[str] = set()

    def walk(argument: str, folder: str) -> None:
        real = os.path.realpath(folder)
        if real in visited:
            return
        visited.add(real)
        for name in sorted(os.listdir(folder), key=os.fsencode):
            entry = os.path.join(folder, name)
            if os.path.isdir(entry):
                walk(argument, entry)
            elif name.endswith(ARTICLE_SUFFIXES):
                files.append((recorded_path(argument, entry), entry))

    for argument in arguments:
        if not os.path.exists(argument):
            fail(f"{argument}: no such file or folder")
        if os.path.isdir(argument):
            walk(argument, argument)
        else:
            files.append((recorded_path(argument, argument), argument))
    recorded = [path for path, _ in files]
    if len(set(recorded)) != len(recorded):
        fail("two inputs would be recreated at the same path; give inputs with distinct names")
    return files


def next_line_start(source: str, offset: int, size: int) -> int:
    """The offset just after the first newline at or after `offset` (or `size`)."""
    with open(source, "rb") as handle:
        handle.seek(offset)
        while True:
            block = handle.read(1 << 16)
            if not block:
                return size
            newline = block.find(b"\n")
            if newline >= 0:
                return offset + newline + 1
            offset += len(block)


def count_newlines(source: str, start: int, end: int) -> int:
    """The newlines in bytes [start, end) of `source`."""
    count = 0
    with open(source, "rb") as handle:
        handle.seek(start)
        while start < end:
            block = handle.read(min(1 << 20, end - start))
            if not block:
                break
            count += block.count(b"\n")
            start += len(block)
    return count


def plan_shards(files: list[tuple[str, str]], shard_count: int, whole_folders: bool) -> list[Shard]:
    """Cuts the files into at most `shard_count` shards of about equal size.

    The corpus is laid end to end and cut at `shard_count - 1` even byte
    offsets: a text file (one document) goes whole to the shard its first byte
    falls in, a JSONL file is cut just after the first newline at or after each
    offset, so every line lands whole in one shard. With `whole_folders`, the
    text files of one folder go together, to the shard of the folder's first.
    """
    units: list[list[tuple[str, str]]] = []
    folders: dict[str, list[tuple[str, str]]] = {}
    for path, real in files:
        if whole_folders and not path.endswith(".jsonl"):
            folder = os.path.dirname(path)
            if folder not in folders:
                folders[folder] = []
                units.append(folders[folder])
            folders[folder].append((path, real))
        else:
            units.append([(path, real)])
    total = max(1, sum(os.path.getsize(real) for _, real in files))
    count = max(1, shard_count)
    shards: dict[int, Shard] = {}

    def add(offset: int, piece: Piece) -> None:
        shards.setdefault(min(count - 1, offset * count // total), Shard(0)).pieces.append(piece)

    offset = 0
    for unit in units:
        if len(unit) == 1 and unit[0][0].endswith(".jsonl"):
            path, real = unit[0]
            size = os.path.getsize(real)
            start = 0
            line = 1
            while start < size:
                index = min(count - 1, (offset + start) * count // total)
                boundary = -(-(index + 1) * total // count) - offset  # the next cut, in this file
                end = size if index == count - 1 or boundary >= size else next_line_start(real, boundary - 1, size)
                add(offset + start, Piece(path, real, start, end, line))
                if end < size:
                    line += count_newlines(real, start, end)
                start = end
            offset += size
            continue
        unit_start = offset
        for path, real in unit:
            size = os.path.getsize(real)
            add(unit_start, Piece(path, real, 0, size))
            offset += size
    return [Shard(number, shards[index].pieces) for number, index in enumerate(sorted(shards))]


def read_piece(piece: Piece) -> bytes:
    """The piece's bytes: shipped with the task, or read from the shared corpus."""
    if piece.data is not None:
        return piece.data
    with open(piece.source, "rb") as handle:
        handle.seek(piece.start)
        return handle.read(piece.end - piece.start)


def worker_name() -> str:
    """The Dask worker running this task (its address), or the host name."""
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return socket.gethostname()


def run_newsgraph(binary: str, args: list[str], cwd: str, what: str) -> str:
    """Runs `binary ARGS` in `cwd`; returns stderr, raises with it on failure."""
    result = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{what}: newsgraph {' '.join(args[:1])} exited with {result.returncode} on {worker_name()}:\n{result.stderr.strip()}")
    return result.stderr.strip()


def output_files(folder: str) -> dict[str, bytes]:
    """Every file under `folder`, by path relative to it."""
    files = {}
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, folder)] = handle.read()
    return files


def build_shard(shard: Shard, binary: str, build_args: list[str], scratch: str | None) -> dict | None:
    """Dask task: `newsgraph build` of one shard; its graph.json and log line, or None if it holds no document."""
    started = time.monotonic()
    folder = tempfile.mkdtemp(prefix=f"newsgraph-shard-{shard.number}-", dir=scratch)
    try:
        inputs = os.path.join(folder, "in")
        written = []
        for piece in shard.pieces:
            data = read_piece(piece)
            if piece.path.endswith(".jsonl") and not data.strip(b"\xef\xbb\xbf \t\r\n"):
                continue  # blank lines only: no document
            target = os.path.join(inputs, piece.path)
            os.makedirs(os.path.dirname(target) or inputs, exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(b"\n" * (piece.first_line - 1))
                handle.write(data)
            written.append(piece.path)
        if not written:
            return None
        out = os.path.join(folder, "out")
        stderr = run_newsgraph(binary, ["build", *written, "-o", out, "--format", "json", *build_args], inputs, f"shard {shard.number}")
        with open(os.path.join(out, "graph.json"), "rb") as handle:
            graph = handle.read()
        return {"shard": shard.number, "graph": graph, "log": stderr, "worker": worker_name(), "seconds": time.monotonic() - started}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def merge_graphs(label: str, inputs: list[dict | None], binary: str, merge_args: list[str], formats: str, scratch: str | None) -> dict | None:
    """Dask task: `newsgraph merge` of the graphs of build or merge results (None: an empty shard).

    Returns every file the merge wrote and its log line, or None if no input has a graph.
    """
    graphs = [result["graph"] if "graph" in result else result["files"]["graph.json"] for result in inputs if result is not None]
    if not graphs:
        return None
    started = time.monotonic()
    folder = tempfile.mkdtemp(prefix="newsgraph-merge-", dir=scratch)
    try:
        paths = []
        for index, graph in enumerate(graphs):
            path = os.path.join(folder, f"in-{index}.json")
            with open(path, "wb") as handle:
                handle.write(graph)
            paths.append(path)
        out = os.path.join(folder, "out")
        stderr = run_newsgraph(binary, ["merge", *paths, "-o", out, "--format", formats, *merge_args], folder, f"merge {label}")
        return {"label": label, "files": output_files(out), "log": stderr, "worker": worker_name(), "seconds": time.monotonic() - started}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def push_graph(graph: bytes, binary: str, push_args: list[str], scratch: str | None) -> dict:
    """Dask task: `newsgraph push` of a graph.json to FalkorDB; its report."""
    folder = tempfile.mkdtemp(prefix="newsgraph-push-", dir=scratch)
    try:
        path = os.path.join(folder, "graph.json")
        with open(path, "wb") as handle:
            handle.write(graph)
        result = subprocess.run([binary, "push", path, *push_args], cwd=folder, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"push: newsgraph push exited with {result.returncode} on {worker_name()}:\n{result.stderr.strip()}")
        return {"log": (result.stdout + result.stderr).strip(), "worker": worker_name()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_output(files: dict[str, bytes], out: str) -> None:
    """Writes the final merge's files into `out`, each through a temporary name."""
    for name, data in sorted(files.items()):
        target = os.path.join(out, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temporary = f"{target}.newsgraph-dask-{os.getpid()}"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="+", help="files and folders of .txt, .md and .jsonl articles")
    parser.add_argument("-o", "--out", default="output", help="output folder (default: output)")
    cluster = parser.add_mutually_exclusive_group()
    cluster.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://host:8786")
    cluster.add_argument("--scheduler-file", help="the JSON file a running scheduler wrote (dask scheduler --scheduler-file)")
    parser.add_argument("--wait-workers", type=int, default=1, help="with --scheduler: wait (at most 60 s) until this many workers have joined (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="without --scheduler: worker processes of the LocalCluster (default 2)")
    parser.add_argument("--shards", type=int, default=0, help="number of shards (default: 2 per worker)")
    parser.add_argument("--whole-folders", action="store_true", help="keep the text files of each folder in one shard (articles that lean on each other)")
    parser.add_argument("--fan-in", type=int, default=4, help="graphs merged by one merge task (default 4)")
    parser.add_argument("--binary", default="newsgraph", help="the newsgraph binary on every worker (default: newsgraph on PATH)")
    parser.add_argument("--ship", action="store_true", help="send the shards' bytes with the tasks (workers without the corpus)")
    parser.add_argument("--scratch", help="folder for the workers' temporary files (default: the system's)")
    parser.add_argument("--format", default="json,dot", help="formats of the final graph (as for newsgraph build)")
    parser.add_argument("--evidence", type=int, default=5, help="pieces of evidence per edge and mentions per node (as for build)")
    parser.add_argument("--cooccurrence", action="store_true", help="also CO_OCCURS edges (as for build)")
    parser.add_argument("--strict", action="store_true", help="a malformed JSONL line is an error (as for build)")
    parser.add_argument("--data", help="world-knowledge folder, at this path on every worker (as for build)")
    parser.add_argument("--threads", type=int, default=1, help="threads of each shard's build (default 1: the workers are the parallelism)")
    parser.add_argument("--falkordb", help="push the merged graph to this FalkorDB, e.g. redis://host:6379")
    parser.add_argument("--graph", default="newsgraph", help="FalkorDB graph name (default newsgraph)")
    parser.add_argument("--batch-size", type=int, default=200, help="rows per FalkorDB query (default 200)")
    args = parser.parse_args(argv)
    for name in ("workers", "fan_in"):
        if getattr(args, name) < 1 or (name == "fan_in" and args.fan_in < 2):
            parser.error(f"--{name.replace('_', '-')} is too small")
    if args.shards < 0:
        parser.error("--shards must be 0 or more")
    return args


def connect(args: argparse.Namespace):
    """A Dask client: to the given scheduler, or to a new LocalCluster (returned too, to close)."""
    from distributed import Client, LocalCluster

    if args.scheduler or args.scheduler_file:
        where = args.scheduler or args.scheduler_file
        try:
            client = Client(args.scheduler, scheduler_file=args.scheduler_file, timeout="30s")
        except (OSError, TimeoutError) as error:
            fail(f"cannot reach the Dask scheduler {where}: {error}")
        try:
            client.wait_for_workers(args.wait_workers, timeout="60s")
        except (OSError, TimeoutError) as error:
            client.close()
            fail(f"fewer than {args.wait_workers} workers joined the scheduler {where} in 60 s: {error}")
        return client, None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def reduce_tree(client, futures: list, args: argparse.Namespace, merge_args: list[str]) -> tuple[list, object]:
    """Submits merges of `fan_in` graphs at a time until one is left (it writes `--format`).

    Returns every merge future and the root one; nothing waits here, so a
    merge starts as soon as its inputs are built.
    """
    merges = []
    level = 0
    while True:
        last = len(futures) <= args.fan_in
        groups = [futures[i : i + args.fan_in] for i in range(0, len(futures), args.fan_in)]
        next_level = []
        for index, group in enumerate(groups):
            if len(group) == 1 and not last:
                next_level.append(group[0])  # nothing to merge it with at this level
                continue
            label = f"level {level} group {index}" if not last else f"level {level} (root)"
            formats = args.format if last else "json"
            merges.append(client.submit(merge_graphs, label, group, args.binary, merge_args, formats, args.scratch, pure=False))
            next_level.append(merges[-1])
        if last:
            return merges, merges[-1]
        futures = next_level
        level += 1


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    binary = args.binary
    if os.sep in binary and not os.path.isabs(binary):
        args.binary = os.path.abspath(binary)  # the tasks run in their own folders
    files = article_files(args.articles)
    if not files:
        fail(f"no .txt, .md or .jsonl files in {', '.join(args.articles)}")

    from distributed import as_completed

    client, cluster = connect(args)
    try:
        workers = client.scheduler_info()["workers"]
        log(f"cluster: scheduler {client.scheduler.address}, {len(workers)} workers: {', '.join(sorted(workers))}")
        shard_count = args.shards or 2 * max(1, len(workers))
        shards = plan_shards(files, shard_count, args.whole_folders)
        if args.ship:
            for shard in shards:
                for piece in shard.pieces:
                    piece.data = read_piece(piece)
        total = sum(shard.size() for shard in shards)
        log(f"corpus: {len(files)} files, {total} bytes, in {len(shards)} shards ({'shipped with the tasks' if args.ship else 'read by the workers'})")

        build_args = ["--evidence", str(args.evidence), "--threads", str(args.threads)]
        build_args += ["--cooccurrence"] * args.cooccurrence + ["--strict"] * args.strict
        merge_args = ["--evidence", str(args.evidence)]
        if args.data:
            build_args += ["--data", os.path.abspath(args.data)]
            merge_args += ["--data", os.path.abspath(args.data)]

        builds = [client.submit(build_shard, shard, args.binary, build_args, args.scratch, pure=False) for shard in shards]
        merges, root = reduce_tree(client, builds, args, merge_args)
        sizes = {future.key: shard.size() for future, shard in zip(builds, shards)}
        for future in as_completed(builds + merges):
            result = future.result()
            if future.key in sizes:
                if result is None:
                    log(f"shard of {sizes[future.key]} bytes: no document (blank lines only)")
                else:
                    log(f"built shard {result['shard']} ({sizes[future.key]} bytes) on {result['worker']} in {result['seconds']:.2f} s: {result['log']}")
            elif result is not None:
                log(f"merged {result['label']} on {result['worker']} in {result['seconds']:.2f} s: {result['log']}")
        result = root.result()
        if result is None:
            fail(f"no documents in {', '.join(args.articles)}")
        os.makedirs(args.out, exist_ok=True)
        write_output(result["files"], args.out)
        log(f"wrote {', '.join(sorted(result['files']))} to {args.out}")

        if args.falkordb:
            push_args = ["--falkordb", args.falkordb, "--graph", args.graph, "--batch-size", str(args.batch_size)]
            pushed = client.submit(push_graph, result["files"]["graph.json"], args.binary, push_args, args.scratch, pure=False).result()
            log(f"pushed to {args.falkordb} graph {args.graph} from {pushed['worker']}: {pushed['log']}")
    except (RuntimeError, OSError) as error:
        fail(str(error))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
