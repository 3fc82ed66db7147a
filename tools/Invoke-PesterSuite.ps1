<#
.SYNOPSIS
Runs the Pester suites in this (fresh) process and writes their NUnit XML result file for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ResultFile,
    # Paths separated by ';' (a single string survives -File argument passing intact).
    [Parameter(Mandatory)] [string] $Path
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterModule -Force
$config = New-PesterConfiguration
$config.Run.Path = $Path -split ';'
$config.Output.Verbosity = 'Detailed'
$config.Output.RenderMode = 'Plaintext'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $ResultFile
New-Item -ItemType Directory -Force -Path (Split-Path $ResultFile) | Out-Null
Invoke-Pester -Configuration $config | Out-Null
