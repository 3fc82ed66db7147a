# Shared helpers for the Pester suites: the built module's path, connecting to a simulator; the
# simulator process itself is tools/SimulatorProcess.psm1 (imported here for every suite).
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../../tools/SimulatorProcess.psm1') -Force -Global

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = Join-Path $script:RepoRoot 'out/RingCentral.CallLog/RingCentral.CallLog.psd1'

function Get-TestRepoRoot { $script:RepoRoot }
function Get-TestModulePath { $script:ModulePath }

function ConvertTo-SecureTestString([string] $Text) { ConvertTo-SecureString -String $Text -AsPlainText -Force }

function Connect-TestSimulator {
    <# Connects the current runspace to a simulator as its admin (or -AsUser the non-admin). #>
    param($Simulator, [switch] $AsUser, [switch] $PassThru, [hashtable] $Extra = @{})
    $jwt = if ($AsUser) { $Simulator.userJwt } else { $Simulator.adminJwt }
    Connect-RcAccount -Server $Simulator.url -ClientId $Simulator.clientId `
        -ClientSecret (ConvertTo-SecureTestString $Simulator.clientSecret) `
        -Jwt (ConvertTo-SecureTestString $jwt) -PassThru:$PassThru @Extra
}

function Start-SignedInPwsh {
    <#
    Starts a second pwsh, signed in to $Simulator as its admin, that runs $Script. It is the real pwsh,
    started directly (not a launcher that starts a child, which a kill -9 would miss). RC_TEST_SIM and
    RC_TEST_MODULE are set for it, with $Environment; $ConnectArguments go on its Connect-RcAccount line.
    Returns Process, and Output and Errors (tasks that read its stdout and stderr to the end), so a test
    can tell why it ended early: Get-SignedInPwshReport.
    #>
    param($Simulator, [string] $Script, [hashtable] $Environment = @{}, [string] $ConnectArguments = '')
    $prelude = @'
$ProgressPreference = 'SilentlyContinue'
$sim = $env:RC_TEST_SIM | ConvertFrom-Json
Import-Module $env:RC_TEST_MODULE
Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret (ConvertTo-SecureString $sim.clientSecret -AsPlainText -Force) `
    -Jwt (ConvertTo-SecureString $sim.adminJwt -AsPlainText -Force)
'@
    $full = $prelude.TrimEnd() + ' ' + $ConnectArguments + "`n" + $Script
    $hostPath = [Environment]::ProcessPath
    $psi = [System.Diagnostics.ProcessStartInfo]::new($hostPath)
    if ([IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($a in '-NoProfile', '-NonInteractive', '-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($full))) {
        $psi.ArgumentList.Add($a)
    }
    $psi.Environment['RC_TEST_SIM'] = $Simulator | Select-Object url, clientId, clientSecret, adminJwt | ConvertTo-Json -Compress
    $psi.Environment['RC_TEST_MODULE'] = Get-TestModulePath
    $psi.Environment['NO_COLOR'] = '1'
    foreach ($key in $Environment.Keys) { $psi.Environment[$key] = [string] $Environment[$key] }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
}

function Get-SignedInPwshReport($Child) {
    <# What a pwsh of Start-SignedInPwsh said, for a failure message: its exit code, stderr and stdout. #>
    if (-not $Child.Process.WaitForExit(10000)) { return 'the child pwsh is still running' }
    "the child pwsh ended with exit code $($Child.Process.ExitCode); stderr: $($Child.Errors.Result.Trim()); stdout: $($Child.Output.Result.Trim())"
}

function ConvertTo-UtcDate([string] $Text) {
    [DateTimeOffset]::Parse($Text, [Globalization.CultureInfo]::InvariantCulture).UtcDateTime
}

Export-ModuleMember -Function *
