using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Training;

/// <summary>
/// The file a <see cref="Trainer"/> checkpoints to (Week 11, "Checkpoints"): what a resumed run
/// needs to continue exactly where the first stopped. That is the model's parameters and buffers,
/// the optimiser's state (Adam's moment estimates, momentum buffers), the loop position, the
/// early-stopping state, the history so far and TorchSharp's global RNG state (dropout masks).
/// Batch order, augmentation and the schedule are functions of the seed and step, so they need
/// nothing saved. The options that decide the loop's shape are stored too, and resuming under
/// different ones is refused rather than silently giving another run.
/// </summary>
internal static class TrainerCheckpoint
{
    private const string Magic = "mlcourse-trainer-checkpoint";
    private const int Version = 1;

    public static void Write(string path, TrainerOptions options, nn.Module model, optim.Optimizer optimizer, TrainerState state, EarlyStopper? stopper)
    {
        var optimizerWithState = Stateful(optimizer);
        // Write to a temporary file and move it into place: a crash mid-write never leaves a torn checkpoint.
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(Shape(options));
            writer.Write(state.Step);
            writer.Write(state.Epoch);
            writer.Write(state.NextGroup);
            writer.Write(state.EpochLossSum);
            writer.Write(state.EpochSamples);
            writer.Write(state.StepLosses.Count);
            foreach (var loss in state.StepLosses) writer.Write(loss);
            writer.Write(state.Epochs.Count);
            foreach (var epoch in state.Epochs)
            {
                writer.Write(epoch.Epoch);
                writer.Write(epoch.TrainLoss);
                writer.Write(epoch.Validation.Count);
                foreach (var (name, value) in epoch.Validation) { writer.Write(name); writer.Write(value); }
            }
            writer.Write(stopper is not null);
            stopper?.Write(writer);
            using (var rng = random.get_rng_state()) ModelBytes.WriteBlock(writer, rng.data<byte>().ToArray());
            ModelBytes.WriteBlock(writer, ModelBytes.Save(model));
            optimizerWithState.save_state_dict(writer);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static TrainerState Read(string path, TrainerOptions options, nn.Module model, optim.Optimizer optimizer, EarlyStopper? stopper)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"resumeFrom: no checkpoint at '{path}'.", path);
        var optimizerWithState = Stateful(optimizer);
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
            throw new InvalidDataException($"'{path}' is not a checkpoint written by this version of the course's Trainer.");
        var saved = reader.ReadString();
        if (saved != Shape(options))
            throw new ArgumentException($"The checkpoint '{path}' was written with options {saved}, but this trainer has {Shape(options)}: resuming would not continue the same run.", nameof(options));
        var state = new TrainerState
        {
            Step = reader.ReadInt32(),
            Epoch = reader.ReadInt32(),
            NextGroup = reader.ReadInt32(),
            EpochLossSum = reader.ReadDouble(),
            EpochSamples = reader.ReadInt32(),
        };
        int steps = reader.ReadInt32();
        for (int i = 0; i < steps; i++) state.StepLosses.Add(reader.ReadDouble());
        int epochs = reader.ReadInt32();
        for (int i = 0; i < epochs; i++)
        {
            int epoch = reader.ReadInt32();
            double trainLoss = reader.ReadDouble();
            int count = reader.ReadInt32();
            var validation = new Dictionary<string, double>();
            for (int j = 0; j < count; j++) validation[reader.ReadString()] = reader.ReadDouble();
            state.Epochs.Add(new EpochResult(epoch, trainLoss, validation));
        }
        bool hadStopper = reader.ReadBoolean();
        if (hadStopper != stopper is not null)
            throw new ArgumentException($"The checkpoint '{path}' was written {(hadStopper ? "with" : "without")} early stopping, but this trainer is configured {(stopper is not null ? "with" : "without")} it.", nameof(options));
        stopper?.Read(reader);
        using (var rng = tensor(ModelBytes.ReadBlock(reader)!)) random.set_rng_state(rng);
        ModelBytes.Load(model, ModelBytes.ReadBlock(reader)!);
        optimizerWithState.load_state_dict(reader);
        return state;
    }

    // Everything that changes which batches and steps a run makes; a resumed run must agree on all of it.
    private static string Shape(TrainerOptions o) =>
        $"(Epochs {o.Epochs}, BatchSize {o.BatchSize}, Seed {o.Seed}, Shuffle {o.Shuffle}, DropLast {o.DropLast}, AccumulationSteps {o.AccumulationSteps})";

    private static OptimizerHelper Stateful(optim.Optimizer optimizer) =>
        optimizer as OptimizerHelper ?? throw new ArgumentException(
            $"Checkpoints need an optimiser whose state TorchSharp can save (SGD, Adam, AdamW, RMSprop, ...), but got {optimizer.GetType().Name}.", nameof(optimizer));
}
