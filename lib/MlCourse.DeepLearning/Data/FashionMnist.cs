using MlCourse.Core.Data;

namespace MlCourse.DeepLearning.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul, Vollgraf 2017; Zalando, MIT licence): 28x28 grey-scale images of
/// ten kinds of clothing, a drop-in replacement for MNIST (same format, harder). data/ ships a
/// subset of the Debian package's files (the first 10,000 training and 2,000 test images; see
/// data/README.md). Each file is checked against data/SHA256SUMS before it is parsed.
/// Week 9, "The data".
/// </summary>
public static class FashionMnist
{
    public const int ImageSize = 28;
    public const int PixelCount = ImageSize * ImageSize;

    /// <summary>The class names in label order (0 = T-shirt/top ... 9 = ankle boot), from the dataset's README.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static ImageSet Train(string? dataDirectory = null) => Load("train", dataDirectory);

    public static ImageSet Test(string? dataDirectory = null) => Load("test", dataDirectory);

    private static ImageSet Load(string split, string? dataDirectory)
    {
        var imagesFile = $"fashion-mnist-{split}-images-idx3-ubyte.gz";
        var labelsFile = $"fashion-mnist-{split}-labels-idx1-ubyte.gz";
        var images = IdxFile.Parse(VerifiedFile.ReadBytes(imagesFile, dataDirectory), imagesFile);
        var labels = IdxFile.Parse(VerifiedFile.ReadBytes(labelsFile, dataDirectory), labelsFile);
        if (images.Shape.Count != 3 || images.Shape[1] != ImageSize || images.Shape[2] != ImageSize)
            throw new InvalidDataException($"{imagesFile} has shape [{string.Join(", ", images.Shape)}], expected [n, 28, 28].");
        if (labels.Shape.Count != 1 || labels.Shape[0] != images.Shape[0])
            throw new InvalidDataException($"{labelsFile} has shape [{string.Join(", ", labels.Shape)}], expected one label for each of the {images.Shape[0]} images.");
        foreach (var label in labels.Values)
            if (label >= ClassNames.Count)
                throw new InvalidDataException($"{labelsFile} holds label {label}; Fashion-MNIST labels are 0-9.");
        return new ImageSet($"fashion-mnist-{split}", images.Values, labels.Values, ImageSize, ImageSize, ClassNames);
    }
}
