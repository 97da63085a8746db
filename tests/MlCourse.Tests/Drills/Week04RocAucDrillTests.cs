using Drills.Week04;
using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Metrics;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Week04;

namespace MlCourse.Tests.Drills;

public class Week04RocAucDrillTests
{
    [Theory]
    [InlineData("curves")]
    [InlineData("curves_large")]
    public void Drill_matches_scikit_learn_roc_auc_score_with_ties(string name)
    {
        // Expected: roc_auc_score recorded by tests/reference/week04_evaluation.py (12 and 400 tied scores).
        var r = Week04Reference.Get(name);
        int[] y = r.Vector("y").Select(v => (int)v).ToArray();
        Assert.Equal(r.Number("auc"), RocAucDrill.Auc(y, r.Vector("scores").ToArray()), 1e-13);
    }

    [Fact]
    public void Drill_agrees_with_the_library_and_the_pairwise_definition()
    {
        var rng = Seeded.Random(12);
        int n = 500;
        var y = new int[n];
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.NextDouble() < 0.1 ? 1 : 0;                       // rare positives
            scores[i] = Math.Round(rng.NextGaussian() + 1.5 * y[i], 1);  // rounding creates ties
        }
        double wins = 0, pairs = 0;                                      // O(P·N) definition
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (y[i] == 1 && y[j] == 0) { pairs++; wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0; }

        double drill = RocAucDrill.Auc(y, scores);
        Assert.Equal(wins / pairs, drill, 1e-12);
        Assert.Equal(RocCurve.Auc(Vector<double>.Build.DenseOfEnumerable(y.Select(v => (double)v)), Vector<double>.Build.DenseOfArray(scores)), drill, 1e-12);
    }

    [Fact]
    public void Drill_depends_only_on_the_ranking()
    {
        int[] y = [0, 1, 0, 1, 1, 0, 0];
        double[] s = [0.2, 0.9, 0.4, 0.3, 0.8, 0.1, 0.35];
        Assert.Equal(RocAucDrill.Auc(y, s), RocAucDrill.Auc(y, s.Select(v => Math.Exp(5 * v)).ToArray()), 1e-15);
    }

    [Fact]
    public void Drill_rejects_a_single_class_and_bad_labels()
    {
        Assert.Contains("only one class", Assert.Throws<ArgumentException>(() => RocAucDrill.Auc([1, 1], [0.2, 0.4])).Message);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => RocAucDrill.Auc([0, 2], [0.2, 0.4])).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => RocAucDrill.Auc([0, 1], [0.2])).ParamName);
    }
}
