using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Convolution;

/// <summary>Validation of a (grouped) convolution's channel counts: groups split both channel counts evenly.</summary>
internal static class GroupedChannels
{
    public static void Check(int inChannels, int outChannels, int groups)
    {
        Guard.Positive(inChannels, nameof(inChannels));
        Guard.Positive(outChannels, nameof(outChannels));
        Guard.Positive(groups, nameof(groups));
        if (inChannels % groups != 0)
            throw new ArgumentException($"inChannels ({inChannels}) must be divisible by groups ({groups}).", nameof(inChannels));
        if (outChannels % groups != 0)
            throw new ArgumentException($"outChannels ({outChannels}) must be divisible by groups ({groups}).", nameof(outChannels));
    }
}
