namespace MlCourse.DeepLearning.Exercises;

/// <summary>
/// Reference solutions to the week 10 exercises. Try the exercise first: the checker tells you what is wrong and with
/// which inputs. The tests prove that <see cref="Week10"/> accepts each of these.
/// </summary>
public static class Week10Solutions
{
    /// <summary>Exercise 1. A dilated kernel spans d(k − 1) + 1 positions; it fits floor((n + 2p − d(k − 1) − 1)/s) + 1 times.</summary>
    public static int OutputSize(int n, int k, int padding, int stride, int dilation) =>
        (n + 2 * padding - dilation * (k - 1) - 1) / stride + 1;

    /// <summary>Exercise 2. Cross-correlation: output (i, j) reads the window whose top-left corner is (i·s − p, j·s − p); outside is zero.</summary>
    public static double[,] Conv2d(double[,] x, double[,] w, int padding, int stride)
    {
        int h = x.GetLength(0), wd = x.GetLength(1), kh = w.GetLength(0), kw = w.GetLength(1);
        int oh = OutputSize(h, kh, padding, stride, 1), ow = OutputSize(wd, kw, padding, stride, 1);
        var y = new double[oh, ow];
        for (int i = 0; i < oh; i++)
            for (int j = 0; j < ow; j++)
            {
                double sum = 0;
                for (int a = 0; a < kh; a++)
                    for (int b = 0; b < kw; b++)
                    {
                        int r = i * stride - padding + a, col = j * stride - padding + b;
                        if (r >= 0 && r < h && col >= 0 && col < wd) sum += x[r, col] * w[a, b];
                    }
                y[i, j] = sum;
            }
        return y;
    }
}
