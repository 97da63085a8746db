"""Reference values for the Week 4 evaluation tests (tests/MlCourse.Tests/Classical/Week04/).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24, scipy 1.10), from the repository root:

    /usr/bin/python3 tests/reference/week04_evaluation.py

It writes tests/reference/week04_evaluation.json next to this script. The tests read that file;
rerun this script only when the cases below change, and commit both files together.

Notes on versions: scikit-learn 1.2.1's roc_curve puts thresholds[0] = max(score) + 1; from 1.3 it is
+inf. The C# library uses +inf, so the tests compare thresholds[1:] only. log_loss in 1.2.1 clips with
eps="auto" (machine epsilon of the input dtype); the cases below keep probabilities away from 0 and 1.
statsmodels is not installed here, so the A/B sample sizes are the textbook closed forms computed with
scipy.stats.norm.ppf (statsmodels' NormalIndPower with Cohen's h gives the "arcsine" one).
"""
import gzip
import json
import os
import platform

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn.linear_model import LinearRegression
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, confusion_matrix,
                             f1_score, log_loss, precision_recall_curve, precision_score, recall_score,
                             roc_auc_score, roc_curve)
from sklearn.model_selection import KFold, StratifiedKFold, TimeSeriesSplit, cross_val_score, learning_curve

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load(name):
    with gzip.open(os.path.join(ROOT, "data", name), "rt") as f:
        return np.loadtxt(f)


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__,
                    "scipy": scipy.__version__},
       "script": "tests/reference/week04_evaluation.py"}

# --- Classification metrics: three classes, with a label (2) that is never predicted correctly.
y = np.array([0, 1, 2, 2, 1, 0, 0, 1, 2, 1, 1, 0, 2, 0, 1])
y_hat = np.array([0, 2, 1, 2, 1, 0, 1, 1, 0, 1, 0, 0, 2, 0, 2])
multi = {"y": floats(y), "y_hat": floats(y_hat),
         "confusion": confusion_matrix(y, y_hat).tolist(), "accuracy": accuracy_score(y, y_hat)}
for avg in ["micro", "macro", "weighted"]:
    multi[f"precision_{avg}"] = precision_score(y, y_hat, average=avg)
    multi[f"recall_{avg}"] = recall_score(y, y_hat, average=avg)
    multi[f"f1_{avg}"] = f1_score(y, y_hat, average=avg)
out["multiclass"] = multi

yb = np.array([1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0])
yb_hat = np.array([1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0])
out["binary"] = {"y": floats(yb), "y_hat": floats(yb_hat), "confusion": confusion_matrix(yb, yb_hat).tolist(),
                 "accuracy": accuracy_score(yb, yb_hat), "precision": precision_score(yb, yb_hat),
                 "recall": recall_score(yb, yb_hat), "f1": f1_score(yb, yb_hat)}

# --- ROC and PR curves, with tied scores (0.4 x3, 0.8 x2 across both classes).
ys = np.array([0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1])
scores = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.8, 0.9, 0.55, 0.2, 0.05, 0.7])
fpr, tpr, thr = roc_curve(ys, scores, drop_intermediate=False)
prec, rec, pthr = precision_recall_curve(ys, scores)
out["curves"] = {"y": floats(ys), "scores": floats(scores), "fpr": floats(fpr), "tpr": floats(tpr),
                 "thresholds": floats(thr), "auc": roc_auc_score(ys, scores),
                 "precision": floats(prec), "recall": floats(rec), "pr_thresholds": floats(pthr),
                 "average_precision": average_precision_score(ys, scores)}

# A larger random case: scores rounded to 2 decimals so there are many ties.
rng = np.random.default_rng(4)
yl = (rng.random(400) < 0.3).astype(float)
sl = np.round(rng.normal(size=400) + 0.8 * yl, 2)
out["curves_large"] = {"y": floats(yl), "scores": floats(sl), "auc": roc_auc_score(yl, sl),
                       "average_precision": average_precision_score(yl, sl)}

# --- Probabilistic metrics.
yp = np.array([1, 0, 1, 1, 0, 1, 0, 0])
p = np.array([0.9, 0.2, 0.6, 0.45, 0.3, 0.99, 0.05, 0.7])
out["probabilistic"] = {"y": floats(yp), "p": floats(p), "log_loss": log_loss(yp, p),
                        "brier": brier_score_loss(yp, p)}

# --- Splitters (no shuffling: scikit-learn's assignment is deterministic and ours copies it).
def folds(splitter, X, y=None):
    return [{"train": tr.tolist(), "test": te.tolist()} for tr, te in splitter.split(X, y)]

X11 = np.zeros((11, 1))
# First label seen is 2: scikit-learn numbers classes by first appearance, which decides the allocation.
y_strat = np.array([2, 1, 1, 0, 2, 1, 1, 0, 1, 0, 1, 1, 0, 1, 2, 1])
out["splitters"] = {
    "kfold_n11_k3": folds(KFold(3), X11),
    "stratified_y": floats(y_strat),
    "stratified_k3": folds(StratifiedKFold(3), np.zeros((16, 1)), y_strat),
    "timeseries_n13_k4": folds(TimeSeriesSplit(4), np.zeros((13, 1))),
    "timeseries_n20_k3_gap2_test3_max6": folds(TimeSeriesSplit(3, gap=2, test_size=3, max_train_size=6),
                                               np.zeros((20, 1))),
}

# --- Cross-validation and learning curve of least squares on diabetes (raw features), R².
X = load("diabetes_data_raw.csv.gz")
yd = load("diabetes_target.csv.gz")
cv_scores = cross_val_score(LinearRegression(), X, yd, cv=KFold(5), scoring="r2")
sizes, train_scores, test_scores = learning_curve(LinearRegression(), X, yd, cv=KFold(5), scoring="r2",
                                                  train_sizes=[0.1, 0.25, 0.5, 0.75, 1.0])
out["cross_validation"] = {"kfold5_r2": floats(cv_scores)}
out["learning_curve"] = {"fractions": [0.1, 0.25, 0.5, 0.75, 1.0], "sizes": [int(s) for s in sizes],
                         "train_scores": train_scores.tolist(), "test_scores": test_scores.tolist()}

# --- Paired comparison: per-fold scores of two models (made-up but realistic numbers).
a = np.array([0.81, 0.78, 0.84, 0.80, 0.79, 0.83, 0.77, 0.82, 0.80, 0.81])
b = np.array([0.83, 0.79, 0.85, 0.83, 0.80, 0.83, 0.80, 0.84, 0.81, 0.84])
t = stats.ttest_rel(b, a)
# McNemar on discordant counts: b01 = A right & B wrong, b10 = A wrong & B right.
n01, n10 = 12, 27
chi2_cc = (abs(n01 - n10) - 1) ** 2 / (n01 + n10)
out["paired"] = {"a": floats(a), "b": floats(b), "t": float(t.statistic), "p_value": float(t.pvalue),
                 "mcnemar_n01": n01, "mcnemar_n10": n10, "mcnemar_chi2": chi2_cc,
                 "mcnemar_p": float(stats.chi2.sf(chi2_cc, 1)),
                 "mcnemar_exact_p": float(stats.binomtest(n01, n01 + n10, 0.5).pvalue)}

# --- A/B test sample size per group for two proportions (two-sided alpha, power).
cases = []
for p1, p2, alpha, power in [(0.10, 0.12, 0.05, 0.8), (0.30, 0.25, 0.01, 0.9), (0.05, 0.06, 0.05, 0.8)]:
    za, zb = stats.norm.ppf(1 - alpha / 2), stats.norm.ppf(power)
    pbar = (p1 + p2) / 2
    pooled = (za * np.sqrt(2 * pbar * (1 - pbar)) + zb * np.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p1 - p2) ** 2
    h = 2 * np.arcsin(np.sqrt(p1)) - 2 * np.arcsin(np.sqrt(p2))
    # Var(2·asin√p̂) ≈ 1/n per group, so the difference has variance 2/n: hence the factor 2.
    arcsine = 2 * ((za + zb) / h) ** 2
    cases.append({"p1": p1, "p2": p2, "alpha": alpha, "power": power, "n_pooled": pooled, "n_arcsine": arcsine})
out["sample_size"] = cases

# --- Bootstrap: scipy's BCa and percentile intervals for the mean of a skewed sample (many resamples, so
# the Monte Carlo error is small; the C# test compares within a tolerance, since the generators differ).
boot_sample = np.round(np.random.default_rng(11).exponential(2.0, size=40), 4)
bootstrap = {"sample": floats(boot_sample)}
for method in ["percentile", "basic", "BCa"]:
    r = stats.bootstrap((boot_sample,), np.mean, confidence_level=0.95, n_resamples=200000, method=method,
                        random_state=np.random.default_rng(0))
    bootstrap[method] = [float(r.confidence_interval.low), float(r.confidence_interval.high)]
out["bootstrap"] = bootstrap

path = os.path.join(HERE, "week04_evaluation.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"python {platform.python_version()}, numpy {np.__version__}, scikit-learn {sklearn.__version__}, scipy {scipy.__version__}")
print(f"wrote {path}")
print("auc", out["curves"]["auc"], "ap", out["curves"]["average_precision"])
print("bootstrap", bootstrap["percentile"], bootstrap["basic"], bootstrap["BCa"])
print("sample sizes", [(c["n_pooled"], c["n_arcsine"]) for c in cases])
