namespace MlCourse.NotebookRunner.Execution;

/// <summary>A <c>#r "nuget: ..."</c> whose packages need newer versions of assemblies the notebook engine already has.</summary>
public sealed class PackageConflictException(string message) : Exception(message);
