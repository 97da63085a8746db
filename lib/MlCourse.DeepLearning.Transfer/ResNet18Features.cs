using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MlCourse.Core.Validation;
using MlCourse.DeepLearning.Data;

namespace MlCourse.DeepLearning.Transfer;

/// <summary>
/// Frozen ImageNet features (Week 10, "Transfer learning"): the 512 pooled activations of the
/// ResNet18 that ships in <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>, run with ONNX Runtime.
/// <code>
/// using var resnet = new ResNet18Features(threads: 2);
/// float[] features = resnet.Featurize(images);   // (Count, 512) row-major
/// </code>
/// </summary>
/// <remarks>
/// A grey-scale image becomes ResNet's input as ML.NET's image featurizer expects it: resized
/// bilinearly to 224x224, the one channel copied to all three, pixel values kept on the 0-255
/// scale; the package's preprocessing graph then reverses the channels (RGB to BGR) and subtracts
/// the ImageNet mean (both checked in the tests). The
/// network never saw 28x28 clothes: upscaled, grey, they are far from its training photographs,
/// and the features are still useful (the notebook measures how much).
/// </remarks>
public sealed class ResNet18Features : IDisposable
{
    public const int Side = 224;
    public const int FeatureCount = 512;

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _resnet;
    private readonly string _preprocessInput;
    private readonly string _resnetInput;

    /// <param name="threads">ONNX Runtime's intra-op threads (0: its default, all cores).</param>
    /// <remarks>Both graphs declare a batch dimension of exactly 1 (ONNX Runtime refuses 8 images in one
    /// call: "index: 0 Got: 8 Expected: 1"), so images go through one at a time.</remarks>
    public ResNet18Features(int threads = 0)
    {
        Guard.NonNegative(threads, nameof(threads));
        var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        _preprocess = new InferenceSession(ResNet18Files.PreprocessPath(), options);
        _resnet = new InferenceSession(ResNet18Files.ModelPath(), options);
        _preprocessInput = _preprocess.InputMetadata.Keys.Single();
        _resnetInput = _resnet.InputMetadata.Keys.Single();
    }

    /// <summary>The shapes the two graphs declare (-1 for a free dimension), for the notebook to show.</summary>
    public IReadOnlyDictionary<string, int[]> DeclaredShapes() => new Dictionary<string, int[]>
    {
        [$"preprocess input '{_preprocessInput}'"] = _preprocess.InputMetadata[_preprocessInput].Dimensions,
        [$"preprocess output '{_preprocess.OutputMetadata.Keys.Single()}'"] = _preprocess.OutputMetadata.Values.Single().Dimensions,
        [$"ResNet18 input '{_resnetInput}'"] = _resnet.InputMetadata[_resnetInput].Dimensions,
        [$"ResNet18 output '{_resnet.OutputMetadata.Keys.Single()}'"] = _resnet.OutputMetadata.Values.Single().Dimensions,
    };

    /// <summary>Features of every image in <paramref name="images"/>: a (Count, 512) row-major array.</summary>
    public float[] Featurize(ImageSet images)
    {
        Guard.NotNull(images, nameof(images));
        var features = new float[images.Count * FeatureCount];
        var input = new DenseTensor<float>(new[] { 1, 3, Side, Side });
        for (int i = 0; i < images.Count; i++)
        {
            ResNetInput.FromGrey(images.Image(i), images.Height, images.Width, input.Buffer.Span);
            Run(input).AsSpan().CopyTo(features.AsSpan(i * FeatureCount, FeatureCount));
        }
        return features;
    }

    /// <summary>The preprocessing graph alone on an (n, 3, 224, 224) 0-255 input (to check it against the documented mean subtraction).</summary>
    public float[] Preprocess(DenseTensor<float> input)
    {
        Guard.NotNull(input, nameof(input));
        CheckInput(input);
        using var output = _preprocess.Run([NamedOnnxValue.CreateFromTensor(_preprocessInput, input)]);
        return output.Single().AsTensor<float>().ToArray();
    }

    /// <summary>Preprocessing then ResNet18 on an (n, 3, 224, 224) 0-255 input: n x 512 features.</summary>
    public float[] Run(DenseTensor<float> input)
    {
        Guard.NotNull(input, nameof(input));
        CheckInput(input);
        using var prepared = _preprocess.Run([NamedOnnxValue.CreateFromTensor(_preprocessInput, input)]);
        var centred = prepared.Single().AsTensor<float>();
        using var output = _resnet.Run([NamedOnnxValue.CreateFromTensor(_resnetInput, centred)]);
        var features = output.Single().AsTensor<float>().ToArray();
        if (features.Length != input.Dimensions[0] * FeatureCount)
            throw new InvalidOperationException($"ResNet18 returned {features.Length} values for {input.Dimensions[0]} images; expected {FeatureCount} each.");
        return features;
    }

    private static void CheckInput(DenseTensor<float> input)
    {
        var d = input.Dimensions;
        if (d.Length != 4 || d[0] < 1 || d[1] != 3 || d[2] != Side || d[3] != Side)
            throw new ArgumentException($"input must have shape (n, 3, {Side}, {Side}); it has ({string.Join(", ", d.ToArray())}).", nameof(input));
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _resnet.Dispose();
    }
}
