# Get-RcMessage against the simulator's message store: listings that always send dateFrom and
# follow the pages, bulk reads for piped call log records (50 ids per request per mailbox), the
# CSV cell of the attachments, validation before any request, and a refused mailbox asked once.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:sim = Start-TestSimulator -Arguments @('--seed', '11', '--extensions', '4', '--calls-per-day', '120', '--days', '20', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim
    $script:since = (Get-Date).AddDays(-21)
    # The truth: every message with its mailbox and its call, as the simulator holds them.
    $script:truth = @((Invoke-SimHook $sim 'messages').messages)
    function script:Get-MessageRequests { @((Invoke-SimHook $sim 'stats').requests | Where-Object { $_.path -like '*/message-store*' }) }
    function script:Reset-Stats { Invoke-SimHook $sim 'stats/reset' -Method Post -Body @{} | Out-Null }
}

AfterAll {
    Invoke-SimHook $sim 'config' -Method Post -Body @{ adminMailboxAccess = $true } | Out-Null
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
}

Describe 'Get-RcMessage listing' {
    It 'sends dateFrom 24 hours before dateTo when -DateFrom is not given, and says so' {
        Reset-Stats
        $verbose = Get-RcMessage -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $request = @(Get-MessageRequests)
        $request.Count | Should -Be 1
        $request[0].query -match 'dateFrom=([^&]+)' | Should -BeTrue
        $from = [datetimeoffset]::Parse([uri]::UnescapeDataString($Matches[1]), [cultureinfo]::InvariantCulture)
        $request[0].query -match 'dateTo=([^&]+)' | Should -BeTrue
        $to = [datetimeoffset]::Parse([uri]::UnescapeDataString($Matches[1]), [cultureinfo]::InvariantCulture)
        ($to - $from) | Should -Be ([timespan]::FromHours(24))
        ([datetimeoffset]::UtcNow - $to).TotalMinutes | Should -BeLessThan 5
        ($verbose.Message -join "`n") | Should -Match 'No -DateFrom'
    }

    It 'lists the whole mailbox over many small pages exactly as one big page does' {
        $all = @(Get-RcMessage -DateFrom $since)
        $all.Count | Should -BeGreaterThan 5
        Reset-Stats
        $paged = @(Get-RcMessage -DateFrom $since -PageSize 2)
        # One request per page, following nextPage until it is gone (after a full last page a server may or may not link an empty one).
        @(Get-MessageRequests).Count | Should -BeIn @([math]::Ceiling($all.Count / 2), [math]::Ceiling($all.Count / 2) + 1)
        @(Get-MessageRequests | Where-Object query -Match 'page=') | Should -Not -BeNullOrEmpty -Because 'the later pages are the links RingCentral gave'
        $paged.Id | Should -Be $all.Id
        @($paged.Id | Select-Object -Unique).Count | Should -Be $paged.Count
        $own = @($truth | Where-Object { $_.ownerExtensionId -eq $sim.adminExtensionId -and [datetimeoffset]$_.message.creationTime -ge $since -and $_.message.availability -eq 'Alive' })
        @($all.Id | Sort-Object) | Should -Be @($own.message.id | ForEach-Object { "$_" } | Sort-Object)
    }

    It 'sends -MessageType, -Direction and -Availability and gets only what they ask for' {
        Reset-Stats
        $vm = @(Get-RcMessage -ExtensionId $sim.userExtensionId -DateFrom $since -MessageType VoiceMail, Fax -Direction Inbound -Availability Alive)
        (Get-MessageRequests)[0].query | Should -Match 'messageType=VoiceMail&messageType=Fax&direction=Inbound&availability=Alive'
        $vm.Count | Should -BeGreaterThan 0
        $vm | ForEach-Object { $_.Type | Should -BeIn 'VoiceMail', 'Fax'; $_.Direction | Should -Be 'Inbound'; $_.ExtensionId | Should -Be $sim.userExtensionId }
    }

    It 'exports one plain column per property, the attachments as "Type media-type; ..."' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "rc-msg-$([guid]::NewGuid()).csv"
        try {
            $vm = @(Get-RcMessage -ExtensionId $sim.userExtensionId -DateFrom $since -MessageType VoiceMail | Where-Object { $_.AttachmentCount -eq 2 } | Select-Object -First 1)
            $vm.Count | Should -Be 1
            $vm | Export-Csv $file -NoTypeInformation
            $row = Import-Csv $file
            $row.Attachments | Should -Match '^AudioRecording audio/(mpeg|x-wav|wav); AudioTranscription text/plain$'
            (Get-Content $file -Raw) | Should -Not -Match 'System\.|RingCentral\.CallLog\.'
            $row.VoicemailSeconds | Should -BeGreaterThan 0
            @($row.PSObject.Properties.Name)[0..5] | Should -Be 'Id', 'Type', 'Direction', 'CreationTime', 'LastModifiedTime', 'ExtensionId'
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

Describe 'Get-RcMessage by id and from call log records' {
    It 'reads the messages of piped call log records in one bulk request per 50 ids per mailbox, each with its call' {
        $calls = @(Get-RcCallLog -Account -DateFrom $since | Where-Object MessageId)
        $perMailbox = $calls | Group-Object ExtensionId
        ($perMailbox | Where-Object Count -GT 50) | Should -Not -BeNullOrEmpty -Because 'one mailbox needs two bulk requests'
        Reset-Stats
        $messages = @($calls | Get-RcMessage -ErrorVariable failures)
        $failures.Count | Should -Be 0
        $messages.Count | Should -Be $calls.Count
        $expectedRequests = ($perMailbox | ForEach-Object { [math]::Ceiling($_.Count / 50) } | Measure-Object -Sum).Sum
        @(Get-MessageRequests).Count | Should -Be $expectedRequests
        $byMessage = @{}; foreach ($m in $truth) { $byMessage["$($m.message.id)"] = $m }
        foreach ($m in $messages) {
            $m.CallLogId | Should -Be $byMessage[$m.Id].callLogId
            $m.ExtensionId | Should -Be $byMessage[$m.Id].ownerExtensionId
        }
    }

    It 'takes rows of an exported call log CSV by property name and skips rows without a message' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "rc-calls-$([guid]::NewGuid()).csv"
        try {
            $calls = @(Get-RcCallLog -ExtensionId $sim.userExtensionId -DateFrom $since)
            $withMessage = @($calls | Where-Object MessageId)
            $withMessage.Count | Should -BeGreaterThan 0
            $calls | Export-Csv $file -NoTypeInformation
            $messages = @(Import-Csv $file | Get-RcMessage)
            @($messages.CallLogId) | Should -Be @($withMessage.Id)
            $messages | ForEach-Object { $_.ExtensionId | Should -Be $sim.userExtensionId }
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }

    It 'gives a missing id its own MessageNotFound error while the others come through' {
        $ids = @(Get-RcMessage -DateFrom $since | Select-Object -First 2 -ExpandProperty Id)
        $got = @(Get-RcMessage -MessageId $ids[0], '42', $ids[1] -ErrorVariable failures -ErrorAction SilentlyContinue)
        $got.Id | Should -Be $ids
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MessageNotFound,*'
        $failures[0].TargetObject | Should -Be '42'
    }

    It 'refuses bad input naming the parameter, before any request' {
        Reset-Stats
        { Get-RcMessage -DateFrom 2026-11-02 -DateTo 2026-11-01 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgumentDateFrom,*'
        { Get-RcMessage -MessageId 'a/b' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Get-RcMessage -ExtensionId 'x1' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        @(Get-MessageRequests).Count | Should -Be 0
    }
}

Describe 'Get-RcMessage when RingCentral refuses another mailbox' {
    BeforeAll { Invoke-SimHook $sim 'config' -Method Post -Body @{ adminMailboxAccess = $false } | Out-Null }
    AfterAll { Invoke-SimHook $sim 'config' -Method Post -Body @{ adminMailboxAccess = $true } | Out-Null }

    It 'writes one error per refused mailbox, asks each once, and still reads your own' {
        $calls = @(Get-RcCallLog -Account -DateFrom $since | Where-Object MessageId)
        $others = @($calls | Where-Object ExtensionId -NE $sim.adminExtensionId | Group-Object ExtensionId)
        $others.Count | Should -BeGreaterThan 1
        ($others | Where-Object Count -GT 50) | Should -Not -BeNullOrEmpty -Because 'a refused mailbox with more than 50 messages would otherwise be asked twice'
        $own = @($calls | Where-Object ExtensionId -EQ $sim.adminExtensionId)
        Reset-Stats
        $messages = @($calls | Get-RcMessage -ErrorVariable failures -ErrorAction SilentlyContinue)
        $messages.Count | Should -Be $own.Count
        $failures.Count | Should -Be $others.Count
        @($failures.TargetObject | Sort-Object) | Should -Be @($others.Name | Sort-Object)
        foreach ($f in $failures) {
            $f.FullyQualifiedErrorId | Should -BeLike 'RingCentralPermissionDenied,*'
            $f.ErrorDetails.RecommendedAction | Should -Be "This token may not read extension $($f.TargetObject)'s mailbox; use Export-RcMessageStore for the account-wide archive."
        }
        $requests = @(Get-MessageRequests)
        foreach ($o in $others) { @($requests | Where-Object path -Like "*/extension/$($o.Name)/*").Count | Should -Be 1 }
    }

    It 'ends a listing of another mailbox with that one error' {
        Reset-Stats
        { Get-RcMessage -ExtensionId $sim.userExtensionId -DateFrom $since -ErrorAction Stop } | Should -Throw -ErrorId 'RingCentralPermissionDenied,*'
        $Error[0].ErrorDetails.RecommendedAction | Should -Match "extension $($sim.userExtensionId)'s mailbox; use Export-RcMessageStore"
        @(Get-MessageRequests).Count | Should -Be 1
    }
}
