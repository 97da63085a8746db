using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Decomposition;
using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Decomposition;

public class PcaTests
{
    private static Matrix<double> FlipToMatch(Matrix<double> expected, Matrix<double> actual)
    {
        // Components are defined up to sign: orient each row of actual like the expected one.
        var aligned = actual.Clone();
        for (int c = 0; c < actual.RowCount; c++)
            if (expected.Row(c).DotProduct(actual.Row(c)) < 0) aligned.SetRow(c, -actual.Row(c));
        return aligned;
    }

    [Fact]
    public void Components_and_spectrum_match_scikit_learn_on_digits()
    {
        // Expected: PCA(svd_solver="full").fit(digits), recorded by tests/reference/week07_unsupervised.py.
        var pca = new Pca().Fit(Week07Reference.Digits());
        Expect.Close(Week07Reference.Vector("pca", "explained_variance"), pca.ExplainedVariance, 1e-8);
        Expect.Close(Week07Reference.Vector("pca", "explained_variance_ratio"), pca.ExplainedVarianceRatio, 1e-12);
        Expect.Close(Week07Reference.Vector("pca", "singular_values"), pca.SingularValues, 1e-8);
        Expect.Close(Week07Reference.Vector("pca", "mean"), pca.Mean, 1e-12);
        // The last components have (near-)zero variance, tied eigenvalues (constant pixels) leave their directions arbitrary:
        // compare the 40 well-separated ones.
        var expected = Week07Reference.Matrix("pca", "components").SubMatrix(0, 40, 0, 64);
        var actual = pca.Components.SubMatrix(0, 40, 0, 64);
        Expect.Close(expected, FlipToMatch(expected, actual), 1e-7, "components (up to sign)");
    }

    [Fact]
    public void Signs_follow_svd_flip_like_scikit_learn()
    {
        // Expected: the same recording; scikit-learn's svd_flip makes U's largest entry positive, as ours does.
        var expected = Week07Reference.Matrix("pca", "components").SubMatrix(0, 10, 0, 64);
        var actual = new Pca(10).Fit(Week07Reference.Digits()).Components;
        Expect.Close(expected, actual, 1e-7, "components with signs");
    }

    [Fact]
    public void Whitened_scores_and_reconstruction_match_scikit_learn()
    {
        // Expected: PCA(10, whiten=True).transform(X[:5]) and PCA(10).inverse_transform(transform(X[:5])), same script.
        var x = Week07Reference.Digits();
        var first5 = x.SubMatrix(0, 5, 0, 64);
        var whitened = new Pca(10, whiten: true).Fit(x);
        Expect.Close(Week07Reference.Matrix("pca", "whitened_first5"), whitened.Transform(first5), 1e-8, "whitened scores");
        var plain = new Pca(10).Fit(x);
        Expect.Close(Week07Reference.Matrix("pca", "reconstructed10_first5"), plain.InverseTransform(plain.Transform(first5)), 1e-8);
        // Whitening is undone by InverseTransform too.
        Expect.Close(plain.InverseTransform(plain.Transform(first5)), whitened.InverseTransform(whitened.Transform(first5)), 1e-9);
    }

    [Fact]
    public void Whitened_scores_have_identity_covariance()
    {
        // Closed form: Z = U √(n−1), so ZᵀZ/(n−1) = I.
        var x = Week07Reference.Digits();
        var z = new Pca(8, whiten: true).FitTransform(x);
        var cov = z.TransposeThisAndMultiply(z) / (x.RowCount - 1);
        Expect.Close(Matrix<double>.Build.DenseIdentity(8), cov, 1e-9);
    }

    [Fact]
    public void Number_of_components_for_95_percent_matches_scikit_learn()
    {
        // Expected: PCA(n_components=0.95).n_components_, same script.
        int expected = Week07Reference.Get("pca").GetProperty("n_components_95").GetInt32();
        Assert.Equal(expected, new Pca().Fit(Week07Reference.Digits()).ComponentsToExplain(0.95));
    }

    [Fact]
    public void Components_are_the_covariance_eigenvectors()
    {
        // Independent route: the symmetric eigendecomposition of the sample covariance (spectral theorem).
        var rng = Seeded.Random(3);
        var x = Matrix<double>.Build.Dense(50, 4, (_, _) => rng.NextGaussian()) * Matrix<double>.Build.DenseOfArray(new double[,]
            { { 3, 0, 0, 0 }, { 1, 2, 0, 0 }, { 0, 1, 1, 0 }, { 0, 0, 0.5, 0.2 } });
        var pca = new Pca().Fit(x);
        var xc = x - Matrix<double>.Build.Dense(50, 4, (_, j) => pca.Mean[j]);
        var cov = xc.TransposeThisAndMultiply(xc) / 49;
        for (int c = 0; c < 4; c++)
        {
            var v = pca.Components.Row(c);
            Expect.Close(v * pca.ExplainedVariance[c], cov * v, 1e-10, $"C v = λ v for component {c}");
        }
    }

    [Fact]
    public void Reconstruction_error_is_the_variance_left_in_the_dropped_components()
    {
        // Max variance = min reconstruction error: mean ‖x − x̂‖² = (n−1)/n · Σ_{c>k} λ_c.
        var x = Week07Reference.Digits();
        var all = new Pca().Fit(x);
        for (int k = 1; k <= 60; k += 7)
        {
            double dropped = all.ExplainedVariance.SubVector(k, 64 - k).Sum() * (x.RowCount - 1) / x.RowCount;
            Expect.Close(dropped, new Pca(k).Fit(x).ReconstructionError(x), 1e-7 * dropped + 1e-9, $"k = {k}");
        }
    }

    [Fact]
    public void Rejects_more_components_than_min_of_rows_and_columns()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Pca(5).Fit(Matrix<double>.Build.Dense(3, 4, 1.0)));
        Assert.Contains("min(3, 4) = 3", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pca(0));
        Assert.Throws<NotFittedException>(() => new Pca().Components);
        var fitted = new Pca(2).Fit(Matrix<double>.Build.Dense(5, 3, (i, j) => i * j + i * i + j));
        Assert.Throws<ArgumentException>(() => fitted.Transform(Matrix<double>.Build.Dense(2, 4)));
    }
}
