using MlCourse.Core.Data;

namespace MlCourse.Tests.Core;

public class DatasetsTests
{
    [Fact]
    public void Diabetes_loads_442_rows_of_10_raw_features_with_their_targets()
    {
        var d = Datasets.Diabetes();
        Assert.Equal(442, d.SampleCount);
        Assert.Equal(10, d.FeatureCount);
        Assert.Equal(442, d.Y.Count);
        // Expected: the first and last lines of data/diabetes_data_raw.csv.gz and diabetes_target.csv.gz
        // (`zcat data/diabetes_data_raw.csv.gz | head -1`, and `tail -1`).
        Assert.Equal(new[] { 59, 2, 32.1, 101.0, 157, 93.2, 38.0, 4.0, 4.8598, 87 }, d.X.Row(0).ToArray());
        Assert.Equal(151.0, d.Y[0]);
        Assert.Equal(new[] { 36, 1, 19.6, 71.0, 250, 133.2, 97.0, 3.0, 4.5951, 92 }, d.X.Row(441).ToArray());
        Assert.Equal(57.0, d.Y[441]);
        Assert.Equal(["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], d.FeatureNames);
    }

    [Fact]
    public void Each_load_returns_fresh_matrices()
    {
        var a = Datasets.Diabetes();
        a.X[0, 0] = -1;
        Assert.Equal(59.0, Datasets.Diabetes().X[0, 0]);
    }

    [Fact]
    public void A_corrupted_copy_fails_with_the_checksum_message_naming_the_file()
    {
        using var dir = TempDataDirectory.WithCopies("diabetes_data_raw.csv.gz", "diabetes_target.csv.gz");
        var bytes = File.ReadAllBytes(dir.PathOf("diabetes_data_raw.csv.gz"));
        bytes[^5] ^= 0xFF;                                           // one flipped byte in the gzip trailer
        File.WriteAllBytes(dir.PathOf("diabetes_data_raw.csv.gz"), bytes);

        var error = Assert.Throws<InvalidDataException>(() => Datasets.Diabetes(dir.Path));
        Assert.Contains("'diabetes_data_raw.csv.gz'", error.Message);
        Assert.Contains("corrupted", error.Message);
        Assert.Contains("SHA-256", error.Message);
        Assert.Contains("git checkout -- data/diabetes_data_raw.csv.gz", error.Message);
    }

    [Fact]
    public void An_untouched_copy_in_another_directory_loads()
    {
        // The control for the test above: the copy machinery itself does not break the checksum.
        using var dir = TempDataDirectory.WithCopies("diabetes_data_raw.csv.gz", "diabetes_target.csv.gz");
        Assert.Equal(442, Datasets.Diabetes(dir.Path).SampleCount);
    }

    [Fact]
    public void A_missing_file_fails_naming_it_and_how_to_restore_it()
    {
        using var dir = TempDataDirectory.WithCopies("diabetes_target.csv.gz");
        var error = Assert.Throws<FileNotFoundException>(() => Datasets.Diabetes(dir.Path));
        Assert.Contains("'diabetes_data_raw.csv.gz' is missing", error.Message);
        Assert.Contains("git checkout", error.Message);
    }

    [Fact]
    public void A_missing_checksum_list_fails_clearly()
    {
        using var dir = TempDataDirectory.WithCopies("diabetes_data_raw.csv.gz");
        File.Delete(dir.PathOf("SHA256SUMS"));
        var error = Assert.Throws<FileNotFoundException>(() => VerifiedFile.ReadBytes("diabetes_data_raw.csv.gz", dir.Path));
        Assert.Contains("SHA256SUMS", error.Message);
    }

    [Fact]
    public void A_file_without_a_checksum_entry_is_refused()
    {
        using var dir = TempDataDirectory.WithCopies();
        File.WriteAllText(dir.PathOf("extra.csv"), "1,2\n");
        var error = Assert.Throws<InvalidDataException>(() => VerifiedFile.ReadLines("extra.csv", dir.Path));
        Assert.Contains("'extra.csv' has no entry", error.Message);
    }

    [Fact]
    public void The_repository_root_is_found_from_the_test_binaries()
    {
        Assert.True(File.Exists(Path.Combine(CoursePaths.Root, "data", "SHA256SUMS")));
        Assert.Equal(Path.Combine(CoursePaths.Root, "data"), CoursePaths.DataDirectory);
    }
}

/// <summary>A temporary data folder with the real SHA256SUMS and copies of some data files; deleted on dispose.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mlcourse-data-").FullName;

    public static TempDataDirectory WithCopies(params string[] files)
    {
        var dir = new TempDataDirectory();
        File.Copy(System.IO.Path.Combine(CoursePaths.DataDirectory, "SHA256SUMS"), dir.PathOf("SHA256SUMS"));
        foreach (var f in files) File.Copy(System.IO.Path.Combine(CoursePaths.DataDirectory, f), dir.PathOf(f));
        return dir;
    }

    public string PathOf(string file) => System.IO.Path.Combine(Path, file);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
