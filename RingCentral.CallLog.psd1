@{
    RootModule             = 'RingCentral.CallLog.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '5b0c4f7e-2a0d-4d55-9b7e-6a1f3c2d8e41'
    Author                 = 'RingCentral.CallLog contributors'
    CompanyName            = 'Community'
    Copyright              = '(c) RingCentral.CallLog contributors. MIT License.'
    Description            = 'RingCentral call data for admins and scheduled scripts: active calls, call log records (simple and detailed, extension or whole account), batches by id, recording metadata and recordings, as typed objects that export cleanly to CSV. Paces itself by RingCentral''s rate limits, retries what can be retried, renews its tokens.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('RingCentral.CallLog.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-RcAccount'
        'Disconnect-RcAccount'
        'Get-RcConnection'
        'Get-RcCallLog'
        'Get-RcCallLogBatch'
        'Get-RcActiveCall'
        'Watch-RcCallEvent'
        'Get-RcRecording'
        'Save-RcRecording'
        'Get-RcRecordingPolicy'
        'Get-RcMessage'
        'Save-RcMessage'
        'Remove-RcMessage'
        'Test-RcArchive'
        'Export-RcMessageStore'
        'Test-RcRecordingArchive'
        'Remove-RcRecording'
        'Export-RcCallReport'
        'Complete-RcCheckpoint'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('RingCentral', 'CallLog', 'Telephony', 'Recordings', 'CSV', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            # Filled from CHANGELOG.md's section of ModuleVersion by build.ps1 (the notes are kept there only).
            ReleaseNotes = ''
        }
    }
}
