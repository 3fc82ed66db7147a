using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace RingCentral.CallLog.ModuleLoading;

/// <summary>
/// Runs when the module is imported and removed. On Windows PowerShell 5.1 (.NET Framework) it
/// answers failed binds for assemblies that ship in the module folder with those copies; on
/// PowerShell 7 it does nothing.
/// </summary>
/// <remarks>
/// This type must not touch System.Text.Json or its closure itself: it runs before they can load.
/// </remarks>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object s_gate = new();
    private static AssemblyRedirectPolicy? s_policy;

    public void OnImport()
    {
        if (!AssemblyRedirectPolicy.AppliesTo(RuntimeInformation.FrameworkDescription))
        {
            return;
        }

        lock (s_gate)
        {
            if (s_policy is not null)
            {
                return;
            }

            var directory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
            if (string.IsNullOrEmpty(directory))
            {
                return;
            }

            s_policy = new AssemblyRedirectPolicy(directory!, Directory.GetFiles(directory!, "*.dll"));
            AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (s_gate)
        {
            if (s_policy is null)
            {
                return;
            }

            AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
            s_policy = null;
        }
    }

    private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
    {
        var policy = s_policy;
        if (policy is null)
        {
            return null;
        }

        string? requester = null;
        try
        {
            requester = args.RequestingAssembly is { IsDynamic: false } asm ? asm.Location : null;
        }
        catch (NotSupportedException)
        {
            // An in-memory assembly has no location: treat it as unknown.
        }

        var path = policy.Resolve(args.Name, requester);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        // LoadFrom: the same path always yields the same loaded assembly, so one copy per process.
        return Assembly.LoadFrom(path);
    }
}
