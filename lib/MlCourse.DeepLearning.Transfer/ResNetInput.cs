using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Transfer;

/// <summary>
/// Turns a small grey-scale image (bytes 0-255) into ResNet18's (3, 224, 224) input: bilinear
/// resize (pixel centres aligned, as PyTorch's <c>align_corners=False</c>), the grey channel copied
/// to R, G and B, values kept on the 0-255 scale the package's preprocessing graph expects.
/// </summary>
public static class ResNetInput
{
    public static void FromGrey(ReadOnlySpan<byte> pixels, int height, int width, Span<float> destination)
    {
        Guard.Positive(height, nameof(height));
        Guard.Positive(width, nameof(width));
        Guard.Length(pixels.Length, height * width, nameof(pixels), $"{height}x{width} bytes");
        int side = ResNet18Features.Side, plane = side * side;
        Guard.Length(destination.Length, 3 * plane, nameof(destination), $"3x{side}x{side} floats");
        double sy = (double)height / side, sx = (double)width / side;
        for (int r = 0; r < side; r++)
        {
            double y = Math.Clamp((r + 0.5) * sy - 0.5, 0, height - 1);
            int y0 = (int)y, y1 = Math.Min(y0 + 1, height - 1);
            double fy = y - y0;
            for (int c = 0; c < side; c++)
            {
                double x = Math.Clamp((c + 0.5) * sx - 0.5, 0, width - 1);
                int x0 = (int)x, x1 = Math.Min(x0 + 1, width - 1);
                double fx = x - x0;
                double top = pixels[y0 * width + x0] * (1 - fx) + pixels[y0 * width + x1] * fx;
                double bottom = pixels[y1 * width + x0] * (1 - fx) + pixels[y1 * width + x1] * fx;
                float v = (float)(top * (1 - fy) + bottom * fy);
                int i = r * side + c;
                destination[i] = v;
                destination[plane + i] = v;
                destination[2 * plane + i] = v;
            }
        }
    }
}
