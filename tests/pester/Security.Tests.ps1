# Sign-in flows, their errors, per-runspace state, revoke, and secrets that never leak.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    # 24x7: windows relative to the clock must hold calls whatever the hour and weekday of the run.
    $script:sim = Start-TestSimulator -Arguments @('--seed', '3', '--profile', '24x7', '--extensions', '5', '--calls-per-day', '200', '--days', '5', '--recording-bytes', '30000', '--heavy', '0/0', '--light', '0/0', '--auth', '0/0')
    $script:secret = ConvertTo-SecureTestString $sim.clientSecret
    $script:jwt = ConvertTo-SecureTestString $sim.adminJwt

    # The error a call must throw: a call that succeeds fails the test here, before any assertion
    # on the error could be skipped.
    function script:Get-SignInError([scriptblock] $Call) {
        $Call | Should -Throw -PassThru
    }
}

AfterAll {
    Disconnect-RcAccount -ErrorAction SilentlyContinue
    Stop-TestSimulator $sim
}

Describe 'Sign-in flows' {
    It 'JWT flow with -ClientId, -ClientSecret and -Jwt' {
        $c = Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret $secret -Jwt $jwt -PassThru
        $c.AuthFlow | Should -Be 'Jwt'
        $c.ExtensionId | Should -Be $sim.adminExtensionId
        (Get-RcConnection).ExtensionId | Should -Be $sim.adminExtensionId
    }

    It 'JWT flow with -ClientCredential' {
        $credential = [pscredential]::new($sim.clientId, $secret)
        $c = Connect-RcAccount -Server $sim.url -ClientCredential $credential -Jwt (ConvertTo-SecureTestString $sim.userJwt) -PassThru
        $c.ExtensionId | Should -Be $sim.userExtensionId
    }

    It 'reads RC_SERVER_URL, RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT when no credentials are given' {
        $saved = @{}
        foreach ($n in 'RC_SERVER_URL', 'RC_CLIENT_ID', 'RC_CLIENT_SECRET', 'RC_JWT') { $saved[$n] = [Environment]::GetEnvironmentVariable($n) }
        try {
            $env:RC_SERVER_URL = $sim.url; $env:RC_CLIENT_ID = $sim.clientId; $env:RC_CLIENT_SECRET = $sim.clientSecret; $env:RC_JWT = $sim.userJwt
            $c = Connect-RcAccount -PassThru
            $c.ExtensionId | Should -Be $sim.userExtensionId
            $c.Server | Should -Be $sim.url
        }
        finally { foreach ($n in $saved.Keys) { [Environment]::SetEnvironmentVariable($n, $saved[$n]) } }
    }

    It 'ignores RC_SERVER_URL when the credentials are given on the command line (issue 14 item 7)' {
        $saved = $env:RC_SERVER_URL
        # A proxy port nobody listens on: the sign-in fails at once wherever it goes, and never reaches RingCentral.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $deadPort = $listener.LocalEndpoint.Port; $listener.Stop()
        try {
            $env:RC_SERVER_URL = $sim.url   # a stale value from another job: it must not receive this JWT
            Reset-SimStats $sim
            $err = Get-SignInError { Connect-RcAccount -ClientId $sim.clientId -ClientSecret $secret -Jwt $jwt -Proxy "http://127.0.0.1:$deadPort" -MaxRetryCount 0 -ErrorAction Stop }
            $err.FullyQualifiedErrorId | Should -Match '^RingCentralConnectionFailed'
            $err.TargetObject | Should -Be 'https://platform.ringcentral.com'
            @((Get-SimStats $sim).requests | Where-Object { $_.path -like '/restapi/*' }).Count | Should -Be 0
            # -Server still wins over the variable.
            $c = Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret $secret -Jwt $jwt -PassThru
            $c.Server | Should -Be $sim.url
        }
        finally { $env:RC_SERVER_URL = $saved }
    }

    It 'with no credentials and no environment, says what to pass, naming the parameters' {
        $saved = @{}
        foreach ($n in 'RC_CLIENT_ID', 'RC_CLIENT_SECRET', 'RC_JWT') { $saved[$n] = [Environment]::GetEnvironmentVariable($n); [Environment]::SetEnvironmentVariable($n, $null) }
        try {
            $err = Get-SignInError { Connect-RcAccount -Server $sim.url -ErrorAction Stop }
            $err.Exception.Message | Should -Match '-ClientId'
            $err.Exception.Message | Should -Match 'RC_JWT'
        }
        finally { foreach ($n in $saved.Keys) { [Environment]::SetEnvironmentVariable($n, $saved[$n]) } }
    }

    It '-AccessToken uses a token obtained elsewhere, and says it cannot be renewed once it expires' {
        Invoke-SimHook $sim 'config' -Method POST -Body @{ accessTokenTtl = 2 } | Out-Null
        try {
            $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($sim.clientId):$($sim.clientSecret)"))
            $token = (Invoke-RestMethod -Method Post -Uri "$($sim.url)/restapi/oauth/token" -Headers @{ Authorization = "Basic $basic" } `
                    -Body @{ grant_type = 'urn:ietf:params:oauth:grant-type:jwt-bearer'; assertion = $sim.adminJwt }).access_token
            $c = Connect-RcAccount -Server $sim.url -AccessToken (ConvertTo-SecureTestString $token) -PassThru
            $c.AuthFlow | Should -Be 'AccessToken'
            @(Get-RcCallLog -Connection $c -First 1).Count | Should -Be 1
            Start-Sleep -Seconds 3
            $err = Get-SignInError { Get-RcCallLog -Connection $c -First 1 -ErrorAction Stop }
            $err.FullyQualifiedErrorId | Should -Match '^RingCentralAuthenticationFailed'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.Exception.Message | Should -Match 'cannot be renewed'
        }
        finally { Invoke-SimHook $sim 'config' -Method POST -Body @{ accessTokenTtl = 3600 } | Out-Null }
    }

    It '-Interactive signs in with PKCE through the browser redirect' -Skip:($IsWindows) {
        $saved = $env:BROWSER
        try {
            $env:BROWSER = Join-Path $PSScriptRoot 'follow-redirect.sh'
            $c = Connect-RcAccount -Server $sim.url -Interactive -ClientId $sim.clientId -TimeoutSeconds 30 -PassThru -WarningAction SilentlyContinue
            $c.AuthFlow | Should -Be 'Interactive'
            $c.ExtensionId | Should -Be $sim.adminExtensionId
            (Get-SimStats $sim).tokenGrants.authorization_code | Should -BeGreaterThan 0
        }
        finally { $env:BROWSER = $saved }
    }

    It '-Interactive prints the address and times out clearly when no browser answers' -Skip:($IsWindows) {
        $saved = $env:BROWSER
        try {
            $env:BROWSER = 'true'   # a "browser" that opens nothing
            $seen = @{}   # the call runs in a scope of its own: its warnings come back through this table
            $err = Get-SignInError { try { Connect-RcAccount -Server $sim.url -Interactive -ClientId $sim.clientId -TimeoutSeconds 5 -ErrorAction Stop -WarningVariable shown -WarningAction SilentlyContinue } finally { $seen.Shown = $shown } }
            $err.FullyQualifiedErrorId | Should -Match '^RingCentralAuthenticationFailed'
            $err.Exception.Message | Should -Match 'No browser'
            ($seen.Shown -join ' ') | Should -Match ([regex]::Escape("$($sim.url)/restapi/oauth/authorize"))
        }
        finally { $env:BROWSER = $saved }
    }
}

Describe 'Sign-in errors name the RingCentral code and what to do' {
    It 'wrong client secret: invalid_client' {
        $err = Get-SignInError { Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret (ConvertTo-SecureTestString 'wrong') -Jwt $jwt -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralAuthenticationFailed'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$($err.Exception.Message)" | Should -Match 'invalid_client'
        $err.ErrorDetails.RecommendedAction | Should -Match 'ClientSecret'
        $err.ScriptStackTrace + $err.Exception.Message | Should -Not -Match 'at RingCentral\.'
    }
    It 'wrong JWT: invalid_grant' {
        $err = Get-SignInError { Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret $secret -Jwt (ConvertTo-SecureTestString 'eyJhbGciOiJub25lIn0.e30.bad') -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralAuthenticationFailed'
        "$($err.Exception.Message)" | Should -Match 'invalid_grant'
    }
    It 'expired JWT: invalid_grant with its OAU code' {
        $expired = (Invoke-SimHook $sim 'jwt' -Method POST -Body @{ extensionId = $sim.adminExtensionId; expiresInSeconds = -60 }).jwt
        $err = Get-SignInError { Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret $secret -Jwt (ConvertTo-SecureTestString $expired) -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralAuthenticationFailed'
        "$($err.Exception.Message)" | Should -Match 'invalid_grant/OAU-\d+'
        $err.ErrorDetails.RecommendedAction | Should -Match 'JWT'
    }
    It 'plain http to a host that is not loopback is refused before any request' {
        $err = Get-SignInError { Connect-RcAccount -Server 'http://rc.example.org' -ClientId a -ClientSecret $secret -Jwt $jwt -ErrorAction Stop }
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match 'http'
        $err.FullyQualifiedErrorId | Should -Match 'Server'
    }
    It 'Sandbox warns that RingCentral is retiring it' {
        # No network here: the sign-in itself fails, after the warning.
        $seen = @{}
        $err = Get-SignInError { try { Connect-RcAccount -Server Sandbox -AccessToken (ConvertTo-SecureTestString 'x') -MaxRetryCount 0 -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop } finally { $seen.Warned = $warned } }
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralConnectionFailed'
        ($seen.Warned -join ' ') | Should -Match 'retiring'
    }
}

Describe 'Connections per runspace, -Connection, Disconnect' {
    It 'two runspaces connected as different users each see their own data, concurrently' {
        $module = Get-TestModulePath
        $users = @(
            @{ Jwt = $sim.adminJwt; Expect = $sim.adminExtensionId }
            @{ Jwt = $sim.userJwt; Expect = $sim.userExtensionId }
        )
        $barrier = [System.Threading.Barrier]::new(2)
        $results = $users | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            $s = $using:sim
            Connect-RcAccount -Server $s.url -ClientId $s.clientId -ClientSecret (ConvertTo-SecureString $s.clientSecret -AsPlainText -Force) -Jwt (ConvertTo-SecureString $_.Jwt -AsPlainText -Force)
            ($using:barrier).SignalAndWait()   # both connected before either reads
            [pscustomobject]@{ Expect = $_.Expect; Me = (Get-RcConnection).ExtensionId; Ids = @(Get-RcCallLog -DateFrom (Get-Date).AddDays(-4) -DateTo (Get-Date).AddDays(-1)).Id }
        }
        $truth = Get-SimGroundTruth $sim
        foreach ($r in $results) {
            $r.Me | Should -Be $r.Expect
            $r.Ids.Count | Should -BeGreaterThan 0
            foreach ($id in $r.Ids) { ($truth | Where-Object id -EQ $id)._sim.ownerExtensionId | Should -Be $r.Expect }
        }
    }

    It 'Disconnect-RcAccount revokes the session and forgets it' {
        Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret $secret -Jwt $jwt
        $before = (Get-SimStats $sim).revokes
        Disconnect-RcAccount
        (Get-SimStats $sim).revokes | Should -Be ($before + 1)
        Get-RcConnection | Should -BeNullOrEmpty
        $err = Get-SignInError { Get-RcCallLog -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -Match '^RingCentralNotConnected'
    }

    It 'a failed revoke is a warning, not an error' {
        $c = Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret $secret -Jwt $jwt -PassThru -MaxRetryCount 0
        Invoke-SimHook $sim 'faults' -Method POST -Body @{ kind = 'status'; status = 500; path = '/restapi/oauth/revoke'; count = 1 } | Out-Null
        Disconnect-RcAccount -Connection $c -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop
        ($warned -join ' ') | Should -Match 'revoke'
        $c.IsConnected | Should -BeFalse
    }
}

Describe 'Secrets never leak' {
    It 'an export and a download with -Verbose -Debug under a transcript show no token, secret or JWT' {
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "rc-transcript-$([guid]::NewGuid()).txt"
        $folder = Join-Path ([IO.Path]::GetTempPath()) "rc-secrets-$([guid]::NewGuid())"
        $Error.Clear()
        $DebugPreference = 'Continue'
        Start-Transcript -Path $transcript | Out-Null
        try {
            $c = Connect-RcAccount -Server $sim.url -ClientId $sim.clientId -ClientSecret $secret -Jwt $jwt -PassThru -Verbose -Debug
            $records = @(Get-RcCallLog -Account -DateFrom (Get-Date).AddDays(-2) -Verbose -Debug)
            $records | Select-Object -First 20 | Format-List * | Out-Host
            $downloads = @($records | Where-Object HasRecording | Select-Object -First 3 | Save-RcRecording -Path $folder -PassThru -Verbose -Debug)
            # A failure path too: errors must not carry secrets either.
            Get-RcCallLogBatch -Id 'NOPE1', 'NOPE2' -Account -ErrorAction SilentlyContinue -Verbose -Debug
            $c | Format-List * | Out-Host
            Disconnect-RcAccount -Verbose -Debug
        }
        finally {
            Stop-Transcript | Out-Null
            $DebugPreference = 'SilentlyContinue'
        }
        $stats = Get-SimStats $sim
        $texts = @(
            (Get-Content $transcript -Raw)
            ($Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception | Format-List * -Force | Out-String })
            ($records | Select-Object -First 50 | ConvertTo-Json -Depth 5)
            ($downloads | ConvertTo-Json -Depth 5)
            ($c | ConvertTo-Json -Depth 5)
        ) -join "`n"
        $downloads.Count | Should -Be 3
        $texts | Should -Not -Match ([regex]::Escape($sim.clientSecret))
        $texts | Should -Not -Match ([regex]::Escape($sim.adminJwt))
        $texts | Should -Not -Match 'Bearer [A-Za-z0-9]'
        $texts | Should -Not -Match 'access_token|refresh_token'
        Remove-Item $transcript, $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}
