using MlCourse.Notebook;

namespace MlCourse.Tests.Classical;

/// <summary>
/// The Week 1 notebook shows these library snippets with LibrarySource.Show(name); each must exist,
/// sit in the file that implements it, and contain the line that does the work (so a refactor that
/// moves the code out of the markers fails here, not in front of a learner).
/// </summary>
public class SnippetTests
{
    [Theory]
    [InlineData("normal-equation", "LinearModels/LinearRegression.cs", "gram.Cholesky().Solve(moment)")]
    [InlineData("qr-solve", "LinearModels/LinearRegression.cs", "QR(QRMethod.Thin)")]
    [InlineData("svd-min-norm", "LinearModels/LinearRegression.cs", "/ svd.S[i]")]
    [InlineData("ridge-closed-form", "LinearModels/RidgeRegression.cs", "Cholesky().Solve")]
    [InlineData("lasso-soft-threshold", "LinearModels/LassoRegression.cs", "public static double SoftThreshold")]
    [InlineData("lasso-coordinate-update", "LinearModels/LassoRegression.cs", "SoftThreshold(rho, alpha) / curvature[j]")]
    [InlineData("mse-gradient", "Losses/LinearModelGradient.cs", "TransposeThisAndMultiply(r) * (2.0 / n)")]
    [InlineData("huber-loss", "Losses/HuberLoss.cs", "Math.Clamp(yHat[i] - y[i], -Delta, Delta)")]
    [InlineData("gd-update", "LinearModels/GradientDescentRegressor.cs", "w -= lr * gradW;")]
    [InlineData("polynomial-features", "Preprocessing/PolynomialFeatures.cs", "product *= x[i, j]")]
    [InlineData("bias-variance", "ModelSelection/BiasVarianceDecomposition.cs", "double noise = noiseStd * noiseStd;")]
    public void Week_1_snippets_exist_and_contain_their_key_line(string name, string file, string keyLine)
    {
        var snippet = LibrarySource.Get(name);
        Assert.Equal("lib/MlCourse.Classical/" + file, snippet.File);
        Assert.Contains(keyLine, snippet.Code);
    }
}
