using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Trees;

/// <summary>Validation and conversions shared by the tree estimators (one place for the error messages).</summary>
internal static class TreeSettings
{
    public static void Validate(int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures, double minImpurityDecrease, double ccpAlpha)
    {
        if (maxDepth is { } depth) Guard.Positive(depth, nameof(maxDepth));
        if (minSamplesSplit < 2) throw new ArgumentOutOfRangeException(nameof(minSamplesSplit), minSamplesSplit, $"{nameof(minSamplesSplit)} must be at least 2 (a split needs two samples), but is {minSamplesSplit}.");
        Guard.Positive(minSamplesLeaf, nameof(minSamplesLeaf));
        if (maxFeatures is { } mf) Guard.Positive(mf, nameof(maxFeatures));
        Guard.NonNegative(minImpurityDecrease, nameof(minImpurityDecrease));
        Guard.NonNegative(ccpAlpha, nameof(ccpAlpha));
    }

    public static CartSettings Cart(SplitCriterion criterion, int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures, double minImpurityDecrease, int featureCount)
    {
        if (maxFeatures is { } mf && mf > featureCount)
            throw new ArgumentOutOfRangeException(nameof(maxFeatures), mf, $"{nameof(maxFeatures)} is {mf}, but x has only {featureCount} features.");
        return new CartSettings(criterion, maxDepth ?? int.MaxValue, minSamplesSplit, minSamplesLeaf, maxFeatures ?? featureCount, minImpurityDecrease);
    }

    /// <summary>Feature-major arrays: a split sweep reads one feature of many rows, so each feature is contiguous.</summary>
    public static double[][] Columns(Matrix<double> x) => x.ToColumnArrays();   // a copy: the caller's x is never touched
}
