using MlCourse.Learning.Drills;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Drills;

/// <summary>
/// Mistakes that convergence checks hide, each with the hidden check written to catch it. Most are the
/// drill's own Reference.cs with one edit (so the wrong solution is right in every other way and stays in
/// step with the reference); a mistake that rewrites a whole method is a fixture file under Fixtures/Drills/Wrong.
/// </summary>
public class DrillMistakeTests
{
    private sealed record Mistake(string Drill, string Check, (string Right, string Wrong)[] Edits, string? Fixture = null);

    private static readonly Dictionary<string, Mistake> Mistakes = new()
    {
        // d/dŷ (ŷ − y)² taken as (ŷ − y): gradient descent still converges, at half the speed.
        ["week-01 gradient without the factor 2"] = new("week-01-linear-regression",
            "one gradient step from zero has the factor 2 of the MSE gradient",
            [("gw[j] += 2 * err * X[i][j] / n;", "gw[j] += err * X[i][j] / n;"), ("gb += 2 * err / n;", "gb += err / n;")]),
        // θ = (XᵀX)⁻¹Xᵀy by Gauss-Jordan inversion: exact on well-conditioned data.
        ["week-01 explicit inverse of XᵀX"] = new("week-01-linear-regression",
            "an ill-conditioned design is solved, not inverted (backward-stable residual)", [], "week-01-linear-regression.inverse.cs"),
        // Validation that tests for NaN only: +∞ gives NaN probabilities, −∞ a silent 0.
        ["week-02 NaN refused, infinity let through"] = new("week-02-stable-softmax",
            "an infinite logit (+∞ or −∞) is refused with ArgumentException",
            [("if (!double.IsFinite(z[k]))", "if (double.IsNaN(z[k]))")]),
        // The last iterate instead of the second half's average: it oscillates only slightly after thousands of epochs.
        ["week-06 last iterate, no averaging"] = new("week-06-hinge-svm",
            "the step is 1/(λt) and the second half's iterates are averaged",
            [("return (wSum.Select(v => v / averaged).ToArray(), bSum / averaged);", "return (w, b);")]),
        // A 0-based loop's step formula kept with t counted from 1: every step a little short.
        ["week-06 Pegasos step off by one"] = new("week-06-hinge-svm",
            "the step is 1/(λt) and the second half's iterates are averaged",
            [("double eta = 1.0 / (lambda * t);", "double eta = 1.0 / (lambda * (t + 1));")]),
    };

    public static TheoryData<string> MistakeNames() => [.. Mistakes.Keys];

    [Theory]
    [MemberData(nameof(MistakeNames))]
    public async Task A_mistake_that_convergence_hides_fails_the_check_written_for_it(string name)
    {
        var mistake = Mistakes[name];
        var drill = new DrillCatalog(Repo.Root).TryFind(mistake.Drill)!;
        var file = mistake.Fixture is { } fixture ? Repo.Fixture(Path.Combine("Wrong", fixture)) : Repo.Mutated(drill.ReferencePath, mistake.Edits);
        var report = await DrillChecker.CheckAsync(drill, file, TimeSpan.FromSeconds(30));
        Assert.Empty(report.CompileErrors);
        var failed = report.Run!.Checks.Where(c => !c.Passed).Select(c => c.Name).ToList();
        Assert.Contains(mistake.Check, failed);
        // Wrong in one way: at most one other, related check also notices.
        Assert.True(failed.Count <= 2, $"{name} fails {string.Join("; ", failed)}");
    }
}
