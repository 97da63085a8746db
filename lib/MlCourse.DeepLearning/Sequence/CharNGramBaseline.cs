using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Sequence;

/// <summary>
/// The two baselines a language model must beat (Week 12): a unigram model p(c) and a bigram model p(c | previous c), both
/// counted on the training ids with add-k (Laplace for k = 1) smoothing so an unseen pair still has probability above 0:
/// p(b | a) = (n(a, b) + k) / (n(a) + kV). Perplexity is exp of the mean negative log-likelihood per predicted character,
/// the same quantity as exp(cross-entropy) of a neural model, so the numbers compare directly. A model that knows nothing
/// scores V (uniform); a perfect one scores 1.
/// </summary>
public sealed class CharNGramBaseline
{
    private readonly double[] _unigram;     // (V) log p(c)
    private readonly double[] _bigram;      // (V, V) row a: log p(b | a)

    private CharNGramBaseline(int vocabularySize, double[] unigram, double[] bigram)
    {
        VocabularySize = vocabularySize;
        _unigram = unigram;
        _bigram = bigram;
    }

    public int VocabularySize { get; }

    public static CharNGramBaseline Fit(IReadOnlyList<int> ids, int vocabularySize, double smoothing = 1.0)
    {
        Guard.NotNull(ids, nameof(ids));
        Guard.Positive(vocabularySize, nameof(vocabularySize));
        Guard.Positive(smoothing, nameof(smoothing));
        if (ids.Count < 2) throw new ArgumentException($"ids must hold at least 2 characters to count a pair, but hold {ids.Count}.", nameof(ids));
        CheckRange(ids, vocabularySize);
        int v = vocabularySize;
        var single = new double[v];
        var pairs = new double[v * v];
        var rowTotals = new double[v];
        for (int t = 0; t < ids.Count; t++)
        {
            single[ids[t]]++;
            if (t > 0) { pairs[ids[t - 1] * v + ids[t]]++; rowTotals[ids[t - 1]]++; }
        }
        var unigram = single.Select(n => Math.Log((n + smoothing) / (ids.Count + smoothing * v))).ToArray();
        var bigram = new double[v * v];
        for (int a = 0; a < v; a++)
            for (int b = 0; b < v; b++) bigram[a * v + b] = Math.Log((pairs[a * v + b] + smoothing) / (rowTotals[a] + smoothing * v));
        return new CharNGramBaseline(v, unigram, bigram);
    }

    /// <summary>exp(−mean log p(c_t)) over t = 1..n−1 (the first character is the context, as for the bigram and the LM).</summary>
    public double UnigramPerplexity(IReadOnlyList<int> ids) => Perplexity(ids, t => _unigram[ids[t]]);

    /// <summary>exp(−mean log p(c_t | c_(t−1))) over t = 1..n−1.</summary>
    public double BigramPerplexity(IReadOnlyList<int> ids) => Perplexity(ids, t => _bigram[ids[t - 1] * VocabularySize + ids[t]]);

    private double Perplexity(IReadOnlyList<int> ids, Func<int, double> logProbability)
    {
        Guard.NotNull(ids, nameof(ids));
        if (ids.Count < 2) throw new ArgumentException($"ids must hold at least 2 characters (a context and a prediction), but hold {ids.Count}.", nameof(ids));
        CheckRange(ids, VocabularySize);
        double sum = 0;
        for (int t = 1; t < ids.Count; t++) sum += logProbability(t);
        return Math.Exp(-sum / (ids.Count - 1));
    }

    private static void CheckRange(IReadOnlyList<int> ids, int vocabularySize)
    {
        for (int t = 0; t < ids.Count; t++)
            if (ids[t] < 0 || ids[t] >= vocabularySize)
                throw new ArgumentOutOfRangeException(nameof(ids), ids[t], $"ids[{t}] must lie in [0, {vocabularySize}).");
    }
}
