using MlCourse.Notebook;

namespace MlCourse.Tests.Notebook;

/// <summary>Quiz TeX as the terminal shows it: readable Unicode, no backslashes or dollars.</summary>
public class QuizTexTextTests
{
    [Theory]
    [InlineData(@"Predictions $\hat{y} = (1, 2)$, targets $y$.", "Predictions y\u0302 = (1, 2), targets y.")]
    [InlineData(@"$\frac{1}{n}\sum_i (y_i - \hat{y}_i)^2$", "1/n Σᵢ (yᵢ - y\u0302ᵢ)²")]
    [InlineData(@"$\alpha \|w\|^2$ and $\lambda \ge 0$", "α ‖w‖² and λ ≥ 0")]
    [InlineData(@"$$X^\top X \theta = X^\top y$$", "Xᵀ X θ = Xᵀ y")]
    [InlineData(@"$\sigma(z) = \frac{1}{1 + e^{-z}}$", "σ(z) = 1/(1 + e^(-z))")]
    [InlineData(@"$\rho\sigma^2 + (1 - \rho)\sigma^2/B$", "ρσ² + (1 - ρ)σ²/B")]
    [InlineData(@"$\sqrt{\kappa}$, $O(n d^2 + d^3)$, $\bar{x}$", "√κ, O(n d² + d³), x\u0304")]
    [InlineData(@"$\mathbf{x}_{ij} \in \mathbb{R}^d$ costs 5 \$", "xᵢⱼ ∈ R^d costs 5 \\$")]
    [InlineData(@"$\underbrace{\sigma^2}_{\text{noise}} + \underbrace{b^2}_{\text{bias}^2}$", "σ² (noise) + b² (bias²)")]
    [InlineData(@"$\overbrace{x + y}^{n}$ and $\underbrace{z}$", "x + y (n) and z")]
    [InlineData("no TeX at all", "no TeX at all")]
    public void Common_tex_becomes_unicode_text(string tex, string expected) =>
        Assert.Equal(expected, TexText.ToPlain(tex));

    [Fact]
    public void Every_quiz_shown_in_the_terminal_loses_its_backslash_commands()
    {
        var root = MlCourse.Core.Data.CoursePaths.Root;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "notebooks"), "quiz.json", SearchOption.AllDirectories))
            foreach (var q in Quiz.Load(file).Questions)
                foreach (var text in new[] { q.Prompt, q.Explanation, q.ModelAnswer ?? "" }.Concat(q.Choices))
                {
                    var plain = TexText.ToPlain(text);
                    Assert.False(System.Text.RegularExpressions.Regex.IsMatch(plain, @"\\[a-zA-Z]+"), $"{q.Id}: {plain}");
                }
    }
}
