using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Scratch;

/// <summary>The activation functions the course's networks use, by name (scratch and TorchSharp alike).</summary>
public enum ActivationKind { Identity, Sigmoid, Tanh, Relu, LeakyRelu, Gelu }

/// <summary>
/// An element-wise activation φ and its derivative φ′, in plain C# (Week 9, "Activation functions and
/// their derivatives"). The derivative is taken with respect to the pre-activation z, which is what
/// backpropagation multiplies by: δ_z = δ_a ⊙ φ′(z). Tests compare every φ′ with central finite
/// differences and every φ with TorchSharp's functional form.
/// </summary>
public sealed class Activation
{
    // LeakyReLU's slope for z < 0: PyTorch's default negative_slope.
    public const double LeakySlope = 0.01;

    private readonly Func<double, double> _forward, _derivative;

    private Activation(ActivationKind kind, Func<double, double> forward, Func<double, double> derivative) =>
        (Kind, _forward, _derivative) = (kind, forward, derivative);

    public ActivationKind Kind { get; }
    public string Name => Kind.ToString();

    // <snippet name="scratch-activations">
    public static Activation Identity { get; } = new(ActivationKind.Identity, z => z, _ => 1.0);

    // σ(z) = 1 / (1 + e^−z); σ′ = σ(1 − σ) ≤ 1/4, the factor that makes deep sigmoid stacks vanish.
    public static Activation Sigmoid { get; } = new(ActivationKind.Sigmoid, StableSigmoid, z => { double s = StableSigmoid(z); return s * (1 - s); });

    // tanh′ = 1 − tanh² ≤ 1, equal to 1 only at z = 0; tanh = 2σ(2z) − 1 is a centred, steeper sigmoid.
    public static Activation Tanh { get; } = new(ActivationKind.Tanh, Math.Tanh, z => { double t = Math.Tanh(z); return 1 - t * t; });

    // ReLU′ is 1 for z > 0 and 0 otherwise (at z = 0 PyTorch also uses 0): a gradient that passes unscaled or not at all.
    public static Activation Relu { get; } = new(ActivationKind.Relu, z => z > 0 ? z : 0.0, z => z > 0 ? 1.0 : 0.0);

    // A small slope for z < 0 keeps a gradient flowing through units that would be "dead" under ReLU.
    public static Activation LeakyRelu { get; } = new(ActivationKind.LeakyRelu, z => z > 0 ? z : LeakySlope * z, z => z > 0 ? 1.0 : LeakySlope);

    // GELU in its tanh form (PyTorch's approximate="tanh"): z·Φ(z) ≈ ½z(1 + tanh(u)), u = √(2/π)(z + 0.044715 z³).
    public static Activation Gelu { get; } = new(ActivationKind.Gelu, GeluForward, GeluDerivative);
    // </snippet>

    public static IReadOnlyList<Activation> All { get; } = [Identity, Sigmoid, Tanh, Relu, LeakyRelu, Gelu];

    /// <summary>The activation of a given kind.</summary>
    public static Activation Of(ActivationKind kind)
    {
        Guard.Defined(kind, nameof(kind));
        return All.First(a => a.Kind == kind);
    }

    /// <summary>φ(z).</summary>
    public double Forward(double z) => _forward(z);

    /// <summary>φ′(z) = dφ/dz.</summary>
    public double Derivative(double z) => _derivative(z);

    public override string ToString() => Name;

    private static double StableSigmoid(double z)
    {
        // Never exponentiate a large positive number: for z < 0 use e^z / (1 + e^z), which is the same value.
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    private const double GeluC = 0.044715;
    private static readonly double SqrtTwoOverPi = Math.Sqrt(2.0 / Math.PI);

    private static double GeluForward(double z) => 0.5 * z * (1 + Math.Tanh(SqrtTwoOverPi * (z + GeluC * z * z * z)));

    private static double GeluDerivative(double z)
    {
        // d/dz ½z(1 + tanh u) = ½(1 + tanh u) + ½z(1 − tanh² u)·u′, with u′ = √(2/π)(1 + 3·0.044715 z²).
        double t = Math.Tanh(SqrtTwoOverPi * (z + GeluC * z * z * z));
        double du = SqrtTwoOverPi * (1 + 3 * GeluC * z * z);
        return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * du;
    }
}
