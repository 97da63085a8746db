using System.IO.Compression;
using MlCourse.DeepLearning.Data;

namespace MlCourse.DeepLearning.Tests.Data;

public class IdxFileTests
{
    // A 2x3 unsigned-byte IDX file written by hand: magic 00 00 08 02, sizes 2 and 3 big-endian, six values.
    private static readonly byte[] TwoByThree = [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6];

    [Fact]
    public void A_hand_written_file_parses_to_its_shape_and_values()
    {
        var idx = IdxFile.Parse(TwoByThree);
        Assert.Equal(new[] { 2, 3 }, idx.Shape);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, idx.Values);
    }

    [Fact]
    public void Gzipped_input_is_decompressed_first()
    {
        var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(TwoByThree);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, IdxFile.Parse(buffer.ToArray()).Values);
    }

    [Fact]
    public void Sizes_are_big_endian()
    {
        // 256 values in one dimension: size bytes 00 00 01 00. Read little-endian it would be 65536.
        var bytes = new byte[8 + 256];
        bytes[2] = 8; bytes[3] = 1; bytes[6] = 1;
        Assert.Equal(new[] { 256 }, IdxFile.Parse(bytes).Shape);
    }

    [Fact]
    public void A_truncated_file_says_how_many_values_were_expected_and_found()
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Parse(TwoByThree[..^1], "x.idx"));
        Assert.Contains("needs 6 values, but 5 follow", error.Message);
        Assert.Contains("x.idx", error.Message);
    }

    [Fact]
    public void A_type_other_than_unsigned_byte_is_refused_by_name()
    {
        var floats = (byte[])TwoByThree.Clone();
        floats[2] = 0x0D;
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Parse(floats));
        Assert.Contains("0x0D", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_idx_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => IdxFile.Parse("hello"u8.ToArray()));
    }
}
