using TorchSharp;
using static TorchSharp.torch;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Runtime;

/// <summary>
/// What <see cref="TorchCheck.Run()"/> found: versions, device, and a product computed twice.
/// Printed by notebooks/setup/check-environment.ipynb, section 3.
/// </summary>
/// <param name="TorchSharpVersion">Version of the managed TorchSharp assembly, e.g. 0.107.0.</param>
/// <param name="LibTorchVersion">The libtorch that TorchSharp wraps (<c>torch.__version__</c>), e.g. 2.10.0.0 for libtorch 2.10.0.</param>
/// <param name="Device">Where the product was computed, e.g. cpu.</param>
/// <param name="A">Left factor.</param>
/// <param name="B">Right factor.</param>
/// <param name="TorchProduct">A @ B computed by libtorch on <paramref name="Device"/>.</param>
/// <param name="LoopProduct">A @ B computed by three plain C# loops, independent of TorchSharp.</param>
public sealed record TorchCheckReport(
    string TorchSharpVersion,
    string LibTorchVersion,
    string Device,
    float[,] A,
    float[,] B,
    float[,] TorchProduct,
    float[,] LoopProduct)
{
    public override string ToString() =>
        $"TorchSharp {TorchSharpVersion} (libtorch {LibTorchVersion}) on {Device}{Environment.NewLine}" +
        $"A @ B by libtorch: {Format(TorchProduct)}{Environment.NewLine}" +
        $"A @ B by C# loops: {Format(LoopProduct)}";

    private static string Format(float[,] m) =>
        "[" + string.Join(", ", Enumerable.Range(0, m.GetLength(0))
            .Select(i => "[" + string.Join(", ", Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j].ToString("G", System.Globalization.CultureInfo.InvariantCulture))) + "]")) + "]";
}

/// <summary>
/// The setup notebook's first deep-learning cell (notebooks/setup/check-environment.ipynb): proves
/// that libtorch loads and computes correctly on the configured device, with numbers a learner
/// can check by hand.
/// </summary>
public static class TorchCheck
{
    /// <summary>Runs the check on <see cref="TorchDevice.Current"/>.</summary>
    public static TorchCheckReport Run() => Run(TorchDevice.Current);

    /// <exception cref="InvalidOperationException">
    /// TorchSharp cannot load, or libtorch's product disagrees with the loop product.
    /// </exception>
    public static TorchCheckReport Run(Device device)
    {
        Guard.NotNull(device, nameof(device));
        TorchNative.EnsureLoaded();
        // Small integers: every product and sum is exact in float32, so the two results must be
        // equal, not merely close. By hand: [[1*5+2*7, 1*6+2*8], [3*5+4*7, 3*6+4*8]] = [[19, 22], [43, 50]].
        float[,] a = { { 1, 2 }, { 3, 4 } };
        float[,] b = { { 5, 6 }, { 7, 8 } };

        float[,] viaTorch;
        using (NewDisposeScope())
        {
            var product = tensor(a, device: device).matmul(tensor(b, device: device)); // (2, 2)
            viaTorch = ToArray(product.cpu());
        }
        var viaLoops = LoopMatmul(a, b);

        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                if (viaTorch[i, j] != viaLoops[i, j])
                    throw new InvalidOperationException(
                        $"libtorch computed (A @ B)[{i}, {j}] = {viaTorch[i, j]} on {device}, but the exact value is {viaLoops[i, j]}. " +
                        "The native library is loaded but computes wrong results; reinstall the TorchSharp packages.");

        var torchSharpVersion = typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";
        return new TorchCheckReport(torchSharpVersion, __version__, device.ToString(), a, b, viaTorch, viaLoops);
    }

    private static float[,] ToArray(Tensor m)
    {
        var values = m.data<float>().ToArray();
        int rows = (int)m.shape[0], cols = (int)m.shape[1];
        var result = new float[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                result[i, j] = values[i * cols + j];
        return result;
    }

    private static float[,] LoopMatmul(float[,] a, float[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new float[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                for (int t = 0; t < k; t++)
                    c[i, j] += a[i, t] * b[t, j];
        return c;
    }
}
