using MlCourse.Core.Validation;

namespace MlCourse.DeepLearning.Sequence;

/// <summary>The characters of a corpus, sorted by code point, each given an id 0..Count−1 (Week 12, the character-level LM).</summary>
public sealed class CharVocabulary
{
    private readonly Dictionary<char, int> _ids;

    private CharVocabulary(char[] symbols)
    {
        Symbols = symbols;
        _ids = symbols.Select((c, id) => (c, id)).ToDictionary(p => p.c, p => p.id);
    }

    public IReadOnlyList<char> Symbols { get; }
    public int Count => Symbols.Count;

    public static CharVocabulary FromText(string text)
    {
        Guard.NotNull(text, nameof(text));
        if (text.Length == 0) throw new ArgumentException("text must hold at least one character.", nameof(text));
        return new CharVocabulary(text.Distinct().Order().ToArray());
    }

    public int[] Encode(string text)
    {
        Guard.NotNull(text, nameof(text));
        var ids = new int[text.Length];
        for (int k = 0; k < text.Length; k++)
            ids[k] = _ids.TryGetValue(text[k], out int id) ? id
                : throw new ArgumentException($"text holds '{text[k]}' (U+{(int)text[k]:X4}) at position {k}, which is not in the vocabulary of {Count} characters.", nameof(text));
        return ids;
    }

    public string Decode(IEnumerable<int> ids)
    {
        Guard.NotNull(ids, nameof(ids));
        return string.Concat(ids.Select(id => id >= 0 && id < Count ? Symbols[id]
            : throw new ArgumentOutOfRangeException(nameof(ids), id, $"ids must lie in [0, {Count}).")));
    }
}
