using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace RingCentral.CallLog.Tests.ModuleLoading;

/// <summary>
/// Checks on the module as built into out/RingCentral.CallLog (build.ps1 always builds before it
/// runs the tests). Without out/, the checks on that folder are skipped and say why.
/// </summary>
public class BuiltModuleTests
{
    private const string ModuleDll = "RingCentral.CallLog.dll";

    [Fact]
    public void The_module_is_compiled_against_System_Text_Json_at_most_8_0_0_0()
    {
        // The built module when there is one, else the copy this test project references.
        var dll = BuiltModule.Directory is { } dir ? Path.Combine(dir, ModuleDll) : Path.Combine(AppContext.BaseDirectory, ModuleDll);
        var references = ReferencedAssemblies(dll);

        Assert.True(references.TryGetValue("System.Text.Json", out var version), $"{dll} does not reference System.Text.Json");
        // pwsh 7.4 carries System.Text.Json 8.0.0.0: a higher reference would not load there.
        Assert.True(version <= new Version(8, 0, 0, 0), $"{dll} references System.Text.Json {version}; PowerShell 7.4 has 8.0.0.0.");
    }

    [Fact]
    public void The_module_references_no_PowerShell_assembly_other_than_System_Management_Automation()
    {
        var dll = BuiltModule.Directory is { } dir ? Path.Combine(dir, ModuleDll) : Path.Combine(AppContext.BaseDirectory, ModuleDll);
        var references = ReferencedAssemblies(dll);

        Assert.True(references.TryGetValue("System.Management.Automation", out var sma), "the module must reference System.Management.Automation");
        // PowerShellStandard.Library: 3.0.0.0, which both Windows PowerShell 5.1 and PowerShell 7 satisfy.
        Assert.Equal(new Version(3, 0, 0, 0), sma);
        Assert.DoesNotContain(references.Keys, name => name.StartsWith("Microsoft.PowerShell.", StringComparison.Ordinal));
    }

    [BuiltModuleFact]
    public void No_System_Management_Automation_ships_in_the_module_folder() =>
        Assert.False(
            File.Exists(Path.Combine(BuiltModule.Directory!, "System.Management.Automation.dll")),
            "PowerShell provides System.Management.Automation; a shipped copy breaks loading.");

    [BuiltModuleFact]
    public void The_System_Text_Json_closure_ships_for_Windows_PowerShell()
    {
        var shipped = Directory.GetFiles(BuiltModule.Directory!, "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Every reference of every shipped assembly is either shipped too or part of .NET Framework 4.7.2.
        foreach (var dll in Directory.GetFiles(BuiltModule.Directory!, "*.dll"))
        {
            foreach (var name in ReferencedAssemblies(dll).Keys)
            {
                Assert.True(
                    shipped.Contains(name) || IsInTheFramework(name),
                    $"{Path.GetFileName(dll)} needs {name}, which neither ships in the module folder nor comes with .NET Framework 4.7.2.");
            }
        }

        Assert.Contains("System.Text.Json", shipped);
    }

    private static bool IsInTheFramework(string name) =>
        name is "netstandard" or "mscorlib" or "System" or "System.Core" or "System.Management.Automation" ||
        (name.StartsWith("System.", StringComparison.Ordinal) && s_frameworkAssemblies.Contains(name));

    // Assemblies of .NET Framework 4.7.2 (with its netstandard 2.0 facades) that the module or its
    // dependencies may reference. Anything else must ship beside the module.
    private static readonly HashSet<string> s_frameworkAssemblies = new(StringComparer.Ordinal)
    {
        "System.Net.Http", "System.Runtime", "System.Runtime.InteropServices", "System.Runtime.InteropServices.RuntimeInformation",
        "System.Collections", "System.Collections.Concurrent", "System.Threading", "System.Threading.Tasks", "System.Linq",
        "System.IO", "System.Text.Encoding.Extensions", "System.Globalization", "System.Reflection", "System.Diagnostics.Debug",
        "System.Resources.ResourceManager", "System.Runtime.Extensions", "System.Security", "System.Xml", "System.Numerics",
        "System.Runtime.Serialization", "System.Data", "System.Drawing", "System.Web", "System.Configuration",
    };

    private static Dictionary<string, Version> ReferencedAssemblies(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new Dictionary<string, Version>(StringComparer.Ordinal);
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            result[reader.GetString(reference.Name)] = reference.Version;
        }

        return result;
    }
}

/// <summary>Where out/RingCentral.CallLog is, found from the folder holding the solution.</summary>
internal static class BuiltModule
{
    private static readonly Lazy<string?> s_directory = new(Find);

    public static string? Directory => s_directory.Value;

    public static string? RepoRoot { get; private set; }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RingCentral.CallLog.PS.sln")))
            {
                RepoRoot = dir.FullName;
                var module = Path.Combine(dir.FullName, "out", "RingCentral.CallLog");
                return File.Exists(Path.Combine(module, "RingCentral.CallLog.dll")) ? module : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, when the module has not been built into out/.</summary>
internal sealed class BuiltModuleFactAttribute : FactAttribute
{
    public BuiltModuleFactAttribute()
    {
        if (BuiltModule.Directory is null)
        {
            Skip = "out/RingCentral.CallLog is not built (run ./build.ps1 -Task Build; the Test task always builds first).";
        }
    }
}
