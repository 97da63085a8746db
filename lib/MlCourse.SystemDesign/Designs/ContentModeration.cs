using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>Assumptions for moderating uploaded images and their captions (illustrative, not any company's figures).</summary>
public sealed record ModerationAssumptions
{
    public double UploadsPerDay { get; init; } = 100e6;
    public double PeakToAverage { get; init; } = 3;
    /// <summary>A vision model's forward pass per image, plus a small text model on the caption.</summary>
    public double ImageModelFlops { get; init; } = 8e9;
    public double TextModelFlops { get; init; } = 1e9;
    public double GpuPeakFlops { get; init; } = 100e12;
    public double ServingUtilization { get; init; } = 0.3;
    public double TargetUtilization { get; init; } = 0.6;
    public double GpuHourPrice { get; init; } = 2.0;
    public double FlaggedForReviewShare { get; init; } = 0.01;
    public double SecondsPerReview { get; init; } = 30;
    public double ReviewerHoursPerDay { get; init; } = 6;
    public double BytesPerDecision { get; init; } = 500;
    public double RetentionDays { get; init; } = 365;
    public int StorageReplicas { get; init; } = 3;
    public double LatencySloMilliseconds { get; init; } = 2_000;
}

/// <summary>The numbers of the content-moderation design (notebooks/interview-prep/system-design, section 5).</summary>
public static class ContentModeration
{
    public static Envelope Estimate(ModerationAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("Content moderation");
        var average = e.Add("average uploads per second", a.UploadsPerDay / Traffic.SecondsPerDay, "req/s", "uploads per day / 86 400");
        var peak = e.Add("peak uploads per second", Traffic.PeakQps(average, a.PeakToAverage), "req/s", "average × peak-to-average");
        var perUpload = a.ImageModelFlops + a.TextModelFlops;
        e.Add("model compute at peak", peak * perUpload, "FLOP/s", "peak uploads/s × (image + text model FLOPs)");
        var perGpu = ServingCost.ThroughputFromFlops(a.GpuPeakFlops, a.ServingUtilization, perUpload);
        e.Add("uploads per GPU per second", perGpu, "req/s", "GPU peak × utilisation / FLOPs per upload");
        e.AddGpuServing("classifier", peak, perGpu, a.TargetUtilization, a.GpuHourPrice, average, "uploads");
        var flagged = e.Add("items sent to human review per day", a.UploadsPerDay * a.FlaggedForReviewShare, "events/day", "uploads × share between the auto-allow and auto-remove thresholds");
        e.Add("reviewers needed", HumanReview.ReviewersNeeded(flagged, a.SecondsPerReview, a.ReviewerHoursPerDay), "people", "ceil(items × seconds each / (3 600 × productive hours per reviewer))");
        e.Add("decision log retained", Storage.Retained(a.UploadsPerDay, a.BytesPerDecision, a.RetentionDays, a.StorageReplicas), "B", "uploads × bytes per decision (scores, policy, model version) × days × replicas");
        e.AddLatency(Budget(a));
        return e;
    }

    /// <summary>Pre-publication path: the upload is held until the checks finish.</summary>
    public static LatencyBudget Budget(ModerationAssumptions a) =>
        new LatencyBudget(Assumptions.Valid(a, nameof(a)).LatencySloMilliseconds)
            .Then("upload, transcode, thumbnail", 600)
            .InParallel("known-bad matching", ("perceptual hash lookup", 20), ("URL and account reputation", 10))
            .InParallel("classifiers", ("image model", 120), ("caption model", 40))
            .Then("policy engine: thresholds per policy and region", 20)
            .Then("queueing at peak", 300);
}
