import QtQuick
import QtTest
import Vigil.Ui

// The root Item is what the test window shows; TestCase itself is not a visible item.
Item {
    id: root
    width: 600
    height: 320

TestCase {
    id: testCase
    name: "BedTile"
    when: windowShown

    Component {
        id: tileComponent
        BedTile {
            width: 480
            height: 250
        }
    }
    SignalSpy { id: openedSpy; signalName: "opened" }

    function model(overrides) {
        const now = new Date();
        const m = {
            label: "Bed 07", patientName: "Doe, Jane", patientId: "MRN123", noData: false,
            waves: ["ecg_ii", "pleth", "resp"], conditions: "",
            hr: 72, hrStale: false, hrTime: now, spo2: 97, spo2Stale: false, spo2Time: now,
            pulse: 71, pulseStale: false, pulseTime: now, rr: 16, rrStale: false, rrTime: now,
            temp: 36.84, tempStale: false, tempTime: now, etco2: NaN, etco2Stale: true, etco2Time: undefined,
            nibp_sys: 118, nibp_dia: 74, nibp_mean: 89, nibp_sysStale: false, nibp_sysTime: new Date(2026, 10, 22, 9, 41),
            abp_sys: NaN, abp_dia: NaN, abp_mean: NaN, abp_sysStale: true
        };
        for (const k in overrides)
            m[k] = overrides[k];
        return m;
    }
    function make(overrides) {
        const tile = createTemporaryObject(tileComponent, root, { model: model(overrides || {}), index: 0 });
        verify(tile !== null);
        return tile;
    }

    function test_headerShowsBedAndPatient() {
        const tile = make();
        compare(findChild(tile, "bedLabel").text, "Bed 07");
        verify(findChild(tile, "patient").text.indexOf("Doe, Jane") >= 0);
        verify(findChild(tile, "patient").text.indexOf("MRN123") >= 0);
    }

    // On a narrow tile an incomplete NEWS2 leaves the header to the patient's name; a complete one shows.
    function test_narrowTileShowsOnlyCompleteNews() {
        const tile = createTemporaryObject(tileComponent, root, { width: 230, height: 190, index: 0,
            model: model({ newsTotal: 3, newsComplete: false, patientName: "Fernsby, Arthur" }) });
        verify(tile !== null);
        const badge = findChild(tile, "newsBadge");
        verify(!badge.visible);
        compare(badge.width, 0);
        const wide = make({ newsTotal: 3, newsComplete: false });
        verify(findChild(wide, "newsBadge").visible);
        compare(findChild(wide, "newsText").text, "NEWS2 incomplete");
        const scored = createTemporaryObject(tileComponent, root, { width: 230, height: 190, index: 0,
            model: model({ newsTotal: 5, newsComplete: true, newsResponse: 3, newsTrend: 1 }) });
        const b = findChild(scored, "newsBadge");
        verify(b.visible);
        compare(findChild(scored, "newsText").text, "NEWS 5\u2191");
    }

    function test_currentValuesWithUnitsAndDecimals() {
        const tile = make();
        compare(findChild(tile, "value_hr").text, "72");
        compare(findChild(tile, "value_spo2").text, "97");
        compare(findChild(tile, "value_temp").text, "36.8");
        compare(findChild(tile, "value_nibp").text, "118/74 (89)");
        verify(!findChild(tile, "stale_hr").visible);
        // Current values are drawn in their parameter's colour, bold.
        verify(findChild(tile, "value_hr").font.bold);
        compare(findChild(tile, "value_hr").color, WavePalette.colorFor("hr"));
    }

    function test_staleValueIsMarkedNeverShownAsCurrent() {
        const now = new Date();
        const earlier = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 0, 12);
        const tile = make({ hrStale: true, hrTime: earlier });
        const value = findChild(tile, "value_hr");
        const mark = findChild(tile, "stale_hr");
        verify(mark.visible);
        compare(mark.text, "old 00:12");
        compare(value.color, Theme.stale);
        verify(!value.font.bold);
        verify(value.font.italic);
        // Demoted: smaller than the current HR of another tile, and the mark below the digits, not over them.
        const live = make();
        verify(value.font.pixelSize < findChild(live, "value_hr").font.pixelSize * 0.7);
        verify(mark.y >= value.y + value.height - 1);
        const box = findChild(tile, "numeric_hr");
        verify(mark.y + mark.height <= box.height + 1);
        verify(mark.x + mark.contentWidth <= box.width + 1);
    }

    function test_staleFromAnotherDayShowsTheDate() {
        const tile = make({ tempStale: true, tempTime: new Date(2026, 11, 3, 14, 2) });
        compare(findChild(tile, "stale_temp").text, "old 3 Dec 14:02");
        const box = findChild(tile, "numeric_temp");
        const mark = findChild(tile, "stale_temp");
        verify(mark.x + mark.contentWidth <= box.width + 1);
    }

    function test_blankedValueShowsTheReason() {
        const tile = make({ spo2Blank: "SPO2 SENSOR OFF" });
        const value = findChild(tile, "value_spo2");
        compare(value.text, "SENSOR OFF");
        verify(value.text.indexOf("97") < 0);
        verify(!findChild(tile, "stale_spo2").visible);
        verify(!value.truncated);
    }

    function test_blankComingAndGoingHasNoBindingLoop() {
        failOnWarning(/Binding loop/);
        const tile = createTemporaryObject(tileComponent, root, { model: model({}), index: 0, width: 314, height: 179 });
        for (let i = 0; i < 3; ++i) {
            tile.model = model({ spo2Blank: "SPO2 SENSOR OFF", pulseBlank: "SPO2 SENSOR OFF", hrStale: i === 1 });
            wait(0);
            compare(findChild(tile, "value_pulse").text, "SENSOR OFF");
            tile.model = model({ hrStale: i === 2 });
            wait(0);
            compare(findChild(tile, "value_pulse").text, "71");
        }
    }

    // The alarm engine's own Priority enum reaches QML: the same order and the same values as the engine's
    // (the Bed roles carry them as numbers), and the theme's words and colours follow it.
    function test_priorityIsTheEnginesEnum() {
        verify(Priority.None < Priority.Low && Priority.Low < Priority.Medium && Priority.Medium < Priority.High);
        compare(Priority.None, 0);
        compare(Priority.High, 3);
        compare(Theme.priorityName(Priority.High), "HIGH");
        compare(Theme.priorityName(Priority.Medium), "MED");
        compare(Theme.priorityName(Priority.Low), "LOW");
        compare(Theme.priorityName(Priority.None), "");
        compare(Theme.alarmColor(Priority.Medium), Theme.alarmMedium);
        compare(Station.alarmBar.topPriority >= Priority.None, true);
        verify(Station.display.maxFps > 0);
        compare(typeof Station.audio.paused, "boolean");
    }

    function test_alarmedValueTakesItsPriorityColour() {
        const tile = make({ hrAlarm: Priority.High, spo2Alarm: Priority.Medium });
        const hr = findChild(tile, "alarm_hr");
        verify(hr.visible);
        compare(hr.color, Theme.alarmHigh);
        compare(findChild(tile, "alarm_spo2").color, Theme.alarmMedium);
        verify(!findChild(tile, "alarm_rr").visible);
        // A pressure takes the highest of its three values' priorities.
        verify(findChild(make({ nibp_diaAlarm: Priority.Low }), "alarm_nibp").visible);
    }

    function test_categoryAndCustomLimitsOnTheTile() {
        const tile = make({ category: "neonatal", customLimits: true });
        verify(findChild(tile, "category").visible);
        verify(findChild(tile, "customLimits").visible);
        const plain = make({ category: "", customLimits: false });
        verify(!findChild(plain, "category").visible);
        verify(!findChild(plain, "customLimits").visible);
    }

    function test_pausedBedSaysSoAndDoesNotFlash() {
        const tile = make({ alarmPriority: Priority.High, alarmText: "HR high", alarmPaused: true, alarmPauseRemaining: 107 });
        const text = findChild(tile, "alarmsPaused");
        verify(text.visible);
        compare(text.text, "ALARMS PAUSED  1:47");
        const frame = tile.border.color;
        Theme.highOn = !Theme.highOn;
        compare(tile.border.color, frame);
        Theme.highOn = true;
    }

    function test_noDataClearsTheWaves() {
        const tile = make({ noData: true });
        verify(findChild(tile, "tileWaves").waveView.cleared);
        verify(!findChild(make(), "tileWaves").waveView.cleared);
    }

    function test_neverMeasuredShowsDashes() {
        const tile = make({ hr: NaN, nibp_sys: NaN, nibp_dia: NaN, nibp_mean: NaN });
        compare(findChild(tile, "value_hr").text, "--");
        compare(findChild(tile, "value_nibp").text, "--/--");
        verify(!findChild(tile, "stale_hr").visible);
    }

    function test_noDataIsSaid() {
        const tile = make({ noData: true });
        verify(findChild(tile, "noData").visible);
        verify(!findChild(tile, "tileWaves").waveView.running);
        const live = make();
        verify(!findChild(live, "noData").visible);
    }

    function test_wavesChosenFromWhatTheBedHas() {
        compare(make().shownWaves, ["ecg_ii", "pleth", "resp"]);
        compare(make({ waves: ["ecg_ii", "pleth", "resp", "abp", "co2"] }).shownWaves, ["ecg_ii", "pleth", "resp", "abp"]);
        // A bed without lead II shows its first ECG lead instead (e.g. a replayed MCL1 record).
        compare(make({ waves: ["ecg_v", "abp", "resp"] }).shownWaves, ["ecg_v", "resp", "abp"]);
    }

    function test_conditionsShown() {
        const tile = make({ conditions: "ECG LEADS OFF" });
        compare(findChild(tile, "conditions").text, "ECG LEADS OFF");
    }

    function test_tapOpensBed() {
        const tile = make();
        openedSpy.target = tile;
        openedSpy.clear();
        mouseClick(tile, 100, 100);
        compare(openedSpy.count, 1);
        compare(openedSpy.signalArguments[0][0], 0);
    }

    function test_textLegibleAtSmallTiles() {
        // At the 32-bed tile (1920x1080, 8 x 4) and the 16-bed tile at 1280x800, HR stays >= 22 px and
        // no numeric text leaves its box, even with ABP and etCO2.
        const sizes = [[234, 247], [314, 179], [474, 247]];
        for (const sz of sizes) {
            const tile = createTemporaryObject(tileComponent, root, {
                model: model({ abp_sys: 120, abp_dia: 80, abp_mean: 93, abp_sysStale: false, etco2: 35, etco2Stale: false,
                               tempStale: true, tempTime: new Date(2026, 11, 3, 14, 2),
                               spo2Blank: "SPO2 SENSOR OFF", pulseBlank: "SPO2 SENSOR OFF" }),
                index: 0, width: sz[0], height: sz[1] });
            verify(findChild(tile, "value_hr").font.pixelSize >= 22, "HR at " + sz);
            for (const key of ["hr", "spo2", "pulse", "rr", "temp", "etco2", "nibp", "abp"]) {
                const box = findChild(tile, "numeric_" + key);
                verify(box.visible, key + " at " + sz);
                const p = box.mapToItem(tile, 0, 0);
                verify(p.x >= 0 && p.y >= 0 && p.x + box.width <= tile.width + 1 && p.y + box.height <= tile.height + 1,
                       key + " box outside the tile at " + sz);
                for (const name of ["value_", "label_", "stale_", "unit_"]) {
                    const t = findChild(box, name + key);
                    if (!t || !t.visible)
                        continue;
                    verify(!t.truncated, name + key + " elided at " + sz);
                    verify(t.x + t.contentWidth <= box.width + 1 && t.y + t.contentHeight <= box.height + 1,
                           name + key + " '" + t.text + "' leaves its box at " + sz + ": " + [t.x, t.y, t.contentWidth, t.contentHeight]
                           + " in " + [box.width, box.height]);
                }
            }
        }
    }
}
}
