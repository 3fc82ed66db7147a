<#
.SYNOPSIS
One measured benchmark case, run by Invoke-Benchmarks.ps1 in its own fresh pwsh process.

.DESCRIPTION
Reads the case description (JSON) from -SpecPath, does the warm-up and the repetitions, and writes
the figures as JSON to -ResultPath, always with this process's peak working set (VmHWM) at the end.
No strict mode here on purpose: the baseline scripts are run as an admin runs them, and the plain
paging loop relies on a missing navigation.nextPage reading as $null on the last page.
#>
param(
    [Parameter(Mandatory)] [string] $SpecPath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
$spec = Get-Content -Raw $SpecPath | ConvertFrom-Json
$sim = $spec.Simulator
$baselineDir = Join-Path (Split-Path $PSScriptRoot -Parent) 'baseline'
$result = [ordered]@{ Kind = $spec.Kind; Times = @(); Counts = @() }

function ConvertTo-Secure([string] $Text) { ConvertTo-SecureString -String $Text -AsPlainText -Force }

function Connect-Module {
    Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret (ConvertTo-Secure $sim.clientSecret) -Jwt (ConvertTo-Secure $sim.adminJwt)
}

function Get-BaselineToken {
    & (Join-Path $baselineDir 'Get-BaselineToken.ps1') -Server $sim.url -ClientId $sim.clientId -ClientSecret $sim.clientSecret -Jwt $sim.adminJwt
}

function Get-Utc([string] $Text) { [DateTime]::Parse($Text, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::AdjustToUniversal -bor [Globalization.DateTimeStyles]::AssumeUniversal) }

function Get-FirstPageUri($Range, [string] $View, [int] $PerPage = 1000) {
    "$($sim.url)/restapi/v1.0/account/~/call-log?dateFrom=$($Range.From)&dateTo=$($Range.To)&view=$View&perPage=$PerPage"
}

function Invoke-Hook([string] $Path, [string] $Method = 'GET', $Body) {
    $params = @{ Uri = "$($sim.url)/_sim/$Path"; Method = $Method }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Compress); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

function Measure-Reps([int] $Count, [scriptblock] $Work) {
    # Each repetition: its wall time, and what it returned (a record count, usually).
    for ($i = 0; $i -lt $Count; $i++) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $n = & $Work
        $sw.Stop()
        $script:result.Times += $sw.Elapsed.TotalSeconds
        $script:result.Counts += $n
    }
}

function New-TempFile { Join-Path ([IO.Path]::GetTempPath()) ("rcbench-" + [Guid]::NewGuid().ToString('n') + '.csv') }

try {
    if ($spec.ModulePath -and $spec.Kind -notin 'Nothing', 'Import', 'SimPage') { Import-Module $spec.ModulePath }
    switch ($spec.Kind) {
        'Nothing' { }
        'Import' {
            $sw = [Diagnostics.Stopwatch]::StartNew()
            Import-Module $spec.ModulePath
            $sw.Stop()
            $result.Times += $sw.Elapsed.TotalSeconds
        }
        'ImportConnectFirst' {
            # The module was imported above; the parent measures the whole process. Here: the parts.
            $sw = [Diagnostics.Stopwatch]::StartNew()
            Connect-Module
            $record = Get-RcCallLog -Account -DateFrom (Get-Utc $spec.Range.From) -DateTo (Get-Utc $spec.Range.To) -First 1
            $sw.Stop()
            $result.Times += $sw.Elapsed.TotalSeconds
            $result.Counts += @($record).Count
        }
        'SimPage' {
            # The simulator's own cost: GET 1000-record pages and read their bodies, nothing parsed.
            $token = Get-BaselineToken
            $http = [Net.Http.HttpClient]::new()
            $http.DefaultRequestHeaders.Authorization = [Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $token)
            # Warm-up: the simulator's own JIT (tiered compilation) for both views, before anything is timed.
            foreach ($view in 'Simple', 'Detailed') {
                $first = Get-FirstPageUri $spec.Range $view
                foreach ($page in 1..[Math]::Min(20, $spec.Pages)) { $null = $http.GetByteArrayAsync("$first&page=$page").GetAwaiter().GetResult() }
            }
            foreach ($view in 'Detailed', 'Simple') {
                $first = Get-FirstPageUri $spec.Range $view
                $uris = @(1..$spec.Pages | ForEach-Object { "$first&page=$_" })
                $result.Times = @(); $result.Counts = @()
                Measure-Reps $spec.Reps {
                    foreach ($u in $uris) { $null = $http.GetByteArrayAsync($u).GetAwaiter().GetResult() }
                    $uris.Count
                }
                if ($view -eq 'Detailed') { $result.DetailedTimes = $result.Times }
            }
        }
        'ListModule' {
            Connect-Module
            $from = Get-Utc $spec.Range.From; $to = Get-Utc $spec.Range.To
            $null = Get-RcCallLog -Account -DateFrom (Get-Utc $spec.WarmUp.From) -DateTo (Get-Utc $spec.WarmUp.To) -View $spec.View | Measure-Object
            Measure-Reps $spec.Reps { (Get-RcCallLog -Account -DateFrom $from -DateTo $to -View $spec.View | Measure-Object).Count }
        }
        'ListBaseline' {
            $token = Get-BaselineToken
            $loop = Join-Path $baselineDir 'Export-CallLog.Baseline.ps1'
            $null = & $loop -uri (Get-FirstPageUri $spec.WarmUp $spec.View) -token $token | Measure-Object
            $uri = Get-FirstPageUri $spec.Range $spec.View
            Measure-Reps $spec.Reps { (& $loop -uri $uri -token $token | Measure-Object).Count }
        }
        'CsvModule' {
            Connect-Module
            $from = Get-Utc $spec.Range.From; $to = Get-Utc $spec.Range.To
            $file = New-TempFile
            Get-RcCallLog -Account -DateFrom (Get-Utc $spec.WarmUp.From) -DateTo (Get-Utc $spec.WarmUp.To) | Export-Csv -Path $file -NoTypeInformation
            Measure-Reps $spec.Reps {
                Get-RcCallLog -Account -DateFrom $from -DateTo $to | Export-Csv -Path $file -NoTypeInformation
                [Linq.Enumerable]::Count([IO.File]::ReadLines($file)) - 1
            }
            $result.FileBytes = (Get-Item $file).Length
            Remove-Item $file
        }
        'CsvBaseline' {
            $token = Get-BaselineToken
            $export = Join-Path $baselineDir 'Export-CallLogCsv.Baseline.ps1'
            $file = New-TempFile
            & $export -uri (Get-FirstPageUri $spec.WarmUp 'Simple') -token $token -Path $file
            $uri = Get-FirstPageUri $spec.Range 'Simple'
            Measure-Reps $spec.Reps {
                & $export -uri $uri -token $token -Path $file
                [Linq.Enumerable]::Count([IO.File]::ReadLines($file)) - 1
            }
            $result.FileBytes = (Get-Item $file).Length
            Remove-Item $file
        }
        'MemoryCsv' {
            # No warm-up and one export: the figure is this process's peak working set.
            Connect-Module
            $file = New-TempFile
            Measure-Reps 1 {
                Get-RcCallLog -Account -DateFrom (Get-Utc $spec.Range.From) -DateTo (Get-Utc $spec.Range.To) | Export-Csv -Path $file -NoTypeInformation
                [Linq.Enumerable]::Count([IO.File]::ReadLines($file)) - 1
            }
            Remove-Item $file
        }
        'Download' {
            Connect-Module
            $from = Get-Utc $spec.Range.From; $to = Get-Utc $spec.Range.To
            $records = @(Get-RcCallLog -Account -RecordingType All -DateFrom $from -DateTo $to | Select-Object -First $spec.Recordings)
            $expected = @{}
            foreach ($p in $spec.Expected.PSObject.Properties) { $expected[$p.Name] = $p.Value }
            $root = Join-Path ([IO.Path]::GetTempPath()) ("rcbench-rec-" + [Guid]::NewGuid().ToString('n'))
            $verified = 0; $bad = 0; $bytes = 0
            try {
                $null = $records | Select-Object -First 2 | Save-RcRecording -Path (Join-Path $root 'warm-up') -ThrottleLimit $spec.ThrottleLimit
                $rep = 0
                Measure-Reps $spec.Reps {
                    $dir = Join-Path $root ("rep{0}" -f ++$script:rep)
                    $out = @($records | Save-RcRecording -Path $dir -ThrottleLimit $spec.ThrottleLimit -PassThru)
                    $out.Count
                    # Outside the figure that matters (the parent uses the times); every byte checked.
                    foreach ($d in $out) {
                        $want = $expected[$d.RecordingId]
                        $ok = $d.Status -eq 'Downloaded' -and $want -and (Test-Path -LiteralPath $d.Path) -and
                            (Get-Item -LiteralPath $d.Path).Length -eq $want.Bytes -and
                            (Get-FileHash -LiteralPath $d.Path -Algorithm SHA256).Hash -eq $want.Sha256
                        if ($ok) { $script:verified++; $script:bytes += $want.Bytes } else { $script:bad++ }
                    }
                    $script:bad += [Math]::Max(0, $records.Count - $out.Count)
                }
            }
            finally { Remove-Item -Recurse -Force $root -ErrorAction SilentlyContinue }
            $result.Verified = $verified; $result.Bad = $bad; $result.VerifiedBytes = $bytes
        }
        'RateLimited' {
            # Each repetition: a new connection (a new pacer), the simulator's windows restarted,
            # its request log cleared; then the export; then what the simulator saw.
            $from = Get-Utc $spec.Range.From; $to = Get-Utc $spec.Range.To
            Connect-Module
            $null = Invoke-Hook 'config' POST @{ heavy = '0/0' }
            $null = Get-RcCallLog -Account -DateFrom $from -DateTo $to -PageSize $spec.PageSize -First 1
            $result.Requests = @(); $result.Pages = @(); $result.Status429 = @()
            for ($i = 0; $i -lt $spec.Reps; $i++) {
                Connect-Module
                $null = Invoke-Hook 'config' POST @{ heavy = $spec.Heavy }
                $null = Invoke-Hook 'stats/reset' POST
                $sw = [Diagnostics.Stopwatch]::StartNew()
                $n = (Get-RcCallLog -Account -DateFrom $from -DateTo $to -PageSize $spec.PageSize | Measure-Object).Count
                $sw.Stop()
                $requests = @((Invoke-Hook 'stats').requests | Where-Object { $_.path -notlike '/_sim/*' })
                $result.Times += $sw.Elapsed.TotalSeconds
                $result.Counts += $n
                $result.Requests += $requests.Count
                $result.Pages += @($requests | Where-Object { $_.path -like '*/call-log' -and $_.status -eq 200 }).Count
                $result.Status429 += @($requests | Where-Object status -EQ 429).Count
            }
            $null = Invoke-Hook 'config' POST @{ heavy = '0/0' }
        }
        'HasCommand' {
            # Whether the module measured has a cmdlet (a case for a newer cmdlet says so instead of failing).
            $result.Found = [bool](Get-Command $spec.Command -Module RingCentral.CallLog -ErrorAction SilentlyContinue)
        }
        'VoicemailArchive' {
            # Save-RcMessage of voicemail (audio + transcription: one Medium content request each)
            # under the Medium limit given. The messages are read before the clock starts; each
            # repetition: a new connection (a new pacer), the simulator's windows restarted, its
            # request log cleared, the archive into a new folder, then what the simulator saw.
            Connect-Module
            $messages = @(Get-RcMessage -MessageId $spec.MessageIds -ExtensionId '~')
            $root = Join-Path ([IO.Path]::GetTempPath()) ("rcbench-vm-" + [Guid]::NewGuid().ToString('n'))
            $result.Requests = @(); $result.Attachments = @(); $result.Status429 = @(); $result.Bad = @()
            try {
                $null = Invoke-Hook 'config' POST @{ medium = '0/0' }
                $null = $messages | Select-Object -First 1 | Save-RcMessage -Path (Join-Path $root 'warm-up')
                for ($i = 0; $i -lt $spec.Reps; $i++) {
                    Connect-Module
                    $null = Invoke-Hook 'config' POST @{ medium = $spec.Medium }
                    $null = Invoke-Hook 'stats/reset' POST
                    $sw = [Diagnostics.Stopwatch]::StartNew()
                    $rows = @($messages | Save-RcMessage -Path (Join-Path $root "rep$i") -PassThru)
                    $sw.Stop()
                    $requests = @((Invoke-Hook 'stats').requests | Where-Object { $_.path -notlike '/_sim/*' })
                    $result.Times += $sw.Elapsed.TotalSeconds
                    $result.Counts += $rows.Count
                    $result.Attachments += ($messages | ForEach-Object { $_.Attachments.Count } | Measure-Object -Sum).Sum
                    $result.Requests += $requests.Count
                    $result.Status429 += @($requests | Where-Object status -EQ 429).Count
                    # Every file downloaded and as its row says (size and SHA-256 of what is on disk).
                    $result.Bad += @($rows | Where-Object { $_.Status -ne 'Downloaded' -or -not (Test-Path -LiteralPath $_.Path) -or
                            (Get-Item -LiteralPath $_.Path).Length -ne $_.Bytes -or (Get-FileHash -LiteralPath $_.Path -Algorithm SHA256).Hash -ne $_.Sha256 }).Count
                }
            }
            finally {
                $null = Invoke-Hook 'config' POST @{ medium = '0/0' }
                Remove-Item -Recurse -Force $root -ErrorAction SilentlyContinue
            }
        }
        default { throw "Unknown case kind '$($spec.Kind)'" }
    }
}
catch {
    $result.Error = ($_ | Out-String).Trim()
}
$result.PeakWorkingSet = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
$result | ConvertTo-Json -Depth 5 | Set-Content -Path $ResultPath
