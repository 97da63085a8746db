using MlCourse.Classical.Clustering;
using MlCourse.Classical.Decomposition;
using MlCourse.Classical.Ensembles;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.Preprocessing;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Classical.Trees;
using MlCourse.Core.Estimators;

namespace MlCourse.Tests.Classical.Contract;

/// <summary>
/// Every estimator and transformer of the library, with the names of its learned members. Add a new
/// estimator here and the whole contract suite runs on it. The suite also checks that the listed
/// learned members are exactly those that throw before Fit, so forgetting one fails.
/// </summary>
internal static class EstimatorCases
{
    /// <param name="Binary">A classifier for labels {0, 1} only (the others get three classes).</param>
    /// <param name="Separable">A classifier that needs linearly separable training data (hard margin).</param>
    public sealed record Case(Func<IEstimator> Create, string[] Learned, bool Binary = false, bool Separable = false);

    // Declared before the dictionaries: static fields initialise in textual order.
    private static readonly string[] GdLearned = ["Coefficients", "Intercept", "LossHistory", "BatchLossHistory", "UpdateCount"];

    public static readonly IReadOnlyDictionary<string, Case> Regressors = new Dictionary<string, Case>
    {
        ["LinearRegression(Svd)"] = new(() => new LinearRegression(), ["Coefficients", "Intercept", "Rank", "SingularValues"]),
        ["LinearRegression(NormalEquation)"] = new(() => new LinearRegression(solver: LeastSquaresSolver.NormalEquation), ["Coefficients", "Intercept", "Rank", "SingularValues"]),
        ["LinearRegression(Qr, no intercept)"] = new(() => new LinearRegression(fitIntercept: false, solver: LeastSquaresSolver.Qr), ["Coefficients", "Intercept", "Rank", "SingularValues"]),
        ["RidgeRegression"] = new(() => new RidgeRegression(0.5), ["Coefficients", "Intercept"]),
        ["LassoRegression"] = new(() => new LassoRegression(0.05), ["Coefficients", "Intercept", "Iterations", "Converged", "DualityGap"]),
        ["GradientDescentRegressor(batch)"] = new(() => new GradientDescentRegressor(lr: 0.1, epochs: 50), GdLearned),
        ["GradientDescentRegressor(mini-batch, l2)"] = new(() => new GradientDescentRegressor(lr: 0.05, epochs: 10, batchSize: 7, l2: 0.01, recordUpdates: true), GdLearned),
        ["DecisionTreeRegressor"] = new(() => new DecisionTreeRegressor(maxDepth: 4), ["Tree", "FeatureImportances"]),
        ["GradientBoostingRegressor"] = new(() => new GradientBoostingRegressor(new BoostingSettings(NEstimators: 10)), ["TrainLoss", "InitialPrediction", "LeafCounts", "FeatureImportances"]),
    };

    public static readonly IReadOnlyDictionary<string, Case> Transformers = new Dictionary<string, Case>
    {
        ["StandardScaler"] = new(() => new StandardScaler(), ["Mean", "Scale"]),
        ["PolynomialFeatures"] = new(() => new PolynomialFeatures(3), ["InputFeatureCount", "OutputFeatureCount", "Powers"]),
        ["PolynomialFeatures(interaction only)"] = new(() => new PolynomialFeatures(2, interactionOnly: true), ["InputFeatureCount", "OutputFeatureCount", "Powers"]),
        ["MinMaxScaler"] = new(() => new MinMaxScaler(-1, 1), ["DataMin", "DataRange"]),
        ["RobustScaler"] = new(() => new RobustScaler(), ["Center", "Scale"]),
        ["QuantileTransformer(normal)"] = new(() => new QuantileTransformer(20, QuantileOutput.Normal), ["QuantileCount"]),
        ["GaussianMixture(2, full)"] = new(() => new GaussianMixture(2), ["Weights", "Means", "Covariances", "LogLikelihoodHistory", "Iterations", "Converged"]),
        ["Pca(2, whiten)"] = new(() => new Pca(2, whiten: true), ["Mean", "Components", "ExplainedVariance", "ExplainedVarianceRatio", "FullExplainedVarianceRatio", "SingularValues"]),
    };

    // Classifiers (labels 0..K-1). Week 2's ClassifierContractTests runs the contract on these with class labels.
    private static readonly string[] LogisticLearned = ["Coefficients", "Intercept", "Iterations", "Converged", "LossHistory"];
    private static readonly string[] SvcLearned = ["SupportIndices", "SupportVectors", "DualCoefficients", "Alpha", "Intercept", "Iterations", "Converged", "DualObjective", "Coefficients"];
    private static readonly string[] SoftmaxLearned = ["Coefficients", "Intercepts", "ClassCount", "Iterations", "Converged", "LossHistory"];

    public static readonly IReadOnlyDictionary<string, Case> Classifiers = new Dictionary<string, Case>
    {
        ["LogisticRegression(Newton, L2)"] = new(() => new LogisticRegression(LogisticPenalty.L2, 0.05), LogisticLearned, Binary: true),
        ["LogisticRegression(GD, elastic net, no intercept)"] = new(() => new LogisticRegression(LogisticPenalty.ElasticNet, 0.05, 0.5, LogisticSolver.GradientDescent, fitIntercept: false, maxIterations: 200), LogisticLearned, Binary: true),
        ["SoftmaxRegression(Newton)"] = new(() => new SoftmaxRegression(0.05), SoftmaxLearned),
        ["SoftmaxRegression(GD)"] = new(() => new SoftmaxRegression(0.05, LogisticSolver.GradientDescent, maxIterations: 200), SoftmaxLearned),
        ["LogisticOneVsRest"] = new(() => new LogisticOneVsRest(LogisticPenalty.L2, 0.05), ["Coefficients", "Intercepts", "Converged"]),
        ["DecisionTreeClassifier"] = new(() => new DecisionTreeClassifier(maxDepth: 4), ["Tree", "ClassCount", "FeatureImportances"]),
        ["RandomForestClassifier"] = new(() => new RandomForestClassifier(nTrees: 10, seed: 3), ["Trees", "FeatureImportances"]),
        ["AdaBoostClassifier(SAMME, stumps)"] = new(() => new AdaBoostClassifier(10), ["Estimators", "EstimatorWeights", "EstimatorErrors", "ClassCount"]),
        ["GradientBoostingClassifier"] = new(() => new GradientBoostingClassifier(new BoostingSettings(NEstimators: 10)), ["TrainLoss", "LeafCounts", "FeatureImportances"], Binary: true),
        ["SupportVectorClassifier(linear)"] = new(() => new SupportVectorClassifier(Kernel.Linear(), 0.5), SvcLearned, Binary: true),
        ["SupportVectorClassifier(rbf)"] = new(() => new SupportVectorClassifier(Kernel.Rbf(0.3), 2.0), SvcLearned, Binary: true),
        ["OneVsOneSvc(rbf)"] = new(() => new OneVsOneSvc(Kernel.Rbf(0.3)), ["ClassCount", "Machines", "SupportIndices"]),
        ["HardMarginSvm"] = new(() => new HardMarginSvm(), ["Coefficients", "Intercept", "Alpha", "SupportIndices", "Margin"], Binary: true, Separable: true),
        ["PegasosSvm"] = new(() => new PegasosSvm(epochs: 20), ["Coefficients", "Intercept", "ObjectiveHistory"], Binary: true),
    };

    public static TheoryData<string> RegressorNames => new(Regressors.Keys);
    public static TheoryData<string> TransformerNames => new(Transformers.Keys);
    public static TheoryData<string> ClassifierNames => new(Classifiers.Keys);
    public static TheoryData<string> AllNames => new(Regressors.Keys.Concat(Transformers.Keys));
}
