using System.Text.Json;
using MlCourse.NotebookTests.Support;

namespace MlCourse.NotebookTests;

/// <summary>
/// VS Code's Polyglot extension does not use the repository's local tool: it installs the
/// dotnet-interactive version named by its <c>requiredInteractiveToolVersion</c> setting into its own
/// storage. These tests keep that setting (workspace and dev container) equal to the tool manifest that
/// the real-kernel tests run, so a notebook that passes CI runs in the same engine in VS Code.
/// </summary>
public sealed class EditorEnginePinTests
{
    private const string VersionSetting = "dotnet-interactive.requiredInteractiveToolVersion";
    private const string SourceSetting = "dotnet-interactive.interactiveToolSource";

    private static readonly JsonDocumentOptions JsonWithComments = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [Fact]
    public void The_workspace_settings_pin_the_tool_manifest_version_from_nuget_org()
    {
        using var settings = Load(".vscode/settings.json");

        Assert.Equal(ManifestVersion(), settings.RootElement.GetProperty(VersionSetting).GetString());
        Assert.Equal("https://api.nuget.org/v3/index.json", settings.RootElement.GetProperty(SourceSetting).GetString());
    }

    [Fact]
    public void The_dev_container_pins_the_same_version()
    {
        using var container = Load(".devcontainer/devcontainer.json");
        var settings = container.RootElement.GetProperty("customizations").GetProperty("vscode").GetProperty("settings");

        Assert.Equal(ManifestVersion(), settings.GetProperty(VersionSetting).GetString());
        Assert.Equal("https://api.nuget.org/v3/index.json", settings.GetProperty(SourceSetting).GetString());
    }

    private static string? ManifestVersion()
    {
        using var manifest = Load(".config/dotnet-tools.json");
        return manifest.RootElement.GetProperty("tools").GetProperty("microsoft.dotnet-interactive").GetProperty("version").GetString();
    }

    private static JsonDocument Load(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.FromRoot(relativePath)), JsonWithComments);
}
