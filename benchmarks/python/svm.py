"""scikit-learn side of benchmarks/MlCourse.Benchmarks/SvmBenchmark.cs (same data, split and settings).

libsvm shrinks the working set by default (shrinking=True); the C# solver does not, so both are timed.
Test rows are every fourth row (i % 4 == 0) on both sides.
"""
import gzip
import os

import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from bench import DATA, header, load_labelled, time_case

header("svm", "SVC fit + held-out accuracy: breast cancer 569x30 standardised (rbf gamma 1/30, linear; C=1), "
              "digits 1797x64 OvO (rbf gamma 0.001 C=10, linear C=1); test = rows i%4==0")


def split(X, y):
    test = np.arange(len(y)) % 4 == 0
    return X[~test], y[~test], X[test], y[test]


X, y = load_labelled("breast_cancer.csv")
X = StandardScaler().fit_transform(X)
cancer = split(X, y)
with gzip.open(os.path.join(DATA, "digits.csv.gz"), "rt") as f:
    raw = np.loadtxt(f, delimiter=",")
digits = split(raw[:, :-1], raw[:, -1].astype(int))

cases = [("breast cancer, rbf gamma 1/30, C=1", cancer, dict(kernel="rbf", gamma=1 / 30, C=1.0)),
         ("breast cancer, linear, C=1", cancer, dict(kernel="linear", C=1.0)),
         ("digits OvO, rbf gamma 0.001, C=10", digits, dict(kernel="rbf", gamma=0.001, C=10.0)),
         ("digits OvO, linear, C=1", digits, dict(kernel="linear", C=1.0))]
for name, (Xtr, ytr, Xte, yte), params in cases:
    for shrinking in [False, True]:
        def fit(Xtr=Xtr, ytr=ytr, Xte=Xte, yte=yte, params=params, shrinking=shrinking):
            m = SVC(tol=1e-3, shrinking=shrinking, **params).fit(Xtr, ytr)
            return f"test accuracy {m.score(Xte, yte):.4f}, {len(m.support_)} support vectors"
        time_case(f"{name}{'' if shrinking else ', no shrinking'}", fit)
