using MlCourse.DeepLearning.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Networks;

/// <summary>
/// A LeNet-5-style CNN for 1 x 28 x 28 images (Week 10, "LeNet on Fashion-MNIST"): conv 5x5 (1 → 6, padding 2) → ReLU →
/// max-pool 2 → conv 5x5 (6 → 16) → ReLU → max-pool 2 → 16·5·5 → 120 → 84 → classes. LeCun's 1998 layout with ReLU and
/// max-pooling in place of his scaled tanh and trainable sub-sampling; 61,706 parameters for 10 classes.
/// Input (B, 1, 28, 28) or (B, 784); output logits (B, classes).
/// </summary>
public sealed class LeNet : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Conv2d conv1, conv2;
    private readonly TorchSharp.Modules.Linear fc1, fc2, fc3;

    // The base constructor already calls into libtorch, so the native library must be loaded before it runs.
    public LeNet(int classes = 10) : base(LoadedName())
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, $"classes must be at least 2, but is {classes}.");
        conv1 = nn.Conv2d(1, 6, 5, padding: 2);       // 28 → 28
        conv2 = nn.Conv2d(6, 16, 5);                  // 14 → 10
        fc1 = nn.Linear(16 * 5 * 5, 120);
        fc2 = nn.Linear(120, 84);
        fc3 = nn.Linear(84, classes);
        RegisterComponents();
    }

    private static string LoadedName()
    {
        TorchNative.EnsureLoaded();
        return nameof(LeNet);
    }

    // <snippet name="lenet-forward">
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var a = x.dim() == 2 ? x.view(-1, 1, 28, 28) : x;                         // (B, 1, 28, 28)
        a = nn.functional.max_pool2d(nn.functional.relu(conv1.forward(a)), 2);    // (B, 6, 14, 14)
        a = nn.functional.max_pool2d(nn.functional.relu(conv2.forward(a)), 2);    // (B, 16, 5, 5)
        a = a.flatten(1);                                                         // (B, 400)
        a = nn.functional.relu(fc1.forward(a));                                   // (B, 120)
        a = nn.functional.relu(fc2.forward(a));                                   // (B, 84)
        return fc3.forward(a).MoveToOuterDisposeScope();                          // (B, classes)
    }
    // </snippet>
}
