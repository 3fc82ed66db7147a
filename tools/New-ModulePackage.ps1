#Requires -Version 7.2
<#
.SYNOPSIS
Packs the built module folder into a .nupkg that PSResourceGet can install.

.DESCRIPTION
Writes <ModuleName>.<Version>.nupkg to -OutputPath from the module folder that build.ps1 assembled
(out/RingCentral.CallLog). The package is made by PSResourceGet itself (Compress-PSResource, part
of PowerShell 7.4 and later), so its .nuspec (id, version, authors, description, tags, project URI,
release notes, PSModule tags, exported cmdlets) is what Install-PSResource and Save-PSResource
expect. The manifest is checked first with Test-ModuleManifest.

Register the output folder as a repository to install from it:

    Register-PSResourceRepository -Name RcLocal -Uri (Resolve-Path out/package) -Trusted
    Install-PSResource RingCentral.CallLog -Repository RcLocal -Scope CurrentUser

Compress-PSResource is run in a child pwsh, so the build session never loads the module assembly.

.PARAMETER ModulePath
The built module folder; its name is the module name.

.PARAMETER OutputPath
Where the .nupkg goes (created when missing; an older package of the same version is replaced).

.OUTPUTS
System.IO.FileInfo: the package.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ModulePath = (Resolve-Path $ModulePath).Path.TrimEnd([IO.Path]::DirectorySeparatorChar, [IO.Path]::AltDirectorySeparatorChar)
$name = Split-Path $ModulePath -Leaf
$manifestPath = Join-Path $ModulePath "$name.psd1"
if (-not (Test-Path $manifestPath)) { throw "No module manifest at ${manifestPath}: build the module first (./build.ps1)." }
$manifest = Import-PowerShellDataFile $manifestPath
$version = $manifest.ModuleVersion
if (-not (Test-Path (Join-Path $ModulePath 'LICENSE'))) { throw "No LICENSE in ${ModulePath}: a package ships its license (build.ps1 copies it)." }
foreach ($dll in (Get-ChildItem $ModulePath -Filter 'System.Management.Automation.dll')) {
    throw "$($dll.FullName) must not ship: PowerShell provides it."
}

New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
$OutputPath = (Resolve-Path $OutputPath).Path
$target = Join-Path $OutputPath "$name.$version.nupkg"
Get-ChildItem $OutputPath -Filter "$name.*.nupkg" | Remove-Item -Force

# The child pwsh: the same PowerShell as this one (a dotnet tool runs as 'dotnet pwsh.dll').
$pwshHost = [Environment]::ProcessPath
$pwshArgs = @()
if ([IO.Path]::GetFileNameWithoutExtension($pwshHost) -eq 'dotnet') { $pwshArgs = @((Join-Path $PSHOME 'pwsh.dll')) }
$script = {
    param($ModulePath, $OutputPath)
    $ErrorActionPreference = 'Stop'
    Import-Module Microsoft.PowerShell.PSResourceGet
    $null = Test-ModuleManifest -Path (Join-Path $ModulePath ((Split-Path $ModulePath -Leaf) + '.psd1'))
    Compress-PSResource -Path $ModulePath -DestinationPath $OutputPath
}
$encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes(
        "& { $script } -ModulePath '$($ModulePath -replace "'", "''")' -OutputPath '$($OutputPath -replace "'", "''")'"))
& $pwshHost @pwshArgs -NoProfile -NonInteractive -EncodedCommand $encoded
if ($LASTEXITCODE -ne 0) { throw "Packing $ModulePath failed (exit $LASTEXITCODE)." }

if (-not (Test-Path $target)) {
    $made = @(Get-ChildItem $OutputPath -Filter '*.nupkg' | ForEach-Object Name) -join ', '
    throw "Expected $target; the folder holds: $made"
}

# Every file of the module folder must be in the package.
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [IO.Compression.ZipFile]::OpenRead($target)
try {
    $entries = @($zip.Entries | ForEach-Object { [Uri]::UnescapeDataString($_.FullName) -replace '\\', '/' })
}
finally {
    $zip.Dispose()
}
$missing = foreach ($file in (Get-ChildItem $ModulePath -Recurse -File)) {
    $relative = [IO.Path]::GetRelativePath($ModulePath, $file.FullName) -replace '\\', '/'
    if ($relative -notin $entries) { $relative }
}
if ($missing) { throw "$target lacks: $($missing -join ', ')" }

Write-Host "Package: $target"
Get-Item $target
