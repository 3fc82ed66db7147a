# The CSV export an admin writes without the module: the plain paging loop, nested objects
# flattened with Select-Object calculated properties (the same columns the module writes), Export-Csv.
param([string] $uri, [string] $token, [string] $Path)
& (Join-Path $PSScriptRoot 'Export-CallLog.Baseline.ps1') -uri $uri -token $token |
    Select-Object id, sessionId, telephonySessionId, partyId, startTime, duration, durationMs, type, direction, action, result, reason,
        reasonDescription, transport, internalType,
        @{ n = 'fromPhoneNumber'; e = { $_.from.phoneNumber } },
        @{ n = 'fromExtensionNumber'; e = { $_.from.extensionNumber } },
        @{ n = 'fromExtensionId'; e = { $_.from.extensionId } },
        @{ n = 'fromName'; e = { $_.from.name } },
        @{ n = 'fromLocation'; e = { $_.from.location } },
        @{ n = 'toPhoneNumber'; e = { $_.to.phoneNumber } },
        @{ n = 'toExtensionNumber'; e = { $_.to.extensionNumber } },
        @{ n = 'toExtensionId'; e = { $_.to.extensionId } },
        @{ n = 'toName'; e = { $_.to.name } },
        @{ n = 'toLocation'; e = { $_.to.location } },
        @{ n = 'extensionId'; e = { $_.extension.id } },
        @{ n = 'delegateId'; e = { $_.delegate.id } },
        @{ n = 'delegateName'; e = { $_.delegate.name } },
        @{ n = 'recordingId'; e = { $_.recording.id } },
        @{ n = 'recordingType'; e = { $_.recording.type } },
        @{ n = 'recordingContentUri'; e = { $_.recording.contentUri } },
        shortRecording,
        @{ n = 'messageId'; e = { $_.message.id } },
        @{ n = 'messageType'; e = { $_.message.type } },
        deleted, uri |
    Export-Csv -Path $Path -NoTypeInformation
