using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.ModelSelection;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.SupportVectorMachines;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.Calibration;

/// <summary>
/// Probabilities for a binary SVM by Platt scaling (Week 6, "Platt scaling"), as libsvm's probability option and
/// scikit-learn's CalibratedClassifierCV(method="sigmoid", ensemble=False) do it: out-of-fold decision values from
/// one machine per training fold, a <see cref="PlattSigmoid"/> fitted to them, then the machine refitted on all rows.
/// The sigmoid never sees a decision value of a row its machine was trained on: in-sample SVM scores are pushed
/// beyond the margin and would make the sigmoid over-confident.
/// </summary>
public sealed class PlattScaling : IProbabilisticClassifier
{
    private PlattSigmoid? _sigmoid;
    private SupportVectorClassifier? _model;

    /// <param name="machine">Builds one unfitted binary machine (called once here, to fail early, then once per fold and once for the final fit).</param>
    /// <param name="cv">The folds that give the out-of-fold decision values; default 5 shuffled stratified folds.</param>
    public PlattScaling(Func<SupportVectorClassifier> machine, ICrossValidator? cv = null)
    {
        Machine = machine;
        Cv = cv ?? new StratifiedKFold(5, shuffle: true);
        NewMachine();
    }

    public Func<SupportVectorClassifier> Machine { get; }
    public ICrossValidator Cv { get; }

    public bool IsFitted => _model is not null;
    /// <summary>The sigmoid fitted to the out-of-fold decision values.</summary>
    public PlattSigmoid Sigmoid { get { Fitted(nameof(Sigmoid)); return _sigmoid!; } }
    /// <summary>The machine refitted on every training row; its decision values feed the sigmoid at prediction time.</summary>
    public SupportVectorClassifier Model { get { Fitted(nameof(Model)); return _model!; } }

    public PlattScaling Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        ClassLabels.Binary(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var folds = Cv.Split(y);
        foreach (var fold in folds)
            if (fold.TrainIndices.Select(i => y[i]).Distinct().Count() < 2)
                throw new ArgumentException($"{nameof(y)}: a training fold of {nameof(Cv)} holds one class only; use stratified folds or more rows of the rarer class.", nameof(y));

        // <snippet name="platt-out-of-fold">
        var outOfFold = Vector<double>.Build.Dense(y.Count);
        foreach (var fold in folds)
        {
            var machine = NewMachine().Fit(CrossValidation.Rows(x, fold.TrainIndices), CrossValidation.Entries(y, fold.TrainIndices));
            var scores = machine.DecisionFunction(CrossValidation.Rows(x, fold.TestIndices));
            for (int t = 0; t < fold.TestIndices.Count; t++) outOfFold[fold.TestIndices[t]] = scores[t];
        }
        _sigmoid = PlattSigmoid.Fit(outOfFold, y);
        _model = NewMachine().Fit(x, y);
        // </snippet>
        return this;
    }

    /// <summary>(n, 2): column 1 is the sigmoid of the final machine's decision value, column 0 its complement.</summary>
    public Matrix<double> PredictProbability(Matrix<double> x)
    {
        Fitted(nameof(PredictProbability));
        var p = _sigmoid!.Probability(_model!.DecisionFunction(x));
        return Matrix<double>.Build.Dense(p.Count, 2, (r, c) => c == 1 ? p[r] : 1 - p[r]);
    }

    /// <summary>Label 1 where the calibrated probability is at least 1/2 (this can differ from the sign of f when B ≠ 0).</summary>
    public Vector<double> Predict(Matrix<double> x) => PredictProbability(x).Column(1).Map(p => p >= 0.5 ? 1.0 : 0.0);

    private SupportVectorClassifier NewMachine() => ModelFactory.Build(Machine, "machine");

    private void Fitted(string member) => Guard.Fitted(IsFitted, nameof(PlattScaling), member);

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
