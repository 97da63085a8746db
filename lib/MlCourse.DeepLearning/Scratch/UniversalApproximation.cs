using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>
/// The idea behind the universal approximation theorem, as weights one can write down (Week 9,
/// "Universal approximation"): a steep sigmoid unit is a smoothed step, and a weighted sum of N
/// steps is a staircase that follows any continuous f on [low, high] more closely as N grows.
/// </summary>
public static class UniversalApproximation
{
    /// <summary>
    /// A 1 → width → 1 sigmoid network built, not trained, to follow f: the interval is cut into
    /// width + 1 cells; unit k steps up at the edge between cells k−1 and k by f(centre_k) − f(centre_(k−1)),
    /// and the output bias is f at the first centre. The steepness is <paramref name="steepness"/> / cell width,
    /// so each step is a fixed fraction of a cell wide at every width.
    /// </summary>
    // <snippet name="staircase-network">
    public static ScratchMlp Staircase(Func<double, double> f, double low, double high, int width, double steepness = 4.0)
    {
        Guard.NotNull(f, nameof(f));
        Guard.GreaterThan(high, low, nameof(high), nameof(low));
        Guard.Positive(width, nameof(width));
        Guard.Positive(steepness, nameof(steepness));
        double cell = (high - low) / (width + 1), s = steepness / cell;
        double Centre(int k) => low + (k + 0.5) * cell;
        var w1 = new double[width];
        var b1 = new double[width];
        var w2 = new double[width];
        for (int k = 1; k <= width; k++)
        {
            double edge = low + k * cell;
            w1[k - 1] = s;                              // σ(s(x − edge)): a step at the edge
            b1[k - 1] = -s * edge;
            w2[k - 1] = f(Centre(k)) - f(Centre(k - 1)); // the step's height
        }
        return ScratchMlp.FromParameters([1, width, 1], ActivationKind.Sigmoid, [w1, w2], [b1, [f(Centre(0))]]);
    }
    // </snippet>
}
