"""Reference values for the Week 6 SVM tests (tests/MlCourse.Tests/Classical/SupportVectorMachines/).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24, libsvm inside scikit-learn), from the repository root:

    /usr/bin/python3 tests/reference/week06_svm.py

It writes tests/reference/week06_svm.json next to this script; rerun only when the cases change and commit both.

Every case fits sklearn.svm.SVC (libsvm) twice: shrinking=False, which is what the C# solver does (no
shrinking), and the default shrinking=True. Both stop when the maximal KKT violation is below tol=1e-3,
so they land on slightly different points of the optimal face; the tests explain their tolerances.
Breast cancer and wine are standardised with StandardScaler (population std) on all rows, as the C#
tests do with the library's scaler. Gamma is always given as a number (no gamma='scale').
"""
import gzip
import json
import os
import platform

import numpy as np
import sklearn
from sklearn.metrics.pairwise import linear_kernel, rbf_kernel
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load_csv(name):
    data = np.loadtxt(os.path.join(ROOT, "data", name), delimiter=",", skiprows=1)
    return data[:, :-1], data[:, -1].astype(int)


def load_digits():
    with gzip.open(os.path.join(ROOT, "data", "digits.csv.gz"), "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    return data[:, :-1], data[:, -1].astype(int)


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def kernel_matrix(kernel, gamma, a, b):
    return linear_kernel(a, b) if kernel == "linear" else rbf_kernel(a, b, gamma=gamma)


def binary_case(X, y, kernel, C, gamma=None):
    out = {"kernel": kernel, "C": C, "gamma": gamma}
    for shrinking in [False, True]:
        m = SVC(kernel=kernel, C=C, gamma=gamma if gamma is not None else "scale", tol=1e-3, shrinking=shrinking,
                cache_size=200).fit(X, y)
        order = np.argsort(m.support_)
        sv = m.support_[order]
        coef = m.dual_coef_[0][order]
        K = kernel_matrix(kernel, gamma, X[sv], X[sv])
        dual = float(np.abs(coef).sum() - 0.5 * coef @ K @ coef)   # sum alpha - 1/2 a^T K a, with a = alpha*y
        rec = {"support": [int(i) for i in sv], "dual_coef": floats(coef), "intercept": float(m.intercept_[0]),
               "n_iter": int(np.asarray(m.n_iter_).ravel()[0]), "dual_objective": dual,
               "decision": floats(m.decision_function(X)), "accuracy": float(m.score(X, y))}
        if kernel == "linear":
            rec["coef"] = floats(m.coef_[0])
        out["no_shrinking" if not shrinking else "shrinking"] = rec
    return out


def multiclass_case(X, y, kernel, C, gamma=None, n_train=None):
    m = SVC(kernel=kernel, C=C, gamma=gamma if gamma is not None else "scale", tol=1e-3, shrinking=False,
            decision_function_shape="ovo").fit(X, y)
    return {"kernel": kernel, "C": C, "gamma": gamma, "support": sorted(int(i) for i in m.support_),
            "n_support": [int(v) for v in m.n_support_], "predict": [int(v) for v in m.predict(X)],
            "accuracy": float(m.score(X, y))}


Xbc, ybc = load_csv("breast_cancer.csv")
Xbc = StandardScaler().fit_transform(Xbc)
Xir, yir = load_csv("iris.csv")
Xwi, ywi = load_csv("wine_data.csv")
Xwi = StandardScaler().fit_transform(Xwi)
Xdg, ydg = load_digits()

# Iris versicolor (1) vs virginica (2), raw features, relabelled 0/1: overlapping classes, many bounded alphas.
mask = yir > 0
Xvv, yvv = Xir[mask], (yir[mask] == 2).astype(int)

out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__},
       "script": "tests/reference/week06_svm.py",
       "binary": {
           "breast_cancer_linear_C1": binary_case(Xbc, ybc, "linear", 1.0),
           "breast_cancer_rbf_g0.05_C1": binary_case(Xbc, ybc, "rbf", 1.0, 0.05),
           "breast_cancer_rbf_g0.01_C10": binary_case(Xbc, ybc, "rbf", 10.0, 0.01),
           "iris_vv_linear_C1": binary_case(Xvv, yvv, "linear", 1.0),
           "iris_vv_rbf_g0.5_C1": binary_case(Xvv, yvv, "rbf", 1.0, 0.5),
       },
       "multiclass": {
           "iris_rbf_g0.5_C1": multiclass_case(Xir, yir, "rbf", 1.0, 0.5),
           "wine_linear_C0.1": multiclass_case(Xwi, ywi, "linear", 0.1),
           "wine_rbf_g0.05_C1": multiclass_case(Xwi, ywi, "rbf", 1.0, 0.05),
           "digits600_rbf_g0.001_C10": multiclass_case(Xdg[:600], ydg[:600], "rbf", 10.0, 0.001),
       }}

# Hard margin: setosa (0) vs versicolor (1) on sepal length and width is linearly separable; a huge C
# leaves every alpha below its bound, so libsvm solves the hard-margin problem.
Xsv, ysv = Xir[yir < 2][:, :2], yir[yir < 2]
hm = SVC(kernel="linear", C=1e6, tol=1e-3, shrinking=False).fit(Xsv, ysv)
out["hard_margin"] = {"support": sorted(int(i) for i in hm.support_), "coef": floats(hm.coef_[0]),
                      "intercept": float(hm.intercept_[0]), "margin": float(2 / np.linalg.norm(hm.coef_[0])),
                      "max_alpha": float(np.abs(hm.dual_coef_).max())}

with open(os.path.join(HERE, "week06_svm.json"), "w") as f:
    json.dump(out, f, indent=1)
print("versions:", out["versions"])
for k, v in out["binary"].items():
    print(k, "n_sv", len(v["no_shrinking"]["support"]), len(v["shrinking"]["support"]), "iter", v["no_shrinking"]["n_iter"],
          v["shrinking"]["n_iter"], "b", v["no_shrinking"]["intercept"], v["shrinking"]["intercept"], "acc", v["no_shrinking"]["accuracy"])
for k, v in out["multiclass"].items():
    print(k, "n_sv", len(v["support"]), "acc", v["accuracy"])
print("hard margin", out["hard_margin"])
