# The README's SQLite variant of the nightly recipe, run as written (only the folder, the sign-in and
# the start date are put in) against a real SQLite database, over three runs with new, late, changed
# and deleted calls between them: the table must equal the simulator's final state, field by field.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:sqlite = Get-Command sqlite3 -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    $script:sim = Start-TestSimulator -Arguments @('--seed', '24', '--extensions', '4', '--calls-per-day', '200', '--days', '2', '--recording-bytes', '8000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    $script:start = [DateTime]::UtcNow.AddDays(-1)
    $script:dir = Join-Path ([IO.Path]::GetTempPath()) "rc-cpsqlite-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $dir | Out-Null

    # The recipe's code block, as the README has it.
    $readme = Get-Content (Join-Path (Get-TestRepoRoot) 'README.md') -Raw
    $section = $readme.Substring($readme.IndexOf('### Nightly export into SQLite'))
    $script:recipe = [regex]::Match($section, '(?s)```powershell\r?\n(.*?)```').Groups[1].Value
    $script:script = $recipe
    $swaps = [ordered]@{
        'Import-Module RingCentral.CallLog' = ''
        "Connect-RcAccount`n"               = "Connect-TestSimulator `$sim | Out-Null`n"
        "`$dir = '/srv/calllogs'"            = "`$dir = '$dir'"
        '-DateFrom 2026-11-01'              = '-DateFrom $start -CheckpointSettleTime 0'
    }
    foreach ($swap in $swaps.GetEnumerator()) {
        $script:script.Contains($swap.Key) | Should -BeTrue -Because "the recipe has '$($swap.Key)'"
        $script:script = $script:script.Replace($swap.Key, $swap.Value)
    }
    function script:Invoke-Recipe { & ([scriptblock]::Create($script:script)) }
    function script:Add-Calls([hashtable] $Body) { Invoke-SimHook $sim 'calls' -Method POST -Body $Body | Out-Null }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
    Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe "The README's SQLite recipe" {
    It 'three nightly runs with new, late, changed and deleted calls leave the table equal to the final state, field by field' {
        if (-not $sqlite) {
            Set-ItResult -Skipped -Because 'the sqlite3 program is not installed (.ci/run installs it as root)'
            return
        }
        Invoke-Recipe
        Add-Calls @{ count = 6; endedSecondsAgo = 0; visibleAfterSeconds = 0 }      # new
        Add-Calls @{ count = 3; endedSecondsAgo = 5; visibleAfterSeconds = 8 }      # listed late: not yet for run 2
        Invoke-SimHook $sim 'modify' -Method POST -Body @{ count = 4; kind = 'result' } | Out-Null
        Invoke-SimHook $sim 'modify' -Method POST -Body @{ count = 3; kind = 'recording' } | Out-Null
        Invoke-SimHook $sim 'modify' -Method POST -Body @{ count = 4; kind = 'delete' } | Out-Null
        Invoke-Recipe
        Start-Sleep -Seconds 9
        Add-Calls @{ count = 3; endedSecondsAgo = 0; visibleAfterSeconds = 0 }
        Invoke-SimHook $sim 'modify' -Method POST -Body @{ count = 5; kind = 'mix' } | Out-Null
        Invoke-Recipe
        "$dir/calls.checkpoint.json.pending" | Should -Not -Exist   # every run was completed

        $mark = ConvertTo-UtcDate (Get-Content "$dir/calls.checkpoint.json" -Raw | ConvertFrom-Json -DateKind String).highWaterMark
        $rows = @((& $sqlite.Source -json "$dir/calls.db" 'SELECT * FROM calls ORDER BY Id') -join "`n" | ConvertFrom-Json -DateKind String)
        # A call listed only in the last instant before the last run's mark (RingCentral's Date has
        # whole seconds) may or may not be in that run; it is held to the truth only when stored.
        $stored = [Collections.Generic.HashSet[string]]::new([string[]]@($rows.Id))
        $truth = @(Get-SimGroundTruth $sim | Where-Object {
                $s = ConvertTo-UtcDate $_.startTime
                $s -ge $start -and $s -le $mark -and -not $_._sim.deleted -and ((ConvertTo-UtcDate $_._sim.visibleAt) -le $mark -or $stored.Contains($_.id))
            })
        $truth.Count | Should -BeGreaterThan 100
        $expectedIds = [string[]]@($truth.id); [Array]::Sort($expectedIds, [StringComparer]::Ordinal)
        $tableIds = [string[]]@($rows.Id); [Array]::Sort($tableIds, [StringComparer]::Ordinal)
        $missing = @($expectedIds | Where-Object { $_ -notin $tableIds })
        $extra = @($tableIds | Where-Object { $_ -notin $expectedIds })
        "missing: $missing; extra: $extra" | Should -Be 'missing: ; extra: '
        $tableIds | Should -Be $expectedIds
        $byId = @{}; foreach ($row in $rows) { $byId[$row.Id] = $row }
        $text = { param($v) if ($null -eq $v) { '' } else { "$v" } }
        foreach ($call in $truth) {
            $row = $byId[$call.id]
            $expected = [ordered]@{
                StartTime = (ConvertTo-UtcDate $call.startTime); Direction = $call.direction; Type = $call.type; Action = $call.action
                Result = $call.result; Duration = $call.duration
                FromPhoneNumber = $call.from.phoneNumber; FromName = $call.from.name; ToPhoneNumber = $call.to.phoneNumber; ToName = $call.to.name
                ExtensionId = $call.extension.id; RecordingId = $call.recording.id
            }
            $actual = [ordered]@{
                StartTime = (ConvertTo-UtcDate $row.StartTime); Direction = $row.Direction; Type = $row.Type; Action = $row.Action
                Result = $row.Result; Duration = $row.Duration
                FromPhoneNumber = $row.FromPhoneNumber; FromName = $row.FromName; ToPhoneNumber = $row.ToPhoneNumber; ToName = $row.ToName
                ExtensionId = $row.ExtensionId; RecordingId = $row.RecordingId
            }
            foreach ($field in $expected.Keys) {
                & $text $actual[$field] | Should -Be (& $text $expected[$field]) -Because "$field of $($call.id)"
            }
        }
    }
}
