using System.Reflection;

namespace MlCourse.DeepLearning.Transfer;

/// <summary>
/// Finds the two ONNX files that the NuGet package <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>
/// 0.24.0 ships under <c>tools/DnnImageModels/</c>: the ImageNet-trained ResNet18 and its
/// preprocessing graph. Nothing is downloaded at run time: the package is restored with the course.
/// </summary>
/// <remarks>
/// Places searched, in order: a <c>DnnImageModels</c> folder next to this assembly or the app (where
/// the package's own build props copy it); the package folder beside the package's assembly when a
/// notebook's <c>#r "nuget: ..."</c> loaded it from the package cache; the NuGet global packages
/// folder (<c>NUGET_PACKAGES</c>, else NuGet's default <c>~/.nuget/packages</c>).
/// </remarks>
public static class ResNet18Files
{
    public const string PackageId = "Microsoft.ML.DnnImageFeaturizer.ResNet18";
    public const string PackageVersion = "0.24.0";
    private const string ModelFile = "ResNet18Onnx/ResNet18.onnx";
    private const string PreprocessFile = "ResNetPrepOnnx/ResNetPreprocess.onnx";

    /// <summary>The folder holding <c>ResNet18Onnx/</c> and <c>ResNetPrepOnnx/</c>; a clear error naming every place searched if none does.</summary>
    public static string ModelDirectory()
    {
        var candidates = Candidates().Distinct().ToList();
        foreach (var dir in candidates)
            if (File.Exists(Path.Combine(dir, ModelFile)) && File.Exists(Path.Combine(dir, PreprocessFile)))
                return dir;
        throw new FileNotFoundException(
            $"ResNet18's ONNX files ({ModelFile}, {PreprocessFile}) were not found. Restore the package " +
            $"{PackageId} {PackageVersion} (`dotnet build MlCourse.slnx`, or `#r \"nuget: {PackageId}, {PackageVersion}\"` in a notebook). " +
            $"Searched: {string.Join("; ", candidates)}");
    }

    public static string ModelPath() => Path.Combine(ModelDirectory(), ModelFile);
    public static string PreprocessPath() => Path.Combine(ModelDirectory(), PreprocessFile);

    private static IEnumerable<string> Candidates()
    {
        foreach (var baseDir in new[] { Path.GetDirectoryName(typeof(ResNet18Files).Assembly.Location), AppContext.BaseDirectory })
            if (!string.IsNullOrEmpty(baseDir)) yield return Path.Combine(baseDir, "DnnImageModels");

        // The package's assembly, if loaded (notebooks load it straight from the package cache: lib/netstandard2.0/).
        var packageAssembly = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == PackageId);
        if (packageAssembly is not null && !string.IsNullOrEmpty(packageAssembly.Location))
            yield return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(packageAssembly.Location)!, "..", "..", "tools", "DnnImageModels"));

        var globalFolder = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrWhiteSpace(globalFolder))
            globalFolder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        yield return Path.Combine(globalFolder, PackageId.ToLowerInvariant(), PackageVersion, "tools", "DnnImageModels");
    }
}
