// Drill "Train a linear SVM by sub-gradient descent on the hinge loss" (Week 6): your starting point.
// Keep the class, namespace and method signatures (the hidden checks call them); fill in the bodies.
// Base class library only. Check with: course drill check week-06-hinge-svm
namespace Drills.Week06;

public static class HingeSvmDrill
{
    /// <summary>P(w, b) = λ/2‖w‖² + (1/n) Σ max(0, 1 − y_i(w·x_i + b)), labels ±1.</summary>
    public static double Objective(double[][] x, int[] y, double[] w, double b, double lambda)
    {
        throw new NotImplementedException();
    }

    /// <summary>Full-batch sub-gradient descent, step 1/(λt), intercept unpenalised; returns the average of the second half's iterates.</summary>
    public static (double[] W, double B) Fit(double[][] x, int[] y, double lambda, int epochs)
    {
        throw new NotImplementedException();
    }

    /// <summary>+1 where w·x + b ≥ 0, else −1.</summary>
    public static int[] Predict(double[][] x, double[] w, double b)
    {
        throw new NotImplementedException();
    }
}
