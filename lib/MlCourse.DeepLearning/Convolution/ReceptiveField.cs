using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Convolution;

/// <summary>One layer of a stack for <see cref="ReceptiveField"/>: a convolution or pooling window along one axis.</summary>
public readonly record struct ReceptiveLayer(int Kernel, int Stride = 1, int Dilation = 1);

/// <summary>
/// How many input positions one output position of a layer stack sees (Size), and how far apart in the input two
/// neighbouring outputs' windows start (Jump). Layer l widens the field by d(k−1) steps of the jump so far, then
/// multiplies the jump by its stride: r_l = r_{l−1} + d_l(k_l − 1)·j_{l−1}, j_l = j_{l−1}·s_l, from r_0 = j_0 = 1.
/// Padding shifts where a field starts, not its size.
/// </summary>
public readonly record struct ReceptiveField(long Size, long Jump)
{
    /// <summary>The field after each layer of <paramref name="layers"/> (entry i after layer i), input to output.</summary>
    public static IReadOnlyList<ReceptiveField> PerLayer(IReadOnlyList<ReceptiveLayer> layers)
    {
        Guard.NotEmpty(layers, nameof(layers), "layer");
        var fields = new List<ReceptiveField>(layers.Count);
        long size = 1, jump = 1;
        foreach (var layer in layers)
        {
            Guard.Positive(layer.Kernel, nameof(layers));
            Guard.Positive(layer.Stride, nameof(layers));
            Guard.Positive(layer.Dilation, nameof(layers));
            size += (long)layer.Dilation * (layer.Kernel - 1) * jump;
            jump *= layer.Stride;
            fields.Add(new ReceptiveField(size, jump));
        }
        return fields;
    }

    /// <summary>The field of one output position of the whole stack.</summary>
    public static ReceptiveField Of(IReadOnlyList<ReceptiveLayer> layers) => PerLayer(layers)[^1];
}
