"""Reference values for the Week 7 Gaussian mixture tests (tests/MlCourse.Tests/Classical/Clustering/GaussianMixtureTests.cs).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24), from the repository root:

    /usr/bin/python3 tests/reference/week07_gmm.py

It writes tests/reference/week07_gmm.json next to this script. GaussianMixture(covariance_type="full") by EM on iris
(all 150 rows, 4 features) from a fixed start, so that no k-means initialisation has to be reproduced across languages:
means_init = the rows listed in "init_rows", weights_init uniform, precisions_init the identity. Recorded: the final
weights, means and covariances, n_iter_, converged_, score(X) (mean log-likelihood), predict_proba of a few rows, and
the EM trajectory: lower_bound_ of a fit with max_iter = t is the mean log-likelihood of the parameters after t − 1
M-steps, which must never decrease.
"""
import json
import os
import platform
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

raw = np.loadtxt(os.path.join(ROOT, "data", "iris.csv"), delimiter=",", skiprows=1)
X = raw[:, :-1]


def fit(rows, k, max_iter, tol=1e-3):
    d = X.shape[1]
    return GaussianMixture(n_components=k, covariance_type="full", tol=tol, reg_covar=1e-6, max_iter=max_iter,
                           means_init=X[rows], weights_init=np.full(k, 1.0 / k),
                           precisions_init=np.array([np.eye(d)] * k)).fit(X)


def case(rows):
    k = len(rows)
    model = fit(rows, k, 500)
    trajectory = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for t in range(1, model.n_iter_ + 1):
            trajectory.append(float(fit(rows, k, t).lower_bound_))
    probe = [0, 50, 70, 100, 133]
    return {
        "init_rows": rows, "tol": 1e-3, "reg_covar": 1e-6,
        "weights": model.weights_.tolist(), "means": model.means_.tolist(), "covariances": model.covariances_.tolist(),
        "n_iter": int(model.n_iter_), "converged": bool(model.converged_), "lower_bound": float(model.lower_bound_),
        "score": float(model.score(X)), "probe_rows": probe, "predict_proba": model.predict_proba(X[probe]).tolist(),
        "labels": [int(v) for v in model.predict(X)], "lower_bound_trajectory": trajectory,
    }


out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__}}
out["iris_k3"] = case([10, 60, 110])
out["iris_k2"] = case([0, 149])
path = os.path.join(HERE, "week07_gmm.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out["versions"]), "->", path)
