# Rate limits, faults and token expiry during long runs: nothing lost, nothing repeated, no 429 drawn.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # 24x7: windows relative to the clock (two days to one day ago) must hold calls whatever the weekday of the run.
    $script:sim = Start-TestSimulator -Arguments @('--seed', '11', '--profile', '24x7', '--extensions', '8', '--calls-per-day', '1500', '--days', '20', '--recording-bytes', '20000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0', '--penalty', '2')
    $script:truth = Get-SimGroundTruth $sim
    $script:now = [DateTime]::UtcNow
    foreach ($r in $truth) { $r | Add-Member -NotePropertyName Start -NotePropertyValue (ConvertTo-UtcDate $r.startTime) }
    $script:live = @($truth | Where-Object { -not $_._sim.deleted } | Sort-Object Start -Descending)

    function script:Connect-Fast([hashtable] $Extra = @{}) {
        Connect-TestSimulator $sim -PassThru -Extra (@{ RetryBackoffSeconds = 0.05; DefaultRetryAfterSeconds = 1 } + $Extra)
    }
    function script:Set-SimConfig([hashtable] $Config) { Invoke-SimHook $sim 'config' -Method POST -Body $Config | Out-Null }
    function script:Add-Fault([hashtable] $Fault) { Invoke-SimHook $sim 'faults' -Method POST -Body $Fault | Out-Null }
    function script:Range([int] $Count) {
        # A range of exactly $Count records, away from the live edge.
        $ordered = @($live | Where-Object { $_.Start -le $now.AddHours(-1) })
        $i = $Count - 1
        while ($ordered[$i].Start -eq $ordered[$i + 1].Start) { $i-- }
        @{ From = $ordered[$i].Start; To = $now.AddHours(-1); Ids = @($ordered[0..$i].id) }
    }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
}

Describe 'Pacing by the rate-limit headers' {
    AfterEach { Set-SimConfig @{ heavy = '0/0' } }

    It 'an export of 40 pages under 10 requests per 3 s draws no 429 and makes exactly 40 requests' {
        $range = Range 2000
        Connect-Fast | Out-Null
        Set-SimConfig @{ heavy = '10/3' }
        Reset-SimStats $sim
        $got = @(Get-RcCallLog -Account -DateFrom $range.From -DateTo $range.To -PageSize 50 -WarningAction SilentlyContinue)
        $got.Count | Should -Be $range.Ids.Count
        $requests = Get-SimCallLogRequests $sim
        $requests.Count | Should -Be ([Math]::Ceiling($range.Ids.Count / 50))
        @($requests | Where-Object status -EQ 429).Count | Should -Be 0
        (Get-SimStats $sim).rateLimited | Should -Be 0
    }

    It 'waits show in -Verbose' {
        Connect-Fast | Out-Null
        Set-SimConfig @{ heavy = '3/2' }
        $verbose = Get-RcCallLog -Account -DateFrom $now.AddDays(-2) -DateTo $now.AddDays(-1) -PageSize 100 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Waiting [\d.]+ s: rate limit'
    }
}

Describe 'Faults: an export returns exactly the simulator''s record set' {
    BeforeEach { Invoke-SimHook $sim 'faults' -Method DELETE | Out-Null }
    AfterEach { Invoke-SimHook $sim 'faults' -Method DELETE | Out-Null }

    It 'with 429s (with and without Retry-After), 503 bursts and connections dropped half-way through pages' {
        $range = Range 20000
        # The faults below hit the first requests one after another: allow enough retries for all of them.
        Connect-Fast @{ MaxRetryCount = 12 } | Out-Null
        Add-Fault @{ kind = 'status'; status = 429; retryAfter = 1; path = '/call-log'; count = 2 }
        Add-Fault @{ kind = 'status'; status = 429; path = '/call-log'; count = 1 }
        Add-Fault @{ kind = 'status'; status = 503; path = '/call-log'; count = 3 }
        Add-Fault @{ kind = 'drop'; path = '/call-log'; probability = 0.3; seed = 7; count = 4 }
        Add-Fault @{ kind = 'status'; status = 502; path = '/call-log'; count = 1 }
        Add-Fault @{ kind = 'reset'; path = '/call-log'; count = 1 }
        Reset-SimStats $sim
        $got = @(Get-RcCallLog -Account -DateFrom $range.From -DateTo $range.To)
        $got.Count | Should -Be $range.Ids.Count
        @($got.Id | Sort-Object -Unique).Count | Should -Be $got.Count
        Compare-Object ($got.Id | Sort-Object) ($range.Ids | Sort-Object) | Should -BeNullOrEmpty
        $statuses = (Get-SimCallLogRequests $sim).status
        @($statuses | Where-Object { $_ -eq 429 }).Count | Should -Be 3
        @($statuses | Where-Object { $_ -eq 503 }).Count | Should -Be 3
    }

    It 'when retries run out on the first page, the terminating error says what happened and nothing of pages' {
        Connect-Fast @{ MaxRetryCount = 1 } | Out-Null
        Add-Fault @{ kind = 'status'; status = 503; path = '/call-log'; count = 5 }
        $err = $null
        $got = @(try { Get-RcCallLog -Account -DateFrom $now.AddDays(-2) -DateTo $now.AddDays(-1) -ErrorAction Stop } catch { $err = $_ })
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralServiceUnavailable'
        $err.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        # Nothing was written, so nothing is partial: no "0 records of 0 earlier pages" (issue 23).
        $err.Exception.Message | Should -Match 'Service Temporary Unavailable'
        $err.Exception.Message | Should -Not -Match 'earlier page|rest of the range|not fetched'
        $err.ErrorDetails.Message | Should -Match 'RCRequestId'
    }

    It 'a 500 with CMN-201 is retried like a 503; another 500 once, then reported with its RCRequestId (issue 14 item 5)' {
        $range = Range 300
        Connect-Fast @{ MaxRetryCount = 3 } | Out-Null
        Add-Fault @{ kind = 'status'; status = 500; errorCode = 'CMN-201'; path = '/call-log'; count = 3 }
        Reset-SimStats $sim
        $got = @(Get-RcCallLog -Account -DateFrom $range.From -DateTo $range.To)
        $got.Count | Should -Be $range.Ids.Count
        @((Get-SimCallLogRequests $sim).status | Where-Object { $_ -eq 500 }).Count | Should -Be 3

        Add-Fault @{ kind = 'status'; status = 500; errorCode = 'CMN-203'; path = '/call-log'; count = 5 }
        Reset-SimStats $sim
        $err = $null
        try { Get-RcCallLog -Account -DateFrom $range.From -DateTo $range.To -ErrorAction Stop | Out-Null } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralServiceUnavailable'
        $err.ErrorDetails.Message | Should -Match 'CMN-203'
        $err.ErrorDetails.Message | Should -Match 'RCRequestId'
        @(Get-SimCallLogRequests $sim).Count | Should -Be 2
    }

    It 'a 429 still there after the retries carries the rate-limit state' {
        Connect-Fast @{ MaxRetryCount = 1 } | Out-Null
        Set-SimConfig @{ heavy = '100/60' }   # headers on every answer, far from the limit
        try {
            Get-RcCallLog -Account -First 1 | Out-Null
            Add-Fault @{ kind = 'status'; status = 429; retryAfter = 0; path = '/call-log'; count = 2 }
            $err = $null
            try { Get-RcCallLogBatch -Id 'AAA', 'BBB' -Account -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Match '^RingCentralRateLimitExceeded'
            $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $err.ErrorDetails.Message | Should -Match 'CMN-301'
            $err.ErrorDetails.Message | Should -Match "rate limit group 'heavy'"
        }
        finally { Set-SimConfig @{ heavy = '0/0' } }
    }

    It 'a 429 from the token endpoint is waited out, not hammered' {
        Set-SimConfig @{ auth = '0/0' }
        Add-Fault @{ kind = 'status'; status = 429; retryAfter = 2; path = '/restapi/oauth/token'; count = 1 }
        Reset-SimStats $sim
        $out = @(Connect-TestSimulator $sim -PassThru -Extra @{ Verbose = $true } 4>&1)
        # What the client decided, from its own words rather than a clock: the retry waits the
        # answer's Retry-After (the pacer's wait itself is tested with an injected clock in xunit).
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose -join "`n" | Should -Match 'HTTP 429 \([^)]*\); waiting 2 s before retry 1 of'
        $verbose -join "`n" | Should -Match 'Waiting [\d.]+ s: HTTP 429 from RingCentral \(Retry-After 2 s\)'
        $c = $out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $c.ExtensionId | Should -Be $sim.adminExtensionId
        $tokenRequests = @((Get-SimStats $sim).requests | Where-Object path -EQ '/restapi/oauth/token')
        $tokenRequests.Count | Should -Be 2
    }
}

Describe 'Token expiry in long runs' {
    AfterEach { Set-SimConfig @{ accessTokenTtl = 3600; latencyMs = 0 } }

    It 'an export several times longer than the access token''s lifetime completes with no gap and no duplicate' {
        $range = Range 6000
        Set-SimConfig @{ accessTokenTtl = 2; latencyMs = 350 }
        Connect-Fast | Out-Null
        Reset-SimStats $sim
        $got = @(Get-RcCallLog -Account -DateFrom $range.From -DateTo $range.To -PageSize 250)
        $got.Count | Should -Be $range.Ids.Count
        Compare-Object ($got.Id | Sort-Object) ($range.Ids | Sort-Object) | Should -BeNullOrEmpty
        $stats = Get-SimStats $sim
        $stats.tokenGrants.refresh_token | Should -BeGreaterOrEqual 2
        @($stats.requests | Where-Object status -EQ 401).Count | Should -Be 0
    }

    It 'eight parallel downloads crossing an access-token expiry cause exactly one refresh' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) "rc-refresh-$([guid]::NewGuid())"
        try {
            $records = @(Get-RcCallLog -Account -RecordingType All -DateFrom $now.AddDays(-3) -DateTo $now.AddDays(-1) -First 40)
            # A 10 s token is renewed 2 s before it expires (at 8 s), the next time at 16 s. The
            # downloads start at 7 s and take at least 5 rounds of 0.5 s: they cross the first
            # renewal, with 6 s to spare before the second.
            Set-SimConfig @{ accessTokenTtl = 10; latencyMs = 500 }
            Connect-Fast | Out-Null
            Start-Sleep -Milliseconds 7000
            Reset-SimStats $sim
            $result = @($records | Save-RcRecording -Path $folder -ThrottleLimit 8 -PassThru)
            @($result | Where-Object Status -EQ 'Downloaded').Count | Should -Be 40
            $stats = Get-SimStats $sim
            # One renewal for all eight workers (the downloads themselves run in parallel: the
            # recordings tests measure that with larger files).
            $stats.tokenGrants.refresh_token | Should -Be 1
            @($stats.requests | Where-Object status -EQ 401).Count | Should -Be 0
        }
        finally { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'parallel downloads under a Heavy limit share one pacer: no 429' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) "rc-paced-$([guid]::NewGuid())"
        try {
            $records = @(Get-RcCallLog -Account -RecordingType All -DateFrom $now.AddDays(-6) -DateTo $now.AddDays(-4) -First 30)
            Connect-Fast | Out-Null
            Set-SimConfig @{ heavy = '10/2' }
            Reset-SimStats $sim
            $result = @($records | Save-RcRecording -Path $folder -ThrottleLimit 8 -PassThru -WarningAction SilentlyContinue)
            @($result | Where-Object Status -EQ 'Downloaded').Count | Should -Be 30
            (Get-SimStats $sim).rateLimited | Should -Be 0
        }
        finally {
            Set-SimConfig @{ heavy = '0/0' }
            Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
