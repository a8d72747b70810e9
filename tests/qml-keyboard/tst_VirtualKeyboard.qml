import QtQuick
import QtQuick.Controls
import QtTest
import Vigil.Ui

// Touch-only entry: the NEWS2 value field (a number) and the handover notes (text) are filled by clicking
// the on-screen keyboard's keys, found by their labels; no key event is sent to the fields. The keyboard
// appears for each field, the field stays above it (its page or popup is lifted), and the alarm bar (the
// top 68 px, drawn over the page as the station's header is) is never covered. A window of its own, laid
// out as the station window: page, alarm bar, popups and keyboard in the overlay.
TestCase {
    id: test
    name: "VirtualKeyboard"
    when: windowShown

    Window {
        id: win
        width: 1280
        height: 800
        visible: true

        Item {
            id: page
            anchors.fill: parent
            NewsPanel {
                id: news
                x: 40
                y: 480 // low on the page: the keyboard would cover it unless the page is lifted
                width: 600
            }
        }
        Rectangle {
            id: alarmBar
            z: 1
            width: parent.width
            height: 68
            color: "#222"
        }
        HandoverPanel {
            id: handover
            bedIndex: 0
        }
        KeyboardPanel {
            id: keyboard
            parent: Overlay.overlay
            minTop: alarmBar.height
        }
    }

    // A key of the keyboard's current layout: an item with the key properties, visible and enabled.
    function findKey(item, match) {
        if (!item || !item.visible)
            return null;
        if (item.hasOwnProperty("displayText") && item.hasOwnProperty("key") && item.enabled && match(item))
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const k = findKey(item.children[i], match);
            if (k)
                return k;
        }
        return null;
    }
    function touch(match, what) {
        const k = findKey(keyboard, match);
        verify(k !== null, "no key " + what + " on the keyboard");
        mouseClick(k);
        wait(30);
    }
    function type(text) {
        for (const c of text) {
            if (c === " ")
                touch(k => k.key === Qt.Key_Space, "space");
            else
                touch(k => k.text === c || k.displayText === c, "'" + c + "'");
        }
    }
    function windowRect(item) { return item.mapToItem(null, 0, 0, item.width, item.height); }
    function checkNotCovered(field) {
        tryVerify(() => keyboard.shown && Math.abs(keyboard.y - keyboard.keyboardTop) < 1, 3000, "the keyboard is not up");
        tryVerify(() => { const r = windowRect(field); return r.y + r.height <= keyboard.y; }, 3000,
                  "the field is under the keyboard");
        verify(windowRect(field).y >= alarmBar.height, "the field went over the alarm bar");
        verify(keyboard.y >= alarmBar.height, "the keyboard covers the alarm bar");
    }

    function initTestCase() {
        win.requestActivate();
        tryVerify(() => win.active, 3000);
    }

    function test_1_number() {
        const field = findChild(news, "newsValue");
        verify(field);
        compare(keyboard.shown, false);
        mouseClick(field);
        tryVerify(() => field.activeFocus);
        checkNotCovered(field);
        verify(keyboard.lift > 0, "the page was not lifted");
        // A number layout for a number field (ImhFormattedNumbersOnly): digits and the point.
        type("37.8");
        compare(field.text, "37.8");
    }

    function test_2_note() {
        handover.open();
        tryVerify(() => handover.opened);
        const notes = findChild(handover.contentItem, "handoverNotes");
        verify(notes);
        mouseClick(notes);
        tryVerify(() => notes.activeFocus);
        checkNotCovered(notes);
        const before = notes.text.length;
        type("check drain");
        // The keyboard may capitalise the first letter of a sentence.
        compare(notes.text.substring(before).toLowerCase(), "check drain");
        handover.close();
        tryVerify(() => !keyboard.shown, 3000, "the keyboard stayed after the field closed");
    }
}
