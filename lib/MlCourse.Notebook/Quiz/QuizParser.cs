using System.Text.Json;
using System.Text.RegularExpressions;

namespace MlCourse.Notebook;

/// <summary>
/// Reads quiz.json into a <see cref="Quiz"/>, checking every rule of docs/quiz-format.md and
/// collecting all problems before failing, each named by question id.
/// </summary>
internal static partial class QuizParser
{
    private static readonly string[] CommonFields = ["id", "type", "difficulty", "topic", "prompt", "explanation"];
    private static readonly Dictionary<string, (QuestionType Type, string[] Fields)> Types = new()
    {
        ["multiple-choice"] = (QuestionType.MultipleChoice, ["choices", "answer"]),
        ["numeric"] = (QuestionType.Numeric, ["answer", "tolerance"]),
        ["short-answer"] = (QuestionType.ShortAnswer, ["modelAnswer", "keyPoints"]),
    };
    private static readonly Dictionary<string, Difficulty> Difficulties = new()
    {
        ["easy"] = Difficulty.Easy, ["medium"] = Difficulty.Medium, ["hard"] = Difficulty.Hard,
    };

    public static Quiz Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new QuizFormatException(source, [$"not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new QuizFormatException(source, [$"the top level must be an object with week, title and questions, but is {root.ValueKind}."]);
            UnknownFields(root, ["week", "title", "questions"], "the top level", problems);

            var week = 0;
            if (!root.TryGetProperty("week", out var weekElement)) problems.Add("missing \"week\" (the week number).");
            else if (weekElement.ValueKind != JsonValueKind.Number || !weekElement.TryGetInt32(out week) || week < 1)
                problems.Add($"\"week\" must be a positive whole number, but is {weekElement.GetRawText()}.");
            var title = RequiredText(root, "title", "the top level", problems) ?? "";

            var questions = new List<QuizQuestion>();
            if (!root.TryGetProperty("questions", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                problems.Add("\"questions\" must be a non-empty array.");
            else
            {
                var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
                var index = 0;
                foreach (var element in list.EnumerateArray())
                {
                    index++;
                    var question = ParseQuestion(element, index, problems);
                    if (question is null) continue;
                    if (firstIndexById.TryGetValue(question.Id, out var first))
                        problems.Add($"question '{question.Id}' (#{index}): duplicate id; question #{first} already uses it.");
                    else firstIndexById[question.Id] = index;
                    questions.Add(question);
                }
            }

            if (problems.Count > 0) throw new QuizFormatException(source, problems);
            return new Quiz(week, title, questions, source);
        }
    }

    private static QuizQuestion? ParseQuestion(JsonElement element, int index, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"question #{index}: must be an object, but is {element.ValueKind}.");
            return null;
        }
        var before = problems.Count;
        var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : null;
        var label = id is null ? $"question #{index}" : $"question '{id}'";
        if (id is null) problems.Add($"{label}: missing \"id\" (a unique string such as \"w01-q03\").");
        else if (!IdPattern().IsMatch(id)) problems.Add($"{label}: id may contain only letters, digits, '-' and '_'.");

        var typeName = RequiredText(element, "type", label, problems);
        (QuestionType Type, string[] Fields) type = default;
        if (typeName is not null && !Types.TryGetValue(typeName, out type))
            problems.Add($"{label}: type \"{typeName}\" is not one of {string.Join(", ", Types.Keys.Select(k => $"\"{k}\""))}.");
        var difficultyName = RequiredText(element, "difficulty", label, problems);
        var difficulty = Difficulty.Easy;
        if (difficultyName is not null && !Difficulties.TryGetValue(difficultyName, out difficulty))
            problems.Add($"{label}: difficulty \"{difficultyName}\" is not one of \"easy\", \"medium\", \"hard\".");
        var topic = RequiredText(element, "topic", label, problems);
        var prompt = RequiredText(element, "prompt", label, problems);
        var explanation = RequiredText(element, "explanation", label, problems);
        if (typeName is null || type.Fields is null) return null;

        UnknownFields(element, [.. CommonFields, .. type.Fields], $"{label} ({typeName})", problems);
        var question = new QuizQuestion
        {
            Id = id ?? "", Type = type.Type, Difficulty = difficulty, Topic = topic ?? "", Prompt = prompt ?? "", Explanation = explanation ?? "",
        };
        question = type.Type switch
        {
            QuestionType.MultipleChoice => MultipleChoice(element, question, label, problems),
            QuestionType.Numeric => Numeric(element, question, label, problems),
            _ => ShortAnswer(element, question, label, problems),
        };
        return problems.Count == before ? question : null;
    }

    private static QuizQuestion MultipleChoice(JsonElement element, QuizQuestion question, string label, List<string> problems)
    {
        var choices = new List<string>();
        if (!element.TryGetProperty("choices", out var list) || list.ValueKind != JsonValueKind.Array)
            problems.Add($"{label}: a multiple-choice question needs \"choices\", an array of at least 2 strings.");
        else
        {
            foreach (var choice in list.EnumerateArray())
            {
                if (choice.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(choice.GetString()))
                    problems.Add($"{label}: choice {choices.Count} must be a non-empty string.");
                choices.Add(choice.ValueKind == JsonValueKind.String ? choice.GetString()!.Trim() : "");
            }
            if (choices.Count < 2) problems.Add($"{label}: a multiple-choice question needs at least 2 choices, but has {choices.Count}.");
            foreach (var repeated in choices.Where(c => c.Length > 0).GroupBy(c => c).Where(g => g.Count() > 1))
                problems.Add($"{label}: choice \"{repeated.Key}\" appears {repeated.Count()} times.");
        }

        int? answer = null;
        if (!element.TryGetProperty("answer", out var answerElement))
            problems.Add($"{label}: missing \"answer\" (the 0-based index of the correct choice).");
        else if (answerElement.ValueKind != JsonValueKind.Number || !answerElement.TryGetInt32(out var index))
            problems.Add($"{label}: \"answer\" must be the 0-based index of the correct choice, but is {answerElement.GetRawText()}.");
        else if (choices.Count >= 2 && (index < 0 || index >= choices.Count))
            problems.Add($"{label}: answer index {index} is out of range; the {choices.Count} choices are numbered 0 to {choices.Count - 1}.");
        else answer = index;
        return question with { Choices = choices, CorrectChoice = answer };
    }

    private static QuizQuestion Numeric(JsonElement element, QuizQuestion question, string label, List<string> problems)
    {
        var answer = RequiredNumber(element, "answer", label, "the correct value", problems);
        var tolerance = RequiredNumber(element, "tolerance", label, "the absolute tolerance, e.g. 0.01", problems);
        if (tolerance is <= 0)
            problems.Add($"{label}: \"tolerance\" must be positive, but is {tolerance}; for a whole-number answer use 0.5.");
        return question with { NumericAnswer = answer, Tolerance = tolerance };
    }

    private static QuizQuestion ShortAnswer(JsonElement element, QuizQuestion question, string label, List<string> problems)
    {
        var modelAnswer = RequiredText(element, "modelAnswer", label, problems);
        var keyPoints = new List<KeyPoint>();
        if (!element.TryGetProperty("keyPoints", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            problems.Add($"{label}: a short-answer question needs \"keyPoints\", a non-empty array of {{\"point\": ...}}.");
            return question with { ModelAnswer = modelAnswer };
        }
        var k = 0;
        foreach (var item in list.EnumerateArray())
        {
            var where = $"{label}: key point {k++}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where} must be an object {{\"point\": ..., \"terms\": [...]}}.");
                continue;
            }
            UnknownFields(item, ["point", "terms"], where, problems);
            var point = RequiredText(item, "point", where, problems);
            var terms = new List<string>();
            // "terms" is optional and not used to grade (short answers are self-assessed); when present it is still checked.
            var hasTerms = item.TryGetProperty("terms", out var termList);
            if (!hasTerms) { /* optional */ }
            else if (termList.ValueKind != JsonValueKind.Array || termList.GetArrayLength() == 0)
                problems.Add($"{where}: \"terms\" must be a non-empty array of strings (alternatives separated by '|').");
            else
                foreach (var term in termList.EnumerateArray())
                {
                    var text = term.ValueKind == JsonValueKind.String ? term.GetString()! : null;
                    if (text is null || text.Split('|').Any(a => string.IsNullOrWhiteSpace(a)))
                        problems.Add($"{where}: term {term.GetRawText()} must be a string of non-empty alternatives separated by '|'.");
                    else terms.Add(text);
                }
            if (point is not null) keyPoints.Add(new KeyPoint(point, terms));
        }
        return question with { ModelAnswer = modelAnswer, KeyPoints = keyPoints };
    }

    private static string? RequiredText(JsonElement element, string name, string label, List<string> problems)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            problems.Add($"{label}: missing \"{name}\".");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{label}: \"{name}\" must be a non-empty string, but is {value.GetRawText()}.");
            return null;
        }
        return value.GetString()!.Trim();
    }

    private static double? RequiredNumber(JsonElement element, string name, string label, string meaning, List<string> problems)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            problems.Add($"{label}: a numeric question needs \"{name}\" ({meaning}).");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            problems.Add($"{label}: \"{name}\" must be a finite number, but is {value.GetRawText()}.");
            return null;
        }
        return number;
    }

    // A misspelt field ("explaination", "tolerence") would otherwise be ignored silently.
    private static void UnknownFields(JsonElement element, string[] allowed, string label, List<string> problems)
    {
        foreach (var property in element.EnumerateObject())
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                problems.Add($"{label}: unknown field \"{property.Name}\"; allowed here: {string.Join(", ", allowed)}.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
