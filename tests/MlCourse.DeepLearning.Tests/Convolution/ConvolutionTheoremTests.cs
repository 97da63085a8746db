using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using MlCourse.Core.Randomness;
using MlCourse.DeepLearning.Convolution;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Convolution;

/// <summary>
/// The convolution theorem on numbers: the plain DFT against MathNet's FFT, circular convolution against the
/// inverse DFT of the product of DFTs, and linear convolution (zero padded) against TorchSharp's conv1d.
/// </summary>
public sealed class ConvolutionTheoremTests
{
    private static double[] Random(int n, int seed)
    {
        var rng = Seeded.Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b, (u, v) => Math.Abs(u - v)).Max();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(45)]
    public void The_plain_DFT_agrees_with_MathNets_FFT(int n)
    {
        var x = Random(n, n);
        var fft = x.Select(v => new Complex(v, 0)).ToArray();
        Fourier.Forward(fft, FourierOptions.Matlab);             // Matlab convention: e^{−2πi kt/n}, no scaling forward
        var dft = DiscreteFourier.Transform(x);
        Assert.True(dft.Zip(fft, (a, b) => (a - b).Magnitude).Max() < 1e-10);
        var back = DiscreteFourier.Inverse(dft);
        Assert.True(MaxDifference(back.Select(z => z.Real).ToArray(), x) < 1e-12);
        Assert.True(back.Max(z => Math.Abs(z.Imaginary)) < 1e-12);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(11)]
    [InlineData(32)]
    public void Circular_convolution_is_the_inverse_DFT_of_the_product_of_DFTs(int n)
    {
        var a = Random(n, 1);
        var b = Random(n, 2);
        Assert.True(MaxDifference(CircularConvolution.Direct(a, b), CircularConvolution.ViaFourier(a, b)) < 1e-10);
    }

    [Fact]
    public void Without_zero_padding_the_product_of_DFTs_gives_the_wrapped_not_the_linear_convolution()
    {
        // The theorem is about circular convolution: the tail of the linear one wraps onto its start.
        var a = Random(8, 3);
        var b = Random(8, 4);
        var linear = CircularConvolution.Linear(a, b);                                // 15 values
        var viaFourier = CircularConvolution.ViaFourier(a, b);                        // 8 values
        Assert.True(MaxDifference(linear.Take(8).ToArray(), viaFourier) > 0.1);
        var wrapped = Enumerable.Range(0, 8).Select(t => linear[t] + (t + 8 < linear.Length ? linear[t + 8] : 0)).ToArray();
        Assert.True(MaxDifference(wrapped, viaFourier) < 1e-10);
        // Zero padding both to 15 removes the wrap-around.
        var padded = CircularConvolution.ViaFourier(CircularConvolution.ZeroPadded(a, 15), CircularConvolution.ZeroPadded(b, 15));
        Assert.True(MaxDifference(linear, padded) < 1e-10);
    }

    [Fact]
    public void Linear_convolution_is_TorchSharps_conv1d_with_the_kernel_flipped_and_full_padding()
    {
        // conv1d is a cross-correlation: it computes a true convolution once the kernel is reversed.
        var signal = Random(20, 5);
        var kernel = Random(5, 6);
        using var scope = NewDisposeScope();
        var x = TensorConversion.ToTensor(signal, [1, 1, 20]);                                   // (1, 1, 20)
        var w = TensorConversion.ToTensor(kernel.Reverse().ToArray(), [1, 1, 5]);                 // (1, 1, 5)
        var y = TensorConversion.ToDoubles(nn.functional.conv1d(x, w, padding: 4));               // (1, 1, 24)
        Assert.True(MaxDifference(CircularConvolution.Linear(signal, kernel), y) < 1e-12);
        // Without the flip the two disagree (the kernel is not symmetric).
        var unflipped = TensorConversion.ToDoubles(nn.functional.conv1d(x, TensorConversion.ToTensor(kernel, [1, 1, 5]), padding: 4));
        Assert.True(MaxDifference(CircularConvolution.Linear(signal, kernel), unflipped) > 0.1);
    }

    [Fact]
    public void Sequences_of_different_lengths_are_refused_naming_the_argument()
    {
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => CircularConvolution.Direct([1, 2, 3], [1, 2])).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => CircularConvolution.ZeroPadded([1, 2, 3], 2)).ParamName);
    }
}
