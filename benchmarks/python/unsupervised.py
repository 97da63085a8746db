"""scikit-learn side of benchmarks/MlCourse.Benchmarks/UnsupervisedBenchmark.cs (same data and settings)."""
import gzip
import os

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA

from bench import DATA, header, time_case

header("unsupervised", "k-means digits k=10 (n_init 10 and one fixed-init Lloyd run); PCA digits 1797x64 and Gaussian 20000x100")
with gzip.open(os.path.join(DATA, "digits.csv.gz"), "rt") as f:
    digits = np.loadtxt(f, delimiter=",")[:, :64]


def kmeans_pp():
    km = KMeans(n_clusters=10, n_init=10, max_iter=300, tol=1e-4, algorithm="lloyd", random_state=0).fit(digits)
    return f"inertia {km.inertia_:.0f}"


def kmeans_fixed():
    km = KMeans(n_clusters=10, init=digits[:10], n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(digits)
    return f"inertia {km.inertia_:.0f}, {km.n_iter_} iterations"


time_case("k-means digits k=10, k-means++ n_init=10", kmeans_pp)
time_case("k-means digits k=10, init = first 10 rows", kmeans_fixed)
time_case("PCA digits 1797x64, all components",
          lambda: f"first ratio {PCA(svd_solver='full').fit(digits).explained_variance_ratio_[0]:.6f}")

# Not the same random numbers as the C# side (different generators); the same distribution.
rng = np.random.default_rng(3)
big = rng.normal(size=(20_000, 100)) * np.arange(1, 101)
for solver in ["full", "randomized"]:
    def pca_big(solver=solver):
        pca = PCA(n_components=10, svd_solver=solver, random_state=0)
        z = pca.fit_transform(big)
        return f"top-10 ratio {pca.explained_variance_ratio_.sum():.4f}, scores {z.shape[0]}x{z.shape[1]}"
    time_case(f"PCA Gaussian 20000x100, fit + transform 10 ({solver})", pca_big)
