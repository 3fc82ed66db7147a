# Tests that try to break Save-RcRecording's promises (docs/en-US/Save-RcRecording.md) the way the
# world does: kill -9 of pwsh itself mid-download, a full disk (a small tmpfs, root only), symbolic
# links planted in the folder, two runs into one folder at once, a server that answers empty or loops.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:sim = Start-TestSimulator -Arguments @('--seed', '9', '--extensions', '4', '--calls-per-day', '60', '--days', '5', '--recording-bytes', '200000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim -Extra @{ RetryBackoffSeconds = 0.05 }
    $script:ids = @(Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-6) -RecordingType All -First 12 | ForEach-Object RecordingId)
    $script:extensions = @{}
    foreach ($id in $ids) { $extensions[$id] = if ((Get-RcRecording -RecordingId $id).ContentType -like '*wav*') { '.wav' } else { '.mp3' } }

    # The true bytes of a recording, fetched here with a token of the test's own.
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($sim.clientId):$($sim.clientSecret)"))
    $script:token = (Invoke-RestMethod -Method Post -Uri "$($sim.url)/restapi/oauth/token" -Headers @{ Authorization = "Basic $basic" } `
            -Body @{ grant_type = 'urn:ietf:params:oauth:grant-type:jwt-bearer'; assertion = $sim.adminJwt }).access_token
    $script:trueHashes = @{}
    foreach ($id in $ids) {
        $bytes = (Invoke-WebRequest -Uri "$($sim.mediaUrl)/restapi/v1.0/account/$($sim.accountId)/recording/$id/content" -Headers @{ Authorization = "Bearer $token" }).Content
        $trueHashes[$id] = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([byte[]]$bytes))
    }

    function script:Get-ContentRequests { @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/content' }) }
    function script:New-TestFolder { Join-Path ([IO.Path]::GetTempPath()) "rc-promise-$([guid]::NewGuid())" }

    # A separate pwsh process (the real one: started directly, not through a launcher that starts a
    # child) that saves the given recordings into a folder and writes its rows as JSON to $Out.
    function script:Start-SaveProcess([string] $Folder, [string[]] $RecordingIds, [string] $Out) {
        $save = @'
$rows = @($env:RC_TEST_IDS.Split(',') | Save-RcRecording -Path $env:RC_TEST_FOLDER -ThrottleLimit 4 -PassThru -ErrorAction SilentlyContinue)
ConvertTo-Json -InputObject @($rows | Select-Object RecordingId, Status, Error, Path) -Depth 3 | Set-Content -LiteralPath $env:RC_TEST_OUT
'@
        $environment = @{ RC_TEST_IDS = $RecordingIds -join ','; RC_TEST_FOLDER = $Folder; RC_TEST_OUT = $Out }
        (Start-SignedInPwsh $sim $save -Environment $environment -ConnectArguments '-RetryBackoffSeconds 0.05').Process
    }

    # Waits (hang guard: 60 s) until $Condition holds, polling the folder.
    function script:Wait-Until([scriptblock] $Condition, [string] $What) {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out waiting until $What" }
            Start-Sleep -Milliseconds 20
        }
    }

    function script:Assert-ArchiveComplete([string] $Folder, [string[]] $RecordingIds) {
        $entries = @(Test-RcRecordingArchive -Path $Folder)
        $entries.Count | Should -Be $RecordingIds.Count
        foreach ($entry in $entries) {
            $entry.Status | Should -Be 'Ok' -Because "$($entry.Path): $($entry.Detail)"
            (Get-FileHash $entry.Path -Algorithm SHA256).Hash | Should -Be $trueHashes[$entry.RecordingId]
        }
        @($entries.RecordingId | Sort-Object) | Should -Be @($RecordingIds | Sort-Object)
        @(Get-ChildItem $Folder -Filter '*.partial').Count | Should -Be 0
        # Nor a lock file of a run: a killed run's is taken over (and removed) by the next.
        @(Get-ChildItem $Folder -Filter '*.lock').Count | Should -Be 0
    }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
}

Describe 'Tests that try to break a promise of Save-RcRecording' {
    BeforeEach {
        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        Invoke-SimHook $sim 'config' -Method Post -Body @{ latencyMs = 0 } | Out-Null
        Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null
        $folder = New-TestFolder
        $outside = New-TestFolder
    }
    AfterEach {
        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        Remove-Item $folder, $outside -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'kill -9 of pwsh at several points of a download, then a rerun: the archive is complete and verifies' {
        $six = $ids[0..5]
        # Slow bodies (8 KB per 40 ms), so each kill lands mid-download.
        Invoke-SimHook $sim 'faults' -Method Post -Body @{ kind = 'slow-body'; path = '/content'; delayMs = 40; count = 1000 } | Out-Null
        $points = [ordered]@{
            'a .partial has just been created'         = { @(Get-ChildItem $folder -Filter '*.partial' -ErrorAction SilentlyContinue).Count -gt 0 }
            'a .partial holds 100 000 bytes or more'    = { @(Get-ChildItem $folder -Filter '*.partial' -ErrorAction SilentlyContinue | Where-Object Length -GE 100000).Count -gt 0 }
            'two recordings have their final name'      = { @(Get-ChildItem $folder -ErrorAction SilentlyContinue | Where-Object Extension -In '.mp3', '.wav').Count -ge 2 }
        }
        foreach ($point in $points.GetEnumerator()) {
            $process = Start-SaveProcess -Folder $folder -RecordingIds $six -Out (Join-Path $outside 'rows.json')
            try {
                Wait-Until $point.Value $point.Key
                $process.Kill()  # SIGKILL of the pwsh process itself
                $process.WaitForExit(30000) | Out-Null
            }
            finally { if (-not $process.HasExited) { $process.Kill() } }
        }
        # A file with a final name is complete, whenever the process died.
        foreach ($file in Get-ChildItem $folder | Where-Object Extension -In '.mp3', '.wav') {
            (Get-FileHash $file.FullName -Algorithm SHA256).Hash | Should -Be $trueHashes[$file.BaseName]
        }

        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        $rows = @($six | Save-RcRecording -Path $folder -PassThru -ErrorVariable failures)
        $failures.Count | Should -Be 0
        $rows.Status | Should -Not -Contain 'Failed'
        Assert-ArchiveComplete $folder $six
    }

    It 'a full disk fails that recording once, names the file and the full disk, and starts no other download into the folder' {
        if (-not $IsLinux -or (& id -u) -ne '0') {
            Set-ItResult -Skipped -Because 'a full disk is a small tmpfs mounted by the test, which needs root on Linux'
            return
        }
        New-Item -ItemType Directory $folder | Out-Null
        & mount -t tmpfs -o size=320k tmpfs $folder
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because "mounting a tmpfs failed (exit $LASTEXITCODE)"; return }
        try {
            # 200 000-byte recordings: the first fits, the second fills the disk.
            $rows = @($ids[0..4] | Save-RcRecording -Path $folder -ThrottleLimit 1 -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
            # One at a time, in whichever order the workers start: one fits, the next fills the disk.
            $rows.Count | Should -Be 5
            @($rows | Where-Object Status -EQ 'Downloaded').Count | Should -Be 1
            $failed = @($rows | Where-Object Status -EQ 'Failed')
            $failed.Count | Should -Be 4
            $failed.Error | Should -BeLike '*disk is full*'
            # The one that hit it names its own file; the others were not started.
            $hit = @($failed | Where-Object { $_.Error -like "Cannot write '*$($_.RecordingId)$($extensions[$_.RecordingId]).partial'*" })
            $hit.Count | Should -Be 1
            @($failed | Where-Object Error -Like 'Not downloaded: *').Count | Should -Be 3
            $failures.Count | Should -Be 4
            # No retry of the full disk as if the network broke, and no request for the recordings after it.
            @(Get-ContentRequests).Count | Should -Be 2
            @(Get-ChildItem $folder | Where-Object Extension -In '.mp3', '.wav').Count | Should -Be 1
        }
        finally {
            & umount $folder
        }
    }

    It 'never writes through a symbolic link planted in the folder; that recording fails with a clear error and nothing outside -Path changes' {
        New-Item -ItemType Directory $folder, $outside | Out-Null
        # Every name a download writes: the .partial, its sidecar (and that one's temporary), the final
        # sidecar's temporary, the final sidecar and the final name.
        $plants = '{0}.partial', '{0}.json.tmp', '{0}.partial.json', '{0}.partial.json.tmp', '{0}.json', '{0}'
        for ($i = 0; $i -lt $plants.Count; $i++) {
            $victim = Join-Path $outside "victim$i.txt"
            Set-Content -LiteralPath $victim -Value "victim $i, must stay as it is"
            $name = $plants[$i] -f "$($ids[$i])$($extensions[$ids[$i]])"
            New-Item -ItemType SymbolicLink -Path (Join-Path $folder $name) -Target $victim | Out-Null
        }
        $before = @(Get-ChildItem $outside | ForEach-Object { "$($_.Name) $((Get-FileHash $_.FullName).Hash) $($_.Length)" })

        $rows = @($ids[0..6] | Save-RcRecording -Path $folder -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)

        @(Get-ChildItem $outside | ForEach-Object { "$($_.Name) $((Get-FileHash $_.FullName).Hash) $($_.Length)" }) | Should -Be $before
        $rows.Count | Should -Be 7
        for ($i = 0; $i -lt $plants.Count; $i++) {
            $row = $rows | Where-Object RecordingId -EQ $ids[$i]
            $row.Status | Should -Be 'Failed' -Because "a link is planted at $($plants[$i])"
            $row.Error | Should -BeLike '*symbolic link*'
        }
        ($rows | Where-Object RecordingId -EQ $ids[6]).Status | Should -Be 'Downloaded'
        $failures.Count | Should -Be 6
        # No recording file of the run is a link (only the planted final name of the last plant is, untouched).
        @(Get-ChildItem $folder | Where-Object { $_.LinkType -and $_.Name -ne ($plants[5] -f "$($ids[5])$($extensions[$ids[5]])") -and $_.Extension -in '.mp3', '.wav' }).Count | Should -Be 0
        @(Get-ChildItem $folder | Where-Object LinkType).Count | Should -Be $plants.Count
    }

    It 'two runs into one folder at once: each recording is downloaded once, the other run reports it Skipped, and no .partial is left' {
        # Slow bodies (8 KB per 100 ms, 2.5 s a recording): the two runs overlap for several seconds.
        Invoke-SimHook $sim 'faults' -Method Post -Body @{ kind = 'slow-body'; path = '/content'; delayMs = 100; count = 1000 } | Out-Null
        New-Item -ItemType Directory $folder, $outside | Out-Null
        $first = Start-SaveProcess -Folder $folder -RecordingIds $ids -Out (Join-Path $outside 'first.json')
        try {
            $second = Start-SaveProcess -Folder $folder -RecordingIds $ids -Out (Join-Path $outside 'second.json')
            try {
                $second.WaitForExit(120000) | Should -BeTrue
            }
            finally { if (-not $second.HasExited) { $second.Kill() } }
            $first.WaitForExit(120000) | Should -BeTrue
        }
        finally { if (-not $first.HasExited) { $first.Kill() } }

        $rows = @(Get-Content (Join-Path $outside 'first.json') -Raw | ConvertFrom-Json) + @(Get-Content (Join-Path $outside 'second.json') -Raw | ConvertFrom-Json)
        $rows.Count | Should -Be 24
        @($rows | Where-Object Status -EQ 'Failed' | ForEach-Object Error) | Should -BeNullOrEmpty
        @($rows | Where-Object Status -EQ 'Downloaded').Count | Should -Be 12
        @($rows | Where-Object Status -EQ 'Skipped').Count | Should -Be 12
        @(Get-ContentRequests).Count | Should -Be 12
        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        Assert-ArchiveComplete $folder $ids
    }

    It 'an empty 200 answer is never saved as a recording, and a rerun saves the real one' {
        Invoke-SimHook $sim 'faults' -Method Post -Body @{ kind = 'body'; path = '/content'; body = ''; count = 10 } | Out-Null
        $row = $ids[0] | Save-RcRecording -Path $folder -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
        $row.Status | Should -Be 'Failed'
        $row.Error | Should -BeLike '*empty*'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'RingCentralResponseInvalid*'
        @(Get-ChildItem $folder -File -ErrorAction SilentlyContinue).Count | Should -Be 0
        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        ($ids[0] | Save-RcRecording -Path $folder -PassThru).Status | Should -Be 'Downloaded'
        Assert-ArchiveComplete $folder $ids[0]
    }

    It 'a content address that redirects to itself forever fails after a bounded number of requests and saves nothing' {
        $content = "$($sim.mediaUrl)/restapi/v1.0/account/$($sim.accountId)/recording/$($ids[1])/content"
        Invoke-SimHook $sim 'faults' -Method Post -Body @{ kind = 'redirect'; path = '/content'; location = $content; count = 1000 } | Out-Null
        $row = $ids[1] | Save-RcRecording -Path $folder -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
        $row.Status | Should -Be 'Failed'
        $failures.Count | Should -Be 1
        @(Get-ContentRequests).Count | Should -BeLessOrEqual 30
        @(Get-ChildItem $folder -File -ErrorAction SilentlyContinue | Where-Object Extension -In '.mp3', '.wav').Count | Should -Be 0
    }
}
