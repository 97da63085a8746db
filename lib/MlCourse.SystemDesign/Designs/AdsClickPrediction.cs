using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>Assumptions for click-through-rate prediction in an ad auction (illustrative, not any company's figures).</summary>
public sealed record AdsAssumptions
{
    public double DailyActiveUsers { get; init; } = 800e6;
    public double AdRequestsPerUserPerDay { get; init; } = 30;
    public double PeakToAverage { get; init; } = 2;
    public double AdsScoredPerRequest { get; init; } = 500;
    public double ImpressionsPerRequest { get; init; } = 3;
    public double ClickThroughRate { get; init; } = 0.01;
    /// <summary>FLOPs of the dense part (feature interactions and MLP) per ad scored; the embedding lookups are memory, not FLOPs.</summary>
    public double ModelFlopsPerAd { get; init; } = 5e6;
    public double HashedIdRows { get; init; } = 2e9;
    public int EmbeddingDimensions { get; init; } = 32;
    public double BytesPerComponent { get; init; } = 4;
    public double HostMemoryBytes { get; init; } = 512e9;
    public double MemoryFillUtilization { get; init; } = 0.7;
    public double GpuPeakFlops { get; init; } = 100e12;
    public double ServingUtilization { get; init; } = 0.3;
    public double TargetUtilization { get; init; } = 0.6;
    public double GpuHourPrice { get; init; } = 2.0;
    /// <summary>A training row: the features as they were at impression time, and the label joined later.</summary>
    public double BytesPerTrainingRow { get; init; } = 1_000;
    public double TrainingLogDays { get; init; } = 30;
    public int StorageReplicas { get; init; } = 3;
    public double LatencySloMilliseconds { get; init; } = 100;
}

/// <summary>The numbers of the ads click-prediction design (notebooks/interview-prep/system-design, section 3).</summary>
public static class AdsClickPrediction
{
    public static Envelope Estimate(AdsAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("Ads click prediction");
        var average = e.Add("average ad-request QPS", Traffic.AverageQps(a.DailyActiveUsers, a.AdRequestsPerUserPerDay), "req/s", "DAU × ad requests per user per day / 86 400");
        var peak = e.Add("peak ad-request QPS", Traffic.PeakQps(average, a.PeakToAverage), "req/s", "average × peak-to-average");
        var scored = e.Add("ads scored at peak", Traffic.FanOut(peak, a.AdsScoredPerRequest), "items/s", "peak QPS × ads scored per request");
        var impressions = e.Add("impressions per day", Traffic.EventsPerDay(a.DailyActiveUsers, a.AdRequestsPerUserPerDay * a.ImpressionsPerRequest), "events/day", "DAU × requests × impressions per request");
        e.Add("clicks (positive labels) per day", impressions * a.ClickThroughRate, "events/day", "impressions × CTR: the classes are ~1:100, so calibrate");
        e.Add("training log retained", Storage.Retained(impressions, a.BytesPerTrainingRow, a.TrainingLogDays, a.StorageReplicas), "B", "impressions per day × bytes per row × days × replicas");
        var table = e.Add("embedding tables", Storage.EmbeddingTableBytes(a.HashedIdRows, a.EmbeddingDimensions, a.BytesPerComponent), "B", "hashed id rows × dimensions × bytes per component");
        e.Add("embedding shards", VectorIndex.Shards(table, a.HostMemoryBytes, a.MemoryFillUtilization), "hosts", "ceil(table bytes / (host memory × fill))");
        var perGpu = ServingCost.ThroughputFromFlops(a.GpuPeakFlops, a.ServingUtilization, a.ModelFlopsPerAd);
        e.AddGpuServing("scoring", scored, perGpu, a.TargetUtilization, a.GpuHourPrice, average, "ad requests");
        e.AddLatency(Budget(a));
        return e;
    }

    public static LatencyBudget Budget(AdsAssumptions a) =>
        new LatencyBudget(Assumptions.Valid(a, nameof(a)).LatencySloMilliseconds)
            .Then("ad server to ranking service and back", 20)
            .Then("candidate ads from targeting and budget filters", 15)
            .Then("feature fetch (user, ad, context)", 15)
            .Then("CTR model on 500 ads", 30)
            .Then("auction: bid × pCTR, pacing, reserve prices", 10);
}
