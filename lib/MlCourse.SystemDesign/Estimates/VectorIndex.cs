using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// Memory and compute of nearest-neighbour search over embeddings: exact (flat) search, product
/// quantisation (PQ) codes, and the links of an HNSW graph. Taught in
/// notebooks/interview-prep/system-design (section "Embedding retrieval service").
/// </summary>
public static class VectorIndex
{
    /// <summary>Raw vectors: count × dimensions × bytes per component (4 for float32).</summary>
    public static double FlatBytes(double vectors, int dimensions, double bytesPerComponent) =>
        Storage.EmbeddingTableBytes(vectors, dimensions, bytesPerComponent);

    /// <summary>PQ codes: count × sub-quantisers × bits per code / 8 (codebooks are small and left out).</summary>
    public static double ProductQuantizedBytes(double vectors, int subquantizers, int bitsPerCode = 8)
    {
        Guard.NonNegative(vectors, nameof(vectors));
        Guard.Positive(subquantizers, nameof(subquantizers));
        Guard.InRange(bitsPerCode, 1, 16, nameof(bitsPerCode));
        return vectors * subquantizers * bitsPerCode / 8.0;
    }

    /// <summary>
    /// HNSW's bottom layer keeps up to 2·M neighbour ids per vector (upper layers add a few percent):
    /// count × 2·M × bytes per id (4 for 32-bit ids).
    /// </summary>
    public static double HnswLinkBytes(double vectors, int linksPerNode, double bytesPerId = 4)
    {
        Guard.NonNegative(vectors, nameof(vectors));
        Guard.Positive(linksPerNode, nameof(linksPerNode));
        Guard.Positive(bytesPerId, nameof(bytesPerId));
        return vectors * 2 * linksPerNode * bytesPerId;
    }

    /// <summary>Exact search: one multiply and one add per component per vector, 2 · count · dimensions FLOPs a query.</summary>
    public static double BruteForceFlopsPerQuery(double vectors, int dimensions)
    {
        Guard.NonNegative(vectors, nameof(vectors));
        Guard.Positive(dimensions, nameof(dimensions));
        return 2 * vectors * dimensions;
    }

    /// <summary>Shards so that each holds at most <paramref name="fillFraction"/> of a machine's memory.</summary>
    public static int Shards(double indexBytes, double memoryBytesPerMachine, double fillFraction) =>
        Capacity.MachinesFor(indexBytes, memoryBytesPerMachine, fillFraction);
}
