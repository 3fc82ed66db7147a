# Convention tests over the BUILT module (out/RingCentral.CallLog): help, output types and their
# views, verbs, parameter names and types, the about topic, and the manifest.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:cmdletCases = @(Get-Command -Module RingCentral.CallLog -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $module = Import-Module (Get-TestModulePath) -Force -PassThru
    $script:ModuleBase = $module.ModuleBase
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    function Get-OwnParameters([string] $Name) {
        # Every parameter a user may pass except the common ones (-Verbose, -ErrorAction, ...).
        # -WhatIf and -Confirm are kept: they are documented like any other parameter.
        (Get-Command $Name).Parameters.Values |
            Where-Object { $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters -and $_.Name -ne 'UseTransaction' }
    }
}

Describe 'The module exports cmdlets' {
    It 'exports all cmdlets of the contract' {
        $names = (Get-Command -Module RingCentral.CallLog -CommandType Cmdlet).Name | Sort-Object
        $names | Should -Be @('Complete-RcCheckpoint', 'Connect-RcAccount', 'Disconnect-RcAccount', 'Export-RcCallReport', 'Export-RcMessageStore', 'Get-RcActiveCall', 'Get-RcCallLog', 'Get-RcCallLogBatch', 'Get-RcConnection', 'Get-RcMessage', 'Get-RcRecording', 'Get-RcRecordingPolicy', 'Remove-RcMessage', 'Remove-RcRecording', 'Save-RcMessage', 'Save-RcRecording', 'Test-RcArchive', 'Test-RcRecordingArchive', 'Watch-RcCallEvent')
    }

    It 'exports nothing but cmdlets' {
        Get-Command -Module RingCentral.CallLog | Where-Object CommandType -NE 'Cmdlet' | Should -BeNullOrEmpty
    }

    It 'ships its help file beside the assembly' {
        Join-Path $ModuleBase 'en-US/RingCentral.CallLog.dll-Help.xml' | Should -Exist
    }
}

Describe '<Name>' -ForEach $cmdletCases {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
    }

    It 'uses an approved verb' {
        $command.Verb | Should -BeIn (Get-Verb).Verb
    }

    It 'declares [OutputType]' {
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'has a format view for every output type' {
        $types = $command.OutputType.Name | Where-Object { $_ -notin 'System.Void', 'System.String' } | Select-Object -Unique
        foreach ($type in $types) {
            Get-FormatData -TypeName $type | Should -Not -BeNullOrEmpty -Because "$type is written by $Name"
        }
    }

    It 'has a real synopsis, not the generated syntax' {
        $synopsis = "$($help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Match ('^' + [regex]::Escape($Name) + '(\s|$)')
        $synopsis | Should -Not -Match '\[-\w+'
    }

    It 'has a description' {
        ($help.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $undescribed = foreach ($parameter in (Get-OwnParameters $Name)) {
            $text = (Get-Help $Name -Parameter $parameter.Name).description.Text -join ' '
            if (-not $text.Trim()) { $parameter.Name }
        }
        $undescribed | Should -BeNullOrEmpty -Because 'every parameter needs a description in docs/en-US'
    }

    It 'documents no parameter that does not exist' {
        $real = @((Get-OwnParameters $Name).Name)
        $documented = @($help.parameters.parameter | Where-Object { $_ } | ForEach-Object name)
        $documented | Where-Object { $_ -notin $real } | Should -BeNullOrEmpty
    }

    It 'has at least three examples, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 3
        foreach ($example in $examples) {
            "$($example.code)".Trim() | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'documents its inputs and outputs' {
        @($help.inputTypes.inputType).Count | Should -BeGreaterThan 0
        @($help.returnValues.returnValue).Count | Should -BeGreaterThan 0
    }

    It 'documents each declared output type' {
        $documented = @($help.returnValues.returnValue | ForEach-Object { $_.type.name })
        $declared = $command.OutputType.Name | Where-Object { $_ -ne 'System.Void' } | Select-Object -Unique
        foreach ($type in $declared) { $type | Should -BeIn $documented }
    }

    It 'points to the about topic' {
        @($help.relatedLinks.navigationLink.linkText) | Should -Contain 'about_RingCentral.CallLog'
    }
}

Describe 'Parameter names are consistent across the cmdlets' {
    BeforeAll {
        $all = foreach ($command in (Get-Command -Module RingCentral.CallLog -CommandType Cmdlet)) {
            foreach ($parameter in (Get-OwnParameters $command.Name)) {
                $set = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
                [pscustomobject]@{
                    Command   = $command.Name
                    Name      = $parameter.Name
                    Type      = $parameter.ParameterType.FullName
                    ValidSet  = if ($set) { ($set.ValidValues | Sort-Object) -join ',' } else { '' }
                }
            }
        }
    }

    # Connect-RcAccount makes connections rather than using one; Test-RcRecordingArchive, Test-RcArchive, Export-RcCallReport and Complete-RcCheckpoint work offline.
    It 'takes -Connection <RcConnection> on every cmdlet that talks to RingCentral over a connection' {
        foreach ($name in (Get-Command -Module RingCentral.CallLog -CommandType Cmdlet).Name | Where-Object { $_ -notin 'Get-RcConnection', 'Connect-RcAccount', 'Test-RcRecordingArchive', 'Test-RcArchive', 'Export-RcCallReport', 'Complete-RcCheckpoint' }) {
            $parameter = (Get-Command $name).Parameters['Connection']
            $parameter | Should -Not -BeNullOrEmpty -Because "$name talks to RingCentral"
            $parameter.ParameterType.FullName | Should -Be 'RingCentral.CallLog.RcConnection'
        }
    }

    # Remove-RcRecording's and Remove-RcMessage's -Status is a piped row's own verdict (one value, bound by property name),
    # not an option; Watch-RcCallEvent's -Status is the list of status codes to watch.
    It 'gives a parameter the same type on every cmdlet' {
        # Watch-RcCallEvent -ExtensionId is a list on purpose (see 'uses the contract''s types' below).
        $conflicts = $all | Where-Object { -not ($_.Command -in 'Remove-RcRecording', 'Remove-RcMessage' -and $_.Name -eq 'Status') -and -not ($_.Command -eq 'Watch-RcCallEvent' -and $_.Name -eq 'ExtensionId') } | Group-Object Name | Where-Object { @($_.Group.Type | Select-Object -Unique).Count -gt 1 } |
            ForEach-Object { "$($_.Name): " + (($_.Group | ForEach-Object { "$($_.Command)=$($_.Type)" }) -join ', ') }
        $conflicts | Should -BeNullOrEmpty
    }

    It 'gives a parameter the same accepted values on every cmdlet' {
        $conflicts = $all | Group-Object Name | Where-Object { @($_.Group.ValidSet | Select-Object -Unique).Count -gt 1 } |
            ForEach-Object { "$($_.Name): " + (($_.Group | ForEach-Object { "$($_.Command)=$($_.ValidSet)" }) -join '; ') }
        $conflicts | Should -BeNullOrEmpty
    }

    It 'spells each parameter name one way' {
        $all | Group-Object { $_.Name.ToLowerInvariant() } | Where-Object { @($_.Group.Name | Select-Object -Unique).Count -gt 1 } | Should -BeNullOrEmpty
    }

    It 'uses the contract''s types for -<Name>' -ForEach @(
        @{ Name = 'Account'; Type = 'System.Management.Automation.SwitchParameter' }
        # Watch-RcCallEvent takes a list: one subscription watches several extensions at once (one
        # filter per extension and status), where every other cmdlet reads one extension per request.
        @{ Name = 'ExtensionId'; Type = 'System.String'; Except = @{ 'Watch-RcCallEvent' = 'System.String[]' } }
        @{ Name = 'View'; Type = 'System.String' }
        @{ Name = 'Direction'; Type = 'System.String[]' }
        @{ Name = 'Type'; Type = 'System.String[]' }
        @{ Name = 'Transport'; Type = 'System.String[]' }
        @{ Name = 'Id'; Type = 'System.String[]' }
        @{ Name = 'RecordingId'; Type = 'System.String[]' }
        @{ Name = 'PassThru'; Type = 'System.Management.Automation.SwitchParameter' }
    ) {
        $except = if ($Except) { $Except } else { @{} }
        $found = @($all | Where-Object Name -EQ $Name | Where-Object { -not $except.ContainsKey($_.Command) })
        $found.Count | Should -BeGreaterThan 0
        $found.Type | Select-Object -Unique | Should -Be $Type
        foreach ($command in $except.Keys) {
            ($all | Where-Object { $_.Name -eq $Name -and $_.Command -eq $command }).Type | Should -Be $except[$command]
        }
    }

    It 'offers -View Simple|Detailed wherever there is a -View' {
        $all | Where-Object Name -EQ 'View' | ForEach-Object { $_.ValidSet | Should -Be 'Detailed,Simple' }
    }
}

Describe 'Output types of nested objects' {
    It 'has a format view for <_>' -ForEach @('RingCentral.CallLog.CallLogLeg', 'RingCentral.CallLog.CallLogRecord', 'RingCentral.CallLog.RecordingInfo', 'RingCentral.CallLog.RecordingDownload', 'RingCentral.CallLog.RecordingArchiveEntry', 'RingCentral.CallLog.RecordingPolicy', 'RingCentral.CallLog.RecordingRemoval', 'RingCentral.CallLog.RcConnection', 'RingCentral.CallLog.RcCallEvent', 'RingCentral.CallLog.RcMessage', 'RingCentral.CallLog.MessageDownload', 'RingCentral.CallLog.RcArchiveEntry', 'RingCentral.CallLog.MessageRemoval') {
        Get-FormatData -TypeName $_ | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_RingCentral.CallLog' {
    BeforeAll {
        $about = Get-Help about_RingCentral.CallLog | Out-String
    }

    It 'is found by Get-Help' {
        $about | Should -Match 'about_RingCentral\.CallLog'
        (Get-Help about_RingCentral.CallLog*).Name | Should -Contain 'about_RingCentral.CallLog'
    }

    It 'shows its tables as aligned text columns, not Markdown' {
        $about | Should -Not -Match '(?m)^\s*\|'
        $about | Should -Match '(?m)^\s+Get-RcCallLog\s{2,}Lists call log records'
        $about | Should -Match '(?m)^\s+RingCentralNotConnected\s{2,}InvalidOperation\s{2,}no connection'
    }

    It 'covers <Topic>' -ForEach @(
        @{ Topic = 'where to create a JWT credential'; Pattern = 'Developer Console' }
        @{ Topic = 'the 24-hour default window'; Pattern = '24 hours' }
        @{ Topic = 'rate-limit pacing'; Pattern = 'X-Rate-Limit-Remaining' }
        @{ Topic = 'Retry-After'; Pattern = 'Retry-After' }
        @{ Topic = '-MaxRetryCount'; Pattern = 'MaxRetryCount' }
        @{ Topic = 'CSV export'; Pattern = 'Export-Csv' }
        @{ Topic = 'the .partial resume'; Pattern = '\.partial' }
        @{ Topic = 'the manifest'; Pattern = '-PassThru' }
        @{ Topic = 'the proxy'; Pattern = 'ProxyCredential' }
        @{ Topic = 'CMN-408'; Pattern = 'CMN-408' }
        @{ Topic = 'CMN-401'; Pattern = 'CMN-401' }
        @{ Topic = 'OAU errors'; Pattern = 'OAU-' }
        @{ Topic = 'CMN-301'; Pattern = 'CMN-301' }
        @{ Topic = 'the ErrorIds'; Pattern = 'RingCentralUntrustedHost' }
    ) {
        $about | Should -Match $Pattern
    }
}

Describe 'The module manifest' {
    BeforeAll {
        $manifestPath = Join-Path $ModuleBase 'RingCentral.CallLog.psd1'
        $data = Import-PowerShellDataFile $manifestPath
        $info = Test-ModuleManifest -Path $manifestPath
    }

    It 'passes Test-ModuleManifest' {
        $info.Name | Should -Be 'RingCentral.CallLog'
        $info.Version | Should -BeGreaterThan ([version]'0.0')
    }

    It 'lists its exports explicitly (no wildcards)' {
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'VariablesToExport', 'AliasesToExport') {
            $data.ContainsKey($key) | Should -BeTrue -Because "$key must be explicit"
            @($data[$key]) | Where-Object { "$_" -match '\*' } | Should -BeNullOrEmpty
        }
        @($data.FunctionsToExport).Count | Should -Be 0
    }

    It 'exports exactly the cmdlets the assembly has' {
        ($data.CmdletsToExport | Sort-Object) | Should -Be ((Get-Command -Module RingCentral.CallLog -CommandType Cmdlet).Name | Sort-Object)
    }

    It 'is for both editions' {
        $data.CompatiblePSEditions | Should -Contain 'Desktop'
        $data.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'states the lowest PowerShell version' {
        [version]$data.PowerShellVersion | Should -BeLessOrEqual ([version]'5.1')
    }

    It 'loads its format file' {
        $data.FormatsToProcess | Should -Not -BeNullOrEmpty
        foreach ($file in $data.FormatsToProcess) { Join-Path $ModuleBase $file | Should -Exist }
    }

    It 'has tags and release notes, and no address that does not exist' {
        $data.PrivateData.PSData.Tags | Should -Not -BeNullOrEmpty
        $data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
        $data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
        # A ProjectUri or LicenseUri is given only once the project has a public home (the LICENSE ships in the package).
        "$($data.PrivateData.PSData.ProjectUri) $($data.PrivateData.PSData.LicenseUri)" | Should -Not -Match 'example\.invalid'
        "$($data.PrivateData.PSData.ReleaseNotes)".Trim() | Should -Not -BeNullOrEmpty
        $info.ReleaseNotes | Should -Not -BeNullOrEmpty
    }
}

Describe 'tools/Build-Help.ps1 refuses incomplete help' {
    BeforeAll {
        $builder = Join-Path (Get-TestRepoRoot) 'tools/Build-Help.ps1'
        $docs = Join-Path (Get-TestRepoRoot) 'docs/en-US'

        function Invoke-BuildHelpWith([scriptblock] $ChangeDocs) {
            # A copy of the docs and of the built module, so the real help is never touched.
            $work = Join-Path ([IO.Path]::GetTempPath()) ('rc-help-' + [guid]::NewGuid().ToString('N'))
            try {
                $docsCopy = Join-Path $work 'docs'
                $moduleCopy = Join-Path $work 'RingCentral.CallLog'
                Copy-Item $docs $docsCopy -Recurse
                Copy-Item $ModuleBase $moduleCopy -Recurse
                & $ChangeDocs $docsCopy
                & $builder -DocsPath $docsCopy -ModulePath $moduleCopy 6> $null
            }
            finally {
                Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
            }
        }
    }

    It 'fails when a parameter has no description' {
        {
            Invoke-BuildHelpWith {
                param($d)
                $file = Join-Path $d 'Get-RcCallLogBatch.md'
                (Get-Content $file -Raw) -replace '(?ms)^### -View\r?\n.*?(?=^### )', '' | Set-Content $file
            }
        } | Should -Throw '*-View of Get-RcCallLogBatch has no description*'
    }

    It 'fails when the markdown describes a parameter that does not exist' {
        {
            Invoke-BuildHelpWith {
                param($d)
                $file = Join-Path $d 'Get-RcConnection.md'
                (Get-Content $file -Raw) -replace '## PARAMETERS', "## PARAMETERS`n`n### -Account`nNot a parameter of this cmdlet.`n" | Set-Content $file
            }
        } | Should -Throw '*describes -Account, which Get-RcConnection does not have*'
    }

    It 'fails when a cmdlet has no markdown file' {
        { Invoke-BuildHelpWith { param($d) Remove-Item (Join-Path $d 'Disconnect-RcAccount.md') } } |
            Should -Throw '*Disconnect-RcAccount has no help*'
    }

    It 'fails when a cmdlet has fewer than three examples' {
        {
            Invoke-BuildHelpWith {
                param($d)
                $file = Join-Path $d 'Get-RcActiveCall.md'
                (Get-Content $file -Raw) -replace '(?ms)^### Example [3-6]:.*?(?=^## |^### Example)', '' | Set-Content $file
            }
        } | Should -Throw '*Get-RcActiveCall.md: 2 examples; at least 3 are required*'
    }

    It 'builds the real docs without complaint' {
        { Invoke-BuildHelpWith { param($d) } } | Should -Not -Throw
    }
}
