"""Reference values for class-weighted logistic regression (tests/MlCourse.Tests/Classical/Week04/ClassWeightTests.cs).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24) from the repository root:

    /usr/bin/python3 tests/reference/week04_class_weights.py

It writes tests/reference/week04_class_weights.json. scikit-learn minimises C * sum_i c(y_i) loss_i + 1/2 ||w||^2;
the library minimises (1/n) sum_i c(y_i) loss_i + alpha/2 ||w||^2, the same minimiser with alpha = 1/(C n) (the
weights do not change the mapping: n is the sample count, not the weight total). Solver newton-cg with tol=1e-12,
whose tolerance is on the largest gradient entry, so the answer is tight (the recorded gradient norm says how tight).
"""
import json
import os
import platform
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.utils.class_weight import compute_class_weight

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
warnings.filterwarnings("ignore", message="newton-cg failed to converge")

raw = np.loadtxt(os.path.join(ROOT, "data", "breast_cancer.csv"), delimiter=",", skiprows=1)
X, y = StandardScaler().fit_transform(raw[:, :-1]), raw[:, -1].astype(int)

# An imbalanced subset, so that "balanced" weights differ strongly from 1: every benign row (label 1) and the
# malignant rows (label 0) whose index is a multiple of 5.
rows = np.array([i for i in range(len(y)) if y[i] == 1 or i % 5 == 0])
Xi, yi = X[rows], y[rows]


def case(name, Xc, yc, C, class_weight):
    m = LogisticRegression(C=C, solver="newton-cg", tol=1e-12, max_iter=10_000, class_weight=class_weight).fit(Xc, yc)
    weights = compute_class_weight(class_weight, classes=np.array([0, 1]), y=yc) if class_weight is not None else np.ones(2)
    c = weights[yc]
    n = Xc.shape[0]
    r = c * (1 / (1 + np.exp(-(Xc @ m.coef_[0] + m.intercept_[0]))) - yc)
    gradient = np.concatenate([Xc.T @ r / n + m.coef_[0] / (C * n), [r.sum() / n]])
    return {"name": name, "C": C, "alpha": 1.0 / (C * n), "class_weights": weights.tolist(),
            "rows": n, "coefficients": m.coef_[0].tolist(), "intercept": float(m.intercept_[0]),
            "gradient_inf_norm": float(np.abs(gradient).max()),
            "recall_class_0": float(((m.predict(Xc) == 0) & (yc == 0)).sum() / (yc == 0).sum())}


out = {
    "versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__},
    "script": "tests/reference/week04_class_weights.py",
    "subset_rule": "all label-1 rows plus label-0 rows whose index is a multiple of 5",
    "cases": [
        case("imbalanced, uniform", Xi, yi, 1.0, None),
        case("imbalanced, balanced", Xi, yi, 1.0, "balanced"),
        case("imbalanced, manual {0: 4, 1: 1}", Xi, yi, 1.0, {0: 4.0, 1: 1.0}),
        case("full data, balanced, C=0.1", X, y, 0.1, "balanced"),
    ],
}
with open(os.path.join(HERE, "week04_class_weights.json"), "w") as f:
    json.dump(out, f, indent=1)
for c in out["cases"]:
    print(c["name"], "weights", c["class_weights"], "grad", c["gradient_inf_norm"], "recall0", c["recall_class_0"])
