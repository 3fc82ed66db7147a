# Tests that try to break what Get-RcCallLog -Checkpoint promises (a checkpoint moves only past rows
# that are safely stored; one run at a time), the way the world does: kill -9 of the pwsh process
# itself at several points, a full disk under the consumer, two runs at once. The runs that get
# killed are separate pwsh processes started directly (not through the `dotnet pwsh` launcher, whose
# child would survive the kill).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:sim = Start-TestSimulator -Arguments @('--seed', '23', '--extensions', '4', '--calls-per-day', '200', '--days', '2', '--recording-bytes', '8000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    Connect-TestSimulator $sim
    $script:start = [DateTime]::UtcNow.AddDays(-1)
    $script:dir = Join-Path ([IO.Path]::GetTempPath()) "rc-cpbreak-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $dir | Out-Null

    # The script every child starts with: the built module, signed in to the simulator, $start.
    $script:prelude = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-TestModulePath)'
Connect-RcAccount -Server '$($sim.url)' -ClientId '$($sim.clientId)' -ClientSecret (ConvertTo-SecureString '$($sim.clientSecret)' -AsPlainText -Force) -Jwt (ConvertTo-SecureString '$($sim.adminJwt)' -AsPlainText -Force)
`$start = [DateTime]::Parse('$($start.ToString('o'))', [Globalization.CultureInfo]::InvariantCulture, 'RoundtripKind')
"@

    function script:Start-Pwsh([string] $Body) {
        $file = Join-Path $dir "child-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $file -Value ($prelude + "`n" + $Body)
        $exe = (Get-Process -Id $PID).Path
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $file)
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments = @((Join-Path $PSHOME 'pwsh.dll')) + $arguments }
        $process = Start-Process -FilePath $exe -ArgumentList $arguments -PassThru -RedirectStandardOutput "$file.out" -RedirectStandardError "$file.err"
        $process | Add-Member -NotePropertyName Log -NotePropertyValue $file -PassThru
    }
    function script:Wait-Marker([string] $Path, $Process) {
        # Hang guard only: the child writes the marker when it reaches the point to be killed at.
        $deadline = [DateTime]::UtcNow.AddSeconds(90)
        while (-not (Test-Path $Path)) {
            if ($Process.HasExited) { throw "the child ended before '$Path': $(Get-Content "$($Process.Log).err" -Raw)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "no '$Path' after 90 s" }
            Start-Sleep -Milliseconds 20
        }
    }
    function script:Stop-Hard($Process) {
        if (-not $Process.HasExited) { & kill -9 $Process.Id }
        $Process.WaitForExit()
    }
    function script:Add-Calls([int] $Count) {
        @((Invoke-SimHook $sim 'calls' -Method POST -Body @{ count = $Count; endedSecondsAgo = 0; visibleAfterSeconds = 0 }).added)
    }
    function script:Invoke-Run([string] $File) {
        @(Get-RcCallLog -Account -DateFrom $start -Checkpoint $File -CheckpointSettleTime 0 -ChangeWindow ([TimeSpan]::FromDays(2)))
    }
    function script:Hash([string] $File) { (Get-FileHash $File).Hash }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
    Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-RcCallLog -Checkpoint under kill -9' {
    It 'a run killed mid-way leaves the checkpoint as it was; the next run removes its temp file and writes every new row' {
        $cp = Join-Path $dir 'killed-mid.json'
        Invoke-Run $cp | Out-Null
        Complete-RcCheckpoint -Path $cp
        $before = Hash $cp
        $added = Add-Calls 6

        $child = Start-Pwsh "`$n = 0; Get-RcCallLog -Account -DateFrom `$start -Checkpoint '$cp' -CheckpointSettleTime 0 | ForEach-Object { if (++`$n -eq 3) { New-Item '$cp.at-row-3' | Out-Null; Start-Sleep 600 } }"
        Wait-Marker "$cp.at-row-3" $child
        Stop-Hard $child
        Hash $cp | Should -Be $before
        "$cp.pending" | Should -Not -Exist
        @(Get-ChildItem $dir -Filter 'killed-mid.json*.tmp').Count | Should -BeGreaterThan 0   # what the kill left

        $next = Invoke-Run $cp
        @($added | Where-Object { $_ -notin $next.Id }) | Should -BeNullOrEmpty
        @(Get-ChildItem $dir -Filter 'killed-mid.json*.tmp') | Should -BeNullOrEmpty
    }

    It 'a run killed after its consumer wrote the rows but before Complete-RcCheckpoint: the next run warns once and writes those rows again' {
        $cp = Join-Path $dir 'killed-pending.json'
        Invoke-Run $cp | Out-Null
        Complete-RcCheckpoint -Path $cp
        $before = Hash $cp
        $added = Add-Calls 5
        $csv = Join-Path $dir 'killed-pending.csv'

        $child = Start-Pwsh "Get-RcCallLog -Account -DateFrom `$start -Checkpoint '$cp' -CheckpointSettleTime 0 | Export-Csv '$csv.tmp' -NoTypeInformation; New-Item '$cp.at-stored' | Out-Null; Start-Sleep 600; Move-Item '$csv.tmp' '$csv'; Complete-RcCheckpoint -Path '$cp'"
        Wait-Marker "$cp.at-stored" $child
        Stop-Hard $child
        $lost = @(Import-Csv "$csv.tmp")
        @($added | Where-Object { $_ -notin $lost.Id }) | Should -BeNullOrEmpty
        Hash $cp | Should -Be $before

        $next = @(Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -ChangeWindow ([TimeSpan]::FromDays(2)) -WarningVariable warnings -WarningAction SilentlyContinue)
        @($lost.Id | Where-Object { $_ -notin $next.Id }) | Should -BeNullOrEmpty
        @($warnings | Where-Object { "$_" -match 'never completed' }).Count | Should -Be 1
        Complete-RcCheckpoint -Path $cp
        @(Invoke-Run $cp).Count | Should -Be 0
    }

    It 'Complete-RcCheckpoint killed at several points leaves the old or the new checkpoint, never a broken one' {
        $cp = Join-Path $dir 'killed-complete.json'
        Invoke-Run $cp | Out-Null
        Complete-RcCheckpoint -Path $cp
        Add-Calls 3 | Out-Null
        Invoke-Run $cp | Out-Null
        # A pending state with many entries, so that checking it takes a while and the kills land inside.
        $lines = [Collections.Generic.List[string]]::new([IO.File]::ReadAllLines("$cp.pending"))
        $last = [long]($lines[$lines.Count - 2].TrimEnd(',') | ConvertFrom-Json)[1]
        $extra = foreach ($i in 1..200000) { '["filler{0}",{1},"0000000000000001"],' -f $i, ($last - 1 - $i) }
        $lines[$lines.Count - 2] = $lines[$lines.Count - 2].TrimEnd(',') + ','
        $lines.InsertRange($lines.Count - 1, [string[]]$extra)
        $lines[$lines.Count - 2] = $lines[$lines.Count - 2].TrimEnd(',')
        [IO.File]::WriteAllLines("$cp.pending", $lines)
        Copy-Item $cp "$cp.old"; Copy-Item "$cp.pending" "$cp.new"
        $old = Hash $cp; $new = Hash "$cp.pending"

        $ended = foreach ($delay in 0, 150, 500, 1500, 20000) {
            Copy-Item "$cp.old" $cp -Force; Copy-Item "$cp.new" "$cp.pending" -Force
            $child = Start-Pwsh "New-Item '$cp.at-complete-$delay' | Out-Null; Complete-RcCheckpoint -Path '$cp'"
            Wait-Marker "$cp.at-complete-$delay" $child
            $guard = [Diagnostics.Stopwatch]::StartNew()
            while (-not $child.HasExited -and $guard.ElapsedMilliseconds -lt $delay) { Start-Sleep -Milliseconds 5 }
            Stop-Hard $child
            # Always a whole checkpoint: the old one with the pending state still there, or the new one.
            $now = Hash $cp
            $now | Should -BeIn @($old, $new)
            if ($now -eq $old) { Hash "$cp.pending" | Should -Be $new } else { "$cp.pending" | Should -Not -Exist }
            { Get-Content $cp -Raw | ConvertFrom-Json } | Should -Not -Throw
            $now -eq $new
        }
        $ended[-1] | Should -BeTrue   # given the time, it completes
    }
}

Describe 'Get-RcCallLog -Checkpoint with two runs at once' {
    It 'the second run fails at once with CheckpointInUse naming the first; once the first is killed, its lock is taken over' {
        $cp = Join-Path $dir 'overlap.json'
        Invoke-Run $cp | Out-Null
        Complete-RcCheckpoint -Path $cp
        $before = Hash $cp
        $added = Add-Calls 4
        $child = Start-Pwsh "Get-RcCallLog -Account -DateFrom `$start -Checkpoint '$cp' -CheckpointSettleTime 0 | ForEach-Object { New-Item '$cp.at-row' -Force | Out-Null; Start-Sleep 600 }"
        Wait-Marker "$cp.at-row" $child

        $err = $null
        try { Invoke-Run $cp | Out-Null } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Match '^CheckpointInUse,'
        $err.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $err.Exception.Message | Should -Match "process $($child.Id) on $([regex]::Escape([Environment]::MachineName)) since \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ"
        $err = $null
        try { Complete-RcCheckpoint -Path $cp } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Match '^CheckpointInUse,'

        Stop-Hard $child
        Hash $cp | Should -Be $before
        $next = @(Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -ChangeWindow ([TimeSpan]::FromDays(2)) -Verbose 4>&1)
        @($next | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match "process $($child.Id) .*taken over" }).Count | Should -Be 1
        $rows = @($next | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] })
        @($added | Where-Object { $_ -notin $rows.Id }) | Should -BeNullOrEmpty
        Complete-RcCheckpoint -Path $cp
    }
}

Describe 'Get-RcCallLog -Checkpoint with a full disk under the consumer' {
    It 'Export-Csv failing at its final flush leaves the checkpoint, and the next run writes the rows again' {
        $mount = Join-Path $dir 'full'
        New-Item -ItemType Directory -Path $mount | Out-Null
        $isRoot = $IsLinux -and (& id -u) -eq '0'
        if ($isRoot) { & mount -t tmpfs -o size=64k tmpfs $mount; $isRoot = $LASTEXITCODE -eq 0 }
        if (-not $isRoot) {
            Set-ItResult -Skipped -Because 'mounting a small tmpfs needs root on Linux (this test fills it to make Export-Csv fail)'
            return
        }
        try {
            $cp = Join-Path $dir 'full-disk.json'
            Invoke-Run $cp | Out-Null
            Complete-RcCheckpoint -Path $cp
            $before = Hash $cp
            $added = Add-Calls 5
            # Fill the disk: Export-Csv buffers these few rows and fails when it flushes them at its end.
            $filler = [IO.File]::OpenWrite((Join-Path $mount 'filler'))
            try { $block = [byte[]]::new(4096); while ($true) { $filler.Write($block, 0, $block.Length); $filler.Flush() } } catch [IO.IOException] { } finally { try { $filler.Dispose() } catch [IO.IOException] { } }

            $csv = Join-Path $mount 'calls.csv'
            $failed = $null
            try {
                Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -ChangeWindow ([TimeSpan]::FromDays(2)) |
                    Select-Object Id, ChangeType | Export-Csv "$csv.tmp" -NoTypeInformation
                Move-Item "$csv.tmp" $csv
                Complete-RcCheckpoint -Path $cp
            }
            catch { $failed = $_ }
            $failed | Should -Not -BeNullOrEmpty
            Hash $cp | Should -Be $before

            $next = @(Get-RcCallLog -Account -DateFrom $start -Checkpoint $cp -CheckpointSettleTime 0 -ChangeWindow ([TimeSpan]::FromDays(2)) -WarningAction SilentlyContinue)
            @($added | Where-Object { $_ -notin $next.Id }) | Should -BeNullOrEmpty
            Complete-RcCheckpoint -Path $cp
        }
        finally {
            & umount $mount
        }
    }

    It 'a full disk under the checkpoint itself: the run fails with the disk-full error, leaves no temp file there and the checkpoint as it was' {
        $mount = Join-Path $dir 'full-cp'
        New-Item -ItemType Directory -Path $mount | Out-Null
        $isRoot = $IsLinux -and (& id -u) -eq '0'
        if ($isRoot) { & mount -t tmpfs -o size=256k tmpfs $mount; $isRoot = $LASTEXITCODE -eq 0 }
        if (-not $isRoot) {
            Set-ItResult -Skipped -Because 'mounting a small tmpfs needs root on Linux (this test fills it under the checkpoint)'
            return
        }
        try {
            $cp = Join-Path $mount 'cp.json'
            Invoke-Run $cp | Out-Null
            Complete-RcCheckpoint -Path $cp
            $before = Hash $cp
            $filler = [IO.File]::OpenWrite((Join-Path $mount 'filler'))
            try { $block = [byte[]]::new(4096); while ($true) { $filler.Write($block, 0, $block.Length); $filler.Flush() } } catch [IO.IOException] { } finally { try { $filler.Dispose() } catch [IO.IOException] { } }

            $failed = $null
            try { Invoke-Run $cp | Out-Null } catch { $failed = $_ }
            "$failed" | Should -Match 'No space left|disk full|not enough space'
            @(Get-ChildItem $mount -Filter '*.tmp') | Should -BeNullOrEmpty
            "$cp.pending" | Should -Not -Exist
            Hash $cp | Should -Be $before
        }
        finally {
            & umount $mount
        }
    }
}
