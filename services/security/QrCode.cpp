// QR matrix through libqrencode (error correction M, 8-bit mode).
#include "QrCode.h"

#include <qrencode.h>

namespace vigil::security {

QStringList qrRows(const QString &text)
{
    QRcode *code = QRcode_encodeString(text.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return {};
    QStringList rows;
    for (int y = 0; y < code->width; ++y) {
        QString row(code->width, u'0');
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                row[x] = u'1';
        rows << row;
    }
    QRcode_free(code);
    return rows;
}

} // namespace vigil::security
