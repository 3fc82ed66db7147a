using System.Runtime.InteropServices;
using RingCentral.CallLog.ModuleLoading;
using Xunit;

namespace RingCentral.CallLog.Tests.ModuleLoading;

public class AssemblyRedirectPolicyTests
{
    private static readonly string s_module = Path.Combine(Path.GetTempPath(), "Modules", "RingCentral.CallLog");

    private static readonly string[] s_shipped =
    [
        "RingCentral.CallLog.dll",
        "System.Text.Json.dll",
        "System.Memory.dll",
        "System.Runtime.CompilerServices.Unsafe.dll",
        "Microsoft.Bcl.AsyncInterfaces.dll",
    ];

    private static AssemblyRedirectPolicy Policy() =>
        new(s_module, s_shipped.Select(name => Path.Combine(s_module, name)));

    public class AppliesTo
    {
        [Theory]
        [InlineData(".NET Framework 4.8.9181.0", true)]
        [InlineData(".NET Framework 4.7.3190.0", true)]
        [InlineData(".NET 8.0.11", false)]
        [InlineData(".NET 10.0.0", false)]
        [InlineData(".NET Core 3.1.32", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void Only_on_the_NET_Framework(string? description, bool expected) =>
            Assert.Equal(expected, AssemblyRedirectPolicy.AppliesTo(description));

        [Fact]
        public void Not_on_the_runtime_running_these_tests() =>
            Assert.False(AssemblyRedirectPolicy.AppliesTo(RuntimeInformation.FrameworkDescription));
    }

    public class Resolve
    {
        [Theory]
        [InlineData("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Runtime.CompilerServices.Unsafe.dll")]
        [InlineData("System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Runtime.CompilerServices.Unsafe.dll")]
        [InlineData("System.Memory, Version=4.0.1.1, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Memory.dll")]
        [InlineData("System.Text.Json, Version=99.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json.dll")]
        [InlineData("system.text.json", "System.Text.Json.dll")]
        public void Any_version_of_a_shipped_assembly_comes_from_the_module_folder(string requested, string file) =>
            Assert.Equal(Path.Combine(s_module, file), Policy().Resolve(requested, null));

        [Fact]
        public void A_request_from_inside_the_module_folder_is_answered() =>
            Assert.Equal(
                Path.Combine(s_module, "System.Memory.dll"),
                Policy().Resolve("System.Memory, Version=4.0.1.1", Path.Combine(s_module, "System.Text.Json.dll")));

        [Fact]
        public void A_request_from_another_modules_assembly_is_left_alone() =>
            Assert.Null(Policy().Resolve(
                "System.Memory, Version=4.0.1.1",
                Path.Combine(Path.GetTempPath(), "Modules", "Az.Accounts", "Microsoft.Azure.PowerShell.Authentication.dll")));

        [Fact]
        public void A_request_from_a_subfolder_of_the_module_is_left_alone() =>
            Assert.Null(Policy().Resolve("System.Memory", Path.Combine(s_module, "sub", "Other.dll")));

        [Theory]
        [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
        [InlineData("System.Buffers, Version=4.0.3.0")]
        [InlineData("System.Management.Automation, Version=3.0.0.0")]
        public void An_assembly_that_does_not_ship_is_not_answered(string requested) =>
            Assert.Null(Policy().Resolve(requested, null));

        [Theory]
        [InlineData("System.Text.Json.resources, Version=8.0.0.0, Culture=de-DE, PublicKeyToken=cc7b13ffcd2ddd51")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        [InlineData("=not an assembly name,,")]
        public void Resource_lookups_and_unreadable_names_are_not_answered(string? requested) =>
            Assert.Null(Policy().Resolve(requested, null));
    }

    public class ShippedNames
    {
        [Fact]
        public void Come_from_the_given_folder_listing_only()
        {
            var policy = new AssemblyRedirectPolicy(
                s_module + Path.DirectorySeparatorChar,
                [
                    Path.Combine(s_module, "System.Text.Json.dll"),
                    Path.Combine(s_module, "readme.txt"),
                    Path.Combine(s_module, "en-US", "RingCentral.CallLog.dll-Help.xml"),
                    Path.Combine(s_module, "nested", "System.Buffers.dll"),
                    Path.Combine(Path.GetTempPath(), "elsewhere", "Newtonsoft.Json.dll"),
                ]);

            Assert.Equal(["System.Text.Json"], policy.ShippedNames);
            Assert.Null(policy.Resolve("System.Buffers", null));
            Assert.Null(policy.Resolve("Newtonsoft.Json", null));
        }

        [Fact]
        public void Follow_a_real_folder()
        {
            var dir = Directory.CreateTempSubdirectory("rc-policy-");
            try
            {
                File.WriteAllBytes(Path.Combine(dir.FullName, "System.Memory.dll"), []);
                File.WriteAllBytes(Path.Combine(dir.FullName, "Extra.Dependency.dll"), []);
                var policy = new AssemblyRedirectPolicy(dir.FullName, Directory.GetFiles(dir.FullName, "*.dll"));

                Assert.Equal(["Extra.Dependency", "System.Memory"], policy.ShippedNames.Order());
                Assert.Equal(Path.Combine(dir.FullName, "Extra.Dependency.dll"), policy.Resolve("Extra.Dependency, Version=1.2.3.4", null));
            }
            finally
            {
                dir.Delete(true);
            }
        }
    }
}
