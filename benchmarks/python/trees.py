"""scikit-learn side of benchmarks/MlCourse.Benchmarks/TreesBenchmark.cs (same data, split and settings).
n_jobs=-1 lets the forest use every core, as the C# forest does."""
import gzip
import os

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.tree import DecisionTreeClassifier

from bench import DATA, header, load_labelled, time_case

header("trees", "decision tree and random forest (100 trees) fit, breast cancer 569x30 and digits 1797x64, test rows i % 4 == 0; boosting 100x depth 3")


def split(X, y):
    test = np.arange(len(y)) % 4 == 0
    return X[~test], y[~test], X[test], y[test]


with gzip.open(os.path.join(DATA, "digits.csv.gz"), "rt") as f:
    raw = np.loadtxt(f, delimiter=",")
sets = [("breast_cancer", load_labelled("breast_cancer.csv")), ("digits", (raw[:, :-1], raw[:, -1].astype(int)))]
for name, (X, y) in sets:
    Xtr, ytr, Xte, yte = split(X, y)

    # Default arguments bind this split: serve.py calls the workloads after the loop has moved on.
    def tree(Xtr=Xtr, ytr=ytr, Xte=Xte, yte=yte):
        m = DecisionTreeClassifier(random_state=0).fit(Xtr, ytr)
        return f"test accuracy {m.score(Xte, yte):.4f}, {m.get_n_leaves()} leaves"

    def forest(Xtr=Xtr, ytr=ytr, Xte=Xte, yte=yte):
        m = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=-1).fit(Xtr, ytr)
        return f"test accuracy {m.score(Xte, yte):.4f}"

    time_case(f"{name}: decision tree fit", tree)
    time_case(f"{name}: random forest fit, 100 trees", forest)

X, y = load_labelled("breast_cancer.csv")
Xtr, ytr, Xte, yte = split(X, y)
time_case("breast_cancer: gradient boosting, 100 x depth 3",
          lambda: f"test accuracy {GradientBoostingClassifier(n_estimators=100, learning_rate=0.1, max_depth=3, random_state=0).fit(Xtr, ytr).score(Xte, yte):.4f}")
