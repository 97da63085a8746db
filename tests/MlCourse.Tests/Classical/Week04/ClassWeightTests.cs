using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Numerics;
using MlCourse.Tests.Classical.Support;
using MlCourse.Tests.Classical.Week02;

namespace MlCourse.Tests.Classical.Week04;

public class ClassWeightTests
{
    private static (Matrix<double> X, Vector<double> y) Case(string name)
    {
        var (x, y) = Week02Data.BreastCancerStandardized();
        if (name.StartsWith("full data", StringComparison.Ordinal)) return (x, y);
        // The script's subset: every label-1 row and the label-0 rows whose index is a multiple of 5.
        var rows = Enumerable.Range(0, y.Count).Where(i => y[i] == 1 || i % 5 == 0).ToArray();
        return (Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row)), Vector<double>.Build.DenseOfEnumerable(rows.Select(i => y[i])));
    }

    // The script's case names read "<data>, <weighting>[, C=...]": the weighting is the second part.
    private static ClassWeight WeightFor(string name) => name.Split(", ")[1] switch
    {
        "uniform" => ClassWeight.Uniform,
        "balanced" => ClassWeight.Balanced,
        "manual {0: 4" => ClassWeight.Manual(new Dictionary<int, double> { [0] = 4.0, [1] = 1.0 }),
        var other => throw new InvalidOperationException($"Unknown weighting '{other}' in reference case '{name}'."),
    };

    [Fact]
    public void Class_weighted_logistic_regression_matches_scikit_learn()
    {
        // Expected: scikit-learn 1.2.1 LogisticRegression(class_weight=...) with newton-cg at tol 1e-12, recorded by
        // tests/reference/week04_class_weights.py; its largest gradient entry is ≤ 4e-11 (recorded), so its weights are
        // within about g/alpha ≲ 1e-8 of the minimiser (alpha ≥ 1/569): we allow 1e-6.
        foreach (var reference in Reference.Load("week04_class_weights.json").GetProperty("cases").EnumerateArray())
        {
            string name = reference.GetProperty("name").GetString()!;
            var (x, y) = Case(name);
            Assert.Equal(reference.GetProperty("rows").GetInt32(), x.RowCount);
            var weight = WeightFor(name);
            Expect.Close(Reference.Vector(reference.GetProperty("class_weights")), PerClass(weight, y), 1e-12, name + " class weights");

            var model = new LogisticRegression(alpha: reference.GetProperty("alpha").GetDouble(), tolerance: 1e-12, classWeight: weight).Fit(x, y);
            Assert.True(model.Converged, name);
            Expect.Close(Reference.Vector(reference.GetProperty("coefficients")), model.Coefficients, 1e-6, name);
            Expect.Close(reference.GetProperty("intercept").GetDouble(), model.Intercept, 1e-6, name);
        }
    }

    [Fact]
    public void An_integer_class_weight_equals_repeating_that_class_rows()
    {
        // Independent of scikit-learn: weighting class 0 by 3 puts Σ 3ℓ_i over its rows in the loss, exactly what
        // three copies of each row give. With n' rows after copying, (1/n')Σℓ + (α'/2)||w||² is the weighted
        // objective (1/n)Σcℓ + (α/2)||w||² times n/n' when α = α'·n'/n, so both fits have the same minimiser.
        var (x, y) = Case("imbalanced");
        var zeros = Enumerable.Range(0, y.Count).Where(i => y[i] == 0).ToArray();
        var rows = Enumerable.Range(0, y.Count).Concat(zeros).Concat(zeros).ToArray();
        var xRepeated = Matrix<double>.Build.DenseOfRowVectors(rows.Select(x.Row));
        var yRepeated = Vector<double>.Build.DenseOfEnumerable(rows.Select(i => y[i]));
        double alphaRepeated = 0.01, alpha = alphaRepeated * rows.Length / y.Count;

        var repeated = new LogisticRegression(alpha: alphaRepeated, tolerance: 1e-12).Fit(xRepeated, yRepeated);
        var weighted = new LogisticRegression(alpha: alpha, tolerance: 1e-12,
            classWeight: ClassWeight.Manual(new Dictionary<int, double> { [0] = 3.0 })).Fit(x, y);

        Expect.Close(repeated.Coefficients, weighted.Coefficients, 1e-9, "coefficients");
        Expect.Close(repeated.Intercept, weighted.Intercept, 1e-9, "intercept");
    }

    [Fact]
    public void Balanced_weights_give_every_class_the_same_total_weight()
    {
        var (_, y) = Case("imbalanced");
        var c = ClassWeight.Balanced.SampleWeights(y, 2);
        double total0 = Enumerable.Range(0, y.Count).Where(i => y[i] == 0).Sum(i => c[i]);
        double total1 = Enumerable.Range(0, y.Count).Where(i => y[i] == 1).Sum(i => c[i]);
        Assert.Equal(y.Count / 2.0, total0, 9);   // n/K each: c(k)·n_k = n/K
        Assert.Equal(y.Count / 2.0, total1, 9);
        Assert.True(ClassWeight.Uniform.SampleWeights(y, 2).All(v => v == 1.0));
    }

    [Fact]
    public void Bad_class_weights_are_rejected_naming_the_argument()
    {
        var negative = Assert.Throws<ArgumentException>(() => ClassWeight.Manual(new Dictionary<int, double> { [1] = -2.0 }));
        Assert.Equal("weights", negative.ParamName);
        Assert.Contains("class 1 has weight -2", negative.Message);
        Assert.Throws<ArgumentException>(() => ClassWeight.Manual(new Dictionary<int, double> { [-1] = 1.0 }));
        var (x, y) = Case("imbalanced");
        var unknown = Assert.Throws<ArgumentException>(() =>
            new LogisticRegression(classWeight: ClassWeight.Manual(new Dictionary<int, double> { [2] = 5.0 })).Fit(x, y));
        Assert.Contains("label(s) 2", unknown.Message);
    }

    // c(0) and c(1) as the fit sees them, read off the sample weights of the training labels.
    private static Vector<double> PerClass(ClassWeight weight, Vector<double> y)
    {
        var c = weight.SampleWeights(y, 2);
        int first0 = Enumerable.Range(0, y.Count).First(i => y[i] == 0), first1 = Enumerable.Range(0, y.Count).First(i => y[i] == 1);
        return Vector<double>.Build.DenseOfArray([c[first0], c[first1]]);
    }
}
