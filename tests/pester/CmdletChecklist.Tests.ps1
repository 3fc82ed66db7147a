# The checklist for a new cmdlet (ARCHITECTURE.md, "Adding a cmdlet"), checked for every cmdlet the
# built assembly defines. Each failure says what to add, and where.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $module = Import-Module (Get-TestModulePath) -Force -PassThru
    # From the assembly, not the manifest: a cmdlet missing from CmdletsToExport must still be found.
    $script:cmdletCases = @(foreach ($type in $module.ImplementingAssembly.GetTypes()) {
            $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
            if ($attribute) { @{ Name = "$($attribute.VerbName)-$($attribute.NounName)"; Type = $type } }
        }) | Sort-Object { $_.Name }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Root = Get-TestRepoRoot
    $script:Manifest = Import-PowerShellDataFile (Join-Path $Root 'RingCentral.CallLog.psd1')
    $script:FormatFile = Join-Path $Root 'module/RingCentral.CallLog.Format.ps1xml'
    $script:FormatText = Get-Content -Raw $FormatFile
    $script:Readme = Get-Content (Join-Path $Root 'README.md')
    $script:XunitText = (Get-ChildItem (Join-Path $Root 'tests/RingCentral.CallLog.Tests') -Recurse -Filter *.cs |
            Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]' | Get-Content -Raw) -join "`n"
    # Help.Tests.ps1 names every cmdlet in a list and this file names none: neither is a test of a cmdlet.
    $script:PesterText = (Get-ChildItem (Join-Path $Root 'tests/pester') -Filter *.Tests.ps1 |
            Where-Object Name -NotIn 'Help.Tests.ps1', 'CmdletChecklist.Tests.ps1' | Get-Content -Raw) -join "`n"
}

Describe 'Cmdlet <Name>' -ForEach $cmdletCases {
    It 'is in CmdletsToExport' {
        $Manifest.CmdletsToExport | Should -Contain $Name -Because "every cmdlet is listed: add '$Name' to CmdletsToExport in RingCentral.CallLog.psd1"
    }

    It 'has a help page' {
        Join-Path $Root "docs/en-US/$Name.md" | Should -Exist -Because "add docs/en-US/$Name.md (synopsis, description, every parameter, examples that run against the simulator, outputs); tools/Build-Help.ps1 builds it into the MAML help"
    }

    It 'has a format view for each of its output types' {
        $types = @($Type.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $true).Type.Name |
                Where-Object { $_ -and -not $_.StartsWith('System.') } | Select-Object -Unique)
        foreach ($outputType in $types) {
            $FormatText.Contains("<TypeName>$outputType</TypeName>") | Should -BeTrue -Because "$Name writes ${outputType}: add a <View> with <TypeName>$outputType</TypeName> to module/RingCentral.CallLog.Format.ps1xml"
        }
    }

    It 'has a row in the README cmdlet table' {
        $row = '| `' + $Name + '` |'
        $Readme | Where-Object { $_.StartsWith($row) } | Should -Not -BeNullOrEmpty -Because "add a row '| ``$Name`` | <what it does> |' to the table under '## Cmdlets' in README.md"
    }

    It 'is tested in xunit' {
        $XunitText -match "\b$([regex]::Escape($Name))\b" | Should -BeTrue -Because "add an xunit test under tests/RingCentral.CallLog.Tests that runs $Name (Commands/, in a hosted runspace) where it needs the internals; see tests/README.md"
    }

    It 'is tested in Pester' {
        $PesterText -match "\b$([regex]::Escape($Name))\b" | Should -BeTrue -Because "add a Pester test under tests/pester that runs $Name through the built module against the simulator"
    }
}

Describe 'ErrorIds' {
    It 'are written only in Commands/ErrorIds.cs' {
        # An ErrorId is the second argument of new ErrorRecord(exception, errorId, category, target).
        $literals = foreach ($file in Get-ChildItem (Join-Path $Root 'src/RingCentral.CallLog') -Recurse -Filter *.cs | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.Name -ne 'ErrorIds.cs' }) {
            $text = Get-Content -Raw $file.FullName
            foreach ($match in [regex]::Matches($text, '(?s)new\s+ErrorRecord\s*\(.*?,\s*(\$?"[^"]*")\s*,\s*ErrorCategory\.')) {
                $line = ($text.Substring(0, $match.Groups[1].Index) -split "`n").Count
                "$($file.FullName.Substring($Root.Length + 1)):$line uses the ErrorId literal $($match.Groups[1].Value): add a constant for it to Commands/ErrorIds.cs (with a comment saying when it is written) and use ErrorIds.<Name>"
            }
        }
        $literals | Should -BeNullOrEmpty
    }
}
