using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Numerics;
using MlCourse.Classical.SupportVectorMachines.Kernels;
using MlCourse.Core.Estimators;
using MlCourse.Core.Validation;

namespace MlCourse.Classical.SupportVectorMachines;

/// <summary>
/// Multiclass SVM by one-vs-one voting, as libsvm (and so scikit-learn's SVC) does (Week 6, "Multiclass"):
/// one binary machine per pair of classes (p, q), p &lt; q, trained on those two classes' rows only;
/// each machine votes, the class with most votes wins, ties go to the smaller label.
/// K(K−1)/2 machines, but each sees about 2n/K rows, and SMO's cost grows faster than linearly in n,
/// so this is usually cheaper than K one-vs-rest machines on all n rows.
/// </summary>
public sealed class OneVsOneSvc : IClassifier
{
    private SupportVectorClassifier[]? _machines;
    private (int P, int Q)[] _pairs = [];
    private int _classCount;
    private int[] _supportIndices = [];

    /// <param name="machine">Builds one unfitted binary machine, e.g. <c>() => new SupportVectorClassifier(Kernel.Rbf(0.1), 10)</c>
    /// (called once here, to fail early, and once per pair of classes in Fit). Its hyper-parameters and their
    /// validation stay in <see cref="SupportVectorClassifier"/>.</param>
    public OneVsOneSvc(Func<SupportVectorClassifier> machine)
    {
        Machine = machine;
        NewMachine();   // fails here, not in Fit, if the factory is broken
    }

    /// <summary>The factory of the pairwise machines.</summary>
    public Func<SupportVectorClassifier> Machine { get; }

    public bool IsFitted => _machines is not null;
    public int ClassCount { get { Fitted(nameof(ClassCount)); return _classCount; } }
    /// <summary>The binary machines in libsvm's order (0,1), (0,2), ..., (K−2,K−1); in each, label 1 means class Q.</summary>
    public IReadOnlyList<(int P, int Q, SupportVectorClassifier Machine)> Machines
    {
        get { Fitted(nameof(Machines)); return _pairs.Select((p, k) => (p.P, p.Q, _machines![k])).ToArray(); }
    }
    /// <summary>Training rows that are a support vector of at least one machine (scikit-learn's support_ as a set), increasing.</summary>
    public int[] SupportIndices { get { Fitted(nameof(SupportIndices)); return (int[])_supportIndices.Clone(); } }

    public OneVsOneSvc Fit(Matrix<double> x, Vector<double> y)
    {
        Guard.Matrix(x, nameof(x));
        int k = ClassLabels.Multiclass(y, nameof(y));
        Guard.SameLength(x, y, nameof(x), nameof(y));
        var all = Kernel.Rows(x);
        var pairs = new List<(int, int)>();
        var machines = new List<SupportVectorClassifier>();
        var support = new SortedSet<int>();
        for (int p = 0; p < k; p++)
            for (int q = p + 1; q < k; q++)
            {
                var rows = Enumerable.Range(0, y.Count).Where(i => y[i] == p || y[i] == q).ToArray();
                var xPair = rows.Select(i => all[i]).ToArray();   // shares the row arrays: nothing is copied per pair
                var yPair = rows.Select(i => y[i] == q ? 1.0 : 0.0).ToArray();
                var machine = NewMachine().FitRows(xPair, yPair);
                foreach (var s in machine.SupportIndices) support.Add(rows[s]);
                pairs.Add((p, q));
                machines.Add(machine);
            }
        _pairs = pairs.ToArray();
        _machines = machines.ToArray();
        _classCount = k;
        _supportIndices = support.ToArray();
        return this;
    }

    /// <summary>Votes (n, K): how many pairwise machines chose each class for each row.</summary>
    public Matrix<double> Votes(Matrix<double> x)
    {
        Fitted(nameof(Votes));
        Guard.Matrix(x, nameof(x));
        var votes = Matrix<double>.Build.Dense(x.RowCount, _classCount);
        for (int m = 0; m < _machines!.Length; m++)
        {
            var f = _machines[m].DecisionFunction(x);
            for (int r = 0; r < x.RowCount; r++) votes[r, f[r] >= 0 ? _pairs[m].Q : _pairs[m].P] += 1;
        }
        return votes;
    }

    public Vector<double> Predict(Matrix<double> x)
    {
        Fitted(nameof(Predict));
        var votes = Votes(x);
        var yHat = Vector<double>.Build.Dense(x.RowCount);
        for (int r = 0; r < x.RowCount; r++)
        {
            int best = 0;
            for (int c = 1; c < _classCount; c++) if (votes[r, c] > votes[r, best]) best = c;   // strict: ties keep the smaller label
            yHat[r] = best;
        }
        return yHat;
    }

    private SupportVectorClassifier NewMachine() => ModelFactory.Build(Machine, "machine");

    private void Fitted(string member) => Guard.Fitted(IsFitted, nameof(OneVsOneSvc), member);

    IClassifier IClassifier.Fit(Matrix<double> x, Vector<double> y) => Fit(x, y);
}
