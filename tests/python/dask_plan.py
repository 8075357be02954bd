#!/usr/bin/env python3
"""Checks how scripts/distributed/newsgraph_dask.py cuts a corpus into shards.

Usage: dask_plan.py CORPUS (run from CORPUS's parent folder). For every
shard count from 1 to 12, with and without --whole-folders: no more shards than
asked, every byte of every article file in exactly one piece and in order, a
text file whole, a JSONL piece ending just after a newline (or at the end of
its file) and knowing its first line, a file never twice in one shard, and with --whole-folders the text
files of a folder in one shard. Prints one line per shard count; exits 1 on the
first failure.
"""

import importlib.util
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
spec = importlib.util.spec_from_file_location("newsgraph_dask", os.path.join(ROOT, "scripts", "distributed", "newsgraph_dask.py"))
recipe = importlib.util.module_from_spec(spec)
sys.modules["newsgraph_dask"] = recipe  # dataclasses look their module up there
spec.loader.exec_module(recipe)


def check(files, count, whole_folders):
    shards = recipe.plan_shards(files, count, whole_folders)
    assert 1 <= len(shards) <= count, f"{len(shards)} shards for {count}"
    assert [shard.number for shard in shards] == list(range(len(shards)))
    covered = {path: 0 for path, _ in files}
    folders = {}
    for shard in shards:
        paths = [piece.path for piece in shard.pieces]
        assert len(paths) == len(set(paths)), f"a file twice in shard {shard.number}: {paths}"
        for piece in shard.pieces:
            assert piece.start == covered[piece.path], f"{piece.path}: piece at {piece.start}, expected {covered[piece.path]}"
            assert piece.end > piece.start, f"{piece.path}: empty piece"
            covered[piece.path] = piece.end
            size = os.path.getsize(piece.source)
            if piece.path.endswith(".jsonl"):
                data = recipe.read_piece(piece)
                assert piece.end == size or data.endswith(b"\n"), f"{piece.path}: cut inside a line at {piece.end}"
                with open(piece.source, "rb") as handle:
                    line = 1 + handle.read(piece.start).count(b"\n")
                assert piece.first_line == line, f"{piece.path}: piece at line {piece.first_line}, is at {line}"
            else:
                assert (piece.start, piece.end) == (0, size), f"{piece.path}: a text file cut"
                if whole_folders:
                    folder = os.path.dirname(piece.path)
                    assert folders.setdefault(folder, shard.number) == shard.number, f"{folder} split across shards"
    for path, real in files:
        assert covered[path] == os.path.getsize(real), f"{path}: {covered[path]} of {os.path.getsize(real)} bytes in shards"
    return shards


def main():
    files = recipe.article_files([sys.argv[1]])
    assert files, f"no article files in {sys.argv[1]}"
    for count in range(1, 13):
        for whole_folders in (False, True):
            shards = check(files, count, whole_folders)
            sizes = " ".join(str(shard.size()) for shard in shards)
            print(f"--shards {count}{' --whole-folders' if whole_folders else ''}: {len(shards)} shards of {sizes} bytes")


if __name__ == "__main__":
    main()
