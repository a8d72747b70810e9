// The station file as text, before and around toml++: the pre-scan that bounds key nesting, and toml++'s
// syntax errors said in the words of docs/CONFIG.md (with the key of the line, where there is one).
#pragma once

#include "ConfigDocument.h"

#include <QByteArray>
#include <QString>

namespace vigil::configtext {

// toml++ bounds the nesting of values but not of keys: a 1 MiB `[a.b.b.b...]` header recurses (and
// destroys) table by table until the stack runs out. Counts the dotted parts of every key outside
// strings and comments; returns the line of the first key deeper than `limit`, or 0.
int tooDeepKeyLine(const QByteArray &text, int limit);

// Line `line` (from 1), trimmed; empty past the end.
QString lineText(const QByteArray &text, int line);
// The key of a `key = value` line, or empty.
QString keyOfLine(const QString &line);

// A toml++ parse error (its 1-based line and column and its description) as a ConfigError.
ConfigError syntaxError(const QString &origin, const QByteArray &text, int line, int column,
                        const QString &desc, int maxValueDepth);

} // namespace vigil::configtext
