"""Reference values for the Week 8 feature-engineering tests (tests/MlCourse.Tests/Classical/{Preprocessing,
FeatureSelection,Imputation}/).

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24, scipy 1.10), from the repository root:

    /usr/bin/python3 tests/reference/week08_features.py

It writes tests/reference/week08_features.json next to this script, with every input matrix the tests use, so the
C# side reads the same numbers. Rerun only when the cases below change, and commit both files together.

Not here: scikit-learn 1.2 has no TargetEncoder (added in 1.3), so the C# target encoder is tested against hand
computations; its mutual_info_* use a k-NN estimator while the library's is a binned plug-in estimator, so they
are not compared.
"""
import gzip
import json
import os
import platform

import numpy as np
import scipy
import sklearn
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_selection import RFE, chi2, f_classif, f_regression
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import (MinMaxScaler, OneHotEncoder, OrdinalEncoder, PolynomialFeatures,
                                   QuantileTransformer, RobustScaler, StandardScaler)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load(name):
    with gzip.open(os.path.join(ROOT, "data", name), "rt") as f:
        return np.loadtxt(f)


def nan_to_none(a):
    return [[None if np.isnan(v) else float(v) for v in row] for row in np.asarray(a, dtype=float)]


rng = np.random.default_rng(8)
out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                    "sklearn": sklearn.__version__}}

# Scalers on a skewed matrix with an outlier and ties: lognormal, exponential, a column of repeated values.
skewed = np.column_stack([rng.lognormal(0, 1, 60), rng.exponential(2, 60), np.repeat([1.0, 2.0, 2.0, 5.0], 15)])
skewed[3, 0] = 80.0
skewed_test = np.column_stack([rng.lognormal(0, 1, 8), rng.exponential(2, 8), [0.0, 1.0, 2.0, 3.0, 5.0, 6.0, 2.0, 1.5]])
skewed_test[0, 0] = 200.0
skewed_test[1, 1] = -1.0
out["scalers"] = {"train": skewed.tolist(), "test": skewed_test.tolist()}
mm = MinMaxScaler(feature_range=(-1, 2)).fit(skewed)
out["scalers"]["minmax_test"] = mm.transform(skewed_test).tolist()
rs = RobustScaler().fit(skewed)
out["scalers"]["robust_center"] = rs.center_.tolist()
out["scalers"]["robust_scale"] = rs.scale_.tolist()
out["scalers"]["robust_test"] = rs.transform(skewed_test).tolist()
for dist in ("uniform", "normal"):
    qt = QuantileTransformer(n_quantiles=25, output_distribution=dist).fit(skewed)
    out["scalers"][f"quantile_{dist}_quantiles"] = qt.quantiles_.tolist()
    out["scalers"][f"quantile_{dist}_train"] = qt.transform(skewed).tolist()
    out["scalers"][f"quantile_{dist}_test"] = qt.transform(skewed_test).tolist()

# Encoders on integer codes.
codes = np.column_stack([rng.integers(0, 4, 30), rng.choice([1.0, 2.0], 30), rng.choice([-3.0, 0.5, 7.0], 30)]).astype(float)
codes_test = np.array([[0, 1, 7], [3, 2, -3], [9, 1, 0.5], [2, 3, 42]], dtype=float)   # rows 2 and 3 hold unseen categories
ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(codes)
oe = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(codes)
out["encoders"] = {"train": codes.tolist(), "test": codes_test.tolist(),
                   "onehot_train": ohe.transform(codes).tolist(), "onehot_test": ohe.transform(codes_test).tolist(),
                   "onehot_names": ohe.get_feature_names_out().tolist(),
                   "ordinal_train": oe.transform(codes).tolist(), "ordinal_test": oe.transform(codes_test).tolist()}

# Imputers: 40 x 4 with about 20% missing (none entirely missing, every row keeps one value).
full = rng.normal(size=(40, 4)) @ np.array([[1, 0.5, 0, 0.2], [0, 1, 0.8, 0], [0, 0, 1, 0.5], [0, 0, 0, 1]]) * [1, 2, 3, 0.5]
full[:, 3] = np.round(full[:, 3] * 4) / 4          # repeated values, so most_frequent means something
holes = full.copy()
mask = rng.random(holes.shape) < 0.2
mask[mask.all(axis=1), 0] = False
holes[mask] = np.nan
holes_test = rng.normal(size=(6, 4))
holes_test[[0, 1, 2, 3, 4], [0, 1, 2, 3, 0]] = np.nan
holes_test[5, [1, 2]] = np.nan
out["imputers"] = {"train": nan_to_none(holes), "test": nan_to_none(holes_test)}
for strategy in ("mean", "median", "most_frequent"):
    imp = SimpleImputer(strategy=strategy).fit(holes)
    out["imputers"][f"simple_{strategy}_statistics"] = imp.statistics_.tolist()
    out["imputers"][f"simple_{strategy}_test"] = imp.transform(holes_test).tolist()
imp = SimpleImputer(strategy="constant", fill_value=-7.5).fit(holes)
out["imputers"]["simple_constant_test"] = imp.transform(holes_test).tolist()
for k in (1, 3):
    knn = KNNImputer(n_neighbors=k).fit(holes)
    out["imputers"][f"knn{k}_train"] = knn.transform(holes).tolist()
    out["imputers"][f"knn{k}_test"] = knn.transform(holes_test).tolist()

# Interaction-only polynomial features.
small = rng.normal(size=(5, 4))
out["interactions"] = {"x": small.tolist()}
for degree, bias in ((2, True), (3, False)):
    pf = PolynomialFeatures(degree=degree, interaction_only=True, include_bias=bias).fit(small)
    out["interactions"][f"degree{degree}_bias{int(bias)}"] = {"values": pf.transform(small).tolist(),
                                                              "powers": pf.powers_.tolist(),
                                                              "names": pf.get_feature_names_out().tolist()}

# Filter tests: chi2 on counts with 3 classes; f_classif and f_regression on diabetes (raw files in data/).
counts = rng.poisson([1, 3, 0.5, 6, 2], size=(45, 5)).astype(float)
labels = np.repeat([0.0, 1.0, 2.0], 15)
counts[labels == 2, 1] += rng.poisson(3, 15)                  # feature 1 depends on the class
X = load("diabetes_data_raw.csv.gz")
y = load("diabetes_target.csv.gz")
sex = X[:, 1]
c2, p2 = chi2(counts, labels)
fc, pc = f_classif(np.delete(X, 1, axis=1), sex)               # the other features by sex (2 groups)
y_class = np.digitize(y, np.quantile(y, [1 / 3, 2 / 3]))      # diabetes progression in 3 bands
fc3, pc3 = f_classif(np.delete(X, 1, axis=1), y_class)
fr, pr = f_regression(X, y)
out["filters"] = {"counts": counts.tolist(), "labels": labels.tolist(), "chi2": c2.tolist(), "chi2_p": p2.tolist(),
                  "fclassif_sex": fc.tolist(), "fclassif_sex_p": pc.tolist(),
                  "y_class": y_class.astype(float).tolist(), "fclassif_bands": fc3.tolist(), "fclassif_bands_p": pc3.tolist(),
                  "fregression": fr.tolist(), "fregression_p": pr.tolist()}

# RFE with ordinary least squares on standardised diabetes features.
Xs = StandardScaler().fit_transform(X)
rfe = RFE(LinearRegression(), n_features_to_select=3, step=1).fit(Xs, y)
rfe2 = RFE(LinearRegression(), n_features_to_select=4, step=2).fit(Xs, y)
out["rfe"] = {"ranking_3_step1": rfe.ranking_.tolist(), "ranking_4_step2": rfe2.ranking_.tolist()}

# Signed feature hashing of string tokens.
tokens = [["city=Paris", "device=ios", "hour=13"], ["city=Lyon", "device=android", "hour=2", "ü=ß"], ["a", "ab", "abc", "abcd", "abcde"]]
fh = FeatureHasher(n_features=16, input_type="string", alternate_sign=True)
out["hashing"] = {"tokens": tokens, "buckets": 16, "values": fh.transform(tokens).toarray().tolist()}

with open(os.path.join(HERE, "week08_features.json"), "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out["versions"]))
