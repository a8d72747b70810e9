import QtQuick

// The TOTP enrolment QR code: Station.access.enrolQr, one string per row, '1' = dark module, drawn
// black on a white quiet zone of 4 modules (what phone cameras need).
Rectangle {
    id: qr
    objectName: "totpQr"
    property var rows: []
    readonly property int modules: rows.length + 8
    implicitWidth: 264
    implicitHeight: 264
    color: "white"
    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d");
            ctx.fillStyle = "white";
            ctx.fillRect(0, 0, width, height);
            if (qr.rows.length === 0)
                return;
            const cell = Math.floor(Math.min(width, height) / qr.modules);
            const off = Math.floor((Math.min(width, height) - cell * qr.modules) / 2) + 4 * cell;
            ctx.fillStyle = "black";
            for (let y = 0; y < qr.rows.length; ++y) {
                const row = qr.rows[y];
                for (let x = 0; x < row.length; ++x) {
                    if (row[x] === "1")
                        ctx.fillRect(off + x * cell, off + y * cell, cell, cell);
                }
            }
        }
    }
    onRowsChanged: canvas.requestPaint()
}
