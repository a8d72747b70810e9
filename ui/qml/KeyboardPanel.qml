import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Vigil.Ui

// The on-screen keyboard (Qt Virtual Keyboard) for every text and number entry when no hardware keyboard
// is in use, or always (Station.ui.virtualKeyboard, [ui] virtual_keyboard). It rises from the bottom of the
// window over the overlay layer, in the UI's language, and lifts whatever holds the field being typed
// into (a popup, or the page) just enough to keep that field above it. `minTop` is the bottom of the alarm
// bar: a lifted popup's top and a lifted field never go above it, so neither hides an alarm.
InputPanel {
    id: panel
    objectName: "keyboardPanel"
    property real minTop: 0 // window y below which the alarm bar ends: nothing is lifted above it
    readonly property bool shown: Station.ui.virtualKeyboard && active
    readonly property real keyboardTop: (parent ? parent.height : 0) - height
    // The item lifted and by how much (window pixels), for the tests and the layout.
    property Item lifted: null
    property real lift: 0

    z: 1000
    visible: shown
    // The keyboard's height follows its width (about 0.31): at most 40 % of the room below the alarm bar,
    // so a centred popup can be lifted clear of it without going over the alarm bar.
    width: Math.min(parent ? parent.width : 0, 1280, parent ? (parent.height - minTop) * 0.4 / 0.31 : 0)
    x: ((parent ? parent.width : 0) - width) / 2
    y: shown ? keyboardTop : (parent ? parent.height : 0)

    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: Station.ui.localeName
    }

    Translate {
        id: liftTransform
        y: -panel.lift
    }

    // The item that moves with the field: a popup's own item (a child of the overlay) or the page (a child
    // of the window's content item).
    function holderOf(item) {
        let holder = item;
        while (holder && holder.parent && holder.parent !== panel.parent && holder.parent !== panel.Window.contentItem)
            holder = holder.parent;
        return holder && holder !== item.Window.contentItem ? holder : null;
    }
    function release() {
        if (lifted)
            lifted.transform = []; // qmllint disable
        lifted = null;
        lift = 0;
    }
    function relift() {
        const field = panel.Window.activeFocusItem;
        if (!shown || !field || !parent) {
            release();
            return;
        }
        const holder = holderOf(field);
        if (holder !== lifted)
            release();
        if (!holder)
            return;
        // Where the field and its holder are without the lift.
        const f = field.mapToItem(parent, 0, 0, field.width, field.height);
        const h = holder.mapToItem(parent, 0, 0, holder.width, holder.height);
        const fieldBottom = f.y + f.height + lift;
        const holderTop = h.y + lift;
        const need = Math.max(0, fieldBottom + 12 - keyboardTop);
        // A popup (in the overlay, drawn over the alarm bar) keeps its top below the alarm bar; a page
        // (drawn under the header) may slide under it, but the field itself stays below it.
        const inOverlay = holder.parent === panel.parent;
        const fieldTop = f.y + lift;
        lift = Math.max(0, Math.min(need, (inOverlay ? holderTop : fieldTop) - minTop));
        lifted = holder;
        holder.transform = [liftTransform]; // qmllint disable
    }
    // Once the layout has settled (the panel's own geometry, the popup's position).
    Timer {
        id: reliftSoon
        interval: 0
        onTriggered: panel.relift()
    }
    onShownChanged: reliftSoon.restart()
    onKeyboardTopChanged: reliftSoon.restart()
    Connections {
        target: panel.Window.window
        function onActiveFocusItemChanged() { reliftSoon.restart(); }
    }
}
