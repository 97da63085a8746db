using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.FeatureSelection;
using MlCourse.Classical.Imputation;
using MlCourse.Classical.LinearModels;
using MlCourse.Core.Metrics;
using MlCourse.Classical.ModelSelection;
using MlCourse.Classical.Pipelines;
using MlCourse.Classical.Preprocessing;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;
using MlCourse.Core.Randomness;
using MlCourse.Tests.Classical.Support;

namespace MlCourse.Tests.Classical.Pipelines;

public class PipelineTests
{
    /// <summary>A transformer that remembers the rows it was fitted on (identified by an id column) and passes them through.</summary>
    private sealed class SpyTransformer(List<HashSet<int>> log) : ITransformer
    {
        public bool IsFitted { get; private set; }
        public ITransformer Fit(Matrix<double> x) { log.Add(x.Column(0).Select(v => (int)v).ToHashSet()); IsFitted = true; return this; }
        public Matrix<double> Transform(Matrix<double> x) => x;
    }

    [Fact]
    public void Cross_validating_a_pipeline_never_fits_a_transformer_on_validation_rows()
    {
        // Column 0 holds the row id. For each KFold split the spy must have been fitted on exactly the training ids.
        var (x, y) = Data.DiabetesRaw();
        var withId = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount + 1, (i, j) => j == 0 ? i : x[i, j - 1]);
        var log = new List<HashSet<int>>();
        var cv = new KFold(5, shuffle: true, seed: 3);
        var result = CrossValidation.Run(() => new RegressionPipeline([new SpyTransformer(log), new StandardScaler()], new RidgeRegression(1.0)),
            withId, y, cv, RegressionMetrics.R2);
        var folds = cv.Split(y);
        Assert.Equal(folds.Count, log.Count);
        for (int f = 0; f < folds.Count; f++)
        {
            Assert.True(log[f].SetEquals(folds[f].TrainIndices), $"fold {f}: fitted on rows other than the training rows");
            Assert.Empty(log[f].Intersect(folds[f].TestIndices));
        }
        Assert.All(result.Scores, s => Assert.True(s > 0.3));
    }

    [Fact]
    public void A_pipeline_predicts_exactly_as_its_steps_applied_by_hand()
    {
        var (x, y) = Data.DiabetesRaw();
        var pipeline = new RegressionPipeline([new StandardScaler(), new PolynomialFeatures(2, includeBias: false, interactionOnly: true)], new RidgeRegression(0.5)).Fit(x, y);
        var scaler = new StandardScaler().Fit(x);
        var poly = new PolynomialFeatures(2, false, true).Fit(scaler.Transform(x));
        var ridge = new RidgeRegression(0.5).Fit(poly.Transform(scaler.Transform(x)), y);
        Expect.Close(ridge.Predict(poly.Transform(scaler.Transform(x))), pipeline.Predict(x), 1e-9);
    }

    [Fact]
    public void A_pipeline_ending_in_a_classifier_works_with_cross_validation_and_a_target_encoder_branch()
    {
        // Breast cancer with an added categorical column (a random id in 0..49, no signal): impute, scale the numeric
        // columns, target-encode the id out of fold, then L1 logistic regression. Cross-validated accuracy stays high.
        var cancer = MlCourse.Core.Data.Datasets.BreastCancer();
        var rng = MlCourse.Core.Randomness.Seeded.Random(1);
        var x = cancer.X.Append(Matrix<double>.Build.Dense(cancer.SampleCount, 1, (_, _) => rng.Next(50)));
        int[] numeric = Enumerable.Range(0, 30).ToArray();
        IClassifier Factory() => new ClassificationPipeline(
            [new ColumnTransformer([
                new ColumnBranch("numeric", new StandardScaler(), numeric),
                new ColumnBranch("id", new TargetEncoder(smoothing: 5), [30])])],
            new LogisticRegression(LogisticPenalty.L1, alpha: 0.01, solver: LogisticSolver.GradientDescent));
        var result = CrossValidation.Run(Factory, x, cancer.Y, new StratifiedKFold(5, shuffle: true, seed: 2), ClassificationMetrics.Accuracy);
        Assert.True(result.Mean > 0.93, $"accuracy {result.Mean}");
    }

    [Fact]
    public void Column_transformer_places_branch_outputs_in_order_then_passes_the_rest_through()
    {
        // Columns: 0 numeric, 1 code in {0, 1}, 2 untouched. Branches: one-hot of column 1, then min-max of column 0.
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 10, 0, 7 }, { 20, 1, 8 }, { 30, 1, 9 } });
        var ct = new ColumnTransformer([
            new ColumnBranch("codes", new OneHotEncoder(), [1]),
            new ColumnBranch("numeric", new MinMaxScaler(), [0])], Remainder.Passthrough);
        var z = ct.Fit(x).Transform(x);
        Assert.Equal(new double[,] { { 1, 0, 0, 7 }, { 0, 1, 0.5, 8 }, { 0, 1, 1, 9 } }, z.ToArray());
        var e = Assert.Throws<ArgumentException>("x", () => ct.Transform(Matrix<double>.Build.Dense(2, 4)));
        Assert.Contains("fitted with 3", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColumnTransformer([new ColumnBranch("bad", new MinMaxScaler(), [5])]).Fit(x));
    }

    [Fact]
    public void Pipeline_with_an_imputer_handles_missing_values_end_to_end()
    {
        var (x, y) = Data.DiabetesRaw();
        var holes = MissingnessSimulation.Apply(x, 2, MissingMechanism.Mcar, 0.3, seed: 5);
        var pipeline = new RegressionPipeline([new SimpleImputer(ImputeStrategy.Median), new StandardScaler()], new RidgeRegression(1.0)).Fit(holes, y);
        Assert.True(pipeline.Predict(holes).All(double.IsFinite));
        Assert.Throws<ArgumentException>("x", () => new RegressionPipeline([new StandardScaler()], new RidgeRegression()).Fit(holes, y));
    }

    [Fact]
    public void Feature_selection_inside_the_pipeline_is_refitted_per_fold()
    {
        // 200 rows, 500 pure-noise features, labels 0, 1, 0, 1, ... (independent of the noise). Selecting the 10 best by F on all rows and then
        // cross-validating reports accuracy well above chance; selecting inside the pipeline gives about 0.5.
        var rng = MlCourse.Core.Randomness.Seeded.Random(17);
        var x = Matrix<double>.Build.Dense(200, 500, (_, _) => rng.NextGaussian());
        var y = AlternatingLabels(200);
        var cv = new StratifiedKFold(5, shuffle: true, seed: 1);
        var leaky = new SelectKBest((a, b) => FilterScores.FClassif(a, b).Scores, 10);
        leaky.Fit(x, y);
        var xLeaky = leaky.Transform(x);
        double leakyScore = CrossValidation.Run(() => new LogisticRegression(alpha: 0.1), xLeaky, y, cv, ClassificationMetrics.Accuracy).Mean;
        double honestScore = CrossValidation.Run(() => new ClassificationPipeline([new SelectKBest((a, b) => FilterScores.FClassif(a, b).Scores, 10)], new LogisticRegression(alpha: 0.1)),
            x, y, cv, ClassificationMetrics.Accuracy).Mean;
        Assert.True(leakyScore > 0.65, $"leaky {leakyScore}");
        Assert.InRange(honestScore, 0.35, 0.62);
    }

    [Fact]
    public void Pipeline_rejects_misuse_clearly()
    {
        var scaler = new StandardScaler();
        Assert.Throws<ArgumentException>("steps", () => new RegressionPipeline([scaler, scaler], new RidgeRegression()));
        Assert.Throws<ArgumentNullException>("regressor", () => new RegressionPipeline([new StandardScaler()], null!));
        var regression = new RegressionPipeline([new StandardScaler()], new RidgeRegression());
        Assert.Throws<NotFittedException>(() => regression.Predict(Matrix<double>.Build.Dense(2, 2)));
        var e = Assert.Throws<ArgumentException>("y", () => regression.Fit(Matrix<double>.Build.Dense(3, 2, 1), Vector<double>.Build.Dense(2)));
        Assert.Contains("same number of samples", e.Message);
    }

    private static Vector<double> AlternatingLabels(int n) => Vector<double>.Build.Dense(n, i => i % 2);
}

public class TransformerChainTests
{
    [Fact]
    public void A_chain_imputes_then_scales_and_equals_the_steps_applied_by_hand()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, double.NaN }, { 3, 4 }, { double.NaN, 8 } });
        var chain = new TransformerChain(new SimpleImputer(), new MinMaxScaler()).Fit(x);
        // By hand: means 2 and 6 fill the holes -> [[1, 6], [3, 4], [2, 8]]; min-max per column -> [[0, 0.5], [1, 0], [0.5, 1]].
        Assert.Equal(new double[,] { { 0, 0.5 }, { 1, 0 }, { 0.5, 1 } }, chain.Transform(x).ToArray());
        Assert.Throws<ArgumentException>("steps", () => new TransformerChain());
        Assert.Throws<InvalidOperationException>(() => new TransformerChain(new TargetEncoder()).Fit(x));
    }
}

public class PipelineCrossValidationTests
{
    [Fact]
    public void Pipeline_cross_validation_accepts_holes_and_matches_cross_validation_on_complete_data()
    {
        // On complete data the two loops are the same computation, so the scores are identical.
        var (x, y) = Data.DiabetesRaw();
        var cv = new KFold(5, shuffle: true, seed: 2);
        IRegressor Factory() => new RegressionPipeline([new SimpleImputer(), new StandardScaler()], new RidgeRegression(1.0));
        Assert.Equal(CrossValidation.Run(Factory, x, y, cv, RegressionMetrics.R2).Scores, PipelineCrossValidation.Run(Factory, x, y, cv, RegressionMetrics.R2).Scores);
        var holes = MissingnessSimulation.Apply(x, 3, MissingMechanism.Mcar, 0.3, seed: 1);
        Assert.Throws<ArgumentException>("x", () => CrossValidation.Run(Factory, holes, y, cv, RegressionMetrics.R2));
        Assert.All(PipelineCrossValidation.Run(Factory, holes, y, cv, RegressionMetrics.R2).Scores, s => Assert.True(s > 0.3));
        var inf = x.Clone(); inf[0, 0] = double.PositiveInfinity;
        Assert.Throws<ArgumentException>("x", () => PipelineCrossValidation.Run(Factory, inf, y, cv, RegressionMetrics.R2));
    }
}
