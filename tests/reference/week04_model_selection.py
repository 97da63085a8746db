"""Reference values for the Week 4 model-selection additions (validation curve, nested cross-validation,
MAPE, calibration curve, two-proportion z-test): tests/MlCourse.Tests/Classical/Week04/ModelSelectionAdditionsTests.cs.

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24, scipy 1.10), from the repository root:

    /usr/bin/python3 tests/reference/week04_model_selection.py

It writes tests/reference/week04_model_selection.json next to this script and prints the versions it used.
statsmodels is not installed here: the two-proportion z-test is checked through its identity z^2 = Pearson chi^2
of the 2x2 table without continuity correction (scipy.stats.chi2_contingency(correction=False)).
"""
import gzip
import json
import os
import platform

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn.calibration import calibration_curve
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_percentage_error
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score, validation_curve

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load(name):
    with gzip.open(os.path.join(ROOT, "data", name), "rt") as f:
        return np.loadtxt(f)


def floats(a):
    return [float(v) for v in np.ravel(a)]


out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__,
                    "scipy": scipy.__version__}}
print(out["versions"])

X = load("diabetes_data_raw.csv.gz")
y = load("diabetes_target.csv.gz")

# Validation curve of ridge's alpha on raw diabetes, unshuffled 5-fold, R^2.
alphas = [1e-3, 1e-1, 1.0, 10.0, 100.0, 1000.0]
train, test = validation_curve(Ridge(), X, y, param_name="alpha", param_range=alphas, cv=KFold(5), scoring="r2")
out["validation_curve"] = {"alphas": alphas, "train": [floats(r) for r in train], "test": [floats(r) for r in test]}

# Nested cross-validation: GridSearchCV over alpha with an unshuffled 3-fold inside an unshuffled 5-fold.
grid = [1e-3, 1e-2, 1e-1, 1.0, 10.0]
search = GridSearchCV(Ridge(), {"alpha": grid}, cv=KFold(3), scoring="r2")
outer = cross_val_score(search, X, y, cv=KFold(5), scoring="r2")
chosen = []
for train_idx, _ in KFold(5).split(X):
    chosen.append(float(GridSearchCV(Ridge(), {"alpha": grid}, cv=KFold(3), scoring="r2").fit(X[train_idx], y[train_idx]).best_params_["alpha"]))
out["nested_cv"] = {"alphas": grid, "outer_scores": floats(outer), "chosen": chosen}

# MAPE, including a target of 0 (the pitfall: epsilon in the denominator) and an under/over pair.
y_true = np.array([100.0, 50.0, 20.0, 0.0, 10.0])
y_pred = np.array([110.0, 45.0, 30.0, 1.0, 10.0])
out["mape"] = {"y": floats(y_true), "yHat": floats(y_pred), "mape": float(mean_absolute_percentage_error(y_true, y_pred)),
               "mape_without_zero": float(mean_absolute_percentage_error(np.delete(y_true, 3), np.delete(y_pred, 3)))}

# Calibration curve, uniform bins, with probabilities on bin edges (0.1, 0.3, 0.5) and at 0 and 1.
rng = np.random.default_rng(4)
p = np.concatenate([rng.uniform(0, 1, 200), [0.0, 0.1, 0.3, 0.5, 1.0]])
labels = (rng.uniform(0, 1, p.size) < p ** 1.5).astype(float)
frac, mean = calibration_curve(labels, p, n_bins=10, strategy="uniform")
out["calibration"] = {"y": floats(labels), "p": floats(p), "bins": 10, "fraction_positive": floats(frac), "mean_predicted": floats(mean)}

# Two-proportion z-test through z^2 = chi^2 (no continuity correction).
cases = []
for (xa, na, xb, nb) in [(100, 1000, 130, 1000), (48, 500, 30, 450), (5, 40, 9, 35)]:
    chi2, pvalue, _, _ = stats.chi2_contingency([[xa, na - xa], [xb, nb - xb]], correction=False)
    cases.append({"xa": xa, "na": na, "xb": xb, "nb": nb, "chi2": float(chi2), "p": float(pvalue)})
out["two_proportions"] = cases

with open(os.path.join(HERE, "week04_model_selection.json"), "w") as f:
    json.dump(out, f, indent=1)
