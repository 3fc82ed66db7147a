# Export-RcCallReport against the simulator's data: the page's numbers are checked against counts
# computed here, independently, from the records given (following the definitions in the help),
# and the page is opened in headless Chromium (Debian's `chromium` package): no console error, no
# network request, every tile and chart mark right, the recordings really play, a screenshot.
# The browser part is skipped with a visible warning where Chromium is missing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'HeadlessChromium.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Root = Get-TestRepoRoot
    # An office in New York, the zone the report is written in: the screenshot (the README's picture) shows its working day.
    $script:sim = Start-TestSimulator -Arguments @('--seed', '11', '--extensions', '12', '--calls-per-day', '45', '--days', '9', '--timezone', 'America/New_York', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim
    $script:records = @(Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-10))
    $script:Zone = [TimeZoneInfo]::FindSystemTimeZoneById('America/New_York')

    # A report folder with some real recordings below it, fetched from the simulator.
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "rc-report-$([guid]::NewGuid())"
    $recordingsDir = Join-Path $work 'recordings'
    $withRecording = @($records | Where-Object RecordingId)
    $script:saved = @($withRecording | Select-Object -First 8 | Save-RcRecording -Path $recordingsDir -PassThru)
    # One file is known only by its sidecar: its name no longer carries the recording id.
    $renamed = $saved[0]
    $hidden = Join-Path $recordingsDir ("first-call" + [IO.Path]::GetExtension($renamed.Path))
    Move-Item $renamed.Path $hidden
    @{ recordingId = $renamed.RecordingId; callLogId = $renamed.CallLogId } | ConvertTo-Json | Set-Content "$hidden.json"
    $script:recordingDurations = @{}
    foreach ($info in ($saved.RecordingId | Get-RcRecording)) { $recordingDurations[$info.Id] = [double]$info.Duration }

    $script:report = Join-Path $work 'report.html'
    $script:written = $records | Export-RcCallReport -Path $report -RecordingPath $recordingsDir -TimeZone 'America/New_York' -Title 'Calls & recordings, last 9 days' -PassThru
    $script:html = Get-Content $report -Raw

    function script:Get-Expected {
        <# The report's numbers, computed from the records as the help defines them. #>
        param($Records, [TimeZoneInfo] $Zone)
        $missedResults = 'Missed', 'Voicemail', 'No Answer', 'Busy', 'Abandoned', 'Rejected', 'Hang Up'
        $connectedResults = 'Accepted', 'Call connected'
        $live = @($Records | Where-Object { -not $_.Deleted })
        $inbound = @($live | Where-Object Direction -EQ 'Inbound')
        $missed = @($inbound | Where-Object { $_.Result -in $missedResults })
        $connected = @($live | Where-Object { $_.Result -in $connectedResults })
        $talk = [long]0
        foreach ($c in $connected) { if ($c.Duration) { $talk += $c.Duration } }
        $tiles = [ordered]@{
            'calls'                  = $live.Count
            'inbound'                = $inbound.Count
            'outbound'               = @($live | Where-Object Direction -EQ 'Outbound').Count
            'missed'                 = $missed.Count
            'missed-rate'            = if ($inbound.Count) { $missed.Count / $inbound.Count } else { 0 }
            'talk-seconds'           = $talk
            'average-handle-seconds' = if ($connected.Count) { $talk / $connected.Count } else { 0 }
            'recordings'             = @($live | Where-Object RecordingId).Count
        }
        $perDay = @{}; $heat = @{}; $histogram = @{}; $results = @{}; $missedByExtension = @{}
        $bucketLabels = '< 30 s', '30-60 s', '1-2 min', '2-5 min', '5-10 min', '10-30 min', '>= 30 min'
        foreach ($r in $live) {
            $local = [TimeZoneInfo]::ConvertTime($r.StartTime, $Zone)
            $series = if ($r.Direction -in 'Inbound', 'Outbound') { $r.Direction } else { 'Other' }
            $perDay["$($local.ToString('yyyy-MM-dd')) $series"] += 1
            $heat["$($local.DayOfWeek.ToString().Substring(0, 3)) $($local.ToString('HH')):00"] += 1
            $seconds = [int]$r.Duration
            $bucket = if ($seconds -lt 30) { 0 } elseif ($seconds -lt 60) { 1 } elseif ($seconds -lt 120) { 2 } elseif ($seconds -lt 300) { 3 } elseif ($seconds -lt 600) { 4 } elseif ($seconds -lt 1800) { 5 } else { 6 }
            $histogram[$bucketLabels[$bucket]] += 1
            $results[$(if ($r.Result) { $r.Result } else { 'Unknown' })] += 1
        }
        foreach ($m in $missed) { $missedByExtension[$m.ExtensionId] += 1 }
        [pscustomobject]@{ Tiles = $tiles; PerDay = $perDay; Heat = $heat; Histogram = $histogram; Results = $results; MissedByExtension = $missedByExtension; BucketLabels = $bucketLabels }
    }
    $script:expected = Get-Expected $records $Zone

    $script:Chromium = Find-Chromium
    $script:SkipReason = $null
    if (-not $Chromium) {
        $script:SkipReason = 'Chromium (Debian package chromium) not found: the browser tests of Export-RcCallReport are skipped.'
        Write-Warning $SkipReason
    }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-RcCallReport writes one self-contained page' {
    It 'writes the file and returns its FileInfo with -PassThru' {
        $written | Should -BeOfType ([IO.FileInfo])
        $written.FullName | Should -Be $report
        $records.Count | Should -BeGreaterThan 200
        Test-Path "$report.partial" | Should -BeFalse
    }

    It 'loads nothing from elsewhere: no http(s) reference, a CSP that forbids requests' {
        $html | Should -Not -Match '(src|href)\s*=\s*"(https?:)?//'
        $html | Should -Not -Match '<link\b'
        $html | Should -Match "default-src (&#39;|')none(&#39;|')"
    }

    It 'holds no content URI, media address or token' {
        $html | Should -Not -Match ([regex]::Escape($sim.mediaUrl))
        $html | Should -Not -Match ([regex]::Escape($sim.url))
        $html | Should -Not -Match '(?i)contentUri|access_token|bearer'
        foreach ($uri in ($records.RecordingContentUri | Where-Object { $_ })) { $html.Contains($uri) | Should -BeFalse }
    }

    It 'escapes the title' {
        $html | Should -Match '<title>Calls &amp; recordings, last 9 days</title>'
    }

    It 'names the account, the period, the time zone and the module version in the header' {
        # The account's name is the company of the signed-in extension's contact (the simulator's names one).
        $html | Should -Match "data-meta=`"account`"><dt>Account</dt><dd>Redwood Valley Dental \($($sim.accountId)\)</dd>"
        $first = [TimeZoneInfo]::ConvertTime(($records.StartTime | Measure-Object -Minimum).Minimum, $Zone).ToString('yyyy-MM-dd HH:mm')
        $last = [TimeZoneInfo]::ConvertTime(($records.StartTime | Measure-Object -Maximum).Maximum, $Zone).ToString('yyyy-MM-dd HH:mm')
        $html | Should -Match ([regex]::Escape("$first – $last"))
        $html | Should -Match 'America/New_York'
        $version = (Import-PowerShellDataFile (Join-Path $Root 'RingCentral.CallLog.psd1')).ModuleVersion
        $html | Should -Match ([regex]::Escape("by RingCentral.CallLog $version"))
    }

    It 'shows the calls table in input order, every record a row (the default -MaxRows 5000)' {
        $ids = [regex]::Matches($html, '<tr data-call-id="([^"]+)"') | ForEach-Object { $_.Groups[1].Value }
        $ids | Should -Be @($records.Id)
    }

    It '-MaxRows bounds the table, while the tiles still count every record' {
        $small = Join-Path $work 'small.html'
        $records | Export-RcCallReport -Path $small -MaxRows 25 -TimeZone UTC
        $text = Get-Content $small -Raw
        $ids = [regex]::Matches($text, '<tr data-call-id="([^"]+)"') | ForEach-Object { $_.Groups[1].Value }
        $ids | Should -Be @($records.Id | Select-Object -First 25)
        $text | Should -Match "data-metric=`"calls`" data-value=`"$($expected.Tiles.calls)`""
        $text | Should -Match "data-metric=`"missed`" data-value=`"$($expected.Tiles.missed)`""
    }

    It 'refuses an existing file without -Force, replaces it with -Force' {
        $target = Join-Path $work 'exists.html'
        Set-Content $target 'keep me'
        { $records | Export-RcCallReport -Path $target -ErrorAction Stop } | Should -Throw -ErrorId 'CallReportFileExists,RingCentral.CallLog.Commands.ExportRcCallReportCommand'
        Get-Content $target -Raw | Should -Match 'keep me'
        $records | Export-RcCallReport -Path $target -Force
        Get-Content $target -Raw | Should -Match '<!DOCTYPE html>'
    }

    It 'refuses an unknown -TimeZone, naming the parameter, before reading a record or writing a file' {
        $target = Join-Path $work 'zone.html'
        $script:pulled = 0
        $err = { & { $script:pulled++; $records[0] } | Export-RcCallReport -Path $target -TimeZone 'Mars/Olympus_Mons' -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^InvalidArgumentTimeZone,'
        $err.Exception.Message | Should -Match '-TimeZone'
        $pulled | Should -Be 0
        Test-Path $target | Should -BeFalse
    }

    It 'reports an object that is not a call log record, and leaves it out' {
        $target = Join-Path $work 'mixed.html'
        $errors = $null
        @($records[0], [pscustomobject]@{ Id = 'x' }, $records[1]) | Export-RcCallReport -Path $target -ErrorVariable errors -ErrorAction SilentlyContinue
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Match '^InvalidArgumentInputObject,'
        (Get-Content $target -Raw) | Should -Match 'data-metric="calls" data-value="2"'
    }

    It 'takes the rows of an exported CSV by property name: Import-Csv calls.csv gives the same tiles and no error' {
        $csv = Join-Path $work 'calls.csv'
        $records | Export-Csv $csv -NoTypeInformation
        $target = Join-Path $work 'from-csv.html'
        $errors = $null
        Import-Csv $csv | Export-RcCallReport -Path $target -TimeZone 'America/New_York' -ErrorVariable errors -ErrorAction SilentlyContinue
        @($errors).Count | Should -Be 0
        $text = Get-Content $target -Raw
        foreach ($metric in 'calls', 'inbound', 'outbound', 'missed', 'recordings') {
            $text | Should -Match "data-metric=`"$metric`" data-value=`"$($expected.Tiles[$metric])`""
        }
        $ids = [regex]::Matches($text, '<tr data-call-id="([^"]+)"') | ForEach-Object { $_.Groups[1].Value }
        $ids | Should -Be @($records.Id)
    }

    It '-From/-To give the period asked for, in days of the report''s zone, and the calls-per-day chart every day of it and no other' {
        $zone = 'America/New_York'
        $tz = [TimeZoneInfo]::FindSystemTimeZoneById($zone)
        $todayThere = [TimeZoneInfo]::ConvertTime([DateTimeOffset]::UtcNow, $tz).Date
        # Midnights of New York, given as UTC instants (what a script in that zone would pass).
        $from = [TimeZoneInfo]::ConvertTimeToUtc($todayThere.AddDays(-7), $tz)
        $to = [TimeZoneInfo]::ConvertTimeToUtc($todayThere, $tz)
        $week = @($records | Where-Object { $_.StartTime -ge $from -and $_.StartTime -lt $to })
        $target = Join-Path $work 'week.html'
        $week | Export-RcCallReport -Path $target -From $from -To $to -TimeZone $zone
        $text = Get-Content $target -Raw
        $period = "$($todayThere.AddDays(-7).ToString('yyyy-MM-dd')) – $($todayThere.AddDays(-1).ToString('yyyy-MM-dd'))"
        $text | Should -Match "data-meta=`"period`"><dt>Period</dt><dd>$([regex]::Escape($period))</dd>"
        $chart = [regex]::Match($text, '(?s)<svg[^>]*data-chart="calls-per-day".*?</svg>').Value
        $days = @([regex]::Matches($chart, 'data-label="(\d{4}-\d{2}-\d{2})') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique)
        $days | Should -Be @(0..6 | ForEach-Object { $todayThere.AddDays(-7 + $_).ToString('yyyy-MM-dd') })
    }

    It 'says "no calls" for a period without records, instead of empty charts' {
        $target = Join-Path $work 'empty.html'
        @() | Export-RcCallReport -Path $target -From '2026-01-01' -To '2026-01-08' -TimeZone UTC
        $text = Get-Content $target -Raw
        $text | Should -Match 'data-no-calls'
        $text | Should -Match 'No calls, '
        $text | Should -Not -Match 'data-chart='
        $text | Should -Not -Match '<tr data-call-id='
    }

    It 'writes nothing with -WhatIf' {
        $target = Join-Path $work 'whatif.html'
        $records | Export-RcCallReport -Path $target -WhatIf
        Test-Path $target | Should -BeFalse
        Test-Path "$target.partial" | Should -BeFalse
    }

    It 'links recordings under the report folder relatively, others by file URI; takes manifest rows from Import-Csv' {
        $elsewhere = Join-Path $work 'elsewhere'
        $target = Join-Path $elsewhere 'report.html'
        $manifest = Join-Path $work 'manifest.csv'
        $saved | Select-Object -Skip 1 | Export-Csv $manifest -NoTypeInformation
        $records | Export-RcCallReport -Path $target -Recording (Import-Csv $manifest)
        $text = Get-Content $target -Raw
        $sources = [regex]::Matches($text, '<audio controls preload="none" data-recording-id="([^"]+)"><source src="([^"]+)" type="(audio/mpeg|audio/wav)">') |
            ForEach-Object { [pscustomobject]@{ Id = $_.Groups[1].Value; Src = $_.Groups[2].Value } }
        @($sources).Count | Should -Be ($saved.Count - 1)
        foreach ($s in $sources) {
            $row = $saved | Where-Object RecordingId -EQ $s.Id
            $s.Src | Should -Be ([Uri]::new($row.Path).AbsoluteUri)
        }

        $relative = [regex]::Matches($html, '<source src="([^"]+)"') | ForEach-Object { $_.Groups[1].Value }
        @($relative).Count | Should -Be $saved.Count
        $relative | ForEach-Object { $_ | Should -Match '^recordings/[^/]+\.(mp3|wav)$' }
    }
}

Describe 'The call report in headless Chromium' {
    BeforeAll {
        if ($SkipReason) { return }
        $script:browser = Start-HeadlessChromium $Chromium
        $script:session = Open-CdpPage $browser
        Invoke-Cdp $browser 'Emulation.setDeviceMetricsOverride' @{ width = 1280; height = 900; deviceScaleFactor = 1; mobile = $false } -SessionId $session | Out-Null
        $script:pageUrl = [Uri]::new($report).AbsoluteUri
        Invoke-Cdp $browser 'Page.navigate' @{ url = $pageUrl } -SessionId $session | Out-Null
        Wait-CdpEvent $browser 'Page.loadEventFired' -TimeoutSeconds 30 | Out-Null
        $script:page = Invoke-CdpScript $browser $session @'
(() => {
  const data = (el) => Object.assign({}, el.dataset);
  return {
    tiles: Array.from(document.querySelectorAll('[data-metric]')).map(data),
    charts: Array.from(document.querySelectorAll('svg[data-chart]')).map(svg => ({
      chart: svg.dataset.chart,
      marks: Array.from(svg.querySelectorAll('[data-label][data-value]')).map(data) })),
    rows: Array.from(document.querySelectorAll('tr[data-call-id]')).map(tr => tr.dataset.callId),
    toolsShown: !document.getElementById('tools').hidden
  };
})()
'@
        # Every player: load its metadata and report the duration the browser decoded.
        $script:audio = Invoke-CdpScript $browser $session -TimeoutSeconds 90 @'
Promise.all(Array.from(document.querySelectorAll('audio[data-recording-id]')).map(a => new Promise(resolve => {
  const source = a.querySelector('source');
  const done = (r) => resolve(Object.assign({ id: a.dataset.recordingId, src: source.getAttribute('src'), type: source.type }, r));
  const timer = setTimeout(() => done({ error: 'timeout' }), 20000);
  a.addEventListener('loadedmetadata', () => { clearTimeout(timer); done({ duration: a.duration, currentSrc: a.currentSrc }); });
  source.addEventListener('error', () => { clearTimeout(timer); done({ error: 'source failed' }); });
  a.addEventListener('error', () => { clearTimeout(timer); done({ error: 'media error ' + (a.error && a.error.code) }); });
  a.preload = 'metadata';
  a.load();
})))
'@
    }

    AfterAll {
        if ($script:browser) { Stop-HeadlessChromium $browser }
    }

    It 'shows every tile with the value computed from the input' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        $shown = @{}
        foreach ($t in $page.tiles) { $shown[$t.metric] = [double]::Parse($t.value, [Globalization.CultureInfo]::InvariantCulture) }
        @($shown.Keys | Sort-Object) | Should -Be @($expected.Tiles.Keys | Sort-Object)
        foreach ($metric in $expected.Tiles.Keys) {
            $shown[$metric] | Should -BeGreaterOrEqual ($expected.Tiles[$metric] - 1e-6) -Because $metric
            $shown[$metric] | Should -BeLessOrEqual ($expected.Tiles[$metric] + 1e-6) -Because $metric
        }
        $expected.Tiles.missed | Should -BeGreaterThan 0
    }

    It 'draws the five charts' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        @($page.charts.chart | Sort-Object) | Should -Be @('calls-per-day', 'duration-histogram', 'hour-by-weekday', 'missed-by-extension', 'results')
    }

    It 'calls-per-day: one mark per day and direction with the count of that local day' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        $marks = ($page.charts | Where-Object chart -EQ 'calls-per-day').marks
        $total = 0
        foreach ($m in $marks) {
            [int]$m.value | Should -Be ([int]$expected.PerDay[$m.label]) -Because $m.label
            $total += [int]$m.value
        }
        $total | Should -Be $expected.Tiles.calls
        foreach ($key in $expected.PerDay.Keys) { @($marks.label) | Should -Contain $key }
        @($marks | Where-Object series -EQ 'Inbound').Count | Should -Be @($marks | Where-Object series -EQ 'Outbound').Count
    }

    It 'hour-by-weekday: 168 cells, each the count of that local weekday hour' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        $marks = ($page.charts | Where-Object chart -EQ 'hour-by-weekday').marks
        $marks.Count | Should -Be 168
        foreach ($m in $marks) { [int]$m.value | Should -Be ([int]$expected.Heat[$m.label]) -Because $m.label }
    }

    It 'missed-by-extension: the ten extensions with most missed calls, with their counts' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        $marks = @(($page.charts | Where-Object chart -EQ 'missed-by-extension').marks)
        $marks.Count | Should -Be ([Math]::Min(10, $expected.MissedByExtension.Count))
        foreach ($m in $marks) { [int]$m.value | Should -Be $expected.MissedByExtension[$m.extensionId] -Because $m.label }
        $top = @($expected.MissedByExtension.Values | Sort-Object -Descending | Select-Object -First 10)
        @($marks | ForEach-Object { [int]$_.value }) | Should -Be $top
    }

    It 'duration-histogram and results: every bucket and result with its count' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        $buckets = ($page.charts | Where-Object chart -EQ 'duration-histogram').marks
        @($buckets.label) | Should -Be $expected.BucketLabels
        foreach ($m in $buckets) { [int]$m.value | Should -Be ([int]$expected.Histogram[$m.label]) -Because $m.label }
        $results = ($page.charts | Where-Object chart -EQ 'results').marks
        @($results.label | Sort-Object) | Should -Be @($expected.Results.Keys | Sort-Object)
        foreach ($m in $results) { [int]$m.value | Should -Be $expected.Results[$m.label] -Because $m.label }
    }

    It 'has the table rows, and its script runs (filter shown)' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        @($page.rows) | Should -Be @($records.Id)
        $page.toolsShown | Should -BeTrue
        $visible = Invoke-CdpScript $browser $session @'
(() => { const f = document.getElementById('filter'); f.value = 'Voicemail'; f.dispatchEvent(new Event('input'));
  const n = Array.from(document.querySelectorAll('tr[data-call-id]')).filter(r => !r.hidden).length;
  f.value = ''; f.dispatchEvent(new Event('input')); return n; })()
'@
        $visible | Should -Be @($records | Where-Object { $_.Result -eq 'Voicemail' -or "$($_.From) $($_.To)" -match 'Voicemail' }).Count
    }

    It 'plays each recording: the source loads and its duration is within a second of the recording''s' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        @($audio).Count | Should -Be $saved.Count
        @($audio.type | Select-Object -Unique).Count | Should -BeGreaterThan 0
        foreach ($a in $audio) {
            $a.PSObject.Properties['error'] | Should -BeNullOrEmpty -Because "recording $($a.id) ($($a.src)) must load"
            $a.currentSrc | Should -BeLike 'file://*'
            [Math]::Abs($a.duration - $recordingDurations[$a.id]) | Should -BeLessOrEqual 1 -Because "recording $($a.id): browser $($a.duration) s, RingCentral $($recordingDurations[$a.id]) s"
        }
    }

    It 'logged no console error and made no network request but the page and its recordings' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        $errors = @($browser.Events | Where-Object {
                $_.method -eq 'Runtime.exceptionThrown' -or
                ($_.method -eq 'Runtime.consoleAPICalled' -and $_.params.type -in 'error', 'assert') -or
                ($_.method -eq 'Log.entryAdded' -and $_.params.entry.level -eq 'error') })
        $errors | ConvertTo-Json -Depth 8 | Should -Be $null -Because 'the page must load cleanly'
        $recordingsUrl = [Uri]::new((Join-Path $work "recordings/")).AbsoluteUri
        $requests = @($browser.Events | Where-Object method -EQ 'Network.requestWillBeSent' | ForEach-Object { $_.params.request.url })
        $requests | Should -Contain $pageUrl
        foreach ($url in $requests) {
            # data: URLs are the browser's own player icons, inline: no request leaves the machine.
            ($url -eq $pageUrl -or $url.StartsWith($recordingsUrl) -or $url.StartsWith('data:')) | Should -BeTrue -Because "$url is not the page or one of its recordings"
        }
        @($requests | Where-Object { $_ -match '^(https?|wss?|ftp):' }) | Should -BeNullOrEmpty
    }

    It 'takes a screenshot (out/report/call-report.png)' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        $height = Invoke-CdpScript $browser $session 'Math.min(document.documentElement.scrollHeight, 2350)'
        $shot = Invoke-Cdp $browser 'Page.captureScreenshot' @{ format = 'png'; captureBeyondViewport = $true; clip = @{ x = 0; y = 0; width = 1280; height = $height; scale = 1 } } -SessionId $session -TimeoutSeconds 60
        $file = Join-Path $Root 'out/report/call-report.png'
        New-Item -ItemType Directory -Force -Path (Split-Path $file) | Out-Null
        [IO.File]::WriteAllBytes($file, [Convert]::FromBase64String($shot.data))
        $bytes = [IO.File]::ReadAllBytes($file)
        [BitConverter]::ToString($bytes[0..7]) | Should -Be '89-50-4E-47-0D-0A-1A-0A'
        $bytes.Length | Should -BeGreaterThan 50000
    }

    It 'prints legibly: players and filter left out, charts and every row kept, a PDF (out/report/call-report.pdf)' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        Invoke-Cdp $browser 'Emulation.setEmulatedMedia' @{ media = 'print' } -SessionId $session | Out-Null
        try {
            $print = Invoke-CdpScript $browser $session @'
(() => {
  const shown = (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
  return {
    audioShown: Array.from(document.querySelectorAll('audio')).filter(shown).length,
    toolsShown: shown(document.getElementById('tools')),
    chartsShown: Array.from(document.querySelectorAll('svg[data-chart]')).filter(shown).length,
    rowsShown: Array.from(document.querySelectorAll('tr[data-call-id]')).filter(shown).length,
    headBackground: getComputedStyle(document.querySelector('.page-head')).backgroundColor
  };
})()
'@
            $print.audioShown | Should -Be 0
            $print.toolsShown | Should -BeFalse
            $print.chartsShown | Should -Be 5
            $print.rowsShown | Should -Be $records.Count
            $print.headBackground | Should -Be 'rgb(255, 255, 255)'
            $pdf = Invoke-Cdp $browser 'Page.printToPDF' @{ printBackground = $true } -SessionId $session -TimeoutSeconds 90
            $bytes = [Convert]::FromBase64String($pdf.data)
            [Text.Encoding]::ASCII.GetString($bytes, 0, 5) | Should -Be '%PDF-'
            [IO.File]::WriteAllBytes((Join-Path $Root 'out/report/call-report.pdf'), $bytes)
        }
        finally {
            Invoke-Cdp $browser 'Emulation.setEmulatedMedia' @{ media = '' } -SessionId $session | Out-Null
        }
    }

    It 'at 1024 px lays the eight tiles out in even rows, and sets every table header on one baseline' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        Invoke-Cdp $browser 'Emulation.setDeviceMetricsOverride' @{ width = 1024; height = 900; deviceScaleFactor = 1; mobile = $false } -SessionId $session | Out-Null
        try {
            $layout = Invoke-CdpScript $browser $session @'
(() => {
  const rows = {};
  document.querySelectorAll('.tile').forEach(t => { const top = Math.round(t.getBoundingClientRect().top); rows[top] = (rows[top] || 0) + 1; });
  const baselines = Array.from(document.querySelectorAll('#calls thead th')).map(th => {
    const range = document.createRange(); range.selectNodeContents(th);
    return Math.round(range.getBoundingClientRect().bottom);
  });
  return { tilesPerRow: Object.keys(rows).sort((a, b) => a - b).map(k => rows[k]), baselines: baselines };
})()
'@
            ($layout.tilesPerRow -join '+') | Should -BeIn @('8', '4+4')
            # Within a pixel: the texts' boxes round differently inside a sort button and outside one.
            (($layout.baselines | Measure-Object -Maximum).Maximum - ($layout.baselines | Measure-Object -Minimum).Minimum) | Should -BeLessOrEqual 1 -Because "the header texts end at $($layout.baselines -join ', ') px"
        }
        finally {
            Invoke-Cdp $browser 'Emulation.setDeviceMetricsOverride' @{ width = 1280; height = 900; deviceScaleFactor = 1; mobile = $false } -SessionId $session | Out-Null
        }
    }
}

# Voicemail and fax beside their calls. The archive is written here as Save-RcMessage writes it (the
# content from the simulator's message store, one sidecar per file in the content engine's format),
# so these tests do not depend on that cmdlet; its -PassThru rows have the same properties.
Describe 'Voicemail and fax in the call report' {
    BeforeAll {
        function script:Get-SimToken {
            $basic = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes("$($sim.clientId):$($sim.clientSecret)"))
            (Invoke-RestMethod -Method Post -Uri "$($sim.url)/restapi/oauth/token" -Headers @{ Authorization = "Basic $basic" } `
                -Body @{ grant_type = 'urn:ietf:params:oauth:grant-type:jwt-bearer'; assertion = $sim.adminJwt }).access_token
        }

        function script:Save-TestMessageArchive {
            <# Each attachment's content under the engine's default name, with its sidecar; returns MessageDownload-shaped rows. #>
            param($Messages, [string] $Folder, [string] $Token)
            New-Item -ItemType Directory -Force -Path $Folder | Out-Null
            $extensions = @{ 'audio/mpeg' = '.mp3'; 'audio/x-wav' = '.wav'; 'audio/wav' = '.wav'; 'text/plain' = '.txt'; 'application/pdf' = '.pdf' }
            foreach ($m in $Messages) {
                foreach ($a in $m.Attachments) {
                    $name = '{0:yyyyMMdd-HHmmss}_{1}_{2}_{3}{4}' -f $m.CreationTime.UtcDateTime, $m.Direction, $m.Id, $a.Id, $extensions[$a.ContentType]
                    $path = Join-Path $Folder $name
                    Invoke-WebRequest -Uri $a.ContentUri -Headers @{ Authorization = "Bearer $Token" } -OutFile $path
                    $sha = (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash.ToLowerInvariant()
                    $bytes = (Get-Item -LiteralPath $path).Length
                    [ordered]@{ kind = 'message-attachment'; messageId = $m.Id; attachmentId = $a.Id; attachmentType = $a.Type; messageType = $m.Type
                        callLogId = $m.CallLogId; contentType = $a.ContentType; bytes = $bytes; sha256 = $sha } | ConvertTo-Json | Set-Content -LiteralPath "$path.json"
                    [pscustomobject]@{ MessageId = $m.Id; AttachmentId = $a.Id; AttachmentType = $a.Type; CallLogId = $m.CallLogId; Path = $path; Bytes = $bytes
                        ContentType = $a.ContentType; Sha256 = $sha; SidecarPath = "$path.json"; Status = 'Downloaded'; Error = $null }
                }
            }
        }

        $all = @($records | Where-Object MessageId | Get-RcMessage)
        $voicemails = @($all | Where-Object { $_.Type -eq 'VoiceMail' -and @($_.Attachments | Where-Object Type -EQ 'AudioTranscription').Count })
        # Both audio types RingCentral sends for voicemail: MP3 mostly, some WAV.
        $script:vmPicked = @(($voicemails | Where-Object { $_.Attachments[0].ContentType -eq 'audio/mpeg' } | Select-Object -First 2) +
            ($voicemails | Where-Object { $_.Attachments[0].ContentType -ne 'audio/mpeg' } | Select-Object -First 1))
        $script:faxPicked = @($all | Where-Object { $_.Type -eq 'Fax' -and @($_.Attachments | Where-Object Type -EQ 'RenderedDocument').Count } | Select-Object -First 2)
        $token = Get-SimToken
        $script:msgWork = Join-Path $work 'with-messages'
        $script:msgRows = @(Save-TestMessageArchive ($vmPicked + $faxPicked) (Join-Path $msgWork 'archive') $token)
        $script:msgReport = Join-Path $msgWork 'report.html'
        $records | Export-RcCallReport -Path $msgReport -ArchivePath (Join-Path $msgWork 'archive') -TimeZone 'America/New_York' -Title 'Calls, voicemail and fax'
        $script:msgHtml = Get-Content $msgReport -Raw
        # The real lengths of the voicemail audio, as the message store gives them.
        $script:vmSeconds = @{}
        foreach ($m in $vmPicked) { $vmSeconds[$m.Id] = [double]$m.VoicemailSeconds }
        # A transcription as hostile as a caller's words can make it, in a file of its own (a manifest row, outside the report's folder).
        $script:hostile = "It's ""Eve"" <script>window.__pwned = 1</script><img src=x onerror=""window.__pwned = 2""> & bye"
        $hostileVm = $vmPicked[0]
        $hostileDir = Join-Path $work 'hostile'
        New-Item -ItemType Directory -Force -Path $hostileDir | Out-Null
        $audioRow = $msgRows | Where-Object { $_.MessageId -eq $hostileVm.Id -and $_.AttachmentType -eq 'AudioRecording' }
        $script:hostileRows = @(
            [pscustomobject]@{ MessageId = $hostileVm.Id; AttachmentId = $audioRow.AttachmentId; AttachmentType = 'AudioRecording'; CallLogId = $hostileVm.CallLogId; Path = $audioRow.Path; ContentType = $audioRow.ContentType; Status = 'Downloaded' }
            [pscustomobject]@{ MessageId = $hostileVm.Id; AttachmentId = 'x1'; AttachmentType = 'AudioTranscription'; CallLogId = $hostileVm.CallLogId; Path = (Join-Path $hostileDir 'transcription.txt'); ContentType = 'text/plain'; Status = 'Downloaded' })
        Set-Content -LiteralPath $hostileRows[1].Path -Value $hostile -NoNewline -Encoding utf8
        $script:hostileReport = Join-Path $hostileDir 'report.html'
        $records | Export-RcCallReport -Path $hostileReport -Message $hostileRows -TimeZone 'America/New_York'
    }

    It 'has voicemail of both audio types with transcriptions, and faxes, to show' {
        $vmPicked.Count | Should -Be 3
        @($vmPicked | ForEach-Object { $_.Attachments[0].ContentType } | Select-Object -Unique).Count | Should -Be 2
        $faxPicked.Count | Should -Be 2
    }

    It 'shows each voicemail found by its sidecar with a player (relative link) and its transcription, escaped, under it' {
        foreach ($m in $vmPicked) {
            $audio = $msgRows | Where-Object { $_.MessageId -eq $m.Id -and $_.AttachmentType -eq 'AudioRecording' }
            $text = Get-Content -LiteralPath ($msgRows | Where-Object { $_.MessageId -eq $m.Id -and $_.AttachmentType -eq 'AudioTranscription' }).Path -Raw
            $row = [regex]::Match($msgHtml, '<tr data-call-id="' + [regex]::Escape($m.CallLogId) + '">.*?</tr>').Value
            $row | Should -Not -BeNullOrEmpty -Because "call $($m.CallLogId) left voicemail $($m.Id)"
            $type = if ($audio.ContentType -eq 'audio/mpeg') { 'audio/mpeg' } else { 'audio/wav' }
            $row | Should -Match ('<audio controls preload="none" data-voicemail-id="' + $m.Id + '"><source src="archive/' + [regex]::Escape([IO.Path]::GetFileName($audio.Path)) + '" type="' + $type + '"></audio>')
            $row | Should -Match ('<p class="transcription" data-transcription-id="' + $m.Id + '">' + [regex]::Escape([Net.WebUtility]::HtmlEncode($text.Trim())) + '</p>')
        }
    }

    It 'links each fax document found by its sidecar' {
        foreach ($m in $faxPicked) {
            $pdf = $msgRows | Where-Object { $_.MessageId -eq $m.Id -and $_.AttachmentType -eq 'RenderedDocument' }
            $row = [regex]::Match($msgHtml, '<tr data-call-id="' + [regex]::Escape($m.CallLogId) + '">.*?</tr>').Value
            $row | Should -Match ('<a class="document" target="_blank" rel="noopener" data-fax-id="' + $m.Id + '" href="archive/' + [regex]::Escape([IO.Path]::GetFileName($pdf.Path)) + '" type="application/pdf">Fax document</a>')
        }
        @([regex]::Matches($msgHtml, '<div class="message"')).Count | Should -Be ($vmPicked.Count + $faxPicked.Count)
    }

    It 'takes -Message rows (Import-Csv of a manifest), links files outside the report folder by file URI, and escapes a hostile transcription' {
        $html = Get-Content $hostileReport -Raw
        $html | Should -Not -Match '<script>window'
        $html | Should -Not -Match '<img src=x'
        $html | Should -Match ([regex]::Escape('It&#39;s &quot;Eve&quot; &lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt; &amp; bye'))
        $html | Should -Match ('<source src="' + [regex]::Escape([Uri]::new($hostileRows[0].Path).AbsoluteUri) + '"')

        $manifest = Join-Path $work 'messages.csv'
        $msgRows | Export-Csv $manifest -NoTypeInformation
        $fromCsv = Join-Path $work 'elsewhere-messages/report.html'
        $records | Export-RcCallReport -Path $fromCsv -Message (Import-Csv $manifest)
        $text = Get-Content $fromCsv -Raw
        @([regex]::Matches($text, '<div class="message"')).Count | Should -Be ($vmPicked.Count + $faxPicked.Count)
        foreach ($r in $msgRows | Where-Object AttachmentType -NE 'AudioTranscription') { $text | Should -Match ([regex]::Escape([Uri]::new($r.Path).AbsoluteUri)) }
    }

    It 'refuses a -Message row without MessageId or AttachmentId, naming the parameter' {
        { $records | Export-RcCallReport -Path (Join-Path $work 'bad.html') -Message ([pscustomobject]@{ Path = 'x.mp3' }) } |
            Should -Throw -ExpectedMessage '*-Message takes MessageDownload objects*'
        Test-Path (Join-Path $work 'bad.html') | Should -BeFalse
    }
}

Describe 'Voicemail and fax in headless Chromium' {
    BeforeAll {
        if ($SkipReason) { return }
        $script:mbrowser = Start-HeadlessChromium $Chromium
        $script:msession = Open-CdpPage $mbrowser
        Invoke-Cdp $mbrowser 'Page.navigate' @{ url = [Uri]::new($msgReport).AbsoluteUri } -SessionId $msession | Out-Null
        Wait-CdpEvent $mbrowser 'Page.loadEventFired' -TimeoutSeconds 30 | Out-Null
        $script:voicemail = Invoke-CdpScript $mbrowser $msession -TimeoutSeconds 90 @'
Promise.all(Array.from(document.querySelectorAll('audio[data-voicemail-id]')).map(a => new Promise(resolve => {
  const source = a.querySelector('source');
  const done = (r) => resolve(Object.assign({ id: a.dataset.voicemailId, src: source.getAttribute('src') }, r));
  const timer = setTimeout(() => done({ error: 'timeout' }), 20000);
  a.addEventListener('playing', () => { clearTimeout(timer); const d = a.duration; a.pause(); done({ duration: d, currentSrc: a.currentSrc, played: true }); });
  source.addEventListener('error', () => { clearTimeout(timer); done({ error: 'source failed' }); });
  a.addEventListener('error', () => { clearTimeout(timer); done({ error: 'media error ' + (a.error && a.error.code) }); });
  a.play().catch(e => { clearTimeout(timer); done({ error: 'play refused: ' + e.message }); });
})))
'@
        $script:shown = Invoke-CdpScript $mbrowser $msession @'
(() => Array.from(document.querySelectorAll('p.transcription')).map(p => ({
  id: p.dataset.transcriptionId, text: p.innerText, visible: p.getBoundingClientRect().height > 0 && getComputedStyle(p).visibility === 'visible',
  underPlayer: !!p.parentElement.querySelector('audio[data-voicemail-id="' + p.dataset.transcriptionId + '"]') })))()
'@
        $script:links = Invoke-CdpScript $mbrowser $msession '(() => Array.from(document.querySelectorAll("a[data-fax-id]")).map(a => ({ id: a.dataset.faxId, href: a.href, target: a.target })))()'
    }

    AfterAll {
        if ($script:mbrowser) { Stop-HeadlessChromium $mbrowser }
    }

    It 'plays each voicemail, its duration within a second of the audio''s real length' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        @($voicemail).Count | Should -Be $vmPicked.Count
        foreach ($a in $voicemail) {
            $a.PSObject.Properties['error'] | Should -BeNullOrEmpty -Because "voicemail $($a.id) ($($a.src)) must play"
            $a.played | Should -BeTrue
            $a.currentSrc | Should -BeLike 'file://*'
            [Math]::Abs($a.duration - $vmSeconds[$a.id]) | Should -BeLessOrEqual 1 -Because "voicemail $($a.id): browser $($a.duration) s, message store $($vmSeconds[$a.id]) s"
        }
    }

    It 'shows each transcription under its player, as the file has it' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        @($shown).Count | Should -Be $vmPicked.Count
        foreach ($t in $shown) {
            $file = ($msgRows | Where-Object { $_.MessageId -eq $t.id -and $_.AttachmentType -eq 'AudioTranscription' }).Path
            $t.text | Should -Be (Get-Content -LiteralPath $file -Raw).Trim()
            $t.visible | Should -BeTrue
            $t.underPlayer | Should -BeTrue
        }
    }

    It 'links each fax to a PDF on disk, and Chromium opens it' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        @($links).Count | Should -Be $faxPicked.Count
        foreach ($l in $links) {
            $l.target | Should -Be '_blank'
            $uri = [Uri]$l.href
            $uri.Scheme | Should -Be 'file'
            $bytes = [IO.File]::ReadAllBytes($uri.LocalPath)
            [Text.Encoding]::ASCII.GetString($bytes, 0, 5) | Should -Be '%PDF-'
            # Chromium itself loads the linked file as a PDF (in a tab of its own, as the link opens it).
            $tab = Open-CdpPage $mbrowser
            Invoke-Cdp $mbrowser 'Page.navigate' @{ url = $l.href } -SessionId $tab | Out-Null
            $href = $l.href
            $response = Wait-CdpEvent $mbrowser 'Network.responseReceived' -Where { $_.sessionId -eq $tab -and $_.params.response.url -eq $href }
            $response.params.response.mimeType | Should -Be 'application/pdf'
        }
    }

    It 'runs no script a transcription carries, and shows its text as written' {
        if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason; return }
        $tab = Open-CdpPage $mbrowser
        Invoke-Cdp $mbrowser 'Page.navigate' @{ url = [Uri]::new($hostileReport).AbsoluteUri } -SessionId $tab | Out-Null
        Wait-CdpEvent $mbrowser 'Page.loadEventFired' -Where { $_.sessionId -eq $tab } | Out-Null
        $seen = Invoke-CdpScript $mbrowser $tab '(() => ({ pwned: typeof window.__pwned, text: document.querySelector("p.transcription").innerText, images: document.querySelectorAll("td img").length }))()'
        $seen.pwned | Should -Be 'undefined'
        $seen.images | Should -Be 0
        $seen.text | Should -Be $hostile
    }
}
