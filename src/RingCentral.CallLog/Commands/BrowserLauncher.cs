using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RingCentral.CallLog.Commands;

/// <summary>Opens an address in the user's browser for -Interactive sign-in.</summary>
internal static class BrowserLauncher
{
    /// <summary>Starts the browser; on failure returns why (the sign-in address is shown anyway).</summary>
    public static string? TryOpen(Uri address)
    {
        try
        {
            Process.Start(StartInfo(address))?.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or System.IO.FileNotFoundException)
        {
            return ex.Message;
        }
    }

    private static ProcessStartInfo StartInfo(Uri address)
    {
        // BROWSER is the usual way to name a browser command on Unix; it also lets tests follow the redirect.
        var browser = Environment.GetEnvironmentVariable("BROWSER");
        if (!string.IsNullOrEmpty(browser))
        {
            return new ProcessStartInfo(browser!, "\"" + address.AbsoluteUri + "\"");
        }

        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new ProcessStartInfo(address.AbsoluteUri) { UseShellExecute = true }
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? new ProcessStartInfo("open", address.AbsoluteUri)
            : new ProcessStartInfo("xdg-open", address.AbsoluteUri);
    }
}
