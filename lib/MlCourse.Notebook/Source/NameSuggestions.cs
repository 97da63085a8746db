namespace MlCourse.Notebook;

/// <summary>Orders known names by how close they are to a name that was not found.</summary>
internal static class NameSuggestions
{
    /// <summary>
    /// Names containing the query (or contained in it) first, since a shortened name is the
    /// usual slip; then by edit distance, ties alphabetical.
    /// </summary>
    public static IEnumerable<string> Rank(string query, IEnumerable<string> names)
    {
        var q = query.ToLowerInvariant();
        return names
            .Select(n => (Name: n, Lower: n.ToLowerInvariant()))
            .OrderBy(n => n.Lower.Contains(q) || q.Contains(n.Lower) ? 0 : 1)
            .ThenBy(n => EditDistance(q, n.Lower))
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => n.Name);
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions each cost 1.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
