// UIDs the station generates: deterministic, so exporting the same bed, stay and range again gives the
// same Study / Series / SOP Instance UIDs (a PACS then sees a resend, not a new object).
#pragma once

#include <QString>

namespace vigil::dicom {

// root empty: "2.25." + the decimal of a name-based (SHA-1, version 5) UUID of name (ISO/IEC 9834-8,
// needs no registered root). root given: root + "." + decimal digits derived from the same hash, cut so the
// UID stays within 64 characters. Returns an empty string when the root itself is invalid.
QString deriveUid(const QString &root, const QString &name);
bool isValidUid(const QString &uid);

} // namespace vigil::dicom
