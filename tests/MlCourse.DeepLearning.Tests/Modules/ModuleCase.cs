using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Modules;

/// <summary>
/// One module checked by <see cref="ModuleContractTests"/>: how to build it (called right after
/// seeding), an input batch, the output shape, and whether train mode legitimately differs from
/// eval mode (dropout, batch norm).
/// </summary>
/// <param name="Name">Shown in test names.</param>
/// <param name="Create">Builds a fresh module; the suite seeds TorchSharp's generator first.</param>
/// <param name="InputShape">A batch the module accepts; filled with N(0, 1) values.</param>
/// <param name="OutputShape">What forward must return for that batch.</param>
/// <param name="TrainDiffersFromEval">True only for modules with dropout or batch statistics.</param>
public sealed record ModuleCase(string Name, Func<nn.Module<Tensor, Tensor>> Create, long[] InputShape, long[] OutputShape, bool TrainDiffersFromEval)
{
    public override string ToString() => Name;
}
