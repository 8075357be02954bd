#!/usr/bin/env python3
"""Fills fuzz/corpus/<target>/ with seeds: the example articles and JSONL,
graph.json files built from them (needs target/release/newsgraph or
target/debug/newsgraph), the gold files, entity names, and structure-aware
inputs (first byte odd: every further byte picks a word of the vocabulary in
fuzz/src/lib.rs), including long runs of words without end punctuation.
Deterministic: the same seeds every time."""
import json
import pathlib
import random
import subprocess
import tempfile

fuzz = pathlib.Path(__file__).resolve().parent
root = fuzz.parent
corpus = fuzz / "corpus"
rng = random.Random(12)


def put(target, name, data):
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


articles = sorted((root / "examples/articles").glob("*.txt")) + sorted((root / "tests/fixtures/heldout").glob("*.txt"))
for path in articles:
    put("pipeline", path.stem, b"\x00" + path.read_bytes())
    put("query_names", "text-" + path.stem, b"\x00" + path.read_bytes()[:200])
# Structure-aware word sequences: short, long, and long without end punctuation.
# Byte values 0..VOCAB and VOCAB..2*VOCAB pick words (plain, upper case).
for size in [8, 30, 120, 600, 3000]:
    put("pipeline", f"words-{size}", bytes([1] + [rng.randrange(256) for _ in range(size)]))
no_punctuation = [b for b in range(60)]  # the first words of the vocabulary: words, names, triggers
put("pipeline", "unpunctuated-4000", bytes([1] + [rng.choice(no_punctuation) for _ in range(4000)]))
put("pipeline", "unpunctuated-12000", bytes([1] + [rng.choice(no_punctuation) for _ in range(12000)]))

briefs = (root / "examples/articles/briefs.jsonl").read_bytes()
put("jsonl", "briefs", briefs)
put("jsonl", "bom-briefs", b"\xef\xbb\xbf" + briefs)
for idx, line in enumerate(briefs.splitlines()):
    put("jsonl", f"line-{idx}", line + b"\n")
put("jsonl", "structured", bytes([3] + [rng.randrange(1, 256) for _ in range(200)] + [0] + [rng.randrange(1, 256) for _ in range(300)]))

binary = next((p for p in [root / "target/release/newsgraph", root / "target/debug/newsgraph"] if p.exists()), None)
if binary:
    with tempfile.TemporaryDirectory() as out:
        for name, inputs in [("examples", ["examples/articles"]), ("heldout", ["tests/fixtures/heldout"])]:
            subprocess.run([binary, "build", *inputs, "-o", f"{out}/{name}", "--cooccurrence"], cwd=root, check=True, capture_output=True)
            graph = pathlib.Path(f"{out}/{name}/graph.json").read_bytes()
            put("graph_json", name, graph)
            nodes = json.loads(graph)["nodes"]
            for node in nodes[:40]:
                put("query_names", "name-" + node["id"], b"\x00" + node["label"].encode())
            for a, b in zip(nodes[:20], nodes[20:40]):
                put("query_names", f"pair-{a['id']}-{b['id']}", b"\x00" + f"{a['label']}\n{b['label']}".encode())
        small = json.loads((corpus / "graph_json/examples").read_bytes())
        small["nodes"], small["edges"] = small["nodes"][:6], [e for e in small["edges"] if e["source"] in {n["id"] for n in small["nodes"][:6]} and e["target"] in {n["id"] for n in small["nodes"][:6]}]
        put("graph_json", "small", json.dumps(small, ensure_ascii=False).encode())

for path in [root / "tests/fixtures/heldout/gold.json", root / "tests/fixtures/blind/gold.json"]:
    gold = json.loads(path.read_bytes())
    put("gold", path.parent.name, path.read_bytes())
    small = dict(gold)
    for key, value in gold.items():
        if isinstance(value, list):
            small[key] = value[:5]
    put("gold", path.parent.name + "-small", json.dumps(small, ensure_ascii=False, indent=1).encode())
print("seeded", sum(1 for _ in corpus.rglob("*") if _.is_file()), "files in", corpus)
