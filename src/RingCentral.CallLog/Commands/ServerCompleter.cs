using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace RingCentral.CallLog.Commands;

/// <summary>Tab completion for -Server: Production and Sandbox (any absolute URI is accepted too).</summary>
public sealed class ServerCompleter : IArgumentCompleter
{
    private static readonly string[] s_names = { "Production", "Sandbox" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        s_names.Where(n => n.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
}
