namespace MlCourse.Classical.LinearModels;

/// <summary>
/// The penalty on the weights of <see cref="LogisticRegression"/> (Week 2, "Regularised logistic regression").
/// With strength alpha and mixing l1Ratio ρ the objective is mean log loss + alpha·(ρ||w||₁ + (1 − ρ)/2·||w||²):
/// None has alpha·0, L2 has ρ = 0, L1 has ρ = 1, ElasticNet uses the given ρ.
/// </summary>
public enum LogisticPenalty { None, L2, L1, ElasticNet }

/// <summary>
/// How <see cref="LogisticRegression"/> and <see cref="SoftmaxRegression"/> minimise their objective.
/// GradientDescent takes fixed steps (proximal steps when there is an L1 part); Newton uses the Hessian
/// (IRLS) and needs a smooth objective, so not L1 or ElasticNet. Lbfgs (limited-memory BFGS, scikit-learn's default
/// solver) needs the same smooth objective but only gradients: on many samples and features (10,000 x 100) it is
/// several times faster than Newton, whose every step builds the full Hessian; Newton stays the default.
/// </summary>
public enum LogisticSolver { GradientDescent, Newton, Lbfgs }
