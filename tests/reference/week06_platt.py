"""Reference values for the Week 6 Platt scaling tests (tests/MlCourse.Tests/Classical/Calibration/).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24), from the repository root:

    /usr/bin/python3 tests/reference/week06_platt.py

It writes tests/reference/week06_platt.json next to this script; rerun only when the cases change and commit both.

"sigmoid": scikit-learn's own sigmoid fit (sklearn.calibration._sigmoid_calibration: Platt's smoothed targets,
minimised by BFGS) on fixed decision values, so the C# Newton solver can be compared on the same input.
"calibrated": CalibratedClassifierCV(SVC(...), method="sigmoid", cv=KFold(5), ensemble=False): out-of-fold
decision values from five machines, one sigmoid fitted to them, the SVC refitted on all rows. The folds are
unshuffled KFold, recorded too, so the C# test can check it uses the same ones.
"""
import json
import os
import platform

import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load_csv(name):
    data = np.loadtxt(os.path.join(ROOT, "data", name), delimiter=",", skiprows=1)
    return data[:, :-1], data[:, -1].astype(int)


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def svc(kernel, C, gamma):
    return SVC(kernel=kernel, C=C, gamma=gamma if gamma is not None else "scale", tol=1e-3, shrinking=False)


def sigmoid_case(scores, y):
    a, b = _sigmoid_calibration(np.asarray(scores, dtype=float), np.asarray(y))
    return {"scores": floats(scores), "y": [int(v) for v in y], "A": float(a), "B": float(b)}


def calibrated_case(X, y, kernel, C, gamma=None):
    cv = KFold(5)
    model = CalibratedClassifierCV(svc(kernel, C, gamma), method="sigmoid", cv=cv, ensemble=False).fit(X, y)
    calibrator = model.calibrated_classifiers_[0].calibrators[0]
    return {"kernel": kernel, "C": C, "gamma": gamma,
            "fold_test_indices": [[int(i) for i in test] for _, test in cv.split(X)],
            "out_of_fold_decision": floats(cross_val_predict(svc(kernel, C, gamma), X, y, cv=cv, method="decision_function")),
            "A": float(calibrator.a_), "B": float(calibrator.b_),
            "probability": floats(model.predict_proba(X)[:, 1])}


Xbc, ybc = load_csv("breast_cancer.csv")
Xbc = StandardScaler().fit_transform(Xbc)
Xir, yir = load_csv("iris.csv")
mask = yir > 0
Xvv, yvv = Xir[mask], (yir[mask] == 2).astype(int)

oof = cross_val_predict(svc("linear", 1.0, None), Xbc, ybc, cv=KFold(5), method="decision_function")
out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__},
       "script": "tests/reference/week06_platt.py",
       "sigmoid": {
           "breast_cancer_linear_out_of_fold": sigmoid_case(oof, ybc),
           "separable_four_points": sigmoid_case([-2.0, -1.0, 1.0, 2.0], [0, 0, 1, 1]),
           "unbalanced_noisy": sigmoid_case([-1.5, -0.3, 0.2, 0.4, 0.9, 1.1, -0.8, 2.0, -2.5, 0.0], [0, 1, 0, 1, 1, 1, 0, 1, 0, 0]),
       },
       "calibrated": {
           "breast_cancer_rbf_g0.05_C1": calibrated_case(Xbc, ybc, "rbf", 1.0, 0.05),
           "iris_vv_rbf_g0.5_C1": calibrated_case(Xvv, yvv, "rbf", 1.0, 0.5),
       }}

with open(os.path.join(HERE, "week06_platt.json"), "w") as f:
    json.dump(out, f, indent=1)
print("versions:", out["versions"])
for k, v in out["sigmoid"].items():
    print("sigmoid", k, "A", v["A"], "B", v["B"])
for k, v in out["calibrated"].items():
    print("calibrated", k, "A", v["A"], "B", v["B"])
