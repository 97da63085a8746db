using MlCourse.Core.Validation;

namespace MlCourse.Classical.Ensembles;

/// <summary>
/// Hyper-parameters shared by the gradient boosting estimators (Week 5, "Gradient boosting"), validated once.
/// </summary>
/// <param name="NEstimators">Boosting rounds (trees).</param>
/// <param name="LearningRate">Shrinkage ν: each tree's output is multiplied by ν; smaller ν needs more rounds and generalises better.</param>
/// <param name="MaxDepth">Depth limit of each tree (null: unlimited, use with LeafWise and MaxLeaves).</param>
/// <param name="MaxLeaves">Leaf budget per tree (null: no budget; LightGBM's num_leaves).</param>
/// <param name="Growth">Depth-wise (level by level) or leaf-wise (best gain first).</param>
/// <param name="Lambda">L2 penalty λ on leaf weights: w* = −G/(H + λ).</param>
/// <param name="Gamma">Minimum gain γ for a split to be kept (XGBoost's min_split_loss).</param>
/// <param name="MinSamplesLeaf">Smallest number of training rows in a leaf.</param>
/// <param name="MaxBins">0 for exact split finding (sort every node); otherwise histogram split finding with at most this many bins per feature.</param>
public sealed record BoostingSettings(int NEstimators = 100, double LearningRate = 0.1, int? MaxDepth = 3, int? MaxLeaves = null,
    TreeGrowth Growth = TreeGrowth.DepthWise, double Lambda = 0, double Gamma = 0, int MinSamplesLeaf = 1, int MaxBins = 0)
{
    internal void Validate()
    {
        Guard.Positive(NEstimators, nameof(NEstimators));
        Guard.Positive(LearningRate, nameof(LearningRate));
        if (MaxDepth is { } d) Guard.Positive(d, nameof(MaxDepth));
        if (MaxLeaves is { } l) Guard.AtLeast(l, 2, nameof(MaxLeaves), "a tree with one leaf cannot split");
        if (MaxDepth is null && MaxLeaves is null) throw new ArgumentException($"Set {nameof(MaxDepth)} or {nameof(MaxLeaves)}: without either limit each tree grows until its leaves are pure.", nameof(MaxDepth));
        Guard.Defined(Growth, nameof(Growth));
        Guard.NonNegative(Lambda, nameof(Lambda));
        Guard.NonNegative(Gamma, nameof(Gamma));
        Guard.Positive(MinSamplesLeaf, nameof(MinSamplesLeaf));
        if (MaxBins != 0 && (MaxBins < 2 || MaxBins > 65536))
            throw new ArgumentOutOfRangeException(nameof(MaxBins), MaxBins, $"{nameof(MaxBins)} must be 0 (exact splits) or between 2 and 65536, but is {MaxBins}.");
    }

    internal BoostedTreeSettings Tree() => new(MaxDepth ?? int.MaxValue, MaxLeaves ?? int.MaxValue, Lambda, Gamma, MinSamplesLeaf, Growth);
}
