using System.Globalization;
using System.Text;

namespace MlCourse.Notebook;

/// <summary>
/// Renders a question: an interactive HTML card for notebooks whose Check button grades in the
/// page itself (plain JavaScript in inline handlers, so it works without a running kernel and in
/// a saved notebook), or text for the console. The correct answer travels in the card's data
/// attributes: this is self-study, not an exam.
/// </summary>
internal static class QuizCard
{
    private const string ButtonStyle =
        "padding:3px 12px;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;cursor:pointer;font-size:13px";

    private const string CheckChoiceScript =
        "var card=this.closest('.mlc-quiz');var picked=card.querySelector('input[type=radio]:checked');" +
        "var result=card.querySelector('.mlc-quiz-result');" +
        "if(!picked){result.style.color='#9a6700';result.textContent='Pick an answer first.';return;}" +
        "var ok=picked.value===card.getAttribute('data-answer');" +
        "result.style.color=ok?'#1a7f37':'#cf222e';" +
        "result.textContent=ok?'\\u2714 Correct':'\\u2718 Not quite: the answer is '+card.getAttribute('data-answer-label')+'.';" +
        "card.querySelector('.mlc-quiz-explanation').style.display='block';";

    private const string CheckNumberScript =
        "var card=this.closest('.mlc-quiz');var input=card.querySelector('input.mlc-quiz-number');" +
        "var result=card.querySelector('.mlc-quiz-result');var v=parseFloat(input.value.replace(',','.'));" +
        "if(isNaN(v)){result.style.color='#9a6700';result.textContent='Enter a number first.';return;}" +
        "var a=parseFloat(card.getAttribute('data-answer'));var t=parseFloat(card.getAttribute('data-tolerance'));" +
        "var ok=Math.abs(v-a)<=t+1e-9*Math.max(1,Math.abs(a));" +
        "result.style.color=ok?'#1a7f37':'#cf222e';" +
        "result.textContent=ok?'\\u2714 Correct':'\\u2718 Not quite: the answer is '+a+' (\\u00b1 '+t+').';" +
        "card.querySelector('.mlc-quiz-explanation').style.display='block';";

    private const string RevealScript =
        "var card=this.closest('.mlc-quiz');card.querySelector('.mlc-quiz-explanation').style.display='block';this.style.display='none';";

    // The learner ticks the key points their answer made; the card only counts the ticks, it never judges the text.
    private const string MarkScript =
        "var card=this.closest('.mlc-quiz');var boxes=card.querySelectorAll('input.mlc-quiz-point');var made=0;" +
        "boxes.forEach(function(b){if(b.checked)made++;});var result=card.querySelector('.mlc-quiz-result');" +
        "result.style.color=made===boxes.length?'#1a7f37':'#9a6700';" +
        "result.textContent='By your own marking: '+made+' of '+boxes.length+' key points made'+(made===boxes.length?'.':'; review it again later.');";

    public static string ToHtml(QuizQuestion question)
    {
        var uid = $"mlc-quiz-{question.Id}-{Guid.NewGuid():N}";
        var html = new StringBuilder();
        var data = question.Type switch
        {
            QuestionType.MultipleChoice =>
                $" data-answer=\"{question.CorrectChoice}\" data-answer-label=\"{QuizQuestion.ChoiceLetter(question.CorrectChoice!.Value)}\"",
            QuestionType.Numeric =>
                $" data-answer=\"{question.NumericAnswer!.Value.ToString("R", CultureInfo.InvariantCulture)}\"" +
                $" data-tolerance=\"{question.Tolerance!.Value.ToString("R", CultureInfo.InvariantCulture)}\"",
            _ => "",
        };
        html.Append($"<div class=\"mlc-quiz\" id=\"{uid}\"{data} style=\"border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;margin:8px 0;" +
                    $"font-family:{Html.FontFamily};font-size:14px;max-width:860px\">");
        html.Append($"<div style=\"font-size:12px;color:#57606a;margin-bottom:4px\">{Html.Encode(Heading(question))}</div>");
        html.Append(MiniMarkdown.ToHtml(question.Prompt));

        switch (question.Type)
        {
            case QuestionType.MultipleChoice:
                html.Append("<div style=\"margin:8px 0\">");
                for (var i = 0; i < question.Choices.Count; i++)
                    html.Append("<label style=\"display:block;margin:3px 0;cursor:pointer\">")
                        .Append($"<input type=\"radio\" name=\"{uid}\" value=\"{i}\"> <b>{QuizQuestion.ChoiceLetter(i)}.</b> ")
                        .Append(MiniMarkdown.Inline(question.Choices[i])).Append("</label>");
                html.Append("</div>");
                html.Append(Button("Check", CheckChoiceScript)).Append(ResultSpan);
                break;
            case QuestionType.Numeric:
                html.Append("<div style=\"margin:8px 0\"><input class=\"mlc-quiz-number\" type=\"text\" inputmode=\"decimal\" placeholder=\"your answer\" " +
                            "style=\"padding:3px 6px;border:1px solid #d0d7de;border-radius:4px;width:12em\"> ")
                    .Append(Button("Check", CheckNumberScript)).Append(ResultSpan).Append("</div>");
                break;
            default:
                html.Append("<textarea rows=\"4\" placeholder=\"Write your answer, then compare it with the model answer.\" " +
                            "style=\"width:100%;box-sizing:border-box;margin:8px 0;padding:6px;border:1px solid #d0d7de;border-radius:4px;font-family:inherit\"></textarea>")
                    .Append(Button("Show model answer", RevealScript));
                break;
        }

        html.Append("<div class=\"mlc-quiz-explanation\" style=\"display:none;margin-top:8px;padding:8px 10px;background:#f6f8fa;border-radius:6px\">");
        if (question.Type == QuestionType.ShortAnswer)
        {
            html.Append("<div><b>Model answer.</b></div>").Append(MiniMarkdown.ToHtml(question.ModelAnswer!));
            html.Append("<div style=\"margin-top:6px\"><b>Key points</b> (tick the ones your answer made).</div><div style=\"margin:4px 0\">");
            foreach (var point in question.KeyPoints)
                html.Append("<label style=\"display:block;margin:3px 0;cursor:pointer\"><input class=\"mlc-quiz-point\" type=\"checkbox\"> ")
                    .Append(MiniMarkdown.Inline(point.Point)).Append("</label>");
            html.Append("</div>").Append(Button("Mark", MarkScript)).Append(ResultSpan);
        }
        html.Append("<div style=\"margin-top:6px\"><b>Why.</b></div>").Append(MiniMarkdown.ToHtml(question.Explanation));
        html.Append("</div>");
        html.Append($"<div style=\"font-size:12px;color:#57606a;margin-top:6px\">Or answer in code: <code>{Html.Encode(AnswerHint(question))}</code></div>");
        html.Append("</div>");
        return html.ToString();
    }

    public static string ToText(QuizQuestion question)
    {
        var text = new StringBuilder();
        text.AppendLine($"[{Heading(question)}]");
        text.AppendLine(TexText.ToPlain(question.Prompt.Trim()));
        for (var i = 0; i < question.Choices.Count; i++)
            text.AppendLine($"  {QuizQuestion.ChoiceLetter(i)}. {TexText.ToPlain(question.Choices[i])}");
        text.Append($"Answer in code: {AnswerHint(question)}");
        return text.ToString();
    }

    private static string Heading(QuizQuestion question) =>
        $"{question.Id} · {question.Difficulty.ToString().ToLowerInvariant()} · {question.Topic}";

    private static string AnswerHint(QuizQuestion question) => question.Type switch
    {
        QuestionType.MultipleChoice =>
            $"quiz.Answer(\"{question.Id}\", \"A\"-\"{QuizQuestion.ChoiceLetter(question.Choices.Count - 1)}\" or index 0-{question.Choices.Count - 1})",
        QuestionType.Numeric => $"quiz.Answer(\"{question.Id}\", <number>)",
        _ => $"quiz.Answer(\"{question.Id}\", \"<your answer>\"), then quiz.Assess(\"{question.Id}\", {string.Join(", ", question.KeyPoints.Select(_ => "true|false"))})",
    };

    private const string ResultSpan = "<span class=\"mlc-quiz-result\" style=\"margin-left:10px;font-weight:600\"></span>";

    private static string Button(string label, string script) =>
        $"<button type=\"button\" style=\"{ButtonStyle}\" onclick=\"{Html.Encode(script)}\">{Html.Encode(label)}</button>";
}
