// A plausible wrong answer to the drill "Calculate output dimensions for a conv layer" (Week 10). Base class library only.
namespace Drills.Week10;

public static class Conv
{
    /// <summary>Right except the dilation: forward passes (dilation 1) and the plain sizes pass, the dilated size does not.</summary>
    public static int OutputSize(int n, int k, int padding, int stride, int dilation)
    {
        if (n < 1 || k < 1 || stride < 1 || dilation < 1 || padding < 0)
            throw new ArgumentException($"n, k, stride and dilation must be ≥ 1 and padding ≥ 0, but are {n}, {k}, {stride}, {dilation}, {padding}.");
        int span = k;   // the mistake: the dilation forgotten, a dilated kernel taken to span k positions
        if (span > n + 2 * padding)
            throw new ArgumentException($"the kernel spans {span} positions, more than the padded input's {n + 2 * padding}.");
        return (n + 2 * padding - span) / stride + 1;
    }

    /// <summary>y[o, i, j] = b[o] + Σ_{c, a, e} x[c, i·s − p + a, j·s − p + e] · w[o, c, a, e], zero outside x.</summary>
    public static double[,,] Forward(double[,,] x, double[,,,] w, double[] b, int padding, int stride)
    {
        int cin = x.GetLength(0), h = x.GetLength(1), wd = x.GetLength(2);
        int cout = w.GetLength(0), kh = w.GetLength(2), kw = w.GetLength(3);
        if (w.GetLength(1) != cin) throw new ArgumentException($"w has {w.GetLength(1)} input channels, x has {cin}.", nameof(w));
        if (b.Length != cout) throw new ArgumentException($"b has {b.Length} entries, w has {cout} output channels.", nameof(b));
        int oh = OutputSize(h, kh, padding, stride, 1), ow = OutputSize(wd, kw, padding, stride, 1);
        var y = new double[cout, oh, ow];
        for (int o = 0; o < cout; o++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                {
                    double sum = b[o];
                    for (int c = 0; c < cin; c++)
                        for (int a = 0; a < kh; a++)
                            for (int e = 0; e < kw; e++)
                            {
                                int r = i * stride - padding + a, col = j * stride - padding + e;
                                if (r >= 0 && r < h && col >= 0 && col < wd) sum += x[c, r, col] * w[o, c, a, e];
                            }
                    y[o, i, j] = sum;
                }
        return y;
    }
}
