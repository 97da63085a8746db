using MlCourse.Core.Validation;
namespace MlCourse.Classical.Trees;

/// <summary>The weakest-link pruning sequence: after pruning at each alpha, the total leaf impurity of the tree.</summary>
/// <param name="Alphas">Effective alphas, non-decreasing, starting with 0 (the full tree).</param>
/// <param name="Impurities">Σ over leaves of (W_leaf/W)·I(leaf) of the tree pruned at the matching alpha.</param>
/// <param name="Leaves">Number of leaves after each step.</param>
public sealed record PruningPath(IReadOnlyList<double> Alphas, IReadOnlyList<double> Impurities, IReadOnlyList<int> Leaves);

/// <summary>
/// Minimal cost-complexity pruning (Breiman et al., CART; Week 5, "Pruning"). A subtree T is scored by
/// R_α(T) = R(T) + α·|leaves(T)|, with R(T) the weighted leaf impurity. Collapsing an internal node t into
/// a leaf changes R by R(t) − R(T_t) and removes |leaves(T_t)| − 1 leaves, so it pays off once
/// α ≥ g(t) = (R(t) − R(T_t)) / (|leaves(T_t)| − 1). Weakest-link pruning repeatedly collapses the node
/// with the smallest g; the sequence of trees is nested, and each α selects one of them.
/// </summary>
public static class CostComplexityPruning
{
    // <snippet name="weakest-link-pruning">
    /// <summary>
    /// Prunes weakest links while their effective alpha is at most <paramref name="alpha"/> (pass +∞ to record the
    /// whole path). Returns the nodes turned into leaves, and the path.
    /// </summary>
    internal static (List<int> Pruned, PruningPath Path) Run(TreeStructure tree, double alpha)
    {
        int n = tree.LeftChild.Length;
        double total = tree.NodeWeight[0];
        var left = tree.LeftChild; var right = tree.RightChild;
        var isLeaf = new bool[n];
        for (int i = 0; i < n; i++) isLeaf[i] = left[i] < 0;
        var pruned = new List<int>();
        var rNode = new double[n];
        for (int i = 0; i < n; i++) rNode[i] = tree.NodeWeight[i] / total * tree.NodeImpurity[i];
        var rBranch = new double[n];
        var leaves = new int[n];
        var alphas = new List<double> { 0.0 };
        var impurities = new List<double>();
        var leafCounts = new List<int>();

        Summarise(0);
        impurities.Add(rBranch[0]);
        leafCounts.Add(leaves[0]);
        while (!isLeaf[0])
        {
            int weakest = -1;
            double g = double.PositiveInfinity;
            var stack = new Stack<int>();
            stack.Push(0);
            while (stack.Count > 0)
            {
                int t = stack.Pop();
                if (isLeaf[t]) continue;
                double gt = (rNode[t] - rBranch[t]) / (leaves[t] - 1);
                if (gt < g) { g = gt; weakest = t; }
                stack.Push(right[t]); stack.Push(left[t]);
            }
            if (g > alpha) break;
            isLeaf[weakest] = true;
            pruned.Add(weakest);
            Summarise(0);
            alphas.Add(g);
            impurities.Add(rBranch[0]);
            leafCounts.Add(leaves[0]);
        }
        return (pruned, new PruningPath(alphas, impurities, leafCounts));

        // R(T_t) and |leaves(T_t)| for every node below t, in the current (partly pruned) tree.
        void Summarise(int t)
        {
            if (isLeaf[t]) { rBranch[t] = rNode[t]; leaves[t] = 1; return; }
            Summarise(left[t]); Summarise(right[t]);
            rBranch[t] = rBranch[left[t]] + rBranch[right[t]];
            leaves[t] = leaves[left[t]] + leaves[right[t]];
        }
    }
    // </snippet>

    /// <summary>The full pruning path of a fitted tree (every weakest-link step until only the root is left).</summary>
    public static PruningPath Path(TreeStructure tree)
    {
        Guard.NotNull(tree, nameof(tree));
        return Run(tree, double.PositiveInfinity).Path;
    }

    /// <summary>The subtree that minimises R(T) + alpha·|leaves(T)| among the weakest-link sequence.</summary>
    public static TreeStructure Prune(TreeStructure tree, double alpha)
    {
        Guard.NotNull(tree, nameof(tree));
        MlCourse.Core.Validation.Guard.NonNegative(alpha, nameof(alpha));
        return tree.WithLeaves(Run(tree, alpha).Pruned);
    }
}
