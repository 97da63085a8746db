using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Numerics;

/// <summary>
/// How much each class's samples count in a classifier's loss (Week 4, "Imbalanced data"): the loss becomes
/// (1/n) Σ_i c(y_i)·ℓ_i. Uniform weights give the plain mean; <see cref="Balanced"/> gives c(k) = n/(K·n_k), so that
/// every class contributes the same total weight n/K however rare it is: the same rule as scikit-learn's
/// class_weight="balanced".
/// </summary>
/// <remarks>
/// Re-weighting a class by c is the same as duplicating each of its samples c times (for integer c), so it moves the
/// fitted decision boundary toward the majority class, like oversampling the minority but without repeated rows.
/// The predicted probabilities are then calibrated to the re-weighted problem, not to the true prevalence.
/// </remarks>
public sealed class ClassWeight
{
    private readonly IReadOnlyDictionary<int, double>? _manual;

    private ClassWeight(string name, IReadOnlyDictionary<int, double>? manual)
    {
        Name = name;
        _manual = manual;
    }

    /// <summary>Every sample weighs 1 (the unweighted loss).</summary>
    public static ClassWeight Uniform { get; } = new("uniform", null);

    /// <summary>c(k) = n/(K·n_k), computed from the labels passed to Fit.</summary>
    public static ClassWeight Balanced { get; } = new("balanced", null);

    /// <summary>Given weights per class label (0..K−1); a label not listed weighs 1.</summary>
    public static ClassWeight Manual(IReadOnlyDictionary<int, double> weights)
    {
        Guard.NotNull(weights, nameof(weights));
        foreach (var (label, weight) in weights)
        {
            if (label < 0) throw new ArgumentException($"{nameof(weights)} must use class labels 0..K-1, but has label {label}.", nameof(weights));
            if (!(weight > 0) || !double.IsFinite(weight))
                throw new ArgumentException($"{nameof(weights)} must be positive and finite, but class {label} has weight {weight}.", nameof(weights));
        }
        return new ClassWeight("manual " + string.Join(", ", weights.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")),
            new Dictionary<int, double>(weights));
    }

    /// <summary>"uniform", "balanced" or "manual 0: 1, 1: 5".</summary>
    public string Name { get; }

    public bool IsUniform => ReferenceEquals(this, Uniform);

    /// <summary>
    /// The weight of every sample, c(y_i), for labels 0..K−1 (already validated by the caller). Balanced weights
    /// need every class present, which the labels' validation guarantees.
    /// </summary>
    public Vector<double> SampleWeights(Vector<double> y, int classCount)
    {
        Guard.Vector(y, nameof(y));
        Guard.Positive(classCount, nameof(classCount));
        if (IsUniform) return Vector<double>.Build.Dense(y.Count, 1.0);
        var perClass = new double[classCount];
        if (_manual is null)
        {
            var counts = new int[classCount];
            foreach (var label in y) counts[(int)label]++;
            for (int k = 0; k < classCount; k++)
                perClass[k] = counts[k] == 0 ? 0.0 : y.Count / (double)(classCount * counts[k]);
        }
        else
        {
            for (int k = 0; k < classCount; k++) perClass[k] = _manual.TryGetValue(k, out var w) ? w : 1.0;
            var unknown = _manual.Keys.Where(k => k >= classCount).ToArray();
            if (unknown.Length > 0)
                throw new ArgumentException($"The class weights name label(s) {string.Join(", ", unknown)}, but y has labels 0..{classCount - 1} only.", nameof(y));
        }
        var weights = new double[y.Count];
        for (int i = 0; i < y.Count; i++) weights[i] = perClass[(int)y[i]];
        return Vector<double>.Build.DenseOfArray(weights);
    }

    public override string ToString() => Name;
}
