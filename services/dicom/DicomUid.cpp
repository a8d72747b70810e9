#include "DicomUid.h"

#include <QRegularExpression>
#include <QUuid>

namespace vigil::dicom {

namespace {

// 128-bit unsigned integer to decimal, by repeated division of two 64-bit halves.
QString toDecimal(quint64 hi, quint64 lo)
{
    if (hi == 0 && lo == 0)
        return QStringLiteral("0");
    QString digits;
    while (hi != 0 || lo != 0) {
        // Divide (hi, lo) by 10 using 32-bit limbs.
        quint32 limbs[4] = {quint32(hi >> 32), quint32(hi), quint32(lo >> 32), quint32(lo)};
        quint64 rem = 0;
        for (quint32 &l : limbs) {
            const quint64 cur = (rem << 32) | l;
            l = quint32(cur / 10);
            rem = cur % 10;
        }
        hi = (quint64(limbs[0]) << 32) | limbs[1];
        lo = (quint64(limbs[2]) << 32) | limbs[3];
        digits.prepend(QChar(u'0' + int(rem)));
    }
    return digits;
}

} // namespace

bool isValidUid(const QString &uid)
{
    static const QRegularExpression re(QStringLiteral(R"(^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$)"));
    return !uid.isEmpty() && uid.size() <= 64 && re.match(uid).hasMatch();
}

QString deriveUid(const QString &root, const QString &name)
{
    // A fixed namespace for Vigil's names (itself a v5 UUID of "vigil.dicom" in the URL namespace).
    static const QUuid ns = QUuid::createUuidV5(
        QUuid(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}")), QStringLiteral("vigil.dicom"));
    const QUuid u = QUuid::createUuidV5(ns, name);
    const QByteArray b = u.toRfc4122();
    quint64 hi = 0, lo = 0;
    for (int i = 0; i < 8; ++i) {
        hi = (hi << 8) | quint8(b[i]);
        lo = (lo << 8) | quint8(b[i + 8]);
    }
    const QString dec = toDecimal(hi, lo);
    if (root.isEmpty())
        return QStringLiteral("2.25.") + dec;
    if (!isValidUid(root) || root.size() > 60)
        return {};
    QString tail = dec.left(64 - root.size() - 1);
    while (tail.size() > 1 && tail.front() == u'0')
        tail.remove(0, 1);
    return root + u'.' + tail;
}

} // namespace vigil::dicom
