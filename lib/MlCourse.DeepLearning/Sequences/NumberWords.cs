using MlCourse.Core.Randomness;
using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Sequences;

/// <summary>One example of the translation-like task: the words of a number and its digits.</summary>
public sealed record NumberPair(long Value, IReadOnlyList<string> Words, string Digits);

/// <summary>
/// The Week 12 translation-like task, generated in code (Week 12, "Sequence to sequence"; Week 13
/// reuses it): British English number words, one token per word ("three hundred and forty two"),
/// into the digits "342". Inputs run from 1 word ("seven") to about 20 (nine-digit numbers), so the
/// longest inputs must squeeze nine digits through a fixed-size encoder state: the bottleneck that
/// Week 13's attention removes.
/// </summary>
public static class NumberWords
{
    private static readonly string[] Units =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>Every word the generator can emit (the source vocabulary).</summary>
    public static IReadOnlyList<string> Vocabulary { get; } =
        [.. Units, .. Tens.Where(t => t.Length > 0), "hundred", "thousand", "million", "and"];

    /// <summary>The largest number the task uses: nine digits.</summary>
    public const long MaxValue = 999_999_999;

    /// <summary>The words of <paramref name="n"/> (0 ≤ n ≤ 999,999,999), British style ("and" before the last two digits).</summary>
    // <snippet name="number-words">
    public static IReadOnlyList<string> ToWords(long n)
    {
        Guard.InRange(n, 0, MaxValue, nameof(n));
        if (n == 0) return ["zero"];
        var words = new List<string>();
        (long scale, string name)[] groups = [(1_000_000, "million"), (1_000, "thousand"), (1, "")];
        foreach (var (scale, name) in groups)
        {
            int group = (int)(n / scale % 1000);
            if (group == 0) continue;
            // "and" joins the last two digits to a hundred or to a higher group: "one thousand and five".
            bool needsAnd = scale == 1 && n >= 100 && group < 100;
            if (needsAnd) words.Add("and");
            AddBelowThousand(group, words);
            if (name.Length > 0) words.Add(name);
        }
        return words;
    }

    private static void AddBelowThousand(int group, List<string> words)
    {
        if (group >= 100)
        {
            words.Add(Units[group / 100]);
            words.Add("hundred");
            group %= 100;
            if (group == 0) return;
            words.Add("and");
        }
        if (group >= 20)
        {
            words.Add(Tens[group / 10]);
            if (group % 10 != 0) words.Add(Units[group % 10]);
        }
        else words.Add(Units[group]);
    }
    // </snippet>

    /// <summary>
    /// <paramref name="count"/> pairs drawn with <paramref name="seed"/>: the number of digits is
    /// uniform on 1..<paramref name="maxDigits"/>, then the number uniform among those with that many
    /// digits, so short and long inputs are equally common (uniform numbers would be nearly all long).
    /// </summary>
    public static IReadOnlyList<NumberPair> Generate(int count, int maxDigits = 9, int seed = Seeded.DefaultSeed)
    {
        Guard.Positive(count, nameof(count));
        Guard.InRange(maxDigits, 1, 9, nameof(maxDigits));
        var rng = Seeded.Random(seed);
        var pairs = new NumberPair[count];
        for (int i = 0; i < count; i++)
        {
            int digits = rng.Next(1, maxDigits + 1);
            long low = digits == 1 ? 0 : Pow10(digits - 1), high = Pow10(digits);
            long value = rng.NextInt64(low, high);
            pairs[i] = new NumberPair(value, ToWords(value), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return pairs;
    }

    private static long Pow10(int k)
    {
        long p = 1;
        for (int i = 0; i < k; i++) p *= 10;
        return p;
    }
}
