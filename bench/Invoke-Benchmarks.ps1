#Requires -Version 7.2
<#
.SYNOPSIS
Benchmarks RingCentral.CallLog against the plain Invoke-RestMethod loop an admin would write.

.DESCRIPTION
Starts the built simulator (rate limits off unless a case says otherwise), runs cases 0-7 of the
performance issue, each measured case in its own fresh pwsh process (after a warm-up in that
process, several repetitions, median reported), and prints one Markdown table that is also written
to <OutputPath>/results.md (raw figures: results.json). See bench/README.md.

Needs the module and the simulator built into out/ (./build.ps1). A missed target does not fail
the run: benchmarks are not tests. A case that breaks shows "error" in its row, and the run ends
with exit code 1.

.PARAMETER OutputPath
Where results.md and results.json go (created when missing).

.PARAMETER Quick
Tiny sizes and one repetition: a smoke run of a few seconds that keeps the harness working. Its
figures mean nothing.

.PARAMETER Case
Runs only these cases (0-8; 1-3 and 5 share one simulator and run together with any of them).
Default: all.
#>
[CmdletBinding()]
param(
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/bench'),
    [switch] $Quick,
    [string[]] $Case
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$ModulePath = if ($env:RC_BENCH_MODULE) { $env:RC_BENCH_MODULE } else { Join-Path $Root 'out/RingCentral.CallLog/RingCentral.CallLog.psd1' }
$CaseScript = Join-Path $PSScriptRoot 'cases/Invoke-BenchCase.ps1'
$BaselineDir = Join-Path $PSScriptRoot 'baseline'
Import-Module (Join-Path $Root 'tools/SimulatorProcess.psm1') -Force
if (-not (Test-Path $ModulePath)) { throw "Module not built: $ModulePath (run ./build.ps1)" }
New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
$WorkDir = Join-Path ([IO.Path]::GetTempPath()) ('rcbench-' + [Guid]::NewGuid().ToString('n'))
New-Item -ItemType Directory -Path $WorkDir | Out-Null

# ---- sizes -------------------------------------------------------------------------------------
$S = if ($Quick) {
    @{
        CallsPerDay = 2000; Days = 3; Reps = 1; StartReps = 1; MemReps = 1
        Simple = 2000; Detailed = 1000; Csv = 2000; MemLarge = 4000; MemSmall = 1000; WarmUp = 500; SimPages = 2
        Recordings = 8; RecordingBytes = 65536; LatencyMs = 10
        RatePages = 6; RatePageSize = 100; RateCallsPerDay = 200; RateDays = 3; RateHeavy = '3/1'
        Voicemails = 6; VoicemailSeconds = 5; VoicemailMedium = '4/1'
    }
}
else {
    @{
        CallsPerDay = 40000; Days = 30; Reps = 3; StartReps = 5; MemReps = 2
        Simple = 200000; Detailed = 50000; Csv = 200000; MemLarge = 1000000; MemSmall = 100000; WarmUp = 20000; SimPages = 50
        Recordings = 100; RecordingBytes = 1048576; LatencyMs = 50
        RatePages = 30; RatePageSize = 1000; RateCallsPerDay = 1200; RateDays = 30; RateHeavy = '10/3'
        # Medium is 40 a minute; the window is compressed to 6 s (the limit stays 40) so a run takes seconds, not minutes.
        Voicemails = 50; VoicemailSeconds = 30; VoicemailMedium = '40/6'
    }
}

# ---- helpers -----------------------------------------------------------------------------------
function Test-Case([string[]] $Numbers) { -not $Case -or @($Numbers | Where-Object { $_ -in $Case }).Count -gt 0 }

function Get-PwshCommand {
    # This same PowerShell, started fresh: "dotnet <PSHOME>/pwsh.dll" when run through dotnet.
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { , @($exe, (Join-Path $PSHOME 'pwsh.dll')) } else { , @($exe) }
}
$Pwsh = Get-PwshCommand

function Invoke-Child {
    <#
    Runs one case kind in a fresh pwsh; returns its JSON result plus the parent's view of the
    process: wall time from start to exit, and the peak working set polled while it ran.
    #>
    param([hashtable] $Spec, [int] $TimeoutSeconds = 900)
    $id = [Guid]::NewGuid().ToString('n')
    $specPath = Join-Path $WorkDir "$id.spec.json"
    $resultPath = Join-Path $WorkDir "$id.result.json"
    $Spec | ConvertTo-Json -Depth 6 | Set-Content -Path $specPath
    $psi = [Diagnostics.ProcessStartInfo]::new($Pwsh[0])
    foreach ($a in @($Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $CaseScript, '-SpecPath', $specPath, '-ResultPath', $resultPath)) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $proc = [Diagnostics.Process]::Start($psi)
    $stdout = $proc.StandardOutput.ReadToEndAsync()
    $stderr = $proc.StandardError.ReadToEndAsync()
    $peak = 0L
    while (-not $proc.WaitForExit(100)) {
        try { $proc.Refresh(); $peak = [Math]::Max($peak, $proc.PeakWorkingSet64) } catch { }
        if ($sw.Elapsed.TotalSeconds -gt $TimeoutSeconds) { $proc.Kill($true); break }
    }
    $proc.WaitForExit()
    $sw.Stop()
    $r = if (Test-Path $resultPath) { Get-Content -Raw $resultPath | ConvertFrom-Json } else { [pscustomobject]@{ Error = "no result (exit $($proc.ExitCode)): $($stderr.Result)$($stdout.Result)".Trim() } }
    foreach ($p in 'Error', 'PeakWorkingSet', 'Times', 'Counts') { if (-not $r.PSObject.Properties[$p]) { $r | Add-Member $p $null } }
    $r | Add-Member ProcessSeconds $sw.Elapsed.TotalSeconds
    $r | Add-Member PolledPeak $peak
    $r.PeakWorkingSet = [Math]::Max([long]$r.PeakWorkingSet, $peak)
    Remove-Item $specPath, $resultPath -ErrorAction SilentlyContinue
    if ($r.Error) { Write-Host "  ! $($Spec.Kind): $($r.Error)" }
    $r
}

function Get-Median([double[]] $Values) {
    $v = @($Values | Where-Object { $null -ne $_ } | Sort-Object)
    if ($v.Count -eq 0) { return [double]::NaN }
    if ($v.Count % 2) { $v[[int][Math]::Floor($v.Count / 2)] } else { ($v[$v.Count / 2 - 1] + $v[$v.Count / 2]) / 2 }
}

function Get-Rates($Result) {
    # records/s of each repetition
    $t = @($Result.Times); $n = @($Result.Counts)
    for ($i = 0; $i -lt $t.Count; $i++) { $n[$i] / $t[$i] }
}

function Format-N([double] $Value, [string] $Format = 'N0') { if ([double]::IsNaN($Value)) { 'n/a' } else { $Value.ToString($Format, [Globalization.CultureInfo]::InvariantCulture) } }
function Format-Mb([double] $Bytes) { (Format-N ($Bytes / 1MB) 'N0') + ' MB' }
function Format-S([double] $Seconds) { (Format-N $Seconds 'N2') + ' s' }
function Format-Ratio([double] $Value) { (Format-N $Value 'N2') + '×' }
function Format-Met($Ok) { if ($null -eq $Ok) { 'n/a' } elseif ($Ok) { 'yes' } else { '**no**' } }

function Get-Range([DateTime] $To, [double] $Records, [int] $CallsPerDay) {
    # [To - Records/CallsPerDay days, To]: about Records records (calls are spread evenly over days).
    @{ From = $To.AddDays(-$Records / $CallsPerDay).ToString('yyyy-MM-ddTHH:mm:ssZ'); To = $To.ToString('yyyy-MM-ddTHH:mm:ssZ') }
}

function Start-BenchSimulator([string[]] $Arguments) {
    # 24x7: calls spread evenly (Get-Range's windows count on it), the same data as earlier runs measured.
    $sim = Start-TestSimulator -Arguments (@('--seed', '1', '--extensions', '20', '--profile', '24x7', '--light', '0/0', '--auth', '0/0') + $Arguments)
    # Records that end within the last half minute are not visible yet: stay an hour clear of the start.
    $to = [DateTime]::UtcNow.AddHours(-1)
    $sim | Add-Member RangeEnd ([DateTime]::new($to.Year, $to.Month, $to.Day, $to.Hour, $to.Minute, $to.Second, [DateTimeKind]::Utc))
    $sim
}

function Set-ModuleWarmUp([hashtable] $Spec) {
    # The module's warm-up is one whole run of the measured range: it takes seconds, and the JIT's
    # tiering needs that many calls before the module's code settles (with 20 pages the first timed
    # run was still ~40 % slower than the third). The baseline's 20 pages already give its steady state.
    if (-not $Quick) { $Spec.WarmUp = $Spec.Range }
    $Spec
}

function Get-SimInfo($Sim) {
    @{ url = $Sim.url; mediaUrl = $Sim.mediaUrl; clientId = $Sim.clientId; clientSecret = $Sim.clientSecret; adminJwt = $Sim.adminJwt }
}

$rows = [Collections.Generic.List[object]]::new()
$raw = [ordered]@{ Quick = [bool]$Quick; Sizes = $S; Started = [DateTime]::UtcNow.ToString('o'); Cases = [ordered]@{} }
function Add-Row([string] $Case, [string] $Name, [string] $Module, [string] $Baseline, [string] $Ratio, [string] $Target, $Met, [string] $Note = '') {
    $rows.Add([pscustomobject]@{ Case = $Case; Name = $Name; Module = $Module; Baseline = $Baseline; Ratio = $Ratio; Target = $Target; Met = (Format-Met $Met); Note = $Note })
}
function Add-ErrorRow([string] $Case, [string] $Name, [string] $Target, $Results) {
    $msg = (@($Results | Where-Object { $_.Error } | ForEach-Object { $_.Error }) -join ' / ') -replace '\s+', ' '
    if ($msg.Length -gt 200) { $msg = $msg.Substring(0, 200) + '…' }
    Add-Row $Case $Name 'error' 'error' '' $Target $false ("error: " + ($msg -replace '\|', '/'))
}
function Test-Ok($Results) { -not @($Results | Where-Object { $_.Error }) }

function Get-LoadAverage { if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg -Raw).Split(' ')[0] } else { 'n/a' } }
$LoadAtStart = Get-LoadAverage
$totalWatch = [Diagnostics.Stopwatch]::StartNew()
$main = $null; $dl = $null; $rl = $null; $vm = $null
if (Test-Case '0', '1', '2', '3', '4', '5') {
try {
    Write-Host ("Benchmarks{0}: simulator with {1:N0} records" -f $(if ($Quick) { ' (quick)' } else { '' }), ($S.CallsPerDay * $S.Days))
    $main = Start-BenchSimulator @('--calls-per-day', "$($S.CallsPerDay)", '--days', "$($S.Days)", '--heavy', '0/0')
    $info = Get-SimInfo $main
    $end = $main.RangeEnd
    $warm = Get-Range $end $S.WarmUp $S.CallsPerDay
    $base = @{ Simulator = $info; ModulePath = $ModulePath; WarmUp = $warm; Reps = $S.Reps }

    # ---- 0. simulator page time ----------------------------------------------------------------
    Write-Host '0. simulator: time to serve a 1000-record page'
    $simRange = Get-Range $end $S.Simple $S.CallsPerDay
    $sp = Invoke-Child ($base + @{ Kind = 'SimPage'; Range = $simRange; Pages = $S.SimPages })
    $raw.Cases['0'] = $sp
    if (Test-Ok @($sp)) {
        $sMs = (Get-Median $sp.Times) / $sp.Counts[0] * 1000
        $dMs = (Get-Median $sp.DetailedTimes) / $sp.Counts[0] * 1000
        Add-Row '0' 'Simulator: serve one 1000-record page' ("Simple {0} ms, Detailed {1} ms" -f (Format-N $sMs 'N1'), (Format-N $dMs 'N1')) '' '' 'reference' $null `
        ("GET and read the body, nothing parsed, median of {0} runs of {1} pages: the server alone could deliver {2} (Simple) / {3} (Detailed) records/s" -f $S.Reps, $S.SimPages, (Format-N (1e6 / $sMs)), (Format-N (1e6 / $dMs)))
    }
    else { Add-ErrorRow '0' 'Simulator: serve one 1000-record page' 'reference' @($sp) }

    # ---- 1, 2. throughput -----------------------------------------------------------------------
    foreach ($c in @(@{ Case = '1'; View = 'Simple'; N = $S.Simple }, @{ Case = '2'; View = 'Detailed'; N = $S.Detailed })) {
        $name = "Throughput, $($c.View) view (``Get-RcCallLog | Measure-Object``), records/s"
        Write-Host "$($c.Case). throughput, $($c.View) view, about $($c.N) records"
        $range = Get-Range $end $c.N $S.CallsPerDay
        $warmView = $base + @{ View = $c.View; Range = $range }
        $m = Invoke-Child (Set-ModuleWarmUp ($warmView + @{ Kind = 'ListModule' }))
        $b = Invoke-Child ($warmView + @{ Kind = 'ListBaseline' })
        $raw.Cases[$c.Case] = @{ Module = $m; Baseline = $b }
        if (Test-Ok @($m, $b)) {
            $mr = Get-Median (Get-Rates $m); $br = Get-Median (Get-Rates $b)
            $ratio = $mr / $br
            Add-Row $c.Case $name ("{0} ({1} records in {2})" -f (Format-N $mr), (Format-N $m.Counts[0]), (Format-S (Get-Median $m.Times))) `
                ("{0} ({1})" -f (Format-N $br), (Format-S (Get-Median $b.Times))) (Format-Ratio $ratio) '≥ 5×' ($ratio -ge 5)
        }
        else { Add-ErrorRow $c.Case $name '≥ 5×' @($m, $b) }
    }

    # ---- 3. export to CSV -----------------------------------------------------------------------
    Write-Host "3. export to CSV, about $($S.Csv) records"
    $name = 'Export to CSV (`… | Export-Csv`), records/s'
    $range = Get-Range $end $S.Csv $S.CallsPerDay
    $m = Invoke-Child (Set-ModuleWarmUp ($base + @{ Kind = 'CsvModule'; Range = $range }))
    $b = Invoke-Child ($base + @{ Kind = 'CsvBaseline'; Range = $range })
    $raw.Cases['3'] = @{ Module = $m; Baseline = $b }
    if (Test-Ok @($m, $b)) {
        $mr = Get-Median (Get-Rates $m); $br = Get-Median (Get-Rates $b)
        $ratio = $mr / $br
        Add-Row '3' $name ("{0} ({1} rows in {2})" -f (Format-N $mr), (Format-N $m.Counts[0]), (Format-S (Get-Median $m.Times))) `
            ("{0} ({1})" -f (Format-N $br), (Format-S (Get-Median $b.Times))) (Format-Ratio $ratio) '≥ 2×' ($ratio -ge 2) `
            ("CSV {0} vs {1} (baseline: Select-Object calculated properties, same columns)" -f (Format-Mb $m.FileBytes), (Format-Mb $b.FileBytes))
    }
    else { Add-ErrorRow '3' $name '≥ 2×' @($m, $b) }

    # ---- 5. start-up --------------------------------------------------------------------------------
    Write-Host '5. start-up'
    $startRange = Get-Range $end $S.WarmUp $S.CallsPerDay
    $kinds = [ordered]@{ Nothing = @(); Import = @(); ImportConnectFirst = @() }
    if (-not $Quick) { foreach ($k in @($kinds.Keys)) { $null = Invoke-Child ($base + @{ Kind = $k; Range = $startRange }) } } # warm-up: disk cache, nothing kept
    for ($i = 0; $i -lt $S.StartReps; $i++) {
        foreach ($k in @($kinds.Keys)) { $kinds[$k] += Invoke-Child ($base + @{ Kind = $k; Range = $startRange }) }
    }
    $raw.Cases['5'] = $kinds
    $all = $kinds.Nothing + $kinds.Import + $kinds.ImportConnectFirst
    if (Test-Ok $all) {
        $import = Get-Median ($kinds.Import | ForEach-Object { $_.Times[0] })
        $pNothing = Get-Median ($kinds.Nothing | ForEach-Object ProcessSeconds)
        $pImport = Get-Median ($kinds.Import | ForEach-Object ProcessSeconds)
        $pFirst = Get-Median ($kinds.ImportConnectFirst | ForEach-Object ProcessSeconds)
        $inFirst = Get-Median ($kinds.ImportConnectFirst | ForEach-Object { $_.Times[0] })
        Add-Row '5' 'Start-up: `Import-Module` in a fresh pwsh' (Format-S $import) '' '' '< 0.3 s' ($import -lt 0.3) `
            ("whole process: pwsh -Command Import-Module {0}" -f (Format-S $pImport))
        Add-Row '5' 'Start-up: import + connect + `Get-RcCallLog -First 1`, whole process, vs a pwsh that does nothing' (Format-S $pFirst) (Format-S $pNothing) `
            ("{0}{1}" -f $(if ($pFirst -ge $pNothing) { '+' } else { '−' }), (Format-S ([Math]::Abs($pFirst - $pNothing)))) 'reference' $null ("connect + first record inside the process: {0}" -f (Format-S $inFirst))
    }
    else { Add-ErrorRow '5' 'Start-up' '< 0.3 s' $all }
    # ---- 4. memory --------------------------------------------------------------------------------
    Write-Host "4. memory: export $($S.MemLarge) and $($S.MemSmall) records to CSV"
    $name = 'Memory: peak working set exporting to CSV, large vs small export'
    $large = @(1..$S.MemReps | ForEach-Object { Invoke-Child ($base + @{ Kind = 'MemoryCsv'; Range = (Get-Range $end $S.MemLarge $S.CallsPerDay) }) })
    $small = @(1..$S.MemReps | ForEach-Object { Invoke-Child ($base + @{ Kind = 'MemoryCsv'; Range = (Get-Range $end $S.MemSmall $S.CallsPerDay) }) })
    $raw.Cases['4'] = @{ Large = $large; Small = $small }
    $idlePeak = Get-Median ($kinds.Nothing | ForEach-Object PeakWorkingSet)
    if (Test-Ok ($large + $small)) {
        $lp = Get-Median ($large | ForEach-Object PeakWorkingSet); $smp = Get-Median ($small | ForEach-Object PeakWorkingSet)
        $ratio = $lp / $smp
        Add-Row '4' $name ("{0} ({1} rows)" -f (Format-Mb $lp), (Format-N $large[0].Counts[0])) ("{0} ({1} rows)" -f (Format-Mb $smp), (Format-N $small[0].Counts[0])) `
            (Format-Ratio $ratio) '≤ 1.2× and < 250 MB' ($ratio -le 1.2 -and $lp -lt 250MB) `
            ("median of {0} processes each; a pwsh that does nothing peaks at {1}" -f $S.MemReps, (Format-Mb $idlePeak))
    }
    else { Add-ErrorRow '4' $name '≤ 1.2× and < 250 MB' ($large + $small) }

}
finally {
    Stop-TestSimulator $main
}
}

# ---- 6. downloads ---------------------------------------------------------------------------------
if (Test-Case '6') {
try {
    Write-Host "6. downloads: $($S.Recordings) recordings of $($S.RecordingBytes) bytes, $($S.LatencyMs) ms latency"
    $name = ('Downloads: {0} recordings of {1} with {2} ms latency, `Save-RcRecording -ThrottleLimit 8` vs `1`' -f $S.Recordings, $(if ($S.RecordingBytes -ge 1MB) { "$($S.RecordingBytes / 1MB) MB" } else { "$($S.RecordingBytes / 1KB) KB" }), $S.LatencyMs)
    $dl = Start-BenchSimulator @('--calls-per-day', '300', '--days', '3', '--heavy', '0/0', '--recording-bytes', "$($S.RecordingBytes)", '--latency', "$($S.LatencyMs)")
    $range = Get-Range $dl.RangeEnd 900 300
    # Expected content: fetched directly with a bare token, hashed here.
    $token = & (Join-Path $BaselineDir 'Get-BaselineToken.ps1') -Server $dl.url -ClientId $dl.clientId -ClientSecret $dl.clientSecret -Jwt $dl.adminJwt
    $list = Invoke-RestMethod "$($dl.url)/restapi/v1.0/account/~/call-log?dateFrom=$($range.From)&dateTo=$($range.To)&recordingType=All&perPage=$($S.Recordings)" -Headers @{ Authorization = "Bearer $token" }
    $http = [Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Authorization = [Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
    $fetches = @($list.records | ForEach-Object { @{ Id = [string]$_.recording.id; Task = $http.GetByteArrayAsync($_.recording.contentUri) } })
    $expected = @{}
    foreach ($f in $fetches) {
        $bytes = $f.Task.GetAwaiter().GetResult()
        $expected[$f.Id] = @{ Bytes = $bytes.Length; Sha256 = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($bytes)) }
    }
    $http.Dispose()
    $spec = @{ Simulator = (Get-SimInfo $dl); ModulePath = $ModulePath; Kind = 'Download'; Range = $range; Recordings = $S.Recordings; Reps = $S.Reps; Expected = $expected }
    $one = Invoke-Child ($spec + @{ ThrottleLimit = 1 })
    $eight = Invoke-Child ($spec + @{ ThrottleLimit = 8 })
    $raw.Cases['6'] = @{ ThrottleLimit1 = $one; ThrottleLimit8 = $eight }
    if (Test-Ok @($one, $eight)) {
        $t1 = Get-Median $one.Times; $t8 = Get-Median $eight.Times
        $ratio = $t1 / $t8
        $files = $one.Verified + $eight.Verified; $bad = $one.Bad + $eight.Bad
        $allVerified = $bad -eq 0 -and $files -eq 2 * $S.Reps * $S.Recordings
        Add-Row '6' $name (Format-S $t8) (Format-S $t1) (Format-Ratio $ratio) '≥ 4× faster; every byte verified' ($ratio -ge 4 -and $allVerified) `
            ("{0} of {1} files verified (size + SHA-256 against the content fetched directly), {2} bytes; {3} bad" -f $files, (2 * $S.Reps * $S.Recordings), (Format-N ($one.VerifiedBytes + $eight.VerifiedBytes)), $bad)
    }
    else { Add-ErrorRow '6' $name '≥ 4× faster; every byte verified' @($one, $eight) }
}
catch { Add-Row '6' 'Downloads' 'error' 'error' '' '≥ 4× faster; every byte verified' $false ("error: $($_.Exception.Message)" -replace '\|', '/') }
finally { Stop-TestSimulator $dl }
}

# ---- 7. rate-limited export -----------------------------------------------------------------------
if (Test-Case '7') {
try {
    $limit, $window = $S.RateHeavy -split '/' | ForEach-Object { [int]$_ }
    Write-Host "7. rate-limited export under heavy $($S.RateHeavy)"
    $rl = Start-BenchSimulator @('--calls-per-day', "$($S.RateCallsPerDay)", '--days', "$($S.RateDays)", '--heavy', '0/0')
    # Exactly RatePages pages: the range starts at the record half-way through the last page.
    $wide = Get-Range $rl.RangeEnd ($S.RateCallsPerDay * $S.RateDays) $S.RateCallsPerDay
    $token = & (Join-Path $BaselineDir 'Get-BaselineToken.ps1') -Server $rl.url -ClientId $rl.clientId -ClientSecret $rl.clientSecret -Jwt $rl.adminJwt
    $probe = Invoke-WebRequest "$($rl.url)/restapi/v1.0/account/~/call-log?dateFrom=$($wide.From)&dateTo=$($wide.To)&perPage=$($S.RatePageSize)&page=$($S.RatePages)" -Headers @{ Authorization = "Bearer $token" }
    $records = @(($probe.Content | ConvertFrom-Json -DateKind String).records)
    if ($records.Count -le $S.RatePageSize / 2) { throw "The rate-limit simulator holds fewer than $($S.RatePages) pages of $($S.RatePageSize)." }
    $fromTime = [DateTime]::Parse($records[$S.RatePageSize / 2 - 1].startTime, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::AdjustToUniversal)
    $range = @{ From = $fromTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [Globalization.CultureInfo]::InvariantCulture); To = $wide.To }
    $spec = @{ Simulator = (Get-SimInfo $rl); ModulePath = $ModulePath; Kind = 'RateLimited'; Range = $range; PageSize = $S.RatePageSize; Reps = $S.Reps }
    $free = Invoke-Child ($spec + @{ Heavy = '0/0' })
    $paced = Invoke-Child ($spec + @{ Heavy = $S.RateHeavy })
    $raw.Cases['7'] = @{ Unpaced = $free; Paced = $paced }
    $name = "Rate-limited export: heavy $limit requests / $window s, pages of $($S.RatePageSize)"
    if (Test-Ok @($free, $paced)) {
        $pages = [int](Get-Median $paced.Pages)
        $tFree = Get-Median $free.Times; $tPaced = Get-Median $paced.Times
        $forced = ([Math]::Ceiling($pages / $limit) - 1) * $window
        $ideal = $forced + $tFree
        $ratio = $tPaced / $ideal
        # Tighter floor: only the pages after the last window opens have to be fetched after the forced wait.
        $lastWindowPages = $pages - ([Math]::Ceiling($pages / $limit) - 1) * $limit
        $tight = $forced + $tFree * $lastWindowPages / $pages
        $n429 = ($paced.Status429 | Measure-Object -Sum).Sum
        $extra = @(for ($i = 0; $i -lt $paced.Requests.Count; $i++) { $paced.Requests[$i] - $paced.Pages[$i] })
        $reqOk = -not @($extra | Where-Object { $_ -ne 0 }) -and -not @($paced.Pages | Where-Object { $_ -ne $free.Pages[0] })
        Add-Row '7' $name ("{0}; {1} requests; {2}× 429" -f (Format-S $tPaced), (Get-Median $paced.Requests), $n429) ("ideal {0}" -f (Format-S $ideal)) ("{0} (tight floor: {1})" -f (Format-Ratio $ratio), (Format-Ratio ($tPaced / $tight))) `
            '0 × 429; ≤ 1.1× ideal; requests = pages' ($n429 -eq 0 -and $ratio -le 1.1 -and $reqOk) `
            ("{0} pages, {1} records; ideal = (ceil({0}/{2}) - 1) × {3} s = {4} forced by the limit + {5} (the same export unpaced, measured in this run); tight floor = the forced wait + the unpaced time of only the {7} pages after the last window opens = {8}; requests counted by the simulator after connecting, all of them call-log pages: {6}" -f `
                $pages, (Format-N $paced.Counts[0]), $limit, $window, (Format-S $forced), (Format-S $tFree), $(if ($reqOk) { 'yes' } else { 'no (' + ($paced.Requests -join ', ') + ' requests for ' + ($paced.Pages -join ', ') + ' pages)' }), $lastWindowPages, (Format-S $tight))
    }
    else { Add-ErrorRow '7' $name '0 × 429; ≤ 1.1× ideal; requests = pages' @($free, $paced) }
}
catch { Add-Row '7' 'Rate-limited export' 'error' 'error' '' '0 × 429; ≤ 1.1× ideal; requests = pages' $false ("error: $($_.Exception.Message)" -replace '\|', '/') }
finally { Stop-TestSimulator $rl }
}

# ---- 8. paced voicemail archive -------------------------------------------------------------------
if (Test-Case '8') {
try {
    $limit, $window = $S.VoicemailMedium -split '/' | ForEach-Object { [int]$_ }
    $name = "Voicemail archive: $($S.Voicemails) voicemails (audio + transcription), ``Save-RcMessage`` under medium $limit requests / $window s"
    Write-Host "8. voicemail archive under medium $($S.VoicemailMedium)"
    $vm = Start-BenchSimulator @('--calls-per-day', '50', '--days', '2', '--heavy', '0/0', '--medium', '0/0')
    $probe = Invoke-Child @{ Simulator = (Get-SimInfo $vm); ModulePath = $ModulePath; Kind = 'HasCommand'; Command = 'Save-RcMessage' }
    if (-not $probe.Found) {
        Add-Row '8' $name 'n/a' '' '' '0 × 429; ≤ 1.1× ideal; requests = attachments' $null 'this module has no Save-RcMessage yet: the case runs once it does'
    }
    else {
        # Voicemails made to order in the signed-in extension's own mailbox, each with a transcription.
        $added = Invoke-RestMethod -Method Post -Uri "$($vm.url)/_sim/messages" -ContentType 'application/json' `
            -Body (@{ type = 'VoiceMail'; count = $S.Voicemails; seconds = $S.VoicemailSeconds; transcription = $true; createdSecondsAgo = 3600 } | ConvertTo-Json)
        $spec = @{ Simulator = (Get-SimInfo $vm); ModulePath = $ModulePath; Kind = 'VoicemailArchive'; MessageIds = @($added.added | ForEach-Object { "$_" }); Reps = $S.Reps }
        $free = Invoke-Child ($spec + @{ Medium = '0/0' })
        $paced = Invoke-Child ($spec + @{ Medium = $S.VoicemailMedium })
        $raw.Cases['8'] = @{ Unpaced = $free; Paced = $paced }
        if (Test-Ok @($free, $paced)) {
            $attachments = [int](Get-Median $paced.Attachments)
            $tFree = Get-Median $free.Times; $tPaced = Get-Median $paced.Times
            $forced = ([Math]::Ceiling($attachments / $limit) - 1) * $window
            $ideal = $forced + $tFree
            $ratio = $tPaced / $ideal
            $n429 = ($paced.Status429 | Measure-Object -Sum).Sum
            $bad = ($paced.Bad + $free.Bad | Measure-Object -Sum).Sum
            $reqOk = -not @(for ($i = 0; $i -lt $paced.Requests.Count; $i++) { if ($paced.Requests[$i] -ne $paced.Attachments[$i]) { $i } })
            Add-Row '8' $name ("{0}; {1} requests; {2}× 429" -f (Format-S $tPaced), (Get-Median $paced.Requests), $n429) ("ideal {0}" -f (Format-S $ideal)) (Format-Ratio $ratio) `
                '0 × 429; ≤ 1.1× ideal; requests = attachments' ($n429 -eq 0 -and $ratio -le 1.1 -and $reqOk -and $bad -eq 0) `
                ("{0} attachments of {1} voicemails of {2} s; ideal = (ceil({0}/{3}) - 1) × {4} s = {5} forced by the limit + {6} (the same archive unpaced, measured in this run); Medium is 40 a minute on RingCentral, the window compressed here; one request per attachment: {7}; files not Downloaded or not matching their row: {8}" -f `
                    $attachments, $S.Voicemails, $S.VoicemailSeconds, $limit, $window, (Format-S $forced), (Format-S $tFree), $(if ($reqOk) { 'yes' } else { 'no (' + ($paced.Requests -join ', ') + ')' }), $bad)
        }
        else { Add-ErrorRow '8' $name '0 × 429; ≤ 1.1× ideal; requests = attachments' @($free, $paced) }
    }
}
catch { Add-Row '8' 'Voicemail archive' 'error' 'error' '' '0 × 429; ≤ 1.1× ideal; requests = attachments' $false ("error: $($_.Exception.Message)" -replace '\|', '/') }
finally { Stop-TestSimulator $vm }
}

# ---- the table ------------------------------------------------------------------------------------
$totalWatch.Stop()
$lines = [Collections.Generic.List[string]]::new()
$lines.Add('# RingCentral.CallLog benchmarks' + $(if ($Quick) { ' (quick smoke run: tiny sizes, figures mean nothing)' } else { '' }))
$lines.Add('')
$lines.Add(("{0:yyyy-MM-dd HH:mm} UTC, {1} cores, PowerShell {2}, .NET {3}, {4}; each figure the median of {5} repetitions after a warm-up, each case in a fresh pwsh process; whole run {6}." -f `
            [DateTime]::UtcNow, [Environment]::ProcessorCount, $PSVersionTable.PSVersion, [Environment]::Version, [Runtime.InteropServices.RuntimeInformation]::OSDescription.Trim(), $S.Reps, (Format-S $totalWatch.Elapsed.TotalSeconds)))
$lines.Add('')
$lines.Add("Load average (1 min) at the start: $LoadAtStart, at the end: $(Get-LoadAverage). The machine is shared: compare ratios, not absolute figures.")
$lines.Add('')
$lines.Add('| # | Case | Module | Baseline | Ratio | Target | Met | Note |')
$lines.Add('|---|---|---|---|---|---|---|---|')
foreach ($r in $rows | Sort-Object -Stable Case) {
    $cells = $r.Case, $r.Name, $r.Module, $r.Baseline, $r.Ratio, $r.Target, $r.Met, $r.Note | ForEach-Object { "$_" -replace '\|', '\|' }
    $lines.Add('| ' + ($cells -join ' | ') + ' |')
}
$lines.Add('')
$lines.Add('Baselines: cases 1-2 the plain `Invoke-RestMethod` loop in bench/baseline/Export-CallLog.Baseline.ps1 (same server, same pages, perPage 1000); case 3 the same loop flattened with `Select-Object` calculated properties (bench/baseline/Export-CallLogCsv.Baseline.ps1); case 4 compares the large export with the small one; case 5 compares with a pwsh that does nothing; case 6 compares `-ThrottleLimit 8` with `1`; case 7 compares with the ideal defined in its note; case 8 likewise, for the Medium group.')
$text = $lines -join [Environment]::NewLine
Set-Content -Path (Join-Path $OutputPath 'results.md') -Value $text -Encoding utf8
$raw.Rows = $rows
$raw | ConvertTo-Json -Depth 8 | Set-Content -Path (Join-Path $OutputPath 'results.json') -Encoding utf8
Remove-Item -Recurse -Force $WorkDir -ErrorAction SilentlyContinue
Write-Output $text
if (@($rows | Where-Object Module -EQ 'error').Count -gt 0) { exit 1 }
