# Issue 14 item 11: the simulator started the way README and docs/simulator.md show, in the
# background with stdin from /dev/null, keeps serving until SIGTERM.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'The simulator runs like a server' {
    It 'started in the background with stdin from /dev/null, it serves a sign-in and stops on SIGTERM' -Skip:($IsWindows) {
        $dll = Get-TestSimulatorDll
        $dir = Join-Path ([IO.Path]::GetTempPath()) ('sim-' + [guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $simPid = $null
        try {
            # The documented recipe, as a script would run it: `dotnet ... </dev/null >sim.json &`.
            $simPid = [int](& sh -c ("cd '{0}' && dotnet '{1}' --urls http://127.0.0.1:0 --heavy 0/0 </dev/null >sim.json 2>sim.err & echo `$!" -f $dir, $dll))
            $json = Join-Path $dir 'sim.json'
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            $line = $null
            while (-not $line -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
                if (Test-Path $json) { $line = Get-Content $json -TotalCount 1 -ErrorAction SilentlyContinue | Where-Object { $_ -match '\}\s*$' } }
            }
            $line | Should -Not -BeNullOrEmpty -Because "the simulator prints its JSON line (stderr: $(Get-Content (Join-Path $dir 'sim.err') -Raw -ErrorAction SilentlyContinue))"
            $info = $line | ConvertFrom-Json

            $c = Connect-RcAccount -Server $info.url -ClientId $info.clientId -ClientSecret (ConvertTo-SecureTestString $info.clientSecret) -Jwt (ConvertTo-SecureTestString $info.adminJwt) -PassThru
            $c.ExtensionId | Should -Be $info.adminExtensionId
            @(Get-RcCallLog -Connection $c -Account -First 3).Count | Should -Be 3
            Get-Process -Id $simPid -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because 'the end of stdin must not stop it'
            Disconnect-RcAccount -Connection $c

            & kill -TERM $simPid
            { Wait-Process -Id $simPid -Timeout 15 -ErrorAction Stop } | Should -Not -Throw
            Get-Process -Id $simPid -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $simPid = $null
        }
        finally {
            if ($simPid) { & kill -KILL $simPid 2>$null }
            Remove-Item -Recurse -Force $dir -ErrorAction SilentlyContinue
        }
    }

    It 'with --exit-on-stdin-close (as the test harnesses start it) it stops when stdin closes' {
        $sim = Start-TestSimulator
        Stop-TestSimulator $sim
        $sim.Process.HasExited | Should -BeTrue
    }
}
