using MlCourse.Classical.Trees;

namespace MlCourse.Tests.Classical.Trees;

public class Id3ClassifierTests
{
    // Quinlan's (1986) "play tennis" table: outlook (sunny 0, overcast 1, rain 2), temperature (hot 0, mild 1,
    // cool 2), humidity (high 0, normal 1), wind (weak 0, strong 1); label play (no 0, yes 1).
    private static readonly int[][] X =
    [
        [0, 0, 0, 0], [0, 0, 0, 1], [1, 0, 0, 0], [2, 1, 0, 0], [2, 2, 1, 0], [2, 2, 1, 1], [1, 2, 1, 1],
        [0, 1, 0, 0], [0, 2, 1, 0], [2, 1, 1, 0], [0, 1, 1, 1], [1, 1, 0, 1], [1, 0, 1, 0], [2, 1, 0, 1],
    ];
    private static readonly int[] Y = [0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0];

    [Fact]
    public void Root_gains_are_Quinlans_and_outlook_is_chosen()
    {
        // Published gains (Quinlan 1986; Mitchell 1997, ch. 3): outlook 0.246, temperature 0.029, humidity 0.151,
        // wind 0.048 bits (truncated to 3 decimals there: outlook is 0.2467).
        var id3 = new Id3Classifier().Fit(X, Y);
        var (feature, gains) = id3.Root;
        Assert.Equal(0, feature);
        Assert.Equal(0.246, gains[0], 0.001);
        Assert.Equal(0.029, gains[1], 0.001);
        Assert.Equal(0.151, gains[2], 0.001);
        Assert.Equal(0.048, gains[3], 0.001);
    }

    [Fact]
    public void The_tree_fits_the_table_with_five_leaves_and_unseen_values_fall_back_to_the_majority()
    {
        // The textbook tree: outlook → sunny: humidity (2 leaves), overcast: yes, rain: wind (2 leaves).
        var id3 = new Id3Classifier().Fit(X, Y);
        Assert.Equal(Y, id3.Predict(X));
        Assert.Equal(5, id3.LeafCount);
        // Outlook 7 was never seen: the root's majority (9 yes of 14) answers.
        Assert.Equal([1], id3.Predict([[7, 0, 0, 0]]));
    }

    [Fact]
    public void Id3_rejects_ragged_rows()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new Id3Classifier().Fit([[0, 1], [1]], [0, 1])).ParamName);
        Assert.Equal("maxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new Id3Classifier(0)).ParamName);
    }
}
