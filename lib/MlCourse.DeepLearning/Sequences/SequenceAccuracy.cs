using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Sequences;

/// <summary>Exact match of one length bucket: how many inputs had that many source tokens and the share decoded exactly.</summary>
public sealed record LengthBucket(int SourceLength, int Count, double ExactMatch);

/// <summary>
/// Scores of decoded sequences against targets (Week 12, "Exact match"): both are id rows read up
/// to their first <c>&lt;eos&gt;</c>. Exact match counts a sequence right only if every token and the
/// length agree; per-token accuracy compares position by position over the target's tokens
/// (its <c>&lt;eos&gt;</c> included), so one dropped digit costs one sequence but several tokens.
/// </summary>
public static class SequenceAccuracy
{
    // <snippet name="exact-match">
    public static bool IsExact(IReadOnlyList<long> predicted, IReadOnlyList<long> target)
    {
        Guard.NotNull(predicted, nameof(predicted));
        Guard.NotNull(target, nameof(target));
        for (int t = 0; t < target.Count; t++)
        {
            long p = t < predicted.Count ? predicted[t] : TokenVocabulary.Pad;
            if (p != target[t]) return false;           // includes the <eos>: a longer prediction is wrong too
            if (target[t] == TokenVocabulary.Eos) return true;
        }
        throw new ArgumentException("target must contain <eos> (id 2), as Seq2SeqBatch.Target rows do.", nameof(target));
    }
    // </snippet>

    public static double ExactMatch(IReadOnlyList<long[]> predicted, IReadOnlyList<long[]> target)
    {
        CheckRows(predicted, target);
        return predicted.Zip(target).Count(pt => IsExact(pt.First, pt.Second)) / (double)target.Count;
    }

    public static double TokenAccuracy(IReadOnlyList<long[]> predicted, IReadOnlyList<long[]> target)
    {
        CheckRows(predicted, target);
        long right = 0, total = 0;
        for (int i = 0; i < target.Count; i++)
            for (int t = 0; t < target[i].Length && target[i][t] != TokenVocabulary.Pad; t++)
            {
                total++;
                if (t < predicted[i].Length && predicted[i][t] == target[i][t]) right++;
                if (target[i][t] == TokenVocabulary.Eos) break;
            }
        return right / (double)Math.Max(total, 1);
    }

    /// <summary>Exact match per source length (the number of real source tokens), shortest first.</summary>
    public static IReadOnlyList<LengthBucket> ByLength(IReadOnlyList<long[]> predicted, IReadOnlyList<long[]> target, IReadOnlyList<int> sourceLengths)
    {
        CheckRows(predicted, target);
        Guard.NotNull(sourceLengths, nameof(sourceLengths));
        Guard.SameLength(sourceLengths.Count, target.Count, nameof(sourceLengths), nameof(target));
        return Enumerable.Range(0, target.Count)
            .GroupBy(i => sourceLengths[i])
            .OrderBy(g => g.Key)
            .Select(g => new LengthBucket(g.Key, g.Count(), g.Count(i => IsExact(predicted[i], target[i])) / (double)g.Count()))
            .ToArray();
    }

    private static void CheckRows(IReadOnlyList<long[]> predicted, IReadOnlyList<long[]> target)
    {
        Guard.NotEmpty(target, nameof(target), "row");
        Guard.NotNull(predicted, nameof(predicted));
        Guard.SameLength(predicted.Count, target.Count, nameof(predicted), nameof(target));
    }
}
