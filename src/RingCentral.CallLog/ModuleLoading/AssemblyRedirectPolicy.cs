using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace RingCentral.CallLog.ModuleLoading;

/// <summary>
/// The decisions of the Windows PowerShell 5.1 assembly-resolve handler, kept free of side effects
/// so they can be unit-tested on any runtime.
/// </summary>
/// <remarks>
/// Windows PowerShell applies no binding redirects to module assemblies. The System.Text.Json
/// closure shipped beside the module asks for versions of its neighbours that differ from the
/// ones shipped (System.Memory 4.5.x wants System.Runtime.CompilerServices.Unsafe 4.0.4.1, while
/// System.Text.Json 8 brings 6.0.0.0), so the default bind fails and AssemblyResolve fires. The
/// answer is the copy in the module's own folder, whatever version was asked for: a binding
/// redirect done by hand. The set of names comes from the folder itself, which is the build output.
/// </remarks>
internal sealed class AssemblyRedirectPolicy
{
    private readonly Dictionary<string, string> _shipped;

    /// <param name="moduleDirectory">The folder the module assembly was loaded from.</param>
    /// <param name="dllPaths">The DLL files found in that folder (full paths or file names).</param>
    public AssemblyRedirectPolicy(string moduleDirectory, IEnumerable<string> dllPaths)
    {
        if (moduleDirectory is null)
        {
            throw new ArgumentNullException(nameof(moduleDirectory));
        }

        if (dllPaths is null)
        {
            throw new ArgumentNullException(nameof(dllPaths));
        }

        ModuleDirectory = NormalizeDirectory(moduleDirectory);
        _shipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in dllPaths)
        {
            if (string.IsNullOrEmpty(path) || !path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Only files directly in the module folder count: never a subfolder, never elsewhere.
            var fileName = Path.GetFileName(path);
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory) && !SameDirectory(directory!, ModuleDirectory))
            {
                continue;
            }

            _shipped[Path.GetFileNameWithoutExtension(fileName)] = Path.Combine(ModuleDirectory, fileName);
        }
    }

    public string ModuleDirectory { get; }

    /// <summary>The simple names of the assemblies that ship in the module folder.</summary>
    public IReadOnlyCollection<string> ShippedNames => _shipped.Keys;

    /// <summary>
    /// True when the handler should be installed at all: only on .NET Framework (Windows
    /// PowerShell 5.1). On .NET (PowerShell 7) the runtime's own System.Text.Json and friends win
    /// and nothing must be redirected.
    /// </summary>
    /// <param name="frameworkDescription">RuntimeInformation.FrameworkDescription, e.g. ".NET Framework 4.8.9181.0".</param>
    public static bool AppliesTo(string? frameworkDescription) =>
        frameworkDescription is not null &&
        frameworkDescription.TrimStart().StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The file to load for a failed bind, or null to leave it to other handlers.
    /// </summary>
    /// <param name="requestedName">The full or simple name from ResolveEventArgs.Name.</param>
    /// <param name="requestingAssemblyLocation">
    /// Where the assembly that asked lives (ResolveEventArgs.RequestingAssembly), or null when the
    /// runtime did not say. A request from an assembly outside the module folder is left alone, so
    /// another module's binding is never changed.
    /// </param>
    public string? Resolve(string? requestedName, string? requestingAssemblyLocation)
    {
        if (string.IsNullOrWhiteSpace(requestedName))
        {
            return null;
        }

        string? simpleName;
        try
        {
            simpleName = new AssemblyName(requestedName!).Name;
        }
        catch (Exception ex) when (ex is ArgumentException or FileLoadException)
        {
            return null;
        }

        if (string.IsNullOrEmpty(simpleName) || simpleName!.EndsWith(".resources", StringComparison.OrdinalIgnoreCase))
        {
            // Satellite resource lookups fail routinely and are answered by the fallback culture.
            return null;
        }

        if (!string.IsNullOrEmpty(requestingAssemblyLocation))
        {
            var requester = Path.GetDirectoryName(requestingAssemblyLocation);
            if (string.IsNullOrEmpty(requester) || !SameDirectory(requester!, ModuleDirectory))
            {
                return null;
            }
        }

        // Any version: the shipped copy is the one the build resolved the whole closure against.
        return _shipped.TryGetValue(simpleName, out var path) ? path : null;
    }

    private static string NormalizeDirectory(string directory) =>
        directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static bool SameDirectory(string a, string b) =>
        string.Equals(NormalizeDirectory(a), NormalizeDirectory(b), StringComparison.OrdinalIgnoreCase);
}
