using System.Text.RegularExpressions;
using MlCourse.Learning.Progress;

namespace MlCourse.Learning.Mock;

/// <summary>
/// Every interview-questions.md under notebooks/, split into questions. Found by walking the
/// folders, so each week that lands is in the mock without a list to update. The format is the
/// one every week uses: an H1 "Week N interview questions: TITLE", then sections
/// "## K. "Question"" holding "**Model answer.**", "**Follow-ups.**" and "**Common mistakes.**";
/// other sections ("## Coding drill") are not questions.
/// </summary>
public static partial class InterviewQuestionBank
{
    public const string FileName = "interview-questions.md";

    public static IReadOnlyList<InterviewQuestion> Load(string notebooksFolder)
    {
        if (!Directory.Exists(notebooksFolder)) return [];
        return Directory.EnumerateFiles(notebooksFolder, FileName, SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(notebooksFolder, path).Replace('\\', '/')))
            .Select(f => (f.Path, f.Relative, Week: ProgressReport.WeekOf(f.Relative)))
            .Where(f => f.Week is not null)
            .OrderBy(f => f.Week).ThenBy(f => f.Relative, StringComparer.Ordinal)
            .SelectMany(f => Parse(File.ReadAllText(f.Path), f.Week!.Value, MonthOf(f.Relative), f.Relative))
            .ToList();
    }

    /// <summary>The N of a "month-N" path segment, or null.</summary>
    public static int? MonthOf(string relativePath)
    {
        var match = MonthSegment().Match(relativePath);
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    public static IReadOnlyList<InterviewQuestion> Parse(string markdown, int week, int? month, string source)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var title = lines.Select(l => TitleLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim() ?? $"Week {week}";
        var questions = new List<InterviewQuestion>();
        for (int i = 0; i < lines.Length; i++)
        {
            var heading = QuestionHeading().Match(lines[i]);
            if (!heading.Success) continue;
            int end = i + 1;
            while (end < lines.Length && !lines[end].StartsWith("## ", StringComparison.Ordinal)) end++;
            var body = string.Join("\n", lines[(i + 1)..end]);
            questions.Add(Build(heading, body, week, month, title, source));
            i = end - 1;
        }
        return questions;
    }

    private static InterviewQuestion Build(Match heading, string body, int week, int? month, string title, string source)
    {
        int number = int.Parse(heading.Groups[1].Value);
        // "Question" (coding) → Question (coding): the quotes mark the syllabus's wording.
        var prompt = QuotedPrompt().Replace(heading.Groups[2].Value.Trim(), "$1$2").Trim();
        body = TrailingRule().Replace(body, "").Trim();
        int followUps = body.IndexOf("**Follow-ups.**", StringComparison.Ordinal);
        int mistakes = body.IndexOf("**Common mistakes.**", StringComparison.Ordinal);
        string Slice(int from, int to) => from < 0 ? "" : WithoutLead(body[from..(to > from ? to : body.Length)]);
        var answerEnd = new[] { followUps, mistakes }.Where(x => x >= 0).DefaultIfEmpty(body.Length).Min();
        var isCoding = prompt.Contains("(coding)", StringComparison.OrdinalIgnoreCase)
            || body.Contains("**Model answer (coding).**", StringComparison.Ordinal)
            || CodingVerb().IsMatch(prompt);
        return new InterviewQuestion($"w{week:00}-iq{number}", week, month, title, number, prompt, isCoding,
            WithoutLead(body[..answerEnd]), Slice(followUps, mistakes), Slice(mistakes, -1), source);
    }

    /// <summary>Drops a leading bold label ("**Follow-ups.**"): the mock prints its own headings.</summary>
    private static string WithoutLead(string text) => LeadLabel().Replace(text.Trim(), "").Trim();

    [GeneratedRegex(@"^\*\*(?:Model answer|Follow-ups|Common mistakes)[^*]*\*\*\s*")]
    private static partial Regex LeadLabel();

    [GeneratedRegex(@"^#\s+Week\s+\d+\s+interview questions:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^##\s+(\d+)\.\s+(.+)$")]
    private static partial Regex QuestionHeading();

    [GeneratedRegex("^\"(.+?)\"(.*)$")]
    private static partial Regex QuotedPrompt();

    [GeneratedRegex(@"\n-{3,}\s*$")]
    private static partial Regex TrailingRule();

    [GeneratedRegex(@"^(Code|Implement|Write)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CodingVerb();

    [GeneratedRegex(@"(?:^|/)month-(\d+)(?:-|/|$)")]
    private static partial Regex MonthSegment();
}
