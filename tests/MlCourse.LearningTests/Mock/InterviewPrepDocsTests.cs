using System.Text.Json;
using System.Text.RegularExpressions;
using MlCourse.Learning.Mock;
using MlCourse.LearningTests.Support;

namespace MlCourse.LearningTests.Mock;

/// <summary>The interview-prep guides stay connected: every relative link and #anchor resolves, and the mock's rubric is the documented one.</summary>
public partial class InterviewPrepDocsTests
{
    private static readonly string Folder = Path.Combine(Repo.Root, "notebooks", "interview-prep");

    /// <summary>Markdown of the guides and of the notebooks' Markdown cells, with the file each comes from.</summary>
    private static IEnumerable<(string File, string Text)> Documents()
    {
        foreach (var md in Directory.EnumerateFiles(Folder, "*.md", SearchOption.AllDirectories)) yield return (md, File.ReadAllText(md));
        foreach (var nb in Directory.EnumerateFiles(Folder, "*.ipynb", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(nb));
            var markdown = json.RootElement.GetProperty("cells").EnumerateArray()
                .Where(c => c.GetProperty("cell_type").GetString() == "markdown")
                .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())));
            yield return (nb, string.Join("\n\n", markdown));
        }
    }

    [Fact]
    public void Every_relative_link_and_anchor_in_the_guides_resolves()
    {
        var problems = new List<string>();
        int links = 0;
        foreach (var (file, text) in Documents())
            foreach (Match link in MarkdownLink().Matches(text))
            {
                var target = link.Groups[1].Value;
                if (target.StartsWith("http", StringComparison.Ordinal)) continue;
                links++;
                var (path, anchor) = target.Split('#', 2) is var parts && parts.Length == 2 ? (parts[0], parts[1]) : (target, null);
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                if (!File.Exists(resolved) && !Directory.Exists(resolved)) { problems.Add($"{Rel(file)}: {target} does not exist"); continue; }
                if (anchor is not null && !Anchors(resolved).Contains(anchor)) problems.Add($"{Rel(file)}: {target} has no heading with anchor #{anchor}");
            }
        Assert.True(links > 40, $"only {links} links found: is the link pattern right?");
        Assert.Empty(problems);
    }

    [Fact]
    public void The_anchor_rule_matches_github_on_headings_with_punctuation()
    {
        Assert.Equal("1-recommendation-feed-design-instagrams-recommendation-system", Slug("1. Recommendation feed (Design Instagram's recommendation system)"));
        Assert.Equal("7-an-embedding--ann-retrieval-service", Slug("7. An embedding / ANN retrieval service"));
    }

    [Fact]
    public void The_rubric_the_mock_asks_for_is_the_one_rubrics_md_documents()
    {
        var rubrics = File.ReadAllText(Path.Combine(Folder, "mock-interviews", "rubrics.md"));
        foreach (var dimension in MockRubric.Interview) Assert.Contains($"| **{dimension.Name}** |", rubrics);
        Assert.Contains($"{MockRubric.Solid:P0}".Replace(" ", ""), rubrics.Replace(" ", ""));
    }

    [Fact]
    public void The_behavioural_guide_has_at_least_twenty_questions_each_with_a_worked_answer_and_weak_and_strong_versions()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "behavioral", "questions.md"));
        var questions = Regex.Split(text, @"^### \d+\. ", RegexOptions.Multiline).Skip(1).ToList();
        Assert.True(questions.Count >= 20, $"{questions.Count} questions");
        Assert.All(questions, q =>
        {
            Assert.Contains("**Worked answer.**", q);
            Assert.Contains("**Weak:**", q);
            Assert.Contains("**Strong:**", q);
        });
    }

    [Fact]
    public void The_worked_designs_follow_the_framework_and_the_notebook_has_a_section_for_each()
    {
        var designs = File.ReadAllText(Path.Combine(Folder, "system-design", "designs.md"));
        var sections = Regex.Split(designs, @"^## \d+\. ", RegexOptions.Multiline).Skip(1).ToList();
        Assert.True(sections.Count >= 8, $"{sections.Count} designs");
        Assert.All(sections, s => Assert.Contains("**Clarify.**", s));
        var notebook = Documents().Single(d => d.File.EndsWith("system-design-estimates.ipynb", StringComparison.Ordinal)).Text;
        for (int i = 1; i <= sections.Count; i++) Assert.Matches($@"(?m)^## {i}\. ", notebook);
    }

    private static HashSet<string> Anchors(string file) =>
        file.EndsWith(".md", StringComparison.Ordinal)
            ? File.ReadAllLines(file).Where(l => l.StartsWith('#')).Select(l => Slug(l.TrimStart('#').Trim())).ToHashSet()
            : [];

    /// <summary>GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, each space a '-'.</summary>
    private static string Slug(string heading) =>
        Punctuation().Replace(heading.ToLowerInvariant(), "").Replace(' ', '-');

    private static string Rel(string file) => Path.GetRelativePath(Repo.Root, file);

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[^\p{L}\p{N}\- _]")]
    private static partial Regex Punctuation();
}
