using MlCourse.Core.Randomness;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Runtime;

/// <summary>
/// The one way a deep-learning run is made reproducible (Week 9, "Reproducible runs"): seeds
/// TorchSharp's generator with <c>torch.manual_seed</c> and returns the course's
/// <see cref="Seeded"/> generator for the C# side (shuffling, augmentation decisions).
/// </summary>
/// <remarks>
/// TorchSharp's default generator is global to the process, like PyTorch's: weight
/// initialisation, dropout masks and <c>torch.randn</c> all draw from it, so anything that draws
/// between two <see cref="Seed"/> calls changes what the next draw gives. Seed immediately before
/// building the model, and let the library's batchers and transforms take their own integer seeds
/// (they never touch the global generator). On the CPU the same seed, code and thread count give
/// bit-identical results; on a GPU some kernels are non-deterministic unless
/// <c>torch.use_deterministic_algorithms(true)</c>.
/// </remarks>
public static class TorchSeed
{
    /// <summary>Seeds libtorch's global generator and returns <c>Seeded.Random(seed)</c>.</summary>
    public static Random Seed(int seed = Seeded.DefaultSeed)
    {
        TorchNative.EnsureLoaded();
        manual_seed(seed);
        return Seeded.Random(seed);
    }

    /// <summary>
    /// A seed for step <paramref name="index"/> of a run seeded with <paramref name="seed"/>:
    /// randomness derived from (seed, index) instead of drawn from a running generator, so a run
    /// resumed at step k makes the same choices as one that never stopped.
    /// </summary>
    public static int Derive(int seed, long index)
    {
        // SplitMix64's finaliser: consecutive indices give unrelated seeds (a plain seed + index would
        // give System.Random streams that start almost alike).
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
