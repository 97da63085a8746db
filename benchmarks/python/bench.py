"""Shared timing helper for the scikit-learn side of the benchmarks (same rule as Measure.cs:
warm-up runs, then the median of the repeats). Run scripts with Debian's /usr/bin/python3."""
import os
import statistics
import sys
import time

import numpy as np
import sklearn

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")

# serve.py sets this to a dict before running the scripts: time_case then records each workload under its case
# name instead of timing it, so that the C# driver (course-bench compare) can call the two sides alternately.
REGISTRY = None


def header(name, description, repeats=7, warmup=2):
    if REGISTRY is not None:
        return
    print(f"{os.cpu_count()} logical cores, python {sys.version.split()[0]}, numpy {np.__version__}, "
          f"scikit-learn {sklearn.__version__}, {repeats} timed runs after {warmup} warm-up")
    print(f"\n## {name}: {description}")
    print(f"{'case':<44} {'median ms':>10} {'min ms':>10}  quality")


def time_case(case, workload, repeats=7, warmup=2):
    if REGISTRY is not None:
        REGISTRY[case] = workload
        return
    quality = ""
    for _ in range(warmup):
        quality = workload()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        quality = workload()
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"{case:<44} {times[len(times) // 2] * 1000:>10.2f} {times[0] * 1000:>10.2f}  {quality}")


def load_labelled(file):
    """scikit-learn's csv format: header n_samples,n_features,names...; rows are features then label."""
    raw = np.loadtxt(os.path.join(DATA, file), delimiter=",", skiprows=1)
    return raw[:, :-1], raw[:, -1].astype(int)
