using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Visualisation;

/// <summary>
/// Small images laid out side by side in one matrix, so a heatmap chart shows them as a grid
/// (filters, activation-maximisation images). Each tile is rescaled to [0, 1] on its own, since
/// filters have arbitrary scales; gaps between tiles are NaN (drawn blank).
/// </summary>
public static class ImageTiles
{
    /// <param name="images">Each (height * width) row-major.</param>
    public static double[,] Tile(IReadOnlyList<float[]> images, int height, int width, int columns, int gap = 1)
    {
        Guard.NotNull(images, nameof(images));
        Guard.HasAtLeast(images.Count, 1, nameof(images), "image");
        Guard.Positive(height, nameof(height));
        Guard.Positive(width, nameof(width));
        Guard.Positive(columns, nameof(columns));
        Guard.NonNegative(gap, nameof(gap));
        int rows = (images.Count + columns - 1) / columns;
        var grid = new double[rows * (height + gap) - gap, columns * (width + gap) - gap];
        for (int i = 0; i < grid.GetLength(0); i++)
            for (int j = 0; j < grid.GetLength(1); j++)
                grid[i, j] = double.NaN;
        for (int k = 0; k < images.Count; k++)
        {
            var image = images[k];
            Guard.Length(image.Length, height * width, nameof(images), $"height * width values in image {k}");
            float min = image.Min(), max = image.Max();
            double range = max > min ? max - min : 1;
            int top = k / columns * (height + gap), left = k % columns * (width + gap);
            for (int r = 0; r < height; r++)
                for (int c = 0; c < width; c++)
                    grid[top + r, left + c] = (image[r * width + c] - min) / range;
        }
        return grid;
    }
}
