using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Preprocessing;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Preprocessing;

public class PolynomialFeaturesTests
{
    [Fact]
    public void Polynomial_features_match_scikit_learn_values_names_and_order()
    {
        // Expected: sklearn PolynomialFeatures on two small cases (degree 3 with bias on 2 features;
        // degree 2 without bias on 3 named features), recorded by tests/reference/week01_linear_models.py.
        // Products of at most three small numbers: exact in binary except for one rounding each; 1e-13.
        foreach (var reference in Reference.Week01.GetProperty("polynomial_features").EnumerateArray())
        {
            var x = Reference.Matrix(reference.GetProperty("x"));
            int degree = reference.GetProperty("degree").GetInt32();
            var poly = new PolynomialFeatures(degree, reference.GetProperty("include_bias").GetBoolean()).Fit(x);
            Expect.Close(Reference.Matrix(reference.GetProperty("output")), poly.Transform(x), 1e-13, $"degree {degree}");

            var expectedNames = reference.GetProperty("names").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var names = x.ColumnCount == 3 ? poly.FeatureNames(["a", "b", "c"]) : poly.FeatureNames();
            Assert.Equal(expectedNames, names);

            var expectedPowers = reference.GetProperty("powers").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
            var powers = poly.Powers;
            for (int k = 0; k < expectedPowers.Length; k++)
                for (int j = 0; j < x.ColumnCount; j++)
                    Assert.Equal(expectedPowers[k][j], powers[k, j]);
        }
    }

    [Theory]
    [InlineData(10, 3, true, 286)]   // C(13, 3)
    [InlineData(10, 2, false, 65)]   // C(12, 2) − 1
    [InlineData(1, 9, true, 10)]     // 1, x, ..., x⁹
    public void The_output_has_binomial_many_columns(int p, int degree, bool bias, int expected)
    {
        // Monomials of total degree <= d in p variables: C(p + d, d) (stars and bars), minus 1 without the bias.
        var poly = new PolynomialFeatures(degree, bias).Fit(Matrix<double>.Build.Dense(2, p, 1.0));
        Assert.Equal(expected, poly.OutputFeatureCount);
        Assert.Equal(p, poly.InputFeatureCount);
    }

    [Fact]
    public void One_feature_gives_its_powers_in_order()
    {
        var x = Matrix<double>.Build.DenseOfColumnArrays(new[] { 2.0, -1.0 });
        var z = new PolynomialFeatures(4).FitTransform(x);
        Assert.Equal(new double[,] { { 1, 2, 4, 8, 16 }, { 1, -1, 1, -1, 1 } }, z.ToArray());
    }

    [Fact]
    public void Degree_zero_and_wrong_name_counts_are_rejected()
    {
        Assert.Equal("degree", Assert.Throws<ArgumentOutOfRangeException>(() => new PolynomialFeatures(0)).ParamName);
        var poly = new PolynomialFeatures(2).Fit(Matrix<double>.Build.Dense(3, 2, 1.0));
        var error = Assert.Throws<ArgumentException>(() => poly.FeatureNames(["a"]));
        Assert.Equal("inputNames", error.ParamName);
        Assert.Contains("2 features", error.Message);
    }

    [Fact]
    public void Feature_names_need_Fit()
    {
        var error = Assert.Throws<MlCourse.Core.Validation.NotFittedException>(() => new PolynomialFeatures(2).FeatureNames());
        Assert.Contains("PolynomialFeatures is not fitted yet: call Fit before FeatureNames", error.Message);
    }
}
