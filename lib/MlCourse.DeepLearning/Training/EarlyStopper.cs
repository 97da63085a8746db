using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Training;

/// <summary>
/// The state of <see cref="EarlyStopping"/> during a run: the best score so far, its epoch, the
/// epochs since, and the best weights as bytes (a copy outside libtorch, so keeping it holds no
/// tensors alive between steps). Saved in checkpoints so a resumed run stops where the original would.
/// </summary>
internal sealed class EarlyStopper(EarlyStopping rule, bool higherIsBetter)
{
    public EarlyStopping Rule { get; } = rule;
    public double Best { get; private set; } = higherIsBetter ? double.NegativeInfinity : double.PositiveInfinity;
    public int BestEpoch { get; private set; } = -1;
    public int EpochsWithoutImprovement { get; private set; }
    public byte[]? BestWeights { get; private set; }

    /// <summary>Records an epoch's score; true when training should stop.</summary>
    public bool Update(int epoch, double score, nn.Module model)
    {
        bool improved = higherIsBetter ? score > Best + Rule.MinDelta : score < Best - Rule.MinDelta;
        if (improved)
        {
            Best = score;
            BestEpoch = epoch;
            EpochsWithoutImprovement = 0;
            if (Rule.RestoreBestWeights) BestWeights = ModelBytes.Save(model);
            return false;
        }
        EpochsWithoutImprovement++;
        return EpochsWithoutImprovement >= Rule.Patience;
    }

    public void RestoreBest(nn.Module model)
    {
        if (Rule.RestoreBestWeights && BestWeights is not null) ModelBytes.Load(model, BestWeights);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Best);
        writer.Write(BestEpoch);
        writer.Write(EpochsWithoutImprovement);
        ModelBytes.WriteBlock(writer, BestWeights);
    }

    public void Read(BinaryReader reader)
    {
        Best = reader.ReadDouble();
        BestEpoch = reader.ReadInt32();
        EpochsWithoutImprovement = reader.ReadInt32();
        BestWeights = ModelBytes.ReadBlock(reader);
    }
}
