using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// One-vs-rest: K independent binary logistic regressions, "class k or not", combined by taking the most
/// confident (Week 2, "One-vs-rest vs softmax").
/// </summary>
/// <remarks>
/// Each classifier sees its class as 1 and every other as 0. The binary model comes from a factory,
/// <c>new LogisticOneVsRest(() => new LogisticRegression(LogisticPenalty.L2, 0.1))</c>: its hyper-parameters and their
/// validation stay in <see cref="LogisticRegression"/>, and every class gets a new, unfitted model. The K sigmoids are
/// not a distribution (they need not sum to 1), so probabilities are σ(z_k) divided by their row sum, as scikit-learn's
/// multi_class='ovr' does. Unlike softmax, the K models are fitted separately, so the scores of different classes are
/// not calibrated against each other.
/// </remarks>
public sealed class LogisticOneVsRest : IProbabilisticClassifier
{
    private LogisticRegression[]? _models;
    private Matrix<double>? _coefficients;
    private Vector<double>? _intercepts;

    /// <param name="baseModel">Builds one unfitted binary model (called once here, to fail early, and once per class in Fit); null means <c>new LogisticRegression()</c>.</param>
    public LogisticOneVsRest(Func<LogisticRegression>? baseModel = null)
    {
        BaseModel = baseModel ?? (() => new LogisticRegression());
        NewModel();   // fails here, not in Fit, if the factory is broken
    }

    /// <summary>The factory of the binary "class k vs the rest" models.</summary>
    public Func<LogisticRegression> BaseModel { get; }

    public bool IsFitted => _coefficients is not null;

    /// <summary>(p, K): column k holds the weights of "class k vs the rest".</summary>
    public Matrix<double> Coefficients { get { Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Coefficients)); return _coefficients!.Clone(); } }
    public Vector<double> Intercepts { get { Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Intercepts)); return _intercepts!.Clone(); } }
    /// <summary>Whether each binary model converged.</summary>
    public IReadOnlyList<bool> Converged { get { Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Converged)); return _models!.Select(m => m.Converged).ToArray(); } }
    /// <summary>The fitted binary models; model k is "class k (label 1) vs the rest".</summary>
    public IReadOnlyList<LogisticRegression> Models { get { Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Models)); return _models!.ToArray(); } }

    public LogisticOneVsRest Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        int k = ClassLabels.Multiclass(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var w = Matrix<double>.Build.Dense(x.ColumnCount, k);
        var b = Vector<double>.Build.Dense(k);
        var models = new LogisticRegression[k];
        for (int c = 0; c < k; c++)
        {
            var binary = y.Map(v => v == c ? 1.0 : 0.0);                         // class c against the rest
            models[c] = NewModel().Fit(x, binary);
            w.SetColumn(c, models[c].Coefficients);
            b[c] = models[c].Intercept;
        }
        _models = models;
        _coefficients = w;
        _intercepts = b;
        return this;
    }

    /// <summary>The K binary logits, (n, K).</summary>
    public Matrix<double> DecisionFunction(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(DecisionFunction));
        Guard.Matrix(x, nameof(x));
        Guard.FeatureCount(x, _coefficients!.RowCount, nameof(x));
        var z = x * _coefficients;
        for (int i = 0; i < z.RowCount; i++) z.SetRow(i, z.Row(i) + _intercepts!);
        return z;
    }

    /// <summary>σ(z_k) normalised over k, (n, K).</summary>
    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(PredictProbability));
        var p = DecisionFunction(x).Map(Sigmoid.Of);
        for (int i = 0; i < p.RowCount; i++) p.SetRow(i, p.Row(i) / p.Row(i).Sum());
        return p;
    }

    /// <summary>The class whose binary model gives the largest logit, the first on a tie.</summary>
    public Vector<double> Predict(Matrix<double> x)
    {
        Guard.Fitted(IsFitted, nameof(LogisticOneVsRest), nameof(Predict));
        var z = DecisionFunction(x);
        return Vector<double>.Build.Dense(z.RowCount, i => z.Row(i).MaximumIndex());
    }

    private LogisticRegression NewModel() => ModelFactory.Build(BaseModel, "baseModel");

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
