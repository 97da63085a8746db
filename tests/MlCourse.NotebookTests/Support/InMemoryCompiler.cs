using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MlCourse.NotebookTests.Support;

/// <summary>
/// Compiles a program against the running .NET's own assemblies, to check in milliseconds that
/// exported code means what a program allows, without a 'dotnet run'. Only apps without packages
/// or course libraries can be checked this way.
/// </summary>
internal static class InMemoryCompiler
{
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    /// <summary>The compiler's errors ("CS0128 (12,5): ..."); empty when the program compiles.</summary>
    public static IReadOnlyList<string> Errors(string program)
    {
        // #: lines are the SDK's app directives; the compiler of this test may not know them.
        var code = string.Join('\n', program.Split('\n').Select(l => l.StartsWith("#:", StringComparison.Ordinal) ? "" : l));
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("exported", [tree], Framework.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage()}")
            .ToArray();
    }

    public static IReadOnlyList<string> ErrorIds(string program) =>
        Errors(program).Select(e => e.Split(' ')[0]).Distinct().ToArray();
}
