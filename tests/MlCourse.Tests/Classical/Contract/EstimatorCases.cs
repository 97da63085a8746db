using MlCourse.Classical.Calibration;
using MlCourse.Classical.Clustering;
using MlCourse.Classical.Decomposition;
using MlCourse.Classical.Ensembles;
using MlCourse.Classical.FeatureSelection;
using MlCourse.Classical.Imputation;
using MlCourse.Classical.LinearModels;
using MlCourse.Classical.ModelSelection;
using MlCourse.Classical.Optimization.Optimizers;
using MlCourse.Classical.Pipelines;
using MlCourse.Classical.Preprocessing;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Classical.Trees;
using MlCourse.Core.Estimators;

namespace MlCourse.Tests.Classical.Contract;

/// <summary>
/// What an estimator needs from the contract suite, in the spirit of scikit-learn's estimator tags: the suite
/// picks the data and the checks from these, so one suite covers regressors, classifiers, transformers,
/// supervised transformers and clusterers.
/// </summary>
[Flags]
public enum Tags
{
    None = 0,
    /// <summary>A classifier for labels {0, 1} only (other classifiers get three classes).</summary>
    Binary = 1,
    /// <summary>A classifier that needs linearly separable training data (hard margin).</summary>
    Separable = 2,
    /// <summary>NaN in x means "missing" and is accepted (imputers and chains that start with one); ±∞ is still rejected.</summary>
    AllowsNaN = 4,
    /// <summary>x holds integer category codes (0, 1, 2), not measurements: encoders, ID3.</summary>
    CategoricalInput = 8,
    /// <summary>A transformer fitted with Fit(x, y) (an <see cref="ISupervisedTransformer"/> used as one).</summary>
    NeedsY = 16,
    /// <summary>y for a supervised transformer is class labels (otherwise a continuous target).</summary>
    ClassTarget = 32,
}

/// <summary>
/// Every estimator of the library, with the names of its learned members. Add a new estimator here and the whole
/// contract suite runs on it; <see cref="EstimatorRegistryTests"/> fails while a public estimator type is missing.
/// The suite also checks that the listed learned members are exactly those that throw before Fit, so forgetting
/// one fails.
/// </summary>
internal static class EstimatorCases
{
    /// <param name="Unavailable">Learned members that, for this configuration, throw InvalidOperationException after Fit
    /// (the weight vector w of a non-linear kernel does not exist); the suite checks that they do, and say why.</param>
    public sealed record Case(Func<IEstimator> Create, string[] Learned, Tags Tags = Tags.None, string[]? Unavailable = null)
    {
        public bool Has(Tags tag) => (Tags & tag) == tag;
        public string[] Unavailable { get; } = Unavailable ?? [];
    }

    // Declared before the dictionary: static fields initialise in textual order.
    private static readonly string[] GdLearned = ["Coefficients", "Intercept", "LossHistory", "BatchLossHistory", "UpdateCount"];
    private static readonly string[] LogisticLearned = ["Coefficients", "Intercept", "Iterations", "Converged", "LossHistory"];
    private static readonly string[] SvcLearned = ["SupportIndices", "SupportVectors", "DualCoefficients", "Alpha", "Intercept", "Iterations", "Converged", "DualObjective", "Coefficients"];
    private static readonly string[] SoftmaxLearned = ["Coefficients", "Intercepts", "ClassCount", "Iterations", "Converged", "LossHistory"];
    private static readonly string[] PcaLearned = ["Mean", "Components", "ExplainedVariance", "ExplainedVarianceRatio", "FullExplainedVarianceRatio", "SingularValues"];
    private static readonly string[] SelectorLearned = ["Selected", "Support"];

    public static readonly IReadOnlyDictionary<string, Case> All = new Dictionary<string, Case>
    {
        // Regressors
        ["LinearRegression(Svd)"] = new(() => new LinearRegression(), ["Coefficients", "Intercept", "Rank", "SingularValues"]),
        ["LinearRegression(NormalEquation)"] = new(() => new LinearRegression(solver: LeastSquaresSolver.NormalEquation), ["Coefficients", "Intercept", "Rank", "SingularValues"]),
        ["LinearRegression(Qr, no intercept)"] = new(() => new LinearRegression(fitIntercept: false, solver: LeastSquaresSolver.Qr), ["Coefficients", "Intercept", "Rank", "SingularValues"]),
        ["RidgeRegression"] = new(() => new RidgeRegression(0.5), ["Coefficients", "Intercept"]),
        ["LassoRegression"] = new(() => new LassoRegression(0.05), ["Coefficients", "Intercept", "Iterations", "Converged", "DualityGap"]),
        ["GradientDescentRegressor(batch)"] = new(() => new GradientDescentRegressor(lr: 0.1, epochs: 50), GdLearned),
        ["GradientDescentRegressor(mini-batch, l2)"] = new(() => new GradientDescentRegressor(lr: 0.05, epochs: 10, batchSize: 7, l2: 0.01, recordUpdates: true), GdLearned),
        ["GradientDescentRegressor(Adam, mini-batch)"] = new(() => new GradientDescentRegressor(epochs: 10, batchSize: 7, optimizer: () => new Adam(0.05)), GdLearned),
        ["DecisionTreeRegressor"] = new(() => new DecisionTreeRegressor(maxDepth: 4), ["Tree", "FeatureImportances"]),
        ["GradientBoostingRegressor"] = new(() => new GradientBoostingRegressor(new BoostingSettings(NEstimators: 10)), ["TrainLoss", "InitialPrediction", "LeafCounts", "FeatureImportances"]),
        ["RegressionPipeline(scale, select 2, ridge)"] = new(() => new RegressionPipeline([new StandardScaler(), new SelectKBest((x, y) => FilterScores.FRegression(x, y).Scores, 2)], new RidgeRegression(0.5)), []),

        // Classifiers (labels 0..K-1)
        ["LogisticRegression(Newton, L2)"] = new(() => new LogisticRegression(LogisticPenalty.L2, 0.05), LogisticLearned, Tags.Binary),
        ["LogisticRegression(GD, elastic net, no intercept)"] = new(() => new LogisticRegression(LogisticPenalty.ElasticNet, 0.05, 0.5, LogisticSolver.GradientDescent, fitIntercept: false, maxIterations: 200), LogisticLearned, Tags.Binary),
        ["SoftmaxRegression(Newton)"] = new(() => new SoftmaxRegression(0.05), SoftmaxLearned),
        ["SoftmaxRegression(GD)"] = new(() => new SoftmaxRegression(0.05, LogisticSolver.GradientDescent, maxIterations: 200), SoftmaxLearned),
        ["LogisticOneVsRest"] = new(() => new LogisticOneVsRest(() => new LogisticRegression(LogisticPenalty.L2, 0.05)), ["Models", "Coefficients", "Intercepts", "Converged"]),
        ["DecisionTreeClassifier"] = new(() => new DecisionTreeClassifier(maxDepth: 4), ["Tree", "ClassCount", "FeatureImportances"]),
        ["RandomForestClassifier"] = new(() => new RandomForestClassifier(nTrees: 10, seed: 3), ["Trees", "FeatureImportances"]),
        ["AdaBoostClassifier(SAMME, stumps)"] = new(() => new AdaBoostClassifier(10), ["Estimators", "EstimatorWeights", "EstimatorErrors", "ClassCount"]),
        ["GradientBoostingClassifier"] = new(() => new GradientBoostingClassifier(new BoostingSettings(NEstimators: 10)), ["TrainLoss", "LeafCounts", "FeatureImportances"], Tags.Binary),
        ["SupportVectorClassifier(linear)"] = new(() => new SupportVectorClassifier(Kernel.Linear(), 0.5), SvcLearned, Tags.Binary),
        ["SupportVectorClassifier(rbf)"] = new(() => new SupportVectorClassifier(Kernel.Rbf(0.3), 2.0), SvcLearned, Tags.Binary, Unavailable: ["Coefficients"]),
        ["OneVsOneSvc(rbf)"] = new(() => new OneVsOneSvc(() => new SupportVectorClassifier(Kernel.Rbf(0.3))), ["ClassCount", "Machines", "SupportIndices"]),
        ["HardMarginSvm"] = new(() => new HardMarginSvm(), ["Coefficients", "Intercept", "Alpha", "SupportIndices", "Margin"], Tags.Binary | Tags.Separable),
        ["PlattScaling(linear SVC, 3 stratified folds)"] = new(() => new PlattScaling(() => new SupportVectorClassifier(Kernel.Linear(), 0.5), new StratifiedKFold(3, shuffle: true, seed: 1)), ["Sigmoid", "Model"], Tags.Binary),
        ["PegasosSvm"] = new(() => new PegasosSvm(epochs: 20), ["Coefficients", "Intercept", "ObjectiveHistory"], Tags.Binary),
        ["Id3Classifier"] = new(() => new Id3Classifier(maxDepth: 3), ["Root", "LeafCount"], Tags.CategoricalInput),
        ["ClassificationPipeline(impute, scale, logistic)"] = new(() => new ClassificationPipeline([new SimpleImputer(), new StandardScaler()], new LogisticRegression()), [], Tags.Binary | Tags.AllowsNaN),

        // Transformers fitted on x alone
        ["StandardScaler"] = new(() => new StandardScaler(), ["Mean", "Scale"]),
        ["PolynomialFeatures"] = new(() => new PolynomialFeatures(3), ["InputFeatureCount", "OutputFeatureCount", "Powers"]),
        ["PolynomialFeatures(interaction only)"] = new(() => new PolynomialFeatures(2, interactionOnly: true), ["InputFeatureCount", "OutputFeatureCount", "Powers"]),
        ["MinMaxScaler"] = new(() => new MinMaxScaler(-1, 1), ["DataMin", "DataRange"]),
        ["RobustScaler"] = new(() => new RobustScaler(), ["Center", "Scale"]),
        ["QuantileTransformer(normal)"] = new(() => new QuantileTransformer(20, QuantileOutput.Normal), ["QuantileCount"]),
        ["Pca(2, whiten)"] = new(() => new Pca(2, whiten: true), PcaLearned),
        ["GaussianMixture(2, full)"] = new(() => new GaussianMixture(2), ["Weights", "Means", "Covariances", "LogLikelihoodHistory", "Iterations", "Converged"]),
        ["FunctionTransformer(log1p |x|)"] = new(() => new FunctionTransformer(x => x.Map(v => Math.Log(1 + Math.Abs(v))), "log1p|x|"), []),
        ["OneHotEncoder"] = new(() => new OneHotEncoder(), ["Categories", "OutputFeatureCount"], Tags.CategoricalInput),
        ["OrdinalEncoder"] = new(() => new OrdinalEncoder(), ["Categories"], Tags.CategoricalInput),
        ["SimpleImputer(median)"] = new(() => new SimpleImputer(ImputeStrategy.Median), ["Statistics"], Tags.AllowsNaN),
        ["KnnImputer"] = new(() => new KnnImputer(neighbors: 3), [], Tags.AllowsNaN),
        ["IterativeImputer"] = new(() => new IterativeImputer(iterations: 3), [], Tags.AllowsNaN),
        ["TransformerChain(impute, scale)"] = new(() => new TransformerChain(new SimpleImputer(), new StandardScaler()), [], Tags.AllowsNaN),
        ["ColumnTransformer(scale 0-1, min-max 2)"] = new(() => new ColumnTransformer([new ColumnBranch("scale", new StandardScaler(), [0, 1]), new ColumnBranch("range", new MinMaxScaler(), [2])]), []),

        // Transformers fitted with Fit(x, y)
        ["TargetEncoder"] = new(() => new TargetEncoder(smoothing: 2, folds: 3), ["GlobalMean"], Tags.CategoricalInput | Tags.NeedsY),
        ["SelectKBest(f_regression, 2)"] = new(() => new SelectKBest((x, y) => FilterScores.FRegression(x, y).Scores, 2), SelectorLearned, Tags.NeedsY),
        ["SelectFromModel(lasso)"] = new(() => new SelectFromModel((x, y) => new LassoRegression(0.05).Fit(x, y).Coefficients), SelectorLearned, Tags.NeedsY),
        ["RecursiveFeatureElimination(ridge, 2)"] = new(() => new RecursiveFeatureElimination((x, y) => new RidgeRegression(0.5).Fit(x, y).Coefficients.PointwiseAbs(), 2), [.. SelectorLearned, "Ranking"], Tags.NeedsY),
        ["ColumnTransformer(target-encode 0, one-hot 1-2)"] = new(() => new ColumnTransformer([new ColumnBranch("target", new TargetEncoder(smoothing: 2, folds: 3), [0]), new ColumnBranch("onehot", new OneHotEncoder(), [1, 2])]), [], Tags.CategoricalInput | Tags.NeedsY),
        ["TransformerChain(scale, select 2 by F test)"] = new(() => new TransformerChain(new StandardScaler(), new SelectKBest((x, y) => FilterScores.FClassif(x, y).Scores, 2)), [], Tags.NeedsY | Tags.ClassTarget),

        // Clusterers
        ["KMeans(3)"] = new(() => new KMeans(3, nInit: 3, seed: 2), ["ClusterCenters", "Labels", "Inertia", "NIter"]),
        ["Dbscan"] = new(() => new Dbscan(eps: 1.0, minSamples: 4), ["Labels", "Kinds", "ClusterCount"]),
        ["AgglomerativeClustering(3, ward)"] = new(() => new AgglomerativeClustering(3), ["LinkageMatrix", "Labels"]),
    };

    public static IEnumerable<string> NamesWhere(Func<IEstimator, Case, bool> predicate) =>
        All.Where(kv => predicate(kv.Value.Create(), kv.Value)).Select(kv => kv.Key);

    public static TheoryData<string> AllNames => new(All.Keys);
    public static TheoryData<string> ClassifierNames => new(NamesWhere((e, _) => e is IClassifier));
    /// <summary>Estimators fitted with a target: regressors, classifiers and supervised transformers.</summary>
    public static TheoryData<string> SupervisedNames => new(NamesWhere((e, c) => e is IRegressor or IClassifier || c.Has(Tags.NeedsY)));
    /// <summary>Estimators with an output for new rows (Predict, Transform, ...): all but DBSCAN and agglomerative clustering.</summary>
    public static TheoryData<string> InductiveNames => new(NamesWhere((e, _) => ContractAdapter.OutputMethods(e).Length > 0));
    public static TheoryData<string> WithUnavailableMembers => new(All.Where(kv => kv.Value.Unavailable.Length > 0).Select(kv => kv.Key));
}
