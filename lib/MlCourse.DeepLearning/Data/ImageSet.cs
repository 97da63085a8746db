using MlCourse.Core.Validation;
namespace MlCourse.DeepLearning.Data;

/// <summary>
/// Labelled grey-scale images as plain arrays (no tensors), so from-scratch code can use them
/// directly and TorchSharp code can wrap them once. Pixels are bytes 0-255, row-major, one image
/// after another; <see cref="ToFloats"/> gives the usual [0, 1] scaling.
/// </summary>
public sealed class ImageSet
{
    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    public ImageSet(string name, byte[] pixels, byte[] labels, int height, int width, IReadOnlyList<string> classNames)
    {
        Guard.NotNull(pixels, nameof(pixels));
        Guard.NotNull(labels, nameof(labels));
        Guard.NotNull(classNames, nameof(classNames));
        Guard.Positive(height, nameof(height));
        Guard.Positive(width, nameof(width));
        Guard.Length(pixels.Length, labels.Length * height * width, nameof(pixels), $"{labels.Length} images of {height}x{width} bytes");
        (Name, _pixels, _labels, Height, Width, ClassNames) = (name, pixels, labels, height, width, classNames);
    }

    public string Name { get; }
    public int Count => _labels.Length;
    public int Height { get; }
    public int Width { get; }
    public int PixelsPerImage => Height * Width;
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The raw pixels (0-255), read-only; one image is <see cref="PixelsPerImage"/> consecutive bytes.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>The labels (0 .. ClassNames.Count-1), read-only.</summary>
    public ReadOnlySpan<byte> Labels => _labels;

    /// <summary>The pixels of image <paramref name="index"/>, row-major.</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        Guard.InRange(index, 0, Count - 1, nameof(index));
        return _pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>A fresh (Count x PixelsPerImage) row-major array of pixels scaled to [0, 1].</summary>
    public float[] ToFloats()
    {
        var x = new float[_pixels.Length];
        for (int i = 0; i < x.Length; i++) x[i] = _pixels[i] / 255f;
        return x;
    }

    /// <summary>The same, in double precision (the from-scratch MLP and the float64 agreement checks use it).</summary>
    public double[] ToDoubles()
    {
        var x = new double[_pixels.Length];
        for (int i = 0; i < x.Length; i++) x[i] = _pixels[i] / 255.0;
        return x;
    }

    /// <summary>A fresh copy of the labels as integers.</summary>
    public int[] LabelsAsInts()
    {
        var y = new int[_labels.Length];
        for (int i = 0; i < y.Length; i++) y[i] = _labels[i];
        return y;
    }

    /// <summary>The first <paramref name="count"/> images (a smaller budget for the fast profile).</summary>
    public ImageSet Take(int count)
    {
        Guard.InRange(count, 1, Count, nameof(count));
        return new ImageSet(Name, _pixels[..(count * PixelsPerImage)], _labels[..count], Height, Width, ClassNames);
    }

    /// <summary>The <paramref name="count"/> images from <paramref name="start"/> on (e.g. a validation split after the training images).</summary>
    public ImageSet Slice(int start, int count)
    {
        Guard.InRange(start, 0, Count - 1, nameof(start));
        Guard.InRange(count, 1, Count - start, nameof(count));
        return new ImageSet(Name, _pixels[(start * PixelsPerImage)..((start + count) * PixelsPerImage)], _labels[start..(start + count)], Height, Width, ClassNames);
    }

    public override string ToString() => $"{Name}: {Count} images of {Height}x{Width}, {ClassNames.Count} classes";
}
