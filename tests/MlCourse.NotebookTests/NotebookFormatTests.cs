using MlCourse.NotebookTests.Support;

namespace MlCourse.NotebookTests;

public sealed class NotebookFormatTests
{
    [Theory]
    [CourseNotebooks(IncludeFixtures = true)]
    public void Every_notebook_is_valid_nbformat_4_with_the_csharp_kernelspec(string notebook)
    {
        var problems = NotebookFormatCheck.Problems(File.ReadAllText(TestPaths.FromRoot(notebook)));

        Assert.True(problems.Count == 0, $"{notebook}:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_format_check_accepts_a_minimal_course_notebook()
    {
        Assert.Empty(NotebookFormatCheck.Problems(Minimal()));
    }

    [Theory]
    [InlineData("\"nbformat\": 4,", "\"nbformat\": 3,", "nbformat is 3")]
    [InlineData("\"name\": \".net-csharp\"", "\"name\": \"python3\"", "metadata.kernelspec.name")]
    [InlineData("\"language\": \"C#\"", "\"language\": \"F#\"", "metadata.kernelspec.language")]
    [InlineData("\"kernelName\": \"csharp\"", "\"kernelName\": \"fsharp\"", "polyglot_notebook.kernelName")]
    [InlineData("\"outputs\": []", "\"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"x\"}]", "outputs cleared")]
    [InlineData("\"execution_count\": null", "\"execution_count\": 3", "execution_count is 3")]
    [InlineData("\"id\": \"c1\"", "\"id\": \"has space\"", "id \"has space\"")]
    [InlineData("\"id\": \"m1\"", "\"id\": \"c1\"", "used by an earlier cell")]
    [InlineData("\"source\": \"Console.WriteLine(1);\"", "\"source\": 7", "source is missing")]
    public void The_format_check_rejects_a_broken_rule(string original, string broken, string expectedMessage)
    {
        var json = Minimal();
        Assert.Contains(original, json);

        var problems = NotebookFormatCheck.Problems(json.Replace(original, broken));

        Assert.Contains(problems, p => p.Contains(expectedMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void The_format_check_rejects_text_that_is_not_json()
    {
        Assert.Contains(NotebookFormatCheck.Problems("{ not json"), p => p.StartsWith("not a JSON object", StringComparison.Ordinal));
    }

    private static string Minimal() => """
        {
         "cells": [
          { "cell_type": "code", "id": "c1", "execution_count": null, "metadata": { "polyglot_notebook": { "kernelName": "csharp" } },
            "outputs": [], "source": "Console.WriteLine(1);" },
          { "cell_type": "markdown", "id": "m1", "metadata": {}, "source": ["# Title\n", "text"] }
         ],
         "metadata": {
          "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" },
          "language_info": { "name": "C#" }
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;
}
