using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Benchmarks;

/// <summary>
/// One network whose training step is timed: the module, one synthetic batch of the shape the course trains on,
/// and the loss. benchmarks/python/dl_steps.py builds the same three networks with the same shapes, batch,
/// loss and optimiser, so the two sides differ only in the framework (TorchSharp over libtorch 2.10 here,
/// PyTorch over Debian's libtorch there).
/// </summary>
/// <param name="Name">Also the name the python script takes (<c>--net mlp</c>).</param>
/// <param name="Description">Layers, batch and input, in one line.</param>
/// <param name="Build">Creates the module after the generator was seeded.</param>
/// <param name="Batch">Creates (inputs, integer targets) for one step.</param>
/// <param name="Loss">Maps the module's output and the targets to the scalar loss.</param>
public sealed record StepWorkload(
    string Name,
    string Description,
    Func<nn.Module<Tensor, Tensor>> Build,
    Func<(Tensor Inputs, Tensor Targets)> Batch,
    Func<Tensor, Tensor, Tensor> Loss)
{
    // A character-level LM predicts every position, so its (batch, time, vocab) logits are flattened to
    // (batch*time, vocab) rows before the cross-entropy, exactly as PyTorch code does with .view(-1, V).
    private static Tensor SequenceCrossEntropy(Tensor logits, Tensor targets) =>
        nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1));

    public static IReadOnlyList<StepWorkload> All { get; } =
    [
        new("mlp", "MLP 784-256-128-10, ReLU, batch 128 of 28x28 images, cross-entropy, SGD momentum 0.9",
            () => nn.Sequential(
                ("fc1", nn.Linear(784, 256)), ("relu1", nn.ReLU()),
                ("fc2", nn.Linear(256, 128)), ("relu2", nn.ReLU()),
                ("fc3", nn.Linear(128, 10))),
            () => (randn(128, 784), randint(0, 10, [128], dtype: ScalarType.Int64)),
            (output, targets) => nn.functional.cross_entropy(output, targets)),

        new("lenet", "LeNet-5 (conv 6@5x5 pad 2, pool, conv 16@5x5, pool, 120-84-10), batch 128 of 1x28x28, cross-entropy, SGD momentum 0.9",
            () => nn.Sequential(
                ("conv1", nn.Conv2d(1, 6, 5, padding: 2)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
                ("conv2", nn.Conv2d(6, 16, 5)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
                ("flatten", nn.Flatten()),
                ("fc1", nn.Linear(400, 120)), ("relu3", nn.ReLU()),
                ("fc2", nn.Linear(120, 84)), ("relu4", nn.ReLU()),
                ("fc3", nn.Linear(84, 10))),
            () => (randn(128, 1, 28, 28), randint(0, 10, [128], dtype: ScalarType.Int64)),
            (output, targets) => nn.functional.cross_entropy(output, targets)),

        new("lstm", "char LSTM: embedding 65x64, LSTM 64->128 one layer, linear 128->65 at every step, batch 32 x 64 steps, cross-entropy, SGD momentum 0.9",
            () => new CharLstm(vocabulary: 65, embedding: 64, hidden: 128),
            () => (randint(0, 65, [32, 64], dtype: ScalarType.Int64), randint(0, 65, [32, 64], dtype: ScalarType.Int64)),
            SequenceCrossEntropy),
    ];
}

/// <summary>Embedding, one batch-first LSTM layer and a linear read-out at every time step.</summary>
internal sealed class CharLstm : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding embed;
    private readonly TorchSharp.Modules.LSTM lstm;
    private readonly TorchSharp.Modules.Linear head;

    public CharLstm(int vocabulary, int embedding, int hidden) : base(nameof(CharLstm))
    {
        embed = nn.Embedding(vocabulary, embedding);
        lstm = nn.LSTM(embedding, hidden, batchFirst: true);
        head = nn.Linear(hidden, vocabulary);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        var (states, _, _) = lstm.call(embed.call(tokens));
        return head.call(states);
    }
}
