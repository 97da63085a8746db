using MlCourse.DeepLearning.Data;
using MlCourse.DeepLearning.Sequence;

namespace MlCourse.DeepLearning.Tests.Sequence;

public sealed class CharVocabularyTests
{
    [Fact]
    public void The_shipped_corpus_round_trips_through_its_vocabulary()
    {
        var text = KjvGenesis.Text();
        Assert.Equal(196_818, text.Length);          // the count data/README.md states
        var vocabulary = CharVocabulary.FromText(text);
        Assert.Equal(60, vocabulary.Count);
        Assert.StartsWith("In the beginning God created the heaven and the earth.\n", text);
        Assert.Equal(text, vocabulary.Decode(vocabulary.Encode(text)));
        Assert.Equal(vocabulary.Symbols.Order().ToArray(), vocabulary.Symbols.ToArray());
    }

    [Fact]
    public void An_unknown_character_is_named()
    {
        var vocabulary = CharVocabulary.FromText("abc");
        var error = Assert.Throws<ArgumentException>(() => vocabulary.Encode("abz"));
        Assert.Contains("'z'", error.Message);
        Assert.Contains("position 2", error.Message);
    }

    [Fact]
    public void Windows_predict_every_covered_character_once()
    {
        int[] ids = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        var (inputs, targets) = CharWindows.Make(ids, 4);           // (9 / 4 = 2 rows, 4)
        Assert.Equal(new long[] { 2, 4 }, inputs.shape);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }, inputs.data<long>().ToArray());
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }, targets.data<long>().ToArray());
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 }, CharWindows.Covered(ids, 4));
    }
}
