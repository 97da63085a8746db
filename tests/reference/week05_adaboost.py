"""Reference values for the Week 5 AdaBoost tests (tests/MlCourse.Tests/Classical/Ensembles/AdaBoostTests.cs).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24), from the repository root:

    /usr/bin/python3 tests/reference/week05_adaboost.py

It writes tests/reference/week05_adaboost.json next to this script. AdaBoostClassifier(algorithm="SAMME") with
decision stumps (DecisionTreeClassifier(max_depth=1)) on the course's fixed split: row i is a test row when
i % 4 == 0 (the rule of week05_trees.py). Recorded per case: the stumps (feature, threshold), the estimator weights
and weighted errors, and decision_function / predict_proba / predict on the test rows.
"""
import json
import os
import platform

import numpy as np
import sklearn
from sklearn.ensemble import AdaBoostClassifier
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load_labelled(file):
    raw = np.loadtxt(os.path.join(ROOT, "data", file), delimiter=",", skiprows=1)
    return raw[:, :-1], raw[:, -1].astype(int)


def split(X, y):
    test = np.arange(len(y)) % 4 == 0
    return X[~test], X[test], y[~test], y[test]


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def case(file, n_estimators, learning_rate):
    X, y = load_labelled(file)
    Xtr, Xte, ytr, yte = split(X, y)
    model = AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=1), n_estimators=n_estimators,
                               learning_rate=learning_rate, algorithm="SAMME", random_state=0).fit(Xtr, ytr)
    decision = model.decision_function(Xte)
    return {
        "file": file, "n_estimators": n_estimators, "learning_rate": learning_rate,
        "stump_features": [int(e.tree_.feature[0]) for e in model.estimators_],
        "stump_thresholds": [float(e.tree_.threshold[0]) for e in model.estimators_],
        "estimator_weights": floats(model.estimator_weights_[: len(model.estimators_)]),
        "estimator_errors": floats(model.estimator_errors_[: len(model.estimators_)]),
        "decision_function": np.asarray(decision).tolist(),
        "predict_proba": model.predict_proba(Xte).tolist(),
        "predict": [int(v) for v in model.predict(Xte)],
        "test_accuracy": float(np.mean(model.predict(Xte) == yte)),
        "staged_test_accuracy": [float(np.mean(p == yte)) for p in model.staged_predict(Xte)],
    }


out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__}}
out["cancer_lr1"] = case("breast_cancer.csv", 30, 1.0)
out["cancer_lr05"] = case("breast_cancer.csv", 30, 0.5)
out["wine_lr1"] = case("wine_data.csv", 25, 1.0)
path = os.path.join(HERE, "week05_adaboost.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out["versions"]), "->", path)
