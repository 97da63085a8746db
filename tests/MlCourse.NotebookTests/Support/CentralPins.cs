using System.Xml.Linq;

namespace MlCourse.NotebookTests.Support;

/// <summary>The package versions pinned once in Directory.Packages.props (package id → version).</summary>
internal static class CentralPins
{
    public static IReadOnlyDictionary<string, string> Load(string propsPath)
    {
        if (!File.Exists(propsPath))
            throw new FileNotFoundException($"Central package pins not found at {propsPath}.", propsPath);
        var pins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in XDocument.Load(propsPath).Descendants("PackageVersion"))
        {
            var id = (string?)element.Attribute("Include");
            var version = (string?)element.Attribute("Version");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(version))
                throw new InvalidDataException($"{propsPath}: a PackageVersion lacks Include or Version: {element}");
            pins[id] = version;
        }
        return pins;
    }

    public static IReadOnlyDictionary<string, string> ForRepository() =>
        Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Packages.props"));
}
