using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.Trees;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Ensembles;

/// <summary>
/// AdaBoost with the SAMME rule (Zhu, Zou, Rosset and Hastie, 2009), Week 5 section "AdaBoost". Each round fits a
/// shallow tree (a stump by default) to the training rows under sample weights w, measures its weighted error ε,
/// gives it the vote α = ν·(log((1 − ε)/ε) + log(K − 1)) and multiplies the weights of the rows it got wrong by e^α,
/// so the next tree concentrates on them. With K = 2 this is Freund and Schapire's discrete AdaBoost (the log(K − 1)
/// term vanishes); it is also forward stagewise fitting of the exponential loss. Follows scikit-learn's
/// AdaBoostClassifier(algorithm="SAMME"): the same stopping rules (a perfect tree ends the ensemble, a tree no better
/// than chance is dropped and ends it) and the same decision function and probabilities.
/// </summary>
public sealed class AdaBoostClassifier : IProbabilisticClassifier
{
    private TreeStructure[]? _trees;
    private double[] _alphas = [];
    private double[] _errors = [];
    private int _classes;

    public AdaBoostClassifier(int nEstimators = 50, double learningRate = 1.0, int maxDepth = 1)
    {
        Guard.Positive(nEstimators, nameof(nEstimators));
        Guard.Positive(learningRate, nameof(learningRate));
        Guard.Positive(maxDepth, nameof(maxDepth));
        NEstimators = nEstimators; LearningRate = learningRate; MaxDepth = maxDepth;
    }

    public int NEstimators { get; }
    /// <summary>ν, the shrinkage of every vote α.</summary>
    public double LearningRate { get; }
    /// <summary>Depth of each weak tree (1: a decision stump).</summary>
    public int MaxDepth { get; }

    public bool IsFitted => _trees is not null;

    /// <summary>The fitted weak trees, fewer than NEstimators when boosting stopped early.</summary>
    public IReadOnlyList<TreeStructure> Estimators { get { Guard.Fitted(IsFitted, nameof(AdaBoostClassifier), nameof(Estimators)); return _trees!; } }
    /// <summary>The vote α_m of each tree.</summary>
    public IReadOnlyList<double> EstimatorWeights { get { Guard.Fitted(IsFitted, nameof(AdaBoostClassifier), nameof(EstimatorWeights)); return _alphas; } }
    /// <summary>The weighted training error ε_m of each tree, under the weights it was fitted with.</summary>
    public IReadOnlyList<double> EstimatorErrors { get { Guard.Fitted(IsFitted, nameof(AdaBoostClassifier), nameof(EstimatorErrors)); return _errors; } }
    public int ClassCount { get { Guard.Fitted(IsFitted, nameof(AdaBoostClassifier), nameof(ClassCount)); return _classes; } }

    public AdaBoostClassifier Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        Guard.NotNull(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        int classes = ClassLabels.Multiclass(y, nameof(y));
        int n = x.RowCount;
        var columns = TreeSettings.Columns(x);
        var labels = y.ToArray();
        var rows = Enumerable.Range(0, n).ToArray();
        var settings = TreeSettings.Cart(SplitCriterion.Gini, MaxDepth, 2, 1, null, 0, x.ColumnCount);
        var w = new double[n];
        Array.Fill(w, 1.0 / n);
        var wrong = new bool[n];
        var trees = new List<TreeStructure>();
        var alphas = new List<double>();
        var errors = new List<double>();
        // <snippet name="adaboost-samme">
        for (int m = 0; m < NEstimators; m++)
        {
            var tree = new CartBuilder(columns, labels, w, classes, settings, rng: null).Build(rows);
            double error = 0;
            for (int i = 0; i < n; i++)
            {
                wrong[i] = PredictRow(tree, columns, i) != labels[i];
                if (wrong[i]) error += w[i];                  // Σ w = 1, so this is the weighted error rate
            }
            if (error <= 0) { trees.Add(tree); alphas.Add(1.0); errors.Add(0); break; }     // perfect: nothing left to reweight
            if (error >= 1 - 1.0 / classes)                   // no better than guessing: its vote would be ≤ 0
            {
                if (trees.Count == 0) throw new InvalidOperationException(
                    $"The first weak tree has weighted error {error:G4}, no better than chance (1 − 1/K = {1 - 1.0 / classes:G4}): AdaBoost cannot start.");
                break;
            }
            double alpha = LearningRate * (Math.Log((1 - error) / error) + Math.Log(classes - 1));
            trees.Add(tree); alphas.Add(alpha); errors.Add(error);
            double total = 0;
            for (int i = 0; i < n; i++) { if (wrong[i]) w[i] *= Math.Exp(alpha); total += w[i]; }
            for (int i = 0; i < n; i++) w[i] /= total;       // the misclassified rows now hold more of the weight
        }
        // </snippet>
        _trees = [.. trees]; _alphas = [.. alphas]; _errors = [.. errors]; _classes = classes;
        return this;
    }

    private static int PredictRow(TreeStructure tree, double[][] columns, int row)
    {
        var counts = tree.NodeValue[tree.LeafOf(columns, row)];
        int best = 0;
        for (int k = 1; k < counts.Length; k++) if (counts[k] > counts[best]) best = k;   // first maximum, as numpy's argmax
        return best;
    }

    /// <summary>
    /// Vote shares after 1, 2, ... trees: row i, column k holds Σ_m α_m·[h_m(x_i) = k] / Σ_m α_m (n x K).
    /// scikit-learn's decision_function returns this matrix for K &gt; 2 and, for K = 2, column 1 minus column 0.
    /// </summary>
    public IEnumerable<Matrix<double>> StagedDecisionFunction(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(AdaBoostClassifier), nameof(StagedDecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _trees![0].FeatureCount, nameof(x));
        return Staged(TreeSettings.Columns(x), x.RowCount);
    }

    private IEnumerable<Matrix<double>> Staged(double[][] columns, int rows)
    {
        var votes = new double[rows, _classes];
        double norm = 0;
        for (int m = 0; m < _trees!.Length; m++)
        {
            for (int i = 0; i < rows; i++) votes[i, PredictRow(_trees[m], columns, i)] += _alphas[m];
            norm += _alphas[m];
            yield return Matrix<double>.Build.DenseOfArray(votes) / norm;
        }
    }

    public Matrix<double> DecisionFunction(Matrix<double> x) => StagedDecisionFunction(x).Last();

    /// <summary>Predicted classes after 1, 2, ... trees: the staged test error shows how many rounds pay.</summary>
    public IEnumerable<Vector<double>> StagedPredict(Matrix<double> x) =>
        StagedDecisionFunction(x).Select(votes => Vector<double>.Build.Dense(votes.RowCount, i => votes.Row(i).MaximumIndex()));

    /// <summary>
    /// Class probabilities (n x K): softmax of the vote shares divided by K − 1, as scikit-learn's SAMME predict_proba.
    /// They rank rows sensibly but are not calibrated; the exponential loss pushes them towards 0 and 1 slowly.
    /// </summary>
    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        var votes = DecisionFunction(x);
        return SoftmaxFunctions.SoftmaxRows(votes / (_classes - 1));
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        var votes = DecisionFunction(x);
        return Vector<double>.Build.Dense(votes.RowCount, i => votes.Row(i).MaximumIndex());
    }

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
