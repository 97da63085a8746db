// A plausible wrong answer to "Implement the Adam optimiser": no bias correction. It still minimises a quadratic
// (the moving averages warm up after ~1/(1 − β₂) steps), but its first steps are about 3 times too large.
namespace Drills.Week03;

public sealed class AdamDrill(double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
{
    private double[]? _m, _v;

    public void Step(double[] w, double[] g)
    {
        if (w.Length != g.Length) throw new ArgumentException("w and g differ in length.", nameof(g));
        _m ??= new double[w.Length];
        _v ??= new double[w.Length];
        for (int i = 0; i < w.Length; i++)
        {
            _m[i] = beta1 * _m[i] + (1 - beta1) * g[i];
            _v[i] = beta2 * _v[i] + (1 - beta2) * g[i] * g[i];
            w[i] -= lr * _m[i] / (Math.Sqrt(_v[i]) + eps);
        }
    }
}
