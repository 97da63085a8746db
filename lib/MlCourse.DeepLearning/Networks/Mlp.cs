using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Scratch;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Networks;

/// <summary>Configuration of <see cref="Mlp"/>: units per layer, input first, and the hidden activation.</summary>
public sealed record MlpConfig(IReadOnlyList<int> Sizes, ActivationKind Hidden = ActivationKind.Relu);

/// <summary>
/// The TorchSharp twin of <see cref="ScratchMlp"/> (Week 9, "The same MLP on TorchSharp"): nn.Linear
/// layers with the hidden activation between them and none after the last. Built from the same
/// <see cref="MlpConfig"/> and given the same weights (<see cref="MlpWeights"/>), it computes the same
/// outputs and, through autograd, the same gradients as the hand-written backward pass.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<TorchSharp.Modules.Linear> layers;
    private readonly ActivationKind hidden;

    // The base constructor already calls into libtorch, so the native library must be loaded before it runs.
    public Mlp(MlpConfig config) : base(LoadedName())
    {
        Guard.NotNull(config, nameof(config));
        Guard.NotNull(config.Sizes, nameof(config.Sizes));
        if (config.Sizes.Count < 2)
            throw new ArgumentException($"config.Sizes must list at least an input and an output size, but has {config.Sizes.Count} entries.", nameof(config));
        for (int l = 0; l < config.Sizes.Count; l++)
            if (config.Sizes[l] < 1) throw new ArgumentException($"config.Sizes must all be ≥ 1, but Sizes[{l}] is {config.Sizes[l]}.", nameof(config));
        Guard.Defined(config.Hidden, nameof(config.Hidden));
        Config = config;
        hidden = config.Hidden;
        layers = nn.ModuleList(Enumerable.Range(0, config.Sizes.Count - 1).Select(l => nn.Linear(config.Sizes[l], config.Sizes[l + 1])).ToArray());
        RegisterComponents();
    }

    public MlpConfig Config { get; }

    private static string LoadedName()
    {
        TorchNative.EnsureLoaded();
        return nameof(Mlp);
    }

    /// <summary>The Linear layers in order (weight (out, in), bias (out)).</summary>
    public IReadOnlyList<TorchSharp.Modules.Linear> Layers => layers.ToArray();

    // <snippet name="torch-mlp-forward">
    public override Tensor forward(Tensor x)                    // (B, n_0)
    {
        using var scope = NewDisposeScope();
        var a = x;
        for (int l = 0; l < layers.Count; l++)
        {
            a = layers[l].forward(a);                            // (B, n_(l+1)) = a Wᵀ + b
            if (l < layers.Count - 1) a = Apply(hidden, a);      // (B, n_(l+1)) = φ(z)
        }
        return a.MoveToOuterDisposeScope();                      // (B, n_L)
    }
    // </snippet>

    /// <summary>φ of the given kind, as TorchSharp's functional ops (GELU in its tanh form, as <see cref="Activation.Gelu"/>).</summary>
    public static Tensor Apply(ActivationKind kind, Tensor z) => kind switch
    {
        ActivationKind.Identity => z.alias(),
        ActivationKind.Sigmoid => nn.functional.sigmoid(z),
        ActivationKind.Tanh => nn.functional.tanh(z),
        ActivationKind.Relu => nn.functional.relu(z),
        ActivationKind.LeakyRelu => nn.functional.leaky_relu(z, Activation.LeakySlope),
        ActivationKind.Gelu => GeluTanh(z),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be an ActivationKind value, but is {kind}."),
    };

    private static Tensor GeluTanh(Tensor z)
    {
        // ½z(1 + tanh(√(2/π)(z + 0.044715 z³))), written out so it does not depend on an approximate flag.
        using var scope = NewDisposeScope();
        var u = (z + 0.044715 * z.pow(3)) * Math.Sqrt(2.0 / Math.PI);
        return (0.5 * z * (1 + u.tanh())).MoveToOuterDisposeScope();
    }
}
