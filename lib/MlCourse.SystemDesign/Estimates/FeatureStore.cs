using MlCourse.Core.Validation;

namespace MlCourse.SystemDesign.Estimates;

/// <summary>
/// The two halves of a feature store: the online store (the latest value of every feature per
/// entity, read at serving time) and the offline store (daily snapshots, so training rows can be
/// joined with the features as they were at the time: point-in-time correctness).
/// Taught in notebooks/interview-prep/system-design (section "Feature store").
/// </summary>
public static class FeatureStore
{
    /// <summary>entities × (keyBytes + features × bytesPerFeature) × replicas.</summary>
    public static double OnlineBytes(double entities, int features, double bytesPerFeature, double keyBytes, int replicas)
    {
        Guard.NonNegative(entities, nameof(entities));
        Guard.Positive(features, nameof(features));
        Guard.Positive(bytesPerFeature, nameof(bytesPerFeature));
        Guard.NonNegative(keyBytes, nameof(keyBytes));
        Guard.Positive(replicas, nameof(replicas));
        return entities * (keyBytes + features * bytesPerFeature) * replicas;
    }

    /// <summary>One snapshot per day kept for <paramref name="snapshotDays"/>: the online size (one copy) × days.</summary>
    public static double OfflineBytes(double entities, int features, double bytesPerFeature, double keyBytes, double snapshotDays)
    {
        Guard.Positive(snapshotDays, nameof(snapshotDays));
        return OnlineBytes(entities, features, bytesPerFeature, keyBytes, replicas: 1) * snapshotDays;
    }

    /// <summary>Feature values read per second at serving: QPS × entities looked up per request × features each.</summary>
    public static double ReadsPerSecond(double qps, double entitiesPerRequest, int features)
    {
        Guard.Positive(features, nameof(features));
        return Traffic.FanOut(Traffic.FanOut(qps, entitiesPerRequest), features);
    }
}
