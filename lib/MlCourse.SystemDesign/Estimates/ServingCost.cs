using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// Replicas to serve a peak load and what they cost. Taught in notebooks/interview-prep/system-design
/// (section "Serving cost").
/// </summary>
public static class ServingCost
{
    /// <summary>A common month for cloud prices: 730 hours (8 760 / 12).</summary>
    public const double HoursPerMonth = 730;

    /// <summary>Requests per second one replica serves when it runs batches of <paramref name="batchSize"/> back to back.</summary>
    public static double ThroughputPerReplica(int batchSize, double batchLatencyMilliseconds)
    {
        Guard.Positive(batchSize, nameof(batchSize));
        Guard.Positive(batchLatencyMilliseconds, nameof(batchLatencyMilliseconds));
        return batchSize / (batchLatencyMilliseconds / 1000);
    }

    /// <summary>Requests per second a replica serves when each costs <paramref name="flopsPerRequest"/> at a utilisation of its peak.</summary>
    public static double ThroughputFromFlops(double peakFlopsPerReplica, double utilization, double flopsPerRequest)
    {
        Guard.Positive(peakFlopsPerReplica, nameof(peakFlopsPerReplica));
        Guard.InLeftOpenRange(utilization, 0, 1, nameof(utilization), "a share of peak");
        Guard.Positive(flopsPerRequest, nameof(flopsPerRequest));
        return peakFlopsPerReplica * utilization / flopsPerRequest;
    }

    /// <summary>ceil(peak QPS / (QPS per replica × target utilisation)).</summary>
    public static int Replicas(double peakQps, double qpsPerReplica, double targetUtilization) =>
        Capacity.MachinesFor(peakQps, qpsPerReplica, targetUtilization);

    /// <summary>replicas × price per replica-hour × 730.</summary>
    public static double MonthlyCost(int replicas, double pricePerReplicaHour)
    {
        Guard.Positive(replicas, nameof(replicas));
        Guard.NonNegative(pricePerReplicaHour, nameof(pricePerReplicaHour));
        return replicas * pricePerReplicaHour * HoursPerMonth;
    }

    /// <summary>Monthly cost / requests served in a month (at the average rate) × 10^6.</summary>
    public static double CostPerMillionRequests(double monthlyCost, double averageQps)
    {
        Guard.NonNegative(monthlyCost, nameof(monthlyCost));
        Guard.Positive(averageQps, nameof(averageQps));
        return monthlyCost / (averageQps * HoursPerMonth * 3600) * 1e6;
    }
}
