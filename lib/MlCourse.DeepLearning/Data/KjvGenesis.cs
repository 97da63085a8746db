using MlCourse.Core.Data;

namespace MlCourse.DeepLearning.Data;

/// <summary>
/// The Book of Genesis, King James Version (1611, public domain), one verse per line (data/kjv-genesis.txt.gz, from Debian's
/// bible-kjv; see data/README.md), checked against data/SHA256SUMS before it is read. Week 12's character-level corpus.
/// </summary>
public static class KjvGenesis
{
    public const string FileName = "kjv-genesis.txt.gz";

    /// <summary>The whole text, verses joined by '\n' (each verse ends with one).</summary>
    public static string Text(string? dataDirectory = null) =>
        string.Concat(VerifiedFile.ReadLines(FileName, dataDirectory).Select(line => line + "\n"));
}
