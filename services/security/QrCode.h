// QR code matrix (libqrencode) for the TOTP enrolment screen: one string per row, '1' = dark module.
#pragma once

#include <QStringList>

namespace vigil::security {

QStringList qrRows(const QString &text); // empty on failure

} // namespace vigil::security
