using System.Text;

namespace MlCourse.Notebook;

/// <summary>Renders a <see cref="GradeResult"/>: a green or red box in a notebook, lines of text elsewhere.</summary>
internal static class QuizFeedback
{
    public static string ToHtml(GradeResult result)
    {
        var html = new StringBuilder();
        var mark = result.IsCorrect ? "\u2714" : "\u2718";
        html.Append($"<div><b>{mark} {Html.Encode(result.QuestionId)}</b>: {Html.Encode(result.Feedback)}</div>");
        if (result.Type != QuestionType.ShortAnswer && !result.IsCorrect)
            html.Append($"<div>Your answer: {MiniMarkdown.Inline(result.Given)}<br>Correct answer: {MiniMarkdown.Inline(result.Expected)}</div>");
        if (result.KeyPoints.Count > 0)
        {
            html.Append("<ul style=\"margin:6px 0;padding-left:20px\">");
            foreach (var point in result.KeyPoints)
            {
                html.Append("<li>").Append(point.Found ? "\u2714 " : "\u2718 ").Append(MiniMarkdown.Inline(point.Point));
                if (!point.Found) html.Append($" <span style=\"color:#57606a\">(not mentioned: {Html.Encode(Missing(point))})</span>");
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        if (result.ModelAnswer is not null) html.Append("<div><b>Model answer.</b></div>").Append(MiniMarkdown.ToHtml(result.ModelAnswer));
        html.Append("<div><b>Why.</b></div>").Append(MiniMarkdown.ToHtml(result.Explanation));
        return Html.Box(result.IsCorrect ? BoxKind.Success : BoxKind.Failure, html.ToString());
    }

    public static string ToText(GradeResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"{(result.IsCorrect ? "[correct]" : "[not correct]")} {result.QuestionId}: {result.Feedback}");
        if (result.Type != QuestionType.ShortAnswer && !result.IsCorrect)
        {
            text.AppendLine($"  Your answer:    {result.Given}");
            text.AppendLine($"  Correct answer: {result.Expected}");
        }
        foreach (var point in result.KeyPoints)
            text.AppendLine($"  [{(point.Found ? "x" : " ")}] {point.Point}" + (point.Found ? "" : $" (not mentioned: {Missing(point)})"));
        if (result.ModelAnswer is not null) text.AppendLine($"Model answer: {result.ModelAnswer}");
        text.Append($"Why: {result.Explanation}");
        return text.ToString();
    }

    /// <summary>"sample / training set / data; bias": alternatives of one term by '/', terms by ';'.</summary>
    private static string Missing(KeyPointResult point) =>
        string.Join("; ", point.MissingTerms.Select(term => string.Join(" / ", term.Split('|').Select(a => a.Trim()))));
}
