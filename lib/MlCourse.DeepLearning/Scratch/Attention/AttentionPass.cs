namespace MlCourse.DeepLearning.Scratch.Attention;

/// <summary>
/// What <see cref="ScaledDotProductAttention.Forward"/> computed and keeps for the backward pass: the inputs, the scale
/// used, the softmax weights P (B, H, L, S) and the output P V (B, H, L, d_v).
/// </summary>
public sealed record AttentionPass(AttentionShape Shape, double[] Query, double[] Key, double[] Value, double Scale, double[] Weights, double[] Output);

/// <summary>∂L/∂Q (B, H, L, d_k), ∂L/∂K (B, H, S, d_k), ∂L/∂V (B, H, S, d_v).</summary>
public sealed record AttentionGradients(double[] Query, double[] Key, double[] Value);
