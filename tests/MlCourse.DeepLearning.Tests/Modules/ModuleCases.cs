using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Modules;

/// <summary>
/// Every module the course defines is registered here, so the shared contract runs over it
/// (register new modules from lib/MlCourse.DeepLearning in <see cref="All"/>, as classical
/// estimators are registered in EstimatorCases). Until the weeks add their own, the cases are
/// TorchSharp's layers in the shapes the course uses and <see cref="ExampleBlock"/>, which shows the
/// module conventions.
/// </summary>
public static class ModuleCases
{
    public static IEnumerable<ModuleCase> All =>
    [
        new("Linear MLP", () => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3)), [5, 8], [5, 3], TrainDiffersFromEval: false),
        new("MLP with dropout", () => nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 3)), [5, 8], [5, 3], TrainDiffersFromEval: true),
        new("Conv + batch norm", () => nn.Sequential(nn.Conv2d(1, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 2)),
            [3, 1, 6, 6], [3, 2], TrainDiffersFromEval: true),
        new("Week 9 MLP (ReLU)", () => new MlCourse.DeepLearning.Networks.Mlp(new MlCourse.DeepLearning.Networks.MlpConfig([8, 16, 3])), [5, 8], [5, 3], TrainDiffersFromEval: false),
        new("Week 9 MLP (GELU, two hidden layers)", () => new MlCourse.DeepLearning.Networks.Mlp(new MlCourse.DeepLearning.Networks.MlpConfig([8, 16, 12, 3], MlCourse.DeepLearning.Scratch.ActivationKind.Gelu)), [5, 8], [5, 3], TrainDiffersFromEval: false),
        new("Example residual block", () => new ExampleBlock(new ExampleBlockConfig(Channels: 6, Hidden: 12, Dropout: 0.0)), [2, 7, 6], [2, 7, 6], TrainDiffersFromEval: false),
        new("Example residual block with dropout", () => new ExampleBlock(new ExampleBlockConfig(6, 12, Dropout: 0.3)), [2, 7, 6], [2, 7, 6], TrainDiffersFromEval: true),
    ];

    public static TheoryData<ModuleCase> Data()
    {
        var data = new TheoryData<ModuleCase>();
        foreach (var c in All) data.Add(c);
        return data;
    }
}

/// <summary>Configuration of <see cref="ExampleBlock"/>: a plain record, as every course module's.</summary>
public sealed record ExampleBlockConfig(int Channels, int Hidden, double Dropout);

/// <summary>
/// The course's module conventions in one small module: PyTorch names, submodules as private
/// fields, <c>RegisterComponents()</c> last in the constructor, a shape comment on every tensor line.
/// A pre-norm residual MLP over (B, T, C), the block a Transformer repeats.
/// </summary>
public sealed class ExampleBlock : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.LayerNorm ln;
    private readonly TorchSharp.Modules.Linear fc1, fc2;
    private readonly TorchSharp.Modules.Dropout dropout;

    public ExampleBlock(ExampleBlockConfig config) : base(nameof(ExampleBlock))
    {
        ln = nn.LayerNorm(config.Channels);
        fc1 = nn.Linear(config.Channels, config.Hidden);
        fc2 = nn.Linear(config.Hidden, config.Channels);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)          // (B, T, C)
    {
        using var scope = NewDisposeScope();
        var h = fc1.forward(ln.forward(x));           // (B, T, H)
        h = fc2.forward(nn.functional.gelu(h));       // (B, T, C)
        return (x + dropout.forward(h)).MoveToOuterDisposeScope(); // (B, T, C)
    }
}
