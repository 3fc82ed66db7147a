using System.Management.Automation;
using System.Text.Json.Nodes;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Commands;

/// <summary>
/// Tries to break what the help of Remove-RcRecording and Test-RcRecordingArchive promises: nothing
/// is deleted on RingCentral that is not proven on disk at that moment against the hash recorded at
/// download. Each test damages the archive the way the world does (a flipped byte, a zero overwrite
/// after the check, an edited or incomplete sidecar, a link swapped in) and counts the DELETEs the
/// simulator received. Each test takes its own slice of the recordings (sorted by id).
/// </summary>
public sealed class RecordingPurgePromiseTests : RecordingArchiveScenario, IClassFixture<RecordingArchiveFixture>
{
    public RecordingPurgePromiseTests(RecordingArchiveFixture fixture)
        : base(fixture, "rec-purge-")
    {
    }

    private async Task<int> DeleteCount() =>
        (await Sim.Requests()).Count(r => (string)r["method"]! == "DELETE");

    /// <summary>Saves a slice and returns its rows; with a manifest path, also exports them as the README does.</summary>
    private List<PSObject> Save(int from, int count, string options = "", string? manifest = null)
    {
        var export = manifest is null ? string.Empty : $" | Tee-Object -Variable rows | Export-Csv '{manifest}' -NoTypeInformation\n$rows";
        var (rows, errors, _) = Sim.InvokeConnected(All + $"{Slice(from, count)} | Save-RcRecording -Path $Dir -PassThru {options}{export}");
        Assert.Empty(errors);
        Assert.Equal(count, rows.Count);
        Assert.All(rows, r => Assert.Equal("Downloaded", Prop(r, "Status")));
        return rows.ToList();
    }

    private static void FlipTwoBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 3] ^= 0x5A;
        bytes[bytes.Length / 2] ^= 0xA5;
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public async Task A_manifest_without_sidecars_and_a_file_with_two_flipped_bytes_sends_no_DELETE()
    {
        var manifest = Path.Combine(Dir, "m.csv");
        Directory.CreateDirectory(Dir);
        var rows = Save(0, 2, "-NoSidecar", manifest);
        var damaged = (string)Prop(rows[0], "Path")!;
        var recorded = (string)Prop(rows[0], "Sha256")!;
        FlipTwoBytes(damaged);
        await Sim.Hook("stats/reset", new { });

        var (removed, errors, _) = Sim.InvokeConnected($"Test-RcRecordingArchive -Manifest '{manifest}' | Tee-Object -Variable entries | Remove-RcRecording -Confirm:$false -PassThru\n'---'\n$entries");
        var split = removed.ToList().FindIndex(o => "---".Equals(o.BaseObject));
        var entries = removed.Skip(split + 1).ToList();
        Assert.Equal("Refused", Prop(removed.Take(split).Single(r => (string)Prop(r, "Path")! == damaged), "Status"));
        Assert.Contains(errors, e => e.FullyQualifiedErrorId.StartsWith("RecordingVerificationFailed", StringComparison.Ordinal));
        Assert.True(await ExistsOnServer((string)Prop(rows[0], "RecordingId")!));
        Assert.Equal(1, await DeleteCount()); // the intact one only
        var corrupt = entries.Single(e => (string)Prop(e, "Path")! == damaged);
        Assert.Equal("Corrupt", Prop(corrupt, "Status"));
        Assert.Equal(recorded, Prop(corrupt, "Sha256"));                          // the reference: recorded at download
        Assert.Equal(Sha(File.ReadAllBytes(damaged)), Prop(corrupt, "ActualSha256")); // the file as it is now
    }

    [Fact]
    public async Task A_sidecar_edited_to_match_a_damaged_file_does_not_win_over_the_manifest()
    {
        var manifest = Path.Combine(Dir, "m.csv");
        Directory.CreateDirectory(Dir);
        var row = Save(10, 1, manifest: manifest).Single();
        var path = (string)Prop(row, "Path")!;
        FlipTwoBytes(path);
        var sidecar = JsonNode.Parse(File.ReadAllText(path + ".json"))!;
        sidecar["sha256"] = Sha(File.ReadAllBytes(path));
        File.WriteAllText(path + ".json", sidecar.ToJsonString());
        await Sim.Hook("stats/reset", new { });

        var (entries, _, _) = Sim.InvokeConnected($"Test-RcRecordingArchive -Manifest '{manifest}'");
        Assert.Equal("Corrupt", Prop(entries.Single(), "Status"));
        var (removed, errors, _) = Sim.InvokeConnected($"Test-RcRecordingArchive -Manifest '{manifest}' | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.Equal("Refused", Prop(removed.Single(), "Status"));
        (removed, _, _) = Sim.InvokeConnected($"Import-Csv '{manifest}' | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.Equal("Refused", Prop(removed.Single(), "Status"));
        Assert.Equal(0, await DeleteCount());
        Assert.True(await ExistsOnServer((string)Prop(row, "RecordingId")!));
    }

    [Fact]
    public async Task A_sidecar_without_sha256_or_unreadable_is_listed_Corrupt_and_never_trusted()
    {
        var rows = Save(20, 2);
        var noHash = (string)Prop(rows[0], "Path")!;
        var sidecar = JsonNode.Parse(File.ReadAllText(noHash + ".json"))!.AsObject();
        sidecar.Remove("sha256");
        File.WriteAllText(noHash + ".json", sidecar.ToJsonString());
        var garbled = (string)Prop(rows[1], "Path")!;
        File.WriteAllText(garbled + ".json", "{\"recordingId\": ");
        await Sim.Hook("stats/reset", new { });

        var (entries, errors, _) = Sim.InvokeConnected("Test-RcRecordingArchive -Path $Dir");
        Assert.Empty(errors);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("Corrupt", Prop(e, "Status")));
        Assert.Contains("sha256", (string)Prop(entries.Single(e => (string)Prop(e, "Path")! == noHash), "Detail")!, StringComparison.Ordinal);

        // The file's own hash given with it must not stand in for the missing recorded one.
        Sim.Runspace.SessionStateProxy.SetVariable("Rows", rows.Select(r => PSObject.AsPSObject(new
        {
            RecordingId = (string)Prop(r, "RecordingId")!,
            Path = (string)Prop(r, "Path")!,
            Sha256 = Sha(File.ReadAllBytes((string)Prop(r, "Path")!)),
        })).ToArray());
        var (removed, _, _) = Sim.InvokeConnected("$Rows | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.All(removed, r => Assert.Equal("Refused", Prop(r, "Status")));
        Assert.Equal(0, await DeleteCount());
    }

    [Fact]
    public async Task A_file_overwritten_with_zeros_at_the_same_size_after_verification_is_not_deleted()
    {
        var row = Save(30, 1).Single();
        Sim.Runspace.SessionStateProxy.SetVariable("Row", row);
        await Sim.Hook("stats/reset", new { });

        // Remove-RcRecording verifies the row as it arrives; the script then zeroes the file before
        // the pipeline ends, which is when the batch goes out.
        var (removed, errors, _) = Sim.InvokeConnected(
            "& { $Row; [IO.File]::WriteAllBytes($Row.Path, [byte[]]::new($Row.Bytes)) } | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.Equal("Refused", Prop(removed.Single(), "Status"));
        Assert.Single(errors);
        Assert.Equal(0, await DeleteCount());
        Assert.True(await ExistsOnServer((string)Prop(row, "RecordingId")!));
    }

    [Fact]
    public async Task A_symlink_to_other_bytes_swapped_in_after_verification_is_not_deleted()
    {
        var row = Save(40, 1).Single();
        var path = (string)Prop(row, "Path")!;
        var other = Path.Combine(Dir, "elsewhere.bin");
        var bytes = File.ReadAllBytes(path);
        Array.Reverse(bytes);
        File.WriteAllBytes(other, bytes);
        Sim.Runspace.SessionStateProxy.SetVariable("Row", row);
        Sim.Runspace.SessionStateProxy.SetVariable("Other", other);
        await Sim.Hook("stats/reset", new { });

        var (removed, _, _) = Sim.InvokeConnected(
            "& { $Row; Remove-Item -LiteralPath $Row.Path; [void](New-Item -ItemType SymbolicLink -Path $Row.Path -Target $Other) } | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.True(new FileInfo(path).LinkTarget is not null, "the test swapped a link in");
        Assert.Equal("Refused", Prop(removed.Single(), "Status"));
        Assert.Equal(0, await DeleteCount());
    }

    [Theory]
    [InlineData("Corrupt")]
    [InlineData("Missing")]
    [InlineData("NoSidecar")]
    [InlineData("Incomplete")]
    [InlineData("Failed")]
    public async Task An_input_whose_Status_says_it_is_not_good_is_refused_even_when_its_file_verifies(string status)
    {
        var from = 50 + (Array.IndexOf(new[] { "Corrupt", "Missing", "NoSidecar", "Incomplete", "Failed" }, status) * 2);
        var row = Save(from, 1).Single();
        Sim.Runspace.SessionStateProxy.SetVariable("Row", row);
        await Sim.Hook("stats/reset", new { });

        var (removed, errors, _) = Sim.InvokeConnected(
            $"$Row | Select-Object RecordingId, Path, Sha256, @{{ n = 'Status'; e = {{ '{status}' }} }} | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.Equal("Refused", Prop(removed.Single(), "Status"));
        Assert.Contains(status, Assert.Single(errors).Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, await DeleteCount());
    }

    [Fact]
    public async Task A_row_whose_Status_is_Downloaded_Skipped_or_Ok_is_deleted_once_its_file_verifies()
    {
        var rows = Save(70, 3);
        Sim.Runspace.SessionStateProxy.SetVariable("Rows", rows.ToArray());
        await Sim.Hook("stats/reset", new { });
        var (removed, errors, _) = Sim.InvokeConnected(
            "$statuses = 'Downloaded', 'Skipped', 'Ok'; $i = 0\n" +
            "$Rows | Select-Object RecordingId, Path, Sha256, @{ n = 'Status'; e = { $statuses[$script:i++] } } | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.Empty(errors);
        Assert.All(removed, r => Assert.Equal("Deleted", Prop(r, "Status")));
        Assert.Equal(1, await DeleteCount());
    }

    [Fact]
    public async Task A_DELETE_answered_200_with_an_error_body_is_reported_as_what_the_server_did()
    {
        var row = Save(80, 1).Single();
        Sim.Runspace.SessionStateProxy.SetVariable("Row", row);
        await Sim.Hook("stats/reset", new { });
        await Sim.HookAsync("faults", """{"kind":"body","status":200,"path":"/call-recordings","count":1,"body":"{\"errorCode\":\"CMN-201\",\"message\":\"Service Temporary Unavailable\"}"}""");
        try
        {
            var (removed, _, _) = Sim.InvokeConnected("$Row | Remove-RcRecording -Confirm:$false -PassThru", maxRetries: 0);
            var recordingId = (string)Prop(row, "RecordingId")!;
            var stillThere = await ExistsOnServer(recordingId);

            // A 200 whose body is RingCentral's error text is no deletion: whatever the command says, it must match what the server did.
            Assert.Equal(stillThere ? "Failed" : "Deleted", Prop(removed.Single(), "Status"));
        }
        finally
        {
            await Sim.Hook("faults", method: HttpMethod.Delete);
        }
    }

    [Fact]
    public async Task A_DELETE_whose_connection_is_cut_before_any_answer_is_Failed_and_the_recording_stays()
    {
        var row = Save(90, 1).Single();
        Sim.Runspace.SessionStateProxy.SetVariable("Row", row);
        await Sim.HookAsync("faults", """{"kind":"reset","path":"/call-recordings","count":1}""");
        try
        {
            var (removed, errors, _) = Sim.InvokeConnected("$Row | Remove-RcRecording -Confirm:$false -PassThru", maxRetries: 0);
            Assert.Equal("Failed", Prop(removed.Single(), "Status"));
            Assert.Single(errors);
            Assert.True(await ExistsOnServer((string)Prop(row, "RecordingId")!));
        }
        finally
        {
            await Sim.Hook("faults", method: HttpMethod.Delete);
        }
    }

    [Fact]
    public async Task A_WAV_cut_before_its_hash_was_recorded_is_Corrupt_and_never_deleted()
    {
        // An archive saved by a version that did not check a WAV's own length: the body was cut, and
        // the sidecar recorded the cut file's size and hash, so size and hash agree with it.
        Directory.CreateDirectory(Dir);
        var row = Save(100, 8).First(r => ((string)Prop(r, "Path")!).EndsWith(".wav", StringComparison.Ordinal));
        var path = (string)Prop(row, "Path")!;
        var cut = File.ReadAllBytes(path).AsSpan(0, 30_000).ToArray();
        File.WriteAllBytes(path, cut);
        var sidecar = JsonNode.Parse(File.ReadAllText(path + ".json"))!;
        sidecar["bytes"] = cut.Length;
        sidecar["sha256"] = Sha(cut);
        File.WriteAllText(path + ".json", sidecar.ToJsonString());
        await Sim.Hook("stats/reset", new { });

        var (entries, errors, _) = Sim.InvokeConnected("Test-RcRecordingArchive -Path $Dir");
        Assert.Empty(errors);
        var entry = entries.Single(e => (string)Prop(e, "Path")! == path);
        Assert.Equal("Corrupt", Prop(entry, "Status"));
        Assert.Contains("WAV", (string)Prop(entry, "Detail")!, StringComparison.Ordinal);

        var (removed, _, _) = Sim.InvokeConnected("Test-RcRecordingArchive -Path $Dir | Remove-RcRecording -Confirm:$false -PassThru");
        Assert.Equal("Refused", Prop(removed.Single(r => (string)Prop(r, "RecordingId")! == (string)Prop(row, "RecordingId")!), "Status"));
        Assert.True(await ExistsOnServer((string)Prop(row, "RecordingId")!));
    }
}
