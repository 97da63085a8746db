"""scikit-learn side of benchmarks/MlCourse.Benchmarks/ScalingBenchmark.cs: the same data (shared_data mirrors
SharedData.cs bit for bit in the uniforms) and settings."""
import numpy as np
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeClassifier

from bench import header, time_case


def uniform(index):
    with np.errstate(over="ignore"):
        z = index + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * (1.0 / (1 << 53))


def gaussian(n, p, seed):
    t = np.uint64(seed << 32) + np.uint64(2) * np.arange(n * p, dtype=np.uint64)
    return (np.sqrt(-2.0 * np.log(1.0 - uniform(t))) * np.cos(2.0 * np.pi * uniform(t + np.uint64(1)))).reshape(n, p)


def linear_labels(x, w, classes):
    return np.argmax(x @ w[:classes].T, axis=1)


def clustered(n, p, k, seed):
    return gaussian(n, p, seed) + 3.0 * gaussian(k, p, seed + 1000)[np.arange(n) % k]


header("scaling", "logistic / softmax (5 classes) on n x 100, tree and 20-tree forest on n x 50 (n = 10k, 20k), k-means k=8 on n x 16 (n = 50k, 100k)")
for n in [10_000, 20_000]:
    x, w = gaussian(n, 100, 1), gaussian(5, 100, 2)
    binary, five = linear_labels(x, w, 2), linear_labels(x, w, 5)
    def logistic(x=x, y=binary):   # lbfgs, the default solver; with 5 labels, multinomial (softmax)
        m = LogisticRegression(C=1.0, tol=1e-6, max_iter=1000).fit(x, y)
        return f"train accuracy {m.score(x, y):.4f}, {m.n_iter_[0]} iterations"

    time_case(f"logistic fit {n}x100", logistic)
    time_case(f"softmax fit {n}x100, 5 classes", lambda x=x, y=five: logistic(x, y))
for n in [10_000, 20_000]:
    x = gaussian(n, 50, 3)
    y = linear_labels(x, gaussian(2, 50, 4), 2)

    def tree(x=x, y=y):
        m = DecisionTreeClassifier(random_state=0).fit(x, y)
        return f"train accuracy {m.score(x, y):.4f}, {m.get_n_leaves()} leaves"

    time_case(f"decision tree fit {n}x50", tree)
    time_case(f"random forest fit {n}x50, 20 trees", lambda x=x, y=y:
              f"train accuracy {RandomForestClassifier(n_estimators=20, random_state=0, n_jobs=-1).fit(x, y).score(x, y):.4f}")
for n in [50_000, 100_000]:
    x = clustered(n, 16, 8, 5)

    def kmeans(x=x):
        km = KMeans(n_clusters=8, init=x[:8], n_init=1, max_iter=300, tol=1e-4, algorithm="lloyd").fit(x)
        return f"inertia {km.inertia_:.6E}, {km.n_iter_} iterations"

    time_case(f"k-means {n}x16, k=8, init = first 8 rows", kmeans)
