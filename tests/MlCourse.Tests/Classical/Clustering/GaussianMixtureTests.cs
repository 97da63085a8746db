using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Clustering;
using MlCourse.Core.Data;
using MlCourse.Tests.Classical.Support;
using MlCourse.Tests.Classical.Trees;

namespace MlCourse.Tests.Classical.Clustering;

public class GaussianMixtureTests
{
    private static JsonElement Case(string name) => Reference.Load("week07_gmm.json").GetProperty(name);

    private static GaussianMixture FitLikeTheScript(JsonElement r, Matrix<double> x, int? maxIter = null)
    {
        var rows = r.GetProperty("init_rows").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var start = Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row));
        return new GaussianMixture(rows.Length, maxIter ?? 500, tol: r.Number("tol"), regCovar: r.Number("reg_covar")).Fit(x, start);
    }

    [Theory]
    [InlineData("iris_k3")]
    [InlineData("iris_k2")]
    public void EM_reproduces_scikit_learn_GaussianMixture_on_iris(string name)
    {
        // Expected: GaussianMixture(covariance_type="full") from means_init = the listed rows, uniform weights and
        // identity precisions, recorded by tests/reference/week07_gmm.py (scikit-learn 1.2.1).
        var r = Case(name);
        var x = Datasets.Iris().X;
        var model = FitLikeTheScript(r, x);
        Assert.Equal(r.GetProperty("n_iter").GetInt32(), model.Iterations);
        Assert.Equal(r.GetProperty("converged").GetBoolean(), model.Converged);
        Assert.Equal(r.Number("lower_bound"), model.LogLikelihoodHistory[^1], 1e-9);
        Assert.Equal(r.Number("score"), model.Score(x), 1e-9);
        var weights = Reference.Vector(r.GetProperty("weights"));
        var means = Reference.Matrix(r.GetProperty("means"));
        var covariances = r.GetProperty("covariances").EnumerateArray().Select(Reference.Matrix).ToArray();
        for (int k = 0; k < model.K; k++)
        {
            Assert.Equal(weights[k], model.Weights[k], 1e-9);
            for (int j = 0; j < x.ColumnCount; j++)
            {
                Assert.Equal(means[k, j], model.Means[k, j], 1e-9);
                for (int l = 0; l < x.ColumnCount; l++) Assert.Equal(covariances[k][j, l], model.Covariances[k][j, l], 1e-9);
            }
        }
        var probe = r.GetProperty("probe_rows").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var expectedProba = Reference.Matrix(r.GetProperty("predict_proba"));
        var proba = model.PredictProbability(Matrix<double>.Build.DenseOfRowVectors(probe.Select(x.Row)));
        for (int i = 0; i < probe.Length; i++)
            for (int k = 0; k < model.K; k++) Assert.Equal(expectedProba[i, k], proba[i, k], 1e-7);
        Assert.Equal(r.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()), model.Predict(x));
    }

    [Fact]
    public void The_log_likelihood_trajectory_matches_scikit_learn_and_never_decreases()
    {
        // Expected: lower_bound_ of fits with max_iter = 1, 2, ..., n_iter_ (the script); EM's monotonicity is a theorem.
        var r = Case("iris_k3");
        var trajectory = r.Doubles("lower_bound_trajectory");
        var model = FitLikeTheScript(r, Datasets.Iris().X);
        Assert.Equal(trajectory.Length, model.LogLikelihoodHistory.Count);
        for (int t = 0; t < trajectory.Length; t++) Assert.Equal(trajectory[t], model.LogLikelihoodHistory[t], 1e-9);
        for (int t = 1; t < trajectory.Length; t++) Assert.True(model.LogLikelihoodHistory[t] >= model.LogLikelihoodHistory[t - 1] - 1e-12, $"step {t} decreased");
    }

    [Fact]
    public void The_log_density_of_one_component_equals_the_multivariate_normal_formula()
    {
        // Closed form: with K = 1, EM's first M-step gives the sample mean and the (biased) sample covariance, and
        // score = mean of log N(x | x̄, S) written out with the determinant and inverse of S.
        var x = Datasets.Iris().X;
        var model = new GaussianMixture(1, regCovar: 0).Fit(x);
        int n = x.RowCount, d = x.ColumnCount;
        var mean = x.ColumnSums() / n;
        var centred = x - Matrix<double>.Build.Dense(n, d, (_, j) => mean[j]);
        var s = centred.TransposeThisAndMultiply(centred) / n;
        var inverse = s.Inverse();
        double expected = Enumerable.Range(0, n).Average(i =>
            -0.5 * (d * Math.Log(2 * Math.PI) + Math.Log(s.Determinant()) + centred.Row(i) * inverse * centred.Row(i)));
        Assert.Equal(expected, model.Score(x), 1e-9);
    }

    [Fact]
    public void Bad_arguments_fail_naming_them()
    {
        var x = Datasets.Iris().X;
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianMixture(0)).ParamName);
        Assert.Equal("regCovar", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianMixture(2, regCovar: -1)).ParamName);
        Assert.Equal("initialMeans", Assert.Throws<ArgumentException>(() => new GaussianMixture(3).Fit(x, x.SubMatrix(0, 2, 0, 4))).ParamName);
        Assert.Equal("K", Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianMixture(200).Fit(x)).ParamName);
    }
}
