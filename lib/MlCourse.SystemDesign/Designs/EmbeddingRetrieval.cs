using MlCourse.SystemDesign.Estimates;

namespace MlCourse.SystemDesign.Designs;

/// <summary>Assumptions for an approximate-nearest-neighbour retrieval service over item embeddings (illustrative).</summary>
public sealed record RetrievalAssumptions
{
    public double Vectors { get; init; } = 1e9;
    public int Dimensions { get; init; } = 256;
    public double BytesPerComponent { get; init; } = 4;
    /// <summary>PQ with this many one-byte codes per vector (256 dimensions → 32 sub-vectors of 8).</summary>
    public int Subquantizers { get; init; } = 32;
    public int HnswLinks { get; init; } = 32;
    /// <summary>Vectors whose distance an HNSW or IVF search computes per query at the chosen recall (measure it).</summary>
    public double VectorsVisitedPerQuery { get; init; } = 20_000;
    public double PeakQps { get; init; } = 20_000;
    public double HostMemoryBytes { get; init; } = 512e9;
    public double MemoryFillUtilization { get; init; } = 0.7;
    public int Replicas { get; init; } = 3;
    public double LatencySloMilliseconds { get; init; } = 50;
}

/// <summary>The numbers of the embedding retrieval design (notebooks/interview-prep/system-design, section 7).</summary>
public static class EmbeddingRetrieval
{
    public static Envelope Estimate(RetrievalAssumptions a)
    {
        Assumptions.Valid(a, nameof(a));
        var e = new Envelope("Embedding retrieval");
        var flat = e.Add("raw vectors", VectorIndex.FlatBytes(a.Vectors, a.Dimensions, a.BytesPerComponent), "B", "vectors × dimensions × bytes per component");
        var links = e.Add("HNSW links", VectorIndex.HnswLinkBytes(a.Vectors, a.HnswLinks), "B", "vectors × 2·M × 4-byte ids");
        var pq = e.Add("PQ codes", VectorIndex.ProductQuantizedBytes(a.Vectors, a.Subquantizers), "B", "vectors × sub-quantisers × 1 byte");
        e.Add("shards: HNSW over raw vectors", VectorIndex.Shards(flat + links, a.HostMemoryBytes, a.MemoryFillUtilization), "hosts", "ceil((raw + links) / (host memory × fill)), per replica");
        e.Add("shards: IVF-PQ", VectorIndex.Shards(pq, a.HostMemoryBytes, a.MemoryFillUtilization), "hosts", "ceil(PQ codes / (host memory × fill)), per replica");
        var brute = e.Add("brute-force FLOPs per query", VectorIndex.BruteForceFlopsPerQuery(a.Vectors, a.Dimensions), "FLOP", "2 × vectors × dimensions");
        e.Add("brute-force compute at peak", brute * a.PeakQps, "FLOP/s", "per query × peak QPS: why exact search is off the table");
        var ann = e.Add("ANN FLOPs per query", VectorIndex.BruteForceFlopsPerQuery(a.VectorsVisitedPerQuery, a.Dimensions), "FLOP", "2 × vectors visited × dimensions");
        e.Add("work saved by ANN", brute / ann, "×", "brute-force / ANN FLOPs per query");
        e.Add("replicated memory: HNSW", (flat + links) * a.Replicas, "B", "(raw + links) × replicas");
        e.AddLatency(Budget(a));
        return e;
    }

    public static LatencyBudget Budget(RetrievalAssumptions a) =>
        new LatencyBudget(Assumptions.Valid(a, nameof(a)).LatencySloMilliseconds)
            .Then("caller to router and back", 5)
            .Then("query embedding (cached per user session)", 5)
            .Then("scatter to shards, gather the slowest (tail)", 20)
            .Then("merge top-k, filters, exact re-score of 1 000", 5);
}
