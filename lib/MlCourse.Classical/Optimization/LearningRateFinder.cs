using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Optimization;

/// <summary>What an LR range test saw.</summary>
/// <param name="Rates">The learning rate of each step taken (geometric from minLr).</param>
/// <param name="Losses">The raw mini-batch loss before each step.</param>
/// <param name="SmoothedLosses">Bias-corrected exponential moving average of Losses.</param>
/// <param name="Diverged">Whether the run stopped because the smoothed loss exceeded divergenceFactor × its best.</param>
/// <param name="MinimumLossRate">The rate at which the smoothed loss was lowest.</param>
/// <param name="SteepestRate">The rate where the smoothed loss fell fastest per unit of log(lr).</param>
public sealed record LearningRateFinderResult(IReadOnlyList<double> Rates, IReadOnlyList<double> Losses, IReadOnlyList<double> SmoothedLosses,
    bool Diverged, double MinimumLossRate, double SteepestRate)
{
    /// <summary>The usual pick: a tenth of the rate at the lowest smoothed loss (still safely on the descending part of the curve).</summary>
    public double Suggested => MinimumLossRate / 10;
}

/// <summary>
/// Smith's learning-rate range test (Week 3, "Learning rate finder"): train for one short run while the rate grows
/// geometrically from tiny to huge, and read a good rate off the loss curve.
/// </summary>
/// <remarks>
/// At tiny rates the loss barely moves; as the rate grows it starts to fall, fastest somewhere in the middle; past
/// the largest stable rate (≈ 2/L for curvature L) it rises and then explodes. Step k uses
/// lr_k = minLr·(maxLr/minLr)^(k/(steps−1)), so each decade of rates gets the same number of steps. Mini-batch
/// losses are noisy, so the curve is an exponential moving average s_k = β s_{k−1} + (1 − β) loss_k divided by
/// (1 − β^(k+1)) (the same zero-start correction as Adam's). The run stops once s exceeds divergenceFactor × its
/// best value: the rates beyond are useless and the parameters are ruined. The parameters change during the test,
/// so train afterwards from a fresh start.
/// </remarks>
public static class LearningRateFinder
{
    /// <param name="lossAndGradient">(θ, step) → the mini-batch loss at θ and its gradient; draw the batch from the step index.</param>
    /// <param name="start">Initial parameters (not modified; the test works on a copy).</param>
    /// <param name="optimizer">The optimiser to probe (reset first); its own rate and schedule are ignored.</param>
    /// <param name="minLr">Smallest rate (> 0).</param>
    /// <param name="maxLr">Largest rate (> minLr).</param>
    /// <param name="steps">Number of rates tried (≥ 2).</param>
    /// <param name="smoothing">β in [0, 1).</param>
    /// <param name="divergenceFactor">Stop when the smoothed loss exceeds this multiple of its best (> 1).</param>
    public static LearningRateFinderResult Run(Func<Vector<double>, int, (double Loss, Vector<double> Gradient)> lossAndGradient, Vector<double> start,
        IOptimizer optimizer, double minLr = 1e-6, double maxLr = 10.0, int steps = 100, double smoothing = 0.98, double divergenceFactor = 4.0)
    {
        Guard.NotNull(lossAndGradient, nameof(lossAndGradient));
        Guard.Vector(start, nameof(start));
        Guard.Finite(start, nameof(start));
        Guard.NotNull(optimizer, nameof(optimizer));
        Guard.Positive(minLr, nameof(minLr));
        Guard.Positive(maxLr, nameof(maxLr));
        if (!(maxLr > minLr)) throw new ArgumentException($"{nameof(maxLr)} must exceed {nameof(minLr)}, but {nameof(maxLr)} is {maxLr} and {nameof(minLr)} is {minLr}.", nameof(maxLr));
        Guard.InRange(steps, 2, int.MaxValue, nameof(steps));
        Guard.InHalfOpenRange(smoothing, 0.0, 1.0, nameof(smoothing));
        if (!(divergenceFactor > 1) || !double.IsFinite(divergenceFactor))
            throw new ArgumentOutOfRangeException(nameof(divergenceFactor), divergenceFactor, $"{nameof(divergenceFactor)} must be a finite number above 1, but is {divergenceFactor}.");

        optimizer.Reset();
        var theta = start.Clone();
        var rates = new List<double>();
        var losses = new List<double>();
        var smoothed = new List<double>();
        double average = 0, best = double.PositiveInfinity;
        bool diverged = false;
        // <snippet name="lr-finder">
        for (int k = 0; k < steps; k++)
        {
            double lr = minLr * Math.Pow(maxLr / minLr, k / (double)(steps - 1));   // geometric sweep
            var (loss, gradient) = lossAndGradient(theta, k);
            if (!double.IsFinite(loss)) { diverged = true; break; }
            average = smoothing * average + (1 - smoothing) * loss;
            double s = average / (1 - Math.Pow(smoothing, k + 1));                 // zero-start correction
            if (k > 0 && s > divergenceFactor * best) { diverged = true; break; }
            best = Math.Min(best, s);
            rates.Add(lr);
            losses.Add(loss);
            smoothed.Add(s);
            if (!gradient.All(double.IsFinite)) { diverged = true; break; }
            optimizer.Step(theta, gradient, lr);
        }
        // </snippet>
        if (rates.Count < 2)
            throw new InvalidOperationException($"The range test stopped after {rates.Count} step(s): the loss was not finite even at {minLr}. Lower {nameof(minLr)} or check the loss function.");

        int argMin = 0, argSteepest = 1;
        double steepest = double.PositiveInfinity;
        for (int k = 0; k < smoothed.Count; k++)
        {
            if (smoothed[k] < smoothed[argMin]) argMin = k;
            if (k == 0) continue;
            // Slope per unit of log lr; the sweep is geometric, so every step spans the same log-distance.
            double slope = (smoothed[k] - smoothed[k - 1]) / Math.Log(rates[k] / rates[k - 1]);
            if (slope < steepest) { steepest = slope; argSteepest = k; }
        }
        return new LearningRateFinderResult(rates, losses, smoothed, diverged, rates[argMin], rates[argSteepest]);
    }
}
