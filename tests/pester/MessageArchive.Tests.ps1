# Save-RcMessage, Remove-RcMessage and Test-RcArchive against the simulator's message store: every
# attachment saved through the content engine with its sidecar, the pipeline from messages, call log
# records and ids, the promises broken the way the world breaks them (kill -9 of pwsh itself
# mid-download, a file corrupted, a sidecar edited, a file overwritten after its check, a row that
# says it is bad, an attachment never saved), and one verification for recordings and messages alike.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:sim = Start-TestSimulator -Arguments @('--seed', '13', '--extensions', '4', '--calls-per-day', '60', '--days', '4', '--recording-bytes', '20000', '--heavy', '0/0', '--medium', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim -Extra @{ RetryBackoffSeconds = 0.05 }
    $script:since = (Get-Date).AddDays(-5)

    # The true bytes of content, fetched here with a token of the test's own.
    $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($sim.clientId):$($sim.clientSecret)"))
    $script:token = (Invoke-RestMethod -Method Post -Uri "$($sim.url)/restapi/oauth/token" -Headers @{ Authorization = "Basic $basic" } `
            -Body @{ grant_type = 'urn:ietf:params:oauth:grant-type:jwt-bearer'; assertion = $sim.adminJwt }).access_token
    function script:Get-TrueHash([string] $Uri) {
        $bytes = (Invoke-WebRequest -Uri $Uri -Headers @{ Authorization = "Bearer $token" }).Content
        if ($bytes -is [string]) { $bytes = [Text.Encoding]::UTF8.GetBytes($bytes) }
        [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([byte[]]$bytes)).ToLowerInvariant()
    }
    function script:Get-Requests { @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -notlike '/_sim/*' }) }
    function script:Get-ContentRequests { @(Get-Requests | Where-Object { $_.path -like '*/message-store/*/content/*' }) }
    function script:Get-DeleteRequests { @(Get-Requests | Where-Object { $_.method -eq 'DELETE' -and $_.path -like '*/message-store/*' }) }
    function script:Reset-Stats { Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null }
    function script:New-TestFolder { Join-Path ([IO.Path]::GetTempPath()) "rc-msgarchive-$([guid]::NewGuid())" }
    function script:Get-Availability([string] $MessageId) {
        (@((Invoke-SimHook $sim 'messages').messages) | Where-Object { "$($_.message.id)" -eq $MessageId }).message.availability
    }
    # New voicemail (audio + transcription) in your own mailbox, made for one test so no other test touches it.
    function script:New-Voicemail([int] $Count = 1, [int] $Seconds = 20) {
        $own = (Get-RcConnection).ExtensionId
        $added = (Invoke-SimHook $sim 'messages' -Method Post -Body @{ extensionId = $own; type = 'VoiceMail'; count = $Count; seconds = $Seconds; transcription = $true }).added
        @(Get-RcMessage -MessageId @($added | ForEach-Object { "$_" }))
    }
    function script:Wait-Until([scriptblock] $Condition, [string] $What) {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out waiting until $What" }
            Start-Sleep -Milliseconds 20
        }
    }
    # A separate pwsh process (the real one, started directly: not a launcher that starts a child)
    # that saves the given messages of your own mailbox into a folder.
    function script:Start-SaveProcess([string] $Folder, [string[]] $MessageIds) {
        $save = 'Save-RcMessage -MessageId $env:RC_TEST_IDS.Split(",") -Path $env:RC_TEST_FOLDER -ThrottleLimit 4 -ErrorAction SilentlyContinue'
        (Start-SignedInPwsh $sim $save -Environment @{ RC_TEST_IDS = $MessageIds -join ','; RC_TEST_FOLDER = $Folder } -ConnectArguments '-RetryBackoffSeconds 0.05').Process
    }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
}

Describe 'Save-RcMessage' {
    BeforeEach {
        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        Reset-Stats
        $folder = New-TestFolder
    }
    AfterEach {
        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'saves every attachment of piped messages, one row each, with the true bytes and a sidecar naming the message and the attachment' {
        $messages = @(Get-RcMessage -DateFrom $since)
        $attachments = @($messages | ForEach-Object Attachments)
        $attachments.Count | Should -BeGreaterThan 3
        Reset-Stats
        $rows = @($messages | Save-RcMessage -Path $folder -PassThru)
        $rows.Count | Should -Be $attachments.Count
        $rows.Status | Sort-Object -Unique | Should -Be 'Downloaded'
        # No request but the content itself: the messages came through the pipeline.
        @(Get-Requests | Where-Object { $_.path -notlike '*/content/*' -and $_.path -notlike '*oauth*' }).Count | Should -Be 0
        (Get-ContentRequests).Count | Should -Be $attachments.Count
        foreach ($attachment in $attachments) {
            $row = $rows | Where-Object { $_.MessageId -eq $attachment.MessageId -and $_.AttachmentId -eq $attachment.Id }
            $row.AttachmentType | Should -Be $attachment.Type
            $row.Sha256 | Should -Be (Get-TrueHash $attachment.ContentUri)
            (Get-FileHash $row.Path -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $row.Sha256
            $sidecar = Get-Content $row.SidecarPath -Raw | ConvertFrom-Json
            $sidecar.kind | Should -Be 'message-attachment'
            $sidecar.messageId | Should -Be $attachment.MessageId
            $sidecar.attachmentId | Should -Be $attachment.Id
            $sidecar.sha256 | Should -Be $row.Sha256
        }
        @(Get-ChildItem $folder -Filter '*.partial').Count | Should -Be 0
    }

    It 'names the call in the rows and sidecars of messages that came from call log records, and reads them 50 per request' {
        $records = @(Get-RcCallLog -Account -DateFrom $since | Where-Object MessageId | Select-Object -First 6)
        $records.Count | Should -BeGreaterThan 1
        Reset-Stats
        $rows = @($records | Save-RcMessage -Path $folder -PassThru)
        $rows.Count | Should -BeGreaterOrEqual $records.Count
        foreach ($row in $rows) {
            $record = $records | Where-Object MessageId -EQ $row.MessageId | Select-Object -First 1
            $row.CallLogId | Should -Be $record.Id
            (Get-Content $row.SidecarPath -Raw | ConvertFrom-Json).callLogId | Should -Be $record.Id
        }
        # One bulk read per mailbox, not one request per message.
        $mailboxes = @($records | ForEach-Object ExtensionId | Sort-Object -Unique).Count
        @(Get-Requests | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/message-store/*' -and $_.path -notlike '*/content/*' }).Count | Should -BeLessOrEqual $mailboxes
    }

    It 'skips by message and attachment id on the next run: no content request, every row Skipped with the recorded hash' {
        $messages = @(New-Voicemail -Count 2)
        $first = @($messages | Save-RcMessage -Path $folder -PassThru)
        Reset-Stats
        $second = @($messages | Save-RcMessage -Path $folder -PassThru)
        (Get-ContentRequests).Count | Should -Be 0
        $second.Status | Sort-Object -Unique | Should -Be 'Skipped'
        ($second | Sort-Object AttachmentId).Sha256 | Should -Be ($first | Sort-Object AttachmentId).Sha256
    }

    It 'writes one error per mailbox RingCentral refuses, asks it once, and still saves your own' {
        Invoke-SimHook $sim 'config' -Method Post -Body @{ adminMailboxAccess = $false } | Out-Null
        try {
            $calls = @(Get-RcCallLog -Account -DateFrom $since | Where-Object MessageId)
            $others = @($calls | Where-Object ExtensionId -NE $sim.adminExtensionId | Group-Object ExtensionId)
            $others.Count | Should -BeGreaterThan 1
            $own = @($calls | Where-Object ExtensionId -EQ $sim.adminExtensionId | Select-Object -First 3)
            Reset-Stats
            $rows = @(@($own) + @($calls | Where-Object ExtensionId -NE $sim.adminExtensionId) | Save-RcMessage -Path $folder -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
            @($rows.MessageId | Sort-Object -Unique) | Should -Be @($own.MessageId | Sort-Object -Unique)
            $failures.Count | Should -Be $others.Count
            @($failures.TargetObject | Sort-Object) | Should -Be @($others.Name | Sort-Object)
            $failures.ErrorDetails.RecommendedAction | Should -Match 'Export-RcMessageStore'
            foreach ($o in $others) { @(Get-Requests | Where-Object path -Like "*/extension/$($o.Name)/*").Count | Should -Be 1 }
        }
        finally { Invoke-SimHook $sim 'config' -Method Post -Body @{ adminMailboxAccess = $true } | Out-Null }
    }

    It 'takes -MessageId with -ExtensionId, and refuses a bad id naming the parameter before any request' {
        $message = @(New-Voicemail)[0]
        $rows = @(Save-RcMessage -MessageId $message.Id -ExtensionId $message.ExtensionId -Path $folder -PassThru)
        $rows.Count | Should -Be $message.AttachmentCount
        Reset-Stats
        { Save-RcMessage -MessageId 'a/../b' -Path $folder -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,RingCentral.CallLog.Commands.SaveRcMessageCommand'
        { Save-RcMessage -MessageId 1 -ExtensionId 'x1' -Path $folder -ErrorAction Stop } | Should -Throw '*ExtensionId*'
        @(Get-Requests | Where-Object { $_.path -notlike '*oauth*' }).Count | Should -Be 0
    }

    It 'with -WhatIf creates no folder and sends no content request' {
        $messages = @(New-Voicemail)
        Reset-Stats
        $messages | Save-RcMessage -Path $folder -WhatIf
        Test-Path $folder | Should -BeFalse
        (Get-ContentRequests).Count | Should -Be 0
    }

    It 'makes every -FileNameTemplate value safe in a file name, and two attachments never share a name' {
        $messages = @(New-Voicemail)
        $rows = @($messages | Save-RcMessage -Path $folder -FileNameTemplate '{MessageType}/..\{FromPhoneNumber}:{MessageId}' -PassThru)
        $rows.Count | Should -Be 2
        @($rows.Path | Sort-Object -Unique).Count | Should -Be 2
        foreach ($row in $rows) {
            Split-Path $row.Path -Parent | Should -Be (Get-Item $folder).FullName
            Split-Path $row.Path -Leaf | Should -Not -Match '[/\\:]'
        }
    }

    It 'kill -9 of pwsh mid-download, then a rerun: every attachment once, whole, and no half file under a final name' {
        $messages = @(New-Voicemail -Count 4 -Seconds 90)
        $ids = @($messages.Id)
        $truth = @{}
        foreach ($a in $messages.Attachments) { $truth["$($a.MessageId)_$($a.Id)"] = Get-TrueHash $a.ContentUri }
        # Slow bodies (8 KB per 40 ms), so each kill lands mid-download.
        Invoke-SimHook $sim 'faults' -Method Post -Body @{ kind = 'slow-body'; path = '/content/'; delayMs = 40; count = 1000 } | Out-Null
        $points = [ordered]@{
            'a .partial has just been created' = { @(Get-ChildItem $folder -Filter '*.partial' -ErrorAction SilentlyContinue).Count -gt 0 }
            'a .partial holds 16 000 bytes or more' = { @(Get-ChildItem $folder -Filter '*.partial' -ErrorAction SilentlyContinue | Where-Object Length -GE 16000).Count -gt 0 }
            'an audio file has its final name' = { @(Get-ChildItem $folder -Filter '*.mp3' -ErrorAction SilentlyContinue).Count + @(Get-ChildItem $folder -Filter '*.wav' -ErrorAction SilentlyContinue).Count -ge 1 }
        }
        foreach ($point in $points.GetEnumerator()) {
            $process = Start-SaveProcess -Folder $folder -MessageIds $ids
            try {
                Wait-Until $point.Value $point.Key
                $process.Kill()  # SIGKILL of the pwsh process itself
                $process.WaitForExit(30000) | Out-Null
            }
            finally { if (-not $process.HasExited) { $process.Kill() } }
            # A file with a final name is complete, whenever the process died.
            foreach ($file in Get-ChildItem $folder | Where-Object Extension -In '.mp3', '.wav', '.txt') {
                $key = ($file.BaseName -split '_')[-2, -1] -join '_'
                (Get-FileHash $file.FullName -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $truth[$key] -Because "$($file.Name) has a final name ($($point.Key))"
            }
        }
        @(Get-ChildItem $folder -Filter '*.partial').Count | Should -BeGreaterThan 0 -Because 'a kill mid-download leaves a .partial to resume'

        Invoke-SimHook $sim 'faults' -Method Delete | Out-Null
        $rows = @($messages | Save-RcMessage -Path $folder -PassThru -ErrorVariable failures)
        $failures.Count | Should -Be 0
        $rows.Status | Should -Not -Contain 'Failed'
        $entries = @(Test-RcArchive -Path $folder)
        $entries.Count | Should -Be $truth.Count -Because 'every attachment once: no duplicate file'
        foreach ($entry in $entries) {
            $entry.Status | Should -Be 'Ok' -Because "$($entry.Path): $($entry.Detail)"
            $entry.ActualSha256 | Should -Be $truth["$($entry.MessageId)_$($entry.AttachmentId)"]
        }
        @(Get-ChildItem $folder -Filter '*.partial').Count | Should -Be 0
    }
}

Describe 'Remove-RcMessage' {
    BeforeEach {
        Reset-Stats
        $folder = New-TestFolder
    }
    AfterEach { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }

    It 'deletes a message whose every attachment verifies, restorable by default (Deleted), and for good with -Purge (Purged)' {
        $messages = @(New-Voicemail -Count 2)
        $rows = @($messages | Save-RcMessage -Path $folder -PassThru)
        Reset-Stats
        $removed = @($rows | Where-Object MessageId -EQ $messages[0].Id | Remove-RcMessage -Confirm:$false -PassThru)
        $removed.Count | Should -Be 1
        $removed[0].Status | Should -Be 'Deleted'
        Get-Availability $messages[0].Id | Should -Be 'Deleted'
        (Get-DeleteRequests).Count | Should -Be 1
        (Get-DeleteRequests)[0].query | Should -Not -Match 'purge'

        $purged = @($rows | Where-Object MessageId -EQ $messages[1].Id | Remove-RcMessage -Purge -Confirm:$false -PassThru)
        $purged[0].Status | Should -Be 'Purged'
        Get-Availability $messages[1].Id | Should -Be 'Purged'
    }

    It 'does not delete a message when one attachment''s file is corrupt (the other verifies)' {
        $message = @(New-Voicemail)[0]
        $rows = @($message | Save-RcMessage -Path $folder -PassThru)
        $audio = $rows | Where-Object AttachmentType -EQ 'AudioRecording'
        $bytes = [IO.File]::ReadAllBytes($audio.Path); $bytes[100] = $bytes[100] -bxor 0xFF; [IO.File]::WriteAllBytes($audio.Path, $bytes)
        Reset-Stats
        $removed = @($rows | Remove-RcMessage -Confirm:$false -PassThru -ErrorVariable refused -ErrorAction SilentlyContinue)
        $removed.Status | Should -Be 'Refused'
        $refused[0].FullyQualifiedErrorId | Should -Match '^MessageVerificationFailed'
        (Get-DeleteRequests).Count | Should -Be 0
        Get-Availability $message.Id | Should -Be 'Alive'
    }

    It 'does not delete when the sidecar was edited to match a changed file' {
        $message = @(New-Voicemail)[0]
        $rows = @($message | Save-RcMessage -Path $folder -PassThru)
        $text = $rows | Where-Object AttachmentType -EQ 'AudioTranscription'
        Set-Content -LiteralPath $text.Path -Value 'someone else''s words' -NoNewline
        $sidecar = Get-Content $text.SidecarPath -Raw | ConvertFrom-Json
        $sidecar.sha256 = (Get-FileHash $text.Path -Algorithm SHA256).Hash.ToLowerInvariant()
        $sidecar.bytes = (Get-Item $text.Path).Length
        $sidecar | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $text.SidecarPath
        Reset-Stats
        $removed = @($rows | Remove-RcMessage -Confirm:$false -PassThru -ErrorAction SilentlyContinue)
        $removed.Status | Should -Be 'Refused'
        $removed.Error | Should -Match 'changed since the download'
        (Get-DeleteRequests).Count | Should -Be 0
        Get-Availability $message.Id | Should -Be 'Alive'
    }

    It 'refuses a row whose Status is not Ok, Downloaded or Skipped, whatever its file holds' {
        $message = @(New-Voicemail)[0]
        $rows = @($message | Save-RcMessage -Path $folder -PassThru)
        $claimed = $rows | Select-Object MessageId, AttachmentId, Path, Sha256, @{ n = 'Status'; e = { if ($_.AttachmentType -eq 'AudioRecording') { 'Corrupt' } else { $_.Status } } }
        Reset-Stats
        $removed = @($claimed | Remove-RcMessage -Confirm:$false -PassThru -ErrorAction SilentlyContinue)
        $removed.Status | Should -Be 'Refused'
        $removed.Error | Should -Match 'Status is Corrupt'
        (Get-DeleteRequests).Count | Should -Be 0
    }

    It 'does not delete when a file is overwritten (same size) after it was verified and before the request' {
        $message = @(New-Voicemail)[0]
        $rows = @($message | Save-RcMessage -Path $folder -PassThru)
        $audio = $rows | Where-Object AttachmentType -EQ 'AudioRecording'
        Reset-Stats
        # The rows go first (each verified as it arrives); then the file changes, before the input ends.
        $removed = @(& { $rows; $bytes = [IO.File]::ReadAllBytes($audio.Path); [Array]::Reverse($bytes); [IO.File]::WriteAllBytes($audio.Path, $bytes) } |
                Remove-RcMessage -Confirm:$false -PassThru -ErrorAction SilentlyContinue)
        $removed.Status | Should -Be 'Refused'
        $removed.Error | Should -Match 'changed or disappeared after it was verified'
        (Get-DeleteRequests).Count | Should -Be 0
        Get-Availability $message.Id | Should -Be 'Alive'
    }

    It 'does not delete a message whose attachment was never saved (only the audio row given)' {
        $message = @(New-Voicemail)[0]
        $rows = @($message | Save-RcMessage -Path $folder -PassThru)
        Reset-Stats
        $removed = @($rows | Where-Object AttachmentType -EQ 'AudioRecording' | Remove-RcMessage -Confirm:$false -PassThru -ErrorAction SilentlyContinue)
        $removed.Status | Should -Be 'Refused'
        $removed.Error | Should -Match 'no verified local copy'
        (Get-DeleteRequests).Count | Should -Be 0
    }

    It 'with -WhatIf sends no DELETE; a Deleted message is not purged by a second run without -Purge' {
        $message = @(New-Voicemail)[0]
        $rows = @($message | Save-RcMessage -Path $folder -PassThru)
        Reset-Stats
        $rows | Remove-RcMessage -WhatIf
        (Get-DeleteRequests).Count | Should -Be 0
        $rows | Remove-RcMessage -Confirm:$false
        $again = @($rows | Remove-RcMessage -Confirm:$false -PassThru)
        $again.Status | Should -Be 'Deleted'
        (Get-DeleteRequests).Count | Should -Be 1
        Get-Availability $message.Id | Should -Be 'Deleted'
    }
}

Describe 'Remove-RcMessage where nobody can answer its question' {
    It 'stops with one error that says to pass -Confirm:$false (pwsh -NonInteractive, stdin at its end), and sends no DELETE' {
        $folder = New-TestFolder
        try {
            $message = @(New-Voicemail)[0]
            $message | Save-RcMessage -Path $folder -PassThru | Export-Csv (Join-Path $folder 'manifest.csv') -NoTypeInformation
            Reset-Stats
            $hostPath = (Get-Process -Id $PID).Path
            $script = "Import-Module '$(Get-TestModulePath)'; Connect-RcAccount; Import-Csv '$(Join-Path $folder 'manifest.csv')' | Remove-RcMessage"
            $psi = [Diagnostics.ProcessStartInfo]::new($hostPath)
            if ((Split-Path $hostPath -LeafBase) -eq 'dotnet') { $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
            foreach ($a in @('-NoProfile', '-NonInteractive', '-Command', $script)) { $psi.ArgumentList.Add($a) }
            $psi.RedirectStandardInput = $psi.RedirectStandardOutput = $psi.RedirectStandardError = $true
            $psi.UseShellExecute = $false
            $psi.Environment['NO_COLOR'] = '1'
            $psi.Environment['RC_CLIENT_ID'] = $sim.clientId
            $psi.Environment['RC_CLIENT_SECRET'] = $sim.clientSecret
            $psi.Environment['RC_JWT'] = $sim.adminJwt
            $psi.Environment['RC_SERVER_URL'] = $sim.url
            $process = [Diagnostics.Process]::Start($psi)
            $process.StandardInput.Close()
            $stdout = $process.StandardOutput.ReadToEndAsync()
            $stderr = $process.StandardError.ReadToEnd()
            if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'the child pwsh did not end within 120 s (a hang guard)' }
            $text = ($stderr + $stdout.Result) -replace '\s+', ' '
            $text | Should -Match 'Pass -Confirm:\$false'
            $text | Should -Not -Match 'Object reference'
            (Get-DeleteRequests).Count | Should -Be 0
            Get-Availability $message.Id | Should -Be 'Alive'
        }
        finally { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

Describe 'Test-RcArchive' {
    BeforeAll {
        $folder = New-TestFolder
        $recordings = @(Get-RcCallLog -Account -DateFrom $since -RecordingType All -First 2 | Save-RcRecording -Path $folder -PassThru)
        $messages = @(New-Voicemail -Count 2)
        $messageRows = @($messages | Save-RcMessage -Path $folder -PassThru)
    }
    AfterAll { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }

    It 'verifies recordings and message attachments alike, one entry per file, and Test-RcRecordingArchive still lists recordings only' {
        $entries = @(Test-RcArchive -Path $folder)
        $entries.Count | Should -Be ($recordings.Count + $messageRows.Count)
        $entries.Status | Sort-Object -Unique | Should -Be 'Ok'
        @($entries | Where-Object Kind -EQ 'Recording').RecordingId | Sort-Object | Should -Be ($recordings.RecordingId | Sort-Object)
        @($entries | Where-Object Kind -EQ 'MessageAttachment' | ForEach-Object { "$($_.MessageId)/$($_.AttachmentId)" }) | Sort-Object |
            Should -Be ($messageRows | ForEach-Object { "$($_.MessageId)/$($_.AttachmentId)" } | Sort-Object)
        @(Test-RcRecordingArchive -Path $folder).RecordingId | Sort-Object | Should -Be ($recordings.RecordingId | Sort-Object)
    }

    It 'checks a Save-RcMessage manifest and its own CSV, and finds a changed file Corrupt' {
        $manifest = Join-Path $folder 'manifest.csv'
        $messageRows | Export-Csv $manifest -NoTypeInformation
        @(Test-RcArchive -Manifest $manifest).Status | Sort-Object -Unique | Should -Be 'Ok'
        $report = Join-Path $folder 'check.csv'
        Test-RcArchive -Path $folder | Export-Csv $report -NoTypeInformation
        $victim = $messageRows[0].Path
        $saved = [IO.File]::ReadAllBytes($victim)
        try {
            [IO.File]::WriteAllBytes($victim, [byte[]]($saved + 0))
            $entry = Test-RcArchive -Manifest $report | Where-Object Path -EQ $victim
            $entry.Status | Should -Be 'Corrupt'
            $entry.Kind | Should -Be 'MessageAttachment'
        }
        finally { [IO.File]::WriteAllBytes($victim, $saved) }
    }

    It 'pipes into Remove-RcMessage (recording entries passed over) and, filtered to recordings, into Remove-RcRecording' {
        Reset-Stats
        $removed = @(Test-RcArchive -Path $folder | Remove-RcMessage -Confirm:$false -PassThru)
        $removed.Count | Should -Be $messages.Count
        $removed.Status | Sort-Object -Unique | Should -Be 'Deleted'
        $recordingRemovals = @(Test-RcArchive -Path $folder | Where-Object Kind -EQ 'Recording' | Remove-RcRecording -Confirm:$false -PassThru)
        $recordingRemovals.Status | Sort-Object -Unique | Should -Be 'Deleted'
        ($recordingRemovals.RecordingId | Sort-Object) | Should -Be ($recordings.RecordingId | Sort-Object)
    }
}
