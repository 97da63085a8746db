using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Sequences;

/// <summary>
/// A fixed token ↔ id table with the three special tokens every seq2seq model here uses (Week 12,
/// "Padding and masks"): <c>&lt;pad&gt;</c> = 0 (so a zero-filled batch is all padding),
/// <c>&lt;bos&gt;</c> = 1 (the decoder's first input), <c>&lt;eos&gt;</c> = 2 (where decoding stops).
/// </summary>
public sealed class TokenVocabulary
{
    public const int Pad = 0, Bos = 1, Eos = 2;

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    public TokenVocabulary(IEnumerable<string> tokens)
    {
        Guard.NotEmpty(tokens, nameof(tokens), "token");
        _tokens = ["<pad>", "<bos>", "<eos>", .. tokens];
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _tokens.Length; i++)
            if (!_ids.TryAdd(_tokens[i], i))
                throw new ArgumentException($"tokens must be distinct and must not reuse a special token, but \"{_tokens[i]}\" repeats.", nameof(tokens));
    }

    /// <summary>The source side of <see cref="NumberWords"/>: its words.</summary>
    public static TokenVocabulary NumberWordsSource() => new(NumberWords.Vocabulary);

    /// <summary>The target side of <see cref="NumberWords"/>: the ten digits.</summary>
    public static TokenVocabulary Digits() => new(Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public int Count => _tokens.Length;

    public string Token(int id)
    {
        Guard.InRange(id, 0, Count - 1, nameof(id));
        return _tokens[id];
    }

    public int Id(string token)
    {
        Guard.NotNull(token, nameof(token));
        return _ids.TryGetValue(token, out int id) ? id
            : throw new ArgumentException($"token \"{token}\" is not in this vocabulary of {Count} tokens.", nameof(token));
    }

    /// <summary>Ids of the tokens, optionally closed by <c>&lt;eos&gt;</c>.</summary>
    public int[] Encode(IEnumerable<string> tokens, bool appendEos = false)
    {
        Guard.NotNull(tokens, nameof(tokens));
        var ids = tokens.Select(Id).ToList();
        if (appendEos) ids.Add(Eos);
        return [.. ids];
    }

    /// <summary>The tokens before the first <c>&lt;eos&gt;</c> (or all), skipping padding and <c>&lt;bos&gt;</c>.</summary>
    public IReadOnlyList<string> Decode(IEnumerable<int> ids)
    {
        Guard.NotNull(ids, nameof(ids));
        var tokens = new List<string>();
        foreach (int id in ids)
        {
            if (id == Eos) break;
            if (id is Pad or Bos) continue;
            tokens.Add(Token(id));
        }
        return tokens;
    }
}
