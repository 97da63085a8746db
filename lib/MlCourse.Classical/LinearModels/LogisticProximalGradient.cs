using MathNet.Numerics.LinearAlgebra;
using MlCourse.Classical.Optimization;

namespace MlCourse.Classical.LinearModels;

/// <summary>
/// Gradient descent for f(θ) + λ₁·Σ_j m_j|θ_j| with f smooth (the logistic or softmax loss plus the L2 part)
/// and m a 0/1 mask (intercepts are not penalised): the proximal gradient method, also called ISTA
/// (Week 2, "Elastic net by proximal gradient").
/// </summary>
/// <remarks>
/// |θ_j| has no gradient at 0, so instead of a gradient step on the whole objective we take one on f
/// and then solve argmin_u ½||u − v||² + η·λ₁·Σ m_j|u_j| exactly (η: the step). That problem separates
/// by coordinate and its answer is the soft-threshold S(v_j, ηλ₁) — the same operator as the lasso's
/// coordinate update — which sets small weights exactly to 0. With λ₁ = 0 it is plain gradient descent.
/// With η ≤ 1/L (L: the largest curvature of f) each step decreases the objective. We stop when the
/// gradient mapping ||θ_t − θ_{t+1}||∞/η, which is ||∇f||∞ in the smooth case and 0 exactly at a
/// minimiser, is at most the tolerance.
/// </remarks>
internal static class LogisticProximalGradient
{
    public static NewtonResult Minimize(
        Func<Vector<double>, double> smoothValue,
        Func<Vector<double>, Vector<double>> smoothGradient,
        double l1, Vector<double> mask, double step, Vector<double> start,
        int maxIterations, double tolerance, string estimatorName)
    {
        double Objective(Vector<double> t) => smoothValue(t) + l1 * t.PointwiseMultiply(mask).L1Norm();

        var theta = start.Clone();
        var losses = new List<double> { Objective(theta) };
        var mappingNorms = new List<double>();
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            // <snippet name="proximal-step">
            var v = theta - step * smoothGradient(theta);                          // gradient step on the smooth part
            var next = Vector<double>.Build.Dense(v.Count, j =>
                mask[j] == 0 ? v[j] : LassoRegression.SoftThreshold(v[j], step * l1));   // prox of the L1 part
            // </snippet>
            double mapping = (theta - next).InfinityNorm() / step;
            theta = next;
            double loss = Objective(theta);
            if (!double.IsFinite(loss))
                throw new TrainingDivergedException(estimatorName, iteration - 1, step, loss);
            losses.Add(loss);
            mappingNorms.Add(mapping);
            if (mapping <= tolerance)
                return new NewtonResult(theta, iteration, true, losses, mappingNorms);
        }
        return new NewtonResult(theta, maxIterations, false, losses, mappingNorms);
    }
}
