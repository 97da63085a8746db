using MlCourse.Core.Data;
using MlCourse.DeepLearning.Data;

namespace MlCourse.DeepLearning.Tests.Data;

public class FashionMnistTests
{
    // Expected values below were read from the Debian package's original files
    // (/usr/share/datasets/fashion-mnist/*.gz, dataset-fashion-mnist 0.0~git20200523) with numpy:
    // labels[:10], image sums, the row 14 of image 0 and the label histograms of the shipped subsets.

    [Fact]
    public void The_training_subset_holds_the_first_10000_images_with_their_labels()
    {
        var train = FashionMnist.Train();
        Assert.Equal(10_000, train.Count);
        Assert.Equal(28, train.Height);
        Assert.Equal(28, train.Width);
        Assert.Equal(new byte[] { 9, 0, 0, 3, 0, 2, 7, 2, 5, 5 }, train.Labels[..10].ToArray());
        Assert.Equal(76247, Sum(train.Image(0)));
        Assert.Equal(79936, Sum(train.Image(9999)));
        Assert.Equal(6, train.Labels[9999]);
        Assert.Equal(new byte[] { 0, 0, 1, 4, 6, 7, 2, 0, 0, 0, 0, 0, 237, 226, 217, 223, 222, 219, 222, 221, 216, 223, 229, 215, 218, 255, 77, 0 },
            train.Image(0).Slice(14 * 28, 28).ToArray());
        Assert.Equal(new[] { 942, 1027, 1016, 1019, 974, 989, 1021, 1022, 990, 1000 }, Histogram(train));
    }

    [Fact]
    public void The_test_subset_holds_the_first_2000_test_images_with_their_labels()
    {
        var test = FashionMnist.Test();
        Assert.Equal(2_000, test.Count);
        Assert.Equal(new byte[] { 9, 2, 1, 1, 6, 1, 4, 6, 5, 7 }, test.Labels[..10].ToArray());
        Assert.Equal(33456, Sum(test.Image(0)));
        Assert.Equal(59629, Sum(test.Image(1999)));
        Assert.Equal(new[] { 200, 203, 214, 190, 219, 195, 197, 200, 194, 188 }, Histogram(test));
    }

    [Fact]
    public void Floats_are_pixels_over_255_and_take_keeps_the_first_images()
    {
        var train = FashionMnist.Train();
        var x = train.ToFloats();
        Assert.Equal(10_000 * 784, x.Length);
        Assert.Equal(237 / 255f, x[14 * 28 + 12]);
        var head = train.Take(3);
        Assert.Equal(3, head.Count);
        Assert.Equal(train.Image(2).ToArray(), head.Image(2).ToArray());
        Assert.Equal(new[] { 9, 0, 0 }, head.LabelsAsInts());
        Assert.Equal("T-shirt/top", FashionMnist.ClassNames[0]);
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[9]);
    }

    [Fact]
    public void A_changed_file_is_refused_by_its_checksum()
    {
        var dir = Directory.CreateTempSubdirectory("mlcourse-fmnist-").FullName;
        try
        {
            File.Copy(Path.Combine(CoursePaths.DataDirectory, "SHA256SUMS"), Path.Combine(dir, "SHA256SUMS"));
            foreach (var f in new[] { "fashion-mnist-test-images-idx3-ubyte.gz", "fashion-mnist-test-labels-idx1-ubyte.gz" })
                File.Copy(Path.Combine(CoursePaths.DataDirectory, f), Path.Combine(dir, f));
            Assert.Equal(2_000, FashionMnist.Test(dir).Count);               // control: the copies load

            var labels = Path.Combine(dir, "fashion-mnist-test-labels-idx1-ubyte.gz");
            var bytes = File.ReadAllBytes(labels);
            bytes[^5] ^= 0x01;
            File.WriteAllBytes(labels, bytes);
            var error = Assert.Throws<InvalidDataException>(() => FashionMnist.Test(dir));
            Assert.Contains("fashion-mnist-test-labels-idx1-ubyte.gz", error.Message);
            Assert.Contains("SHA-256", error.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void An_image_index_out_of_range_names_the_valid_range()
    {
        var test = FashionMnist.Test();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => test.Image(2000).Length);
        Assert.Contains("index must be between 0 and 1999", error.Message);
    }

    private static int Sum(ReadOnlySpan<byte> pixels)
    {
        int s = 0;
        foreach (var p in pixels) s += p;
        return s;
    }

    private static int[] Histogram(ImageSet set)
    {
        var h = new int[10];
        foreach (var label in set.Labels) h[label]++;
        return h;
    }
}
