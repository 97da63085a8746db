using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>Assumptions for real-time card-payment fraud scoring (illustrative, not any company's figures).</summary>
public sealed record FraudAssumptions
{
    public double TransactionsPerDay { get; init; } = 200e6;
    public double PeakToAverage { get; init; } = 4;
    public double FraudRate { get; init; } = 0.001;
    public double BytesPerTransaction { get; init; } = 1_000;
    public double RetentionDays { get; init; } = 730;
    public int StorageReplicas { get; init; } = 3;
    public double Cards { get; init; } = 1e9;
    /// <summary>Velocity and aggregate features per card (counts and sums over 1 h, 24 h, 7 d windows, per merchant category...).</summary>
    public int FeaturesPerCard { get; init; } = 150;
    public double BytesPerFeature { get; init; } = 4;
    public double KeyBytes { get; init; } = 16;
    public int FeatureStoreReplicas { get; init; } = 3;
    public double EntitiesPerTransaction { get; init; } = 3;
    /// <summary>Predictions per second one CPU core makes with a few-hundred-tree GBDT (measure yours).</summary>
    public double PredictionsPerCorePerSecond { get; init; } = 20_000;
    public double TargetUtilization { get; init; } = 0.5;
    public double ReviewShare { get; init; } = 0.002;
    public double SecondsPerReview { get; init; } = 120;
    public double ReviewerHoursPerDay { get; init; } = 6;
    public double LatencySloMilliseconds { get; init; } = 100;
}

/// <summary>The numbers of the fraud-detection design (notebooks/interview-prep/system-design, section 4).</summary>
public static class FraudDetection
{
    public static Envelope Estimate(FraudAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("Fraud detection");
        var average = e.Add("average transactions per second", a.TransactionsPerDay / Traffic.SecondsPerDay, "req/s", "transactions per day / 86 400");
        var peak = e.Add("peak transactions per second", Traffic.PeakQps(average, a.PeakToAverage), "req/s", "average × peak-to-average (holidays, salary days)");
        e.Add("frauds per day", a.TransactionsPerDay * a.FraudRate, "events/day", "transactions × fraud rate: ~1 in 1 000, so accuracy is meaningless; use PR-AUC and cost");
        e.Add("transaction history retained", Storage.Retained(a.TransactionsPerDay, a.BytesPerTransaction, a.RetentionDays, a.StorageReplicas), "B", "per day × bytes × days (chargebacks arrive weeks later) × replicas");
        e.Add("online card features", FeatureStore.OnlineBytes(a.Cards, a.FeaturesPerCard, a.BytesPerFeature, a.KeyBytes, a.FeatureStoreReplicas), "B", "cards × (key + features × bytes) × replicas");
        e.Add("feature reads at peak", FeatureStore.ReadsPerSecond(peak, a.EntitiesPerTransaction, a.FeaturesPerCard), "reads/s", "peak TPS × entities (card, merchant, device) × features each");
        e.Add("scoring CPU cores", ServingCost.Replicas(peak, a.PredictionsPerCorePerSecond, a.TargetUtilization), "cores", "ceil(peak TPS / (predictions per core × target utilisation))");
        var reviews = e.Add("cases sent to review per day", a.TransactionsPerDay * a.ReviewShare, "events/day", "transactions × share above the review threshold");
        e.Add("reviewers needed", HumanReview.ReviewersNeeded(reviews, a.SecondsPerReview, a.ReviewerHoursPerDay), "people", "ceil(cases × seconds each / (3 600 × productive hours per reviewer))");
        e.AddLatency(Budget(a));
        return e;
    }

    public static LatencyBudget Budget(FraudAssumptions a) =>
        new LatencyBudget(Assumptions.Valid(a, nameof(a)).LatencySloMilliseconds)
            .Then("payment switch to scoring service and back", 10)
            .InParallel("feature fetch", ("card", 8), ("merchant", 5), ("device and IP", 5))
            .Then("streaming aggregates not yet in the store", 5)
            .Then("GBDT score", 5)
            .Then("rules and decision (approve, step-up, decline)", 3);
}
