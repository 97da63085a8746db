using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// Bytes on disk: records × bytes per record × copies, and logs retained for a number of days.
/// Decimal units throughout (1 GB = 10^9 bytes), as storage is sold. Taught in
/// notebooks/interview-prep/system-design (section "Storage").
/// </summary>
public static class Storage
{
    /// <summary>records × bytesPerRecord × replicas.</summary>
    public static double Bytes(double records, double bytesPerRecord, int replicas = 1)
    {
        Guard.NonNegative(records, nameof(records));
        Guard.Positive(bytesPerRecord, nameof(bytesPerRecord));
        Guard.Positive(replicas, nameof(replicas));
        return records * bytesPerRecord * replicas;
    }

    /// <summary>A log kept for <paramref name="retentionDays"/>: recordsPerDay × days × bytesPerRecord × replicas.</summary>
    public static double Retained(double recordsPerDay, double bytesPerRecord, double retentionDays, int replicas = 1)
    {
        Guard.NonNegative(recordsPerDay, nameof(recordsPerDay));
        Guard.Positive(retentionDays, nameof(retentionDays));
        return Bytes(recordsPerDay * retentionDays, bytesPerRecord, replicas);
    }

    /// <summary>An embedding table: rows × dimensions × bytes per component (4 for float32, 2 for float16, 1 for int8).</summary>
    public static double EmbeddingTableBytes(double rows, int dimensions, double bytesPerComponent)
    {
        Guard.NonNegative(rows, nameof(rows));
        Guard.Positive(dimensions, nameof(dimensions));
        Guard.Positive(bytesPerComponent, nameof(bytesPerComponent));
        return rows * dimensions * bytesPerComponent;
    }
}
