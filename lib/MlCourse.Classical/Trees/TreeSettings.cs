using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Trees;

/// <summary>Validation and conversions shared by the tree estimators (one place for the error messages).</summary>
internal static class TreeSettings
{
    public static void Validate(int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures, double minImpurityDecrease, double ccpAlpha)
    {
        if (maxDepth is { } depth) Guard.Positive(depth, nameof(maxDepth));
        Guard.AtLeast(minSamplesSplit, 2, nameof(minSamplesSplit), "a split needs two samples");
        Guard.Positive(minSamplesLeaf, nameof(minSamplesLeaf));
        if (maxFeatures is { } mf) Guard.Positive(mf, nameof(maxFeatures));
        Guard.NonNegative(minImpurityDecrease, nameof(minImpurityDecrease));
        Guard.NonNegative(ccpAlpha, nameof(ccpAlpha));
    }

    public static CartSettings Cart(SplitCriterion criterion, int? maxDepth, int minSamplesSplit, int minSamplesLeaf, int? maxFeatures, double minImpurityDecrease, int featureCount)
    {
        if (maxFeatures is { } mf) Guard.AtMost(mf, featureCount, nameof(maxFeatures), "the number of features in x");
        return new CartSettings(criterion, maxDepth ?? int.MaxValue, minSamplesSplit, minSamplesLeaf, maxFeatures ?? featureCount, minImpurityDecrease);
    }

    /// <summary>Feature-major arrays: a split sweep reads one feature of many rows, so each feature is contiguous.</summary>
    public static double[][] Columns(Matrix<double> x) => x.ToColumnArrays();   // a copy: the caller's x is never touched
}
