# Shared helpers for the Pester suites: the built module's path, connecting to a simulator; the
# simulator process itself is tools/SimulatorProcess.psm1 (imported here for every suite).
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../../tools/SimulatorProcess.psm1') -Force -Global

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = Join-Path $script:RepoRoot 'out/RingCentral.CallLog/RingCentral.CallLog.psd1'

function Get-TestRepoRoot { $script:RepoRoot }
function Get-TestModulePath { $script:ModulePath }

function ConvertTo-SecureTestString([string] $Text) { ConvertTo-SecureString -String $Text -AsPlainText -Force }

function Connect-TestSimulator {
    <# Connects the current runspace to a simulator as its admin (or -AsUser the non-admin). #>
    param($Simulator, [switch] $AsUser, [switch] $PassThru, [hashtable] $Extra = @{})
    $jwt = if ($AsUser) { $Simulator.userJwt } else { $Simulator.adminJwt }
    Connect-RcAccount -Server $Simulator.url -ClientId $Simulator.clientId `
        -ClientSecret (ConvertTo-SecureTestString $Simulator.clientSecret) `
        -Jwt (ConvertTo-SecureTestString $jwt) -PassThru:$PassThru @Extra
}

function ConvertTo-UtcDate([string] $Text) {
    [DateTimeOffset]::Parse($Text, [Globalization.CultureInfo]::InvariantCulture).UtcDateTime
}

Export-ModuleMember -Function *
