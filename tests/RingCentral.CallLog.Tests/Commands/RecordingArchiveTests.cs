using System.Management.Automation;
using System.Text.Json.Nodes;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// The archive against the simulator: sidecars and hashes, skip and resume by recording id with
/// templates that repeat names, Test-RcRecordingArchive, Remove-RcRecording, the retention policy,
/// and slow or stalled downloads. Each test takes its own slice of the recordings (sorted by id).
/// </summary>
public sealed class RecordingArchiveTests : RecordingArchiveScenario, IClassFixture<RecordingArchiveFixture>
{
    public RecordingArchiveTests(RecordingArchiveFixture fixture)
        : base(fixture, "rec-arch-")
    {
    }

    private Task<JsonNode> ResetStats() => Sim.Hook("stats/reset", new { });

    private async Task<List<JsonObject>> Deletes() =>
        (await Sim.Requests()).Where(r => (string)r["method"]! == "DELETE").ToList();

    /// <summary>Every row's file holds its own recording's bytes, and its sidecar names it.</summary>
    private async Task AssertEachFileIsItsRecordings(IEnumerable<PSObject> rows)
    {
        foreach (var row in rows)
        {
            var id = (string)Prop(row, "RecordingId")!;
            var path = (string)Prop(row, "Path")!;
            Assert.Equal(await Sim.TrueContent(id), File.ReadAllBytes(path));
            if (File.Exists(path + ".json"))
            {
                Assert.Equal(id, ContentSidecar.TryRead(path + ".json")!.RecordingId);
            }
        }
    }

    [Fact]
    public void The_fixture_has_a_recording_for_every_slice_the_tests_take()
    {
        var (count, errors, _) = Sim.InvokeConnected(All + "$all.Count");
        Assert.Empty(errors);
        Assert.True((int)count.Single().BaseObject >= 340, $"only {count.Single()} recordings");
    }

    [Fact]
    public async Task Each_file_gets_its_SHA256_and_a_sidecar_that_says_who_called_whom_when()
    {
        var (output, errors, _) = Sim.InvokeConnected(All + $"$records = {Slice(320, 3)}\n$records | Save-RcRecording -Path $Dir -PassThru\n$records");
        Assert.Empty(errors);
        var rows = output.Take(3).ToList();
        var records = output.Skip(3).Select(o => (CallLogRecord)o.BaseObject).ToList();
        foreach (var row in rows)
        {
            var record = records.Single(r => r.RecordingId == (string)Prop(row, "RecordingId")!);
            var path = (string)Prop(row, "Path")!;
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(Sha(bytes), Prop(row, "Sha256"));
            Assert.Equal(path + ".json", Prop(row, "SidecarPath"));
            var json = JsonNode.Parse(File.ReadAllText(path + ".json"))!;
            Assert.Equal(record.RecordingId, (string)json["recordingId"]!);
            Assert.Equal(record.RecordingType, (string?)json["recordingType"]);
            Assert.Equal(record.Id, (string)json["callLogId"]!);
            Assert.Equal(record.SessionId, (string?)json["sessionId"]);
            Assert.Equal(record.TelephonySessionId, (string?)json["telephonySessionId"]);
            Assert.Equal(record.StartTime, DateTimeOffset.Parse((string)json["startTime"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(record.Duration, (int?)json["duration"]);
            Assert.Equal(record.Direction, (string?)json["direction"]);
            Assert.Equal(record.FromPhoneNumber, (string?)json["from"]!["phoneNumber"]);
            Assert.Equal(record.FromName, (string?)json["from"]!["name"]);
            Assert.Equal(record.ToPhoneNumber, (string?)json["to"]!["phoneNumber"]);
            Assert.Equal(record.ToName, (string?)json["to"]!["name"]);
            Assert.Equal(record.ExtensionId, (string?)json["extensionId"]);
            Assert.Equal(Prop(row, "ContentType"), (string)json["contentType"]!);
            Assert.Equal(bytes.Length, (long)json["bytes"]!);
            Assert.Equal(Sha(bytes), (string)json["sha256"]!);
            Assert.Equal(Sim.Info.Url, (string)json["server"]!);
            Assert.StartsWith(Sim.Info.MediaUrl, (string)json["contentUri"]!, StringComparison.Ordinal);
            Assert.NotNull(json["downloadedAt"]);
            Assert.NotNull(json["moduleVersion"]);
        }

        // A rerun skips them and reports the hash their sidecars record.
        (output, errors, _) = Sim.InvokeConnected(All + $"{Slice(320, 3)} | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(errors);
        Assert.All(output, o => Assert.Equal("Skipped", Prop(o, "Status")));
        Assert.Equal(rows.ToDictionary(r => Prop(r, "RecordingId")!, r => Prop(r, "Sha256")), output.ToDictionary(r => Prop(r, "RecordingId")!, r => Prop(r, "Sha256")));

        // -NoSidecar: no sidecar, the hash still reported.
        var plain = Path.Combine(Dir, "plain");
        Sim.Runspace.SessionStateProxy.SetVariable("Plain", plain);
        (output, _, _) = Sim.InvokeConnected(All + $"{Slice(320, 1)} | Save-RcRecording -Path $Plain -NoSidecar -PassThru");
        Assert.Null(Prop(output.Single(), "SidecarPath"));
        Assert.Equal(Sha(File.ReadAllBytes((string)Prop(output.Single(), "Path")!)), Prop(output.Single(), "Sha256"));
        Assert.Single(Directory.GetFiles(plain));
    }

    [Fact]
    public async Task A_template_that_repeats_a_name_never_skips_or_corrupts_the_wrong_recording_across_two_runs()
    {
        // Run 1 saves A (three recordings), run 2 saves B (three others) under the same template: every
        // name is taken by then, by another recording's file.
        var template = "-FileNameTemplate 'same'";
        var (first, errors, _) = Sim.InvokeConnected(All + $"{Slice(270, 3)} | Save-RcRecording -Path $Dir {template} -PassThru");
        Assert.Empty(errors);
        Assert.All(first, o => Assert.Equal("Downloaded", Prop(o, "Status")));
        var (second, errors2, _) = Sim.InvokeConnected(All + $"{Slice(273, 3)} | Save-RcRecording -Path $Dir {template} -PassThru");
        Assert.Empty(errors2);
        Assert.All(second, o => Assert.Equal("Downloaded", Prop(o, "Status")));
        await AssertEachFileIsItsRecordings(first.Concat(second));
        Assert.Equal(6, first.Concat(second).Select(o => (string)Prop(o, "Path")!).Distinct().Count());

        // Run 3 in reverse order: each one skipped, with its own file.
        var (third, errors3, _) = Sim.InvokeConnected(All + $"$x = {Slice(270, 6)}; [array]::Reverse($x); $x | Save-RcRecording -Path $Dir {template} -PassThru");
        Assert.Empty(errors3);
        Assert.All(third, o => Assert.Equal("Skipped", Prop(o, "Status")));
        await AssertEachFileIsItsRecordings(third);
        Assert.Equal(
            first.Concat(second).ToDictionary(o => (string)Prop(o, "RecordingId")!, o => (string)Prop(o, "Path")!),
            third.ToDictionary(o => (string)Prop(o, "RecordingId")!, o => (string)Prop(o, "Path")!));
    }

    [Fact]
    public async Task A_long_template_cut_to_150_characters_gets_the_recording_id_back_and_is_skipped_right_next_time()
    {
        var template = $"-FileNameTemplate '{new string('x', 160)}{{RecordingId}}'";
        var (first, errors, _) = Sim.InvokeConnected(All + $"{Slice(280, 3)} | Save-RcRecording -Path $Dir {template} -PassThru");
        Assert.Empty(errors);
        // One keeps the cut name (its sidecar says whose it is); the others get "_<RecordingId>" within the bound.
        Assert.Equal(2, first.Count(o => Path.GetFileNameWithoutExtension((string)Prop(o, "Path")!).EndsWith("_" + Prop(o, "RecordingId"), StringComparison.Ordinal)));
        Assert.All(first, o => Assert.True(Path.GetFileNameWithoutExtension((string)Prop(o, "Path")!).Length <= ContentFileNamer.MaxNameLength));
        var (again, _, _) = Sim.InvokeConnected(All + $"$x = {Slice(280, 3)}; [array]::Reverse($x); $x | Save-RcRecording -Path $Dir {template} -PassThru");
        Assert.All(again, o => Assert.Equal("Skipped", Prop(o, "Status")));
        await AssertEachFileIsItsRecordings(again);
    }

    [Fact]
    public async Task Without_sidecars_a_file_whose_name_does_not_carry_the_id_is_not_taken_for_this_recording()
    {
        var template = "-FileNameTemplate 'same' -NoSidecar";
        var (first, _, _) = Sim.InvokeConnected(All + $"{Slice(285, 2)} | Save-RcRecording -Path $Dir {template} -PassThru");
        var (second, errors, _) = Sim.InvokeConnected(All + $"$x = {Slice(285, 2)}; [array]::Reverse($x); $x | Save-RcRecording -Path $Dir {template} -PassThru");
        Assert.Empty(errors);
        // The file named 'same' cannot be shown to be either recording's: it is downloaded again elsewhere, never reported as someone else's.
        var suffixed = first.Single(o => Path.GetFileNameWithoutExtension((string)Prop(o, "Path")!) == "same_" + Prop(o, "RecordingId"));
        var plain = first.Single(o => o != suffixed);
        Assert.Equal("same", Path.GetFileNameWithoutExtension((string)Prop(plain, "Path")!));
        Assert.Equal("Skipped", Prop(second.Single(o => Equals(Prop(o, "RecordingId"), Prop(suffixed, "RecordingId"))), "Status")); // its name carries its id
        var again = second.Single(o => Equals(Prop(o, "RecordingId"), Prop(plain, "RecordingId")));
        Assert.Equal("Downloaded", Prop(again, "Status")); // 'same' cannot be shown to be its file
        Assert.NotEqual(Prop(plain, "Path"), Prop(again, "Path"));
        await AssertEachFileIsItsRecordings(first.Concat(second));
    }

    [Fact]
    public async Task A_partial_of_another_recording_is_neither_resumed_nor_touched()
    {
        var (ids, _, _) = Sim.InvokeConnected(All + $"{Slice(290, 2)}.RecordingId");
        var (a, b) = ((string)ids[0].BaseObject, (string)ids[1].BaseObject);
        Directory.CreateDirectory(Dir);
        var aBytes = (await Sim.TrueContent(a))[..10_000];
        var partial = Path.Combine(Dir, "same.mp3.partial");
        var wav = Path.Combine(Dir, "same.wav.partial");
        File.WriteAllBytes(partial, aBytes);
        new ContentSidecar { RecordingId = a, ETag = "\"whatever\"" }.Write(partial + ".json");
        File.Copy(partial, wav);
        File.Copy(partial + ".json", wav + ".json");
        var (rows, errors, _) = Sim.InvokeConnected(All + $"{Slice(291, 1)} | Save-RcRecording -Path $Dir -FileNameTemplate 'same' -PassThru");
        Assert.Empty(errors);
        Assert.Equal(b, Prop(rows.Single(), "RecordingId"));
        Assert.EndsWith("same_" + b, Path.GetFileNameWithoutExtension((string)Prop(rows.Single(), "Path")!), StringComparison.Ordinal);
        await AssertEachFileIsItsRecordings(rows);
        Assert.Equal(aBytes, File.ReadAllBytes(partial));
        Assert.Equal(aBytes, File.ReadAllBytes(wav));
    }

    [Fact]
    public void An_id_that_cannot_be_a_recording_id_still_gets_its_Failed_row()
    {
        var (rows, errors, _) = Sim.InvokeConnected(All +
            "$good = $all[310]\n" +
            "$bad = [pscustomobject]@{ RecordingId = \"../../evil:rec`u{1}x\"; CallLogId = 'C1'; StartTime = (Get-Date) }\n" +
            "@($good, $bad) | Save-RcRecording -Path $Dir -PassThru");
        Assert.Equal(2, rows.Count);
        var failed = rows.Single(o => (string)Prop(o, "Status")! == "Failed");
        Assert.Equal("../../evil:rec?x", Prop(failed, "RecordingId"));
        Assert.Equal("C1", Prop(failed, "CallLogId"));
        Assert.Contains("cannot be a recording id", (string)Prop(failed, "Error")!, StringComparison.Ordinal);
        Assert.Single(errors);
        Assert.Equal("Downloaded", Prop(rows.Single(o => o != failed), "Status"));
    }

    [Fact]
    public void Test_RcRecordingArchive_tells_Ok_Corrupt_Missing_NoSidecar_and_Incomplete_apart()
    {
        var (rows, errors, _) = Sim.InvokeConnected(All + $"{Slice(300, 4)} | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(errors);
        var paths = rows.Select(r => (string)Prop(r, "Path")!).ToList();
        var flipped = File.ReadAllBytes(paths[0]);
        flipped[flipped.Length / 2] ^= 0x01;
        File.WriteAllBytes(paths[0], flipped);
        File.Delete(paths[1]);
        File.Copy(paths[2], Path.Combine(Dir, "stray.mp3"));
        File.Move(paths[3], paths[3] + ".partial");
        File.Move(paths[3] + ".json", paths[3] + ".partial.json");
        var sub = Directory.CreateDirectory(Path.Combine(Dir, "day2")).FullName;
        File.Copy(paths[2], Path.Combine(sub, "deep.mp3"));

        var (entries, errors2, verbose) = Sim.InvokeConnected("Test-RcRecordingArchive -Path $Dir -Verbose");
        Assert.Empty(errors2);
        var byStatus = entries.Select(e => (RecordingArchiveEntry)e.BaseObject).ToLookup(e => e.Status);
        Assert.Equal(paths[0], byStatus["Corrupt"].Single().Path);
        Assert.Equal(Prop(rows[0], "RecordingId"), byStatus["Corrupt"].Single().RecordingId);
        Assert.Equal(paths[1], byStatus["Missing"].Single().Path);
        Assert.Equal(paths[2], byStatus["Ok"].Single().Path);
        Assert.Equal(Prop(rows[2], "Sha256"), byStatus["Ok"].Single().Sha256);
        Assert.Equal(Path.Combine(Dir, "stray.mp3"), byStatus["NoSidecar"].Single().Path);
        Assert.Equal(Prop(rows[3], "RecordingId"), byStatus["Incomplete"].Single().RecordingId);
        Assert.Equal(5, entries.Count);
        Assert.Contains(verbose, v => v.Contains("5 recording(s)", StringComparison.Ordinal) && v.Contains("1 Corrupt", StringComparison.Ordinal));

        var (deep, _, _) = Sim.InvokeConnected("Test-RcRecordingArchive -Path $Dir -Recurse");
        Assert.Equal(6, deep.Count);
        var (bad, badErrors, _) = Sim.InvokeConnected("Test-RcRecordingArchive -Path (Join-Path $Dir 'nope')");
        Assert.Empty(bad);
        Assert.Contains("Path", Assert.Single(badErrors).Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_RcRecordingArchive_checks_a_manifest_row_by_row()
    {
        var manifest = Path.Combine(Dir, "manifest.csv");
        Sim.Runspace.SessionStateProxy.SetVariable("Manifest", manifest);
        var (_, errors, _) = Sim.InvokeConnected(All +
            $"$rows = @({Slice(330, 3)} | Save-RcRecording -Path $Dir -PassThru)\n" +
            "$rows += [pscustomobject]@{ RecordingId = '1'; Status = 'Failed'; Error = 'not found'; Path = $null }\n" +
            "$rows | Export-Csv $Manifest -NoTypeInformation");
        Assert.Empty(errors);
        var recording = Directory.GetFiles(Dir, "*.mp3").Concat(Directory.GetFiles(Dir, "*.wav")).First();
        File.Delete(recording + ".json"); // the manifest's Sha256 still knows it
        var bytes = File.ReadAllBytes(recording);
        bytes[0] ^= 0xFF;
        File.WriteAllBytes(recording, bytes);

        var (entries, errors2, _) = Sim.InvokeConnected("Test-RcRecordingArchive -Manifest $Manifest");
        Assert.Empty(errors2);
        var list = entries.Select(e => (RecordingArchiveEntry)e.BaseObject).ToList();
        Assert.Equal(4, list.Count);
        Assert.Equal("Corrupt", list.Single(e => e.Path == recording).Status);
        Assert.Equal(2, list.Count(e => e.Status == "Ok"));
        Assert.Equal("Missing", list.Single(e => e.RecordingId == "1").Status);
    }

    [Fact]
    public async Task Two_hundred_thirty_verified_rows_go_out_as_three_requests()
    {
        // Local copies with sidecars (the content does not matter to the check, only that it verifies).
        var (ids, _, _) = Sim.InvokeConnected(All + $"{Slice(0, 230)}.RecordingId");
        Assert.Equal(230, ids.Count);
        Directory.CreateDirectory(Dir);
        var rows = ids.Select(i => (string)i.BaseObject).Select(id =>
        {
            var file = Path.Combine(Dir, id + ".mp3");
            var content = System.Text.Encoding.ASCII.GetBytes("copy of " + id);
            File.WriteAllBytes(file, content);
            new ContentSidecar { RecordingId = id, Bytes = content.Length, Sha256 = Sha(content) }.Write(file + ".json");
            return PSObject.AsPSObject(new { RecordingId = id, Path = file });
        }).ToArray();

        await ResetStats();
        Sim.Runspace.SessionStateProxy.SetVariable("Rows", rows);
        var (removed, errors, _) = Sim.InvokeConnected("$Rows | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.Empty(errors);
        Assert.Equal(230, removed.Count);
        Assert.All(removed, r => Assert.Equal("Deleted", Prop(r, "Status")));
        var deletes = await Deletes();
        Assert.Equal(3, deletes.Count);
        Assert.All(deletes, d => Assert.Equal(204, (int)d["status"]!));
        Assert.All(deletes, d => Assert.Equal("heavy", (string?)d["group"]));
        var (_, gone, _) = Sim.InvokeConnected("$Rows | Get-RcRecording");
        Assert.Equal(230, gone.Count);
        Assert.All(gone, e => Assert.Equal("RecordingNotFound", e.FullyQualifiedErrorId.Split(',')[0]));
    }

    [Fact]
    public async Task An_unknown_id_in_a_batch_fails_alone_and_the_others_are_still_deleted()
    {
        var (rows, _, _) = Sim.InvokeConnected(All + $"{Slice(258, 2)} | Save-RcRecording -Path $Dir -PassThru");
        var fake = Path.Combine(Dir, "999999999.mp3");
        File.WriteAllBytes(fake, new byte[] { 1, 2, 3 });
        new ContentSidecar { RecordingId = "999999999", Bytes = 3, Sha256 = Sha(new byte[] { 1, 2, 3 }) }.Write(fake + ".json");
        await ResetStats();
        Sim.Runspace.SessionStateProxy.SetVariable("Rows", rows.Append(PSObject.AsPSObject(new { RecordingId = "999999999", Path = fake })).ToArray());
        var (removed, errors, _) = Sim.InvokeConnected("$Rows | Remove-RcRecording -Confirm:$false -PassThru");
        var error = Assert.Single(errors);
        Assert.Equal("RecordingNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("999999999", error.TargetObject);
        Assert.Equal(new[] { "Deleted", "Deleted", "Failed" }, removed.Select(r => (string)Prop(r, "Status")!));
        Assert.Equal(4, (await Deletes()).Count); // the batch (404), then one by one
        Assert.False(await ExistsOnServer((string)Prop(rows[0], "RecordingId")!));
    }

    [Fact]
    public async Task Without_the_permission_the_403_stops_the_command_and_names_EditCompanyCallRecordings()
    {
        var (rows, _, _) = Sim.InvokeConnected(All + $"{Slice(255, 2)} | Save-RcRecording -Path $Dir -PassThru");
        Sim.Runspace.SessionStateProxy.SetVariable("Rows", rows.ToArray());
        var (_, errors, _) = Sim.InvokeConnected("Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $UserJwt\n$Rows | Remove-RcRecording -Confirm:$false");
        var error = Assert.Single(errors);
        Assert.Equal("RingCentralPermissionDenied", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("EditCompanyCallRecordings", error.Exception.Message + error.ErrorDetails?.Message, StringComparison.Ordinal);
        Assert.True(await ExistsOnServer((string)Prop(rows[0], "RecordingId")!));
    }

    [Fact]
    public async Task A_rate_limit_that_outlasts_the_retries_stops_the_command_before_the_next_batch()
    {
        // 230 ids are three requests; the first answers 429 and no retry is allowed. The ids need not
        // exist: the simulator answers 429 before it reads them.
        await ResetStats();
        await Sim.HookAsync("faults", """{"kind":"status","status":429,"path":"/call-recordings","count":3,"retryAfter":1}""");
        try
        {
            var (_, errors, _) = Sim.InvokeConnected("1..230 | ForEach-Object { [string](900000000 + $_) } | Remove-RcRecording -SkipVerification -Confirm:$false", maxRetries: 0);
            var error = Assert.Single(errors);
            Assert.Equal("RingCentralRateLimitExceeded", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Single(await Deletes());
        }
        finally
        {
            await Sim.Hook("faults", method: HttpMethod.Delete);
        }
    }

    [Fact]
    public void Save_RcRecording_warns_once_per_run_of_recordings_near_the_end_of_their_retention()
    {
        // The fixture's policy keeps recordings 10 days; the warning names it. (Get-RcRecordingPolicy itself: tests/pester/Archive.Tests.ps1.)
        // Calls of 4 or more days ago end their 10-day retention within 7 days; -WhatIf downloads nothing.
        using var ps = PowerShell.Create();
        ps.Runspace = Sim.Runspace;
        ps.AddScript("Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt\n" +
            "Get-RcCallLog -Account -RecordingType All -DateFrom (Get-Date).AddDays(-6) -DateTo (Get-Date).AddDays(-4) -First 20 | Save-RcRecording -Path $Dir -WhatIf");
        ps.Invoke();
        var warning = Assert.Single(ps.Streams.Warning);
        Assert.Contains("10-day retention", warning.Message, StringComparison.Ordinal);

        using var recent = PowerShell.Create();
        recent.Runspace = Sim.Runspace;
        recent.AddScript("Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt\n" +
            "Get-RcCallLog -Account -RecordingType All -DateFrom (Get-Date).AddDays(-1) -First 20 | Save-RcRecording -Path $Dir -WhatIf");
        recent.Invoke();
        Assert.Empty(recent.Streams.Warning);
    }

    [Fact]
    public async Task A_slow_download_longer_than_the_stall_timeout_completes_and_a_stalled_one_fails_as_RequestTimeout_then_resumes()
    {
        const string connect = "Connect-RcAccount -Server $SimUrl -ClientId $SimClientId -ClientSecret $SimSecret -Jwt $AdminJwt -MaxRetryCount 1 -RetryBackoffSeconds 0.05 -StallTimeoutSeconds 1\n";
        // The body goes out in 8 KiB chunks, 400 ms apart: never 1 s without a byte.
        await Sim.HookAsync("faults", """{"kind":"slow-body","path":"/content","count":1,"delayMs":400}""");
        var (slow, errors, _) = Sim.InvokeConnected(All + connect + $"{Slice(315, 1)} | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(errors);
        Assert.Equal("Downloaded", Prop(slow.Single(), "Status"));
        // More than four chunks means at least four 400 ms pauses: the body outlasted the 1 s stall
        // timeout by construction (a pause never ends early), so no clock is needed to know it.
        var size = new FileInfo((string)Prop(slow.Single(), "Path")!).Length;
        Assert.True(size > 4 * 8192, $"{size} bytes: too short to outlast the stall timeout, the test would mean nothing");
        await AssertEachFileIsItsRecordings(slow);

        await Sim.HookAsync("faults", """{"kind":"stall-body","path":"/content","count":5,"delayMs":20000}""");
        var (stalled, errors2, _) = Sim.InvokeConnected(All + connect + $"{Slice(316, 1)} | Save-RcRecording -Path $Dir -PassThru");
        var error = Assert.Single(errors2);
        Assert.Equal("RingCentralRequestTimeout", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("Failed", Prop(stalled.Single(), "Status"));
        var partial = Assert.Single(Directory.GetFiles(Dir, "*.partial"));
        Assert.True(new FileInfo(partial).Length > 0);

        await Sim.Hook("faults", null, HttpMethod.Delete);
        await ResetStats();
        var (resumed, errors3, _) = Sim.InvokeConnected(All + connect + $"{Slice(316, 1)} | Save-RcRecording -Path $Dir -PassThru");
        Assert.Empty(errors3);
        Assert.Equal("Downloaded", Prop(resumed.Single(), "Status"));
        var content = (await Sim.Requests()).Single(r => ((string)r["path"]!).EndsWith("/content", StringComparison.Ordinal));
        Assert.StartsWith("bytes=", (string?)content["range"], StringComparison.Ordinal);
        await AssertEachFileIsItsRecordings(resumed);
        Assert.Equal(Sha(File.ReadAllBytes((string)Prop(resumed.Single(), "Path")!)), Prop(resumed.Single(), "Sha256"));
    }
}
