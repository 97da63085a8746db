namespace MlCourse.Notebook.Exercises;

/// <summary>
/// Reference solutions to the week 3 exercises (week03-optimization.ipynb, section 11). Try the exercise first.
/// The tests prove that <see cref="Week03"/> accepts each of these.
/// </summary>
public static class Week03Solutions
{
    /// <summary>Exercise 1. The velocity is an exponentially weighted sum of past gradients; the step follows it.</summary>
    public static void MomentumStep(double[] theta, double[] velocity, double[] g, double lr, double momentum)
    {
        for (int i = 0; i < theta.Length; i++)
        {
            velocity[i] = momentum * velocity[i] + g[i];
            theta[i] -= lr * velocity[i];
        }
    }

    /// <summary>Exercise 2. Moving averages of g and g², each divided by (1 − βᵗ) to undo their zero start.</summary>
    public static void AdamStep(double[] theta, double[] m, double[] v, double[] g, int t, double lr)
    {
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (int i = 0; i < theta.Length; i++)
        {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m[i] / (1 - Math.Pow(beta1, t));
            double vHat = v[i] / (1 - Math.Pow(beta2, t));
            theta[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
        }
    }

    /// <summary>Exercise 3. A straight line up to the peak, then half a cosine period down to 0.</summary>
    public static double WarmupCosine(int t, double peak, int warmup, int total)
    {
        if (t < warmup) return peak * t / warmup;
        if (t >= total) return 0.0;
        return peak * (1 + Math.Cos(Math.PI * (t - warmup) / (total - warmup))) / 2;
    }
}
