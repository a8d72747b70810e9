// Files that hold secrets (issue 12, part 5): the user database, the audit file and private keys are
// readable by the station's account only. createPrivateFile makes a new file with mode 0600;
// checkPrivateKey refuses a key that others can read, with a message that says how to fix it.
#pragma once

#include <QString>

namespace vigil::security {

// Creates an empty file with mode 0600 (whatever the umask). False with *error if it cannot.
bool createPrivateFile(const QString &path, QString *error);
// Tightens an existing file to 0600 (the user database, the audit file).
bool makePrivate(const QString &path, QString *error);
// A private key (or other secret file) must not be world-readable or world-writable. Empty path = nothing to
// check.
bool checkPrivateKey(const QString &path, QString *error);
// True when the file is readable by other accounts (world-readable).
bool isWorldReadable(const QString &path);

} // namespace vigil::security
