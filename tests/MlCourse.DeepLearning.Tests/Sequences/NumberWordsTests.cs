using MlCourse.DeepLearning.Sequences;

namespace MlCourse.DeepLearning.Tests.Sequences;

public sealed class NumberWordsTests
{
    // Written by hand from British usage, not from the generator.
    [Theory]
    [InlineData(0, "zero")]
    [InlineData(7, "seven")]
    [InlineData(15, "fifteen")]
    [InlineData(40, "forty")]
    [InlineData(342, "three hundred and forty two")]
    [InlineData(700, "seven hundred")]
    [InlineData(1005, "one thousand and five")]
    [InlineData(12_000, "twelve thousand")]
    [InlineData(100_100, "one hundred thousand one hundred")]
    [InlineData(2_000_019, "two million and nineteen")]
    [InlineData(999_999_999, "nine hundred and ninety nine million nine hundred and ninety nine thousand nine hundred and ninety nine")]
    public void Words_match_a_hand_written_table(long n, string words) =>
        Assert.Equal(words, string.Join(' ', NumberWords.ToWords(n)));

    [Fact]
    public void Generated_words_parse_back_to_their_digits_by_an_independent_parser()
    {
        foreach (var pair in NumberWords.Generate(5000, seed: 3))
        {
            Assert.Equal(pair.Value, Parse(pair.Words));
            Assert.Equal(pair.Value.ToString(), pair.Digits);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_pairs_and_another_seed_does_not()
    {
        var a = NumberWords.Generate(200, seed: 5).Select(p => p.Value).ToArray();
        var b = NumberWords.Generate(200, seed: 5).Select(p => p.Value).ToArray();
        var c = NumberWords.Generate(200, seed: 6).Select(p => p.Value).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Digit_counts_are_spread_evenly_so_long_and_short_inputs_both_occur()
    {
        var counts = NumberWords.Generate(9000, seed: 1).GroupBy(p => p.Digits.Length).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(9, counts.Count);
        // Each count is Binomial(9000, 1/9): mean 1000, sd ≈ 30; 850..1150 is five sd.
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
        Assert.True(NumberWords.Generate(2000, seed: 1).Max(p => p.Words.Count) <= Seq2SeqExperiment.SourceLength);
    }

    [Fact]
    public void Out_of_range_numbers_are_rejected_by_name()
    {
        Assert.Contains("n", Assert.Throws<ArgumentOutOfRangeException>(() => NumberWords.ToWords(-1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberWords.ToWords(1_000_000_000));
    }

    // A right-to-left-free parser: a running total for the current group, "hundred" multiplies it,
    // a scale word closes the group. A different method from the generator's group-by-group printing.
    private static long Parse(IReadOnlyList<string> words)
    {
        var small = new Dictionary<string, long>();
        string[] units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int i = 0; i < units.Length; i++) small[units[i]] = i;
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++) small[tens[i]] = 20 + 10 * i;
        long total = 0, current = 0;
        foreach (var w in words)
        {
            if (small.TryGetValue(w, out long v)) current += v;
            else if (w == "hundred") current *= 100;
            else if (w == "thousand") { total += current * 1000; current = 0; }
            else if (w == "million") { total += current * 1_000_000; current = 0; }
            else Assert.Equal("and", w);
        }
        return total + current;
    }
}
