using Microsoft.ML.OnnxRuntime.Tensors;
using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Transfer;

namespace MlCourse.DeepLearning.Tests.Transfer;

public sealed class ResNet18FeaturesTests
{
    private const int Plane = ResNet18Features.Side * ResNet18Features.Side;

    [Fact]
    public void The_package_files_are_found()
    {
        Assert.True(File.Exists(ResNet18Files.ModelPath()));
        Assert.True(File.Exists(ResNet18Files.PreprocessPath()));
    }

    [Fact]
    public void Preprocessing_reverses_the_channels_and_subtracts_a_fixed_mean()
    {
        // Checked by hand: preprocess(x) - preprocess(0) must be x itself, with the channels reversed
        // (RGB in, BGR out, as the Caffe-trained ResNet expects): a pure subtraction of a mean.
        using var resnet = new ResNet18Features(threads: 2);
        var zero = resnet.Preprocess(new DenseTensor<float>(new[] { 1, 3, 224, 224 }));
        var x = new DenseTensor<float>(new[] { 1, 3, 224, 224 });
        var random = new Random(3);
        for (int i = 0; i < x.Length; i++) x.Buffer.Span[i] = random.Next(256);
        var shifted = resnet.Preprocess(x);
        for (int i = 0; i < shifted.Length; i += 97)
        {
            int channel = i / Plane, pixel = i % Plane;
            Assert.Equal(x.Buffer.Span[(2 - channel) * Plane + pixel] + zero[i], shifted[i], 3);
        }
        // The subtracted values are ImageNet-like means on the 0-255 scale, in (90, 140).
        for (int c = 0; c < 3; c++)
            Assert.InRange(-zero[c * Plane + Plane / 2 + 112], 90f, 140f);
    }

    [Fact]
    public void Features_of_the_same_image_are_identical_across_calls_and_differ_between_images()
    {
        var images = FashionMnist.Test().Take(2);
        using var resnet = new ResNet18Features(threads: 2);
        var first = resnet.Featurize(images);
        var again = resnet.Featurize(images);
        Assert.Equal(2 * ResNet18Features.FeatureCount, first.Length);
        Assert.Equal(first, again);
        Assert.All(first, v => Assert.True(float.IsFinite(v) && v >= 0, "pooled ReLU features are finite and non-negative"));
        double diff = 0;
        for (int j = 0; j < ResNet18Features.FeatureCount; j++) diff += Math.Abs(first[j] - first[ResNet18Features.FeatureCount + j]);
        Assert.True(diff > 1, $"two different images gave nearly the same features (L1 distance {diff})");
    }

    [Fact]
    public void The_graph_takes_one_image_per_call_and_a_wrong_shape_is_refused_by_name()
    {
        using var resnet = new ResNet18Features(threads: 2);
        Assert.Equal([1, 3, 224, 224], resnet.DeclaredShapes().Single(kv => kv.Key.StartsWith("ResNet18 input")).Value);
        var wrong = Assert.Throws<ArgumentException>(() => resnet.Run(new DenseTensor<float>(new[] { 1, 1, 224, 224 })));
        Assert.Equal("input", wrong.ParamName);
        Assert.ThrowsAny<ArgumentException>(() => new ResNet18Features(threads: -1));
    }

    [Fact]
    public void Grey_input_is_resized_and_copied_to_three_channels_on_the_0_255_scale()
    {
        var pixels = new byte[28 * 28];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i % 28 * 9);   // a horizontal ramp 0..243
        var rgb = new float[3 * Plane];
        ResNetInput.FromGrey(pixels, 28, 28, rgb);
        Assert.Equal(0f, rgb[0]);                                   // left edge clamps to the first column
        Assert.Equal(243f, rgb[223], 3);                            // right edge to the last
        Assert.True(rgb[100] < rgb[101] && rgb[101] < rgb[150]);    // the ramp survives resizing
        Assert.Equal(rgb.AsSpan(0, Plane).ToArray(), rgb.AsSpan(Plane, Plane).ToArray());
        Assert.Equal(rgb.AsSpan(0, Plane).ToArray(), rgb.AsSpan(2 * Plane, Plane).ToArray());
        var bad = Assert.Throws<ArgumentException>(() => ResNetInput.FromGrey(pixels.AsSpan(1), 28, 28, rgb));
        Assert.Equal("pixels", bad.ParamName);
    }
}
