# Starts, stops and inspects the built simulator: for the demo, the benchmarks and the Pester suites
# alike (so no harness imports another's helpers).
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$script:SimulatorDll = Join-Path $script:RepoRoot 'out/simulator/RingCentral.Simulator.dll'

function Get-TestSimulatorDll { $script:SimulatorDll }

function Start-TestSimulator {
    <#
    .SYNOPSIS
    Starts the built simulator on a free loopback port with --test-hooks and returns its
    first-line JSON (url, mediaUrl, clientId, ...) plus the Process and a Hooks base url.
    --exit-on-stdin-close ties its life to ours: Stop-TestSimulator closes its stdin, and it also
    stops if this process dies.
    #>
    param([string[]] $Arguments = @())
    if (-not (Test-Path $script:SimulatorDll)) { throw "Simulator not built: $script:SimulatorDll (run ./build.ps1)" }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($script:SimulatorDll, '--urls', 'http://127.0.0.1:0', '--test-hooks', '--exit-on-stdin-close') + $Arguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardError = $false
    $psi.UseShellExecute = $false
    $proc = [System.Diagnostics.Process]::Start($psi)
    $task = $proc.StandardOutput.ReadLineAsync()
    if (-not $task.Wait(30000)) { $proc.Kill($true); throw 'Simulator did not print its first line within 30 s' }
    $line = $task.Result
    if (-not $line) { throw 'Simulator exited before printing its first line' }
    $info = $line | ConvertFrom-Json
    $info | Add-Member -NotePropertyName Process -NotePropertyValue $proc
    $info
}

function Stop-TestSimulator {
    param($Simulator)
    if ($null -eq $Simulator) { return }
    $p = $Simulator.Process
    if ($p -and -not $p.HasExited) {
        try { $p.StandardInput.Close() } catch { }
        if (-not $p.WaitForExit(5000)) { $p.Kill($true) }
    }
}

function Invoke-SimHook {
    <# Calls a /_sim/* test hook of a simulator started with Start-TestSimulator. #>
    param($Simulator, [string] $Path, [string] $Method = 'GET', $Body)
    $params = @{ Uri = "$($Simulator.url)/_sim/$Path"; Method = $Method }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 5 -Compress); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

function Get-SimGroundTruth {
    <# Every record the simulator holds (Detailed form + _sim facts), dates kept as strings. #>
    param($Simulator)
    $response = Invoke-WebRequest -Uri "$($Simulator.url)/_sim/records" -UseBasicParsing
    ($response.Content | ConvertFrom-Json -DateKind String).records
}

function Get-SimStats {
    param($Simulator)
    $response = Invoke-WebRequest -Uri "$($Simulator.url)/_sim/stats" -UseBasicParsing
    $response.Content | ConvertFrom-Json -DateKind String
}

function Reset-SimStats {
    param($Simulator)
    Invoke-SimHook $Simulator 'stats/reset' -Method POST | Out-Null
}

function Get-SimCallLogRequests {
    <# The call-log requests (list and by id) the simulator received since the last reset. #>
    param($Simulator)
    @((Get-SimStats $Simulator).requests | Where-Object { $_.path -match '/call-log' })
}

Export-ModuleMember -Function *
