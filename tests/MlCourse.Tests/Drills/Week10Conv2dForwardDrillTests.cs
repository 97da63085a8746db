using Drills.Week10;
using MlCourse.Core.Randomness;

namespace MlCourse.Tests.Drills;

/// <summary>The Week 10 drill's reference, against window positions counted one by one and a 1x1 convolution's per-pixel product.</summary>
public class Week10Conv2dForwardDrillTests
{
    [Fact]
    public void The_output_size_is_the_number_of_window_positions_that_fit_on_a_grid_of_settings()
    {
        int compared = 0;
        for (int n = 1; n <= 20; n++)
            for (int k = 1; k <= 5; k++)
                for (int p = 0; p <= 2; p++)
                    for (int s = 1; s <= 3; s++)
                        for (int d = 1; d <= 3; d++)
                        {
                            if (d * (k - 1) + 1 > n + 2 * p) { Assert.Throws<ArgumentException>(() => Conv.OutputSize(n, k, p, s, d)); continue; }
                            // Count the starts 0, s, 2s, ... whose dilated window (last tap at start + d(k − 1)) stays inside the padded input.
                            int fits = 0;
                            for (int start = 0; start + d * (k - 1) < n + 2 * p; start += s) fits++;
                            Assert.Equal(fits, Conv.OutputSize(n, k, p, s, d));
                            compared++;
                        }
        Assert.True(compared > 2000, $"only {compared} settings compared");
    }

    [Fact]
    public void A_one_by_one_kernel_mixes_channels_at_each_pixel_only()
    {
        // A 1x1 convolution is a matrix product per pixel: y[o, i, j] = Σ_c w[o, c] x[c, i, j] + b[o].
        var rng = Seeded.Random(3);
        var x = new double[3, 4, 5];
        var w = new double[2, 3, 1, 1];
        for (int c = 0; c < 3; c++) for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) x[c, i, j] = rng.NextGaussian();
        for (int o = 0; o < 2; o++) for (int c = 0; c < 3; c++) w[o, c, 0, 0] = rng.NextGaussian();
        var y = Conv.Forward(x, w, [0.5, -1], 0, 1);
        for (int o = 0; o < 2; o++)
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 5; j++)
                    Assert.Equal(Enumerable.Range(0, 3).Sum(c => w[o, c, 0, 0] * x[c, i, j]) + (o == 0 ? 0.5 : -1), y[o, i, j], 12);
    }
}
