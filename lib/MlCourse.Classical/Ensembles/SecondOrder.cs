namespace MlCourse.Classical.Ensembles;

/// <summary>
/// The second-order (Newton) formulas of XGBoost (Chen and Guestrin 2016; Week 5, "Second-order boosting").
/// Around the current prediction, the loss of a leaf that adds w to its n samples is approximated by
/// Σ_i [g_i w + ½ h_i w²] + ½ λ w² = G w + ½ (H + λ) w², with g_i, h_i the first and second derivatives of
/// the loss at sample i and G, H their sums over the leaf.
/// </summary>
public static class SecondOrder
{
    // <snippet name="newton-leaf">
    /// <summary>The minimiser of G w + ½ (H + λ) w²: w* = −G / (H + λ).</summary>
    public static double LeafWeight(double g, double h, double lambda) => -g / (h + lambda);

    /// <summary>The objective at w*: −½ G² / (H + λ) (how much the leaf lowers the approximate loss).</summary>
    public static double LeafObjective(double g, double h, double lambda) => -0.5 * g * g / (h + lambda);

    /// <summary>
    /// Split gain = objective(parent) − objective(left) − objective(right) − γ
    ///            = ½ [G_L²/(H_L + λ) + G_R²/(H_R + λ) − (G_L + G_R)²/(H_L + H_R + λ)] − γ.
    /// γ is the price of one more leaf: a split must lower the loss by more than γ to be kept.
    /// </summary>
    public static double SplitGain(double gLeft, double hLeft, double gRight, double hRight, double lambda, double gamma) =>
        0.5 * (gLeft * gLeft / (hLeft + lambda) + gRight * gRight / (hRight + lambda)
               - (gLeft + gRight) * (gLeft + gRight) / (hLeft + hRight + lambda)) - gamma;
    // </snippet>
}
