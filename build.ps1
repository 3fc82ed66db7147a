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

function Get-ReleaseNotes {
    # The CHANGELOG.md section of one version: the lines under "## <version>" up to the next "## ".
    param([string] $Version)
    $lines = Get-Content (Join-Path $Root 'CHANGELOG.md')
    $start = [array]::IndexOf($lines, "## $Version")
    if ($start -lt 0) { throw "CHANGELOG.md has no '## $Version' section: write the release notes of $Version there." }
    $section = foreach ($line in $lines[($start + 1)..($lines.Count - 1)]) { if ($line -match '^## ') { break }; $line }
    ($section -join "`n").Trim()
}

function Set-ReleaseNotes {
    # Writes the version's CHANGELOG.md section into the built manifest's ReleaseNotes.
    param([string] $ManifestPath, [string] $Version)
    $notes = (Get-ReleaseNotes $Version).Replace("'", "''")
    $text = Get-Content $ManifestPath -Raw
    $marker = "ReleaseNotes = ''"
    if (-not $text.Contains($marker)) { throw "$ManifestPath has no `"$marker`" to fill from CHANGELOG.md." }
    Set-Content $ManifestPath $text.Replace($marker, "ReleaseNotes = '$notes'") -NoNewline
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
    Set-ReleaseNotes (Join-Path $ModuleOut 'RingCentral.CallLog.psd1') $version
    Copy-Item (Join-Path $Root 'LICENSE') $ModuleOut
    Copy-Item (Join-Path $Root 'module/*') $ModuleOut -Recurse
    & (Join-Path $Root 'tools/Build-Help.ps1') -DocsPath (Join-Path $Root 'docs/en-US') -ModulePath $ModuleOut

    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/RingCentral.Simulator'), '-c', $Configuration, '-o', $SimulatorOut, '--nologo', '-v', 'q')
    Write-Host "Module: $ModuleOut"
}

function Read-TrxCounts {
    # The counts of one xunit run, from the TRX file its logger wrote (not from console text).
    param([string] $TrxFile)
    [xml] $trx = Get-Content $TrxFile -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    @{ Passed = [int]$counters.passed; Failed = $failed; Skipped = [int]$counters.notExecuted }
}

function Invoke-UnitTests {
    # Returns @{ Passed; Failed; Skipped } summed over the xunit projects, read from their TRX files.
    $totals = @{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($project in 'tests/RingCentral.Simulator.Tests', 'tests/RingCentral.CallLog.Tests') {
        $name = Split-Path $project -Leaf
        $results = Join-Path $Out "test-results/$name"
        if (Test-Path $results) { Remove-Item $results -Recurse -Force }
        & dotnet test (Join-Path $Root $project) -c $Configuration --nologo --results-directory $results --logger "trx;LogFileName=$name.trx" 2>&1 |
            ForEach-Object { "$_" } | Where-Object { $_ -match 'error|Failed |Passed!|Failed!|Skipped |\[FAIL\]' } | Select-Object -Last 60 | ForEach-Object { Write-Host $_ }
        $trx = Join-Path $results "$name.trx"
        if (-not (Test-Path $trx)) {
            Write-Host "$project did not build or run (exit $LASTEXITCODE): no $name.trx"
            $totals.Failed += 1
            continue
        }
        $counts = Read-TrxCounts $trx
        if ($LASTEXITCODE -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1; Write-Host "$project exited $LASTEXITCODE with no failed test in its TRX" }
        foreach ($key in 'Passed', 'Failed', 'Skipped') { $totals[$key] += $counts[$key] }
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

function Read-NUnitCounts {
    # The counts of one Pester run, from its NUnit XML result file (not from console text).
    # A block that failed outside any test counts as one failure, and so does a test file that is
    # missing from the result file altogether (Pester leaves out a file it could not parse).
    param([string] $ResultFile, [string[]] $TestFiles)
    [xml] $xml = Get-Content $ResultFile -Raw
    $cases = @($xml.SelectNodes('//test-case'))
    $passed = @($cases | Where-Object result -EQ 'Success').Count
    $failed = @($cases | Where-Object result -EQ 'Failure').Count
    $skipped = $cases.Count - $passed - $failed
    $brokenSuites = @($xml.SelectNodes('//test-suite[@result="Failure" and not(.//test-case)]')).Count
    $reported = @($xml.SelectNodes('//test-suite') | ForEach-Object name)
    $unreported = @($TestFiles | Where-Object { $_ -notin $reported })
    foreach ($file in $unreported) { Write-Host "Pester reported nothing for $file (it did not load)" }
    @{ Passed = $passed; Failed = $failed + $brokenSuites + $unreported.Count; Skipped = $skipped }
}

function Invoke-PesterTests {
    $pester = Get-PesterModulePath
    $resultFile = Join-Path $Out 'test-results/pester/pester.xml'
    if (Test-Path $resultFile) { Remove-Item $resultFile }
    $paths = if ($PesterPath) { ($PesterPath -split ',' | Where-Object { $_ }) | ForEach-Object { if (Test-Path $_) { (Resolve-Path $_).Path } else { Join-Path $Root "tests/pester/$_" } } } else { Join-Path $Root 'tests/pester' }
    $runner = Join-Path $Root 'tools/Invoke-PesterSuite.ps1'
    # A fresh pwsh: the module under test is imported from out/ there, never into this build session.
    & dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterModule $pester -ResultFile $resultFile -Path ($paths -join ';') | Out-Host
    if (-not (Test-Path $resultFile)) {
        Write-Host "Pester did not write its result file (exit $LASTEXITCODE)"
        return @{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    $testFiles = @($paths | ForEach-Object { if (Test-Path $_ -PathType Container) { (Get-ChildItem $_ -Recurse -Filter '*.Tests.ps1').FullName } else { $_ } })
    Read-NUnitCounts $resultFile $testFiles
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
        # It says "Package: <path>" itself; its FileInfo is for callers, not for this console.
        $null = & (Join-Path $Root 'tools/New-ModulePackage.ps1') -ModulePath $ModuleOut -OutputPath (Join-Path $Out 'package')
    }
    'Demo' {
        Invoke-Build
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Invoke-Demo.ps1') -OutputPath (Join-Path $Out 'demo')
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
    'Bench' {
        Invoke-Build
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'bench/Invoke-Benchmarks.ps1') -OutputPath (Join-Path $Out 'bench') -Quick:$Quick
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
}
