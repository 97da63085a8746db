"""scikit-learn side of benchmarks/MlCourse.Benchmarks/LogisticAndAucBenchmark.cs (same data and settings)."""
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

from bench import header, load_labelled, time_case

header("logistic-and-auc", "logistic regression fit, breast cancer 569x30 standardised, L2 C=1; ROC AUC on 1e6 scores")
X, y = load_labelled("breast_cancer.csv")
X = StandardScaler().fit_transform(X)
for solver in ["lbfgs", "newton-cg"]:
    def fit(solver=solver):
        m = LogisticRegression(C=1.0, solver=solver, tol=1e-6, max_iter=1000).fit(X, y)
        return f"train accuracy {m.score(X, y):.4f}, {m.n_iter_[0]} iterations"
    time_case(f"logistic fit ({solver})", fit)

# Not the same random numbers as the C# side (different generators); the same distribution and tie structure.
rng = np.random.default_rng(7)
labels = (rng.random(1_000_000) < 0.3).astype(int)
scores = np.round(0.5 * labels + rng.random(1_000_000), 3)
time_case("roc auc, 1e6 scores", lambda: f"AUC {roc_auc_score(labels, scores):.6f}")
