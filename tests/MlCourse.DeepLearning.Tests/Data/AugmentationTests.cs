using MlCourse.DeepLearning.Data.Augmentation;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Data;

public sealed class AugmentationTests
{
    private static Tensor Images() // (8, 2, 5, 6), every pixel distinct
    {
        manual_seed(0);
        return rand(8, 2, 5, 6) + arange(8 * 2 * 5 * 6).view(8, 2, 5, 6);
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void Every_transform_keeps_the_shape_repeats_for_a_seed_and_changes_for_another()
    {
        using var scope = NewDisposeScope();
        var x = Images();
        var before = x.clone();
        foreach (IBatchTransform t in new IBatchTransform[] { new HorizontalFlip(), new RandomCrop(2), new GaussianNoise(0.1), new Compose(new HorizontalFlip(), new RandomCrop(1)) })
        {
            var a = t.Apply(x, 5);
            Assert.Equal(x.shape, a.shape);
            Assert.True(Same(a, t.Apply(x, 5)), $"{t.GetType().Name}: same seed, different result");
            Assert.False(Same(a, t.Apply(x, 6)), $"{t.GetType().Name}: another seed gave the same result");
            Assert.True(Same(x, before), $"{t.GetType().Name} changed its input");
        }
    }

    [Fact]
    public void Flipping_every_image_mirrors_the_columns_and_twice_is_the_identity()
    {
        using var scope = NewDisposeScope();
        var x = Images();
        var flip = new HorizontalFlip(probability: 1.0);
        var once = flip.Apply(x, 1);
        Assert.Equal(x[3, 1, 2, 0].item<float>(), once[3, 1, 2, 5].item<float>()); // column 0 → column W − 1
        Assert.True(Same(x, flip.Apply(once, 2)));
        Assert.True(Same(x, new HorizontalFlip(probability: 0.0).Apply(x, 1)));
    }

    [Fact]
    public void Half_the_images_flip_on_average()
    {
        using var scope = NewDisposeScope();
        var x = rand(2000, 1, 1, 2);
        var flipped = new HorizontalFlip().Apply(x, 9);
        int count = (int)(flipped[.., 0, 0, 0] != x[.., 0, 0, 0]).sum().item<long>();
        // Binomial(2000, 0.5): sd 22, so 1000 ± 110 is a 5-sigma band.
        Assert.InRange(count, 890, 1110);
    }

    [Fact]
    public void A_crop_is_the_image_shifted_by_at_most_the_padding_with_zeros_let_in()
    {
        using var scope = NewDisposeScope();
        var x = Images() + 1;   // strictly positive, so padding zeros are recognisable
        var cropped = new RandomCrop(2).Apply(x, 4);
        for (int i = 0; i < 8; i++)
        {
            // Find the shift (dy, dx) in [-2, 2]² under which the crop equals the image where they overlap.
            bool found = false;
            for (int dy = -2; dy <= 2 && !found; dy++)
                for (int dx = -2; dx <= 2 && !found; dx++)
                    found = Matches(x[i], cropped[i], dy, dx);
            Assert.True(found, $"image {i}: the crop is no shift of the image by at most 2 pixels");
        }
    }

    [Fact]
    public void Noise_has_the_asked_standard_deviation_and_zero_mean()
    {
        using var scope = NewDisposeScope();
        var x = zeros(64, 1, 32, 32);
        var noisy = new GaussianNoise(0.3).Apply(x, 2);
        // 65,536 draws: the sample sd's standard error is 0.3 / sqrt(2n) ≈ 0.0008.
        Assert.Equal(0.3, noisy.std().item<float>(), 2);
        Assert.Equal(0.0, noisy.mean().item<float>(), 2);
    }

    [Fact]
    public void Inputs_that_are_not_image_batches_are_refused()
    {
        using var scope = NewDisposeScope();
        Assert.Contains("(B, C, H, W)", Assert.Throws<ArgumentException>(() => new HorizontalFlip().Apply(zeros(3, 4), 0)).Message);
        Assert.Contains("floating-point", Assert.Throws<ArgumentException>(() => new RandomCrop(1).Apply(zeros(new long[] { 1, 1, 2, 2 }, ScalarType.Int64), 0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HorizontalFlip(1.5));
        Assert.Throws<ArgumentException>(() => new Compose());
    }

    // crop[r, c] = image[r + dy, c + dx] where that is inside the image, 0 elsewhere.
    private static bool Matches(Tensor image, Tensor crop, int dy, int dx)
    {
        long h = image.shape[1], w = image.shape[2];
        for (long r = 0; r < h; r++)
            for (long c = 0; c < w; c++)
            {
                long sr = r + dy, sc = c + dx;
                bool inside = sr >= 0 && sr < h && sc >= 0 && sc < w;
                for (long ch = 0; ch < image.shape[0]; ch++)
                {
                    float expected = inside ? image[ch, sr, sc].item<float>() : 0f;
                    if (crop[ch, r, c].item<float>() != expected) return false;
                }
            }
        return true;
    }
}
