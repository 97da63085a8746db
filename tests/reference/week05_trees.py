"""Reference values for the Week 5 tree and ensemble tests (tests/MlCourse.Tests/Classical/Trees, .../Ensembles).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24, scipy 1.10), from the repository root:

    /usr/bin/python3 tests/reference/week05_trees.py

It writes tests/reference/week05_trees.json next to this script. Every split uses the same deterministic rule
as the C# tests: row i is a test row when i % 4 == 0 (no random generator to reproduce across languages).

Notes: scikit-learn's trees visit features in a random order even with max_features=None; it only matters
when two features give exactly the same impurity decrease (then the random order picks one). The recorded
trees below have no such ties on the splits compared. Forests and permutation draws use numpy's generator,
which C# cannot reproduce, so for forests only accuracy and OOB score are recorded (compared loosely).
Entropy in scikit-learn's trees is in bits; mutual_info_score is in nats (the tests convert).
"""
import gzip
import json
import os
import platform

import numpy as np
import scipy
import sklearn
from scipy.stats import entropy
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor, RandomForestClassifier
from sklearn.metrics import accuracy_score, mean_squared_error, mutual_info_score, r2_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load_labelled(file):
    raw = np.loadtxt(os.path.join(ROOT, "data", file), delimiter=",", skiprows=1)
    return raw[:, :-1], raw[:, -1].astype(int)


def load_gz(name):
    with gzip.open(os.path.join(ROOT, "data", name), "rt") as f:
        return np.loadtxt(f)


def split(X, y):
    test = np.arange(len(y)) % 4 == 0
    return X[~test], X[test], y[~test], y[test]


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def preorder(tree):
    t = tree.tree_
    out = []

    def visit(i):
        if t.children_left[i] == -1:
            out.append({"feature": -1, "threshold": 0.0, "samples": int(t.n_node_samples[i])})
            return
        out.append({"feature": int(t.feature[i]), "threshold": float(t.threshold[i]), "samples": int(t.n_node_samples[i])})
        visit(t.children_left[i])
        visit(t.children_right[i])

    visit(0)
    return out


out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__,
                    "scipy": scipy.__version__},
       "script": "tests/reference/week05_trees.py", "split": "test rows: i % 4 == 0"}

# --- Impurities: a node with class counts (5, 3, 2).
counts = np.array([5, 3, 2])
p = counts / counts.sum()
out["impurity"] = {"counts": floats(counts), "entropy_bits": float(entropy(p, base=2)), "gini": float(1 - (p ** 2).sum())}

# --- Mutual information of two label vectors (nats, as scikit-learn reports it).
a = np.array([0, 0, 1, 1, 2, 2, 2, 0, 1, 2, 0, 1])
b = np.array([0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1])
out["mutual_information"] = {"a": floats(a), "b": floats(b), "mi_nats": float(mutual_info_score(a, b))}

# --- Classification trees on breast cancer and wine.
cases = {}
for name, file in [("breast_cancer", "breast_cancer.csv"), ("wine", "wine_data.csv"), ("iris", "iris.csv")]:
    X, y = load_labelled(file)
    Xtr, Xte, ytr, yte = split(X, y)
    for depth in [None, 3]:
        for criterion in ["gini", "entropy"]:
            m = DecisionTreeClassifier(max_depth=depth, criterion=criterion, random_state=0).fit(Xtr, ytr)
            key = f"{name}_{criterion}_{'full' if depth is None else 'd' + str(depth)}"
            path = m.cost_complexity_pruning_path(Xtr, ytr)
            cases[key] = {"dataset": name, "criterion": criterion, "max_depth": depth or 0,
                          "test_accuracy": accuracy_score(yte, m.predict(Xte)), "nodes": preorder(m),
                          "importances": floats(m.feature_importances_), "leaves": int(m.get_n_leaves()),
                          "depth": int(m.get_depth()),
                          "ccp_alphas": floats(path.ccp_alphas), "ccp_impurities": floats(path.impurities)}
out["classifier"] = cases

# A pruned tree: breast cancer, Gini, ccp_alpha = 0.01.
X, y = load_labelled("breast_cancer.csv")
Xtr, Xte, ytr, yte = split(X, y)
m = DecisionTreeClassifier(ccp_alpha=0.01, random_state=0).fit(Xtr, ytr)
out["pruned"] = {"ccp_alpha": 0.01, "leaves": int(m.get_n_leaves()), "test_accuracy": accuracy_score(yte, m.predict(Xte)), "nodes": preorder(m)}

# --- Regression tree and gradient boosting on diabetes (raw features).
Xd = load_gz("diabetes_data_raw.csv.gz")
yd = load_gz("diabetes_target.csv.gz")
Xtr, Xte, ytr, yte = split(Xd, yd)
reg = {}
for depth in [3, None]:
    m = DecisionTreeRegressor(max_depth=depth, random_state=0).fit(Xtr, ytr)
    path = m.cost_complexity_pruning_path(Xtr, ytr)
    reg[f"d{depth}" if depth else "full"] = {"max_depth": depth or 0, "nodes": preorder(m), "test_mse": mean_squared_error(yte, m.predict(Xte)),
                                             "test_r2": r2_score(yte, m.predict(Xte)), "importances": floats(m.feature_importances_),
                                             "ccp_alphas": floats(path.ccp_alphas[:50]), "ccp_impurities": floats(path.impurities[:50])}
out["regressor"] = reg

# GradientBoostingRegressor: squared error, the first-order and second-order steps coincide (h = 1).
# criterion friedman_mse ranks splits exactly like squared error for unit weights.
gbr = GradientBoostingRegressor(n_estimators=50, learning_rate=0.1, max_depth=2, random_state=0).fit(Xtr, ytr)
out["gbr"] = {"n_estimators": 50, "learning_rate": 0.1, "max_depth": 2, "train_loss": floats(gbr.train_score_),
              "test_predictions": floats(gbr.predict(Xte)), "test_r2": r2_score(yte, gbr.predict(Xte))}

# --- Forests and boosting for classification (accuracy only: different random generators).
forest = {}
for name, file in [("breast_cancer", "breast_cancer.csv"), ("wine", "wine_data.csv"), ("digits", None)]:
    if file:
        X, y = load_labelled(file)
    else:
        with gzip.open(os.path.join(ROOT, "data", "digits.csv.gz"), "rt") as f:
            raw = np.loadtxt(f, delimiter=",")
        X, y = raw[:, :-1], raw[:, -1].astype(int)
    Xtr, Xte, ytr, yte = split(X, y)
    accs, oobs = [], []
    for seed in range(5):
        rf = RandomForestClassifier(n_estimators=100, oob_score=True, random_state=seed).fit(Xtr, ytr)
        accs.append(accuracy_score(yte, rf.predict(Xte)))
        oobs.append(rf.oob_score_)
    tree_acc = accuracy_score(yte, DecisionTreeClassifier(random_state=0).fit(Xtr, ytr).predict(Xte))
    forest[name] = {"n_estimators": 100, "test_accuracy_by_seed": accs, "oob_score_by_seed": oobs, "tree_test_accuracy": tree_acc}
    if name == "breast_cancer":
        gbc = GradientBoostingClassifier(n_estimators=100, learning_rate=0.1, max_depth=3, random_state=0).fit(Xtr, ytr)
        forest[name]["gbc_test_accuracy"] = accuracy_score(yte, gbc.predict(Xte))
out["forest"] = forest

path = os.path.join(HERE, "week05_trees.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out["versions"]), "->", path)
for k, v in out["forest"].items():
    print(k, "rf acc", np.mean(v["test_accuracy_by_seed"]), "oob", np.mean(v["oob_score_by_seed"]), "tree", v["tree_test_accuracy"])
for k, v in cases.items():
    print(k, v["test_accuracy"], len(v["nodes"]))
