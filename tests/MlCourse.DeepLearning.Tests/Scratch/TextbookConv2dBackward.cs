using MlCourse.DeepLearning.Scratch;

namespace MlCourse.DeepLearning.Tests.Scratch;

/// <summary>
/// The textbook form of a convolution's backward pass (groups 1, dilation 1), with two switches that make the
/// mistakes learners make: ∂L/∂x = full correlation of ∂L/∂y (zeros inserted between entries for stride s) with
/// the kernel rotated by 180°, cropped by the padding; ∂L/∂W = correlation of the padded input with ∂L/∂y taken
/// at stride s. <c>flipKernel: false</c> forgets the rotation; <c>honourStride: false</c> treats the layer as
/// stride 1 (no zeros inserted, input read at stride 1). Only the (true, true) version is right; the tests show
/// TorchSharp's autograd and finite differences tell the wrong ones apart.
/// </summary>
internal static class TextbookConv2dBackward
{
    public static Conv2dGradients Run(ScratchConv2d layer, double[] x, ImageShape shape, double[] dy, bool flipKernel, bool honourStride)
    {
        var o = layer.Options;
        if (o.Groups != 1 || o.Dilation != 1) throw new ArgumentException("the textbook form here covers groups 1 and dilation 1 only", nameof(layer));
        var y = layer.OutputShape(shape);
        int s = honourStride ? o.Stride : 1, p = o.Padding, kh = layer.KernelHeight, kw = layer.KernelWidth;
        int cin = layer.InChannels, cout = layer.OutChannels, hp = shape.Height + 2 * p, wp = shape.Width + 2 * p;
        double W(int co, int ci, int a, int b) => layer.Weight[((co * cin + ci) * kh + a) * kw + b];
        double Dy(int n, int co, int i, int j) => dy[((n * cout + co) * y.Height + i) * y.Width + j];
        double XPadded(int n, int ci, int r, int c) =>
            r < p || c < p || r >= p + shape.Height || c >= p + shape.Width ? 0 : x[((n * cin + ci) * shape.Height + r - p) * shape.Width + c - p];
        // ∂L/∂y with s − 1 zeros between entries: entry t is dy[t / s] where s divides t.
        double DyDilated(int n, int co, int r, int c)
        {
            if (r < 0 || c < 0 || r % s != 0 || c % s != 0) return 0;
            int i = r / s, j = c / s;
            return i < y.Height && j < y.Width ? Dy(n, co, i, j) : 0;
        }

        var dx = new double[shape.Length];
        for (int n = 0; n < shape.Batch; n++)
            for (int ci = 0; ci < cin; ci++)
                for (int r = p; r < p + shape.Height; r++)        // padded coordinates, cropped by p on each side
                    for (int c = p; c < p + shape.Width; c++)
                    {
                        double sum = 0;
                        for (int co = 0; co < cout; co++)
                            for (int a = 0; a < kh; a++)
                                for (int b = 0; b < kw; b++)
                                {
                                    double w = flipKernel ? W(co, ci, kh - 1 - a, kw - 1 - b) : W(co, ci, a, b);
                                    sum += DyDilated(n, co, r + a - (kh - 1), c + b - (kw - 1)) * w;
                                }
                        dx[((n * cin + ci) * shape.Height + r - p) * shape.Width + c - p] = sum;
                    }

        var dw = new double[layer.Weight.Length];
        for (int co = 0; co < cout; co++)
            for (int ci = 0; ci < cin; ci++)
                for (int a = 0; a < kh; a++)
                    for (int b = 0; b < kw; b++)
                    {
                        double sum = 0;
                        for (int n = 0; n < shape.Batch; n++)
                            for (int i = 0; i < y.Height; i++)
                                for (int j = 0; j < y.Width; j++)
                                {
                                    int r = i * s + a, c = j * s + b;
                                    if (r < hp && c < wp) sum += Dy(n, co, i, j) * XPadded(n, ci, r, c);
                                }
                        dw[((co * cin + ci) * kh + a) * kw + b] = sum;
                    }

        var db = new double[cout];
        for (int n = 0; n < shape.Batch; n++)
            for (int co = 0; co < cout; co++)
                for (int i = 0; i < y.Height; i++)
                    for (int j = 0; j < y.Width; j++) db[co] += Dy(n, co, i, j);
        return new Conv2dGradients(dx, dw, db);
    }
}
