"""Reference values for the Week 7 tests (tests/MlCourse.Tests/Classical/Decomposition and Clustering).

Run with Debian's Python (scikit-learn 1.2.1, SciPy 1.10.1, numpy 1.24), from the repository root:

    /usr/bin/python3 tests/reference/week07_unsupervised.py

It writes tests/reference/week07_unsupervised.json next to this script. Rerun only when the cases below
change, and commit both files together.

Notes: PCA on the 1797 x 64 digits uses the "full" LAPACK solver (svd_solver="full"), whose signs come
from svd_flip (largest |U| entry of each component positive). KMeans is given explicit initial centres
and algorithm="lloyd" so both sides run the same Lloyd iterations; the k-means++ run (n_init=10) is
only comparable in inertia, since scikit-learn's greedy k-means++ draws differently. The linkage data
are 12 Gaussian points (no tied distances). t-SNE cannot match end to end (random start, float32
distances inside scikit-learn); its pieces are recorded: the joint P of _joint_probabilities and the KL
divergence and gradient of _kl_divergence at a fixed embedding.
"""
import gzip
import json
import os
import platform

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist, squareform
from sklearn.cluster import DBSCAN, KMeans
from sklearn.datasets import make_moons
from sklearn.decomposition import PCA
from sklearn.manifold._t_sne import _joint_probabilities, _kl_divergence
from sklearn.metrics import davies_bouldin_score, silhouette_samples, silhouette_score

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def rows(a):
    return [floats(r) for r in np.asarray(a)]


with gzip.open(os.path.join(ROOT, "data", "digits.csv.gz"), "rt") as f:
    digits = np.loadtxt(f, delimiter=",")
X, y = digits[:, :64], digits[:, 64]

out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "sklearn": sklearn.__version__,
                    "scipy": scipy.__version__},
       "script": "tests/reference/week07_unsupervised.py"}

# --- PCA on digits: every component, the spectrum, whitened scores and a 10-component reconstruction.
pca = PCA(svd_solver="full").fit(X)
pca10w = PCA(n_components=10, whiten=True, svd_solver="full").fit(X)
pca10 = PCA(n_components=10, svd_solver="full").fit(X)
out["pca"] = {"components": rows(pca.components_), "explained_variance": floats(pca.explained_variance_),
              "explained_variance_ratio": floats(pca.explained_variance_ratio_),
              "singular_values": floats(pca.singular_values_), "mean": floats(pca.mean_),
              "whitened_first5": rows(pca10w.transform(X[:5])),
              "reconstructed10_first5": rows(pca10.inverse_transform(pca10.transform(X[:5]))),
              "n_components_95": int(PCA(n_components=0.95, svd_solver="full").fit(X).n_components_)}

# --- K-means on digits, k = 10: the same initial centres (rows 0..9, one of each digit) on both sides.
init = X[:10].copy()
km = KMeans(n_clusters=10, init=init, n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(X)
kmpp = KMeans(n_clusters=10, n_init=10, max_iter=300, random_state=0, algorithm="lloyd").fit(X)
out["kmeans"] = {"init_rows": list(range(10)), "labels": [int(v) for v in km.labels_], "inertia": float(km.inertia_),
                 "n_iter": int(km.n_iter_), "centers": rows(km.cluster_centers_), "plusplus_inertia": float(kmpp.inertia_)}

# --- Linkage heights: 12 Gaussian points in 2-D, all pairwise distances distinct.
rng = np.random.default_rng(7)
L = rng.normal(size=(12, 2))
assert len(set(np.round(pdist(L), 12))) == len(pdist(L))
out["linkage"] = {"X": rows(L)}
for method in ["single", "complete", "average", "ward"]:
    Z = linkage(L, method=method)
    out["linkage"][method] = rows(Z)
    out["linkage"][method + "_fcluster3"] = [int(v) for v in fcluster(Z, 3, criterion="maxclust")]

# --- DBSCAN on two moons with three far outliers.
M, _ = make_moons(n_samples=200, noise=0.08, random_state=3)
M = np.vstack([M, [[2.5, 1.5], [-1.5, -1.0], [0.5, 2.0]]])
db = DBSCAN(eps=0.2, min_samples=5).fit(M)
out["dbscan"] = {"X": rows(M), "eps": 0.2, "min_samples": 5, "labels": [int(v) for v in db.labels_],
                 "core_sample_indices": [int(v) for v in db.core_sample_indices_]}

# --- Silhouette and Davies-Bouldin on three blobs with k-means labels, and on the DBSCAN labels (noise = a group).
B = np.vstack([rng.normal(loc=c, scale=0.8, size=(30, 2)) for c in [(0, 0), (4, 0), (2, 3)]])
bl = KMeans(n_clusters=3, n_init=10, random_state=0).fit(B).labels_
out["scores"] = {"X": rows(B), "labels": [int(v) for v in bl], "silhouette": float(silhouette_score(B, bl)),
                 "silhouette_samples": floats(silhouette_samples(B, bl)),
                 "davies_bouldin": float(davies_bouldin_score(B, bl)),
                 "dbscan_silhouette": float(silhouette_score(M, db.labels_)),
                 "dbscan_davies_bouldin": float(davies_bouldin_score(M, db.labels_))}

# --- t-SNE pieces on the first 60 digits, perplexity 10.
T = X[:60]
D = squareform(pdist(T, "sqeuclidean"))
P = _joint_probabilities(D, 10.0, 0)              # condensed upper triangle, sums to 1/2
Y = np.random.default_rng(11).normal(scale=2.0, size=(60, 2))
kl, grad = _kl_divergence(Y.ravel(), P, 1, 60, 2)
out["tsne"] = {"n": 60, "perplexity": 10.0, "P": rows(squareform(P)), "Y": rows(Y), "kl": float(kl),
               "grad": rows(grad.reshape(60, 2))}

with open(os.path.join(HERE, "week07_unsupervised.json"), "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out["versions"]), "pca ev[:3]", out["pca"]["explained_variance"][:3], "kmeans inertia", km.inertia_,
      "n_iter", km.n_iter_, "++", kmpp.inertia_, "dbscan clusters", len(set(db.labels_)) - (1 if -1 in db.labels_ else 0),
      "kl", kl)
