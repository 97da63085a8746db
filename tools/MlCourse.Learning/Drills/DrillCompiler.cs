using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MlCourse.Learning.Drills;

/// <summary>A compiler error, located in the learner's file or (when a signature changed) in the hidden checks.</summary>
public sealed record CompileError(string File, int Line, int Column, string Id, string Message, bool InChecks);

/// <summary>
/// Compiles a learner's file, a drill's Checks.cs and the check harness into a small console
/// program, against the base class library only, as on an interview coding pad.
/// </summary>
public static class DrillCompiler
{
    public const string ProgramName = "drill-check";

    // The SDK's implicit usings for a console app: a learner's file compiles here exactly when it
    // would in a fresh 'dotnet new console' project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> BaseClassLibrary = new(LoadBaseClassLibrary);

    /// <summary>Compiles into <paramref name="outputFolder"/>; returns the errors (empty on success).</summary>
    public static IReadOnlyList<CompileError> Compile(string learnerFile, string checksFile, string outputFolder)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>
        {
            Parse(File.ReadAllText(learnerFile), learnerFile, options),
            Parse(File.ReadAllText(checksFile), checksFile, options),
            Parse(ImplicitUsings, "ImplicitUsings.cs", options),
        };
        trees.AddRange(HarnessSources().Select(s => Parse(s.Text, s.Name, options)));

        var compilation = CSharpCompilation.Create(ProgramName, trees, BaseClassLibrary.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication,
                mainTypeName: "DrillHarness.HarnessProgram",
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Debug));

        Directory.CreateDirectory(outputFolder);
        var assemblyPath = Path.Combine(outputFolder, ProgramName + ".dll");
        EmitResult result;
        using (var stream = File.Create(assemblyPath))
            // An embedded PDB gives exceptions in the learner's code a line number.
            result = compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!result.Success)
        {
            File.Delete(assemblyPath);
            var checksFullPath = Path.GetFullPath(checksFile);
            return result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d =>
                {
                    var span = d.Location.GetLineSpan();
                    var inChecks = span.Path is { Length: > 0 } p && Path.GetFullPath(p) == checksFullPath;
                    return new CompileError(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                        d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), inChecks);
                })
                .ToList();
        }
        File.WriteAllText(Path.Combine(outputFolder, ProgramName + ".runtimeconfig.json"), RuntimeConfig());
        return [];
    }

    private static SyntaxTree Parse(string text, string path, CSharpParseOptions options) =>
        CSharpSyntaxTree.ParseText(text, options, path, Encoding.UTF8);

    /// <summary>The child runs on the same shared framework as this process.</summary>
    private static string RuntimeConfig() =>
        $"{{\"runtimeOptions\":{{\"tfm\":\"net{Environment.Version.Major}.{Environment.Version.Minor}\"," +
        $"\"framework\":{{\"name\":\"Microsoft.NETCore.App\",\"version\":\"{Environment.Version}\"}}}}}}";

    private static IEnumerable<(string Name, string Text)> HarnessSources()
    {
        var assembly = typeof(DrillCompiler).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Harness.", StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name, reader.ReadToEnd());
        }
    }

    /// <summary>The shared framework's assemblies (System.*, no packages, no course library).</summary>
    private static IReadOnlyList<MetadataReference> LoadBaseClassLibrary()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator);
        return trusted
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && Path.GetDirectoryName(p) == frameworkFolder)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }
}
