// `vigil dicom ...`: DICOM export, inspection and network test from the command line (docs/DICOM.md).
//
//   vigil dicom export --archive FILE --bed B --from T1 --to T2 --out FILE.dcm [--type auto|ecg|hemodynamic]
//   vigil dicom pdf    --pdf FILE --out FILE.dcm [--archive FILE --bed B --at T] [--title TEXT]
//   vigil dicom show   FILE
//   vigil dicom import FILE --archive OUT [--bed LABEL]
//   vigil dicom echo   AE@HOST:PORT                 [network options]
//   vigil dicom send   FILE... --to AE@HOST:PORT    [network options]
//
// Network options: --calling-ae AE, --tls, --tls-ca FILE, --tls-cert FILE, --tls-key FILE, --tls-no-verify,
// --timeout S. --config FILE takes the defaults (AE titles, TLS files, UID root) from the station file's
// [dicom] section. Exit codes: 0 ok, 1 failed (with the reason), 2 bad arguments, 3 unreadable input.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace vigil {

// args: the words after "dicom".
int runDicomCommand(const QStringList &args, QTextStream &out, QTextStream &err);

// main()'s entry: creates the QCoreApplication and runs the above on argv[2...].
int dicomMain(int argc, char *argv[]);

} // namespace vigil
