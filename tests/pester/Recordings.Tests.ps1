# Get-RcRecording and Save-RcRecording against the simulator: parallel downloads with the right
# bytes, skip on rerun, resume of a .partial, truncation, foreign hosts, safe names, -WhatIf.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:sim = Start-TestSimulator -Arguments @('--seed', '5', '--extensions', '4', '--calls-per-day', '60', '--days', '5', '--recording-bytes', '200000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim -Extra @{ RetryBackoffSeconds = 0.05 }
    $script:records = @(Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -RecordingType All -First 50)

    # The true bytes of a recording, fetched here with a token of the test's own.
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($sim.clientId):$($sim.clientSecret)"))
    $script:token = (Invoke-RestMethod -Method Post -Uri "$($sim.url)/restapi/oauth/token" -Headers @{ Authorization = "Basic $basic" } `
            -Body @{ grant_type = 'urn:ietf:params:oauth:grant-type:jwt-bearer'; assertion = $sim.adminJwt }).access_token
    function script:Get-TrueHash([string] $RecordingId) {
        $file = New-TemporaryFile
        try {
            Invoke-WebRequest -Uri "$($sim.mediaUrl)/restapi/v1.0/account/$($sim.accountId)/recording/$RecordingId/content" `
                -Headers @{ Authorization = "Bearer $token" } -OutFile $file.FullName | Out-Null
            (Get-FileHash $file.FullName -Algorithm SHA256).Hash
        }
        finally { Remove-Item $file.FullName -Force }
    }
    function script:Get-ContentRequests { @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/content' }) }
    function script:New-TestFolder { Join-Path ([IO.Path]::GetTempPath()) "rc-rec-$([guid]::NewGuid())" }
}

AfterAll {
    Invoke-SimHook $sim 'config' -Method Post -Body @{ latencyMs = 0; mediaBaseUrl = $null } | Out-Null
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
}

Describe 'Save-RcRecording' {
    BeforeEach {
        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        Invoke-SimHook $sim 'config' -Method Post -Body @{ latencyMs = 0; mediaBaseUrl = $null } | Out-Null
        $folder = New-TestFolder
    }
    AfterEach { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }

    It 'downloads 50 recordings 4 at a time with the simulator''s bytes; a rerun skips all 50 without a request' {
        $records.Count | Should -Be 50
        Invoke-SimHook $sim 'config' -Method Post -Body @{ latencyMs = 150 } | Out-Null
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $result = @($records | Save-RcRecording -Path $folder -ThrottleLimit 4 -PassThru -ErrorVariable failures)
        $failures.Count | Should -Be 0
        $stats = Invoke-SimHook $sim 'stats'
        # Real concurrency, never more than -ThrottleLimit (usually exactly 4; fewer only on a loaded machine).
        $stats.maxConcurrentContent | Should -BeGreaterThan 1
        $stats.maxConcurrentContent | Should -BeLessOrEqual 4
        @(Get-ContentRequests).Count | Should -Be 50
        Get-ContentRequests | ForEach-Object { $_.authorization | Should -Be 'Bearer' }
        # The content URI comes with the record: no metadata request before a download.
        @($stats.requests | Where-Object { $_.path -like '*/recording/*' -and $_.path -notlike '*/content' }).Count | Should -Be 0
        Invoke-SimHook $sim 'config' -Method Post -Body @{ latencyMs = 0 } | Out-Null

        $result.Count | Should -Be 50
        foreach ($row in $result) {
            $row.Status | Should -Be 'Downloaded'
            Split-Path $row.Path -Parent | Should -Be $folder
            Split-Path $row.Path -Leaf | Should -Match '^\d{8}-\d{6}_(Inbound|Outbound)_\d+\.(mp3|wav)$'
            $row.CallLogId | Should -Not -BeNullOrEmpty
            (Get-FileHash $row.Path -Algorithm SHA256).Hash | Should -Be (Get-TrueHash $row.RecordingId)
            (Get-Item $row.Path).Length | Should -Be $row.Bytes
        }
        @(Get-ChildItem $folder -Filter '*.partial').Count | Should -Be 0

        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $again = @($records | Save-RcRecording -Path $folder -ThrottleLimit 4 -PassThru -ErrorVariable againFailures)
        $againFailures.Count | Should -Be 0
        $again.Count | Should -Be 50
        @($again | Where-Object Status -EQ 'Skipped').Count | Should -Be 50
        @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/recording/*' }).Count | Should -Be 0
    }

    It 'never has more content requests in flight than -ThrottleLimit' {
        Invoke-SimHook $sim 'config' -Method Post -Body @{ latencyMs = 100 } | Out-Null
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $rows = @($records | Select-Object -First 10 | Save-RcRecording -Path $folder -ThrottleLimit 2 -PassThru -ErrorVariable failures)
        $failures.Count | Should -Be 0
        $rows.Count | Should -Be 10
        $maxConcurrent = (Invoke-SimHook $sim 'stats').maxConcurrentContent
        $maxConcurrent | Should -BeGreaterOrEqual 1
        $maxConcurrent | Should -BeLessOrEqual 2
    }

    It 'completes a leftover .partial with a Range request' {
        $row = $records[0] | Save-RcRecording -Path $folder -PassThru
        $bytes = [IO.File]::ReadAllBytes($row.Path)
        [IO.File]::WriteAllBytes("$($row.Path).partial", $bytes[0..9999])
        Remove-Item $row.Path
        # What an interrupted run leaves beside its .partial: whose bytes they are, and the content's ETag.
        Move-Item "$($row.Path).json" "$($row.Path).partial.json"
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $again = $records[0] | Save-RcRecording -Path $folder -PassThru
        $again.Status | Should -Be 'Downloaded'
        $content = @(Get-ContentRequests)
        $content.Count | Should -Be 1
        $content[0].range | Should -Be 'bytes=10000-'
        $content[0].status | Should -Be 206
        (Get-FileHash $row.Path).Hash | Should -Be (Get-TrueHash $row.RecordingId)
        $again.Sha256 | Should -Be (Get-TrueHash $row.RecordingId)
        (Get-Content "$($row.Path).json" -Raw | ConvertFrom-Json).sha256 | Should -Be $again.Sha256
        Test-Path "$($row.Path).partial" | Should -BeFalse
        Test-Path "$($row.Path).partial.json" | Should -BeFalse
    }

    It 'leaves no final file after a truncated response, reports it, and a rerun completes it' {
        Connect-TestSimulator $sim -Extra @{ MaxRetryCount = 1; RetryBackoffSeconds = 0.05 }
        try {
            Invoke-SimHook $sim 'faults' -Method Post -Body @{ kind = 'truncate'; path = '/content'; count = 10 } | Out-Null
            $row = $records[1] | Save-RcRecording -Path $folder -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
            $row.Status | Should -Be 'Failed'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'RingCentralResponseInvalid*'
            $failures[0].TargetObject | Should -Be $records[1].RecordingId
            $row.Error | Should -BeLike '*expected*'
            @(Get-ChildItem $folder -File | Where-Object Extension -In '.mp3', '.wav').Count | Should -Be 0
            @(Get-ChildItem $folder -Filter '*.partial').Count | Should -Be 1
        }
        finally {
            Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
            Connect-TestSimulator $sim -Extra @{ RetryBackoffSeconds = 0.05 }
        }
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $done = $records[1] | Save-RcRecording -Path $folder -PassThru
        $done.Status | Should -Be 'Downloaded'
        # The rerun resumes the .partial rather than starting over.
        @(Get-ContentRequests).Count | Should -Be 1
        (Get-ContentRequests).range | Should -BeLike 'bytes=*'
        (Get-FileHash $done.Path).Hash | Should -Be (Get-TrueHash $done.RecordingId)
        @(Get-ChildItem $folder -Filter '*.partial').Count | Should -Be 0
    }

    It 'sends nothing with a token to a contentUri on another host (127.0.0.2) and reports RingCentralUntrustedHost' {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Parse('127.0.0.2'), 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            Invoke-SimHook $sim 'config' -Method Post -Body @{ mediaBaseUrl = "http://127.0.0.2:$port" } | Out-Null
            $foreign = @(Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -RecordingType All -First 2)
            $foreign[0].RecordingContentUri | Should -BeLike "http://127.0.0.2:$port/*"
            $rows = @($foreign | Save-RcRecording -Path $folder -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
            # By -RecordingId the content URI comes from the recording's metadata: the same refusal.
            $rows += @(Save-RcRecording -RecordingId $foreign[0].RecordingId -Path $folder -PassThru -ErrorVariable +failures -ErrorAction SilentlyContinue)
            $rows.Status | Should -Be @('Failed', 'Failed', 'Failed')
            $failures.Count | Should -Be 3
            $failures | ForEach-Object {
                $_.FullyQualifiedErrorId | Should -BeLike 'RingCentralUntrustedHost*'
                $_.CategoryInfo.Category | Should -Be 'SecurityError'
            }
            @(Get-ChildItem $folder -File -ErrorAction SilentlyContinue).Count | Should -Be 0
            # Whatever reached that host carried no token (nothing should have reached it at all).
            $received = ''
            while ($listener.Pending()) {
                $client = $listener.AcceptTcpClient()
                $stream = $client.GetStream(); $stream.ReadTimeout = 1000
                $buffer = [byte[]]::new(8192)
                try { $n = $stream.Read($buffer, 0, $buffer.Length); $received += [Text.Encoding]::ASCII.GetString($buffer, 0, $n) } catch { }
                $client.Dispose()
            }
            $received | Should -Not -Match 'Authorization'
            $received | Should -Not -Match 'access_token'
        }
        finally { $listener.Stop() }
    }

    It '-WhatIf creates no directory and no file and sends no recording request' {
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $output = @($records | Select-Object -First 3 | Save-RcRecording -Path (Join-Path $folder 'sub') -WhatIf -PassThru -ErrorVariable failures)
        $output += @(Save-RcRecording -RecordingId 12345 -Path $folder -WhatIf -ErrorVariable +failures)
        $output.Count | Should -Be 0
        $failures.Count | Should -Be 0
        Test-Path $folder | Should -BeFalse
        @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/recording/*' }).Count | Should -Be 0
    }

    It 'refuses bad input before any request: a -Path that is a file, an unknown template field, ids that cannot be recording ids' {
        $file = New-TemporaryFile
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        try {
            { Save-RcRecording -RecordingId 12345 -Path $file.FullName -ErrorAction Stop } | Should -Throw '*Path*'
            { Save-RcRecording -RecordingId 12345 -Path $folder -FileNameTemplate '{Nope}' -ErrorAction Stop } | Should -Throw '*FileNameTemplate*'
            { Save-RcRecording -RecordingId '../etc' -Path $folder -ErrorAction Stop } | Should -Throw
            { Get-RcRecording -RecordingId 'a:b' -ErrorAction Stop } | Should -Throw
        }
        finally { Remove-Item $file.FullName }
        @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/recording*' }).Count | Should -Be 0
    }

    It 'creates -Path before the next command of the pipeline opens a file in it: a manifest in a new dated folder gets every row' {
        # The nightly recipe: Export-Csv (Join-Path $folder 'manifest.csv') opens its file before the first download.
        $dated = Join-Path $folder (Get-Date -Format 'yyyy-MM-dd')
        $records | Select-Object -First 3 | Save-RcRecording -Path $dated -PassThru |
            Export-Csv (Join-Path $dated 'manifest.csv') -NoTypeInformation -ErrorVariable failures
        $failures.Count | Should -Be 0
        @(Import-Csv (Join-Path $dated 'manifest.csv') | Where-Object Status -EQ 'Downloaded').Count | Should -Be 3
    }

    It 'leaves no empty folder behind when the run fails before any download' {
        $new = Join-Path $folder 'never-used'
        { Get-RcCallLog -ExtensionId 999 -ErrorAction Stop | Save-RcRecording -Path $new -ErrorAction Stop } | Should -Throw
        Test-Path $new | Should -BeFalse
    }

    It 'refuses a -Path it cannot write to with one terminating error naming -Path, before any request' {
        New-Item -ItemType Directory $folder | Out-Null
        $readOnly = Join-Path $folder 'ro'
        New-Item -ItemType Directory $readOnly | Out-Null
        # root ignores file modes, so as root the place is a read-only tmpfs; otherwise a folder without write permission.
        $mounted = $false
        if ((id -u) -eq '0') { mount -t tmpfs -o ro,size=1m tmpfs $readOnly; $mounted = $LASTEXITCODE -eq 0 }
        else { chmod 555 $readOnly }
        try {
            if ((id -u) -eq '0' -and -not $mounted) { Set-ItResult -Skipped -Because 'mounting a read-only tmpfs failed'; return }
            Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
            foreach ($target in (Join-Path $readOnly 'new'), $readOnly) {
                $errors = @()
                try { $records | Select-Object -First 3 | Save-RcRecording -Path $target -PassThru -ErrorVariable errors | Out-Null }
                catch { $caught = $_ }
                $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidArgumentPath*'
                $caught.Exception.Message | Should -BeLike '*-Path*'
                $errors.Count | Should -Be 1
                $caught = $null
            }
            @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/recording/*' }).Count | Should -Be 0
        }
        finally {
            if ($mounted) { umount $readOnly } elseif ((id -u) -ne '0') { chmod 755 $readOnly }
        }
    }

    It 'shows a failed download''s error in its own Error column of the default table, not under Path' {
        $row = Save-RcRecording -RecordingId 99999999 -Path $folder -PassThru -ErrorAction SilentlyContinue
        $row.Status | Should -Be 'Failed'
        $lines = @(($row | Format-Table | Out-String -Width 250) -split "`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^RecordingId\s+Status\s+Bytes\s+Error\s+Path\s*$'
        $errorAt = $lines[0].IndexOf('Error')
        $lines[2].IndexOf($row.Error.Substring(0, 10)) | Should -Be $errorAt
    }

    It 'keeps names from hostile values inside -Path' {
        $row = $records[2] | Select-Object *, @{ n = 'Direction'; e = { '..\..\x/y:z' + [char]7 } } -ExcludeProperty Direction |
            Save-RcRecording -Path $folder -FileNameTemplate '{Direction}_{RecordingId}' -PassThru
        $row.Status | Should -Be 'Downloaded'
        Split-Path $row.Path -Parent | Should -Be $folder
        Split-Path $row.Path -Leaf | Should -Not -Match '\.\.|[\\/:\x00-\x1f]'
    }
}

Describe 'Get-RcRecording' {
    It 'takes the record''s RecordingId, never its call Id, and skips records without a recording' {
        $none = Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -First 200 | Where-Object { -not $_.RecordingId } | Select-Object -First 1
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $info = @($records[0], $none | Get-RcRecording -Verbose 4>&1)
        $objects = @($info | Where-Object { $_ -is [RingCentral.CallLog.RecordingInfo] })
        $objects.Count | Should -Be 1
        $objects[0].Id | Should -Be $records[0].RecordingId
        $objects[0].ContentType | Should -BeIn @('audio/mpeg', 'audio/wav')
        @($info | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like '*has no recording*' }).Count | Should -Be 1
        $paths = @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/recording/*' }).path
        $paths | Should -Be @("/restapi/v1.0/account/~/recording/$($records[0].RecordingId)")
    }

    It 'binds RecordingId by property name from any object, not its Id' {
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $info = $records[0] | Select-Object Id, RecordingId, StartTime | Get-RcRecording
        $info.Id | Should -Be $records[0].RecordingId
        $paths = @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/recording/*' }).path
        $paths | Should -Be @("/restapi/v1.0/account/~/recording/$($records[0].RecordingId)")
    }

    It 'reports an unknown recording as RecordingNotFound with the id as target' {
        Get-RcRecording -RecordingId 999999999 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'RecordingNotFound*'
        $failures[0].TargetObject | Should -Be '999999999'
    }
}
