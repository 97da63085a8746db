using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Visualisation;

/// <summary>Settings of one activation-maximisation run: steps of normalised gradient ascent with L2 and blur regularisation.</summary>
/// <param name="BlurEvery">Every this many steps the image is smoothed by a 3x3 mean filter (0: never).</param>
public sealed record AscentOptions(int Steps = 200, double StepSize = 0.05, double L2 = 1e-2, int BlurEvery = 10, int Seed = 0);

/// <summary>The image that maximises a class logit, with the logit before and after the ascent.</summary>
/// <param name="Image">(Height * Width) row-major, in [0, 1].</param>
public sealed record AscentResult(int TargetClass, float[] Image, double InitialLogit, double FinalLogit);

/// <summary>
/// Activation maximisation (Week 10, "what a CNN sees"): start from a grey image with a little
/// noise and climb the gradient of one class logit with respect to the <em>input</em>, the
/// network's weights fixed. Unregularised, the ascent finds high-frequency noise that no
/// photograph contains; the L2 penalty keeps pixels near grey and the periodic blur removes the
/// high frequencies, so what is left shows the shapes the class logit responds to.
/// </summary>
public static class ActivationMaximisation
{
    /// <param name="model">A trained classifier of (1, 1, height, width) inputs in [0, 1] into (1, classes) logits.</param>
    public static AscentResult Run(nn.Module<Tensor, Tensor> model, int height, int width, int targetClass, AscentOptions options)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(options, nameof(options));
        Guard.Positive(height, nameof(height));
        Guard.Positive(width, nameof(width));
        Guard.NonNegative(targetClass, nameof(targetClass));
        Guard.Positive(options.Steps, nameof(options.Steps));
        Guard.Positive(options.StepSize, nameof(options.StepSize));
        Guard.NonNegative(options.L2, nameof(options.L2));
        Guard.NonNegative(options.BlurEvery, nameof(options.BlurEvery));
        model.eval();
        using var scope = NewDisposeScope();
        TorchSeed.Seed(options.Seed);
        var x = (0.5f + 0.01f * randn(1, 1, height, width)).clamp(0, 1);   // (1, 1, H, W)
        using (no_grad())
            Guard.InRange(targetClass, 0, (int)model.call(x).shape[1] - 1, nameof(targetClass));
        double initial = Logit(model, x, targetClass);
        // <snippet name="activation-maximisation">
        for (int step = 1; step <= options.Steps; step++)
        {
            var input = x.detach().requires_grad_(true);
            var logits = model.call(input);                                       // (1, classes)
            var objective = logits[0, targetClass] - options.L2 * (input - 0.5f).pow(2).sum();
            var grad = torch.autograd.grad([objective], [input])[0];              // d objective / d input
            // Normalised step: the size of the move does not depend on how steep the logit happens to be.
            using (no_grad())
            {
                x = input.detach() + options.StepSize * grad / (grad.abs().mean() + 1e-8f);
                if (options.BlurEvery > 0 && step % options.BlurEvery == 0)
                    x = nn.functional.avg_pool2d(x, 3, stride: 1, padding: 1, count_include_pad: false);
                x = x.clamp(0, 1);
            }
        }
        // </snippet>
        double final = Logit(model, x, targetClass);
        return new AscentResult(targetClass, x.contiguous().data<float>().ToArray(), initial, final);
    }

    private static double Logit(nn.Module<Tensor, Tensor> model, Tensor x, int targetClass)
    {
        using var _ = no_grad();
        return model.call(x)[0, targetClass].item<float>();
    }
}
