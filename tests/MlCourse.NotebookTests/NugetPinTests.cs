using MlCourse.NotebookRunner.Notebooks;
using MlCourse.NotebookTests.Support;

namespace MlCourse.NotebookTests;

public sealed class NugetPinTests
{
    [Theory]
    [CourseNotebooks(IncludeFixtures = true)]
    public void Every_nuget_reference_names_the_central_pin(string notebook)
    {
        var references = NugetReferenceCheck.Find(NotebookFile.Load(TestPaths.FromRoot(notebook)));

        var problems = NugetReferenceCheck.Problems(references, CentralPins.ForRepository());

        Assert.True(problems.Count == 0, $"{notebook}:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_pins_are_read_from_Directory_Packages_props()
    {
        var pins = CentralPins.ForRepository();

        // Directory.Packages.props pins the DataFrame package the fixtures use.
        Assert.Equal("0.23.1", pins["Microsoft.Data.Analysis"]);
    }

    [Fact]
    public void The_fixtures_nuget_references_are_found()
    {
        var references = NugetReferenceCheck.Find(NotebookFile.Load(TestPaths.Fixture("plotly-chart.ipynb")));

        Assert.Equal(
            [("Plotly.NET.Interactive", "6.0.0"), ("Plotly.NET.CSharp", "0.14.0")],
            references.Select(r => (r.PackageId, r.Version!)).ToArray());
        Assert.All(references, r => Assert.Equal(2, r.CellNumber));
    }

    [Theory]
    [InlineData("#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"", null)]
    [InlineData("#r \"nuget:microsoft.data.analysis,0.23.1\"", null)]
    [InlineData("#r \"nuget: Microsoft.Data.Analysis\"", "no version")]
    [InlineData("#r \"nuget: Microsoft.Data.Analysis, 0.23.*\"", "range or wildcard")]
    [InlineData("#r \"nuget: Microsoft.Data.Analysis, [0.23.1, 0.24)\"", "range or wildcard")]
    [InlineData("#r \"nuget: Microsoft.Data.Analysis, 0.22.0\"", "pins Microsoft.Data.Analysis 0.23.1")]
    [InlineData("#r \"nuget: Newtonsoft.Json, 13.0.3\"", "has no PackageVersion")]
    public void The_pin_check_accepts_only_the_exact_pinned_version(string line, string? expectedProblem)
    {
        var json = $$"""
            { "nbformat": 4, "nbformat_minor": 5, "metadata": {},
              "cells": [ { "cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null,
                           "source": {{System.Text.Json.JsonSerializer.Serialize(line)}} } ] }
            """;
        var references = NugetReferenceCheck.Find(NotebookFile.Parse("inline.ipynb", json));
        var pins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Microsoft.Data.Analysis"] = "0.23.1" };

        var problems = NugetReferenceCheck.Problems(references, pins);

        Assert.Single(references);
        if (expectedProblem is null) Assert.Empty(problems);
        else Assert.Contains(expectedProblem, Assert.Single(problems));
    }
}
