using System.Text;

namespace MlCourse.Notebook;

/// <summary>Renders a <see cref="GradeResult"/>: a green or red box in a notebook, lines of text elsewhere.</summary>
internal static class QuizFeedback
{
    public static string ToHtml(GradeResult result)
    {
        var html = new StringBuilder();
        // A short answer that is not marked yet gets no tick and no cross: the tool cannot judge it.
        var mark = result.AwaitsSelfAssessment ? "\u270E" : result.IsCorrect ? "\u2714" : "\u2718";
        html.Append($"<div><b>{mark} {Html.Encode(result.QuestionId)}</b>: {Html.Encode(result.Feedback)}</div>");
        if (result.Type != QuestionType.ShortAnswer && !result.IsCorrect)
            html.Append($"<div>Your answer: {MiniMarkdown.Inline(result.Given)}<br>Correct answer: {MiniMarkdown.Inline(result.Expected)}</div>");
        if (result.KeyPoints.Count > 0)
        {
            html.Append("<ul style=\"margin:6px 0;padding-left:20px\">");
            foreach (var point in result.KeyPoints)
            {
                html.Append("<li>").Append(point.Covered switch { true => "\u2714 ", false => "\u2718 ", null => "" })
                    .Append(MiniMarkdown.Inline(point.Point)).Append("</li>");
            }
            html.Append("</ul>");
        }
        if (result.AwaitsSelfAssessment)
            html.Append($"<div>Mark the points your answer made: <code>{Html.Encode(AssessHint(result))}</code></div>");
        if (result.ModelAnswer is not null) html.Append("<div><b>Model answer.</b></div>").Append(MiniMarkdown.ToHtml(result.ModelAnswer));
        html.Append("<div><b>Why.</b></div>").Append(MiniMarkdown.ToHtml(result.Explanation));
        return Html.Box(result.AwaitsSelfAssessment ? BoxKind.Pending : result.IsCorrect ? BoxKind.Success : BoxKind.Failure, html.ToString());
    }

    public static string ToText(GradeResult result)
    {
        var text = new StringBuilder();
        var verdict = result.AwaitsSelfAssessment ? "[mark it yourself]" : result.IsCorrect ? "[correct]" : "[not correct]";
        text.AppendLine($"{verdict} {result.QuestionId}: {result.Feedback}");
        if (result.Type != QuestionType.ShortAnswer && !result.IsCorrect)
        {
            text.AppendLine($"  Your answer:    {result.Given}");
            text.AppendLine($"  Correct answer: {result.Expected}");
        }
        if (result.ModelAnswer is not null) text.AppendLine($"Model answer: {TexText.ToPlain(result.ModelAnswer)}");
        for (var i = 0; i < result.KeyPoints.Count; i++)
        {
            var point = result.KeyPoints[i];
            text.AppendLine($"  {point.Covered switch { true => "[x]", false => "[ ]", null => $"{i + 1}." }} {TexText.ToPlain(point.Point)}");
        }
        if (result.AwaitsSelfAssessment) text.AppendLine($"Mark the points your answer made: {AssessHint(result)}");
        text.Append($"Why: {TexText.ToPlain(result.Explanation)}");
        return text.ToString();
    }

    private static string AssessHint(GradeResult result) =>
        $"quiz.Assess(\"{result.QuestionId}\", {string.Join(", ", result.KeyPoints.Select(_ => "true|false"))})";
}
