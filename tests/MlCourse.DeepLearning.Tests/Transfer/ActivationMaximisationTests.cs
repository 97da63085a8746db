using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Runtime;
using MlCourse.DeepLearning.Training;
using MlCourse.DeepLearning.Transfer;
using MlCourse.DeepLearning.Visualisation;
using TorchSharp;
using static TorchSharp.torch;

namespace MlCourse.DeepLearning.Tests.Transfer;

public sealed class ActivationMaximisationTests
{
    [Fact]
    public void Gradient_ascent_on_the_input_raises_the_target_logit_of_a_trained_cnn_above_every_other_class()
    {
        var train = FashionMnist.Train().Take(200);
        TorchSeed.Seed(0);
        var cnn = TransferComparison.SmallCnn(train.ClassNames.Count);
        var x = tensor(train.ToFloats()).view(train.Count, 1, 28, 28);
        var y = tensor(train.LabelsAsInts().Select(v => (long)v).ToArray());
        new Trainer(cnn, optim.Adam(cnn.parameters(), 2e-3), (l, t) => nn.functional.cross_entropy(l, t),
            new TrainerOptions(5, 32) { Seed = 0 }).Fit(x, y);

        var result = ActivationMaximisation.Run(cnn, 28, 28, targetClass: 1, new AscentOptions(Steps: 60));
        Assert.True(result.FinalLogit > result.InitialLogit + 1, $"logit {result.InitialLogit} -> {result.FinalLogit}");
        // The ascended image is classified as the target: its logit beats the other nine.
        using var _ = no_grad();
        var logits = cnn.call(tensor(result.Image).view(1, 1, 28, 28));
        Assert.Equal(1, (int)logits.argmax(1).item<long>());
        Assert.All(result.Image, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Tiles_are_rescaled_each_to_zero_one_and_separated_by_blank_gaps()
    {
        var grid = ImageTiles.Tile([[0f, 2f, 4f, 6f], [-1f, -1f, -1f, 1f], [5f, 5f, 5f, 5f]], height: 2, width: 2, columns: 2);
        Assert.Equal(5, grid.GetLength(0));   // 2 rows of tiles, 2 pixels each, one gap
        Assert.Equal(5, grid.GetLength(1));
        Assert.Equal(1.0 / 3, grid[0, 1], 12);   // tile 0: (2 - 0) / 6
        Assert.Equal(1.0, grid[1, 1]);
        Assert.True(double.IsNaN(grid[0, 2]));   // the gap column
        Assert.Equal(0.0, grid[0, 3]);           // tile 1's minimum
        Assert.Equal(1.0, grid[1, 4]);           // tile 1's maximum
        Assert.Equal(0.0, grid[3, 0]);           // a constant tile is all zeros, not NaN
        Assert.True(double.IsNaN(grid[3, 3]));   // no fourth tile
    }

    [Fact]
    public void A_class_outside_the_logits_is_refused_by_name()
    {
        var cnn = TransferComparison.SmallCnn(10);
        var bad = Assert.ThrowsAny<ArgumentException>(() => ActivationMaximisation.Run(cnn, 28, 28, 10, new AscentOptions(Steps: 1)));
        Assert.Equal("targetClass", bad.ParamName);
    }
}
