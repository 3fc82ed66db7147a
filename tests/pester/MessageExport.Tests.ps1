# Export-RcMessageStore against the simulator's account-wide export: the whole flow in a handful of
# Heavy requests, files laid out and verified like Save-RcMessage's, a re-run that skips them, the
# refusals (non-admin, failed task, timeout, bad dates), kill -9 of pwsh itself mid-export, a full disk, and
# Save-RcMessage writing into the same folder at the same time.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # Around the clock: the office profile's data, and with it how the attachments fall into zips, would depend on the hour of the run.
    $script:sim = Start-TestSimulator -Arguments @('--seed', '23', '--extensions', '3', '--calls-per-day', '40', '--days', '3', '--profile', '24x7', '--export-delay', '1', '--heavy', '0/0', '--medium', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim
    $script:since = (Get-Date).AddDays(-4)
    $script:ProgressPreference = 'SilentlyContinue'
    # Several attachment archives, so archive 0 and 1.. are all exercised.
    Invoke-SimHook $sim 'config' -Method Post -Body @{ exportArchiveMaxBytes = 300000 } | Out-Null
    # The truth: every attachment of every message of the period, as the simulator holds them.
    $script:expected = @(@((Invoke-SimHook $sim 'messages').messages) |
        Where-Object { $_.message.availability -ne 'Purged' -and [datetimeoffset]$_.message.creationTime -ge $since } |
        ForEach-Object { $m = $_.message; @($m.attachments) | Where-Object { $_ } | ForEach-Object { "$($m.id)/$($_.id)" } })
    function script:Get-ExportRequests { @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/message-store-report*' }) }
    function script:Reset-Stats { Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null }
    function script:New-TestFolder { Join-Path ([IO.Path]::GetTempPath()) "rc-mse-$([guid]::NewGuid())" }
    # Every attachment file of the folder checked against its sidecar: the sidecar names it, and size and SHA-256 match.
    function script:Assert-ExportComplete([string] $Folder) {
        $found = @{}
        foreach ($sidecar in Get-ChildItem $Folder -Filter '*.json' | Where-Object Name -NotLike 'message-store_*') {
            $meta = Get-Content $sidecar.FullName -Raw | ConvertFrom-Json
            $meta.kind | Should -Be 'message-attachment'
            $file = $sidecar.FullName.Substring(0, $sidecar.FullName.Length - 5)
            (Get-Item $file).Length | Should -Be $meta.bytes
            (Get-FileHash $file -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $meta.sha256
            $found["$($meta.messageId)/$($meta.attachmentId)"] = $file
        }
        @($found.Keys | Sort-Object) | Should -Be @($expected | Sort-Object)
        @(Get-ChildItem $Folder -Filter '*.partial*') | Should -BeNullOrEmpty
    }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
}

Describe 'Export-RcMessageStore' {
    It 'exports every attachment of the period in a handful of Heavy requests, laid out with sidecars that verify' {
        $expected.Count | Should -BeGreaterThan 5
        $folder = New-TestFolder
        Reset-Stats
        $rows = @(Export-RcMessageStore -Path $folder -DateFrom $since -ErrorVariable failures)
        $failures.Count | Should -Be 0
        $rows.Count | Should -Be $expected.Count
        $rows.Status | Sort-Object -Unique | Should -Be 'Downloaded'
        foreach ($row in $rows) {
            (Get-FileHash $row.Path -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $row.Sha256
            $row.SidecarPath | Should -Be "$($row.Path).json"
            [IO.Path]::GetFileName($row.Path) | Should -Match "_$($row.MessageId)_$($row.AttachmentId)\.(mp3|wav|txt|pdf)$"
        }
        Assert-ExportComplete $folder
        @(Get-ChildItem $folder -Filter 'message-store_*.json').Count | Should -BeGreaterThan 0
        Test-Path (Join-Path $folder '.message-store-export') | Should -BeFalse -Because 'the zips are removed once unpacked'

        # The requests: one POST, the polls (export delay 1 s, one poll every 6 s at most), one list, one GET per archive.
        $requests = @(Get-ExportRequests)
        $requests.group | Sort-Object -Unique | Should -Be 'heavy'
        @($requests | Where-Object method -EQ 'POST').Count | Should -Be 1
        $polls = @($requests | Where-Object { $_.method -eq 'GET' -and $_.path -match '/message-store-report/[^/]+$' })
        $polls.Count | Should -BeIn 1, 2
        @($requests | Where-Object path -Match '/archive$').Count | Should -Be 1
        $archives = @($requests | Where-Object path -Match '/archive/\d+$')
        $archives.Count | Should -BeGreaterThan 2 -Because 'a 300 000-byte limit splits the attachments'
        @($archives.path | Sort-Object -Unique).Count | Should -Be $archives.Count -Because 'each zip is fetched once'
        $requests.Count | Should -Be (1 + $polls.Count + 1 + $archives.Count)

        # A re-run over the same folder: every file is there and verifies, so every row is Skipped and nothing is rewritten.
        $before = @{}; Get-ChildItem $folder | ForEach-Object { $before[$_.Name] = $_.LastWriteTimeUtc }
        $again = @(Export-RcMessageStore -Path $folder -DateFrom $since)
        $again.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $again.Count | Should -Be $expected.Count
        Get-ChildItem $folder | Where-Object Extension -In '.mp3', '.wav', '.txt', '.pdf' | ForEach-Object { $_.LastWriteTimeUtc | Should -Be $before[$_.Name] }
        Remove-Item $folder -Recurse -Force
    }

    It 'refuses bad dates and -Timeout before any request, naming the parameter' {
        Reset-Stats
        { Export-RcMessageStore -Path (New-TestFolder) -DateFrom (Get-Date) -DateTo (Get-Date).AddDays(-1) } | Should -Throw -ErrorId 'InvalidArgumentDateFrom,RingCentral.CallLog.Commands.ExportRcMessageStoreCommand'
        { Export-RcMessageStore -Path (New-TestFolder) -DateFrom (Get-Date).AddDays(2) } | Should -Throw -ErrorId 'InvalidArgumentDateFrom,RingCentral.CallLog.Commands.ExportRcMessageStoreCommand'
        { Export-RcMessageStore -Path (New-TestFolder) -DateFrom $since -Timeout 0 } | Should -Throw -ErrorId 'InvalidArgumentTimeout,RingCentral.CallLog.Commands.ExportRcMessageStoreCommand'
        { Export-RcMessageStore -Path (New-TestFolder) -DateFrom $since -MessageType Text } | Should -Throw -ErrorId 'InvalidArgumentMessageType,RingCentral.CallLog.Commands.ExportRcMessageStoreCommand'
        @(Get-ExportRequests).Count | Should -Be 0
    }

    It '-WhatIf sends no request and creates nothing' {
        $folder = New-TestFolder
        Reset-Stats
        Export-RcMessageStore -Path $folder -DateFrom $since -WhatIf
        @(Get-ExportRequests).Count | Should -Be 0
        Test-Path $folder | Should -BeFalse
    }

    It 'a user without an admin role gets the permission error with its next step, after one request' {
        $user = Connect-TestSimulator $sim -AsUser -PassThru
        Reset-Stats
        $err = $null
        try { Export-RcMessageStore -Path (New-TestFolder) -DateFrom $since -Connection $user } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'RingCentralPermissionDenied,*'
        $err.ToString() | Should -Match 'admin'
        $err.ErrorDetails.RecommendedAction | Should -Match 'admin user'
        @(Get-ExportRequests).Count | Should -Be 1
        Connect-TestSimulator $sim
    }

    It 'a task that fails is a terminating error naming its state, and nothing is written' {
        Invoke-SimHook $sim 'config' -Method Post -Body @{ exportFails = $true } | Out-Null
        try {
            $folder = New-TestFolder
            $err = $null
            try { Export-RcMessageStore -Path $folder -DateFrom $since } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'MessageStoreExportFailed,*'
            $err.ToString() | Should -Match "'Failed'"
            @(Get-ChildItem $folder -File) | Should -BeNullOrEmpty
        }
        finally { Invoke-SimHook $sim 'config' -Method Post -Body @{ exportFails = $false } | Out-Null }
    }

    It 'a task that does not complete within -Timeout is a terminating error naming its last state' {
        Invoke-SimHook $sim 'config' -Method Post -Body @{ exportDelaySeconds = 600 } | Out-Null
        try {
            $err = $null
            $watch = [Diagnostics.Stopwatch]::StartNew()
            try { Export-RcMessageStore -Path (New-TestFolder) -DateFrom $since -Timeout '00:00:08' } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'MessageStoreExportTimedOut,*'
            $err.ToString() | Should -Match "'Accepted'|'InProgress'"
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 60 -Because 'a hang guard only'
        }
        finally { Invoke-SimHook $sim 'config' -Method Post -Body @{ exportDelaySeconds = 1 } | Out-Null }
    }

    It 'kill -9 of pwsh mid-export, then a re-run: every file with a final name is complete, and the archive completes' {
        $folder = New-TestFolder
        # Archive 2 stalls mid-body until the client goes, so the kill lands once archive 1's first attachment
        # has its final name and before archive 2 is through: mid-unpack or mid-download, whatever the sizes of
        # the zips (synthetic audio packs small; a slow zip of a few KB was through before a poll saw it).
        Invoke-SimHook $sim 'faults' -Method Post -Body @{ kind = 'stall-body'; path = '/archive/2'; delayMs = 120000; count = 1 } | Out-Null
        $export = Start-SignedInPwsh $sim 'Export-RcMessageStore -Path $env:RC_TEST_FOLDER -DateFrom ([datetime]$env:RC_TEST_SINCE) | Out-Null' `
            -Environment @{ RC_TEST_FOLDER = $folder; RC_TEST_SINCE = $since.ToString('o') }
        $process = $export.Process
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (@(Get-ChildItem $folder -File -ErrorAction SilentlyContinue | Where-Object Extension -In '.mp3', '.wav', '.txt', '.pdf').Count -eq 0) {
                if ([DateTime]::UtcNow -gt $deadline -or $process.HasExited) { throw "The export never reached the point of the kill: $(Get-SignedInPwshReport $export)" }
                Start-Sleep -Milliseconds 20
            }
            $process.Kill()  # SIGKILL of the pwsh process itself
            $process.WaitForExit(30000) | Out-Null
        }
        finally {
            if (-not $process.HasExited) { $process.Kill() }
            Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        }

        # Whatever has a final name is complete and verifies; what is missing is missing, not partial.
        $written = @(Get-ChildItem $folder -File | Where-Object Extension -In '.mp3', '.wav', '.txt', '.pdf')
        $written.Count | Should -BeLessThan $expected.Count -Because 'the kill came before the end'
        foreach ($file in $written) {
            $meta = Get-Content "$($file.FullName).json" -Raw | ConvertFrom-Json
            (Get-FileHash $file.FullName -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $meta.sha256
        }

        $rows = @(Export-RcMessageStore -Path $folder -DateFrom $since -ErrorVariable failures)
        $failures.Count | Should -Be 0
        $rows.Count | Should -Be $expected.Count
        @($rows | Where-Object Status -EQ 'Skipped').Count | Should -Be $written.Count
        @($rows | Where-Object Status -EQ 'Downloaded').Count | Should -Be ($expected.Count - $written.Count)
        Assert-ExportComplete $folder
        Remove-Item $folder -Recurse -Force
    }

    It 'Save-RcMessage and the export into one folder at once: neither writes under the other, every attachment lands once and verifies, and neither run fails' {
        $folder = New-TestFolder
        # Slow attachment content (8 KB per 40 ms): the other run holds a live .partial for a long while.
        Invoke-SimHook $sim 'faults' -Method Post -Body @{ kind = 'slow-body'; path = '/content/'; delayMs = 40; count = 1000 } | Out-Null
        $body = @'
Get-RcMessage -DateFrom ([datetime]$env:RC_TEST_SINCE) |
    Save-RcMessage -Path $env:RC_TEST_FOLDER -ThrottleLimit 1 -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue |
    Export-Csv $env:RC_TEST_ROWS -NoTypeInformation
Set-Content $env:RC_TEST_ERRORS -Value @($failures | ForEach-Object { "$_" })
'@
        $child = Start-SignedInPwsh $sim $body -Environment @{
            RC_TEST_FOLDER = $folder; RC_TEST_SINCE = $since.ToString('o'); RC_TEST_ROWS = "$folder.save.csv"; RC_TEST_ERRORS = "$folder.save.txt"
        }
        $save = $child.Process
        try {
            # The export starts once Save-RcMessage is writing its first attachment.
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (@(Get-ChildItem $folder -Filter '*.partial' -ErrorAction SilentlyContinue).Count -eq 0) {
                if ([DateTime]::UtcNow -gt $deadline -or $save.HasExited) { throw "Save-RcMessage never started writing: $(Get-SignedInPwshReport $child)" }
                Start-Sleep -Milliseconds 20
            }
            $exported = @(Export-RcMessageStore -Path $folder -DateFrom $since -ErrorVariable failures)
            $save.WaitForExit(180000) | Should -BeTrue -Because 'a hang guard only'
        }
        finally {
            if (-not $save.HasExited) { $save.Kill() }
            Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        }

        $failures.Count | Should -Be 0
        @(Get-Content "$folder.save.txt" | Where-Object { $_ }) | Should -BeNullOrEmpty
        $saved = @(Import-Csv "$folder.save.csv")
        $saved.Count | Should -BeGreaterThan 0
        $exported.Count | Should -Be $expected.Count
        foreach ($rows in $exported, $saved) {
            @($rows | Where-Object Status -NotIn 'Downloaded', 'Skipped') | Should -BeNullOrEmpty
        }
        # Each attachment once on disk, complete and verified; nothing partial left by either run.
        Assert-ExportComplete $folder
        Remove-Item $folder, "$folder.save.csv", "$folder.save.txt" -Recurse -Force
    }

    It 'a full disk under -Path: the archives not stored are named with the full disk, no more are fetched, nothing is left on the disk, and a rerun with room completes' {
        if (-not $IsLinux -or (& id -u) -ne '0') {
            Set-ItResult -Skipped -Because 'a full disk is a small tmpfs mounted by the test, which needs root on Linux'
            return
        }
        $folder = New-TestFolder
        New-Item -ItemType Directory $folder | Out-Null
        # Room for the message lists and a little more, not for the attachment zips (up to 300 000 bytes each).
        & mount -t tmpfs -o size=200k tmpfs $folder
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because "mounting a tmpfs failed (exit $LASTEXITCODE)"; return }
        try {
            Reset-Stats
            $rows = @(Export-RcMessageStore -Path $folder -DateFrom $since -ErrorVariable failures -ErrorAction SilentlyContinue)
            $failures.Count | Should -BeGreaterThan 0
            foreach ($failure in $failures) { "$failure" | Should -Match 'disk is full' }
            # Once the disk is full no other zip is fetched: each archive left is one error, without a request.
            $fetched = @(Get-ExportRequests | Where-Object path -Match '/archive/\d+$').Count
            $notFetched = @($failures | Where-Object { "$_" -match 'not downloaded' }).Count
            $notFetched | Should -BeGreaterThan 0 -Because 'the disk is full before the last zip'
            # Whatever has a final name is complete and verifies; nothing partial is left to fill the disk.
            foreach ($row in $rows | Where-Object Status -EQ 'Downloaded') {
                (Get-FileHash $row.Path -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $row.Sha256
            }
            @(Get-ChildItem $folder -Recurse -Force -File | Where-Object Name -Like '*.partial*') | Should -BeNullOrEmpty
            @(Get-ChildItem $folder -Recurse -Force -File | Where-Object Name -Like '*.zip*') | Should -BeNullOrEmpty

            & mount -o remount,size=64m $folder
            Reset-Stats
            $again = @(Export-RcMessageStore -Path $folder -DateFrom $since -ErrorVariable failures)
            $failures.Count | Should -Be 0
            $fetched + $notFetched | Should -Be @(Get-ExportRequests | Where-Object path -Match '/archive/\d+$').Count -Because 'the rerun fetches every archive'
            $again.Count | Should -Be $expected.Count
            Assert-ExportComplete $folder
        }
        finally {
            & umount $folder
            Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
