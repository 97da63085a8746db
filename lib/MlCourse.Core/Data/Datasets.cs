using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Core.Data;

/// <summary>
/// The classic datasets shipped in data/ (see data/README.md for origin and licence).
/// Every loader verifies the file's checksum first and returns fresh matrices, so callers
/// may modify what they get.
/// </summary>
public static class Datasets
{
    /// <summary>Diabetes (Efron et al. 2004): 442 patients, 10 raw baseline features, disease progression after one year.</summary>
    public static Dataset Diabetes(string? dataDirectory = null)
    {
        var rows = VerifiedFile.ReadLines("diabetes_data_raw.csv.gz", dataDirectory)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToArray()).ToArray();
        var target = VerifiedFile.ReadLines("diabetes_target.csv.gz", dataDirectory).Select(l => Parse(l.Trim())).ToArray();
        if (rows.Length != target.Length)
            throw new InvalidDataException($"Diabetes features have {rows.Length} rows but the target has {target.Length}.");
        return new Dataset("diabetes", Matrix<double>.Build.DenseOfRowArrays(rows), Vector<double>.Build.DenseOfArray(target),
            ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], [],
            "Efron, Hastie, Johnstone, Tibshirani (2004), Least Angle Regression; raw (unscaled) features as shipped with scikit-learn.");
    }

    public static Dataset Iris(string? dataDirectory = null) => LoadLabelled("iris", "iris.csv", dataDirectory,
        ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"], "Fisher (1936), UCI Machine Learning Repository.");

    public static Dataset Wine(string? dataDirectory = null) => LoadLabelled("wine", "wine_data.csv", dataDirectory,
        ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols",
         "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"], "UCI Wine.");

    public static Dataset BreastCancer(string? dataDirectory = null) => LoadLabelled("breast_cancer", "breast_cancer.csv", dataDirectory,
        BreastCancerFeatures, "UCI Breast Cancer Wisconsin (Diagnostic).");

    /// <summary>8x8 handwritten digits, pixel intensities 0-16, labels 0-9.</summary>
    public static Dataset Digits(string? dataDirectory = null)
    {
        var rows = VerifiedFile.ReadLines("digits.csv.gz", dataDirectory).Select(l => l.Split(',').Select(Parse).ToArray()).ToArray();
        var x = Matrix<double>.Build.Dense(rows.Length, 64, (i, j) => rows[i][j]);
        var y = Vector<double>.Build.Dense(rows.Length, i => rows[i][64]);
        var names = Enumerable.Range(0, 64).Select(k => $"pixel_{k / 8}_{k % 8}").ToArray();
        return new Dataset("digits", x, y, names, Enumerable.Range(0, 10).Select(d => d.ToString()).ToArray(),
            "UCI Optical Recognition of Handwritten Digits (8x8 version).");
    }

    // scikit-learn's format: header "n_samples,n_features,class names...", then features and an integer label per row.
    private static Dataset LoadLabelled(string name, string file, string? dataDirectory, string[] featureNames, string origin)
    {
        var lines = VerifiedFile.ReadLines(file, dataDirectory);
        var header = lines[0].Split(',');
        int n = int.Parse(header[0], CultureInfo.InvariantCulture), d = int.Parse(header[1], CultureInfo.InvariantCulture);
        if (lines.Count - 1 != n || featureNames.Length != d)
            throw new InvalidDataException($"{file}: header promises {n} samples x {d} features, found {lines.Count - 1} rows and {featureNames.Length} known feature names.");
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(Parse).ToArray()).ToArray();
        var x = Matrix<double>.Build.Dense(n, d, (i, j) => rows[i][j]);
        var y = Vector<double>.Build.Dense(n, i => rows[i][d]);
        return new Dataset(name, x, y, featureNames, header.Skip(2).ToArray(), origin);
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static readonly string[] BreastCancerFeatures =
    [
        "mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness", "mean compactness", "mean concavity",
        "mean concave points", "mean symmetry", "mean fractal dimension", "radius error", "texture error", "perimeter error",
        "area error", "smoothness error", "compactness error", "concavity error", "concave points error", "symmetry error",
        "fractal dimension error", "worst radius", "worst texture", "worst perimeter", "worst area", "worst smoothness",
        "worst compactness", "worst concavity", "worst concave points", "worst symmetry", "worst fractal dimension",
    ];
}
