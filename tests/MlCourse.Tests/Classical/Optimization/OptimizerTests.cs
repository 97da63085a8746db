using MathNet.Numerics.LinearAlgebra;
using MlCourse.Core.Schedules;
using MlCourse.Classical.Optimization.Optimizers;

namespace MlCourse.Tests.Classical.Optimization;

/// <summary>
/// The Week 3 optimisers against closed forms. Step-for-step agreement with torch.optim is in
/// tests/MlCourse.DeepLearning.Tests/Optimizers (libtorch only loads in that process).
/// </summary>
public class OptimizerTests
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void Plain_sgd_moves_against_the_gradient_by_lr_times_it()
    {
        var theta = V(1.0, -2.0);
        new Sgd(lr: 0.1).Step(theta, V(3.0, -4.0));
        // 1 − 0.1·3 = 0.7, −2 − 0.1·(−4) = −1.6.
        Assert.Equal(0.7, theta[0], 15);
        Assert.Equal(-1.6, theta[1], 15);
    }

    [Fact]
    public void Momentum_under_a_constant_gradient_builds_up_a_geometric_velocity()
    {
        // v_t = g(1 + μ + … + μ^(t−1)) = g(1 − μ^t)/(1 − μ), so θ_t = θ₀ − η g Σ_{k=1..t} (1 − μ^k)/(1 − μ).
        double lr = 0.01, mu = 0.9, g = 2.0;
        var opt = new Sgd(lr, momentum: mu);
        var theta = V(0.0);
        double expected = 0;
        for (int t = 1; t <= 40; t++)
        {
            opt.Step(theta, V(g));
            expected -= lr * g * (1 - Math.Pow(mu, t)) / (1 - mu);
            Assert.Equal(expected, theta[0], 12);
        }
        // After many steps each step approaches η g/(1 − μ): ten times plain SGD's.
    }

    [Fact]
    public void Nesterov_adds_mu_times_the_new_velocity_to_the_gradient()
    {
        // By hand, μ = 0.5, η = 1, g = 1 twice: v₁ = 1, step₁ = 1 + 0.5·1 = 1.5; v₂ = 0.5 + 1 = 1.5, step₂ = 1 + 0.75 = 1.75.
        var opt = new Sgd(lr: 1.0, momentum: 0.5, nesterov: true);
        var theta = V(0.0);
        opt.Step(theta, V(1.0));
        Assert.Equal(-1.5, theta[0], 15);
        opt.Step(theta, V(1.0));
        Assert.Equal(-3.25, theta[0], 15);
    }

    [Fact]
    public void AdaGrad_under_a_constant_gradient_takes_steps_shrinking_like_one_over_root_t()
    {
        // G_t = t g², so step t is η g/(√t |g|) = η/√t whatever g is (ε = 0).
        var opt = new AdaGrad(lr: 0.5, eps: 0.0);
        var theta = V(0.0, 0.0);
        double expected = 0;
        for (int t = 1; t <= 30; t++)
        {
            opt.Step(theta, V(3.0, 0.001));
            expected -= 0.5 / Math.Sqrt(t);
            Assert.Equal(expected, theta[0], 12);
            Assert.Equal(expected, theta[1], 10);   // the same steps for a gradient 3000 times smaller
        }
    }

    [Fact]
    public void RmsProp_under_a_constant_gradient_follows_its_moving_average()
    {
        // s_t = (1 − α^t) g² (a geometric sum from s₀ = 0), so step t is η/√(1 − α^t) for g > 0 (ε = 0).
        double lr = 0.01, alpha = 0.9;
        var opt = new RmsProp(lr, alpha: alpha, eps: 0.0);
        var theta = V(0.0);
        double expected = 0;
        for (int t = 1; t <= 50; t++)
        {
            opt.Step(theta, V(7.0));
            expected -= lr / Math.Sqrt(1 - Math.Pow(alpha, t));
            Assert.Equal(expected, theta[0], 12);
        }
    }

    [Fact]
    public void Adam_first_step_is_lr_times_the_sign_of_the_gradient_thanks_to_bias_correction()
    {
        // m̂₁ = g and v̂₁ = g², so Δθ = −η g/(|g| + ε): about η per coordinate whatever the gradient's scale.
        var theta = V(1.0, 1.0, 1.0);
        new Adam(lr: 0.1, eps: 1e-8).Step(theta, V(1000.0, -0.5, 1e-3));
        Assert.Equal(1 - 0.1 * 1000 / (1000 + 1e-8), theta[0], 15);
        Assert.Equal(1 + 0.1 * 0.5 / (0.5 + 1e-8), theta[1], 15);
        Assert.Equal(1 - 0.1 * 1e-3 / (1e-3 + 1e-8), theta[2], 15);
    }

    [Fact]
    public void Adam_second_step_matches_a_hand_computation()
    {
        // β₁ = 0.9, β₂ = 0.999, ε = 0, g₁ = 1, g₂ = 3. m₂ = 0.9·0.1 + 0.1·3 = 0.39, m̂₂ = 0.39/0.19;
        // v₂ = 0.999·0.001 + 0.001·9 = 0.009999, v̂₂ = 0.009999/0.001999. Step₂ = η m̂₂/√v̂₂.
        var opt = new Adam(lr: 0.1, eps: 0.0);
        var theta = V(0.0);
        opt.Step(theta, V(1.0));
        opt.Step(theta, V(3.0));
        double expected = -0.1 - 0.1 * (0.39 / 0.19) / Math.Sqrt(0.009999 / 0.001999);
        Assert.Equal(expected, theta[0], 14);
    }

    [Fact]
    public void AdamW_shrinks_the_weights_before_the_adam_step()
    {
        // θ₁ = θ₀(1 − ηλ) − η g/|g| (first step, ε = 0): 2·(1 − 0.1·0.5) − 0.1 = 1.8.
        var theta = V(2.0);
        new AdamW(lr: 0.1, eps: 0.0, weightDecay: 0.5).Step(theta, V(4.0));
        Assert.Equal(1.8, theta[0], 14);
    }

    [Fact]
    public void Weight_decay_in_sgd_is_the_gradient_of_half_lambda_theta_squared()
    {
        // g + λθ = 1 + 0.1·3 = 1.3; θ = 3 − 0.5·1.3 = 2.35.
        var theta = V(3.0);
        new Sgd(lr: 0.5, weightDecay: 0.1).Step(theta, V(1.0));
        Assert.Equal(2.35, theta[0], 14);
    }

    [Fact]
    public void A_schedule_sets_the_rate_of_each_update()
    {
        // Rates 0.1, 0.05, 0.025 (halving each step) under a unit gradient: θ = −0.175.
        var opt = new Sgd(schedule: new ExponentialDecay(0.1, 0.5));
        var theta = V(0.0);
        for (int t = 0; t < 3; t++) opt.Step(theta, V(1.0));
        Assert.Equal(-0.175, theta[0], 15);
        Assert.Equal(0.1, opt.Lr);
    }

    public static TheoryData<string> AllOptimizers => new() { "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "rmsprop-centered", "adam", "adamw" };

    private static IOptimizer Make(string name) => name switch
    {
        "sgd" => new Sgd(0.05),
        "momentum" => new Sgd(0.05, momentum: 0.9),
        "nesterov" => new Sgd(0.05, momentum: 0.9, nesterov: true),
        "adagrad" => new AdaGrad(0.1),
        "rmsprop" => new RmsProp(0.01, momentum: 0.5),
        "rmsprop-centered" => new RmsProp(0.01, centered: true),
        "adam" => new Adam(0.01),
        "adamw" => new AdamW(0.01),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Reset_makes_the_next_run_identical_to_a_fresh_optimizer(string name)
    {
        var used = Make(name);
        var a = V(1.0, -1.0);
        for (int t = 0; t < 10; t++) used.Step(a, V(a[0] + 0.5, 2 * a[1]));
        used.Reset();
        Assert.Equal(0, used.StepCount);
        var fresh = Make(name);
        var b = V(0.3, 0.7);
        var c = V(0.3, 0.7);
        for (int t = 0; t < 10; t++)
        {
            used.Step(b, V(b[0] + 0.5, 2 * b[1]));
            fresh.Step(c, V(c[0] + 0.5, 2 * c[1]));
        }
        Assert.Equal(c.ToArray(), b.ToArray());
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Every_optimizer_reaches_the_minimum_of_a_well_conditioned_bowl(string name)
    {
        // f = ½(x² + 2y²), minimum 0 at the origin.
        var opt = Make(name);
        var theta = V(1.0, -1.0);
        for (int t = 0; t < 3000; t++) opt.Step(theta, V(theta[0], 2 * theta[1]));
        Assert.True(theta.L2Norm() < 0.05, $"{opt.Name} ended at {theta}");
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Bad_input_to_step_is_refused_with_the_argument_named(string name)
    {
        var opt = Make(name);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => opt.Step(V(1, 2), V(1))).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => opt.Step(V(1, 2), V(1, double.NaN))).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => opt.Step(V(1, 2), V(1, 1), -0.1)).ParamName);
        opt.Step(V(1, 2), V(1, 1));
        var ex = Assert.Throws<ArgumentException>(() => opt.Step(V(1, 2, 3), V(1, 1, 1)));
        Assert.Equal("parameters", ex.ParamName);
        Assert.Contains("Reset", ex.Message);
    }

    [Fact]
    public void Bad_hyper_parameters_are_refused_with_the_argument_named()
    {
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0.1, momentum: 1.0)).ParamName);
        Assert.Equal("nesterov", Assert.Throws<ArgumentException>(() => new Sgd(0.1, nesterov: true)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0.1, weightDecay: -1)).ParamName);
        Assert.Equal("eps", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaGrad(eps: -1)).ParamName);
        Assert.Equal("initialAccumulator", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaGrad(initialAccumulator: -1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(alpha: 1.0)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta1: 1.0)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta2: -0.1)).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(lr: double.NaN)).ParamName);
    }
}
