using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>
/// Assumptions for a photo/video home feed ("Design Instagram's recommendation system"): illustrative
/// planning numbers, not any company's figures. Change one with <c>with { ... }</c> and re-run.
/// </summary>
public sealed record FeedAssumptions
{
    public double DailyActiveUsers { get; init; } = 500e6;
    public double FeedRequestsPerUserPerDay { get; init; } = 20;
    public double PeakToAverage { get; init; } = 2.5;
    public double CandidatesRankedPerRequest { get; init; } = 500;
    /// <summary>FLOPs of the heavy ranking network per candidate (a multi-task MLP over a few hundred features).</summary>
    public double RankerFlopsPerCandidate { get; init; } = 50e6;
    public double GpuPeakFlops { get; init; } = 100e12;
    public double ServingUtilization { get; init; } = 0.3;
    public double TargetUtilization { get; init; } = 0.6;
    public double GpuHourPrice { get; init; } = 2.0;
    public double LoggedEventsPerUserPerDay { get; init; } = 200;
    public double BytesPerEvent { get; init; } = 200;
    public double LogRetentionDays { get; init; } = 90;
    public int StorageReplicas { get; init; } = 3;
    public double Users { get; init; } = 1e9;
    public int UserFeatures { get; init; } = 300;
    public double BytesPerFeature { get; init; } = 4;
    public double KeyBytes { get; init; } = 16;
    public int FeatureStoreReplicas { get; init; } = 3;
    public double LatencySloMilliseconds { get; init; } = 200;
}

/// <summary>The numbers of the recommendation-feed design (notebooks/interview-prep/system-design, section 1).</summary>
public static class RecommendationFeed
{
    public static Envelope Estimate(FeedAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("Recommendation feed");
        var average = e.Add("average feed QPS", Traffic.AverageQps(a.DailyActiveUsers, a.FeedRequestsPerUserPerDay), "req/s", "DAU × feed requests per user per day / 86 400");
        var peak = e.Add("peak feed QPS", Traffic.PeakQps(average, a.PeakToAverage), "req/s", "average × peak-to-average");
        var scored = e.Add("candidates scored at peak", Traffic.FanOut(peak, a.CandidatesRankedPerRequest), "items/s", "peak QPS × candidates ranked per request");
        var flops = e.Add("ranker compute at peak", scored * a.RankerFlopsPerCandidate, "FLOP/s", "candidates/s × FLOPs per candidate");
        var perGpu = ServingCost.ThroughputFromFlops(a.GpuPeakFlops, a.ServingUtilization, a.RankerFlopsPerCandidate);
        e.Add("candidates per GPU per second", perGpu, "items/s", "GPU peak × serving utilisation / FLOPs per candidate");
        e.AddGpuServing("ranking", scored, perGpu, a.TargetUtilization, a.GpuHourPrice, average, "requests");
        var events = Traffic.EventsPerDay(a.DailyActiveUsers, a.LoggedEventsPerUserPerDay);
        e.Add("events logged per day", events, "events/day", "DAU × logged events (impressions, likes, skips) per user");
        e.Add("event log per day", Storage.Bytes(events, a.BytesPerEvent), "B", "events per day × bytes per event");
        e.Add("event log retained", Storage.Retained(events, a.BytesPerEvent, a.LogRetentionDays, a.StorageReplicas), "B", "per day × retention days × replicas");
        e.Add("online user features", FeatureStore.OnlineBytes(a.Users, a.UserFeatures, a.BytesPerFeature, a.KeyBytes, a.FeatureStoreReplicas), "B", "users × (key + features × bytes) × replicas");
        e.Add("feature reads at peak", FeatureStore.ReadsPerSecond(peak, 1, a.UserFeatures), "reads/s", "peak QPS × 1 user × user features (item features ride with the candidates)");
        e.AddLatency(Budget(a));
        return e;
    }

    /// <summary>The request path's stages (p99 budgets, ms): assumptions too, shown by the notebook.</summary>
    public static LatencyBudget Budget(FeedAssumptions a) =>
        new LatencyBudget(Assumptions.Valid(a, nameof(a)).LatencySloMilliseconds)
            .Then("client to edge and back", 40)
            .InParallel("candidate generation", ("two-tower ANN", 25), ("followed accounts", 15), ("trending", 5))
            .Then("feature fetch", 20)
            .Then("light ranker (top 500 of ~2 000)", 15)
            .Then("heavy ranker", 50)
            .Then("re-rank: diversity, integrity, ads blending", 10);
}
