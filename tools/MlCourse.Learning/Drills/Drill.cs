namespace MlCourse.Learning.Drills;

/// <summary>
/// One timed coding drill: a folder under drills/ (format: docs/drills.md) holding the prompt, the
/// stub the learner starts from, the reference solution and the hidden checks.
/// </summary>
public sealed record Drill(string Name, string Folder, string Title, TimeSpan? TimeBox)
{
    public string PromptPath => Path.Combine(Folder, "prompt.md");
    public string StubPath => Path.Combine(Folder, "Stub.cs");
    public string ReferencePath => Path.Combine(Folder, "Reference.cs");
    public string ChecksPath => Path.Combine(Folder, "Checks.cs");

    /// <summary>What is missing or malformed in the folder; empty for a complete drill.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var file in new[] { PromptPath, StubPath, ReferencePath, ChecksPath })
            if (!File.Exists(file)) problems.Add($"{Name} has no {Path.GetFileName(file)}");
        if (TimeBox is null) problems.Add($"{Name}'s prompt.md has no '**Time box:** N minutes' line");
        return problems;
    }
}
