using MlCourse.Notebook;

namespace MlCourse.Tests.Classical.Trees;

/// <summary>
/// Library snippets the Week 5 notebook shows with LibrarySource.Show(name): each must exist, sit in the file that
/// implements it, and contain the line that does the work.
/// </summary>
public class Week05SnippetTests
{
    [Theory]
    [InlineData("impurity-measures", "Trees/Impurity.cs", "Math.Log2(c / total)")]
    [InlineData("mutual-information", "Trees/Impurity.cs", "Math.Log2(counts[i][j] * n / (px[i] * py[j]))")]
    [InlineData("cart-best-split", "Trees/CartBuilder.cs", "if (_keys[i] == _keys[i + 1]) continue;")]
    [InlineData("tree-predict", "Trees/TreeStructure.cs", "<= ThresholdValue[node]")]
    [InlineData("weakest-link-pruning", "Trees/CostComplexityPruning.cs", "(rNode[t] - rBranch[t]) / (leaves[t] - 1)")]
    [InlineData("id3-grow", "Trees/Id3Classifier.cs", "node.Gains[f] = parent - conditional;")]
    [InlineData("forest-fit", "Ensembles/RandomForestClassifier.cs", "treeSeeds[t] = master.Next();")]
    [InlineData("oob-score", "Ensembles/RandomForestClassifier.cs", "_inBagCounts[t][i] == 0")]
    [InlineData("newton-leaf", "Ensembles/SecondOrder.cs", "-g / (h + lambda)")]
    [InlineData("boosting-log-loss", "Ensembles/GradientBoostingClassifier.cs", "g[i] = p - target[i];")]
    [InlineData("tree-growth", "Ensembles/BoostedTree.cs", "TreeGrowth.LeafWise")]
    [InlineData("ordered-target-statistics", "Ensembles/TargetStatistics.cs", "foreach (int i in order)")]
    [InlineData("permutation-importance", "Ensembles/PermutationImportance.cs", "drops[r] = baseline - scoring(")]
    [InlineData("grid-combinations", "ModelSelection/GridSearch.cs", "++index[k]")]
    public void Week_5_snippets_exist_and_contain_their_key_line(string name, string file, string keyLine)
    {
        var snippet = LibrarySource.Get(name);
        Assert.Equal("lib/MlCourse.Classical/" + file, snippet.File);
        Assert.Contains(keyLine, snippet.Code);
    }
}
