# The package as an admin gets it: tools/New-ModulePackage.ps1 packs out/RingCentral.CallLog into
# out/package; that folder is registered as a local PSResourceGet repository; the module is saved
# from it into a temporary folder, imported BY NAME in a fresh pwsh and used against the simulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = Get-TestRepoRoot
    $builtModule = Split-Path (Get-TestModulePath) -Parent
    $version = (Import-PowerShellDataFile (Get-TestModulePath)).ModuleVersion
    $packageDir = Join-Path $root 'out/package'
    $repoName = 'RcCallLogTest-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $installRoot = Join-Path ([IO.Path]::GetTempPath()) ('rc-install-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $installRoot | Out-Null
    $script:sim = $null

    function Invoke-FreshPwsh {
        # Runs a script in a new pwsh (the same PowerShell as this one) with extra environment
        # variables, and returns its standard output as one string.
        param([string] $Script, [hashtable] $Environment = @{})
        $hostPath = [Environment]::ProcessPath
        $psi = [System.Diagnostics.ProcessStartInfo]::new($hostPath)
        if ([IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($a in '-NoProfile', '-NonInteractive', '-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))) {
            $psi.ArgumentList.Add($a)
        }
        foreach ($key in $Environment.Keys) { $psi.Environment[$key] = [string]$Environment[$key] }
        $psi.Environment['NO_COLOR'] = '1'
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($psi)
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdout = $process.StandardOutput.ReadToEnd()
        if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'The child pwsh did not finish within 120 s' }
        if ($process.ExitCode -ne 0) { throw "The child pwsh failed (exit $($process.ExitCode)): $($stderr.Result)`n$stdout" }
        $stdout
    }

    $package = & (Join-Path $root 'tools/New-ModulePackage.ps1') -ModulePath $builtModule -OutputPath $packageDir 6> $null
    Register-PSResourceRepository -Name $repoName -Uri $packageDir -Trusted
}

AfterAll {
    if ($script:sim) { Stop-TestSimulator $script:sim }
    if (Get-PSResourceRepository -Name $repoName -ErrorAction SilentlyContinue) { Unregister-PSResourceRepository -Name $repoName }
    if (Test-Path $installRoot) { Remove-Item $installRoot -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'The module package' {
    It 'is a .nupkg named after the module and its version in out/package' {
        $package.FullName | Should -Be (Join-Path $packageDir "RingCentral.CallLog.$version.nupkg")
        $package.FullName | Should -Exist
    }

    It 'carries the module, its help, its format file and the System.Text.Json closure' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        foreach ($file in 'RingCentral.CallLog.nuspec', 'RingCentral.CallLog.psd1', 'RingCentral.CallLog.dll', 'RingCentral.CallLog.Format.ps1xml',
            'en-US/RingCentral.CallLog.dll-Help.xml', 'en-US/about_RingCentral.CallLog.help.txt', 'System.Text.Json.dll', 'System.Memory.dll',
            'System.Runtime.CompilerServices.Unsafe.dll', 'Microsoft.Bcl.AsyncInterfaces.dll') {
            $entries | Should -Contain $file
        }
        $entries | Should -Not -Contain 'System.Management.Automation.dll'
    }

    It 'carries the LICENSE, release notes from CHANGELOG.md and no address that does not exist' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
        try {
            $zip.Entries.FullName | Should -Contain 'LICENSE'
            $reader = [IO.StreamReader]::new($zip.GetEntry('RingCentral.CallLog.nuspec').Open())
            try { [xml] $nuspec = $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
        $changelog = Get-Content (Join-Path $root 'CHANGELOG.md')
        $start = [array]::IndexOf($changelog, "## $version")
        $start | Should -BeGreaterThan 0 -Because "CHANGELOG.md has a section for $version"
        $section = foreach ($line in $changelog[($start + 1)..($changelog.Count - 1)]) { if ($line -match '^## ') { break }; $line }
        $notes = $nuspec.package.metadata.releaseNotes
        ($notes -replace '\s+', ' ').Trim() | Should -Be ((($section -join ' ') -replace '\s+', ' ').Trim())
        $nuspec.OuterXml | Should -Not -Match 'example\.invalid'
        (Get-Content (Join-Path $root 'LICENSE') -TotalCount 1) | Should -Be 'MIT License'
    }

    It 'is found in the registered local repository' {
        $found = Find-PSResource -Name RingCentral.CallLog -Repository $repoName
        $found.Name | Should -Be 'RingCentral.CallLog'
        $found.Version | Should -Be ([version]$version)
        $found.Tags | Should -Contain 'RingCentral'
    }

    It 'installs from that repository into a temporary path' {
        Save-PSResource -Name RingCentral.CallLog -Repository $repoName -Path $installRoot -TrustRepository -Quiet
        Join-Path $installRoot "RingCentral.CallLog/$version/RingCentral.CallLog.psd1" | Should -Exist
        Join-Path $installRoot "RingCentral.CallLog/$version/en-US/RingCentral.CallLog.dll-Help.xml" | Should -Exist
        Join-Path $installRoot "RingCentral.CallLog/$version/System.Management.Automation.dll" | Should -Not -Exist
    }
}

Describe 'The installed module in a fresh pwsh' {
    BeforeAll {
        if (-not (Test-Path (Join-Path $installRoot 'RingCentral.CallLog'))) {
            Save-PSResource -Name RingCentral.CallLog -Repository $repoName -Path $installRoot -TrustRepository -Quiet
        }
        $script:sim = Start-TestSimulator
        $childScript = {
            $ErrorActionPreference = 'Stop'
            Import-Module RingCentral.CallLog
            $module = Get-Module RingCentral.CallLog
            $connection = Connect-RcAccount -Server $env:RC_TEST_SERVER -ClientId $env:RC_TEST_CLIENT_ID `
                -ClientSecret (ConvertTo-SecureString $env:RC_TEST_CLIENT_SECRET -AsPlainText -Force) `
                -Jwt (ConvertTo-SecureString $env:RC_TEST_JWT -AsPlainText -Force) -PassThru
            $records = @(Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-7) -First 1)
            Disconnect-RcAccount
            $json = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' })
            [ordered]@{
                ModuleBase    = $module.ModuleBase
                Version       = "$($module.Version)"
                Owner         = $connection.OwnerName
                Count         = $records.Count
                RecordType    = if ($records) { $records[0].GetType().FullName } else { $null }
                HasId         = [bool]($records -and $records[0].Id)
                Synopsis      = "$((Get-Help Get-RcCallLog).Synopsis)".Trim()
                Examples      = @((Get-Help Get-RcCallLog).examples.example).Count
                AboutFound    = [bool](Get-Help about_RingCentral.CallLog | Out-String | Select-String 'CMN-408')
                JsonCount     = $json.Count
                JsonLocations = @($json | ForEach-Object Location)
                JsonVersions  = @($json | ForEach-Object { $_.GetName().Version.ToString() })
            } | ConvertTo-Json -Compress
        }
        $output = Invoke-FreshPwsh -Script $childScript.ToString() -Environment @{
            PSModulePath          = $installRoot
            RC_TEST_SERVER        = $script:sim.url
            RC_TEST_CLIENT_ID     = $script:sim.clientId
            RC_TEST_CLIENT_SECRET = $script:sim.clientSecret
            RC_TEST_JWT           = $script:sim.adminJwt
        }
        $result = ($output -split "`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
    }

    It 'imports the module by name from the installed copy' {
        $result.ModuleBase | Should -BeLike (Join-Path $installRoot 'RingCentral.CallLog*')
        $result.Version | Should -Be $version
    }

    It 'signs in to the simulator and reads a call log record' {
        $result.Owner | Should -Not -BeNullOrEmpty
        $result.Count | Should -Be 1
        $result.RecordType | Should -Be 'RingCentral.CallLog.CallLogRecord'
        $result.HasId | Should -BeTrue
    }

    It 'brings its help along' {
        $result.Synopsis | Should -Not -BeNullOrEmpty
        $result.Synopsis | Should -Not -Match '^Get-RcCallLog'
        $result.Examples | Should -BeGreaterOrEqual 3
        $result.AboutFound | Should -BeTrue
    }

    It 'loads no second System.Text.Json into the process (the runtime''s copy serves the module)' {
        # On PowerShell 7 the runtime's System.Text.Json always wins; the copy shipped for Windows
        # PowerShell 5.1 must stay unused, so a module that loaded the runtime's copy first is never
        # in conflict with this one.
        $result.JsonCount | Should -Be 1
        $result.JsonLocations[0] | Should -Not -BeLike (Join-Path $installRoot '*')
        $location = $result.JsonLocations[0]
        $runtimeDir = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
        ($location.StartsWith($runtimeDir) -or $location.StartsWith($PSHOME)) |
            Should -BeTrue -Because "$location should be the runtime's (or PowerShell's) own copy"
    }
}
