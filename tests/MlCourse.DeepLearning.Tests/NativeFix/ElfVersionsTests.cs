using System.Runtime.Versioning;
using MlCourse.Build;

namespace MlCourse.DeepLearning.Tests.NativeFix;

/// <summary>
/// The ELF code behind build/TorchSharpNativeFix.targets, run on copies of the published
/// libLibTorchSharp.so. Expected values come from `readelf -V` (GNU binutils 2.40, Debian 12) on
/// the file in torchsharp.0.107.0.nupkg.
/// </summary>
public sealed class ElfVersionsTests : IClassFixture<PristineTorchSharpLibrary>
{
    private const string LibStdCxx = "libstdc++.so.6";
    private const string Needed = "GLIBCXX_3.4.32";
    private readonly PristineTorchSharpLibrary _library;

    public ElfVersionsTests(PristineTorchSharpLibrary library) => _library = library;

    [Fact]
    public void Reads_the_28_requirements_that_readelf_lists_with_GLIBCXX_3_4_32_not_weak()
    {
        var requirements = ElfVersions.ReadRequirements(_library.Bytes, "pristine");

        // readelf: ld-linux-x86-64.so.2 1, libm.so.6 1, libgcc_s.so.1 1, libc.so.6 5, libstdc++.so.6 20.
        Assert.Equal(28, requirements.Count);
        Assert.Equal(20, requirements.Count(r => r.Library == LibStdCxx));
        Assert.Equal(5, requirements.Count(r => r.Library == "libc.so.6"));
        var target = Assert.Single(requirements, r => r.Version == Needed);
        Assert.Equal(LibStdCxx, target.Library);
        Assert.Equal(0, target.Flags);
        // .gnu.version_r starts at file offset 0x3f8f0; readelf shows the entry at 0x140, vna_flags is 4 bytes in.
        Assert.Equal(0x3f8f0 + 0x140 + 4, target.FlagsOffset);
        Assert.All(requirements, r => Assert.False(r.IsWeak));
    }

    [Fact]
    public void Marking_weak_sets_the_flag_by_changing_exactly_one_byte()
    {
        var path = _library.Copy();
        var offset = ElfVersions.ReadRequirements(path).Single(r => r.Version == Needed).FlagsOffset;

        Assert.Equal(PatchOutcome.Patched, ElfVersions.MarkWeak(path, LibStdCxx, Needed));

        var after = File.ReadAllBytes(path);
        var changed = Enumerable.Range(0, after.Length).Where(i => after[i] != _library.Bytes[i]).ToList();
        Assert.Equal(_library.Bytes.Length, after.Length);
        Assert.Equal([offset], changed.Select(i => (long)i));
        Assert.Equal(ElfVersions.WeakFlag, after[offset]);
        var requirements = ElfVersions.ReadRequirements(path);
        Assert.True(requirements.Single(r => r.Version == Needed).IsWeak);
        Assert.Equal(27, requirements.Count(r => !r.IsWeak));
        // The temporary copy was renamed over the original, not left beside it.
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Marking_weak_twice_reports_already_weak_and_leaves_the_file_as_it_was()
    {
        var path = _library.Copy();
        Assert.Equal(PatchOutcome.Patched, ElfVersions.MarkWeak(path, LibStdCxx, Needed));
        var once = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);

        Assert.Equal(PatchOutcome.AlreadyWeak, ElfVersions.MarkWeak(path, LibStdCxx, Needed));

        Assert.Equal(once, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Theory]
    [InlineData(LibStdCxx, "GLIBCXX_9.9.99")] // a version nobody asks for
    [InlineData("libc.so.6", Needed)]          // the right version asked of another library
    public void A_file_without_that_requirement_is_left_untouched(string library, string version)
    {
        var path = _library.Copy();
        var stamp = File.GetLastWriteTimeUtc(path);

        Assert.Equal(PatchOutcome.NotRequired, ElfVersions.MarkWeak(path, library, version));

        Assert.Equal(_library.Bytes, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [LinuxFact, SupportedOSPlatform("linux")]
    public void Marking_weak_keeps_the_file_permissions()
    {
        var path = _library.Copy();
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);

        ElfVersions.MarkWeak(path, LibStdCxx, Needed);

        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_file_that_is_not_ELF_gives_an_error_naming_it()
    {
        var path = Path.Combine(Path.GetDirectoryName(_library.Copy())!, "notes.txt");
        File.WriteAllText(path, "This is a text file, long enough to hold an ELF header if it were one. ............");

        var error = Assert.Throws<InvalidDataException>(() => ElfVersions.MarkWeak(path, LibStdCxx, Needed));

        Assert.Contains(path, error.Message);
        Assert.Contains("is not an ELF file", error.Message);
    }

    [Fact]
    public void A_32_bit_ELF_file_is_refused_with_the_supported_format_named()
    {
        var path = _library.Copy(bytes => bytes[4] = 1); // EI_CLASS = ELFCLASS32

        var error = Assert.Throws<InvalidDataException>(() => ElfVersions.ReadRequirements(path));

        Assert.Contains("only ELF64 little-endian", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_reported_not_misread()
    {
        var path = Path.Combine(Path.GetDirectoryName(_library.Copy())!, "truncated.so");
        File.WriteAllBytes(path, _library.Bytes[..100_000]); // the section headers sit at the end of the file

        var error = Assert.Throws<InvalidDataException>(() => ElfVersions.MarkWeak(path, LibStdCxx, Needed));

        Assert.Contains("section header table", error.Message);
        Assert.Contains("lies outside the file", error.Message);
        Assert.Equal(_library.Bytes[..100_000], File.ReadAllBytes(path));
    }

    [Fact]
    public void A_version_section_linked_to_a_missing_string_table_is_reported()
    {
        var path = _library.Copy(bytes => WriteU32(bytes, VerneedSectionHeader(bytes) + 40, 999)); // sh_link

        var error = Assert.Throws<InvalidDataException>(() => ElfVersions.ReadRequirements(path));

        Assert.Contains("section 999", error.Message);
    }

    [Fact]
    public void A_name_offset_beyond_the_string_table_is_reported()
    {
        var flagsOffset = ElfVersions.ReadRequirements(_library.Bytes, "pristine").Single(r => r.Version == Needed).FlagsOffset;
        var path = _library.Copy(bytes => WriteU32(bytes, flagsOffset + 4, 0x7fffffff)); // vna_name

        var error = Assert.Throws<InvalidDataException>(() => ElfVersions.ReadRequirements(path));

        Assert.Contains("outside its string table", error.Message);
    }

    [Fact]
    public void A_chain_link_past_the_section_end_is_reported()
    {
        var path = _library.Copy(bytes =>
        {
            var section = (long)ReadU64(bytes, VerneedSectionHeader(bytes) + 24);
            WriteU32(bytes, section + 12, 0x100000); // vn_next of the first Verneed
        });

        var error = Assert.Throws<InvalidDataException>(() => ElfVersions.ReadRequirements(path));

        Assert.Contains("runs past the section's end", error.Message);
    }

    /// <summary>Finds the SHT_GNU_verneed section header independently of the code under test.</summary>
    private static long VerneedSectionHeader(byte[] bytes)
    {
        var table = (long)ReadU64(bytes, 0x28);
        int size = BitConverter.ToUInt16(bytes, 0x3a), count = BitConverter.ToUInt16(bytes, 0x3c);
        for (int i = 0; i < count; i++)
        {
            long header = table + i * (long)size;
            if (BitConverter.ToUInt32(bytes, (int)header + 4) == 0x6ffffffe) return header;
        }
        throw new InvalidOperationException("The published library has no .gnu.version_r section.");
    }

    private static ulong ReadU64(byte[] bytes, long at) => BitConverter.ToUInt64(bytes, (int)at);

    private static void WriteU32(byte[] bytes, long at, uint value) => BitConverter.GetBytes(value).CopyTo(bytes, (int)at);
}
