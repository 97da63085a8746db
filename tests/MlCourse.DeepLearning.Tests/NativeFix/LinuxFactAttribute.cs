namespace MlCourse.DeepLearning.Tests.NativeFix;

/// <summary>A fact about the Linux loader's world (ld.so cache, libstdc++), skipped elsewhere with a reason.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Only Linux has libstdc++.so.6 and the ld.so cache.";
    }
}
