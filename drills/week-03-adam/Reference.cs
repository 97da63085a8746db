// Drill "Implement the Adam optimiser" (Week 3). Base class library only, as on an interview pad.
namespace Drills.Week03;

public sealed class AdamDrill(double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
{
    private double[]? _m, _v;
    private int _t;

    public void Step(double[] w, double[] g)
    {
        if (w.Length != g.Length) throw new ArgumentException($"w has {w.Length} entries but g has {g.Length}.", nameof(g));
        _m ??= new double[w.Length];
        _v ??= new double[w.Length];
        if (_m.Length != w.Length) throw new ArgumentException($"This optimiser holds state for {_m.Length} weights, not {w.Length}.", nameof(w));
        _t++;
        // m and v start at 0, so E[m_t] = (1 − β₁ᵗ)E[g]: dividing by that factor removes the bias towards 0.
        double correction1 = 1 - Math.Pow(beta1, _t);
        double correction2 = 1 - Math.Pow(beta2, _t);
        for (int i = 0; i < w.Length; i++)
        {
            _m[i] = beta1 * _m[i] + (1 - beta1) * g[i];          // momentum: moving average of g
            _v[i] = beta2 * _v[i] + (1 - beta2) * g[i] * g[i];   // scale: moving average of g²
            double mHat = _m[i] / correction1, vHat = _v[i] / correction2;
            w[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
        }
    }
}
