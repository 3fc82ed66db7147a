# The quick-start demo against a simulator this test controls: one CSV row per simulator call in
# the demo's range (counted from the simulator's ground truth), no cell that reads as a type name.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:sim = Start-TestSimulator -Arguments @('--seed', '42', '--extensions', '6', '--calls-per-day', '60', '--days', '10', '--recording-bytes', '20000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    $script:out = Join-Path ([IO.Path]::GetTempPath()) "rc-demo-$([guid]::NewGuid())"
    $info = $sim | Select-Object url, mediaUrl, clientId, clientSecret, adminJwt, userJwt, accountId, adminExtensionId, userExtensionId | ConvertTo-Json -Compress
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path (Get-TestRepoRoot) 'tools/Invoke-Demo.ps1') -OutputPath $out -SimulatorInfo $info | Out-Host
    $script:exitCode = $LASTEXITCODE
    $script:summary = Get-Content (Join-Path $out 'summary.json') -Raw | ConvertFrom-Json -DateKind String
}

AfterAll {
    Stop-TestSimulator $sim
    Remove-Item $out -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The demo' {
    It 'succeeds' {
        $exitCode | Should -Be 0
    }

    It 'exports one row per simulator call in its range' {
        $from = ConvertTo-UtcDate $summary.DateFrom
        $to = ConvertTo-UtcDate $summary.DateTo
        $expected = @(Get-SimGroundTruth $sim | Where-Object {
                $start = ConvertTo-UtcDate $_.startTime
                $start -ge $from -and $start -le $to -and -not $_._sim.deleted -and (ConvertTo-UtcDate $_._sim.visibleAt) -le $to
            })
        $rows = @(Import-Csv (Join-Path $out 'calls.csv'))
        $rows.Count | Should -Be $expected.Count
        $rows.Count | Should -BeGreaterThan 100
        Compare-Object ($rows.Id | Sort-Object) ($expected.id | Sort-Object) | Should -BeNullOrEmpty
    }

    It 'writes no cell that reads as a .NET type name' {
        $text = Get-Content (Join-Path $out 'calls.csv') -Raw
        $text | Should -Not -Match 'System\.[A-Z][A-Za-z]+(\.[A-Za-z]+)*(\[\])?'
        $text | Should -Not -Match 'RingCentral\.CallLog\.'
    }

    It 'downloads every recording of the range with a manifest' {
        $rows = @(Import-Csv (Join-Path $out 'calls.csv') | Where-Object RecordingId)
        $manifest = @(Import-Csv (Join-Path $out 'manifest.csv'))
        $manifest.Count | Should -Be $rows.Count
        $manifest | ForEach-Object {
            $_.Status | Should -Be 'Downloaded'
            (Get-Item $_.Path).Length | Should -Be ([long]$_.Bytes)
        }
        $summary.Recordings | Should -Be $rows.Count
    }
}
