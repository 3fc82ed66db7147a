# Get-RcCallLog, Get-RcCallLogBatch and Get-RcActiveCall against the simulator, checked against its
# ground truth (the raw records it holds), with the filters applied here by the test's own code.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # 24x7: the tests take windows relative to the clock (30 to 24 hours ago) that must hold calls whatever the hour and weekday of the run.
    $script:sim = Start-TestSimulator -Arguments @('--seed', '7', '--profile', '24x7', '--extensions', '8', '--calls-per-day', '700', '--days', '30', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim
    $script:truth = Get-SimGroundTruth $sim
    $script:now = [DateTime]::UtcNow
    foreach ($r in $truth) { $r | Add-Member -NotePropertyName Start -NotePropertyValue (ConvertTo-UtcDate $r.startTime) }
    $script:visible = @($truth | Where-Object { (ConvertTo-UtcDate $_._sim.visibleAt) -le $now })

    function script:Expected([DateTime] $From, [DateTime] $To, [scriptblock] $Where = { $true }, [switch] $Deleted, [string] $Owner) {
        @($visible | Where-Object {
                $_.Start -ge $From -and $_.Start -le $To -and ($Deleted -or -not $_._sim.deleted) -and
                (-not $Owner -or $_._sim.ownerExtensionId -eq $Owner) -and (& $Where $_)
            })
    }
    $script:from = $now.AddDays(-3)
    $script:to = $now.AddDays(-1)
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
}

Describe 'Get-RcConnection after Connect-RcAccount' {
    It 'knows who it is signed in as, and holds no readable secret' {
        $c = Get-RcConnection
        $c.AccountId | Should -Be $sim.accountId
        $c.ExtensionId | Should -Be $sim.adminExtensionId
        $c.OwnerName | Should -Not -BeNullOrEmpty
        $c.AuthFlow | Should -Be 'Jwt'
        $c.AccessTokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $text = ($c | Format-List * | Out-String) + ($c | ConvertTo-Json -Depth 3) + $c.ToString()
        $text | Should -Not -Match ([regex]::Escape($sim.adminJwt))
        $text | Should -Not -Match ([regex]::Escape($sim.clientSecret))
    }
}

Describe 'Get-RcCallLog: complete, streamed, paged by nextPage' {
    It 'returns exactly the simulator''s records of an account range, no duplicates' {
        $expected = Expected $from $to
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to)
        $got.Count | Should -Be $expected.Count
        @($got.Id | Sort-Object -Unique).Count | Should -Be $got.Count
        Compare-Object ($expected.id | Sort-Object) ($got.Id | Sort-Object) | Should -BeNullOrEmpty
        $got[0] | Should -BeOfType ([RingCentral.CallLog.CallLogRecord])
        $got[0].StartTime.Offset | Should -Be ([TimeSpan]::Zero)
    }

    It 'says for each record which extension it belongs to (ExtensionId, a string)' {
        $owner = @{}
        foreach ($r in $visible) { $owner[$r.id] = $r._sim.ownerExtensionId }
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -First 300)
        foreach ($r in $got) { $r.ExtensionId | Should -BeOfType ([string]); $r.ExtensionId | Should -Be $owner[$r.Id] }
    }

    It 'returns newest first' {
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -First 200)
        for ($i = 1; $i -lt $got.Count; $i++) { $got[$i - 1].StartTime | Should -BeGreaterOrEqual $got[$i].StartTime }
    }

    It 'reads a 12,345-record range completely in 13 requests of 1000' {
        # Away from the live edge, where calls still become visible while the test runs.
        $rangeTo = $now.AddHours(-1)
        $ordered = @($visible | Where-Object { -not $_._sim.deleted -and $_.Start -le $rangeTo } | Sort-Object Start -Descending)
        $ordered.Count | Should -BeGreaterThan 12400
        # A bound between two records, so the range holds exactly 12,345 of them.
        $i = 12344
        while ($ordered[$i].Start -eq $ordered[$i + 1].Start) { $i-- }
        $rangeFrom = $ordered[$i].Start
        $expected = @($ordered | Where-Object { $_.Start -ge $rangeFrom })
        Reset-SimStats $sim
        $got = @(Get-RcCallLog -Account -DateFrom $rangeFrom -DateTo $rangeTo)
        $got.Count | Should -Be $expected.Count
        @($got.Id | Sort-Object -Unique).Count | Should -Be $expected.Count
        $requests = Get-SimCallLogRequests $sim
        $requests.Count | Should -Be ([Math]::Ceiling($expected.Count / 1000))
        if ($expected.Count -eq 12345) { $requests.Count | Should -Be 13 }
        $requests | ForEach-Object { $_.query | Should -Match 'perPage=1000' }
    }

    It '-First 5 makes exactly one request, with perPage 5' {
        Reset-SimStats $sim
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -First 5)
        $got.Count | Should -Be 5
        $requests = Get-SimCallLogRequests $sim
        $requests.Count | Should -Be 1
        $requests[0].query | Should -Match 'perPage=5(&|$)'
    }

    It '-Skip skips and -First stops' {
        $all = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -First 30)
        $page = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -Skip 10 -First 5)
        ($page.Id -join ',') | Should -Be (($all[10..14]).Id -join ',')
    }

    It 'stops requesting when the pipeline stops (Select-Object -First 3)' {
        Reset-SimStats $sim
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -PageSize 10 | Select-Object -First 3)
        $got.Count | Should -Be 3
        (Get-SimCallLogRequests $sim).Count | Should -Be 1
    }

    It 'follows nextPage over small pages to the same result' {
        $small = @(Get-RcCallLog -Account -DateFrom $now.AddHours(-30) -DateTo $now.AddHours(-24) -PageSize 7)
        $big = @(Get-RcCallLog -Account -DateFrom $now.AddHours(-30) -DateTo $now.AddHours(-24))
        $small.Count | Should -BeGreaterThan 14
        ($small.Id -join ',') | Should -Be ($big.Id -join ',')
    }

    It 'an empty range gives nothing and no error' {
        @(Get-RcCallLog -Account -DateFrom $now.AddYears(-5) -DateTo $now.AddYears(-5).AddHours(1)).Count | Should -Be 0
    }

    It 'without -DateFrom gives the last 24 hours and says so in -Verbose' {
        $verbose = Get-RcCallLog -Account -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match '24 hours'
        $got = @(Get-RcCallLog -Account)
        $expected = Expected $now.AddHours(-24).AddMinutes(1) $now
        $got.Count | Should -BeGreaterOrEqual $expected.Count
        $got | ForEach-Object { $_.StartTime.UtcDateTime | Should -BeGreaterThan $now.AddHours(-24).AddMinutes(-5) }
    }

    It 'reads the current extension by default and another one with -ExtensionId' {
        $mine = @(Get-RcCallLog -DateFrom $from -DateTo $to)
        $mine.Count | Should -Be (Expected $from $to -Owner $sim.adminExtensionId).Count
        $other = @(Get-RcCallLog -ExtensionId $sim.userExtensionId -DateFrom $from -DateTo $to)
        $other.Count | Should -Be (Expected $from $to -Owner $sim.userExtensionId).Count
        Compare-Object $mine.Id $other.Id -IncludeEqual -ExcludeDifferent | Should -BeNullOrEmpty
    }
}

Describe 'Get-RcCallLog filters narrow exactly as the ground truth says' {
    It '-Direction Inbound' {
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -Direction Inbound)
        $got.Count | Should -Be (Expected $from $to { $_.direction -eq 'Inbound' }).Count
        $got.Direction | Sort-Object -Unique | Should -Be 'Inbound'
    }
    It '-Direction Inbound, Outbound is everything' {
        @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -Direction Inbound, Outbound).Count | Should -Be (Expected $from $to).Count
    }
    It '-Type Fax' {
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -Type Fax)
        $got.Count | Should -Be (Expected $from $to { $_.type -eq 'Fax' }).Count
        $got.Count | Should -BeGreaterThan 0
    }
    It '-Transport VoIP (extension level)' {
        $got = @(Get-RcCallLog -DateFrom $from -DateTo $to -Transport VoIP)
        $got.Count | Should -Be (Expected $from $to { $_.transport -eq 'VoIP' } -Owner $sim.adminExtensionId).Count
    }
    It '-RecordingType All and -WithRecording' {
        $expected = (Expected $from $to { $null -ne $_.recording }).Count
        @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -RecordingType All).Count | Should -Be $expected
        @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -WithRecording).Count | Should -Be $expected
    }
    It '-RecordingType Automatic / OnDemand' {
        foreach ($kind in 'Automatic', 'OnDemand') {
            $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -RecordingType $kind)
            $got.Count | Should -Be (Expected $from $to { $_.recording.type -eq $kind }).Count
            $got.RecordingType | Sort-Object -Unique | Should -Be $kind
        }
    }
    It '-ShowDeleted adds the deleted records' {
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -ShowDeleted)
        $got.Count | Should -Be (Expected $from $to -Deleted).Count
        $got.Count | Should -BeGreaterThan (Expected $from $to).Count
    }
    It '-ExcludeBlocked leaves out blocked calls (extension level)' {
        $got = @(Get-RcCallLog -DateFrom $from -DateTo $to -ExcludeBlocked)
        $got.Count | Should -Be (Expected $from $to { -not $_._sim.blocked } -Owner $sim.adminExtensionId).Count
    }
    It '-PhoneNumber with a + finds calls from or to that number' {
        $sample = (Expected $from $to { $_.from.phoneNumber -match '^\+\d+$' })[0].from.phoneNumber
        $digits = $sample.TrimStart('+')
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -PhoneNumber $sample)
        $got.Count | Should -Be (Expected $from $to { $_.from.phoneNumber -and $_.from.phoneNumber.TrimStart('+') -eq $digits -or ($_.to.phoneNumber -and $_.to.phoneNumber.TrimStart('+') -eq $digits) }).Count
        $got.Count | Should -BeGreaterThan 0
    }
    It '-ExtensionNumber' {
        $got = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -ExtensionNumber 102)
        $got.Count | Should -Be (Expected $from $to { $_.from.extensionNumber -eq '102' -or $_.to.extensionNumber -eq '102' }).Count
    }
    It '-SessionId and -TelephonySessionId find the legs of one call' {
        $one = (Expected $from $to)[5]
        $bySession = @(Get-RcCallLog -Account -SessionId $one.sessionId)
        $bySession.Id | Should -Contain $one.id
        $bySession.SessionId | Sort-Object -Unique | Should -Be $one.sessionId
        $byTelephony = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -TelephonySessionId $one.telephonySessionId)
        $byTelephony.Count | Should -Be (Expected $from $to { $_.telephonySessionId -eq $one.telephonySessionId }).Count
    }
    It 'what only the server can judge comes back with its RingCentral code (CLG-110), and nothing about pages when the first one failed' {
        Invoke-SimHook $sim 'faults' -Method Post -Body @{ path = '/call-log'; kind = 'status'; status = 400; errorCode = 'CLG-110' } | Out-Null
        $err = $null
        try { Get-RcCallLog -Account -DateFrom $from -DateTo $to -ErrorAction Stop } catch { $err = $_ }
        finally { Invoke-SimHook $sim 'faults' -Method Delete | Out-Null }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralRequestInvalid'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($err.Exception.Message) $($err.ErrorDetails.Message)" | Should -Match 'CLG-110'
        $err.Exception.Message | Should -Not -Match 'earlier page|rest of the range'
    }

    It 'an unknown -ExtensionId says which extension was not found, and nothing about pages' {
        $err = $null
        try { Get-RcCallLog -ExtensionId 999 -DateFrom $from -DateTo $to -ErrorAction Stop } catch { $err = $_ }
        $err.Exception.Message | Should -Match 'Extension 999 not found \(-ExtensionId\)'
        $err.Exception.Message | Should -Not -Match 'earlier page|rest of the range'
    }

    It 'warns when -DateFrom is in the future, instead of returning nothing silently' {
        $records = @(Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(2) -WarningVariable warned -WarningAction SilentlyContinue)
        $records.Count | Should -Be 0
        "$warned" | Should -Match '-DateFrom .* is in the future'
    }

    It 'counts records and pages in words that agree with the numbers' {
        $one = (Expected $from $to | Group-Object startTime | Where-Object Count -EQ 1 | Select-Object -First 1).Group[0].Start
        $verbose = Get-RcCallLog -Account -DateFrom $one -DateTo $one.AddMilliseconds(1) -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
        "$verbose" | Should -Match '\b1 record from 1 page\.'
    }

    It 'a -Connection that was disconnected is named as such, not as a missing Connect-RcAccount' {
        $other = Connect-TestSimulator $sim -PassThru
        Disconnect-RcAccount -Connection $other
        Connect-TestSimulator $sim
        $err = $null
        try { Get-RcCallLog -Connection $other -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralNotConnected'
        $err.Exception.Message | Should -Match 'given to -Connection .* was disconnected'
    }
}

Describe 'Bad input is refused before any request, naming the parameter' {
    BeforeEach { Reset-SimStats $sim }
    It '<Name>' -ForEach @(
        @{ Name = 'DateFrom after DateTo'; Call = { Get-RcCallLog -DateFrom (Get-Date) -DateTo (Get-Date).AddDays(-1) }; Parameter = 'DateFrom' }
        @{ Name = 'PhoneNumber with ExtensionNumber'; Call = { Get-RcCallLog -PhoneNumber 16505550100 -ExtensionNumber 101 }; Parameter = 'PhoneNumber' }
        @{ Name = 'Transport with Account'; Call = { Get-RcCallLog -Account -Transport VoIP }; Parameter = 'Transport' }
        @{ Name = 'ExcludeBlocked with Account'; Call = { Get-RcCallLog -Account -ExcludeBlocked }; Parameter = 'ExcludeBlocked' }
        @{ Name = 'PageSize 0'; Call = { Get-RcCallLog -PageSize 0 }; Parameter = 'PageSize' }
        @{ Name = 'PageSize 1001'; Call = { Get-RcCallLog -PageSize 1001 }; Parameter = 'PageSize' }
        @{ Name = 'a malformed id'; Call = { Get-RcCallLog -Id 'abc/../def' }; Parameter = 'Id' }
        @{ Name = 'an empty id'; Call = { Get-RcCallLogBatch -Id '' }; Parameter = 'Id' }
        @{ Name = 'SessionId with Direction'; Call = { Get-RcCallLog -Account -SessionId 4503599627370496 -Direction Inbound }; Parameter = 'SessionId.*-Direction' }
    ) {
        $err = $null
        try { & $Call -ErrorAction Stop | Out-Null } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        "$($err.Exception.Message)" | Should -Match $Parameter
        @((Get-SimStats $sim).requests | Where-Object { $_.path -notlike '/_sim/*' }).Count | Should -Be 0
    }
}

Describe 'Permissions' {
    It 'a non-admin asking for the account gets RingCentralPermissionDenied with CMN-408' {
        $user = Connect-TestSimulator $sim -AsUser -PassThru
        try {
            $err = $null
            try { Get-RcCallLog -Account -Connection $user -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Match '^RingCentralPermissionDenied'
            $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
            "$($err.Exception.Message) $($err.ErrorDetails.Message)" | Should -Match 'CMN-408'
            $err.ErrorDetails.RecommendedAction | Should -Match 'admin'
            # Its own extension works.
            @(Get-RcCallLog -Connection $user -DateFrom $from -DateTo $to).Count | Should -Be (Expected $from $to -Owner $sim.userExtensionId).Count
        }
        finally {
            Connect-TestSimulator $sim   # back to the admin as current connection
        }
    }

    It 'no connection at all is RingCentralNotConnected' {
        # A fresh runspace: connections belong to the runspace that made them.
        $ps = [PowerShell]::Create()
        try {
            $result = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; try { Get-RcCallLog -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.CategoryInfo.Category.ToString(); `$_.Exception.Message }").Invoke()
        }
        finally { $ps.Dispose() }
        $result[0] | Should -Match '^RingCentralNotConnected'
        $result[1] | Should -Be 'InvalidOperation'
        $result[2] | Should -Match 'Connect-RcAccount'
    }

    It 'Watch-RcCallEvent without a connection is RingCentralNotConnected before it subscribes' {
        $ps = [PowerShell]::Create()
        try {
            $result = $ps.AddScript("Import-Module '$(Get-TestModulePath)'; try { Watch-RcCallEvent -Timeout '00:00:05' -ErrorAction Stop; 'no error' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }").Invoke()
        }
        finally { $ps.Dispose() }
        $result[0] | Should -Match '^RingCentralNotConnected'
        $result[1] | Should -Match 'Connect-RcAccount'
    }
}

Describe 'Detailed view, legs and CSV' {
    It 'the default table shows StartTime in ISO 8601 UTC whatever the machine''s culture and zone' {
        $record = Get-RcCallLog -Account -DateFrom $now.AddHours(-30) -DateTo $now.AddHours(-24) -First 1
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $table = $record | Format-Table | Out-String
        }
        finally { [cultureinfo]::CurrentCulture = $before }
        $table | Should -Match 'StartTime \(UTC\)'
        $table | Should -Match ([regex]::Escape($record.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture)))
    }

    It '-View Detailed | Select-Object -ExpandProperty Legs gives legs carrying their record id' {
        $records = @(Get-RcCallLog -Account -DateFrom $now.AddHours(-30) -DateTo $now.AddHours(-24) -View Detailed)
        $legs = @($records | Select-Object -ExpandProperty Legs)
        $legs.Count | Should -Be ($records | Measure-Object LegCount -Sum).Sum
        $legs.Count | Should -BeGreaterThan $records.Count
        $legs[0] | Should -BeOfType ([RingCentral.CallLog.CallLogLeg])
        $records.Id | Should -Contain $legs[0].CallLogId
        $records[0].LastModifiedTime | Should -Not -BeNullOrEmpty
    }

    It 'Export-Csv round-trips with the contract''s columns and no .NET type names (<View>)' -ForEach @(@{ View = 'Simple' }, @{ View = 'Detailed' }) {
        $file = Join-Path ([IO.Path]::GetTempPath()) "calls-$View-$([guid]::NewGuid()).csv"
        try {
            $records = @(Get-RcCallLog -Account -DateFrom $now.AddHours(-30) -DateTo $now.AddHours(-24) -View $View)
            $records | Export-Csv $file -NoTypeInformation
            $rows = @(Import-Csv $file)
            $rows.Count | Should -Be $records.Count
            $columns = $rows[0].PSObject.Properties.Name
            foreach ($c in 'Id', 'SessionId', 'TelephonySessionId', 'PartyId', 'StartTime', 'Duration', 'DurationMs', 'Type', 'Direction', 'Action', 'Result', 'Reason', 'ReasonDescription', 'Transport', 'InternalType', 'FromPhoneNumber', 'FromExtensionNumber', 'FromExtensionId', 'FromName', 'FromLocation', 'ToPhoneNumber', 'ToExtensionNumber', 'ToExtensionId', 'ToName', 'ToLocation', 'ExtensionId', 'DelegateId', 'DelegateName', 'RecordingId', 'RecordingType', 'RecordingContentUri', 'ShortRecording', 'MessageId', 'MessageType', 'LastModifiedTime', 'Deleted', 'LegCount', 'Uri') {
                $columns | Should -Contain $c
            }
            $text = Get-Content $file -Raw
            $text | Should -Not -Match 'System\.Object\[\]'
            $text | Should -Not -Match 'RingCentral\.CallLog\.'
            $text | Should -Not -Match 'System\.Collections'
            ($rows | Where-Object Id -EQ $records[0].Id).Direction | Should -Be $records[0].Direction
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }

    It 'Export-Csv writes the columns in reading order: when, which way, who, how long, what happened, the recording, then the technical ids' {
        $header = @(Get-RcCallLog -Account -DateFrom $now.AddHours(-30) -DateTo $now.AddHours(-24) -First 1 | ConvertTo-Csv -NoTypeInformation)[0] -replace '"', ''
        $columns = @($header -split ',')
        $columns[0..2] -join ',' | Should -Be 'StartTime,Direction,Type'
        $order = 'StartTime', 'Direction', 'Type', 'FromName', 'FromPhoneNumber', 'ToName', 'ToPhoneNumber', 'Duration', 'Result', 'Action', 'RecordingId', 'Id', 'SessionId', 'TelephonySessionId', 'PartyId', 'LastModifiedTime', 'Uri'
        $positions = @($order | ForEach-Object { [array]::IndexOf($columns, $_) })
        $positions | Should -Not -Contain -1
        ($positions -join ',') | Should -Be (($positions | Sort-Object) -join ',') -Because "the header is $header"
        foreach ($id in 'Id', 'SessionId', 'TelephonySessionId', 'PartyId', 'Uri') {
            [array]::IndexOf($columns, $id) | Should -BeGreaterThan ([array]::IndexOf($columns, 'RecordingType'))
        }
    }

    It '-Raw writes each record''s JSON text as received' {
        $raw = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -First 3 -Raw)
        $raw.Count | Should -Be 3
        $raw[0] | Should -BeOfType ([string])
        ($raw[0] | ConvertFrom-Json).id | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-RcCallLogBatch and Get-RcCallLog -Id' {
    It '120 ids with 3 unknown: 117 records in order, 3 errors naming those ids, 3 requests' {
        $ids = [Collections.Generic.List[string]]::new()
        (Expected $from $to)[0..116].id | ForEach-Object { $ids.Add($_) }
        $ids.Insert(10, 'UNKNOWN0001')
        $ids.Insert(60, 'UNKNOWN0002')
        $ids.Insert(119, 'UNKNOWN0003')
        Reset-SimStats $sim
        $records = @($ids | Get-RcCallLogBatch -Account -ErrorVariable batchErrors -ErrorAction SilentlyContinue)
        $records.Count | Should -Be 117
        ($records.Id -join ',') | Should -Be (($ids | Where-Object { $_ -notlike 'UNKNOWN*' }) -join ',')
        $batchErrors.Count | Should -Be 3
        $batchErrors.TargetObject | Should -Be @('UNKNOWN0001', 'UNKNOWN0002', 'UNKNOWN0003')
        $batchErrors | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -Match '^CallLogRecordNotFound'
            $_.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
        (Get-SimCallLogRequests $sim).Count | Should -Be 3
    }

    It 'a malformed id among good ones is one error for that id, and the good ones are still read' {
        $good = (Expected $from $to)[0].id
        $errors = $null
        $records = @(Get-RcCallLogBatch -Account -Id 'garbage!', $good -ErrorVariable errors -ErrorAction SilentlyContinue)
        $records.Id | Should -Be @($good)
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Match '^InvalidArgumentId'
        $errors[0].TargetObject | Should -Be 'garbage!'
    }

    It 'one id is a plain GET; records pipe back in by property name' {
        $one = (Expected $from $to)[3]
        Reset-SimStats $sim
        $got = Get-RcCallLog -Account -Id $one.id
        $got.Id | Should -Be $one.id
        $requests = Get-SimCallLogRequests $sim
        $requests[0].path | Should -Match "/call-log/$($one.id)$"
        $again = @(Get-RcCallLog -Account -DateFrom $from -DateTo $to -First 4 | Get-RcCallLogBatch -Account -View Detailed)
        $again.Count | Should -Be 4
        $again[0].LastModifiedTime | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-RcActiveCall' {
    It 'lists active calls of the account as CallLogRecord objects' {
        Invoke-SimHook $sim 'calls' -Method POST -Body @{ count = 3; endedSecondsAgo = 0; visibleAfterSeconds = 0 } | Out-Null
        $active = @(Get-RcActiveCall -Account)
        $active.Count | Should -BeGreaterThan 0
        $active[0] | Should -BeOfType ([RingCentral.CallLog.CallLogRecord])
        @(Get-RcActiveCall -Account -Direction Inbound) | ForEach-Object { $_.Direction | Should -Be 'Inbound' }
    }
}
