// The code behind build/TorchSharpNativeFix.targets (see build/README.md for why it exists).
//
// One file on purpose: MSBuild's RoslynCodeTaskFactory compiles exactly one source file, and the
// unit tests (tests/MlCourse.DeepLearning.Tests) compile this same file, so the ELF code has one
// copy. The tests define MLCOURSE_ELF_WITHOUT_MSBUILD to leave out the MSBuild task class, whose
// base types live only inside MSBuild.
//
// Written against netstandard2.0, because that is what the task factory compiles against: no
// Span, no BinaryPrimitives, no File.GetUnixFileMode.
#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
#if !MLCOURSE_ELF_WITHOUT_MSBUILD
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace MlCourse.Build
{
    /// <summary>One entry of a shared object's .gnu.version_r: "from Library I need Version".</summary>
    internal sealed class VersionRequirement
    {
        public VersionRequirement(string library, string version, ushort flags, long flagsOffset)
        {
            Library = library;
            Version = version;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        public string Library { get; }
        public string Version { get; }
        public ushort Flags { get; }

        /// <summary>File offset of vna_flags, the two bytes the patch changes.</summary>
        public long FlagsOffset { get; }

        public bool IsWeak => (Flags & ElfVersions.WeakFlag) != 0;
    }

    internal enum PatchOutcome
    {
        /// <summary>The file does not ask for that version at all (a future TorchSharp, say).</summary>
        NotRequired,
        AlreadyWeak,
        Patched,
    }

    /// <summary>
    /// Reads and edits the symbol-versioning sections of an ELF64 little-endian file.
    /// Layouts are those of the System V ABI / LSB (Elf64_Shdr, Elf64_Verneed, Elf64_Vernaux,
    /// Elf64_Verdef, Elf64_Verdaux). Every offset read from the file is bounds-checked, so a
    /// truncated or foreign file gives an InvalidDataException naming the file, never garbage.
    /// </summary>
    internal static class ElfVersions
    {
        /// <summary>VER_FLG_WEAK: the dynamic loader tolerates this version being absent.</summary>
        public const ushort WeakFlag = 0x2;

        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const int VerneedSize = 16, VernauxSize = 16, VerdefSize = 20, VerdauxSize = 8;

        public static List<VersionRequirement> ReadRequirements(string path) => ReadRequirements(File.ReadAllBytes(path), path);

        public static List<VersionRequirement> ReadRequirements(byte[] image, string source)
        {
            var result = new List<VersionRequirement>();
            var elf = new Image(image, source);
            var section = elf.FindSection(ShtGnuVerneed);
            if (section is null) return result;
            var (start, size, link, count) = section.Value;
            var strings = elf.Section(link, "the string table linked from .gnu.version_r");

            // The chain links (vn_next, vna_next) are unsigned, so each walk only moves forward and
            // ends at the latest when Require finds it past the section's end.
            long entry = 0;
            for (uint i = 0; i < count; i++)
            {
                elf.Require(size, entry, VerneedSize, "a Verneed entry");
                long at = start + entry;
                ushort version = elf.U16(at);
                if (version != 1) throw elf.Corrupt($"a Verneed entry at 0x{at:x} has vn_version {version}, expected 1");
                ushort auxCount = elf.U16(at + 2);
                string library = elf.String(strings, elf.U32(at + 4));
                uint firstAux = elf.U32(at + 8), next = elf.U32(at + 12);

                long aux = entry + firstAux;
                for (int j = 0; j < auxCount; j++)
                {
                    elf.Require(size, aux, VernauxSize, "a Vernaux entry");
                    long auxAt = start + aux;
                    ushort flags = elf.U16(auxAt + 4);
                    string name = elf.String(strings, elf.U32(auxAt + 8));
                    result.Add(new VersionRequirement(library, name, flags, auxAt + 4));
                    uint auxNext = elf.U32(auxAt + 12);
                    if (auxNext == 0) break;
                    aux += auxNext;
                }
                if (next == 0) break;
                entry += next;
            }
            return result;
        }

        /// <summary>The version names a library defines (.gnu.version_d), e.g. GLIBCXX_3.4.30 for libstdc++.</summary>
        public static List<string> ReadDefinitions(string path) => ReadDefinitions(File.ReadAllBytes(path), path);

        public static List<string> ReadDefinitions(byte[] image, string source)
        {
            var result = new List<string>();
            var elf = new Image(image, source);
            var section = elf.FindSection(ShtGnuVerdef);
            if (section is null) return result;
            var (start, size, link, count) = section.Value;
            var strings = elf.Section(link, "the string table linked from .gnu.version_d");

            long entry = 0;
            for (uint i = 0; i < count; i++)
            {
                elf.Require(size, entry, VerdefSize, "a Verdef entry");
                long at = start + entry;
                uint firstAux = elf.U32(at + 12), next = elf.U32(at + 16);
                // The first Verdaux names the version itself; later ones name its parents.
                elf.Require(size, entry + firstAux, VerdauxSize, "a Verdaux entry");
                result.Add(elf.String(strings, elf.U32(start + entry + firstAux)));
                if (next == 0) break;
                entry += next;
            }
            return result;
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on the requirement (library, version) of the file at path. Writes a
        /// patched copy beside the file and renames it over the original, so a process that has
        /// the old file mapped keeps its inode and a crash never leaves a half-written library.
        /// File.Copy keeps the original's permission bits on the copy.
        /// </summary>
        public static PatchOutcome MarkWeak(string path, string library, string version)
        {
            var target = ReadRequirements(path).FirstOrDefault(r => r.Library == library && r.Version == version);
            if (target is null) return PatchOutcome.NotRequired;
            if (target.IsWeak) return PatchOutcome.AlreadyWeak;

            string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            string temporary = Path.Combine(directory, "." + Path.GetFileName(path) + ".weak-" + Guid.NewGuid().ToString("N"));
            try
            {
                File.Copy(path, temporary);
                ushort flags = (ushort)(target.Flags | WeakFlag);
                using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
                {
                    stream.Position = target.FlagsOffset;
                    stream.WriteByte((byte)(flags & 0xff));
                    stream.WriteByte((byte)(flags >> 8));
                }
                // A fresh timestamp tells MSBuild's incremental Copy that output copies are stale.
                File.SetLastWriteTimeUtc(temporary, DateTime.UtcNow);

                var check = ReadRequirements(temporary).FirstOrDefault(r => r.Library == library && r.Version == version);
                if (check is null || !check.IsWeak)
                    throw new InvalidDataException($"Patching '{path}' did not take effect: {version} is still not weak in the patched copy.");
                File.Replace(temporary, path, null);
                return PatchOutcome.Patched;
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        /// <summary>Bounds-checked little-endian reads over a whole ELF64 image.</summary>
        private sealed class Image
        {
            private readonly byte[] _bytes;
            private readonly string _source;
            private readonly long _sectionTable;
            private readonly int _sectionSize;
            private readonly uint _sectionCount;

            public Image(byte[] bytes, string source)
            {
                _bytes = bytes;
                _source = source;
                if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
                    throw new InvalidDataException($"'{source}' is not an ELF file (it does not start with 0x7F 'E' 'L' 'F').");
                if (bytes[4] != 2 || bytes[5] != 1)
                    throw new InvalidDataException(
                        $"'{source}' is an ELF file of class {bytes[4]} and byte order {bytes[5]}; only ELF64 little-endian (2, 1) is supported.");

                _sectionTable = checked((long)U64(0x28));
                _sectionSize = U16(0x3a);
                _sectionCount = U16(0x3c);
                if (_sectionTable == 0) throw Corrupt("it has no section header table (it may be stripped of sections)");
                if (_sectionSize < 64) throw Corrupt($"its e_shentsize is {_sectionSize}, smaller than an Elf64_Shdr (64)");
                // More than 0xff00 sections: e_shnum is 0 and the real count sits in section 0's sh_size.
                if (_sectionCount == 0) _sectionCount = checked((uint)U64(Checked(_sectionTable, 64, "section header 0") + 32));
                Checked(_sectionTable, checked(_sectionSize * (long)_sectionCount), "the section header table");
            }

            /// <summary>(file offset, size, sh_link, sh_info) of the first section of that type.</summary>
            public (long Start, long Size, uint Link, uint Info)? FindSection(uint type)
            {
                for (uint i = 0; i < _sectionCount; i++)
                {
                    long header = _sectionTable + i * (long)_sectionSize;
                    if (U32(header + 4) == type) return Describe(header, $"section {i}");
                }
                return null;
            }

            public (long Start, long Size) Section(uint index, string what)
            {
                if (index == 0 || index >= _sectionCount)
                    throw Corrupt($"{what} is section {index}, but the file has sections 1..{_sectionCount - 1}");
                var (start, size, _, _) = Describe(_sectionTable + index * (long)_sectionSize, what);
                return (start, size);
            }

            private (long, long, uint, uint) Describe(long header, string what)
            {
                long start = checked((long)U64(header + 24)), size = checked((long)U64(header + 32));
                Checked(start, size, what);
                return (start, size, U32(header + 40), U32(header + 44));
            }

            /// <summary>Checks that [offset, offset+length) lies inside a section of that size.</summary>
            public void Require(long size, long offset, long length, string what)
            {
                if (offset < 0 || offset + length > size)
                    throw Corrupt($"{what} at section offset 0x{offset:x} runs past the section's end (size 0x{size:x})");
            }

            public string String((long Start, long Size) table, uint offset)
            {
                if (offset >= table.Size) throw Corrupt($"a name offset 0x{offset:x} lies outside its string table (size 0x{table.Size:x})");
                long from = table.Start + offset, end = from;
                long limit = table.Start + table.Size;
                while (end < limit && _bytes[end] != 0) end++;
                if (end == limit) throw Corrupt($"the name at string-table offset 0x{offset:x} is not terminated");
                return Encoding.ASCII.GetString(_bytes, (int)from, (int)(end - from));
            }

            public ushort U16(long at) { Checked(at, 2, "a field"); return (ushort)(_bytes[at] | _bytes[at + 1] << 8); }

            public uint U32(long at) { Checked(at, 4, "a field"); return (uint)(U16(at) | U16(at + 2) << 16); }

            public ulong U64(long at) { Checked(at, 8, "a field"); return U32(at) | (ulong)U32(at + 4) << 32; }

            private long Checked(long at, long length, string what)
            {
                if (at < 0 || length < 0 || at + length > _bytes.Length)
                    throw Corrupt($"{what} at 0x{at:x} (0x{length:x} bytes) lies outside the file (0x{_bytes.Length:x} bytes)");
                return at;
            }

            public InvalidDataException Corrupt(string reason) =>
                new InvalidDataException($"'{_source}' is not a well-formed ELF64 file: {reason}.");
        }
    }

    /// <summary>
    /// Finds the libstdc++.so.6 that the dynamic loader would use, in the loader's order:
    /// LD_LIBRARY_PATH, the ld.so cache (read through `ldconfig -p`), then the usual directories.
    /// </summary>
    internal static class SystemLibStdCxx
    {
        public const string FileName = "libstdc++.so.6";

        private static readonly string[] DefaultDirectories =
        {
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib",
        };

        /// <summary>Candidate paths, best first; only existing files.</summary>
        public static List<string> Candidates()
        {
            var found = new List<string>();
            var fromEnvironment = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "";
            foreach (var directory in fromEnvironment.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries))
                found.Add(Path.Combine(directory, FileName));
            found.AddRange(FromLoaderCache());
            found.AddRange(DefaultDirectories.Select(d => Path.Combine(d, FileName)));
            return found.Where(File.Exists).Distinct().ToList();
        }

        /// <summary>Entries of `ldconfig -p` for this process's architecture.</summary>
        private static IEnumerable<string> FromLoaderCache()
        {
            // ldconfig lives in /sbin, which is not on an ordinary user's PATH on Debian.
            string? ldconfig = new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" }.FirstOrDefault(File.Exists);
            if (ldconfig is null) return Array.Empty<string>();
            string architectureTag =
                RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "x86-64" :
                RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "AArch64" : "";
            try
            {
                var start = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false, CreateNoWindow = true };
                using var process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(10_000)) { process.Kill(); return Array.Empty<string>(); }
                // Lines look like: "\tlibstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6"
                return output.Split('\n')
                    .Select(line => line.Trim())
                    .Where(line => line.StartsWith(FileName + " (") && line.Contains("=>"))
                    .Where(line => architectureTag.Length == 0 || line.Contains(architectureTag))
                    .Select(line => line.Substring(line.IndexOf("=>", StringComparison.Ordinal) + 2).Trim())
                    .ToList();
            }
            catch (Exception)
            {
                // No cache is not an error: the default directories still apply.
                return Array.Empty<string>();
            }
        }
    }

#if !MLCOURSE_ELF_WITHOUT_MSBUILD
    /// <summary>
    /// MSBuild task: on a Linux whose libstdc++ lacks <see cref="Version"/>, marks that version
    /// weak in every file named <see cref="FileName"/> under <see cref="Directories"/> (searched
    /// recursively) and in every existing file listed in <see cref="Files"/>.
    /// </summary>
    public sealed class MarkLibStdCxxVersionWeak : Task
    {
        public ITaskItem[] Directories { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
        public string FileName { get; set; } = "libLibTorchSharp.so";
        public string Version { get; set; } = "GLIBCXX_3.4.32";

        [Output]
        public ITaskItem[] PatchedFiles { get; set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                Log.LogMessage(MessageImportance.Low, $"TorchSharpNativeFix: not Linux; {FileName} needs no change.");
                return true;
            }
            string? reason = WhyPatchIsNeeded();
            if (reason is null) return true;

            var patched = new List<ITaskItem>();
            foreach (string path in Targets())
            {
                try
                {
                    var outcome = ElfVersions.MarkWeak(path, SystemLibStdCxx.FileName, Version);
                    if (outcome == PatchOutcome.Patched)
                    {
                        Log.LogMessage(MessageImportance.High, $"TorchSharpNativeFix: patched {path}: {Version} marked weak ({reason}).");
                        patched.Add(new TaskItem(path));
                    }
                    else
                    {
                        Log.LogMessage(MessageImportance.Low, $"TorchSharpNativeFix: {path}: {(outcome == PatchOutcome.AlreadyWeak ? "already patched" : $"does not require {Version}")}.");
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
                {
                    Log.LogError($"TorchSharpNativeFix: could not patch {path}: {e.Message} " +
                                 "TorchSharp will fail to load on this system until it is patched; see build/README.md.");
                }
            }
            PatchedFiles = patched.ToArray();
            return !Log.HasLoggedErrors;
        }

        /// <summary>Null when the system's libstdc++ already provides the version; otherwise why not.</summary>
        private string? WhyPatchIsNeeded()
        {
            foreach (string candidate in SystemLibStdCxx.Candidates())
            {
                List<string> defined;
                try { defined = ElfVersions.ReadDefinitions(candidate); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
                {
                    Log.LogMessage(MessageImportance.Low, $"TorchSharpNativeFix: skipping {candidate}: {e.Message}");
                    continue;
                }
                if (defined.Contains(Version))
                {
                    Log.LogMessage(MessageImportance.Low, $"TorchSharpNativeFix: {candidate} provides {Version}; {FileName} needs no change.");
                    return null;
                }
                string newest = defined.Where(d => d.StartsWith("GLIBCXX_3.4.", StringComparison.Ordinal))
                    .OrderBy(d => int.TryParse(d.Substring("GLIBCXX_3.4.".Length), out int n) ? n : -1).LastOrDefault() ?? "no GLIBCXX version";
                return $"{candidate} stops at {newest}";
            }
            // Marking the version weak is harmless where it exists, so when in doubt patch.
            return $"no {SystemLibStdCxx.FileName} was found";
        }

        private IEnumerable<string> Targets()
        {
            var paths = new List<string>();
            foreach (var item in Directories)
            {
                string directory = item.GetMetadata("FullPath");
                if (System.IO.Directory.Exists(directory))
                    paths.AddRange(System.IO.Directory.GetFiles(directory, FileName, SearchOption.AllDirectories));
            }
            paths.AddRange(Files.Select(f => f.GetMetadata("FullPath")).Where(File.Exists));
            return paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal);
        }
    }
#endif
}
