using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Training;

/// <summary>A module's parameters and buffers as bytes (TorchSharp's state-dict format), and length-prefixed blocks.</summary>
internal static class ModelBytes
{
    public static byte[] Save(nn.Module model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.save(writer);
        return stream.ToArray();
    }

    public static void Load(nn.Module model, byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        model.load(reader);
    }

    public static void WriteBlock(BinaryWriter writer, byte[]? block)
    {
        writer.Write(block?.Length ?? -1);
        if (block is not null) writer.Write(block);
    }

    public static byte[]? ReadBlock(BinaryReader reader)
    {
        int length = reader.ReadInt32();
        return length < 0 ? null : reader.ReadBytes(length);
    }
}
