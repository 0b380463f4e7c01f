#!/usr/bin/env python3
"""Where a wirecopy run's CPU goes, from a JFR recording (see docs/performance.md, "Where the time goes").

    java -XX:StartFlightRecording=filename=run.jfr,settings=profile -jar target/wirecopy.jar classify ...
    jfr print --json --stack-depth 96 --events jdk.ExecutionSample,jdk.GarbageCollection,jdk.Compilation run.jfr > run.json
    src/bench/jfr-breakdown.py run.json

Each execution sample (Java threads only) goes to the first stage, in the order below, that has a frame in its
stack; GC and JIT compilation come from their own events (pause time and compile time, not CPU samples). The forward
pass is split into the ensemble's paragraph encoders (one pass over the sparse input) and the rest (the members'
LSTMs, their activations and output layers).
"""
import collections
import json
import sys

# (stage, substrings of "package/Class.method"); the first stage with a matching frame takes the sample
STAGES = [
    ("JSON writing", ["org/wirecopy/cli/ResultWriter"]),
    ("segmentation and normalising", ["org/wirecopy/text/"]),
    ("JSON reading", ["org/wirecopy/corpus/CorpusReader", "org/wirecopy/cli/JsonlReading"]),
    ("start-up (model loading, class loading)", ["org/wirecopy/model/", "org/wirecopy/cli/ModelOption",
                                                 "java/lang/ClassLoader", "jdk/internal/loader/", "picocli/"]),
    ("forward pass: paragraph encoders", ["org/wirecopy/network/SparseEncoder.encode"]),
    ("forward pass: LSTMs, activations, output", ["org/wirecopy/network/"]),
    ("tokenising", ["org/wirecopy/features/Tokenizer"]),
    ("cues", ["org/wirecopy/features/Cues", "org/wirecopy/features/MarkupCues"]),
    ("n-gram hashing and input vectors", ["org/wirecopy/features/"]),
    ("result objects (Classifier)", ["org/wirecopy/classify/Classifier.classify"]),
]


def frame_name(f):
    return f["method"]["type"]["name"] + "." + f["method"]["name"]


def main(path):
    events = json.load(open(path))["recording"]["events"]
    stages = collections.Counter()
    by_thread = collections.Counter()
    threads = collections.Counter()
    gc_ms = 0.0
    gcs = 0
    jit_ms = 0.0
    samples = 0

    def ms(duration):  # "PT0.001234S" or a number of nanos
        if isinstance(duration, (int, float)):
            return duration / 1e6
        return float(duration[2:-1]) * 1000

    for e in events:
        t = e["type"]
        v = e["values"]
        if t == "jdk.GarbageCollection":
            gc_ms += ms(v["sumOfPauses"])
            gcs += 1
        elif t == "jdk.Compilation":
            jit_ms += ms(v["duration"])
        elif t == "jdk.ExecutionSample":
            samples += 1
            names = [frame_name(f) for f in v["stackTrace"]["frames"]]
            threads[v["sampledThread"]["javaName"]] += 1
            stage = "other"
            for s, keys in STAGES:
                if any(k in n for n in names for k in keys):
                    stage = s
                    break
            stages[stage] += 1
            by_thread[(stage, v["sampledThread"]["javaName"])] += 1
    print(f"{samples} execution samples; by thread: " + ", ".join(f"{k} {c}" for k, c in threads.most_common()))
    names = [t for t, _ in threads.most_common()]
    print(f"| {'stage':40s} | samples | share | " + " | ".join(names) + " |")
    print(f"|{'-' * 42}|--------:|------:|" + "|".join("-" * (len(t) + 1) + ":" for t in names) + "|")
    for s, c in stages.most_common():
        cells = " | ".join(f"{by_thread[(s, t)]:{len(t)}d}" for t in names)
        print(f"| {s:40s} | {c:7d} | {100 * c / samples:4.1f}% | {cells} |")
    print(f"GC: {gcs} collections, {gc_ms:.0f} ms of pauses; JIT: {jit_ms:.0f} ms of compilation")


if __name__ == "__main__":
    main(sys.argv[1])
