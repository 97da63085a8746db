using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>Assumptions for a retrieval-augmented assistant over a document corpus (illustrative, not any company's figures).</summary>
public sealed record RagAssumptions
{
    public double DailyActiveUsers { get; init; } = 2e6;
    public double QuestionsPerUserPerDay { get; init; } = 5;
    public double PeakToAverage { get; init; } = 3;
    public double Documents { get; init; } = 20e6;
    public double ChunksPerDocument { get; init; } = 10;
    public int EmbeddingDimensions { get; init; } = 768;
    public double BytesPerComponent { get; init; } = 4;
    public int HnswLinks { get; init; } = 32;
    public double LlmParameters { get; init; } = 8e9;
    public double BytesPerParameter { get; init; } = 2;
    /// <summary>Instructions, the question and eight retrieved chunks of about 450 tokens.</summary>
    public int PromptTokens { get; init; } = 4_000;
    public int OutputTokens { get; init; } = 400;
    public double GpuPeakFlops { get; init; } = 300e12;
    public double GpuMemoryBytesPerSecond { get; init; } = 2e12;
    /// <summary>Prefill is compute-bound and reaches a good share of peak; batched decoding far less.</summary>
    public double PrefillUtilization { get; init; } = 0.5;
    public double ServingUtilization { get; init; } = 0.1;
    public double TargetUtilization { get; init; } = 0.6;
    public double GpuHourPrice { get; init; } = 3.0;
    public double TimeToFirstTokenSloMilliseconds { get; init; } = 1_500;
}

/// <summary>The numbers of the RAG-assistant design (notebooks/interview-prep/system-design, section 6).</summary>
public static class RagAssistant
{
    public static Envelope Estimate(RagAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("RAG assistant");
        var average = e.Add("average questions per second", Traffic.AverageQps(a.DailyActiveUsers, a.QuestionsPerUserPerDay), "req/s", "DAU × questions per user per day / 86 400");
        var peak = e.Add("peak questions per second", Traffic.PeakQps(average, a.PeakToAverage), "req/s", "average × peak-to-average");
        var chunks = e.Add("chunks indexed", a.Documents * a.ChunksPerDocument, "", "documents × chunks per document");
        e.Add("chunk embeddings (flat)", VectorIndex.FlatBytes(chunks, a.EmbeddingDimensions, a.BytesPerComponent), "B", "chunks × dimensions × bytes per component");
        e.Add("HNSW links", VectorIndex.HnswLinkBytes(chunks, a.HnswLinks), "B", "chunks × 2·M × 4-byte ids");
        var flops = e.Add("LLM FLOPs per question", LlmServing.FlopsPerRequest(a.LlmParameters, a.PromptTokens, a.OutputTokens), "FLOP", "2 × parameters × (prompt + output tokens)");
        e.Add("prefill time", LlmServing.PrefillMilliseconds(a.LlmParameters, a.PromptTokens, a.GpuPeakFlops, a.PrefillUtilization), "ms", "2 × N × prompt tokens / (GPU peak × prefill utilisation)");
        var decode = e.Add("decode time per token (memory-bound floor)", LlmServing.DecodeMillisecondsPerToken(a.LlmParameters, a.BytesPerParameter, a.GpuMemoryBytesPerSecond), "ms",
            "N × bytes per parameter / memory bandwidth: every weight is read once per step");
        var budget = Budget(a);
        e.AddLatency(budget);
        e.Add("full answer time", budget.TotalMilliseconds + a.OutputTokens * decode, "ms", "time to first token + output tokens × decode time per token (streamed to the user)");
        var perGpu = ServingCost.ThroughputFromFlops(a.GpuPeakFlops, a.ServingUtilization, flops);
        e.Add("questions per GPU per second", perGpu, "req/s", "GPU peak × serving utilisation / FLOPs per question");
        e.AddGpuServing("LLM", peak, perGpu, a.TargetUtilization, a.GpuHourPrice, average, "questions");
        return e;
    }

    /// <summary>Time to first token: retrieval in front of the model's prefill, which is computed from the assumptions.</summary>
    public static LatencyBudget Budget(RagAssumptions a) =>
        new LatencyBudget(Assumptions.Valid(a, nameof(a)).TimeToFirstTokenSloMilliseconds)
            .Then("client to gateway and back", 50)
            .Then("query rewrite and embedding", 30)
            .InParallel("retrieval", ("ANN over chunks", 30), ("keyword (BM25)", 25))
            .Then("cross-encoder re-rank of 50 chunks", 80)
            .Then("prompt assembly, access-control filter", 10)
            .Then("LLM prefill", LlmServing.PrefillMilliseconds(a.LlmParameters, a.PromptTokens, a.GpuPeakFlops, a.PrefillUtilization))
            .Then("queueing for a GPU slot at peak", 100);
}
