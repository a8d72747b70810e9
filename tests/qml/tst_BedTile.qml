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
        const tile = make({ hrStale: true, hrTime: new Date(2026, 10, 22, 3, 12) });
        const value = findChild(tile, "value_hr");
        const mark = findChild(tile, "stale_hr");
        verify(mark.visible);
        verify(mark.text.indexOf("03:12") >= 0);
        compare(value.color, Theme.stale);
        verify(!value.font.bold);
        verify(value.font.italic);
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
        // At the 32-bed tile size the smallest numeric label stays >= 12 px and HR >= 20 px.
        const tile = createTemporaryObject(tileComponent, root, { model: model({}), index: 0, width: 316, height: 128 });
        verify(findChild(tile, "value_hr").font.pixelSize >= 20);
        verify(findChild(tile, "bedLabel").font.pixelSize >= 11);
    }
}
}
