using System.Buffers.Binary;
using System.IO.Compression;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Data;

/// <summary>
/// The IDX format of MNIST and Fashion-MNIST (LeCun's "idx3-ubyte" files), read by hand: a 4-byte
/// magic number (two zero bytes, a type code, the number of dimensions), one big-endian 32-bit size
/// per dimension, then the values in row-major order. Only unsigned bytes (type 0x08), the one type
/// these datasets use, are supported; anything else fails with a message saying what was found.
/// Week 9, "The data": the format is small enough that a reader of our own is clearer than a
/// framework's, and it needs no TorchSharp.
/// </summary>
public sealed class IdxFile
{
    private const byte UnsignedByte = 0x08;

    private IdxFile(int[] shape, byte[] values) => (Shape, Values) = (shape, values);

    /// <summary>The size of each dimension, e.g. [10000, 28, 28] for images or [10000] for labels.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>All values in row-major order (the first dimension varies slowest).</summary>
    public byte[] Values { get; }

    /// <summary>Parses IDX bytes; gzip-compressed input (first bytes 1F 8B) is decompressed first.</summary>
    public static IdxFile Parse(byte[] bytes, string sourceName = "IDX data")
    {
        Guard.NotNull(bytes, nameof(bytes));
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B) bytes = Gunzip(bytes);
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException($"{sourceName} is not an IDX file: it must start with two zero bytes, a type code and a dimension count.");
        if (bytes[2] != UnsignedByte)
            throw new InvalidDataException($"{sourceName} holds IDX type 0x{bytes[2]:X2}; only unsigned bytes (0x08), the type of MNIST and Fashion-MNIST, are supported.");
        int dims = bytes[3];
        int header = 4 + 4 * dims;
        if (dims == 0 || bytes.Length < header)
            throw new InvalidDataException($"{sourceName} declares {dims} dimensions but is only {bytes.Length} bytes long.");

        var shape = new int[dims];
        long count = 1;
        for (int d = 0; d < dims; d++)
        {
            shape[d] = checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4 + 4 * d, 4)));
            count *= shape[d];
        }
        if (bytes.Length - header != count)
            throw new InvalidDataException(
                $"{sourceName} has shape [{string.Join(", ", shape)}], which needs {count} values, but {bytes.Length - header} follow the header.");
        return new IdxFile(shape, bytes[header..]);
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
