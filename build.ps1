#Requires -Version 7.2
<#
.SYNOPSIS
Builds, tests, packages, demonstrates and benchmarks RingCentral.CallLog.

.DESCRIPTION
  Build    (default) dotnet publish the module into out/RingCentral.CallLog/ (manifest, format file,
           help, dependency closure) with the version read from RingCentral.CallLog.psd1, and the
           simulator into out/simulator/.
  Test     Build, then the xunit suites, then Pester against the built module in a fresh pwsh.
           Ends with one line: tests: N passed, N failed, N skipped.
  Package  Build, then a .nupkg of the module folder in out/package/.
  Demo     Build, start the simulator, export the last 7 days of calls and their recordings.
  Bench    Build, then the benchmarks (out/bench/results.md).

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Bench')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    # Pester only: run just these test files (names or paths under tests/pester).
    [string[]] $PesterPath,
    # Skip the xunit suites (Test task).
    [switch] $SkipUnit,
    # Bench only: run with tiny sizes (a smoke run that keeps the harness working).
    [switch] $Quick
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:NO_COLOR = '1'
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'RingCentral.CallLog'
$SimulatorOut = Join-Path $Out 'simulator'

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([string] $FilePath, [string[]] $Arguments)
    & $FilePath @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    $manifest = Import-PowerShellDataFile (Join-Path $Root 'RingCentral.CallLog.psd1')
    $version = $manifest.ModuleVersion
    Write-Host "Building RingCentral.CallLog $version ($Configuration)"
    $publish = Join-Path $Out 'publish/module'
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/RingCentral.CallLog'), '-c', $Configuration, '-o', $publish, "-p:Version=$version", '--nologo', '-v', 'q')

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    New-Item -ItemType Directory -Path $ModuleOut | Out-Null
    # The dependency closure comes from the publish output, never from a hand-kept list.
    # PowerShell itself provides System.Management.Automation: it must never ship with the module.
    Get-ChildItem $publish -Filter '*.dll' |
        Where-Object Name -NE 'System.Management.Automation.dll' |
        Copy-Item -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'RingCentral.CallLog.psd1') $ModuleOut
    Copy-Item (Join-Path $Root 'module/*') $ModuleOut -Recurse
    $helpBuilder = Join-Path $Root 'tools/Build-Help.ps1'
    if ((Test-Path $helpBuilder) -and (Test-Path (Join-Path $Root 'docs/en-US'))) { & $helpBuilder -DocsPath (Join-Path $Root 'docs/en-US') -ModulePath $ModuleOut }

    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/RingCentral.Simulator'), '-c', $Configuration, '-o', $SimulatorOut, '--nologo', '-v', 'q')
    Write-Host "Module: $ModuleOut"
}

function Invoke-UnitTests {
    # Returns @{ Passed; Failed; Skipped } summed over the xunit projects.
    $totals = @{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($project in 'tests/RingCentral.Simulator.Tests', 'tests/RingCentral.CallLog.Tests') {
        $log = & dotnet test (Join-Path $Root $project) -c $Configuration --nologo 2>&1 | Tee-Object -Variable lines | ForEach-Object { "$_" }
        $log | Where-Object { $_ -match 'error|Failed |Passed!|Failed!|Skipped |\[FAIL\]' } | Select-Object -Last 60 | ForEach-Object { Write-Host $_ }
        $summary = $log | Select-String -Pattern '(?:Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)' | Select-Object -Last 1
        if ($summary) {
            $totals.Failed += [int]$summary.Matches[0].Groups[1].Value
            $totals.Passed += [int]$summary.Matches[0].Groups[2].Value
            $totals.Skipped += [int]$summary.Matches[0].Groups[3].Value
        }
        elseif ($LASTEXITCODE -ne 0) {
            Write-Host "$project did not build or run (exit $LASTEXITCODE)"
            $totals.Failed += 1
        }
    }
    $totals
}

function Get-PesterModulePath {
    $project = Join-Path $Root 'tools/pester/PesterRestore.csproj'
    Invoke-Native dotnet @('restore', $project, '--nologo', '-v', 'q')
    [xml] $proj = Get-Content $project -Raw
    $version = ($proj.Project.ItemGroup.PackageDownload | Where-Object Include -EQ 'Pester').Version.Trim('[', ']')
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $path = Join-Path $packages.Trim() "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $path)) { throw "Pester $version was not restored to $path" }
    $path
}

function Invoke-PesterTests {
    $pester = Get-PesterModulePath
    $resultFile = Join-Path $Out 'pester-result.json'
    if (Test-Path $resultFile) { Remove-Item $resultFile }
    $paths = if ($PesterPath) { ($PesterPath -split ',' | Where-Object { $_ }) | ForEach-Object { if (Test-Path $_) { (Resolve-Path $_).Path } else { Join-Path $Root "tests/pester/$_" } } } else { Join-Path $Root 'tests/pester' }
    $runner = Join-Path $Root 'tools/Invoke-PesterSuite.ps1'
    # A fresh pwsh: the module under test is imported from out/ there, never into this build session.
    & dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterModule $pester -ResultFile $resultFile -Path ($paths -join ';') | Out-Host
    if (-not (Test-Path $resultFile)) {
        Write-Host "Pester did not report results (exit $LASTEXITCODE)"
        return @{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    $r = Get-Content $resultFile -Raw | ConvertFrom-Json
    @{ Passed = [int]$r.Passed; Failed = [int]$r.Failed; Skipped = [int]$r.Skipped }
}

function Invoke-Test {
    Invoke-Build
    $unit = if ($SkipUnit) { @{ Passed = 0; Failed = 0; Skipped = 0 } } else { Invoke-UnitTests }
    $pester = Invoke-PesterTests
    $passed = $unit.Passed + $pester.Passed
    $failed = $unit.Failed + $pester.Failed
    $skipped = $unit.Skipped + $pester.Skipped
    Write-Host ''
    Write-Host ("xunit:  {0} passed, {1} failed, {2} skipped" -f $unit.Passed, $unit.Failed, $unit.Skipped)
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped)
    Write-Host ("tests: {0} passed, {1} failed, {2} skipped" -f $passed, $failed, $skipped)
    if ($failed -gt 0) { exit 1 }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' {
        Invoke-Build
        & (Join-Path $Root 'tools/New-ModulePackage.ps1') -ModulePath $ModuleOut -OutputPath (Join-Path $Out 'package')
    }
    'Demo' {
        Invoke-Build
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Invoke-Demo.ps1') -OutputPath (Join-Path $Out 'demo')
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
    'Bench' {
        Invoke-Build
        $bench = Join-Path $Root 'bench/Invoke-Benchmarks.ps1'
        if (-not (Test-Path $bench)) { Write-Host 'Benchmarks are not written yet (see the performance issue).'; return }
        & dotnet pwsh -NoProfile -NonInteractive -File $bench -OutputPath (Join-Path $Out 'bench') -Quick:$Quick
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
}
