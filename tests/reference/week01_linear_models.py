"""Reference values for the Week 1 linear-model tests (tests/MlCourse.Tests/Classical/).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24), from the repository root:

    /usr/bin/python3 tests/reference/week01_linear_models.py

It writes tests/reference/week01_linear_models.json next to this script. The tests read that file;
rerun this script only when the cases below change, and commit both files together.

Data: the same files the C# loader reads (data/diabetes_data_raw.csv.gz: 442 rows of 10 raw features,
space-separated; data/diabetes_target.csv.gz: one target per line). Standardised features are
sklearn.preprocessing.StandardScaler() with its defaults: subtract the column mean, divide by the
population standard deviation (numpy std with ddof=0), computed on all 442 rows.
"""
import gzip
import json
import os
import platform

import numpy as np
import sklearn
from sklearn.linear_model import Lasso, LinearRegression, Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load(name):
    with gzip.open(os.path.join(ROOT, "data", name), "rt") as f:
        return np.loadtxt(f)


def fitted(model):
    return {"coefficients": model.coef_.tolist(), "intercept": float(model.intercept_)}


X = load("diabetes_data_raw.csv.gz")
y = load("diabetes_target.csv.gz")
assert X.shape == (442, 10) and y.shape == (442,)

scaler = StandardScaler().fit(X)
Xs = scaler.transform(X)

out = {
    "versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__},
    "script": "tests/reference/week01_linear_models.py",
    "diabetes_scaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
    # Ordinary least squares on the raw (unscaled) features.
    "linear_regression_raw": fitted(LinearRegression().fit(X, y)),
}

# Rank-deficient design: bmi (column 2) appended again as column 10. scipy's lstsq (SVD) returns the
# minimum-norm solution, which splits the bmi weight equally between the two copies.
Xdup = np.hstack([X, X[:, [2]]])
dup = LinearRegression().fit(Xdup, y)
out["linear_regression_duplicated_bmi"] = dict(fitted(dup), rank=int(dup.rank_))

out["ridge_standardized"] = [
    dict(alpha=a, **fitted(Ridge(alpha=a).fit(Xs, y))) for a in [0.1, 1.0, 10.0, 100.0, 1000.0]
]

lasso = []
for a in [0.1, 1.0, 5.0, 20.0]:
    m = Lasso(alpha=a, tol=1e-10, max_iter=1_000_000).fit(Xs, y)
    # dual_gap_ is in the units of the objective (1/(2n))||y - Xw - b||^2 + alpha ||w||_1.
    lasso.append(dict(alpha=a, dual_gap=float(m.dual_gap_), n_iter=int(m.n_iter_), **fitted(m)))
out["lasso_standardized"] = lasso
out["lasso_tolerance"] = 1e-10

small = np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 4.0]])
poly3 = PolynomialFeatures(degree=3, include_bias=True).fit(small)
small3 = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])
poly2 = PolynomialFeatures(degree=2, include_bias=False).fit(small3)
out["polynomial_features"] = [
    {"x": small.tolist(), "degree": 3, "include_bias": True, "output": poly3.transform(small).tolist(),
     "names": poly3.get_feature_names_out().tolist(), "powers": poly3.powers_.tolist()},
    {"x": small3.tolist(), "degree": 2, "include_bias": False, "output": poly2.transform(small3).tolist(),
     "names": poly2.get_feature_names_out(["a", "b", "c"]).tolist(), "powers": poly2.powers_.tolist()},
]

# Column 1 is constant: scikit-learn gives it scale 1 (not 0), so it transforms to zeros.
scale_case = np.array([[1.0, 5.0, -2.0], [2.0, 5.0, 0.0], [4.0, 5.0, 7.0], [10.0, 5.0, 1.5]])
sc = StandardScaler().fit(scale_case)
out["standard_scaler"] = {"x": scale_case.tolist(), "mean": sc.mean_.tolist(), "scale": sc.scale_.tolist(),
                          "output": sc.transform(scale_case).tolist()}

y_true = np.array([3.0, -0.5, 2.0, 7.0, 4.2])
y_pred = np.array([2.5, 0.0, 2.0, 8.0, 3.1])
out["regression_metrics"] = {"y": y_true.tolist(), "y_hat": y_pred.tolist(),
                             "mse": mean_squared_error(y_true, y_pred), "mae": mean_absolute_error(y_true, y_pred),
                             "r2": r2_score(y_true, y_pred)}

path = os.path.join(HERE, "week01_linear_models.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"python {platform.python_version()}, numpy {np.__version__}, scikit-learn {sklearn.__version__}")
print(f"wrote {path}")
for case in lasso:
    print(f"lasso alpha={case['alpha']}: n_iter={case['n_iter']}, dual_gap={case['dual_gap']:.3e}, "
          f"zeros={sum(c == 0.0 for c in case['coefficients'])}")
