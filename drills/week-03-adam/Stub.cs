// Drill "Implement the Adam optimiser" (Week 3): your starting point. Keep the class, namespace and
// signatures (the hidden checks call them); fill in the bodies.
// Base class library only. Check with: course drill check week-03-adam
namespace Drills.Week03;

public sealed class AdamDrill
{
    public AdamDrill(double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        throw new NotImplementedException();
    }

    /// <summary>One Adam step: updates w in place from the gradient g (same length), with bias correction.</summary>
    public void Step(double[] w, double[] g)
    {
        throw new NotImplementedException();
    }
}
