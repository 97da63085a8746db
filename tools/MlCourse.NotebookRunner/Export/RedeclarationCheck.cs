namespace MlCourse.NotebookRunner.Export;

/// <summary>
/// Names that a notebook may reuse across cells but one program may not (see
/// <see cref="DeclaredNames"/>): a top-level name declared twice, and a top-level name declared
/// again inside a nested scope (a loop variable, a block local, a pattern in a switch arm). One
/// problem per clash, naming both cells; the author renames one or assigns instead of declaring.
/// </summary>
internal static class RedeclarationCheck
{
    public static IEnumerable<string> Problems(IReadOnlyList<CodeCellSplit> cells)
    {
        var firstTopLevel = new Dictionary<string, (CodeCellSplit Cell, DeclaredName Name)>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var cell in cells)
        {
            foreach (var name in cell.Names.Where(n => n.TopLevel))
            {
                if (!firstTopLevel.TryGetValue(name.Name, out var first))
                {
                    firstTopLevel[name.Name] = (cell, name);
                    continue;
                }
                problems.Add($"'{name.Name}' is declared at the top level of {Where(first.Cell, first.Name)} and again in {Where(cell, name)}; " +
                             "a notebook allows that, but a file-based app is one program where a top-level name is declared once (CS0128): " +
                             $"rename one, or assign to the existing variable ({name.Name} = ...) instead of declaring it again.");
            }
        }

        var reported = new HashSet<(string, int)>();
        foreach (var cell in cells)
        {
            foreach (var name in cell.Names.Where(n => !n.TopLevel))
            {
                if (!firstTopLevel.TryGetValue(name.Name, out var top) || !reported.Add((name.Name, cell.Cell.Number)))
                    continue;
                problems.Add($"'{name.Name}' is declared inside a block, loop, switch arm or query in {Where(cell, name)}, " +
                             $"while {Where(top.Cell, top.Name)} declares it at the top level; in a file-based app the top-level " +
                             "variable's scope is the whole program, so the inner one clashes with it (CS0136): rename one of them.");
            }
        }
        return problems;
    }

    private static string Where(CodeCellSplit cell, DeclaredName name) => $"{cell.Cell.Label} (line {name.Line})";
}
