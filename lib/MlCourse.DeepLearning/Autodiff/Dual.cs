namespace MlCourse.DeepLearning.Autodiff;

/// <summary>
/// Forward-mode automatic differentiation with dual numbers (week09-autodiff.ipynb, section 2 "Forward vs reverse
/// mode"): a value v and its tangent v̇ = dv/dt along one chosen input direction, carried together through every
/// operation by the chain rule. One pass gives the derivative of every output along that one direction (a column of the
/// Jacobian, J·ẋ); the gradient of a scalar of n inputs takes n passes, where reverse mode (<see cref="Value"/>) takes one.
/// </summary>
/// <remarks>Algebraically x + ε ẋ with ε² = 0: f(x + ε ẋ) = f(x) + ε f'(x) ẋ, so the ε part is the directional derivative.</remarks>
public readonly record struct Dual(double Value, double Tangent)
{
    /// <summary>A constant: tangent 0.</summary>
    public static implicit operator Dual(double value) => new(value, 0);

    /// <summary>The input being differentiated along: tangent 1.</summary>
    public static Dual Variable(double value) => new(value, 1);

    public static Dual operator +(Dual a, Dual b) => new(a.Value + b.Value, a.Tangent + b.Tangent);

    public static Dual operator -(Dual a, Dual b) => new(a.Value - b.Value, a.Tangent - b.Tangent);

    public static Dual operator -(Dual a) => new(-a.Value, -a.Tangent);

    // The product rule: (a + εȧ)(b + εḃ) = ab + ε(ȧb + aḃ).
    public static Dual operator *(Dual a, Dual b) => new(a.Value * b.Value, a.Tangent * b.Value + a.Value * b.Tangent);

    public static Dual operator /(Dual a, Dual b) =>
        new(a.Value / b.Value, (a.Tangent * b.Value - a.Value * b.Tangent) / (b.Value * b.Value));

    public Dual Pow(double exponent) => new(Math.Pow(Value, exponent), exponent * Math.Pow(Value, exponent - 1) * Tangent);

    public Dual Exp()
    {
        double e = Math.Exp(Value);
        return new(e, e * Tangent);
    }

    public Dual Log() => new(Math.Log(Value), Tangent / Value);

    public Dual Tanh()
    {
        double t = Math.Tanh(Value);
        return new(t, (1 - t * t) * Tangent);
    }

    public Dual Sigmoid()
    {
        double s = 1 / (1 + Math.Exp(-Value));
        return new(s, s * (1 - s) * Tangent);
    }

    /// <summary>max(0, x), derivative 0 at 0 as in <see cref="Autodiff.Value.Relu"/>.</summary>
    public Dual Relu() => Value > 0 ? this : new(0, 0);
}
