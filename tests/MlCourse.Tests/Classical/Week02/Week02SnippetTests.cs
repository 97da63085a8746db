using MlCourse.Notebook;

namespace MlCourse.Tests.Classical.Week02;

/// <summary>
/// The Week 2 notebook shows these library snippets with LibrarySource.Show(name); each must exist, sit in the file that
/// implements it, and contain the line that does the work.
/// </summary>
public class Week02SnippetTests
{
    [Theory]
    [InlineData("stable-sigmoid", "Numerics/Sigmoid.cs", "double e = Math.Exp(z);")]
    [InlineData("log-sum-exp", "Numerics/SoftmaxFunctions.cs", "z.Map(v => Math.Exp(v - m))")]
    [InlineData("bce-from-logits", "Losses/BinaryCrossEntropy.cs", "Sigmoid.Softplus(logits[i]) - y[i] * logits[i]")]
    [InlineData("cce-from-logits", "Losses/CategoricalCrossEntropy.cs", "g[i, (int)y[i]] -= 1.0")]
    [InlineData("logistic-gradient-hessian", "LinearModels/LogisticObjective.cs", "s[i] = Weight(i) * p * (1 - p)")]
    [InlineData("newton-step", "Optimization/NewtonOptimizer.cs", "-SolvePositiveDefinite(h, g)")]
    [InlineData("proximal-step", "LinearModels/LogisticProximalGradient.cs", "LassoRegression.SoftThreshold(v[j], step * l1)")]
    [InlineData("softmax-gradient", "LinearModels/SoftmaxObjective.cs", "CategoricalCrossEntropy.LogitGradient(_y, Logits(t))")]
    public void Week_2_snippets_exist_and_contain_their_key_line(string name, string file, string keyLine)
    {
        var snippet = LibrarySource.Get(name);
        Assert.Equal("lib/MlCourse.Classical/" + file, snippet.File);
        Assert.Contains(keyLine, snippet.Code);
    }
}
