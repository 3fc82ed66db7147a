# Command-line checks of the built simulator: first line, options honoured, test hooks.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Built simulator command line' {
    It 'prints exactly the documented keys on its first line and honours --extensions and --heavy' {
        $sim = Start-TestSimulator -Arguments @('--extensions', '3', '--calls-per-day', '20', '--days', '2', '--heavy', '7/30')
        try {
            @($sim.PSObject.Properties.Name | Where-Object { $_ -ne 'Process' }) |
                Should -Be @('url', 'mediaUrl', 'clientId', 'clientSecret', 'adminJwt', 'userJwt', 'accountId', 'adminExtensionId', 'userExtensionId')
            $sim.url | Should -Match '^http://127\.0\.0\.1:\d+$'
            $sim.mediaUrl | Should -Match '^http://127\.0\.0\.1:\d+$'
            $sim.mediaUrl | Should -Not -Be $sim.url
            $records = (Invoke-SimHook $sim 'records').records
            @($records._sim.ownerExtensionId | Sort-Object -Unique).Count | Should -BeLessOrEqual 3
            $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($sim.clientId):$($sim.clientSecret)"))
            $token = Invoke-RestMethod -Method Post -Uri "$($sim.url)/restapi/oauth/token" -Headers @{ Authorization = "Basic $basic" } `
                -Body @{ grant_type = 'urn:ietf:params:oauth:grant-type:jwt-bearer'; assertion = $sim.adminJwt }
            $resp = Invoke-WebRequest -Uri "$($sim.url)/restapi/v1.0/account/~/call-log" -Headers @{ Authorization = "Bearer $($token.access_token)" }
            $resp.Headers['X-Rate-Limit-Limit'] | Should -Be '7'
            $resp.Headers['X-Rate-Limit-Group'] | Should -Be 'heavy'
        }
        finally { Stop-TestSimulator $sim }
    }

    It 'exits when stdin closes' {
        $sim = Start-TestSimulator
        Stop-TestSimulator $sim
        $sim.Process.HasExited | Should -BeTrue
    }
}
