# Drives headless Chromium over the DevTools protocol (a WebSocket from .NET), for the browser
# tests of the HTML call report. Every wait is bounded by a timeout.
Set-StrictMode -Version Latest

function Find-Chromium {
    <# The Chromium executable (Debian's `chromium` package), or $null. #>
    foreach ($name in 'chromium', 'chromium-browser', 'google-chrome') {
        $command = Get-Command $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($command) { return $command.Source }
    }
    $null
}

function Start-HeadlessChromium {
    <# Starts Chromium with a new empty profile and connects to its browser endpoint. #>
    param([Parameter(Mandatory)] [string] $Executable, [int] $TimeoutSeconds = 30)
    $profileDir = Join-Path ([IO.Path]::GetTempPath()) "rc-chromium-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $profileDir | Out-Null
    $psi = [System.Diagnostics.ProcessStartInfo]::new($Executable)
    foreach ($a in '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-extensions', '--mute-audio', '--autoplay-policy=no-user-gesture-required',
        '--remote-debugging-port=0', "--user-data-dir=$profileDir", '--window-size=1280,900', 'about:blank') { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardError = $true
    $psi.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($psi)
    # Chromium logs a lot on stderr: read and drop it so it can never block on a full pipe.
    $process.BeginErrorReadLine()
    $process.BeginOutputReadLine()
    $browser = [pscustomobject]@{ Process = $process; Profile = $profileDir; Socket = $null; NextId = 0; Events = [System.Collections.Generic.List[object]]::new(); Pending = $null }
    try {
        $portFile = Join-Path $profileDir 'DevToolsActivePort'
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not ((Test-Path $portFile) -and @(Get-Content $portFile -ErrorAction SilentlyContinue).Count -ge 2)) {
            if ($process.HasExited) { throw "Chromium exited ($($process.ExitCode)) before it opened its DevTools port" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "Chromium did not open its DevTools port within $TimeoutSeconds s" }
            Start-Sleep -Milliseconds 100
        }
        $lines = @(Get-Content $portFile)
        $socket = [System.Net.WebSockets.ClientWebSocket]::new()
        $socket.Options.KeepAliveInterval = [TimeSpan]::Zero
        if (-not $socket.ConnectAsync([Uri]"ws://127.0.0.1:$($lines[0].Trim())$($lines[1].Trim())", [Threading.CancellationToken]::None).Wait($TimeoutSeconds * 1000)) {
            throw "Could not connect to Chromium's DevTools endpoint within $TimeoutSeconds s"
        }
        $browser.Socket = $socket
        $browser
    }
    catch {
        Stop-HeadlessChromium $browser
        throw
    }
}

function Receive-CdpMessage {
    <# The next DevTools message (parsed), or $null when none came before the deadline. #>
    param($Browser, [DateTime] $Deadline)
    $buffer = [byte[]]::new(1MB)
    $stream = [IO.MemoryStream]::new()
    while ($true) {
        if (-not $Browser.Pending) {
            $Browser.Pending = $Browser.Socket.ReceiveAsync([ArraySegment[byte]]::new($buffer), [Threading.CancellationToken]::None)
            $Browser | Add-Member -Force -NotePropertyName PendingBuffer -NotePropertyValue $buffer
        }
        $left = [int][Math]::Max(0, ($Deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $Browser.Pending.Wait($left)) { return $null }
        $result = $Browser.Pending.Result
        $Browser.Pending = $null
        if ($result.MessageType -eq [System.Net.WebSockets.WebSocketMessageType]::Close) { throw 'Chromium closed the DevTools connection' }
        $stream.Write($Browser.PendingBuffer, 0, $result.Count)
        if ($result.EndOfMessage) { break }
    }
    [Text.Encoding]::UTF8.GetString($stream.ToArray()) | ConvertFrom-Json -Depth 64
}

function Invoke-Cdp {
    <# Sends one DevTools command (to a page session with -SessionId) and returns its result. #>
    param($Browser, [Parameter(Mandatory)] [string] $Method, [hashtable] $Params = @{}, [string] $SessionId, [int] $TimeoutSeconds = 30)
    $id = ++$Browser.NextId
    $message = [ordered]@{ id = $id; method = $Method; params = $Params }
    if ($SessionId) { $message.sessionId = $SessionId }
    $bytes = [Text.Encoding]::UTF8.GetBytes(($message | ConvertTo-Json -Depth 20 -Compress))
    if (-not $Browser.Socket.SendAsync([ArraySegment[byte]]::new($bytes), [System.Net.WebSockets.WebSocketMessageType]::Text, $true, [Threading.CancellationToken]::None).Wait($TimeoutSeconds * 1000)) {
        throw "Sending $Method to Chromium timed out"
    }
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $reply = Receive-CdpMessage $Browser $deadline
        if ($null -eq $reply) { throw "Chromium did not answer $Method within $TimeoutSeconds s" }
        if ($reply.PSObject.Properties['id'] -and $reply.id -eq $id) {
            if ($reply.PSObject.Properties['error']) { throw "$Method failed: $($reply.error.message)" }
            return $reply.result
        }
        if ($reply.PSObject.Properties['method']) { $Browser.Events.Add($reply) }
    }
}

function Wait-CdpEvent {
    <# Waits for an event of that method (one seen before counts; -Where narrows it, e.g. to one tab's session) and returns it. #>
    param($Browser, [Parameter(Mandatory)] [string] $Method, [int] $TimeoutSeconds = 30, [scriptblock] $Where = { $true })
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $seen = $Browser.Events | Where-Object method -EQ $Method | Where-Object $Where | Select-Object -First 1
        if ($seen) { return $seen }
        $message = Receive-CdpMessage $Browser $deadline
        if ($null -eq $message) { throw "No $Method event from Chromium within $TimeoutSeconds s" }
        if ($message.PSObject.Properties['method']) { $Browser.Events.Add($message) }
    }
}

function Open-CdpPage {
    <# A new tab with Runtime, Log, Network and Page events on; returns its session id. #>
    param($Browser)
    $target = Invoke-Cdp $Browser 'Target.createTarget' @{ url = 'about:blank' }
    $session = (Invoke-Cdp $Browser 'Target.attachToTarget' @{ targetId = $target.targetId; flatten = $true }).sessionId
    foreach ($domain in 'Runtime', 'Log', 'Network', 'Page') { Invoke-Cdp $Browser "$domain.enable" -SessionId $session | Out-Null }
    $session
}

function Invoke-CdpScript {
    <# Evaluates a JavaScript expression (a promise is awaited) in the page and returns its value. #>
    param($Browser, [string] $SessionId, [string] $Expression, [int] $TimeoutSeconds = 60)
    $result = Invoke-Cdp $Browser 'Runtime.evaluate' @{ expression = $Expression; awaitPromise = $true; returnByValue = $true } -SessionId $SessionId -TimeoutSeconds $TimeoutSeconds
    if ($result.PSObject.Properties['exceptionDetails']) { throw "Script failed in the page: $($result.exceptionDetails | ConvertTo-Json -Depth 6 -Compress)" }
    $result.result.value
}

function Stop-HeadlessChromium {
    param($Browser)
    if ($null -eq $Browser) { return }
    if ($Browser.Socket) {
        try { Invoke-Cdp $Browser 'Browser.close' -TimeoutSeconds 5 | Out-Null } catch { }
        $Browser.Socket.Dispose()
    }
    $p = $Browser.Process
    if ($p -and -not $p.HasExited -and -not $p.WaitForExit(5000)) { $p.Kill($true) }
    Remove-Item $Browser.Profile -Recurse -Force -ErrorAction SilentlyContinue
}

Export-ModuleMember -Function Find-Chromium, Start-HeadlessChromium, Invoke-Cdp, Wait-CdpEvent, Open-CdpPage, Invoke-CdpScript, Stop-HeadlessChromium
