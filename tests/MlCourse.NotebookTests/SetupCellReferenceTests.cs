using MlCourse.NotebookRunner.Notebooks;
using MlCourse.NotebookTests.Support;

namespace MlCourse.NotebookTests;

/// <summary>
/// A static check of what the real-kernel run in <see cref="NotebookExecutionTests"/> proves by running: every library a
/// notebook uses is referenced by its setup cell. Quicker to read when it fails, and it also covers code paths a
/// fast-profile run might not reach.
/// </summary>
public sealed class SetupCellReferenceTests
{
    [Theory]
    [CourseNotebooks]
    public void The_setup_cell_references_every_library_the_notebook_uses(string notebook)
    {
        var problems = SetupCellReferenceCheck.Problems(NotebookFile.Load(TestPaths.FromRoot(notebook)), TestPaths.RepositoryRoot);

        Assert.True(problems.Count == 0, $"{notebook}:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_Week_2_defect_a_missing_package_that_a_course_assembly_needs_is_found()
    {
        // The fixture that fails to compile in the real kernel (KernelEngineTests).
        var problems = SetupCellReferenceCheck.Problems(NotebookFile.Load(TestPaths.Fixture("missing-reference.ipynb")), TestPaths.RepositoryRoot);

        var problem = Assert.Single(problems);
        Assert.StartsWith("setup cell: MlCourse.Notebook.dll needs the package Microsoft.Data.Analysis (through lib/MlCourse.Notebook/MlCourse.Notebook.csproj)", problem);
    }

    [Fact]
    public void A_namespace_without_its_reference_and_a_reference_outside_the_setup_cell_are_found()
    {
        var notebook = TestNotebook.InFixtures(
            TestNotebook.Code("#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"../../../artifacts/lib/MlCourse.Core.dll\"\nusing MlCourse.Core.Randomness;"),
            TestNotebook.Code("using MlCourse.Classical.LinearModels;\nvar frame = new Microsoft.Data.Analysis.DataFrame();"),
            TestNotebook.Code("#r \"nuget: TorchSharp-cpu, 0.107.0\"\n// using TorchSharp; in a comment is not a use"));

        var problems = SetupCellReferenceCheck.Problems(notebook, TestPaths.RepositoryRoot);

        Assert.Equal(
        [
            "cell 3 (code cell 3): `#r \"nuget: TorchSharp-cpu, 0.107.0\"` is outside the setup cell; every #r belongs in the first code cell.",
            "cell 2 (code cell 2) uses Microsoft.Data.Analysis, but the setup cell has no #r \"nuget: Microsoft.Data.Analysis, ...\".",
            "cell 2 (code cell 2) uses MlCourse.Classical.LinearModels, but the setup cell has no #r for MlCourse.Classical.dll.",
        ], problems);
    }
}
