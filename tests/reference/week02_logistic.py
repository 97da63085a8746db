"""Reference values for the Week 2 logistic-regression tests (tests/MlCourse.Tests/Classical/Week02/).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24), from the repository root:

    /usr/bin/python3 tests/reference/week02_logistic.py

It writes tests/reference/week02_logistic.json next to this script. Rerun only when the cases below
change, and commit both files together.

Objective mapping. scikit-learn's LogisticRegression minimises
    C * sum_i loss_i + (1 - rho)/2 * ||w||^2 + rho * ||w||_1        (rho = 0 for 'l2', 1 for 'l1'),
the intercept unpenalised (lbfgs, newton-cg, saga). The C# library minimises
    (1/n) sum_i loss_i + alpha * (rho * ||w||_1 + (1 - rho)/2 * ||w||^2),
which is the same objective divided by C*n, so the same minimiser with alpha = 1/(C*n). The multinomial
case is the same with the categorical loss and ||W||_F^2. Each case records C and the alpha it maps to.

Data: data/breast_cancer.csv (569 x 30, labels 0 malignant / 1 benign) and data/iris.csv (150 x 4,
labels 0..2), the files the C# loader reads (header line: n, d, class names). Features are standardised
with StandardScaler() (population std, ddof=0) on all rows, as the C# tests do with the library's scaler.
Solvers. lbfgs (as the course asks) stops on its gradient tolerance *or* on a relative decrease of the objective
below scipy's default ftol (about 2.2e-9), so even with tol=1e-12 its weights are only accurate to about 1e-5;
each lbfgs case therefore also records the largest gradient entry of the objective at its answer
("lbfgs_gradient_inf_norm", computed here with numpy) and a second fit with newton-cg, whose tol is the largest
gradient entry (1e-12 here), as the tight reference. saga (elastic net, L1) stops when the weights change by
less than tol relative, accurate to about 1e-6.
"""
import json
import os
import platform
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROBA_ROWS = 20   # probabilities are recorded for the first rows only, to keep the file small


def load(name):
    path = os.path.join(ROOT, "data", name)
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, :-1], data[:, -1].astype(int)


def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


def binary_gradient(model, X, y, C):
    # Gradient of (1/n) sum log-loss + 1/(2Cn) ||w||^2 in (w, b): X~^T (sigma(z) - y)/n + (w/(Cn), 0).
    n = X.shape[0]
    r = sigmoid(X @ model.coef_[0] + model.intercept_[0]) - y
    return np.concatenate([X.T @ r / n + model.coef_[0] / (C * n), [r.sum() / n]])


def multi_gradient(model, X, y, C):
    n, K = X.shape[0], model.coef_.shape[0]
    Z = X @ model.coef_.T + model.intercept_
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    R = P - np.eye(K)[y]
    return np.concatenate([(X.T @ R / n + model.coef_.T / (C * n)).ravel(), R.sum(axis=0) / n])


def tight_binary(X, y, C):
    m = LogisticRegression(C=C, solver="newton-cg", tol=1e-12, max_iter=10_000).fit(X, y)
    return {"coefficients": m.coef_[0].tolist(), "intercept": float(m.intercept_[0]),
            "probabilities": m.predict_proba(X[:PROBA_ROWS])[:, 1].tolist(),
            "gradient_inf_norm": float(np.abs(binary_gradient(m, X, y, C)).max())}


def binary_case(model, X, C):
    return {
        "C": C, "alpha": 1.0 / (C * X.shape[0]),
        "coefficients": model.coef_[0].tolist(), "intercept": float(model.intercept_[0]),
        "n_iter": int(model.n_iter_[0]),
        "probabilities": model.predict_proba(X[:PROBA_ROWS])[:, 1].tolist(),
        "accuracy": float(model.score(X, y_bc)),
    }


def multi_case(model, X, y, C):
    return {
        "C": C, "alpha": 1.0 / (C * X.shape[0]),
        "coefficients": model.coef_.tolist(),          # (K, p): row k is class k
        "intercepts": model.intercept_.tolist(),
        "probabilities": model.predict_proba(X[:PROBA_ROWS]).tolist(),
        "predictions": model.predict(X).tolist(),
    }


# newton-cg at tol=1e-12 reaches a largest gradient entry of about 1e-12 to 1e-11 (recorded below) and then warns
# that it could not go further: that is the rounding floor of the objective, not a failure, so the warning is muted.
warnings.filterwarnings("ignore", message="newton-cg failed to converge")

X_bc, y_bc = load("breast_cancer.csv")
X_ir, y_ir = load("iris.csv")
assert X_bc.shape == (569, 30) and X_ir.shape == (150, 4)
Xs_bc = StandardScaler().fit_transform(X_bc)
Xs_ir = StandardScaler().fit_transform(X_ir)

out = {
    "versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__},
    "script": "tests/reference/week02_logistic.py",
    "proba_rows": PROBA_ROWS,
}

out["breast_cancer_l2"] = []
for C in [0.01, 0.1, 1.0]:
    m = LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100_000).fit(Xs_bc, y_bc)
    out["breast_cancer_l2"].append(dict(binary_case(m, Xs_bc, C),
                                        lbfgs_gradient_inf_norm=float(np.abs(binary_gradient(m, Xs_bc, y_bc, C)).max()),
                                        newton_cg=tight_binary(Xs_bc, y_bc, C)))

with warnings.catch_warnings():
    # saga's tolerance is on the change of the weights; it may stop at max_iter first, which is fine at this scale.
    warnings.simplefilter("ignore", ConvergenceWarning)
    enet = LogisticRegression(penalty="elasticnet", solver="saga", l1_ratio=0.5, C=0.1, tol=1e-12,
                              max_iter=200_000).fit(Xs_bc, y_bc)
    l1 = LogisticRegression(penalty="l1", solver="saga", C=0.1, tol=1e-12, max_iter=200_000).fit(Xs_bc, y_bc)
out["breast_cancer_elasticnet"] = dict(binary_case(enet, Xs_bc, 0.1), l1_ratio=0.5)
out["breast_cancer_l1"] = binary_case(l1, Xs_bc, 0.1)

out["iris_multinomial"] = []
for C in [0.1, 1.0]:
    m = LogisticRegression(C=C, multi_class="multinomial", solver="lbfgs", tol=1e-12, max_iter=100_000).fit(Xs_ir, y_ir)
    tight = LogisticRegression(C=C, multi_class="multinomial", solver="newton-cg", tol=1e-12, max_iter=10_000).fit(Xs_ir, y_ir)
    out["iris_multinomial"].append(dict(multi_case(m, Xs_ir, y_ir, C),
                                        lbfgs_gradient_inf_norm=float(np.abs(multi_gradient(m, Xs_ir, y_ir, C)).max()),
                                        newton_cg=dict(multi_case(tight, Xs_ir, y_ir, C),
                                                       gradient_inf_norm=float(np.abs(multi_gradient(tight, Xs_ir, y_ir, C)).max()))))
out["iris_ovr"] = dict(
    multi_case(LogisticRegression(C=1.0, multi_class="ovr", solver="lbfgs", tol=1e-12, max_iter=100_000).fit(Xs_ir, y_ir),
               Xs_ir, y_ir, 1.0),
    newton_cg=multi_case(LogisticRegression(C=1.0, multi_class="ovr", solver="newton-cg", tol=1e-12, max_iter=10_000)
                         .fit(Xs_ir, y_ir), Xs_ir, y_ir, 1.0),
    lbfgs_note="each column is an independent binary fit with C=1 on 'class k vs the rest'")

# log_loss with probabilities exactly 0 and 1: scikit-learn clips to [eps, 1 - eps] with eps = float64 eps.
y_ll = [1, 0, 1, 0, 1]
p_ll = [1.0, 0.0, 0.0, 1.0, 0.7]
out["log_loss"] = {"y": y_ll, "p": p_ll, "value": float(log_loss(y_ll, p_ll)), "eps": float(np.finfo(np.float64).eps)}

with open(os.path.join(HERE, "week02_logistic.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote week02_logistic.json with", out["versions"])
