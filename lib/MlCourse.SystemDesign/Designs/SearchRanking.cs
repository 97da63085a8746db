using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>Assumptions for in-product search with a learned ranking stack (illustrative, not any company's figures).</summary>
public sealed record SearchAssumptions
{
    public double DailyActiveUsers { get; init; } = 300e6;
    public double SearchesPerUserPerDay { get; init; } = 4;
    public double PeakToAverage { get; init; } = 3;
    public double Documents { get; init; } = 1e9;
    /// <summary>Inverted-index postings, stored fields and a 128-d float16 embedding, per document.</summary>
    public double IndexBytesPerDocument { get; init; } = 2_000;
    public int IndexReplicas { get; init; } = 3;
    public double CrossEncoderParameters { get; init; } = 100e6;
    public int TokensPerQueryDocumentPair { get; init; } = 128;
    public double PairsRerankedPerQuery { get; init; } = 50;
    public double GpuPeakFlops { get; init; } = 100e12;
    public double ServingUtilization { get; init; } = 0.3;
    public double TargetUtilization { get; init; } = 0.6;
    public double GpuHourPrice { get; init; } = 2.0;
    public double BytesPerQueryLog { get; init; } = 500;
    public double LogRetentionDays { get; init; } = 365;
    public int StorageReplicas { get; init; } = 3;
    public double LatencySloMilliseconds { get; init; } = 300;
}

/// <summary>The numbers of the search-ranking design (notebooks/interview-prep/system-design, section 2).</summary>
public static class SearchRanking
{
    public static Envelope Estimate(SearchAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("Search ranking");
        var average = e.Add("average search QPS", Traffic.AverageQps(a.DailyActiveUsers, a.SearchesPerUserPerDay), "req/s", "DAU × searches per user per day / 86 400");
        var peak = e.Add("peak search QPS", Traffic.PeakQps(average, a.PeakToAverage), "req/s", "average × peak-to-average");
        e.Add("index size", Storage.Bytes(a.Documents, a.IndexBytesPerDocument, a.IndexReplicas), "B", "documents × index bytes per document × replicas");
        var perPair = TrainingCompute.InferenceFlopsPerToken(a.CrossEncoderParameters) * a.TokensPerQueryDocumentPair;
        e.Add("cross-encoder FLOPs per pair", perPair, "FLOP", "2 × parameters × tokens per (query, document) pair");
        var perQuery = e.Add("cross-encoder FLOPs per query", perPair * a.PairsRerankedPerQuery, "FLOP", "per pair × pairs re-ranked");
        var perGpu = e.Add("queries per GPU per second", ServingCost.ThroughputFromFlops(a.GpuPeakFlops, a.ServingUtilization, perQuery), "req/s", "GPU peak × utilisation / FLOPs per query");
        e.AddGpuServing("re-ranking", peak, perGpu, a.TargetUtilization, a.GpuHourPrice, average, "searches");
        var queries = Traffic.EventsPerDay(a.DailyActiveUsers, a.SearchesPerUserPerDay);
        e.Add("query log retained", Storage.Retained(queries, a.BytesPerQueryLog, a.LogRetentionDays, a.StorageReplicas), "B",
            "searches per day × bytes (query, results shown, clicks, dwell) × days × replicas");
        e.AddLatency(Budget(a));
        return e;
    }

    public static LatencyBudget Budget(SearchAssumptions a) =>
        new LatencyBudget(Assumptions.Valid(a, nameof(a)).LatencySloMilliseconds)
            .Then("client to edge and back", 40)
            .Then("query understanding (spelling, intent, embedding)", 15)
            .InParallel("retrieval", ("lexical (BM25) top 1 000", 30), ("ANN top 1 000", 25))
            .Then("learning-to-rank (GBDT) on ~1 500", 20)
            .Then("cross-encoder on the top 50", 60)
            .Then("blending, snippets, filters", 10);
}
