# Conformance: RingCentral's own JavaScript SDK (@ringcentral/sdk 5.0.11) and its WebSocket subscription
# client (@ringcentral/subscriptions 5.0.11) against the built simulator.
# Skipped with a visible warning where node/npm are missing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Root = Get-TestRepoRoot
    $script:Node = Get-Command node -ErrorAction SilentlyContinue
    $script:Npm = Get-Command npm -ErrorAction SilentlyContinue
    $script:SkipReason = $null
    if (-not $script:Node -or -not $script:Npm) {
        $script:SkipReason = 'Node.js (node and npm) not found: the RingCentral JS SDK conformance test is skipped.'
        Write-Warning $script:SkipReason
        return
    }
    # Cached install so reruns are fast.
    $script:SdkDir = Join-Path $script:Root 'out/conformance-node'
    if (-not (Test-Path (Join-Path $script:SdkDir 'node_modules/@ringcentral/subscriptions/package.json'))) {
        New-Item -ItemType Directory -Force -Path $script:SdkDir | Out-Null
        & $script:Npm.Source install --prefix $script:SdkDir --no-audit --no-fund --silent '@ringcentral/sdk@5.0.11' '@ringcentral/subscriptions@5.0.11' 2>&1 | Write-Host
        if ($LASTEXITCODE -ne 0) { throw "npm install @ringcentral/sdk@5.0.11 @ringcentral/subscriptions@5.0.11 failed ($LASTEXITCODE)" }
    }
    $script:Sim = Start-TestSimulator -Arguments @('--heavy', '0/0', '--auth', '0/0')
}

AfterAll {
    if ($script:Sim) { Stop-TestSimulator $script:Sim }
}

Describe 'RingCentral JS SDK 5.0.11 against the simulator' {
    It 'logs in with a JWT, pages through nextPage, parses a batch with a 404 part, downloads a recording, refreshes and logs out' {
        if ($script:SkipReason) { Set-ItResult -Skipped -Because $script:SkipReason; return }
        $info = [ordered]@{}
        foreach ($k in 'url', 'mediaUrl', 'clientId', 'clientSecret', 'adminJwt', 'userJwt', 'accountId', 'adminExtensionId', 'userExtensionId') { $info[$k] = $script:Sim.$k }
        $json = $info | ConvertTo-Json -Compress
        $env:SDK_DIR = $script:SdkDir
        $output = & $script:Node.Source (Join-Path $script:Root 'tests/conformance/sdk-conformance.mjs') $json 2>&1
        $code = $LASTEXITCODE
        $output | ForEach-Object { Write-Host "    $_" }
        $code | Should -Be 0 -Because ($output -join "`n")
        ($output -join "`n") | Should -Match 'all \d+ checks passed'
    }

    It 'subscribes over the WebSocket gateway, receives telephony session events, and recovers its session after the socket is dropped' {
        if ($script:SkipReason) { Set-ItResult -Skipped -Because $script:SkipReason; return }
        $json = [ordered]@{ url = $script:Sim.url; clientId = $script:Sim.clientId; clientSecret = $script:Sim.clientSecret; adminJwt = $script:Sim.adminJwt; accountId = $script:Sim.accountId } | ConvertTo-Json -Compress
        $env:SDK_DIR = $script:SdkDir
        $output = & $script:Node.Source (Join-Path $script:Root 'tests/conformance/subscriptions-conformance.mjs') $json 2>&1
        $code = $LASTEXITCODE
        $output | ForEach-Object { Write-Host "    $_" }
        $code | Should -Be 0 -Because ($output -join "`n")
        ($output -join "`n") | Should -Match 'all \d+ checks passed'
        ($output -join "`n") | Should -Match 'no event delivered twice \([1-9]\d* after the drop\)'
    }
}
