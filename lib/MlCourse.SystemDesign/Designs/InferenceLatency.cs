using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>
/// Assumptions for "Reduce inference latency by 10x": a model endpoint's current path and the
/// speed-up each lever is assumed to give (measure them; these are typical orders of magnitude, not promises).
/// </summary>
public sealed record LatencyAssumptions
{
    public double NetworkMilliseconds { get; init; } = 20;
    public double FeatureFetchMilliseconds { get; init; } = 30;
    public double PreprocessingMilliseconds { get; init; } = 10;
    public double ModelMilliseconds { get; init; } = 140;
    public double PostprocessingMilliseconds { get; init; } = 10;
    public double TargetSpeedup { get; init; } = 10;
    /// <summary>int8 or fp8 weights and activations on hardware with fast low-precision kernels.</summary>
    public double QuantizationSpeedup { get; init; } = 2;
    /// <summary>A distilled student a few times smaller, at an accuracy cost that must be measured.</summary>
    public double DistillationSpeedup { get; init; } = 3;
    /// <summary>Features precomputed and co-located with the model (no remote call on the request path).</summary>
    public double FeatureFetchAfterMilliseconds { get; init; } = 3;
    public double PreprocessingAfterMilliseconds { get; init; } = 2;
    public double NetworkAfterMilliseconds { get; init; } = 8;
    /// <summary>Left as it is by default: the first version of the plan forgets it.</summary>
    public double PostprocessingAfterMilliseconds { get; init; } = 10;
    public double CacheHitRate { get; init; } = 0.5;
    public double CacheHitMilliseconds { get; init; } = 2;
}

/// <summary>The numbers of the "reduce latency by 10x" design (notebooks/interview-prep/system-design, section 9).</summary>
public static class InferenceLatency
{
    public static Envelope Estimate(LatencyAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("Reduce inference latency by 10x");
        var before = e.Add("latency now", Before(a).TotalMilliseconds, "ms", "network + features + preprocessing + model + postprocessing");
        e.Add("target", before / a.TargetSpeedup, "ms", "now / target speed-up");
        var modelShare = e.Add("model's share of the time", a.ModelMilliseconds / before, "×", "model ms / total ms");
        e.Add("best speed-up from the model alone", Latency.MaxSpeedup(modelShare), "×", "Amdahl: 1 / (1 − share), even with an infinitely fast model");
        var modelSpeedup = a.QuantizationSpeedup * a.DistillationSpeedup;
        e.Add("speed-up from quantisation + distillation alone", Latency.AmdahlSpeedup(modelShare, modelSpeedup), "×", "Amdahl with the model part sped up by quantisation × distillation");
        var miss = e.Add("latency after every lever (cache miss)", After(a).TotalMilliseconds, "ms", "the new path, stage by stage");
        var mean = e.Add("mean latency with the cache", Latency.WithCache(a.CacheHitRate, a.CacheHitMilliseconds, miss), "ms", "hit rate × hit ms + (1 − hit rate) × miss ms");
        e.Add("mean speed-up", before / mean, "×", "now / mean with the cache");
        // A cache only moves a percentile when more requests than that percentile's tail hit it.
        var p99 = a.CacheHitRate >= 0.99 ? a.CacheHitMilliseconds : miss;
        e.Add("p99 after (misses set it unless ≥ 99% hit)", p99, "ms", "the miss path unless the hit rate reaches 99%");
        e.Add("p99 speed-up", before / p99, "×", "now / p99 after: what an SLO on p99 sees");
        return e;
    }

    public static LatencyBudget Before(LatencyAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        return new LatencyBudget(a.NetworkMilliseconds + a.FeatureFetchMilliseconds + a.PreprocessingMilliseconds + a.ModelMilliseconds + a.PostprocessingMilliseconds)
            .Then("network", a.NetworkMilliseconds)
            .Then("feature fetch", a.FeatureFetchMilliseconds)
            .Then("preprocessing", a.PreprocessingMilliseconds)
            .Then("model", a.ModelMilliseconds)
            .Then("postprocessing", a.PostprocessingMilliseconds);
    }

    /// <summary>The path after the levers, budgeted against the 10x target.</summary>
    public static LatencyBudget After(LatencyAssumptions a)
    {
        var target = Before(a).TotalMilliseconds / a.TargetSpeedup;
        return new LatencyBudget(target)
            .Then("network (same region, keep-alive, smaller payload)", a.NetworkAfterMilliseconds)
            .Then("features precomputed and co-located", a.FeatureFetchAfterMilliseconds)
            .Then("preprocessing moved into the model graph", a.PreprocessingAfterMilliseconds)
            .Then("model: quantised and distilled", a.ModelMilliseconds / (a.QuantizationSpeedup * a.DistillationSpeedup))
            .Then("postprocessing", a.PostprocessingAfterMilliseconds);
    }
}
