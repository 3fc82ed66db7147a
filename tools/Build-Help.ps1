#Requires -Version 7.2
<#
.SYNOPSIS
Builds the module's help from docs/en-US: MAML for the cmdlets and the about topic as text.

.DESCRIPTION
Reads one markdown file per cmdlet (<Verb>-<Noun>.md) and about_*.md topics from -DocsPath, and
writes into <ModulePath>/en-US:

  RingCentral.CallLog.dll-Help.xml   MAML, read by Get-Help for every cmdlet of the module
  about_*.help.txt                   the about topics as plain text

Syntax, parameter types, parameter sets, positions, pipeline input, aliases and defaults come
from the BUILT module: a child pwsh imports <ModulePath> and reports its cmdlets' metadata (the
build session never loads the module assembly, so a rebuild in the same session stays possible).
The markdown supplies only the words.

The build fails (this script throws) when an exported cmdlet has no markdown file, when a file
lacks SYNOPSIS, DESCRIPTION, INPUTS, OUTPUTS or three examples, when a parameter has no
description, or when the markdown describes a parameter the cmdlet does not have. A file for a
cmdlet that the assembly does not contain (yet) is reported as a warning and skipped.

CMDLET FILE FORMAT (docs/en-US/<Verb>-<Noun>.md)

    # Get-Thing                       the cmdlet name (must match the file name)

    ## SYNOPSIS
    One or two sentences.

    ## DESCRIPTION
    Paragraphs, separated by blank lines. Lines starting with "- " are list items.

    ## PARAMETERS

    ### -Name                         one section per parameter (common parameters excluded)
    What it means. Paragraphs as above.
    Default value: Production         optional; replaces the default read from the cmdlet class

    ## INPUTS

    ### System.String                 one section per input type ("None" when nothing binds)
    What binds from the pipeline.

    ## OUTPUTS

    ### Full.Type.Name                one section per output type ("None" when nothing is written)
    What is written.

    ## NOTES
    Free text (optional).

    ## EXAMPLES

    ### Example 1: A title            at least three
    ```powershell
    The code, as one or more fenced blocks.
    ```
    What it does and why: paragraphs.

    ## RELATED LINKS
    - about_Something                 one item per line; "[text](uri)" gives a link with a URI

Inline markup is reduced to plain text: `code` and **bold** lose their markers, [text](uri)
becomes "text (uri)".

ABOUT TOPIC FORMAT (docs/en-US/about_<Name>.md)

    # about_Name
    ## SHORT DESCRIPTION               becomes an upper-case heading; the text under it is indented
    ### A subheading                   becomes a heading indented by two spaces
    Paragraphs are wrapped at 80 columns; fenced code, tables and list items keep their lines.

.PARAMETER DocsPath
The folder with the markdown (docs/en-US).

.PARAMETER ModulePath
The built module folder (out/RingCentral.CallLog). Help goes to its en-US subfolder.

.PARAMETER MetadataOnly
Internal: import the module at -ModulePath in this process and write its cmdlets' metadata as
JSON. The script calls itself this way in a child pwsh.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $DocsPath,
    [switch] $MetadataOnly
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:ModuleName = 'RingCentral.CallLog'
$script:RequiredSections = 'SYNOPSIS', 'DESCRIPTION', 'INPUTS', 'OUTPUTS', 'EXAMPLES'
$script:NsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$script:NsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:NsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'

#region Metadata (runs in the child pwsh)

function Get-FriendlyTypeName([type] $Type) {
    # Nullable<T> reads as T: that is what the user passes.
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { $Type = $inner }
    if ($Type.IsArray) { return (Get-FriendlyTypeName $Type.GetElementType()) + '[]' }
    $Type.Name
}

function Get-FullTypeName([type] $Type) {
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { $Type = $inner }
    if ($Type.IsArray) { return (Get-FullTypeName $Type.GetElementType()) + '[]' }
    $Type.FullName
}

function Format-DefaultValue($Value) {
    if ($null -eq $Value) { return 'None' }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return [string]$Value.IsPresent }
    if ($Value -is [array]) {
        if ($Value.Count -eq 0) { return 'None' }
        return ($Value -join ', ')
    }
    if ($Value -is [string] -and $Value -eq '') { return 'None' }
    [string]$Value
}

function Export-CommandMetadata {
    $module = Import-Module (Join-Path $ModulePath "$script:ModuleName.psd1") -PassThru -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')
    $result = foreach ($command in (Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)) {
        $instance = $null
        try { $instance = [Activator]::CreateInstance($command.ImplementingType) } catch { $instance = $null }
        $parameters = foreach ($p in $command.Parameters.Values) {
            if ($p.Name -in $common) { continue }
            $default = 'None'
            if ($instance -and $instance.GetType().GetProperty($p.Name)) {
                $default = Format-DefaultValue $instance.($p.Name)
            }
            $validateSet = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
            $range = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] } | Select-Object -First 1
            $sets = foreach ($entry in $p.ParameterSets.GetEnumerator()) {
                [ordered]@{
                    Name                            = $entry.Key
                    IsMandatory                     = $entry.Value.IsMandatory
                    Position                        = $entry.Value.Position
                    ValueFromPipeline               = $entry.Value.ValueFromPipeline
                    ValueFromPipelineByPropertyName = $entry.Value.ValueFromPipelineByPropertyName
                }
            }
            [ordered]@{
                Name          = $p.Name
                Type          = Get-FriendlyTypeName $p.ParameterType
                FullType      = Get-FullTypeName $p.ParameterType
                IsSwitch      = $p.SwitchParameter
                Aliases       = @($p.Aliases)
                Default       = $default
                AcceptedValues = @(if ($validateSet) { $validateSet.ValidValues })
                Range         = if ($range) { "$($range.MinRange)..$($range.MaxRange)" } else { $null }
                Globbing      = [bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                Sets          = @($sets)
            }
        }
        $setNames = @($command.ParameterSets | ForEach-Object Name)
        [ordered]@{
            Name          = $command.Name
            Verb          = $command.Verb
            Noun          = $command.Noun
            DefaultSet    = $command.DefaultParameterSet
            ParameterSets = $setNames
            Parameters    = @($parameters)
            OutputTypes   = @($command.OutputType | ForEach-Object Name | Select-Object -Unique)
        }
    }
    ConvertTo-Json -InputObject @($result) -Depth 8
}

if ($MetadataOnly) {
    Export-CommandMetadata
    return
}

#endregion

#region Markdown reading

function ConvertTo-PlainText([string] $Text) {
    $t = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)]+)\)', '$1 ($2)')
    $t = $t -replace '\*\*([^*]+)\*\*', '$1'
    $t = $t -replace '`([^`]+)`', '$1'
    $t
}

function Split-Paragraphs([string[]] $Lines) {
    # Blank lines separate paragraphs; "- " items and fenced blocks stay whole.
    $paras = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $fence = [System.Collections.Generic.List[string]]::new()
    $flush = {
        if ($current.Count -gt 0) { $paras.Add((ConvertTo-PlainText ($current -join ' '))); $current.Clear() }
    }
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            if ($inFence) { $paras.Add(($fence -join "`n")); $fence.Clear(); $inFence = $false }
            else { & $flush; $inFence = $true }
            continue
        }
        if ($inFence) { $fence.Add($line); continue }
        if ($line.Trim() -eq '') { & $flush; continue }
        if ($line -match '^\s*[-*] ') { & $flush; $current.Add($line.Trim()); continue }
        $current.Add($line.Trim())
    }
    & $flush
    , $paras.ToArray()
}

function Read-CmdletMarkdown([string] $Path) {
    $lines = Get-Content -LiteralPath $Path
    $doc = [ordered]@{
        Path     = $Path
        Name     = $null
        Sections = @{}
        Params   = [ordered]@{}
        Inputs   = [System.Collections.Generic.List[object]]::new()
        Outputs  = [System.Collections.Generic.List[object]]::new()
        Examples = [System.Collections.Generic.List[object]]::new()
        Links    = [System.Collections.Generic.List[string]]::new()
    }
    $section = $null
    $sub = $null
    $buffer = [System.Collections.Generic.List[string]]::new()
    $inFence = $false

    $close = {
        if ($null -eq $section) { return }
        $body = $buffer.ToArray()
        $buffer.Clear()
        switch ($section) {
            'PARAMETERS' {
                if ($sub) {
                    $default = $null
                    $kept = foreach ($l in $body) {
                        if ($l -match '^\s*Default value:\s*(.+?)\s*$') { $default = $Matches[1] } else { $l }
                    }
                    $doc.Params[$sub.TrimStart('-')] = @{ Paras = (Split-Paragraphs @($kept)); Default = $default }
                }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                if ($sub) {
                    $item = @{ Type = $sub; Paras = (Split-Paragraphs $body) }
                    if ($section -eq 'INPUTS') { $doc.Inputs.Add($item) } else { $doc.Outputs.Add($item) }
                }
            }
            'EXAMPLES' {
                if ($sub) {
                    $code = [System.Collections.Generic.List[string]]::new()
                    $text = [System.Collections.Generic.List[string]]::new()
                    $fenced = $false
                    foreach ($l in $body) {
                        if ($l -match '^\s*```') { $fenced = -not $fenced; if (-not $fenced -and $code.Count -gt 0) { $code.Add('') }; continue }
                        if ($fenced) { $code.Add($l) } else { $text.Add($l) }
                    }
                    $doc.Examples.Add(@{ Title = $sub; Code = ($code -join "`n").TrimEnd(); Paras = (Split-Paragraphs $text.ToArray()) })
                }
            }
            'RELATED LINKS' {
                foreach ($l in $body) {
                    if ($l -match '^\s*[-*]\s+(.+?)\s*$') { $doc.Links.Add($Matches[1]) }
                }
            }
            default {
                if (-not $sub) { $doc.Sections[$section] = Split-Paragraphs $body }
            }
        }
    }

    foreach ($line in $lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence; $buffer.Add($line); continue }
        if (-not $inFence) {
            if ($line -match '^# (.+?)\s*$') { $doc.Name = $Matches[1]; continue }
            if ($line -match '^## (.+?)\s*$') { & $close; $section = $Matches[1].ToUpperInvariant(); $sub = $null; continue }
            if ($line -match '^### (.+?)\s*$') { & $close; $sub = $Matches[1]; continue }
        }
        $buffer.Add($line)
    }
    & $close
    $doc
}

#endregion

#region MAML writing

function Write-Paras([System.Xml.XmlWriter] $W, [string[]] $Paras) {
    $any = $false
    foreach ($p in $Paras) {
        if ([string]::IsNullOrWhiteSpace($p)) { continue }
        $W.WriteElementString('maml', 'para', $script:NsMaml, $p)
        $any = $true
    }
    if (-not $any) { $W.WriteElementString('maml', 'para', $script:NsMaml, '') }
}

function Write-Description([System.Xml.XmlWriter] $W, [string[]] $Paras) {
    $W.WriteStartElement('maml', 'description', $script:NsMaml)
    Write-Paras $W $Paras
    $W.WriteEndElement()
}

function Get-PipelineText($Sets) {
    $byValue = [bool]($Sets | Where-Object ValueFromPipeline)
    $byName = [bool]($Sets | Where-Object ValueFromPipelineByPropertyName)
    if ($byValue -and $byName) { 'True (ByPropertyName, ByValue)' }
    elseif ($byValue) { 'True (ByValue)' }
    elseif ($byName) { 'True (ByPropertyName)' }
    else { 'False' }
}

function Get-ParameterParas($Param, $Doc) {
    $paras = [System.Collections.Generic.List[string]]::new()
    foreach ($p in $Doc.Paras) { $paras.Add($p) }
    $accepted = @($Param.AcceptedValues | Where-Object { $_ })
    if ($accepted.Count -gt 0) { $paras.Add('Accepted values: ' + ($accepted -join ', ') + '.') }
    if ($Param.Range) { $paras.Add('Valid range: ' + $Param.Range + '.') }
    $paras.ToArray()
}

function Write-Parameter([System.Xml.XmlWriter] $W, $Param, $Doc, $Sets) {
    $mandatory = [bool]($Sets | Where-Object IsMandatory)
    $positions = @($Sets | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Select-Object -Unique)
    $position = if ($positions.Count -gt 0) { [string]$positions[0] } else { 'named' }
    $aliasList = @($Param.Aliases | Where-Object { $_ })
    $aliases = if ($aliasList.Count -gt 0) { $aliasList -join ', ' } else { 'none' }
    $W.WriteStartElement('command', 'parameter', $script:NsCommand)
    $W.WriteAttributeString('required', $mandatory.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', $Param.Type.EndsWith('[]').ToString().ToLowerInvariant())
    $W.WriteAttributeString('globbing', ([bool]$Param.Globbing).ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', (Get-PipelineText $Sets))
    $W.WriteAttributeString('position', $position)
    $W.WriteAttributeString('aliases', $aliases)
    $W.WriteElementString('maml', 'name', $script:NsMaml, $Param.Name)
    Write-Description $W (Get-ParameterParas $Param $Doc)
    if (-not $Param.IsSwitch) {
        $W.WriteStartElement('command', 'parameterValue', $script:NsCommand)
        $W.WriteAttributeString('required', 'true')
        $W.WriteAttributeString('variableLength', $Param.Type.EndsWith('[]').ToString().ToLowerInvariant())
        $W.WriteString($Param.Type)
        $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $script:NsDev)
    $W.WriteElementString('maml', 'name', $script:NsMaml, $Param.FullType)
    $W.WriteElementString('maml', 'uri', $script:NsMaml, '')
    $W.WriteEndElement()
    $default = if ($Doc.Default) { $Doc.Default } else { $Param.Default }
    $W.WriteElementString('dev', 'defaultValue', $script:NsDev, $default)
    $W.WriteEndElement()
}

function Write-TypeList([System.Xml.XmlWriter] $W, [string] $Outer, [string] $Inner, $Items) {
    $W.WriteStartElement('command', $Outer, $script:NsCommand)
    foreach ($item in $Items) {
        $W.WriteStartElement('command', $Inner, $script:NsCommand)
        $W.WriteStartElement('dev', 'type', $script:NsDev)
        $W.WriteElementString('maml', 'name', $script:NsMaml, $item.Type)
        $W.WriteElementString('maml', 'uri', $script:NsMaml, '')
        $W.WriteEndElement()
        Write-Description $W $item.Paras
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
}

function Write-Command([System.Xml.XmlWriter] $W, $Meta, $Doc) {
    $W.WriteStartElement('command', 'command', $script:NsCommand)
    $W.WriteAttributeString('xmlns', 'maml', $null, $script:NsMaml)
    $W.WriteAttributeString('xmlns', 'dev', $null, $script:NsDev)

    $W.WriteStartElement('command', 'details', $script:NsCommand)
    $W.WriteElementString('command', 'name', $script:NsCommand, $Meta.Name)
    $W.WriteElementString('command', 'verb', $script:NsCommand, $Meta.Verb)
    $W.WriteElementString('command', 'noun', $script:NsCommand, $Meta.Noun)
    Write-Description $W $Doc.Sections['SYNOPSIS']
    $W.WriteEndElement()

    Write-Description $W $Doc.Sections['DESCRIPTION']

    # Syntax: one item per parameter set, mandatory and positional parameters first.
    $W.WriteStartElement('command', 'syntax', $script:NsCommand)
    $orderedSets = @($Meta.ParameterSets | Sort-Object { if ($_ -eq $Meta.DefaultSet) { 0 } else { 1 } })
    foreach ($setName in $orderedSets) {
        $W.WriteStartElement('command', 'syntaxItem', $script:NsCommand)
        $W.WriteElementString('maml', 'name', $script:NsMaml, $Meta.Name)
        $inSet = foreach ($p in $Meta.Parameters) {
            $sets = @($p.Sets | Where-Object { $_.Name -eq $setName -or $_.Name -eq '__AllParameterSets' })
            if ($sets.Count -gt 0) { [pscustomobject]@{ Param = $p; Sets = $sets } }
        }
        $sorted = $inSet | Sort-Object -Stable `
            @{ Expression = { $pos = @($_.Sets | Where-Object { $_.Position -ge 0 }); if ($pos) { $pos[0].Position } else { [int]::MaxValue } } }, `
            @{ Expression = { -not [bool]($_.Sets | Where-Object IsMandatory) } }
        foreach ($entry in $sorted) {
            Write-Parameter $W $entry.Param $Doc.Params[$entry.Param.Name] $entry.Sets
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $script:NsCommand)
    foreach ($p in ($Meta.Parameters | Sort-Object Name)) {
        Write-Parameter $W $p $Doc.Params[$p.Name] @($p.Sets)
    }
    $W.WriteEndElement()

    Write-TypeList $W 'inputTypes' 'inputType' $Doc.Inputs
    Write-TypeList $W 'returnValues' 'returnValue' $Doc.Outputs

    $W.WriteStartElement('maml', 'alertSet', $script:NsMaml)
    $W.WriteStartElement('maml', 'alert', $script:NsMaml)
    $notes = if ($Doc.Sections.Contains('NOTES')) { $Doc.Sections['NOTES'] } else { @() }
    Write-Paras $W $notes
    $W.WriteEndElement()
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $script:NsCommand)
    foreach ($example in $Doc.Examples) {
        $W.WriteStartElement('command', 'example', $script:NsCommand)
        $W.WriteElementString('maml', 'title', $script:NsMaml, "---------- $($example.Title) ----------")
        $W.WriteStartElement('maml', 'introduction', $script:NsMaml)
        $W.WriteElementString('maml', 'para', $script:NsMaml, '')
        $W.WriteEndElement()
        $W.WriteElementString('dev', 'code', $script:NsDev, $example.Code)
        $W.WriteStartElement('dev', 'remarks', $script:NsDev)
        Write-Paras $W $example.Paras
        # An empty paragraph: a blank line before the next example's title.
        $W.WriteElementString('maml', 'para', $script:NsMaml, '')
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $script:NsCommand)
    foreach ($link in $Doc.Links) {
        $text = $link
        $uri = ''
        if ($link -match '^\[([^\]]+)\]\(([^)]+)\)$') { $text = $Matches[1]; $uri = $Matches[2] }
        $W.WriteStartElement('maml', 'navigationLink', $script:NsMaml)
        $W.WriteElementString('maml', 'linkText', $script:NsMaml, $text)
        $W.WriteElementString('maml', 'uri', $script:NsMaml, $uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

#endregion

#region Checks

function Test-CmdletDoc($Meta, $Doc) {
    $problems = [System.Collections.Generic.List[string]]::new()
    $file = Split-Path $Doc.Path -Leaf
    if ($Doc.Name -ne $Meta.Name) { $problems.Add("${file}: the title is '$($Doc.Name)', expected '# $($Meta.Name)'.") }
    foreach ($section in $script:RequiredSections) {
        $present = switch ($section) {
            'INPUTS' { $Doc.Inputs.Count -gt 0 }
            'OUTPUTS' { $Doc.Outputs.Count -gt 0 }
            'EXAMPLES' { $Doc.Examples.Count -gt 0 }
            default { $Doc.Sections.Contains($section) -and (@($Doc.Sections[$section] | Where-Object { $_.Trim() })).Count -gt 0 }
        }
        if (-not $present) { $problems.Add("${file}: $section is missing or empty.") }
    }
    if ($Doc.Examples.Count -lt 3) { $problems.Add("${file}: $($Doc.Examples.Count) examples; at least 3 are required.") }
    foreach ($example in $Doc.Examples) {
        if (-not $example.Code) { $problems.Add("${file}: '$($example.Title)' has no code block.") }
    }
    $names = @($Meta.Parameters | ForEach-Object Name)
    foreach ($name in $names) {
        $entry = $Doc.Params[$name]
        if ($null -eq $entry -or (@($entry.Paras | Where-Object { $_.Trim() })).Count -eq 0) {
            $problems.Add("${file}: parameter -$name of $($Meta.Name) has no description (add '### -$name' under '## PARAMETERS').")
        }
    }
    foreach ($name in $Doc.Params.Keys) {
        if ($name -notin $names) { $problems.Add("${file}: describes -$name, which $($Meta.Name) does not have.") }
    }
    $problems
}

#endregion

#region About topics

function ConvertTo-PlainTable([string[]] $Lines) {
    # Cells split on '|' (an escaped '\|' stays in its cell); the separator row becomes dashes under the header.
    $rows = foreach ($l in $Lines) {
        if ($l -match '^\s*\|[\s:|-]+\|\s*$') { continue }
        , @(($l.Trim() -replace '^\||\|$', '' -split '(?<!\\)\|') | ForEach-Object { ConvertTo-PlainText ($_.Trim() -replace '\\\|', '|') })
    }
    $rows = @($rows)
    $count = ($rows | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = foreach ($i in 0..($count - 1)) { ($rows | ForEach-Object { if ($i -lt $_.Count) { $_[$i].Length } else { 0 } } | Measure-Object -Maximum).Maximum }
    $format = { param($cells) '    ' + ((0..($count - 1) | ForEach-Object { $c = if ($_ -lt $cells.Count) { $cells[$_] } else { '' }; $c.PadRight($widths[$_]) }) -join '  ').TrimEnd() }
    & $format $rows[0]
    '    ' + (($widths | ForEach-Object { '-' * $_ }) -join '  ')
    foreach ($r in ($rows | Select-Object -Skip 1)) { & $format $r }
}

function ConvertTo-WrappedLines([string] $Text, [int] $Indent, [int] $Width = 80) {
    $pad = ' ' * $Indent
    $line = ''
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if ($line.Length -gt 0 -and ($pad.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $pad + $line
            $line = $word
        }
        elseif ($line.Length -eq 0) { $line = $word }
        else { $line += ' ' + $word }
    }
    if ($line.Length -gt 0) { $pad + $line }
}

function ConvertTo-AboutText([string] $Path) {
    $out = [System.Collections.Generic.List[string]]::new()
    $para = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $flush = {
        if ($para.Count -gt 0) {
            foreach ($l in (ConvertTo-WrappedLines (ConvertTo-PlainText ($para -join ' ')) 4)) { $out.Add($l) }
            $para.Clear()
        }
    }
    # A Markdown table becomes aligned plain-text columns (Get-Help shows text, not Markdown).
    $table = [System.Collections.Generic.List[string]]::new()
    $flushTable = {
        if ($table.Count -eq 0) { return }
        foreach ($l in (ConvertTo-PlainTable $table.ToArray())) { $out.Add($l) }
        $table.Clear()
    }
    foreach ($line in (Get-Content -LiteralPath $Path)) {
        if ($line -notmatch '^\s*\|') { & $flushTable }
        if ($line -match '^\s*```') {
            & $flush
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { $out.Add(('        ' + $line).TrimEnd()); continue }
        if ($line -match '^# (about_\S+)') { $out.Add('TOPIC'); $out.Add('    ' + $Matches[1]); continue }
        if ($line -match '^## (.+?)\s*$') { & $flush; $out.Add(''); $out.Add($Matches[1].ToUpperInvariant()); continue }
        if ($line -match '^### (.+?)\s*$') { & $flush; $out.Add(''); $out.Add('  ' + (ConvertTo-PlainText $Matches[1])); continue }
        if ($line.Trim() -eq '') { & $flush; $out.Add(''); continue }
        if ($line -match '^\s*\|') {
            & $flush
            $table.Add($line)
            continue
        }
        if ($line -match '^(\s*)([-*]|\d+\.) (.+)$') {
            & $flush
            $marker = if ($Matches[2] -eq '*') { '-' } else { $Matches[2] }
            $wrapped = @(ConvertTo-WrappedLines (ConvertTo-PlainText $Matches[3]) (5 + $marker.Length))
            $wrapped[0] = '    ' + $marker + ' ' + $wrapped[0].TrimStart()
            foreach ($l in $wrapped) { $out.Add($l) }
            continue
        }
        $para.Add($line.Trim())
    }
    & $flushTable
    & $flush
    # Collapse runs of blank lines.
    $text = ($out -join "`n") -replace "`n{3,}", "`n`n"
    $text.Trim("`n") + "`n"
}

#endregion

#region Main

if (-not $DocsPath) { throw '-DocsPath is required.' }
$ModulePath = (Resolve-Path $ModulePath).Path
$DocsPath = (Resolve-Path $DocsPath).Path

# The module's metadata, from a child pwsh (this session never loads the module assembly).
$pwshHost = [Environment]::ProcessPath
$pwshArgs = @()
if ([IO.Path]::GetFileNameWithoutExtension($pwshHost) -eq 'dotnet') {
    # Running as a dotnet tool: start the same PowerShell the same way.
    $pwshArgs = @((Join-Path $PSHOME 'pwsh.dll'))
}
$json = & $pwshHost @pwshArgs -NoProfile -NonInteractive -File $PSCommandPath -ModulePath $ModulePath -MetadataOnly
if ($LASTEXITCODE -ne 0) { throw "Reading the cmdlets of $ModulePath failed (exit $LASTEXITCODE)." }
$commands = @(($json -join "`n") | ConvertFrom-Json -Depth 8)
if ($commands.Count -eq 0) { throw "$ModulePath exports no cmdlets." }

$problems = [System.Collections.Generic.List[string]]::new()
$docs = @{}
foreach ($file in (Get-ChildItem -LiteralPath $DocsPath -Filter '*-*.md' | Where-Object Name -NotLike 'about_*')) {
    $docs[$file.BaseName] = Read-CmdletMarkdown $file.FullName
}
$known = @($commands | ForEach-Object Name)
foreach ($name in $docs.Keys) {
    if ($name -notin $known) { Write-Warning "docs: $name.md describes a cmdlet the module does not contain (yet); skipped." }
}
foreach ($meta in $commands) {
    if (-not $docs.ContainsKey($meta.Name)) { $problems.Add("$($meta.Name) has no help: add $($meta.Name).md to $DocsPath."); continue }
    foreach ($p in (Test-CmdletDoc $meta $docs[$meta.Name])) { $problems.Add($p) }
}
if ($problems.Count -gt 0) {
    throw ("Help is incomplete:`n  " + ($problems -join "`n  "))
}

$helpDir = Join-Path $ModulePath 'en-US'
New-Item -ItemType Directory -Path $helpDir -Force | Out-Null
$mamlPath = Join-Path $helpDir "$script:ModuleName.dll-Help.xml"
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$writer = [System.Xml.XmlWriter]::Create($mamlPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($meta in $commands) { Write-Command $writer $meta $docs[$meta.Name] }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

$abouts = @(Get-ChildItem -LiteralPath $DocsPath -Filter 'about_*.md')
foreach ($about in $abouts) {
    $target = Join-Path $helpDir ($about.BaseName + '.help.txt')
    [IO.File]::WriteAllText($target, (ConvertTo-AboutText $about.FullName), [System.Text.UTF8Encoding]::new($false))
}
Write-Host "Help: $($commands.Count) cmdlets -> $mamlPath; $($abouts.Count) about topic(s)"

#endregion
