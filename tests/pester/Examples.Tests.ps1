# Every documented example is a test: each PowerShell example of README.md, docs/*.md, about_ and
# the cmdlet help pages runs as written, in a fresh pwsh and a fresh folder, against the simulator.
# It fails on any error (anything on stderr, a non-zero exit) and on an example that leaves nothing:
# no output and no non-empty file. New examples run without changing this file; an example that
# cannot run here is listed in $Excluded with its reason.
BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

    # ```powershell blocks are examples; in ```text blocks (the README tour) the "PS> " lines and
    # their ">> " continuations are, and the rest is the output shown.
    function Get-DocExample([string] $File, [string] $Root) {
        $source = [IO.Path]::GetRelativePath($Root, $File).Replace('\', '/')
        $heading = ''; $fence = $null; $code = $null; $count = @{}; $startLine = 0; $n = 0
        foreach ($line in Get-Content -LiteralPath $File) {
            $n++
            if ($null -eq $fence) {
                if ($line -match '^#{2,3} (.+)$') { $heading = $Matches[1].Trim() }
                elseif ($line -match '^```(powershell|text)\s*$') { $fence = $Matches[1]; $code = [Collections.Generic.List[string]]::new(); $startLine = $n }
                continue
            }
            if ($line -match '^```\s*$') {
                if ($code.Count -gt 0) {
                    $count[$heading] = 1 + $count[$heading]
                    $title = if ($count[$heading] -gt 1) { "$heading ($($count[$heading]))" } else { $heading }
                    @{ Name = "${source}: $title"; Source = $source; Line = $startLine; Code = ($code -join "`n") }
                }
                $fence = $null
                continue
            }
            if ($fence -eq 'powershell') { $code.Add($line) }
            elseif ($line -match '^PS> (.*)$') { $code.Add($Matches[1]) }
            elseif ($line -match '^>> (.*)$' -and $code.Count -gt 0) { $code.Add($Matches[1]) }
        }
    }

    $files = @(Join-Path $root 'README.md') + @(Get-ChildItem (Join-Path $root 'docs') -Filter '*.md').FullName +
        @(Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*.md').FullName
    $script:examples = @(foreach ($f in $files) { Get-DocExample $f $root })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:repo = Get-TestRepoRoot
    # This pwsh again: a dotnet tool's pwsh runs as "dotnet pwsh.dll".
    $script:pwsh = @((Get-Process -Id $PID).Path)
    if ((Split-Path $pwsh[0] -LeafBase) -eq 'dotnet') { $script:pwsh += Join-Path $PSHOME 'pwsh.dll' }

    # Examples that cannot run here, each with its reason. Keep this list short and honest.
    $script:Excluded = [ordered]@{
        'README.md: Install'                                  = 'builds and installs the package into the user''s scope; Packaging.Tests.ps1 installs it the same way'
        'docs/en-US/Connect-RcAccount.md: Example 4: *'       = 'interactive sign-in in a browser'
        'docs/en-US/Connect-RcAccount.md: Example 5: *'       = 'asks for the proxy''s credentials (Get-Credential) and needs a proxy'
        'docs/en-US/Test-RcRecordingArchive.md: Example 4: *' = 'asks for confirmation before it deletes (run without -Confirm:$false at a prompt)'
        'README.md: Running the watcher as a service'         = 'the service''s script watches until the service stops it; "When a call ends, post it to a chat/CRM webhook" runs the same pipeline with -First'
        'README.md: Running the watcher as a service (2)'     = 'registers a Windows scheduled task (Register-ScheduledTask), which needs Windows and an administrator'
    }

    # Examples whose right result is no output at all.
    $script:Quiet = [ordered]@{
        'docs/en-US/Test-RcRecordingArchive.md: Example 1: *' = 'lists only the files that are not Ok, and the prepared archive is intact'
    }

    # How an example is made to run here: placeholders in its text become the simulator's values
    # and paths inside its folder. {Name} is a fact of the simulator (New-ExampleWorld) or {root},
    # the example's folder. Applied in order.
    $script:Substitutions = @(
        @{ Find = '\b[CD]:\\'; With = '{root}/drive/'; Why = 'Windows drive paths map into the example''s folder' }
        @{ Find = '\\\\fileserver\\'; With = '{root}/fileserver/'; Why = 'a UNC share maps into the example''s folder' }
        @{ Find = '(?<=[\s''"(])/srv/'; With = '{root}/srv/'; Why = 'Linux server paths map into the example''s folder' }
        @{ Find = 'http://127\.0\.0\.1:\d+'; With = '{url}'; Why = 'the simulator address the tour shows' }
        @{ Find = 'Connect-RcAccount(?= -Client)'; With = 'Connect-RcAccount -Server {url}'; Why = 'credentials given as parameters sign in to Production unless -Server' }
        @{ Find = 'aBcD1234eFgH5678'; With = '{clientId}'; Why = 'a client id' }
        @{ Find = '6287163(\d)004'; With = '{extension$1}'; Why = 'extension ids' }
        @{ Find = '4503599627370496'; With = '{sessionId}'; Why = 'a call session with several legs' }
        @{ Find = 'Y3NFpZ6xTbBnU([AB])'; With = '{callId$1}'; Why = 'call log record ids' }
        @{ Find = '1680117004, 1680120004'; With = '{purgeIds}'; Why = 'two recordings no other example uses' }
        @{ Find = '2931421004'; With = '{recordingId}'; Why = 'a recording id' }
        @{ Find = '\+16505550100'; With = '{phoneNumber}'; Why = 'a number with calls this month' }
        @{ Find = 'while \(\$true\)'; With = 'foreach ($round in 1..2)'; Why = 'a monitoring loop runs twice' }
        @{ Find = 'Start-Sleep -Seconds 30'; With = 'Start-Sleep -Seconds 1'; Why = 'the monitoring loop''s pause' }
        @{ Find = 'https://hooks\.example\.com/[^''"\s]*'; With = '{url}/_sim/webhook'; Why = 'a chat/CRM webhook: the simulator''s sink keeps what is posted' }
    )

    # Variables and secrets the examples take as given (the Developer Console's values), and a
    # Get-Secret that answers like SecretManagement's for RcClientSecret and RcJwt.
    # An example that does not sign in itself runs signed in, as help examples assume.
    function script:Get-Prelude($World, [string] $Code) {
        $f = $World.Facts
        $connect = if ($Code -notmatch 'Connect-RcAccount') { 'Connect-RcAccount' } else { '' }
        @"
`$ErrorActionPreference = 'Continue'
`$PSStyle.OutputRendering = 'PlainText'
`$id = `$clientId = `$eastId = `$westId = '$($f.clientId)'
`$secret = `$eastSecret = `$westSecret = ConvertTo-SecureString '$($f.clientSecret)' -AsPlainText -Force
`$jwt = `$eastJwt = `$westJwt = `$salesJwt = `$supportJwt = ConvertTo-SecureString '$($f.adminJwt)' -AsPlainText -Force
`$eastApp = `$westApp = `$salesApp = `$supportApp = [pscredential]::new('$($f.clientId)', `$secret)
`$ids = '$($f.callIdA)', '$($f.callIdB)', 'Y3NFpZ6xTbBnUZ'
function Get-Secret([Parameter(Position = 0)] [string] `$Name) {
    switch (`$Name) { 'RcClientSecret' { `$secret } 'RcJwt' { `$jwt } default { throw "No secret named `$Name" } }
}
$connect
"@
    }

    # A simulator whose data reaches back to the oldest date an example names, with calls in
    # progress and calls that just ended (examples ask for "today"), and a folder of what examples
    # read: call log CSVs, an archive with manifests, the simulator's first line as sim.json.
    function script:New-ExampleWorld {
        $days = [int][Math]::Max(95, ((Get-Date) - [datetime]'2026-10-01').TotalDays + 3)
        # The examples name fixed dates (2026-11-01 is a Sunday, when an office takes hardly a call): the
        # even 24x7 data gives every day its calls and recordings.
        $sim = Start-TestSimulator -Arguments @('--seed', '7', '--extensions', '6', '--calls-per-day', '30', '--days', "$days",
            '--recording-bytes', '4000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0', '--profile', '24x7')
        Invoke-SimHook $sim 'calls' -Method Post -Body @{ count = 30; endedSecondsAgo = 0; visibleAfterSeconds = 0 } | Out-Null
        Invoke-SimHook $sim 'calls' -Method Post -Body @{ count = 10; endedSecondsAgo = -7200; visibleAfterSeconds = 0; durationSeconds = 9000 } | Out-Null
        $c = Connect-TestSimulator $sim -PassThru
        $dir = Join-Path ([IO.Path]::GetTempPath()) "rc-examples-world-$([guid]::NewGuid())"
        $archive = Join-Path $dir 'drive/Recordings'
        New-Item -ItemType Directory $archive -Force | Out-Null
        # The folders a server's scheduled jobs write into exist (an admin makes them once, with the rights the job needs).
        foreach ($d in 'srv/calllogs', 'drive/CallLogs', 'drive/Audit', 'drive/Reports') { New-Item -ItemType Directory (Join-Path $dir $d) -Force | Out-Null }
        ($sim | Select-Object url, mediaUrl, clientId, clientSecret, adminJwt, userJwt, accountId, adminExtensionId, userExtensionId |
            ConvertTo-Json -Compress) | Set-Content (Join-Path $dir 'sim.json')

        $day = Get-RcCallLog -Connection $c -Account -DateFrom 2026-11-01 -DateTo 2026-11-02
        $csv = @($day | Select-Object -First 30) + @($day | Where-Object RecordingId | Select-Object -First 5)
        foreach ($name in 'calls.csv', 'calls-2026-11-01.csv', 'east-ids.csv') { $csv | Export-Csv (Join-Path $dir $name) -NoTypeInformation }
        $saved = @($day | Where-Object RecordingId | Select-Object -First 4)
        $saved | Save-RcRecording -Connection $c -Path $archive -PassThru |
            Export-Csv (Join-Path $archive 'manifest-2026-11-01.csv') -NoTypeInformation
        Copy-Item (Join-Path $archive 'manifest-2026-11-01.csv') (Join-Path $archive 'manifest-2026-11-30.csv')
        New-Item -ItemType Directory (Join-Path $archive '2026-11-01') | Out-Null
        # Two recordings not saved above, as the failed rows a rerun example reads. The data is placed
        # relative to the simulator's start, so at some hours the day holds fewer than six: the week is asked.
        $unsaved = @(Get-RcCallLog -Connection $c -Account -DateFrom 2026-11-01 -DateTo 2026-11-08 |
            Where-Object { $_.RecordingId -and $_.RecordingId -notin $saved.RecordingId } | Select-Object -First 2)
        if ($unsaved.Count -ne 2) { throw "the example world needs two more recordings in the week of 2026-11-01; found $($unsaved.Count)" }
        $unsaved | ForEach-Object {
            [pscustomobject]@{ RecordingId = $_.RecordingId; CallLogId = $_.Id; Path = ''; Status = 'Failed'; Error = 'The connection was reset.' }
        } | Export-Csv (Join-Path $archive '2026-11-01/manifest.csv') -NoTypeInformation

        # A checkpointed run that was never completed: what Complete-RcCheckpoint's examples promote.
        Get-RcCallLog -Connection $c -Account -DateFrom 2026-11-01 -Checkpoint (Join-Path $dir 'srv/calllogs/calls.checkpoint.json') | Out-Null
        # The load script a database example pipes into sqlite3 (run from the example's folder): upsert by Id, DELETE for Deleted.
        @'
DROP TABLE IF EXISTS batch;
.import --csv srv/calllogs/batch.csv batch
CREATE TABLE IF NOT EXISTS calls (Id TEXT PRIMARY KEY, StartTime TEXT, Direction TEXT, Result TEXT);
BEGIN;
INSERT INTO calls SELECT Id, StartTime, Direction, Result FROM batch WHERE ChangeType <> 'Deleted'
  ON CONFLICT(Id) DO UPDATE SET StartTime = excluded.StartTime, Direction = excluded.Direction, Result = excluded.Result;
DELETE FROM calls WHERE Id IN (SELECT Id FROM batch WHERE ChangeType = 'Deleted');
COMMIT;
'@ | Set-Content (Join-Path $dir 'load-batch.sql')

        $recent = @(Get-RcCallLog -Connection $c -Account -DateFrom (Get-Date).AddDays(-2) -View Detailed)
        $month = Get-Date -Day 1 -Hour 0 -Minute 0 -Second 0 -Millisecond 0
        $purge = @(Get-RcCallLog -Connection $c -Account -RecordingType All -DateFrom 2026-11-15 -DateTo 2026-11-16 -First 2)
        $facts = @{
            url = $sim.url; clientId = $sim.clientId; clientSecret = $sim.clientSecret; adminJwt = $sim.adminJwt
            # The first extension of the examples is on the phone now (Get-RcActiveCall's examples ask for its call).
            extension0 = @(Get-RcActiveCall -Connection $c -Account | Where-Object ExtensionId)[0].ExtensionId
            extension1 = $sim.userExtensionId
            extension2 = @($recent.ExtensionId | Where-Object { $_ -notin $sim.adminExtensionId, $sim.userExtensionId } | Select-Object -First 1)[0]
            sessionId = @($recent | Where-Object { @($_.Legs).Count -gt 1 } | Select-Object -First 1)[0].SessionId
            callIdA = $recent[0].Id; callIdB = $recent[1].Id
            purgeIds = ($purge.RecordingId | ForEach-Object { "'$_'" }) -join ', '
            recordingId = @($recent | Where-Object RecordingId | Select-Object -First 1)[0].RecordingId
            phoneNumber = @($recent | Where-Object { $_.StartTime -ge $month -and $_.FromPhoneNumber -match '^\+\d+$' } | Select-Object -First 1)[0].FromPhoneNumber
        }
        Disconnect-RcAccount -Connection $c
        foreach ($k in $facts.Keys) { "$($facts[$k])" | Should -Not -BeNullOrEmpty -Because "the examples need the simulator's $k" }
        @{ Simulator = $sim; Folder = $dir; Facts = $facts; Files = (Get-FileState $dir) }
    }

    function script:Get-FileState([string] $Dir) {
        $state = @{}
        Get-ChildItem -LiteralPath $Dir -Recurse -File -Force | ForEach-Object {
            $state[[IO.Path]::GetRelativePath($Dir, $_.FullName)] = "$($_.Length)|$($_.LastWriteTimeUtc.Ticks)"
        }
        $state
    }

    function script:Convert-Example([string] $Code, $Facts, [string] $Folder) {
        foreach ($rule in $Substitutions) {
            $with = $rule.With.Replace('{root}', $Folder)
            $Code = [regex]::Replace($Code, $rule.Find, {
                    param($m)
                    $text = $m.Result($with)
                    [regex]::Replace($text, '\{(\w+)\}', { param($t) if ($Facts.ContainsKey($t.Groups[1].Value)) { $Facts[$t.Groups[1].Value] } else { $t.Value } })
                })
        }
        $Code
    }

    function script:Invoke-Example($Example, $World) {
        $work = Join-Path ([IO.Path]::GetTempPath()) "rc-example-$([guid]::NewGuid())"
        $folder = Join-Path $work 'example'
        Copy-Item -LiteralPath $World.Folder -Destination $folder -Recurse
        $code = Convert-Example $Example.Code $World.Facts $folder
        Set-Content (Join-Path $work 'example.ps1') $code
        Set-Content (Join-Path $work 'run.ps1') ((Get-Prelude $World $Example.Code) + "`n. '$(Join-Path $work 'example.ps1')'`n")

        $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + '-NoProfile', '-NonInteractive', '-File', (Join-Path $work 'run.ps1')) { $psi.ArgumentList.Add($a) }
        $psi.WorkingDirectory = $folder
        $psi.RedirectStandardOutput = $psi.RedirectStandardError = $psi.RedirectStandardInput = $true
        $psi.UseShellExecute = $false
        $psi.Environment['RC_CLIENT_ID'] = $World.Facts.clientId
        $psi.Environment['RC_CLIENT_SECRET'] = $World.Facts.clientSecret
        $psi.Environment['RC_JWT'] = $World.Facts.adminJwt
        $psi.Environment['RC_SERVER_URL'] = $World.Facts.url
        # "Import-Module RingCentral.CallLog" finds the built module, as it would the installed one.
        $psi.Environment['PSModulePath'] = (Join-Path $repo 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
        $process = [Diagnostics.Process]::Start($psi)
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        # A hang guard only: examples take seconds.
        if (-not $process.WaitForExit(240000)) { $process.Kill($true); throw "$($Example.Name) did not end within 240 s" }
        $process.WaitForExit()

        $before = $World.Files
        $after = Get-FileState $folder
        $written = @($after.Keys | Where-Object { $before[$_] -ne $after[$_] } | Sort-Object)
        [pscustomobject]@{
            Code     = $code
            ExitCode = $process.ExitCode
            Output   = $stdout.Result
            Errors   = $stderr.Result
            Written  = $written
            # A checkpoint's lock file stays, emptied, when its run ends (its content only names a live holder).
            Empty    = @($written | Where-Object { $_ -notlike '*.lock' -and (Get-Item -LiteralPath (Join-Path $folder $_)).Length -eq 0 })
            Work     = $work
        }
    }

    $script:world = New-ExampleWorld
}

AfterAll {
    foreach ($w in @($script:world)) {
        if ($w) { Stop-TestSimulator $w.Simulator; Remove-Item -LiteralPath $w.Folder -Recurse -Force -ErrorAction Ignore }
    }
}

Describe 'Documented examples run as written against the simulator' {
    It '<Name>' -ForEach $examples {
        $reason = @($Excluded.Keys | Where-Object { $Name -like $_ } | ForEach-Object { $Excluded[$_] })
        if ($reason) { Set-ItResult -Skipped -Because $reason[0]; return }
        if ($Code -match '\bsqlite3\b' -and -not (Get-Command sqlite3 -ErrorAction Ignore)) {
            Set-ItResult -Skipped -Because 'the sqlite3 program (Debian package sqlite3) is not installed here'; return
        }

        # On a shared machine a simulator may be ended from outside (its exit code says so): start
        # the world again, visibly, rather than fail every later example for it.
        if ($world.Simulator.Process.HasExited) {
            Write-Warning "The examples' simulator ended (exit code $($world.Simulator.Process.ExitCode)); starting a new one."
            Remove-Item -LiteralPath $world.Folder -Recurse -Force -ErrorAction Ignore
            $script:world = New-ExampleWorld
        }

        # An example that deletes recordings gets a simulator of its own: the others must still find them.
        $deletes = $Code -match 'Remove-RcRecording(?![^\n]*-WhatIf)'
        $w = if ($deletes) { New-ExampleWorld } else { $world }
        # An example that watches call events needs calls to happen while it runs: a call ends every second.
        $feeder = if ($Code -match 'Watch-RcCallEvent') {
            Start-ThreadJob -ArgumentList "$($w.Simulator.url)/_sim/calls" -ScriptBlock {
                param($uri)
                while ($true) { Start-Sleep -Seconds 1; Invoke-RestMethod -Method Post -Uri $uri -Body '{"count":1,"visibleAfterSeconds":0}' -ContentType application/json | Out-Null }
            }
        }
        $postsBefore = @((Invoke-RestMethod "$($w.Simulator.url)/_sim/webhook").posts).Count
        try { $result = Invoke-Example $_ $w }
        finally {
            if ($feeder) { Stop-Job $feeder; Remove-Job $feeder -Force }
            $posts = @((Invoke-RestMethod "$($w.Simulator.url)/_sim/webhook").posts | Select-Object -Skip $postsBefore)
            if ($deletes) { Stop-TestSimulator $w.Simulator; Remove-Item -LiteralPath $w.Folder -Recurse -Force -ErrorAction Ignore }
        }

        $shown = @($result.Output -split "`n" | Where-Object { $_.Trim() -and $_ -notmatch '^(WARNING|VERBOSE|DEBUG): ' })
        $because = "$Name (line $Line) ran as:`n$($result.Code)`n--- stdout:`n$($result.Output)`n--- stderr:`n$($result.Errors)`n--- files written: $($result.Written -join ', ')`n"
        $result.Errors.Trim() | Should -BeNullOrEmpty -Because $because
        $result.ExitCode | Should -Be 0 -Because $because
        $result.Empty | Should -BeNullOrEmpty -Because "an example writes no empty file: $because"
        if ($result.Code -match '/_sim/webhook') {
            # What the example posted arrived: each a call with its session.
            $posts.Count | Should -BeGreaterThan 0 -Because "the example posts to the webhook: $because"
            foreach ($p in $posts) { ($p.body | ConvertFrom-Json).TelephonySessionId | Should -Not -BeNullOrEmpty -Because "each post is a call: $because" }
        }
        if (-not @($Quiet.Keys | Where-Object { $Name -like $_ })) {
            ($shown.Count + $result.Written.Count) | Should -BeGreaterThan 0 -Because "the example promises output: $because"
        }
        Remove-Item -LiteralPath $result.Work -Recurse -Force -ErrorAction Ignore
    }
}
