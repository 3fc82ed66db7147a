# Incremental export with -Checkpoint -NewOnly (each id once, as checkpoints were before they
# followed changes): consecutive runs with new, late and changed calls between them deliver every
# record exactly once; failed or stopped runs leave the checkpoint untouched. The change-aware
# default (ChangeType New/Updated/Deleted) is proven in the xunit suite (Commands/ChangeAwareCheckpointTests).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # 24x7: the nightly windows (relative to the clock) must hold recorded calls whatever the hour and weekday of the run.
    $script:sim = Start-TestSimulator -Arguments @('--seed', '21', '--profile', '24x7', '--extensions', '6', '--calls-per-day', '400', '--days', '4', '--recording-bytes', '16000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim
    $script:start = [DateTime]::UtcNow.AddDays(-2)
    $script:dir = Join-Path ([IO.Path]::GetTempPath()) "rc-checkpoint-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $dir | Out-Null

    function script:Invoke-Run([string] $File, [hashtable] $Extra = @{}) {
        @(Get-RcCallLog -Account -DateFrom $start -Checkpoint $File -CheckpointSettleTime 0 -NewOnly @Extra)
        Complete-RcCheckpoint -Path $File   # the rows are "stored" (collected): the checkpoint moves
    }
    function script:Assert-EveryRecordOnce([object[]] $Delivered, [DateTime] $Until) {
        # Every record of the range that was listed by the last run's end was delivered, exactly
        # once. A record listed in the instant between that run computing its end and reading the
        # page may be delivered too (it is then in no later run's set): allowed, nothing else.
        @($Delivered.Id | Sort-Object -Unique).Count | Should -Be $Delivered.Count
        $inRange = @(Get-SimGroundTruth $sim | Where-Object {
                $s = ConvertTo-UtcDate $_.startTime
                $s -ge $start -and $s -le $Until -and -not $_._sim.deleted
            })
        $listed = @($inRange | Where-Object { (ConvertTo-UtcDate $_._sim.visibleAt) -le $Until })
        $late = @($inRange | Where-Object { (ConvertTo-UtcDate $_._sim.visibleAt) -gt $Until }).id
        $ids = [Collections.Generic.HashSet[string]]::new([string[]]$Delivered.Id)
        @($listed | Where-Object { -not $ids.Contains($_.id) }).id | Should -BeNullOrEmpty
        $known = [Collections.Generic.HashSet[string]]::new([string[]]$listed.id)
        @($Delivered.Id | Where-Object { -not $known.Contains($_) -and $_ -notin $late }) | Should -BeNullOrEmpty
    }
    function script:HighWaterMark([string] $File) { ConvertTo-UtcDate (Get-Content $File -Raw | ConvertFrom-Json -DateKind String).highWaterMark }
    function script:Add-Calls([hashtable] $Body) { Invoke-SimHook $sim 'calls' -Method POST -Body $Body | Out-Null }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
    Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-RcCallLog -Checkpoint' {
    It 'three runs with new, late and changed calls between them deliver every record exactly once' {
        $cp = Join-Path $dir 'three.json'
        $run1 = Invoke-Run $cp
        $run1.Count | Should -BeGreaterThan 500
        Test-Path $cp | Should -BeTrue

        Add-Calls @{ count = 6; endedSecondsAgo = 0; visibleAfterSeconds = 0 }      # ordinary new calls
        Add-Calls @{ count = 4; endedSecondsAgo = 5; visibleAfterSeconds = 8 }      # listed late: not yet visible for run 2
        Invoke-SimHook $sim 'modify' -Method POST -Body @{ count = 8 } | Out-Null   # records change after delivery
        $run2 = Invoke-Run $cp
        $run2.Count | Should -BeGreaterOrEqual 6

        Start-Sleep -Seconds 9
        Add-Calls @{ count = 3; endedSecondsAgo = 0; visibleAfterSeconds = 0 }
        $run3 = Invoke-Run $cp
        $run3.Count | Should -BeGreaterOrEqual 7   # the late ones and the newest

        Assert-EveryRecordOnce (@($run1) + @($run2) + @($run3)) (HighWaterMark $cp)
        @(($run1 + $run2 + $run3) | Where-Object ChangeType -NE 'New').Count | Should -Be 0
    }

    It 'without -NewOnly, records changed since they were written come again as Updated; -CheckpointOverlap still names the window' {
        $cp = Join-Path $dir 'changes.json'
        $run1 = @(Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -CheckpointOverlap ([TimeSpan]::FromDays(3)))
        Complete-RcCheckpoint -Path $cp
        $run1.Count | Should -BeGreaterThan 500
        $changed = @((Invoke-SimHook $sim 'modify' -Method POST -Body @{ count = 5; kind = 'result' }).modified)
        $run2 = @(Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -ChangeWindow ([TimeSpan]::FromDays(3)))
        $updated = @($run2 | Where-Object ChangeType -EQ 'Updated')
        @($changed | Where-Object { $_ -in $updated.Id }).Count | Should -Be @($changed | Where-Object { $_ -in $run1.Id }).Count
        @($updated | Where-Object { $_.Id -notin $changed }).Count | Should -Be 0
    }

    It 'a run killed mid-way leaves the checkpoint untouched; the next run still delivers every record exactly once' {
        $cp = Join-Path $dir 'killed.json'
        $run1 = Invoke-Run $cp
        $before = Get-FileHash $cp
        Add-Calls @{ count = 5; endedSecondsAgo = 0; visibleAfterSeconds = 0 }

        # A downstream failure (say Export-Csv on a full disk) after 3 records.
        $n = 0
        { Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -NewOnly | ForEach-Object { if (++$n -eq 3) { throw 'disk full' } } } | Should -Throw '*disk full*'
        (Get-FileHash $cp).Hash | Should -Be $before.Hash

        # A terminating API error (503 until the retries run out).
        $impatient = Connect-TestSimulator $sim -PassThru -Extra @{ MaxRetryCount = 1; RetryBackoffSeconds = 0.05 }
        Invoke-SimHook $sim 'faults' -Method POST -Body @{ kind = 'status'; status = 503; path = '/call-log'; count = 2 } | Out-Null
        { Get-RcCallLog -Connection $impatient -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -NewOnly -ErrorAction Stop } | Should -Throw '*Service Temporary Unavailable*'
        (Get-FileHash $cp).Hash | Should -Be $before.Hash
        Invoke-SimHook $sim 'faults' -Method DELETE | Out-Null

        # Stopped from downstream.
        @(Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -NewOnly | Select-Object -First 2).Count | Should -Be 2
        (Get-FileHash $cp).Hash | Should -Be $before.Hash

        $run2 = Invoke-Run $cp
        Assert-EveryRecordOnce (@($run1) + @($run2)) (HighWaterMark $cp)
    }

    It 'the first run needs -DateFrom, and refuses -DateTo and -First' {
        $cp = Join-Path $dir 'first.json'
        { Get-RcCallLog -Account -Checkpoint $cp -ErrorAction Stop } | Should -Throw '*-DateFrom*'
        { Get-RcCallLog -Account -DateFrom $start -DateTo (Get-Date) -Checkpoint $cp -ErrorAction Stop } | Should -Throw '*-DateTo*'
        { Get-RcCallLog -Account -DateFrom $start -First 5 -Checkpoint $cp -ErrorAction Stop } | Should -Throw '*-First*'
        Test-Path $cp | Should -BeFalse
    }

    It 'a corrupt checkpoint gives a clear error and changes nothing' {
        $cp = Join-Path $dir 'corrupt.json'
        Set-Content $cp '{ "version": 1, "filter": '
        $before = Get-FileHash $cp
        $err = $null
        try { Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Match '^CheckpointInvalid'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
        $err.Exception.Message | Should -Match 'not a readable call log checkpoint'
        (Get-FileHash $cp).Hash | Should -Be $before.Hash
    }

    It 'a checkpoint made for other filters or another account is refused and left as it is' {
        $cp = Join-Path $dir 'foreign.json'
        @(Get-RcCallLog -Account -DateFrom $start -Direction Inbound -Checkpoint $cp -CheckpointSettleTime 0).Count | Should -BeGreaterThan 0
        Complete-RcCheckpoint -Path $cp
        $before = Get-FileHash $cp
        $err = $null
        try { Get-RcCallLog -Account -DateFrom $start -Direction Outbound -Checkpoint $cp -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Match '^CheckpointMismatch'
        $err.Exception.Message | Should -Match 'other filters'

        $mine = Join-Path $dir 'extension.json'
        @(Get-RcCallLog -DateFrom $start -Checkpoint $mine -CheckpointSettleTime 0).Count | Should -BeGreaterThan 0
        Complete-RcCheckpoint -Path $mine
        $user = Connect-TestSimulator $sim -AsUser -PassThru
        $err = $null
        try { Get-RcCallLog -Connection $user -DateFrom $start -Checkpoint $mine -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Match '^CheckpointMismatch'
        $err.Exception.Message | Should -Match 'another server, account or user'
        (Get-FileHash $cp).Hash | Should -Be $before.Hash
    }
}

Describe 'The nightly recordings archive recipe' {
    It 'overlapping windows with skip-existing land every recording exactly once, even after a failed download' {
        Connect-TestSimulator $sim   # the admin again (an earlier test signed in as the user)
        $archive = Join-Path $dir 'archive'
        $day = [DateTime]::UtcNow.Date.AddDays(-1)
        # Night 1: the window before yesterday's end; one download is cut short.
        $night1 = @(Get-RcCallLog -Account -RecordingType All -DateFrom $day.AddHours(-36) -DateTo $day.AddHours(-12))
        # The first download is cut short on every try, until its retries run out.
        $impatient = Connect-TestSimulator $sim -PassThru -Extra @{ MaxRetryCount = 1; RetryBackoffSeconds = 0.05 }
        Invoke-SimHook $sim 'faults' -Method POST -Body @{ kind = 'truncate'; path = '/content'; count = 2 } | Out-Null
        $first = @($night1 | Save-RcRecording -Connection $impatient -ThrottleLimit 1 -Path $archive -PassThru -ErrorAction SilentlyContinue)
        @($first | Where-Object Status -EQ 'Failed').Count | Should -Be 1
        Invoke-SimHook $sim 'faults' -Method DELETE | Out-Null

        # Night 2: a window that overlaps the previous one.
        $night2 = @(Get-RcCallLog -Account -RecordingType All -DateFrom $day.AddHours(-24) -DateTo $day)
        $second = @($night2 | Save-RcRecording -Path $archive -PassThru)
        @($second | Where-Object Status -EQ 'Failed').Count | Should -Be 0

        $expected = @(($night1 + $night2).RecordingId | Sort-Object -Unique)
        $files = @(Get-ChildItem $archive -File | Where-Object Extension -NE '.json') # not the sidecars
        @($files | Where-Object Extension -EQ '.partial').Count | Should -Be 0
        $files.Count | Should -Be $expected.Count
        foreach ($id in $expected) { @($files | Where-Object Name -Match "_$id\.").Count | Should -Be 1 }
    }
}
