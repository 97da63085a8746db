using MathNet.Numerics.LinearAlgebra;

namespace MlCourse.Classical.Trees;

/// <summary>One node of a fitted binary tree, as the notebook prints it (Week 5, "CART").</summary>
/// <param name="Feature">Column tested at this node; −1 for a leaf.</param>
/// <param name="Threshold">Samples with x[Feature] ≤ Threshold go left.</param>
/// <param name="Left">Index of the left child; −1 for a leaf.</param>
/// <param name="Right">Index of the right child; −1 for a leaf.</param>
/// <param name="Impurity">Gini, entropy (bits) or variance of the node's training samples.</param>
/// <param name="Samples">Training rows that reached the node (bootstrap duplicates counted once).</param>
/// <param name="WeightedSamples">Sum of the sample weights at the node (bootstrap counts for a forest tree).</param>
/// <param name="Value">Class weights (classification) or the mean target (regression, one entry).</param>
public sealed record TreeNode(int Feature, double Threshold, int Left, int Right, double Impurity, int Samples, double WeightedSamples, IReadOnlyList<double> Value)
{
    public bool IsLeaf => Left < 0;
}

/// <summary>
/// The learned structure of a CART tree: parallel arrays, node 0 the root, children after their parent
/// (depth-first, left before right). Shared by the tree classifier, regressor and the forest.
/// </summary>
public sealed class TreeStructure
{
    internal TreeStructure(int[] feature, double[] threshold, int[] left, int[] right, double[] impurity, int[] samples, double[] weighted, double[][] value, int featureCount)
    {
        FeatureIndex = feature; ThresholdValue = threshold; LeftChild = left; RightChild = right;
        NodeImpurity = impurity; NodeSamples = samples; NodeWeight = weighted; NodeValue = value; FeatureCount = featureCount;
    }

    internal int[] FeatureIndex { get; }
    internal double[] ThresholdValue { get; }
    internal int[] LeftChild { get; }
    internal int[] RightChild { get; }
    internal double[] NodeImpurity { get; }
    internal int[] NodeSamples { get; }
    internal double[] NodeWeight { get; }
    internal double[][] NodeValue { get; }
    public int FeatureCount { get; }

    /// <summary>Nodes reachable from the root, in depth-first order (left subtree first). Pruned subtrees are not listed.</summary>
    public IReadOnlyList<TreeNode> Nodes => Reachable().Select(Node).ToArray();

    public TreeNode Node(int i) => new(FeatureIndex[i], ThresholdValue[i], LeftChild[i], RightChild[i], NodeImpurity[i], NodeSamples[i], NodeWeight[i], NodeValue[i].ToArray());

    public int LeafCount => Reachable().Count(i => LeftChild[i] < 0);

    /// <summary>Edges on the longest root-to-leaf path (a stump has depth 1, a single leaf 0).</summary>
    public int Depth => DepthOf(0);

    private int DepthOf(int node) => LeftChild[node] < 0 ? 0 : 1 + Math.Max(DepthOf(LeftChild[node]), DepthOf(RightChild[node]));

    internal IEnumerable<int> Reachable()
    {
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            yield return i;
            if (LeftChild[i] >= 0) { stack.Push(RightChild[i]); stack.Push(LeftChild[i]); }
        }
    }

    // <snippet name="tree-predict">
    /// <summary>Follows the tests from the root: x[feature] ≤ threshold goes left, until a leaf.</summary>
    internal int LeafOf(Matrix<double> x, int row)
    {
        int node = 0;
        while (LeftChild[node] >= 0)
            node = x[row, FeatureIndex[node]] <= ThresholdValue[node] ? LeftChild[node] : RightChild[node];
        return node;
    }
    // </snippet>

    internal int LeafOf(double[][] columns, int row)
    {
        int node = 0;
        while (LeftChild[node] >= 0)
            node = columns[FeatureIndex[node]][row] <= ThresholdValue[node] ? LeftChild[node] : RightChild[node];
        return node;
    }

    /// <summary>
    /// Mean decrease in impurity (MDI): each split credits its feature with W_t·I_t − W_L·I_L − W_R·I_R
    /// (weights = training samples reaching the node); the totals are normalised to sum to 1.
    /// </summary>
    internal double[] ImpurityImportances()
    {
        var importance = new double[FeatureCount];
        foreach (int i in Reachable())
        {
            if (LeftChild[i] < 0) continue;
            int l = LeftChild[i], r = RightChild[i];
            importance[FeatureIndex[i]] += NodeWeight[i] * NodeImpurity[i] - NodeWeight[l] * NodeImpurity[l] - NodeWeight[r] * NodeImpurity[r];
        }
        double total = importance.Sum();
        if (total > 0) for (int f = 0; f < importance.Length; f++) importance[f] /= total;
        return importance;
    }

    /// <summary>A copy in which the given internal nodes become leaves (their subtrees are cut off).</summary>
    internal TreeStructure WithLeaves(IEnumerable<int> newLeaves)
    {
        var left = (int[])LeftChild.Clone();
        var right = (int[])RightChild.Clone();
        var feature = (int[])FeatureIndex.Clone();
        foreach (int i in newLeaves) { left[i] = -1; right[i] = -1; feature[i] = -1; }
        return new TreeStructure(feature, ThresholdValue, left, right, NodeImpurity, NodeSamples, NodeWeight, NodeValue, FeatureCount);
    }
}
