# Smoke test of the benchmark harness: bench/Invoke-Benchmarks.ps1 -Quick (tiny sizes) must still run
# against the built module and simulator and produce the results table with a row for every case.
# It never asserts on speed: benchmarks are not tests, and CI machines are slow.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:root = Get-TestRepoRoot
    $script:out = Join-Path $TestDrive 'bench'
    # A fresh pwsh, the same one running these tests (through dotnet when that is how it runs).
    $exe = [Environment]::ProcessPath
    $pwsh = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @($exe, (Join-Path $PSHOME 'pwsh.dll')) } else { @($exe) }
    $bench = Join-Path $root 'bench/Invoke-Benchmarks.ps1'
    $argList = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $bench, '-OutputPath', $out, '-Quick')
    $script:stdout = & $pwsh[0] @argList 2>&1 | ForEach-Object { "$_" }
    $script:exitCode = $LASTEXITCODE
    $script:resultsFile = Join-Path $out 'results.md'
    $script:table = if (Test-Path $resultsFile) { Get-Content $resultsFile } else { @() }
    $script:rows = @($table | Where-Object { $_ -match '^\| \d' })
}

Describe 'bench/Invoke-Benchmarks.ps1 -Quick' {
    It 'finishes without a harness failure' {
        $exitCode | Should -Be 0 -Because ($stdout -join "`n")
    }

    It 'writes results.md and results.json' {
        $resultsFile | Should -Exist
        Join-Path $out 'results.json' | Should -Exist
        { Get-Content (Join-Path $out 'results.json') -Raw | ConvertFrom-Json } | Should -Not -Throw
    }

    It 'prints the same table it writes' {
        $header = $table | Where-Object { $_ -like '| # |*' }
        $header | Should -Not -BeNullOrEmpty
        $stdout | Should -Contain $header
    }

    It 'has the table columns: module, baseline, ratio, target, met' {
        ($table | Where-Object { $_ -like '| # |*' }) | Should -Be '| # | Case | Module | Baseline | Ratio | Target | Met | Note |'
    }

    It 'has a row for case <Case>' -ForEach @(0..8 | ForEach-Object { @{ Case = "$_" } }) {
        $caseRows = @($rows | Where-Object { $_ -like "| $Case |*" })
        $caseRows.Count | Should -BeGreaterOrEqual 1
    }

    It 'has a figure in every row, not an error' {
        $rows.Count | Should -BeGreaterOrEqual 9
        foreach ($row in $rows) {
            $cells = ($row -replace '\\\|', '/').Trim('|').Split('|') | ForEach-Object Trim
            $cells.Count | Should -Be 8 -Because $row
            $cells[2] | Should -Not -BeNullOrEmpty -Because $row
            $cells[2] | Should -Not -Be 'error' -Because $row
            $cells[6] | Should -BeIn @('yes', '**no**', 'n/a') -Because $row
        }
    }

    It 'states a target for every measured case' {
        foreach ($case in '1', '2', '3', '4', '6', '7', '8') {
            $row = $rows | Where-Object { $_ -like "| $case |*" } | Select-Object -First 1
            $cells = ($row -replace '\\\|', '/').Trim('|').Split('|') | ForEach-Object Trim
            $cells[5] | Should -Not -BeNullOrEmpty -Because $row
            $cells[6] | Should -BeIn @('yes', '**no**') -Because $row
        }
    }
}
