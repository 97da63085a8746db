using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Scratch.Recurrent;

namespace MlCourse.DeepLearning.Tests.Scratch.Recurrent;

/// <summary>A random sequence batch, initial states and loss weights for one cell: L = Σ output ⊙ R_out + Σ h_T ⊙ R_h (+ Σ c_T ⊙ R_c).</summary>
internal sealed record RecurrentProblem(ScratchRecurrent Cell, int Batch, int Time, double[] X, double[] H0, double[]? C0,
    double[] OutputWeights, double[] HiddenWeights, double[]? CellWeights)
{
    public static ScratchRecurrent MakeCell(string kind, int input, int hidden, int seed) => kind switch
    {
        "rnn" => new ScratchRnn(input, hidden, seed),
        "lstm" => new ScratchLstm(input, hidden, seed),
        "gru" => new ScratchGru(input, hidden, seed),
        _ => throw new ArgumentException($"unknown cell {kind}", nameof(kind)),
    };

    public static RecurrentProblem Random(string kind, int batch, int time, int input, int hidden, int seed)
    {
        var cell = MakeCell(kind, input, hidden, seed);
        var rng = Seeded.Random(seed + 1);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        bool lstm = cell is ScratchLstm;
        return new RecurrentProblem(cell, batch, time, Draw(batch * time * input), Draw(batch * hidden), lstm ? Draw(batch * hidden) : null,
            Draw(batch * time * hidden), Draw(batch * hidden), lstm ? Draw(batch * hidden) : null);
    }

    public RecurrentPass Forward() => Cell.Forward(X, Batch, Time, H0, C0);

    public RecurrentGradients Backward(int? truncateAfter = null) =>
        Cell.Backward(Forward(), OutputWeights, HiddenWeights, CellWeights, truncateAfter);

    public double Loss() => Loss(Forward());

    public double Loss(RecurrentPass pass)
    {
        double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();
        return Dot(pass.Output, OutputWeights) + Dot(pass.FinalHidden, HiddenWeights) + (CellWeights is null ? 0 : Dot(pass.FinalCell!, CellWeights));
    }

    /// <summary>Every array the loss depends on, by name, with its analytic gradient: what a finite-difference check perturbs.</summary>
    public IEnumerable<(string Name, double[] Values, double[] Gradient)> Parameters(RecurrentGradients g)
    {
        var w = Cell.Weights;
        yield return ("x", X, g.Input);
        yield return ("h0", H0, g.InitialHidden);
        if (C0 is not null) yield return ("c0", C0, g.InitialCell!);
        yield return ("weight_ih_l0", w.WeightIh, g.WeightIh);
        yield return ("weight_hh_l0", w.WeightHh, g.WeightHh);
        yield return ("bias_ih_l0", w.BiasIh, g.BiasIh);
        yield return ("bias_hh_l0", w.BiasHh, g.BiasHh);
    }
}
