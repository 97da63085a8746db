using MlCourse.Notebook;

namespace MlCourse.Tests.Classical.SupportVectorMachines;

/// <summary>
/// Library snippets the Week 6 notebook shows with LibrarySource.Show(name): each must exist, sit in the file that
/// implements it, and contain the line that does the work.
/// </summary>
public class Week06SnippetTests
{
    [Theory]
    [InlineData("smo-working-set", "SupportVectorMachines/SmoSolver.cs", "double decrease = -(b * b) / (a > 0 ? a : Tau);")]
    [InlineData("smo-pair-update", "SupportVectorMachines/SmoSolver.cs", "double delta = (g[i] - g[j]) / (a > 0 ? a : Tau);")]
    [InlineData("degree2-feature-map", "SupportVectorMachines/Kernels/PolynomialFeatureMap.cs", "rootTwo * gamma * x[r, i] * x[r, j]")]
    [InlineData("rbf-kernel", "SupportVectorMachines/Kernels/Kernel.cs", "Math.Exp(-Gamma * squaredDistance)")]
    [InlineData("pegasos-step", "SupportVectorMachines/PegasosSvm.cs", "double eta = 1.0 / (lambda * steps);")]
    public void Week_6_snippets_exist_and_contain_their_key_line(string name, string file, string keyLine)
    {
        var snippet = LibrarySource.Get(name);
        Assert.Equal("lib/MlCourse.Classical/" + file, snippet.File);
        Assert.Contains(keyLine, snippet.Code);
    }
}
