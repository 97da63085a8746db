using MlCourse.DeepLearning.Sequence;

namespace MlCourse.DeepLearning.Tests.Sequence;

public sealed class CharNGramBaselineTests
{
    [Fact]
    public void A_cycle_is_uniform_for_the_unigram_and_near_certain_for_the_bigram()
    {
        // 0 1 2 3 0 1 2 3 ...: each symbol a quarter of the text (unigram perplexity 4), each successor fixed.
        var ids = Enumerable.Range(0, 4_001).Select(t => t % 4).ToArray();
        var model = CharNGramBaseline.Fit(ids, 4, smoothing: 1e-6);
        Assert.Equal(4.0, model.UnigramPerplexity(ids), 3);
        Assert.Equal(1.0, model.BigramPerplexity(ids), 3);
    }

    [Fact]
    public void Add_one_smoothing_matches_the_closed_form_on_a_small_text()
    {
        // Text a a b, V = 3 (c never seen). Unigram: p(a) = 3/6, p(b) = 2/6. Bigram rows: after a: n(a,a) = 1, n(a,b) = 1,
        // row total 2, so p(a|a) = 2/5, p(b|a) = 2/5. Perplexity over t = 1, 2.
        int[] ids = [0, 0, 1];
        var model = CharNGramBaseline.Fit(ids, 3);
        Assert.Equal(Math.Exp(-(Math.Log(3.0 / 6) + Math.Log(2.0 / 6)) / 2), model.UnigramPerplexity(ids), 12);
        Assert.Equal(Math.Exp(-(Math.Log(2.0 / 5) + Math.Log(2.0 / 5)) / 2), model.BigramPerplexity(ids), 12);
        // An unseen pair (b → c) still has probability 1/3 (row b is empty): finite perplexity.
        Assert.Equal(3.0, model.BigramPerplexity([1, 2]), 12);
    }

    [Fact]
    public void Bad_input_names_the_argument()
    {
        Assert.Equal("ids", Assert.Throws<ArgumentOutOfRangeException>(() => CharNGramBaseline.Fit([0, 5], 3)).ParamName);
        Assert.Equal("ids", Assert.Throws<ArgumentException>(() => CharNGramBaseline.Fit([0], 3)).ParamName);
        Assert.Equal("smoothing", Assert.Throws<ArgumentOutOfRangeException>(() => CharNGramBaseline.Fit([0, 1], 3, 0)).ParamName);
    }
}
