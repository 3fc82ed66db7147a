<#
.SYNOPSIS
The quick-start demo: starts the RingCentral simulator, signs in with the JWT flow, exports the
last 7 days of the account's calls to CSV, downloads that period's recordings with a manifest,
prints a summary, and stops the simulator.

.PARAMETER OutputPath
Where calls.csv, recordings/, manifest.csv and summary.json go (default out/demo).

.PARAMETER SimulatorInfo
The first-line JSON of a simulator that is already running (tests pass one they control);
without it the demo starts and stops its own.
#>
param(
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/demo'),
    [string] $SimulatorInfo
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $root 'out/RingCentral.CallLog/RingCentral.CallLog.psd1') -Force
Import-Module (Join-Path $root 'tools/SimulatorProcess.psm1') -Force

$clock = [Diagnostics.Stopwatch]::StartNew()
$ownSimulator = -not $SimulatorInfo
# The demo relaxes the simulator's rate limits (RingCentral's Heavy group allows 10 requests a
# minute): the module would pace itself to them, but a demo should finish in seconds.
$sim = if ($ownSimulator) {
    Start-TestSimulator -Arguments @('--seed', '42', '--extensions', '12', '--calls-per-day', '150', '--days', '14', '--recording-bytes', '48000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
}
else { $SimulatorInfo | ConvertFrom-Json }
try {
    if (Test-Path $OutputPath) { Remove-Item $OutputPath -Recurse -Force }
    New-Item -ItemType Directory -Path $OutputPath | Out-Null
    $OutputPath = (Resolve-Path $OutputPath).Path
    Invoke-SimHook $sim 'stats/reset' -Method POST | Out-Null

    Write-Host "Simulator at $($sim.url) (media at $($sim.mediaUrl))"
    Connect-RcAccount -Server $sim.url -ClientId $sim.clientId `
        -ClientSecret (ConvertTo-SecureString $sim.clientSecret -AsPlainText -Force) `
        -Jwt (ConvertTo-SecureString $sim.adminJwt -AsPlainText -Force)
    $connection = Get-RcConnection
    Write-Host "Signed in as $($connection.OwnerName) (account $($connection.AccountId))"

    $to = [DateTime]::UtcNow
    $from = $to.AddDays(-7)
    $calls = Join-Path $OutputPath 'calls.csv'
    $records = [Collections.Generic.List[object]]::new()
    Get-RcCallLog -Account -DateFrom $from -DateTo $to |
        ForEach-Object { if ($_.HasRecording) { $records.Add($_) }; $_ } |
        Export-Csv $calls -NoTypeInformation
    $rowCount = @(Import-Csv $calls).Count
    Write-Host "Exported $rowCount calls from $($from.ToString('u')) to $($to.ToString('u')) into $calls"

    $recordingsPath = Join-Path $OutputPath 'recordings'
    $manifest = Join-Path $OutputPath 'manifest.csv'
    $downloads = @($records | Save-RcRecording -Path $recordingsPath -PassThru)
    $downloads | Export-Csv $manifest -NoTypeInformation
    $bytes = ($downloads | Measure-Object Bytes -Sum).Sum
    $failed = @($downloads | Where-Object Status -EQ 'Failed').Count

    $requests = @((Get-SimStats $sim).requests | Where-Object { $_.path -notlike '/_sim/*' }).Count
    Disconnect-RcAccount
    $summary = [ordered]@{
        DateFrom       = $from.ToString('o')
        DateTo         = $to.ToString('o')
        Records        = $rowCount
        Recordings     = $downloads.Count
        RecordingBytes = [long]$bytes
        FailedDownloads = $failed
        Requests       = $requests
        Seconds        = [Math]::Round($clock.Elapsed.TotalSeconds, 1)
    }
    $summary | ConvertTo-Json | Set-Content (Join-Path $OutputPath 'summary.json')
    Write-Host ''
    Write-Host 'Summary'
    Write-Host ("  records     {0,8}   ({1})" -f $summary.Records, $calls)
    Write-Host ("  recordings  {0,8}   ({1:N1} MB in {2}, manifest {3})" -f $summary.Recordings, ($bytes / 1MB), $recordingsPath, $manifest)
    Write-Host ("  requests    {0,8}   (sign-in, who-am-I, call-log pages, recording downloads, revoke)" -f $requests)
    Write-Host ("  time        {0,8} s" -f $summary.Seconds)
    if ($failed -gt 0) { throw "$failed recordings failed to download" }
}
finally {
    if ($ownSimulator) { Stop-TestSimulator $sim }
}
