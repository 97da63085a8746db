using MlCourse.DeepLearning.Scratch.Recurrent;

namespace MlCourse.DeepLearning.Tests.Scratch.Recurrent;

/// <summary>
/// The LSTM bug a hurried derivation makes: ∂L/∂f = ∂L/∂c_t instead of ∂L/∂c_t ⊙ c_(t−1). A one-unit LSTM's bias
/// gradient, written here with and without the bug, shows the finite-difference check rejects the wrong one while the
/// right one agrees with it and with <see cref="ScratchLstm"/>.
/// </summary>
public sealed class ForgetGateBugTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>∂L/∂b_ih (i, f, g, o) of a 1-unit LSTM on L = Σ_t r_t h_t, by hand, optionally with the bug.</summary>
    private static double[] BiasGradient(RecurrentWeights w, double[] x, double[] r, double h0, double c0, bool useParentCell)
    {
        int time = x.Length;
        var (ig, fg, gg, og, c, tc) = (new double[time], new double[time], new double[time], new double[time], new double[time + 1], new double[time]);
        var h = new double[time + 1];
        (h[0], c[0]) = (h0, c0);
        for (int t = 0; t < time; t++)
        {
            double A(int gate) => w.WeightIh[gate] * x[t] + w.BiasIh[gate] + w.WeightHh[gate] * h[t] + w.BiasHh[gate];
            (ig[t], fg[t], gg[t], og[t]) = (Sigmoid(A(0)), Sigmoid(A(1)), Math.Tanh(A(2)), Sigmoid(A(3)));
            c[t + 1] = fg[t] * c[t] + ig[t] * gg[t];
            tc[t] = Math.Tanh(c[t + 1]);
            h[t + 1] = og[t] * tc[t];
        }
        var db = new double[4];
        double dh = 0, dc = 0;
        for (int t = time - 1; t >= 0; t--)
        {
            dh += r[t];
            double dct = dc + dh * og[t] * (1 - tc[t] * tc[t]);
            double[] da =
            [
                dct * gg[t] * ig[t] * (1 - ig[t]),
                dct * (useParentCell ? c[t] : 1.0) * fg[t] * (1 - fg[t]),
                dct * ig[t] * (1 - gg[t] * gg[t]),
                dh * tc[t] * og[t] * (1 - og[t]),
            ];
            for (int k = 0; k < 4; k++) db[k] += da[k];
            dh = Enumerable.Range(0, 4).Sum(k => da[k] * w.WeightHh[k]);
            dc = dct * fg[t];
        }
        return db;
    }

    [Fact]
    public void Dropping_the_previous_cell_state_from_the_forget_gate_gradient_fails_the_finite_difference_check()
    {
        var lstm = new ScratchLstm(1, 1, seed: 5);
        double[] x = [0.9, -1.2, 0.4, 1.5], r = [0.3, -0.7, 1.1, 0.5];
        double[] h0 = [0.2], c0 = [1.3];
        double Loss() => lstm.Forward(x, 1, 4, h0, c0).Output.Zip(r, (p, q) => p * q).Sum();

        var numeric = new double[4];
        var b = lstm.Weights.BiasIh;
        for (int k = 0; k < 4; k++)
        {
            double keep = b[k];
            b[k] = keep + 1e-6; double up = Loss();
            b[k] = keep - 1e-6; double down = Loss();
            b[k] = keep;
            numeric[k] = (up - down) / 2e-6;
        }
        var library = lstm.Backward(lstm.Forward(x, 1, 4, h0, c0), r).BiasIh;

        var right = BiasGradient(lstm.Weights, x, r, h0[0], c0[0], useParentCell: true);
        var wrong = BiasGradient(lstm.Weights, x, r, h0[0], c0[0], useParentCell: false);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(library[k], right[k], 12);
            Assert.True(Math.Abs(right[k] - numeric[k]) < 1e-8, $"gate {k}: {right[k]} vs {numeric[k]}");
        }
        Assert.True(Math.Abs(wrong[1] - numeric[1]) > 1e-3, $"the forget-gate bug passed: {wrong[1]} vs {numeric[1]}");
    }
}
