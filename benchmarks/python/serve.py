"""The scikit-learn side for `course-bench compare`: runs the named benchmark scripts with bench.REGISTRY set, so
their time_case calls record workloads instead of timing them, then answers one request per stdin line.

Request: a case name. Reply (one JSON line): {"ms": wall time of one call, "quality": what it returned}, or
{"error": ...}. The first line printed is {"ready": [case names], "versions": ...} once the data are loaded.
Run with Debian's /usr/bin/python3.
"""
import json
import os
import runpy
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (after the path: the scripts import the same module object)

bench.REGISTRY = {}
for script in sys.argv[1:]:
    runpy.run_path(os.path.join(HERE, script.replace("-", "_") + ".py"))

import numpy as np  # noqa: E402
import sklearn  # noqa: E402

print(json.dumps({"ready": list(bench.REGISTRY),
                  "versions": f"python {sys.version.split()[0]}, numpy {np.__version__}, scikit-learn {sklearn.__version__}"}),
      flush=True)
for line in sys.stdin:
    case = line.rstrip("\n")
    if not case:
        continue
    workload = bench.REGISTRY.get(case)
    if workload is None:
        print(json.dumps({"error": f"no case '{case}'"}), flush=True)
        continue
    t0 = time.perf_counter()
    quality = workload()
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"ms": ms, "quality": quality}), flush=True)
